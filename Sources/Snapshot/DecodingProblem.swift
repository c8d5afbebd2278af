import Foundation

extension ValidationProblem {
    /// Turns a `JSONDecoder` failure into a problem naming the file, the JSON path and what was expected.
    package init(file: String, decodingError error: any Error) {
        guard let error = error as? DecodingError else {
            self.init(file: file, "cannot be read: \(error.localizedDescription)")
            return
        }
        switch error {
        case .typeMismatch(let type, let context):
            self.init(file: file, path: JSONPath.string(context.codingPath),
                      "wrong type: expected \(Self.jsonTypeName(type))\(Self.detail(context))")
        case .valueNotFound(let type, let context):
            self.init(file: file, path: JSONPath.string(context.codingPath),
                      "wrong type: expected \(Self.jsonTypeName(type)), found null")
        case .keyNotFound(let key, let context):
            self.init(file: file, path: JSONPath.appending(key.stringValue, to: JSONPath.string(context.codingPath)),
                      "missing required field \"\(key.stringValue)\"")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                let underlying = (context.underlyingError as NSError?).map { Self.oneLine($0) } ?? context.debugDescription
                self.init(file: file, "malformed JSON: \(underlying)")
            } else {
                self.init(file: file, path: JSONPath.string(context.codingPath), "invalid value: \(context.debugDescription)")
            }
        @unknown default:
            self.init(file: file, "cannot be decoded: \(error)")
        }
    }

    private static func jsonTypeName(_ type: Any.Type) -> String {
        let name = String(describing: type)
        if name.hasPrefix("Array") { return "an array" }
        if name.hasPrefix("Dictionary") { return "an object" }
        switch name {
        case "String": return "a string"
        case "Bool": return "a boolean"
        case "Int", "Int64", "Double", "UInt64": return "a number"
        default: return "\(name)"
        }
    }

    private static func detail(_ context: DecodingError.Context) -> String {
        let text = context.debugDescription
        if let range = text.range(of: "but found ") {
            return ", found " + text[range.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: ". "))
        }
        return ""
    }

    private static func oneLine(_ error: NSError) -> String {
        var text = (error.userInfo[NSDebugDescriptionErrorKey] as? String) ?? error.localizedDescription
        if let inner = error.userInfo[NSUnderlyingErrorKey] as? NSError {
            text += " (" + oneLine(inner) + ")"
        }
        return text.replacingOccurrences(of: "\n", with: " ")
    }
}

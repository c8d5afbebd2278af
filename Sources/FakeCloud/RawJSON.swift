import Foundation

/// A JSON value as read from a snapshot file or sent in a response body.
///
/// Unlike Foundation's `Any` trees it is `Sendable`, so the loaded snapshot can be shared by every connection task, and
/// it keeps integers apart from doubles and booleans so that items are served back exactly as the snapshot holds them.
enum RawJSON: Sendable, Equatable, Encodable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([RawJSON])
    case object([String: RawJSON])

    /// Converts a value produced by `JSONSerialization`. Booleans are told from numbers by their Objective-C type
    /// (`c`), which `JSONSerialization` gives booleans on every platform.
    init(foundation value: Any) {
        switch value {
        case let string as String:
            self = .string(string)
        case let number as NSNumber:
            let type = String(cString: number.objCType)
            if type == "c" || type == "B" {
                self = .bool(number.boolValue)
            } else if type == "d" || type == "f" || type == "Q" {
                self = .double(number.doubleValue)
            } else {
                self = .int(number.intValue)
            }
        case let array as [Any]:
            self = .array(array.map(RawJSON.init(foundation:)))
        case let object as [String: Any]:
            self = .object(object.mapValues(RawJSON.init(foundation:)))
        default:
            self = .null
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// Parses JSON text.
    static func parse(_ data: Data) throws -> RawJSON {
        RawJSON(foundation: try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
    }

    /// Compact JSON text with sorted keys and unescaped slashes (URLs in bodies stay readable).
    var data: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding a tree of plain values cannot fail; a non-finite double is the only exception and never parses in.
        return (try? encoder.encode(self)) ?? Data("null".utf8)
    }

    /// The member `key` of an object, or `nil`.
    subscript(key: String) -> RawJSON? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    var arrayValue: [RawJSON]? {
        if case .array(let value) = self { return value }
        return nil
    }

    var objectValue: [String: RawJSON]? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// A copy of an object with `key` set to `value` (removed when `value` is `nil`); other values are returned as is.
    func setting(_ key: String, to value: RawJSON?) -> RawJSON {
        guard case .object(var members) = self else { return self }
        members[key] = value
        return .object(members)
    }
}

extension RawJSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .int(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: RawJSON...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, RawJSON)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

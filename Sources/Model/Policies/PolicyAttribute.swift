/// One attribute test of a policy subject, resource or rule: `key operator value`.
package struct PolicyAttribute: Sendable, Hashable, CustomStringConvertible {
    package let key: String
    /// `stringEquals` (the v1 default), `stringMatch`, `stringExists`, `stringEqualsAnyOf`, `stringMatchAnyOf`, or a
    /// rule operator such as `timeGreaterThanOrEquals`.
    package let `operator`: String
    package let value: AttributeValue

    package init(key: String, operator: String = "stringEquals", value: AttributeValue) {
        self.key = key
        self.operator = `operator`
        self.value = value
    }

    package var description: String { "\(key) \(`operator`) \(value)" }
}

/// An attribute's value: a string, a boolean (`stringExists`) or a list (`…AnyOf`, `dayOfWeekAnyOf`).
package enum AttributeValue: Sendable, Hashable, Decodable, CustomStringConvertible {
    case string(String)
    case bool(Bool)
    case list([String])

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let list = try? container.decode([String].self) {
            self = .list(list)
        } else if let number = try? container.decode(Double.self) {
            // Whole numbers read as integers ("3", not "3.0"); one too large for an Int stays a Double's text.
            self = .string(Int(exactly: number).map(String.init) ?? String(number))
        } else {
            throw DecodingError.typeMismatch(String.self, DecodingError.Context(
                codingPath: decoder.codingPath,
                debugDescription: "Expected a string, a boolean or an array of strings"))
        }
    }

    /// The values a string or list holds (empty for a boolean).
    package var strings: [String] {
        switch self {
        case .string(let s): [s]
        case .list(let l): l
        case .bool: []
        }
    }

    /// The first of `strings`, without building the list.
    package var firstString: String? {
        switch self {
        case .string(let s): s
        case .list(let l): l.first
        case .bool: nil
        }
    }

    /// Whether a string or list holds a value passing `test` (never for a boolean): `strings.contains(where:)`
    /// without building the list.
    package func containsString(where test: (String) -> Bool) -> Bool {
        switch self {
        case .string(let s): test(s)
        case .list(let l): l.contains(where: test)
        case .bool: false
        }
    }

    package var description: String {
        switch self {
        case .string(let s): s
        case .bool(let b): String(b)
        case .list(let l): "[" + l.joined(separator: ", ") + "]"
        }
    }
}

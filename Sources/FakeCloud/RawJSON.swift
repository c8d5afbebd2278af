import Foundation
import Snapshot

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

    /// Compact JSON text with sorted keys and unescaped slashes (URLs in bodies stay readable): the bytes `JSONEncoder`
    /// gives with `[.sortedKeys, .withoutEscapingSlashes]`, written directly (a page is answered for a few
    /// microseconds of CPU instead of a millisecond through the encoder).
    var data: Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4096)
        append(to: &bytes)
        return Data(bytes)
    }

    /// Appends the compact text of `data`: keys in the order of their UTF-8 bytes (`JSONEncoder`'s `.sortedKeys`),
    /// strings escaped as `JSONEncoder` escapes them (`JSONPrimitives.appendString`), doubles through `JSONEncoder`
    /// itself (few values are doubles; a non-finite one, which never parses in, is `null`).
    private func append(to bytes: inout [UInt8]) {
        switch self {
        case .null:
            bytes.append(contentsOf: "null".utf8)
        case .bool(let value):
            JSONPrimitives.appendBool(value, to: &bytes)
        case .int(let value):
            JSONPrimitives.appendInteger(Int64(value), to: &bytes)
        case .double(let value):
            bytes.append(contentsOf: (try? JSONEncoder().encode(value)) ?? Data("null".utf8))
        case .string(let value):
            JSONPrimitives.appendString(value, to: &bytes)
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                element.append(to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            for (index, member) in members.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }).enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                JSONPrimitives.appendString(member.key, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                member.value.append(to: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        }
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

import Foundation

/// Writes a JSON value as produced by `JSONSerialization` (or built of Swift strings, numbers, arrays and
/// dictionaries) to the bytes `JSONSerialization.data(withJSONObject:options: [.sortedKeys, .prettyPrinted,
/// .withoutEscapingSlashes, .fragmentsAllowed])` gives for it, several times faster: keys are ordered by
/// `JSONKeyOrder`, text is built by `JSONPrimitives`.
///
/// Values are told apart as Foundation tells them: an `NSNumber` by what it holds (a shared boolean, a
/// floating-point or an integer type, or an `NSDecimalNumber`), Swift numbers and booleans by their type, `nil` and
/// `NSNull` as `null`. Nesting is bounded by whoever built the value (`JSONSerialization` parses at most 512 levels).
package struct CanonicalJSONWriter {
    /// The text written so far.
    package private(set) var bytes: [UInt8] = []

    package init() {}

    /// A writer with room for `capacity` bytes of text before it grows.
    init(reservingCapacity capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends `value` at nesting level `depth` (its first line is not indented: the caller places it).
    package mutating func write(_ value: Any, depth: Int = 0) throws(CanonicalJSONError) {
        // What a parsed response is made of is told apart by its exact type first: a cast to the type a value has
        // is cheap, one that fails is not (it looks for a bridge). Anything else (a bridged string, a dictionary of
        // another type…) goes through the casts below.
        let valueType = type(of: value)
        if valueType == String.self, let string = value as? String {
            JSONPrimitives.appendString(string, to: &bytes)
        } else if valueType == [String: Any].self, let object = value as? [String: Any] {
            try write(object: object, depth: depth)
        } else if valueType == [Any].self, let array = value as? [Any] {
            try write(array: array, depth: depth)
        } else if valueType is NSNumber.Type, let number = value as? NSNumber {
            try write(number: number)
        } else if valueType == NSNull.self {
            JSONPrimitives.appendNull(to: &bytes)
        } else if let string = value as? String {
            JSONPrimitives.appendString(string, to: &bytes)
        } else if let object = value as? [String: Any] {
            try write(object: object, depth: depth)
        } else if let array = value as? [Any] {
            try write(array: array, depth: depth)
        } else {
            try write(scalar: value, depth: depth)
        }
    }

    private mutating func write(object: [String: Any], depth: Int) throws(CanonicalJSONError) {
        try write(object: object, depth: depth) { writer, _, value throws(CanonicalJSONError) in
            try writer.write(value, depth: depth + 1)
        }
    }

    /// Appends `object`'s members in Foundation's key order, each value written by `member` (key, value).
    mutating func write(object: [String: Any], depth: Int,
                        member: (inout Self, String, Any) throws(CanonicalJSONError) -> Void) throws(CanonicalJSONError) {
        JSONPrimitives.appendOpen(.object, to: &bytes)
        var first = true
        for index in JSONKeyOrder.sortedIndices(object) {
            if !first { JSONPrimitives.appendMemberSeparator(to: &bytes) }
            first = false
            JSONPrimitives.appendIndent(depth: depth + 1, to: &bytes)
            JSONPrimitives.appendString(object[index].key, to: &bytes)
            JSONPrimitives.appendKeySeparator(to: &bytes)
            try member(&self, object[index].key, object[index].value)
        }
        JSONPrimitives.appendClose(.object, depth: depth, to: &bytes)
    }

    private mutating func write(array: [Any], depth: Int) throws(CanonicalJSONError) {
        try write(array: array, depth: depth) { writer, element throws(CanonicalJSONError) in
            try writer.write(element, depth: depth + 1)
        }
    }

    /// Appends `array`'s elements, each written by `element`.
    mutating func write(array: [Any], depth: Int,
                        element: (inout Self, Any) throws(CanonicalJSONError) -> Void) throws(CanonicalJSONError) {
        JSONPrimitives.appendOpen(.array, to: &bytes)
        var first = true
        for value in array {
            if !first { JSONPrimitives.appendMemberSeparator(to: &bytes) }
            first = false
            JSONPrimitives.appendIndent(depth: depth + 1, to: &bytes)
            try element(&self, value)
        }
        JSONPrimitives.appendClose(.array, depth: depth, to: &bytes)
    }

    /// Appends `string` as a JSON string.
    mutating func append(string: String) {
        JSONPrimitives.appendString(string, to: &bytes)
    }

    /// An `NSNumber` the way corelibs-Foundation reads it back into its optimal Swift type before writing.
    private mutating func write(number: NSNumber) throws(CanonicalJSONError) {
        if let decimal = number as? NSDecimalNumber {
            bytes.append(contentsOf: decimal.description.utf8)
        } else if number === Self.sharedTrue || number === Self.sharedFalse {
            JSONPrimitives.appendBool(number.boolValue, to: &bytes)
        } else {
            switch String(cString: number.objCType) {
            case "d":
                guard JSONPrimitives.appendNumber(number.doubleValue, to: &bytes) else { throw .notFinite }
            case "f":
                guard JSONPrimitives.appendNumber(number.floatValue, to: &bytes) else { throw .notFinite }
            case "C", "S", "I", "L", "Q":
                JSONPrimitives.appendInteger(number.uint64Value, to: &bytes)
            default:
                JSONPrimitives.appendInteger(number.int64Value, to: &bytes)
            }
        }
    }

    /// Swift booleans and numbers, `NSNull`, `nil`, strings that bridge, and containers that need a conversion.
    private mutating func write(scalar value: Any, depth: Int) throws(CanonicalJSONError) {
        switch value {
        case let bool as Bool: JSONPrimitives.appendBool(bool, to: &bytes)
        case let int as Int: JSONPrimitives.appendInteger(Int64(int), to: &bytes)
        case let int as Int8: JSONPrimitives.appendInteger(Int64(int), to: &bytes)
        case let int as Int16: JSONPrimitives.appendInteger(Int64(int), to: &bytes)
        case let int as Int32: JSONPrimitives.appendInteger(Int64(int), to: &bytes)
        case let int as Int64: JSONPrimitives.appendInteger(int, to: &bytes)
        case let int as UInt: JSONPrimitives.appendInteger(UInt64(int), to: &bytes)
        case let int as UInt8: JSONPrimitives.appendInteger(UInt64(int), to: &bytes)
        case let int as UInt16: JSONPrimitives.appendInteger(UInt64(int), to: &bytes)
        case let int as UInt32: JSONPrimitives.appendInteger(UInt64(int), to: &bytes)
        case let int as UInt64: JSONPrimitives.appendInteger(int, to: &bytes)
        case let float as Float:
            guard JSONPrimitives.appendNumber(float, to: &bytes) else { throw .notFinite }
        case let double as Double:
            guard JSONPrimitives.appendNumber(double, to: &bytes) else { throw .notFinite }
        case let decimal as Decimal:
            bytes.append(contentsOf: decimal.description.utf8)
        case is NSNull:
            JSONPrimitives.appendNull(to: &bytes)
        case let string as NSString:  // what bridges to one: a `Substring`, a string of another module
            JSONPrimitives.appendString(string as String, to: &bytes)
        case let array as [Any?]:
            try write(array: array.map { $0 ?? NSNull() }, depth: depth)
        case let object as [String: Any?]:
            try write(object: object.mapValues { $0 ?? NSNull() }, depth: depth)
        case is [AnyHashable: Any]:
            throw .keyNotString
        case let optional as any OptionalValue:
            guard let wrapped = optional.wrappedValue else { JSONPrimitives.appendNull(to: &bytes); return }
            try write(wrapped, depth: depth)
        default:
            throw .notJSON(String(describing: type(of: value)))
        }
    }

    private static let sharedTrue = NSNumber(value: true)
    private static let sharedFalse = NSNumber(value: false)
}

/// Values read from JSON text by `JSONTapeParser` rather than parsed by Foundation (`CanonicalItem`).
extension CanonicalJSONWriter {
    /// Appends the value at `index` of `tape` as `write(_:depth:)` appends what Foundation parses from its text;
    /// `false` (with part of it appended) for text not accepted by `CanonicalItem`.
    mutating func write(_ tape: JSONTape, at index: Int, depth: Int) -> Bool {
        let token = tape.tokens[index]
        switch token.kind {
        case .string:
            if token.isUnusual {
                guard let string = tape.string(index) else { return false }
                JSONPrimitives.appendString(string, to: &bytes)
            } else {
                // Without escapes, the parser has seen no quote, backslash or control byte in it and checked that it
                // is UTF-8: `appendString` would append these very bytes between the quotes.
                appendQuoted(tape.rawBytes(index))
            }
        case .number:
            let raw = tape.rawBytes(index)
            let digits = raw.first == UInt8(ascii: "-") ? raw.count - 1 : raw.count
            // The parser marks fractions and exponents unusual; an integer is `-?(0|[1-9][0-9]*)`.
            guard !token.isUnusual, digits <= 18, !(digits == 1 && raw.count == 2 && raw[1] == UInt8(ascii: "0")) else {
                return false
            }
            bytes.append(contentsOf: raw)
        case .true: JSONPrimitives.appendBool(true, to: &bytes)
        case .false: JSONPrimitives.appendBool(false, to: &bytes)
        case .null: JSONPrimitives.appendNull(to: &bytes)
        case .object:
            return writeObject(tape, at: index, depth: depth) { writer, _, value in
                writer.write(tape, at: value, depth: depth + 1)
            }
        case .array:
            return writeArray(tape, at: index, depth: depth) { writer, element in
                writer.write(tape, at: element, depth: depth + 1)
            }
        }
        return true
    }

    /// Appends the object at `index` of `tape`, each member's value written by `member` (the key's and the value's
    /// token indices); `false` when its keys are not plain ASCII in `JSONKeyOrder`'s order or `member` fails.
    mutating func writeObject(_ tape: JSONTape, at index: Int, depth: Int,
                              member: (inout Self, Int, Int) -> Bool) -> Bool {
        let token = tape.tokens[index]
        guard !token.isUnusual else { return false }
        JSONPrimitives.appendOpen(.object, to: &bytes)
        // Keys of a usual object are plain ASCII without escapes: compared, and written, as their bytes.
        var key = index + 1, previous: UnsafeBufferPointer<UInt8>?
        while key < Int(token.second) {
            let raw = tape.rawBytes(key), keyBytes = raw.assumingMemoryBound(to: UInt8.self)
            guard JSONKeyOrder.isCollatable(keyBytes),
                  previous.map({ JSONKeyOrder.primaryOrder($0, keyBytes) < 0 }) ?? true else {
                return false
            }
            if previous != nil { JSONPrimitives.appendMemberSeparator(to: &bytes) }
            previous = keyBytes
            JSONPrimitives.appendIndent(depth: depth + 1, to: &bytes)
            appendQuoted(raw)
            JSONPrimitives.appendKeySeparator(to: &bytes)
            guard member(&self, key, key + 1) else { return false }
            key = tape.next(after: key + 1)
        }
        JSONPrimitives.appendClose(.object, depth: depth, to: &bytes)
        return true
    }

    /// Appends the array at `index` of `tape`, each element written by `element` (its token index).
    mutating func writeArray(_ tape: JSONTape, at index: Int, depth: Int, element: (inout Self, Int) -> Bool) -> Bool {
        JSONPrimitives.appendOpen(.array, to: &bytes)
        var position = index + 1
        while position < Int(tape.tokens[index].second) {
            if position > index + 1 { JSONPrimitives.appendMemberSeparator(to: &bytes) }
            JSONPrimitives.appendIndent(depth: depth + 1, to: &bytes)
            guard element(&self, position) else { return false }
            position = tape.next(after: position)
        }
        JSONPrimitives.appendClose(.array, depth: depth, to: &bytes)
        return true
    }

    /// Appends `raw` between quotes: a string's text that needs no escape.
    private mutating func appendQuoted(_ raw: UnsafeRawBufferPointer) {
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: raw)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends a line break: the end of a canonical item's text.
    mutating func appendLineBreak() {
        bytes.append(0x0A)
    }
}

/// Why a value could not be written as JSON.
package enum CanonicalJSONError: Error, Equatable, CustomStringConvertible {
    /// An infinite or NaN number.
    case notFinite
    /// A dictionary whose keys are not strings.
    case keyNotString
    /// A value of a type JSON has no form for (its type's name).
    case notJSON(String)

    package var description: String {
        switch self {
        case .notFinite: "a number is infinite or NaN, which JSON cannot hold"
        case .keyNotString: "a dictionary key is not a string"
        case .notJSON(let type): "a value of type \(type) cannot be written as JSON"
        }
    }
}

/// `Optional`, seen through `Any`: a `nil` wrapped in `Any` is written as `null`, a value as itself.
private protocol OptionalValue {
    var wrappedValue: Any? { get }
}

extension Optional: OptionalValue {
    fileprivate var wrappedValue: Any? { map { $0 as Any } }
}

import Foundation

/// Parses JSON text into the values `JSONSerialization.jsonObject(with:options: .fragmentsAllowed)` makes of it —
/// `[String: Any]`, `[Any]`, `String`, `NSNumber`, `NSNull` — built straight from a token tape (`JSONTapeParser`)
/// instead of through `JSONSerialization`'s own intermediate tree: a fetch parses every response, and this halves
/// what that costs.
///
/// Only text whose values are beyond doubt is built here: plain integers of at most 15 digits (the same number
/// whether read as an integer or a double, so written the same either way), strings whose escapes spell Unicode,
/// objects without a repeated key. Anything else — malformed text, a fraction or exponent, a longer integer, `-0`, a
/// repeated key, a lone surrogate — goes to `JSONSerialization` whole, so the values are always the ones it gives.
package enum FoundationJSON {
    /// The parsed value, or `JSONSerialization`'s error for text it refuses.
    package static func parse(_ data: Data) throws -> Any {
        let built: Any? = data.withUnsafeBytes { bytes in
            guard let tape = JSONTapeParser.parse(bytes) else { return nil }
            var builder = Builder(tape: tape)
            return builder.value(at: 0)
        }
        if let built { return built }
        return try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    }

    /// Builds values from a tape; any value it cannot vouch for makes the whole build `nil`.
    private struct Builder {
        let tape: JSONTape

        /// The value at token `index` (the tape's nesting is bounded by the parser, and so is this recursion).
        mutating func value(at index: Int) -> Any? {
            let token = tape.tokens[index]
            switch token.kind {
            case .object:
                var object: [String: Any] = [:]
                object.reserveCapacity(Int(token.first))
                var position = index + 1
                for _ in 0..<Int(token.first) {
                    guard let key = tape.string(position), let member = value(at: position + 1),
                          object.updateValue(member, forKey: key) == nil else { return nil }
                    position = tape.next(after: position + 1)
                }
                return object
            case .array:
                var array: [Any] = []
                array.reserveCapacity(Int(token.first))
                var position = index + 1
                for _ in 0..<Int(token.first) {
                    guard let element = value(at: position) else { return nil }
                    array.append(element)
                    position = tape.next(after: position)
                }
                return array
            case .string:
                return tape.string(index)
            case .number:
                return token.isUnusual ? nil : Self.integer(tape.rawBytes(index)).map { NSNumber(value: $0) }
            case .true:
                return NSNumber(value: true)
            case .false:
                return NSNumber(value: false)
            case .null:
                return NSNull()
            }
        }

        /// A plain integer (`-?[0-9]+`, as the parser checked it) of at most 15 digits, `-0` excepted.
        static func integer(_ raw: UnsafeRawBufferPointer) -> Int64? {
            let negative = raw.first == UInt8(ascii: "-")
            let digits = raw.count - (negative ? 1 : 0)
            guard digits >= 1, digits <= 15 else { return nil }
            var value: Int64 = 0
            for byte in raw.dropFirst(negative ? 1 : 0) { value = value * 10 + Int64(byte &- UInt8(ascii: "0")) }
            if negative, value == 0 { return nil }
            return negative ? -value : value
        }
    }
}

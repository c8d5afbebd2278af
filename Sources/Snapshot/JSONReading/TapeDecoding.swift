import Foundation

/// What the decoders and containers of one `SnapshotDecoder` pass share: the tape, `userInfo`, and whether the
/// decoding met something whose outcome it cannot vouch for being `JSONDecoder`'s.
///
/// Reading values follows `JSONDecoder`: a value of the wrong JSON type is a type mismatch, `null` where a value is
/// required is "value not found", a missing key is "key not found". Whatever `JSONDecoder` might read differently
/// — a number with a fraction or exponent, an integer beyond `Int`, a floating-point or sized integer type, `Date`,
/// `Data`, `URL` and `Decimal` (which `JSONDecoder` reads its own way), a key given twice, keys with escapes or
/// non-ASCII bytes — makes it give up: the document is then decoded again by `JSONDecoder`.
final class TapeDecoding {
    let tape: JSONTape
    let userInfo: [CodingUserInfoKey: Any]
    /// Set once a value was met that is left to `JSONDecoder`; the result of this decoding is then thrown away.
    private(set) var gaveUp = false

    init(tape: JSONTape, userInfo: [CodingUserInfoKey: Any]) {
        self.tape = tape
        self.userInfo = userInfo
    }

    /// Gives the document up to `JSONDecoder`; the error only unwinds this decoding.
    func giveUp(_ path: @autoclosure () -> [any CodingKey], _ what: String) -> DecodingError {
        gaveUp = true
        return DecodingError.dataCorrupted(DecodingError.Context(codingPath: path(), debugDescription: "\(what) is left to JSONDecoder"))
    }

    // MARK: Values

    func decodeString(at index: Int, _ path: @autoclosure () -> [any CodingKey]) throws -> String {
        switch tape.tokens[index].kind {
        case .string:
            guard let string = tape.string(index) else { throw giveUp(path(), "a string with a lone surrogate") }
            return string
        case .null: throw valueNotFound(String.self, path())
        case .object, .array, .number, .true, .false: throw typeMismatch(String.self, at: index, path())
        }
    }

    func decodeBool(at index: Int, _ path: @autoclosure () -> [any CodingKey]) throws -> Bool {
        switch tape.tokens[index].kind {
        case .true: return true
        case .false: return false
        case .null: throw valueNotFound(Bool.self, path())
        case .object, .array, .number, .string: throw typeMismatch(Bool.self, at: index, path())
        }
    }

    func decodeInt(at index: Int, _ path: @autoclosure () -> [any CodingKey]) throws -> Int {
        let token = tape.tokens[index]
        switch token.kind {
        case .number:
            guard !token.isUnusual, let value = Self.integer(tape.rawBytes(index)) else {
                throw giveUp(path(), "a number that is not a plain integer")
            }
            return value
        case .null: throw valueNotFound(Int.self, path())
        case .object, .array, .string, .true, .false: throw typeMismatch(Int.self, at: index, path())
        }
    }

    /// A value of any type at `index`, the path of its container being `parent` and its step there `step`.
    func decode<T: Decodable>(_ type: T.Type, at index: Int, parent: TapePath, step: TapeStep) throws -> T {
        if T.self == String.self { return try decodeString(at: index, parent.codingPath(in: tape, then: step)) as! T }
        if T.self == Int.self { return try decodeInt(at: index, parent.codingPath(in: tape, then: step)) as! T }
        if T.self == Bool.self { return try decodeBool(at: index, parent.codingPath(in: tape, then: step)) as! T }
        if T.self == Date.self || T.self == Data.self || T.self == URL.self || T.self == Decimal.self {
            throw giveUp(parent.codingPath(in: tape, then: step), "\(T.self)")
        }
        return try T(from: TapeDecoder(decoding: self, parent: parent, step: step, index: index))
    }

    /// `Int` of an optional minus and digits, or `nil` when it overflows.
    private static func integer(_ raw: UnsafeRawBufferPointer) -> Int? {
        var negative = false
        var digits = raw[...]
        if digits.first == UInt8(ascii: "-") {
            negative = true
            digits = digits.dropFirst()
        }
        var value = 0
        for byte in digits {
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = negative ? times10.subtractingReportingOverflow(Int(byte &- UInt8(ascii: "0")))
                                            : times10.addingReportingOverflow(Int(byte &- UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
        }
        return value
    }

    // MARK: Errors as JSONDecoder words them

    func typeMismatch(_ type: Any.Type, at index: Int, _ path: [any CodingKey]) -> DecodingError {
        DecodingError.typeMismatch(type, DecodingError.Context(codingPath: path,
            debugDescription: "Expected to decode \(type) but found \(describe(index)) instead."))
    }

    func valueNotFound(_ type: Any.Type, _ path: [any CodingKey]) -> DecodingError {
        DecodingError.valueNotFound(type, DecodingError.Context(codingPath: path,
            debugDescription: "Cannot get value of type \(type) -- found null value instead"))
    }

    private func describe(_ index: Int) -> String {
        switch tape.tokens[index].kind {
        case .object: "a dictionary"
        case .array: "an array"
        case .string: "a string"
        case .number: "number"
        case .true, .false: "bool"
        case .null: "null"
        }
    }
}

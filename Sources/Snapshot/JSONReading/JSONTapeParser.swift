/// Parses JSON text (RFC 8259, strictly) into a `JSONTape`, in one pass without recursion.
///
/// It accepts less than `JSONDecoder` may, never more: anything it does not accept — malformed JSON, invalid UTF-8,
/// nesting deeper than `maximumDepth`, a document too large for its 32-bit offsets — makes it answer `nil`, and the
/// caller then leaves the document to `JSONDecoder`, whose error message is the one the user sees.
enum JSONTapeParser {
    /// The deepest nesting of objects and arrays parsed here (`JSONDecoder`'s own limit is 512 too).
    static let maximumDepth = 512

    /// The tape of the document in `bytes`, or `nil` when it is not accepted.
    static func parse(_ bytes: UnsafeRawBufferPointer) -> JSONTape? {
        guard bytes.count < Int(UInt32.max) else { return nil }
        var scanner = Scanner(bytes: bytes)
        guard let tokens = scanner.document() else { return nil }
        return JSONTape(bytes: bytes, tokens: tokens)
    }

    /// An open object or array while its members are read.
    private struct OpenContainer {
        let token: Int
        let isObject: Bool
        var count: UInt32 = 0
        var isUnusual = false
    }

    private struct Scanner {
        let bytes: UnsafeRawBufferPointer
        var position = 0
        var tokens: [JSONToken] = []
        var open: [OpenContainer] = []

        init(bytes: UnsafeRawBufferPointer) {
            self.bytes = bytes
            // Pretty-printed snapshot files hold about one token per 12 bytes.
            tokens.reserveCapacity(bytes.count / 12 + 16)
        }

        mutating func document() -> [JSONToken]? {
            skipWhitespace()
            guard value() else { return nil }
            while !open.isEmpty {
                skipWhitespace()
                guard position < bytes.count else { return nil }
                let container = open[open.count - 1]
                if bytes[position] == (container.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    position += 1
                    close()
                    continue
                }
                if container.count > 0 {
                    guard bytes[position] == UInt8(ascii: ",") else { return nil }
                    position += 1
                    skipWhitespace()
                }
                if container.isObject { guard member() else { return nil } }
                open[open.count - 1].count += 1
                guard value() else { return nil }
            }
            skipWhitespace()
            guard position == bytes.count, tokens.count < Int(UInt32.max) else { return nil }
            return tokens
        }

        /// Reads one value; an object or array is only opened (its members are read by the loop in `document`).
        private mutating func value() -> Bool {
            guard position < bytes.count else { return false }
            switch bytes[position] {
            case UInt8(ascii: "{"): return openContainer(isObject: true)
            case UInt8(ascii: "["): return openContainer(isObject: false)
            case UInt8(ascii: "\""): return string(isKey: false)
            case UInt8(ascii: "t"): return literal("true", .true)
            case UInt8(ascii: "f"): return literal("false", .false)
            case UInt8(ascii: "n"): return literal("null", .null)
            default: return number()
            }
        }

        private mutating func openContainer(isObject: Bool) -> Bool {
            guard open.count < JSONTapeParser.maximumDepth else { return false }
            position += 1
            open.append(OpenContainer(token: tokens.count, isObject: isObject))
            tokens.append(JSONToken(kind: isObject ? .object : .array, isUnusual: false, first: 0, second: 0))
            return true
        }

        /// Reads a member's key and colon, up to its value.
        private mutating func member() -> Bool {
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { return false }
            guard string(isKey: true) else { return false }
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return false }
            position += 1
            skipWhitespace()
            return true
        }

        private mutating func close() {
            let container = open.removeLast()
            tokens[container.token] = JSONToken(kind: container.isObject ? .object : .array, isUnusual: container.isUnusual,
                                                first: container.count, second: UInt32(truncatingIfNeeded: tokens.count))
        }

        /// Reads a string from its opening quote; a key with an escape or a non-ASCII byte marks its object unusual.
        private mutating func string(isKey: Bool) -> Bool {
            let start = position + 1
            var index = start
            var hasEscape = false
            var hasNonASCII = false
            while true {
                index = JSONPlainBytes.end(of: bytes, from: index)
                guard index < bytes.count else { return false }
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") { break }
                if byte == UInt8(ascii: "\\") {
                    hasEscape = true
                    guard index + 1 < bytes.count else { return false }
                    index += bytes[index + 1] == UInt8(ascii: "u") ? 6 : 2
                    continue
                }
                if byte < 0x20 { return false }
                if byte >= 0x80 { hasNonASCII = true }
                index += 1
            }
            let raw = UnsafeRawBufferPointer(rebasing: bytes[start ..< index])
            if hasNonASCII, String(validating: raw, as: UTF8.self) == nil { return false }
            // Escapes are checked when read; a malformed one is checked here so that the document is rejected whole.
            if hasEscape, JSONEscapes.unescape(raw) == nil { return false }
            position = index + 1
            tokens.append(JSONToken(kind: .string, isUnusual: hasEscape, first: UInt32(truncatingIfNeeded: start),
                                    second: UInt32(truncatingIfNeeded: index)))
            if isKey, hasEscape || hasNonASCII { open[open.count - 1].isUnusual = true }
            return true
        }

        /// Reads `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`; a fraction or exponent marks it unusual.
        private mutating func number() -> Bool {
            let start = position
            var index = position
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count else { return false }
            if bytes[index] == UInt8(ascii: "0") {
                index += 1
            } else {
                guard digits(&index) else { return false }
            }
            var isUnusual = false
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard digits(&index) else { return false }
                isUnusual = true
            }
            if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                guard digits(&index) else { return false }
                isUnusual = true
            }
            position = index
            tokens.append(JSONToken(kind: .number, isUnusual: isUnusual, first: UInt32(truncatingIfNeeded: start),
                                    second: UInt32(truncatingIfNeeded: index)))
            return true
        }

        /// Skips one or more digits.
        private func digits(_ index: inout Int) -> Bool {
            let start = index
            while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 { index += 1 }
            return index > start
        }

        private mutating func literal(_ word: StaticString, _ kind: JSONToken.Kind) -> Bool {
            let count = word.utf8CodeUnitCount
            guard position + count <= bytes.count else { return false }
            for offset in 0 ..< count where bytes[position + offset] != word.utf8Start[offset] { return false }
            position += count
            tokens.append(JSONToken(kind: kind, isUnusual: false, first: 0, second: 0))
            return true
        }

        private mutating func skipWhitespace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x0A, 0x0D, 0x09: position += 1
                default: return
                }
            }
        }
    }
}

import Foundation

/// A JSON document parsed into a flat array of tokens (`JSONToken`) over its bytes, which it does not own: a tape is
/// read only while those bytes are (inside `Data.withUnsafeBytes`).
///
/// An object is its token followed by key and value tokens in turn; an array its token followed by its elements.
struct JSONTape {
    let bytes: UnsafeRawBufferPointer
    let tokens: [JSONToken]

    /// The index of the token after the value at `index` (and after everything inside it).
    func next(after index: Int) -> Int {
        let token = tokens[index]
        switch token.kind {
        case .object, .array: return Int(token.second)
        case .string, .number, .true, .false, .null: return index + 1
        }
    }

    /// The bytes of the string or number at `index` (a string's without its quotes, escapes not resolved).
    func rawBytes(_ index: Int) -> UnsafeRawBufferPointer {
        let token = tokens[index]
        return UnsafeRawBufferPointer(rebasing: bytes[Int(token.first) ..< Int(token.second)])
    }

    /// Whether the key token at `index` (a string in an object whose keys are all plain ASCII) spells `key`.
    func key(_ index: Int, equals key: String) -> Bool {
        let token = tokens[index]
        // Most members differ in length: only those of the same length are compared byte by byte.
        guard key.utf8.count == Int(token.second &- token.first) else { return false }
        let raw = rawBytes(index)
        var key = key
        return key.withUTF8 { utf8 in
            raw.isEmpty || memcmp(utf8.baseAddress!, raw.baseAddress!, raw.count) == 0
        }
    }

    /// The string at `index`, or `nil` when its escapes do not spell valid Unicode (a lone surrogate).
    func string(_ index: Int) -> String? {
        let raw = rawBytes(index)
        guard tokens[index].isUnusual else { return String(decoding: raw, as: UTF8.self) }
        return JSONEscapes.unescape(raw)
    }
}

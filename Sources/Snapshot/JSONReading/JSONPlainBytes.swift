/// Skips, eight at a time, the bytes a JSON string holds as they are: printable ASCII but the quote and the
/// backslash. Readers of JSON text go through a string's plain bytes with it and look at the others one by one.
package enum JSONPlainBytes {
    /// Where the plain bytes from `index` stop, or close to it: at the step of eight holding the first byte that is
    /// not plain, or within eight bytes of the end. The caller reads on byte by byte from there.
    package static func end(of bytes: UnsafeRawBufferPointer, from index: Int) -> Int {
        var index = index
        while index &+ 8 <= bytes.count {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            guard !holdsSpecialByte(word) else { break }
            index &+= 8
        }
        return index
    }

    private static var ones: UInt64 { 0x0101_0101_0101_0101 }
    private static var highBits: UInt64 { 0x8080_8080_8080_8080 }

    /// Whether one of the word's eight bytes is a quote, a backslash, a control character (below 0x20) or not ASCII
    /// (0x80 and above): the classic SWAR tests, each exact as a yes/no over the whole word.
    private static func holdsSpecialByte(_ word: UInt64) -> Bool {
        func holdsZeroByte(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highBits }
        let quote = holdsZeroByte(word ^ (ones &* UInt64(UInt8(ascii: "\""))))
        let backslash = holdsZeroByte(word ^ (ones &* UInt64(UInt8(ascii: "\\"))))
        let control = (word &- ones &* 0x20) & ~word & highBits
        return (quote | backslash | control | (word & highBits)) != 0
    }
}

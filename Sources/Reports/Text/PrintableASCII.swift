extension String {
    /// Whether the text is all printable ASCII, space to tilde: one character per byte, nothing a terminal could
    /// misread. Names, ids and roles mostly are, and tables of millions of cells that check it skip walking characters.
    var isPrintableASCII: Bool {
        func check(_ bytes: some Sequence<UInt8>) -> Bool { bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }
        return utf8.withContiguousStorageIfAvailable(check) ?? check(utf8)
    }
}

/// A string told apart from others by the two words it is made of, without reading its characters: for a short string
/// they hold its UTF-8 bytes, for a long one the address of its storage, which no other string has while this one is
/// alive. Equal identities are equal strings; equal strings may have different identities (stored twice). A key only
/// for strings that outlive what is keyed by them (a diff's, while it is written).
struct StringIdentity: Hashable {
    private let first: UInt
    private let second: UInt

    /// `text`'s identity; `nil` where a string is not two words (not on 64-bit platforms).
    init?(_ text: String) {
        guard let words = withUnsafeBytes(of: text, { raw -> (UInt, UInt)? in
            guard raw.count == 2 * MemoryLayout<UInt>.size else { return nil }
            return (raw.loadUnaligned(as: UInt.self), raw.loadUnaligned(fromByteOffset: MemoryLayout<UInt>.size, as: UInt.self))
        }) else { return nil }
        (first, second) = words
    }
}

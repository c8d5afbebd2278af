/// One JSON value of a parsed document (`JSONTape`), in document order: 12 bytes, no references.
///
/// Strings and numbers point into the document's bytes; a container records where it ends in the tape, so that a
/// reader skips it in one step, and how many members or elements it holds.
struct JSONToken {
    /// What the value is.
    enum Kind: UInt8 {
        case object, array, string, number, `true`, `false`, null
    }

    let kind: Kind
    /// For a string: it holds escapes (`\n`, `\u00e9`…) and must be unescaped to be read. For an object: one of its
    /// keys holds an escape or a non-ASCII byte, so looking keys up by their bytes might not match what Foundation
    /// matches (Unicode canonical equivalence); the decoder then leaves the document to `JSONDecoder`.
    let isUnusual: Bool
    /// A string's or number's first byte (after the opening quote); a container's member or element count.
    let first: UInt32
    /// A string's or number's end byte (at the closing quote); a container's end: the index of the token after it.
    let second: UInt32
}

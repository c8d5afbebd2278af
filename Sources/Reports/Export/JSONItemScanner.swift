import Foundation

/// Finds the items of a collection file without parsing the file whole: the byte ranges of the objects that are the
/// elements of its top-level array (`.list`), or of the arrays that are its top-level members' values (`.perParent`,
/// `.roles`, with the member's key). Each item is then parsed on its own, so the SQLite export holds one item's
/// values at a time, not a 44 MB file's.
///
/// The scan follows strings (and their escapes) and nesting only, over the file's bytes in place (a `Data` subscript
/// per byte cost more than everything else the export did with an item). Values that are not objects are skipped, as
/// the export skips them; a malformed file yields the items before the damage that are whole.
enum JSONItemScanner {
    /// Calls `body` with each item's bytes (valid during the call) and its parent's key (`nil` for a list), in file
    /// order.
    static func forEachItem(in file: Data, perParent: Bool,
                            _ body: (_ item: UnsafeRawBufferPointer, _ parent: String?) throws(SQLiteError) -> Void)
        throws(SQLiteError) {
        var failure: SQLiteError?
        file.withUnsafeBytes { bytes in
            failure = forEachItem(in: bytes, perParent: perParent) { range, parent in
                do throws(SQLiteError) {
                    try body(UnsafeRawBufferPointer(rebasing: bytes[range]), parent)
                    return nil
                } catch {
                    return error
                }
            }
        }
        if let failure { throw failure }
    }

    /// Calls `body` with each item's byte range and its parent's key until `body` returns an error, which it returns.
    private static func forEachItem(in bytes: UnsafeRawBufferPointer, perParent: Bool,
                                    _ body: (Range<Int>, String?) -> SQLiteError?) -> SQLiteError? {
        let itemDepth = perParent ? 2 : 1
        let bracket = UInt8(ascii: "["), brace = UInt8(ascii: "{")
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        var open: [UInt8] = []  // the containers around the current byte, outermost first
        var inString = false, escaped = false
        var stringStart = 0, lastString: Range<Int>?, parent: String?, itemStart: Int?
        for offset in bytes.indices {
            let byte = bytes[offset]
            if inString {
                if escaped {
                    escaped = false
                } else if byte == backslash {
                    escaped = true
                } else if byte == quote {
                    inString = false
                    if open.count == 1 { lastString = stringStart ..< offset + 1 }
                }
                continue
            }
            switch byte {
            case quote:
                inString = true
                stringStart = offset
            case UInt8(ascii: ":") where perParent && open.count == 1:
                parent = lastString.flatMap {
                    try? JSONSerialization.jsonObject(with: Data(bytes[$0]), options: .fragmentsAllowed) as? String
                }
            case brace, bracket:
                let isItem = byte == brace && open.count == itemDepth && open.last == bracket
                    && (perParent ? open.first == brace : true)
                if isItem { itemStart = offset }
                open.append(byte)
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard open.popLast() != nil else { return nil }
                if open.count == itemDepth, let start = itemStart, byte == UInt8(ascii: "}") {
                    itemStart = nil
                    if let failure = body(start ..< offset + 1, perParent ? parent : nil) { return failure }
                }
            default:
                break
            }
        }
        return nil
    }
}

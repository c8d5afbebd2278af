import Foundation

/// Finds the items of a collection file without parsing the file whole: the byte ranges of the objects that are the
/// elements of its top-level array (`.list`), or of the arrays that are its top-level members' values (`.perParent`,
/// `.roles`, with the member's key). Each item is then parsed on its own, so the SQLite export holds one item's
/// Foundation objects at a time, not a 44 MB file's.
///
/// The scan follows strings (and their escapes) and nesting only. Values that are not objects are skipped, as the export
/// skips them; a malformed file yields the items before the damage that are whole.
enum JSONItemScanner {
    /// Calls `body` with each item's bytes and its parent's key (`nil` for a list), in file order.
    static func forEachItem(in bytes: Data, perParent: Bool,
                            _ body: (_ item: Data, _ parent: String?) throws(SQLiteError) -> Void) throws(SQLiteError) {
        let itemDepth = perParent ? 2 : 1
        let bracket = UInt8(ascii: "["), brace = UInt8(ascii: "{")
        var open: [UInt8] = []  // the containers around the current byte, outermost first
        var inString = false, escaped = false
        var stringStart = 0, lastString: Range<Int>?, parent: String?, itemStart: Int?
        for offset in bytes.indices {
            let byte = bytes[offset]
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    if open.count == 1 { lastString = stringStart ..< offset + 1 }
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
                stringStart = offset
            case UInt8(ascii: ":") where perParent && open.count == 1:
                parent = lastString.flatMap {
                    try? JSONSerialization.jsonObject(with: bytes.subdata(in: $0), options: .fragmentsAllowed) as? String
                }
            case brace, bracket:
                let isItem = byte == brace && open.count == itemDepth && open.last == bracket
                    && (perParent ? open.first == brace : true)
                if isItem { itemStart = offset }
                open.append(byte)
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard open.popLast() != nil else { return }
                if open.count == itemDepth, let start = itemStart, byte == UInt8(ascii: "}") {
                    itemStart = nil
                    try body(bytes.subdata(in: start ..< offset + 1), perParent ? parent : nil)
                }
            default:
                break
            }
        }
    }
}

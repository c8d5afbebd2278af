import Foundation
import Snapshot

/// Finds the items of a collection file without parsing the file whole: the byte ranges of the objects that are the
/// elements of its top-level array (`.list`), or of the arrays that are its top-level members' values (`.perParent`,
/// `.roles`, with the member's key). Each item is then parsed on its own, so the SQLite export holds one run of
/// items' values at a time, not a 44 MB file's, and can parse runs on two threads.
///
/// The scan follows strings (and their escapes) and nesting only, over the file's bytes in place (a `Data` subscript
/// per byte cost more than everything else the export did with an item). Values that are not objects are skipped, as
/// the export skips them; a malformed file yields the items before the damage that are whole (which the export does
/// not keep: the loader finds such a file unreadable, and its table is emptied, `SQLiteUnknownCollections`).
enum JSONItemScanner {
    /// An item: where its bytes are in the file, and its parent's key (`nil` in a list).
    struct Item: Sendable, Equatable {
        let bytes: Range<Int>
        let parent: String?
    }

    /// The items of `file`, in file order.
    static func items(in file: Data, perParent: Bool) -> [Item] {
        file.withUnsafeBytes { items(in: $0, perParent: perParent) }
    }

    private static func items(in bytes: UnsafeRawBufferPointer, perParent: Bool) -> [Item] {
        var items: [Item] = []
        let itemDepth = perParent ? 2 : 1
        let bracket = UInt8(ascii: "["), brace = UInt8(ascii: "{")
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        var open: [UInt8] = []  // the containers around the current byte, outermost first
        var inString = false, escaped = false
        var stringStart = 0, lastString: Range<Int>?, parent: String?, itemStart: Int?
        var offset = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            if inString {
                if escaped {
                    escaped = false
                } else if byte == backslash {
                    escaped = true
                } else if byte == quote {
                    inString = false
                    if open.count == 1 { lastString = stringStart ..< offset + 1 }
                } else {
                    // The string's plain bytes (no quote, no backslash) are skipped eight at a time.
                    offset = JSONPlainBytes.end(of: bytes, from: offset + 1)
                    continue
                }
                offset += 1
                continue
            }
            defer { offset += 1 }
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
                guard open.popLast() != nil else { return items }
                if open.count == itemDepth, let start = itemStart, byte == UInt8(ascii: "}") {
                    itemStart = nil
                    items.append(Item(bytes: start ..< offset + 1, parent: perParent ? parent : nil))
                }
            default:
                break
            }
        }
        return items
    }
}

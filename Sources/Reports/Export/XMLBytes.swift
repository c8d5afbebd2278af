import Foundation

/// An XML document written element by element, laid out as Foundation's pretty-printed
/// `XMLDocument` lays it out (libxml2's format): two spaces of indentation per depth, one element per line, an
/// element with text on one line, an empty element as a start and an end tag. Attributes are written in the order
/// given; text and attribute values are cleaned (`XMLText`) and escaped as libxml2 escapes them.
///
/// What is written goes to a sink about a megabyte at a time (`TextBlocks`): the document is never held whole
/// (synthetic XL's GraphML is 400 MB).
struct XMLBytes {
    private var blocks: TextBlocks

    /// Writes a document by `body`, handing its bytes to `sink` a block at a time; throws what `sink` throws.
    static func write(to sink: (Data) throws -> Void, _ body: (inout XMLBytes) throws -> Void) throws {
        try TextBlocks.write(to: sink) { blocks in
            var xml = XMLBytes(blocks: blocks)
            try body(&xml)
            blocks = xml.blocks
        }
    }

    /// `<?xml version="1.0" encoding="utf-8" standalone="no"?>`
    mutating func declaration() throws {
        try blocks.append(#"<?xml version="1.0" encoding="utf-8" standalone="no"?>"# + "\n")
    }

    /// A start tag on a line of its own, for an element whose children follow.
    mutating func open(_ name: String, _ attributes: [(String, String)], depth: Int) throws {
        try blocks.append { bytes in
            Self.indent(depth, into: &bytes)
            Self.startTag(name, attributes, into: &bytes)
            bytes.append(UInt8(ascii: "\n"))
        }
    }

    /// The end tag of an element `open` started.
    mutating func close(_ name: String, depth: Int) throws {
        try blocks.append { bytes in
            Self.indent(depth, into: &bytes)
            Self.endTag(name, into: &bytes)
            bytes.append(UInt8(ascii: "\n"))
        }
    }

    /// An element holding only `text` (possibly empty), on one line.
    mutating func element(_ name: String, _ attributes: [(String, String)], text: String, depth: Int) throws {
        try blocks.append { bytes in
            Self.indent(depth, into: &bytes)
            Self.startTag(name, attributes, into: &bytes)
            Self.escaped(XMLText.clean(text), inAttribute: false, into: &bytes)
            Self.endTag(name, into: &bytes)
            bytes.append(UInt8(ascii: "\n"))
        }
    }

    private static func indent(_ depth: Int, into bytes: inout [UInt8]) {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    private static func startTag(_ name: String, _ attributes: [(String, String)], into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "<"))
        bytes += Array(name.utf8)
        for (attribute, value) in attributes {
            bytes.append(UInt8(ascii: " "))
            bytes += Array(attribute.utf8)
            bytes += Array("=\"".utf8)
            escaped(XMLText.clean(value), inAttribute: true, into: &bytes)
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: ">"))
    }

    private static func endTag(_ name: String, into bytes: inout [UInt8]) {
        bytes += Array("</".utf8)
        bytes += Array(name.utf8)
        bytes.append(UInt8(ascii: ">"))
    }

    /// `&`, `<` and `>` as entities, carriage returns as `&#13;`; in an attribute also `"`, line feeds and tabs.
    private static func escaped(_ text: String, inAttribute: Bool, into bytes: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes += Array("&amp;".utf8)
            case UInt8(ascii: "<"): bytes += Array("&lt;".utf8)
            case UInt8(ascii: ">"): bytes += Array("&gt;".utf8)
            case UInt8(ascii: "\r"): bytes += Array("&#13;".utf8)
            case UInt8(ascii: "\""), UInt8(ascii: "\n"), UInt8(ascii: "\t"):
                if inAttribute {
                    bytes += Array((byte == UInt8(ascii: "\"") ? "&quot;" : byte == UInt8(ascii: "\n") ? "&#10;" : "&#9;").utf8)
                } else {
                    bytes.append(byte)
                }
            default: bytes.append(byte)
            }
        }
    }
}

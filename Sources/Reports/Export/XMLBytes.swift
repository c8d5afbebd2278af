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
        try blocks.append { Self.open(name, attributes, depth: depth, into: &$0) }
    }

    /// The end tag of an element `open` started.
    mutating func close(_ name: String, depth: Int) throws {
        try blocks.append { Self.close(name, depth: depth, into: &$0) }
    }

    /// An element holding only `text` (possibly empty), on one line.
    mutating func element(_ name: String, _ attributes: [(String, String)], text: String, depth: Int) throws {
        try blocks.append { Self.element(name, attributes, text: text, depth: depth, into: &$0) }
    }

    /// The lines of `count` runs of elements, each made by `make` with the static functions below on one of two
    /// threads (`TextBlocks.append(runs:_:)`), in order.
    mutating func append(runs count: Int, _ make: @escaping @Sendable (Int) throws -> [UInt8]) throws {
        try blocks.append(runs: count, make)
    }

    /// `open(_:_:depth:)`'s line, appended to `bytes`.
    static func open(_ name: String, _ attributes: [(String, String)], depth: Int, into bytes: inout [UInt8]) {
        indent(depth, into: &bytes)
        startTag(name, attributes, into: &bytes)
        bytes.append(UInt8(ascii: "\n"))
    }

    /// `close(_:depth:)`'s line, appended to `bytes`.
    static func close(_ name: String, depth: Int, into bytes: inout [UInt8]) {
        indent(depth, into: &bytes)
        endTag(name, into: &bytes)
        bytes.append(UInt8(ascii: "\n"))
    }

    /// `element(_:_:text:depth:)`'s line, appended to `bytes`.
    static func element(_ name: String, _ attributes: [(String, String)], text: String, depth: Int,
                        into bytes: inout [UInt8]) {
        indent(depth, into: &bytes)
        startTag(name, attributes, into: &bytes)
        elementEnd(name, text: text, into: &bytes)
    }

    /// The rest of an element's line after its start tag: its text and its end tag.
    static func elementEnd(_ name: String, text: String, into bytes: inout [UInt8]) {
        escaped(XMLText.clean(text), inAttribute: false, into: &bytes)
        endTag(name, into: &bytes)
        bytes.append(UInt8(ascii: "\n"))
    }

    /// An element's indentation and start tag, the part of its line that `elementEnd` completes.
    static func lineStart(_ name: String, _ attributes: [(String, String)], depth: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        indent(depth, into: &bytes)
        startTag(name, attributes, into: &bytes)
        return bytes
    }

    private static func indent(_ depth: Int, into bytes: inout [UInt8]) {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    private static func startTag(_ name: String, _ attributes: [(String, String)], into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "<"))
        bytes.append(contentsOf: name.utf8)
        for (attribute, value) in attributes {
            bytes.append(UInt8(ascii: " "))
            bytes.append(contentsOf: attribute.utf8)
            bytes.append(UInt8(ascii: "="))
            bytes.append(UInt8(ascii: "\""))
            escaped(XMLText.clean(value), inAttribute: true, into: &bytes)
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: ">"))
    }

    private static func endTag(_ name: String, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "<"))
        bytes.append(UInt8(ascii: "/"))
        bytes.append(contentsOf: name.utf8)
        bytes.append(UInt8(ascii: ">"))
    }

    /// `&`, `<` and `>` as entities, carriage returns as `&#13;`; in an attribute also `"`, line feeds and tabs.
    /// The runs of bytes between them are copied whole.
    private static func escaped(_ text: String, inAttribute: Bool, into bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            for index in utf8.indices {
                let entity: StaticString
                switch utf8[index] {
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "\r"): entity = "&#13;"
                case UInt8(ascii: "\"") where inAttribute: entity = "&quot;"
                case UInt8(ascii: "\n") where inAttribute: entity = "&#10;"
                case UInt8(ascii: "\t") where inAttribute: entity = "&#9;"
                default: continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                bytes.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
    }
}

/// A JSON object read from its text without Foundation, as the SQLite export stores a collection item: its canonical
/// text — the bytes `CanonicalJSON.data` writes for what `JSONSerialization` parses from the text, final line break
/// included — and the strings of some of its top-level members.
///
/// Only text read here exactly as Foundation would read it is accepted (`init` answers `nil` for anything else, and
/// the caller parses that text with Foundation as before): strict JSON (`JSONTapeParser`), every object's keys plain
/// ASCII, distinct and already in `JSONKeyOrder`'s order (as in a canonical snapshot file), numbers integers of at
/// most 18 digits other than `-0`, and the members asked for strings, `null`, objects or arrays — never numbers or
/// booleans, whose text Foundation spells its own way.
package struct CanonicalItem {
    /// The canonical text.
    package let text: [UInt8]
    /// For each key asked for: the member's string, or `nil` when the object has no such member or its value is not
    /// a string.
    package let strings: [String?]

    /// Reads the object in `bytes`, with the strings of its top-level members named by `keys`: by checking its layout
    /// when it is laid out as a canonical file holds it (`CanonicalLayout`), else by parsing and writing it again.
    package init?(_ bytes: UnsafeRawBufferPointer, keys: [String]) {
        if let laidOut = CanonicalLayout(bytes, keys: keys) {
            text = laidOut.text
            strings = laidOut.strings
            return
        }
        guard let tape = JSONTapeParser.parse(bytes), tape.tokens.first?.kind == .object else { return nil }
        // The text is shorter than the item's bytes in a canonical file, where it is indented one level deeper.
        var writer = CanonicalJSONWriter(reservingCapacity: bytes.count + 1)
        guard writer.write(tape, at: 0, depth: 0) else { return nil }
        var strings: [String?] = Array(repeating: nil, count: keys.count)
        var member = 1
        while member < tape.tokens.count {
            let value = member + 1
            for (position, key) in keys.enumerated() where tape.key(member, equals: key) {
                switch tape.tokens[value].kind {
                case .string: strings[position] = tape.string(value)
                case .number, .true, .false: return nil
                case .object, .array, .null: break
                }
            }
            member = tape.next(after: value)
        }
        writer.appendLineBreak()
        text = writer.bytes
        self.strings = strings
    }
}

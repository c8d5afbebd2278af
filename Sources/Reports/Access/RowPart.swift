/// Some adjacent columns of a table's rows, which many rows may share (a holder, a policy every member of a group
/// reaches through it): a format escapes each shared value once and copies its bytes for the other rows
/// (`RowPartBytes`), so that a table of millions of rows is written nearly as fast as it is copied.
struct RowPart<Content> {
    /// Which shared value row `line` has (a small non-negative number: an index into the report's values), or `nil`
    /// when every row has its own.
    let value: ((Int) -> Int)?
    /// The content of shared value `value` (of row `line` when `value` is `nil`).
    let content: (Int) -> Content

    /// A part every row has its own of.
    static func own(_ content: @escaping (Int) -> Content) -> RowPart {
        RowPart(value: nil, content: content)
    }

    /// A part rows share: row `line` has value `value(line)`, whose content is `content(value)`.
    static func shared(_ value: @escaping (Int) -> Int, _ content: @escaping (Int) -> Content) -> RowPart {
        RowPart(value: value, content: content)
    }

    /// Row `line`'s content.
    func content(ofRow line: Int) -> Content {
        content(value?(line) ?? line)
    }
}

/// What a table format makes of one `RowPart`'s contents: each shared value's made once, when a row first needs it,
/// and then looked up by the value's number.
struct RowPartBytes<Content, Bytes> {
    let part: RowPart<Content>
    /// How a value's content is written.
    let write: (Content) -> Bytes
    private var made = SharedValues<Bytes>()

    init(_ part: RowPart<Content>, write: @escaping (Content) -> Bytes) {
        self.part = part
        self.write = write
    }

    /// The bytes of row `line`'s part.
    mutating func bytes(ofRow line: Int) -> Bytes {
        guard let value = part.value?(line) else { return write(part.content(line)) }
        if let bytes = made.made(value) { return bytes }
        let bytes = write(part.content(value))
        made.keep(value, bytes)
        return bytes
    }
}

/// What is made of each shared value of a `RowPart`, by the value's number.
struct SharedValues<Made> {
    private var made: [Made?] = []

    /// What was made of `value`, if anything.
    func made(_ value: Int) -> Made? {
        value < made.count ? made[value] : nil
    }

    /// Keeps what was made of `value`.
    mutating func keep(_ value: Int, _ known: Made) {
        if value >= made.count { made.append(contentsOf: repeatElement(nil, count: value + 1 - made.count)) }
        made[value] = known
    }
}

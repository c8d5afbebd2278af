/// Some adjacent columns of a table's rows, which many rows may share (a holder, a policy every member of a group
/// reaches through it): a format escapes each shared value once and copies its bytes for the other rows
/// (`RowPartBytes`), so that a table of hundreds of thousands of rows is written nearly as fast as it is copied.
struct RowPart<Content> {
    /// Which shared value row `line` has, or `nil` when every row has its own.
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

/// The written bytes of one `RowPart`'s shared values, each made once, when a row first needs it.
struct RowPartBytes<Content, Bytes> {
    let part: RowPart<Content>
    /// How a value's content is written.
    let write: (Content) -> Bytes
    private var made: [Int: Bytes] = [:]

    init(_ part: RowPart<Content>, write: @escaping (Content) -> Bytes) {
        self.part = part
        self.write = write
    }

    /// The bytes of row `line`'s part.
    mutating func bytes(ofRow line: Int) -> Bytes {
        guard let value = part.value?(line) else { return write(part.content(line)) }
        if let bytes = made[value] { return bytes }
        let bytes = write(part.content(value))
        made[value] = bytes
        return bytes
    }
}

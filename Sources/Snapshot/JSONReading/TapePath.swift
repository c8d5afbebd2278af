/// One step from a container to a value in it: the token of the member's key, or the element's position.
///
/// Packed into 32 bits so that a `TapeDecoder` fits an existential's inline buffer (three words): decoding a value
/// then allocates nothing for its path.
struct TapeStep {
    private let raw: UInt32
    private static let elementFlag: UInt32 = 1 << 31

    /// The root value's (no step).
    static let root = TapeStep(raw: UInt32.max)
    static func member(keyToken: Int) -> TapeStep { TapeStep(raw: UInt32(truncatingIfNeeded: keyToken) & ~elementFlag) }
    static func element(position: Int) -> TapeStep { TapeStep(raw: UInt32(truncatingIfNeeded: position) | elementFlag) }

    /// The coding key of this step (`nil` for the root).
    func key(in tape: JSONTape) -> (any CodingKey)? {
        if raw == UInt32.max { return nil }
        if raw & Self.elementFlag != 0 { return TapeCodingKey(index: Int(raw & ~Self.elementFlag)) }
        return TapeCodingKey(stringValue: tape.string(Int(raw)) ?? "")
    }
}

/// The path of an object or array being decoded, up to the root: kept as a chain so that a value's coding path is
/// built only when asked for (an error, `codingPath`), never while decoding goes well.
final class TapePath {
    let parent: TapePath?
    let step: TapeStep

    init(parent: TapePath?, step: TapeStep) {
        self.parent = parent
        self.step = step
    }

    /// The coding keys from the root to this container, then `last`.
    func codingPath(in tape: JSONTape, then last: TapeStep? = nil) -> [any CodingKey] {
        var keys: [any CodingKey] = []
        if let key = last?.key(in: tape) { keys.append(key) }
        var node: TapePath? = self
        while let current = node {
            if let key = current.step.key(in: tape) { keys.append(key) }
            node = current.parent
        }
        return keys.reversed()
    }
}

/// A coding key read from a document: a member's name or an element's index (named "Index N", as `JSONDecoder` does).
struct TapeCodingKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
    }

    init(intValue: Int) {
        self.init(index: intValue)
    }

    init(index: Int) {
        self.stringValue = "Index \(index)"
        self.intValue = index
    }
}

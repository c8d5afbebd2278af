/// A `Decoder` over one value of a `JSONTape`; it is also the value's single-value container.
///
/// Three words (the shared state, the container's path, the value's token and step), so that passing it as
/// `any Decoder` allocates nothing.
struct TapeDecoder: Decoder, SingleValueDecodingContainer {
    let decoding: TapeDecoding
    /// The path of the container holding this value (for the root value, an empty path).
    let parent: TapePath
    let step: TapeStep
    private let token: UInt32

    init(decoding: TapeDecoding, parent: TapePath, step: TapeStep, index: Int) {
        self.decoding = decoding
        self.parent = parent
        self.step = step
        self.token = UInt32(truncatingIfNeeded: index)
    }

    private var index: Int { Int(token) }

    var codingPath: [any CodingKey] { parent.codingPath(in: decoding.tape, then: step) }
    var userInfo: [CodingUserInfoKey: Any] { decoding.userInfo }

    /// This value's path, as the path of a container inside it.
    private var path: TapePath { TapePath(parent: parent, step: step) }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        let token = decoding.tape.tokens[index]
        switch token.kind {
        case .object:
            guard !token.isUnusual else { throw decoding.giveUp(codingPath, "an object whose keys are not plain ASCII") }
            return KeyedDecodingContainer(try TapeKeyedContainer<Key>(decoding: decoding, path: path, object: index))
        case .null:
            throw decoding.valueNotFound([String: Any].self, codingPath)
        case .array, .string, .number, .true, .false:
            throw decoding.typeMismatch([String: Any].self, at: index, codingPath)
        }
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        switch decoding.tape.tokens[index].kind {
        case .array:
            return TapeUnkeyedContainer(decoding: decoding, path: path, array: index)
        case .null:
            throw decoding.valueNotFound([Any].self, codingPath)
        case .object, .string, .number, .true, .false:
            throw decoding.typeMismatch([Any].self, at: index, codingPath)
        }
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    // MARK: SingleValueDecodingContainer

    func decodeNil() -> Bool { decoding.tape.tokens[index].kind == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try decoding.decodeBool(at: index, codingPath) }
    func decode(_ type: String.Type) throws -> String { try decoding.decodeString(at: index, codingPath) }
    func decode(_ type: Int.Type) throws -> Int { try decoding.decodeInt(at: index, codingPath) }
    func decode(_ type: Double.Type) throws -> Double { throw unsupported(type) }
    func decode(_ type: Float.Type) throws -> Float { throw unsupported(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { throw unsupported(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { throw unsupported(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { throw unsupported(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { throw unsupported(type) }
    func decode(_ type: UInt.Type) throws -> UInt { throw unsupported(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { throw unsupported(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { throw unsupported(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { throw unsupported(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { throw unsupported(type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        // The same value, so the same path.
        try decoding.decode(type, at: index, parent: parent, step: step)
    }

    private func unsupported(_ type: Any.Type) -> DecodingError { decoding.giveUp(codingPath, "\(type)") }
}

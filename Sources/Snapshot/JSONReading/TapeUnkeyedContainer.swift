/// The unkeyed container of an array on a `JSONTape`. Like `JSONDecoder`'s, it moves to the next element only when
/// an element decodes, so a caller may try the same element again as another type.
struct TapeUnkeyedContainer: UnkeyedDecodingContainer {
    let decoding: TapeDecoding
    /// The array's own path.
    let path: TapePath
    let count: Int?
    private(set) var currentIndex = 0
    /// The token of the current element.
    private var cursor: Int

    init(decoding: TapeDecoding, path: TapePath, array: Int) {
        self.decoding = decoding
        self.path = path
        self.count = Int(decoding.tape.tokens[array].first)
        self.cursor = array + 1
    }

    var codingPath: [any CodingKey] { path.codingPath(in: decoding.tape) }
    var isAtEnd: Bool { currentIndex >= count ?? 0 }

    /// The current element's token, or "value not found" past the end.
    private func current(_ type: Any.Type) throws -> Int {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, DecodingError.Context(
                codingPath: path.codingPath(in: decoding.tape, then: .element(position: currentIndex)),
                debugDescription: "Unkeyed container is at end."))
        }
        return cursor
    }

    private mutating func advance() {
        cursor = decoding.tape.next(after: cursor)
        currentIndex += 1
    }

    private var elementPath: [any CodingKey] { path.codingPath(in: decoding.tape, then: .element(position: currentIndex)) }

    mutating func decodeNil() throws -> Bool {
        guard decoding.tape.tokens[try current(Never.self)].kind == .null else { return false }
        advance()
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool {
        let value = try decoding.decodeBool(at: try current(type), elementPath)
        advance()
        return value
    }

    mutating func decode(_ type: String.Type) throws -> String {
        let value = try decoding.decodeString(at: try current(type), elementPath)
        advance()
        return value
    }

    mutating func decode(_ type: Int.Type) throws -> Int {
        let value = try decoding.decodeInt(at: try current(type), elementPath)
        advance()
        return value
    }

    mutating func decode(_ type: Double.Type) throws -> Double { throw unsupported(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { throw unsupported(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { throw unsupported(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { throw unsupported(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { throw unsupported(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { throw unsupported(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { throw unsupported(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { throw unsupported(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { throw unsupported(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { throw unsupported(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { throw unsupported(type) }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let value = try decoding.decode(type, at: try current(type), parent: path, step: .element(position: currentIndex))
        advance()
        return value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let container = try elementDecoder(try current(type)).container(keyedBy: type)
        advance()
        return container
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let container = try elementDecoder(try current([Any].self)).unkeyedContainer()
        advance()
        return container
    }

    mutating func superDecoder() throws -> any Decoder { throw unsupported(Decoder.self) }

    private func elementDecoder(_ index: Int) -> TapeDecoder {
        TapeDecoder(decoding: decoding, parent: path, step: .element(position: currentIndex), index: index)
    }

    private func unsupported(_ type: Any.Type) -> DecodingError { decoding.giveUp(elementPath, "\(type)") }
}

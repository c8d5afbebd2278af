/// The keyed container of an object on a `JSONTape`. In an object of a few members (an entity) a key is found by
/// comparing its bytes with each member's key, so nothing is built per object; a larger one (a file keyed by parent
/// id, the policy usage) gets an index of its keys, so that reading all its members stays linear.
struct TapeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoding: TapeDecoding
    /// The object's own path.
    let path: TapePath
    let object: Int
    /// For objects of more than `scannedMembers` members: key → the token of its value.
    private let index: [String: Int]?

    /// Objects up to this many members are scanned for a key rather than indexed.
    static var scannedMembers: Int { 16 }

    /// The container of the object at `object`; gives up on an object that repeats a key.
    init(decoding: TapeDecoding, path: TapePath, object: Int) throws {
        self.decoding = decoding
        self.path = path
        self.object = object
        let tape = decoding.tape
        let count = Int(tape.tokens[object].first)
        guard count > Self.scannedMembers else {
            index = nil
            return
        }
        var index: [String: Int] = [:]
        index.reserveCapacity(count)
        var member = object + 1
        while member < Int(tape.tokens[object].second) {
            guard let name = tape.string(member), index.updateValue(member + 1, forKey: name) == nil else {
                throw decoding.giveUp(path.codingPath(in: tape), "an object with a repeated key")
            }
            member = tape.next(after: member + 1)
        }
        self.index = index
    }

    var codingPath: [any CodingKey] { path.codingPath(in: decoding.tape) }

    var allKeys: [Key] {
        if let index { return index.keys.compactMap { Key(stringValue: $0) } }
        let tape = decoding.tape
        var keys: [Key] = []
        var seen: Set<String> = []
        var member = object + 1
        while member < Int(tape.tokens[object].second) {
            // A key given twice is one key for JSONDecoder; which value it keeps is its business.
            guard let name = tape.string(member), seen.insert(name).inserted else {
                _ = decoding.giveUp(codingPath, "an object with a repeated key")
                return []
            }
            if let key = Key(stringValue: name) { keys.append(key) }
            member = tape.next(after: member + 1)
        }
        return keys
    }

    /// The token of `key`'s value, or `nil` when the object has no such member.
    private func value(_ key: Key) throws -> Int? {
        let name = key.stringValue
        if let index { return index[name] }
        let tape = decoding.tape
        var found: Int?
        var member = object + 1
        let end = Int(tape.tokens[object].second)
        while member < end {
            if tape.key(member, equals: name) {
                guard found == nil else { throw decoding.giveUp(codingPath, "an object with a repeated key") }
                found = member + 1
            }
            member = tape.next(after: member + 1)
        }
        return found
    }

    private func required(_ key: Key) throws -> Int {
        guard let index = try value(key) else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(codingPath: codingPath,
                debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\")."))
        }
        return index
    }

    /// The path of the member whose value is at `index`.
    private func memberPath(_ index: Int) -> [any CodingKey] {
        path.codingPath(in: decoding.tape, then: .member(keyToken: index - 1))
    }

    func contains(_ key: Key) -> Bool { ((try? value(key)) ?? nil) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { decoding.tape.tokens[try required(key)].kind == .null }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        let index = try required(key)
        return try decoding.decodeBool(at: index, memberPath(index))
    }

    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        let index = try required(key)
        return try decoding.decodeString(at: index, memberPath(index))
    }

    func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
        let index = try required(key)
        return try decoding.decodeInt(at: index, memberPath(index))
    }

    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { throw unsupported(type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { throw unsupported(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { throw unsupported(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { throw unsupported(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { throw unsupported(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { throw unsupported(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { throw unsupported(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { throw unsupported(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { throw unsupported(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { throw unsupported(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { throw unsupported(type) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let index = try required(key)
        return try decoding.decode(type, at: index, parent: path, step: .member(keyToken: index - 1))
    }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        guard let index = try present(key) else { return nil }
        return try decoding.decodeBool(at: index, memberPath(index))
    }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let index = try present(key) else { return nil }
        return try decoding.decodeString(at: index, memberPath(index))
    }

    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        guard let index = try present(key) else { return nil }
        return try decoding.decodeInt(at: index, memberPath(index))
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let index = try present(key) else { return nil }
        return try decoding.decode(type, at: index, parent: path, step: .member(keyToken: index - 1))
    }

    /// The token of `key`'s value unless it is missing or `null`.
    private func present(_ key: Key) throws -> Int? {
        guard let index = try value(key), decoding.tape.tokens[index].kind != .null else { return nil }
        return index
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey> {
        try memberDecoder(try required(key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try memberDecoder(try required(key)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { throw unsupported(Decoder.self) }
    func superDecoder(forKey key: Key) throws -> any Decoder { throw unsupported(Decoder.self) }

    private func memberDecoder(_ index: Int) -> TapeDecoder {
        TapeDecoder(decoding: decoding, parent: path, step: .member(keyToken: index - 1), index: index)
    }

    private func unsupported(_ type: Any.Type) -> DecodingError { decoding.giveUp(codingPath, "\(type)") }
}

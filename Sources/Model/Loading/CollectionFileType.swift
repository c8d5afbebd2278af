import Foundation
import Snapshot

/// The type a collection's file is read as — `[Lossy<User>]`, `[String: [Lossy<GroupMember>]]`, `AccountInfo` — as
/// declared by the collection's registration (`CollectionRegistration.file`). The decoding checks derive from it, so
/// that they cover every collection with no list of their own to edit: the tests and `fuzz-decode` hold a file
/// against `check(_:)`, which decodes it with `SnapshotDecoder`'s tape and with `JSONDecoder` and compares.
package struct CollectionFileType: Sendable {
    /// The Swift type's name, for messages.
    package let name: String
    private let compare: @Sendable (Data) -> DecodingCheck

    private init(name: String, compare: @escaping @Sendable (Data) -> DecodingCheck) {
        self.name = name
        self.compare = compare
    }

    /// A list of items (`list` shape), each decoded on its own (`Lossy`).
    static func items<T: Decodable & Equatable & Sendable>(_ type: T.Type) -> CollectionFileType {
        CollectionFileType(name: String(describing: [Lossy<T>].self)) { data in
            check(data, as: [Lossy<T>].self, value: values)
        }
    }

    /// Lists of items by key: per parent (`per-parent` shape), or `roles.json`'s three.
    static func itemsByKey<T: Decodable & Equatable & Sendable>(_ type: T.Type) -> CollectionFileType {
        CollectionFileType(name: String(describing: [String: [Lossy<T>]].self)) { data in
            check(data, as: [String: [Lossy<T>]].self) { $0.mapValues(values) }
        }
    }

    /// One object (`object` shape).
    static func object<T: Decodable & Equatable & Sendable>(_ type: T.Type) -> CollectionFileType {
        CollectionFileType(name: String(describing: T.self)) { data in check(data, as: T.self) { $0 } }
    }

    /// A policy file: v1 and v2 items, compared as the policies they normalise to.
    static let policies = CollectionFileType(name: String(describing: [Lossy<RawPolicy>].self)) { data in
        check(data, as: [Lossy<RawPolicy>].self) { values($0).map { $0?.normalized } }
    }

    /// How `SnapshotDecoder`'s tape and `JSONDecoder` read `data` as this type.
    package func check(_ data: Data) -> DecodingCheck { compare(data) }

    /// Decodes `data` as `File` both ways; the decodings are the same when their `value`s are equal.
    private static func check<File: Decodable, Value: Equatable>(_ data: Data, as type: File.Type,
                                                                value: (File) -> Value) -> DecodingCheck {
        guard let tape = SnapshotDecoder.fastDecode(File.self, from: data) else { return .declined }
        let foundation: File
        do {
            foundation = try JSONDecoder().decode(File.self, from: data)
        } catch {
            return .refused(String(describing: error))
        }
        return value(tape) == value(foundation) ? .same : .different
    }

    private static func values<T>(_ list: [Lossy<T>]) -> [T?] { list.map { try? $0.result.get() } }
}

/// What decoding a file with `SnapshotDecoder`'s tape and with `JSONDecoder` gave (`CollectionFileType.check`).
/// `SnapshotDecoder` answers with the tape's value whenever it has one, so `refused` and `different` are bugs.
package enum DecodingCheck: Equatable, Sendable {
    /// Both decoded it, to the same value (so every item decoded as the type: the tape leaves a file with an item
    /// that does not to `JSONDecoder`, which describes the failure).
    case same
    /// The tape left it to `JSONDecoder`, as it may: an item or the document does not decode as the type, or the tape
    /// gave up.
    case declined
    /// The tape decoded a document `JSONDecoder` refuses (with `JSONDecoder`'s error).
    case refused(String)
    /// Both decoded it, to different values.
    case different
}

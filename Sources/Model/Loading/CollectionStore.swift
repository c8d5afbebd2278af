import Snapshot

/// A typed key into the account's `CollectionStore`: the collection and the Swift type the loader decodes it to. An
/// entity's file declares its key (`static let key`) and the account's accessor, so `IAMAccount` needs no new stored
/// property for a new collection.
package struct CollectionKey<Value: Sendable>: Sendable {
    package let kind: CollectionKind

    package init(_ kind: CollectionKind) { self.kind = kind }
}

/// The collections the loader decodes generically (`CollectionKind.registration`), by collection. A value is only
/// ever stored through its `CollectionKey`, so reading it back through the same key always finds its type.
package struct CollectionStore: Sendable {
    private var values: [CollectionKind: any Sendable] = [:]

    package init() {}

    /// The collection's value; `nil` when the snapshot does not hold it (see `IAMAccount.isKnown`).
    package subscript<Value>(key: CollectionKey<Value>) -> Value? {
        values[key.kind] as? Value
    }

    /// Stores a value under its key: the loader does, and so may code that builds an account by hand.
    package mutating func set<Value>(_ key: CollectionKey<Value>, _ value: Value?) {
        values[key.kind] = value
    }

    /// How many items the collection holds: a list's count, 1 for an object; `nil` when it is not stored.
    func count(_ kind: CollectionKind) -> Int? {
        guard let value = values[kind] else { return nil }
        return (value as? any Collection)?.count ?? 1
    }
}

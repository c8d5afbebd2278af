import Foundation

/// A collection's raw API content brought into its canonical file form: items sorted by id, policies' usage fields
/// moved out to the volatile area, serialized canonically. `@unchecked Sendable` because it is immutable once built
/// (`usage` holds JSON values parsed by `JSONSerialization` that nothing mutates), so a fetch can normalize each
/// collection in its own task.
package struct NormalizedCollection: @unchecked Sendable {
    /// The canonical bytes of the collection file.
    package let data: Data
    /// Items in the file (for `object` collections, 1).
    package let itemCount: Int
    /// For policy collections: policy id → the usage fields taken out of that policy.
    package let usage: [String: [String: Any]]

    /// Normalizes `content`, which must have the collection's shape (see `CollectionKind.Shape`).
    package init(_ kind: CollectionKind, content: Any) throws {
        var usage: [String: [String: Any]] = [:]
        let normalized: Any
        let count: Int
        switch kind.shape {
        case .object:
            guard content is [String: Any] else { throw SnapshotWriteError.wrongShape(kind, expected: "an object") }
            normalized = content
            count = 1
        case .list:
            guard var items = content as? [Any] else { throw SnapshotWriteError.wrongShape(kind, expected: "an array") }
            if kind.holdsPolicies { items = items.map { Self.splitUsage(of: $0, into: &usage) } }
            if let kept = kind.keptCredentialFields { items = items.map { Self.withoutSecrets($0, keeping: kept) } }
            let dropped = kind.droppedSecretFields
            if !dropped.isEmpty { items = items.map { ($0 as? [String: Any])?.filter { !dropped.contains($0.key) } ?? $0 } }
            normalized = try CanonicalJSON.sortedItems(items, idKey: kind.idKey)
            count = items.count
        case .perParent:
            guard let groups = content as? [String: Any], let lists = groups.mapValuesIfAll({ $0 as? [Any] }) else {
                throw SnapshotWriteError.wrongShape(kind, expected: "an object of arrays")
            }
            normalized = try lists.mapValues { try CanonicalJSON.sortedItems($0, idKey: kind.idKey) }
            count = lists.values.reduce(0) { $0 + $1.count }
        case .roles:
            guard let object = content as? [String: Any] else { throw SnapshotWriteError.wrongShape(kind, expected: "an object") }
            var arrays: [String: Any] = [:]
            var total = 0
            for key in RoleArrays.keys {
                guard let items = (object[key] ?? [Any]()) as? [Any] else {
                    throw SnapshotWriteError.wrongShape(kind, expected: "\(key) to be an array")
                }
                arrays[key] = try CanonicalJSON.sortedItems(items, idKey: kind.idKey)
                total += items.count
            }
            normalized = arrays
            count = total
        }
        self.data = try CanonicalJSON.data(normalized)
        self.itemCount = count
        self.usage = usage
    }

    /// An item whose `credentials` object keeps only the fields in `kept` (a service credential's API key, password
    /// or certificate never reaches a file).
    private static func withoutSecrets(_ item: Any, keeping kept: Set<String>) -> Any {
        guard var object = item as? [String: Any], let credentials = object["credentials"] else { return item }
        object["credentials"] = (credentials as? [String: Any])?.filter { kept.contains($0.key) } ?? [String: Any]()
        return object
    }

    /// Moves `last_permit_at` / `last_permit_frequency` out of a policy item.
    private static func splitUsage(of item: Any, into usage: inout [String: [String: Any]]) -> Any {
        guard var policy = item as? [String: Any], let id = policy["id"] as? String else { return item }
        var fields: [String: Any] = [:]
        for key in VolatileArea.policyUsageFields {
            if let value = policy.removeValue(forKey: key) { fields[key] = value }
        }
        if !fields.isEmpty { usage[id] = fields }
        return policy
    }
}

extension Dictionary {
    /// `mapValues` that succeeds only when the transform succeeds for every value.
    func mapValuesIfAll<T>(_ transform: (Value) -> T?) -> [Key: T]? {
        var result: [Key: T] = [:]
        for (key, value) in self {
            guard let mapped = transform(value) else { return nil }
            result[key] = mapped
        }
        return result
    }
}

import Foundation
import Snapshot

/// The snapshot a fake cloud serves: every readable collection parsed once, the policy usage and the activity report.
struct ServedSnapshot: Sendable {
    let accountID: String
    /// Parsed content of each collection whose file could be read (in the file's shape, see `CollectionKind.Shape`).
    private(set) var collections: [CollectionKind: RawJSON]
    /// Why the other collections have no content.
    let unavailable: [CollectionKind: LoadedSnapshot.Unavailability]
    /// `volatile/policy-usage.json`: policy id → `last_permit_at` / `last_permit_frequency`.
    let policyUsage: [String: RawJSON]
    /// `volatile/activity.json`, when the snapshot has one.
    let activity: RawJSON?
    /// `volatile/mfa.json`, when the snapshot has one.
    let mfa: RawJSON?
    /// The ids of each parent collection's items, so that `children` tells an unknown parent without a scan.
    private var parentIDs: [CollectionKind: Set<String>] = [:]

    /// Reads `directory` through `SnapshotReader`; checksum problems are tolerated (tests edit files freely).
    init(directory: URL) throws(FakeCloudError) {
        let loaded: LoadedSnapshot
        do {
            loaded = try SnapshotReader.load(directory)
        } catch {
            throw .unreadableSnapshot(error.description)
        }
        accountID = loaded.manifest.accountID
        var collections: [CollectionKind: RawJSON] = [:]
        var unavailable = loaded.unknown
        for (kind, data) in loaded.files {
            if let content = try? RawJSON.parse(data) {
                collections[kind] = content
            } else {
                unavailable[kind] = .unreadable
            }
        }
        self.collections = collections
        self.unavailable = unavailable
        policyUsage = loaded.policyUsage.flatMap { try? RawJSON.parse($0) }?.objectValue ?? [:]
        activity = loaded.activity.flatMap { try? RawJSON.parse($0) }
        mfa = loaded.mfa.flatMap { try? RawJSON.parse($0) }
        indexParents()
    }

    /// Collects the ids of every parent collection's items into `parentIDs`.
    private mutating func indexParents() {
        for kind in Set(CollectionKind.allCases.compactMap(\.parent)) {
            parentIDs[kind] = Set(items(kind).compactMap { $0["id"]?.stringValue })
        }
    }

    /// The same snapshot with the hostile listings `faults` asks for: repeated items and extra parents.
    func serving(_ faults: Faults) -> ServedSnapshot {
        var copy = self
        for kind in faults.repeatedItems where kind.shape == .list {
            if let first = items(kind).first { copy.collections[kind] = .array(items(kind) + [first]) }
        }
        for kind in [CollectionKind.accessGroups, .trustedProfiles] where !faults.extraParentIDs.isEmpty {
            guard let first = copy.items(kind).first else { continue }
            copy.collections[kind] = .array(copy.items(kind) + faults.extraParentIDs.map { first.setting("id", to: .string($0)) })
        }
        copy.indexParents()
        return copy
    }

    /// The items of a `list` collection in file order (empty when it has no content).
    func items(_ kind: CollectionKind) -> [RawJSON] {
        collections[kind]?.arrayValue ?? []
    }

    /// The object of an `object` collection.
    func object(_ kind: CollectionKind) -> RawJSON? {
        collections[kind]
    }

    /// The items of `parent` in a `per-parent` collection, or `nil` when the parent is unknown: neither a key of the
    /// per-parent file nor an item of the parent collection.
    func children(_ kind: CollectionKind, of parent: String) -> [RawJSON]? {
        if let items = collections[kind]?[parent]?.arrayValue { return items }
        guard let parentKind = kind.parent else { return nil }
        return parentIDs[parentKind]?.contains(parent) == true ? [] : nil
    }
}

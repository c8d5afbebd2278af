import Analysis
import Foundation
import Model
import Snapshot

/// A snapshot diff as the versioned JSON document of docs/diff-json.md. Keys are sorted and arrays keep the diff's
/// order, so equal diffs give equal bytes. Unlike the other formats, it is written when nothing changed too.
public enum DiffJSON {
    public static let format = "iamgraph-diff"
    public static let version = 1

    public static func data(_ diff: SnapshotDiff, sources: DiffSources) throws -> Data {
        let counts = diff.grantCounts
        return try CanonicalJSON.data(encoding: VersionedDocument(format: format, version: version, body: Document(
            old: Side(diff.old, source: sources.old), new: Side(diff.new, source: sources.new),
            includeUsage: diff.options.includeUsage, changed: !diff.isEmpty,
            summary: Summary(grantsGained: counts.gained, privilegedGained: diff.privilegedGains, grantsLost: counts.lost,
                             holders: diff.access.count,
                             entitiesAdded: diff.entityCount(.added), entitiesRemoved: diff.entityCount(.removed),
                             entitiesChanged: diff.entityCount(.changed)),
            causes: diff.causes.map(Cause.init),
            access: diff.access.map(HolderChanges.init),
            entities: diff.entities.map(Entity.init),
            notes: diff.notes)))
    }

    struct Document: Encodable {
        let old: Side
        let new: Side
        let includeUsage: Bool
        let changed: Bool
        let summary: Summary
        let causes: [Cause]
        let access: [HolderChanges]
        let entities: [Entity]
        let notes: [String]

        enum CodingKeys: String, CodingKey {
            case old, new, changed, summary, causes, access, entities, notes
            case includeUsage = "include_usage"
        }
    }

    struct Side: Encodable {
        let source: String
        let accountID: String
        let accountName: String
        let fetchedAt: String
        let scope: String

        init(_ side: SnapshotDiff.Side, source: String) {
            self.source = source
            accountID = side.accountID
            accountName = side.accountName
            fetchedAt = side.fetchedAt
            scope = side.scope.description
        }

        enum CodingKeys: String, CodingKey {
            case source, scope
            case accountID = "account_id", accountName = "account_name", fetchedAt = "fetched_at"
        }
    }

    struct Summary: Encodable {
        let grantsGained: Int
        let privilegedGained: Int
        let grantsLost: Int
        let holders: Int
        let entitiesAdded: Int
        let entitiesRemoved: Int
        let entitiesChanged: Int

        enum CodingKeys: String, CodingKey {
            case holders
            case grantsGained = "grants_gained", privilegedGained = "privileged_grants_gained", grantsLost = "grants_lost"
            case entitiesAdded = "entities_added", entitiesRemoved = "entities_removed", entitiesChanged = "entities_changed"
        }
    }

    struct Holder: Encodable {
        let kind: String
        let iamID: String
        let name: String

        enum CodingKeys: String, CodingKey {
            case kind, name
            case iamID = "iam_id"
        }
    }

    struct HolderChanges: Encodable {
        let holder: Holder
        let gained: [Grant]
        let lost: [Grant]

        init(_ changes: IdentityAccessChanges) {
            let holder = changes.holder
            self.holder = Holder(kind: holder.kind.rawValue, iamID: holder.iamID, name: holder.name)
            gained = changes.gained.map { Grant($0, holder: holder) }
            lost = changes.lost.map { Grant($0, holder: holder) }
        }
    }

    struct Grant: Encodable {
        let role: AccessJSON.Role
        let policyID: String
        let target: AccessJSON.Target
        let path: [AccessJSON.Step]
        let via: String
        let condition: String?
        let privileged: Bool
        let text: String

        init(_ change: AccessChange, holder: AccessHolder) {
            role = AccessJSON.Role(crn: change.roleID, name: change.role)
            policyID = change.policyID
            target = AccessJSON.Target(label: change.targetLabel, scope: change.target.scopeName, key: change.target.key,
                                       attributes: change.target.attributes.map(AccessJSON.Attribute.init),
                                       tags: change.target.tags.map(AccessJSON.Attribute.init))
            path = change.path.map(AccessJSON.GrantFields.step)
            via = change.via
            condition = change.condition
            privileged = change.isPrivileged
            text = change.sentence(for: holder)
        }

        enum CodingKeys: String, CodingKey {
            case role, target, path, via, condition, privileged, text
            case policyID = "policy_id"
        }
    }

    /// An entity change that changed access (`entity`: its kind, action and id, as in `entities`; absent when the
    /// cause is not among the compared entities) and the access it changed, collapsed.
    struct Cause: Encodable {
        let entity: EntityReference?
        let effects: [Effect]

        init(_ cause: DiffCause) {
            entity = cause.change.map(EntityReference.init)
            effects = cause.effects.map(Effect.init)
        }
    }

    struct EntityReference: Encodable {
        let kind: String
        let action: String
        let id: String
        let label: String

        init(_ change: EntityChange) {
            kind = change.kind.rawValue
            action = change.action.rawValue
            id = change.id
            label = change.label
        }
    }

    struct Effect: Encodable {
        let direction: String
        let roles: [AccessJSON.Role]
        let policyID: String
        let targetLabel: String
        let path: [AccessJSON.Step]
        let condition: String?
        let holders: [Holder]
        let privileged: Bool
        let text: String

        init(_ effect: AccessEffect) {
            direction = effect.direction.rawValue
            roles = zip(effect.roleIDs, effect.roles).map { AccessJSON.Role(crn: $0, name: $1) }
            policyID = effect.policyID
            targetLabel = effect.targetLabel
            path = effect.path.map(AccessJSON.GrantFields.step)
            condition = effect.condition
            holders = effect.holders.map { Holder(kind: $0.kind.rawValue, iamID: $0.iamID, name: $0.name) }
            privileged = effect.isPrivileged
            text = effect.sentence(listing: 0)
        }

        enum CodingKeys: String, CodingKey {
            case direction, roles, path, condition, holders, privileged, text
            case policyID = "policy_id", targetLabel = "target_label"
        }
    }

    struct Entity: Encodable {
        let kind: String
        let action: String
        let id: String
        let label: String
        let changes: [Field]

        init(_ change: EntityChange) {
            kind = change.kind.rawValue
            action = change.action.rawValue
            id = change.id
            label = change.label
            changes = change.fields.map(Field.init)
        }
    }

    /// `{"field", "old", "new"}` for a value, `{"field", "added", "removed"}` for a set.
    struct Field: Encodable {
        let change: EntityChange.FieldChange

        enum CodingKeys: String, CodingKey { case field, old, new, added, removed }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(change.field, forKey: .field)
            switch change {
            case .value(_, let old, let new):
                try container.encode(old, forKey: .old)
                try container.encode(new, forKey: .new)
            case .elements(_, let added, let removed):
                try container.encode(added, forKey: .added)
                try container.encode(removed, forKey: .removed)
            }
        }
    }
}

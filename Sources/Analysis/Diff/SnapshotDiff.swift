import Model
import Snapshot

/// What changed between two snapshots of one account: effective access holder by holder (the part a reviewer reads
/// first), and the entities behind it — identities, access groups, memberships, policies, custom roles, trusted-profile
/// rules, links and identities, authorizations, resource groups and instances.
///
/// Volatile data (policies' last permit, identities' activity, dynamic memberships' expiry) is compared only with
/// `Options.includeUsage`. A collection unknown in either snapshot (forbidden, failed, not fetched) is not compared,
/// and `notes` say so, rather than all its items looking added or removed.
package struct SnapshotDiff: Sendable {
    package struct Options: Sendable, Equatable {
        /// Also compare volatile data.
        package var includeUsage: Bool

        package init(includeUsage: Bool = false) {
            self.includeUsage = includeUsage
        }
    }

    /// The headline facts of one of the two snapshots.
    package struct Side: Sendable, Equatable {
        package let accountID: String
        package let accountName: String
        /// When the snapshot was fetched, as its manifest says.
        package let fetchedAt: String
        package let scope: Manifest.Scope

        init(_ account: IAMAccount) {
            accountID = account.accountID
            accountName = account.displayName
            fetchedAt = account.fetchedAt.raw
            scope = account.scope
        }
    }

    /// Why two snapshots cannot be compared: they are of different accounts or different scopes, so everything would
    /// look changed.
    package struct Incomparable: Error, CustomStringConvertible {
        package let reasons: [String]

        package var description: String { "cannot compare the snapshots: " + reasons.joined(separator: "; ") }
    }

    package let old: Side
    package let new: Side
    package let options: Options
    /// Holders whose effective access changed, everyone first, then by name.
    package let access: [IdentityAccessChanges]
    /// Entities added, removed or changed, by kind (in `EntityChange.Kind` order), then label.
    package let entities: [EntityChange]
    /// The entity changes that changed effective access, each with the access it changed (collapsed), in the
    /// entities' order; access changes whose cause the entities do not show come last, under a `nil` change.
    package let causes: [DiffCause]
    /// What was not compared, and why.
    package let notes: [String]
    /// Every role the access changes describe, each once, by `GrantedRole.number`: what a writer describes once per
    /// role is kept in an array of this size.
    package let grants: [GrantedRole]

    /// Compares `old` with `new`.
    /// - Throws: `Incomparable` when the snapshots are of different accounts or scopes.
    package init(old: IAMAccount, new: IAMAccount, options: Options = Options()) throws(Incomparable) {
        var reasons: [String] = []
        if old.accountID != new.accountID {
            reasons.append("the old snapshot is of account \(old.displayName) (\(old.accountID)), "
                           + "the new one of account \(new.displayName) (\(new.accountID))")
        }
        if old.scope != new.scope {
            reasons.append("the old snapshot covers \(Self.coverage(old.scope)), the new one \(Self.coverage(new.scope))")
        }
        guard reasons.isEmpty else { throw Incomparable(reasons: reasons) }

        self.old = Side(old)
        self.new = Side(new)
        self.options = options
        let unknown = Set(old.unknown.keys).union(new.unknown.keys)
        let oneSided = Set(old.unknown.keys).symmetricDifference(new.unknown.keys)
        // The two indexes, then effective access and the entities, are worked out side by side on two threads.
        let indexing = Concurrent { AccessIndex(new) }
        let oldIndex = AccessIndex(old), newIndex = indexing.value
        let comparingAccess = oneSided.isDisjoint(with: AccessDiff.inputs)
        let accessChanges = Concurrent { comparingAccess ? AccessDiff.changes(old: oldIndex, new: newIndex) : ([], []) }

        let compareActivity = options.includeUsage && old.activity != nil && new.activity != nil
        let before = EntityRecords(oldIndex, includeUsage: options.includeUsage, includeActivity: compareActivity)
        let after = EntityRecords(newIndex, includeUsage: options.includeUsage, includeActivity: compareActivity)
        entities = EntityChange.Kind.allCases.filter { unknown.isDisjoint(with: $0.collections) }.flatMap {
            EntityRecords.changes($0, old: before, new: after)
        }
        (access, grants) = accessChanges.value
        causes = DiffCause.attribute(access, to: entities)

        var notes = CollectionKind.allCases.compactMap { Self.note(on: $0, old: old, new: new) }
        if options.includeUsage && !compareActivity {
            notes.append("identities' activity is not compared: the "
                         + (old.activity == nil ? "old" : "new") + " snapshot has no activity report (fetch --with-activity)")
        }
        self.notes = notes
    }

    /// True when nothing changed (notes aside).
    package var isEmpty: Bool { access.isEmpty && entities.isEmpty }

    /// "Acme Dev Team — changes from snapshot 2026-11-20T09:00:00Z to snapshot 2026-11-27T09:00:00Z".
    package var title: String {
        "\(new.accountName) — changes from snapshot \(old.fetchedAt) to snapshot \(new.fetchedAt)"
    }

    /// Grants gained and lost, over all holders.
    package var grantCounts: (gained: Int, lost: Int) {
        access.reduce((0, 0)) { ($0.0 + $1.gained.count, $0.1 + $1.lost.count) }
    }

    /// Privileged grants gained (`AccessChange.isPrivileged`), over all holders.
    package var privilegedGains: Int {
        access.reduce(0) { $0 + $1.gained.lazy.filter(\.isPrivileged).count }
    }

    /// Entity changes that changed no effective access, in the entities' order.
    package var entitiesWithoutAccessChange: [EntityChange] {
        let causing = Set(causes.compactMap(\.change))
        return entities.filter { !causing.contains($0) }
    }

    /// Entity changes of one action.
    package func entityCount(_ action: EntityChange.Action) -> Int {
        entities.lazy.filter { $0.action == action }.count
    }

    private static func coverage(_ scope: Manifest.Scope) -> String {
        scope.kind == .account ? "the whole account" : "only the access of identity \(scope.iamID ?? "?")"
    }

    /// What is not compared because `kind` is unknown in one or both snapshots; nothing for collections an identity
    /// scope never fetches.
    private static func note(on kind: CollectionKind, old: IAMAccount, new: IAMAccount) -> String? {
        let before = old.unknown[kind], after = new.unknown[kind]
        let whereUnknown: String
        switch (before, after) {
        case (nil, nil): return nil
        case (.notInManifest?, .notInManifest?) where old.scope.kind == .identity: return nil
        case (let reason?, nil): whereUnknown = "in the old snapshot (\(reason))"
        case (nil, let reason?): whereUnknown = "in the new snapshot (\(reason))"
        case (.some, .some): whereUnknown = "in both snapshots"
        }
        var consequences: [String] = []
        let kinds = EntityChange.Kind.allCases.filter { $0.collections.contains(kind) }.map(\.title)
        if !kinds.isEmpty {
            consequences.append(kinds.joined(separator: ", ") + " changes are not compared")
        }
        if AccessDiff.inputs.contains(kind) {
            consequences.append(before != nil && after != nil ? "effective access is computed without it"
                                : "effective-access changes are not compared")
        }
        return "\(kind.name) is unknown \(whereUnknown)" + (consequences.isEmpty ? "" : ": " + consequences.joined(separator: "; "))
    }
}

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
    package init(old: consuming IAMAccount, new: consuming IAMAccount, options: Options = Options()) throws(Incomparable) {
        self.init(try SnapshotComparison(old: consume old, new: consume new, options: options))
    }

    /// The diff of a comparison: its access changes attributed to the entity changes that caused them. The two
    /// accounts are no longer held here (a caller that hands them over to the comparison has them freed before the
    /// causes are worked out, the diff's largest step in memory).
    package init(_ comparison: consuming SnapshotComparison) {
        old = comparison.old
        new = comparison.new
        options = comparison.options
        access = comparison.access
        entities = comparison.entities
        grants = comparison.grants
        notes = comparison.notes
        causes = DiffCause.attribute(access, grants: grants, to: entities)
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
}

import Model
import Snapshot

/// Two snapshots' accounts compared: effective access holder by holder and the entities, before the access changes are
/// attributed to the entity changes that caused them (`SnapshotDiff`). It consumes the two accounts: once compared,
/// nothing of them is held but the words the changes are told in, so a caller that hands them over has them freed
/// before the causes are worked out, the diff's largest step in memory (on XL the accounts and their indexes are
/// 1.6 GiB of the 2.2 GiB the diff peaked at while attributing).
package struct SnapshotComparison: Sendable {
    package let old: SnapshotDiff.Side
    package let new: SnapshotDiff.Side
    package let options: SnapshotDiff.Options
    /// Holders whose effective access changed, everyone first, then by name.
    let access: [IdentityAccessChanges]
    /// Entities added, removed or changed, by kind (in `EntityChange.Kind` order), then label.
    let entities: [EntityChange]
    /// Every role the access changes describe, each once, by `GrantedRole.number`.
    let grants: [GrantedRole]
    /// What was not compared, and why.
    let notes: [String]

    /// Compares `old` with `new`, which are freed when this returns unless the caller holds them too; `timed`, when
    /// given, hears how long each step took (`--timings`). `keep`, when given, is handed the new snapshot's account and
    /// index instead of their being freed: a command that ends after the diff keeps them to its exit (on XL, freeing
    /// both accounts' millions of allocations one by one took 2 s on one thread). The old snapshot's are freed all
    /// the same, which leaves room for attributing the causes within the peak the comparison reached (keeping both
    /// raised XL's peak by half a gigabyte).
    /// - Throws: `SnapshotDiff.Incomparable` when the snapshots are of different accounts or scopes.
    package init(old: consuming IAMAccount, new: consuming IAMAccount,
                 options: SnapshotDiff.Options = SnapshotDiff.Options(),
                 timed: ((_ step: String, _ time: StepTime) -> Void)? = nil,
                 keep: ((_ compared: any Sendable) -> Void)? = nil) throws(SnapshotDiff.Incomparable) {
        var reasons: [String] = []
        if old.accountID != new.accountID {
            reasons.append("the old snapshot is of account \(old.displayName) (\(old.accountID)), "
                           + "the new one of account \(new.displayName) (\(new.accountID))")
        }
        if old.scope != new.scope {
            reasons.append("the old snapshot covers \(Self.coverage(old.scope)), the new one \(Self.coverage(new.scope))")
        }
        guard reasons.isEmpty else { throw SnapshotDiff.Incomparable(reasons: reasons) }

        self.old = SnapshotDiff.Side(copy old)
        self.new = SnapshotDiff.Side(copy new)
        self.options = options
        let compareActivity = options.includeUsage && old.activity != nil && new.activity != nil
        notes = Self.notes(old: old, new: new, options: options, activity: compareActivity)
        var laps = Laps(timed)
        (access, grants, entities) = Self.compare(old: consume old, new: consume new, options: options,
                                                  activity: compareActivity, laps: &laps, keep: keep)
    }

    /// What is not compared, and why: collections unknown in either snapshot, activity without its report.
    private static func notes(old: borrowing IAMAccount, new: borrowing IAMAccount, options: SnapshotDiff.Options,
                              activity: Bool) -> [String] {
        var notes = CollectionKind.allCases.compactMap { note(on: $0, old: copy old, new: copy new) }
        if options.includeUsage && !activity {
            notes.append("identities' activity is not compared: the "
                         + (old.activity == nil ? "old" : "new") + " snapshot has no activity report (fetch --with-activity)")
        }
        return notes
    }

    /// Effective access and the entities of `old` and `new` compared side by side on two threads; the accounts,
    /// their indexes and the entities' records are freed when this returns, but for the new snapshot's index (and so
    /// its account) when `keep` holds it.
    private static func compare(old: consuming IAMAccount, new: consuming IAMAccount, options: SnapshotDiff.Options,
                                activity: Bool, laps: inout Laps, keep: ((_ compared: any Sendable) -> Void)?)
        -> (access: [IdentityAccessChanges], grants: [GrantedRole], entities: [EntityChange]) {
        let unknown = Set(old.unknown.keys).union(new.unknown.keys)
        let oneSided = Set(old.unknown.keys).symmetricDifference(new.unknown.keys)
        // The two indexes, then effective access and the entities, are worked out side by side on two threads.
        let indexing = Concurrent { [new] in AccessIndex(new) }
        let oldIndex = AccessIndex(old), newIndex = indexing.value
        laps.lap("indexes")
        let comparingAccess = oneSided.isDisjoint(with: AccessDiff.inputs)
        let accessChanges = Concurrent { [oldIndex, newIndex] in comparingAccess ? AccessDiff.changes(old: oldIndex, new: newIndex) : ([], []) }

        let before = EntityRecords(oldIndex, includeUsage: options.includeUsage, includeActivity: activity)
        let after = EntityRecords(newIndex, includeUsage: options.includeUsage, includeActivity: activity)
        let entities = EntityChange.Kind.allCases.filter { unknown.isDisjoint(with: $0.collections) }.flatMap {
            EntityRecords.changes($0, old: before, new: after)
        }
        laps.lap("entities")
        let (access, grants) = accessChanges.value
        laps.lap("effective access (after the entities)")
        keep?(newIndex)
        return (access, grants, entities)
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

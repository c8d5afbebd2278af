import Model

/// One holder's paths that changed its access, matched between the two snapshots by their steps' ids (`PathIDs`), and
/// described (`HeldPath.Words`), before their changes are made: what `AccessDiff` works out for each holder on two
/// threads, reading the two indexes and the sources' deltas only.
struct ChangedWays: Sendable {
    /// A path that changed the holder's access.
    enum Way: Sendable {
        /// In both snapshots, to a source that grants something else: what it stopped granting is lost through the old
        /// steps (`nil` when nothing), what it started granting gained through the new ones (`nil` when nothing).
        case regranted(PathIDs, source: AccessPath.Source, old: HeldPath.Words?, new: HeldPath.Words?)
        /// In the old snapshot only: everything its source granted is lost.
        case closed(PathIDs, source: AccessPath.Source, HeldPath.Words)
        /// In the new snapshot only: everything its source grants is gained.
        case opened(PathIDs, source: AccessPath.Source, HeldPath.Words)
    }

    let holder: AccessHolder
    /// `holder.sortKey`, made on the matching thread.
    let sortKey: (Int, String, String)
    /// In the order the old paths are listed, then the new paths found in the new snapshot only.
    let ways: [Way]

    /// The changed ways of the identity (or compute resource) `iamID`; nil when none changed its access.
    init?(iamID: String, old: AccessIndex, new: AccessIndex, deltas: [AccessPath.Source: SourceGrants.Delta]) {
        self.init({ AccessHolder(iamID: iamID, in: [new, old]) }, old: old.paths(of: iamID), new: new.paths(of: iamID),
                  deltas: deltas, oldIndex: old, newIndex: new)
    }

    /// The changed ways among `oldPaths` and `newPaths`, the paths of the holder `holder` makes (only when some
    /// changed its access); nil when none did.
    init?(_ holder: () -> AccessHolder, old oldPaths: [AccessPath], new newPaths: [AccessPath],
          deltas: [AccessPath.Source: SourceGrants.Delta], oldIndex: AccessIndex, newIndex: AccessIndex) {
        var ways: [Way] = []
        let oldByIDs = Self.byStepIDs(oldPaths), newByIDs = Self.byStepIDs(newPaths)
        for (ids, oldPath) in oldByIDs {
            if let newPath = newByIDs[ids] {
                guard let delta = deltas[oldPath.source] else { continue }
                ways.append(.regranted(ids, source: oldPath.source,
                                       old: delta.lost.isEmpty ? nil : HeldPath.Words(oldPath.steps),
                                       new: delta.gained.isEmpty ? nil : HeldPath.Words(newPath.steps)))
            } else if Self.grantsAnything(oldPath.source, in: oldIndex) {
                ways.append(.closed(ids, source: oldPath.source, HeldPath.Words(oldPath.steps)))
            }
        }
        for (ids, newPath) in newByIDs where oldByIDs[ids] == nil && Self.grantsAnything(newPath.source, in: newIndex) {
            ways.append(.opened(ids, source: newPath.source, HeldPath.Words(newPath.steps)))
        }
        guard !ways.isEmpty else { return nil }
        self.holder = holder()
        sortKey = self.holder.sortKey
        self.ways = ways
    }

    /// The sources whose every role these ways gain or lose (`SourceGrants.all(_:as:)`): of each way that closed,
    /// lost, and of each that opened, gained.
    var asked: [SourceGrants.Asked] {
        ways.compactMap { way in
            switch way {
            case .regranted: nil
            case .closed(_, let source, _): SourceGrants.Asked(source: source, direction: .lost)
            case .opened(_, let source, _): SourceGrants.Asked(source: source, direction: .gained)
            }
        }
    }

    /// The changes of these ways: each way numbered among the diff's (`ways`: equal for ways with the same ids) and
    /// its roles described (`grants`), in the order the ways are listed; the same ways and roles in holder order
    /// give the same numbers whichever thread matched them.
    func grants(_ grants: inout SourceGrants, ways numbering: inout Numbering<PathIDs>) -> HolderGrants {
        var lost: [HolderGrants.Run] = [], gained: [HolderGrants.Run] = []
        for way in ways {
            switch way {
            case .regranted(let ids, let source, let old, let new):
                guard let delta = grants.deltas[source] else { continue }
                let number = numbering.number(ids)
                if let old { lost.append(HolderGrants.Run(delta.lost, HeldPath(old, idsNumber: number), .policy)) }
                if let new { gained.append(HolderGrants.Run(delta.gained, HeldPath(new, idsNumber: number), .policy)) }
            case .closed(let ids, let source, let words):
                let closed = grants.all(source, as: .lost)
                guard !closed.isEmpty else { continue }
                lost.append(HolderGrants.Run(closed, HeldPath(words, idsNumber: numbering.number(ids)), .path))
            case .opened(let ids, let source, let words):
                let opened = grants.all(source, as: .gained)
                guard !opened.isEmpty else { continue }
                gained.append(HolderGrants.Run(opened, HeldPath(words, idsNumber: numbering.number(ids)), .path))
            }
        }
        return HolderGrants(holder: holder, sortKey: sortKey, lost: lost, gained: gained)
    }

    /// Whether the source grants any role in the snapshot of `index`: a path to it that opened or closed changed the
    /// holder's access.
    private static func grantsAnything(_ source: AccessPath.Source, in index: AccessIndex) -> Bool {
        index.policies(of: source).contains { !$0.roleIDs.isEmpty }
    }

    /// Paths by their steps' ids; of two paths with the same ids (a duplicated membership), the first.
    private static func byStepIDs(_ paths: [AccessPath]) -> [PathIDs: AccessPath] {
        var result: [PathIDs: AccessPath] = [:]
        for path in paths where result[PathIDs(steps: path.steps)] == nil { result[PathIDs(steps: path.steps)] = path }
        return result
    }
}

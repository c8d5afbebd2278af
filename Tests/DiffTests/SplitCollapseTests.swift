import Testing
@testable import Analysis

/// The causes' collapse on two threads (`DiffCause.collapse`: each cause's changes grouped in two parts split at a
/// change, the cause on the seam joined, `GroupedChanges.append`) makes the effects the one-thread collapse makes
/// (`AccessEffect.collapse`, cause by cause), on hostile layouts: one cause holding every change, holders with many
/// changes split between the parts, empty causes, a cause per change, each cause's changes gathered in two lists
/// split anywhere (`GatheredChanges`).
@Suite struct SplitCollapseTests {
    /// A cause's changes grouped in two runs split at every change (a holder's changes on both sides of the seam
    /// included) and joined are the effects of the changes grouped as one run.
    @Test func groupsJoinedAtAnyChangeAreTheGroupsOfOneRun() throws {
        for diff in try CauseEffectsTests.diffs() {
            let positions = CauseEffectsTests.everything(diff).positions
            let holders = diff.access.map(\.holder)
            let whole = AccessEffect.collapse(positions, of: diff.access, holders: holders, grants: diff.grants)
            #expect(whole.count > 1)
            for seam in stride(from: 0, through: positions.count, by: max(1, positions.count / 97)) {
                var joined = GroupedChanges(positions[..<seam])
                joined.append(GroupedChanges(positions[seam...]))
                #expect(joined.effects(joined.groups.indices, of: diff.access, holders: holders,
                                       grants: diff.grants) == whole, "split at \(seam)")
            }
        }
    }

    /// One group of every change, its roles all the diff's (more than a few, told apart by sets), split at any
    /// change and joined, lists each role CRN and each holder once, in the order first seen.
    @Test func oneGroupOfManyRolesListsEachRoleAndHolderOnce() throws {
        for diff in try CauseEffectsTests.diffs() {
            let positions = CauseEffectsTests.everything(diff).positions.map {
                ChangePosition(holder: $0.holder, change: $0.change, direction: .gained, policy: 0, way: 0,
                               grant: $0.grant)
            }
            var roleIDs: [String] = [], holders: [String] = []
            for position in positions {
                let roleID = diff.grants[position.grant].roleID, holder = diff.access[position.holder].holder.iamID
                if !roleIDs.contains(roleID) { roleIDs.append(roleID) }
                if !holders.contains(holder) { holders.append(holder) }
            }
            #expect(Set(positions.map(\.grant)).count > 8)
            for seam in [0, positions.count / 3, positions.count / 2, positions.count] {
                var joined = GroupedChanges(positions[..<seam])
                joined.append(GroupedChanges(positions[seam...]))
                let effects = joined.effects(joined.groups.indices, of: diff.access,
                                             holders: diff.access.map(\.holder), grants: diff.grants)
                #expect(effects.map(\.roleIDs) == [roleIDs])
                #expect(effects.map { $0.holders.map(\.iamID) } == [holders])
                #expect(effects.map(\.isPrivileged) == [diff.grants.contains(where: \.isPrivileged)])
            }
        }
    }

    /// Causes collapsed on two threads are the causes collapsed one by one, whatever the layout.
    @Test func causesCollapsedOnTwoThreadsAreCollapsedOneByOne() throws {
        for diff in try CauseEffectsTests.diffs() {
            let positions = CauseEffectsTests.everything(diff).positions
            let holders = diff.access.map(\.holder)
            let oneHolder = positions.filter { $0.holder == positions.last?.holder }
            let layouts: [[[ChangePosition]]] = [
                [positions],
                [[], positions, []],
                [oneHolder, positions, oneHolder],
                [Array(positions.prefix(3)), positions, [], Array(positions.suffix(2))],
                positions.map { [$0] },
                [[], []],
                [],
            ]
            for causes in layouts {
                let oneByOne = causes.map {
                    AccessEffect.collapse($0, of: diff.access, holders: holders, grants: diff.grants)
                }
                // Each cause as gathered in two lists, split at its start, its end, or a third of the way.
                for third in [0, 1, 3] {
                    let gathered = causes.map { changes in
                        let split = third == 0 ? 0 : changes.count * third / 3
                        return GatheredChanges(first: Array(changes[..<split]), later: Array(changes[split...]))
                    }
                    #expect(DiffCause.collapse(gathered, of: diff.access, grants: diff.grants) == oneByOne)
                }
            }
        }
    }

    /// Runs split at every item and worked on in fragments, the seam's two joined, are the runs.
    @Test func fragmentsJoinedAtEverySplitAreTheRuns() {
        let layouts: [[[Int]]] = [[], [[]], [[], [], []], [Array(0..<9)], [[1], Array(2..<20), [], [20, 21], []]]
        for runs in layouts {
            let counts = runs.map(\.count)
            var splits = [RunsSideBySide.Split(run: runs.count, offset: 0)]
            for (run, count) in counts.enumerated() { splits += (0..<max(count, 1)).map { .init(run: run, offset: $0) } }
            for split in splits {
                let fragments = RunsSideBySide.fragments(counts, splits: [split]) { run, items in Array(runs[run][items]) }
                    join: { $0 += $1 }
                #expect(fragments == runs, "split at \(split)")
            }
            let chosen = RunsSideBySide.splits(counts, parts: 2)[0]
            #expect(chosen.run <= runs.count)
            #expect(chosen.run == runs.count ? chosen.offset == 0 : chosen.offset < counts[chosen.run])
        }
    }
}

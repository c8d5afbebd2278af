import Foundation
import Testing
@testable import Analysis
import Model
import TestSupport

/// `AccessEffect.collapse` groups a cause's changes by the numbers `ChangePosition` read from each change once; this
/// checks it against the plain definition, in words and ids read from the changes themselves.
@Suite struct CauseEffectsTests {
    /// An effect as the definition makes it: everything compared in words and ids.
    struct Expected: Equatable {
        let direction: AccessChange.Direction
        let roles: [String]
        let roleIDs: [String]
        let policyID: String
        let targetLabel: String
        let steps: [AccessStep]
        let condition: String?
        let holders: [String]
        let isPrivileged: Bool

        init(_ effect: AccessEffect) {
            self.init(direction: effect.direction, roles: effect.roles, roleIDs: effect.roleIDs, policyID: effect.policyID,
                      targetLabel: effect.targetLabel, steps: effect.path, condition: effect.condition,
                      holders: effect.holders.map(\.iamID), isPrivileged: effect.isPrivileged)
        }

        init(direction: AccessChange.Direction, roles: [String], roleIDs: [String], policyID: String,
             targetLabel: String, steps: [AccessStep], condition: String?, holders: [String], isPrivileged: Bool) {
            self.direction = direction
            self.roles = roles
            self.roleIDs = roleIDs
            self.policyID = policyID
            self.targetLabel = targetLabel
            self.steps = steps
            self.condition = condition
            self.holders = holders
            self.isPrivileged = isPrivileged
        }
    }

    /// The definition: the changes grouped by direction, policy, target, condition and the ids of the way, in the
    /// order of their first change; each group's roles by CRN in the order first seen, privileged when any change
    /// is, and its holders each once, in the order first seen.
    static func collapsed(_ changes: [(holder: AccessHolder, change: AccessChange)]) -> [Expected] {
        var order: [String] = []
        var groups: [String: [(holder: AccessHolder, change: AccessChange)]] = [:]
        for item in changes {
            let change = item.change
            let key = [change.direction.rawValue, change.policyID, change.target.key, change.condition ?? "\u{0}",
                       change.path.ids.joined(separator: ">")].joined(separator: "|")
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(item)
        }
        return order.compactMap { groups[$0] }.compactMap { items in
            guard let first = items.first?.change else { return nil }
            var roleIDs: [String] = [], roles: [String] = [], holders: [String] = []
            for (holder, change) in items {
                if !roleIDs.contains(change.roleID) {
                    roleIDs.append(change.roleID)
                    roles.append(change.role)
                }
                if !holders.contains(holder.iamID) { holders.append(holder.iamID) }
            }
            return Expected(direction: first.direction, roles: roles, roleIDs: roleIDs, policyID: first.policyID,
                            targetLabel: first.targetLabel, steps: first.path, condition: first.condition,
                            holders: holders, isPrivileged: items.contains { $0.change.isPrivileged })
        }
    }

    /// Every change of `diff`, in holder order, with its position.
    static func everything(_ diff: SnapshotDiff) -> (positions: [ChangePosition],
                                                     changes: [(holder: AccessHolder, change: AccessChange)]) {
        var positions: [ChangePosition] = [], changes: [(holder: AccessHolder, change: AccessChange)] = []
        for (offset, holder) in diff.access.enumerated() {
            for position in 0..<holder.count {
                let change = holder.change(at: position)
                positions.append(ChangePosition(holder: offset, change: position, change))
                changes.append((holder.holder, change))
            }
        }
        return (positions, changes)
    }

    /// samples/enterprise with hundreds of scattered edits (`AccessDiffOracleTests.editedCopy`) and the demo pair.
    static func diffs() throws -> [SnapshotDiff] {
        let root = try TemporaryDirectory.make("iamgraph-effects")
        defer { try? FileManager.default.removeItem(at: root) }
        let edited = root.appendingPathComponent("new")
        try AccessDiffOracleTests.editedCopy(of: AccessDiffOracleTests.enterprise, at: edited)
        return [try SnapshotDiff(old: DemoPair.load(AccessDiffOracleTests.enterprise), new: DemoPair.load(edited)),
                try ReportTests.demoDiff()]
    }

    /// All of a diff's changes collapsed as one cause's — the way of a group through which one holder's path
    /// closed and another's source changed is one group, with one role described twice — are the definition's
    /// effects.
    @Test func everyChangeCollapsedAsOneCauseIsTheDefinition() throws {
        for diff in try Self.diffs() {
            let (positions, changes) = Self.everything(diff)
            let effects = AccessEffect.collapse(positions, of: diff.access, holders: diff.access.map(\.holder),
                                                grants: diff.grants)
            let expected = Self.collapsed(changes)
            #expect(expected.count > 1)
            #expect(effects.map(Expected.init) == expected)
        }
    }
}

import Analysis
import Foundation
import Model
import Snapshot
import Testing

@Suite struct SnapshotDiffTests {
    @Test func entityChangesAreExactlyTheEdits() throws {
        let pair = try DemoPair()
        defer { pair.remove() }
        let diff = try SnapshotDiff(old: DemoPair.load(pair.old), new: DemoPair.load(pair.new))

        let changes = diff.entities.map { "\($0.action.rawValue) \($0.kind.rawValue) \($0.id)" }
        #expect(changes == [
            "removed membership \(DemoPair.developers)/\(DemoPair.sofia)",
            "added policy \(DemoPair.newPolicy)",
            "changed policy \(DemoPair.sandboxPolicy)",
            "removed resource_instance \(DemoPair.deletedInstance)",
        ])
        let rolesChange = try #require(diff.entities.first { $0.id == DemoPair.sandboxPolicy })
        #expect(rolesChange.fields == [.elements(field: "roles", added: ["Manager"], removed: [])])
        #expect(diff.notes.isEmpty)
    }

    @Test func grantsGainedAndLostFollowTheMembershipAndPolicyChanges() throws {
        let pair = try DemoPair()
        defer { pair.remove() }
        let diff = try SnapshotDiff(old: DemoPair.load(pair.old), new: DemoPair.load(pair.new))
        let byHolder = Dictionary(uniqueKeysWithValues: diff.access.map { ($0.holder.iamID, $0) })

        // Sofia left Developers: she loses each role of its five policies, and does not get the new Manager role.
        let sofia = try #require(byHolder[DemoPair.sofia])
        #expect(sofia.gained.isEmpty)
        #expect(sofia.lost.count == 7)
        #expect(sofia.lost.allSatisfy { $0.via == "via access group Developers" })
        #expect(!sofia.lost.contains { $0.role == "Manager" })

        // The other members of Developers gain Manager on the sandbox resource group, and nothing else.
        let members = ["IBMid-270007BN2P", "IBMid-6650019HWM", "iam-Profile-5f9cfc1d-a71d-4bd4-80ba-734232c1e990",
                       "iam-ServiceId-f290c889-85fb-408d-b9f6-c5b7ec70c762"]
        for iamID in members {
            let changes = try #require(byHolder[iamID])
            #expect(changes.lost.isEmpty)
            #expect(changes.gained.map { "\($0.role) \($0.policyID) \($0.targetLabel) \($0.via)" }
                    == ["Manager \(DemoPair.sandboxPolicy) All resources in resource group sandbox via access group Developers"])
        }

        // Lena's new direct policy.
        let lena = try #require(byHolder[DemoPair.lena])
        #expect(lena.lost.isEmpty)
        #expect(lena.gained.map { $0.sentence(for: lena.holder) } == [
            "Lena Fischer gained Administrator on cloud-object-storage in resource group prod directly "
                + "(policy 0c5b7e1e)",
        ])

        // Nobody else: the deleted instance changes no grant.
        #expect(Set(byHolder.keys) == Set(members + [DemoPair.sofia, DemoPair.lena]))
        #expect(diff.grantCounts.gained == 5 && diff.grantCounts.lost == 7)
    }

    @Test func publicAccessChangesAreReportedOnceForEveryone() throws {
        let pair = try DemoPair(edited: false)
        defer { pair.remove() }
        try DemoPair.editJSON(pair.new, CollectionKind.accessPolicies.fileName) { (policies: inout [[String: Any]]) in
            policies.removeAll { $0["id"] as? String == "30ea760d-f08e-4927-895a-e70345602204" }
        }
        try Resealer().reseal(pair.new)
        let diff = try SnapshotDiff(old: DemoPair.load(pair.old), new: DemoPair.load(pair.new))
        #expect(diff.access.map(\.holder) == [.everyone])
        #expect(diff.access.first.map { $0.lost.map { $0.sentence(for: .everyone) } } == [
            "everyone (Public Access) lost Content Reader on resource type bucket / resource public-assets in instance "
                + "cos-acme-dev (df4a01fb-7a6f-4d52-851e-28e690505e0d) (policy 30ea760d)",
        ])
    }

    @Test func identicalSnapshotsGiveNoChange() throws {
        let pair = try DemoPair(edited: false)
        defer { pair.remove() }
        let diff = try SnapshotDiff(old: DemoPair.load(pair.old), new: DemoPair.load(pair.new))
        #expect(diff.isEmpty)
        #expect(diff.notes.isEmpty)
    }

    @Test func differentAccountsAreNotCompared() throws {
        let pair = try DemoPair(edited: false)
        defer { pair.remove() }
        try Resealer(accountID: "0123456789abcdef0123456789abcdef").reseal(pair.new)
        #expect(throws: SnapshotDiff.Incomparable.self) {
            try SnapshotDiff(old: DemoPair.load(pair.old), new: DemoPair.load(pair.new))
        }
    }

    @Test func differentScopesAreNotCompared() throws {
        let old = try DemoPair.load(DemoPair.demo)
        let scoped = IAMAccount(accountID: old.accountID, fetchedAt: old.fetchedAt, scope: .identity(DemoPair.lena))
        let error = try #require(throws: SnapshotDiff.Incomparable.self) { try SnapshotDiff(old: old, new: scoped) }
        #expect(error.description.contains("the whole account"))
        #expect(error.description.contains("only the access of identity \(DemoPair.lena)"))
    }

    @Test func aCollectionUnknownOnOneSideIsNotReportedAsChanged() throws {
        let pair = try DemoPair(edited: false)
        defer { pair.remove() }
        try Resealer(forbidden: [.accessGroupMembers]).reseal(pair.new)
        let diff = try SnapshotDiff(old: DemoPair.load(pair.old), new: DemoPair.load(pair.new))
        #expect(diff.isEmpty)
        #expect(diff.notes.count == 1)
        #expect(diff.notes[0].hasPrefix("access_group_members is unknown in the new snapshot (forbidden (HTTP 403)"))
        #expect(diff.notes[0].hasSuffix("membership changes are not compared; effective-access changes are not compared"))
    }

    @Test func usageIsIgnoredUnlessAskedFor() throws {
        let pair = try DemoPair(edited: false)
        defer { pair.remove() }
        try DemoPair.editJSON(pair.new, VolatileArea.policyUsage.file) { (usage: inout [String: Any]) in
            usage[DemoPair.sandboxPolicy] = ["last_permit_at": "2026-11-26T08:00:00Z", "last_permit_frequency": 999]
        }
        try Resealer().reseal(pair.new)
        let old = try DemoPair.load(pair.old), new = try DemoPair.load(pair.new)
        #expect(try SnapshotDiff(old: old, new: new).isEmpty)

        let withUsage = try SnapshotDiff(old: old, new: new, options: .init(includeUsage: true))
        #expect(withUsage.access.isEmpty)
        #expect(withUsage.entities.map(\.id) == [DemoPair.sandboxPolicy])
        #expect(withUsage.entities.first?.fields.map(\.field) == ["last_permit_at", "last_permit_frequency"])
    }

    /// The diff passes over an entity equal in both snapshots without building its record, but an identity's activity
    /// comes from the activity report, not the identity: an equal user reported inactive only in the new snapshot is
    /// still a changed user.
    @Test func activityOfAnOtherwiseEqualIdentityIsCompared() throws {
        let pair = try DemoPair(edited: false)
        defer { pair.remove() }
        let reports: [(URL, [[String: Any]])] = [(pair.old, []), (pair.new, [["iam_id": DemoPair.lena]])]
        for (directory, users) in reports {
            let file = directory.appendingPathComponent(VolatileArea.activity.file)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try JSONSerialization.data(withJSONObject: ["users": users]).write(to: file)
            try Resealer().reseal(directory)
        }
        let diff = try SnapshotDiff(old: DemoPair.load(pair.old), new: DemoPair.load(pair.new),
                                    options: .init(includeUsage: true))
        #expect(diff.entities.map { "\($0.action.rawValue) \($0.kind.rawValue) \($0.id)" } == ["changed user \(DemoPair.lena)"])
        #expect(diff.entities.first?.fields == [.value(field: "activity", old: "active", new: "inactive, never authenticated")])
    }
}

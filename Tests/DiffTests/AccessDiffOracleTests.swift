import Analysis
import Foundation
import Model
import Snapshot
import Testing
import TestSupport

/// `SnapshotDiff` compares effective access path by path and skips paths whose source did not change; this checks it
/// against the plain definition — every holder's full grant list in both snapshots, keyed and compared — on
/// samples/enterprise with hundreds of scattered edits.
@Suite struct AccessDiffOracleTests {
    static let enterprise = Samples.enterprise
    static let administrator = "crn:v1:bluemix:public:iam::::role:Administrator"

    /// A copy of samples/enterprise in which every 20th membership is gone, every 37th access policy deleted, every
    /// 29th granted Administrator too, every 31st moved to another service, and one trusted-profile identity removed.
    static func editedCopy(of source: URL, at directory: URL) throws {
        try FileManager.default.copyItem(at: source, to: directory)
        try DemoPair.editJSON(directory, CollectionKind.accessGroupMembers.fileName) { (groups: inout [String: Any]) in
            var position = 0
            for (id, members) in groups.sorted(by: { $0.key < $1.key }) {
                groups[id] = (members as! [Any]).filter { _ in position += 1; return position % 20 != 0 }
            }
        }
        try DemoPair.editJSON(directory, CollectionKind.accessPolicies.fileName) { (policies: inout [[String: Any]]) in
            for position in policies.indices {
                if position % 29 == 0, var control = policies[position]["control"] as? [String: Any],
                   var grant = control["grant"] as? [String: Any] {
                    grant["roles"] = (grant["roles"] as? [Any] ?? []) + [["role_id": administrator]]
                    control["grant"] = grant
                    policies[position]["control"] = control
                }
                if position % 31 == 0, var resource = policies[position]["resource"] as? [String: Any],
                   let attributes = resource["attributes"] as? [[String: Any]] {
                    resource["attributes"] = attributes.map { attribute in
                        attribute["key"] as? String == "serviceName" ? attribute.merging(["value": "kms"]) { $1 } : attribute
                    }
                    policies[position]["resource"] = resource
                }
            }
            policies = policies.enumerated().filter { $0.offset % 37 != 36 }.map(\.element)
        }
        try DemoPair.editJSON(directory, CollectionKind.trustedProfileIdentities.fileName) { (profiles: inout [String: Any]) in
            let first = profiles.keys.sorted()[0]
            profiles[first] = Array((profiles[first] as! [Any]).dropFirst())
        }
        try Resealer().reseal(directory)
    }

    /// One gained or lost role, by ids only.
    static func key(_ holder: String, _ change: AccessChange) -> String {
        let path = change.path.ids
        return [holder, change.direction.rawValue, change.policyID, change.roleID, change.target.key,
                path.joined(separator: ">"), change.condition ?? ""].joined(separator: "|")
    }

    /// The definition: each holder's grants (Public Access apart, compared once) in both snapshots, one key per role.
    static func oracle(old: AccessIndex, new: AccessIndex) -> Set<String> {
        func keys(_ holder: String, _ grants: [Grant]) -> Set<String> {
            Set(grants.flatMap { grant in
                grant.roleIDs.map { role in
                    [holder, grant.policy.id, role, grant.target.key,
                     grant.path.ids.joined(separator: ">"),
                     grant.policy.rule.map(ConditionText.readable) ?? ""].joined(separator: "|")
                }
            })
        }
        func holders(_ index: AccessIndex) -> Set<String> {
            Set(index.account.identities.map(\.iamID)).union(index.groupsOfMember.keys).union(index.policiesOfIAMID.keys)
                .union(index.profilesAssumableBy.keys)
        }
        func grants(_ holder: String, _ index: AccessIndex) -> Set<String> {
            if holder == AccessGroup.publicAccessID {
                return keys(holder, EffectiveAccess.grants(of: "-nobody-", in: index).filter { $0.path == [.publicAccess] })
            }
            return keys(holder, EffectiveAccess.grants(of: holder, in: index).filter { !$0.path.contains(.publicAccess) })
        }
        func tagged(_ keys: Set<String>, _ direction: String) -> Set<String> {
            Set(keys.map { key in
                var fields = key.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                fields.insert(direction, at: 1)
                return fields.joined(separator: "|")
            })
        }
        var result = Set<String>()
        for holder in holders(old).union(holders(new)).union([AccessGroup.publicAccessID]) {
            let before = grants(holder, old), after = grants(holder, new)
            result.formUnion(tagged(before.subtracting(after), "lost"))
            result.formUnion(tagged(after.subtracting(before), "gained"))
        }
        return result
    }

    @Test func pathByPathComparisonEqualsTheFullComparison() throws {
        let root = try TemporaryDirectory.make("iamgraph-oracle")
        defer { try? FileManager.default.removeItem(at: root) }
        let edited = root.appendingPathComponent("new")
        try Self.editedCopy(of: Self.enterprise, at: edited)
        let old = try DemoPair.load(Self.enterprise), new = try DemoPair.load(edited)

        let diff = try SnapshotDiff(old: old, new: new)
        let found = Set(diff.access.flatMap { holder in
            (holder.gained + holder.lost).map { Self.key(holder.holder.iamID, $0) }
        })
        let expected = Self.oracle(old: AccessIndex(old), new: AccessIndex(new))
        #expect(expected.count > 200)
        #expect(found.count == diff.grantCounts.gained + diff.grantCounts.lost)  // no change reported twice
        #expect(found.subtracting(expected).sorted().prefix(5) == [])
        #expect(expected.subtracting(found).sorted().prefix(5) == [])
    }
}

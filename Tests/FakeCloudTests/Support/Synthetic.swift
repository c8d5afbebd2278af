import Foundation
import Snapshot
import TestSupport

/// A generated snapshot large enough that every list spans several pages at every page size, written once per test
/// run to a temporary directory (removed when the run ends).
enum Synthetic {
    static let account = "0123456789abcdef0123456789abcdef"
    static let owner = "IBMid-OWNER00001"
    /// The group with 70 static and 50 dynamic members.
    static let bigGroup = "AccessGroupId-00001"
    /// The group whose only member is `IBMid-U00007`.
    static let smallGroup = "AccessGroupId-00002"

    /// The snapshot's directory, removed when the test process exits. A snapshot that cannot be written fails the
    /// tests that use it, not the test process.
    static var directory: URL { get throws { try made.get() } }
    private static let made = Result { try make() }

    static func id(_ prefix: String, _ number: Int) -> String {
        prefix + String(repeating: "0", count: max(0, 5 - String(number).count)) + String(number)
    }

    private static func make() throws -> URL {
        let directory = TemporaryDirectory.removedAtExit("fake-cloud-synthetic")
        var writer = SnapshotWriter(toolVersion: "0.1.0", accountID: account, fetchedAt: "2026-11-21T00:00:00Z",
                                    scope: .account)
        func add(_ kind: CollectionKind, _ content: Any) throws {
            try writer.add(kind, content: content, source: .init(api: "synthetic", endpoint: "/", query: "", pages: 1))
        }
        try add(.account, ["id": account, "name": "Synthetic", "owner_iamid": owner, "owner_userid": "owner@example.com"])
        try add(.users, (1...230).map { ["iam_id": id("IBMid-U", $0), "user_id": "u\($0)@example.com", "state": "ACTIVE"] }
                + [["iam_id": owner, "user_id": "owner@example.com", "state": "ACTIVE"]])
        try add(.serviceIDs, (1...250).map { ["id": id("ServiceId-", $0), "iam_id": id("iam-ServiceId-", $0), "name": "sid \($0)"] })
        try add(.trustedProfiles, (1...3).map { ["id": "Profile-\($0)", "iam_id": "iam-Profile-\($0)", "name": "profile \($0)"] })
        try add(.trustedProfileLinks, ["Profile-1": [["id": "ProfileLink-1", "cr_type": "IKS_SA"], ["id": "ProfileLink-2", "cr_type": "VSI"]]])
        try add(.trustedProfileRules, ["Profile-2": [["id": "ClaimRule-1", "type": "Profile-SAML"]]])
        try add(.trustedProfileIdentities, ["Profile-1": [["iam_id": "IBMid-U00001", "identifier": "IBMid-U00001", "type": "user"]]])
        try add(.apiKeys, (1...130).map {
            ["id": id("ApiKey-", $0), "name": "key \($0)", "iam_id": $0 % 3 == 0 ? owner : id("iam-ServiceId-", $0)]
        })
        try add(.accessGroups, (1...130).map {
            ["id": id("AccessGroupId-", $0), "name": "group \($0)", "is_federated": $0 == 1]
        } + [["id": "AccessGroupId-PublicAccess", "name": "Public Access", "is_federated": false]])
        try add(.accessGroupMembers, [
            bigGroup: (1...120).map {
                ["iam_id": id("IBMid-U", $0), "type": "user", "name": "user \($0)", "email": "u\($0)@example.com",
                 "membership_type": $0 <= 70 ? "static" : "dynamic"]
            },
            smallGroup: [["iam_id": "IBMid-U00007", "type": "user", "name": "user 7", "membership_type": "static"]],
            "AccessGroupId-PublicAccess": [],
        ])
        try add(.accessGroupRules, [bigGroup: [["id": "ClaimRule-g1", "name": "idp", "expiration": 12]]])
        try add(.accessGroupSettings, ["account_id": account, "public_access_enabled": true])
        try add(.accessPolicies, (1...230).map(accessPolicy))
        try add(.authorizationPolicies, (1...3).map { number -> [String: Any] in
            ["id": id("authz-", number), "type": "authorization", "last_permit_frequency": number,
             "subject": ["attributes": [["key": "serviceName", "operator": "stringEquals", "value": "cloud-object-storage"]]],
             "control": ["grant": ["roles": [["role_id": "crn:v1:bluemix:public:iam::::serviceRole:Reader"]]]]]
        })
        try add(.roles, try snapshotFile(Samples.demo, "roles.json"))
        try add(.policyTemplates, (1...120).map { ["id": id("PolicyTemplate-", $0), "name": "template \($0)"] })
        try add(.policyAssignments, (1...3).map { ["id": id("Assignment-", $0)] })
        try add(.resourceGroups, (1...2).map { ["id": id("rg", $0), "name": "rg \($0)"] })
        try add(.resourceInstances, (1...230).map {
            ["id": "crn:v1:bluemix:public:kms:us-south:a/\(account):\(id("guid-", $0))::", "guid": id("guid-", $0)]
        })
        try add(.identitySettings, ["account_id": account, "mfa": "NONE"])
        writer.setActivity(["users": [["iam_id": "IBMid-U00001", "last_authn": "2026-01-01T00:00:00Z"]], "serviceids": [],
                            "profiles": [], "apikeys": [], "report_start_time": "2026-10-01", "report_end_time": "2026-11-01"])
        try writer.write(to: directory)
        return directory
    }

    /// Policy `n`: every tenth is a v1 item (`subjects`), the others v2; subjects alternate between a user and a group;
    /// even ones carry usage fields (which the writer moves to the volatile area).
    private static func accessPolicy(_ number: Int) -> [String: Any] {
        let subject: (key: String, value: String) = number % 2 == 0
            ? ("iam_id", id("IBMid-U", number % 7)) : ("access_group_id", id("AccessGroupId-", number % 5))
        var policy: [String: Any] = ["id": id("policy-", number), "type": "access", "state": "active",
                                     "created_at": "2026-01-01T00:00:00.000Z"]
        if number % 10 == 0 {
            policy["subjects"] = [["attributes": [["name": subject.key, "value": subject.value]]]]
            policy["roles"] = [["role_id": "crn:v1:bluemix:public:iam::::role:Viewer"]]
            policy["resources"] = [["attributes": [["name": "accountId", "value": account]]]]
        } else {
            policy["subject"] = ["attributes": [["key": subject.key, "operator": "stringEquals", "value": subject.value]]]
            policy["control"] = ["grant": ["roles": [["role_id": "crn:v1:bluemix:public:iam::::role:Viewer"]]]]
            policy["resource"] = ["attributes": [["key": "accountId", "operator": "stringEquals", "value": account]]]
        }
        if number % 2 == 0 {
            policy["last_permit_at"] = "2026-11-\(10 + number % 10)T00:00:00.000Z"
            policy["last_permit_frequency"] = number * 3
        }
        return policy
    }
}

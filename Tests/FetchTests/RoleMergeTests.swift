@testable import Fetch
import Testing

/// `/v2/roles` responses merged into roles.json: a system role's actions differ per service and are kept per service.
@Suite struct RoleMergeTests {
    static let editor = "crn:v1:bluemix:public:iam::::role:Editor"

    func system(_ merged: [String: Any]) -> [[String: Any]] { (merged["system_roles"] as? [[String: Any]]) ?? [] }

    @Test func aServiceListingWithOtherActionsIsKeptWithItsService() {
        let merged = RoleMerge.merge([
            (nil, ["system_roles": [["crn": Self.editor, "actions": ["iam.policy.read"]]]]),
            ("iam-groups", ["system_roles": [["crn": Self.editor, "actions": ["iam-groups.members.add"]]]]),
            ("kms", ["system_roles": [["crn": Self.editor, "actions": ["iam.policy.read"]]]]),
        ])
        let roles = system(merged)
        #expect(roles.count == 2)
        #expect(roles[0]["service_name"] == nil)
        #expect(roles[1]["service_name"] as? String == "iam-groups")
        #expect(roles[1]["actions"] as? [String] == ["iam-groups.members.add"])
    }

    @Test func aServiceNameTheResponseGivesIsKept() {
        let merged = RoleMerge.merge([
            (nil, ["custom_roles": [["crn": "custom:A", "service_name": "kms", "actions": ["kms.secrets.read"]]]]),
            ("kms", ["custom_roles": [["crn": "custom:A", "service_name": "kms", "actions": ["kms.secrets.read"]]]]),
        ])
        #expect((merged["custom_roles"] as? [Any])?.count == 1)
    }
}

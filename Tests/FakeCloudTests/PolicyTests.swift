import FakeCloud
import Foundation
import Snapshot
import Testing

/// Policies through v1 and v2, usage merged back, subject filters, roles.
@Suite struct PolicyTests {
    static let acct = Synthetic.account

    var accessFile: [[String: Any]] {
        get throws { try #require(try snapshotFile(Synthetic.directory, "policies-access.json") as? [[String: Any]]) }
    }

    var usage: [String: [String: Any]] {
        get throws { try #require(try snapshotFile(Synthetic.directory, "volatile/policy-usage.json") as? [String: [String: Any]]) }
    }

    func isV2(_ policy: [String: Any]) -> Bool { policy["subject"] != nil || policy["control"] != nil }

    @Test func v2ServesTheV2ItemsWithUsageMergedBack() async throws {
        try await withCloud { _, client in
            let client = try await client.authenticated()
            let walked = try await client.walk("/v2/policies?account_id=\(Self.acct)&type=access&limit=100&format=include_last_permit",
                                               key: "policies", next: NextLink.href)
            let expected = try accessFile.filter(isV2)
            #expect(ids(walked.items) == ids(expected))
            let usage = try usage
            for policy in walked.items {
                let id = try #require(policy["id"] as? String)
                var stripped = policy
                stripped["last_permit_at"] = nil
                stripped["last_permit_frequency"] = nil
                #expect(NSDictionary(dictionary: stripped) == NSDictionary(dictionary: try #require(expected.first { $0["id"] as? String == id })))
                #expect(policy["last_permit_at"] as? String == usage[id]?["last_permit_at"] as? String)
                #expect(policy["last_permit_frequency"] as? Int == usage[id]?["last_permit_frequency"] as? Int)
            }
            #expect(walked.items.contains { $0["last_permit_at"] != nil })

            let plain = try await client.get("/v2/policies?account_id=\(Self.acct)&type=access&limit=100").json
            #expect((plain["policies"] as? [[String: Any]])?.allSatisfy { $0["last_permit_at"] == nil } == true)

            let authorizations = try await client.get("/v2/policies?account_id=\(Self.acct)&type=authorization&format=include_last_permit").json
            let items = try #require(authorizations["policies"] as? [[String: Any]])
            #expect(items.count == 3)
            #expect(items.allSatisfy { $0["type"] as? String == "authorization" && $0["last_permit_frequency"] != nil })
        }
    }

    @Test func v1ServesV1ItemsAndAPlaceholderForEveryV2Item() async throws {
        try await withCloud { _, client in
            let client = try await client.authenticated()
            let walked = try await client.walk("/v1/policies?account_id=\(Self.acct)&type=access&limit=100&format=include_last_permit",
                                               key: "policies", next: NextLink.href)
            let file = try accessFile
            #expect(ids(walked.items) == ids(file))
            let usage = try usage
            for (served, original) in zip(walked.items, file) {
                let id = try #require(original["id"] as? String)
                if isV2(original) {
                    let roles = try #require(served["roles"] as? [[String: Any]])
                    #expect(roles.map { $0["role_id"] as? String } == ["crn:v1:bluemix:public:iam::::role:UnsupportedVersion"])
                    let subjects = try #require(served["subjects"] as? [[String: Any]])
                    let attribute = try #require((subjects.first?["attributes"] as? [[String: Any]])?.first)
                    #expect(attribute["name"] as? String == "iam_id")
                    #expect(attribute["value"] as? String == "unsupported version")
                    #expect(served["href"] as? String == "https://iam.cloud.ibm.com/v2/policies/\(id)")
                    #expect(served["type"] as? String == "access")
                    #expect(served["subject"] == nil && served["last_permit_at"] == nil)
                } else {
                    var expected = original
                    for (key, value) in usage[id] ?? [:] { expected[key] = value }
                    #expect(NSDictionary(dictionary: served) == NSDictionary(dictionary: expected))
                }
            }
        }
    }

    @Test func subjectFiltersApplyToBothVersions() async throws {
        try await withCloud { _, client in
            let client = try await client.authenticated()
            let file = try accessFile
            func subjectValue(_ policy: [String: Any], _ name: String) -> String? {
                if let attributes = (policy["subject"] as? [String: Any])?["attributes"] as? [[String: Any]] {
                    return attributes.first { $0["key"] as? String == name }?["value"] as? String
                }
                let subjects = policy["subjects"] as? [[String: Any]] ?? []
                let attributes = subjects.first?["attributes"] as? [[String: Any]] ?? []
                return attributes.first { $0["name"] as? String == name }?["value"] as? String
            }
            for (name, value) in [("iam_id", "IBMid-U00003"), ("access_group_id", "AccessGroupId-00001")] {
                let expected = file.filter { subjectValue($0, name) == value }
                #expect(!expected.isEmpty)
                let v2 = try await client.walk("/v2/policies?account_id=\(Self.acct)&\(name)=\(value)&limit=100",
                                               key: "policies", next: NextLink.href)
                #expect(ids(v2.items) == ids(expected.filter(isV2)))
                let v1 = try await client.walk("/v1/policies?account_id=\(Self.acct)&\(name)=\(value)&limit=100",
                                               key: "policies", next: NextLink.href)
                #expect(ids(v1.items) == ids(expected))
            }
        }
    }

    @Test func demoPoliciesCarryTheirUsageAgain() async throws {
        try await withCloud(demoSnapshot) { cloud, client in
            let client = try await client.authenticated()
            let page = try await client.get("/v2/policies?account_id=\(cloud.accountID)&type=access&limit=100&format=include_last_permit").json
            let policies = try #require(page["policies"] as? [[String: Any]])
            #expect(policies.count == 26)
            let usage = try #require(try snapshotFile(demoSnapshot, "volatile/policy-usage.json") as? [String: [String: Any]])
            for policy in policies {
                let id = try #require(policy["id"] as? String)
                #expect(policy["last_permit_frequency"] as? Int == usage[id]?["last_permit_frequency"] as? Int)
            }
            let v1 = try await client.get("/v1/policies?account_id=\(cloud.accountID)&type=access&limit=100").json
            let v1Policies = try #require(v1["policies"] as? [[String: Any]])
            #expect(v1Policies.count == 27)
            #expect(v1Policies.filter { ($0["href"] as? String)?.contains("/v2/policies/") == true }.count == 26)
        }
    }

    @Test func rolesFollowServiceName() async throws {
        try await withCloud(demoSnapshot) { cloud, client in
            let client = try await client.authenticated()
            let all = try await client.get("/v2/roles?account_id=\(cloud.accountID)").json
            #expect((all["system_roles"] as? [Any])?.count == 4)
            #expect((all["custom_roles"] as? [Any])?.count == 2)
            #expect((all["service_roles"] as? [Any])?.count == 0)

            let cos = try await client.get("/v2/roles?account_id=\(cloud.accountID)&service_name=cloud-object-storage").json
            #expect((cos["system_roles"] as? [Any])?.count == 4)
            #expect(ids(try #require(cos["custom_roles"] as? [[String: Any]]), "name") == ["BucketJanitor"])
            #expect(ids(try #require(cos["service_roles"] as? [[String: Any]]), "crn") == [
                "crn:v1:bluemix:public:cloud-object-storage::::serviceRole:ContentReader",
                "crn:v1:bluemix:public:cloud-object-storage::::serviceRole:ObjectReader",
                "crn:v1:bluemix:public:iam::::serviceRole:Manager",
                "crn:v1:bluemix:public:iam::::serviceRole:Reader",
                "crn:v1:bluemix:public:iam::::serviceRole:Writer",
            ])
        }
    }

    @Test func systemRolesCarryTheirActionsForTheServiceAskedAbout() async throws {
        try await withCloud(demoSnapshot) { cloud, client in
            let client = try await client.authenticated()
            let groups = try await client.get("/v2/roles?account_id=\(cloud.accountID)&service_name=iam-groups").json
            let system = try #require(groups["system_roles"] as? [[String: Any]])
            #expect(system.count == 4)
            let editor = try #require(system.first { ($0["crn"] as? String)?.hasSuffix(":role:Editor") == true })
            #expect(editor["service_name"] as? String == "iam-groups")
            #expect((editor["actions"] as? [String])?.contains("iam-groups.members.add") == true)
            // Operator has no listing for iam-groups: the plain one stands.
            let operatorRole = try #require(system.first { ($0["crn"] as? String)?.hasSuffix(":role:Operator") == true })
            #expect(operatorRole["service_name"] == nil)
            let kms = try await client.get("/v2/roles?account_id=\(cloud.accountID)&service_name=kms").json
            #expect(try #require(kms["system_roles"] as? [[String: Any]]).allSatisfy { $0["service_name"] == nil })
        }
    }
}

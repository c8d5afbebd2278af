import FakeCloud
import Foundation
import Snapshot
import Testing
import TestSupport

/// The fake cloud holds clients to the parameters IBM's API requires or needs to give the whole answer.
@Suite struct RequiredParameterTests {
    /// `GET /v1/policy_assignments` without `version` (the response format; required by the API and IBM's SDK) is a
    /// 400, so a fetcher that forgets it fails its tests.
    @Test func policyAssignmentsRequireVersion() async throws {
        try await withCloud { cloud, client in
            let client = try await client.authenticated()
            let missing = try await client.get("/v1/policy_assignments?account_id=\(cloud.accountID)")
            #expect(missing.status == 400)
            let unsupported = try await client.get("/v1/policy_assignments?account_id=\(cloud.accountID)&version=2.0")
            #expect(unsupported.status == 400)
            let served = try await client.get("/v1/policy_assignments?account_id=\(cloud.accountID)&version=1.0")
            #expect(served.status == 200)
            #expect(try served.json["assignments"] is [Any])
        }
    }

    /// Users' `settings` (IP allowlist, self-managed login) come only with `include_settings=true`.
    @Test func userSettingsOnlyWithIncludeSettings() async throws {
        let directory = try TemporaryDirectory.make("user-settings")
        defer { try? FileManager.default.removeItem(at: directory) }
        let snapshot = directory.appendingPathComponent("snapshot")
        try FileManager.default.copyItem(at: demoSnapshot, to: snapshot)
        let file = snapshot.appendingPathComponent(CollectionKind.users.fileName)
        var users = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [[String: Any]])
        users[0]["settings"] = ["allowed_ip_addresses": "192.0.2.1", "self_manage": true]
        try CanonicalJSON.data(users).write(to: file)
        _ = try Resealer().reseal(snapshot)
        try await withCloud(snapshot) { cloud, client in
            let client = try await client.authenticated()
            let plain = try await client.get("/v2/accounts/\(cloud.accountID)/users?limit=100").json
            #expect((plain["resources"] as? [[String: Any]])?.allSatisfy { $0["settings"] == nil } == true)
            let full = try await client.get("/v2/accounts/\(cloud.accountID)/users?limit=100&include_settings=true").json
            #expect((full["resources"] as? [[String: Any]])?.contains { $0["settings"] != nil } == true)
        }
    }

    /// The template and assignment listings of enterprise-managed IAM require `account_id`, as IBM's SDK does.
    @Test(arguments: ["/v1/group_templates", "/v1/group_assignments", "/v1/profile_templates", "/v1/profile_assignments/",
                      "/v1/account_settings_templates", "/v1/account_settings_assignments/"])
    func templateListingsRequireAccountID(path: String) async throws {
        try await withCloud(demoSnapshot) { cloud, client in
            let client = try await client.authenticated()
            #expect(try await client.get(path).status == 400)
            let served = try await client.get("\(path)?account_id=\(cloud.accountID)")
            #expect(served.status == 200)
            let key = path.contains("assignments") ? "assignments"
                : path.contains("group") ? "group_templates" : path.contains("profile") ? "profile_templates"
                : "account_settings_templates"
            #expect(try (served.json[key] as? [Any])?.isEmpty == false)
        }
    }

    /// IAM Identity's template listings page by `limit` and `pagetoken` (not `pagesize`), with `next` an absolute URL.
    @Test func identityTemplateListingsPageByLimitAndPagetoken() async throws {
        try await withCloud(demoSnapshot) { cloud, client in
            let client = try await client.authenticated()
            let first = try await client.get("/v1/profile_assignments/?account_id=\(cloud.accountID)&limit=1").json
            #expect(first["limit"] as? Int == 1)
            #expect((first["assignments"] as? [Any])?.count == 1)
            #expect(first["next"] == nil)  // the demo has one profile assignment
            let page = try await client.get("/v1/account_settings_templates?account_id=\(cloud.accountID)&limit=0")
            #expect(page.status == 400)
        }
    }

    /// The versions of a policy template the snapshot holds; 404 for a template it does not.
    @Test func policyTemplateVersionsPerTemplate() async throws {
        try await withCloud(demoSnapshot) { _, client in
            let client = try await client.authenticated()
            let versions = try await client.get("/v1/policy_templates/policyTemplate-2b7e151c-28ae-4d2a-a6f7-15881aba7c4f/versions")
            #expect(versions.status == 200)
            #expect(try (versions.json["versions"] as? [[String: Any]])?.compactMap { $0["version"] as? String } == ["1", "2"])
            #expect(try await client.get("/v1/policy_templates/policyTemplate-unknown/versions").status == 404)
        }
    }
}

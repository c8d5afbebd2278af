import FakeCloud
import Foundation
import Testing

/// Access group filters, membership types, and the per-parent endpoints of groups and trusted profiles.
@Suite struct AccessGroupTests {
    static let acct = Synthetic.account

    @Test func membersDefaultToStaticAndAllIncludesDynamic() async throws {
        try await withCloud { _, client in
            let client = try await client.authenticated()
            let base = "/v2/groups/\(Synthetic.bigGroup)/members"
            let staticOnly = try await client.walk(base, key: "members", next: NextLink.href)
            #expect(staticOnly.items.count == 70)
            #expect(staticOnly.pages.count == 2)
            #expect(staticOnly.items.allSatisfy { $0["membership_type"] as? String == "static" })
            #expect(staticOnly.items.allSatisfy { $0["name"] == nil && $0["email"] == nil })

            let all = try await client.walk(base + "?membership_type=all&verbose=true&limit=100", key: "members", next: NextLink.href)
            #expect(all.items.count == 120)
            #expect(all.items.allSatisfy { $0["name"] is String })
            let dynamic = try await client.walk(base + "?membership_type=dynamic&limit=100", key: "members", next: NextLink.href)
            #expect(dynamic.items.count == 50)
            #expect(try await client.get(base + "?membership_type=everyone").status == 400)
        }
    }

    @Test func unknownParentsAre404InTheServiceShape() async throws {
        try await withCloud { _, client in
            let client = try await client.authenticated()
            let group = try await client.get("/v2/groups/AccessGroupId-nope/members")
            #expect(group.status == 404)
            let errors = try #require(try group.json["errors"] as? [[String: Any]])
            #expect(errors.first?["code"] as? String == "not_found")
            #expect(try group.json["status_code"] as? Int == 404)
            #expect(try await client.get("/v2/groups/AccessGroupId-nope/rules").status == 404)

            let profile = try await client.get("/v1/profiles/Profile-nope/links")
            #expect(profile.status == 404)
            #expect(try profile.json["errorCode"] is String)

            // A known parent without entries in the per-parent file has an empty list.
            let empty = try await client.get("/v1/profiles/Profile-3/rules").json
            #expect((empty["rules"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func groupListFilters() async throws {
        try await withCloud { _, client in
            let client = try await client.authenticated()
            let plain = try await client.walk("/v2/groups?account_id=\(Self.acct)&limit=100", key: "groups", next: NextLink.href)
            #expect(plain.items.count == 131)
            #expect(plain.items.allSatisfy { $0["is_federated"] == nil })
            #expect(plain.items.contains { $0["id"] as? String == "AccessGroupId-PublicAccess" })

            let hidden = try await client.walk("/v2/groups?account_id=\(Self.acct)&limit=100&hide_public_access=true&show_federated=true",
                                               key: "groups", next: NextLink.href)
            #expect(hidden.items.count == 130)
            #expect(hidden.items.first { $0["id"] as? String == Synthetic.bigGroup }?["is_federated"] as? Bool == true)

            let scoped = try await client.get("/v2/groups?account_id=\(Self.acct)&iam_id=IBMid-U00007").json
            #expect(Set(ids(try #require(scoped["groups"] as? [[String: Any]])))
                    == [Synthetic.bigGroup, Synthetic.smallGroup, "AccessGroupId-PublicAccess"])
        }
    }

    @Test func rulesSettingsAndProfileChildren() async throws {
        try await withCloud { _, client in
            let client = try await client.authenticated()
            let rules = try await client.get("/v2/groups/\(Synthetic.bigGroup)/rules").json
            #expect(ids(try #require(rules["rules"] as? [[String: Any]])) == ["ClaimRule-g1"])
            let settings = try await client.get("/v2/groups/settings?account_id=\(Self.acct)").json
            #expect(settings["public_access_enabled"] as? Bool == true)

            let links = try await client.get("/v1/profiles/Profile-1/links").json
            #expect(ids(try #require(links["links"] as? [[String: Any]])) == ["ProfileLink-1", "ProfileLink-2"])
            let identities = try await client.get("/v1/profiles/Profile-1/identities").json
            #expect((identities["entity_tag"] as? String)?.hasPrefix("1-") == true)
            #expect(ids(try #require(identities["identities"] as? [[String: Any]]), "iam_id") == ["IBMid-U00001"])
        }
    }

    @Test func accountObjects() async throws {
        try await withCloud(demoSnapshot) { cloud, client in
            let client = try await client.authenticated()
            let account = try await client.get("/v4/accounts/\(cloud.accountID)").json
            #expect(account["name"] as? String == "Acme Dev Team")
            let settings = try await client.get("/v1/accounts/\(cloud.accountID)/settings/identity").json
            #expect(settings["mfa"] as? String == "NONE")
            let other = try await client.get("/v4/accounts/ffffffffffffffffffffffffffffffff")
            #expect(other.status == 403)
        }
    }
}

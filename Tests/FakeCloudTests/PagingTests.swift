import FakeCloud
import Foundation
import Snapshot
import Testing

/// Every paging style walks to its end and returns each item of the snapshot file exactly once, in file order.
@Suite struct PagingTests {
    static let acct = Synthetic.account

    /// The ids of a list file, in file order.
    func fileIDs(_ kind: CollectionKind, key: String = "id", snapshot: URL? = nil) throws -> [String] {
        ids(try #require(try snapshotFile(snapshot ?? Synthetic.directory, kind.fileName) as? [[String: Any]]), key)
    }

    @Test func identityListsUsePagesizeAndAbsoluteNextStrings() async throws {
        try await withCloud { cloud, client in
            let client = try await client.authenticated()
            let walked = try await client.walk("/v1/serviceids/?account_id=\(Self.acct)&pagesize=100", key: "serviceids",
                                               next: NextLink.identity)
            #expect(ids(walked.items) == (try fileIDs(.serviceIDs)))
            #expect(walked.pages.count == 3)
            let next = try #require(walked.pages[0]["next"] as? String)
            #expect(next.hasPrefix(cloud.baseURL.absoluteString + "/v1/serviceids/?"))
            #expect(next.contains("pagetoken="))
            #expect(walked.pages[0]["limit"] as? Int == 100)
            #expect(walked.pages[1]["previous"] is String)
            #expect(walked.pages[2]["next"] == nil)

            let profiles = try await client.walk("/v1/profiles?account_id=\(Self.acct)&pagesize=2", key: "profiles",
                                                 next: NextLink.identity)
            #expect(ids(profiles.items) == (try fileIDs(.trustedProfiles)))
            #expect(profiles.pages.count == 2)

            let keys = try await client.walk("/v1/apikeys?account_id=\(Self.acct)&scope=account&pagesize=50", key: "apikeys",
                                             next: NextLink.identity)
            #expect(ids(keys.items) == (try fileIDs(.apiKeys)))
            // Every page keeps the request's other parameters (scope=account included).
            #expect((keys.pages[0]["next"] as? String)?.contains("scope=account") == true)
        }
    }

    @Test func apiKeysWithoutAccountScopeListOnlyTheCallersKeys() async throws {
        try await withCloud { _, client in
            let client = try await client.authenticated()
            let own = try await client.walk("/v1/apikeys?account_id=\(Self.acct)&pagesize=100", key: "apikeys",
                                            next: NextLink.identity)
            #expect(own.items.count == 43)
            #expect(own.items.allSatisfy { $0["iam_id"] as? String == Synthetic.owner })
        }
    }

    @Test func accessGroupsUseLimitOffsetAndHrefObjects() async throws {
        try await withCloud { cloud, client in
            let client = try await client.authenticated()
            let walked = try await client.walk("/v2/groups?account_id=\(Self.acct)&limit=100&show_federated=true",
                                               key: "groups", next: NextLink.href)
            #expect(ids(walked.items) == (try fileIDs(.accessGroups)))
            #expect(walked.pages.count == 2)
            let first = walked.pages[0]
            #expect(first["total_count"] as? Int == 131)
            #expect(first["offset"] as? Int == 0)
            #expect((first["last"] as? [String: Any])?["href"] as? String
                    == "\(cloud.baseURL.absoluteString)/v2/groups?account_id=\(Self.acct)&limit=100&show_federated=true&offset=100")
            #expect(walked.pages[1]["next"] == nil)

            let members = try await client.walk("/v2/groups/\(Synthetic.bigGroup)/members?limit=100&membership_type=all&verbose=true",
                                                key: "members", next: NextLink.href)
            let file = try #require(try snapshotFile(Synthetic.directory, CollectionKind.accessGroupMembers.fileName) as? [String: Any])
            #expect(ids(members.items, "iam_id") == ids(try #require(file[Synthetic.bigGroup] as? [[String: Any]]), "iam_id"))
            #expect(members.pages.count == 2)
        }
    }

    @Test func policiesTemplatesAndAssignmentsUseLimitStartAndHrefStart() async throws {
        try await withCloud { _, client in
            let client = try await client.authenticated()
            let walked = try await client.walk("/v1/policy_templates?account_id=\(Self.acct)&limit=50", key: "policy_templates",
                                               next: NextLink.href)
            #expect(ids(walked.items) == (try fileIDs(.policyTemplates)))
            #expect(walked.pages.count == 3)
            let next = try #require(walked.pages[0]["next"] as? [String: Any])
            let start = try #require(next["start"] as? String)
            #expect((next["href"] as? String)?.contains("start=\(start)") == true)

            let assignments = try await client.walk("/v1/policy_assignments?account_id=\(Self.acct)&version=1.0", key: "assignments",
                                                    next: NextLink.href)
            #expect(ids(assignments.items) == (try fileIDs(.policyAssignments)))
        }
    }

    @Test func resourceInstancesUseRelativeNextURLAndNullAtTheEnd() async throws {
        try await withCloud { _, client in
            let client = try await client.authenticated()
            let walked = try await client.walk("/v2/resource_instances?limit=100", key: "resources", next: NextLink.nextURL)
            #expect(ids(walked.items) == (try fileIDs(.resourceInstances)))
            #expect(walked.pages.count == 3)
            let next = try #require(walked.pages[0]["next_url"] as? String)
            #expect(next.hasPrefix("/v2/resource_instances?limit=100&start="))
            #expect(walked.pages[0]["rows_count"] as? Int == 100)
            #expect(walked.pages[2]["next_url"] is NSNull)
            #expect(walked.pages[2]["rows_count"] as? Int == 30)
        }
    }

    @Test func usersUseUnderscoreStartAndNoNextURLAtTheEnd() async throws {
        try await withCloud { _, client in
            let client = try await client.authenticated()
            let walked = try await client.walk("/v2/accounts/\(Self.acct)/users?limit=100", key: "resources",
                                               next: NextLink.nextURL)
            #expect(ids(walked.items, "iam_id") == (try fileIDs(.users, key: "iam_id")))
            #expect(walked.pages.count == 3)
            #expect((walked.pages[0]["next_url"] as? String)?.contains("_start=") == true)
            #expect(walked.pages[0]["total_results"] as? Int == 231)
            #expect(walked.pages[2]["next_url"] == nil)
        }
    }

    @Test func pageSizesAreCappedAt100AndDefaultPerAPI() async throws {
        try await withCloud { _, client in
            let client = try await client.authenticated()
            let capped = try await client.walk("/v1/serviceids/?account_id=\(Self.acct)&pagesize=500", key: "serviceids",
                                               next: NextLink.identity)
            #expect(capped.pages.map { ($0["serviceids"] as? [Any])?.count } == [100, 100, 50])
            for (path, key, size) in [("/v1/serviceids/?account_id=\(Self.acct)", "serviceids", 20),
                                      ("/v2/groups?account_id=\(Self.acct)", "groups", 50),
                                      ("/v2/groups?account_id=\(Self.acct)&limit=1000", "groups", 100),
                                      ("/v1/policies?account_id=\(Self.acct)&type=access", "policies", 50),
                                      ("/v2/resource_instances?limit=250", "resources", 100),
                                      ("/v2/resource_instances", "resources", 100),
                                      ("/v2/accounts/\(Self.acct)/users", "resources", 100)] {
                let page = try await client.get(path).json
                #expect((page[key] as? [Any])?.count == size, "\(path)")
            }
            let invalid = try await client.get("/v1/serviceids/?account_id=\(Self.acct)&pagesize=0")
            #expect(invalid.status == 400)
            let forged = try await client.get("/v2/resource_instances?start=not-a-cursor")
            #expect(forged.status == 400)
        }
    }

    /// The demo sample: every list and per-parent collection, walked the way the real API pages it, gives back
    /// exactly the file's items.
    @Test func demoSnapshotServesEveryCollectionExactlyOnce() async throws {
        try await withCloud(demoSnapshot) { cloud, client in
            let client = try await client.authenticated()
            let acct = cloud.accountID
            let lists: [(CollectionKind, String, String, String, ([String: Any]) -> String?)] = [
                (.serviceIDs, "/v1/serviceids/?account_id=\(acct)&pagesize=2", "serviceids", "id", NextLink.identity),
                (.trustedProfiles, "/v1/profiles?account_id=\(acct)&pagesize=1", "profiles", "id", NextLink.identity),
                (.apiKeys, "/v1/apikeys?account_id=\(acct)&scope=account&pagesize=2", "apikeys", "id", NextLink.identity),
                (.accessGroups, "/v2/groups?account_id=\(acct)&limit=4&show_federated=true", "groups", "id", NextLink.href),
                (.resourceInstances, "/v2/resource_instances?limit=3", "resources", "id", NextLink.nextURL),
                (.users, "/v2/accounts/\(acct)/users?limit=3", "resources", "iam_id", NextLink.nextURL),
                (.policyTemplates, "/v1/policy_templates?account_id=\(acct)", "policy_templates", "id", NextLink.href),
            ]
            for (kind, first, key, idKey, next) in lists {
                let walked = try await client.walk(first, key: key, next: next)
                #expect(ids(walked.items, idKey) == (try fileIDs(kind, key: idKey, snapshot: demoSnapshot)), "\(kind)")
                #expect(try CanonicalJSON.data(walked.items) == CanonicalJSON.data(try snapshotFile(demoSnapshot, kind.fileName)),
                        "\(kind) items differ from the file")
            }
            let groups = try await client.get("/v2/resource_groups?account_id=\(acct)").json
            #expect(ids(try #require(groups["resources"] as? [[String: Any]])) == (try fileIDs(.resourceGroups, snapshot: demoSnapshot)))

            let members = try #require(try snapshotFile(demoSnapshot, CollectionKind.accessGroupMembers.fileName) as? [String: [[String: Any]]])
            for (group, items) in members {
                let walked = try await client.walk("/v2/groups/\(group)/members?limit=2&membership_type=all&verbose=true",
                                                   key: "members", next: NextLink.href)
                #expect(try CanonicalJSON.data(walked.items) == CanonicalJSON.data(items), "\(group)")
            }
            let perParent: [(CollectionKind, String, String)] = [
                (.accessGroupRules, "/v2/groups/%@/rules", "rules"),
                (.trustedProfileLinks, "/v1/profiles/%@/links", "links"),
                (.trustedProfileRules, "/v1/profiles/%@/rules", "rules"),
                (.trustedProfileIdentities, "/v1/profiles/%@/identities", "identities"),
            ]
            for (kind, template, key) in perParent {
                let file = try #require(try snapshotFile(demoSnapshot, kind.fileName) as? [String: [[String: Any]]])
                for (parent, items) in file {
                    let body = try await client.get(template.replacingOccurrences(of: "%@", with: parent)).json
                    #expect(try CanonicalJSON.data(try #require(body[key] as? [Any])) == CanonicalJSON.data(items), "\(kind) \(parent)")
                }
            }
        }
    }
}

@testable import FakeCloud
import FlyingFox
import Foundation
import Snapshot
import Testing
import TestSupport

/// Lists are answered a page at a time: a page reads only its own items, and the indexed lists (policies by type,
/// version and subject, groups by member, members by type, API keys by owner) hold exactly what filtering every item
/// would, hostile data included.
@Suite struct ListingTests {
    /// A list of `size` items that counts how many of them were read.
    struct CountingItems: RandomAccessCollection {
        final class Reads { var count = 0 }
        let size: Int
        let reads = Reads()
        var startIndex: Int { 0 }
        var endIndex: Int { size }
        subscript(position: Int) -> RawJSON {
            reads.count += 1
            return ["id": .int(position)]
        }
    }

    /// A GET request for `path` with `query`, as the server hands it to the endpoints.
    func request(_ path: String, _ query: [(String, String)]) -> APIRequest {
        let items = query.map { HTTPRequest.QueryItem(name: $0.0, value: $0.1) }
        return APIRequest(HTTPRequest(method: .GET, version: .http11, path: path, query: items, headers: [:], body: Data()),
                          body: Data())
    }

    @Test(arguments: [PagingStyle.identity, .offset, .start, .resourceController, .users])
    func aPageOfAMillionItemListReadsOnlyItsOwnItems(style: PagingStyle) throws {
        let list = CountingItems(size: 1_000_000)
        let asked = request("/list", [(style.limitParameter, "100"), (style.cursorParameter, style.cursor(for: 500_000))])
        let page = try Page(style, of: list, for: asked, bend: nil, flood: nil)
        #expect(page.items == (500_000..<500_100).map { ["id": .int($0)] })
        #expect(page.total == 1_000_000)
        #expect(list.reads.count == 100)
    }

    /// With the endless-paging fault on, a cursor near the largest offset a client can send ends the listing instead
    /// of overflowing the next cursor (which trapped the server).
    @Test(arguments: [PagingStyle.identity, .offset, .start, .resourceController, .users])
    func endlessPagingSurvivesACursorNearTheLargestOffset(style: PagingStyle) throws {
        let list = CountingItems(size: 10)
        let asked = request("/list", [(style.limitParameter, "100"), (style.cursorParameter, style.cursor(for: Int.max - 5))])
        let page = try Page(style, of: list, for: asked, bend: .endless, flood: nil)
        #expect(page.items.isEmpty)
        #expect(page.nextOffset == nil)
    }

    /// A snapshot whose lists hold what a lying server or an odd account could: a subject value named twice, a policy
    /// matching both filters, v1 items, members listed twice or with an unknown membership type, Public Access listed
    /// twice, keys without an owner. The files keep the items in the order given here (the writer would sort them).
    static func hostileSnapshot() throws -> URL {
        let account = Synthetic.account
        let directory = TemporaryDirectory.removedAtExit("fake-cloud-hostile-lists")
        var writer = SnapshotWriter(toolVersion: "0.1.0", accountID: account, fetchedAt: "2026-11-21T00:00:00Z",
                                    scope: .account)
        var files: [String: Any] = [:]
        func add(_ kind: CollectionKind, _ content: Any) throws {
            // The writer records the collection; its file is replaced by the content as given below.
            let empty: Any = content is [String: Any] ? [String: Any]() : [Any]()
            try writer.add(kind, content: empty, source: .init(api: "test", endpoint: "/", query: "", pages: 1))
            files[kind.fileName] = content
        }
        func v2(_ id: String, _ attributes: [(String, String)], type: String = "access") -> [String: Any] {
            ["id": id, "type": type, "last_permit_frequency": 3,
             "subject": ["attributes": attributes.map { ["key": $0.0, "operator": "stringEquals", "value": $0.1] }],
             "control": ["grant": ["roles": [["role_id": "crn:v1:bluemix:public:iam::::role:Viewer"]]]]]
        }
        func v1(_ id: String, _ attributes: [(String, String)]) -> [String: Any] {
            ["id": id, "type": "access", "subjects": [["attributes": attributes.map { ["name": $0.0, "value": $0.1] }]],
             "roles": [["role_id": "crn:v1:bluemix:public:iam::::role:Viewer"]]]
        }
        try add(.account, ["id": account, "name": "Hostile", "owner_iamid": "IBMid-A"])
        try add(.accessPolicies, [
            v2("p1", [("iam_id", "IBMid-A"), ("iam_id", "IBMid-A")]),
            v2("p2", [("iam_id", "IBMid-A"), ("access_group_id", "AccessGroupId-G1")]),
            v1("p3", [("iam_id", "IBMid-A")]),
            v1("p4", [("access_group_id", "AccessGroupId-G1"), ("access_group_id", "AccessGroupId-G1")]),
            v2("p5", [("access_group_id", "AccessGroupId-G1")]),
            v2("p1", [("iam_id", "IBMid-B")]),
            ["id": "p6", "type": "access"],
        ])
        try add(.authorizationPolicies, [v2("a1", [("iam_id", "IBMid-A")], type: "authorization")])
        try add(.accessGroups, [
            ["id": "AccessGroupId-G1", "name": "one", "is_federated": true],
            ["id": "AccessGroupId-PublicAccess", "name": "Public Access"],
            ["id": "AccessGroupId-G2", "name": "two"],
            ["id": "AccessGroupId-PublicAccess", "name": "Public Access again"],
            ["name": "no id"],
        ])
        try add(.accessGroupMembers, [
            "AccessGroupId-G1": [
                ["iam_id": "IBMid-A", "type": "user", "name": "a", "membership_type": "static"],
                ["iam_id": "IBMid-A", "type": "user", "name": "a again", "membership_type": "dynamic"],
                ["iam_id": "IBMid-B", "type": "user", "name": "b"],
                ["iam_id": "IBMid-C", "type": "user", "name": "c", "membership_type": "odd"],
            ],
            "AccessGroupId-PublicAccess": [["iam_id": "IBMid-D", "type": "user"]],
        ])
        try add(.apiKeys, [
            ["id": "k1", "iam_id": "IBMid-A"], ["id": "k2"], ["id": "k3", "iam_id": "IBMid-B"], ["id": "k4", "iam_id": "IBMid-A"],
        ])
        try writer.write(to: directory)
        for (name, content) in files {
            try JSONSerialization.data(withJSONObject: content).write(to: directory.appendingPathComponent(name))
        }
        return directory
    }

    /// The ids a walk of `path` (absolute next links in `next`) collects, with `limit` items a page.
    func walkedIDs(_ client: TestClient, _ path: String, key: String, next: @escaping ([String: Any]) -> String?) async throws
        -> [String] {
        ids(try await client.walk(path, key: key, next: next).items)
    }

    @Test func policyListsHoldWhatFilteringEveryPolicyWould() async throws {
        let acct = Synthetic.account
        try await withCloud(try Self.hostileSnapshot(), faults: Faults(repeatedItems: [.accessPolicies])) { _, client in
            let client = try await client.authenticated()
            func walk(_ version: String, _ query: String) async throws -> [String] {
                try await walkedIDs(client, "/\(version)/policies?account_id=\(acct)&limit=2\(query)", key: "policies",
                                    next: NextLink.href)
            }
            // The repeated-items fault serves the first policy (p1) once more at the end of the access list.
            #expect(try await walk("v2", "&type=access") == ["p1", "p2", "p5", "p1", "p1"])
            #expect(try await walk("v1", "&type=access") == ["p1", "p2", "p3", "p4", "p5", "p1", "p6", "p1"])
            #expect(try await walk("v2", "") == ["p1", "p2", "p5", "p1", "p1", "a1"])
            #expect(try await walk("v2", "&type=authorization&iam_id=IBMid-A") == ["a1"])
            #expect(try await walk("v2", "&iam_id=IBMid-A") == ["p1", "p2", "p1", "a1"])
            #expect(try await walk("v1", "&type=access&iam_id=IBMid-A") == ["p1", "p2", "p3", "p1"])
            #expect(try await walk("v1", "&type=access&access_group_id=AccessGroupId-G1") == ["p2", "p4", "p5"])
            #expect(try await walk("v2", "&iam_id=IBMid-A&access_group_id=AccessGroupId-G1") == ["p2"])
            #expect(try await walk("v1", "&iam_id=IBMid-B") == ["p1"])
            #expect(try await walk("v2", "&iam_id=nobody").isEmpty)

            // The first v2 item with the id, with its usage only on request.
            let one = try await client.get("/v2/policies/p1").json
            #expect((one["subject"] as? [String: Any]).map { ($0["attributes"] as? [Any])?.count } == 2)
            #expect(try await client.get("/v2/policies/p3").status == 404)
        }
    }

    @Test func groupMemberAndKeyListsHoldWhatFilteringEveryItemWould() async throws {
        let acct = Synthetic.account
        try await withCloud(try Self.hostileSnapshot()) { _, client in
            let client = try await client.authenticated()
            func groups(_ query: String) async throws -> [String] {
                let items = try await client.walk("/v2/groups?account_id=\(acct)&limit=1\(query)", key: "groups",
                                                  next: NextLink.href).items
                return items.map { "\($0["name"] ?? "")" }
            }
            #expect(try await groups("") == ["one", "Public Access", "two", "Public Access again", "no id"])
            #expect(try await groups("&hide_public_access=true") == ["one", "two", "no id"])
            #expect(try await groups("&iam_id=IBMid-A") == ["one", "Public Access", "Public Access again"])
            #expect(try await groups("&iam_id=IBMid-D") == ["Public Access", "Public Access again"])
            #expect(try await groups("&iam_id=IBMid-A&hide_public_access=true") == ["one"])

            func members(_ query: String) async throws -> [String] {
                let items = try await client.walk("/v2/groups/AccessGroupId-G1/members?limit=1\(query)", key: "members",
                                                  next: NextLink.href).items
                return items.map { "\($0["iam_id"] ?? "")/\($0["name"] ?? "-")" }
            }
            #expect(try await members("") == ["IBMid-A/-", "IBMid-B/-"])
            #expect(try await members("&membership_type=dynamic&verbose=true") == ["IBMid-A/a again"])
            #expect(try await members("&membership_type=all&verbose=true")
                    == ["IBMid-A/a", "IBMid-A/a again", "IBMid-B/b", "IBMid-C/c"])
            let unlisted = try await client.get("/v2/groups/AccessGroupId-G2/members?membership_type=all").json
            #expect((unlisted["members"] as? [Any])?.isEmpty == true)
            #expect(try await client.get("/v2/groups/AccessGroupId-G3/members").status == 404)

            func keys(_ query: String) async throws -> [String] {
                try await walkedIDs(client, "/v1/apikeys?account_id=\(acct)&pagesize=1\(query)", key: "apikeys",
                                    next: NextLink.identity)
            }
            // Tokens are issued to the account owner, IBMid-A.
            #expect(try await keys("") == ["k1", "k4"])
            #expect(try await keys("&scope=account") == ["k1", "k2", "k3", "k4"])
            #expect(try await keys("&scope=account&iam_id=IBMid-B") == ["k3"])
            #expect(try await keys("&iam_id=IBMid-B").isEmpty)
            #expect(try await keys("&iam_id=IBMid-A") == ["k1", "k4"])
        }
    }
}

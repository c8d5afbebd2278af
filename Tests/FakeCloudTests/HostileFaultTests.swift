import FakeCloud
import Foundation
import Snapshot
import Testing

/// The faults of a hostile server: endless cursors, huge bodies, floods of items, 429 forever with long waits.
@Suite struct HostileFaultTests {
    static let groups = "/v2/groups?account_id=\(Synthetic.account)"
    static let serviceIDs = "/v1/serviceids/?account_id=\(Synthetic.account)&pagesize=100"

    @Test func endlessPagingSendsANewCursorOnEveryPagePastTheEnd() async throws {
        try await withCloud(faults: Faults(endlessPaging: [.serviceIDs])) { cloud, client in
            let client = try await client.authenticated()
            var reference = Self.serviceIDs
            var cursors: [String] = []
            var sizes: [Int] = []
            for _ in 1...5 {
                let page = try await client.get(reference).json
                sizes.append((page["serviceids"] as? [Any])?.count ?? -1)
                reference = try #require(NextLink.identity(page))
                cursors.append(reference)
            }
            #expect(sizes == [100, 100, 50, 0, 0])  // 250 service IDs, then empty pages that still lead on
            #expect(Set(cursors).count == 5)
            #expect(cloud.requestLog.filter { $0.fault == .endlessPaging }.count == 3)
        }
    }

    @Test func hugeBodyIsValidJSONOfTheAskedSizeWithoutContentLength() async throws {
        try await withCloud(faults: Faults(hugeBody: [.accessGroups], hugeBodyBytes: 100_000)) { cloud, client in
            let client = try await client.authenticated()
            let response = try await client.get(Self.groups)
            #expect(response.status == 200)
            #expect(response.data.count == 100_000)
            #expect(response.header("Content-Length") == nil)
            #expect((try response.json["padding"] as? String)?.count == 100_000 - 14)
            #expect(try await client.get("/v1/profiles").json["profiles"] is [Any])
            #expect(cloud.requestLog.filter { $0.fault == .hugeBody }.count == 1)
        }
    }

    @Test func itemFloodFillsEveryPageAndKeepsTheCursors() async throws {
        try await withCloud(faults: Faults(itemFlood: [.accessGroups], floodItems: 3_000)) { cloud, client in
            let client = try await client.authenticated()
            let page = try await client.get(Self.groups + "&limit=100").json
            let items = try #require(page["groups"] as? [[String: Any]])
            #expect(items.count == 3_000)
            #expect(items.first?["id"] as? String == "flood-1" && items.last?["id"] as? String == "flood-3000")
            #expect(NextLink.href(page) != nil)  // 130 groups: the real list goes on
            #expect(cloud.requestLog.last?.fault == .itemFlood)
        }
    }

    @Test func rateLimitForeverAsksForTheConfiguredWait() async throws {
        try await withCloud(faults: Faults(rateLimitEvery: 1, retryAfter: 86_400)) { _, client in
            let client = try await client.authenticated()
            for _ in 1...3 {
                let response = try await client.get(Self.groups)
                #expect(response.status == 429)
                #expect(response.header("Retry-After") == "86400")
            }
        }
    }
}

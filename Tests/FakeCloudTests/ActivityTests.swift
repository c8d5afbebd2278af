import FakeCloud
import Foundation
import Testing

/// The activity report: created with POST, polled until ready.
@Suite struct ActivityTests {
    @Test func reportIsRunningTwiceThenReady() async throws {
        try await withCloud { _, client in
            let client = try await client.authenticated()
            let reports = "/v1/activity/accounts/\(Synthetic.account)/report"
            let created = try await client.send("POST", reports + "?type=inactive&duration=720")
            #expect(created.status == 202)
            let reference = try #require(try created.json["reference"] as? String)
            #expect(try await client.get(reports + "/" + reference).status == 204)
            #expect(try await client.get(reports + "/" + reference).status == 204)
            let ready = try await client.get(reports + "/" + reference)
            #expect(ready.status == 200)
            let users = try #require(try ready.json["users"] as? [[String: Any]])
            #expect(ids(users, "iam_id") == ["IBMid-U00001"])

            let newer = try await client.send("POST", reports + "?type=inactive")
            let newReference = try #require(try newer.json["reference"] as? String)
            #expect(newReference != reference)
            #expect(try await client.get(reports + "/" + reference).status == 404)
        }
    }

    @Test func snapshotWithoutActivityGivesAnEmptyReport() async throws {
        try await withCloud(demoSnapshot) { cloud, client in
            let client = try await client.authenticated()
            let reports = "/v1/activity/accounts/\(cloud.accountID)/report"
            let reference = try #require(try await client.send("POST", reports).json["reference"] as? String)
            for _ in 1...2 { _ = try await client.get(reports + "/" + reference) }
            let ready = try await client.get(reports + "/" + reference).json
            #expect((ready["users"] as? [Any])?.isEmpty == true)
            #expect((ready["serviceids"] as? [Any])?.isEmpty == true)
        }
    }
}

import FakeCloud
import Foundation
import Snapshot
import Testing

/// Each injected fault, as a client sees it and as the request log records it.
@Suite struct FaultTests {
    static let groups = "/v2/groups?account_id=\(Synthetic.account)"

    @Test func rateLimitEveryNthRequestWithRetryAfter() async throws {
        try await withCloud(faults: Faults(rateLimitEvery: 3)) { cloud, client in
            let client = try await client.authenticated()
            var statuses: [Int] = []
            for _ in 1...6 {
                let response = try await client.get(Self.groups)
                statuses.append(response.status)
                if response.status == 429 {
                    #expect(response.header("Retry-After") == "1")
                    #expect(try response.json["status_code"] as? Int == 429)
                }
            }
            #expect(statuses == [200, 200, 429, 200, 200, 429])
            #expect(cloud.requestLog.filter { $0.fault == .rateLimited }.map(\.apiRequest) == [3, 6])
        }
    }

    @Test func serverErrorsCycleThrough500And503() async throws {
        try await withCloud(faults: Faults(serverErrorEvery: 2)) { cloud, client in
            let client = try await client.authenticated()
            var statuses: [Int] = []
            for _ in 1...6 { statuses.append(try await client.get("/v1/profiles").status) }
            #expect(statuses == [200, 500, 200, 503, 200, 500])
            #expect(cloud.requestLog.filter { $0.fault == .serverError }.count == 3)
        }
    }

    @Test func droppedConnectionsCloseWithoutAResponse() async throws {
        try await withCloud(faults: Faults(dropEvery: 2)) { cloud, client in
            let client = try await client.authenticated()
            #expect(try await client.get(Self.groups).status == 200)
            await #expect(throws: (any Error).self) { _ = try await client.get(Self.groups) }
            #expect(try await client.get(Self.groups).status == 200)
            let dropped = cloud.requestLog.filter { $0.fault == .dropped }
            #expect(dropped.map(\.status) == [0])
            #expect(dropped.map(\.apiRequest) == [2])
        }
    }

    @Test func refusedTokensAreIssuedButNeverAccepted() async throws {
        try await withCloud(faults: Faults(refuseTokens: true)) { cloud, client in
            var client = try await client.authenticated()
            #expect(try await client.get(Self.groups).status == 401)
            client = try await client.authenticated()
            let refused = try await client.get("/v1/profiles")
            #expect(refused.status == 401)
            #expect(try refused.json["errorCode"] as? String != nil)  // in the IAM Identity error shape
            #expect(cloud.counters.tokensIssued == 2)
            #expect(cloud.requestLog.filter { $0.fault == .tokenRefused }.count == 2)
        }
    }

    @Test func tokensExpireAfterNUses() async throws {
        try await withCloud(faults: Faults(expireTokenAfter: 2)) { cloud, client in
            var client = try await client.authenticated()
            #expect(try await client.get(Self.groups).status == 200)
            #expect(try await client.get(Self.groups).status == 200)
            let expired = try await client.get(Self.groups)
            #expect(expired.status == 401)
            #expect((try expired.json["errors"] as? [[String: Any]])?.first?["code"] as? String == "invalid_token")
            #expect(try await client.get(Self.groups).status == 401)
            client = try await client.authenticated()
            #expect(try await client.get(Self.groups).status == 200)
            #expect(cloud.requestLog.filter { $0.fault == .tokenExpired }.count == 2)
        }
    }

    @Test func forbiddenCollectionsAre403InTheServiceShape() async throws {
        try await withCloud(faults: Faults(forbidden: [.apiKeys, .accessPolicies])) { cloud, client in
            let client = try await client.authenticated()
            let keys = try await client.get("/v1/apikeys?account_id=\(Synthetic.account)&scope=account")
            #expect(keys.status == 403)
            #expect(try keys.json["errorCode"] as? String == "BXNIM0513E")
            let policies = try await client.get("/v2/policies?account_id=\(Synthetic.account)&type=access")
            #expect(policies.status == 403)
            #expect(try policies.json["status_code"] as? Int == 403)
            #expect(try await client.get("/v2/policies?account_id=\(Synthetic.account)&type=authorization").status == 200)
            #expect(try await client.get("/v1/serviceids/?account_id=\(Synthetic.account)").status == 200)
            #expect(cloud.requestLog.filter { $0.fault == .forbidden }.count == 2)
        }
    }

    @Test func truncatedBodiesKeepTheStatusAndHalfTheBytes() async throws {
        try await withCloud(faults: Faults(truncateEvery: 2)) { cloud, client in
            let client = try await client.authenticated()
            let full = try await client.get(Self.groups)
            let cut = try await client.get(Self.groups)
            #expect(full.status == 200 && cut.status == 200)
            #expect(cut.data == full.data.prefix(full.data.count / 2))
            #expect((try? JSONSerialization.jsonObject(with: cut.data)) == nil)
            #expect(cloud.requestLog.last?.fault == .truncated)
        }
    }

    @Test func malformedCollectionsAnswer200WithInvalidJSON() async throws {
        try await withCloud(faults: Faults(malformed: [.accessGroups])) { cloud, client in
            let client = try await client.authenticated()
            let groups = try await client.get(Self.groups)
            #expect(groups.status == 200)
            #expect((try? JSONSerialization.jsonObject(with: groups.data)) == nil)
            #expect(try await client.get("/v1/profiles").json["profiles"] is [Any])
            #expect(cloud.requestLog.filter { $0.fault == .malformed }.count == 1)
        }
    }

    @Test func pagingLoopRepeatsTheSecondPagesCursor() async throws {
        try await withCloud(faults: Faults(pagingLoop: [.serviceIDs, .accessGroups])) { cloud, client in
            let client = try await client.authenticated()
            let first = try await client.get("/v1/serviceids/?account_id=\(Synthetic.account)&pagesize=100").json
            let toSecond = try #require(NextLink.identity(first))
            let second = try await client.get(toSecond).json
            #expect(NextLink.identity(second) == toSecond)
            let again = try await client.get(toSecond).json
            #expect(NextLink.identity(again) == toSecond)

            // A one-page list loops too: its first page points at an empty second page that points at itself.
            let groups = try await client.get(Self.groups + "&limit=100").json
            let next = try #require(NextLink.href(groups))
            let looped = try await client.get(next).json
            #expect(NextLink.href(looped) == next)
            #expect(cloud.requestLog.filter { $0.fault == .pagingLoop }.count == 3)

            // Walking it the way a careful client does stops on the repeated cursor.
            await #expect(throws: (any Error).self) {
                _ = try await client.walk(Self.groups, key: "groups", next: NextLink.href)
            }
        }
    }

    @Test func latencyDelaysEveryAnswer() async throws {
        try await withCloud(faults: Faults(latency: .milliseconds(150))) { _, client in
            let clock = ContinuousClock()
            let start = clock.now
            let client = try await client.authenticated()
            #expect(try await client.get(Self.groups).status == 200)
            #expect(clock.now - start >= .milliseconds(300))
        }
    }

    /// The log says when each request arrived and how long its answer took (the injected latency included), so that
    /// a benchmark can tell how many requests were in flight at any moment.
    @Test func theLogTimesEveryRequest() async throws {
        try await withCloud(faults: Faults(latency: .milliseconds(40))) { cloud, client in
            let client = try await client.authenticated()
            #expect(try await client.get(Self.groups).status == 200)
            let log = cloud.requestLog
            #expect(log.count == 2)
            #expect(log.allSatisfy { $0.duration >= .milliseconds(40) })
            // The second request arrived after the first was answered.
            #expect(log[1].arrival >= log[0].arrival + log[0].duration)
            let line = log[1].timedDescription
            #expect(line.hasPrefix(log[1].description + " @"))
            #expect(line.wholeMatch(of: /.* -> 200 @[0-9]+\.[0-9]{6} \+[0-9]+\.[0-9]{6}/) != nil, "\(line)")
        }
    }
}

/// The hostile-data faults: what a lying server sends, as a client sees it.
@Suite struct HostileDataFaultTests {
    @Test func listingsRepeatItemsAndCarryHostileParentIDs() async throws {
        try await withCloud(demoSnapshot, faults: Faults(repeatedItems: [.accessGroups], extraParentIDs: ["../../x", "a?b#c d"])) { cloud, client in
            let client = try await client.authenticated()
            let groups = try await client.walk("/v2/groups?account_id=\(cloud.accountID)", key: "groups", next: NextLink.href).items
            let served = ids(groups)
            let demo = ids(try snapshotFile(demoSnapshot, "access-groups.json") as? [[String: Any]] ?? [])
            #expect(served == demo + [demo[0], "../../x", "a?b#c d"])
            for id in ["..%2F..%2Fx", "a%3Fb%23c%20d"] {
                let members = try await client.get("/v2/groups/\(id)/members")
                #expect(members.status == 200)
                #expect(try members.json["members"] as? [Any] != nil)
            }
            let profiles = try await client.get("/v1/profiles?account_id=\(cloud.accountID)")
            #expect(ids(try profiles.json["profiles"] as? [[String: Any]] ?? []).suffix(2) == ["../../x", "a?b#c d"])
        }
    }

    @Test func errorMessagesCarryTheSuffixAndTokensTheClaim() async throws {
        let faults = Faults(forbidden: [.apiKeys], errorMessageSuffix: "\u{1B}[2J", tokenAccountClaim: "../../x",
                            accessTokenSuffix: "\r\nX: 1")
        try await withCloud(demoSnapshot, faults: faults) { cloud, client in
            let refused = try await client.requestToken(apiKey: FakeCloud.Options.rejectedKey)
            #expect(try (refused.json["errorMessage"] as? String)?.hasSuffix("\u{1B}[2J") == true)
            let token = try #require(try await client.requestToken(apiKey: "k").json["access_token"] as? String)
            #expect(token.hasSuffix("\r\nX: 1"))
            let payload = try #require(token.split(separator: ".").dropFirst().first)
            var base64 = payload.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
            base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
            let claims = try JSONSerialization.jsonObject(with: try #require(Data(base64Encoded: base64))) as? [String: Any]
            #expect((claims?["account"] as? [String: Any])?["bss"] as? String == "../../x")
            #expect(cloud.accountID != "../../x")
        }
    }
}

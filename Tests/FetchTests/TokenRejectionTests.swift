import FakeCloud
@testable import Fetch
import Foundation
import Testing

extension FetchSuites {
    /// How `TokenProvider` judges a `401`: by the token the request sent, not by how many `401`s it met. The requests
    /// in flight are played out one step at a time, so the interleavings that a loaded machine produces now and then
    /// (a slow request meeting tokens the others used up) happen here on every run.
    @Suite struct TokenRejectionTests {
        private static func provider(_ cloud: FakeCloud) -> TokenProvider {
            TokenProvider(credential: .apiKey(FetchHarness.apiKey), apiBase: cloud.baseURL,
                          transport: HTTPTransport(options: .init(userAgent: "iamgraph-tests")))
        }

        /// A slow request whose every token was used up by the requests around it before its own arrived: five
        /// `401`s in a row, each for a token an API had accepted, are five expiries and never a refusal.
        @Test func aSlowRequestMeetingTokensTheOthersUsedUpIsNeverRefused() async throws {
            try await FetchHarness.withCloud { cloud in
                let tokens = Self.provider(cloud)
                var token = try await tokens.token()
                for _ in 0..<5 {
                    await tokens.accepted(token)  // the other requests in flight with it
                    #expect(try await tokens.rejected(token) == .expired)
                    let next = try await tokens.token()
                    #expect(next != token)
                    token = next
                }
                #expect(cloud.counters.tokensIssued == 6)
            }
        }

        /// Eight requests in flight present a token just as it runs out: one new token for all of them, and none of
        /// their `401`s counts as a refusal.
        @Test func requestsInFlightWithAnExpiredTokenShareOneRefresh() async throws {
            try await FetchHarness.withCloud { cloud in
                let tokens = Self.provider(cloud)
                let old = try await tokens.token()
                await tokens.accepted(old)
                let verdicts = try await withThrowingTaskGroup(of: TokenProvider.Rejection.self) { group in
                    for _ in 0..<8 { group.addTask { try await tokens.rejected(old) } }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                #expect(verdicts == Array(repeating: .expired, count: 8))
                #expect(try await tokens.token() != old)
                #expect(cloud.counters.tokensIssued == 2)
            }
        }

        /// A token no API accepted is refused; a `401` for it that arrives after it was replaced is only stale: it
        /// costs neither a refusal nor another token.
        @Test func aNewTokenRefusedIsARefusalAndItsLate401sAreNot() async throws {
            try await FetchHarness.withCloud { cloud in
                let tokens = Self.provider(cloud)
                let first = try await tokens.token()
                #expect(try await tokens.rejected(first) == .refused)
                let second = try await tokens.token()
                #expect(second != first)
                #expect(try await tokens.rejected(first) == .expired)
                #expect(try await tokens.token() == second)
                #expect(cloud.counters.tokensIssued == 2)
            }
        }
    }
}

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
        /// `401`s in a row, each for a token an API had accepted, are five expiries, never refused credentials.
        @Test func aSlowRequestMeetingTokensTheOthersUsedUpIsNeverRefused() async throws {
            try await FetchHarness.withCloud { cloud in
                let tokens = Self.provider(cloud)
                var token = try await tokens.token()
                for _ in 0..<5 {
                    await tokens.accepted(token)  // the other requests in flight with it
                    #expect(try await tokens.rejected(token) == .retry)
                    let next = try await tokens.token()
                    #expect(next != token)
                    token = next
                }
                #expect(cloud.counters.tokensIssued == 6)
            }
        }

        /// Eight requests in flight present a token just as it runs out: one new token for all of them.
        @Test func requestsInFlightWithAnExpiredTokenShareOneRefresh() async throws {
            try await FetchHarness.withCloud { cloud in
                let tokens = Self.provider(cloud)
                let old = try await tokens.token()
                await tokens.accepted(old)
                let verdicts = try await withThrowingTaskGroup(of: TokenProvider.Rejection.self) { group in
                    for _ in 0..<8 { group.addTask { try await tokens.rejected(old) } }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                #expect(verdicts == Array(repeating: .retry, count: 8))
                #expect(try await tokens.token() != old)
                #expect(cloud.counters.tokensIssued == 2)
            }
        }

        /// New tokens refused one after the other, none accepted: the fourth refuses the credentials. A `401` for a
        /// token already replaced costs neither a refusal nor another token.
        @Test func fourNewTokensRefusedInARowRefuseTheCredentials() async throws {
            try await FetchHarness.withCloud { cloud in
                let tokens = Self.provider(cloud)
                let first = try await tokens.token()
                #expect(try await tokens.rejected(first) == .retry)
                let second = try await tokens.token()
                #expect(second != first)
                #expect(try await tokens.rejected(first) == .retry)  // late, from a request sent with the first
                #expect(try await tokens.token() == second)
                #expect(try await tokens.rejected(second) == .retry)
                #expect(try await tokens.rejected(try await tokens.token()) == .retry)
                #expect(try await tokens.rejected(try await tokens.token()) == .credentialsRefused(tokens: 4))
                #expect(cloud.counters.tokensIssued == 4)
            }
        }

        /// A token used up by the requests in flight before any of their answers came back looks refused; the answers
        /// that come back afterwards prove the credentials, and the count of refused tokens starts again.
        @Test func anAcceptedTokenEndsARunOfRefusals() async throws {
            try await FetchHarness.withCloud { cloud in
                let tokens = Self.provider(cloud)
                let first = try await tokens.token()
                #expect(try await tokens.rejected(first) == .retry)
                for _ in 0..<2 { #expect(try await tokens.rejected(try await tokens.token()) == .retry) }
                await tokens.accepted(first)  // a request sent with the first token answers at last
                for _ in 0..<3 { #expect(try await tokens.rejected(try await tokens.token()) == .retry) }
                #expect(try await tokens.rejected(try await tokens.token()) == .credentialsRefused(tokens: 4))
                #expect(cloud.counters.tokensIssued == 7)
            }
        }
    }
}

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
                    #expect(try await tokens.rejected(token) == .renewed(credentialsProven: true))
                    let next = try await tokens.token()
                    #expect(next != token)
                    token = next
                }
                #expect(cloud.counters.tokensIssued == 6)
            }
        }

        /// Eight requests in flight present a token just as it runs out: one new token for all of them (each either
        /// shares the renewal or finds the token already replaced).
        @Test func requestsInFlightWithAnExpiredTokenShareOneRefresh() async throws {
            try await FetchHarness.withCloud { cloud in
                let tokens = Self.provider(cloud)
                let old = try await tokens.token()
                await tokens.accepted(old)
                let verdicts = try await withThrowingTaskGroup(of: TokenProvider.Rejection.self) { group in
                    for _ in 0..<8 { group.addTask { try await tokens.rejected(old) } }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                #expect(verdicts.count == 8)
                #expect(verdicts.allSatisfy { $0 == .retry || $0 == .renewed(credentialsProven: true) }, "\(verdicts)")
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
                #expect(try await tokens.rejected(first) == .renewed(credentialsProven: false))
                let second = try await tokens.token()
                #expect(second != first)
                #expect(try await tokens.rejected(first) == .retry)  // late, from a request sent with the first
                #expect(try await tokens.token() == second)
                #expect(try await tokens.rejected(second) == .renewed(credentialsProven: false))
                #expect(try await tokens.rejected(try await tokens.token()) == .renewed(credentialsProven: false))
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
                #expect(try await tokens.rejected(first) == .renewed(credentialsProven: false))
                for _ in 0..<2 {
                    #expect(try await tokens.rejected(try await tokens.token()) == .renewed(credentialsProven: false))
                }
                await tokens.accepted(first)  // a request sent with the first token answers at last
                for _ in 0..<3 {
                    #expect(try await tokens.rejected(try await tokens.token()) == .renewed(credentialsProven: true))
                }
                #expect(try await tokens.rejected(try await tokens.token()) == .credentialsRefused(tokens: 4))
                #expect(cloud.counters.tokensIssued == 7)
            }
        }

        /// Whether the request stops after each of `rejections`, and its count of new tokens refused at the end.
        private static func stops(_ rejections: [TokenProvider.Rejection]) -> (stops: [Bool], freshRefused: Int) {
            var refusals = TokenRefusals()
            let stops = rejections.map { refusals.record($0) }
            return (stops, refusals.freshRefused)
        }

        /// The refusals of one request, in the order a path that refuses every token produces them: the first `401`
        /// (its token may have run out) renews the token; the new token refused is one, the next is two, and the
        /// request stops: three tokens minted for it, not one per `401` for as long as the fetch goes on.
        @Test func aRequestRefusedTwoNewTokensInARowStops() {
            let run = Self.stops(Array(repeating: .renewed(credentialsProven: true), count: 3))
            #expect(run.stops == [false, false, true])
            #expect(run.freshRefused == 2)
        }

        /// Before any API accepted a token, refusals are the token provider's to judge (the credentials may be
        /// refused: exit 7). A `401` for a token another request had replaced mints nothing and counts nothing, but
        /// it does not break the run either: two requests taking turns at renewing still stop.
        @Test func unprovenCredentialsDoNotCountAgainstAPathAndReplacedTokensDoNotHideOne() {
            let unproven = Self.stops(Array(repeating: .renewed(credentialsProven: false), count: 10))
            #expect(unproven.stops == Array(repeating: false, count: 10))
            #expect(unproven.freshRefused == 0)
            let proven: TokenProvider.Rejection = .renewed(credentialsProven: true)
            let turns = Self.stops([proven, .retry, proven, .retry, proven])
            #expect(turns.stops == [false, false, false, false, true])
            #expect(Self.stops([.credentialsRefused(tokens: 4)]).stops == [true])
        }
    }
}

/// Totals over every request a fake cloud received, for tests.
package struct RequestCounters: Sendable, Equatable {
    /// All requests, the token request included.
    package var total = 0
    /// Requests per path (without the query), e.g. `/v2/groups` → 3.
    package var perPath: [String: Int] = [:]
    /// Every `Authorization` header value received, in arrival order (requests without one add nothing).
    package var authorizationHeaders: [String] = []
    /// Tokens issued by `POST /identity/token`.
    package var tokensIssued = 0

    package init() {}

    /// The number of requests received for `path`.
    package func count(_ path: String) -> Int { perPath[path, default: 0] }
}

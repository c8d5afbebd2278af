/// Totals over every request a fake cloud received, for tests.
public struct RequestCounters: Sendable, Equatable {
    /// All requests, the token request included.
    public var total = 0
    /// Requests per path (without the query), e.g. `/v2/groups` → 3.
    public var perPath: [String: Int] = [:]
    /// Every `Authorization` header value received, in arrival order (requests without one add nothing).
    public var authorizationHeaders: [String] = []
    /// Tokens issued by `POST /identity/token`.
    public var tokensIssued = 0

    public init() {}

    /// The number of requests received for `path`.
    public func count(_ path: String) -> Int { perPath[path, default: 0] }
}

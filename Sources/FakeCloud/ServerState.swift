/// Everything a running fake cloud changes: request numbering, issued tokens, activity reports and the request log.
struct ServerState: Sendable {
    /// An issued token.
    struct Token: Sendable {
        let iamID: String
        /// Epoch seconds after which the token is refused.
        let expiration: Int
        /// API requests that presented it.
        var uses = 0
    }

    /// Why a token is refused.
    enum TokenRefusal: Error {
        case unknown, expired, usedUp
    }

    /// The base URL once listening, e.g. `http://127.0.0.1:53124`.
    var baseURL = ""
    var requests = 0
    var apiRequests = 0
    var serverErrors = 0
    /// Token requests answered with one of `Faults.tokenFailures` so far.
    var tokenFailuresServed = 0
    var tokens: [String: Token] = [:]
    var reportSerial = 0
    /// The current report of each kind (`activity`, `mfa`) and how often it was polled; older references are
    /// superseded.
    var reports: [String: (reference: String, polls: Int)] = [:]
    var log: [RequestRecord] = []
    var counters = RequestCounters()

    /// Numbers a new request and counts it; `isAPI` is false for the token request, which faults never hit.
    mutating func arrive(path: String, authorization: String?, isAPI: Bool) -> (sequence: Int, apiRequest: Int?) {
        requests += 1
        counters.total += 1
        counters.perPath[path, default: 0] += 1
        if let authorization { counters.authorizationHeaders.append(authorization) }
        guard isAPI else { return (requests, nil) }
        apiRequests += 1
        return (requests, apiRequests)
    }

    /// Checks a bearer token and counts one use of it.
    mutating func use(token: String, now: Int, allowedUses: Int?) -> Result<String, TokenRefusal> {
        guard var record = tokens[token] else { return .failure(.unknown) }
        guard now < record.expiration else { return .failure(.expired) }
        if let allowedUses, record.uses >= allowedUses { return .failure(.usedUp) }
        record.uses += 1
        tokens[token] = record
        return .success(record.iamID)
    }
}

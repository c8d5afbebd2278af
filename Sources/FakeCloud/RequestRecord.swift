/// One request the fake cloud answered (or dropped), as kept in its request log.
package struct RequestRecord: Sendable, Equatable, CustomStringConvertible {
    /// Position in arrival order, from 1 (all requests, the token request included).
    package let sequence: Int
    /// The API request number the faults count (`nil` for `POST /identity/token`, which faults never hit).
    package let apiRequest: Int?
    package let method: String
    /// The request target as received: path and query, percent-encoded.
    package let target: String
    /// The HTTP status sent; `0` when the connection was dropped without a response.
    package let status: Int
    /// The injected fault that shaped the response, if any.
    package let fault: FaultKind?
    /// The `Authorization` header as received, if any.
    package let authorization: String?
    /// When the request arrived, counted from the moment the fake cloud was made.
    package let arrival: Duration
    /// From arrival to the answer (the injected latency included).
    package let duration: Duration

    package init(sequence: Int, apiRequest: Int?, method: String, target: String, status: Int, fault: FaultKind?,
                authorization: String?, arrival: Duration = .zero, duration: Duration = .zero) {
        self.sequence = sequence
        self.apiRequest = apiRequest
        self.method = method
        self.target = target
        self.status = status
        self.fault = fault
        self.authorization = authorization
        self.arrival = arrival
        self.duration = duration
    }

    /// The path without the query.
    package var path: String {
        target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? target
    }

    /// One log line, e.g. `GET /v2/groups?limit=100 -> 429 [rate_limited]`; never shows the `Authorization` header.
    package var description: String {
        "\(method) \(target) -> \(status == 0 ? "dropped" : String(status))" + (fault.map { " [\($0.rawValue)]" } ?? "")
    }

    /// The log line with its timing, e.g. `GET /v2/groups?limit=100 -> 200 @12.345678 +0.050312` (arrival and
    /// duration in seconds), from which a benchmark works out how many requests were in flight at any moment.
    package var timedDescription: String {
        description + " @" + Self.seconds(arrival) + " +" + Self.seconds(duration)
    }

    /// Seconds with six decimals, the same in every locale.
    private static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let micros = max(0, seconds) * 1_000_000 + max(0, attoseconds) / 1_000_000_000_000
        let fraction = String(micros % 1_000_000)
        return "\(micros / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }
}

/// Which injected fault shaped a response.
package enum FaultKind: String, Sendable, Equatable, CaseIterable {
    case dropped
    case rateLimited = "rate_limited"
    case serverError = "server_error"
    /// `401` because the token was used more often than `Faults.expireTokenAfter` allows.
    case tokenExpired = "token_expired"
    /// `401` because `Faults.refuseTokens` refuses every token, or `Faults.refuseTokensFor` every token on its path.
    case tokenRefused = "token_refused"
    case forbidden
    case truncated
    case malformed
    /// A page whose `next` cursor repeats the one that led to it.
    case pagingLoop = "paging_loop"
    /// A page whose `next` cursor leads past the end of its list.
    case endlessPaging = "endless_paging"
    /// A body of `Faults.hugeBodyBytes` bytes.
    case hugeBody = "huge_body"
    /// A page of `Faults.floodItems` tiny items.
    case itemFlood = "item_flood"
}

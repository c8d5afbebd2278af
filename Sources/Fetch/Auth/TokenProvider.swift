import Foundation

/// Hands out bearer tokens: exchanges an API key at `POST /identity/token` and refreshes the token a minute before
/// it expires, or when an API call answers 401; a given token is used as it is. An exchange answered 429 or 5xx, or
/// cut off by a transient network error, is tried again within the same retry policy as API requests.
package actor TokenProvider {
    private let credential: Credential
    private let tokenURL: URL
    private let transport: HTTPTransport
    private let retry: RetryPolicy
    private let events: @Sendable (FetchEvent) -> Void
    private var current: (token: String, expiresAt: Date?)?
    private var pending: Task<(token: String, expiresAt: Date?), any Error>?

    package init(credential: Credential, apiBase: URL, transport: HTTPTransport, retry: RetryPolicy = RetryPolicy(),
         events: @escaping @Sendable (FetchEvent) -> Void = { _ in }) {
        self.credential = credential
        tokenURL = apiBase.appendingPathComponent("identity/token")
        self.transport = transport
        self.retry = retry
        self.events = events
        if case .token(let token) = credential { current = (token, JWTClaims(token: token)?.expiresAt) }
    }

    /// A valid token, fetching or refreshing it if needed.
    func token() async throws -> String {
        if let current, current.expiresAt.map({ $0.timeIntervalSinceNow > 60 }) ?? true { return current.token }
        return try await refresh()
    }

    /// Called after a 401 with `rejected`: fetches a new token unless another caller already replaced it.
    /// Returns whether this call refreshed (or waited for a refresh), rather than finding a newer token in place.
    func replace(rejected: String) async throws -> Bool {
        if let current, current.token != rejected { return false }
        _ = try await refresh()
        return true
    }

    private func refresh() async throws -> String {
        guard case .apiKey(let key) = credential else {
            throw FetchError.authentication("the bearer token was rejected or has expired: get a new one "
                                            + "(ibmcloud iam oauth-tokens) or use an API key")
        }
        if let pending { return try await pending.value.token }
        let task = Task { [transport, tokenURL, retry, events] in
            try await Self.exchange(key: key, at: tokenURL, transport: transport, retry: retry, events: events)
        }
        pending = task
        defer { pending = nil }
        let fresh = try await task.value
        current = fresh
        return fresh.token
    }

    /// A token answer is a few kilobytes; a larger one is not parsed.
    static let maxTokenResponseBytes = 1 << 20

    private static func exchange(key: String, at url: URL, transport: HTTPTransport, retry: RetryPolicy,
                                 events: @Sendable (FetchEvent) -> Void) async throws -> (token: String, expiresAt: Date?) {
        var form = URLComponents()
        form.queryItems = [URLQueryItem(name: "grant_type", value: "urn:ibm:params:oauth:grant-type:apikey"),
                           URLQueryItem(name: "apikey", value: key)]
        let body = Data((form.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B").utf8)
        let request = HTTPRequest(method: .post, url: url,
                                  headers: [("Content-Type", "application/x-www-form-urlencoded"), ("Accept", "application/json")],
                                  body: body)
        let started = ContinuousClock.now
        var attempt = 0
        var response: HTTPResponse
        while true {
            attempt += 1
            let reason: String
            var delay: Double?
            do {
                response = try await transport.send(request)
                if response.status == 429 {
                    reason = "rate limited (429)"
                    delay = retry.delay(retryAfter: response.headers["retry-after"], attempt: attempt)
                } else if response.status >= 500 {
                    reason = APIErrorMessage.line(status: response.status, body: response.body)
                } else {
                    break
                }
            } catch let error as TransportError where error.isTransient {
                reason = error.message
            }
            let wait = delay ?? retry.backoff(after: attempt)
            let elapsed = started.duration(to: .now) / .seconds(1)
            guard attempt < retry.maxAttempts, elapsed + wait <= retry.budget else {
                throw FetchError.tokenService("gave up after \(attempt) attempts: \(reason)")
            }
            events(.retry(endpoint: url.path, reason: reason, delay: wait))
            try await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000))
        }
        guard response.status == 200 else {
            throw FetchError.authentication("the API key was refused: " + APIErrorMessage.line(status: response.status, body: response.body))
        }
        guard response.body.count <= maxTokenResponseBytes else {
            throw FetchError.authentication("the token endpoint's answer is larger than \(maxTokenResponseBytes >> 20) MiB; not parsed")
        }
        guard let fresh = token(fromAnswer: response.body) else {
            throw FetchError.authentication("the token endpoint answered without an access_token")
        }
        guard Credential.isHeaderSafe(fresh.token) else {
            throw FetchError.authentication("the token endpoint answered with an access_token holding characters a token cannot have")
        }
        return fresh
    }

    /// The token and its expiry (`expiration`, else the token's `exp`) from the token endpoint's answer.
    package static func token(fromAnswer body: Data) -> (token: String, expiresAt: Date?)? {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
              let token = object["access_token"] as? String else { return nil }
        let expiration = (object["expiration"] as? NSNumber).map { Date(timeIntervalSince1970: $0.doubleValue) }
        return (token, expiration ?? JWTClaims(token: token)?.expiresAt)
    }
}

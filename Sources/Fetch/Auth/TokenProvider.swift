import Foundation

/// Hands out bearer tokens: exchanges an API key at `POST /identity/token` and refreshes the token a minute before
/// it expires, or when an API call answers 401; a given token is used as it is. An exchange answered 429 or 5xx, or
/// cut off by a transient network error, is tried again within the same retry policy as API requests.
///
/// A `401` is judged by the token it answered (`rejected(_:)`): a token that is no longer the current one, or that an
/// API accepted before, has expired, which says nothing about the credentials; only a token no API ever accepted
/// counts as refused. With many requests in flight, several can present a token the moment it runs out, and a slow
/// one can meet a token the others have already used up, again and again: none of that refuses the credentials.
package actor TokenProvider {
    /// What a `401` says about the token the request sent.
    enum Rejection: Equatable, Sendable {
        /// The token had been replaced already, or an API had accepted it before: it expired, and the request is
        /// sent again with the current token.
        case expired
        /// No API ever accepted the token: the credentials may be refused (a new token was fetched all the same).
        case refused
    }

    private let credential: Credential
    private let tokenURL: URL
    private let transport: HTTPTransport
    private let retry: RetryPolicy
    private let events: @Sendable (FetchEvent) -> Void
    private var current: (token: String, expiresAt: Date?)?
    /// Whether an API accepted `current` (answered a request that carried it with anything but `401`, 429 or 5xx).
    private var currentAccepted = false
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

    /// A valid token, fetching or refreshing it if needed; while a refresh is under way, the token it brings (the
    /// current one is being replaced because an API refused it).
    func token() async throws -> String {
        if let pending { return try await pending.value.token }
        if let current, current.expiresAt.map({ $0.timeIntervalSinceNow > 60 }) ?? true { return current.token }
        return try await refresh()
    }

    /// Records that an API accepted `token`: a later `401` for it means it expired, not that it was refused.
    func accepted(_ token: String) {
        if token == current?.token { currentAccepted = true }
    }

    /// Called after a 401 for `token`: fetches a new token unless it was replaced already, and says whether the
    /// token had expired or was refused (`Rejection`).
    func rejected(_ token: String) async throws -> Rejection {
        guard let current, current.token == token else { return .expired }
        let verdict: Rejection = currentAccepted ? .expired : .refused
        _ = try await refresh()
        return verdict
    }

    private func refresh() async throws -> String {
        guard case .apiKey(let key) = credential else {
            throw FetchError.authentication("the bearer token was rejected or has expired: get a new one "
                                            + "(ibmcloud iam oauth-tokens) or use an API key")
        }
        if let pending { return try await pending.value.token }
        // The task installs what it brings before anyone awaiting it resumes, so a request never holds a fresh token
        // that `accepted(_:)` or `rejected(_:)` would take for an old one.
        let task = Task { [transport, tokenURL, retry, events] in
            do {
                let fresh = try await Self.exchange(key: key, at: tokenURL, transport: transport, retry: retry, events: events)
                self.finishRefresh(with: fresh)
                return fresh
            } catch {
                self.finishRefresh(with: nil)
                throw error
            }
        }
        pending = task
        return try await task.value.token
    }

    /// Ends the refresh under way; `fresh` (if it succeeded) becomes the current token, accepted by no API yet.
    private func finishRefresh(with fresh: (token: String, expiresAt: Date?)?) {
        pending = nil
        if let fresh {
            current = fresh
            currentAccepted = false
        }
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

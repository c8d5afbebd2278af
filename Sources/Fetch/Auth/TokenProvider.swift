import Foundation

/// Hands out bearer tokens: exchanges an API key at `POST /identity/token` and refreshes the token a minute before
/// it expires, or when an API call answers 401; a given token is used as it is. An exchange answered 429 or 5xx, or
/// cut off by a transient network error, is tried again within the same retry policy as API requests.
///
/// A `401` is judged by the token it answered (`rejected(_:)`): a token that is no longer the current one, or that an
/// API accepted before, has expired, which says nothing about the credentials. Only new tokens refused one after the
/// other, with no API accepting any token meanwhile, refuse the credentials. With many requests in flight, several
/// can present a token the moment it runs out, and a slow one can meet token after token the others have used up:
/// none of that refuses the credentials, wherever the 401s land.
package actor TokenProvider {
    /// What a request does after a `401`.
    enum Rejection: Equatable, Sendable {
        /// The rejected token was already replaced: send again, with the current token.
        case retry
        /// The rejected token was the current one, and a new token was issued for it: send again, with that one.
        /// `credentialsProven` tells whether an API accepted any token of this provider before, so that the
        /// credentials work and a request refused again and again meets a path that refuses tokens (`TokenRefusals`).
        case renewed(credentialsProven: Bool)
        /// This many new tokens in a row were refused (more than `maxRefusedTokens`) and no API accepted any token
        /// meanwhile: the credentials are refused.
        case credentialsRefused(tokens: Int)
    }

    /// New tokens that may be refused in a row, each replaced by another, before the credentials count as refused.
    static let maxRefusedTokens = 3

    private let credential: Credential
    private let tokenURL: URL
    private let transport: HTTPTransport
    private let retry: RetryPolicy
    private let events: @Sendable (FetchEvent) -> Void
    private var current: (token: String, expiresAt: Date?)?
    /// Whether an API accepted `current` (answered a request that carried it with 2xx or 403).
    private var currentAccepted = false
    /// Whether a `401` refused `current` before any API accepted it (counted once in `refusedInARow`).
    private var currentRefused = false
    /// Tokens refused before any API accepted them, since an API last accepted any token.
    private var refusedInARow = 0
    /// Whether an API accepted any token of this provider.
    private var anyAccepted = false
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

    /// A valid token, fetching or refreshing it if needed; while a refresh is under way, the token it brings, not
    /// the one it replaces.
    func token() async throws -> String {
        if let pending { return try await pending.value.token }
        if let current, current.expiresAt.map({ $0.timeIntervalSinceNow > 60 }) ?? true { return current.token }
        return try await refresh()
    }

    /// Records that an API accepted `token` (current or older): the credentials work, and a later `401` for it means
    /// it expired.
    func accepted(_ token: String) {
        refusedInARow = 0
        anyAccepted = true
        if token == current?.token { currentAccepted = true }
    }

    /// Called after a 401 for `token`: fetches a new token if `token` is still the current one, unless the
    /// credentials count as refused (`Rejection`).
    func rejected(_ token: String) async throws -> Rejection {
        guard let current, current.token == token else { return .retry }
        if !currentAccepted && !currentRefused {
            currentRefused = true
            refusedInARow += 1
        }
        if refusedInARow > Self.maxRefusedTokens { return .credentialsRefused(tokens: refusedInARow) }
        _ = try await refresh()
        return .renewed(credentialsProven: anyAccepted)
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
            currentRefused = false
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

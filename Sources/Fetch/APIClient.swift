import Foundation

/// Authenticated requests to the IBM Cloud APIs with retries: 429 waits for `Retry-After`; 5xx, dropped connections,
/// timeouts and truncated bodies back off exponentially with jitter; a 401 refreshes the token (at most
/// `maxRefreshesPerRequest` times per request, then the fetch stops: the credentials are refused); a 403 makes the
/// collection `forbidden`. Lists are walked page by page with each API's paging, and a cursor seen twice stops the
/// walk with an error instead of looping.
struct APIClient: Sendable {
    /// One base URL for every service, or `nil` for IBM's hosts (each API on its own host).
    let base: URL?
    let transport: HTTPTransport
    let tokens: TokenProvider
    let retry: RetryPolicy
    let limiter: AsyncLimiter
    let statistics: FetchStatistics
    let events: @Sendable (FetchEvent) -> Void

    /// Token refreshes one request may cause through `401` answers before a `401` counts as a failure.
    static let maxRefreshesPerRequest = 3

    /// Every item of a list, across all its pages.
    func list(_ endpoint: Endpoint) async throws -> (items: [Any], pages: Int) {
        var items: [Any] = []
        var cursor: String?
        var seen = Set<String>()
        var pages = 0
        repeat {
            let object = try await jsonObject(endpoint, cursor: cursor)
            pages += 1
            guard let key = endpoint.itemsKey, let page = object[key] as? [Any] else {
                throw CollectionFailure.failed(200, "\(endpoint.path): the response has no \"\(endpoint.itemsKey ?? "")\" array")
            }
            items += page
            statistics.update { $0.items += page.count }
            cursor = endpoint.paging.nextCursor(in: object)
            if let next = cursor, !seen.insert(next).inserted {
                throw CollectionFailure.failed(200, "\(endpoint.path): the server repeated the page cursor \"\(next.prefix(40))\" "
                                               + "after \(pages) pages; stopped instead of looping")
            }
        } while cursor != nil
        return (items, pages)
    }

    /// One JSON object response.
    func jsonObject(_ endpoint: Endpoint, cursor: String? = nil, method: HTTPRequest.Method = .get,
                    accept: Set<Int> = [200]) async throws -> [String: Any] {
        let (_, tree) = try await send(endpoint, cursor: cursor, method: method, accept: accept)
        guard let object = tree?.value as? [String: Any] else {
            throw CollectionFailure.failed(200, "\(endpoint.path): expected a JSON object")
        }
        return object
    }

    /// Sends with retries; returns the status (one of `accept`) and the parsed body (nil when empty). A list's next
    /// page is `urgent` in the limiter: the rest of its list waits on it.
    func send(_ endpoint: Endpoint, cursor: String?, method: HTTPRequest.Method = .get,
              accept: Set<Int> = [200]) async throws -> (status: Int, body: JSONTree?) {
        let url = try url(endpoint, cursor: cursor)
        let priority: AsyncLimiter.Priority = cursor == nil ? .normal : .urgent
        var refreshes = 0
        var attempt = 0
        while true {
            attempt += 1
            let (token, outcome) = await sendOnce(method: method, url: url, priority: priority)
            statistics.update { $0.requests += 1 }

            let retryReason: String
            var delay: Double?
            switch outcome {
            case .failure(let error as TransportError) where error.isTransient:
                retryReason = error.message
            case .failure(let error as TransportError):
                throw CollectionFailure.failed(0, "\(endpoint.path): \(error)")
            case .failure(let error):
                throw error
            case .success(let response) where accept.contains(response.status):
                if response.body.isEmpty { return (response.status, nil) }
                if let value = try? JSONSerialization.jsonObject(with: response.body, options: [.fragmentsAllowed]) {
                    return (response.status, JSONTree(value: value))
                }
                retryReason = "malformed JSON body (\(response.body.count) bytes)"
            case .success(let response) where response.status == 401 && refreshes < Self.maxRefreshesPerRequest:
                // A token another request already replaced costs nothing; only a refresh this 401 caused counts.
                if try await tokens.replace(rejected: token ?? "") { refreshes += 1 }
                attempt -= 1
                continue
            case .success(let response) where response.status == 401:
                // Fresh tokens refused too: the credentials are, and every other request would fare the same.
                throw FetchError.authentication("the credentials are refused: \(endpoint.path) answered \(refreshes + 1) "
                                                + "tokens in a row with " + APIErrorMessage.line(status: 401, body: response.body))
            case .success(let response) where response.status == 403:
                throw CollectionFailure.forbidden(403, APIErrorMessage.line(status: 403, body: response.body))
            case .success(let response) where response.status == 429:
                retryReason = "rate limited (429)"
                delay = retry.delay(retryAfter: response.headers["retry-after"], attempt: attempt)
            case .success(let response) where response.status >= 500:
                retryReason = APIErrorMessage.line(status: response.status, body: response.body)
            case .success(let response):
                throw CollectionFailure.failed(response.status, "\(endpoint.path): "
                                               + APIErrorMessage.line(status: response.status, body: response.body))
            }
            guard attempt < retry.maxAttempts else {
                throw CollectionFailure.failed(0, "\(endpoint.path): gave up after \(attempt) attempts: \(retryReason)")
            }
            let wait = delay ?? retry.backoff(after: attempt)
            statistics.update { $0.retries += 1 }
            events(.retry(endpoint: endpoint.path, reason: retryReason, delay: wait))
            try await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000))
        }
    }

    /// One attempt inside a `--concurrency` slot, with the token that is current when the slot opens: a request
    /// queued behind others must not send a token that expired while it waited.
    private func sendOnce(method: HTTPRequest.Method, url: URL,
                          priority: AsyncLimiter.Priority) async -> (token: String?, outcome: Result<HTTPResponse, any Error>) {
        await limiter.run(priority: priority) { [tokens, transport] in
            let token: String
            do { token = try await tokens.token() } catch { return (nil, .failure(error)) }
            let request = HTTPRequest(method: method, url: url,
                                      headers: [("Authorization", "Bearer \(token)"), ("Accept", "application/json")])
            do { return (token, .success(try await transport.send(request))) } catch { return (token, .failure(error)) }
        }
    }

    /// The URL of a request: the configured base (or the API's IBM host), the endpoint's path and query, the cursor.
    func url(_ endpoint: Endpoint, cursor: String?) throws -> URL {
        let base = base ?? IBMHosts.base(forAPI: endpoint.api)
        guard var components = URLComponents(url: base, resolvingAgainstBaseURL: false) else {
            throw FetchError.configuration("invalid API base URL \(base)")
        }
        // Both parts are percent-encoded already (the base's by URL, the endpoint's by URLEncoding), so these setters
        // never see a raw character they would trap on.
        let basePath = components.percentEncodedPath
        components.percentEncodedPath = (basePath.hasSuffix("/") ? String(basePath.dropLast()) : basePath) + endpoint.path
        var query = endpoint.query + endpoint.paging.pageSizeQuery
        if let cursor, let name = endpoint.paging.cursorParameter { query.append(URLQueryItem(name: name, value: cursor)) }
        // Everything but unreserved characters is encoded: a cursor's "+" must not turn into a space.
        components.percentEncodedQuery = query.isEmpty ? nil : query.map { item in
            URLEncoding.queryComponent(item.name) + (item.value.map { "=" + URLEncoding.queryComponent($0) } ?? "")
        }.joined(separator: "&")
        guard let url = components.url else { throw FetchError.configuration("cannot build a URL for \(endpoint.path)") }
        return url
    }
}

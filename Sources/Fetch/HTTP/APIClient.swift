import Foundation
import Snapshot

/// Authenticated requests to the IBM Cloud APIs with retries: 429 waits for `Retry-After`; 5xx, dropped connections,
/// timeouts and truncated bodies back off exponentially with jitter; a 401 refreshes the token and sends again
/// from the same `--concurrency` slot (the fetch stops when `TokenProvider` finds the credentials refused, and a request
/// stops when its path refuses new tokens that work elsewhere: `TokenRefusals`); a 403 makes the
/// collection `forbidden`; a request whose retries would pass the policy's attempts or time budget fails its
/// collection. Lists are walked page by page with each API's paging, within `FetchLimits`: a cursor seen twice,
/// endless pages or a flood of values stop the walk with an error.
package struct APIClient: Sendable {
    /// One base URL for every service, or `nil` for IBM's hosts (each API on its own host).
    let base: URL?
    let transport: HTTPTransport
    let tokens: TokenProvider
    let retry: RetryPolicy
    let limits: FetchLimits
    let limiter: AsyncLimiter
    let statistics: FetchStatistics
    let events: @Sendable (FetchEvent) -> Void

    package init(base: URL?, transport: HTTPTransport, tokens: TokenProvider, retry: RetryPolicy, limits: FetchLimits,
                 limiter: AsyncLimiter, statistics: FetchStatistics, events: @escaping @Sendable (FetchEvent) -> Void) {
        self.base = base
        self.transport = transport
        self.tokens = tokens
        self.retry = retry
        self.limits = limits
        self.limiter = limiter
        self.statistics = statistics
        self.events = events
    }

    /// Every item of a list, across all its pages, within `limits`: a cursor seen twice, more pages than the reported
    /// total allows or than `maxPagesPerListing`, too many items on a page or values in the listing fail it.
    func list(_ endpoint: Endpoint) async throws -> (items: [Any], pages: Int) {
        var items: [Any] = []
        var cursor: String?
        var seen = Set<String>()
        var pages = 0
        var values = 0
        var total: Int?
        func stop(_ reason: String) -> CollectionFailure { .failed(200, "\(endpoint.path): \(reason)") }
        repeat {
            let (_, tree, pageValues) = try await send(endpoint, cursor: cursor)
            pages += 1
            values += pageValues
            guard let object = tree?.value as? [String: Any], let key = endpoint.itemsKey,
                  let page = object[key] as? [Any] ?? (endpoint.itemsMayBeAbsent && Self.isAbsent(object[key]) ? [] : nil) else {
                throw stop("the response has no \"\(endpoint.itemsKey ?? "")\" array")
            }
            if endpoint.paging.isPaged, page.count > limits.maxItemsPerPage {
                throw stop("the server sent \(page.count.groupedDigits) items on one page (the limit is "
                           + "\(limits.maxItemsPerPage.groupedDigits))")
            }
            guard values <= limits.maxValuesPerListing else {
                throw stop("the listing passed \(limits.maxValuesPerListing.groupedDigits) JSON values (the limit per listing) "
                           + "after \(pages) pages; stopped")
            }
            items += page
            statistics.update { $0.items += page.count }
            total = total ?? endpoint.paging.reportedTotal(in: object)
            cursor = endpoint.paging.nextCursor(in: object)
            guard let next = cursor else { break }
            if !seen.insert(next).inserted {
                throw stop("the server repeated the page cursor \"\(next.prefix(40))\" after \(pages) pages; stopped instead of looping")
            }
            if let total, pages > total {
                throw stop("the server reported \(total.groupedDigits) items but still sent a next page after \(pages) pages; "
                           + "stopped instead of paging on")
            }
            if pages >= limits.maxPagesPerListing {
                throw stop("more than \(limits.maxPagesPerListing.groupedDigits) pages (the limit per listing); stopped")
            }
        } while true
        return (items, pages)
    }

    /// Whether a response field is missing or `null`, which IBM's SDK models read alike.
    private static func isAbsent(_ field: Any?) -> Bool { field == nil || field is NSNull }

    /// One JSON object response.
    func jsonObject(_ endpoint: Endpoint, cursor: String? = nil, method: HTTPRequest.Method = .get,
                    accept: Set<Int> = [200]) async throws -> [String: Any] {
        let (_, tree, _) = try await send(endpoint, cursor: cursor, method: method, accept: accept)
        guard let object = tree?.value as? [String: Any] else {
            throw CollectionFailure.failed(200, "\(endpoint.path): expected a JSON object")
        }
        return object
    }

    /// Sends with retries, within the retry policy's attempts and time budget; returns the status (one of `accept`),
    /// the parsed body (nil when empty) and its number of JSON values (`JSONValueCount`). A body with more values than
    /// `limits.maxValuesPerResponse` is refused unparsed. A list's next page is `urgent` in the limiter: the rest of
    /// its list waits on it.
    func send(_ endpoint: Endpoint, cursor: String?, method: HTTPRequest.Method = .get,
              accept: Set<Int> = [200]) async throws -> (status: Int, body: JSONTree?, values: Int) {
        let url = try url(endpoint, cursor: cursor)
        let priority: AsyncLimiter.Priority = cursor == nil ? .normal : .urgent
        let clock = ContinuousClock()
        var retriesStarted: ContinuousClock.Instant?  // when the first attempt failed; the wait for a slot before it is not retrying
        var attempt = 0
        while true {
            attempt += 1
            let outcome = await sendOnce(method: method, url: url, path: endpoint.path, priority: priority)

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
                if response.body.isEmpty { return (response.status, nil, 0) }
                let values = JSONValueCount.count(response.body, upTo: limits.maxValuesPerResponse)
                guard values <= limits.maxValuesPerResponse else {
                    throw CollectionFailure.failed(response.status, "\(endpoint.path): the response holds more than "
                                                   + "\(limits.maxValuesPerResponse.groupedDigits) JSON values (the limit per "
                                                   + "response, \(response.body.count.groupedDigits) bytes); not parsed")
                }
                if let value = try? FoundationJSON.parse(response.body) {
                    return (response.status, JSONTree(value: value), values)
                }
                retryReason = "malformed JSON body (\(response.body.count) bytes)"
            case .success(let response) where response.status == 403:
                throw CollectionFailure.forbidden(403, APIErrorMessage.message(response.body) ?? "no reason given")
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
            let now = clock.now
            let elapsed = Self.seconds((retriesStarted ?? now).duration(to: now))
            retriesStarted = retriesStarted ?? now
            guard elapsed + wait <= retry.budget else {
                throw CollectionFailure.failed(0, "\(endpoint.path): gave up after \(attempt) attempts and \(Self.format(elapsed)) s "
                                               + "of retrying (the retry budget per request is \(Self.format(retry.budget)) s): "
                                               + retryReason)
            }
            statistics.update { $0.retries += 1 }
            events(.retry(endpoint: endpoint.path, reason: retryReason, delay: wait))
            try await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000))
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Seconds to at most one decimal: `120`, `0.3`.
    private static func format(_ seconds: Double) -> String {
        seconds.formatted(.number.precision(.fractionLength(0...1)).grouping(.never).locale(Locale(identifier: "en_US")))
    }

    /// One attempt inside a `--concurrency` slot, with the token that is current when the slot opens: a request
    /// queued behind others must not send a token that expired while it waited. A `401` is sent again at once from
    /// the same slot, with the token the provider holds then (a new one, when the refused token was current); it
    /// costs no attempt. The outcome is never a `401`: the credentials refused (`FetchError`) or a path that refuses
    /// new tokens (`TokenRefusals`, a `CollectionFailure`) end the request instead.
    private func sendOnce(method: HTTPRequest.Method, url: URL, path: String,
                          priority: AsyncLimiter.Priority) async -> Result<HTTPResponse, any Error> {
        await limiter.run(priority: priority) { [tokens, transport, statistics] in
            var refusals = TokenRefusals()
            while true {
                let token: String
                do { token = try await tokens.token() } catch { return .failure(error) }
                let request = HTTPRequest(method: method, url: url,
                                          headers: [("Authorization", "Bearer \(token)"), ("Accept", "application/json")])
                let response: HTTPResponse
                statistics.update { $0.requests += 1 }
                do { response = try await transport.send(request) } catch { return .failure(error) }
                // Recorded before the slot opens: a request that meets this token used up has seen it accepted.
                if (200..<300).contains(response.status) || response.status == 403 { await tokens.accepted(token) }
                guard response.status == 401 else { return .success(response) }
                let rejection: TokenProvider.Rejection
                do { rejection = try await tokens.rejected(token) } catch { return .failure(error) }
                guard refusals.record(rejection) else { continue }
                let answer = APIErrorMessage.line(status: 401, body: response.body)
                switch rejection {
                case .credentialsRefused(let count):
                    return .failure(FetchError.authentication("the credentials are refused: \(count) new tokens in a row "
                                                              + "were answered with \(answer) (the last by \(path))"))
                case .retry, .renewed:
                    return .failure(CollectionFailure.failed(401, "\(path): \(refusals.freshRefused) new tokens in a row "
                        + "were refused here, each sent as soon as it was issued, though the API has accepted this "
                        + "fetch's tokens: \(answer); no more tokens are asked for this request"))
                }
            }
        }
    }

    /// The URL of a request: the configured base (or the API's IBM host), the endpoint's path and query, the cursor.
    package func url(_ endpoint: Endpoint, cursor: String?) throws -> URL {
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

import Snapshot

/// The failures a `FakeCloud` injects, all off by default.
///
/// Faults are deterministic: the `…Every` faults count *API requests* (every request except `POST /identity/token`,
/// numbered from 1 in arrival order, unknown paths included) and fire on request numbers that are multiples of N.
/// When several fire on the same request, the first in this order wins and the others skip that request:
/// dropped connection, rate limit, server error; truncation applies afterwards to a successful response only.
package struct Faults: Sendable, Equatable {
    /// Delay before every request (the token request included) is answered.
    package var latency: Duration
    /// Every Nth API request gets `429 Too Many Requests` with `Retry-After: retryAfter`; `1` is a server that
    /// answers 429 forever.
    package var rateLimitEvery: Int?
    /// The `Retry-After` seconds the `rateLimitEvery` answers ask for (a hostile server asks for hours).
    package var retryAfter: Int
    /// Every Nth API request gets a server error, cycling through `serverErrorStatuses`.
    package var serverErrorEvery: Int?
    /// The statuses `serverErrorEvery` cycles through: the first failure gets the first status, and so on.
    package var serverErrorStatuses: [Int]
    /// Every Nth API request has its connection closed without any response byte.
    package var dropEvery: Int?
    /// A token is accepted for this many API requests; after that it gets `401` until a new token is fetched.
    package var expireTokenAfter: Int?
    /// Collections whose endpoints answer `403` in the service's error shape.
    package var forbidden: Set<CollectionKind>
    /// Every Nth API request, when successful, has its body cut in half (with a matching `Content-Length`).
    package var truncateEvery: Int?
    /// Collections whose endpoints answer `200` with a body that is not valid JSON.
    package var malformed: Set<CollectionKind>
    /// Paged collections whose cursor loops: the second page's `next` cursor is the one that led to it, forever.
    package var pagingLoop: Set<CollectionKind>
    /// Paged collections that never end: every page's `next` cursor leads to a page not served yet, past the end of
    /// the list as well (those pages are empty; the reported total stays true).
    package var endlessPaging: Set<CollectionKind>
    /// Collections whose successful answers are a valid JSON object of `hugeBodyBytes` bytes instead, generated as it
    /// is sent (chunked, without `Content-Length`, so only counting the bytes received can stop it).
    package var hugeBody: Set<CollectionKind>
    package var hugeBodyBytes: Int
    /// Paged collections whose every page carries `floodItems` tiny items (`{"id": "flood-1"}`…) instead of its own.
    package var itemFlood: Set<CollectionKind>
    package var floodItems: Int
    /// Every API request gets `401`: tokens are issued, but none is ever accepted (credentials revoked meanwhile).
    package var refuseTokens: Bool
    /// Collections whose endpoints answer `401` to every token the rest of the API accepts: a broken or hostile path
    /// that would have the fetcher mint token after token.
    package var refuseTokensFor: Set<CollectionKind>
    /// The statuses the first token requests (`POST /identity/token`) get, one per request in order — `429` with
    /// `Retry-After: retryAfter`, or a server error — before the token service answers normally: an overloaded or
    /// briefly failing token service.
    package var tokenFailures: [Int]

    // Hostile data: what a lying or compromised server could send.

    /// `list` collections whose listings serve their first item twice (the same id on two items).
    package var repeatedItems: Set<CollectionKind>
    /// Ids of extra access groups and trusted profiles in the listings (copies of the first item under another id,
    /// e.g. `../../x` or `a?b#c d`); their members, rules, links and identities are empty.
    package var extraParentIDs: [String]
    /// Ids whose own reads (`/v1/group_assignments/{id}`, a group's members, a profile's links, …) answer `404`, as
    /// for an item deleted between its listing and the read of its parts; the listings still name them.
    package var vanishedParents: Set<String>
    /// Text appended to the message of every error answer (403s, the token service's refusals, …), e.g. terminal
    /// escape sequences.
    package var errorMessageSuffix: String
    /// The `account.bss` claim of issued tokens, instead of the snapshot's account id.
    package var tokenAccountClaim: String?
    /// Text appended to every `access_token` the token service hands out (e.g. a line break and a header).
    package var accessTokenSuffix: String

    /// No faults at all.
    package static let none = Faults()

    package init(latency: Duration = .zero, rateLimitEvery: Int? = nil, retryAfter: Int = 1,
                serverErrorEvery: Int? = nil, serverErrorStatuses: [Int] = [500, 503], dropEvery: Int? = nil,
                expireTokenAfter: Int? = nil, forbidden: Set<CollectionKind> = [], truncateEvery: Int? = nil,
                malformed: Set<CollectionKind> = [], pagingLoop: Set<CollectionKind> = [],
                endlessPaging: Set<CollectionKind> = [], hugeBody: Set<CollectionKind> = [],
                hugeBodyBytes: Int = 2 << 30, itemFlood: Set<CollectionKind> = [], floodItems: Int = 1_000_000,
                refuseTokens: Bool = false, refuseTokensFor: Set<CollectionKind> = [], tokenFailures: [Int] = [], repeatedItems: Set<CollectionKind> = [], extraParentIDs: [String] = [],
                vanishedParents: Set<String> = [], errorMessageSuffix: String = "", tokenAccountClaim: String? = nil, accessTokenSuffix: String = "") {
        self.latency = latency
        self.rateLimitEvery = rateLimitEvery
        self.retryAfter = retryAfter
        self.serverErrorEvery = serverErrorEvery
        self.serverErrorStatuses = serverErrorStatuses
        self.dropEvery = dropEvery
        self.expireTokenAfter = expireTokenAfter
        self.forbidden = forbidden
        self.truncateEvery = truncateEvery
        self.malformed = malformed
        self.pagingLoop = pagingLoop
        self.endlessPaging = endlessPaging
        self.hugeBody = hugeBody
        self.hugeBodyBytes = hugeBodyBytes
        self.itemFlood = itemFlood
        self.floodItems = floodItems
        self.refuseTokens = refuseTokens
        self.refuseTokensFor = refuseTokensFor
        self.tokenFailures = tokenFailures
        self.repeatedItems = repeatedItems
        self.extraParentIDs = extraParentIDs
        self.vanishedParents = vanishedParents
        self.errorMessageSuffix = errorMessageSuffix
        self.tokenAccountClaim = tokenAccountClaim
        self.accessTokenSuffix = accessTokenSuffix
    }

    /// Whether a fault that fires every `every` requests fires on API request number `request` (from 1).
    static func fires(_ every: Int?, on request: Int) -> Bool {
        guard let every, every > 0 else { return false }
        return request % every == 0
    }
}

/// The `401`s one request meets in a row while it holds its `--concurrency` slot, which tell a path that refuses
/// tokens the rest of the API accepts from tokens that ran out.
///
/// After a `401` that renewed the token, the request sends the new token at once, from the same slot: an expiry cannot
/// have used it up meanwhile. So when that new token is refused as well, and the credentials were accepted before
/// (`TokenProvider.Rejection.renewed(credentialsProven:)`), this path refuses tokens that work elsewhere. Each such
/// refusal would mint another token (an IAM call with the API key); after `maxFreshRefused` of them the request stops.
/// A `401` for a token another request had already replaced (`.retry`) mints nothing and changes nothing: the token
/// sent next is new as well, so requests that take turns at renewing cannot keep each other's runs from counting.
struct TokenRefusals: Sendable {
    /// New tokens one request may see refused, each sent as soon as it was issued, before it stops.
    static let maxFreshRefused = 2

    /// New tokens refused so far, each sent as soon as it was issued after the previous `401` renewed the token.
    private(set) var freshRefused = 0
    /// Whether the last `401` renewed the token, so that the token sent next is new.
    private var lastRenewed = false

    /// Records what the token provider made of a `401`; returns whether the request must stop asking for tokens.
    mutating func record(_ rejection: TokenProvider.Rejection) -> Bool {
        switch rejection {
        case .retry:
            break
        case .renewed(let credentialsProven):
            if lastRenewed && credentialsProven { freshRefused += 1 }
            lastRenewed = true
        case .credentialsRefused:
            return true
        }
        return freshRefused >= Self.maxFreshRefused
    }
}

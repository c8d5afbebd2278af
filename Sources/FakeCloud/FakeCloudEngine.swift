import Foundation

/// The fake cloud without its HTTP server: the snapshot, the faults, the routes and the mutable state. Every
/// connection task shares one engine; all its mutable state is behind one lock.
final class FakeCloudEngine: Sendable {
    let snapshot: ServedSnapshot
    let faults: Faults
    let options: FakeCloud.Options
    let issuer: TokenIssuer
    let state = Locked(ServerState())
    /// When the engine was made: the request log's times count from here.
    let started = ContinuousClock.now
    /// The lists whose requests filter (policies, access groups and members, API keys), indexed once.
    let policies: PolicyListing
    let groups: GroupListing
    let apiKeys: APIKeyListing

    /// The routes that need logic of their own: the token service, the identity reports and the lists that filter.
    static let special: [Endpoint] =
        Endpoint.token + Endpoint.activity + Endpoint.mfa + Endpoint.identity + Endpoint.accessGroups + Endpoint.policyManagement

    /// Every route: the special ones, then every other collection served from the catalogue.
    static let endpoints: [Endpoint] = special + Endpoint.catalogue(besides: special)

    init(snapshot: ServedSnapshot, faults: Faults, options: FakeCloud.Options) {
        let served = snapshot.serving(faults)
        self.snapshot = served
        policies = PolicyListing(served)
        groups = GroupListing(served)
        apiKeys = APIKeyListing(served)
        self.faults = faults
        self.options = options
        issuer = TokenIssuer(snapshot: snapshot, iamID: options.iamID, lifetime: options.tokenLifetime,
                             accountClaim: faults.tokenAccountClaim)
    }

    /// Issues a new token and remembers it; returns the token service's answer.
    func issueToken() -> RawJSON {
        let now = Int(Date().timeIntervalSince1970)
        let (jwt, expiration) = state.withLock { state in
            state.counters.tokensIssued += 1
            let token = issuer.token(serial: state.counters.tokensIssued, now: now)
            state.tokens[token.jwt] = ServerState.Token(iamID: issuer.iamID, expiration: token.expiration)
            return token
        }
        return issuer.response(jwt: jwt + faults.accessTokenSuffix, expiration: expiration)
    }

    /// Appends a record to the request log and hands it to `options.onRequest`.
    func record(_ record: RequestRecord) {
        state.withLock { $0.log.append(record) }
        options.onRequest?(record)
    }
}

import Snapshot

extension Endpoint {
    /// Context-based restrictions (`cbr.cloud.ibm.com`): zones and rules of an account (`account_id` required, as in
    /// the API; not paged, with `count`); the account's CBR settings come from the catalogue (`Endpoint.catalogue`).
    static let contextBasedRestrictions: [Endpoint] = [
        Endpoint("GET", "/v1/zones", reads: [.cbrZones]) { context in
            try requireAccount(context)
            let zones = context.snapshot.items(.cbrZones)
            return .json(["count": .int(zones.count), "zones": .array(zones)])
        },
        Endpoint("GET", "/v1/rules", reads: [.cbrRules]) { context in
            try requireAccount(context)
            let rules = context.snapshot.items(.cbrRules)
            return .json(["count": .int(rules.count), "rules": .array(rules)])
        },
    ]

    /// CBR lists only with an `account_id` query parameter.
    private static func requireAccount(_ context: EndpointContext) throws {
        guard context.request.query("account_id") != nil else {
            throw APIError.badRequest("Missing required query parameter: account_id.")
        }
    }
}

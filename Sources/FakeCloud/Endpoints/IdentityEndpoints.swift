import Snapshot

extension Endpoint {
    /// IAM Identity's lists that need logic of their own: a trusted profile's identities (with the `entity_tag` of
    /// the list) and API keys (the caller's own, or the account's with `scope=account`, or one owner's). The others come
    /// from the catalogue (`Endpoint.catalogue`).
    static let identity: [Endpoint] = [
        Endpoint("GET", "/v1/profiles/{profile}/identities", reads: [.trustedProfileIdentities]) { context in
            let identities = try profileChildren(.trustedProfileIdentities, context)
            let tag = "1-" + SHA256Digest.hex(of: RawJSON.array(identities).data).prefix(32)
            return .json(["entity_tag": .string(tag), "identities": .array(identities)])
        },
        // Without `scope=account` the API lists only the caller's own keys (its default scope is `entity`).
        Endpoint("GET", "/v1/apikeys", reads: [.apiKeys]) { context in
            let keys = context.engine.apiKeys.keys(accountScope: context.request.query("scope") == "account",
                                                   caller: context.caller, owner: context.request.query("iam_id"))
            return try context.page(.identity, keys, key: "apikeys")
        },
    ]

    /// The items of the profile named in the path, or 404 in the identity error shape.
    private static func profileChildren(_ kind: CollectionKind, _ context: EndpointContext) throws -> [RawJSON] {
        let profile = context.parameter("profile")
        guard let items = context.snapshot.children(kind, of: profile) else {
            throw APIError.notFound("Trusted profile with id \(profile) not found.")
        }
        return items
    }
}

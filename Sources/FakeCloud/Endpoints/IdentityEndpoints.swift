import Snapshot

extension Endpoint {
    /// IAM Identity: service IDs, trusted profiles (with links, claim rules, identities), API keys, settings, identity
    /// providers and login settings.
    static let identity: [Endpoint] = [
        Endpoint("GET", "/v1/serviceids", reads: [.serviceIDs]) { context in
            try context.page(.identity, context.snapshot.items(.serviceIDs), key: "serviceids")
        },
        Endpoint("GET", "/v1/profiles", reads: [.trustedProfiles]) { context in
            try context.page(.identity, context.snapshot.items(.trustedProfiles), key: "profiles")
        },
        Endpoint("GET", "/v1/profiles/{profile}/links", reads: [.trustedProfileLinks]) { context in
            .json(["links": .array(try profileChildren(.trustedProfileLinks, context))])
        },
        Endpoint("GET", "/v1/profiles/{profile}/rules", reads: [.trustedProfileRules]) { context in
            .json(["rules": .array(try profileChildren(.trustedProfileRules, context))])
        },
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
        Endpoint("GET", "/v1/idps", reads: [.identityProviders]) { context in
            .json(["idps": .array(context.snapshot.items(.identityProviders))])
        },
        // Enterprise-managed IAM: templates and assignments of trusted profiles and account settings.
        Endpoint("GET", "/v1/profile_templates", reads: [.trustedProfileTemplates]) { context in
            try context.requireAccountID()
            return try context.page(.identityTemplates, context.snapshot.items(.trustedProfileTemplates), key: "profile_templates")
        },
        Endpoint("GET", "/v1/profile_assignments", reads: [.trustedProfileAssignments]) { context in
            try context.requireAccountID()
            return try context.page(.identityTemplates, context.snapshot.items(.trustedProfileAssignments), key: "assignments")
        },
        Endpoint("GET", "/v1/account_settings_templates", reads: [.accountSettingsTemplates]) { context in
            try context.requireAccountID()
            return try context.page(.identityTemplates, context.snapshot.items(.accountSettingsTemplates),
                                    key: "account_settings_templates")
        },
        Endpoint("GET", "/v1/account_settings_assignments", reads: [.accountSettingsAssignments]) { context in
            try context.requireAccountID()
            return try context.page(.identityTemplates, context.snapshot.items(.accountSettingsAssignments), key: "assignments")
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

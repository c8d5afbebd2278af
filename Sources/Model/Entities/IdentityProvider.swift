/// An identity provider of the account (`GET /v1/idps/`): the realm federated users log in through, which trusted
/// profiles' claim rules and dynamic access-group rules name. A snapshot never holds its `secrets`.
package struct IdentityProvider: Decodable, Sendable, Hashable {
    /// `idp_id`.
    package let id: String
    package let name: String?
    /// e.g. `saml`, `oidc`.
    package let type: String?
    package let active: Bool?
    /// The provider's string-valued properties (e.g. `entity_id`, `sso_url`); other values are left out.
    package let properties: [String: String]

    /// The realm id claim rules use for it: its SAML entity id or OIDC issuer when it has one, else its id.
    package var realm: String { properties["entity_id"] ?? properties["issuer"] ?? id }

    enum CodingKeys: String, CodingKey {
        case name, type, active, properties
        case id = "idp_id"
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        type = try c.decodeIfPresent(String.self, forKey: .type)
        active = try c.decodeIfPresent(Bool.self, forKey: .active)
        let raw = try c.decodeIfPresent([String: LossyString].self, forKey: .properties) ?? [:]
        properties = raw.compactMapValues(\.value)
    }
}

/// The account's login settings (`GET /v2/loginsettings/{account}`).
package struct LoginSettings: Decodable, Sendable, Hashable {
    /// The account's login alias (the `cloud.ibm.com/authorize/<alias>` of its own login page).
    package let alias: String?
}

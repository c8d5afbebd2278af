/// The account itself (`GET /v4/accounts/{account}`).
package struct AccountInfo: Decodable, Sendable, Hashable {
    package let id: String?
    package let name: String?
    package let ownerIAMID: String?
    package let ownerUserID: String?
    package let type: String?
    package let status: String?

    enum CodingKeys: String, CodingKey {
        case id, name, type, status
        case ownerIAMID = "owner_iamid", ownerUserID = "owner_userid"
    }
}

/// Access-group settings of the account (`GET /v2/groups/settings`).
package struct AccessGroupSettings: Decodable, Sendable, Hashable {
    package let publicAccessEnabled: Bool?

    enum CodingKeys: String, CodingKey { case publicAccessEnabled = "public_access_enabled" }
}

/// Account identity settings (`GET /v1/accounts/{account}/settings/identity`); most values are strings like `NOT_SET`.
package struct IdentitySettings: Decodable, Sendable, Hashable {
    package let mfa: String?
    package let restrictCreateServiceID: String?
    package let restrictCreatePlatformAPIKey: String?
    package let allowedIPAddresses: String?
    package let sessionExpirationInSeconds: String?
    /// Per-user MFA that overrides `mfa` for those users.
    package let userMFA: [UserMFA]?

    /// One user's MFA override.
    package struct UserMFA: Decodable, Sendable, Hashable {
        package let iamID: String?
        package let mfa: String?

        enum CodingKeys: String, CodingKey {
            case mfa
            case iamID = "iam_id"
        }
    }

    enum CodingKeys: String, CodingKey {
        case mfa
        case userMFA = "user_mfa"
        case restrictCreateServiceID = "restrict_create_service_id"
        case restrictCreatePlatformAPIKey = "restrict_create_platform_apikey"
        case allowedIPAddresses = "allowed_ip_addresses"
        case sessionExpirationInSeconds = "session_expiration_in_seconds"
    }
}

/// A policy template (`GET /v1/policy_templates`).
package struct PolicyTemplate: Decodable, Sendable, Hashable {
    package let id: String
    package let name: String?
    package let version: String?
    package let description: String?
}

/// An assignment of a policy template to an account or account group (`GET /v1/policy_assignments`). The API
/// answers in one of two formats: `version=1.0` nests the template as `template.{id,version}`; the older format has
/// top-level `template_id` and `template_version`. Both decode to the same value.
package struct PolicyAssignment: Decodable, Sendable, Hashable {
    package let id: String
    package let templateID: String?
    package let templateVersion: String?

    enum CodingKeys: String, CodingKey {
        case id, template
        case templateID = "template_id", templateVersion = "template_version"
    }

    struct TemplateRef: Decodable { let id: String?; let version: String? }

    package init(id: String, templateID: String?, templateVersion: String?) {
        self.id = id
        self.templateID = templateID
        self.templateVersion = templateVersion
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        let template = try c.decodeIfPresent(TemplateRef.self, forKey: .template)
        templateID = try template?.id ?? c.decodeIfPresent(String.self, forKey: .templateID)
        templateVersion = try template?.version ?? c.decodeIfPresent(String.self, forKey: .templateVersion)
    }
}

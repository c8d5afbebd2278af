import Snapshot

/// Access Management's account settings (`GET /v1/accounts/{account}/settings/access_management`): which identities of
/// other accounts may interact with this one (IBM's Python SDK: `AccountSettingsAccessManagement`).
package struct AccessManagementSettings: Decodable, Sendable, Hashable {
    package let externalAccountIdentityInteraction: ExternalInteraction?

    /// How identities of other accounts may interact with this account, per identity type.
    package struct ExternalInteraction: Decodable, Sendable, Hashable {
        package let identityTypes: IdentityTypes?

        enum CodingKeys: String, CodingKey { case identityTypes = "identity_types" }
    }

    /// The setting for users, service IDs and services.
    package struct IdentityTypes: Decodable, Sendable, Hashable {
        package let user: IdentityType?
        package let serviceID: IdentityType?
        package let service: IdentityType?

        enum CodingKeys: String, CodingKey {
            case user, service
            case serviceID = "service_id"
        }
    }

    /// One identity type's state (`enabled`, `monitor`, `limited`) and the accounts `limited` allows.
    package struct IdentityType: Decodable, Sendable, Hashable {
        package let state: String?
        package let externalAllowedAccounts: [String]?

        enum CodingKeys: String, CodingKey {
            case state
            case externalAllowedAccounts = "external_allowed_accounts"
        }
    }

    enum CodingKeys: String, CodingKey {
        case externalAccountIdentityInteraction = "external_account_identity_interaction"
    }

    /// The key of the collection in the account's store.
    static let key = CollectionKey<Self>(.accessManagementSettings)
}

extension IAMAccount {
    /// Access Management's account settings; `nil` when the snapshot does not hold them (see `isKnown`).
    package var accessManagementSettings: AccessManagementSettings? { collections[AccessManagementSettings.key] }
}

import Snapshot

/// Access Management's account settings (`GET /v1/accounts/{account}/settings/access_management`): which identities of
/// other accounts may interact with this one (IBM's Python SDK: `AccountSettingsAccessManagement`).
public struct AccessManagementSettings: Decodable, Sendable, Hashable {
    public let externalAccountIdentityInteraction: ExternalInteraction?

    /// How identities of other accounts may interact with this account, per identity type.
    public struct ExternalInteraction: Decodable, Sendable, Hashable {
        public let identityTypes: IdentityTypes?

        enum CodingKeys: String, CodingKey { case identityTypes = "identity_types" }
    }

    /// The setting for users, service IDs and services.
    public struct IdentityTypes: Decodable, Sendable, Hashable {
        public let user: IdentityType?
        public let serviceID: IdentityType?
        public let service: IdentityType?

        enum CodingKeys: String, CodingKey {
            case user, service
            case serviceID = "service_id"
        }
    }

    /// One identity type's state (`enabled`, `monitor`, `limited`) and the accounts `limited` allows.
    public struct IdentityType: Decodable, Sendable, Hashable {
        public let state: String?
        public let externalAllowedAccounts: [String]?

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
    public var accessManagementSettings: AccessManagementSettings? { collections[AccessManagementSettings.key] }
}

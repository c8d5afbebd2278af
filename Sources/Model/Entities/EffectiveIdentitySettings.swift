import Snapshot

/// The account's identity settings in effect (`GET /v1/accounts/{account}/effective_settings/identity`): what applies
/// after an enterprise's account-settings template is merged with the account's own settings (`account`), which
/// `identity_settings` holds alone.
package struct EffectiveIdentitySettings: Decodable, Sendable, Hashable {
    package let accountID: String?
    /// The settings in effect.
    package let effective: IdentitySettings?
    /// The account's own settings.
    package let account: IdentitySettings?
    /// The account-settings templates assigned to the account, by id.
    package let assignedTemplates: [AssignedTemplate]?

    /// One assigned account-settings template.
    package struct AssignedTemplate: Decodable, Sendable, Hashable {
        package let templateID: String?
        package let templateVersion: Int?
        package let templateName: String?

        enum CodingKeys: String, CodingKey {
            case templateID = "template_id", templateVersion = "template_version", templateName = "template_name"
        }
    }

    enum CodingKeys: String, CodingKey {
        case effective, account
        case accountID = "account_id"
        case assignedTemplates = "assigned_templates"
    }

    /// The key of the collection in the account's store.
    static let key = CollectionKey<Self>(.effectiveIdentitySettings)
}

extension IAMAccount {
    /// The identity settings in effect; `nil` when the snapshot does not hold them (see `isKnown`).
    package var effectiveIdentitySettings: EffectiveIdentitySettings? { collections[EffectiveIdentitySettings.key] }
}

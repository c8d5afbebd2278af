/// An enterprise-managed IAM template as listed (the latest version of each): of an access group
/// (`GET /v1/group_templates`), a trusted profile (`GET /v1/profile_templates`) or account settings
/// (`GET /v1/account_settings_templates`).
package struct IAMTemplate: Decodable, Sendable, Hashable {
    package let id: String
    package let name: String?
    /// The version, as text (IAM Identity lists it as a number).
    package let version: String?
    /// Whether the version is committed (only committed versions can be assigned).
    package let committed: Bool?
    /// The name the template gives what it creates: the access group's (`group.name`) or the trusted profile's
    /// (`profile.name`); `nil` for account settings.
    package let entityName: String?
    /// The policy templates the template's access group or profile gets policies from.
    package let policyTemplateReferences: [Reference]

    /// A policy template id and version.
    package struct Reference: Decodable, Sendable, Hashable {
        package let id: String?
        package let version: String?

        enum CodingKeys: String, CodingKey { case id, version }

        package init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decodeIfPresent(String.self, forKey: .id)
            version = try c.decodeIfPresent(TemplateVersion.self, forKey: .version)?.text
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, name, version, committed, group, profile
        case policyTemplateReferences = "policy_template_references"
    }

    private struct Named: Decodable { let name: String? }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        version = try c.decodeIfPresent(TemplateVersion.self, forKey: .version)?.text
        committed = try c.decodeIfPresent(Bool.self, forKey: .committed)
        let group = try c.decodeIfPresent(Named.self, forKey: .group)
        let profile = try c.decodeIfPresent(Named.self, forKey: .profile)
        entityName = group?.name ?? profile?.name
        policyTemplateReferences = try c.decodeIfPresent([Reference].self, forKey: .policyTemplateReferences) ?? []
    }
}

extension IAMTemplate {
    /// The keys of the template collections in the account's store.
    static let accessGroupKey = CollectionKey<[IAMTemplate]>(.accessGroupTemplates)
    static let trustedProfileKey = CollectionKey<[IAMTemplate]>(.trustedProfileTemplates)
    static let accountSettingsKey = CollectionKey<[IAMTemplate]>(.accountSettingsTemplates)
}

extension IAMAccount {
    /// Enterprise-managed IAM templates, sorted by id; empty when the snapshot does not hold them (see `isKnown`).
    package var accessGroupTemplates: [IAMTemplate] { collections[IAMTemplate.accessGroupKey] ?? [] }
    package var trustedProfileTemplates: [IAMTemplate] { collections[IAMTemplate.trustedProfileKey] ?? [] }
    package var accountSettingsTemplates: [IAMTemplate] { collections[IAMTemplate.accountSettingsKey] ?? [] }
}

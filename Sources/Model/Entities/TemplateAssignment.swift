/// An assignment of an enterprise-managed IAM template to an account or account group: of an access group template
/// (`GET /v1/group_assignments`), a trusted profile template (`GET /v1/profile_assignments/`) or an account settings
/// template (`GET /v1/account_settings_assignments/`). All three share these fields.
package struct TemplateAssignment: Decodable, Sendable, Hashable {
    package let id: String
    package let templateID: String?
    /// The assigned version, as text (IAM Identity lists it as a number).
    package let templateVersion: String?
    /// `Account` or `AccountGroup`.
    package let targetType: String?
    /// The account or account group id.
    package let target: String?
    /// e.g. `accepted`, `in_progress`, `succeeded`, `failed`, `superseded`.
    package let status: String?

    enum CodingKeys: String, CodingKey {
        case id, target, status
        case templateID = "template_id", templateVersion = "template_version", targetType = "target_type"
    }

    package init(id: String, templateID: String?, templateVersion: String?, targetType: String?, target: String?,
                status: String?) {
        self.id = id
        self.templateID = templateID
        self.templateVersion = templateVersion
        self.targetType = targetType
        self.target = target
        self.status = status
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        templateID = try c.decodeIfPresent(String.self, forKey: .templateID)
        templateVersion = try c.decodeIfPresent(TemplateVersion.self, forKey: .templateVersion)?.text
        targetType = try c.decodeIfPresent(String.self, forKey: .targetType)
        target = try c.decodeIfPresent(String.self, forKey: .target)
        status = try c.decodeIfPresent(String.self, forKey: .status)
    }

    /// Whether the assignment applies the template to the account `accountID` itself and has not failed or been
    /// replaced (`failed`, `superseded`): what it creates there is managed by the template.
    package func applies(to accountID: String) -> Bool {
        targetType == "Account" && target == accountID && status != "failed" && status != "superseded"
    }
}

extension TemplateAssignment {
    /// The keys of the assignment collections in the account's store.
    static let accessGroupKey = CollectionKey<[TemplateAssignment]>(.accessGroupAssignments)
    static let trustedProfileKey = CollectionKey<[TemplateAssignment]>(.trustedProfileAssignments)
    static let accountSettingsKey = CollectionKey<[TemplateAssignment]>(.accountSettingsAssignments)
}

extension IAMAccount {
    /// Assignments of enterprise-managed IAM templates, sorted by id; empty when the snapshot does not hold them (see
    /// `isKnown`).
    package var accessGroupAssignments: [TemplateAssignment] { collections[TemplateAssignment.accessGroupKey] ?? [] }
    package var trustedProfileAssignments: [TemplateAssignment] { collections[TemplateAssignment.trustedProfileKey] ?? [] }
    package var accountSettingsAssignments: [TemplateAssignment] { collections[TemplateAssignment.accountSettingsKey] ?? [] }
}

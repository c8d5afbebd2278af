import Snapshot

/// The template an entity was created by (enterprise-managed IAM): the template's id and name, the version applied
/// and the assignment that applied it. Such an entity is changed through the template, not in the account.
package struct TemplateMark: Sendable, Hashable {
    package let templateID: String
    /// The template's name, when the snapshot lists the template.
    package let templateName: String?
    /// The version applied; `nil` when the snapshot does not say (e.g. a profile's assignment is not listed).
    package let version: String?
    package let assignmentID: String?
    /// Whether the mark is inferred from an access group's name (the account's group bearing the template's group
    /// name) because the snapshot does not say which group the assignment created: such a mark may name a group the
    /// template does not manage (renamed, or made by hand under that name) and miss one it does.
    package let inferredByName: Bool

    package init(templateID: String, templateName: String? = nil, version: String?, assignmentID: String? = nil,
                 inferredByName: Bool = false) {
        self.templateID = templateID
        self.templateName = templateName
        self.version = version
        self.assignmentID = assignmentID
        self.inferredByName = inferredByName
    }

    /// E.g. `template "Auditors" (AccessGroupTemplateId-…), version 2`; `version unknown` when the snapshot does not
    /// say; `(inferred from the group's name)` after a mark inferred by name.
    package var description: String {
        let name = templateName.map { "\"\($0)\" (\(templateID))" } ?? templateID
        return "template \(name), version \(version ?? "unknown")" + (inferredByName ? " (inferred from the group's name)" : "")
    }
}

/// Which of an account's access groups, trusted profiles, policies and settings a template assignment manages, from
/// what the snapshot holds:
///
/// - a **trusted profile** or **policy** names its template itself (`template_id`/`assignment_id`; a v2 policy's
///   `template.{id,version,assignment_id}`); a profile's version is its assignment's, when that is listed;
/// - an **access group** is the group a template assignment to this account created, by the id the assignment's
///   resources name (`access_group_assignment_resources`: `group.group.resource`, as `get_assignment(verbose=true)`
///   gives it; the assignment listing does not name the group). Where the snapshot does not hold an assignment's
///   resources (a snapshot from before the collection, or the collection unknown), the group is inferred as the
///   account's group bearing the template's group name (the assignment creates the group under that name), and the
///   mark says so (`inferredByName`): a renamed group is then missed, and a group made by hand under that name marked;
/// - the **account settings** are managed by an account settings template assigned to this account, or, where the
///   snapshot lists no such assignment (a child account), by the template its effective identity settings name
///   (`assigned_templates`).
///
/// Assignments count only when they target this account directly (`target_type` `Account`) and have not failed or
/// been superseded. An enterprise account's own assignments target its child accounts, so they mark nothing there.
package struct TemplateManagement: Sendable {
    /// Access group id → its template.
    package let groups: [String: TemplateMark]
    /// Trusted profile id → its template.
    package let profiles: [String: TemplateMark]
    /// Policy id → its policy template.
    package let policies: [String: TemplateMark]
    /// The account settings template assigned to this account, if any.
    package let settings: TemplateMark?

    package init(_ account: IAMAccount) {
        let applying = { (assignments: [TemplateAssignment]) in
            assignments.filter { $0.applies(to: account.accountID) }.sorted { $0.id < $1.id }
        }
        groups = Self.groupMarks(account, assignments: applying(account.accessGroupAssignments))

        let profileTemplates = Self.byID(account.trustedProfileTemplates)
        let profileAssignments = Dictionary(account.trustedProfileAssignments.map { ($0.id, $0) },
                                            uniquingKeysWith: { first, _ in first })
        var profiles: [String: TemplateMark] = [:]
        for profile in account.trustedProfiles {
            guard let templateID = profile.templateID else { continue }
            let assignment = profile.assignmentID.flatMap { profileAssignments[$0] }
            profiles[profile.id] = TemplateMark(templateID: templateID, templateName: profileTemplates[templateID]?.name,
                                                version: assignment?.templateVersion, assignmentID: profile.assignmentID)
        }
        self.profiles = profiles

        var policyTemplateNames: [String: String] = [:]
        for template in account.policyTemplates { policyTemplateNames[template.id] = template.name }
        for (id, versions) in account.policyTemplateVersions where policyTemplateNames[id] == nil {
            policyTemplateNames[id] = versions.compactMap(\.name).first
        }
        var policies: [String: TemplateMark] = [:]
        for policy in account.accessPolicies + account.authorizationPolicies {
            guard let templateID = policy.templateID else { continue }
            policies[policy.id] = TemplateMark(templateID: templateID, templateName: policyTemplateNames[templateID],
                                               version: policy.templateVersion, assignmentID: policy.templateAssignmentID)
        }
        self.policies = policies

        let settingsTemplates = Self.byID(account.accountSettingsTemplates)
        let assigned = applying(account.accountSettingsAssignments).lazy.compactMap { assignment in
            assignment.templateID.map { templateID in
                TemplateMark(templateID: templateID, templateName: settingsTemplates[templateID]?.name,
                             version: assignment.templateVersion, assignmentID: assignment.id)
            }
        }.first
        let effective = account.effectiveIdentitySettings?.assignedTemplates?.lazy.compactMap { template in
            template.templateID.map { templateID in
                TemplateMark(templateID: templateID, templateName: template.templateName ?? settingsTemplates[templateID]?.name,
                             version: template.templateVersion.map(String.init))
            }
        }.first
        settings = assigned ?? effective
    }

    /// The access groups the live `assignments` to this account created, each marked once (by the first assignment in
    /// id order): the groups of the account the assignment's resources name in this account (a resource naming
    /// another account, or a group the account does not have, marks nothing); for an assignment whose resources the
    /// snapshot does not hold, the account's groups bearing its template's group name, the mark inferred by name.
    private static func groupMarks(_ account: IAMAccount, assignments: [TemplateAssignment]) -> [String: TemplateMark] {
        let templates = byID(account.accessGroupTemplates)
        let resources = account.accessGroupAssignmentResources  // empty when unknown
        let groupIDs = Set(account.accessGroups.map(\.id))
        var marks: [String: TemplateMark] = [:]
        for assignment in assignments {
            guard let templateID = assignment.templateID else { continue }
            let template = templates[templateID]
            let created: [String], inferred: Bool
            if let listed = resources[assignment.id] {
                created = listed.filter { $0.target == nil || $0.target == account.accountID }.compactMap(\.groupID)
                    .filter(groupIDs.contains)
                inferred = false
            } else if let name = template?.entityName {
                created = account.accessGroups.filter { $0.name == name }.map(\.id)
                inferred = true
            } else {
                continue
            }
            for id in created where marks[id] == nil {
                marks[id] = TemplateMark(templateID: templateID, templateName: template?.name,
                                         version: assignment.templateVersion, assignmentID: assignment.id,
                                         inferredByName: inferred)
            }
        }
        return marks
    }

    /// The collections the marks are worked out from: when one is unknown, more may be managed than is marked (and
    /// without `accessGroupAssignmentResources`, access groups are marked by name).
    package static let sources: [CollectionKind] = [
        .accessGroupTemplates, .accessGroupAssignments, .accessGroupAssignmentResources, .trustedProfiles,
        .trustedProfileAssignments, .accountSettingsTemplates, .accountSettingsAssignments, .effectiveIdentitySettings, .accessPolicies,
        .authorizationPolicies,
    ]

    /// Nothing marked: what an account holds until its marks are worked out.
    static let none = TemplateManagement(groups: [:], profiles: [:], policies: [:], settings: nil)

    private init(groups: [String: TemplateMark], profiles: [String: TemplateMark], policies: [String: TemplateMark],
                 settings: TemplateMark?) {
        self.groups = groups
        self.profiles = profiles
        self.policies = policies
        self.settings = settings
    }

    /// Whether nothing in the account is marked.
    package var isEmpty: Bool { groups.isEmpty && profiles.isEmpty && policies.isEmpty && settings == nil }

    private static func byID(_ templates: [IAMTemplate]) -> [String: IAMTemplate] {
        Dictionary(templates.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

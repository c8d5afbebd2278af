import Snapshot

/// The headline facts of a snapshot: account, time, scope, how many entities of each kind, and what is unknown.
public struct AccountSummary: Sendable {
    /// One entity kind and its count; `nil` when the collection holding it is unknown.
    public struct Row: Sendable, Equatable {
        public let label: String
        public let count: Int?
        public let note: String?
    }

    /// One thing a template manages: what (`access group`, `trusted profile`, `account settings`, `policies`), which
    /// (a name; for policies, how many), and the template.
    public struct Managed: Sendable, Equatable {
        public let what: String
        public let which: String
        public let template: TemplateMark
    }

    public let account: IAMAccount
    public let rows: [Row]
    /// What enterprise templates manage in the account: access groups, trusted profiles and the settings by name,
    /// policies counted per template and version.
    public let managed: [Managed]
    /// Collections whose content is unknown, so that more may be managed than `managed` lists.
    public let managedUnknownFrom: [CollectionKind]

    public init(_ account: IAMAccount) {
        self.account = account
        func row(_ label: String, _ kind: CollectionKind, _ count: Int, note: String? = nil) -> Row {
            account.isKnown(kind) ? Row(label: label, count: count, note: note)
                : Row(label: label, count: nil, note: account.unknown[kind]?.description)
        }
        let members = account.accessGroups.flatMap(\.members)
        let dynamic = members.filter(\.isDynamic).count
        let customRoles = account.roles.filter { $0.kind == .custom }.count
        rows = [
            row("users", .users, account.users.count),
            row("service IDs", .serviceIDs, account.serviceIDs.count),
            row("trusted profiles", .trustedProfiles, account.trustedProfiles.count),
            row("access groups", .accessGroups, account.accessGroups.count),
            row("group memberships", .accessGroupMembers, members.count, note: dynamic > 0 ? "\(dynamic) dynamic" : nil),
            row("dynamic group rules", .accessGroupRules, account.accessGroups.reduce(0) { $0 + $1.rules.count }),
            row("access policies", .accessPolicies, account.accessPolicies.count),
            row("authorization policies", .authorizationPolicies, account.authorizationPolicies.count),
            row("roles", .roles, account.roles.count, note: customRoles > 0 ? "\(customRoles) custom" : nil),
            row("policy templates", .policyTemplates, account.policyTemplates.count),
            row("policy assignments", .policyAssignments, account.policyAssignments.count),
            row("resource groups", .resourceGroups, account.resourceGroups.count),
            row("service instances", .resourceInstances, account.resourceInstances.count),
            row("API keys", .apiKeys, account.apiKeys.count),
            row("service credentials", .resourceKeys, account.resourceKeys.count),
            row("CBR network zones", .cbrZones, account.cbrZones.count),
            row("identity providers", .identityProviders, account.identityProviders.count),
            row("CBR rules", .cbrRules, account.cbrRules.count, note: Self.cbrModes(account.cbrRules)),
            row("access group templates", .accessGroupTemplates, account.accessGroupTemplates.count),
            row("access group assignments", .accessGroupAssignments, account.accessGroupAssignments.count),
            row("trusted profile templates", .trustedProfileTemplates, account.trustedProfileTemplates.count),
            row("trusted profile assignments", .trustedProfileAssignments, account.trustedProfileAssignments.count),
            row("account settings templates", .accountSettingsTemplates, account.accountSettingsTemplates.count),
            row("account settings assignments", .accountSettingsAssignments, account.accountSettingsAssignments.count),
            row("policy template versions", .policyTemplateVersions,
                account.policyTemplateVersions.values.reduce(0) { $0 + $1.count },
                note: account.policyTemplateVersions.isEmpty ? nil : "\(account.policyTemplateVersions.count) templates"),
        ]
        managed = Self.managed(account)
        managedUnknownFrom = [.accessGroupTemplates, .accessGroupAssignments, .trustedProfiles, .trustedProfileAssignments,
                              .accountSettingsTemplates, .accountSettingsAssignments, .accessPolicies,
                              .authorizationPolicies].filter { !account.isKnown($0) }
    }

    private static func managed(_ account: IAMAccount) -> [Managed] {
        let marks = account.templateManagement
        var managed: [Managed] = []
        for group in account.accessGroups {
            if let mark = marks.groups[group.id] { managed.append(Managed(what: "access group", which: group.displayName, template: mark)) }
        }
        for profile in account.trustedProfiles {
            if let mark = marks.profiles[profile.id] {
                managed.append(Managed(what: "trusted profile", which: profile.name ?? profile.id, template: mark))
            }
        }
        if let settings = marks.settings { managed.append(Managed(what: "account settings", which: "", template: settings)) }
        var policyCounts: [TemplateMark: Int] = [:]
        for mark in marks.policies.values {
            // Counted per template and version; the assignment is not part of what a reader compares.
            policyCounts[TemplateMark(templateID: mark.templateID, templateName: mark.templateName, version: mark.version), default: 0] += 1
        }
        for (mark, count) in policyCounts.sorted(by: { ($0.key.templateID, $0.key.version ?? "") < ($1.key.templateID, $1.key.version ?? "") }) {
            managed.append(Managed(what: "policies", which: count == 1 ? "1 policy" : "\(count) policies", template: mark))
        }
        return managed
    }

    /// How many rules are only reported or disabled, e.g. "2 report-only, 1 disabled"; `nil` when all are enforced.
    private static func cbrModes(_ rules: [CBRRule]) -> String? {
        let report = rules.filter { $0.enforcementMode == .report }.count
        let disabled = rules.filter { $0.enforcementMode == .disabled }.count
        let parts = [report > 0 ? "\(report) report-only" : nil, disabled > 0 ? "\(disabled) disabled" : nil].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// Collections whose content is unknown, sorted by name, with the reason.
    public var unknownCollections: [(kind: CollectionKind, reason: String)] {
        account.unknown.sorted { $0.key < $1.key }.map { ($0.key, $0.value.description) }
    }
}

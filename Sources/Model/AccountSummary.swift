import Snapshot

/// The headline facts of a snapshot: account, time, scope, how many entities of each kind, and what is unknown.
public struct AccountSummary: Sendable {
    /// One entity kind and its count; `nil` when the collection holding it is unknown.
    public struct Row: Sendable, Equatable {
        public let label: String
        public let count: Int?
        public let note: String?
    }

    public let account: IAMAccount
    public let rows: [Row]

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
        ]
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

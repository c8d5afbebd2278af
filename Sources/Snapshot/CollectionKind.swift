/// One collection of a snapshot: which API it comes from, which file holds it, and how its items are keyed.
public enum CollectionKind: String, CaseIterable, Sendable, Codable, Comparable {
    case account
    case users
    case serviceIDs = "service_ids"
    case trustedProfiles = "trusted_profiles"
    case trustedProfileLinks = "trusted_profile_links"
    case trustedProfileRules = "trusted_profile_rules"
    case trustedProfileIdentities = "trusted_profile_identities"
    case accessGroups = "access_groups"
    case accessGroupMembers = "access_group_members"
    case accessGroupRules = "access_group_rules"
    case accessGroupSettings = "access_group_settings"
    case accessPolicies = "access_policies"
    case authorizationPolicies = "authorization_policies"
    case roles
    case policyTemplates = "policy_templates"
    case policyAssignments = "policy_assignments"
    case resourceGroups = "resource_groups"
    case resourceInstances = "resource_instances"
    case apiKeys = "api_keys"
    case identitySettings = "identity_settings"
    /// Service credentials (`/v2/resource_keys`): each backed by a service ID holding a role on an instance.
    case resourceKeys = "resource_keys"
    /// Context-based restrictions: network zones, rules, and the account's CBR settings (`cbr.cloud.ibm.com`).
    case cbrZones = "cbr_zones"
    case cbrRules = "cbr_rules"
    case cbrAccountSettings = "cbr_account_settings"
    /// The account's identity providers (`/v1/idps/`: the realms trusted-profile claim rules and dynamic group rules
    /// refer to) and its login settings (`/v2/loginsettings/{account}`).
    case identityProviders = "identity_providers"
    case loginSettings = "login_settings"
    /// Enterprise-managed IAM: templates of access groups, trusted profiles and account settings, and their
    /// assignments to accounts (an enterprise account's own; in a child account forbidden or empty).
    case accessGroupTemplates = "access_group_templates"
    case accessGroupAssignments = "access_group_assignments"
    case trustedProfileTemplates = "trusted_profile_templates"
    case trustedProfileAssignments = "trusted_profile_assignments"
    case accountSettingsTemplates = "account_settings_templates"
    case accountSettingsAssignments = "account_settings_assignments"
    /// The versions of every policy template that assignments, templates or policies refer to
    /// (`/v1/policy_templates/{template}/versions`), per template id.
    case policyTemplateVersions = "policy_template_versions"

    /// How a collection's file is laid out.
    public enum Shape: Sendable {
        /// A JSON array of items sorted by the id key.
        case list
        /// A JSON object mapping a parent id to the array of that parent's items.
        case perParent
        /// The single object the API returned.
        case object
        /// `/v2/roles`: an object of three role arrays, each sorted by `crn`.
        case roles
    }

    /// The manifest key, e.g. `access_group_members`.
    public var name: String { rawValue }

    /// The file name inside the snapshot directory.
    public var fileName: String {
        switch self {
        case .accessPolicies: "policies-access.json"
        case .authorizationPolicies: "policies-authorization.json"
        case .account, .users, .serviceIDs, .trustedProfiles, .trustedProfileLinks, .trustedProfileRules,
             .trustedProfileIdentities, .accessGroups, .accessGroupMembers, .accessGroupRules, .accessGroupSettings, .roles,
             .policyTemplates, .policyAssignments, .resourceGroups, .resourceInstances, .apiKeys, .identitySettings,
             .resourceKeys, .cbrZones, .cbrRules, .cbrAccountSettings, .identityProviders, .loginSettings, .accessGroupTemplates, .accessGroupAssignments, .trustedProfileTemplates, .trustedProfileAssignments,
             .accountSettingsTemplates, .accountSettingsAssignments,
             .policyTemplateVersions:
            rawValue.replacingOccurrences(of: "_", with: "-") + ".json"
        }
    }

    public var shape: Shape {
        switch self {
        case .account, .accessGroupSettings, .identitySettings, .cbrAccountSettings, .loginSettings: .object
        case .trustedProfileLinks, .trustedProfileRules, .trustedProfileIdentities,
             .accessGroupMembers, .accessGroupRules, .policyTemplateVersions: .perParent
        case .roles: .roles
        case .users, .serviceIDs, .trustedProfiles, .accessGroups, .accessPolicies, .authorizationPolicies,
             .policyTemplates, .policyAssignments, .resourceGroups, .resourceInstances, .apiKeys, .resourceKeys, .cbrZones,
             .cbrRules, .identityProviders, .accessGroupTemplates, .accessGroupAssignments, .trustedProfileTemplates, .trustedProfileAssignments,
             .accountSettingsTemplates, .accountSettingsAssignments: .list
        }
    }

    /// The field that identifies an item; items are sorted by it and must be unique by it.
    public var idKey: String {
        switch self {
        case .users, .trustedProfileIdentities, .accessGroupMembers: "iam_id"
        case .roles: "crn"
        case .identityProviders: "idp_id"
        case .policyTemplateVersions: "version"
        case .account, .serviceIDs, .trustedProfiles, .trustedProfileLinks, .trustedProfileRules, .accessGroups,
             .accessGroupRules, .accessGroupSettings, .accessPolicies, .authorizationPolicies, .policyTemplates,
             .policyAssignments, .resourceGroups, .resourceInstances, .apiKeys, .identitySettings, .resourceKeys, .cbrZones,
             .cbrRules, .cbrAccountSettings, .loginSettings, .accessGroupTemplates, .accessGroupAssignments, .trustedProfileTemplates, .trustedProfileAssignments,
             .accountSettingsTemplates, .accountSettingsAssignments: "id"
        }
    }

    /// The collection whose ids are the parents of a per-parent collection.
    public var parent: CollectionKind? {
        switch self {
        case .trustedProfileLinks, .trustedProfileRules, .trustedProfileIdentities: .trustedProfiles
        case .accessGroupMembers, .accessGroupRules: .accessGroups
        case .account, .users, .serviceIDs, .trustedProfiles, .accessGroups, .accessGroupSettings, .accessPolicies,
             .authorizationPolicies, .roles, .policyTemplates, .policyAssignments, .resourceGroups, .resourceInstances,
             .apiKeys, .identitySettings, .resourceKeys, .cbrZones, .cbrRules, .cbrAccountSettings, .identityProviders,
             .loginSettings, .accessGroupTemplates, .accessGroupAssignments, .trustedProfileTemplates, .trustedProfileAssignments,
             .accountSettingsTemplates, .accountSettingsAssignments: nil
        // Its parents are the templates other collections refer to (`FetchStart.templateReferences`), not a listing.
        case .policyTemplateVersions: nil
        }
    }

    /// Whether a snapshot of one identity's access (scope `identity`, `fetch --identity`) holds the collection: the
    /// identity's access groups with their members and rules, its and their policies, and the roles that name what
    /// those grant.
    public var inIdentityScope: Bool {
        switch self {
        case .accessGroups, .accessGroupMembers, .accessGroupRules, .accessPolicies, .roles: true
        case .account, .users, .serviceIDs, .trustedProfiles, .trustedProfileLinks, .trustedProfileRules,
             .trustedProfileIdentities, .accessGroupSettings, .authorizationPolicies, .policyTemplates,
             .policyAssignments, .resourceGroups, .resourceInstances, .apiKeys, .identitySettings, .resourceKeys, .cbrZones,
             .cbrRules, .cbrAccountSettings, .identityProviders, .loginSettings, .accessGroupTemplates, .accessGroupAssignments, .trustedProfileTemplates, .trustedProfileAssignments,
             .accountSettingsTemplates, .accountSettingsAssignments,
             .policyTemplateVersions: false
        }
    }

    /// For collections whose items carry secrets, the fields of the item's `credentials` object that identify rather
    /// than grant and may be written; every other credential field is dropped before anything is written.
    public var keptCredentialFields: Set<String>? {
        switch self {
        case .resourceKeys:
            ["iam_apikey_description", "iam_apikey_id", "iam_apikey_name", "iam_role_crn", "iam_serviceid_crn", "redacted"]
        case .account, .users, .serviceIDs, .trustedProfiles, .trustedProfileLinks, .trustedProfileRules,
             .trustedProfileIdentities, .accessGroups, .accessGroupMembers, .accessGroupRules, .accessGroupSettings,
             .accessPolicies, .authorizationPolicies, .roles, .policyTemplates, .policyAssignments, .resourceGroups,
             .resourceInstances, .apiKeys, .identitySettings, .cbrZones, .cbrRules, .cbrAccountSettings, .identityProviders,
             .loginSettings, .accessGroupTemplates, .accessGroupAssignments, .trustedProfileTemplates, .trustedProfileAssignments,
             .accountSettingsTemplates, .accountSettingsAssignments, .policyTemplateVersions: nil
        }
    }

    /// Top-level fields of an item that hold secrets and are dropped before anything is written (an identity
    /// provider's `secrets`: client secrets and keys).
    public var droppedSecretFields: Set<String> {
        switch self {
        case .identityProviders: ["secrets"]
        case .account, .users, .serviceIDs, .trustedProfiles, .trustedProfileLinks, .trustedProfileRules,
             .trustedProfileIdentities, .accessGroups, .accessGroupMembers, .accessGroupRules, .accessGroupSettings,
             .accessPolicies, .authorizationPolicies, .roles, .policyTemplates, .policyAssignments, .resourceGroups,
             .resourceInstances, .apiKeys, .identitySettings, .resourceKeys, .cbrZones, .cbrRules, .cbrAccountSettings,
             .loginSettings, .accessGroupTemplates, .accessGroupAssignments, .trustedProfileTemplates, .trustedProfileAssignments,
             .accountSettingsTemplates, .accountSettingsAssignments, .policyTemplateVersions: []
        }
    }

    /// Whether items of this collection are policies, whose usage fields go to the volatile area.
    public var holdsPolicies: Bool { self == .accessPolicies || self == .authorizationPolicies }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

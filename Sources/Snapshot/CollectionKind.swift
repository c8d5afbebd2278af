/// One collection of a snapshot: which API it comes from, which file holds it, and how its items are keyed.
package enum CollectionKind: String, CaseIterable, Sendable, Codable, Comparable {
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
    /// The account's identity settings in effect (`/v1/accounts/{account}/effective_settings/identity`): the account's
    /// own settings merged with those an enterprise's account-settings template assigns.
    case effectiveIdentitySettings = "effective_identity_settings"
    /// Access Management's account settings (`/v1/accounts/{account}/settings/access_management`): which identities of
    /// other accounts may interact with this one.
    case accessManagementSettings = "access_management_settings"
    /// Enterprise-managed IAM: templates of access groups, trusted profiles and account settings, and their
    /// assignments to accounts (an enterprise account's own; in a child account forbidden or empty).
    case accessGroupTemplates = "access_group_templates"
    case accessGroupAssignments = "access_group_assignments"
    /// What each access group assignment to this account created here (`GET /v1/group_assignments/{assignment}` with
    /// `verbose=true`): the created access group's id, which the assignment listing does not name.
    case accessGroupAssignmentResources = "access_group_assignment_resources"
    case trustedProfileTemplates = "trusted_profile_templates"
    case trustedProfileAssignments = "trusted_profile_assignments"
    case accountSettingsTemplates = "account_settings_templates"
    case accountSettingsAssignments = "account_settings_assignments"
    /// The versions of every policy template that assignments, templates or policies refer to
    /// (`/v1/policy_templates/{template}/versions`), per template id.
    case policyTemplateVersions = "policy_template_versions"

    /// How a collection's file is laid out.
    package enum Shape: Sendable {
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
    package var name: String { rawValue }

    /// The file name inside the snapshot directory.
    package var fileName: String { Self.fileNames[self] ?? spelledFileName }

    /// Every kind's `fileName`, spelled once: reports name a file for each of hundreds of thousands of findings.
    private static let fileNames = Dictionary(allCases.map { ($0, $0.spelledFileName) }, uniquingKeysWith: { first, _ in first })

    /// The file name inside the snapshot directory, as spelled from the kind.
    private var spelledFileName: String {
        switch self {
        case .accessPolicies: "policies-access.json"
        case .authorizationPolicies: "policies-authorization.json"
        case .account, .users, .serviceIDs, .trustedProfiles, .trustedProfileLinks, .trustedProfileRules,
             .trustedProfileIdentities, .accessGroups, .accessGroupMembers, .accessGroupRules, .accessGroupSettings, .roles,
             .policyTemplates, .policyAssignments, .resourceGroups, .resourceInstances, .apiKeys, .identitySettings,
             .resourceKeys, .cbrZones, .cbrRules, .cbrAccountSettings, .identityProviders, .loginSettings,
             .effectiveIdentitySettings, .accessManagementSettings, .accessGroupTemplates, .accessGroupAssignments, .accessGroupAssignmentResources,
             .trustedProfileTemplates, .trustedProfileAssignments, .accountSettingsTemplates, .accountSettingsAssignments,
             .policyTemplateVersions:
            rawValue.replacingOccurrences(of: "_", with: "-") + ".json"
        }
    }

    package var shape: Shape {
        switch self {
        case .account, .accessGroupSettings, .identitySettings, .cbrAccountSettings, .loginSettings, .effectiveIdentitySettings,
             .accessManagementSettings: .object
        case .trustedProfileLinks, .trustedProfileRules, .trustedProfileIdentities,
             .accessGroupMembers, .accessGroupRules, .policyTemplateVersions, .accessGroupAssignmentResources: .perParent
        case .roles: .roles
        case .users, .serviceIDs, .trustedProfiles, .accessGroups, .accessPolicies, .authorizationPolicies,
             .policyTemplates, .policyAssignments, .resourceGroups, .resourceInstances, .apiKeys, .resourceKeys, .cbrZones,
             .cbrRules, .identityProviders, .accessGroupTemplates, .accessGroupAssignments, .trustedProfileTemplates,
             .trustedProfileAssignments, .accountSettingsTemplates, .accountSettingsAssignments: .list
        }
    }

    /// The field that identifies an item; items are sorted by it and must be unique by it.
    package var idKey: String {
        switch self {
        case .users, .trustedProfileIdentities, .accessGroupMembers: "iam_id"
        case .roles: "crn"
        case .identityProviders: "idp_id"
        case .policyTemplateVersions: "version"
        case .accessGroupAssignmentResources: "target"
        case .account, .serviceIDs, .trustedProfiles, .trustedProfileLinks, .trustedProfileRules, .accessGroups,
             .accessGroupRules, .accessGroupSettings, .accessPolicies, .authorizationPolicies, .policyTemplates,
             .policyAssignments, .resourceGroups, .resourceInstances, .apiKeys, .identitySettings, .resourceKeys, .cbrZones,
             .cbrRules, .cbrAccountSettings, .loginSettings, .effectiveIdentitySettings, .accessManagementSettings, .accessGroupTemplates, .accessGroupAssignments, .trustedProfileTemplates,
             .trustedProfileAssignments, .accountSettingsTemplates, .accountSettingsAssignments: "id"
        }
    }

    /// The collection whose ids are the parents of a per-parent collection.
    package var parent: CollectionKind? {
        switch self {
        case .trustedProfileLinks, .trustedProfileRules, .trustedProfileIdentities: .trustedProfiles
        case .accessGroupMembers, .accessGroupRules: .accessGroups
        case .accessGroupAssignmentResources: .accessGroupAssignments
        case .account, .users, .serviceIDs, .trustedProfiles, .accessGroups, .accessGroupSettings, .accessPolicies,
             .authorizationPolicies, .roles, .policyTemplates, .policyAssignments, .resourceGroups, .resourceInstances,
             .apiKeys, .identitySettings, .resourceKeys, .cbrZones, .cbrRules, .cbrAccountSettings, .identityProviders,
             .loginSettings, .effectiveIdentitySettings, .accessManagementSettings, .accessGroupTemplates, .accessGroupAssignments, .trustedProfileTemplates,
             .trustedProfileAssignments, .accountSettingsTemplates, .accountSettingsAssignments: nil
        // Its parents are the templates other collections refer to (`FetchStart.templateReferences`), not a listing.
        case .policyTemplateVersions: nil
        }
    }

    /// Whether a per-parent collection may lack some of its parents and still be read: its readers take a parent
    /// with no entry as "not read", never as "none". An access group assignment without resources has its groups
    /// marked by name (`TemplateManagement`), so a fetch that could not read one assignment leaves out that
    /// assignment only, with a remark. Every other per-parent collection would read a missing parent as having no
    /// members, rules, links or versions, so one failed read fails the whole collection.
    package var readsMissingParentsAsUnknown: Bool {
        switch self {
        case .accessGroupAssignmentResources: true
        case .account, .users, .serviceIDs, .trustedProfiles, .trustedProfileLinks, .trustedProfileRules,
             .trustedProfileIdentities, .accessGroups, .accessGroupMembers, .accessGroupRules, .accessGroupSettings,
             .accessPolicies, .authorizationPolicies, .roles, .policyTemplates, .policyAssignments, .resourceGroups,
             .resourceInstances, .apiKeys, .identitySettings, .resourceKeys, .cbrZones, .cbrRules, .cbrAccountSettings,
             .identityProviders, .loginSettings, .effectiveIdentitySettings, .accessManagementSettings,
             .accessGroupTemplates, .accessGroupAssignments, .trustedProfileTemplates, .trustedProfileAssignments,
             .accountSettingsTemplates, .accountSettingsAssignments, .policyTemplateVersions: false
        }
    }

    /// Whether a snapshot of one identity's access (scope `identity`, `fetch --identity`) holds the collection: the
    /// identity's access groups with their members and rules, its and their policies, and the roles that name what
    /// those grant.
    package var inIdentityScope: Bool {
        switch self {
        case .accessGroups, .accessGroupMembers, .accessGroupRules, .accessPolicies, .roles: true
        case .account, .users, .serviceIDs, .trustedProfiles, .trustedProfileLinks, .trustedProfileRules,
             .trustedProfileIdentities, .accessGroupSettings, .authorizationPolicies, .policyTemplates,
             .policyAssignments, .resourceGroups, .resourceInstances, .apiKeys, .identitySettings, .resourceKeys, .cbrZones,
             .cbrRules, .cbrAccountSettings, .identityProviders, .loginSettings, .effectiveIdentitySettings,
             .accessManagementSettings, .accessGroupTemplates, .accessGroupAssignments, .trustedProfileTemplates,
             .trustedProfileAssignments, .accountSettingsTemplates, .accountSettingsAssignments, .policyTemplateVersions,
             .accessGroupAssignmentResources: false
        }
    }

    /// For collections whose items carry secrets, the fields of the item's `credentials` object that identify rather
    /// than grant and may be written; every other credential field is dropped before anything is written.
    package var keptCredentialFields: Set<String>? {
        switch self {
        case .resourceKeys:
            ["iam_apikey_description", "iam_apikey_id", "iam_apikey_name", "iam_role_crn", "iam_serviceid_crn", "redacted"]
        case .account, .users, .serviceIDs, .trustedProfiles, .trustedProfileLinks, .trustedProfileRules,
             .trustedProfileIdentities, .accessGroups, .accessGroupMembers, .accessGroupRules, .accessGroupSettings,
             .accessPolicies, .authorizationPolicies, .roles, .policyTemplates, .policyAssignments, .resourceGroups,
             .resourceInstances, .apiKeys, .identitySettings, .cbrZones, .cbrRules, .cbrAccountSettings, .identityProviders,
             .loginSettings, .effectiveIdentitySettings, .accessManagementSettings, .accessGroupTemplates, .accessGroupAssignments, .trustedProfileTemplates,
             .trustedProfileAssignments, .accountSettingsTemplates, .accountSettingsAssignments,
             .policyTemplateVersions, .accessGroupAssignmentResources: nil
        }
    }

    /// Top-level fields of an item that hold secrets and are dropped before anything is written (an identity
    /// provider's `secrets`: client secrets and keys).
    package var droppedSecretFields: Set<String> {
        switch self {
        case .identityProviders: ["secrets"]
        case .account, .users, .serviceIDs, .trustedProfiles, .trustedProfileLinks, .trustedProfileRules,
             .trustedProfileIdentities, .accessGroups, .accessGroupMembers, .accessGroupRules, .accessGroupSettings,
             .accessPolicies, .authorizationPolicies, .roles, .policyTemplates, .policyAssignments, .resourceGroups,
             .resourceInstances, .apiKeys, .identitySettings, .resourceKeys, .cbrZones, .cbrRules, .cbrAccountSettings,
             .loginSettings, .effectiveIdentitySettings, .accessManagementSettings, .accessGroupTemplates, .accessGroupAssignments, .trustedProfileTemplates,
             .trustedProfileAssignments, .accountSettingsTemplates, .accountSettingsAssignments,
             .policyTemplateVersions, .accessGroupAssignmentResources: []
        }
    }

    /// Whether an object with an `iam_id` in the collection is that identity (a user, a member), rather than
    /// something an identity owns (an API key names its owner's `iam_id`): `--redact` pseudonymises it as an identity.
    package var namesIdentities: Bool {
        switch self {
        case .users, .serviceIDs, .trustedProfiles, .accessGroupMembers, .trustedProfileIdentities: true
        case .account, .trustedProfileLinks, .trustedProfileRules, .accessGroups, .accessGroupRules,
             .accessGroupSettings, .accessPolicies, .authorizationPolicies, .roles, .policyTemplates,
             .policyAssignments, .resourceGroups, .resourceInstances, .apiKeys, .identitySettings, .resourceKeys,
             .cbrZones, .cbrRules, .cbrAccountSettings, .identityProviders, .loginSettings, .effectiveIdentitySettings,
             .accessManagementSettings, .accessGroupTemplates, .accessGroupAssignments, .trustedProfileTemplates,
             .trustedProfileAssignments, .accountSettingsTemplates, .accountSettingsAssignments, .policyTemplateVersions,
             .accessGroupAssignmentResources: false
        }
    }

    /// The prefix of the pseudonyms `--redact` gives the collection's entities (`user-…`, `group-…`).
    package var pseudonymPrefix: String {
        switch self {
        case .account: "account"
        case .users: "user"
        case .serviceIDs: "serviceid"
        case .trustedProfiles, .trustedProfileIdentities: "profile"
        case .accessGroups, .accessGroupMembers, .accessGroupSettings: "group"
        case .resourceGroups: "resourcegroup"
        case .resourceInstances: "instance"
        case .apiKeys: "apikey"
        case .accessGroupRules, .trustedProfileRules: "rule"
        case .trustedProfileLinks: "link"
        case .policyTemplates, .policyTemplateVersions, .accessGroupTemplates, .trustedProfileTemplates,
             .accountSettingsTemplates: "template"
        case .policyAssignments, .accessGroupAssignments, .accessGroupAssignmentResources, .trustedProfileAssignments,
             .accountSettingsAssignments:
            "assignment"
        case .accessPolicies, .authorizationPolicies: "policy"
        case .roles: "role"
        case .identitySettings, .cbrAccountSettings, .loginSettings, .effectiveIdentitySettings, .accessManagementSettings:
            "setting"
        case .resourceKeys: "credential"
        case .cbrZones: "zone"
        case .cbrRules: "cbrrule"
        case .identityProviders: "idp"
        }
    }

    /// Where the collection comes from (for a per-parent collection, the list of one parent's items).
    package var endpoint: CollectionEndpoint {
        typealias Parameter = CollectionEndpoint.Parameter
        typealias Pager = CollectionEndpoint.SDKCall.Pager
        let account = Parameter.accountID
        switch self {
        case .account:
            return CollectionEndpoint(api: "accounts", path: "/v4/accounts/{account}",
                                      sdk: .accounts(method: "get_account", model: "AccountResponse"))
        case .users:
            // `include_settings`: each user's IP allowlist and self-managed login, part of a review.
            return CollectionEndpoint(api: "user-management", path: "/v2/accounts/{account}/users",
                                      query: [Parameter("include_settings", "true", use: .reveals(field: "settings"))],
                                      itemsKey: "resources", paging: .nextURL(parameter: "_start"),
                                      sdk: .init(module: "user_management_v1", client: "UserManagementV1", method: "list_users",
                                                 model: "UserList", pager: Pager("UsersPager", itemModel: "UserProfile")))
        case .serviceIDs:
            return CollectionEndpoint(api: "iam-identity", path: "/v1/serviceids/", query: [account], itemsKey: "serviceids",
                                      paging: .pageToken, sdk: .identity(method: "list_service_ids", model: "ServiceIdList"))
        case .trustedProfiles:
            return CollectionEndpoint(api: "iam-identity", path: "/v1/profiles", query: [account], itemsKey: "profiles",
                                      paging: .pageToken, sdk: .identity(method: "list_profiles", model: "TrustedProfilesList"))
        case .trustedProfileLinks:
            return CollectionEndpoint(api: "iam-identity", path: "/v1/profiles/{profile}/links", itemsKey: "links",
                                      sdk: .identity(method: "list_links", model: "ProfileLinkList", parentArgument: "profile_id"))
        case .trustedProfileRules:
            return CollectionEndpoint(api: "iam-identity", path: "/v1/profiles/{profile}/rules", itemsKey: "rules",
                                      sdk: .identity(method: "list_claim_rules", model: "ProfileClaimRuleList",
                                                     parentArgument: "profile_id"))
        case .trustedProfileIdentities:
            return CollectionEndpoint(api: "iam-identity", path: "/v1/profiles/{profile}/identities", itemsKey: "identities",
                                      sdk: .identity(method: "get_profile_identities", model: "ProfileIdentitiesResponse",
                                                     parentArgument: "profile_id"))
        case .accessGroups:
            return CollectionEndpoint(api: "iam-access-groups", path: "/v2/groups",
                                      query: [account, Parameter("show_federated", "true")], itemsKey: "groups", paging: .offset,
                                      sdk: .accessGroups(method: "list_access_groups", model: "GroupsList",
                                                         pager: Pager("AccessGroupsPager", itemModel: "Group")))
        case .accessGroupMembers:
            return CollectionEndpoint(api: "iam-access-groups", path: "/v2/groups/{group}/members",
                                      query: [Parameter("membership_type", "all"), Parameter("verbose", "true")],
                                      itemsKey: "members", paging: .offset,
                                      sdk: .accessGroups(method: "list_access_group_members", model: "GroupMembersList",
                                                         pager: Pager("AccessGroupMembersPager",
                                                                      itemModel: "ListGroupMembersResponseMember"),
                                                         parentArgument: "access_group_id"))
        case .accessGroupRules:
            return CollectionEndpoint(api: "iam-access-groups", path: "/v2/groups/{group}/rules", query: [account],
                                      itemsKey: "rules",
                                      sdk: .accessGroups(method: "list_access_group_rules", model: "RulesList",
                                                         parentArgument: "access_group_id"))
        case .accessGroupSettings:
            return CollectionEndpoint(api: "iam-access-groups", path: "/v2/groups/settings", query: [account],
                                      sdk: .accessGroups(method: "get_account_settings", model: "AccountSettings"))
        case .accessPolicies:
            return Self.policies(type: "access")
        case .authorizationPolicies:
            return Self.policies(type: "authorization")
        case .roles:
            return CollectionEndpoint(api: "iam-access-management", path: "/v2/roles", query: [account])
        case .policyTemplates:
            return CollectionEndpoint(api: "iam-access-management", path: "/v1/policy_templates", query: [account],
                                      itemsKey: "policy_templates", paging: .start,
                                      sdk: .policyManagement(method: "list_policy_templates", model: "PolicyTemplateCollection",
                                                             pager: Pager("PolicyTemplatesPager", itemModel: "PolicyTemplate")))
        case .policyAssignments:
            // `version` is required: the response format (1.0: `template` nested as `{id, version}`).
            return CollectionEndpoint(api: "iam-access-management", path: "/v1/policy_assignments",
                                      query: [account, Parameter("version", "1.0", use: .required)], itemsKey: "assignments",
                                      paging: .start,
                                      sdk: .policyManagement(method: "list_policy_assignments",
                                                             model: "PolicyTemplateAssignmentCollection",
                                                             pager: Pager("PolicyAssignmentsPager",
                                                                          itemModel: "PolicyTemplateAssignmentItemsPolicyAssignmentV1")))
        case .resourceGroups:
            return CollectionEndpoint(api: "resource-manager", path: "/v2/resource_groups", query: [account],
                                      itemsKey: "resources",
                                      sdk: .init(module: "resource_manager_v2", client: "ResourceManagerV2",
                                                 method: "list_resource_groups", model: "ResourceGroupList"))
        case .resourceInstances:
            return CollectionEndpoint(api: "resource-controller", path: "/v2/resource_instances", itemsKey: "resources",
                                      paging: .nextURL(parameter: "start"),
                                      sdk: .resourceController(method: "list_resource_instances", model: "ResourceInstancesList",
                                                               pager: Pager("ResourceInstancesPager", itemModel: "ResourceInstance")))
        case .apiKeys:
            return CollectionEndpoint(api: "iam-identity", path: "/v1/apikeys", query: [account, Parameter("scope", "account")],
                                      itemsKey: "apikeys", paging: .pageToken,
                                      sdk: .identity(method: "list_api_keys", model: "ApiKeyList"))
        case .identitySettings:
            return CollectionEndpoint(api: "iam-identity", path: "/v1/accounts/{account}/settings/identity",
                                      sdk: .identity(method: "get_account_settings", model: "AccountSettingsResponse"))
        case .resourceKeys:
            return CollectionEndpoint(api: "resource-controller", path: "/v2/resource_keys", itemsKey: "resources",
                                      paging: .nextURL(parameter: "start"),
                                      sdk: .resourceController(method: "list_resource_keys", model: "ResourceKeysList",
                                                               pager: Pager("ResourceKeysPager", itemModel: "ResourceKey")))
        case .cbrZones:
            return CollectionEndpoint(api: "context-based-restrictions", path: "/v1/zones", query: [.requiredAccountID],
                                      itemsKey: "zones", countKey: "count",
                                      sdk: .contextBasedRestrictions(method: "list_zones", model: "ZoneList"))
        case .cbrRules:
            return CollectionEndpoint(api: "context-based-restrictions", path: "/v1/rules", query: [.requiredAccountID],
                                      itemsKey: "rules", countKey: "count",
                                      sdk: .contextBasedRestrictions(method: "list_rules", model: "RuleList"))
        case .cbrAccountSettings:
            return CollectionEndpoint(api: "context-based-restrictions", path: "/v1/account_settings/{account}",
                                      sdk: .contextBasedRestrictions(method: "get_account_settings", model: "AccountSettings"))
        case .identityProviders:
            return CollectionEndpoint(api: "iam-identity", path: "/v1/idps/", query: [account], itemsKey: "idps",
                                      sdk: .identity(method: "list_idps", model: "ListIdpsResponse"))
        case .loginSettings:
            return CollectionEndpoint(api: "iam-identity", path: "/v2/loginsettings/{account}",
                                      sdk: .identity(method: "get_login_settings", model: "AccountLoginSettings"))
        case .effectiveIdentitySettings:
            return CollectionEndpoint(api: "iam-identity", path: "/v1/accounts/{account}/effective_settings/identity",
                                      sdk: .identity(method: "get_effective_account_settings",
                                                     model: "EffectiveAccountSettingsResponse"))
        case .accessManagementSettings:
            return CollectionEndpoint(api: "iam-access-management", path: "/v1/accounts/{account}/settings/access_management",
                                      sdk: .policyManagement(method: "get_settings", model: "AccountSettingsAccessManagement"))
        case .accessGroupTemplates:
            return CollectionEndpoint(api: "iam-access-groups", path: "/v1/group_templates", query: [.requiredAccountID],
                                      itemsKey: "group_templates", paging: .offset,
                                      sdk: .accessGroups(method: "list_templates", model: "ListTemplatesResponse",
                                                         pager: Pager("TemplatesPager", itemModel: "GroupTemplate")))
        case .accessGroupAssignments:
            return CollectionEndpoint(api: "iam-access-groups", path: "/v1/group_assignments", query: [.requiredAccountID],
                                      itemsKey: "assignments", paging: .offset,
                                      sdk: .accessGroups(method: "list_assignments", model: "ListTemplateAssignmentResponse"))
        case .accessGroupAssignmentResources:
            // `verbose=true`: only then does the answer list the assignment's `resources`, one per target account; the
            // access group it created there is `group.group.resource`. An answer without resources (an assignment
            // still running) is an empty list.
            return CollectionEndpoint(api: "iam-access-groups", path: "/v1/group_assignments/{assignment}",
                                      query: [Parameter("verbose", "true")], itemsKey: "resources", itemsMayBeAbsent: true,
                                      sdk: .accessGroups(method: "get_assignment", model: "TemplateAssignmentVerboseResponse",
                                                         parentArgument: "assignment_id"))
        case .trustedProfileTemplates:
            return CollectionEndpoint(api: "iam-identity", path: "/v1/profile_templates", query: [.requiredAccountID],
                                      itemsKey: "profile_templates", paging: .limitPageToken,
                                      sdk: .identity(method: "list_profile_templates", model: "TrustedProfileTemplateList"))
        case .trustedProfileAssignments:
            return CollectionEndpoint(api: "iam-identity", path: "/v1/profile_assignments/", query: [.requiredAccountID],
                                      itemsKey: "assignments", paging: .limitPageToken,
                                      sdk: .identity(method: "list_trusted_profile_assignments",
                                                     model: "TemplateAssignmentListResponse"))
        case .accountSettingsTemplates:
            return CollectionEndpoint(api: "iam-identity", path: "/v1/account_settings_templates", query: [.requiredAccountID],
                                      itemsKey: "account_settings_templates", paging: .limitPageToken,
                                      sdk: .identity(method: "list_account_settings_templates",
                                                     model: "AccountSettingsTemplateList"))
        case .accountSettingsAssignments:
            return CollectionEndpoint(api: "iam-identity", path: "/v1/account_settings_assignments/",
                                      query: [.requiredAccountID], itemsKey: "assignments", paging: .limitPageToken,
                                      sdk: .identity(method: "list_account_settings_assignments",
                                                     model: "TemplateAssignmentListResponse"))
        case .policyTemplateVersions:
            return CollectionEndpoint(api: "iam-access-management", path: "/v1/policy_templates/{template}/versions",
                                      itemsKey: "versions", paging: .start,
                                      sdk: .policyManagement(method: "list_policy_template_versions",
                                                             model: "PolicyTemplateVersionsCollection",
                                                             pager: Pager("PolicyTemplateVersionsPager", itemModel: "PolicyTemplate"),
                                                             parentArgument: "policy_template_id"))
        }
    }

    /// v2 policies of a type, with usage fields (checked against the SDK by hand: v1 and v2 listings of each type).
    private static func policies(type: String) -> CollectionEndpoint {
        CollectionEndpoint(api: "iam-access-management", path: "/v2/policies",
                           query: [.accountID, .init("type", type), .init("format", "include_last_permit")],
                           itemsKey: "policies", paging: .start)
    }

    /// Whether items of this collection are policies, whose usage fields go to the volatile area.
    package var holdsPolicies: Bool { self == .accessPolicies || self == .authorizationPolicies }

    package static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

import Snapshot

/// The stable id of a findings rule, with what the rule means, how severe it is, how to fix what it finds, and which
/// collections it reads. The ids are part of iamgraph's interface (SARIF, `--fail-on`, docs/findings.md): never
/// rename one.
public enum RuleID: String, Sendable, Hashable, Codable, CaseIterable {
    case collectionUnknown = "collection-unknown"
    case publicAccessPolicy = "public-access-policy"
    case policyOnMissingInstance = "policy-on-missing-instance"
    case authorizationOnMissingInstance = "authorization-on-missing-instance"
    case instanceWithoutGroupAccess = "instance-without-group-access"
    case policyNeverUsed = "policy-never-used"
    case policyInactive = "policy-inactive"
    case policyOnUser = "policy-on-user"
    case serviceIDKeyWithoutAccess = "service-id-key-without-access"
    case identityInactive = "identity-inactive"
    case apiKeyInactive = "api-key-inactive"
    case accountAdministrator = "account-administrator"
    case canAssignAccess = "can-assign-access"
    case userInNoGroup = "user-in-no-group"
    case serviceIDInNoGroup = "service-id-in-no-group"
    case profileInNoGroup = "profile-in-no-group"
    case profileUnassumable = "profile-unassumable"
    case groupWithoutReaderOrViewer = "group-without-reader-or-viewer"
    case groupWithoutRegionOrResourceGroup = "group-without-region-or-resource-group"
    case groupWithoutService = "group-without-service"
    case emptyAccessGroup = "empty-access-group"
    case accessGroupWithoutPolicies = "access-group-without-policies"
    case policyUsesWildcard = "policy-uses-wildcard"
    case customRoleUnused = "custom-role-unused"
    case policyForeignAccount = "policy-foreign-account"
    case apiKeyNotRotated = "api-key-not-rotated"
    case ownerAPIKey = "owner-api-key"
    case apiKeyCreationUnrestricted = "api-key-creation-unrestricted"
    case accountMFANotEnforced = "account-mfa-not-enforced"
    case userWithoutMFA = "user-without-mfa"
    case noSupportAccessGroup = "no-support-access-group"
    case tooManyAdministrators = "too-many-administrators"
    case tooManyAdministratorServiceIDs = "too-many-administrator-service-ids"
    case cbrReportOnly = "cbr-report-only"
    case privilegeEscalation = "privilege-escalation"
    case serviceCredentialUnused = "service-credential-unused"

    /// How severe the rule's findings are (SARIF's `defaultConfiguration.level`).
    public var severity: Severity {
        switch self {
        case .publicAccessPolicy, .ownerAPIKey, .accountMFANotEnforced, .privilegeEscalation: .error
        case .collectionUnknown, .policyOnMissingInstance, .authorizationOnMissingInstance, .instanceWithoutGroupAccess,
             .policyForeignAccount, .policyNeverUsed, .policyOnUser, .serviceIDKeyWithoutAccess, .identityInactive,
             .apiKeyInactive, .accountAdministrator, .apiKeyNotRotated, .apiKeyCreationUnrestricted, .userWithoutMFA,
             .tooManyAdministrators, .tooManyAdministratorServiceIDs, .cbrReportOnly, .serviceCredentialUnused: .warning
        case .policyInactive, .canAssignAccess, .noSupportAccessGroup, .userInNoGroup, .serviceIDInNoGroup,
             .profileInNoGroup, .profileUnassumable, .groupWithoutReaderOrViewer, .groupWithoutRegionOrResourceGroup,
             .groupWithoutService, .emptyAccessGroup, .accessGroupWithoutPolicies, .policyUsesWildcard,
             .customRoleUnused: .note
        }
    }

    /// A short title, the same for every finding of the rule.
    public var title: String {
        switch self {
        case .collectionUnknown: "Collection the snapshot could not read"
        case .publicAccessPolicy: "Policy on the Public Access group"
        case .policyOnMissingInstance: "Policy on a service instance that does not exist"
        case .authorizationOnMissingInstance: "Authorization with a service instance that does not exist"
        case .instanceWithoutGroupAccess: "Service instance no access-group policy reaches"
        case .policyNeverUsed: "Policy never used"
        case .policyInactive: "Policy not used recently"
        case .policyOnUser: "Policy assigned directly to a user"
        case .serviceIDKeyWithoutAccess: "Service ID with API keys but no access"
        case .identityInactive: "Identity inactive"
        case .apiKeyInactive: "API key inactive"
        case .accountAdministrator: "Account administrator"
        case .canAssignAccess: "Can assign access"
        case .userInNoGroup: "User in no access group"
        case .serviceIDInNoGroup: "Service ID in no access group"
        case .profileInNoGroup: "Trusted profile in no access group"
        case .profileUnassumable: "Trusted profile nothing can assume"
        case .groupWithoutReaderOrViewer: "Access group without a Reader or Viewer policy"
        case .groupWithoutRegionOrResourceGroup: "Access group whose policies name neither a region nor a resource group"
        case .groupWithoutService: "Access group whose policies name no service"
        case .emptyAccessGroup: "Access group without members"
        case .accessGroupWithoutPolicies: "Access group without policies"
        case .policyUsesWildcard: "Policy using wildcards"
        case .customRoleUnused: "Custom role no policy uses"
        case .policyForeignAccount: "Policy on another account's resources"
        case .apiKeyNotRotated: "API key not rotated"
        case .ownerAPIKey: "API key of the account owner"
        case .apiKeyCreationUnrestricted: "Anyone may create API keys or service IDs"
        case .accountMFANotEnforced: "MFA not required at account level"
        case .userWithoutMFA: "User without MFA"
        case .noSupportAccessGroup: "No support access group"
        case .tooManyAdministrators: "More account administrators than the limit"
        case .tooManyAdministratorServiceIDs: "More administrator service IDs than the limit"
        case .cbrReportOnly: "Sensitive service protected only by a report-only network restriction"
        case .privilegeEscalation: "Can become account administrator"
        case .serviceCredentialUnused: "Service credential with Manager or Writer not used recently"
        }
    }

    /// What a finding of the rule means.
    public var summary: String {
        switch self {
        case .collectionUnknown:
            "The fetch could not read this collection (forbidden, failed or missing), so rules that need it were not evaluated or are incomplete: their silence is not a clean bill."
        case .publicAccessPolicy:
            "A policy on the Public Access group grants its roles to everyone, unauthenticated users included."
        case .policyOnMissingInstance:
            "An access policy names a service instance (serviceInstance) that is not among the account's resource instances, usually a deleted one."
        case .authorizationOnMissingInstance:
            "A service-to-service authorization names a source or target service instance of this account that does not exist."
        case .instanceWithoutGroupAccess:
            "No access-group policy reaches the instance: not one naming it, nor one on its service, its resource group, all IAM-enabled services or the account. Only direct policies, if any, give access to it."
        case .policyNeverUsed:
            "IAM has no record of the policy ever permitting a request (no last_permit_at)."
        case .policyInactive:
            "The policy last permitted a request more than --inactive-days days before the report's time."
        case .policyOnUser:
            "The policy is assigned to a user directly; IBM recommends granting access through access groups."
        case .serviceIDKeyWithoutAccess:
            "The service ID has API keys, but no policy reaches it (directly, through access groups or through trusted profiles)."
        case .identityInactive:
            "The activity report lists the user, service ID or trusted profile as not having authenticated for --inactive-days days (or ever)."
        case .apiKeyInactive:
            "The activity report lists the API key as not having authenticated for --key-unused-days days (default 180, the CIS benchmark's), or ever."
        case .accountAdministrator:
            "The identity holds Administrator on all account management services or on all IAM-enabled services, directly, through access groups or through a trusted profile."
        case .canAssignAccess:
            "The identity can assign access to others: it is the account owner, or holds Administrator on some scope (all IAM-enabled services, a service, a resource group, an instance, IAM Access Management or Access Groups)."
        case .userInNoGroup: "The user is a member of no access group."
        case .serviceIDInNoGroup: "The service ID is a member of no access group."
        case .profileInNoGroup: "The trusted profile is a member of no access group."
        case .profileUnassumable:
            "The trusted profile has no claim rules, no compute-resource links and no identities allowed to assume it, so nothing can use it."
        case .groupWithoutReaderOrViewer:
            "None of the group's policies grants the Viewer platform role or the Reader service role."
        case .groupWithoutRegionOrResourceGroup:
            "None of the group's policies is narrowed to a region or a resource group."
        case .groupWithoutService:
            "None of the group's policies names a service (serviceName)."
        case .emptyAccessGroup:
            "The group has no members and no dynamic rules that could add any."
        case .accessGroupWithoutPolicies:
            "The group has no access policies: membership grants nothing."
        case .policyUsesWildcard:
            "The policy's resource attributes use stringMatch wildcards (* or ?), so it also covers resources created later whose names match."
        case .customRoleUnused:
            "No policy grants the account's custom role."
        case .policyForeignAccount:
            "The policy's accountId resource attribute names another account (or excludes this one), so it grants nothing here: a copied or mistyped policy, or one meant for another account."
        case .apiKeyNotRotated:
            "The API key was created --key-max-age-days days (default 90) or more before the report's time and is not disabled."
        case .ownerAPIKey:
            "The account owner has an API key: it carries the owner's access to everything in the account."
        case .apiKeyCreationUnrestricted:
            "The identity settings do not restrict creating user API keys or service IDs (restrict_create_platform_apikey, restrict_create_service_id), so every user may create them."
        case .accountMFANotEnforced:
            "The account's MFA setting (identity settings) is NONE or NONE_NO_ROPC: logins need no second factor."
        case .userWithoutMFA:
            "The user needs no second factor at login: the MFA report (fetch --with-mfa-report) says the user's enrolment does not comply, or, for users it does not list, the user's MFA setting (else the account's) requires none."
        case .noSupportAccessGroup:
            "No access group has a policy on the Support Center (serviceName support) to manage support cases."
        case .tooManyAdministrators:
            "More users hold administrator privileges (as account-administrator defines them) than --max-admins allows."
        case .tooManyAdministratorServiceIDs:
            "More service IDs hold administrator privileges (as account-administrator defines them) than --max-admin-service-ids allows."
        case .cbrReportOnly:
            "A context-based-restrictions rule covering a sensitive service (keys, secrets, data, clusters, IAM) is in report mode and no enforced rule covers the same instances: requests from any network are allowed and only reported."
        case .privilegeEscalation:
            "The identity is not an account administrator, but can become one by using the access it holds on IAM itself: adding itself to an access group, creating an API key for a service ID, editing a trusted profile's trust, assigning itself access, or running a workload a trusted profile trusts. The why lists its shortest path step by step (docs/escalation.md)."
        case .serviceCredentialUnused:
            "A service credential (resource key) grants Manager or Writer on its instance, and the identity behind it, its API key or its service ID, has not authenticated for --key-unused-days days (the activity report of fetch --with-activity). A credential that names neither is reported too: its use cannot be checked."
        }
    }

    /// How to fix what the rule finds.
    public var fix: String {
        switch self {
        case .collectionUnknown:
            "Fetch again with credentials that may read the collection (Viewer on all account management services, Viewer + Reader on all IAM-enabled services)."
        case .publicAccessPolicy:
            "Remove the policy unless the resource is meant to be public; grant the access to an access group instead."
        case .policyOnMissingInstance: "Delete the policy: the instance it names is gone."
        case .authorizationOnMissingInstance: "Delete the authorization: the instance it names is gone."
        case .instanceWithoutGroupAccess:
            "Give the team that runs the instance access through an access group (a policy on the instance, its service or its resource group)."
        case .policyNeverUsed: "Check whether the access is still needed; delete the policy if not."
        case .policyInactive: "Check whether the access is still needed; delete the policy if not."
        case .policyOnUser: "Move the access to an access group and add the user to it."
        case .serviceIDKeyWithoutAccess: "Delete the API keys (or the service ID) if nothing uses them."
        case .identityInactive: "Remove the user from the account, or delete the service ID or trusted profile, if it is no longer needed."
        case .apiKeyInactive: "Delete or disable the API key if nothing uses it."
        case .accountAdministrator: "Keep the number of administrators small; review the list regularly."
        case .canAssignAccess: "Keep Administrator roles to the people who need to manage access; review the list regularly."
        case .userInNoGroup: "Add the user to the access groups of their team, or remove the user from the account."
        case .serviceIDInNoGroup: "Grant the service ID's access through an access group, or delete it if unused."
        case .profileInNoGroup: "Grant the profile's access through an access group."
        case .profileUnassumable: "Add a claim rule, a compute-resource link or an identity, or delete the profile."
        case .groupWithoutReaderOrViewer:
            "Check that the group's members can see what they work on: most roles are meant to be combined with Viewer or Reader."
        case .groupWithoutRegionOrResourceGroup: "Narrow the policies to the resource groups (or regions) the team works in."
        case .groupWithoutService: "Narrow the policies to the services the team uses."
        case .emptyAccessGroup: "Delete the group, or add the members it was meant for."
        case .accessGroupWithoutPolicies: "Add the policies the group was meant for, or delete it."
        case .policyUsesWildcard: "Check that the pattern matches only what it should; prefer exact names."
        case .customRoleUnused: "Delete the custom role if it is no longer needed."
        case .policyForeignAccount: "Delete the policy, or re-create it in the account it was meant for with that account's id."
        case .apiKeyNotRotated: "Create a new key, replace the old one wherever it is used, then delete the old key."
        case .ownerAPIKey: "Delete the owner's API keys; automate with a service ID or a trusted profile instead."
        case .apiKeyCreationUnrestricted:
            "In Access (IAM) > Settings, restrict API key creation and service ID creation; grant the right to create them by policy."
        case .accountMFANotEnforced: "Require MFA for all users in Access (IAM) > Settings > Authentication."
        case .userWithoutMFA: "Require MFA for the user (or the whole account) and have the user enrol."
        case .noSupportAccessGroup:
            "Create an access group with Editor (or Viewer) on the Support Center and add the people who handle support cases."
        case .tooManyAdministrators, .tooManyAdministratorServiceIDs:
            "Remove administrator privileges that are not needed; grant narrower roles through access groups."
        case .cbrReportOnly:
            "Once the rule's reports show no legitimate requests from outside its zones, set its enforcement mode to enabled."
        case .privilegeEscalation:
            "Break the path at its first step: narrow the policy that enables it (to the groups, service IDs or profiles it is meant for, or to a role without the action), or make the target less privileged."
        case .serviceCredentialUnused: "Delete the credential if nothing uses it; otherwise give it the least role that works (Reader)."
        }
    }

    /// Collections without which the rule cannot be evaluated: when one is unknown, the rule is skipped.
    public var requires: Set<CollectionKind> {
        switch self {
        case .collectionUnknown, .identityInactive, .apiKeyInactive: []
        case .publicAccessPolicy, .policyNeverUsed, .policyInactive, .policyOnUser, .policyUsesWildcard,
             .policyForeignAccount: [.accessPolicies]
        case .policyOnMissingInstance, .instanceWithoutGroupAccess: [.accessPolicies, .resourceInstances]
        case .authorizationOnMissingInstance: [.authorizationPolicies, .resourceInstances]
        case .serviceIDKeyWithoutAccess:
            [.apiKeys, .serviceIDs, .accessPolicies, .accessGroups, .accessGroupMembers, .trustedProfileIdentities]
        case .accountAdministrator, .canAssignAccess: [.accessPolicies, .accessGroups, .accessGroupMembers]
        case .userInNoGroup: [.users, .accessGroups, .accessGroupMembers]
        case .serviceIDInNoGroup: [.serviceIDs, .accessGroups, .accessGroupMembers]
        case .profileInNoGroup: [.trustedProfiles, .accessGroups, .accessGroupMembers]
        case .profileUnassumable:
            [.trustedProfiles, .trustedProfileLinks, .trustedProfileRules, .trustedProfileIdentities]
        case .groupWithoutReaderOrViewer, .groupWithoutRegionOrResourceGroup, .groupWithoutService,
             .accessGroupWithoutPolicies: [.accessGroups, .accessPolicies]
        case .emptyAccessGroup: [.accessGroups, .accessGroupMembers, .accessGroupRules]
        case .customRoleUnused: [.roles, .accessPolicies]
        case .apiKeyNotRotated: [.apiKeys]
        case .ownerAPIKey: [.apiKeys, .account]
        case .apiKeyCreationUnrestricted, .accountMFANotEnforced: [.identitySettings]
        case .userWithoutMFA: [.users, .identitySettings]
        case .noSupportAccessGroup: [.accessGroups, .accessPolicies]
        case .tooManyAdministrators, .tooManyAdministratorServiceIDs: [.accessPolicies, .accessGroups, .accessGroupMembers]
        case .cbrReportOnly: [.cbrRules]
        case .privilegeEscalation: [.accessPolicies, .accessGroups, .accessGroupMembers]
        case .serviceCredentialUnused: [.resourceKeys]
        }
    }

    /// Collections the rule also reads: when one is unknown, the rule runs but may miss findings.
    public var alsoReads: Set<CollectionKind> {
        switch self {
        case .policyNeverUsed, .policyInactive, .policyUsesWildcard, .customRoleUnused, .policyForeignAccount:
            [.authorizationPolicies]
        case .policyOnUser: [.users]
        case .accountAdministrator, .tooManyAdministrators, .tooManyAdministratorServiceIDs: [.trustedProfileIdentities]
        case .canAssignAccess: [.trustedProfileIdentities, .account]
        case .cbrReportOnly: [.resourceInstances, .cbrZones]
        case .privilegeEscalation:
            [.roles, .serviceIDs, .trustedProfiles, .trustedProfileLinks, .trustedProfileIdentities, .resourceInstances, .account]
        case .collectionUnknown, .publicAccessPolicy, .policyOnMissingInstance, .authorizationOnMissingInstance,
             .instanceWithoutGroupAccess, .serviceIDKeyWithoutAccess, .identityInactive, .apiKeyInactive, .userInNoGroup,
             .serviceIDInNoGroup, .profileInNoGroup, .profileUnassumable, .groupWithoutReaderOrViewer,
             .groupWithoutRegionOrResourceGroup, .groupWithoutService, .emptyAccessGroup, .accessGroupWithoutPolicies,
             .apiKeyNotRotated, .ownerAPIKey, .apiKeyCreationUnrestricted, .accountMFANotEnforced, .userWithoutMFA,
             .noSupportAccessGroup, .serviceCredentialUnused: []
        }
    }
}

extension RuleID {
    /// The one registry of evaluators: how the report evaluates this rule. The switch is exhaustive, so a new `RuleID`
    /// does not compile until it has its evaluator, and no rule can be listed in the report without being run.
    /// `nil` only for `collection-unknown`, which the report itself produces from the snapshot's unknown collections.
    var rule: FindingRule? {
        switch self {
        case .collectionUnknown: nil
        case .publicAccessPolicy: FindingRule(findings: PolicyFindings.publicAccessPolicies)
        case .policyOnMissingInstance: FindingRule(findings: InstanceFindings.policiesOnMissingInstances)
        case .authorizationOnMissingInstance: FindingRule(findings: InstanceFindings.authorizationsOnMissingInstances)
        case .instanceWithoutGroupAccess: FindingRule(findings: InstanceFindings.instancesWithoutGroupAccess)
        case .policyNeverUsed: FindingRule(PolicyUsageFindings.neverUsedPolicies)
        case .policyInactive: FindingRule(PolicyUsageFindings.inactivePolicies)
        case .policyOnUser: FindingRule(findings: PolicyFindings.policiesOnUsers)
        case .serviceIDKeyWithoutAccess: FindingRule(findings: IdentityFindings.serviceIDKeysWithoutAccess)
        case .identityInactive: FindingRule(ActivityFindings.inactiveIdentities)
        case .apiKeyInactive: FindingRule(ActivityFindings.inactiveAPIKeys)
        case .accountAdministrator: FindingRule(findings: AdministrationFindings.administrators)
        case .canAssignAccess: FindingRule(findings: AdministrationFindings.accessAssigners)
        case .userInNoGroup: FindingRule(findings: IdentityFindings.usersInNoGroup)
        case .serviceIDInNoGroup: FindingRule(findings: IdentityFindings.serviceIDsInNoGroup)
        case .profileInNoGroup: FindingRule(findings: IdentityFindings.profilesInNoGroup)
        case .profileUnassumable: FindingRule(findings: IdentityFindings.unassumableProfiles)
        case .groupWithoutReaderOrViewer: FindingRule(findings: GroupFindings.groupsWithoutReaderOrViewer)
        case .groupWithoutRegionOrResourceGroup: FindingRule(findings: GroupFindings.groupsWithoutRegionOrResourceGroup)
        case .groupWithoutService: FindingRule(findings: GroupFindings.groupsWithoutService)
        case .emptyAccessGroup: FindingRule(findings: GroupFindings.emptyGroups)
        case .accessGroupWithoutPolicies: FindingRule(findings: GroupFindings.groupsWithoutPolicies)
        case .policyUsesWildcard: FindingRule(findings: PolicyFindings.wildcardPolicies)
        case .customRoleUnused: FindingRule(findings: PolicyFindings.unusedCustomRoles)
        case .policyForeignAccount: FindingRule(findings: PolicyFindings.foreignAccountPolicies)
        case .apiKeyNotRotated: FindingRule(APIKeyFindings.keysNotRotated)
        case .ownerAPIKey: FindingRule(findings: APIKeyFindings.ownerKeys)
        case .apiKeyCreationUnrestricted: FindingRule(findings: APIKeyFindings.unrestrictedCreation)
        case .accountMFANotEnforced: FindingRule(findings: MFAFindings.accountMFA)
        case .userWithoutMFA: FindingRule(findings: MFAFindings.usersWithoutMFA)
        case .noSupportAccessGroup: FindingRule(findings: GroupFindings.supportGroup)
        case .tooManyAdministrators: FindingRule(findings: AdministratorCountFindings.tooManyUsers)
        case .tooManyAdministratorServiceIDs: FindingRule(findings: AdministratorCountFindings.tooManyServiceIDs)
        case .cbrReportOnly: FindingRule(findings: NetworkFindings.reportOnlyRestrictions)
        case .serviceCredentialUnused: FindingRule(ServiceCredentialFindings.unusedWritingCredentials)
        case .privilegeEscalation: FindingRule(findings: EscalationFindings.privilegeEscalation)
        }
    }
}

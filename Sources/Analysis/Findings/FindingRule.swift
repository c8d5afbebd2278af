/// How one rule of the findings report is evaluated over an account.
struct FindingRule: Sendable {
    /// What evaluating a rule gave.
    enum Outcome: Sendable {
        case findings([Finding])
        /// The rule could not run for a reason other than an unknown collection (e.g. no activity data).
        case notEvaluated(String)
    }

    let evaluate: @Sendable (FindingContext) -> Outcome

    /// A rule that may decline to run (see `Outcome.notEvaluated`).
    init(_ evaluate: @escaping @Sendable (FindingContext) -> Outcome) {
        self.evaluate = evaluate
    }

    /// A rule that always runs once its collections are known.
    init(findings: @escaping @Sendable (FindingContext) -> [Finding]) {
        self.init { .findings(findings($0)) }
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
        }
    }
}

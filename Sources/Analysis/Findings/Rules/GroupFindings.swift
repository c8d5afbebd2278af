import Model
import Snapshot

/// Rules about access groups: what their policies grant and name, and groups without members or policies.
enum GroupFindings {
    /// Whether a role CRN is the Viewer platform role or the Reader service role (`…::role:Viewer`,
    /// `…::serviceRole:Reader`); service-specific roles such as ContentReader are not.
    static func isViewerOrReader(_ roleID: String) -> Bool {
        roleID.hasSuffix(":role:Viewer") || roleID.hasSuffix(":serviceRole:Reader")
    }

    /// Groups none of whose policies passes `test`. A group without policies has none that does; the Public Access
    /// group without policies is left out (that is its normal state).
    static func groupsWhosePolicies(_ c: FindingContext, _ rule: RuleID, lack what: String,
                                    _ test: (PolicyTable.Traits, PolicyTarget) -> Bool) -> [Finding] {
        let table = c.policies
        return c.account.accessGroups.compactMap { group in
            let policies = table.rows(ofGroup: group.id) ?? []
            guard !(group.isPublicAccess && policies.isEmpty),
                  !policies.contains(where: { test(table.rows[Int($0)].traits, table.target(of: $0)) }) else { return nil }
            let why = policies.isEmpty ? "it has no policies, so none \(what)"
                : "of its policies (\(policies.count)), none \(what): " + policies.map { c.grantText($0) }.joined(separator: "; ")
            return Finding(rule, entities: [c.group(group.id)] + policies.map { c.policy($0) }, why: why)
        }
    }
}

extension GroupFindings {
    /// The service name of IBM Cloud Support Center in policies.
    static let supportService = "support"
}

/// `group-without-reader-or-viewer`: Access group without a Reader or Viewer policy.
struct GroupWithoutReaderOrViewerRule: AlwaysEvaluatedRule {
    static let id = "group-without-reader-or-viewer"
    static let severity = Severity.note
    static let title = "Access group without a Reader or Viewer policy"
    static let summary =
        "None of the group's policies grants the Viewer platform role or the Reader service role."
    static let fix =
        "Check that the group's members can see what they work on: most roles are meant to be combined with Viewer or Reader."
    static let requires: Set<CollectionKind> = [.accessGroups, .accessPolicies]
    static let alsoReads: Set<CollectionKind> = []

    static func findings(_ c: FindingContext) -> [Finding] {
        GroupFindings.groupsWhosePolicies(c, .groupWithoutReaderOrViewer, lack: "grants the Viewer or Reader role") { traits, _ in
            traits.contains(.viewerOrReader)
        }
    }
}

/// `group-without-region-or-resource-group`: Access group whose policies name neither a region nor a resource group.
struct GroupWithoutRegionOrResourceGroupRule: AlwaysEvaluatedRule {
    static let id = "group-without-region-or-resource-group"
    static let severity = Severity.note
    static let title = "Access group whose policies name neither a region nor a resource group"
    static let summary =
        "None of the group's policies is narrowed to a region or a resource group."
    static let fix =
        "Narrow the policies to the resource groups (or regions) the team works in."
    static let requires: Set<CollectionKind> = [.accessGroups, .accessPolicies]
    static let alsoReads: Set<CollectionKind> = []

    static func findings(_ c: FindingContext) -> [Finding] {
        GroupFindings.groupsWhosePolicies(c, .groupWithoutRegionOrResourceGroup, lack: "names a region or a resource group") { _, target in
            if case .resourceGroupItself = target.scope { return true }
            return target.region != nil || target.resourceGroupID != nil
        }
    }
}

/// `group-without-service`: Access group whose policies name no service.
struct GroupWithoutServiceRule: AlwaysEvaluatedRule {
    static let id = "group-without-service"
    static let severity = Severity.note
    static let title = "Access group whose policies name no service"
    static let summary =
        "None of the group's policies names a service (serviceName)."
    static let fix =
        "Narrow the policies to the services the team uses."
    static let requires: Set<CollectionKind> = [.accessGroups, .accessPolicies]
    static let alsoReads: Set<CollectionKind> = []

    static func findings(_ c: FindingContext) -> [Finding] {
        GroupFindings.groupsWhosePolicies(c, .groupWithoutService, lack: "names a service") { _, target in target.serviceName != nil }
    }
}

/// `empty-access-group`: Access group without members.
struct EmptyAccessGroupRule: AlwaysEvaluatedRule {
    static let id = "empty-access-group"
    static let severity = Severity.note
    static let title = "Access group without members"
    static let summary =
        "The group has no members and no dynamic rules that could add any."
    static let fix =
        "Delete the group, or add the members it was meant for."
    static let requires: Set<CollectionKind> = [.accessGroups, .accessGroupMembers, .accessGroupRules]
    static let alsoReads: Set<CollectionKind> = []

    static func findings(_ c: FindingContext) -> [Finding] {
        c.account.accessGroups.compactMap { group in
            guard !group.isPublicAccess, group.members.isEmpty, group.rules.isEmpty else { return nil }
            let policies = c.policies.rows(ofGroup: group.id) ?? []
            return Finding(.emptyAccessGroup, entities: [c.group(group.id)] + policies.map { c.policy($0) },
                           why: "no members and no dynamic rules"
                               + (policies.isEmpty ? "" : "; its \(policies.count) polic\(policies.count == 1 ? "y reaches" : "ies reach") no one"))
        }
    }
}

/// `access-group-without-policies`: Access group without policies.
struct AccessGroupWithoutPoliciesRule: AlwaysEvaluatedRule {
    static let id = "access-group-without-policies"
    static let severity = Severity.note
    static let title = "Access group without policies"
    static let summary =
        "The group has no access policies: membership grants nothing."
    static let fix =
        "Add the policies the group was meant for, or delete it."
    static let requires: Set<CollectionKind> = [.accessGroups, .accessPolicies]
    static let alsoReads: Set<CollectionKind> = []

    static func findings(_ c: FindingContext) -> [Finding] {
        c.account.accessGroups.compactMap { group in
            guard !group.isPublicAccess, c.policies.rows(ofGroup: group.id) == nil else { return nil }
            let members = group.members.count
            return Finding(.accessGroupWithoutPolicies, entities: [c.group(group.id)],
                           why: "no access policies: its \(members) member\(members == 1 ? "" : "s")"
                               + (group.rules.isEmpty ? "" : " and \(group.rules.count) dynamic rule(s)") + " get nothing from it")
        }
    }
}

/// `no-support-access-group`: No support access group.
struct NoSupportAccessGroupRule: AlwaysEvaluatedRule {
    static let id = "no-support-access-group"
    static let severity = Severity.note
    static let title = "No support access group"
    static let summary =
        "No access group has a policy on the Support Center (serviceName support) to manage support cases."
    static let fix =
        "Create an access group with Editor (or Viewer) on the Support Center and add the people who handle support cases."
    static let requires: Set<CollectionKind> = [.accessGroups, .accessPolicies]
    static let alsoReads: Set<CollectionKind> = []

    /// `no-support-access-group`: no access group (other than Public Access) has a policy on the Support Center.
    static func findings(_ c: FindingContext) -> [Finding] {
        let table = c.policies
        let found = c.account.accessGroups.contains { group in
            !group.isPublicAccess && (table.rows(ofGroup: group.id) ?? []).contains {
                table.target(of: $0).serviceName == GroupFindings.supportService
            }
        }
        return found ? [] : [Finding(.noSupportAccessGroup, entities: [.collection(.accessGroups)],
                                     why: "no access group has a policy on the Support Center (serviceName support), "
                                         + "so support cases are opened with whatever access people happen to have")]
    }
}

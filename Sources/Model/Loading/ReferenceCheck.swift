import Snapshot

/// Finds references to entities the snapshot does not hold: members and rules of unknown access groups, links, rules
/// and identities of unknown trusted profiles, policies on unknown access groups, resources of unknown access group
/// assignments. References into a collection whose content is unknown are not checked (they may well exist).
struct ReferenceCheck {
    private(set) var problems: [ValidationProblem] = []

    init(account: IAMAccount, members: [String: [GroupMember]], groupRules: [String: [GroupRule]],
         links: [String: [ProfileLink]], claimRules: [String: [ProfileClaimRule]],
         identities: [String: [ProfileIdentity]]) {
        if account.isKnown(.accessGroups) {
            let groupIDs = Set(account.groupsByID.keys)
            orphans(members.keys, .accessGroupMembers, known: groupIDs, what: "members of unknown access group")
            orphans(groupRules.keys, .accessGroupRules, known: groupIDs, what: "rules of unknown access group")
            for policy in account.accessPolicies {
                guard let group = policy.subjectValue("access_group_id"), !groupIDs.contains(group) else { continue }
                problems.append(ValidationProblem(file: CollectionKind.accessPolicies.fileName,
                    path: "$[?(@.id == \"\(policy.id)\")].subject",
                    "policy on unknown access group \"\(group)\": expected an id from \(CollectionKind.accessGroups.fileName)"))
            }
        }
        if account.isKnown(.trustedProfiles) {
            let profileIDs = Set(account.trustedProfiles.map(\.id))
            orphans(links.keys, .trustedProfileLinks, known: profileIDs, what: "links of unknown trusted profile")
            orphans(claimRules.keys, .trustedProfileRules, known: profileIDs, what: "claim rules of unknown trusted profile")
            orphans(identities.keys, .trustedProfileIdentities, known: profileIDs, what: "identities of unknown trusted profile")
        }
        if account.isKnown(.accessGroupAssignments) {
            orphans(account.accessGroupAssignmentResources.keys, .accessGroupAssignmentResources,
                    known: Set(account.accessGroupAssignments.map(\.id)), what: "resources of unknown access group assignment")
        }
    }

    private mutating func orphans(_ parents: Dictionary<String, some Any>.Keys, _ kind: CollectionKind,
                                  known: Set<String>, what: String) {
        for parent in parents.sorted() where !known.contains(parent) {
            problems.append(ValidationProblem(file: kind.fileName, path: JSONPath.appending(parent, to: "$"),
                "\(what) \"\(parent)\": expected an id from \(kind.parent?.fileName ?? "")"))
        }
    }
}

import Model

/// Lookups the analyses share, built once per account in linear time: who is in which group, which policies each
/// subject holds, who may assume which trusted profile.
package struct AccessIndex: Sendable {
    package let account: IAMAccount
    /// Member IAM id → (group, membership).
    package let groupsOfMember: [String: [(group: AccessGroup, member: GroupMember)]]
    /// Subject IAM id → access policies assigned directly.
    package let policiesOfIAMID: [String: [Policy]]
    /// Access group id → its access policies.
    package let policiesOfGroup: [String: [Policy]]
    /// IAM id → trusted profiles listing it among the identities that may assume them.
    package let profilesAssumableBy: [String: [TrustedProfile]]
    /// Every access policy with its classified target.
    package let targets: [String: PolicyTarget]
    /// The account's context-based-restrictions rules, ready to say which grants and instances they restrict.
    package let networkRestrictions: NetworkRestrictions
    /// Names (lowercased) that more than one identity of the account goes by: `name(ofIAMID:)` tells them apart.
    let sharedNames: Set<String>
    /// `subjects`, made once, on first use: commands that never ask do not pay for the sort.
    private let subjectList: ComputedOnce<[String]>

    /// Indexes `account` on two threads: every policy's target on another one, the rest on the calling one (the two
    /// parts cost about the same, and neither reads the other's). The targets are found on a thread of their own, not
    /// on the global queue: `diff` indexes its two accounts from global-queue work, which would otherwise wait here
    /// for a pool thread that is itself waiting.
    package init(_ account: IAMAccount) {
        self.account = account
        let targets = Concurrent.onItsOwnThread { Self.targets(of: account) }
        let (byIAMID, byGroup) = Self.policiesBySubject(account)
        policiesOfIAMID = byIAMID
        policiesOfGroup = byGroup
        var groupsOfMember: [String: [(group: AccessGroup, member: GroupMember)]] = [:]
        groupsOfMember.reserveCapacity(account.users.count + account.serviceIDs.count + account.trustedProfiles.count)
        let groups = account.accessGroups
        for position in groups.indices {
            let members = groups[position].members
            for member in members.indices {
                groupsOfMember[members[member].iamID, default: []].append((groups[position], members[member]))
            }
        }
        self.groupsOfMember = groupsOfMember
        var assumable: [String: [TrustedProfile]] = [:]
        for profile in account.trustedProfiles {
            for identity in profile.identities { assumable[identity.iamID, default: []].append(profile) }
        }
        profilesAssumableBy = assumable
        var names = Set<String>(), shared = Set<String>()
        let identities = account.identities
        names.reserveCapacity(identities.count)
        for position in identities.indices {
            let name = identities[position].name.lowercased()
            if !names.insert(name).inserted { shared.insert(name) }
        }
        sharedNames = shared
        networkRestrictions = NetworkRestrictions(account)
        subjectList = ComputedOnce { [account, byIAMID, groupsOfMember, assumable] in
            var subjects = Set(account.identities.map(\.iamID))
            subjects.formUnion(byIAMID.keys)
            subjects.formUnion(groupsOfMember.keys)
            subjects.formUnion(assumable.keys)
            return subjects.sorted()
        }
        self.targets = targets.value
    }

    /// The active access policies assigned to each IAM id and to each access group (a hostile policy may name both),
    /// in the account's order. Read by position: each policy is copied once, into its list.
    private static func policiesBySubject(_ account: IAMAccount) -> (byIAMID: [String: [Policy]], byGroup: [String: [Policy]]) {
        var byIAMID: [String: [Policy]] = [:], byGroup: [String: [Policy]] = [:]
        byIAMID.reserveCapacity(account.users.count + account.serviceIDs.count + account.trustedProfiles.count)
        byGroup.reserveCapacity(account.accessGroups.count)
        let access = account.accessPolicies
        for position in access.indices where InPlace.isActive(access, position) {
            if let iamID = access[position].subjectValue("iam_id") { byIAMID[iamID, default: []].append(access[position]) }
            if let group = access[position].subjectValue("access_group_id") { byGroup[group, default: []].append(access[position]) }
        }
        return (byIAMID, byGroup)
    }

    /// The classified target of every active access policy and every authorization policy, by id: where ids repeat,
    /// the last one's (authorizations after access policies).
    private static func targets(of account: IAMAccount) -> [String: PolicyTarget] {
        var targets: [String: PolicyTarget] = [:]
        targets.reserveCapacity(account.accessPolicies.count + account.authorizationPolicies.count)
        let access = account.accessPolicies, authorizations = account.authorizationPolicies
        for position in access.indices where InPlace.isActive(access, position) {
            targets[access[position].id] = target(of: access, position, homeAccount: account.accountID)
        }
        for position in authorizations.indices {
            targets[authorizations[position].id] = target(of: authorizations, position, homeAccount: account.accountID)
        }
        return targets
    }

    /// The target of the policy at `position`, made from its resource and tags alone: handing the whole `Policy` to
    /// `PolicyTarget.init(_:homeAccount:)` copies it (an initialiser takes its arguments owned), retaining every field.
    private static func target(of policies: [Policy], _ position: Int, homeAccount: String) -> PolicyTarget {
        PolicyTarget(resource: policies[position].resource, tags: policies[position].resourceTags, homeAccount: homeAccount)
    }

    /// Whether policies, memberships or trusted profiles name this IAM id: an identity the snapshot's lists may lack
    /// (an identity-scope snapshot has no user list; a member may have left the account) but that holds access.
    package func names(iamID: String) -> Bool {
        policiesOfIAMID[iamID] != nil || groupsOfMember[iamID] != nil || profilesAssumableBy[iamID] != nil
    }

    /// Every IAM id the whole-account analyses consider: the snapshot's identities and every subject of a membership,
    /// policy or profile identity (which the lists may lack), sorted.
    /// Made the first time anyone asks (the escalation graph and the findings rules both do), once per index.
    package var subjects: [String] { subjectList.value }

    /// The classified target of a policy.
    package func target(of policy: Policy) -> PolicyTarget {
        targets[policy.id] ?? PolicyTarget(policy, homeAccount: account.accountID)
    }

    /// The `expires_at` of a dynamic membership that had expired when the snapshot was taken, else `nil`.
    package func lapse(of member: GroupMember) -> String? {
        guard member.isDynamic, let expires = member.expiresAt, expires.date != nil, expires < account.fetchedAt else { return nil }
        return expires.raw
    }

    /// The rule through which a dynamic member joined (the group's only rule, or its rules' names).
    package func dynamicRuleName(_ group: AccessGroup, _ member: GroupMember) -> String? {
        guard member.isDynamic else { return nil }
        let names = group.rules.map { $0.name ?? $0.id }
        return names.isEmpty ? "unknown rule" : names.joined(separator: " | ")
    }
}

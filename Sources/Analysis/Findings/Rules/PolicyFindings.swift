import Model

/// Rules about what policies say: grants to everyone, grants to users directly, wildcards, custom roles nobody grants,
/// resources of another account.
enum PolicyFindings {
    static func publicAccessPolicies(_ c: FindingContext) -> [Finding] {
        let disabled = c.account.accessGroupSettings?.publicAccessEnabled == false
        return (c.index.policiesOfGroup[AccessGroup.publicAccessID] ?? []).map { policy in
            Finding(.publicAccessPolicy, entities: [c.policy(policy), c.group(AccessGroup.publicAccessID)],
                    why: "grants \(c.grantText(policy)) to everyone, unauthenticated users included"
                        + (disabled ? " (public access is disabled in the account's settings, so not while that lasts)" : ""))
        }
    }

    static func policiesOnUsers(_ c: FindingContext) -> [Finding] {
        c.account.accessPolicies.compactMap { policy in
            guard policy.isActive, let iamID = policy.subjectValue("iam_id"), SubjectKind(iamID: iamID, in: c.account) == .user else { return nil }
            let user = c.identity(iamID)
            return Finding(.policyOnUser, entities: [c.policy(policy), user],
                           why: "grants \(c.grantText(policy)) to \(user.description) directly, not through an access group")
        }
    }

    static func wildcardPolicies(_ c: FindingContext) -> [Finding] {
        [c.account.accessPolicies, c.account.authorizationPolicies].joined().compactMap { policy in
            guard policy.isActive else { return nil }
            let target = c.index.target(of: policy)
            guard target.usesWildcards else { return nil }
            let patterns = (target.attributes + target.tags)
                .filter { $0.operator.hasPrefix("stringMatch") && $0.value.strings.contains(where: Glob.hasWildcards) }
                .map { "\($0.key) \($0.operator) \($0.value)" }
            return Finding(.policyUsesWildcard, entities: [c.policy(policy)] + [c.subject(of: policy)].compactMap { $0 },
                           why: "\(patterns.joined(separator: ", ")) also matches resources created later; grants "
                               + c.grantText(policy))
        }
    }

    static func unusedCustomRoles(_ c: FindingContext) -> [Finding] {
        var used = Set<String>()
        for policy in [c.account.accessPolicies, c.account.authorizationPolicies].joined() where policy.isActive {
            used.formUnion(policy.roleIDs)
        }
        return c.account.roles.filter { $0.kind == .custom && !used.contains($0.crn) }.map { role in
            Finding(.customRoleUnused, entities: [FindingEntity(.role, id: role.crn, name: role.displayName ?? role.name)],
                    why: "custom role \(role.shortName)" + (role.serviceName.map { " (\($0))" } ?? "")
                        + " with \(role.actions?.count ?? 0) action(s) is granted by no policy")
        }
    }

    static func foreignAccountPolicies(_ c: FindingContext) -> [Finding] {
        [c.account.accessPolicies, c.account.authorizationPolicies].joined().compactMap { policy in
            guard policy.isActive else { return nil }
            let target = c.index.target(of: policy)
            guard target.isForeign(to: c.account.accountID), let account = target.account else { return nil }
            return Finding(.policyForeignAccount,
                           entities: [c.policy(policy)] + [c.subject(of: policy)].compactMap { $0 },
                           why: "accountId \(account.operator) \(account.value) is not this account "
                               + "(\(c.account.accountID)); grants \(c.grantText(policy))")
        }
    }
}

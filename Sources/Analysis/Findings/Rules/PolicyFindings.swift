import Model
import Snapshot

/// Rules about what policies say: grants to everyone, grants to users directly, wildcards, custom roles nobody grants,
/// resources of another account.
enum PolicyFindings {
}

/// `public-access-policy`: Policy on the Public Access group.
struct PublicAccessPolicyRule: AlwaysEvaluatedRule {
    static let id = "public-access-policy"
    static let severity = Severity.error
    static let title = "Policy on the Public Access group"
    static let summary =
        "A policy on the Public Access group grants its roles to everyone, unauthenticated users included."
    static let fix =
        "Remove the policy unless the resource is meant to be public; grant the access to an access group instead."
    static let requires: Set<CollectionKind> = [.accessPolicies]
    static let alsoReads: Set<CollectionKind> = []

    static func findings(_ c: FindingContext) -> [Finding] {
        let disabled = c.account.accessGroupSettings?.publicAccessEnabled == false
        return (c.policies.rows(ofGroup: AccessGroup.publicAccessID) ?? []).map { row in
            Finding(.publicAccessPolicy, entities: [c.policy(row), c.group(AccessGroup.publicAccessID)],
                    why: "grants \(c.grantText(row)) to everyone, unauthenticated users included"
                        + (disabled ? " (public access is disabled in the account's settings, so not while that lasts)" : ""))
        }
    }
}

/// `policy-on-user`: Policy assigned directly to a user.
struct PolicyOnUserRule: AlwaysEvaluatedRule {
    static let id = "policy-on-user"
    static let severity = Severity.warning
    static let title = "Policy assigned directly to a user"
    static let summary =
        "The policy is assigned to a user directly; IBM recommends granting access through access groups."
    static let fix =
        "Move the access to an access group and add the user to it."
    static let requires: Set<CollectionKind> = [.accessPolicies]
    static let alsoReads: Set<CollectionKind> = [.users]

    static func findings(_ c: FindingContext) -> [Finding] {
        let policies = c.policies
        return policies.rows.indices.compactMap { position in
            let row = Int32(position)
            guard !policies.rows[position].traits.contains(.authorization), let user = c.identity(ofRow: row),
                  user.kind == .user else { return nil }
            return Finding(.policyOnUser, entities: [c.policy(row), user],
                           why: "grants \(c.grantText(row)) to \(user.description) directly, not through an access group")
        }
    }
}

/// `policy-uses-wildcard`: Policy using wildcards.
struct PolicyUsesWildcardRule: AlwaysEvaluatedRule {
    static let id = "policy-uses-wildcard"
    static let severity = Severity.note
    static let title = "Policy using wildcards"
    static let summary =
        "The policy's resource attributes use stringMatch wildcards (* or ?), so it also covers resources created later whose names match."
    static let fix =
        "Check that the pattern matches only what it should; prefer exact names."
    static let requires: Set<CollectionKind> = [.accessPolicies]
    static let alsoReads: Set<CollectionKind> = [.authorizationPolicies]

    static func findings(_ c: FindingContext) -> [Finding] {
        let policies = c.policies
        return policies.rows(with: .usesWildcards).map { row in
            let target = policies.target(of: row)
            let patterns = (target.attributes + target.tags)
                .filter { $0.operator.hasPrefix("stringMatch") && $0.value.strings.contains(where: Glob.hasWildcards) }
                .map { "\($0.key) \($0.operator) \($0.value)" }
            return Finding(.policyUsesWildcard, entities: FindingEntity.list(c.policy(row), c.subject(of: row)),
                           why: "\(patterns.joined(separator: ", ")) also matches resources created later; grants "
                               + c.grantText(row))
        }
    }
}

/// `custom-role-unused`: Custom role no policy uses.
struct CustomRoleUnusedRule: AlwaysEvaluatedRule {
    static let id = "custom-role-unused"
    static let severity = Severity.note
    static let title = "Custom role no policy uses"
    static let summary =
        "No policy grants the account's custom role."
    static let fix =
        "Delete the custom role if it is no longer needed."
    static let requires: Set<CollectionKind> = [.roles, .accessPolicies]
    static let alsoReads: Set<CollectionKind> = [.authorizationPolicies]

    static func findings(_ c: FindingContext) -> [Finding] {
        // The custom roles no policy grants, struck off as policies grant them: the walk stops once every one is.
        var unused = Set(c.account.roles.lazy.filter { $0.kind == .custom }.map(\.crn))
        let policies = c.policies.policies
        for position in policies.indices where !unused.isEmpty {
            for roleID in policies.roleIDs(of: Int32(position)) { unused.remove(roleID) }
        }
        return c.account.roles.filter { $0.kind == .custom && unused.contains($0.crn) }.map { role in
            Finding(.customRoleUnused, entities: [FindingEntity(.role, id: role.crn, name: role.displayName ?? role.name)],
                    why: "custom role \(role.shortName)" + (role.serviceName.map { " (\($0))" } ?? "")
                        + " with \(role.actions?.count ?? 0) action(s) is granted by no policy")
        }
    }
}

/// `policy-foreign-account`: Policy on another account's resources.
struct PolicyForeignAccountRule: AlwaysEvaluatedRule {
    static let id = "policy-foreign-account"
    static let severity = Severity.warning
    static let title = "Policy on another account's resources"
    static let summary =
        "The policy's accountId resource attribute names another account (or excludes this one), so it grants nothing here: a copied or mistyped policy, or one meant for another account."
    static let fix =
        "Delete the policy, or re-create it in the account it was meant for with that account's id."
    static let requires: Set<CollectionKind> = [.accessPolicies]
    static let alsoReads: Set<CollectionKind> = [.authorizationPolicies]

    static func findings(_ c: FindingContext) -> [Finding] {
        let policies = c.policies
        return policies.rows(with: .foreign).compactMap { row in
            guard let account = policies.target(of: row).account else { return nil }
            return Finding(.policyForeignAccount,
                           entities: FindingEntity.list(c.policy(row), c.subject(of: row)),
                           why: "accountId \(account.operator) \(account.value) is not this account "
                               + "(\(c.account.accountID)); grants \(c.grantText(row))")
        }
    }
}

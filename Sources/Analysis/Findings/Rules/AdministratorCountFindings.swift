import Snapshot

/// Rules that count administrators against the report's limits (CIS 1.14, 1.15): the identities of
/// `account-administrator`, users and service IDs apart.
enum AdministratorCountFindings {
    fileprivate static func count(_ c: FindingContext, _ kind: FindingEntity.Kind, in collection: CollectionKind, limit: Int, rule: RuleID,
                                  noun: String) -> [Finding] {
        // An identity's entity has its `SubjectKind`'s kind: only those of the counted kind are named.
        let administrators = c.administrators.map { c.identity(ofSubject: $0) }.filter { $0.kind == kind }
        guard administrators.count > limit else { return [] }
        return [Finding(rule, entities: [.collection(collection)] + administrators,
                        why: "\(administrators.count) \(noun) hold administrator privileges (Administrator on all account "
                            + "management or all IAM-enabled services); the limit is \(limit)")]
    }
}

/// `too-many-administrators`: More account administrators than the limit.
struct TooManyAdministratorsRule: AlwaysEvaluatedRule {
    static let id = "too-many-administrators"
    static let severity = Severity.warning
    static let title = "More account administrators than the limit"
    static let summary =
        "More users hold administrator privileges (as account-administrator defines them) than --max-admins allows."
    static let fix =
        "Remove administrator privileges that are not needed; grant narrower roles through access groups."
    static let requires: Set<CollectionKind> = [.accessPolicies, .accessGroups, .accessGroupMembers]
    static let alsoReads: Set<CollectionKind> = [.trustedProfileIdentities]

    /// `too-many-administrators`: more users with administrator privileges than `maxAdministrators`.
    static func findings(_ c: FindingContext) -> [Finding] {
        AdministratorCountFindings.count(c, .user, in: .users, limit: c.options.maxAdministrators, rule: .tooManyAdministrators, noun: "users")
    }
}

/// `too-many-administrator-service-ids`: More administrator service IDs than the limit.
struct TooManyAdministratorServiceIDsRule: AlwaysEvaluatedRule {
    static let id = "too-many-administrator-service-ids"
    static let severity = Severity.warning
    static let title = "More administrator service IDs than the limit"
    static let summary =
        "More service IDs hold administrator privileges (as account-administrator defines them) than --max-admin-service-ids allows."
    static let fix =
        "Remove administrator privileges that are not needed; grant narrower roles through access groups."
    static let requires: Set<CollectionKind> = [.accessPolicies, .accessGroups, .accessGroupMembers]
    static let alsoReads: Set<CollectionKind> = [.trustedProfileIdentities]

    /// `too-many-administrator-service-ids`: more service IDs with administrator privileges than
    /// `maxAdministratorServiceIDs`.
    static func findings(_ c: FindingContext) -> [Finding] {
        AdministratorCountFindings.count(c, .serviceID, in: .serviceIDs, limit: c.options.maxAdministratorServiceIDs, rule: .tooManyAdministratorServiceIDs,
              noun: "service IDs")
    }
}

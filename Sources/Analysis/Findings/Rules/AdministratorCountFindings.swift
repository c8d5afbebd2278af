import Snapshot

/// Rules that count administrators against the report's limits (CIS 1.14, 1.15): the identities of
/// `account-administrator`, users and service IDs apart.
enum AdministratorCountFindings {
    /// `too-many-administrators`: more users with administrator privileges than `maxAdministrators`.
    static func tooManyUsers(_ c: FindingContext) -> [Finding] {
        count(c, .user, in: .users, limit: c.options.maxAdministrators, rule: .tooManyAdministrators, noun: "users")
    }

    /// `too-many-administrator-service-ids`: more service IDs with administrator privileges than
    /// `maxAdministratorServiceIDs`.
    static func tooManyServiceIDs(_ c: FindingContext) -> [Finding] {
        count(c, .serviceID, in: .serviceIDs, limit: c.options.maxAdministratorServiceIDs, rule: .tooManyAdministratorServiceIDs,
              noun: "service IDs")
    }

    private static func count(_ c: FindingContext, _ kind: FindingEntity.Kind, in collection: CollectionKind, limit: Int, rule: RuleID,
                              noun: String) -> [Finding] {
        let administrators = AdministrationFindings.administrators(c).compactMap(\.entities.first).filter { $0.kind == kind }
        guard administrators.count > limit else { return [] }
        return [Finding(rule, entities: [.collection(collection)] + administrators,
                        why: "\(administrators.count) \(noun) hold administrator privileges (Administrator on all account "
                            + "management or all IAM-enabled services); the limit is \(limit)")]
    }
}

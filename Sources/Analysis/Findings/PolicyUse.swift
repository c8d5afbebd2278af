import Model

/// One policy in the report's "by last use" list: when it last permitted a request, how often, whom it is for and what
/// it grants.
package struct PolicyUse: Sendable, Hashable {
    package let policy: FindingEntity
    /// The volatile usage fields; absent when IAM has no record of a use.
    package let lastPermitAt: Timestamp?
    package let lastPermitFrequency: Int?
    /// The access group or identity it is assigned to (none for authorizations).
    package let subject: FindingEntity?
    /// "Viewer, Reader on Instance pg-orders (a7ae…) of databases-for-postgresql".
    package let grants: String

    /// The policy of a row of `context.policies`. The context is borrowed: an initialiser takes its arguments owned,
    /// which copied the whole context (a retain and release of each of its fields) for every policy listed.
    init(_ row: Int32, _ context: borrowing FindingContext) {
        policy = context.policy(row)
        let policies = context.policies.policies
        lastPermitAt = policies.lastPermitAt(of: row)
        lastPermitFrequency = policies.lastPermitFrequency(of: row)
        subject = context.subject(of: row)
        grants = context.grantText(row)
    }
}

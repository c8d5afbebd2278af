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

    init(_ policy: Policy, _ context: FindingContext) {
        self.policy = context.policy(policy)
        lastPermitAt = policy.lastPermitAt
        lastPermitFrequency = policy.lastPermitFrequency
        subject = context.subject(of: policy)
        grants = context.grantText(policy)
    }
}

/// The versions of the policy templates that assignments, templates and policies refer to
/// (`GET /v1/policy_templates/{template}/versions`), per template id.
enum PolicyTemplateVersions {
    /// The key of the collection in the account's store.
    static let key = CollectionKey<[String: [PolicyTemplate]]>(.policyTemplateVersions)
}

extension IAMAccount {
    /// Policy template id → its versions; empty when the snapshot does not hold them (see `isKnown`).
    package var policyTemplateVersions: [String: [PolicyTemplate]] { collections[PolicyTemplateVersions.key] ?? [:] }
}

import Model

/// One administrative policy as the administration findings name it, worked out once for every identity that holds
/// it: its id, its entity, whether a condition narrows it, and its target's label.
struct AdministrativePolicy {
    let id: String
    let entity: FindingEntity
    /// Whether the policy has a rule (a condition), so that it grants only when the condition holds.
    let isConditional: Bool
    /// "All resources in resource group prod": what the policy administers.
    let targetLabel: String

    /// The id as a why names it: "a649…", or "a649… [conditional]".
    var listedID: String { isConditional ? id + " [conditional]" : id }
}

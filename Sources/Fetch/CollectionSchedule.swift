import Snapshot

/// Where each collection stands in a fetch: what its requests wait for, and which collections a fetch reads.
/// `FetchPlan` derives its order from these and `CollectionKind`'s properties, so a new collection needs no edit here.
extension CollectionKind {
    /// What a collection's requests wait for.
    enum FetchStart: Sendable, Equatable {
        /// Nothing: the collection is requested as the fetch starts.
        case atOnce
        /// The ids of its `parent` collection: one listing per parent.
        case parents
        /// The services named by policies and instances: `/v2/roles` is asked once per service.
        case namedServices
        /// The policy templates that assignments, templates and policies refer to (`PolicyTemplateReferences`): one
        /// listing of versions per template.
        case templateReferences
    }

    /// What the collection's requests wait for, from its shape.
    var fetchStart: FetchStart {
        if self == .policyTemplateVersions { return .templateReferences }
        return switch shape {
        case .list, .object: .atOnce
        case .perParent: .parents
        case .roles: .namedServices
        }
    }

    /// The parents a per-parent collection is fetched for, from its parent listing's `items`: every parent, each once
    /// (`FetchPlan.ids`); but an access group assignment's resources only for the assignments to the account itself
    /// (`target_type` `Account`, `target` the account, whatever their status), the only ones that create anything in
    /// it: an enterprise account's assignments to its child accounts would each cost a request for groups elsewhere.
    func fetchedParents(_ items: [Any]?, accountID: String) -> [String] {
        guard self == .accessGroupAssignmentResources else { return FetchPlan.ids(items) }
        return FetchPlan.ids(items?.filter { item in
            let assignment = item as? [String: Any]
            return assignment?["target_type"] as? String == "Account" && assignment?["target"] as? String == accountID
        })
    }

    /// Whether the collection names services whose roles `roles.json` must hold (policies and instances do).
    var namesServices: Bool { holdsPolicies || self == .resourceInstances }

    /// The collections a fetch reads: all of them, or those in an identity's scope.
    static func fetched(identityScoped: Bool) -> [CollectionKind] {
        allCases.filter { !identityScoped || $0.inIdentityScope }
    }

    /// The collections requested as a fetch starts. An identity's policies are not among them: they are asked per
    /// access group of the identity, so they wait for its groups.
    static func startingAtOnce(identityScoped: Bool) -> [CollectionKind] {
        fetched(identityScoped: identityScoped).filter { $0.fetchStart == .atOnce && !(identityScoped && $0.holdsPolicies) }
    }
}

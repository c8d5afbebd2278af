/// What a node of the access graph stands for.
package enum NodeKind: String, CaseIterable, Sendable, Hashable, Codable, Comparable {
    case account
    case user
    case serviceID = "service_id"
    case trustedProfile = "trusted_profile"
    case accessGroup = "access_group"
    case policy
    case role
    /// The scope a policy applies to (classified, e.g. "All resources in resource group prod").
    case target
    case resourceGroup = "resource_group"
    case serviceInstance = "service_instance"
    /// A service as the subject or target of an authorization.
    case service
    /// A compute resource linked to a trusted profile.
    case computeResource = "compute_resource"
    /// A claim rule (federated users or compute resources whose claims match may assume a trusted profile).
    case claimRule = "claim_rule"

    /// Identities: the "who" of the map.
    package var isIdentity: Bool { self == .user || self == .serviceID || self == .trustedProfile }

    /// The plural used in aggregate labels ("37 users").
    package var plural: String {
        switch self {
        case .account: "accounts"
        case .user: "users"
        case .serviceID: "service IDs"
        case .trustedProfile: "trusted profiles"
        case .accessGroup: "access groups"
        case .policy: "policies"
        case .role: "roles"
        case .target: "targets"
        case .resourceGroup: "resource groups"
        case .serviceInstance: "instances"
        case .service: "services"
        case .computeResource: "compute resources"
        case .claimRule: "claim rules"
        }
    }

    package static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What an edge of the access graph stands for.
package enum EdgeKind: String, CaseIterable, Sendable, Hashable, Codable {
    /// Identity → access group (static, or dynamic through a rule).
    case memberOf = "member_of"
    /// Identity, access group or service → policy.
    case assigned
    /// Policy → role; in views with policies collapsed, subject → target labelled with the roles.
    case grants
    /// Policy → target.
    case appliesTo = "applies_to"
    /// Target → each existing resource group or instance it matches.
    case covers
    /// Resource group → instance.
    case contains
    /// Compute resource, claim rule or identity → trusted profile.
    case canAssume = "can_assume"
    /// An escalation step: whoever holds the source can gain the target (docs/escalation.md), or already holds the
    /// escalation goal.
    case escalatesTo = "escalates_to"
}

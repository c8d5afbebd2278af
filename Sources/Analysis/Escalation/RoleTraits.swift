import Model

/// What a policy's roles may do for the escalation graph, by their names and the snapshot's action lists alone: which
/// primitives they may enable on some service, and whether they are Administrator or Manager (the administration
/// goals read nothing else). A superset: `PrimitiveFinder.enabling` still decides for the policy's own target and
/// service. Most policies of a large account grant Viewer or Reader, which enable nothing, so their targets are never
/// looked at.
struct RoleTraits: OptionSet, Sendable {
    let rawValue: UInt8

    static let addGroupMember = RoleTraits(rawValue: 1 << 0)
    static let createServiceIDAPIKey = RoleTraits(rawValue: 1 << 1)
    static let editProfileTrust = RoleTraits(rawValue: 1 << 2)
    static let assignAccess = RoleTraits(rawValue: 1 << 3)
    static let runTrustedWorkload = RoleTraits(rawValue: 1 << 4)
    /// `AdministrationFindings.isAdministrator`.
    static let administrator = RoleTraits(rawValue: 1 << 5)
    /// `AdministrationFindings.isManager`.
    static let manager = RoleTraits(rawValue: 1 << 6)

    /// The trait that the graph's primitive may need; nil for a primitive only a goal adds.
    static func may(_ primitive: EscalationPrimitive) -> RoleTraits? {
        switch primitive {
        case .addGroupMember: .addGroupMember
        case .createServiceIDAPIKey: .createServiceIDAPIKey
        case .editProfileTrust: .editProfileTrust
        case .assignAccess: .assignAccess
        case .runTrustedWorkload: .runTrustedWorkload
        case .createServiceCredentials: nil
        }
    }

    /// Whether a capability with these roles can hold (a half of) account administration or a sensitive target.
    var mayAdminister: Bool { !isDisjoint(with: [.administrator, .manager]) }
}

/// Each role's traits, found once per role CRN.
struct RoleTraitsTable {
    /// Per primitive with an action: the CRNs of the roles some action list of the snapshot gives a matching action
    /// (for any service).
    private let rolesCarrying: [EscalationPrimitive: Set<String>]
    private var known: [String: RoleTraits] = [:]

    init(_ roles: [Role]) {
        var carrying: [EscalationPrimitive: Set<String>] = [:]
        for primitive in EscalationPrimitive.allCases {
            guard let action = primitive.action, RoleTraits.may(primitive) != nil else { continue }
            carrying[primitive] = Set(roles.lazy.filter { role in
                role.actions?.contains { Glob.matches(action, $0) } ?? false
            }.map(\.crn))
        }
        rolesCarrying = carrying
    }

    /// The union of the roles' traits.
    mutating func traits(of roleCRNs: [String]) -> RoleTraits {
        roleCRNs.reduce(into: RoleTraits()) { $0.formUnion(traits(of: $1)) }
    }

    private mutating func traits(of role: String) -> RoleTraits {
        if let traits = known[role] { return traits }
        var traits = RoleTraits()
        if AdministrationFindings.isAdministrator(role) { traits.insert(.administrator) }
        if AdministrationFindings.isManager(role) { traits.insert(.manager) }
        let name = RoleName.fromCRN(role)
        for primitive in EscalationPrimitive.allCases {
            guard let trait = RoleTraits.may(primitive) else { continue }
            // The verdict is "enables" only by an action list that matches, "inferred" only by a documented name.
            if primitive.documentedRoles.contains(name) || rolesCarrying[primitive]?.contains(role) == true {
                traits.insert(trait)
            }
        }
        known[role] = traits
        return traits
    }
}

/// A node of the escalation graph: someone or something whose access can be gained, or the goal.
package enum EscalationNode: Sendable, Hashable, Comparable {
    /// A user, service ID or trusted profile, by IAM id.
    case identity(iamID: String)
    /// An access group: its members hold its policies.
    case accessGroup(id: String)
    /// Any role on a policy target, which whoever may assign access there can grant itself; by the target's key.
    case grantableScope(key: String)
    /// The goal: account administration (Administrator on all account management services, Administrator + Manager
    /// on all IAM-enabled services, or ownership).
    case accountAdministration
    /// Half of account administration, held by someone who still needs the other half: Administrator, or Manager, on
    /// all IAM-enabled services. A path that reaches both (as one identity) reaches account administration.
    case administrationPart(AdministrationPart)
    /// The goal of `--to`: access to one service instance, by GUID.
    case instance(guid: String)
    /// A goal short of account administration: administration of a sensitive service or of a resource group.
    case administration(SensitiveTarget)

    /// The two halves of "Administrator + Manager on all IAM-enabled services".
    package enum AdministrationPart: String, Sendable, Hashable {
        case administrator = "Administrator"
        case manager = "Manager"
    }

    /// A stable id, e.g. `identity:IBMid-…`, `access_group:AccessGroupId-…`, `scope:serviceName=kms`.
    package var id: String {
        switch self {
        case .identity(let iamID): "identity:" + iamID
        case .accessGroup(let id): "access_group:" + id
        case .grantableScope(let key): "scope:" + key
        case .accountAdministration: "account_administration"
        case .administrationPart(let part): "account_administration:" + part.rawValue
        case .instance(let guid): "instance:" + guid
        case .administration(let target): "administration:" + target.id
        }
    }

    /// Whether the node is an identity: an edge into it changes who acts.
    var isIdentity: Bool {
        switch self {
        case .identity: true
        case .accessGroup, .grantableScope, .accountAdministration, .administrationPart, .instance, .administration: false
        }
    }

    package static func < (lhs: EscalationNode, rhs: EscalationNode) -> Bool { lhs.id < rhs.id }
}

extension Sequence {
    /// The elements sorted by their nodes as `<` sorts the nodes, by id, making each id once rather than two per
    /// comparison.
    func sortedByID(_ node: (Element) -> EscalationNode) -> [Element] {
        map { (id: node($0).id, element: $0) }.sorted { $0.id < $1.id }.map(\.element)
    }
}

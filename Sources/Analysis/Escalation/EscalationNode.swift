/// A node of the escalation graph: someone or something whose access can be gained, or the goal.
public enum EscalationNode: Sendable, Hashable, Comparable {
    /// A user, service ID or trusted profile, by IAM id.
    case identity(iamID: String)
    /// An access group: its members hold its policies.
    case accessGroup(id: String)
    /// Any role on a policy target, which whoever may assign access there can grant itself; by the target's key.
    case grantableScope(key: String)
    /// The goal: account administration (Administrator on all account management services, Administrator + Manager
    /// on all IAM-enabled services, or ownership).
    case accountAdministration
    /// The goal of `--to`: access to one service instance, by GUID.
    case instance(guid: String)

    /// A stable id, e.g. `identity:IBMid-…`, `access_group:AccessGroupId-…`, `scope:serviceName=kms`.
    public var id: String {
        switch self {
        case .identity(let iamID): "identity:" + iamID
        case .accessGroup(let id): "access_group:" + id
        case .grantableScope(let key): "scope:" + key
        case .accountAdministration: "account_administration"
        case .instance(let guid): "instance:" + guid
        }
    }

    public static func < (lhs: EscalationNode, rhs: EscalationNode) -> Bool { lhs.id < rhs.id }
}

import GraphValues
/// What a map shows.
public struct ViewOptions: Sendable, Equatable {
    /// The part of the account the map is about.
    public enum Focus: Sendable, Equatable, CustomStringConvertible {
        /// Identities → access groups → targets, for the whole account.
        case account
        /// One identity's effective access (IAM id, email or name).
        case identity(String)
        /// Everyone who can reach one instance (CRN, GUID or name).
        case resource(String)
        /// One access group: its members, rules and policies (id or name).
        case accessGroup(String)

        public var description: String {
            switch self {
            case .account: "whole account"
            case .identity(let q): "identity \(q)"
            case .resource(let q): "resource \(q)"
            case .accessGroup(let q): "access group \(q)"
            }
        }
    }

    /// How nodes are boxed.
    public enum Clustering: String, Sendable, CaseIterable { case resourceGroup = "resource-group", service, none }

    public static let defaultMaxNodes = 400

    public var focus: Focus
    /// Show policy and role nodes instead of collapsing each policy into an edge labelled with its roles.
    public var showPolicies: Bool
    public var clustering: Clustering
    /// Node kinds to add to the view's defaults (e.g. `service_instance`).
    public var include: Set<NodeKind>
    /// Node kinds to leave out.
    public var exclude: Set<NodeKind>
    /// The node budget; a larger view is aggregated. `nil` lifts the budget (`--full`).
    public var maxNodes: Int?
    /// Draw the escalation paths to account administration on top of the map (`--escalation`); an identity's map
    /// always shows its own.
    public var escalation: Bool

    public init(focus: Focus = .account, showPolicies: Bool = false, clustering: Clustering = .resourceGroup,
                include: Set<NodeKind> = [], exclude: Set<NodeKind> = [], maxNodes: Int? = Self.defaultMaxNodes,
                escalation: Bool = false) {
        self.focus = focus
        self.showPolicies = showPolicies
        self.clustering = clustering
        self.include = include
        self.exclude = exclude
        self.maxNodes = maxNodes
        self.escalation = escalation
    }

    /// The node kinds this view shows.
    var shownKinds: Set<NodeKind> {
        var kinds: Set<NodeKind> = [.user, .serviceID, .trustedProfile, .accessGroup, .target, .service,
                                    .computeResource, .claimRule]
        if showPolicies { kinds.formUnion([.policy, .role]) }
        if case .resource = focus { kinds.formUnion([.serviceInstance, .resourceGroup]) }
        return kinds.union(include).subtracting(exclude)
    }

    /// Whether instances or resource groups are shown, so coverage must be computed.
    var needsCoverage: Bool { !shownKinds.isDisjoint(with: [.serviceInstance, .resourceGroup]) }
}

import GraphValues
/// What a map shows.
package struct ViewOptions: Sendable, Equatable {
    /// The part of the account the map is about.
    package enum Focus: Sendable, Equatable, CustomStringConvertible {
        /// Identities → access groups → targets, for the whole account.
        case account
        /// One identity's effective access (IAM id, email or name).
        case identity(String)
        /// Everyone who can reach one instance (CRN, GUID or name).
        case resource(String)
        /// One access group: its members, rules and policies (id or name).
        case accessGroup(String)
        /// Everyone who can reach any instance of one service (its name, e.g. `kms`).
        case service(String)
        /// Everyone who can reach the resource group or any instance in it (id or name).
        case resourceGroup(String)

        package var description: String {
            switch self {
            case .account: "whole account"
            case .identity(let q): "identity \(q)"
            case .resource(let q): "resource \(q)"
            case .accessGroup(let q): "access group \(q)"
            case .service(let q): "service \(q)"
            case .resourceGroup(let q): "resource group \(q)"
            }
        }
    }

    /// How nodes are boxed.
    package enum Clustering: String, Sendable, CaseIterable { case resourceGroup = "resource-group", service, none }

    package static let defaultMaxNodes = 400

    package var focus: Focus
    /// Show policy and role nodes instead of collapsing each policy into an edge labelled with its roles.
    package var showPolicies: Bool
    package var clustering: Clustering
    /// Node kinds to add to the view's defaults (e.g. `service_instance`).
    package var include: Set<NodeKind>
    /// Node kinds to leave out.
    package var exclude: Set<NodeKind>
    /// The node budget; a larger view is aggregated. `nil` lifts the budget (`--full`).
    package var maxNodes: Int?
    /// Only privileged grants and who holds them, through which groups and trusted profiles (`--privileged`).
    package var privilegedOnly: Bool
    /// Draw the escalation paths to account administration on top of the map (`--escalation`); an identity's map
    /// always shows its own.
    package var escalation: Bool

    package init(focus: Focus = .account, showPolicies: Bool = false, clustering: Clustering = .resourceGroup,
                include: Set<NodeKind> = [], exclude: Set<NodeKind> = [], maxNodes: Int? = Self.defaultMaxNodes,
                privilegedOnly: Bool = false, escalation: Bool = false) {
        self.focus = focus
        self.showPolicies = showPolicies
        self.clustering = clustering
        self.include = include
        self.exclude = exclude
        self.maxNodes = maxNodes
        self.privilegedOnly = privilegedOnly
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

    /// Whether a view over budget becomes the privileged-first `Overview` (the broad views) rather than the generic
    /// aggregation (the views of one identity, instance or group, whose focus is what matters).
    var summarisesAsOverview: Bool {
        guard !showPolicies else { return false }
        switch focus {
        case .account, .service, .resourceGroup: return true
        case .identity, .resource, .accessGroup: return false
        }
    }

    /// Whether instances or resource groups are shown, so coverage must be computed.
    var needsCoverage: Bool { !shownKinds.isDisjoint(with: [.serviceInstance, .resourceGroup]) }
}

import GraphValues

/// The overview of an account whose privileged holders do not fit the node budget (synthetic L: 1,363 privileged
/// access groups, over a thousand identities with privileged grants of their own).
///
/// Every privileged tier (`PrivilegeTier`: account administration, can assign access, privileged service-wide,
/// privileged on one resource group or instance) is on the picture:
/// - the budget left after the targets is split between the tiers by `FairShare`, the higher tiers weighing more
///   (`PrivilegeTier.shareWeight`) but each guaranteed its part, and a tier's part between its kinds of holder, so
///   that a tier of hundreds of access groups still names its service IDs;
/// - within that part the largest holders are drawn by name: each access group as "Name — N members" (its first
///   members by name and email in `member_names`: the tooltip, the HTML explorer's search), identities and services
///   by name;
/// - the tier's other holders are grouped by what makes them privileged, the target class of their grant: one node
///   per class, "+ 214 access groups (1480 members), 26 users", with one edge to the class labelled with the role set
///   ("kms across the account: Manager"); every holder it stands for listed in `member_names`. A tier's holders add up
///   to its total (the node's `count`), never dissolved into "N other users".
///
/// The room left after the privileged tiers goes to the other access groups, largest first; what does not fit is
/// counted in the notes.
///
/// Targets merge by class (`TargetClass`), one edge per holder and class, and each tier has its own targets: a tier's
/// box holds its holders and the classes they reach, so its edges stay inside it (a class reached from two tiers is
/// drawn in both). A privileged holder shows only the grants of its highest tier (the rest are in `access
/// --identity` and `--access-group`). Memberships are inside the group nodes, so no `member_of` edge is drawn.
struct OverviewTiers {
    let budget: Int

    /// At most this many edges, as `Aggregation` keeps.
    var edgeBudget: Int { budget * 2 }

    func apply(to draft: GraphDraft) -> GraphDraft {
        let holdings = Holdings(draft)
        var fit = Fit(nodeBudget: budget, edgeBudget: edgeBudget, holdings: holdings)
        var notes = draft.notes
        notes.append("overview of \(draft.nodes.count) nodes, privileged first: each tier's largest holders by name, "
                     + "the others grouped by target (--privileged, --full)")
        for everyone in holdings.everyone { _ = fit.add(.holder(everyone)) }
        let names = Self.names(room: budget - fit.nodeCount, holdings: holdings)
        for tier in PrivilegeTier.allCases {
            notes += fit.place(tier: tier, names: names[tier] ?? 0)
        }
        notes.append(fit.placeTheRest())
        return fit.draft(notes: notes)
    }

    /// How many holders of each tier are drawn by name: the room left once every tier's targets and its grouped
    /// holders (one node per target class) are set aside, split by `FairShare`. A tier whose holders all get a name
    /// needs no grouped nodes; their room goes to the others.
    static func names(room: Int, holdings: Holdings) -> [PrivilegeTier: Int] {
        let tiers = PrivilegeTier.allCases
        let demands = tiers.map { holdings.holders(of: $0).count }
        let weights = tiers.map(\.shareWeight)
        let targets = tiers.reduce(0) { $0 + holdings.targetClasses(of: $1).count }
        let grouped = tiers.map { holdings.groupingClasses(of: $0).count }
        var shares = FairShare.split(room - targets - grouped.reduce(0, +), demands: demands, weights: weights)
        let needed = tiers.indices.reduce(0) { $0 + (shares[$1] < demands[$1] ? grouped[$1] : 0) }
        shares = FairShare.split(room - targets - needed, demands: demands, weights: weights)
        return Dictionary(zip(tiers, shares), uniquingKeysWith: { first, _ in first })
    }

    /// What the draft's holders hold: their grants by target class, their privilege tier, their members.
    struct Holdings {
        let nodes: [String: Node]
        /// Holder → its grants, in the draft's order.
        let grants: [String: [Grant]]
        /// Holder → the highest tier of its privileged grants; holders with none are absent.
        let tiers: [String: PrivilegeTier]
        /// Access group → its identity members, in the draft's order.
        let members: [String: [String]]
        /// Holders in the draft's node order.
        let holders: [String]
        /// Public Access, shown whatever it grants.
        let everyone: [String]

        init(_ draft: GraphDraft) {
            let nodes = Dictionary(draft.nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            var grants: [String: [Grant]] = [:], tiers: [String: PrivilegeTier] = [:], members: [String: [String]] = [:]
            for edge in draft.edges {
                switch edge.kind {
                case .grants:
                    guard let target = nodes[edge.target] else { continue }
                    let grant = Grant(edge: edge, target: target)
                    grants[edge.source, default: []].append(grant)
                    if let tier = grant.tier { tiers[edge.source] = min(tiers[edge.source] ?? tier, tier) }
                case .memberOf:
                    if nodes[edge.source]?.kind.isIdentity == true { members[edge.target, default: []].append(edge.source) }
                case .assigned, .appliesTo, .covers, .contains, .canAssume, .escalatesTo:
                    continue
                }
            }
            self.nodes = nodes
            self.grants = grants
            self.tiers = tiers
            self.members = members
            holders = draft.nodes.map(\.id).filter { grants[$0] != nil }
            everyone = draft.nodes.filter { $0.flags.contains(.everyone) && grants[$0.id] != nil }.map(\.id)
        }

        /// The holders whose highest tier is `tier` (Public Access excepted: it is always shown), in the draft's order.
        func holders(of tier: PrivilegeTier) -> [String] {
            holders.filter { tiers[$0] == tier && nodes[$0]?.flags.contains(.everyone) != true }
        }

        /// The grants a holder's node shows: those of its highest privilege tier if it has any, else all. What an
        /// account administrator holds besides administration adds nothing to the review's question and, drawn, made
        /// hundreds of crossing edges on a large account (it is in the node's `access --identity`/`--access-group`).
        func shownGrants(of holder: String) -> [Grant] {
            let all = grants[holder] ?? []
            guard let tier = tiers[holder] else { return all }
            return all.filter { $0.tier == tier }
        }

        /// The class that makes a holder privileged, by which a grouped node gathers it: that of its first grant of
        /// its highest tier.
        func groupingClass(of holder: String) -> TargetClass? {
            shownGrants(of: holder).first?.targetClass
        }

        /// The target classes the holders of `tier` reach, by key.
        func targetClasses(of tier: PrivilegeTier) -> Set<String> {
            Set(holders(of: tier).flatMap { shownGrants(of: $0).map(\.targetClass.key) })
        }

        /// The classes the holders of `tier` are grouped by, by key.
        func groupingClasses(of tier: PrivilegeTier) -> Set<String> {
            Set(holders(of: tier).compactMap { groupingClass(of: $0)?.key })
        }

        /// The member count a group's label gives: the snapshot's count, else the members the draft draws.
        func memberCount(of group: String) -> Int {
            nodes[group]?.attributes["members"].flatMap(Int.init) ?? members[group]?.count ?? 0
        }
    }

    /// One `grants` edge of the draft, read for the overview.
    struct Grant {
        let edge: Edge
        let target: Node
        let targetClass: TargetClass
        /// The role names, from the edge's `roles` attribute.
        let roles: [String]
        /// The tier of a privileged grant; `nil` for the others.
        let tier: PrivilegeTier?

        init(edge: Edge, target: Node) {
            self.edge = edge
            self.target = target
            targetClass = TargetClass(target)
            roles = (edge.attributes["roles"] ?? edge.label).components(separatedBy: ", ").filter { !$0.isEmpty }
            tier = edge.flags.contains(.privileged) ? PrivilegeTier(scope: target.attributes["scope"] ?? "", roles: roles) : nil
        }
    }

    /// A node of the overview standing for holders.
    enum Unit {
        /// An access group, identity or service, by name.
        case holder(String)
        /// The holders of a tier not drawn by name whose grouping class is `targetClass`; `besides` when some of the
        /// tier's holders are drawn by name (the label then reads "+ …").
        case grouped(tier: PrivilegeTier, targetClass: TargetClass, members: [String], besides: Bool)
    }

    /// The box a unit and the targets it reaches are drawn in: its privilege tier, or the other access.
    enum Box: Hashable, Comparable {
        case tier(PrivilegeTier)
        case other

        /// Unique per box, for node and cluster ids.
        var key: String {
            switch self {
            case .tier(let tier): "tier:\(tier.rawValue)"
            case .other: "tier:other"
            }
        }

        var label: String {
            switch self {
            case .tier(let tier): tier.phrase
            case .other: "other access (not privileged)"
            }
        }
    }

    /// The budget being filled: the units placed, the target classes they reach (per box), and what was left out.
    struct Fit {
        let nodeBudget: Int
        let edgeBudget: Int
        let holdings: Holdings
        private(set) var units: [Unit] = []
        private var placed = Set<String>()
        /// Box and class key → the class, for every class a placed unit reaches.
        private var classes: [BoxedClass: TargetClass] = [:]
        private(set) var nodeCount = 0
        private var edgeCount = 0

        init(nodeBudget: Int, edgeBudget: Int, holdings: Holdings) {
            self.nodeBudget = nodeBudget
            self.edgeBudget = edgeBudget
            self.holdings = holdings
        }

        /// A target class drawn in one box.
        struct BoxedClass: Hashable, Comparable {
            let box: Box
            let key: String

            static func < (a: Self, b: Self) -> Bool { (a.box, a.key) < (b.box, b.key) }
        }

        func box(of unit: Unit) -> Box {
            switch unit {
            case .holder(let id): holdings.tiers[id].map(Box.tier) ?? .other
            case .grouped(let tier, _, _, _): .tier(tier)
            }
        }

        /// The target classes `unit`'s edges lead to.
        func reach(of unit: Unit) -> [TargetClass] {
            switch unit {
            case .holder(let id):
                var seen = Set<String>()
                return holdings.shownGrants(of: id).map(\.targetClass).filter { seen.insert($0.key).inserted }
            case .grouped(_, let targetClass, _, _):
                return [targetClass]
            }
        }

        /// Places `unit` if it and the classes it reaches fit both budgets.
        mutating func add(_ unit: Unit) -> Bool {
            if case .holder(let id) = unit, placed.contains(id) { return true }
            let box = box(of: unit)
            let reach = reach(of: unit)
            let new = reach.filter { classes[BoxedClass(box: box, key: $0.key)] == nil }.count
            guard nodeCount + 1 + new <= nodeBudget, edgeCount + reach.count <= edgeBudget else { return false }
            for targetClass in reach { classes[BoxedClass(box: box, key: targetClass.key)] = targetClass }
            nodeCount += 1 + new
            edgeCount += reach.count
            if case .holder(let id) = unit { placed.insert(id) }
            units.append(unit)
            return true
        }

        /// Places the holders of `tier`: `names` of them by name (split between the kinds of holder, access groups
        /// largest first), the others grouped by class, largest group first. The notes say how many of each and,
        /// on a line of their own, what did not fit at all.
        mutating func place(tier: PrivilegeTier, names: Int) -> [String] {
            let holders = holdings.holders(of: tier)
            guard !holders.isEmpty else { return [] }
            var byKind: [NodeKind: [String]] = [:]
            for holder in holders {
                guard let kind = holdings.nodes[holder]?.kind else { continue }
                byKind[kind, default: []].append(holder)
            }
            let kinds = NodeKind.allCases.filter { byKind[$0] != nil }
            if let groups = byKind[.accessGroup] {
                byKind[.accessGroup] = groups.sorted { (holdings.memberCount(of: $0), $1) > (holdings.memberCount(of: $1), $0) }
            }
            let shares = FairShare.split(names, demands: kinds.map { byKind[$0]?.count ?? 0 },
                                         weights: kinds.map { _ in 1 })
            var named = 0, others: [String] = []
            for (kind, share) in zip(kinds, shares) {
                for (position, holder) in (byKind[kind] ?? []).enumerated() {
                    if position < share, add(.holder(holder)) {
                        named += 1
                    } else {
                        others.append(holder)
                    }
                }
            }
            var grouped: [String: (targetClass: TargetClass, members: [String])] = [:]
            for holder in others {
                guard let targetClass = holdings.groupingClass(of: holder) else { continue }
                grouped[targetClass.key, default: (targetClass, [])].members.append(holder)
            }
            var groupNodes = 0, missed = 0
            for (_, group) in grouped.sorted(by: { ($0.value.members.count, $1.key) > ($1.value.members.count, $0.key) }) {
                if add(.grouped(tier: tier, targetClass: group.targetClass, members: group.members, besides: named > 0)) {
                    groupNodes += 1
                } else {
                    missed += group.members.count
                }
            }
            let note = "\(tier.phrase): \(named) of \(holders.count) holders by name"
                + (others.count > missed ? ", \(others.count - missed) grouped by target in \(groupNodes) node\(groupNodes == 1 ? "" : "s")" : "")
            guard missed > 0 else { return [note] }
            return [note, "\(tier.phrase) — left out: +\(missed) holders, see --privileged"]
        }

        /// Fills the room left with the other access groups, largest first; the note says how many.
        mutating func placeTheRest() -> String {
            let groups = holdings.holders.filter { holdings.tiers[$0] == nil && holdings.nodes[$0]?.kind == .accessGroup }
                .sorted { (holdings.memberCount(of: $0), $1) > (holdings.memberCount(of: $1), $0) }
            var shown = 0
            for group in groups where add(.holder(group)) { shown += 1 }
            let identities = holdings.holders.filter { holdings.tiers[$0] == nil && holdings.nodes[$0]?.kind.isIdentity == true }
            return "other access: \(shown) of \(groups.count) access groups; "
                + "\(identities.count) identities with only direct, non-privileged grants are not drawn (see access)"
        }

        /// The overview: the units, the target classes they reach in their box, one edge per unit and class, a
        /// cluster per box.
        func draft(notes: [String]) -> GraphDraft {
            var nodes: [Node] = []
            var boxes: [Box: [String]] = [:]
            var grantsByUnit: [(id: String, grants: [(key: BoxedClass, grants: [Grant])])] = []
            var targets: [BoxedClass: [String: Node]] = [:]
            for unit in units {
                let box = box(of: unit)
                let (node, grants) = self.node(for: unit)
                nodes.append(node)
                boxes[box, default: []].append(node.id)
                var merged: [BoxedClass: [Grant]] = [:]
                for grant in grants {
                    let key = BoxedClass(box: box, key: grant.targetClass.key)
                    merged[key, default: []].append(grant)
                    targets[key, default: [:]][grant.target.id] = grant.target
                }
                grantsByUnit.append((node.id, merged.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))
            }
            // A single target keeps its own id unless it is drawn in several boxes.
            var boxesOfTarget: [String: Int] = [:]
            for members in targets.values where members.count == 1 {
                for id in members.keys { boxesOfTarget[id, default: 0] += 1 }
            }
            var classNodes: [BoxedClass: String] = [:]
            for (key, members) in targets.sorted(by: { $0.key < $1.key }) {
                let sorted = members.values.sorted { $0.id < $1.id }
                var node: Node
                if sorted.count > 1, let targetClass = classes[key] {
                    node = targetClass.node(members: sorted)
                    node.id += "|" + key.box.key
                } else {
                    node = sorted[0]
                    if (boxesOfTarget[node.id] ?? 0) > 1 { node.id += "|" + key.box.key }
                }
                nodes.append(node)
                boxes[key.box, default: []].append(node.id)
                classNodes[key] = node.id
            }
            var edges = grantsByUnit.flatMap { unit in
                unit.grants.compactMap { key, grants in
                    classNodes[key].map { Self.edge(from: unit.id, to: $0, grants: grants) }
                }
            }
            Self.labelUniformRolesOnce(nodes: &nodes, edges: &edges)
            let clusters = boxes.sorted { $0.key < $1.key }.map { Cluster(id: $0.key.key, label: $0.key.label, nodeIDs: $0.value) }
            return GraphDraft(nodes: nodes, edges: edges, clusters: clusters, notes: notes)
        }

        /// Where every edge into a target carries the same role set, it is said once, on the target ("All account
        /// management services: Administrator"), and the edges go unlabelled: a hundred "Administrator" labels beside
        /// a hundred edges into one box hid the edges. The edges keep their `roles` (tooltips, the explorer).
        private static func labelUniformRolesOnce(nodes: inout [Node], edges: inout [Edge]) {
            var labels: [String: Set<String>] = [:], counts: [String: Int] = [:]
            for edge in edges {
                labels[edge.target, default: []].insert(edge.label)
                counts[edge.target, default: 0] += 1
            }
            let uniform = labels.compactMapValues { $0.count == 1 ? $0.first : nil }
                .filter { !$0.value.isEmpty && (counts[$0.key] ?? 0) > 1 }
            guard !uniform.isEmpty else { return }
            for index in nodes.indices {
                guard let roles = uniform[nodes[index].id] else { continue }
                nodes[index].label += ": " + roles
            }
            for index in edges.indices where uniform[edges[index].target] != nil {
                edges[index].label = ""
            }
        }

        /// A unit's node and the grants its edges stand for.
        private func node(for unit: Unit) -> (Node, [Grant]) {
            switch unit {
            case .holder(let holder):
                var node = holdings.nodes[holder] ?? Node(id: holder, kind: .accessGroup, label: holder)
                if let tier = holdings.tiers[holder] { node.attributes["privilege"] = tier.phrase }
                if node.kind == .accessGroup, !node.flags.contains(.everyone) {
                    let count = holdings.memberCount(of: holder)
                    node.label = "\(node.label) — \(count) member\(count == 1 ? "" : "s")"
                    let members = (holdings.members[holder] ?? []).compactMap { holdings.nodes[$0] }
                    if !members.isEmpty { node.attributes["member_names"] = MemberList.text(members) }
                }
                return (node, holdings.shownGrants(of: holder))
            case .grouped(let tier, let targetClass, let members, let besides):
                let memberNodes = members.compactMap { holdings.nodes[$0] }
                var counts: [NodeKind: Int] = [:]
                for member in memberNodes { counts[member.kind, default: 0] += 1 }
                let kinds = Self.holderKinds.filter { counts[$0] != nil }
                let parts = kinds.map { kind in
                    let count = counts[kind] ?? 0
                    let noun = count == 1 ? String(kind.plural.dropLast()) : kind.plural
                    guard kind == .accessGroup else { return "\(count) \(noun)" }
                    let people = members.filter { holdings.nodes[$0]?.kind == .accessGroup }.reduce(0) { $0 + holdings.memberCount(of: $1) }
                    return "\(count) \(noun) (\(people) member\(people == 1 ? "" : "s"))"
                }
                let kind = kinds.max { (counts[$0] ?? 0, $1) < (counts[$1] ?? 0, $0) } ?? .accessGroup
                let labelled = memberNodes.map { member in
                    guard member.kind == .accessGroup else { return member }
                    var member = member
                    let count = holdings.memberCount(of: member.id)
                    member.label = "\(member.label) (\(count) member\(count == 1 ? "" : "s"))"
                    return member
                }
                let node = Node(id: "aggregate:tier:\(tier.rawValue)|\(targetClass.key)", kind: kind,
                                label: (besides ? "+ " : "") + parts.joined(separator: ", "),
                                attributes: ["members": Overview.sample(memberNodes), "count": String(members.count),
                                             "member_names": MemberList.text(labelled, shown: MemberList.everyHolder),
                                             "privilege": tier.phrase],
                                flags: [.aggregate, .privileged])
                let grants = members.flatMap { member in
                    holdings.shownGrants(of: member).filter { $0.targetClass.key == targetClass.key }
                }
                return (node, grants)
            }
        }

        /// The kinds of holder, in the order a grouped node counts them.
        private static let holderKinds: [NodeKind] = [.accessGroup, .user, .serviceID, .trustedProfile, .service]
            + NodeKind.allCases.filter { ![.accessGroup, .user, .serviceID, .trustedProfile, .service].contains($0) }

        /// One edge from a unit to a target class for `grants`: the role set once, most powerful first.
        private static func edge(from source: String, to classKey: String, grants: [Grant]) -> Edge {
            var roles: [String] = [], policies: [String] = []
            for grant in grants {
                roles += grant.roles.filter { !roles.contains($0) }
                if let ids = grant.edge.attributes["policies"] { policies.append(ids) }
            }
            var edge = grants[0].edge
            edge.source = source
            edge.target = classKey
            for grant in grants.dropFirst() { NetworkMark.merge(grant.edge, into: &edge) }
            // Dashed only when every grant merged is conditional.
            if !grants.allSatisfy({ $0.edge.flags.contains(.conditional) }) { edge.flags.remove(.conditional) }
            edge.label = RoleList.label(roles)
            edge.attributes["roles"] = RoleList.ordered(roles).joined(separator: ", ")
            edge.attributes["policies"] = policies.prefix(20).joined(separator: ", ")
                + (policies.count > 20 ? ", and \(policies.count - 20) more" : "")
            return edge
        }
    }
}

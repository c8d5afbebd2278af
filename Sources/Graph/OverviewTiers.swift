import GraphValues

/// The overview of an account whose privileged holders do not fit the node budget (synthetic L: 1,363 privileged
/// access groups, over a thousand identities with privileged grants of their own).
///
/// Holders are placed tier by tier (`PrivilegeTier`: account administration, can assign access, privileged
/// service-wide, privileged on one resource group or instance):
/// - each access group is one node under its own name with its member count ("Admins — 37 members"), its first
///   members by name and email in `member_names` (the tooltip, the HTML explorer's search); largest groups first;
/// - identities holding the grant themselves are drawn by name when all of the tier's fit, else one node per direct
///   path ("14 users with direct grants on kms — account-wide");
/// - services holding it through an authorization by name.
///
/// The room left after the privileged tiers goes to the other access groups, largest first. Whatever does not fit is
/// counted per tier in the notes, never merged into a class of several groups.
///
/// Targets merge by class so edges stay readable (`TargetClass`); one edge joins a holder and a class, labelled with
/// the role set once. A privileged holder shows only the grants of its highest tier (the rest are in `access
/// --identity` and `--access-group`).
/// Memberships are inside the group nodes, so no `member_of` edge is drawn; each tier's holders are boxed together
/// under the tier's name.
struct OverviewTiers {
    let budget: Int

    /// At most this many edges, as `Aggregation` keeps.
    var edgeBudget: Int { budget * 2 }

    func apply(to draft: GraphDraft) -> GraphDraft {
        let holdings = Holdings(draft)
        var fit = Fit(nodeBudget: budget, edgeBudget: edgeBudget, holdings: holdings)
        var notes = draft.notes
        notes.append("overview of \(draft.nodes.count) nodes, privileged first, tier by tier; "
                     + "groups with member counts (--privileged, --full)")
        for everyone in holdings.everyone { _ = fit.add(.holder(everyone)) }
        for tier in PrivilegeTier.allCases {
            notes += fit.place(tier: tier)
        }
        notes.append(fit.placeTheRest())
        return fit.draft(notes: notes)
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

        /// The grants a holder's node shows: those of its highest privilege tier if it has any, else all. What an
        /// account administrator holds besides administration adds nothing to the review's question and, drawn, made
        /// hundreds of crossing edges on a large account (it is in the node's `access --identity`/`--access-group`).
        func shownGrants(of holder: String) -> [Grant] {
            let all = grants[holder] ?? []
            guard let tier = tiers[holder] else { return all }
            return all.filter { $0.tier == tier }
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
        /// Identities of one kind holding a tier's grant themselves on one target class.
        case directPath(kind: NodeKind, tier: PrivilegeTier, targetClass: TargetClass, members: [String])
    }

    /// The budget being filled: the units placed, the target classes they reach, and what was left out.
    struct Fit {
        let nodeBudget: Int
        let edgeBudget: Int
        let holdings: Holdings
        private(set) var units: [Unit] = []
        private var placed = Set<String>()
        private var classes: [String: TargetClass] = [:]
        private var nodeCount = 0
        private var edgeCount = 0

        init(nodeBudget: Int, edgeBudget: Int, holdings: Holdings) {
            self.nodeBudget = nodeBudget
            self.edgeBudget = edgeBudget
            self.holdings = holdings
        }

        /// The target classes `unit`'s edges lead to.
        func reach(of unit: Unit) -> [TargetClass] {
            switch unit {
            case .holder(let id):
                var seen = Set<String>()
                return holdings.shownGrants(of: id).map(\.targetClass).filter { seen.insert($0.key).inserted }
            case .directPath(_, _, let targetClass, _):
                return [targetClass]
            }
        }

        /// Places `unit` if it and the classes it reaches fit both budgets.
        mutating func add(_ unit: Unit) -> Bool {
            if case .holder(let id) = unit, placed.contains(id) { return true }
            let reach = reach(of: unit)
            let new = reach.filter { classes[$0.key] == nil }.count
            guard nodeCount + 1 + new <= nodeBudget, edgeCount + reach.count <= edgeBudget else { return false }
            for targetClass in reach { classes[targetClass.key] = targetClass }
            nodeCount += 1 + new
            edgeCount += reach.count
            if case .holder(let id) = unit { placed.insert(id) }
            units.append(unit)
            return true
        }

        /// Places the holders of `tier`; the notes say what was shown and, on a line of its own, what was left out.
        mutating func place(tier: PrivilegeTier) -> [String] {
            let holders = holdings.holders.filter { holdings.tiers[$0] == tier }
            let kinds = holders.compactMap { holdings.nodes[$0]?.kind }
            let groups = zip(holders, kinds).filter { $0.1 == .accessGroup }.map(\.0)
                .sorted { (holdings.memberCount(of: $0), $1) > (holdings.memberCount(of: $1), $0) }
            var missedGroups = 0, missedMembers = 0
            for group in groups where !add(.holder(group)) {
                missedGroups += 1
                missedMembers += holdings.memberCount(of: group)
            }
            let identities = zip(holders, kinds).filter { $0.1.isIdentity }.map(\.0)
            var missedIdentities = 0
            if !addAll(identities) {
                for path in directPaths(identities, tier: tier) where !add(path) {
                    if case .directPath(_, _, _, let members) = path { missedIdentities += members.count }
                }
            }
            let services = zip(holders, kinds).filter { $0.1 == .service }.map(\.0)
            var missedServices = 0
            for service in services where !add(.holder(service)) { missedServices += 1 }
            let note = "\(tier.phrase): \(groups.count - missedGroups) of \(groups.count) access groups, "
                + "\(identities.count - missedIdentities) of \(identities.count) identities holding it directly"
                + (services.isEmpty ? "" : ", \(services.count - missedServices) of \(services.count) services")
            let missed = [(missedGroups, "access groups (\(missedMembers) members)"), (missedIdentities, "identities"),
                          (missedServices, "services")].filter { $0.0 > 0 }.map { "+\($0.0) \($0.1)" }
            guard !missed.isEmpty else { return [note] }
            return [note, "\(tier.phrase) — left out: " + missed.joined(separator: ", ") + ", see --privileged"]
        }

        /// Places every one of `identities` by name, or none.
        private mutating func addAll(_ identities: [String]) -> Bool {
            let reached = identities.flatMap { reach(of: .holder($0)) }
            let new = Set(reached.map(\.key)).filter { classes[$0] == nil }.count
            guard nodeCount + identities.count + new <= nodeBudget, edgeCount + reached.count <= edgeBudget else { return false }
            for identity in identities { _ = add(.holder(identity)) }
            return true
        }

        /// The identities grouped by kind and the class of their first grant of `tier`, largest first.
        private func directPaths(_ identities: [String], tier: PrivilegeTier) -> [Unit] {
            var paths: [String: (kind: NodeKind, targetClass: TargetClass, members: [String])] = [:]
            for identity in identities {
                guard let kind = holdings.nodes[identity]?.kind,
                      let grant = holdings.grants[identity]?.first(where: { $0.tier == tier }) else { continue }
                let key = kind.rawValue + "|" + grant.targetClass.key
                paths[key, default: (kind, grant.targetClass, [])].members.append(identity)
            }
            return paths.sorted { ($0.value.members.count, $1.key) > ($1.value.members.count, $0.key) }
                .map { .directPath(kind: $0.value.kind, tier: tier, targetClass: $0.value.targetClass, members: $0.value.members) }
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

        /// The overview: the units, the target classes they reach, one edge per unit and class.
        func draft(notes: [String]) -> GraphDraft {
            var nodes: [Node] = []
            var grantsByUnit: [(id: String, grants: [(key: String, grants: [Grant])])] = []
            var targets: [String: [String: Node]] = [:]
            for unit in units {
                let (node, grants) = self.node(for: unit)
                nodes.append(node)
                var merged: [String: [Grant]] = [:]
                for grant in grants {
                    merged[grant.targetClass.key, default: []].append(grant)
                    targets[grant.targetClass.key, default: [:]][grant.target.id] = grant.target
                }
                grantsByUnit.append((node.id, merged.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))
            }
            var classNodes: [String: String] = [:]
            for (key, members) in targets.sorted(by: { $0.key < $1.key }) {
                let sorted = members.values.sorted { $0.id < $1.id }
                guard sorted.count > 1, let targetClass = classes[key] else {
                    nodes.append(sorted[0])
                    classNodes[key] = sorted[0].id
                    continue
                }
                let node = targetClass.node(members: sorted)
                nodes.append(node)
                classNodes[key] = node.id
            }
            let edges = grantsByUnit.flatMap { unit in
                unit.grants.compactMap { key, grants in
                    classNodes[key].map { Self.edge(from: unit.id, to: $0, grants: grants) }
                }
            }
            return GraphDraft(nodes: nodes, edges: edges, clusters: tierClusters(of: nodes), notes: notes)
        }

        /// One box per privilege tier around its holders, so "who is admin?" reads off the box's label.
        private func tierClusters(of nodes: [Node]) -> [Cluster] {
            var members: [PrivilegeTier: [String]] = [:]
            for node in nodes {
                guard let phrase = node.attributes["privilege"],
                      let tier = PrivilegeTier.allCases.first(where: { $0.phrase == phrase }) else { continue }
                members[tier, default: []].append(node.id)
            }
            return members.map { tier, ids in Cluster(id: "tier:\(tier.rawValue)", label: tier.phrase, nodeIDs: ids) }
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
            case .directPath(let kind, let tier, let targetClass, let members):
                let memberNodes = members.compactMap { holdings.nodes[$0] }
                let node = Node(id: "aggregate:direct:\(kind.rawValue)|\(tier.rawValue)|\(targetClass.key)", kind: kind,
                                label: "\(members.count) \(kind.plural) with direct grants on \(targetClass.label)",
                                attributes: ["members": Overview.sample(memberNodes), "count": String(members.count),
                                             "member_names": MemberList.text(memberNodes), "privilege": tier.phrase],
                                flags: [.aggregate, .privileged])
                let grants = members.flatMap { member in
                    (holdings.grants[member] ?? []).filter { $0.tier == tier && $0.targetClass.key == targetClass.key }
                }
                return (node, grants)
            }
        }

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

import GraphValues

/// A whole-account (or whole-service, whole-resource-group) view that does not fit the node budget, reduced the way
/// a security review reads it: privileged access first.
///
/// - Identities that hold a privileged grant themselves are always shown by name.
/// - Members of access groups (or holders of trusted profiles) with privileged grants are shown by name while they fit;
///   when they do not, the largest such groups are shown as "Admins — 37 members" instead (the names in the
///   tooltip), never dissolved into "N other users".
/// - Everyone else is summarised by the access groups they are in: every group that grants something is labelled
///   with its member count; identities with only non-privileged direct grants become one node per kind.
/// - Groups that grant nothing, and compute resources and claim rules of trusted profiles not shown by name, are
///   left out.
///
/// Policies must be collapsed into `grants` edges (the default). When this does not fit the budget (more privileged
/// holders than nodes), `OverviewTiers` draws the account tier by tier instead; when only the edges do not fit, the
/// generic `Aggregation` shrinks it, never merging the privileged nodes.
struct Overview {
    let budget: Int

    func apply(to draft: GraphDraft) -> GraphDraft {
        // Every access group that grants something, and every identity with a privileged grant of its own, is a node
        // of the plan's overview whatever it does: more of them than the budget, and it cannot fit (large accounts
        // have thousands), so the account is drawn tier by tier without planning what would be thrown away.
        guard Self.namedAtLeast(draft) <= budget else { return OverviewTiers(budget: budget).apply(to: draft) }
        return planned(draft)
    }

    /// The overview planned to fit the budget (`Plan`), or drawn tier by tier when the plan does not fit.
    func planned(_ draft: GraphDraft) -> GraphDraft {
        let roles = Roles(draft)
        var plan = Plan(roles: roles, nodes: draft.nodes)
        plan.fit(budget: budget)

        var nodes: [Node] = []
        var merges: [(node: Node, members: [String])] = []
        var unnamed: [NodeKind: [Node]] = [:]
        for node in draft.nodes {
            switch plan.fate(of: node) {
            case .shown: nodes.append(node)
            case .counted(let label, let names):
                var node = node
                node.label = label
                if !names.isEmpty { node.attributes["member_names"] = names }
                nodes.append(node)
            case .summarised: unnamed[node.kind, default: []].append(node)
            case .dropped: continue
            }
        }
        for (kind, members) in unnamed.sorted(by: { $0.key < $1.key }) {
            guard members.count > 1 else {
                nodes += members
                continue
            }
            let node = Node(id: "aggregate:direct:" + kind.rawValue, kind: kind,
                            label: "\(members.count) \(kind.plural) with direct, non-privileged grants",
                            attributes: ["members": Self.sample(members), "count": String(members.count)],
                            flags: .aggregate)
            nodes.append(node)
            merges.append((node, members.map(\.id)))
        }
        merges += Self.targetClasses(nodes.filter { $0.kind == .target && !roles.privilegedTargets.contains($0.id) })
        let kept = Set(nodes.map(\.id)).union(merges.flatMap(\.members))
        let edges = draft.edges.filter { edge in
            guard kept.contains(edge.source), kept.contains(edge.target) else { return false }
            switch edge.kind {
            case .memberOf: return plan.named.contains(edge.source) && plan.expanded.contains(edge.target)
            case .canAssume: return plan.named.contains(edge.target)
            case .grants, .assigned, .appliesTo, .covers, .contains, .escalatesTo: return true
            }
        }
        let clusters = draft.clusters.map { Cluster(id: $0.id, label: $0.label, nodeIDs: $0.nodeIDs.filter(kept.contains)) }
        var result = Aggregation.merge(GraphDraft(nodes: nodes, edges: edges,
                                                  clusters: clusters.filter { !$0.nodeIDs.isEmpty }, notes: draft.notes),
                                       merges)
        if result.nodes.count > budget {
            return OverviewTiers(budget: budget).apply(to: draft)
        }
        result.notes.append(plan.note(before: draft.nodes.count, after: result.nodes.count))
        if result.edges.count > budget * 2 {
            result = Aggregation(budget: budget, keep: plan.named.union(roles.privilegedHolders)).apply(to: result)
        }
        return result
    }

    /// How many nodes the plan shows at least, whatever it names: the access groups that grant something (shown with
    /// a member count, never merged) and the identities with a privileged grant of their own (always by name).
    static func namedAtLeast(_ draft: GraphDraft) -> Int {
        var grantors = Set<String>(), privileged = Set<String>()
        for edge in draft.edges where edge.kind == .grants {
            grantors.insert(edge.source)
            if edge.flags.contains(.privileged) { privileged.insert(edge.source) }
        }
        return draft.nodes.count { node in
            node.kind == .accessGroup ? grantors.contains(node.id) : node.kind.isIdentity && privileged.contains(node.id)
        }
    }

    /// Instance-level targets without privileged grants, merged per service and resource group ("kms — 7 instances
    /// or resources"): the edges to them merge by target class, each group's role set shown once per class.
    private static func targetClasses(_ targets: [Node]) -> [(node: Node, members: [String])] {
        var classes: [String: [Node]] = [:]
        for target in targets where target.attributes["scope"] == "instance" || target.attributes["scope"] == "resource_in_instance" {
            classes["\(target.attributes["service"] ?? "?")|\(target.attributes["resource_group"] ?? "")", default: []].append(target)
        }
        return classes.sorted { $0.key < $1.key }.filter { $0.value.count > 1 }.map { key, members in
            var node = Node(id: "aggregate:target:" + key, kind: .target,
                            label: "\(members[0].attributes["service"] ?? "?") — \(members.count) instances or resources",
                            attributes: ["members": sample(members), "count": String(members.count)], flags: .aggregate)
            node.attributes["service"] = members[0].attributes["service"]
            node.attributes["resource_group"] = members[0].attributes["resource_group"]
            return (node, members.map(\.id))
        }
    }

    /// A few member labels for a tooltip.
    static func sample(_ members: [Node]) -> String {
        let names = members.map(\.label).sorted()
        return names.prefix(20).joined(separator: ", ") + (names.count > 20 ? ", … (\(names.count) in all)" : "")
    }

    /// Who holds what in the draft: the privileged holders and the memberships that make identities privileged.
    struct Roles {
        /// Nodes with a privileged grant of their own (identities, groups, services).
        let privilegedHolders: Set<String>
        /// Sources of any grant.
        let grantors: Set<String>
        /// Targets of a privileged grant.
        let privilegedTargets: Set<String>
        /// Identity → the privileged groups (or trusted profiles it can assume) that make it privileged.
        let privilegedVia: [String: [String]]
        /// Group or profile → its identity members, in draft order.
        let members: [String: [String]]
        /// Compute resource or claim rule → the trusted profiles it can assume.
        let assumable: [String: [String]]

        init(_ draft: GraphDraft) {
            let kinds = Dictionary(draft.nodes.map { ($0.id, $0.kind) }, uniquingKeysWith: { first, _ in first })
            var holders = Set<String>(), grantors = Set<String>(), privilegedTargets = Set<String>()
            for edge in draft.edges where edge.kind == .grants {
                grantors.insert(edge.source)
                if edge.flags.contains(.privileged) {
                    holders.insert(edge.source)
                    privilegedTargets.insert(edge.target)
                }
            }
            self.privilegedTargets = privilegedTargets
            var via: [String: [String]] = [:], members: [String: [String]] = [:], assumable: [String: [String]] = [:]
            for edge in draft.edges where edge.kind == .memberOf || edge.kind == .canAssume {
                guard kinds[edge.source]?.isIdentity == true else {
                    assumable[edge.source, default: []].append(edge.target)
                    continue
                }
                members[edge.target, default: []].append(edge.source)
                if holders.contains(edge.target) { via[edge.source, default: []].append(edge.target) }
            }
            privilegedHolders = holders
            self.grantors = grantors
            privilegedVia = via
            self.members = members
            self.assumable = assumable
        }
    }

    /// What the overview does with each node, worked out to fit the budget.
    struct Plan {
        let roles: Roles
        /// Identities shown by name.
        private(set) var named: Set<String> = []
        /// Privileged groups and profiles whose members are shown by name (the others show a member count only).
        private(set) var expanded: Set<String> = []
        private let nodes: [String: Node]
        private let fixed: Int

        enum Fate {
            case shown
            /// Shown with a member count label; the member names for the tooltip.
            case counted(label: String, names: String)
            /// Merged into the "N users with direct, non-privileged grants" node of its kind.
            case summarised
            case dropped
        }

        init(roles: Roles, nodes: [Node]) {
            self.roles = roles
            self.nodes = Dictionary(nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            var fixed = 0
            for node in nodes {
                if node.kind.isIdentity {
                    if roles.privilegedHolders.contains(node.id) { fixed += 1 }
                } else if node.kind != .computeResource && node.kind != .claimRule
                            && (node.kind != .accessGroup || roles.grantors.contains(node.id)) {
                    fixed += 1
                }
            }
            self.fixed = fixed + 3  // the per-kind summaries (compute resources and claim rules are few)
        }

        /// Names every privileged member while they fit; otherwise shows the largest privileged groups as counts,
        /// one at a time, until the named members fit.
        mutating func fit(budget: Int) {
            expanded = Set(roles.privilegedVia.values.joined())
            let direct = roles.privilegedHolders.filter { nodes[$0]?.kind.isIdentity == true }
            // How many expanded groups (or profiles) name each identity.
            var namings = roles.privilegedVia.mapValues(\.count)
            named = direct.union(namings.keys)
            let order = expanded.sorted {
                (roles.members[$0]?.count ?? 0, $1) > (roles.members[$1]?.count ?? 0, $0)
            }
            // Largest first; one pass over the order (removing from its front each time was quadratic in the groups).
            for group in order {
                guard fixed + named.count > budget else { break }
                expanded.remove(group)
                for member in roles.members[group] ?? [] {
                    guard let count = namings[member] else { continue }
                    namings[member] = count - 1
                    if count == 1, !direct.contains(member) { named.remove(member) }
                }
            }
        }

        func fate(of node: Node) -> Fate {
            switch node.kind {
            case .user, .serviceID, .trustedProfile:
                if named.contains(node.id) { return .shown }
                return roles.grantors.contains(node.id) ? .summarised : .dropped
            case .accessGroup:
                guard roles.grantors.contains(node.id) else { return .dropped }
                if node.flags.contains(.everyone) { return .shown }  // Public Access has no members to count
                let count = node.attributes["members"].flatMap(Int.init) ?? roles.members[node.id]?.count ?? 0
                let label = "\(node.label) — \(count) member\(count == 1 ? "" : "s")"
                guard roles.privilegedHolders.contains(node.id), !expanded.contains(node.id) else {
                    return .counted(label: label, names: "")
                }
                let names = (roles.members[node.id] ?? []).compactMap { nodes[$0] }
                return .counted(label: label, names: MemberList.text(names))
            case .computeResource, .claimRule:
                return roles.assumable[node.id]?.contains(where: named.contains) == true ? .shown : .dropped
            case .account, .policy, .role, .target, .resourceGroup, .serviceInstance, .service:
                return .shown
            }
        }

        func note(before: Int, after: Int) -> String {
            let privileged = named.count
            let counted = roles.privilegedHolders.filter { nodes[$0]?.kind == .accessGroup && !expanded.contains($0) }.count
            return "overview of \(before) nodes in \(after): privileged identities by name (\(privileged))"
                + (counted > 0 ? ", \(counted) privileged groups as member counts" : "")
                + ", everyone else by access group (--full shows every node)"
        }
    }
}

import GraphValues

/// The overview's last resort on a very large account, when even the privileged holders do not fit the budget
/// (synthetic L: 1,232 identities with privileged grants of their own, 1,363 privileged groups): holders are grouped
/// by the path that makes them what they are — their kind, whether it is privileged, and the service (or scope) of
/// their first such grant — with counts ("57 access groups, 1,204 members: privileged on kms"). Account-wide
/// privileged holders (account administrators, whoever can assign access) stay by name while they take at most a
/// quarter of the budget; targets below account level merge per service whether privileged or not.
enum OverviewClasses {
    /// Target scopes whose privileged holders are never grouped.
    static let accountWide: Set<String> = ["account", "all_iam_enabled_services", "all_account_management",
                                           "all_iam_account_management", "account_management_service"]

    /// The draft with holders and targets grouped as described; `keep` are the ids still shown by name.
    static func apply(to draft: GraphDraft, budget: Int) -> (draft: GraphDraft, keep: Set<String>) {
        let nodes = Dictionary(draft.nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var keep = Set<String>()
        var firstGrant: [String: (privileged: Bool, target: Node)] = [:]
        for edge in draft.edges where edge.kind == .grants {
            guard let target = nodes[edge.target] else { continue }
            let privileged = edge.flags.contains(.privileged)
            if privileged, accountWide.contains(target.attributes["scope"] ?? "") { keep.insert(edge.source) }
            if let known = firstGrant[edge.source], known.privileged || !privileged { continue }
            firstGrant[edge.source] = (privileged, target)
        }
        // Account administrators by name while they take at most a quarter of the budget; grouped like the rest beyond.
        if keep.count > budget / 4 { keep = [] }
        keep.formUnion(draft.nodes.filter { $0.flags.contains(.everyone) }.map(\.id))  // Public Access, always
        var classes: [String: [Node]] = [:]
        for node in draft.nodes where !keep.contains(node.id) && !node.flags.contains(.everyone) {
            guard node.kind.isIdentity || node.kind == .accessGroup, let grant = firstGrant[node.id] else { continue }
            let key = "\(node.kind.rawValue)|\(grant.privileged)|\(area(of: grant.target))"
            classes[key, default: []].append(node)
        }
        var merges: [(node: Node, members: [String])] = classes.sorted { $0.key < $1.key }.filter { $0.value.count > 1 }
            .map { key, members in
                let privileged = firstGrant[members[0].id]?.privileged == true
                let reach = firstGrant[members[0].id].map { area(of: $0.target) } ?? "?"
                let people = members.reduce(0) { $0 + (Int($1.attributes["members"] ?? "") ?? 0) }
                let count = members.reduce(0) { $0 + (Int($1.attributes["count"] ?? "") ?? 1) }
                let what = members[0].kind == .accessGroup ? "\(count) access groups, \(people) members" : "\(count) \(members[0].kind.plural)"
                var node = Node(id: "aggregate:class:" + key, kind: members[0].kind,
                                label: "\(what): \(privileged ? "privileged" : "access") on \(reach)",
                                attributes: ["members": Overview.sample(members), "count": String(count)],
                                flags: privileged ? [.aggregate, .privileged] : .aggregate)
                if members[0].kind == .accessGroup { node.attributes["member_count"] = String(people) }
                return (node, members.map(\.id))
            }
        // Targets: account-wide scopes stay; every other scope merges per service (or per kind of scope).
        var targetClasses: [String: [Node]] = [:]
        for node in draft.nodes where node.kind == .target && !accountWide.contains(node.attributes["scope"] ?? "") {
            targetClasses[area(of: node), default: []].append(node)
        }
        merges += targetClasses.sorted { $0.key < $1.key }.filter { $0.value.count > 1 }.map { key, members in
            let count = members.reduce(0) { $0 + (Int($1.attributes["count"] ?? "") ?? 1) }
            var node = Node(id: "aggregate:target-class:" + key, kind: .target, label: "\(key) — \(count) scopes",
                            attributes: ["members": Overview.sample(members), "count": String(count)], flags: .aggregate)
            node.attributes["service"] = members[0].attributes["service"]
            return (node, members.map(\.id))
        }
        // Each group of holders keeps the edges that define it — to its service's scopes — and those to account-wide
        // scopes; the rest of its access is in the members' own maps. One edge per group → scope class.
        var merged = Aggregation.merge(draft, merges)
        var home: [String: String] = [:]
        for (node, members) in merges where node.id.hasPrefix("aggregate:class:") {
            if let grant = firstGrant[members[0]] { home[node.id] = "aggregate:target-class:" + area(of: grant.target) }
        }
        let shownTargets = Dictionary(merged.nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        merged.edges = merged.edges.filter { edge in
            guard edge.kind == .grants, let own = home[edge.source] else { return true }
            return edge.target == own || accountWide.contains(shownTargets[edge.target]?.attributes["scope"] ?? "")
        }
        return (merged, keep.union(merges.map(\.node.id)))
    }

    /// Where a grant reaches, in a reviewer's words: its service, else its scope.
    private static func area(of target: Node) -> String {
        if let service = target.attributes["service"] { return service }
        return target.attributes["scope"].map { $0.replacingOccurrences(of: "_", with: " ") } ?? target.label
    }
}

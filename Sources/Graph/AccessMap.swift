import Analysis
import GraphValues
import Model

/// Builds the map a review needs — a view of the account's access graph — from a snapshot's account.
package enum AccessMap {
    /// The view `options` describe, aggregated to the node budget. Throws when the focus names nothing (or several
    /// things) in the snapshot.
    package static func build(_ account: IAMAccount, options: ViewOptions) throws(Lookup.Failure) -> AccessGraph {
        try view(account, options: options).graph
    }

    /// The view, and the node ids of every entity of the account whether the view draws it or not (what a map of
    /// changes needs to tell "gone from the account" from "gone from the view").
    static func view(_ account: IAMAccount,
                     options: ViewOptions) throws(Lookup.Failure) -> (graph: AccessGraph, entities: Set<String>) {
        var (view, focus, entities) = try draft(account, options: options)
        if let budget = options.maxNodes, view.nodes.count > budget {
            view = options.summarisesAsOverview
                ? Overview(budget: budget).apply(to: view)
                : Aggregation(budget: budget, keep: focus.nodes).apply(to: view)
        }
        return (view.graph(title: title(account, focus: focus, privileged: options.privilegedOnly)), entities)
    }

    /// The view before it is fitted to the node budget, its focus, and the node ids of every entity of the account.
    static func draft(_ account: IAMAccount, options: ViewOptions)
        throws(Lookup.Failure) -> (draft: GraphDraft, focus: FocusSelection, entities: Set<String>) {
        let index = AccessIndex(account)
        let focus = try FocusSelection(options.focus, index: index)
        let full = AccountGraphBuilder(index: index, coverage: options.needsCoverage ? focus.coverage : .none,
                                       policyNodes: options.shownKinds.contains(.policy))
        var view = select(full, focus: focus, options: options)
        if options.privilegedOnly { view = PrivilegedFilter.apply(to: view) }
        addEscalation(index, focus: options.focus, all: options.escalation, to: &view)
        return (view, focus, Set(full.nodes.keys))
    }

    /// The focus's nodes of the shown kinds and the edges between them, nodes in id order, edges in the builder's.
    private static func select(_ full: AccountGraphBuilder, focus: FocusSelection, options: ViewOptions) -> GraphDraft {
        let shown = options.shownKinds
        let visible: Set<String>
        if var allowed = focus.allowed {
            if options.needsCoverage {
                // Instances and resource groups reached from the allowed targets.
                let reach = full.edges.filter { ($0.kind == .covers || $0.kind == .contains) }
                for _ in 0..<2 {
                    for edge in reach where allowed.contains(edge.source) { allowed.insert(edge.target) }
                }
            }
            visible = allowed.filter { full.nodes[$0].map { shown.contains($0.kind) } ?? false }
        } else {
            visible = Set(full.nodes.lazy.filter { shown.contains($0.value.kind) }.map(\.key))
        }
        // Without policy nodes, the edges at a policy (most of a large account's) are skipped unhashed.
        let policiesShown = shown.contains(.policy)
        var edges = full.edges.filter { edge in
            (policiesShown || !AccountGraphBuilder.endsAtPolicy(edge.kind))
                && visible.contains(edge.source) && visible.contains(edge.target)
        }
        if !shown.contains(.policy) {
            edges += PolicyCollapse.edges(full.collapsedPolicies, policies: focus.allowed, visible: visible)
        }
        // Every edge joins two visible nodes; the focus is shown even without edges.
        var shownIDs = focus.nodes.intersection(visible)
        for edge in edges {
            shownIDs.insert(edge.source)
            shownIDs.insert(edge.target)
        }
        let nodes = shownIDs.sorted().compactMap { full.nodes[$0] }
        return GraphDraft(nodes: nodes, edges: edges,
                          clusters: ClusterAssignment.clusters(nodes, by: options.clustering, account: full.account))
    }

    /// The escalation paths to draw: every identity's with `--escalation`, else the focused identity's own.
    private static func addEscalation(_ index: AccessIndex, focus: ViewOptions.Focus, all: Bool, to view: inout GraphDraft) {
        var identity: String?
        if case .identity(let query) = focus { identity = try? Lookup.identity(query, in: index.account).iamID }
        guard all || identity != nil else { return }
        let escalation = Escalation(index)
        let paths = all ? escalation.paths : escalation.paths.filter { $0.iamID == identity }
        guard !paths.isEmpty else { return }
        EscalationOverlay.add(escalation, paths: paths, index: index, to: &view)
        view.notes.append("escalation paths to account administration drawn in purple (docs/escalation.md)")
    }

    private static func title(_ account: IAMAccount, focus: FocusSelection, privileged: Bool) -> String {
        "\(account.displayName) — \(focus.description)\(privileged ? ", privileged access only" : "") — snapshot \(account.fetchedAt.raw)"
    }
}

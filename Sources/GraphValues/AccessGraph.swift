/// A view of who can do what, as plain values: nodes, edges and clusters, ready for the JSON emitter or the renderer.
/// Nodes and edges are kept sorted (nodes by id, edges by source, target, kind, label), so equal inputs give equal
/// outputs.
package struct AccessGraph: Sendable, Equatable {
    package var title: String
    /// Lines shown under the title, e.g. that the view was aggregated to fit the node budget.
    package var notes: [String]
    package private(set) var nodes: [Node]
    package private(set) var edges: [Edge]
    /// Groupings of nodes drawn as boxes (e.g. resource groups).
    package var clusters: [Cluster]

    package init(title: String, notes: [String] = [], nodes: [Node], edges: [Edge], clusters: [Cluster] = []) {
        self.title = title
        self.notes = notes
        self.nodes = nodes.sorted { $0.id < $1.id }
        self.edges = Self.sorted(edges, nodes: self.nodes)
        self.clusters = clusters.sorted { $0.id < $1.id }
    }

    /// `edges.sorted()` (stable: equal edges keep their order), with each end compared by its node's position in
    /// `nodes` (sorted by id) rather than by its id: a whole account's view has hundreds of thousands of edges, whose
    /// ids then are hashed once instead of compared at every step of the sort. Edges with an end that is not a node
    /// are sorted by their ids.
    private static func sorted(_ edges: [Edge], nodes: [Node]) -> [Edge] {
        var position: [String: Int] = [:]
        position.reserveCapacity(nodes.count)
        for (index, node) in nodes.enumerated() where position[node.id] == nil { position[node.id] = index }
        var keys: [(source: Int, target: Int, kind: Int, index: Int)] = []
        keys.reserveCapacity(edges.count)
        for (index, edge) in edges.enumerated() {
            guard let source = position[edge.source], let target = position[edge.target] else { return edges.sorted() }
            keys.append((source, target, kindOrder[edge.kind] ?? 0, index))
        }
        keys.sort { a, b in
            if a.source != b.source { return a.source < b.source }
            if a.target != b.target { return a.target < b.target }
            if a.kind != b.kind { return a.kind < b.kind }
            let labels = (edges[a.index].label, edges[b.index].label)
            return labels.0 != labels.1 ? labels.0 < labels.1 : a.index < b.index
        }
        return keys.map { edges[$0.index] }
    }

    /// Each edge kind's position in the order of their raw values (`Edge`'s `<` compares kinds by raw value).
    private static let kindOrder = Dictionary(
        uniqueKeysWithValues: EdgeKind.allCases.sorted { $0.rawValue < $1.rawValue }.enumerated().map { ($1, $0) })

    package var nodeIDs: Set<String> { Set(nodes.map(\.id)) }

    package func node(_ id: String) -> Node? { nodes.first { $0.id == id } }

    package func edges(from id: String) -> [Edge] { edges.filter { $0.source == id } }
    package func edges(to id: String) -> [Edge] { edges.filter { $0.target == id } }
}

/// A node: a stable, readable id `kind:ibm-id`, its kind, a label, and attributes (ids, CRNs, roles, console link).
package struct Node: Sendable, Hashable {
    package var id: String
    package var kind: NodeKind
    package var label: String
    /// Facts shown as the tooltip and emitted in JSON: `iam_id`, `crn`, `email`, `roles`, `url`, …
    package var attributes: [String: String]
    package var flags: Flags

    package init(id: String, kind: NodeKind, label: String, attributes: [String: String] = [:], flags: Flags = []) {
        self.id = id
        self.kind = kind
        self.label = label
        self.attributes = attributes
        self.flags = flags
    }

    /// Builds the stable id of an entity: `kind:ibm-id`.
    package static func id(_ kind: NodeKind, _ ibmID: String) -> String { "\(kind.rawValue):\(ibmID)" }
}

/// An edge between two node ids, with a kind, an optional label (role names, rule name, condition) and attributes.
package struct Edge: Sendable, Hashable, Comparable {
    package var source: String
    package var target: String
    package var kind: EdgeKind
    package var label: String
    package var attributes: [String: String]
    package var flags: Flags

    package init(source: String, target: String, kind: EdgeKind, label: String = "", attributes: [String: String] = [:],
                flags: Flags = []) {
        self.source = source
        self.target = target
        self.kind = kind
        self.label = label
        self.attributes = attributes
        self.flags = flags
    }

    package static func < (a: Edge, b: Edge) -> Bool {
        (a.source, a.target, a.kind.rawValue, a.label) < (b.source, b.target, b.kind.rawValue, b.label)
    }
}

/// Review-relevant marks on nodes and edges, which the renderer turns into styles.
package struct Flags: OptionSet, Sendable, Hashable {
    package let rawValue: Int
    package init(rawValue: Int) { self.rawValue = rawValue }

    /// Grants a privileged role (Administrator, Manager, account-management or IAM administration).
    package static let privileged = Flags(rawValue: 1 << 0)
    /// Applies only under conditions (time-based or other rule): drawn dashed.
    package static let conditional = Flags(rawValue: 1 << 1)
    /// Points at something that does not exist (a deleted instance, an unknown group): drawn in warning style.
    package static let warning = Flags(rawValue: 1 << 2)
    /// Stands for several entities collapsed to fit the node budget.
    package static let aggregate = Flags(rawValue: 1 << 3)
    /// Dynamic membership (through a rule).
    package static let dynamic = Flags(rawValue: 1 << 4)
    /// Everyone, unauthenticated users included (Public Access).
    package static let everyone = Flags(rawValue: 1 << 5)
    /// In a map of changes: only in the newer snapshot.
    package static let added = Flags(rawValue: 1 << 6)
    /// In a map of changes: only in the older snapshot.
    package static let removed = Flags(rawValue: 1 << 7)
    /// In a map of changes: unchanged, shown as context around a change.
    package static let context = Flags(rawValue: 1 << 8)
    /// An escalation step (`render --escalation`, `escalation --format dot`): drawn purple, bold and tapered.
    package static let escalation = Flags(rawValue: 1 << 9)
    /// In a map of changes: a new privileged grant (a new administrator, a new right to assign access), or the
    /// identity or group that gained it.
    package static let privilegedGain = Flags(rawValue: 1 << 10)
    /// A grant on something an enforced context-based-restrictions rule protects whole: usable only from the rule's
    /// network zones (the rule, its zones and mode are in the edge's `network_restriction` attribute). Edges merged
    /// into one keep it only when every one of them had it.
    package static let networkRestricted = Flags(rawValue: 1 << 11)

    /// Every flag with its name, in a fixed order.
    package static let named: [(Flags, String)] = [
        (.privileged, "privileged"), (.conditional, "conditional"), (.warning, "warning"),
        (.aggregate, "aggregate"), (.dynamic, "dynamic"), (.everyone, "everyone"),
        (.added, "added"), (.removed, "removed"), (.context, "context"), (.escalation, "escalation"),
        (.privilegedGain, "privileged-gain"), (.networkRestricted, "network-restricted"),
    ]

    /// The names of all flags, in the fixed order of `names` (e.g. for GraphML's key declarations).
    package static let allNames: [String] = named.map(\.1)

    /// Names of the set flags, in a fixed order, for JSON.
    package var names: [String] { Self.named.filter { contains($0.0) }.map(\.1) }
}

/// A box around nodes, e.g. a resource group.
package struct Cluster: Sendable, Hashable {
    package var id: String
    package var label: String
    package var nodeIDs: [String]

    package init(id: String, label: String, nodeIDs: [String]) {
        self.id = id
        self.label = label
        self.nodeIDs = nodeIDs.sorted()
    }
}

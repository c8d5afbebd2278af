import Foundation
import GraphValues
import Model
import Snapshot

/// `--redact` on a map: after `SnapshotRedaction` has replaced names and free text in the snapshot (which every
/// command's `--redact` does), also replaces IAM ids and the account id in the map's node ids, labels and attributes
/// by the same stable pseudonyms, so a map can be shared outside the security team. A grouped node keeps its count
/// but not its sample of member labels.
package struct Redaction {
    private let accountID: String
    private let accountPseudonym: String
    private var names: [String: String] = [:]

    /// `accountID` and `accountName` are replaced wherever they appear.
    package init(accountID: String, accountName: String?) {
        self.accountID = accountID
        accountPseudonym = Self.pseudonym("account", accountID)
        if let accountName, !accountName.isEmpty { names[accountName] = accountPseudonym }
    }

    /// `prefix-` followed by 8 hex characters of the value's SHA-256: `SnapshotRedaction`'s pseudonyms, so a map
    /// and the reports of one run name an entity alike.
    package static func pseudonym(_ prefix: String, _ value: String) -> String {
        SnapshotRedaction.pseudonym(prefix, value)
    }

    package func apply(to graph: AccessGraph) -> AccessGraph {
        var redaction = self
        var renamed: [String: String] = [:]
        var nodes: [Node] = []
        for var node in graph.nodes {
            let prefix = node.kind == .user ? "user" : node.kind == .serviceID ? "serviceid" : "profile"
            if node.kind.isIdentity && !node.flags.contains(.aggregate) {
                let key = node.attributes["iam_id"] ?? node.id
                let alias = Self.pseudonym(prefix, key)
                redaction.names[node.label] = alias
                if let email = node.attributes["email"] { redaction.names[email] = alias + "@redacted.invalid" }
                redaction.names[key] = alias
                if let id = node.attributes["id"] { redaction.names[id] = alias }
                renamed[node.id] = Node.id(node.kind, alias)
                node.id = Node.id(node.kind, alias)
                node.label = alias
                let hadEmail = node.attributes["email"] != nil
                // The template marks stay: ids of templates and pseudonyms of their names, nothing of the identity.
                let template = node.attributes.filter { TemplateAttributes.keys.contains($0.key) }
                node.attributes = ["iam_id": alias].merging(template) { alias, _ in alias }
                if hadEmail { node.attributes["email"] = alias + "@redacted.invalid" }
            }
            // Identities with the same access, grouped, are named after their first member
            // (`aggregate:user:<IAM id>`): after its pseudonym instead, as the member's own node would be.
            let namedAfterMember = "aggregate:" + Node.id(node.kind, "")
            if node.kind.isIdentity && node.flags.contains(.aggregate) && node.id.hasPrefix(namedAfterMember) {
                let member = String(node.id.dropFirst(namedAfterMember.count))
                let alias = "aggregate:" + Node.id(node.kind, Self.pseudonym(prefix, member))
                renamed[node.id] = alias
                node.id = alias
            }
            // A grouped node shows its count only: its sample of member labels may hold what the map replaces (an
            // identity without a name is labelled by its id, one the snapshot lacks by its IAM id) inside a list
            // that `scrub` cannot take apart.
            if node.flags.contains(.aggregate) { node.attributes["members"] = nil }
            node.attributes["member_names"] = nil  // an overview's group members, by name
            nodes.append(node)
        }
        let r = redaction
        nodes = nodes.map { node in
            var node = node
            node.label = r.scrub(node.label)
            node.attributes = node.attributes.mapValues(r.scrub)
            node.id = r.scrub(node.id)
            return node
        }
        let edges = graph.edges.map { edge in
            var edge = edge
            edge.source = r.scrub(renamed[edge.source] ?? edge.source)
            edge.target = r.scrub(renamed[edge.target] ?? edge.target)
            edge.label = r.scrub(edge.label)
            edge.attributes = edge.attributes.mapValues(r.scrub)
            return edge
        }
        let clusters = graph.clusters.map {
            Cluster(id: r.scrub($0.id), label: r.scrub($0.label), nodeIDs: $0.nodeIDs.map { r.scrub(renamed[$0] ?? $0) })
        }
        return AccessGraph(title: r.scrub(graph.title), notes: graph.notes.map(r.scrub), nodes: nodes, edges: edges,
                           clusters: clusters)
    }

    /// Replaces the account id anywhere in the text, and a whole text that is a known name, email or id.
    private func scrub(_ text: String) -> String {
        if let alias = names[text] { return alias }
        var result = text.replacingOccurrences(of: accountID, with: accountPseudonym)
        // Titles embed names ("effective access of Ann Lee"): replace the longer known names first.
        if result.contains(" — ") {
            for (name, alias) in names.sorted(by: { $0.key.count > $1.key.count }) where name.count > 2 {
                result = result.replacingOccurrences(of: name, with: alias)
            }
        }
        return result
    }
}

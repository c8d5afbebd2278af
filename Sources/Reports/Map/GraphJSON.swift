import Foundation
import GraphValues
import Model
import Graph
import Snapshot

/// The versioned JSON form of a rendered view (`--format json`), documented in docs/graph-json.md.
/// Keys are sorted; nodes by id, edges by source, target, kind and label; so equal views give equal bytes.
package enum GraphJSON {
    package static let formatName = "iamgraph-graph"
    package static let version = 1

    package static func data(_ graph: AccessGraph, account: IAMAccount, options: ViewOptions, redacted: Bool = false) throws -> Data {
        let accountName = redacted ? Redaction.pseudonym("account", account.accountID) : account.displayName
        let accountID = redacted ? Redaction.pseudonym("account", account.accountID) : account.accountID
        let document = Document(
            account: .init(id: accountID, name: accountName, fetchedAt: account.fetchedAt.raw,
                           scope: account.scope.description),
            view: .init(focus: options.focus.description, title: graph.title, notes: graph.notes,
                        policies: options.showPolicies, cluster: options.clustering.rawValue,
                        include: options.include.map(\.rawValue).sorted(), exclude: options.exclude.map(\.rawValue).sorted(),
                        maxNodes: options.maxNodes, redacted: redacted),
            nodes: graph.nodes.map(NodeRecord.init),
            edges: graph.edges.map(EdgeRecord.init),
            clusters: graph.clusters.map { .init(id: $0.id, label: $0.label, nodes: $0.nodeIDs) })
        return try CanonicalJSON.data(encoding: VersionedDocument(format: formatName, version: version, body: document))
    }

    struct Document: Encodable {
        let account: Account
        let view: View
        let nodes: [NodeRecord]
        let edges: [EdgeRecord]
        let clusters: [ClusterEntry]
    }

    struct Account: Encodable {
        let id: String
        let name: String
        let fetchedAt: String
        let scope: String
        enum CodingKeys: String, CodingKey { case id, name, scope, fetchedAt = "fetched_at" }
    }

    struct View: Encodable {
        let focus: String
        let title: String
        let notes: [String]
        let policies: Bool
        let cluster: String
        let include: [String]
        let exclude: [String]
        let maxNodes: Int?
        let redacted: Bool
        enum CodingKeys: String, CodingKey {
            case focus, title, notes, policies, cluster, include, exclude, redacted
            case maxNodes = "max_nodes"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(focus, forKey: .focus)
            try c.encode(title, forKey: .title)
            try c.encode(notes, forKey: .notes)
            try c.encode(policies, forKey: .policies)
            try c.encode(cluster, forKey: .cluster)
            try c.encode(include, forKey: .include)
            try c.encode(exclude, forKey: .exclude)
            try c.encode(maxNodes, forKey: .maxNodes)  // null when --full
            try c.encode(redacted, forKey: .redacted)
        }
    }


    struct ClusterEntry: Encodable {
        let id: String
        let label: String
        let nodes: [String]
    }
}

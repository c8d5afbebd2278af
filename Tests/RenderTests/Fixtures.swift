import Foundation
import Graph
import GraphValues

/// Small access graphs built by hand for the renderer's tests.
enum Fixtures {
    /// Three nodes, two edges: the smallest readable map.
    static let tiny = AccessGraph(
        title: "Tiny account",
        nodes: [
            Node(id: "user:alice", kind: .user, label: "alice@example.com"),
            Node(id: "access_group:admins", kind: .accessGroup, label: "Admins"),
            Node(id: "target:all", kind: .target, label: "All resources", flags: [.privileged]),
        ],
        edges: [
            Edge(source: "user:alice", target: "access_group:admins", kind: .memberOf),
            Edge(source: "access_group:admins", target: "target:all", kind: .grants, label: "Administrator",
                 flags: [.privileged]),
        ])

    /// Several node kinds, a cluster, edges with every flag, a console link.
    static let small = AccessGraph(
        title: "Small account",
        notes: ["Aggregated to fit 400 nodes"],
        nodes: [
            Node(id: "account:a1", kind: .account, label: "Account a1"),
            Node(id: "user:alice", kind: .user, label: "alice@example.com",
                 attributes: ["email": "alice@example.com", "iam_id": "IBMid-1",
                              "url": "https://cloud.ibm.com/iam/users/IBMid-1"]),
            Node(id: "user:37", kind: .user, label: "37 users", flags: [.aggregate]),
            Node(id: "service_id:ci", kind: .serviceID, label: "ci-deployer"),
            Node(id: "trusted_profile:tp", kind: .trustedProfile, label: "k8s workloads"),
            Node(id: "access_group:admins", kind: .accessGroup, label: "Admins"),
            Node(id: "access_group:public", kind: .accessGroup, label: "Public Access", flags: [.everyone]),
            Node(id: "policy:p1", kind: .policy, label: "p1"),
            Node(id: "role:admin", kind: .role, label: "Administrator"),
            Node(id: "target:rg-prod", kind: .target, label: "All resources in resource group prod"),
            Node(id: "resource_group:prod", kind: .resourceGroup, label: "prod"),
            Node(id: "service_instance:cos", kind: .serviceInstance, label: "cos-prod"),
            Node(id: "service_instance:gone", kind: .serviceInstance, label: "deleted instance", flags: [.warning]),
            Node(id: "service:kms", kind: .service, label: "kms"),
            Node(id: "compute_resource:cluster", kind: .computeResource, label: "iks-prod"),
            Node(id: "claim_rule:r1", kind: .claimRule, label: "claims: group=ops"),
        ],
        edges: [
            Edge(source: "user:alice", target: "access_group:admins", kind: .memberOf),
            Edge(source: "user:37", target: "access_group:admins", kind: .memberOf, label: "rule ops",
                 flags: [.dynamic]),
            Edge(source: "access_group:admins", target: "policy:p1", kind: .assigned),
            Edge(source: "policy:p1", target: "role:admin", kind: .grants, flags: [.privileged]),
            Edge(source: "policy:p1", target: "target:rg-prod", kind: .appliesTo, label: "weekdays 9-17",
                 attributes: ["condition": "dateTimeGreaterThan"], flags: [.conditional]),
            Edge(source: "target:rg-prod", target: "resource_group:prod", kind: .covers),
            Edge(source: "resource_group:prod", target: "service_instance:cos", kind: .contains),
            Edge(source: "target:rg-prod", target: "service_instance:gone", kind: .covers, flags: [.warning]),
            Edge(source: "service_id:ci", target: "access_group:admins", kind: .memberOf),
            Edge(source: "compute_resource:cluster", target: "trusted_profile:tp", kind: .canAssume),
            Edge(source: "claim_rule:r1", target: "trusted_profile:tp", kind: .canAssume),
            Edge(source: "access_group:public", target: "service:kms", kind: .assigned, label: "Reader"),
            Edge(source: "account:a1", target: "resource_group:prod", kind: .contains),
        ],
        clusters: [
            Cluster(id: "resource_group:prod", label: "Resource group prod",
                    nodeIDs: ["resource_group:prod", "service_instance:cos"]),
        ])

    /// Every kind of hostile text the APIs could hand over, in names, labels, attributes, title and clusters.
    static let hostile: AccessGraph = {
        let huge = String(repeating: "A", count: 100_000)
        let evil = "\"quoted\" back\\slash \\N \\G \\E \\n \\l {braces} <b>bold</b> & &lt; &#60;script&#62;"
        return AccessGraph(
            title: "Title \\N with \"quotes\"\nand a newline \u{202E}reversed <script>alert(1)</script>",
            notes: ["note \\G", huge],
            nodes: [
                Node(id: "user:\"quoted\\id\\", kind: .user, label: evil,
                     attributes: ["email": "<script>alert(1)</script>", "url": "javascript:alert(1)",
                                  "note": "\" onload=\"alert(1)", "huge": huge]),
                Node(id: "user:line\nbreak--id", kind: .user, label: "multi\nline\r\nlabel\ttab\u{0}nul",
                     attributes: ["url": "https://cloud.ibm.com/iam/users/x\" onmouseover=\"alert(1)"]),
                Node(id: "access_group:\u{202E}evil", kind: .accessGroup,
                     label: "\u{202E}quorg nimda\u{202C} \u{2066}isolate\u{2069} \u{200F}rtl",
                     attributes: ["onload": "alert(1)", "member_names": "<svg/onload=alert(2)> <admin@evil.example>"]),
                Node(id: "access_group:huge", kind: .accessGroup, label: huge, attributes: ["description": huge]),
                Node(id: "service_instance:<svg onload=alert(1)>", kind: .serviceInstance,
                     label: "<svg onload=alert(1)>", attributes: ["url": "https://cloud.ibm.com/\u{202E}x"],
                     flags: [.warning]),
                Node(id: "legend", kind: .role, label: "a node named like the legend"),
            ],
            edges: [
                Edge(source: "user:\"quoted\\id\\", target: "access_group:\u{202E}evil", kind: .memberOf,
                     label: "<script>alert(1)</script>", attributes: ["url": "javascript:alert(1)", "x": evil],
                     flags: [.privileged, .conditional]),
                Edge(source: "user:line\nbreak--id", target: "access_group:huge", kind: .memberOf, label: huge,
                     flags: [.dynamic]),
                Edge(source: "access_group:huge", target: "service_instance:<svg onload=alert(1)>", kind: .assigned,
                     label: "ends with a backslash \\", flags: [.warning]),
                Edge(source: "access_group:huge", target: "legend", kind: .grants, label: "\\"),
            ],
            clusters: [
                Cluster(id: "cluster:\"}", label: "} subgraph x { \"evil\" \\N <i>", nodeIDs: [
                    "access_group:huge", "service_instance:<svg onload=alert(1)>", "not-a-node",
                ]),
            ])
    }()

    /// A synthetic graph of `users` users in `groups` groups, each group granted a role on one of `targets`
    /// targets, the targets spread over `clusters` clusters: `users + groups + targets` nodes, `users + groups` edges.
    static func synthetic(users: Int, groups: Int, targets: Int, clusters: Int = 0) -> AccessGraph {
        var nodes: [Node] = []
        var edges: [Edge] = []
        for g in 0..<groups {
            nodes.append(Node(id: "access_group:g\(g)", kind: .accessGroup, label: "group \(g)"))
            edges.append(Edge(source: "access_group:g\(g)", target: "target:t\(g % targets)", kind: .grants,
                              label: "Viewer", flags: g % 7 == 0 ? [.privileged] : []))
        }
        for t in 0..<targets {
            nodes.append(Node(id: "target:t\(t)", kind: .target, label: "target \(t)"))
        }
        for u in 0..<users {
            nodes.append(Node(id: "user:u\(u)", kind: .user, label: "user\(u)@example.com"))
            edges.append(Edge(source: "user:u\(u)", target: "access_group:g\((u * 7) % groups)", kind: .memberOf))
        }
        let boxes = (0..<clusters).map { c in
            Cluster(id: "rg\(c)", label: "Resource group \(c)",
                    nodeIDs: (0..<targets).filter { $0 % clusters == c }.map { "target:t\($0)" })
        }
        return AccessGraph(title: "Synthetic", nodes: nodes, edges: edges, clusters: boxes)
    }
}

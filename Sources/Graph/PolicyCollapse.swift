/// Replaces policy and role nodes by one edge from each policy's subject to its target, labelled with the role names
/// (and a short condition); edges with the same ends and conditionality are merged, their roles and policy ids joined.
enum PolicyCollapse {
    static func edges(full: AccountGraphBuilder, policies: Set<String>, visible: Set<String>) -> [Edge] {
        var subjects: [String: [String]] = [:], targets: [String: [Edge]] = [:]
        for edge in full.edges where policies.contains(edge.target) && edge.kind == .assigned {
            subjects[edge.target, default: []].append(edge.source)
        }
        for edge in full.edges where policies.contains(edge.source) && edge.kind == .appliesTo {
            targets[edge.source, default: []].append(edge)
        }
        var merged: [MergeKey: (roles: [String], policies: [String], conditions: [String], flags: Flags)] = [:]
        for policyID in policies.sorted() {
            guard let policy = full.nodes[policyID] else { continue }
            let roles = (policy.attributes["roles"] ?? "").split(separator: ", ").map(String.init)
            for subject in subjects[policyID] ?? [] where visible.contains(subject) {
                for applies in targets[policyID] ?? [] where visible.contains(applies.target) {
                    let key = MergeKey(source: subject, target: applies.target,
                                       conditional: policy.flags.contains(.conditional))
                    var entry = merged[key] ?? ([], [], [], [])
                    entry.roles += roles.filter { !entry.roles.contains($0) }
                    entry.policies.append(policy.attributes["id"] ?? policyID)
                    if !applies.label.isEmpty, !entry.conditions.contains(applies.label) { entry.conditions.append(applies.label) }
                    entry.flags.formUnion(policy.flags.intersection([.privileged, .conditional]))
                    merged[key] = entry
                }
            }
        }
        return merged.map { key, entry in
            let label = ([entry.roles.joined(separator: ", ")] + entry.conditions).joined(separator: "\n")
            return Edge(source: key.source, target: key.target, kind: .grants, label: label,
                        attributes: ["policies": entry.policies.joined(separator: ", "),
                                     "roles": entry.roles.joined(separator: ", ")],
                        flags: entry.flags)
        }
    }

    private struct MergeKey: Hashable {
        let source: String
        let target: String
        let conditional: Bool
    }
}

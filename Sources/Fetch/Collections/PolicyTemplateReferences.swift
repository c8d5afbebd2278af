import Snapshot

/// The policy templates a fetch lists the versions of (`policy_template_versions`): every template id that a policy
/// assignment (`template.id`, or the older top-level `template_id`), an access group or trusted profile template
/// (`policy_template_references[].id`) or a policy made from a template (`template.id`) refers to.
enum PolicyTemplateReferences {
    /// The collections whose items may refer to policy templates.
    static let sources: [CollectionKind] = [
        .policyAssignments, .accessGroupTemplates, .trustedProfileTemplates, .accessPolicies, .authorizationPolicies,
    ]

    /// The template ids the `items` of `kind` refer to; empty ids are skipped (no path can name them).
    static func ids(in items: [Any], of kind: CollectionKind) -> Set<String> {
        var ids = Set<String>()
        for case let item as [String: Any] in items {
            ids.formUnion(referenced(by: item, kind).filter { !$0.isEmpty })
        }
        return ids
    }

    /// The template ids one item names: an assignment's template, a policy's template, or an access group or trusted
    /// profile template's policy template references (the other `sources`).
    private static func referenced(by item: [String: Any], _ kind: CollectionKind) -> [String] {
        if kind == .policyAssignments {
            return [((item["template"] as? [String: Any])?["id"] as? String) ?? (item["template_id"] as? String)].compactMap { $0 }
        }
        if kind.holdsPolicies {
            return [(item["template"] as? [String: Any])?["id"] as? String].compactMap { $0 }
        }
        return ((item["policy_template_references"] as? [Any]) ?? []).compactMap { ($0 as? [String: Any])?["id"] as? String }
    }
}

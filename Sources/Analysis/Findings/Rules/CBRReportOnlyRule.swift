import Model
import Snapshot

/// Rules about context-based restrictions (network access to services).
struct CBRReportOnlyRule: AlwaysEvaluatedRule {
    static let id = "cbr-report-only"
    static let severity = Severity.warning
    static let title = "Sensitive service protected only by a report-only network restriction"
    static let summary =
        "A context-based-restrictions rule covering a sensitive service (keys, secrets, data, clusters, IAM) is in report mode and no enforced rule covers the same instances: requests from any network are allowed and only reported."
    static let fix =
        "Once the rule's reports show no legitimate requests from outside its zones, set its enforcement mode to enabled."
    static let requires: Set<CollectionKind> = [.cbrRules]
    static let alsoReads: Set<CollectionKind> = [.resourceInstances, .cbrZones]

    static func findings(_ c: FindingContext) -> [Finding] {
        let account = c.account
        let reporting = account.cbrRules.compactMap { rule -> (rule: CBRRule, sensitive: [String])? in
            guard rule.enforcementMode == .report else { return nil }
            let services = Set(rule.resources.flatMap { $0.filter { $0.name == "serviceName" }.map(\.value) })
            let sensitive = services.intersection(sensitiveServices).sorted()
            return sensitive.isEmpty ? nil : (rule, sensitive)
        }
        // The rules on each instance a rule with a reporting rule's id protects (no other instance is covered by one
        // below), worked out once for every rule below, when some rule only reports on a sensitive service.
        guard !reporting.isEmpty else { return [] }
        let reportingIDs = Set(reporting.map(\.rule.id))
        let rules = account.cbrRules, instances = account.resourceInstances, restrictions = c.index.networkRestrictions
        let protected = restrictions.instances(instances, protectedByRulesAt: Set(rules.indices.filter { reportingIDs.contains(rules[$0].id) }))
            .map { (instance: instances[$0], restrictions: restrictions.protecting(instances[$0])) }
        return reporting.compactMap { rule, sensitive -> Finding? in
            let covering = protected.filter { $0.restrictions.contains { $0.rule.id == rule.id } }
            // The instances the rule covers that no enforced rule covers too.
            let exposed = covering.filter { !$0.restrictions.contains(where: \.restrictsAll) }.map(\.instance)
            let covered = !covering.isEmpty
            // A rule whose every instance is also under an enforced rule exposes nothing.
            guard !exposed.isEmpty || !covered else { return nil }
            let zones = rule.zoneIDs.map { id in account.cbrZones.first { $0.id == id }?.name ?? id }
            return Finding(.cbrReportOnly,
                           entities: [FindingEntity(.cbrRule, id: rule.id, name: rule.description)]
                               + exposed.map { c.instance($0.instanceID) },
                           why: "only reports requests to \(sensitive.joined(separator: ", ")) from outside "
                               + (zones.isEmpty ? "its zones" : zones.joined(separator: ", "))
                               + (exposed.isEmpty ? "" : " (\(exposed.count) instance\(exposed.count == 1 ? "" : "s") without an enforced rule)"))
        }
    }

    /// Services whose instances hold keys, secrets, data, clusters or IAM itself: a restriction that only reports is
    /// worth a warning there.
    private static let sensitiveServices: Set<String> = [
        "kms", "hs-crypto", "secrets-manager", "cloud-object-storage", "containers-kubernetes", "is", "iam-identity",
        "iam-groups", "iam-access-management", "databases-for-postgresql", "databases-for-mysql", "databases-for-mongodb",
        "databases-for-redis", "databases-for-elasticsearch", "databases-for-etcd", "messages-for-rabbitmq", "messagehub",
    ]
}

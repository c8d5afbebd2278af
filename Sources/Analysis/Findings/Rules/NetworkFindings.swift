import Model

/// Rules about context-based restrictions (network access to services).
enum NetworkFindings {
    /// Services whose instances hold keys, secrets, data, clusters or IAM itself: a restriction that only reports is
    /// worth a warning there.
    static let sensitiveServices: Set<String> = [
        "kms", "hs-crypto", "secrets-manager", "cloud-object-storage", "containers-kubernetes", "is", "iam-identity",
        "iam-groups", "iam-access-management", "databases-for-postgresql", "databases-for-mysql", "databases-for-mongodb",
        "databases-for-redis", "databases-for-elasticsearch", "databases-for-etcd", "messages-for-rabbitmq", "messagehub",
    ]

    static func reportOnlyRestrictions(_ c: FindingContext) -> [Finding] {
        let account = c.account
        guard account.cbrRules.contains(where: { $0.enforcementMode == .report }) else { return [] }
        // The rules on each instance, worked out once for every rule below.
        let protected = account.resourceInstances.compactMap { instance in
            let restrictions = c.index.networkRestrictions.protecting(instance)
            return restrictions.isEmpty ? nil : (instance: instance, restrictions: restrictions)
        }
        return account.cbrRules.compactMap { rule -> Finding? in
            guard rule.enforcementMode == .report else { return nil }
            let services = Set(rule.resources.flatMap { $0.filter { $0.name == "serviceName" }.map(\.value) })
            let sensitive = services.intersection(sensitiveServices).sorted()
            guard !sensitive.isEmpty else { return nil }
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
}

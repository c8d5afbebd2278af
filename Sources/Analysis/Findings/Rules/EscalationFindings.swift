import Model

/// The privilege-escalation rule: identities that are not account administrators but can become one by using the
/// access they hold on IAM itself (docs/escalation.md).
enum EscalationFindings {
    static func privilegeEscalation(_ c: FindingContext) -> [Finding] {
        let escalation = Escalation(c.index)
        let policies = Dictionary(c.account.accessPolicies.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return escalation.paths.map { path in
            var seen = Set<FindingEntity>()
            let entities = ([c.identity(path.iamID)] + path.edges.flatMap { edge -> [FindingEntity] in
                var entities = entity(edge.to, c).map { [$0] } ?? []
                if let policy = edge.policyID.flatMap({ policies[$0] }) { entities.append(c.policy(policy)) }
                return entities
            }).filter { seen.insert($0).inserted }
            let steps = path.primitiveCount
            return Finding(.privilegeEscalation, entities: entities,
                           why: "can become account administrator in \(steps) step\(steps == 1 ? "" : "s")"
                               + (path.isConditional ? " (conditional)" : "") + ": " + escalation.text(path, in: c.index))
        }
    }

    private static func entity(_ node: EscalationNode, _ c: FindingContext) -> FindingEntity? {
        switch node {
        case .identity(let iamID): c.identity(iamID)
        case .accessGroup(let id): c.group(id)
        case .instance(let guid): c.instance(guid)
        case .grantableScope, .accountAdministration: nil
        }
    }
}

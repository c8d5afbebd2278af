import Model

/// The privilege-escalation rule: identities that are not account administrators but can become one by using the
/// access they hold on IAM itself (error), and identities that cannot, but can escalate into administering a
/// sensitive service or a resource group they do not administer yet (warning) — docs/escalation.md.
enum EscalationFindings {
    static func privilegeEscalation(_ c: FindingContext) -> [Finding] {
        let administration = Escalation(c.index)
        let sensitive = Escalation(c.index, goal: .sensitiveAdministration, graph: administration.graph)
        let policies = Dictionary(c.account.accessPolicies.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let settled = Set(administration.holders + administration.paths.map(\.iamID))
        return administration.paths.map { finding($0, administration, policies, c, severity: .error) }
            + sensitive.paths.filter { !settled.contains($0.iamID) }.map { finding($0, sensitive, policies, c, severity: .warning) }
    }

    private static func finding(_ path: EscalationPath, _ escalation: Escalation, _ policies: [String: Policy],
                                _ c: FindingContext, severity: Severity) -> Finding {
        var seen = Set<FindingEntity>()
        let entities = ([c.identity(path.iamID)] + path.edges.flatMap { edge -> [FindingEntity] in
            var entities = entity(edge.to, c).map { [$0] } ?? []
            if let policy = edge.policyID.flatMap({ policies[$0] }) { entities.append(c.policy(policy)) }
            return entities
        }).filter { seen.insert($0).inserted }
        let steps = path.primitiveCount
        let gains: String = switch escalation.goal {
        case .accountAdministration: "can become account administrator"
        case .instance: "can gain " + escalation.goalLabel(in: c.index)
        case .sensitiveAdministration:
            "can gain " + (path.edges.last.map { escalation.label($0.to, in: c.index) } ?? escalation.goalLabel(in: c.index))
        }
        return Finding(.privilegeEscalation, entities: entities,
                       why: "\(gains) in \(steps) step\(steps == 1 ? "" : "s")"
                           + (path.isConditional ? " (conditional)" : "") + ": " + escalation.text(path, in: c.index),
                       severity: severity)
    }

    private static func entity(_ node: EscalationNode, _ c: FindingContext) -> FindingEntity? {
        switch node {
        case .identity(let iamID): c.identity(iamID)
        case .accessGroup(let id): c.group(id)
        case .instance(let guid): c.instance(guid)
        case .grantableScope, .accountAdministration, .administrationPart, .administration: nil
        }
    }
}

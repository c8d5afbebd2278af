import Model
import Snapshot

/// The privilege-escalation rule: identities that are not account administrators but can become one by using the
/// access they hold on IAM itself (docs/escalation.md).
struct PrivilegeEscalationRule: AlwaysEvaluatedRule {
    static let id = "privilege-escalation"
    static let severity = Severity.error
    static let title = "Can become account administrator"
    static let summary =
        "The identity is not an account administrator, but can become one by using the access it holds on IAM itself: adding itself to an access group, creating an API key for a service ID, editing a trusted profile's trust, assigning itself access, or running a workload a trusted profile trusts. The why lists its shortest path step by step (docs/escalation.md)."
    static let fix =
        "Break the path at its first step: narrow the policy that enables it (to the groups, service IDs or profiles it is meant for, or to a role without the action), or make the target less privileged."
    static let requires: Set<CollectionKind> = [.accessPolicies, .accessGroups, .accessGroupMembers]
    static let alsoReads: Set<CollectionKind> = [.roles, .serviceIDs, .trustedProfiles, .trustedProfileLinks, .trustedProfileIdentities, .resourceInstances, .account]

    static func findings(_ c: FindingContext) -> [Finding] {
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

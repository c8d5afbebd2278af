import Model
import Snapshot

/// The privilege-escalation rule: identities that are not account administrators but can become one by using the
/// access they hold on IAM itself (error), and identities that cannot, but can escalate into administering a
/// sensitive service or a resource group they do not administer yet (warning) — docs/escalation.md.
struct PrivilegeEscalationRule: AlwaysEvaluatedRule {
    static let id = "privilege-escalation"
    static let severity = Severity.error
    static let title = "Can escalate to administration"
    static let summary =
        "The identity is not an account administrator, but can become one (error) — or, short of that, can become administrator of a sensitive service (Key Protect, Hyper Protect Crypto Services, Secrets Manager, IAM Identity) or of all resources in a resource group it does not administer yet (warning) — by using the access it holds on IAM itself: adding itself to an access group, creating an API key for a service ID, editing a trusted profile's trust, assigning itself access, or running a workload a trusted profile trusts. The why lists its shortest path step by step (docs/escalation.md)."
    static let fix =
        "Break the path at its first step: narrow the policy that enables it (to the groups, service IDs or profiles it is meant for, or to a role without the action), or make the target less privileged."
    static let requires: Set<CollectionKind> = [.accessPolicies, .accessGroups, .accessGroupMembers]
    static let alsoReads: Set<CollectionKind> = [.roles, .serviceIDs, .trustedProfiles, .trustedProfileLinks, .trustedProfileIdentities, .resourceInstances, .account]
    /// It builds the escalation graph and searches it from every identity.
    static let isCostly = true

    static func findings(_ c: FindingContext) -> [Finding] {
        let administration = Escalation(c.index)
        let sensitive = Escalation(c.index, goal: .sensitiveAdministration, graph: administration.graph)
        let settled = Set(administration.holders + administration.paths.map(\.iamID))
        let warnings = sensitive.paths.filter { !settled.contains($0.iamID) }
        let policies = policiesOnPaths(administration.paths + warnings, c.account.accessPolicies)
        var errors = EscalationWording(administration, in: c.index), others = EscalationWording(sensitive, in: c.index)
        return administration.paths.map { finding($0, administration, &errors, policies, c, severity: .error) }
            + warnings.map { finding($0, sensitive, &others, policies, c, severity: .warning) }
    }

    /// The policies the paths' steps name, by id (the first of a repeated id): a few of the account's many, found by
    /// reading every policy's id in place (a subscript read of an array retains it).
    private static func policiesOnPaths(_ paths: [EscalationPath], _ all: [Policy]) -> [String: Policy] {
        let named = Set(paths.lazy.flatMap(\.edges).compactMap(\.policyID))
        var policies: [String: Policy] = [:]
        all.withUnsafeBufferPointer { all in
            for position in all.indices where named.contains(all[position].id) && policies[all[position].id] == nil {
                policies[all[position].id] = all[position]
            }
        }
        return policies
    }

    /// - Parameter wording: `escalation`'s words, shared by its findings.
    private static func finding(_ path: EscalationPath, _ escalation: Escalation, _ wording: inout EscalationWording,
                                _ policies: [String: Policy], _ c: FindingContext, severity: Severity) -> Finding {
        // Each entity once, where it first appears: a path names a few, so a scan finds the repeated ones without
        // hashing every entity into a set. The identity's entity is named as `AccessIndex.name(ofIAMID:)` names it, so
        // the path's text starts with its name rather than looking it up again.
        let identity = c.identity(path.iamID)
        var entities = [identity]
        func add(_ entity: FindingEntity) {
            if !entities.contains(entity) { entities.append(entity) }
        }
        for edge in path.edges {
            if let entity = entity(edge.to, c) { add(entity) }
            if let policy = edge.policyID.flatMap({ policies[$0] }) { add(c.policy(policy)) }
        }
        let steps = path.primitiveCount
        let gains: String = switch escalation.goal {
        case .accountAdministration: "can become account administrator"
        case .instance: "can gain " + escalation.goalLabel(in: c.index)
        case .sensitiveAdministration:
            "can gain " + (path.edges.last.map { wording.label($0.to) } ?? escalation.goalLabel(in: c.index))
        }
        return Finding(.privilegeEscalation, entities: entities,
                       why: "\(gains) in \(steps) step\(steps == 1 ? "" : "s")"
                           + (path.isConditional ? " (conditional)" : "") + ": " + wording.text(path, startNamed: identity.name),
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

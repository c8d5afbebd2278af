import Model

/// What each path source (an IAM id's own policies, an access group's policies) grants in two snapshots: for a source
/// that grants something else in the new one, the roles it stopped and started granting, worked out once however many
/// holders reach it; and everything a source grants, described once however many paths to it open or close. A grant
/// is keyed by policy, role, target and condition.
struct SourceGrants {
    /// The roles a source stopped (`lost`) and started (`gained`) granting.
    struct Delta: Sendable {
        let lost: [GrantedRole]
        let gained: [GrantedRole]
    }

    private struct Key: Hashable {
        let policyID: String
        let roleID: String
        let target: String
        let condition: String?
    }

    private let old: AccessIndex
    private let new: AccessIndex
    /// What each source that grants something else in the new snapshot stopped and started granting.
    let deltas: [AccessPath.Source: Delta]
    /// What `all(_:as:)` answered, by direction and source.
    private var everything: [AccessChange.Direction: [AccessPath.Source: [GrantedRole]]] = [:]
    /// Every role described so far, each once.
    private var roles: DescribedRoles

    /// Keys every source of either snapshot whose policies differ, once: linear in their policies. A source whose
    /// policies and their targets are equal in both snapshots grants the same, and is passed over.
    init(old: AccessIndex, new: AccessIndex) {
        self.old = old
        self.new = new
        var sources = Set<AccessPath.Source>()
        for index in [old, new] {
            sources.formUnion(index.policiesOfIAMID.keys.map { .subject(iamID: $0) })
            sources.formUnion(index.policiesOfGroup.keys.map { .accessGroup(id: $0) })
        }
        var deltas: [AccessPath.Source: Delta] = [:], roles = DescribedRoles()
        for source in sources where !Self.grantsAlike(source, old: old, new: new) {
            let before = Self.keyed(source, in: old), after = Self.keyed(source, in: new)
            // The same keys (as many, each in both) grant the same.
            if before.count == after.count && before.keys.allSatisfy({ after[$0] != nil }) { continue }
            deltas[source] = Delta(
                lost: before.compactMap { key, policy in
                    after[key] == nil ? roles.describe(roleID: key.roleID, of: policy, in: old) : nil
                },
                gained: after.compactMap { key, policy in
                    before[key] == nil ? roles.describe(roleID: key.roleID, of: policy, in: new) : nil
                })
        }
        self.deltas = deltas
        self.roles = roles
    }

    /// Every role described so far, each once, by `GrantedRole.number`.
    var described: [GrantedRole] { roles.all }

    /// Every role the source grants in the old snapshot, as lost, or in the new one, as gained; described once per
    /// source and direction.
    mutating func all(_ source: AccessPath.Source, as direction: AccessChange.Direction) -> [GrantedRole] {
        if let known = everything[direction]?[source] { return known }
        let grants = Self.words(Asked(source: source, direction: direction), old: old, new: new).map { roles.describe($0) }
        everything[direction, default: [:]][source] = grants
        return grants
    }

    /// A source whose every role `all(_:as:)` is asked for in a direction: the source of a way that closed (lost)
    /// or opened (gained).
    struct Asked: Hashable, Sendable {
        let source: AccessPath.Source
        let direction: AccessChange.Direction
    }

    /// What `all(_:as:)` answers for each of `asked`, described ahead of it, on two threads — the words made from
    /// the snapshots in pieces (`SideBySide.pieces`: weighed by policies, two halves left one thread a third of the
    /// work), then numbered on this one in the order of `asked` (each source and direction
    /// once): on XL, describing the roles of every closed and opened way's source was most of the diff's one-thread
    /// step after the holders' paths are matched.
    mutating func describe(_ asked: [Asked]) {
        var seen = Set<Asked>()
        let asked = asked.filter { everything[$0.direction]?[$0.source] == nil && seen.insert($0).inserted }
        let (old, new) = (old, new)
        let words = SideBySide.pieces(asked.count, weight: {
            (asked[$0].direction == .lost ? old : new).policies(of: asked[$0].source).count
        }) { range in
            range.map { Self.words(asked[$0], old: old, new: new) }
        }
        for (asked, words) in zip(asked, words) {
            everything[asked.direction, default: [:]][asked.source] = words.map { roles.describe($0) }
        }
    }

    /// The words of every role `asked`'s source grants: in the old snapshot when lost, in the new one when gained.
    private static func words(_ asked: Asked, old: AccessIndex, new: AccessIndex) -> [GrantedRole.Words] {
        let index = asked.direction == .lost ? old : new
        return keyed(asked.source, in: index).map { GrantedRole.Words(roleID: $0.key.roleID, of: $0.value, in: index) }
    }

    /// Whether the source has equal policies with equal targets in both snapshots, so that it grants the same.
    private static func grantsAlike(_ source: AccessPath.Source, old: AccessIndex, new: AccessIndex) -> Bool {
        let before = old.policies(of: source), after = new.policies(of: source)
        guard before.count == after.count else { return false }
        // By offset: the policies are compared in place, not copied (a copy retains each of a policy's fields).
        for offset in before.indices
        where before[offset] != after[offset] || old.target(of: before[offset]) != new.target(of: after[offset]) {
            return false
        }
        return true
    }

    private static func keyed(_ source: AccessPath.Source, in index: AccessIndex) -> [Key: Policy] {
        var keyed: [Key: Policy] = [:]
        for policy in index.policies(of: source) {
            let target = index.target(of: policy).key, condition = policy.rule?.description
            for roleID in policy.roleIDs {
                keyed[Key(policyID: policy.id, roleID: roleID, target: target, condition: condition)] = policy
            }
        }
        return keyed
    }
}

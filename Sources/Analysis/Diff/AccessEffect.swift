/// Effective-access changes of one cause that read as one line: every holder who gained (or lost) the same roles of
/// the same policy through the same way — "94 members of access group Release Viewers gained Administrator + Manager
/// on All IAM-enabled services".
public struct AccessEffect: Sendable, Hashable {
    public let direction: AccessChange.Direction
    /// The roles' short names, in the order the changes list them.
    public let roles: [String]
    /// The roles' CRNs, in the same order.
    public let roleIDs: [String]
    public let policyID: String
    /// The target in the docs' words.
    public let targetLabel: String
    /// The way the holders reach the policy (the same for all of them); empty when they hold it directly.
    public let path: [AccessStep]
    /// The policy's conditions, if any.
    public let condition: String?
    /// Who gained or lost it, in `AccessHolder` order.
    public let holders: [AccessHolder]
    /// Whether any of the roles is privileged on the target.
    public let isPrivileged: Bool

    /// The access changes of `changes` (each with its holder, in holder order as `SnapshotDiff.access` lists them)
    /// collapsed by direction, policy, target, condition and way, in the order of their first change.
    static func collapse(_ changes: [(holder: AccessHolder, change: AccessChange)]) -> [AccessEffect] {
        struct Key: Hashable {
            let direction: AccessChange.Direction
            let policyID: String
            let target: String
            let condition: String?
            let path: [String]
        }
        var order: [Key] = []
        var grouped: [Key: [(holder: AccessHolder, change: AccessChange)]] = [:]
        for item in changes {
            let change = item.change
            let key = Key(direction: change.direction, policyID: change.policyID, target: change.target.key,
                          condition: change.condition, path: change.path.ids)
            if grouped[key] == nil { order.append(key) }
            grouped[key, default: []].append(item)
        }
        return order.compactMap { key in
            guard let items = grouped[key], let first = items.first?.change else { return nil }
            var roleIDs: [String] = [], roles: [String] = [], seen = Set<String>()
            for item in items where seen.insert(item.change.roleID).inserted {
                roleIDs.append(item.change.roleID)
                roles.append(item.change.role)
            }
            return AccessEffect(direction: key.direction, roles: roles, roleIDs: roleIDs, policyID: key.policyID,
                                targetLabel: first.targetLabel, path: first.path, condition: key.condition,
                                holders: distinct(items.map(\.holder)),
                                isPrivileged: items.contains { $0.change.isPrivileged })
        }
    }

    /// Holders listed in order, each once (a holder's changes are next to each other).
    private static func distinct(_ holders: [AccessHolder]) -> [AccessHolder] {
        var result: [AccessHolder] = []
        for holder in holders where result.last != holder { result.append(holder) }
        return result
    }

    /// "94 members of access group Release Viewers gained Administrator + Manager on All IAM-enabled services
    /// (policy 1c2f3a4b)", "alice@example.com gained Viewer on kms across the account via access group Ops
    /// (policy 1c2f3a4b)", then the first `limit` holders of several; `name` gives each holder's display name.
    public func sentence(name: (AccessHolder) -> String = \.displayName, listing limit: Int = 3) -> String {
        let who: String, via: String
        if holders.count == 1, let holder = holders.first {
            who = name(holder)
            via = holder.kind == .everyone ? "" : (path.isEmpty ? " directly" : " via " + path.pathDescription)
        } else if path.count == 1, case .accessGroup = path[0] {
            who = "\(holders.count) members of \(path.pathDescription)"
            via = ""
        } else {
            who = "\(holders.count) holders"
            via = path.isEmpty ? " directly" : " via " + path.pathDescription
        }
        var text = "\(who) \(direction.rawValue) \(roles.joined(separator: " + ")) on \(targetLabel)\(via)"
            + " (policy \(policyID.prefix(8)))" + (condition.map { ", only when \($0)" } ?? "")
        if holders.count > 1, limit > 0 {
            let listed = holders.prefix(limit).map(name)
            text += ": " + listed.joined(separator: ", ")
                + (holders.count > limit ? " and \(holders.count - limit) more" : "")
        }
        return text
    }
}

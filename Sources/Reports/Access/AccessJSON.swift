import Analysis
import Model
import Snapshot

/// The pieces of the `iamgraph access` JSON documents (docs/access-json.md).
enum AccessJSON {
    static let format = "iamgraph-access"
    static let version = 1

    struct Account: JSONObject {
        let id: String
        let name: String?

        var members: [JSONMember] { JSONMember.list(["id": id, "name": name]) }
    }

    struct UnknownCollection: JSONObject {
        let collection: String
        let file: String
        let reason: String

        var members: [JSONMember] { JSONMember.list(["collection": collection, "file": file, "reason": reason]) }
    }

    struct Policy: JSONObject {
        let id: String
        let type: String
        let description: String?
        let lastPermitAt: String?

        var members: [JSONMember] {
            JSONMember.list(["id": id, "type": type, "description": description, "last_permit_at": lastPermitAt])
        }
    }

    struct Role: JSONObject {
        let crn: String
        let name: String

        var members: [JSONMember] { JSONMember.list(["crn": crn, "name": name]) }
    }

    /// `{"key", "operator", "value"}`; the value a string, a boolean or an array of strings, as the policy holds it.
    struct Attribute: JSONObject {
        let attribute: PolicyAttribute

        var members: [JSONMember] {
            let value: any JSONWritable = switch attribute.value {
            case .string(let text): text
            case .bool(let flag): flag
            case .list(let list): list
            }
            return JSONMember.list(["key": attribute.key, "operator": attribute.operator, "value": value])
        }
    }

    struct Target: JSONObject {
        let label: String
        let scope: String
        let key: String
        let attributes: [Attribute]
        let tags: [Attribute]

        var members: [JSONMember] {
            JSONMember.list(["label": label, "scope": scope, "key": key, "attributes": attributes, "tags": tags])
        }
    }

    struct Step: JSONObject {
        let kind: String
        let id: String?
        let iamID: String?
        let name: String?
        let membership: String?
        let rule: String?
        /// A dynamic membership that had expired at the snapshot: its `expires_at`.
        let lapsedSince: String?

        var members: [JSONMember] {
            JSONMember.list(["kind": kind, "id": id, "iam_id": iamID, "name": name, "membership": membership,
                             "rule": rule, "lapsed_since": lapsedSince])
        }
    }

    /// The conditions in words (as maps and diffs write them), the raw rule, and the console's pattern.
    struct Conditions: JSONObject {
        let text: String
        let rule: String
        let pattern: String?

        var members: [JSONMember] { JSONMember.list(["text": text, "rule": rule, "pattern": pattern]) }
    }

    /// A context-based-restrictions rule on what a grant reaches, or on the instance of a resource report.
    struct Restriction: JSONObject {
        let ruleID: String
        let description: String?
        let enforcementMode: String
        let zones: [Zone]
        let partial: Bool

        struct Zone: JSONObject {
            let id: String
            let name: String?

            var members: [JSONMember] { JSONMember.list(["id": id, "name": name]) }
        }

        var members: [JSONMember] {
            JSONMember.list(["rule_id": ruleID, "description": description, "enforcement_mode": enforcementMode,
                             "zones": zones, "partial": partial])
        }

        init(_ restriction: NetworkRestriction) {
            ruleID = restriction.rule.id
            description = restriction.rule.description
            enforcementMode = restriction.rule.enforcementMode.rawValue
            zones = restriction.zones.map { Zone(id: $0.id, name: $0.name) }
            partial = restriction.partial
        }
    }

    /// What identity and resource rows share: the policy, its roles and target, the path and the conditions.
    struct GrantFields: JSONObject {
        let policy: Policy
        let roles: [Role]
        let target: Target
        let path: [Step]
        let pathText: String
        let conditions: Conditions?
        /// The context-based-restrictions rules on the grant's target (identity reports; a resource report lists
        /// its instance's once, beside the rows): `nil` when not listed per grant.
        let networkRestrictions: [Restriction]?
        /// The rules on what the grant reaches, in a few words (`NetworkText`); empty when none.
        let networkText: String
        /// The text and Markdown cells: roles, target, short policy id, path, conditions. Built once, as
        /// `recordColumns`.
        let cells: [String]
        /// The CSV columns from `role` on, one array per role (`AccessRecord`).
        let recordColumns: [[String]]

        var members: [JSONMember] {
            JSONMember.list(["policy": policy, "roles": roles, "target": target, "path": path, "path_text": pathText,
                             "conditions": conditions, "network_restrictions": networkRestrictions])
        }

        /// The fields of `policy` reaching its `target` through `path`; `network` are the rules on what the grant
        /// reaches, listed in the JSON grant when `listsNetwork`.
        init(policy: Model.Policy, target: PolicyTarget, path: [AccessStep], index: AccessIndex,
             network: [NetworkRestriction], listsNetwork: Bool) {
            self.init(policy: policy, target: target, path: path, index: index, networkText: NetworkText.cell(network),
                      listed: listsNetwork ? network : nil)
        }

        /// The fields of `policy` reaching its `target` through `path`; `networkText` is the rules on what the grant
        /// reaches in a few words (`NetworkText.cell`), `listed` the rules the JSON grant lists, if any.
        init(policy: Model.Policy, target: PolicyTarget, path: [AccessStep], index: AccessIndex,
             networkText: String, listed: [NetworkRestriction]?) {
            self.policy = Policy(id: policy.id, type: policy.type, description: policy.description,
                                 lastPermitAt: policy.lastPermitAt?.raw)
            roles = policy.roleIDs.map { Role(crn: $0, name: index.roleName($0)) }
            self.target = Target(label: index.label(of: target), scope: target.scopeName, key: target.key,
                                 attributes: target.attributes.map(Attribute.init), tags: target.tags.map(Attribute.init))
            self.path = path.map(Self.step)
            pathText = PathText.describe(path, of: policy, in: index)
            conditions = policy.rule.map { Conditions(text: ConditionText.readable($0), rule: $0.description, pattern: policy.pattern) }
            networkRestrictions = listed?.map(Restriction.init)
            self.networkText = networkText
            cells = [roles.map(\.name).joined(separator: ", "), self.target.label, String(policy.id.prefix(8)), pathText,
                     conditions?.text ?? ""]
            recordColumns = AccessRecord.grantColumns(policy: policy, target: target, roles: roles.map(\.name),
                                                      label: self.target.label, path: pathText,
                                                      conditions: conditions?.text ?? "", network: networkText,
                                                      index: index)
        }

        static func step(_ step: AccessStep) -> Step {
            switch step {
            case .accessGroup(let id, let name, let rule, let lapsed):
                Step(kind: "access_group", id: id, iamID: nil, name: name, membership: rule == nil ? "static" : "dynamic", rule: rule,
                     lapsedSince: lapsed)
            case .trustedProfile(let id, let iamID, let name):
                Step(kind: "trusted_profile", id: id, iamID: iamID, name: name, membership: nil, rule: nil, lapsedSince: nil)
            case .publicAccess:
                Step(kind: "public_access", id: AccessGroup.publicAccessID, iamID: nil, name: "Public Access", membership: nil,
                     rule: nil, lapsedSince: nil)
            }
        }
    }

    static func unknownCollections(_ account: IAMAccount, among kinds: Set<CollectionKind>) -> [UnknownCollection] {
        account.unknown.filter { kinds.contains($0.key) }.sorted { $0.key < $1.key }.map {
            UnknownCollection(collection: $0.key.name, file: $0.key.fileName, reason: $0.value.description)
        }
    }
}

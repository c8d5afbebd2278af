import Analysis
import Model
import Snapshot

/// The pieces of the `iamgraph access` JSON documents (docs/access-json.md).
enum AccessJSON {
    static let format = "iamgraph-access"
    static let version = 1

    struct Account: Encodable {
        let id: String
        let name: String?
    }

    struct UnknownCollection: Encodable {
        let collection: String
        let file: String
        let reason: String
    }

    struct Policy: Encodable {
        let id: String
        let type: String
        let description: String?
        let lastPermitAt: String?

        enum CodingKeys: String, CodingKey {
            case id, type, description
            case lastPermitAt = "last_permit_at"
        }
    }

    struct Role: Encodable {
        let crn: String
        let name: String
    }

    /// `{"key", "operator", "value"}`; the value a string, a boolean or an array of strings, as the policy holds it.
    struct Attribute: Encodable {
        let attribute: PolicyAttribute

        enum CodingKeys: String, CodingKey { case key, `operator`, value }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(attribute.key, forKey: .key)
            try container.encode(attribute.operator, forKey: .operator)
            switch attribute.value {
            case .string(let text): try container.encode(text, forKey: .value)
            case .bool(let flag): try container.encode(flag, forKey: .value)
            case .list(let list): try container.encode(list, forKey: .value)
            }
        }
    }

    struct Target: Encodable {
        let label: String
        let scope: String
        let key: String
        let attributes: [Attribute]
        let tags: [Attribute]
    }

    struct Step: Encodable {
        let kind: String
        let id: String?
        let iamID: String?
        let name: String?
        let membership: String?
        let rule: String?
        /// A dynamic membership that had expired at the snapshot: its `expires_at`.
        let lapsedSince: String?

        enum CodingKeys: String, CodingKey {
            case kind, id, name, membership, rule
            case iamID = "iam_id", lapsedSince = "lapsed_since"
        }
    }

    /// The conditions in words (as maps and diffs write them), the raw rule, and the console's pattern.
    struct Conditions: Encodable {
        let text: String
        let rule: String
        let pattern: String?
    }

    /// A context-based-restrictions rule on what a grant reaches, or on the instance of a resource report.
    struct Restriction: Encodable {
        let ruleID: String
        let description: String?
        let enforcementMode: String
        let zones: [Zone]
        let partial: Bool

        struct Zone: Encodable {
            let id: String
            let name: String?
        }

        enum CodingKeys: String, CodingKey {
            case description, zones, partial
            case ruleID = "rule_id", enforcementMode = "enforcement_mode"
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
    struct GrantFields: Encodable {
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

        enum CodingKeys: String, CodingKey {
            case policy, roles, target, path, conditions
            case pathText = "path_text", networkRestrictions = "network_restrictions"
        }

        /// The fields of `policy` reaching its `target` through `path`; `network` are the rules on what the grant
        /// reaches, listed in the JSON grant when `listsNetwork`.
        init(policy: Model.Policy, target: PolicyTarget, path: [AccessStep], index: AccessIndex,
             network: [NetworkRestriction], listsNetwork: Bool) {
            self.policy = Policy(id: policy.id, type: policy.type, description: policy.description,
                                 lastPermitAt: policy.lastPermitAt?.raw)
            roles = policy.roleIDs.map { Role(crn: $0, name: index.roleName($0)) }
            self.target = Target(label: index.label(of: target), scope: target.scopeName, key: target.key,
                                 attributes: target.attributes.map(Attribute.init), tags: target.tags.map(Attribute.init))
            self.path = path.map(Self.step)
            pathText = PathText.describe(path, of: policy, in: index)
            conditions = policy.rule.map { Conditions(text: ConditionText.readable($0), rule: $0.description, pattern: policy.pattern) }
            networkRestrictions = listsNetwork ? network.map(Restriction.init) : nil
            networkText = NetworkText.cell(network)
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

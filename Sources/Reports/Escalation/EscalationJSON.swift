import Analysis
import Model

/// The escalation report as the JSON document of docs/escalation.md.
enum EscalationJSON {
    static let format = "iamgraph-escalation"
    static let version = 1

    static func document(_ report: EscalationReport) -> VersionedDocument<Document> {
        let escalation = report.escalation, index = report.index
        let goal: Goal = switch escalation.goal {
        case .accountAdministration: Goal(kind: "account_administration", id: nil, name: nil)
        case .instance(let instance): Goal(kind: "instance", id: instance.instanceID, name: instance.name)
        case .sensitiveAdministration: Goal(kind: "sensitive_administration", id: nil, name: nil)
        }
        return VersionedDocument(format: format, version: version, body: Document(
            account: Account(id: index.account.accountID, name: index.account.info?.name),
            goal: goal,
            summary: Summary(identities: escalation.identities.count, withPaths: escalation.paths.count,
                             holders: escalation.holders.count, longestPath: escalation.longestPath),
            paths: report.paths.map { path in
                Path(iamID: path.iamID, name: index.name(ofIAMID: path.iamID), length: path.primitiveCount,
                     conditional: path.isConditional, inferred: path.isInferred,
                     steps: path.edges.map { Step($0, report) })
            },
            holders: report.from.map { from in escalation.holders.filter { $0 == from } } ?? escalation.holders))
    }

    struct Document: Encodable {
        let account: Account
        let goal: Goal
        let summary: Summary
        let paths: [Path]
        let holders: [String]
    }

    struct Account: Encodable {
        let id: String
        let name: String?
    }

    struct Goal: Encodable {
        let kind: String
        let id: String?
        let name: String?
    }

    struct Summary: Encodable {
        let identities: Int
        let withPaths: Int
        let holders: Int
        let longestPath: Int

        enum CodingKeys: String, CodingKey {
            case identities, holders
            case withPaths = "with_paths", longestPath = "longest_path"
        }
    }

    struct Path: Encodable {
        let iamID: String
        let name: String?
        let length: Int
        let conditional: Bool
        let inferred: Bool
        let steps: [Step]

        enum CodingKeys: String, CodingKey {
            case name, length, conditional, inferred, steps
            case iamID = "iam_id"
        }
    }

    struct Step: Encodable {
        let from: String
        let to: String
        let kind: String
        let primitive: String?
        let policyID: String?
        let role: String?
        let roleCRN: String?
        let action: String?
        let conditional: Bool
        let inferred: Bool
        let text: String

        init(_ edge: EscalationEdge, _ report: EscalationReport) {
            from = edge.from.id
            to = edge.to.id
            switch edge.kind {
            case .memberOf: (kind, primitive) = ("member_of", nil)
            case .mayAssume: (kind, primitive) = ("may_assume", nil)
            case .holds: (kind, primitive) = ("holds", nil)
            case .primitive(let p): (kind, primitive) = ("primitive", p.rawValue)
            }
            policyID = edge.policyID
            role = edge.roleCRN.map(report.index.roleName)
            roleCRN = edge.roleCRN
            action = edge.action
            conditional = edge.isConditional
            inferred = edge.isInferred
            text = report.subject(edge) + " " + report.text(edge)
        }

        enum CodingKeys: String, CodingKey {
            case from, to, kind, primitive, role, action, conditional, inferred, text
            case policyID = "policy_id", roleCRN = "role_crn"
        }
    }
}

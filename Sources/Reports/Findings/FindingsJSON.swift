import Analysis
import Foundation

/// The findings report as the JSON document of docs/findings.md.
enum FindingsJSON {
    static let format = "iamgraph-findings"
    static let version = 1

    static func document(_ report: FindingsReport) -> VersionedDocument<Document> {
        VersionedDocument(format: format, version: version, body: Document(
            account: Account(id: report.accountID, name: report.accountName),
            fetchedAt: report.fetchedAt.raw,
            asOf: report.asOf.map { $0.formatted(.iso8601) },
            inactiveDays: report.inactiveDays,
            summary: Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0.rawValue, report.count($0)) }),
            rules: RuleSummary.all(report).map { summary in
                Rule(id: summary.rule.rawValue, severity: summary.rule.severity.rawValue, title: summary.rule.title,
                     controls: controls(summary.rule), findings: summary.findings, unlisted: summary.unlisted, evaluated: summary.skipped == nil,
                     complete: summary.skipped == nil && summary.incomplete == nil,
                     reason: summary.skipped ?? summary.incomplete)
            },
            findings: report.findings.map { finding in
                Item(rule: finding.rule.rawValue, severity: finding.severity.rawValue, title: finding.title,
                     controls: controls(finding.rule), why: finding.why,
                     file: finding.location?.fileName, entities: finding.entities.map(Entity.init))
            },
            policiesByLastUse: report.policiesByLastUse.map { use in
                Use(policy: Entity(use.policy), lastPermitAt: use.lastPermitAt?.raw,
                    lastPermitFrequency: use.lastPermitFrequency, subject: use.subject.map(Entity.init), grants: use.grants)
            }))
    }

    /// "CIS 1.7", one per CIS control the rule's findings count against.
    static func controls(_ rule: RuleID) -> [String] {
        CISControl.controls(of: rule).map { "CIS " + $0.id }
    }

    struct Document: Encodable {
        let account: Account
        let fetchedAt: String
        let asOf: String?
        let inactiveDays: Int
        let summary: [String: Int]
        let rules: [Rule]
        let findings: [Item]
        let policiesByLastUse: [Use]

        enum CodingKeys: String, CodingKey {
            case account, summary, rules, findings
            case fetchedAt = "fetched_at", asOf = "as_of", inactiveDays = "inactive_days",
                 policiesByLastUse = "policies_by_last_use"
        }
    }

    struct Account: Encodable {
        let id: String
        let name: String?
    }

    struct Rule: Encodable {
        let id: String
        let severity: String
        let title: String
        let controls: [String]
        let findings: Int
        /// Findings counted but not listed (`--top`).
        let unlisted: Int
        let evaluated: Bool
        let complete: Bool
        let reason: String?
    }

    struct Item: Encodable {
        let rule: String
        let severity: String
        let title: String
        let controls: [String]
        let why: String
        let file: String?
        let entities: [Entity]
    }

    struct Entity: Encodable {
        let kind: String
        let id: String
        let name: String?

        init(_ entity: FindingEntity) {
            kind = entity.kind.rawValue
            id = entity.id
            name = entity.name
        }
    }

    struct Use: Encodable {
        let policy: Entity
        let lastPermitAt: String?
        let lastPermitFrequency: Int?
        let subject: Entity?
        let grants: String

        enum CodingKeys: String, CodingKey {
            case policy, subject, grants
            case lastPermitAt = "last_permit_at", lastPermitFrequency = "last_permit_frequency"
        }
    }
}

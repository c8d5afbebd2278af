import Analysis
import Foundation

/// The findings report as the JSON document of docs/findings.md.
enum FindingsJSON {
    static let format = "iamgraph-findings"
    static let version = 1

    /// The document; its findings and policies are described as they are written.
    static func document(_ report: FindingsReport) -> VersionedDocument<Document> {
        let listed = report.findings.count
        let uses = report.policiesByLastUse
        return VersionedDocument(format: format, version: version, body: Document(
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
            findings: JSONElements(count: listed + report.suppressed.count) { index in
                item(index < listed ? report.findings[index] : report.suppressed[index - listed], in: report)
            },
            resolved: report.resolved.map { resolved in JSONElements(resolved) { item($0, in: report) } },
            policiesByLastUse: JSONElements(uses) { use in
                Use(policy: Entity(use.policy), lastPermitAt: use.lastPermitAt?.raw,
                    lastPermitFrequency: use.lastPermitFrequency, subject: use.subject.map(Entity.init), grants: use.grants)
            }))
    }

    static func item(_ finding: Finding, in report: FindingsReport) -> Item {
        let mark = report.marks[finding]
        return Item(rule: finding.rule.rawValue, severity: finding.severity.rawValue, title: finding.title,
                    controls: controls(finding.rule), why: finding.why,
                    file: finding.location?.fileName, entities: finding.entities.map(Entity.init),
                    suppression: mark?.suppression.map { suppression in
                        SuppressionState(reason: suppression.reason, expires: suppression.expires,
                                         status: suppression.hasExpired(at: report.asOf) ? "expired" : "accepted")
                    },
                    baseline: mark?.baseline?.rawValue)
    }

    /// "CIS 1.7", one per CIS control the rule's findings count against.
    static func controls(_ rule: RuleID) -> [String] {
        CISControl.controls(of: rule).map { "CIS " + $0.id }
    }

    struct Document: JSONObject {
        let account: Account
        let fetchedAt: String
        let asOf: String?
        let inactiveDays: Int
        let summary: [String: Int]
        let rules: [Rule]
        /// Active findings, then suppressed ones (each with its `suppression`).
        let findings: JSONElements
        /// The baseline's findings no longer found; absent without `--baseline`.
        let resolved: JSONElements?
        let policiesByLastUse: JSONElements

        var members: [JSONMember] {
            JSONMember.list(["account": account, "fetched_at": fetchedAt, "as_of": asOf, "inactive_days": inactiveDays,
                             "summary": summary, "rules": rules, "findings": findings, "resolved": resolved,
                             "policies_by_last_use": policiesByLastUse])
        }
    }

    struct Account: JSONObject {
        let id: String
        let name: String?

        var members: [JSONMember] { JSONMember.list(["id": id, "name": name]) }
    }

    struct Rule: JSONObject {
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

        var members: [JSONMember] {
            JSONMember.list(["id": id, "severity": severity, "title": title, "controls": controls, "findings": findings,
                             "unlisted": unlisted, "evaluated": evaluated, "complete": complete, "reason": reason])
        }
    }

    struct Item: JSONObject {
        let rule: String
        let severity: String
        let title: String
        let controls: [String]
        let why: String
        let file: String?
        let entities: [Entity]
        /// The ignore-file entry that matches: `accepted` (the finding is suppressed) or `expired` (active again).
        let suppression: SuppressionState?
        /// `new` or `unchanged` against `--baseline`.
        let baseline: String?

        var members: [JSONMember] {
            JSONMember.list(["rule": rule, "severity": severity, "title": title, "controls": controls, "why": why,
                             "file": file, "entities": entities, "suppression": suppression, "baseline": baseline])
        }
    }

    struct SuppressionState: JSONObject {
        let reason: String
        let expires: String
        let status: String

        var members: [JSONMember] { JSONMember.list(["reason": reason, "expires": expires, "status": status]) }
    }

    struct Entity: JSONObject {
        let kind: String
        let id: String
        let name: String?

        init(_ entity: FindingEntity) {
            kind = entity.kind.rawValue
            id = entity.id
            name = entity.name
        }

        var members: [JSONMember] { JSONMember.list(["kind": kind, "id": id, "name": name]) }
    }

    struct Use: JSONObject {
        let policy: Entity
        let lastPermitAt: String?
        let lastPermitFrequency: Int?
        let subject: Entity?
        let grants: String

        var members: [JSONMember] {
            JSONMember.list(["policy": policy, "last_permit_at": lastPermitAt, "last_permit_frequency": lastPermitFrequency,
                             "subject": subject, "grants": grants])
        }
    }
}

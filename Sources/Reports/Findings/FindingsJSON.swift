import Analysis
import Foundation

/// The findings report as the JSON document of docs/findings.md.
enum FindingsJSON {
    static let format = "iamgraph-findings"
    static let version = 1

    /// The document; its findings and policies are described as they are written, a run at a time on two threads
    /// (`FindingsRuns`).
    static func document(_ report: FindingsReport) -> VersionedDocument<Document> {
        let controls = Controls()
        let findings = report.findings, suppressed = report.suppressed, marks = report.marks, asOf = report.asOf
        let listed = findings.count
        let resolved = report.resolved.map { resolved in
            JSONRunElements(runs: FindingsRuns.ranges(count: resolved.count), state: { RuleLookup<[String]>() }) { index, tags, json in
                let finding = resolved[index]
                try Item(finding, marks: marks, asOf: asOf, controls: tags(finding.rule) { controls.copy($0) }).write(to: &json)
            }
        }
        return VersionedDocument(format: format, version: version, body: Document(
            account: Account(id: report.accountID, name: report.accountName),
            fetchedAt: report.fetchedAt.raw,
            asOf: report.asOf.map { $0.formatted(.iso8601) },
            inactiveDays: report.inactiveDays,
            summary: Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0.rawValue, report.count($0)) }),
            rules: RuleSummary.all(report).map { summary in
                Rule(id: summary.rule.rawValue, severity: summary.rule.severity.rawValue, title: summary.rule.title,
                     controls: controls[summary.rule], findings: summary.findings, unlisted: summary.unlisted,
                     evaluated: summary.skipped == nil, complete: summary.skipped == nil && summary.incomplete == nil,
                     reason: summary.skipped ?? summary.incomplete)
            },
            findings: JSONRunElements(runs: FindingsRuns.ranges(count: listed + suppressed.count),
                                      state: { RuleLookup<[String]>() }) { index, tags, json in
                let finding = index < listed ? findings[index] : suppressed[index - listed]
                try Item(finding, marks: marks, asOf: asOf, controls: tags(finding.rule) { controls.copy($0) }).write(to: &json)
            },
            resolved: resolved,
            policiesByLastUse: JSONRunElements(runs: FindingsRuns.ranges(count: report.policiesByLastUse.count),
                                               state: { report.policiesByLastUse }) { index, uses, json in
                try Use(uses[index]).write(to: &json)
            }))
    }

    /// "CIS 1.7", one per CIS control the rule's findings count against.
    static func controls(_ rule: RuleID) -> [String] {
        CISControl.controls(of: rule).map { "CIS " + $0.id }
    }

    /// Every rule's `controls(_:)`, found once for a document that names them for each finding.
    struct Controls: Sendable {
        private let byRule = Dictionary(RuleID.allCases.map { ($0, FindingsJSON.controls($0)) },
                                        uniquingKeysWith: { first, _ in first })

        subscript(rule: RuleID) -> [String] { byRule[rule] ?? FindingsJSON.controls(rule) }

        /// The rule's controls in an array of their own, for one writer thread's `RuleLookup`: the shared array,
        /// retained and released for every finding by the writers of both threads, made its reference count's cache
        /// line bounce between the cores.
        func copy(_ rule: RuleID) -> [String] { self[rule].map { $0 } }
    }

    struct Document: JSONObject {
        let account: Account
        let fetchedAt: String
        let asOf: String?
        let inactiveDays: Int
        let summary: [String: Int]
        let rules: [Rule]
        /// Active findings, then suppressed ones (each with its `suppression`); each thread looks up a rule's CIS
        /// controls once for its findings in a row.
        let findings: JSONRunElements<RuleLookup<[String]>>
        /// The baseline's findings no longer found; absent without `--baseline`.
        let resolved: JSONRunElements<RuleLookup<[String]>>?
        /// Each thread describes the policies through its own `FindingsReport.policiesByLastUse`.
        let policiesByLastUse: JSONRunElements<LazyMapCollection<[Int32], PolicyUse>>

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

    /// A finding as an element of `findings` or `resolved`, written member by member (a big account has hundreds of
    /// thousands).
    struct Item: JSONWritable {
        let finding: Finding
        let controls: [String]
        /// The ignore-file entry that matches: `accepted` (the finding is suppressed) or `expired` (active again).
        let suppression: SuppressionState?
        /// `new` or `unchanged` against `--baseline`.
        let baseline: String?

        /// `marks` and `asOf`: the report's (`FindingsReport.marks`, `FindingsReport.asOf`); `controls`: the rule's
        /// (`FindingsJSON.controls(_:)`).
        init(_ finding: Finding, marks: [Finding: FindingMark], asOf: Date?, controls: [String]) {
            self.finding = finding
            self.controls = controls
            let mark = marks.isEmpty ? nil : marks[finding]
            suppression = mark?.suppression.map { suppression in
                SuppressionState(reason: suppression.reason, expires: suppression.expires,
                                 status: suppression.hasExpired(at: asOf) ? "expired" : "accepted")
            }
            baseline = mark?.baseline?.rawValue
        }

        private static let keys = (baseline: JSONKey(literal: "baseline"), controls: JSONKey(literal: "controls"), entities: JSONKey(literal: "entities"),
                                   file: JSONKey(literal: "file"), rule: JSONKey(literal: "rule"), severity: JSONKey(literal: "severity"),
                                   suppression: JSONKey(literal: "suppression"), title: JSONKey(literal: "title"), why: JSONKey(literal: "why"))

        func write(to json: inout JSONWriter) throws {
            let keys = Self.keys
            try json.object(inOrder: { json in
                try json.member(keys.baseline, baseline)
                try json.member(keys.controls, controls)
                try json.member(keys.entities, Entities(finding.entities))
                // The first entity's kind is read in place: `Finding.location` would copy the entity.
                try json.member(keys.file, finding.entities.withUnsafeBufferPointer { $0.isEmpty ? nil : $0[0].collection }?.fileName)
                try json.member(keys.rule, finding.rule.rawValue)
                try json.member(keys.severity, finding.severity.rawValue)
                try json.member(keys.suppression, suppression)
                try json.member(keys.title, finding.title)
                try json.member(keys.why, finding.why)
            })
        }
    }

    struct SuppressionState: JSONObject {
        let reason: String
        let expires: String
        let status: String

        var members: [JSONMember] { JSONMember.list(["reason": reason, "expires": expires, "status": status]) }
    }

    /// An entity of a finding or a policy by last use.
    struct Entity: JSONWritable {
        let entity: FindingEntity

        init(_ entity: FindingEntity) {
            self.entity = entity
        }

        static let keys = (id: JSONKey(literal: "id"), kind: JSONKey(literal: "kind"), name: JSONKey(literal: "name"))

        func write(to json: inout JSONWriter) throws {
            let keys = Self.keys
            try json.object(inOrder: { json in
                try json.member(keys.id, entity.id)
                try json.member(keys.kind, entity.kind.rawValue)
                try json.member(keys.name, entity.name)
            })
        }
    }

    /// A finding's entities, written in place (not copied into an array of `Entity` per finding).
    struct Entities: JSONWritable {
        let entities: [FindingEntity]

        init(_ entities: [FindingEntity]) {
            self.entities = entities
        }

        func write(to json: inout JSONWriter) throws {
            // Each entity's fields are read in place: a copy of the entity would retain its strings.
            try entities.withUnsafeBufferPointer { entities in
                try json.array(count: entities.count) { index, json in
                    try json.object(inOrder: { json in
                        try json.member(Entity.keys.id, entities[index].id)
                        try json.member(Entity.keys.kind, entities[index].kind.rawValue)
                        try json.member(Entity.keys.name, entities[index].name)
                    })
                }
            }
        }
    }

    /// A policy by last use, written member by member (a big account has tens of thousands).
    struct Use: JSONWritable {
        let use: PolicyUse

        init(_ use: PolicyUse) {
            self.use = use
        }

        private static let keys = (grants: JSONKey(literal: "grants"), lastPermitAt: JSONKey(literal: "last_permit_at"),
                                   lastPermitFrequency: JSONKey(literal: "last_permit_frequency"), policy: JSONKey(literal: "policy"),
                                   subject: JSONKey(literal: "subject"))

        func write(to json: inout JSONWriter) throws {
            let keys = Self.keys
            try json.object(inOrder: { json in
                try json.member(keys.grants, use.grants)
                try json.member(keys.lastPermitAt, use.lastPermitAt?.raw)
                try json.member(keys.lastPermitFrequency, use.lastPermitFrequency)
                try json.member(keys.policy, Entity(use.policy))
                try json.member(keys.subject, use.subject.map(Entity.init))
            })
        }
    }
}

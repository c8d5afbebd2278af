import Analysis
import Foundation

/// Words the human-readable findings formats share.
enum FindingsWording {
    /// "2 errors, 9 warnings, 18 notes".
    static func counts(_ report: FindingsReport) -> String {
        Severity.allCases.reversed().map { severity in
            let count = report.count(severity)
            return "\(count) \(severity.rawValue)\(count == 1 ? "" : "s")"
        }.joined(separator: ", ")
    }

    /// "; 2 suppressed; 3 new, 10 unchanged, 1 resolved since the baseline", or "" without ignore file or baseline.
    static func review(_ report: FindingsReport) -> String {
        var parts: [String] = []
        if !report.suppressed.isEmpty { parts.append("\(report.suppressed.count) suppressed") }
        if let resolved = report.resolved {
            let new = report.findings.count { report.marks[$0]?.baseline == .new }
            let unchanged = report.findings.count { report.marks[$0]?.baseline == .unchanged }
            parts.append("\(new) new, \(unchanged) unchanged, \(resolved.count) resolved since the baseline")
        }
        return parts.map { "; " + $0 }.joined()
    }

    /// "new: ", "unchanged: ", or "" without a baseline.
    /// Without an ignore file or a baseline no finding is marked, and none is hashed to look it up.
    static func baselineMarker(_ finding: Finding, in report: FindingsReport) -> String {
        report.marks.isEmpty ? "" : report.marks[finding]?.baseline.map { $0.rawValue + ": " } ?? ""
    }

    /// Why the finding fired, and that its suppression expired when it did.
    static func why(_ finding: Finding, in report: FindingsReport) -> String {
        report.marks.isEmpty ? finding.why : finding.why + (report.expiryNote(finding).map { " (\($0))" } ?? "")
    }

    /// "accepted until 2027-03-31: break-glass account", for a suppressed finding.
    static func suppression(_ finding: Finding, in report: FindingsReport) -> String {
        guard let suppression = report.marks[finding]?.suppression else { return "" }
        return "accepted until \(suppression.expires): \(suppression.reason)"
    }

    /// "Acme Dev Team (b8d1…)", or the id alone.
    static func account(_ report: FindingsReport) -> String {
        report.accountName.map { "\($0) (\(report.accountID))" } ?? report.accountID
    }

    /// "as of 2026-11-20T09:00:00Z, inactive after 90 days".
    static func asOf(_ report: FindingsReport) -> String {
        let time = report.asOf.map { $0.formatted(.iso8601) } ?? "unknown time"
        return "as of \(time), inactive after \(report.inactiveDays) days"
    }

    /// "access group Admins (AccessGroupId-…)".
    static func entity(_ entity: FindingEntity) -> String {
        var text = ""
        self.entity(entity) { text += $0 }
        return text
    }

    /// Hands `entity(_:)`'s text to `part` in pieces (its kind, its name and id), for a writer that escapes or
    /// appends them as they come rather than making a string per entity.
    static func entity(_ entity: FindingEntity, parts part: (String) -> Void) {
        part(kind(entity.kind))
        part(" ")
        entity.description(parts: part)
    }

    /// The finding's entities, joined by "; " (`appendEntities(of:to:)`'s bytes).
    static func entities(_ finding: Finding) -> String {
        var bytes: [UInt8] = []
        appendEntities(of: finding, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the UTF-8 of the finding's entities, joined by "; ", to `bytes`: no string made per finding or entity
    /// (a big account's report describes hundreds of thousands of findings), and each entity read in place.
    static func appendEntities(of finding: Finding, to bytes: inout [UInt8]) {
        finding.entities.withUnsafeBufferPointer { entities in
            for position in entities.indices {
                if position > 0 { bytes.append(contentsOf: "; ".utf8) }
                entity(entities[position]) { bytes.append(contentsOf: $0.utf8) }
            }
        }
    }

    static func kind(_ kind: FindingEntity.Kind) -> String {
        switch kind {
        case .user: "user"
        case .serviceID: "service ID"
        case .trustedProfile: "trusted profile"
        case .accessGroup: "access group"
        case .accessPolicy: "policy"
        case .authorizationPolicy: "authorization"
        case .serviceInstance: "service instance"
        case .role: "role"
        case .apiKey: "API key"
        case .cbrRule: "network restriction rule"
        case .serviceCredential: "service credential"
        case .collection: "collection"
        }
    }

    /// Every rule with its severity, CIS controls, title and count (or why it did not run).
    static func ruleTable(_ report: FindingsReport) -> (header: [String], rows: [[String]]) {
        (["Rule", "Severity", "CIS", "Title", "Findings"],
         RuleSummary.all(report).map {
             [$0.rule.rawValue, $0.rule.severity.rawValue, controls($0.rule), $0.rule.title, $0.text]
         })
    }

    /// "1.7, 1.8", or "" for a rule no CIS control uses.
    static func controls(_ rule: RuleID) -> String {
        CISControl.controls(of: rule).map(\.id).joined(separator: ", ")
    }

    /// The report's findings grouped per rule, in report order (most severe first): each rule's positions in
    /// `report.findings`.
    static func groups(_ report: FindingsReport) -> [(rule: RuleID, findings: Range<Int>)] {
        // Each finding's rule is read in place: walking the findings themselves would copy each one (its entities and
        // text retained and released), a million times on a big account, on the thread that then waits for the runs.
        report.findings.withUnsafeBufferPointer { findings in
            var groups: [(rule: RuleID, findings: Range<Int>)] = []
            var start = 0
            while start < findings.count {
                let rule = findings[start].rule
                var end = start + 1
                while end < findings.count, findings[end].rule == rule { end += 1 }
                groups.append((rule, start..<end))
                start = end
            }
            return groups
        }
    }

    /// "ERROR public-access-policy: Policy on the Public Access group (3 findings; CIS 1.16)", for a group of
    /// `groups(_:)`: its findings listed and those `--top` left out (counted from the group, not the whole report).
    static func groupHeading(_ group: (rule: RuleID, findings: Range<Int>), in report: FindingsReport) -> String {
        let rule = group.rule
        let total = group.findings.count + (report.unlisted[rule] ?? 0)
        let cis = controls(rule)
        return "\(rule.rawValue): \(rule.title) (\(total) finding\(total == 1 ? "" : "s")"
            + (cis.isEmpty ? "" : "; CIS \(cis)") + ")"
    }

    /// The columns of the policies by last use: day ("never" first), permits, policy, subject, what it grants.
    static let policyUsageHeader = ["Last used", "Permits", "Policy", "Subject", "Grants"]

    /// A policy's row of the policies by last use (`policyUsageHeader`).
    static func policyUsageRow(_ use: PolicyUse) -> [String] {
        [use.lastPermitAt.map(DayText.of) ?? "never", use.lastPermitFrequency.map(String.init) ?? "", use.policy.id,
         use.subject.map(entity) ?? "", use.grants]
    }

    /// The policies by last use (`policyUsageHeader`); row `i` made when asked for (a big account has tens of
    /// thousands).
    static func policyUsageTable(_ report: FindingsReport) -> (header: [String], count: Int, row: (Int) -> [String]) {
        let uses = report.policiesByLastUse
        return (policyUsageHeader, uses.count, { position in policyUsageRow(uses[uses.index(uses.startIndex, offsetBy: position)]) })
    }
}

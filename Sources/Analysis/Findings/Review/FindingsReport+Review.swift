import Foundation

extension FindingsReport {
    /// The report with an ignore file's suppressions and a baseline applied: findings a holding suppression accepts
    /// move to `suppressed`; those whose suppression expired (by `asOf`) stay active, marked; every finding is marked
    /// new or unchanged against the baseline, whose findings no longer found are `resolved`. Apply it to the complete
    /// report, before `selecting` and `keepingTop`, so that stale suppressions and resolved findings are exact.
    package func reviewing(suppressions: [Suppression], baseline: Baseline?) -> FindingsReport {
        var copy = self
        // Without an ignore file or a baseline no finding moves or is marked: the lists are kept, not copied.
        guard !suppressions.isEmpty || baseline != nil else {
            copy.staleSuppressions = []
            return copy
        }
        var byTarget: [Target: Suppression] = [:]
        for suppression in suppressions where byTarget[Target(suppression.rule, suppression.entity)] == nil {
            byTarget[Target(suppression.rule, suppression.entity)] = suppression
        }
        let before = baseline.map { Set($0.findings.map(Identity.init)) }
        var used = Set<Suppression>()
        var current = Set<Identity>()
        copy.findings = []
        for finding in findings {
            var mark = FindingMark()
            mark.suppression = finding.entities.first.flatMap { byTarget[Target(finding.rule, $0.id)] }
            if let suppression = mark.suppression { used.insert(suppression) }
            if let before {
                let identity = Identity(finding)
                current.insert(identity)
                mark.baseline = before.contains(identity) ? .unchanged : .new
            }
            if mark.suppression != nil || mark.baseline != nil { copy.marks[finding] = mark }
            if let suppression = mark.suppression, !suppression.hasExpired(at: asOf) {
                copy.suppressed.append(finding)
            } else {
                copy.findings.append(finding)
            }
        }
        copy.staleSuppressions = suppressions.filter { !used.contains($0) }
        if let baseline {
            var listed = Set<Identity>()
            copy.resolved = baseline.findings.filter { listed.insert(Identity($0)).inserted && !current.contains(Identity($0)) }
        }
        return copy
    }

    /// "suppression expired on 2027-03-31: break-glass account", for an active finding whose suppression expired.
    package func expiryNote(_ finding: Finding) -> String? {
        guard let suppression = marks[finding]?.suppression, suppression.hasExpired(at: asOf) else { return nil }
        return "suppression expired on \(suppression.expires): \(suppression.reason)"
    }

    /// A suppression's target: a rule's findings about one entity.
    private struct Target: Hashable {
        let rule: RuleID
        let entity: String
        init(_ rule: RuleID, _ entity: String) {
            self.rule = rule
            self.entity = entity
        }
    }

    /// A finding's identity across reports: rule and fingerprint.
    private struct Identity: Hashable {
        let rule: RuleID
        let fingerprint: String
        init(_ finding: Finding) {
            rule = finding.rule
            fingerprint = finding.fingerprint
        }
    }
}

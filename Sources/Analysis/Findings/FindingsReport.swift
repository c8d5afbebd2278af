import Foundation
import Model
import Snapshot

/// Every findings rule run over one account: the findings, most severe first; the rules that could not run (or ran
/// on incomplete data) and why; and the policies ordered by last use.
package struct FindingsReport: Sendable {
    /// The account the snapshot is of, its name (when `account.json` is known) and the snapshot's time.
    package let accountID: String
    package let accountName: String?
    package let fetchedAt: Timestamp
    /// "Now" for inactivity (the option, else `fetched_at`); `nil` when neither is a valid time.
    package let asOf: Date?
    /// Days without use after which policies, identities and API keys are inactive.
    package let inactiveDays: Int
    /// Active findings ordered by their rule's severity (most severe first), then rule, then as each rule found them
    /// (a rule whose findings differ in severity lists its most severe first).
    package internal(set) var findings: [Finding]
    /// Findings an ignore file accepts (`reviewing(suppressions:baseline:)`), in the same order; not in `findings`.
    package internal(set) var suppressed: [Finding] = []
    /// What the ignore file and the baseline say about each finding (active or suppressed) they concern.
    package internal(set) var marks: [Finding: FindingMark] = [:]
    /// Findings of the baseline no longer found; `nil` without a baseline.
    package internal(set) var resolved: [Finding]?
    /// Suppressions that match no finding (stale: the finding is gone, or the entry is wrong).
    package internal(set) var staleSuppressions: [Suppression] = []
    /// Per rule, how many findings `keepingTop(_:)` left out of `findings` (they exist, but are not listed).
    package private(set) var unlisted: [RuleID: Int] = [:]
    /// Per severity, how many findings `keepingTop(_:)` left out (a rule's findings may differ in severity).
    private var unlistedPerSeverity: [Severity: Int] = [:]
    /// The rules `selecting(rules:minimum:)` kept; `nil` when every rule is reported.
    package private(set) var selectedRules: Set<RuleID>?
    /// Rules skipped or incomplete, in rule order.
    package private(set) var gaps: [RuleGap]
    /// Active access and authorization policies, never-used first, then least recently used first; empty when no
    /// policy carries usage data. Described on demand, one at a time: a report that does not list them does not pay
    /// for them, and one that does never holds every description at once.
    package var policiesByLastUse: LazyMapCollection<[Int32], PolicyUse> {
        (context.policiesByLastUse ?? []).lazy.map { [context] in PolicyUse($0, context) }
    }
    /// What the rules ran over, kept to describe the policies by last use.
    private let context: FindingContext

    /// Runs every rule over the indexed account on both cores (`RuleEvaluation`); `timed`, when
    /// given, hears how long the shared context took ("context", then "policies" and "administration"), how long the rule
    /// threads waited for each other at the end ("idle", wall time only), each rule (by its id, in rule order; rules run
    /// side by side, so their times add up to more than the wall time) and the ordering ("order"), for
    /// `report --timings`. The shared tables' and the rules' CPU time is their thread's; the others' the process's.
    /// `whenIdle` is `RuleEvaluation`'s: called once with the findings so far when a rule thread finds no rule left.
    package init(_ index: AccessIndex, options: FindingsOptions = FindingsOptions(),
                timed: ((_ step: String, _ time: StepTime) -> Void)? = nil,
                whenIdle: (@Sendable (_ found: [[Finding]]) -> Void)? = nil) {
        self.init(index, options: options, concurrently: true, timed: timed, whenIdle: whenIdle)
    }

    /// The report, its rules evaluated side by side (`concurrently`) or one after another: the same report either
    /// way, which the tests check.
    init(_ index: AccessIndex, options: FindingsOptions, concurrently: Bool,
         timed: ((_ step: String, _ time: StepTime) -> Void)? = nil,
         whenIdle: (@Sendable (_ found: [[Finding]]) -> Void)? = nil) {
        var laps = Laps(timed)
        let account = index.account
        let context = FindingContext(index, options: options)
        laps.lap("context")
        accountID = account.accountID
        accountName = account.info?.name
        fetchedAt = account.fetchedAt
        asOf = context.asOf
        inactiveDays = options.inactiveDays

        var gaps: [RuleGap] = []
        // Every rule, so a rule cannot be listed with 0 findings without having run.
        let runnable = RuleID.allCases.filter { id in
            let missing = id.requires.filter { !account.isKnown($0) }.sorted()
            guard missing.isEmpty else {
                gaps.append(RuleGap(rule: id, evaluated: false, reason: "unknown: " + missing.map(\.name).joined(separator: ", ")))
                return false
            }
            return true
        }
        let evaluation = RuleEvaluation(runnable, in: context, concurrently: concurrently, whenIdle: whenIdle)
        timed?("policies", evaluation.policies)
        timed?("administration", evaluation.administration)
        timed?("idle", StepTime(wall: evaluation.idle, cpu: nil))
        // Each rule's findings, kept as the rule's own list (not copied a finding at a time); a finding a rule
        // filed under another rule's id joins that rule's, in the order found, as grouping all findings would.
        var byRule: [RuleID: [Finding]] = [:]
        for evaluated in evaluation.evaluated {
            let id = evaluated.rule
            switch evaluated.outcome {
            case .findings(let found):
                if byRule[id] == nil, found.allSatisfy({ $0.rule == id }) {
                    byRule[id] = found
                } else {
                    for finding in found { byRule[finding.rule, default: []].append(finding) }
                }
            case .notEvaluated(let reason): gaps.append(RuleGap(rule: id, evaluated: false, reason: reason))
            }
            timed?(id.rawValue, evaluated.time)
            let incomplete = id.alsoReads.filter { !account.isKnown($0) }.sorted()
            if !incomplete.isEmpty {
                gaps.append(RuleGap(rule: id, evaluated: true, reason: "unknown: " + incomplete.map(\.name).joined(separator: ", ")))
            }
        }
        laps.restart()
        let order = Dictionary(uniqueKeysWithValues: RuleID.allCases.enumerated().map { ($1, $0) })
        // Severity and rule order depend on the rule, so the findings are sorted a rule at a time, each rule's in the
        // order found.
        self.findings = byRule.keys.sorted { a, b in (b.severity, order[a]!) < (a.severity, order[b]!) }.flatMap { byRule[$0]! }
        self.gaps = gaps.sorted { order[$0.rule]! < order[$1.rule]! }
        self.context = context.afterRules
        laps.lap("order")
    }

    /// The report restricted to some rules (`nil`: all) and to findings at least `minimum` severe.
    package func selecting(rules: Set<RuleID>?, minimum: Severity?) -> FindingsReport {
        // Selecting nothing keeps every finding: the lists are kept as they are, not copied a finding at a time.
        guard rules != nil || minimum != nil || selectedRules != nil else { return self }
        var copy = self
        func kept(_ finding: Finding) -> Bool {
            (rules?.contains(finding.rule) ?? true) && minimum.map { finding.severity >= $0 } ?? true
        }
        copy.findings = findings.filter(kept)
        copy.suppressed = suppressed.filter(kept)
        copy.resolved = resolved?.filter(kept)
        let kept = RuleID.allCases.filter { rule in (rules?.contains(rule) ?? true) && minimum.map { rule.severity >= $0 } ?? true }
        copy.selectedRules = kept.count == RuleID.allCases.count ? nil : Set(kept)
        copy.gaps = gaps.filter { copy.selectedRules?.contains($0.rule) ?? true }
        return copy
    }

    /// The report listing at most `top` findings per rule (the first found); the rest are counted in `unlisted`.
    package func keepingTop(_ top: Int) -> FindingsReport {
        var copy = self
        var listed: [RuleID: Int] = [:]
        copy.findings = findings.filter { finding in
            listed[finding.rule, default: 0] += 1
            guard listed[finding.rule]! > top else { return true }
            copy.unlisted[finding.rule, default: 0] += 1
            copy.unlistedPerSeverity[finding.severity, default: 0] += 1
            return false
        }
        return copy
    }

    /// How many findings a rule has, listed or not.
    package func total(of rule: RuleID) -> Int {
        findings.reduce(0) { $1.rule == rule ? $0 + 1 : $0 } + (unlisted[rule] ?? 0)
    }

    /// How many findings have this severity.
    package func count(_ severity: Severity) -> Int {
        findings.reduce(0) { $1.severity == severity ? $0 + 1 : $0 } + (unlistedPerSeverity[severity] ?? 0)
    }

    /// Whether any active finding is at least this severe (for `--fail-on`); with `newOnly`, any new one (for
    /// `--fail-on-new`: not in the baseline).
    package func hasFindings(atLeast severity: Severity, newOnly: Bool = false) -> Bool {
        findings.contains { $0.severity >= severity && (!newOnly || marks[$0]?.baseline == .new) }
    }
}

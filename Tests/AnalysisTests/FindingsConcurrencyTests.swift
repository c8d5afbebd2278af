@testable import Analysis
import Foundation
import Model
@testable import Reports
import Testing
import TestSupport

/// The rules run side by side (the costly ones on a thread of their own): the report is the same as when they run one
/// after another, in every format, and its rules and findings keep their order.
@Suite struct FindingsConcurrencyTests {
    static let samples: [String: Result<AccessIndex, any Error>] = [
        "demo": Result { AccessIndex(try DemoSample.account()) },
        "enterprise": Result { AccessIndex(try EnterpriseSample.account()) },
    ]

    /// Rules evaluated side by side come back in the order given, whichever lane finished first: the costly rule
    /// among them is neither first nor last.
    @Test func outcomesComeBackInRuleOrder() throws {
        let context = FindingContext(try DemoAccount.index, options: FindingsOptions())
        let costly = try #require(RuleID.allCases.firstIndex { $0.isCostly })
        let rules = [RuleID.allCases[costly]] + RuleID.allCases.filter { !$0.isCostly } .reversed()
        #expect(RuleEvaluation(rules, in: context).evaluated.map(\.rule) == rules)
        #expect(RuleEvaluation(RuleID.allCases, in: context).evaluated.map(\.rule) == RuleID.allCases)
    }

    /// `report --timings` hears every step once: the shared ones, how long the threads idled at the end (nothing when
    /// one thread ran every rule), each rule in rule order, and the ordering; every step but the idling (a wait
    /// worked out from the others) with its CPU time, none of them negative.
    @Test func timingsNameEveryStepOnce() throws {
        let index = try DemoAccount.index
        for concurrently in [true, false] {
            let steps = StepLog()
            _ = FindingsReport(index, options: FindingsOptions(), concurrently: concurrently) { steps.add($0, $1) }
            let names = steps.all.map(\.name)
            #expect(names == ["context", "policies", "administration", "idle"] + RuleID.allCases.map(\.rawValue) + ["order"])
            let idle = try #require(steps.all.first { $0.name == "idle" }?.time)
            #expect(concurrently ? idle.wall >= .zero : idle.wall == .zero)
            #expect(idle.cpu == nil)
            for step in steps.all where step.name != "idle" {
                let cpu = try #require(step.time.cpu, "\(step.name) has no CPU time")
                #expect(cpu >= .zero && step.time.wall >= .zero, "\(step.name)")
            }
        }
    }

    /// `whenIdle` is called once, whether the rules run side by side or one after another, with the findings of
    /// rules that are done: one after another, every rule's; side by side, every rule's but at most the one the other
    /// thread still runs.
    @Test func whenIdleHearsTheFindingsSoFarOnce() throws {
        let index = try DemoAccount.index
        for concurrently in [true, false] {
            let heard = FoundLog()
            let report = FindingsReport(index, options: FindingsOptions(), concurrently: concurrently, whenIdle: heard.add)
            let calls = heard.all
            #expect(calls.count == 1, "called \(calls.count) times")
            let found = calls.first ?? []
            let all = report.findings
            #expect(found.joined().allSatisfy(all.contains), "only findings the report has")
            let rules = Set(all.map(\.rule)), heardRules = Set(found.joined().map(\.rule))
            if concurrently {
                #expect(rules.subtracting(heardRules).count <= 1, "missing \(rules.subtracting(heardRules))")
            } else {
                #expect(found.joined().count == all.count)
            }
        }
    }

    /// Findings are grouped per rule, most severe rule first, then in rule order, each rule's in the order it found
    /// them (the same as the rule alone gives).
    @Test(arguments: ["demo", "enterprise"])
    func findingsKeepTheirOrder(_ sample: String) throws {
        let index = try #require(Self.samples[sample]).get()
        let report = FindingsReport(index)
        let order = Dictionary(uniqueKeysWithValues: RuleID.allCases.enumerated().map { ($1, $0) })
        let rules = report.findings.map(\.rule).reduce(into: [RuleID]()) { if $0.last != $1 { $0.append($1) } }
        #expect(rules.count == Set(rules).count, "each rule's findings are together")
        #expect(rules == rules.sorted { ($1.severity, order[$0]!) < ($0.severity, order[$1]!) })
        let context = FindingContext(index, options: FindingsOptions())
        for rule in rules {
            guard case .findings(let alone) = rule.definition.evaluate(context) else {
                Issue.record("\(rule.rawValue) ran in the report but not alone")
                continue
            }
            #expect(report.findings.filter { $0.rule == rule } == alone, "\(rule.rawValue)")
        }
    }

    /// Every format, with and without the policy-usage table and for Markdown in full, is byte for byte what the
    /// rules run one after another give.
    @Test(arguments: ["demo", "enterprise"])
    func everyFormatIsTheSequentialOne(_ sample: String) throws {
        let index = try #require(Self.samples[sample]).get()
        let concurrent = FindingsReport(index)
        let sequential = FindingsReport(index, options: FindingsOptions(), concurrently: false)
        #expect(concurrent.findings == sequential.findings)
        #expect(concurrent.gaps == sequential.gaps)
        for format in FindingsFormat.allCases {
            for (policyUsage, full) in [(false, false), (true, false), (true, true)] {
                let mine = try FindingsOutput.data(concurrent, format: format, policyUsage: policyUsage, full: full)
                let theirs = try FindingsOutput.data(sequential, format: format, policyUsage: policyUsage, full: full)
                #expect(mine == theirs, "\(sample) \(format) policyUsage \(policyUsage) full \(full)")
            }
        }
    }

    /// A finding about an entity with a hostile name (quotes, every control character, HTML, a long run) is
    /// streamed intact: JSON and SARIF give the name back as it is, text cleans its control characters.
    @Test func hostileNamesAreStreamedIntact() throws {
        let hostile = "\"quoted\" <b>bold</b> & \u{1B}[31mred\u{1B}[0m\nnext line " + JSONStreamingTests.hostile
            + String(repeating: "é", count: 100_000)
        let account = try Fixture.account(groups: [try Fixture.group("AccessGroupId-hostile", hostile)])
        let report = FindingsReport(AccessIndex(account))
        let finding = try #require(report.findings.first { $0.rule == .emptyAccessGroup })
        #expect(finding.entities.first?.name == hostile)

        let json = try #require(try JSONSerialization.jsonObject(with: FindingsOutput.data(report, format: .json)) as? [String: Any])
        let items = try #require(json["findings"] as? [[String: Any]])
        let item = try #require(items.first { $0["rule"] as? String == RuleID.emptyAccessGroup.rawValue })
        #expect((item["entities"] as? [[String: Any]])?.first?["name"] as? String == hostile)

        let sarif = try #require(try JSONSerialization.jsonObject(with: FindingsOutput.data(report, format: .sarif)) as? [String: Any])
        let results = try #require((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        let result = try #require(results.first { $0["ruleId"] as? String == RuleID.emptyAccessGroup.rawValue })
        #expect((result["message"] as? [String: Any])?["text"] as? String
            == "access group \(hostile) (AccessGroupId-hostile): " + finding.why)

        let text = String(decoding: try FindingsOutput.data(report, format: .text), as: UTF8.self)
        #expect(!text.contains("\u{1B}") && text.contains(String(repeating: "é", count: 100_000)))
        let markdown = String(decoding: try FindingsOutput.data(report, format: .markdown, full: true), as: UTF8.self)
        #expect(!markdown.contains("<b>") && markdown.contains(String(repeating: "é", count: 100_000)))
    }
}

/// The steps a report's `timed` heard, in order (it may be called from the thread that runs the report only, but the
/// log is locked so that a test need not rely on that).
/// What `whenIdle` heard, each call's findings; `@unchecked Sendable` because `calls` is only touched with `lock` held.
private final class FoundLog: @unchecked Sendable {
    private let lock = NSLock()
    private var calls: [[[Finding]]] = []

    var add: @Sendable ([[Finding]]) -> Void { { [self] found in lock.withLock { calls.append(found) } } }
    var all: [[[Finding]]] { lock.withLock { calls } }
}

private final class StepLog: @unchecked Sendable {
    private let lock = NSLock()
    private var steps: [(name: String, time: StepTime)] = []

    func add(_ name: String, _ time: StepTime) { lock.withLock { steps.append((name, time)) } }
    var all: [(name: String, time: StepTime)] { lock.withLock { steps } }
}

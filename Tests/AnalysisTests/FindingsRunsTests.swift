@testable import Analysis
import Foundation
import Model
@testable import Reports
import Snapshot
import Testing

/// Every findings format makes its long lists (findings, SARIF results, the policies by last use, Markdown's tables)
/// a run at a time on two threads (`FindingsRuns`, `OrderedRuns`): the bytes must not depend on how the lists are
/// cut, whatever the findings say, and an error in a run or in the sink must stop the writing and come out.
@Suite struct FindingsRunsTests {
    struct Planted: Error, Equatable {}

    /// Each way `report` writes a findings report that has its own code: every format, text and Markdown with the
    /// policies by last use, Markdown in full.
    static let variants: [(format: FindingsFormat, policyUsage: Bool, full: Bool)] = [
        (.text, false, false), (.text, true, false), (.json, false, false), (.markdown, false, false),
        (.markdown, true, false), (.markdown, false, true), (.markdown, true, true), (.sarif, false, false),
    ]

    /// Text no writer may change or lose: quotes, backslashes, line breaks, ESC and every other control character,
    /// HTML, Markdown punctuation, mentions and links, combining and bidirectional characters.
    static let hostile = FindingsWritingTests.hostile

    /// A printable-ASCII name of a megabyte (HTML, quotes, Markdown punctuation, a mention), so that one finding
    /// fills several of a writer's blocks.
    static let megabyteName = String(repeating: "<b>\"q\"</b> & | `t` *e* _u_ [l](x) # @team \\ ", count: (1 << 20) / 48)

    /// An account whose findings of several rules, policies by last use, suppressed and resolved findings all carry
    /// hostile text (in names, ids, reasons); `long`: one user is named with `megabyteName`.
    static func account(long: Bool = false, extraLoners: Int = 0) throws -> IAMAccount {
        let names = (0..<24).map { "\($0) \(hostile)" } + (long ? [megabyteName] : [])
            + (0..<extraLoners).map { "extra \($0)" }
        let users = try names.enumerated().map { try Fixture.user(String(format: "IBMid-h%03d", $0.offset), $0.element) }
        let members = users.prefix(8).map(\.iamID)
        let policies = (0..<12).map { number in
            Fixture.policy("p-\(number) \"<i>\" \u{1B}[31m é", iamID: users[number].iamID, roles: [Fixture.viewer],
                           [Fixture.attr("serviceName", "kms")],
                           lastPermitAt: number % 3 == 0 ? nil : "2026-0\(1 + number % 9)-01T00:00:00Z")
        } + [Fixture.policy("p-group", group: "AccessGroupId-h", roles: [Fixture.reader], [Fixture.attr("serviceName", "kms")],
                            lastPermitAt: "2026-11-01T00:00:00Z")]
        return try Fixture.account(users: users, groups: [try Fixture.group("AccessGroupId-h", hostile, members: members)],
                                   policies: policies, instances: [try Fixture.instance("vault \(hostile)", guid: "guid-vault")])
    }

    /// The report of `account(long:)`, two findings reviewed by hostile suppressions (one holding, one expired) and
    /// against a baseline that has findings this report no longer has (resolved ones).
    static func report(long: Bool = false) throws -> FindingsReport {
        let report = FindingsReport(AccessIndex(try account(long: long)))
        let first = try #require(report.findings.first), last = try #require(report.findings.last)
        let suppressions = [
            Suppression(rule: first.rule, entity: try #require(first.entities.first?.id), reason: hostile, expires: "2999-01-01"),
            Suppression(rule: last.rule, entity: try #require(last.entities.first?.id), reason: "old \(hostile)", expires: "2000-01-01"),
        ]
        let older = FindingsReport(AccessIndex(try account(long: long, extraLoners: 5)))
        let baseline = try Baseline(data: try FindingsOutput.data(older, format: .json), name: "baseline.json")
        return report.reviewing(suppressions: suppressions, baseline: baseline)
    }

    /// A snapshot directory holding the files the findings of `account()` are in, so that SARIF locates its results
    /// (its files scanned side by side, then read by both threads).
    static func snapshot(of account: IAMAccount) throws -> SnapshotLocation {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("findings-runs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let files: [(CollectionKind, [String])] = [
            (.users, account.users.map(\.iamID)), (.accessGroups, account.accessGroups.map(\.id)),
            (.accessPolicies, account.accessPolicies.map(\.id)),
        ]
        for (kind, ids) in files {
            let items = ids.map { [kind.idKey: $0, "name": hostile] }
            try CanonicalJSON.data(items).write(to: directory.appendingPathComponent(kind.fileName))
        }
        return SnapshotLocation(directory: directory, relativePath: "snapshots/hostile \"dir\"")
    }

    static func written(_ report: FindingsReport, _ variant: (format: FindingsFormat, policyUsage: Bool, full: Bool),
                        snapshot: SnapshotLocation?, runLength: Int) throws -> Data {
        try FindingsRuns.$length.withValue(runLength) {
            try FindingsOutput.data(report, format: variant.format, policyUsage: variant.policyUsage, full: variant.full,
                                    snapshot: snapshot)
        }
    }

    /// Every variant's bytes with its lists cut into runs of every length, from one item a run to all in one, equal
    /// its bytes written as one run on one thread.
    @Test func theOutputDoesNotDependOnTheRunLength() throws {
        let report = try Self.report()
        let snapshot = try Self.snapshot(of: try Self.account())
        defer { try? FileManager.default.removeItem(at: snapshot.directory) }
        let longest = max(report.findings.count, report.policiesByLastUse.count)
        #expect(report.findings.count > 20 && report.policiesByLastUse.count > 10)
        #expect(!report.suppressed.isEmpty && !(report.resolved ?? []).isEmpty)
        #expect(Set(report.findings.map(\.rule)).count >= 3, "several groups, each written in runs")
        for variant in Self.variants {
            let one = try Self.written(report, variant, snapshot: snapshot, runLength: Int.max)
            #expect(one.count > 5_000)
            for length in 1...longest + 1 {
                let cut = try Self.written(report, variant, snapshot: snapshot, runLength: length)
                #expect(cut == one, "\(variant) in runs of \(length)")
            }
        }
    }

    /// Whatever the run length, every format lists each finding (active, suppressed, resolved) once, in the report's
    /// order: the finding's own text is found after the one before it.
    @Test(arguments: [1, 3, Int.max])
    func everyFindingIsWrittenInOrder(runLength: Int) throws {
        let report = try Self.report()
        let all = report.findings + report.suppressed + (report.resolved ?? [])
        func expectInOrder(_ texts: [String], in output: Data, _ variant: String) {
            let output = String(decoding: output, as: UTF8.self)
            var position = output.startIndex
            for (number, text) in texts.enumerated() {
                guard let found = output.range(of: text, range: position..<output.endIndex) else {
                    Issue.record("\(variant) in runs of \(runLength): item \(number) of \(texts.count) is not after the one before")
                    return
                }
                position = found.upperBound
            }
        }
        let text = try Self.written(report, (.text, true, false), snapshot: nil, runLength: runLength)
        expectInOrder(report.findings.map { "    why: " + TerminalText.clean(FindingsWording.why($0, in: report)) + "\n" }
                      + report.suppressed.map { "    " + TerminalText.clean(FindingsWording.suppression($0, in: report)) + "\n" }
                      + (report.resolved ?? []).map { "  - \($0.rule.rawValue): " + TerminalText.clean(FindingsWording.entities($0)) + "\n" }
                      + report.policiesByLastUse.map { TerminalText.clean($0.grants) },
                      in: text, "text")
        let markdown = try Self.written(report, (.markdown, true, true), snapshot: nil, runLength: runLength)
        expectInOrder(report.findings.map { "| " + Markdown.escape(FindingsWording.why($0, in: report)) + " |\n" }
                      + report.suppressed.map { "| " + Markdown.escape(FindingsWording.suppression($0, in: report)) + " |\n" }
                      + (report.resolved ?? []).map { "| " + Markdown.escape(FindingsWording.entities($0)) + " |\n" }
                      + report.policiesByLastUse.map { "| " + Markdown.escape($0.grants) + " |\n" },
                      in: markdown, "markdown --full")
        let json = try #require(try JSONSerialization.jsonObject(
            with: try Self.written(report, (.json, false, false), snapshot: nil, runLength: runLength)) as? [String: Any])
        let items = (json["findings"] as? [[String: Any]] ?? []) + (json["resolved"] as? [[String: Any]] ?? [])
        #expect(items.map { "\($0["rule"] ?? "") \($0["why"] ?? "")" } == all.map { "\($0.rule.rawValue) \($0.why)" })
        let uses = (json["policies_by_last_use"] as? [[String: Any]] ?? []).map { $0["grants"] as? String }
        #expect(uses == report.policiesByLastUse.map(\.grants))
        let sarif = try #require(try JSONSerialization.jsonObject(
            with: try Self.written(report, (.sarif, false, false), snapshot: nil, runLength: runLength)) as? [String: Any])
        let results = try #require(((sarif["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        #expect(results.map { "\($0["ruleId"] ?? "") \(($0["partialFingerprints"] as? [String: Any])?["iamgraphEntities/v1"] ?? "")" }
                == all.map { "\($0.rule.rawValue) \($0.fingerprint)" })
    }

    /// The runs' bytes are what the formats say of the hostile texts: SARIF located its results in the snapshot's
    /// files, JSON kept every name whole.
    @Test func runsKeepHostileTextsAndLocations() throws {
        let report = try Self.report()
        let snapshot = try Self.snapshot(of: try Self.account())
        defer { try? FileManager.default.removeItem(at: snapshot.directory) }
        let sarif = try Self.written(report, (.sarif, false, false), snapshot: snapshot, runLength: 1)
        let log = try #require(try JSONSerialization.jsonObject(with: sarif) as? [String: Any])
        let results = try #require(((log["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        #expect(results.count == report.findings.count + report.suppressed.count + (report.resolved?.count ?? 0))
        let regions = results.compactMap { result in
            ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"]
        }
        // The snapshot's files hold the users, groups and policies: every result about one of them is located
        // (the resolved findings are about users no longer there).
        let inFiles = (report.findings + report.suppressed).filter { finding in
            finding.entities.first?.kind != .collection
                && [CollectionKind.users, .accessGroups, .accessPolicies].contains { $0 == finding.location }
        }
        #expect(inFiles.count > 20)
        #expect(regions.count == inFiles.count, "every result about an entity of the snapshot's files is located")
        let json = try Self.written(report, (.json, false, false), snapshot: nil, runLength: 1)
        let document = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let names = (document["findings"] as? [[String: Any]] ?? []).flatMap { finding in
            (finding["entities"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        }
        #expect(names.contains("3 \(Self.hostile)"))
        let uses = try #require(document["policies_by_last_use"] as? [[String: Any]])
        #expect(uses.count == report.policiesByLastUse.count)
        #expect(uses.contains { ($0["policy"] as? [String: Any])?["id"] as? String == "p-3 \"<i>\" \u{1B}[31m é" })
    }

    /// A finding of a megabyte fills several blocks, and a run of several megabytes is handed to the sink in blocks:
    /// the same bytes in runs of one, two and seven findings as in one run.
    @Test func aMegabyteNameIsWrittenWholeInEveryRunLength() throws {
        let report = try Self.report(long: true)
        for variant in Self.variants {
            let one = try Self.written(report, variant, snapshot: nil, runLength: Int.max)
            if variant.format == .markdown && !variant.full {
                #expect(one.count <= FindingsMarkdown.commentLimit, "the fitted report cuts long cells")
            } else {
                #expect(one.count > 1 << 20)
            }
            for length in [1, 2, 7] {
                #expect(try Self.written(report, variant, snapshot: nil, runLength: length) == one, "\(variant) in runs of \(length)")
            }
        }
    }

    /// A sink that fails stops every format's writing, while both threads are making runs (the first block is full
    /// after a megabyte): the error comes out once the threads have stopped, and the sink hears nothing after it.
    @Test func anErrorInTheSinkStopsTheWriting() throws {
        let report = try Self.report(long: true)
        for variant in Self.variants {
            var calls = 0
            #expect(throws: Planted.self, "\(variant)") {
                try FindingsRuns.$length.withValue(1) {
                    try FindingsOutput.write(report, format: variant.format, policyUsage: variant.policyUsage,
                                             full: variant.full) { _ in
                        calls += 1
                        throw Planted()
                    }
                }
            }
            #expect(calls == 1, "\(variant): the sink heard nothing after its error")
        }
    }

    /// An element that fails in a run on one of the two threads stops the array: its error comes out, and what reached
    /// the sink is the start of the document without the error.
    @Test func anErrorInARunStopsTheWriting() throws {
        struct Elements: JSONWritable {
            let failing: Int?

            func write(to json: inout JSONWriter) throws {
                try json.member(JSONKey("rows"), JSONRunElements(runs: FindingsRuns.ranges(count: 5_000), state: {}) { index, _, json in
                    if index == failing { throw Planted() }
                    json.string(FindingsRunsTests.hostile + String(repeating: "x", count: 400) + "\(index)")
                })
            }
        }
        struct Document: JSONWritable {
            let elements: Elements

            func write(to json: inout JSONWriter) throws {
                try json.object(inOrder: { try elements.write(to: &$0) })
            }
        }
        let whole = try FindingsRuns.$length.withValue(3) { try JSONWriter.data(Document(elements: Elements(failing: nil))) }
        for failing in [0, 1, 2_500, 4_999] {
            var handed = Data()
            #expect(throws: Planted.self, "element \(failing)") {
                try FindingsRuns.$length.withValue(3) {
                    try JSONWriter.write(Document(elements: Elements(failing: failing))) { handed.append($0) }
                }
            }
            #expect(whole.starts(with: handed) && handed.count < whole.count, "element \(failing)")
        }
    }

    /// The groups the text and Markdown reports list (`FindingsWording.groups`, the findings' rules read in place) are
    /// the runs of consecutive findings of one rule, covering every finding in order; the rule table counts each
    /// rule's findings as counting them one at a time does, with `--top` and a rule selection too.
    @Test func groupsAndRuleCountsAreTheFindingsCountedOneByOne() throws {
        let full = try Self.report()
        let reports = [full, full.keepingTop(2), full.selecting(rules: Set(full.findings.prefix(1).map(\.rule)), minimum: nil)]
        for report in reports {
            var expected: [(rule: RuleID, findings: Range<Int>)] = []
            for (position, finding) in report.findings.enumerated() {
                if let last = expected.last, last.rule == finding.rule {
                    expected[expected.count - 1].findings = last.findings.lowerBound..<position + 1
                } else {
                    expected.append((finding.rule, position..<position + 1))
                }
            }
            let groups = FindingsWording.groups(report)
            #expect(groups.map(\.rule) == expected.map(\.rule))
            #expect(groups.map(\.findings) == expected.map(\.findings))
            for summary in RuleSummary.all(report) {
                let counted = report.findings.filter { $0.rule == summary.rule }.count + (report.unlisted[summary.rule] ?? 0)
                #expect(summary.findings == counted, "\(summary.rule)")
            }
        }
        #expect(FindingsWording.groups(reports[0]).count >= 3)
    }
}

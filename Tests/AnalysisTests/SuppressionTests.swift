import Analysis
import Foundation
import Reports
import Testing
import TestSupport

/// Ignore files and baselines on samples/demo (as of its fetched_at, 2026-11-20): which findings are suppressed,
/// which come back, which are new, unchanged or resolved, in every output format.
@Suite struct SuppressionTests {
    /// The contractor's direct policy, a `policy-on-user` finding (its first entity).
    static let contractorPolicy = "198a0f5e-4d1a-4724-99f5-96f82ad596c6"

    static func ignoreFile(_ entries: String) -> Data {
        Data(#"{"format": "iamgraph-ignore", "version": 1, "suppressions": [\#(entries)]}"#.utf8)
    }

    static func entry(_ rule: String, _ entity: String, expires: String = "2027-03-31") -> String {
        #"{"rule": "\#(rule)", "entity": "\#(entity)", "reason": "accepted by the review board", "expires": "\#(expires)"}"#
    }

    static func reviewed(_ entries: String, baseline: Baseline? = nil) throws -> FindingsReport {
        let suppressions = try IgnoreFile.suppressions(from: ignoreFile(entries), name: "ignore.json")
        return try DemoAccount.report.reviewing(suppressions: suppressions, baseline: baseline)
    }

    static func json(_ report: FindingsReport, _ format: FindingsFormat) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: FindingsOutput.data(report, format: format)) as? [String: Any])
    }

    @Test func suppressionMatchesRuleAndEntity() throws {
        let complete = try DemoAccount.report
        let report = try Self.reviewed(Self.entry("policy-on-user", Self.contractorPolicy))
        #expect(report.suppressed.map(\.rule) == [.policyOnUser])
        #expect(report.suppressed.first?.entities.first?.id == Self.contractorPolicy)
        #expect(report.findings.count == complete.findings.count - 1)
        #expect(!report.findings.contains { $0.rule == .policyOnUser && $0.entities.first?.id == Self.contractorPolicy })
        // The rule's finding about another entity stays active.
        #expect(report.findings.contains { $0.rule == .policyOnUser && $0.entities.first?.id == "a649fa2d-f255-4961-a84c-564cc92e4764" })
        #expect(report.staleSuppressions.isEmpty)
        #expect(report.count(.warning) == complete.count(.warning) - 1)
        // Text lists it apart and does not count it.
        let text = String(decoding: try FindingsOutput.data(report, format: .text), as: UTF8.self)
        #expect(text.contains("1 suppressed"))
        #expect(text.contains("Suppressed (1, not counted above)"))
        #expect(text.contains("accepted until 2027-03-31: accepted by the review board"))
        let markdown = String(decoding: try FindingsOutput.data(report, format: .markdown), as: UTF8.self)
        #expect(markdown.contains("## Suppressed (1)"))
        // JSON keeps it, with its suppression.
        let items = try #require(Self.json(report, .json)["findings"] as? [[String: Any]])
        let suppressed = items.filter { $0["suppression"] != nil }
        #expect(suppressed.count == 1)
        let state = try #require(suppressed.first?["suppression"] as? [String: String])
        #expect(state == ["reason": "accepted by the review board", "expires": "2027-03-31", "status": "accepted"])
        #expect(items.count == complete.findings.count)
    }

    @Test func suppressionHoldsThroughItsExpiryDayThenReturnsWithANote() throws {
        let holding = try Self.reviewed(Self.entry("user-in-no-group", DemoIDs.jordan, expires: "2026-11-20"))
        #expect(holding.suppressed.count == 1)
        let expired = try Self.reviewed(Self.entry("user-in-no-group", DemoIDs.jordan, expires: "2026-11-19"))
        #expect(expired.suppressed.isEmpty)
        let finding = try #require(expired.findings.first { $0.rule == .userInNoGroup })
        #expect(expired.expiryNote(finding) == "suppression expired on 2026-11-19: accepted by the review board")
        #expect(expired.staleSuppressions.isEmpty)
        let text = String(decoding: try FindingsOutput.data(expired, format: .text), as: UTF8.self)
        #expect(text.contains("(suppression expired on 2026-11-19: accepted by the review board)"))
        let items = try #require(Self.json(expired, .json)["findings"] as? [[String: Any]])
        let state = items.compactMap { $0["suppression"] as? [String: String] }
        #expect(state.map { $0["status"] } == ["expired"])
        #expect(expired.hasFindings(atLeast: .note))
    }

    @Test func entryMatchingNothingIsStale() throws {
        let report = try Self.reviewed(Self.entry("policy-on-user", "no-such-policy") + "," + Self.entry("user-in-no-group", DemoIDs.owner))
        #expect(report.suppressed.isEmpty)
        #expect(report.staleSuppressions.map(\.entity) == ["no-such-policy", DemoIDs.owner])
    }

    @Test func malformedIgnoreFilesAreClearErrors() {
        let cases: [(String, String)] = [
            (#"{"rule": "policy-on-user", "entity": "x", "expires": "2027-01-01"}"#, "needs a reason"),
            (#"{"rule": "policy-on-user", "entity": "x", "reason": "r"}"#, "needs an expiry day"),
            (#"{"rule": "policy-on-user", "entity": "x", "reason": "r", "expires": "2027-02-30"}"#, "is not a day"),
            (#"{"rule": "no-such-rule", "entity": "x", "reason": "r", "expires": "2027-01-01"}"#, "unknown rule"),
        ]
        for (entry, message) in cases {
            #expect {
                _ = try IgnoreFile.suppressions(from: Self.ignoreFile(entry), name: "ignore.json")
            } throws: { error in
                "\(error)".contains("ignore.json at $.suppressions[0]") && "\(error)".contains(message)
            }
        }
        #expect { _ = try IgnoreFile.suppressions(from: Data(#"{"format": "iamgraph-findings", "version": 1}"#.utf8), name: "f.json") }
            throws: { "\($0)".contains("expected iamgraph-ignore version 1") }
        #expect { _ = try IgnoreFile.suppressions(from: Data("not json".utf8), name: "f.json") } throws: { "\($0)".contains("f.json") }
    }

    /// The demo's own JSON report without its public-access finding, plus a finding since resolved.
    static func baseline() throws -> Baseline {
        var document = try json(DemoAccount.report, .json)
        var items = try #require(document["findings"] as? [[String: Any]])
        items.removeAll { $0["rule"] as? String == "public-access-policy" }
        items.append(["rule": "user-in-no-group", "why": "gone since", "entities": [["kind": "user", "id": "IBMid-gone"]]])
        document["findings"] = items
        return try Baseline(data: JSONSerialization.data(withJSONObject: document), name: "old.json")
    }

    @Test func baselineMarksNewUnchangedAndResolved() throws {
        let report = try DemoAccount.report.reviewing(suppressions: [], baseline: Self.baseline())
        let new = report.findings.filter { report.marks[$0]?.baseline == .new }
        #expect(new.map(\.rule) == [.publicAccessPolicy])
        #expect(report.findings.allSatisfy { report.marks[$0]?.baseline != nil })
        #expect(report.resolved?.map(\.fingerprint) == ["user/IBMid-gone"])
        #expect(report.hasFindings(atLeast: .error, newOnly: true))
        #expect(!report.selecting(rules: [.policyOnUser], minimum: nil).hasFindings(atLeast: .note, newOnly: true))
        let text = String(decoding: try FindingsOutput.data(report, format: .text), as: UTF8.self)
        #expect(text.contains("1 new, \(report.findings.count - 1) unchanged, 1 resolved since the baseline"))
        #expect(text.contains("  - new: policy Public website assets"))
        #expect(text.contains("Resolved since the baseline (1)"))
        let document = try Self.json(report, .json)
        let items = try #require(document["findings"] as? [[String: Any]])
        #expect(items.filter { $0["baseline"] as? String == "new" }.count == 1)
        #expect((document["resolved"] as? [[String: Any]])?.count == 1)
        let markdown = String(decoding: try FindingsOutput.data(report, format: .markdown), as: UTF8.self)
        #expect(markdown.contains("## Resolved since the baseline (1)"))
    }

    @Test func sarifCarriesSuppressionsAndBaselineState() throws {
        let suppressions = try IgnoreFile.suppressions(from: Self.ignoreFile(Self.entry("policy-on-user", Self.contractorPolicy)),
                                                       name: "ignore.json")
        let report = try DemoAccount.report.reviewing(suppressions: suppressions, baseline: Self.baseline())
        let runs = try #require(Self.json(report, .sarif)["runs"] as? [[String: Any]])
        let results = try #require(runs.first?["results"] as? [[String: Any]])
        let suppressed = results.filter { $0["suppressions"] != nil }
        #expect(suppressed.count == 1)
        let suppression = try #require((suppressed.first?["suppressions"] as? [[String: String]])?.first)
        #expect(suppression == ["kind": "external", "status": "accepted", "justification": "accepted by the review board"])
        let states = results.compactMap { $0["baselineState"] as? String }
        #expect(states.count == results.count)
        #expect(states.filter { $0 == "new" }.count == 1)
        #expect(states.filter { $0 == "absent" }.count == 1)
        #expect(results.count == report.findings.count + report.suppressed.count + 1)
    }

    @Test func baselineOfAnotherFormatIsAnError() throws {
        let sarif = try FindingsOutput.data(DemoAccount.report, format: .sarif)
        #expect { _ = try Baseline(data: sarif, name: "old.sarif") } throws: { "\($0)".contains("old.sarif") }
        let ignore = Self.ignoreFile("")
        #expect { _ = try Baseline(data: ignore, name: "old.json") }
            throws: { "\($0)" == "old.json: iamgraph-ignore version 1, expected iamgraph-findings version 1" }
    }
}

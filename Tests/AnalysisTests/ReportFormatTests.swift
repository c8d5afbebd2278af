import Analysis
import Foundation
import Model
@testable import Reports
import Testing
import TestSupport

/// The output formats: escaping of untrusted text, and the shape of the JSON, CSV, Markdown and SARIF documents.
@Suite struct ReportFormatTests {
    static let hostile = "Ops | \\ \"quoted\", <b>bold</b> & more\nline two\u{1B}[31m red \u{202E}txet"

    @Test func csvQuotesPerRFC4180() {
        #expect(CSV.field("plain") == "plain")
        #expect(CSV.field("a,b") == "\"a,b\"")
        #expect(CSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSV.field("two\nlines") == "\"two\nlines\"")
        // Formula injection: a name a spreadsheet would evaluate is neutralised.
        #expect(CSV.field("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(CSV.field("+1") == "'+1")
        #expect(CSV.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSV.field("crlf\r\nend") == "\"crlf\r\nend\"")
        #expect(CSV.record(["a", "b,c"]) == "a,\"b,c\"\r\n")
    }

    /// Control and bidirectional characters in a name reach neither a terminal printing the file nor a spreadsheet
    /// opening it; line breaks stay (quoted), and a cell that starts like a formula after a line break is guarded too.
    @Test func csvNeutralisesControlAndBidiCharacters() {
        #expect(CSV.field("red\u{1B}[31m alert") == "red?[31m alert")
        #expect(CSV.field("\u{202E}txet.exe") == "?txet.exe")
        #expect(CSV.field("nul\u{0}bel\u{7}del\u{7F}c1\u{9B}") == "nul?bel?del?c1?")
        #expect(CSV.field("a\u{2066}b\u{200F}c") == "a?b?c")
        #expect(CSV.field("tab\tkept") == "tab\tkept")
        #expect(CSV.field("lone\rreturn") == "\"lone\nreturn\"")
        #expect(CSV.field("\r\n=cmd|' /C calc'!A0") == "\"'\r\n=cmd|' /C calc'!A0\"")
        #expect(CSV.field("\n+1") == "\"'\n+1\"")
        #expect(CSV.field("\u{1B}=1+1") == "?=1+1")
        #expect(CSV.field("Zoë, \u{1B}[2J") == "\"Zoë, ?[2J\"")
        var bytes: [UInt8] = []
        CSV.append(["ok", "x\u{1B}y", "-2"], to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "ok,x?y,'-2\r\n")
    }

    /// Rows written from parts that rows share are the rows their cells make: Markdown rows as `Markdown.row` makes
    /// them, CSV records every combination of the parts' records, in order.
    @Test func sharedRowPartsWriteTheRowsOfTheirCells() throws {
        let names = ["Ann <ann@example.com>", "Bo_b | x", "\u{1B}evil"]
        let report = TabularReport(
            title: "t", notes: [],
            table: .init(header: ["A", "B", "C"], count: 7, parts: [
                .shared({ $0 % 3 }) { [names[$0]] },
                .own { ["row \($0)", "=\($0)"] },
            ]),
            records: .init(header: ["x", "y", "z"], count: 7, parts: [
                .shared({ $0 % 3 }) { [[names[$0]]] },
                .own { [["r\($0)", "a"], ["r\($0)", "b"]] },
            ]),
            json: [String]())
        let markdown = String(decoding: try report.data(.markdown), as: UTF8.self)
        #expect(markdown == "## t\n\n" + Markdown.table(["A", "B", "C"], (0..<7).map { [names[$0 % 3], "row \($0)", "=\($0)"] }))
        let csv = String(decoding: try report.data(.csv), as: UTF8.self)
        let records = (0..<7).flatMap { line in ["a", "b"].map { CSV.record([names[line % 3], "r\(line)", $0]) } }
        #expect(csv == CSV.record(["x", "y", "z"]) + records.joined())
    }

    @Test func markdownEscapesTableBreakersAndHTML() {
        #expect(Markdown.escape("a|b\\c") == "a\\|b\\\\c")
        #expect(Markdown.escape("<b>&</b>") == "&lt;b&gt;&amp;&lt;/b&gt;")
        #expect(Markdown.escape("one\ntwo\r\nthree") == "one<br>two<br>three")
        #expect(Markdown.escape("[link](x) *em* `code`") == "\\[link\\](x) \\*em\\* \\`code\\`")
        // No mentions, no autolinks: such words are code spans, which copy as the text itself (no invisible U+2060).
        #expect(Markdown.escape("@security-team https://evil.example www.evil.example a@b.example")
                == "`@security-team` `https://evil.example` `www.evil.example` `a@b.example`")
        #expect(!Markdown.escape("Ann <ann@example.com>").unicodeScalars.contains { $0.value == 0x2060 })
        let table = Markdown.table(["A"], [[Self.hostile]])
        #expect(table.split(separator: "\n").count == 3)
        #expect(!table.contains("<b>"))
    }

    @Test func terminalTextHasNoControlOrBidiCharacters() throws {
        let clean = TerminalText.clean(Self.hostile)
        #expect(!clean.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x202E })
        #expect(clean.contains("line two?[31m red ?txet"))
    }

    /// An account whose names are hostile: a group, its policy's description and a user's name.
    static func hostileIndex(named hostile: String = hostile) throws -> AccessIndex {
        let account = try Fixture.account(
            users: [try Fixture.user("IBMid-ann", hostile)],
            groups: [try Fixture.group("AccessGroupId-g", hostile, members: ["IBMid-ann"])],
            policies: [Policy(id: "p1", type: "access", description: hostile,
                              subject: [Fixture.attr("access_group_id", "AccessGroupId-g")], roleIDs: [Fixture.viewer],
                              resource: [Fixture.attr("accountId", Fixture.accountID), Fixture.attr("serviceName", "kms")])])
        return AccessIndex(account)
    }

    @Test func accessOutputsEscapeHostileNames() throws {
        let report = try IdentityAccessReport(identity: "IBMid-ann", in: try Self.hostileIndex())
        let json = try JSONSerialization.jsonObject(with: report.data(.json)) as! [String: Any]
        #expect((json["identity"] as! [String: Any])["name"] as? String == Self.hostile)
        let grant = (json["grants"] as! [[String: Any]])[0]
        #expect((grant["path"] as! [[String: Any]])[0]["name"] as? String == Self.hostile)
        #expect(grant["path_text"] as? String == "access group \(Self.hostile) (static)")

        let text = String(decoding: try report.data(.text), as: UTF8.self)
        #expect(!text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" })

        let markdown = String(decoding: try report.data(.markdown), as: UTF8.self)
        #expect(!markdown.contains("<b>") && !markdown.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" })
        #expect(markdown.contains("Ops \\| \\\\ \"quoted\", &lt;b&gt;bold&lt;/b&gt; &amp; more<br>line two"))

        let csv = String(decoding: try report.data(.csv), as: UTF8.self)
        #expect(csv.hasPrefix("holder_kind,holder_id,holder_name,match,role,service,"))
        #expect(csv.contains(",\"access group Ops | \\ \"\"quoted\"\", <b>bold</b> & more\nline two?[31m red ?txet"))
        #expect(!csv.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" })
    }

    @Test func findingsOutputsEscapeHostileNames() throws {
        let report = FindingsReport(try Self.hostileIndex())
        let text = String(decoding: try FindingsOutput.data(report, format: .text), as: UTF8.self)
        #expect(!text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" })
        let markdown = String(decoding: try FindingsOutput.data(report, format: .markdown), as: UTF8.self)
        #expect(!markdown.contains("<b>"))
        let json = try JSONSerialization.jsonObject(with: FindingsOutput.data(report, format: .json)) as! [String: Any]
        let names = (json["findings"] as! [[String: Any]]).flatMap { ($0["entities"] as! [[String: Any]]).compactMap { $0["name"] as? String } }
        #expect(names.contains(Self.hostile))
    }

    @Test func identityJSONOfTheDemo() throws {
        let report = try IdentityAccessReport(identity: "sofia.alvarez@acme.example.com", in: DemoAccount.index)
        let json = try JSONSerialization.jsonObject(with: report.data(.json)) as! [String: Any]
        #expect(json["format"] as? String == "iamgraph-access")
        #expect(json["version"] as? Int == 1)
        #expect((json["identity"] as! [String: Any])["iam_id"] as? String == DemoIDs.sofia)
        let grants = json["grants"] as! [[String: Any]]
        #expect(grants.count == 11)
        let timeBased = try #require(grants.first { ($0["policy"] as! [String: Any])["id"] as? String == DemoIDs.timeBasedPolicy })
        #expect((timeBased["conditions"] as! [String: Any])["pattern"] as? String == "time-based-conditions:weekly:custom-hours")
        let step = (timeBased["path"] as! [[String: Any]])[0]
        #expect(step["kind"] as? String == "access_group" && step["membership"] as? String == "dynamic"
                && step["rule"] as? String == "IdP group data-eng")
        let target = timeBased["target"] as! [String: Any]
        #expect(target["scope"] as? String == "service_in_account")
        #expect((target["attributes"] as! [[String: Any]]).first?["key"] as? String == "serviceName")
    }

    @Test func resourceJSONOfTheDemo() throws {
        let report = try ResourceAccessReport(resource: DemoIDs.kmsInstance, in: DemoAccount.index)
        let json = try JSONSerialization.jsonObject(with: report.data(.json)) as! [String: Any]
        #expect((json["resource"] as! [String: Any])["guid"] as? String == DemoIDs.kmsInstance)
        let rows = json["access"] as! [[String: Any]]
        let kinds = rows.map { ($0["holder"] as! [String: Any])["kind"] as! String }
        #expect(kinds == kinds.sorted { ["user", "service_id", "trusted_profile", "access_group", "public_access", "service"].firstIndex(of: $0)!
                                        < ["user", "service_id", "trusted_profile", "access_group", "public_access", "service"].firstIndex(of: $1)! })
        #expect(kinds.last == "service")
        #expect(rows.allSatisfy { $0["match"] as? String == "full" && $0["policy"] != nil && $0["roles"] != nil })
    }

    @Test func sarifHasTheRequiredShape() throws {
        let report = try DemoAccount.report
        let snapshot = SnapshotLocation.resolve(Samples.demo, base: Samples.repository)
        #expect(snapshot.relativePath == "samples/demo")
        let data = try FindingsOutput.data(report, format: .sarif, snapshot: snapshot)
        let log = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        #expect(log["version"] as? String == "2.1.0")
        #expect((log["$schema"] as? String)?.contains("sarif-schema-2.1.0") == true)
        let run = (log["runs"] as! [[String: Any]])[0]
        let driver = (run["tool"] as! [String: Any])["driver"] as! [String: Any]
        #expect(driver["name"] as? String == "iamgraph")
        let rules = driver["rules"] as! [[String: Any]]
        #expect(rules.map { $0["id"] as! String } == RuleID.allCases.map(\.rawValue))
        #expect(rules.allSatisfy {
            ["error", "warning", "note"].contains(($0["defaultConfiguration"] as! [String: Any])["level"] as! String)
                && (($0["shortDescription"] as! [String: Any])["text"] as? String)?.isEmpty == false
        })
        let results = run["results"] as! [[String: Any]]
        #expect(results.count == report.findings.count)
        for (result, finding) in zip(results, report.findings) {
            #expect(result["ruleId"] as? String == finding.rule.rawValue)
            #expect(result["level"] as? String == finding.severity.rawValue)
            #expect(((result["message"] as! [String: Any])["text"] as? String)?.contains(finding.why) == true)
            let location = (result["locations"] as! [[String: Any]])[0]
            let artifact = (location["physicalLocation"] as! [String: Any])["artifactLocation"] as! [String: Any]
            #expect(artifact["uri"] as? String == finding.location.map { "samples/demo/" + $0.fileName })
            #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
            // The region holds the entity's id (or, for a collection, is its whole file).
            let region = try #require((location["physicalLocation"] as! [String: Any])["region"] as? [String: Int])
            let file = try String(contentsOf: Samples.demo.appendingPathComponent(finding.location!.fileName), encoding: .utf8)
            let lines = file.split(separator: "\n", omittingEmptySubsequences: false)
            let start = try #require(region["startLine"]), end = try #require(region["endLine"])
            #expect(1 <= start && start <= end && end <= lines.count)
            if finding.entities[0].kind != .collection {
                #expect(lines[(start - 1)..<end].contains { $0.contains("\"" + finding.entities[0].id + "\"") })
            }
            #expect((result["properties"] as? [String: [String]])?["tags"] == CISControl.controls(of: finding.rule).map { "CIS " + $0.id })
            let logical = location["logicalLocations"] as! [[String: Any]]
            #expect(logical.map { $0["name"] as! String } == finding.entities.map(\.id))
        }
        let publicAccess = try #require(results.first { $0["ruleId"] as? String == "public-access-policy" })
        let location = (publicAccess["locations"] as! [[String: Any]])[0]
        #expect(((location["physicalLocation"] as! [String: Any])["artifactLocation"] as! [String: Any])["uri"] as? String
                == "samples/demo/policies-access.json")
        // No local absolute path in the log.
        #expect(run["originalUriBaseIds"] == nil)
        #expect(!String(decoding: data, as: UTF8.self).contains(Samples.repository.path))
        let notifications = ((run["invocations"] as! [[String: Any]])[0]["toolExecutionNotifications"] as! [[String: Any]])
        #expect(notifications.count == 3)  // the rules that need the activity report
    }

    @Test func findingsJSONSummarisesEveryRule() throws {
        let report = try DemoAccount.report
        let json = try JSONSerialization.jsonObject(with: FindingsOutput.data(report, format: .json)) as! [String: Any]
        #expect(json["format"] as? String == "iamgraph-findings")
        #expect(json["as_of"] as? String == "2026-11-20T09:00:00Z")
        #expect(json["summary"] as? [String: Int] == ["error": 11, "warning": 26, "note": 28])
        let rules = json["rules"] as! [[String: Any]]
        #expect(rules.count == RuleID.allCases.count)
        #expect(rules.filter { $0["evaluated"] as? Bool == false }.map { $0["id"] as! String }
                == ["identity-inactive", "api-key-inactive", "service-credential-unused"])
        #expect((json["findings"] as! [Any]).count == report.findings.count)
        #expect((json["policies_by_last_use"] as! [Any]).count == 28)
    }

    @Test func textListsEveryRuleWithItsCount() throws {
        let text = String(decoding: try FindingsOutput.data(DemoAccount.report, format: .text, policyUsage: true), as: UTF8.self)
        for rule in RuleID.allCases { #expect(text.contains(rule.rawValue)) }
        #expect(text.contains("not evaluated: the snapshot has no activity report"))
        #expect(text.contains("Policies by last use (never used first)"))
    }

    @Test func docsDescribeEveryRuleAndTheAccessJSON() throws {
        let root = Samples.repository
        let findings = try String(contentsOf: root.appendingPathComponent("docs/findings.md"), encoding: .utf8)
        for rule in RuleID.allCases {
            #expect(findings.contains("### `\(rule.rawValue)`"), "docs/findings.md lacks \(rule.rawValue)")
        }
        let access = try String(contentsOf: root.appendingPathComponent("docs/access-json.md"), encoding: .utf8)
        for key in ["path_text", "unknown_collections", "match", "holder", "conditions", "scope"] {
            #expect(access.contains("`\(key)`"), "docs/access-json.md lacks \(key)")
        }
    }
}

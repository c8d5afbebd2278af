import Analysis
import Foundation
import Model
import Reports
import Snapshot
import Testing
import TestSupport

/// The CIS benchmark view: every control decided on the demo as SEEDS.md seeds it, unknown where data is missing,
/// and the thresholds and the MFA report taken into account.
@Suite struct BenchmarkTests {
    /// The demo's status per control.
    static let expected: [String: ControlResult.Status] = [
        "1.1": .manual, "1.2": .unknown, "1.3": .fail, "1.4": .fail, "1.5": .fail, "1.6": .manual, "1.7": .fail,
        "1.8": .pass, "1.9": .fail, "1.10": .manual, "1.11": .manual, "1.12": .fail, "1.13": .pass, "1.14": .pass,
        "1.15": .pass, "1.16": .fail, "1.17": .unknown, "1.18": .manual, "1.19": .unknown,
    ]

    @Test func everyControlOfTheDemo() throws {
        let benchmark = BenchmarkReport(try DemoAccount.report, account: try DemoAccount.account)
        #expect(benchmark.results.map(\.control) == CISControl.allCases)
        for result in benchmark.results {
            #expect(result.status == Self.expected[result.control.id], "\(result.control.id)")
            #expect(result.findings.isEmpty == (result.status != .fail), "\(result.control.id)")
        }
        let owner = try #require(benchmark.results.first { $0.control == .c1_5 })
        #expect(owner.findings.map { $0.entities[0].id } == ["ApiKey-5efcf880-84b9-4cc1-ade4-68caf5365c92"])
    }

    @Test func controlsNeedingAnUnknownCollectionAreUnknown() throws {
        let account = try Fixture.account(users: [try Fixture.user("IBMid-1", "Ann")],
                                      unknown: [.identitySettings: .notInManifest, .apiKeys: .notInManifest])
        let report = FindingsReport(AccessIndex(account))
        let benchmark = BenchmarkReport(report, account: account)
        for control in [CISControl.c1_3, .c1_4, .c1_5, .c1_7, .c1_8, .c1_9] {
            let result = try #require(benchmark.results.first { $0.control == control })
            #expect(result.status == .unknown, "\(control.id)")
            #expect(result.reason.contains("unknown"), "\(control.id)")
        }
    }

    @Test func administratorLimitsAreConfigurable() throws {
        let index = try DemoAccount.index
        let report = FindingsReport(index, options: FindingsOptions(maxAdministrators: 1))
        let finding = try #require(report.findings.first { $0.rule == .tooManyAdministrators })
        #expect(finding.entities.map(\.id) == ["users", DemoIDs.priya, DemoIDs.owner])
        let benchmark = BenchmarkReport(report, account: index.account)
        #expect(benchmark.results.first { $0.control == .c1_14 }?.status == .fail)
    }

    @Test func theMFAReportDecidesForTheUsersItLists() throws {
        let report: MFAReport = try Fixture.decode(["users": [
            ["iam_id": "IBMid-1", "effective_mfa_type": "id_based_mfa",
             "id_based_mfa": ["trait_effective": "TOTP4ALL", "complies": false]],
            ["iam_id": "IBMid-2", "effective_mfa_type": "account_based_mfa", "account_based_mfa": ["complies": true]],
        ]])
        let settings: IdentitySettings = try Fixture.decode(["mfa": "NONE"])
        let account = IAMAccount(accountID: Fixture.accountID, fetchedAt: Timestamp(Fixture.fetchedAt), scope: .account,
                                 users: [try Fixture.user("IBMid-1", "Ann"), try Fixture.user("IBMid-2", "Bea"),
                                         try Fixture.user("IBMid-3", "Cy")],
                                 identitySettings: settings, mfa: report)
        let findings = FindingsReport(AccessIndex(account)).findings.filter { $0.rule == .userWithoutMFA }
        // Ann does not comply, Bea does (whatever the settings say), Cy is not listed: the settings decide (NONE).
        #expect(findings.map { $0.entities[0].id } == ["IBMid-1", "IBMid-3"])
        #expect(findings[0].why.contains("MFA report") && findings[1].why.contains("NONE"))
    }

    @Test func findingsCarryTheirControlsInEveryFormat() throws {
        let report = try DemoAccount.report
        let json = try JSONSerialization.jsonObject(with: FindingsOutput.data(report, format: .json)) as! [String: Any]
        let ownerKey = try #require((json["findings"] as! [[String: Any]]).first { $0["rule"] as? String == "owner-api-key" })
        #expect(ownerKey["controls"] as? [String] == ["CIS 1.5"])
        let markdown = String(decoding: try FindingsOutput.data(report, format: .markdown), as: UTF8.self)
        #expect(markdown.contains("CIS 1.5"))
        let cis = String(decoding: try #require(try BenchmarkOutput.data(
            BenchmarkReport(report, account: try DemoAccount.account), of: report, format: .json)), as: UTF8.self)
        let document = try JSONSerialization.jsonObject(with: Data(cis.utf8)) as! [String: Any]
        #expect(document["format"] as? String == "iamgraph-benchmark")
        #expect((document["controls"] as! [[String: Any]]).count == CISControl.allCases.count)
    }
}

/// `--rule`, `--min-severity`, `--top` and the Markdown that fits one GitHub comment.
@Suite struct PrioritisedReportTests {
    @Test func markdownOfTheEnterpriseSampleFitsOneComment() throws {
        let report = FindingsReport(AccessIndex(try AccountLoader.load(directory: Samples.enterprise).account))
        let fitted = try FindingsOutput.data(report, format: .markdown)
        #expect(fitted.count <= 65_536)
        let text = String(decoding: fitted, as: UTF8.self)
        #expect(text.contains("--full"))
        // Every rule's count is there, listed or not.
        #expect(text.contains("| user-without-mfa | warning | 1.7, 1.8 | User without MFA | \(report.total(of: .userWithoutMFA)) ("))
        let full = try FindingsOutput.data(report, format: .markdown, full: true)
        #expect(full.count > fitted.count)
        #expect(!String(decoding: full, as: UTF8.self).contains("not listed"))
    }

    @Test func selectingRulesSeverityAndTop() throws {
        let report = try DemoAccount.report
        let onUsers = report.selecting(rules: [.policyOnUser], minimum: nil)
        #expect(Set(onUsers.findings.map(\.rule)) == [.policyOnUser])
        #expect(onUsers.selectedRules == [.policyOnUser])
        let severe = report.selecting(rules: nil, minimum: .warning)
        #expect(severe.findings.allSatisfy { $0.severity >= .warning } && !severe.findings.isEmpty)
        let top = report.keepingTop(1)
        #expect(top.findings.filter { $0.rule == .userWithoutMFA }.count == 1)
        #expect(top.unlisted[.userWithoutMFA] == 8 && top.total(of: .userWithoutMFA) == 9)
        #expect(top.count(.warning) == report.count(.warning))
        let text = String(decoding: try FindingsOutput.data(top, format: .text), as: UTF8.self)
        #expect(text.contains("… and 8 more (--top)"))
        #expect(text.contains("9 (8 not listed)"))
    }
}

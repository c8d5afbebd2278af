import Analysis
import Foundation
@testable import Model
@testable import Reports
import Testing
import TestSupport

/// `access --action` at the size of an organisation: a pattern over many actions held by a big group is one compact
/// row per member and role, the same rows in every format, unknown kept apart from no, hostile names intact.
@Suite struct ActionAccessReportTests {
    static let pattern = "svc.thing.*"
    static let everything = "crn:v1:bluemix:public:iam-access-management::a/acct::customRole:Everything"
    /// 40 actions the pattern matches.
    static let thingActions = (0..<40).map { String(format: "svc.thing.a%02d", $0) }
    static let memberCount = 60
    static let hostileNames = ["Robert\"; DROP", "two\nlines", "\u{1B}[31mred\u{1B}[0m", "pipe | cell", "<script>x</script>",
                               "=HYPERLINK(\"x\")", "\u{202E}evil"]

    static func iamID(_ number: Int) -> String { String(format: "IBMid-u%02d", number) }

    /// One group of `memberCount` users (some with hostile names) holding, on the service `svc`: Everything (lists
    /// every `svc.thing` action: yes), Manager (its listing names `svc` but none of the pattern's actions: no) and
    /// Viewer (no listing: unknown).
    static func index() throws -> AccessIndex {
        let users: [User] = try (0..<memberCount).map { number in
            let name = number < hostileNames.count ? hostileNames[number] : "User \(number)"
            return try Fixture.decode(["iam_id": iamID(number), "firstname": name])
        }
        let roles = [
            try FixtureEscalationTests.role(everything, service: "svc", actions: thingActions + ["other.service.read"]),
            try FixtureEscalationTests.role(Fixture.manager, actions: ["svc.other.read"]),
        ]
        let group = try Fixture.group("big", "Big", members: (0..<memberCount).map(iamID))
        let policy = Fixture.policy("p-big", group: "big", roles: [everything, Fixture.manager, Fixture.viewer],
                                    [Fixture.attr("serviceName", "svc")])
        return AccessIndex(try Fixture.account(users: users, groups: [group], policies: [policy], roles: roles))
    }

    private func output(_ format: AccessFormat, _ report: ActionAccessReport) throws -> Data {
        var data = Data()
        try report.write(format) { data.append($0) }
        return data
    }

    @Test func aWildcardOverManyActionsIsOneRowPerMemberAndRole() throws {
        let reach = ActionAccess.reach(of: Self.pattern, in: try Self.index())
        // Everything (yes) and Viewer (unknown) per member; Manager (no) left out; never a row per action.
        #expect(reach.count == Self.memberCount * 2)
        // Held per member once (one segment each), the roles once per source.
        #expect(reach.segments.count == Self.memberCount && reach.carried.count == 2 && reach.paths.count == 1)
        let grants = Array(reach.grants)
        #expect(grants.count == Self.memberCount * 2)
        #expect(Set(grants.map(\.iamID)) == Set((0..<Self.memberCount).map(Self.iamID)))
        let yes = grants.filter { $0.answer == .yes }, unknown = grants.filter { $0.answer == .unknown }
        #expect(yes.count == Self.memberCount && yes.allSatisfy { $0.roleCRN == Self.everything && $0.actions == Self.thingActions })
        #expect(unknown.count == Self.memberCount && unknown.allSatisfy { $0.roleCRN == Fixture.viewer && $0.actions.isEmpty })
        #expect(!grants.contains { $0.roleCRN == Fixture.manager })
        // One action only: the same rows, each listing that action.
        let one = Array(ActionAccess.reach(of: "svc.thing.a07", in: try Self.index()).grants)
        #expect(one.count == Self.memberCount * 2 && one.filter { $0.answer == .yes }.allSatisfy { $0.actions == ["svc.thing.a07"] })
    }

    @Test func everyFormatHasTheSameRowsAndKeepsUnknownApartFromNo() throws {
        let index = try Self.index()
        let report = try ActionAccessReport(action: Self.pattern, resource: nil, in: index)
        let rows = Self.memberCount * 2
        let matched = Self.thingActions.joined(separator: ", ")

        let json = try JSONSerialization.jsonObject(with: try output(.json, report)) as! [String: Any]
        let grants = try #require(json["grants"] as? [[String: Any]])
        #expect(grants.count == rows)
        let jsonRows = grants.map { "\($0["iam_id"] as! String) \($0["role"] as! String) \($0["actions"] as! String)" }
        for grant in grants where grant["actions"] as? String == "listed" {
            #expect(grant["role"] as? String == "Everything" && grant["matched_actions"] as? [String] == Self.thingActions)
        }
        for grant in grants where grant["actions"] as? String == "unknown" {
            #expect(grant["role"] as? String == "Viewer" && (grant["matched_actions"] as? [String])?.isEmpty == true)
        }
        // Names from the API come back whole in JSON.
        for number in Self.hostileNames.indices {
            let grant = try #require(grants.first { $0["iam_id"] as? String == Self.iamID(number) })
            #expect(grant["name"] as? String == index.name(ofIAMID: Self.iamID(number)))
            #expect((grant["name"] as? String)?.hasPrefix(Self.hostileNames[number]) == true)
        }

        let csv = CSVRecords(try output(.csv, report))
        #expect(csv.header.suffix(2) == ["actions", "matched_actions"])
        #expect(csv.rows.count == rows)
        let csvRows = csv.rows.map { "\($0["holder_id"]!) \($0["role"]!) \($0["actions"]!)" }
        #expect(csvRows.sorted() == jsonRows.sorted())
        #expect(csv.rows.filter { $0["actions"] == "listed" }.allSatisfy { $0["matched_actions"] == matched })
        #expect(csv.rows.filter { $0["actions"] == "unknown" }.allSatisfy { $0["matched_actions"] == "" })

        // Text and Markdown: one line per row (a name's line break or escape sequence never splits or colours one),
        // each member on two, the matched actions in one cell, unknown rows said so.
        let text = String(decoding: try output(.text, report), as: UTF8.self)
        #expect(!text.utf8.contains(0x1B))
        #expect(text.contains("note: the snapshot lists no actions for Viewer on these services"))
        let markdown = String(decoding: try output(.markdown, report), as: UTF8.self)
        for table in [text, markdown] {
            let lines = table.split(separator: "\n")
            for number in 0..<Self.memberCount {
                #expect(lines.count { $0.contains("(\(Self.iamID(number)))") } == 2, "\(Self.iamID(number))")
            }
            #expect(lines.count { $0.contains(matched) } == Self.memberCount)
            #expect(lines.count { $0.contains(" unknown ") } == Self.memberCount)
            #expect(!lines.contains { $0.contains("Manager") })
        }
        #expect(markdown.split(separator: "\n").count { $0.hasPrefix("| ") } == rows + 1)  // and the header
        #expect(!markdown.contains("<script>"))
        #expect(text.hasPrefix("Who can perform svc.thing.* in acct, snapshot 2026-11-20T09:00:00Z: 60 identities, 120 grants\n"))
    }

    /// Network restrictions are listed once per target in the JSON document, not in every row sharing the target
    /// (on L, an account-wide grant's 797 rules in each of 1.4 million rows made tens of gigabytes).
    @Test func networkRestrictionsAreListedOncePerTarget() throws {
        let report = try ActionAccessReport(action: "kms.secrets.*", resource: DemoIDs.kmsInstance, in: try DemoAccount.index)
        let json = try JSONSerialization.jsonObject(with: try output(.json, report)) as! [String: Any]
        let grants = try #require(json["grants"] as? [[String: Any]])
        #expect(!grants.isEmpty && grants.allSatisfy { ($0["grant"] as? [String: Any])?["network_restrictions"] == nil })
        let byTarget = try #require(json["network_restrictions"] as? [String: [[String: Any]]])
        let keys = Set(grants.compactMap { (($0["grant"] as? [String: Any])?["target"] as? [String: Any])?["key"] as? String })
        #expect(Set(byTarget.keys) == keys)
        #expect(byTarget.values.allSatisfy { $0.map { $0["rule_id"] as? String } == ["c3e5a7b9d1f2a4b6c8d0e2f4a6b8c0d2"] })
        // The table formats still say it per row, in a few words.
        let csv = CSVRecords(try output(.csv, report))
        #expect(csv.rows.allSatisfy { $0["network"]?.contains("c3e5a7b9") == true })
    }
}

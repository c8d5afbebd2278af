import Analysis
import Foundation
import Model
@testable import Reports
import Testing
import TestSupport

/// The access tables a new user reads: fitted to a terminal, conditions in words, CSV a spreadsheet can filter,
/// authorizations named as such, people named one way.
@Suite struct AccessTableTests {
    static let kmsLabel = "Instance key-protect-prod (d79c35df-f9c0-479b-aaf5-a6b277abd473) of kms"

    private func text(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }

    /// The table's lines: after the title, the notes and the blank line.
    private func tableLines(_ text: String) -> [Substring] {
        Array(text.split(separator: "\n", omittingEmptySubsequences: false).drop { !$0.isEmpty }.dropFirst().filter { !$0.isEmpty })
    }

    @Test func textFitsTheWidthAskedForAndSaysItCut() throws {
        let report = try ResourceAccessReport(resource: DemoIDs.kmsInstance, in: try DemoAccount.index)
        let whole = text(try report.data(.text))
        #expect(whole.contains(Self.kmsLabel))
        #expect(!whole.contains("…") && !whole.contains("note: long cells"))
        #expect(tableLines(whole).contains { $0.count > 200 })

        let fitted = text(try report.data(.text, width: 100))
        #expect(fitted.contains("note: long cells are cut (…) to fit 100 columns; --format csv or json has them whole"))
        let lines = tableLines(fitted)
        #expect(lines.count == 18)  // header and 17 rows
        for line in lines { #expect(line.count <= 100, "\(line)") }
        #expect(lines[0].hasPrefix("WHO "))
        #expect(lines.contains { $0.contains("…") })
        #expect(!fitted.contains(Self.kmsLabel))
        // Never cut below a column's header.
        #expect(lines[0].contains("CONDITIONS") || lines[0].hasSuffix("CONDITIONS"))
    }

    @Test func aWideEnoughWidthChangesNothing() throws {
        let report = try IdentityAccessReport(identity: DemoIDs.sofia, in: try DemoAccount.index)
        #expect(try report.data(.text, width: 1000) == report.data(.text))
    }

    @Test func conditionsReadAsOnTheMap() throws {
        let report = try IdentityAccessReport(identity: DemoIDs.sofia, in: try DemoAccount.index)
        let table = text(try report.data(.text))
        #expect(table.contains("time-based: Mon–Fri 09:00–17:00 UTC"))
        #expect(!table.contains("dayOfWeekAnyOf"))
        let json = try JSONSerialization.jsonObject(with: report.data(.json)) as! [String: Any]
        let conditions = try #require((json["grants"] as! [[String: Any]]).compactMap { $0["conditions"] as? [String: Any] }.first)
        #expect(conditions["text"] as? String == "time-based: Mon–Fri 09:00–17:00 UTC")
        #expect((conditions["rule"] as? String)?.contains("dayOfWeekAnyOf") == true)
    }

    @Test func csvHasOneRecordPerRoleAndStructuredColumns() throws {
        let identity = CSVRecords(try IdentityAccessReport(identity: DemoIDs.sofia, in: try DemoAccount.index).data(.csv))
        let resource = CSVRecords(try ResourceAccessReport(resource: DemoIDs.kmsInstance, in: try DemoAccount.index).data(.csv))
        // The same columns in both, so that files can be concatenated.
        #expect(identity.header == resource.header)
        #expect(identity.header == ["holder_kind", "holder_id", "holder_name", "match", "role", "service", "instance_id",
                                    "instance_name", "resource_group_id", "resource_group_name", "region",
                                    "resource_type", "resource", "target", "scope", "policy_id", "path", "conditions",
                                    "network"])
        let postgres = identity.rows.filter { $0["target"] == "databases-for-postgresql in resource group prod" }
        #expect(postgres.map { $0["role"] } == ["Viewer", "Reader"])
        for row in postgres {
            #expect(row["holder_kind"] == "user" && row["holder_id"] == DemoIDs.sofia && row["holder_name"] == "Sofia Alvarez")
            #expect(row["service"] == "databases-for-postgresql" && row["resource_group_name"] == "prod")
            #expect(row["path"] == "access group Data Engineers (dynamic, rule IdP group data-eng)")
        }
        // An instance policy names neither resource group nor region: they come from the instance.
        let reader = try #require(resource.rows.first { $0["holder_id"] == "IBMid-693000LZ3S" && $0["role"] == "Reader" })
        #expect(reader["service"] == "kms" && reader["instance_id"] == DemoIDs.kmsInstance)
        #expect(reader["instance_name"] == "key-protect-prod" && reader["resource_group_name"] == "prod")
        #expect(reader["region"] == "us-south" && reader["match"] == "full" && reader["scope"] == "instance")
        #expect(reader["policy_id"]?.count == 36)
    }

    @Test func anAuthorizationSaysWhereItComesFrom() throws {
        let report = try ResourceAccessReport(resource: DemoIDs.kmsInstance, in: try DemoAccount.index)
        let json = try JSONSerialization.jsonObject(with: report.data(.json)) as! [String: Any]
        let service = try #require((json["access"] as! [[String: Any]]).first { ($0["holder"] as! [String: Any])["kind"] as? String == "service" })
        #expect(service["path_text"] as? String == "authorization from cloud-object-storage instance cos-acme-dev")
        let row = try #require(tableLines(text(try report.data(.text))).first { $0.hasPrefix("cloud-object-storage") })
        #expect(row.hasSuffix("authorization from cloud-object-storage instance cos-acme-dev"))
    }

    @Test func identitiesThatShareANameAreToldApart() throws {
        let account = try Fixture.account(
            users: [try Fixture.decode(["iam_id": "IBMid-a", "firstname": "Alex", "lastname": "Kim", "email": "alex.a@example.com"]),
                    try Fixture.decode(["iam_id": "IBMid-b", "firstname": "alex", "lastname": "kim", "email": "alex.b@example.com"]),
                    try Fixture.user("IBMid-c", "Ann")],
            serviceIDs: [try Fixture.decode(["id": "ServiceId-1", "iam_id": "iam-ServiceId-1", "name": "deployer"]),
                         try Fixture.decode(["id": "ServiceId-2", "iam_id": "iam-ServiceId-2", "name": "deployer"])])
        let index = AccessIndex(account)
        #expect(index.name(ofIAMID: "IBMid-a") == "Alex Kim <alex.a@example.com>")
        #expect(index.name(ofIAMID: "IBMid-b") == "alex kim <alex.b@example.com>")
        #expect(index.name(ofIAMID: "IBMid-c") == "Ann")
        #expect(index.name(ofIAMID: "iam-ServiceId-1") == "deployer (iam-ServiceId-1)")
    }
}

/// A CSV document read back (RFC 4180), each row by column name.
struct CSVRecords {
    let header: [String]
    let rows: [[String: String]]

    init(_ data: Data) {
        var records: [[String]] = [], record: [String] = [], field = "", quoted = false, previous: Character = " "
        for character in String(decoding: data, as: UTF8.self) {
            if quoted {
                if character == "\"" { quoted = false } else { field.append(character) }
            } else if character == "\"" {
                if previous == "\"" { field.append("\"") }
                quoted = true
            } else if character == "," {
                record.append(field)
                field = ""
            } else if character == "\r\n" {
                records.append(record + [field])
                record = []
                field = ""
            } else {
                field.append(character)
            }
            previous = character
        }
        header = records.first ?? []
        rows = records.dropFirst().map { Dictionary(zip(records[0], $0), uniquingKeysWith: { first, _ in first }) }
    }
}

extension AccessTableTests {
    /// The title already gives the email and IAM id: a shared name is not told apart twice.
    @Test func aSharedNameIsNotDoubledInTheTitle() throws {
        let account = try Fixture.account(
            users: [try Fixture.decode(["iam_id": "IBMid-a", "firstname": "Alex", "email": "alex.a@example.com"]),
                    try Fixture.decode(["iam_id": "IBMid-b", "firstname": "Alex", "email": "alex.b@example.com"])],
            policies: [Fixture.policy("p1", iamID: "IBMid-a", [Fixture.attr("serviceName", "kms")])])
        let report = try IdentityAccessReport(identity: "IBMid-a", in: AccessIndex(account))
        let text = String(decoding: try report.data(.text), as: UTF8.self)
        #expect(text.hasPrefix("Effective access of Alex <alex.a@example.com> (IBMid-a, user) in "))
        let csv = CSVRecords(try report.data(.csv))
        #expect(csv.rows.first?["holder_name"] == "Alex <alex.a@example.com>")
    }
}

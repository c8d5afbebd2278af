@testable import Analysis
import Foundation
@testable import Model
import Snapshot
import Testing

/// `service-credential-unused` on hand-built accounts: which credentials count as unused, and when the rule cannot say.
@Suite struct ServiceCredentialFindingsTests {
    /// A service credential with `role` on an instance, backed by a service ID and, optionally, an API key.
    func credential(_ name: String, role: String, serviceID: String? = nil, apiKey: String? = nil,
                    state: String = "active") throws -> ResourceKey {
        var credentials: [String: Any] = ["iam_role_crn": "crn:v1:bluemix:public:iam::::serviceRole:\(role)"]
        if let serviceID {
            credentials["iam_serviceid_crn"] = "crn:v1:bluemix:public:iam-identity::a/\(Fixture.accountID)::serviceid:\(serviceID)"
        }
        if let apiKey { credentials["iam_apikey_id"] = apiKey }
        let item: [String: Any] = ["id": "crn:key:\(name)", "name": name, "state": state, "credentials": credentials]
        return try JSONDecoder().decode(ResourceKey.self, from: JSONSerialization.data(withJSONObject: item))
    }

    func account(_ keys: [ResourceKey], activity: [String: Any]?) throws -> IAMAccount {
        let report = try activity.map {
            try JSONDecoder().decode(ActivityReport.self, from: JSONSerialization.data(withJSONObject: $0))
        }
        return IAMAccount(accountID: Fixture.accountID, fetchedAt: Timestamp(Fixture.fetchedAt), scope: .account,
                          serviceIDs: [try Fixture.serviceID("idle"), try Fixture.serviceID("busy")], resourceKeys: keys,
                          activity: report)
    }

    func findings(_ account: IAMAccount, _ options: FindingsOptions = FindingsOptions()) -> [Finding] {
        FindingsReport(AccessIndex(account), options: options).findings.filter { $0.rule == .serviceCredentialUnused }
    }

    /// The activity report: ServiceId-idle last authenticated 2026-01-10, ApiKey-never never, ApiKey-recent on 2026-11-01.
    var activity: [String: Any] { [
        "report_start_time": "2026-05-01T00:00:00Z",
        "serviceids": [["id": "ServiceId-idle", "name": "idle", "last_authn": "2026-01-10T00:00:00Z"]],
        "apikeys": [["id": "ApiKey-never", "name": "never"], ["id": "ApiKey-recent", "last_authn": "2026-11-01T00:00:00Z"]],
    ] }

    @Test func writingCredentialsWhoseIdentityDidNotAuthenticateAreUnused() throws {
        let keys = [
            try credential("idle-writer", role: "Writer", serviceID: "ServiceId-idle"),
            try credential("idle-reader", role: "Reader", serviceID: "ServiceId-idle"),
            try credential("busy-manager", role: "Manager", serviceID: "ServiceId-busy"),
            try credential("never-manager", role: "Manager", serviceID: "ServiceId-busy", apiKey: "ApiKey-never"),
            try credential("recent-writer", role: "Writer", serviceID: "ServiceId-idle", apiKey: "ApiKey-recent"),
            try credential("removed-writer", role: "Writer", serviceID: "ServiceId-idle", state: "removed"),
            try credential("anonymous-manager", role: "Manager"),
        ]
        let found = findings(try account(keys, activity: activity))
        #expect(found.map { $0.entities[0].id } == ["crn:key:anonymous-manager", "crn:key:idle-writer", "crn:key:never-manager"])
        #expect(found.map { $0.entities[0].kind } == [.serviceCredential, .serviceCredential, .serviceCredential])
        #expect(found[0].why == "Manager credential naming neither its API key nor its service ID: whether it was used is unknown")
        #expect(found[1].why == "Writer; its service ID last authenticated 2026-01-10, 314 days before 2026-11-20")
        #expect(found[2].why == "Manager; no authentication by its API key recorded since the activity report's window began on 2026-05-01")
        // The API key, when named, decides over its service ID: recent-writer's key authenticated recently.
        // With a longer limit the idle service ID is not yet unused.
        let lenient = findings(try account(keys, activity: activity), FindingsOptions(keyUnusedDays: 400))
        #expect(lenient.map { $0.entities[0].id } == ["crn:key:anonymous-manager", "crn:key:never-manager"])
    }

    @Test func withoutTheActivityReportTheRuleDoesNotRunRatherThanFindNothing() throws {
        let account = try account([try credential("idle-writer", role: "Writer", serviceID: "ServiceId-idle")], activity: nil)
        let report = FindingsReport(AccessIndex(account))
        #expect(findings(account).isEmpty)
        let gap = try #require(report.gaps.first { $0.rule == .serviceCredentialUnused })
        #expect(!gap.evaluated)
        #expect(gap.reason.contains("activity report"))
    }

    @Test func forbiddenCredentialsAreUnknownNotClean() throws {
        let account = IAMAccount(accountID: Fixture.accountID, fetchedAt: Timestamp(Fixture.fetchedAt), scope: .account,
                                 unknown: [.resourceKeys: .notFetched(.forbidden, httpStatus: 403, message: nil)])
        let report = FindingsReport(AccessIndex(account))
        let gap = try #require(report.gaps.first { $0.rule == .serviceCredentialUnused })
        #expect(!gap.evaluated)
    }
}

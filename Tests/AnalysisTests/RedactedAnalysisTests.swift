@testable import Analysis
import Model
import Snapshot
import Testing
import TestSupport

/// Redaction replaces text, never structure: every analysis of the redacted demo finds what it finds on the demo.
@Suite struct RedactedAnalysisTests {
    static func accounts() throws -> (plain: IAMAccount, redacted: IAMAccount) {
        let snapshot = try SnapshotReader.load(Samples.demo)
        return (AccountLoader.load(snapshot).account, AccountLoader.load(SnapshotRedaction.redact(snapshot)).account)
    }

    @Test func findingsAndAccessAreTheSameByID() throws {
        let (plain, redacted) = try Self.accounts()
        let before = FindingsReport(AccessIndex(plain)).findings, after = FindingsReport(AccessIndex(redacted)).findings
        #expect(after.map(\.rule) == before.map(\.rule))
        #expect(after.map { $0.entities.map(\.id) } == before.map { $0.entities.map(\.id) })
        for identity in plain.identities {
            let grants = { (account: IAMAccount) in
                EffectiveAccess.grants(of: identity.iamID, in: AccessIndex(account)).map { [$0.policy.id] + $0.roleIDs }
            }
            #expect(grants(redacted) == grants(plain), "\(identity.iamID)")
        }
    }

    @Test func namesAreEntityPseudonymsAndRolesStayReadable() throws {
        let (_, redacted) = try Self.accounts()
        let sofia = try #require(redacted.identity(iamID: DemoIDs.sofia))
        #expect(sofia.name == SnapshotRedaction.pseudonym("user", DemoIDs.sofia))
        #expect(sofia.email == SnapshotRedaction.email(ofIAMID: DemoIDs.sofia))
        #expect(redacted.groupsByID[DemoIDs.developers]?.name == SnapshotRedaction.pseudonym("group", DemoIDs.developers))
        #expect(redacted.instancesByGUID[DemoIDs.kmsInstance]?.name == SnapshotRedaction.pseudonym("instance", DemoIDs.kmsInstance))
        #expect(redacted.displayName == SnapshotRedaction.pseudonym("account", redacted.accountID))
        // An API key is named after itself, not after the owner its iam_id names.
        #expect(!redacted.apiKeys.isEmpty)
        #expect(redacted.apiKeys.allSatisfy { $0.name == SnapshotRedaction.pseudonym("apikey", $0.id) })
        let index = AccessIndex(redacted)
        #expect(index.roleName("crn:v1:bluemix:public:iam::::role:Viewer") == "Viewer")
        let rules = redacted.accessGroups.flatMap(\.rules)
        #expect(!rules.isEmpty && rules.allSatisfy { $0.realmName?.hasPrefix("realmname-") ?? true })
    }
}

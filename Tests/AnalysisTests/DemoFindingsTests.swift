import Analysis
import Model
import Testing
import TestSupport

/// Every rule on samples/demo fires exactly for the entities SEEDS.md seeded for it, and for no other.
@Suite struct DemoFindingsTests {
    let report: FindingsReport

    init() throws { report = try DemoAccount.report }

    /// The first entity of each finding of `rule`, in report order.
    func subjects(_ rule: RuleID) -> [String] {
        report.findings.filter { $0.rule == rule }.map { $0.entities.first!.id }
    }

    /// Per rule, the seeded entities. Rules the demo has no seed for expect none (see the report for the gaps).
    static let expected: [RuleID: [String]] = [
        .collectionUnknown: [],
        .publicAccessPolicy: ["30ea760d-f08e-4927-895a-e70345602204"],
        .policyOnMissingInstance: ["b85ec231-c54c-4ef3-80c6-db51fae1787f"],
        .authorizationOnMissingInstance: [],
        .instanceWithoutGroupAccess: [DemoIDs.assistantPOC],
        .policyNeverUsed: ["f6427bbc-4704-4347-b57a-d7a85e1e3723"],
        // Least recently used first; 90 days before fetched_at is 2026-08-22.
        .policyInactive: ["dca5fa75-7662-4668-9a9d-0cf68dc62780", "b85ec231-c54c-4ef3-80c6-db51fae1787f",
                          "779a01a3-39cc-4a58-9cfa-bfe1c849ae93", "01337252-83c4-4207-b78d-8c6e8a042fea"],
        .policyOnUser: ["198a0f5e-4d1a-4724-99f5-96f82ad596c6", "a649fa2d-f255-4961-a84c-564cc92e4764"],
        .serviceIDKeyWithoutAccess: ["ServiceId-903f4aee-e38c-4481-b439-596805e73fe5"],
        .identityInactive: [],
        .apiKeyInactive: [],
        // break-glass-admin through Admins; terraform-sandbox holds Administrator (not Manager) on all IAM-enabled services.
        .accountAdministrator: [DemoIDs.priya, DemoIDs.owner, "ServiceId-b41c3a57-6e0d-4f2a-9c8b-1d7e5f3a9b20",
                                "ServiceId-f290c889-85fb-408d-b9f6-c5b7ec70c762"],
        .canAssignAccess: [DemoIDs.priya, DemoIDs.owner, "ServiceId-b41c3a57-6e0d-4f2a-9c8b-1d7e5f3a9b20",
                           "ServiceId-f290c889-85fb-408d-b9f6-c5b7ec70c762"],
        .userInNoGroup: [DemoIDs.jordan],
        .serviceIDInNoGroup: ["ServiceId-903f4aee-e38c-4481-b439-596805e73fe5", "ServiceId-d5fbad9d-5f02-41b6-8169-0993a3b3d638"],
        .profileInNoGroup: ["Profile-8d6b7298-9143-436b-907f-23505092b7a1"],
        .profileUnassumable: [],
        .groupWithoutReaderOrViewer: [DemoIDs.supportStaff, DemoIDs.publicAccess, DemoIDs.auditors],
        .groupWithoutRegionOrResourceGroup: [DemoIDs.supportStaff, DemoIDs.publicAccess, DemoIDs.accessManagers,
                                             DemoIDs.auditors, DemoIDs.groupReviewers],
        .groupWithoutService: [DemoIDs.admins, DemoIDs.auditors],
        .emptyAccessGroup: [DemoIDs.supportStaff],
        .accessGroupWithoutPolicies: [DemoIDs.auditors],
        .policyUsesWildcard: ["42aedd1b-d42b-42b1-9393-cb1056682a88"],
        // SEEDS.md, "privilege escalation"; Tomás (Viewer on all access groups) is the decoy.
        .privilegeEscalation: [DemoIDs.kenji, DemoIDs.marcus, DemoIDs.sofia, DemoIDs.bob,
                               "Profile-5f9cfc1d-a71d-4bd4-80ba-734232c1e990", "Profile-8d6b7298-9143-436b-907f-23505092b7a1",
                               "ServiceId-d5fbad9d-5f02-41b6-8169-0993a3b3d638", "ServiceId-f290c889-85fb-408d-b9f6-c5b7ec70c762"],
        .policyForeignAccount: [],
        .customRoleUnused: ["crn:v1:ibmcloud:public:iam-access-management::a/b8d158e0846b1b49b73e8295c18bbdb9::customRole:BucketJanitor"],
        // Every key is older than 90 days (the newest, marcus-terraform, is from 2025-04-14).
        .apiKeyNotRotated: ["ApiKey-0589f172-5176-4991-94a2-562783e12fd8", "ApiKey-4d335208-e821-43db-b28b-c86c33475e8d",
                            "ApiKey-5efcf880-84b9-4cc1-ade4-68caf5365c92", "ApiKey-84ec8f3a-e00b-4896-8c19-7471da869858",
                            "ApiKey-a351f0a3-d738-4239-ab0c-a366dcf1adbb"],
        .ownerAPIKey: ["ApiKey-5efcf880-84b9-4cc1-ade4-68caf5365c92"],
        .apiKeyCreationUnrestricted: ["identity_settings"],
        .accountMFANotEnforced: ["identity_settings"],
        // MFA NONE for the account; only the owner has a TOTP override.
        .userWithoutMFA: ["IBMid-060001KMU7", "IBMid-120005DR8V", DemoIDs.marcus, DemoIDs.jordan, DemoIDs.sofia,
                          DemoIDs.lena, DemoIDs.priya, DemoIDs.bob, "IBMid-693000LZ3S"],
        .noSupportAccessGroup: [],
        .tooManyAdministrators: [],
        .tooManyAdministratorServiceIDs: [],
        .cbrReportOnly: ["d4f6b8c0e2a3b5c7d9e1f3a5b7c9d1e3"],
        // The demo has no activity report: not evaluated.
        .serviceCredentialUnused: [],
    ]

    @Test func everyRuleHasAnExpectation() {
        #expect(Set(Self.expected.keys) == Set(RuleID.allCases))
    }

    @Test(arguments: RuleID.allCases)
    func firesExactlyForTheSeededEntities(_ rule: RuleID) {
        #expect(subjects(rule) == Self.expected[rule], "\(rule.rawValue)")
    }

    @Test func missingInstanceFindingNamesTheInstanceAndTheGroup() throws {
        let finding = try #require(report.findings.first { $0.rule == .policyOnMissingInstance })
        #expect(finding.entities.map(\.id) == ["b85ec231-c54c-4ef3-80c6-db51fae1787f", DemoIDs.deletedInstance,
                                               DemoIDs.dataEngineers])
        #expect(finding.location == .accessPolicies)
    }

    @Test func onlyTheOwnerIsAFullAdministrator() throws {
        let admins = report.findings.filter { $0.rule == .accountAdministrator }
        let owner = try #require(admins.first { $0.entities.first?.id == DemoIDs.owner })
        let priya = try #require(admins.first { $0.entities.first?.id == DemoIDs.priya })
        #expect(owner.why.hasSuffix(": full account administration"))
        #expect(owner.why.contains("via access group Admins") && owner.why.contains("direct"))
        #expect(!priya.why.contains("full account administration"))
        #expect(!priya.why.contains("IAM-enabled services"))
    }

    @Test func theOwnerCanAssignAccessAsOwner() throws {
        let owner = try #require(report.findings.first { $0.rule == .canAssignAccess && $0.entities.first?.id == DemoIDs.owner })
        #expect(owner.why.hasPrefix("can assign access as account owner"))
        // Viewer on the resource group itself is not Administrator, and Administrator on a group itself assigns nothing.
        #expect(!owner.why.contains("7b35a8a6"))
    }

    @Test func rulesWithoutActivityDataSayWhyTheyDidNotRun() {
        let skipped = report.gaps.filter { !$0.evaluated }.map(\.rule)
        #expect(skipped == [.identityInactive, .apiKeyInactive, .serviceCredentialUnused])
        #expect(report.gaps.allSatisfy { $0.reason.contains("activity report") })
    }

    @Test func findingsAreOrderedBySeverityThenRule() {
        let order = Dictionary(uniqueKeysWithValues: RuleID.allCases.enumerated().map { ($1, $0) })
        let keys = report.findings.map { (-Severity.allCases.firstIndex(of: $0.severity)!, order[$0.rule]!) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(report.findings.first?.severity == .error)
        #expect(report.hasFindings(atLeast: .error))
    }

    @Test func policiesByLastUseStartWithTheNeverUsed() {
        let uses = report.policiesByLastUse
        #expect(uses.count == 26)
        #expect(uses.first?.policy.id == "f6427bbc-4704-4347-b57a-d7a85e1e3723")
        #expect(uses.first?.lastPermitAt == nil)
        #expect(uses[1].policy.id == "dca5fa75-7662-4668-9a9d-0cf68dc62780")
        let dates = Array(uses.dropFirst().compactMap { $0.lastPermitAt?.date })
        #expect(dates == dates.sorted())
    }

    @Test func inactivityIsMeasuredFromTheSnapshotNotTheClock() throws {
        // A later "now" makes more policies inactive; the default stays the snapshot's fetched_at.
        let later = try FindingsReport(DemoAccount.index, options: FindingsOptions(asOf: DemoAccount.account.fetchedAt.date!
            .addingTimeInterval(60 * 86_400)))
        let count = { (r: FindingsReport) in r.findings.filter { $0.rule == .policyInactive }.count }
        #expect(try count(DemoAccount.report) == 4)
        #expect(count(later) == 7)
        let strict = try FindingsReport(DemoAccount.index, options: FindingsOptions(inactiveDays: 1))
        #expect(count(strict) == 13)
    }
}

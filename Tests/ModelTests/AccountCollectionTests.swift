import Foundation
import Model
import Snapshot
import Testing
import TestSupport

/// Service credentials and context-based restrictions: decoded from the demo, unknown (never empty) when forbidden.
@Suite struct AccountCollectionTests {
    @Test func demoHasCredentialsAndRestrictions() throws {
        let account = try DemoSample.account()
        let keys = account.resourceKeys
        #expect(keys.compactMap(\.name).sorted() == ["cos-hmac-terraform", "pg-orders-backup"])
        let cos = try #require(keys.first { $0.name == "cos-hmac-terraform" })
        #expect(cos.serviceID == "ServiceId-f290c889-85fb-408d-b9f6-c5b7ec70c762")
        #expect(cos.roleCRN == "crn:v1:bluemix:public:iam::::serviceRole:Writer")
        #expect(cos.instance?.serviceInstance == "df4a01fb-7a6f-4d52-851e-28e690505e0d")
        #expect(account.cbrZones.count == 2)
        #expect(Set(account.cbrRules.map(\.enforcementMode)) == [.enabled, .report])
        let kms = try #require(account.cbrRules.first { $0.enforcementMode == .enabled })
        #expect(kms.zoneIDs.count == 2)
        #expect(account.cbrAccountSettings?.currentRuleCount == 2)
        let rows = AccountSummary(account).rows
        #expect(rows.first { $0.label == "service credentials" }?.count == 2)
        #expect(rows.first { $0.label == "CBR rules" }?.note == "1 report-only")
    }

    @Test func forbiddenCollectionsAreUnknownNotEmpty() throws {
        let directory = try TemporaryDirectory.make("forbidden-cbr")
        defer { try? FileManager.default.removeItem(at: directory) }
        let snapshot = directory.appendingPathComponent("demo")
        try FileManager.default.copyItem(at: Samples.demo, to: snapshot)
        let kinds: Set<CollectionKind> = [.resourceKeys, .cbrZones, .cbrRules, .cbrAccountSettings]
        _ = try Resealer(forbidden: kinds).reseal(snapshot)
        let (account, _) = try AccountLoader.load(directory: snapshot)
        for kind in kinds { #expect(!account.isKnown(kind), "\(kind)") }
        let rows = AccountSummary(account).rows
        for label in ["service credentials", "CBR network zones", "CBR rules"] {
            #expect(rows.first { $0.label == label }?.count == nil, "\(label)")
        }
    }

    @Test func unknownEnforcementModeCountsAsEnforced() throws {
        let json = #"{"id":"r","enforcement_mode":"something-new","contexts":[{"attributes":[{"name":"networkZoneId","value":"z1,z2"}]}]}"#
        let rule = try JSONDecoder().decode(CBRRule.self, from: Data(json.utf8))
        #expect(rule.enforcementMode == .enabled)
        #expect(rule.zoneIDs == ["z1", "z2"])
    }

    /// The demo's identity provider is the realm its claim rules and dynamic group rules name.
    @Test func identityProviderIsTheRealmOfTheClaimRules() throws {
        let account = try DemoSample.account()
        let provider = try #require(account.identityProviders.first)
        #expect(account.identityProviders.count == 1)
        #expect(provider.realm == "https://sso.acme.example.com/saml2/idp/metadata")
        #expect(account.trustedProfiles.flatMap(\.rules).compactMap(\.realmName).allSatisfy { $0 == provider.realm })
        #expect(account.loginSettings?.alias == "acme-dev")
    }
}

import Foundation
import Model
import Snapshot
import Testing
import TestSupport

/// `effective_identity_settings` and `access_management_settings`: decoded from the demo into the account's store,
/// counted by the summary, unknown (never absent-and-fine) when forbidden.
@Suite struct AccountSettingsCollectionTests {
    @Test func demoHasTheEffectiveIdentitySettingsAndAccessManagementSettings() throws {
        let account = try DemoSample.account()
        let effective = try #require(account.effectiveIdentitySettings)
        #expect(effective.accountID == account.accountID)
        #expect(effective.effective?.mfa == "NONE")
        #expect(effective.account == account.identitySettings)
        let management = try #require(account.accessManagementSettings)
        let types = try #require(management.externalAccountIdentityInteraction?.identityTypes)
        #expect(types.user?.state == "enabled")
        #expect(types.service?.state == "limited")
        let rows = AccountSummary(account).rows
        #expect(rows.first { $0.label == "effective identity settings" }?.count == 1)
        #expect(rows.first { $0.label == "access management settings" }?.count == 1)
    }

    @Test func forbiddenSettingsAreUnknown() throws {
        let directory = try TemporaryDirectory.make("forbidden-settings")
        defer { try? FileManager.default.removeItem(at: directory) }
        let snapshot = directory.appendingPathComponent("demo")
        try FileManager.default.copyItem(at: Samples.demo, to: snapshot)
        let kinds: Set<CollectionKind> = [.effectiveIdentitySettings, .accessManagementSettings]
        _ = try Resealer(forbidden: kinds).reseal(snapshot)
        let (account, problems) = try AccountLoader.load(directory: snapshot)
        #expect(problems.filter { $0.severity == .error }.isEmpty)
        for kind in kinds { #expect(!account.isKnown(kind), "\(kind)") }
        #expect(account.effectiveIdentitySettings == nil)
        #expect(account.accessManagementSettings == nil)
        let rows = AccountSummary(account).rows
        for label in ["effective identity settings", "access management settings"] {
            let row = try #require(rows.first { $0.label == label })
            #expect(row.count == nil)
            #expect(row.note?.contains("forbidden") == true, "\(label)")
        }
    }

    /// The summary's rows come from the collections' registrations, in `CollectionKind` order: none is listed twice,
    /// and every collection the demo holds and the summary counts has a row with a count.
    @Test func summaryRowsAreDerivedFromTheCollections() throws {
        let rows = AccountSummary(try DemoSample.account()).rows
        #expect(Set(rows.map(\.label)).count == rows.count)
        #expect(rows.allSatisfy { $0.count != nil })
        // These rows in this order, wherever a later collection's row goes.
        let expected = ["effective identity settings", "access management settings", "access group templates",
                        "access group assignments", "trusted profile templates", "trusted profile assignments",
                        "account settings templates", "account settings assignments", "policy template versions"]
        #expect(rows.map(\.label).filter(expected.contains) == expected)
    }
}

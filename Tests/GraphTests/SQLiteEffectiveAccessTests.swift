import Foundation
import Testing
@testable import Reports
import Analysis
import Model
import Snapshot
import TestSupport

/// The SQLite export's effective access: the view `effective_access` has exactly the identity × grant × role rows
/// `EffectiveAccess` lists, while the database stores paths and grants apart, never their product.
@Suite struct SQLiteEffectiveAccessTests {
    /// A sample's export, and its account.
    static func export(_ sample: URL) throws -> (file: URL, account: IAMAccount) {
        let snapshot = try SnapshotReader.load(sample)
        let account = AccountLoader.load(snapshot).account
        let file = TemporaryDirectory.removedAtExit("effective-access").appendingPathExtension("sqlite")
        try SQLiteExport.write(snapshot, to: file.path, note: { Issue.record("unexpected note: \($0)") })
        return (file, account)
    }

    /// Every row of `EffectiveAccess.grants` for every identity, one per role, as the view's columns joined by tabs.
    static func expectedRows(_ account: IAMAccount) -> [String] {
        let index = AccessIndex(account)
        let holders = account.users.map { ($0.iamID, "user", $0.displayName) }
            + account.serviceIDs.map { ($0.iamID, "service_id", $0.name) }
            + account.trustedProfiles.map { ($0.iamID, "trusted_profile", $0.name) }
        return holders.flatMap { iamID, kind, name in
            EffectiveAccess.grants(of: iamID, in: index).flatMap { grant in
                let conditional = grant.policy.rule != nil || grant.policy.pattern != nil
                return grant.roleIDs.map { role in
                    [iamID, kind, name ?? "None", role, index.roleName(role), grant.target.key, index.label(of: grant.target),
                     grant.policy.id, grant.path.pathDescription, grant.path.ids.joined(separator: " "),
                     conditional ? "1" : "0"].joined(separator: "\t")
                }
            }
        }.sorted()
    }

    @Test(arguments: [Samples.demo, Samples.enterprise])
    func theViewHoldsEveryIdentitysGrants(sample: URL) async throws {
        let (file, account) = try Self.export(sample)
        let rows = try await HostileExportTests.column(file, """
            SELECT holder_iam_id || char(9) || holder_kind || char(9) || coalesce(holder_name, 'None') || char(9) ||
              role_crn || char(9) || role_name || char(9) || target_key || char(9) || target || char(9) || policy_id ||
              char(9) || path || char(9) || path_ids || char(9) || conditional FROM effective_access
            """)
        let expected = Self.expectedRows(account)
        #expect(!expected.isEmpty)
        #expect(rows.sorted() == expected)
    }

    /// A group's members and its grants are stored once each: on the enterprise sample the two tables hold a
    /// fraction of the view's rows (the old table stored the product, and grew to gigabytes on large accounts).
    @Test func pathsAndGrantsAreStoredApart() async throws {
        let (file, _) = try Self.export(Samples.enterprise)
        let kind = try await HostileExportTests.column(file, "SELECT type FROM sqlite_master WHERE name = 'effective_access'")
        #expect(kind == ["view"])
        let counts = try await HostileExportTests.column(file, """
            SELECT (SELECT count(*) FROM effective_access_paths) + (SELECT count(*) FROM effective_access_grants)
            UNION ALL SELECT count(*) FROM effective_access
            """)
        let numbers = counts.compactMap { Int($0) }
        try #require(numbers.count == 2)
        #expect(numbers[0] * 4 < numbers[1], "stored \(numbers[0]) rows for \(numbers[1])")
    }

    /// Every stored path leads to a source that grants something (a group without policies is no path), and the
    /// sources are numbered 1, 2, … in the order the paths first reach them, so the same snapshot gives the same rows.
    @Test(arguments: [Samples.demo, Samples.enterprise])
    func pathsLeadToGrantingSourcesNumberedInOrder(sample: URL) async throws {
        let (file, _) = try Self.export(sample)
        let orphans = try await HostileExportTests.column(file, """
            SELECT count(*) FROM effective_access_paths WHERE source NOT IN (SELECT source FROM effective_access_grants)
            UNION ALL SELECT count(*) FROM (SELECT DISTINCT source FROM effective_access_grants)
              WHERE source NOT IN (SELECT source FROM effective_access_paths)
            """)
        #expect(orphans == ["0", "0"])
        let sources = try await HostileExportTests.column(file, "SELECT source FROM effective_access_paths ORDER BY rowid")
        var firstSeen: [String] = []
        for source in sources where !firstSeen.contains(source) { firstSeen.append(source) }
        #expect(firstSeen.count > 1)
        #expect(firstSeen == (1...max(firstSeen.count, 1)).map(String.init))
    }
}

import Foundation
import Testing
import Snapshot
import TestSupport

/// A collection the snapshot could not read — a file cut short, or a collection the fetch was refused — is unknown
/// to the SQLite export as to every command: its table is empty (never the whole items found before the damage),
/// `meta` names it with the reason, and stderr says so; the findings' `collection-unknown` agrees.
@Suite struct SQLiteUnknownCollectionTests {
    /// Answers of `queries` on the database at `file`, one line each, read by Python's sqlite3.
    static func answers(_ file: URL, _ queries: [String]) async throws -> [String] {
        let script = "import json, sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            + "print(json.dumps([json.dumps(c.execute(q).fetchall()) for q in sys.argv[2:]]))"
        let result = try await ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, file.path] + queries)
        try #require(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode([String].self, from: Data(result.stdout.utf8))
    }

    @Test func aFileCutShortAndAForbiddenCollectionLeaveEmptyTablesThatTheDatabaseAndStderrName() async throws {
        let directory = try TemporaryDirectory.make("sqlite-damaged")
        defer { try? FileManager.default.removeItem(at: directory) }
        let snapshot = directory.appendingPathComponent("demo")
        try FileManager.default.copyItem(at: Samples.demo, to: snapshot)
        try Resealer(forbidden: [.cbrRules]).reseal(snapshot)
        let policies = snapshot.appendingPathComponent(CollectionKind.accessPolicies.fileName)
        let whole = try Data(contentsOf: policies)
        let cut = whole.prefix(whole.count / 2)
        // The part kept holds whole policies: what the export used to store as if it were the collection.
        #expect(String(decoding: cut, as: UTF8.self).components(separatedBy: "\n  },").count > 3)
        try cut.write(to: policies)

        let database = directory.appendingPathComponent("demo.sqlite")
        let result = try await ProcessRunner.iamgraph(["export", snapshot.path, "-o", database.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("iamgraph: the snapshot could not read \(CollectionKind.accessPolicies.fileName) "
                                       + "(file unreadable: "), "\(result.stderr)")
        #expect(result.stderr.contains("malformed JSON"), "\(result.stderr)")
        #expect(result.stderr.contains("its table access_policies is empty and meta's unknown:access_policies says why"))
        #expect(result.stderr.contains("could not read \(CollectionKind.cbrRules.fileName) (forbidden (HTTP 403)"))

        let answers = try await Self.answers(database, [
            "SELECT count(*) FROM access_policies",
            "SELECT count(*) FROM cbr_rules",
            "SELECT key FROM meta WHERE key LIKE 'unknown:%' ORDER BY key",
            "SELECT value LIKE 'file unreadable: %malformed JSON%' FROM meta WHERE key = 'unknown:access_policies'",
            "SELECT e.id FROM findings f JOIN finding_entities e USING (finding) WHERE f.rule = 'collection-unknown' ORDER BY 1",
            "SELECT count(*) > 0 FROM users",
        ])
        #expect(answers == ["[[0]]", "[[0]]", #"[["unknown:access_policies"], ["unknown:cbr_rules"]]"#, "[[1]]",
                            #"[["access_policies"], ["cbr_rules"]]"#, "[[1]]"])
    }

    @Test func aWholeSnapshotHasNoUnknownRows() async throws {
        let directory = try TemporaryDirectory.make("sqlite-whole")
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("demo.sqlite")
        let result = try await ProcessRunner.iamgraph(["export", Samples.demo.path, "-o", database.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("could not read"))
        #expect(try await Self.answers(database, ["SELECT count(*) FROM meta WHERE key LIKE 'unknown:%'"]) == ["[[0]]"])
    }
}

import Foundation
import Testing
import TestSupport

/// `export --format sqlite` builds the database in place — in a file beside the destination that replaces it once
/// complete, or in a temporary file copied to stdout — and never holds it in memory; nothing half-made is left behind.
@Suite struct SQLiteOutputTests {
    /// The tables of a SQLite file and the `format` row of its `meta` table, read by Python's sqlite3.
    static func contents(_ file: URL) async throws -> String {
        let script = "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            + "print(sorted(r[0] for r in c.execute(\"SELECT name FROM sqlite_master WHERE type = 'table'\")), "
            + "c.execute(\"SELECT value FROM meta WHERE key = 'format'\").fetchone()[0], "
            + "c.execute('SELECT count(*) FROM effective_access').fetchone()[0] > 0)"
        let result = try await ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, file.path])
        try #require(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    static func directory(_ prefix: String) throws -> URL {
        let directory = TemporaryDirectory.removedAtExit(prefix)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func aFileIsReplacedWholeAndNoPartialStays() async throws {
        let directory = try Self.directory("sqlite-file")
        let file = directory.appendingPathComponent("demo.sqlite")
        try Data("not a database".utf8).write(to: file)
        let result = try await ProcessRunner.iamgraph(["export", Samples.demo.path, "-o", file.path])
        try #require(result.status == 0, "\(result.stderr)")
        #expect(try await Self.contents(file).contains("'users'] iamgraph-sqlite True"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["demo.sqlite"])
    }

    @Test func stdoutGetsTheWholeDatabaseAndTheTemporaryFileIsRemoved() async throws {
        let directory = try Self.directory("sqlite-stdout"), scratch = try Self.directory("sqlite-tmp")
        let file = directory.appendingPathComponent("piped.sqlite")
        let command = "\"$0\" export \"$1\" --format sqlite -o - > \"$2\""
        let result = try await ProcessRunner.run(URL(fileURLWithPath: "/bin/sh"),
                                                 ["-c", command, ProcessRunner.iamgraph.path, Samples.demo.path, file.path],
                                                 environment: ["TMPDIR": scratch.path])
        try #require(result.status == 0, "\(result.stderr)")
        let fileExport = try Self.directory("sqlite-compare").appendingPathComponent("demo.sqlite")
        try #require(try await ProcessRunner.iamgraph(["export", Samples.demo.path, "-o", fileExport.path]).status == 0)
        #expect(try Data(contentsOf: file) == Data(contentsOf: fileExport), "the same database either way")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
    }

    @Test func aFailedBuildSaysWhyAndLeavesNothing() async throws {
        let missing = try Self.directory("sqlite-missing").appendingPathComponent("no/such/dir/x.sqlite")
        let result = try await ProcessRunner.iamgraph(["export", Samples.demo.path, "-o", missing.path])
        #expect(result.status == 4)
        #expect(result.stderr.contains("iamgraph: export failed: SQLite: open"))
        #expect(!FileManager.default.fileExists(atPath: missing.deletingLastPathComponent().path))
    }

    @Test func aDirectoryIsRefusedBeforeTheDatabaseIsBuilt() async throws {
        let directory = try Self.directory("sqlite-directory")
        let result = try await ProcessRunner.iamgraph(["export", Samples.demo.path, "--format", "sqlite", "-o", directory.path])
        #expect(result.status == 4)
        #expect(result.stderr.contains("cannot write \(directory.path): Is a directory"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}

import Foundation
import Snapshot
import Testing
import TestSupport

/// `iamgraph diff` as a CI job runs it: exit codes like diff(1).
@Suite struct CommandTests {
    @Test func identicalSnapshotsExitZeroSilently() async throws {
        let pair = try DemoPair(edited: false)
        defer { pair.remove() }
        let result = try await ProcessRunner.iamgraph(["diff", pair.old.path, pair.new.path])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.isEmpty)
    }

    @Test func changesExitOne() async throws {
        let pair = try DemoPair()
        defer { pair.remove() }
        for format in ["text", "json", "markdown", "dot", "svg"] {
            let result = try await ProcessRunner.iamgraph(["diff", pair.old.path, pair.new.path, "--format", format])
            #expect(result.status == 1, "\(format): \(result.stderr)")
            #expect(!result.stdout.isEmpty)
        }
        let text = try await ProcessRunner.iamgraph(["diff", pair.old.path, pair.new.path])
        #expect(text.stdout.contains("\n+ [privileged] Lena Fischer gained Administrator on cloud-object-storage in "
                                     + "resource group prod directly (policy 0c5b7e1e)\n"))
    }

    @Test func troubleExitsTwo() async throws {
        let pair = try DemoPair(edited: false)
        defer { pair.remove() }
        try Resealer(accountID: "0123456789abcdef0123456789abcdef").reseal(pair.new)
        let cases: [(arguments: [String], message: String)] = [
            ([pair.old.path], "give OLD NEW"),
            ([pair.old.path, pair.root.appendingPathComponent("missing").path], "not a directory"),
            ([pair.old.path, pair.old.path, "--format", "xml"], "unknown format \"xml\""),
            ([pair.old.path, pair.old.path, "--layout", "spring"], "unknown layout \"spring\""),
            ([pair.old.path, pair.new.path], "cannot compare the snapshots: the old snapshot is of account"),
            ([pair.old.path, pair.old.path, "-o", pair.root.appendingPathComponent("no/such/dir/out.txt").path],
             "cannot write"),
        ]
        for (arguments, message) in cases {
            let result = try await ProcessRunner.iamgraph(["diff"] + arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
    }
}

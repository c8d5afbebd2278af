import Foundation
import Testing
import TestSupport

/// `report --ignore`, the conventional ignore file, `--baseline` and `--fail-on-new` through the built binary: exit
/// codes and what stderr says.
@Suite struct ReviewCommandTests {
    static let ignore = #"""
        {"format": "iamgraph-ignore", "version": 1, "suppressions": [
          {"rule": "public-access-policy", "entity": "30ea760d-f08e-4927-895a-e70345602204", "reason": "public website", "expires": "2099-12-31"},
          {"rule": "policy-on-user", "entity": "gone", "reason": "old", "expires": "2099-12-31"}]}
        """#

    @Test func suppressedFindingsDoNotFailAndStaleOnesAreWarned() async throws {
        let directory = try TemporaryDirectory.make("iamgraph-ignore")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("ignore.json")
        try Data(Self.ignore.utf8).write(to: file)
        let demo = Samples.demo.path
        let plain = try await ProcessRunner.iamgraph(["report", demo, "--rule", "public-access-policy", "--fail-on", "error"])
        #expect(plain.status == 1)
        let run = try await ProcessRunner.iamgraph(["report", demo, "--rule", "public-access-policy", "--fail-on", "error",
                                                    "--ignore", file.path])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Suppressed (1, not counted above)"))
        #expect(run.stderr.contains("stale suppression: no policy-on-user finding about gone"))
    }

    @Test func conventionalIgnoreFileBesideTheSnapshotIsPickedUp() async throws {
        let directory = try TemporaryDirectory.make("iamgraph-ignore-convention")
        defer { try? FileManager.default.removeItem(at: directory) }
        let snapshot = directory.appendingPathComponent("demo")
        try FileManager.default.copyItem(at: Samples.demo, to: snapshot)
        try Data(Self.ignore.utf8).write(to: directory.appendingPathComponent(".iamgraph-ignore.json"))
        let run = try await ProcessRunner.iamgraph(["report", snapshot.path, "--rule", "public-access-policy", "--fail-on", "error"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("using suppressions from \(directory.standardizedFileURL.path)/.iamgraph-ignore.json"))
    }

    @Test func malformedIgnoreFileOrBaselineIsAUsageError() async throws {
        let directory = try TemporaryDirectory.make("iamgraph-ignore-bad")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("ignore.json")
        try Data(#"{"format": "iamgraph-ignore", "version": 1, "suppressions": [{"rule": "policy-on-user", "entity": "x", "expires": "2099-01-01"}]}"#.utf8)
            .write(to: file)
        let run = try await ProcessRunner.iamgraph(["report", Samples.demo.path, "--ignore", file.path])
        #expect(run.status == 64)
        #expect(run.stderr.contains("every suppression needs a reason"))
        let baseline = try await ProcessRunner.iamgraph(["report", Samples.demo.path, "--baseline", file.path])
        #expect(baseline.status == 64)
        #expect(baseline.stderr.contains("expected iamgraph-findings version 1"))
        let alone = try await ProcessRunner.iamgraph(["report", Samples.demo.path, "--fail-on-new", "error"])
        #expect(alone.status == 64)
    }

    @Test func failOnNewIgnoresFindingsOfTheBaseline() async throws {
        let directory = try TemporaryDirectory.make("iamgraph-baseline")
        defer { try? FileManager.default.removeItem(at: directory) }
        let old = directory.appendingPathComponent("old.json")
        let demo = Samples.demo.path
        #expect(try await ProcessRunner.iamgraph(["report", demo, "--format", "json", "-o", old.path]).status == 0)
        let same = try await ProcessRunner.iamgraph(["report", demo, "--baseline", old.path, "--fail-on-new", "note"])
        #expect(same.status == 0)
        #expect(same.stdout.contains("0 new, "))
        // The same baseline without its public-access finding: that finding is new, and an error.
        var document = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: old)) as? [String: Any])
        document["findings"] = (document["findings"] as? [[String: Any]])?.filter { $0["rule"] as? String != "public-access-policy" }
        try JSONSerialization.data(withJSONObject: document).write(to: old)
        let newer = try await ProcessRunner.iamgraph(["report", demo, "--baseline", old.path, "--fail-on-new", "error"])
        #expect(newer.status == 1)
        #expect(newer.stderr.contains("new findings of severity error or worse"))
        #expect(newer.stdout.contains("  - new: policy Public website assets"))
    }
}

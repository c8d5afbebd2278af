import Foundation
import Testing
import TestSupport

/// `report --format sarif` validated against the OASIS SARIF 2.1.0 JSON schema itself (scripts/sarif-check, with
/// jsonschema, in the virtual environment of scripts/python-env): plain reports of both samples, and one with
/// suppressions, an expired suppression, a baseline and results of differing levels.
@Suite(.serialized) struct SARIFSchemaTests {
    static let checker = Samples.scripts.appendingPathComponent("sarif-check")

    /// What scripts/sarif-check found, per file.
    static func problems(_ files: [URL]) async throws -> [String: [String]] {
        try #require(FileManager.default.isExecutableFile(atPath: ConsumerTests.python.path),
                     "no .venv: run scripts/python-env (scripts/test does)")
        let result = try await ProcessRunner.run(ConsumerTests.python, [checker.path] + files.map(\.path))
        try #require(result.status == 0, "sarif-check: \(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((object["schema"] as? String)?.hasPrefix("https://docs.oasis-open.org/sarif/sarif/v2.1.0/") == true)
        return try #require(object["files"] as? [String: [String]])
    }

    static func report(_ sample: URL, _ extra: [String] = []) async throws -> URL {
        let file = TemporaryDirectory.removedAtExit("sarif").appendingPathExtension("sarif")
        let result = try await ProcessRunner.iamgraph(["report", sample.path, "--format", "sarif", "-o", file.path] + extra)
        try #require([0, 1].contains(result.status), "iamgraph report: \(result.stderr)")
        return file
    }

    @Test func everySampleReportIsValidSARIF() async throws {
        let files = [try await Self.report(Samples.demo), try await Self.report(Samples.enterprise)]
        let problems = try await Self.problems(files)
        #expect(problems.count == 2)
        for (file, found) in problems { #expect(found.isEmpty, "\(file): \(found.prefix(5))") }
    }

    @Test func suppressionsBaselinesAndMixedLevelsAreValidSARIF() async throws {
        let directory = TemporaryDirectory.removedAtExit("sarif-review")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let ignore = directory.appendingPathComponent("ignore.json")
        try Data("""
            {"format": "iamgraph-ignore", "version": 1, "suppressions": [
              {"rule": "policy-on-user", "entity": "198a0f5e-4d1a-4724-99f5-96f82ad596c6",
               "reason": "approved in REVIEW-142", "expires": "2099-03-31"},
              {"rule": "user-in-no-group", "entity": "\(DemoIDs.jordan)", "reason": "contract ended", "expires": "2020-01-01"}
            ]}
            """.utf8).write(to: ignore)
        let baseline = directory.appendingPathComponent("baseline.json")
        let json = try await ProcessRunner.iamgraph(["report", Samples.demo.path, "--format", "json", "-o", baseline.path,
                                                     "--rule", "privilege-escalation"])
        try #require([0, 1].contains(json.status), "\(json.stderr)")
        let file = try await Self.report(Samples.demo, ["--ignore", ignore.path, "--baseline", baseline.path])
        let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
        #expect(text.contains("\"suppressions\"") && text.contains("\"baselineState\""))
        #expect(text.contains("\"level\" : \"warning\"") && text.contains("\"level\" : \"error\""))
        #expect(try await Self.problems([file]) == [file.path: []])
    }

    /// The check is not vacuous: a log the schema refuses is reported, by path.
    @Test func anInvalidLogIsReported() async throws {
        let file = TemporaryDirectory.removedAtExit("bad").appendingPathExtension("sarif")
        try Data(#"{"version": "2.1.0", "runs": [{"tool": {"driver": {}}, "results": [{"level": "fatal"}]}]}"#.utf8)
            .write(to: file)
        let found = try #require(try await Self.problems([file])[file.path])
        #expect(found.contains { $0.hasPrefix("$.runs[0].tool.driver: 'name' is a required property") })
        #expect(found.contains { $0.hasPrefix("$.runs[0].results[0]") })
    }
}

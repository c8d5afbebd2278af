import Foundation
import Testing
import TestSupport

/// The generator behind the RuleRegistry plugin: `RuleID` from the rule types in order of the docs' sections, and a
/// failed build, naming the file and line, on what would make a rule ambiguous or unregistered.
@Suite struct RuleRegistryGeneratorTests {
    static let generator = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("RuleRegistryGenerator")

    /// A rule type's source: `struct <name>: <conformance>` declaring `id`.
    static func rule(_ name: String, id: String, conformance: String = "AlwaysEvaluatedRule") -> String {
        """
        /// A rule.
        struct \(name): \(conformance) {
            static let id = "\(id)"
            static func findings(_ c: FindingContext) -> [Finding] { [] }
        }

        """
    }

    /// Runs the generator over rule files (name → source) and a docs file naming `sections`.
    static func generate(_ files: [String: String], sections: [String]) async throws -> (ProcessRunner.Result, String?) {
        let directory = try TemporaryDirectory.make("rule-registry")
        defer { try? FileManager.default.removeItem(at: directory) }
        let docs = directory.appendingPathComponent("findings.md")
        try sections.map { "### `\($0)`\n\ntext\n" }.joined(separator: "\n").write(to: docs, atomically: true, encoding: .utf8)
        var paths: [String] = []
        for (name, source) in files {
            let file = directory.appendingPathComponent(name)
            try source.write(to: file, atomically: true, encoding: .utf8)
            paths.append(file.path)
        }
        let output = directory.appendingPathComponent("RuleID.swift")
        let result = try await ProcessRunner.run(generator, [docs.path, output.path] + paths)
        return (result, try? String(contentsOf: output, encoding: .utf8))
    }

    @Test func casesFollowTheDocsOrderAndTheTypeNames() async throws {
        let (result, output) = try await Self.generate(
            ["A.swift": Self.rule("OwnerAPIKeyRule", id: "owner-api-key") + Self.rule("APIKeyInactiveRule", id: "api-key-inactive"),
             "B.swift": Self.rule("CBRReportOnlyRule", id: "cbr-report-only", conformance: "FindingRule")],
            sections: ["cbr-report-only", "api-key-inactive", "owner-api-key"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try #require(output)
        let cases = text.split(separator: "\n").compactMap { $0.firstMatch(of: #/^    case (\w+)$/#).map { String($0.1) } }
        #expect(cases == ["cbrReportOnly", "apiKeyInactive", "ownerAPIKey"])
        #expect(text.contains("case .ownerAPIKey: OwnerAPIKeyRule.self"))
    }

    @Test(arguments: [
        // Two rules with one id.
        (["A.swift": rule("FirstRule", id: "same-id"), "B.swift": rule("SecondRule", id: "same-id")], ["same-id"],
         "is already the id of"),
        // Ids that are not lower-case words joined by single hyphens.
        (["A.swift": rule("BadRule", id: "Bad_Id")], ["Bad_Id"], "is malformed"),
        (["A.swift": rule("BadRule", id: "double--hyphen")], ["double--hyphen"], "is malformed"),
        (["A.swift": rule("BadRule", id: "")], [""], "is malformed"),
        // An id that is not a literal.
        (["A.swift": "struct ComputedRule: FindingRule {\n    static var id: String { \"x\" }\n}\n"], ["x"],
         "must declare its id once"),
        // A conformance the generator would not see on the type.
        (["A.swift": "struct HiddenRule {\n    static let id = \"hidden\"\n}\nextension HiddenRule: FindingRule {}\n"],
         ["hidden"], "not in an extension"),
        (["A.swift": rule("Misnamed", id: "misnamed")], ["misnamed"], "its name must be `<Name>Rule`"),
        // A rule the docs do not describe, and a section describing no rule.
        (["A.swift": rule("UndocumentedRule", id: "undocumented")], [], "has no section"),
        (["A.swift": rule("DocumentedRule", id: "documented")], ["documented", "gone"], "section `gone` names no rule"),
    ] as [([String: String], [String], String)])
    func refusesWithAClearMessage(_ files: [String: String], _ sections: [String], _ message: String) async throws {
        let (result, _) = try await Self.generate(files, sections: sections)
        #expect(result.status == 1)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.contains(": error: "), "names the file and line: \(result.stderr)")
    }
}

import ArgumentParser
import Foundation
import Model
import Reports
import Snapshot

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check that a snapshot is complete and consistent.",
        discussion: """
            Checks the manifest, every collection file (presence, JSON syntax, types, SHA-256), duplicate ids and \
            dangling references. Each problem names the file, the JSON path and what was expected.

            Exit codes: 0 valid (warnings allowed unless --strict), 1 problems found, 3 the snapshot cannot be read \
            at all (no manifest, another format, an unknown format version).

            Examples:
              iamgraph validate samples/demo
              iamgraph validate snapshot/ --format json --strict
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var snapshot: SnapshotArgument

    @Option(help: "Output format.")
    var format: Format = .text

    @Flag(help: "Fail on warnings too (e.g. forbidden collections).")
    var strict = false

    func run() throws {
        let loaded = try snapshot.load()
        defer { KeptUntilExit.keep(loaded) }
        let problems = loaded.problems
        switch format {
        case .text:
            // Problems quote names, paths and values from the snapshot.
            Console.output(problems.map { TerminalText.clean($0.description) + "\n" }.joined())
        case .json:
            Console.output(String(decoding: try CanonicalJSON.data(problems.map { problem in
                ["severity": problem.severity.rawValue, "file": problem.file, "path": problem.path, "message": problem.message]
            }), as: UTF8.self))
        }
        let errors = problems.filter { $0.severity == .error || strict }.count
        let warnings = problems.count - problems.filter { $0.severity == .error }.count
        if errors > 0 {
            Console.error("iamgraph: \(snapshot.snapshot): invalid: \(problems.count) problem(s)")
            throw ExitCode.problemsFound
        }
        Console.error("iamgraph: \(snapshot.snapshot): valid" + (warnings > 0 ? " (\(warnings) warning(s))" : ""))
    }
}

import Analysis
import ArgumentParser
import Foundation
import GitSnapshot
import Model
import Render
import Reports
import Snapshot

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what changed in who can do what between two snapshots.",
        discussion: """
            Compares two snapshot directories or, with --git, two revisions of a snapshot directory committed to a \
            repository (read with git ls-tree and cat-file: no checkout, the working tree is not touched; --repo \
            may be any directory inside it, and PATH is relative to it or to the top of the work tree). \
            Causes come first: each entity change that changed effective access (a policy added to a group, a \
            member added) followed by the access it changed, collapsed per policy ("4 members of access group \
            Developers gained Manager on …"), privileged gains marked [privileged] and counted in the headline. \
            Then effective access holder by holder, every grant gained or lost with the path that gives it; then \
            the entity changes that changed no access: identities, access groups, memberships, policies, custom \
            roles, trusted-profile rules, links and identities, authorizations, resource groups and instances. Policies' last permit, identities' activity \
            and dynamic memberships' expiry are ignored unless --include-usage.

            Formats: text, like git diff (nothing when nothing changed); json, the document of docs/diff-json.md \
            (written even when nothing changed); markdown, for a pull-request comment; svg, png or dot, a map of the \
            changed neighbourhood (added in green, removed in red and dashed, unchanged context faded; nothing is \
            drawn when nothing changed). SVG and PNG are not written to a terminal: give -o FILE or pipe them.

            Snapshots of different accounts or scopes are not compared: the command says so and exits 2. A \
            snapshot of another format version cannot be read, which exits 2 too. A collection unknown in either \
            snapshot (forbidden, failed) is not compared, and stderr says so.

            Exit codes, like diff(1): 0 no change, 1 changes, 2 trouble (a snapshot or revision that cannot be \
            read, snapshots that cannot be compared, wrong operands, an unknown format, a failed write). Only a \
            command line that cannot be parsed at all (an unknown option) exits 64.

            Examples:
              iamgraph diff snapshots/2026-11-20 snapshots/2026-11-27
              iamgraph diff --git origin/main HEAD snapshot --format markdown -o comment.md
              iamgraph diff old/ new/ --format svg -o changes.svg
              iamgraph diff old/ new/ --redact --format markdown -o shareable.md
              iamgraph diff old/ new/ --format mermaid -o changes.mmd
            """)

    /// Like diff(1): changes found.
    private static let changesFound = ExitCode(1)
    /// Like diff(1): trouble.
    private static let trouble = ExitCode(2)

    @Argument(help: ArgumentHelp("OLD NEW: two snapshot directories; with --git: REV1 REV2 PATH.", valueName: "operands"))
    var operands: [String] = []

    @Flag(help: "Compare two git revisions of the snapshot directory PATH (relative to --repo).")
    var git = false

    @Option(help: ArgumentHelp("The repository --git reads.", valueName: "dir"))
    var repo = "."

    @Option(help: ArgumentHelp("Output format: \(DiffFormat.valueWords).", valueName: "format"))
    var format = "text"

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file, or '-' for stdout.", valueName: "file"))
    var output = "-"

    @Option(help: ArgumentHelp("Graphviz layout engine of svg, png and dot: \(LayoutEngine.valueWords).",
                               valueName: "engine"))
    var layout = "dot"

    @OptionGroup var redaction: RedactFlag

    @Flag(name: .customLong("include-usage"),
          help: "Also compare volatile data: policies' last permit, identities' activity, dynamic memberships' expiry.")
    var includeUsage = false

    @Flag(name: .customLong("timings"), help: .hidden)
    var timings = false

    /// Every failure exits 2, as diff(1) does; validation happens here rather than in `validate()`, whose errors
    /// ArgumentParser would turn into 64.
    func run() throws {
        let changed: Bool
        do {
            changed = try compare()
        } catch is ExitCode {
            throw Self.trouble  // the cause is already on stderr
        } catch {
            Console.error("iamgraph: \(error)")
            throw Self.trouble
        }
        if changed { throw Self.changesFound }
    }

    /// Compares the snapshots, writes the report, and tells whether anything changed.
    private func compare() throws -> Bool {
        guard let format = DiffFormat(rawValue: format.lowercased()) else {
            throw ValidationError("unknown format \"\(format)\": use \(DiffFormat.valueWords)")
        }
        guard let layout = LayoutEngine(rawValue: layout) else {
            throw ValidationError("unknown layout \"\(layout)\": use \(LayoutEngine.valueWords)")
        }
        try checkTerminal(format)
        var phases = PhaseTimings(enabled: timings)
        defer { phases.report() }
        let (sources, old, new) = try load(&phases)
        FreedMemory.returnToSystem()  // what the two loads freed: raw files, parse tapes
        let options = SnapshotDiff.Options(includeUsage: includeUsage)
        let diff: SnapshotDiff, write: DiffOutput.Writer?
        if format.isMap {
            diff = try SnapshotDiff(old: old, new: new, options: options)
            phases.end("diff")
            for note in diff.notes { Console.error("iamgraph: \(note)") }
            write = try DiffOutput.writer(diff, old: old, new: new, sources: sources, format: format, layout: layout) {
                Console.error("iamgraph: \($0)")
            }
        } else {
            // A document needs only the diff: the accounts are handed over to the comparison. Once compared, the old
            // one is freed and the memory returned before the causes are worked out (issue 18: diff of XL within
            // 1.5 x the floor), so that neither attributing the causes nor writing millions of changes holds it too;
            // the new one is kept to the exit rather than freed one allocation at a time (1 s on XL, on one thread).
            var steps = PhaseTimings(enabled: timings)
            defer { steps.report(heading: "comparison timings") }
            let comparison = try SnapshotComparison(old: consume old, new: consume new, options: options,
                                                    timed: timings ? { steps.add($0, $1) } : nil,
                                                    keep: { KeptUntilExit.keep($0) })
            phases.end("compare")
            FreedMemory.returnToSystem()
            phases.end("free")
            diff = SnapshotDiff(comparison)
            phases.end("causes")
            for note in diff.notes { Console.error("iamgraph: \(note)") }
            write = DiffOutput.documentWriter(diff, sources: sources, format: format)
        }
        // The diff is held to the end: the exit returns its memory faster than freeing it.
        defer { KeptUntilExit.keep(diff) }
        if let write { try OutputFile(output).write(binary: format.isBinary, write) }
        phases.end("write")
        return !diff.isEmpty
    }

    /// SVG and PNG are not for reading on a terminal: without `-o` on a terminal they are refused before either
    /// snapshot is read. A pipe gets whatever was asked.
    private func checkTerminal(_ format: DiffFormat) throws {
        guard output == "-", !format.isForTerminal, isatty(STDOUT_FILENO) != 0 else { return }
        Console.error("iamgraph: not writing \(format.rawValue.uppercased()) to a terminal: give -o FILE "
                      + "(e.g. -o changes.\(format.rawValue)), pipe it, or choose --format text, markdown or dot")
        throw ExitCode.validationFailure
    }

    /// The two accounts, from directories or git revisions, with the names the reports give them; each load ends a
    /// phase of `phases`.
    private func load(_ phases: inout PhaseTimings) throws -> (DiffSources, old: IAMAccount, new: IAMAccount) {
        if git {
            guard operands.count == 3 else { throw ValidationError("with --git, give REV1 REV2 PATH") }
            let repository = URL(fileURLWithPath: repo), path = operands[2]
            let sources = DiffSources(old: "\(operands[0]):\(path)", new: "\(operands[1]):\(path)")
            let old = account(try GitSnapshotReader.load(revision: operands[0], path: path, repository: repository), sources.old)
            phases.end("load old")
            let new = account(try GitSnapshotReader.load(revision: operands[1], path: path, repository: repository), sources.new)
            phases.end("load new")
            return (sources, old, new)
        }
        guard operands.count == 2 else {
            throw ValidationError("give OLD NEW (two snapshot directories), or --git REV1 REV2 PATH")
        }
        let old = try directory(operands[0])
        phases.end("load old")
        let new = try directory(operands[1])
        phases.end("load new")
        return (DiffSources(old: operands[0], new: operands[1]), old, new)
    }

    private func directory(_ path: String) throws -> IAMAccount {
        do {
            return account(try SnapshotReader.load(URL(fileURLWithPath: path)), path)
        } catch {
            throw ValidationError(error.message(snapshot: path))
        }
    }

    /// The account of a read snapshot, which it consumes (each file is freed once decoded); its problems, if any, are
    /// mentioned on stderr.
    private func account(_ snapshot: consuming LoadedSnapshot, _ source: String) -> IAMAccount {
        let (account, problems) = AccountLoader.load(redaction.apply(to: snapshot))
        let errors = problems.filter { $0.severity == .error }.count
        if errors > 0 {
            Console.error("iamgraph: \(source): \(errors) problem(s) in the snapshot (iamgraph validate lists them)")
        }
        return account
    }
}

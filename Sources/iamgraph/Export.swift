import ArgumentParser
import Foundation
import Graph
import GraphValues
import Model
import Reports
import Snapshot

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a snapshot for other tools: GraphML, BloodHound OpenGraph, Mermaid or SQLite.",
        discussion: """
            graphml: the view with typed attributes, for networkx, Gephi, yEd or Cytoscape. opengraph: BloodHound CE \
            OpenGraph JSON (IBM_User, IBM_AccessGroup, … nodes; IBM_MemberOf, IBM_Grants, IBM_CanAssume, … edges). \
            mermaid: a flowchart LR for GitHub comments, aggregated until it fits Mermaid's 50,000-character limit. \
            sqlite: the whole snapshot as a database — one table per collection, effective_access, findings \
            (docs/exports.md has the schema and example queries).

            The graph formats take render's view options (--identity, --resource, --access-group, --service, \
            --resource-group, --privileged, --policies, --include, --exclude, --max-nodes, --escalation); sqlite \
            always holds the whole snapshot and refuses them. --redact applies to every format. With --escalation, opengraph has the \
            escalation steps as IBM_EscalatesTo edges for BloodHound's pathfinding; graphml and opengraph have no node budget unless \
            --max-nodes is given, mermaid uses render's (--full lifts it). The format comes from -o's extension \
            (.graphml, .mmd, .sqlite/.db; a --format that contradicts it is refused) or from --format.

            Examples:
              iamgraph export samples/demo --format graphml -o demo.graphml
              iamgraph export samples/demo --escalation --format opengraph -o bh.json
              iamgraph export samples/demo --identity IBMid-310008FJ6C -o sofia.mmd
              iamgraph export samples/demo --privileged -o admins.graphml
              iamgraph export samples/demo --service kms --format opengraph -o kms.json
              iamgraph export samples/demo --format sqlite -o demo.sqlite
            """)

    @OptionGroup var snapshot: SnapshotArgument

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file, or '-' for stdout.", valueName: "file"))
    var output: String = "-"

    @Option(help: ArgumentHelp("Export format (default: from -o's extension).", valueName: "format"))
    var format: ExportFormat?

    @OptionGroup var view: ViewSelection

    @Option(name: .customLong("max-nodes"), help: "Node budget; larger views are aggregated (mermaid: default 400).")
    var maxNodes: Int?

    @Flag(help: "Mermaid: lift the node budget (no aggregation, even beyond Mermaid's text limit).")
    var full = false

    @Flag(help: "Add the escalation paths to account administration (docs/escalation.md) to the view.")
    var escalation = false

    @OptionGroup var redaction: RedactFlag

    @Flag(name: .customLong("timings"), help: .hidden)
    var timings = false

    func validate() throws {
        if let maxNodes, maxNodes < 10 { throw ValidationError("--max-nodes must be at least 10") }
        if full && maxNodes != nil { throw ValidationError("choose one of --full and --max-nodes") }
        if try resolvedFormat() == .sqlite, !viewOptionsGiven.isEmpty {
            throw ValidationError("sqlite holds the whole snapshot; the view options ("
                                  + viewOptionsGiven.joined(separator: ", ") + ") apply to graphml, opengraph and mermaid only")
        }
    }

    /// The view options given on the command line (which sqlite, a whole-snapshot format, refuses).
    private var viewOptionsGiven: [String] {
        let values: [(String, Bool)] = [("--max-nodes", maxNodes != nil), ("--full", full), ("--escalation", escalation)]
        return view.given + values.filter(\.1).map(\.0)
    }

    func run() throws {
        let format = try resolvedFormat()
        var steps = PhaseTimings(enabled: timings)
        let loaded = try snapshot.read(redaction)
        steps.end("read")
        let budget = maxNodes ?? (format == .mermaid && !full ? ViewOptions.defaultMaxNodes : nil)
        let options = ViewOptions(focus: view.focus, showPolicies: view.policies, include: Set(view.include),
                                  exclude: Set(view.exclude), maxNodes: budget, privilegedOnly: view.privileged,
                                  escalation: escalation)
        let redact = redaction.redact
        let product: ExportProduct
        do {
            product = try ExportOutput.product(loaded, format: format, options: options,
                                               transform: { graph, account in
                                                   guard redact else { return graph }
                                                   return Redaction(accountID: account.accountID,
                                                                    accountName: account.info?.name).apply(to: graph)
                                               },
                                               note: { Console.error("iamgraph: \($0)") },
                                               timed: timings ? { steps.add($0, $1) } : nil)
        } catch let failure as Lookup.Failure {
            Console.error("iamgraph: \(failure)")
            throw ExitCode.notFound
        } catch {
            throw Self.failed(error)
        }
        switch product {
        case .document(let write, let graph):
            defer { KeptUntilExit.keep(graph) }  // a whole account's view takes a second to free
            steps.end("load and view")
            try OutputFile(output).write(binary: format.isBinary, write)
            steps.end("write")
            if output != "-" { Console.error("iamgraph: wrote \(output) (\(graph.nodes.count) nodes, \(graph.edges.count) edges)") }
        case .database(let build):
            var madeFrom: (any Sendable)?
            defer { KeptUntilExit.keep(madeFrom) }  // a large account takes seconds to free
            do {
                try OutputFile(output).write(binary: format.isBinary, building: { madeFrom = try build($0) })
            } catch let error as SQLiteError {
                throw Self.failed(error)
            }
            if output != "-" { Console.error("iamgraph: wrote \(output)") }
        }
        steps.report()
    }

    /// Says on stderr that the export failed and why; the exit code to throw.
    private static func failed(_ error: any Error) -> ExitCode {
        Console.error("iamgraph: export failed: \(error)")
        return ExitCode.otherFailure
    }

    private func resolvedFormat() throws -> ExportFormat {
        let ext = output == "-" ? "" : URL(fileURLWithPath: output).pathExtension
        guard let named = ExportFormat(fileExtension: ext) else {
            if let format { return format }
            throw ValidationError("cannot tell the format from '\(output)': use --format \(ExportFormat.valueList)")
        }
        if let format, format != named {
            throw ValidationError("'\(output)' names a \(named.rawValue) file but --format is \(format.rawValue): "
                                  + "change the file name or the format")
        }
        return named
    }
}

extension ExportFormat: ExpressibleByArgument {}

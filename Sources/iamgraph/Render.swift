import ArgumentParser
import Foundation
import Graph
import GraphValues
import Model
import Render
import Reports

struct RenderMap: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw who can do what: an access map of a snapshot, with no network.",
        discussion: """
            The default map shows identities → access groups → the targets their policies apply to, each policy \
            drawn as an edge labelled with its roles ("Administrator + 4 more"; the full list in the tooltip), \
            targets boxed by resource group. Focus it on one identity (--identity), one instance (--resource), one \
            access group (--access-group), one service (--service) or one resource group (--resource-group); \
            --privileged keeps only privileged grants and who holds them.

            A whole-account, service or resource-group view larger than --max-nodes becomes an overview, privileged \
            access first: identities with privileged access by name (or, when they do not fit, their groups as \
            "Admins — 37 members"), everyone else summarised by access group with member counts. Focused views are \
            aggregated (identities with the same access become one "37 users" node, instances per service, then the \
            least connected nodes per kind). stderr and the map's title say so. --full lifts the budget: large dot \
            layouts can take minutes, use --layout sfdp for a whole large account; stderr says so before a layout \
            that can take minutes.

            SVG, PNG and PDF are rendered in-process by libgraphviz; DOT is the same graph written by Graphviz. HTML \
            is one self-contained page that explores the SVG map offline: pan, zoom and fit, search (name, email, \
            IAM id, GUID), click for a node's neighbourhood and details, filters, the legend. \
            Output goes to -o FILE (format from its extension; a --format that contradicts it is refused) or to \
            stdout; SVG, PNG, PDF and HTML are not written to a terminal.

            Examples:
              iamgraph render samples/demo -o demo.svg
              iamgraph render samples/demo -o map.html
              iamgraph render samples/demo --identity ann@example.com -o ann.png
              iamgraph render samples/demo --resource prod-keys --policies --format dot
              iamgraph render samples/demo --privileged -o admins.svg
              iamgraph render samples/demo --service kms -o kms.png
              iamgraph render samples/demo --resource-group prod -o prod.svg
              iamgraph render samples/demo --escalation -o escalation.svg
              iamgraph render samples/enterprise --full --layout sfdp -o everything.html
              iamgraph render snapshot/ --format json -o - | jq '.nodes | length'
            """)

    @OptionGroup var snapshot: SnapshotArgument

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file, or '-' for stdout.", valueName: "file"))
    var output: String = "-"

    @Option(help: ArgumentHelp("Output format (default: from -o's extension, else svg).", valueName: "format"))
    var format: MapFormat?

    @Option(help: "Graphviz layout engine; dot ranks left to right, sfdp is fastest on large maps.")
    var layout: LayoutEngine = .dot

    @OptionGroup var view: ViewSelection

    @Option(help: "What to box targets by.")
    var cluster: ViewOptions.Clustering = .resourceGroup

    @Option(name: .customLong("max-nodes"), help: "Node budget; larger views are aggregated.")
    var maxNodes: Int = ViewOptions.defaultMaxNodes

    @Flag(help: "Draw the escalation paths to account administration on top of the map (docs/escalation.md).")
    var escalation = false

    @Flag(help: "Lift the node budget (no aggregation).")
    var full = false

    @OptionGroup var redaction: RedactFlag

    @Flag(help: "Print each phase's wall and CPU time (load, view, layout and output, write) to stderr.")
    var timings = false

    func validate() throws {
        if maxNodes < 10 { throw ValidationError("--max-nodes must be at least 10") }
        _ = try resolvedFormat()
    }

    func run() throws {
        let format = try resolvedFormat()
        try checkTerminal(format)
        var phases = PhaseTimings(enabled: timings)
        let account = try snapshot.load(redaction).account
        phases.end("load")
        let options = ViewOptions(focus: view.focus, showPolicies: view.policies, clustering: cluster,
                                  include: Set(view.include), exclude: Set(view.exclude), maxNodes: full ? nil : maxNodes,
                                  privilegedOnly: view.privileged, escalation: escalation)
        var graph: AccessGraph
        do {
            graph = try AccessMap.build(account, options: options)
        } catch {
            Console.error("iamgraph: \(error)")
            throw ExitCode.notFound
        }
        if redaction.redact { graph = Redaction(accountID: account.accountID, accountName: account.info?.name).apply(to: graph) }
        phases.end("view")
        for note in graph.notes { Console.error("iamgraph: \(note)") }
        if !account.unknown.isEmpty {
            Console.error("iamgraph: the snapshot could not read \(account.unknown.keys.map(\.name).sorted().joined(separator: ", ")): the map may miss access")
        }

        if format.isLaidOut, let warning = SlowLayoutWarning(engine: layout, nodes: graph.nodes.count,
                                                             edges: graph.edges.count, budgetLifted: full) {
            Console.error("iamgraph: \(warning.message)")
        }
        let data: Data
        do {
            data = try MapOutput.data(graph, format: format, layout: layout, account: account, options: options,
                                      redacted: redaction.redact)
        } catch {
            Console.error("iamgraph: rendering failed: \(error)")
            throw ExitCode.otherFailure
        }
        phases.end(format == .json || format == .dot ? format.rawValue : "layout + \(format.rawValue)")
        try OutputFile(output).write(data, binary: format.isBinary)
        phases.end("write")
        if output != "-" {
            Console.error("iamgraph: wrote \(output) (\(graph.nodes.count) nodes, \(graph.edges.count) edges)")
        }
        phases.report()
    }

    /// `--format`, else the one `-o`'s extension names, else SVG; a `--format` that contradicts the extension is refused
    /// rather than writing, say, a PNG into `map.svg`. A name without an extension (`/dev/null`, `map`) takes
    /// `--format` or SVG.
    private func resolvedFormat() throws -> MapFormat {
        let ext = output == "-" ? "" : URL(fileURLWithPath: output).pathExtension
        guard !ext.isEmpty else { return format ?? .svg }
        guard let named = MapFormat(fileExtension: ext) else {
            if let format { return format }
            throw ValidationError("cannot tell the format from '\(output)': use --format \(MapFormat.valueList)")
        }
        if let format, format != named {
            throw ValidationError("'\(output)' names a \(named.rawValue) file but --format is \(format.rawValue): "
                                  + "change the file name or the format")
        }
        return named
    }

    /// SVG and HTML are markup, not for reading on a terminal: without `-o` on a terminal only the textual formats are
    /// written.
    /// A pipe gets whatever was asked.
    private func checkTerminal(_ format: MapFormat) throws {
        guard output == "-", format == .svg || format == .html, isatty(STDOUT_FILENO) != 0 else { return }
        Console.error("iamgraph: not writing \(format.rawValue.uppercased()) to a terminal: give -o FILE (e.g. -o map.\(format.rawValue)), pipe it, "
                      + "or choose --format dot or json")
        throw ExitCode.validationFailure
    }
}

extension MapFormat: ExpressibleByArgument {}

extension LayoutEngine: ExpressibleByArgument {}
extension ViewOptions.Clustering: ExpressibleByArgument {}
extension NodeKind: ExpressibleByArgument {}

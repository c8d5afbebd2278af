import Analysis
import ArgumentParser
import Foundation
import Model
import Reports

struct Access: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List one identity's effective access, everyone who can reach one service instance, or who can perform an action.",
        discussion: """
            --identity lists every grant the identity holds: the roles, the target (in the words of the IBM docs), \
            the policy, the path (direct; access group, static or dynamic through a rule; a trusted profile it may \
            assume; Public Access) and the policy's conditions.
            --resource lists every identity, access group and service that can reach the instance: through policies \
            on the instance, its service, its resource group, all IAM-enabled services or the account, expanded \
            through access groups and trusted profiles, and through service-to-service authorizations; MATCH says \
            whether a policy covers all of the instance or only part of it (buckets, tags).
            --action lists everyone who can perform an IAM action (wildcards allowed: kms.secrets.*), on the instance \
            of --resource if given: one row per identity, path, policy and role, whatever the number of actions \
            the pattern matches. ACTIONS lists the role's actions that match, or says "unknown" when the snapshot \
            lists no actions for that role on the service (maybe, not no).
            Names match case-insensitively, whole or by the start of the name or of one of its words ("Sofia" finds \
            "Sofia Alvarez"); an exact id, email or CRN always wins, and when several names match, the candidates are \
            listed (exit 5).
            On a terminal the text table is fitted to its width (or --width), long cells cut short with …. CSV has \
            one record per role with structured columns (holder, service, instance, resource group, region…), the \
            same for both reports; JSON is documented in docs/access-json.md. Collections the snapshot could not \
            read are named on stderr and in the output: access through them is missing, not absent.
            Exit codes: 0 success, 3 snapshot unreadable, 4 cannot write the output, 5 the identity or instance is \
            not in the snapshot (or the name is ambiguous), 64 usage error.
            Examples:
              iamgraph access samples/demo --identity sofia.alvarez@acme.example.com
              iamgraph access samples/demo --identity Sofia
              iamgraph access samples/demo --identity IBMid-310008FJ6C --redact
              iamgraph access samples/demo --resource key-protect-prod --format csv
              iamgraph access samples/demo --action iam-groups.members.add
              iamgraph access samples/demo --action 'kms.*' --resource key-protect-prod
            """)

    @OptionGroup var snapshot: SnapshotArgument

    @OptionGroup var redaction: RedactFlag

    @Option(help: ArgumentHelp("Every grant this identity holds.", valueName: "iam-id|email|name"))
    var identity: String?

    @Option(help: ArgumentHelp("Everyone who can reach this service instance.", valueName: "crn|guid|name"))
    var resource: String?

    @Option(help: ArgumentHelp("Everyone who can perform this action (wildcards allowed), on --resource if given.",
                               valueName: "action"))
    var action: String?

    @Option(help: "Output format.")
    var format: AccessFormat = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file, or '-' for stdout.", valueName: "file"))
    var output: String = "-"

    @Option(help: ArgumentHelp("Fit the text table to this many columns, 0 for no limit (default: the terminal's "
                               + "width on a terminal, else no limit).", valueName: "columns"))
    var width: Int?

    func validate() throws {
        if action != nil {
            if identity != nil { throw ValidationError("--action goes with --resource, not --identity") }
            if action?.isEmpty == true { throw ValidationError("--action needs an action, e.g. iam-groups.members.add") }
        } else if (identity == nil) == (resource == nil) {
            throw ValidationError("give one of --identity, --resource and --action")
        }
        if let width, width < 0 { throw ValidationError("--width must be 0 (no limit) or more") }
    }

    func run() throws {
        let account = try snapshot.load(redaction).account
        let index = AccessIndex(account)
        let write: (AccessFormat, Int?, (Data) throws -> Void) throws -> Void
        do {
            if let action {
                write = try ActionAccessReport(action: action, resource: resource, in: index).write
            } else if let identity {
                write = try IdentityAccessReport(identity: identity, in: index).write
            } else {
                write = try ResourceAccessReport(resource: resource ?? "", in: index).write
            }
        } catch {
            Console.error("iamgraph: \(error)")
            throw ExitCode.notFound
        }
        let reads = action != nil ? ActionAccess.reads : identity != nil ? EffectiveAccess.reads : WhoHasAccess.reads
        for (kind, reason) in account.unknown.sorted(by: { $0.key < $1.key }) where reads.contains(kind) {
            Console.error("iamgraph: the snapshot could not read \(kind.name) (\(reason)): access through it is missing")
        }
        try OutputFile(output).write(binary: false) { sink in try write(format, tableWidth, sink) }
    }

    /// `--width`, else the terminal's when the table goes to one; `nil` for no limit.
    private var tableWidth: Int? {
        if let width { return width == 0 ? nil : width }
        return output == "-" ? TerminalWidth.ofStandardOutput : nil
    }
}

extension AccessFormat: ExpressibleByArgument {}

import Analysis
import ArgumentParser
import Foundation
import Model
import Reports

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a snapshot for risky or untidy access: findings with rule ids, severities and reasons.",
        discussion: """
            Every rule, its severity and how to fix what it finds is in docs/findings.md. Among them: policies on \
            instances that do not exist, instances no access-group policy reaches, identities in no access group, \
            access groups without Reader/Viewer, region, resource group or service, policies never used or unused \
            for --inactive-days days, account administrators, who can assign access, policies on users and on the \
            Public Access group, wildcards, unused custom roles, inactive identities and API keys (with activity data).
            Time-based rules measure from --as-of, by default the snapshot's fetched_at, so a report depends only on \
            its snapshot. A collection the snapshot could not read is a finding of its own (collection-unknown) \
            naming the rules it silenced; stderr says so too.
            Exit codes: 0 success, 1 findings of --fail-on's severity or worse, 3 snapshot unreadable, 4 cannot \
            write the output, 64 usage error.
            Examples:
              iamgraph report samples/demo
              iamgraph report snapshot/ --format sarif -o iamgraph.sarif --fail-on error
            """)

    @OptionGroup var snapshot: SnapshotArgument

    @OptionGroup var redaction: RedactFlag

    @Option(help: "Output format: text, json, markdown or sarif.")
    var format: FindingsFormat = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file; '-' for stdout (the default).", valueName: "file"))
    var output: String = "-"

    @Option(name: .customLong("inactive-days"), help: "Policies, identities and API keys unused this many days are inactive.")
    var inactiveDays: Int = FindingsOptions.defaultInactiveDays

    @Option(name: .customLong("as-of"),
            help: ArgumentHelp("The time inactivity is measured from (RFC 3339; default: the snapshot's fetched_at).",
                               valueName: "time"))
    var asOf: String?

    @Option(name: .customLong("fail-on"),
            help: ArgumentHelp("Exit 1 when a finding is this severe or worse: note, warning or error.", valueName: "severity"))
    var failOn: Severity?

    @Flag(name: .customLong("policy-usage"), help: "Also list every policy by last use in text and Markdown (JSON always does).")
    var policyUsage = false

    func validate() throws {
        if inactiveDays < 1 { throw ValidationError("--inactive-days must be at least 1") }
        if let asOf, Timestamp(asOf).date == nil { throw ValidationError("--as-of must be an RFC 3339 time, e.g. 2026-11-20T09:00:00Z") }
    }

    func run() throws {
        let account = try snapshot.load(redaction).account
        let options = FindingsOptions(asOf: asOf.flatMap { Timestamp($0).date }, inactiveDays: inactiveDays)
        let report = FindingsReport(AccessIndex(account), options: options)
        for finding in report.findings where finding.rule == .collectionUnknown {
            Console.error("iamgraph: the snapshot could not read \(finding.entities.first?.id ?? "?"): \(finding.why)")
        }
        let data: Data
        do {
            data = try FindingsOutput.data(report, format: format, policyUsage: policyUsage, snapshot: snapshot.url.absoluteURL)
        } catch {
            Console.error("iamgraph: cannot encode the output: \(error)")
            throw ExitCode.otherFailure
        }
        try OutputFile(output).write(data, binary: false)
        if output != "-" {
            Console.error("iamgraph: wrote \(output) (\(report.findings.count) findings)")
        }
        if let failOn, report.hasFindings(atLeast: failOn) {
            Console.error("iamgraph: findings of severity \(failOn.rawValue) or worse (--fail-on \(failOn.rawValue))")
            throw ExitCode.findingsAtFailLevel
        }
    }
}

extension FindingsFormat: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}

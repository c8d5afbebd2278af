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
            Findings are grouped per rule; --rule, --min-severity and --top N (per rule) narrow them. Markdown fits one \
            GitHub comment (65,536 characters) by default: every rule's count and the first findings of each; \
            --full lists them all. --benchmark cis prints every control of the CIS IBM Cloud Foundations Benchmark \
            section 1 as pass, fail (with the findings behind it), manual or unknown (text, json, markdown). \
            SARIF results point at their entity's lines in the snapshot's files, relative to the git repository.
            Suppressions: --ignore FILE, or .iamgraph-ignore.json in the snapshot's parent directory, accepts findings \
            by rule and entity with a reason and an expiry day; suppressed findings are listed apart and never fail \
            --fail-on; expired ones are active again, with a note. --baseline OLD.json (an earlier --format json) \
            marks findings new or unchanged and lists the resolved; --fail-on-new fails only on new findings.
            Exit codes: 0 success, 1 findings of --fail-on's (or new findings of --fail-on-new's) severity or worse, \
            3 snapshot unreadable, 4 cannot write the output, 64 usage error (also an unreadable or malformed \
            ignore file or baseline).
            Examples:
              iamgraph report samples/demo
              iamgraph report samples/demo --min-severity warning --top 3
              iamgraph report samples/demo --rule policy-on-user --rule user-in-no-group
              iamgraph report samples/demo --benchmark cis
              iamgraph report samples/demo --format markdown -o report.md --full
              iamgraph report snapshot/ --format sarif -o iamgraph.sarif --fail-on error
              iamgraph report snapshot/ --ignore review/ignore.json
              iamgraph report snapshot/ --format json -o baseline.json
              iamgraph report snapshot/ --baseline baseline.json --fail-on-new warning
            """)

    @OptionGroup var snapshot: SnapshotArgument

    @OptionGroup var redaction: RedactFlag

    @Option(help: "Output format.")
    var format: FindingsFormat = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file, or '-' for stdout.", valueName: "file"))
    var output: String = "-"

    @Option(name: .customLong("inactive-days"), help: "Policies, identities and API keys unused this many days are inactive.")
    var inactiveDays: Int = FindingsOptions.defaultInactiveDays

    @Option(name: .customLong("as-of"),
            help: ArgumentHelp("The time inactivity is measured from (RFC 3339; default: the snapshot's fetched_at).",
                               valueName: "time"))
    var asOf: String?

    @Option(name: .customLong("fail-on"),
            help: ArgumentHelp("Exit 1 when a finding is this severe or worse.", valueName: "severity"))
    var failOn: Severity?

    @Option(name: .customLong("fail-on-new"),
            help: ArgumentHelp("Exit 1 when a finding not in --baseline is this severe or worse.", valueName: "severity"))
    var failOnNew: Severity?

    @OptionGroup var review: ReviewInputs

    @Option(name: .customLong("rule"), help: ArgumentHelp("Only this rule's findings (repeatable).", valueName: "rule-id"))
    var rules: [RuleID] = []

    @Option(name: .customLong("min-severity"), help: ArgumentHelp("Only findings this severe or worse.", valueName: "severity"))
    var minSeverity: Severity?

    @Option(name: .customLong("top"), help: ArgumentHelp("List at most N findings per rule (the rest are counted).", valueName: "N"))
    var top: Int?

    @Flag(name: .customLong("full"), help: "Markdown: list every finding, even beyond one GitHub comment's size.")
    var full = false

    @Option(name: .customLong("benchmark"), help: ArgumentHelp("Print the controls of a benchmark instead: cis.", valueName: "name"))
    var benchmark: Benchmark?

    @Option(name: .customLong("key-unused-days"), help: "API keys unused this many days are inactive (CIS 1.2).")
    var keyUnusedDays: Int = FindingsOptions.defaultKeyUnusedDays

    @Option(name: .customLong("key-max-age-days"), help: "API keys older than this many days are due for rotation (CIS 1.3).")
    var keyMaxAgeDays: Int = FindingsOptions.defaultKeyMaxAgeDays

    @Option(name: .customLong("max-admins"), help: "More users with administrator privileges fail CIS 1.14.")
    var maxAdministrators: Int = FindingsOptions.defaultMaxAdministrators

    @Option(name: .customLong("max-admin-service-ids"), help: "More service IDs with administrator privileges fail CIS 1.15.")
    var maxAdministratorServiceIDs: Int = FindingsOptions.defaultMaxAdministratorServiceIDs

    @Flag(name: .customLong("policy-usage"), help: "Also list every policy by last use in text and Markdown (JSON always does).")
    var policyUsage = false

    @Flag(name: .customLong("timings"), help: .hidden)
    var timings = false

    func validate() throws {
        if inactiveDays < 1 { throw ValidationError("--inactive-days must be at least 1") }
        if keyUnusedDays < 1 { throw ValidationError("--key-unused-days must be at least 1") }
        if keyMaxAgeDays < 1 { throw ValidationError("--key-max-age-days must be at least 1") }
        if maxAdministrators < 0 || maxAdministratorServiceIDs < 0 {
            throw ValidationError("--max-admins and --max-admin-service-ids must not be negative")
        }
        if failOnNew != nil, review.baseline == nil { throw ValidationError("--fail-on-new needs --baseline") }
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
        if benchmark != nil, format == .sarif {
            throw ValidationError("--benchmark prints text, json or markdown; SARIF results carry their CIS controls as tags")
        }
        if let asOf, Timestamp(asOf).date == nil { throw ValidationError("--as-of must be an RFC 3339 time, e.g. 2026-11-20T09:00:00Z") }
    }

    func run() throws {
        var phases = PhaseTimings(enabled: timings)
        let account = try snapshot.account(redaction)
        defer { KeptUntilExit.keep(account) }
        phases.end("load")
        let index = AccessIndex(account)
        defer { KeptUntilExit.keep(index) }
        phases.end("index")
        var steps = PhaseTimings(enabled: timings)
        let options = FindingsOptions(asOf: asOf.flatMap { Timestamp($0).date }, inactiveDays: inactiveDays,
                                      keyUnusedDays: keyUnusedDays, keyMaxAgeDays: keyMaxAgeDays,
                                      maxAdministrators: maxAdministrators,
                                      maxAdministratorServiceIDs: maxAdministratorServiceIDs)
        let suppressions = try review.suppressions(snapshot: snapshot.url.absoluteURL)
        let baseline = try review.loadBaseline()
        let location = SnapshotLocation.resolve(snapshot.url.absoluteURL,
                                                base: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        // SARIF's files are scanned on the core the rules leave idle at their end.
        let scan = format == .sarif && benchmark == nil ? SARIFFileScan(location) : nil
        let complete = FindingsReport(index, options: options, timed: timings ? { steps.add($0, $1) } : nil,
                                      whenIdle: scan?.start)
            .reviewing(suppressions: suppressions, baseline: baseline)
        for stale in complete.staleSuppressions {
            Console.error("iamgraph: warning: stale suppression: no \(stale.rule.rawValue) finding about \(stale.entity)")
        }
        // Only an ignore file marks findings: without one, the hundreds of thousands of findings are not walked.
        let expired = complete.marks.isEmpty ? []
            : Set(complete.findings.compactMap { complete.expiryNote($0) != nil ? complete.marks[$0]?.suppression : nil })
        for suppression in expired.sorted(by: { ($0.rule.rawValue, $0.entity) < ($1.rule.rawValue, $1.entity) }) {
            Console.error("iamgraph: suppression of \(suppression.rule.rawValue) on \(suppression.entity) expired on \(suppression.expires): its findings are active again")
        }
        let report = complete.selecting(rules: rules.isEmpty ? nil : Set(rules), minimum: minSeverity)
        defer { KeptUntilExit.keep((complete, report)) }
        phases.end("rules")
        // Each finding's rule is read in place: the findings are not copied one by one to find the few of this rule.
        for index in report.findings.indices where report.findings[index].rule == .collectionUnknown {
            let finding = report.findings[index]
            Console.error("iamgraph: the snapshot could not read \(finding.entities.first?.id ?? "?"): \(finding.why)")
        }
        try OutputFile(output).write(binary: false) { sink in
            if benchmark != nil {
                try sink(BenchmarkOutput.data(BenchmarkReport(complete, account: account), of: complete, format: format) ?? Data())
            } else {
                try FindingsOutput.write(top.map(report.keepingTop) ?? report, format: format, policyUsage: policyUsage,
                                         full: full, snapshot: location, scan: scan, to: sink)
            }
        }
        phases.end("write")
        phases.report()
        steps.report(heading: "rule timings")
        if output != "-" {
            Console.error("iamgraph: wrote \(output) (\(report.findings.count) findings)")
        }
        if let failOn, report.hasFindings(atLeast: failOn) {
            Console.error("iamgraph: findings of severity \(failOn.rawValue) or worse (--fail-on \(failOn.rawValue))")
            throw ExitCode.findingsAtFailLevel
        }
        if let failOnNew, report.hasFindings(atLeast: failOnNew, newOnly: true) {
            Console.error("iamgraph: new findings of severity \(failOnNew.rawValue) or worse (--fail-on-new \(failOnNew.rawValue))")
            throw ExitCode.findingsAtFailLevel
        }
    }
}

/// The benchmarks `report --benchmark` knows.
enum Benchmark: String, ExpressibleByArgument {
    case cis
}

extension FindingsFormat: ExpressibleByArgument {}
extension RuleID: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}

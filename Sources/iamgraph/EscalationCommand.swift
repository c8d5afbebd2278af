import Analysis
import ArgumentParser
import Foundation
import Model
import Reports

struct EscalationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "escalation",
        abstract: "Who could become an account administrator, or reach an instance, by using the access they hold on IAM.",
        discussion: """
            Follows escalation primitives — adding oneself to an access group, creating an API key for a service ID, \
            editing a trusted profile's trust, assigning oneself access, running a workload a trusted profile \
            trusts, creating service credentials — from every identity, and prints each identity's shortest path \
            step by step: who, which policy, role and action, gains what. Without --to the goal is account \
            administration (Administrator on all account management services, Administrator + Manager on all \
            IAM-enabled services, or ownership). Steps marked "inferred from role name" rely on IBM's documented \
            roles because the snapshot lists no actions for that role and service; "conditional" steps depend on a \
            policy condition. docs/escalation.md describes the primitives, their sources and the JSON document.
            Exit codes: 0 success, 3 snapshot unreadable, 4 cannot write the output, 5 the identity or instance is \
            not in the snapshot (or the name is ambiguous), 64 usage error.
            Examples:
              iamgraph escalation samples/demo
              iamgraph escalation samples/demo --from kenji.tanaka@acme.example.com
              iamgraph escalation samples/demo --to key-protect-prod
              iamgraph escalation samples/demo --format svg -o escalation.svg
            """)

    @OptionGroup var snapshot: SnapshotArgument

    @Option(help: ArgumentHelp("Only this identity's path.", valueName: "iam-id|email|name"))
    var from: String?

    @Option(help: ArgumentHelp("Paths to this service instance instead of account administration.", valueName: "crn|guid|name"))
    var to: String?

    @Option(help: "Output format.")
    var format: EscalationFormat = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file; '-' for stdout (the default).", valueName: "file"))
    var output: String = "-"

    func run() throws {
        let account = try snapshot.load().account
        let index = AccessIndex(account)
        defer { KeptUntilExit.keep((account, index)) }
        let goal: EscalationGoal
        let iamID: String?
        do {
            goal = try to.map { .instance(try Lookup.instance($0, in: account)) } ?? .accountAdministration
            iamID = try from.map { try Lookup.identity($0, in: account).iamID }
        } catch {
            Console.error("iamgraph: \(error)")
            throw ExitCode.notFound
        }
        for (kind, reason) in account.unknown.sorted(by: { $0.key < $1.key }) where RuleID.privilegeEscalation.requires
            .union(RuleID.privilegeEscalation.alsoReads).contains(kind) {
            Console.error("iamgraph: the snapshot could not read \(kind.name) (\(reason)): escalation through it is missing")
        }
        let report = EscalationReport(Escalation(index, goal: goal), index: index, from: iamID)
        defer { KeptUntilExit.keep(report) }
        let data: Data
        do {
            data = try EscalationOutput.data(report, format: format)
        } catch {
            Console.error("iamgraph: cannot write the output: \(error)")
            throw ExitCode.otherFailure
        }
        try OutputFile(output).write(data, binary: format == .svg)
    }
}

extension EscalationFormat: ExpressibleByArgument {}

import ArgumentParser
import Model
import Reports

struct Summary: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the account, fetch time, scope and entity counts of a snapshot.",
        discussion: """
            Collections the fetch could not read are shown as unknown, never as zero.

            Examples:
              iamgraph summary samples/demo
            """)

    @OptionGroup var snapshot: SnapshotArgument

    func run() throws {
        let (account, problems) = try snapshot.load()
        defer { KeptUntilExit.keep(account) }
        Console.output(SummaryText.render(AccountSummary(account)))
        let errors = problems.filter { $0.severity == .error }.count
        if errors > 0 {
            Console.error("iamgraph: \(errors) problem(s) in the snapshot; run `iamgraph validate \(snapshot.snapshot)`")
        }
    }
}

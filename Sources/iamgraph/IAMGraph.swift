import ArgumentParser
import Snapshot

@main
struct IAMGraph: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "iamgraph",
        abstract: "Shows who can do what in an IBM Cloud account.",
        discussion: """
            iamgraph works on snapshots: directories of the raw IAM, Access Groups, Policy Management, User Management \
            and Resource Controller API objects of one account, written canonically so they can be committed to git \
            and compared. Everything but `fetch` works offline.

            Exit codes: 0 success, 1 problems found (validate) , 2 usage error, 3 snapshot unreadable, 4 other failure.
            """,
        version: ToolVersion.current,
        subcommands: [Summary.self, Validate.self]
    )
}

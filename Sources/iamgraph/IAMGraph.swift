import ArgumentParser
import Snapshot

@main
struct IAMGraph: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "iamgraph",
        abstract: "Shows who can do what in an IBM Cloud account.",
        discussion: """
            iamgraph works on snapshots: directories of the raw IAM, Access Groups, Policy Management, User Management \
            and Resource Controller API objects of one account, written canonically so they can be committed to git \
            and compared. Everything but `fetch` works offline.

            Exit codes: 0 success, 1 problems found (validate) or findings at --fail-on (report), 3 snapshot \
            unreadable, 4 other failure (I/O, rendering), 5 the identity, resource or access group asked for is not in \
            the snapshot, 6 partial fetch, 7 authentication failed, 64 usage error. `diff` follows diff(1): 0 no \
            change, 1 changes, 2 error.
            """,
        version: ToolVersion.current,
        subcommands: [FetchSnapshot.self, RenderMap.self, Summary.self, Validate.self, Access.self, Report.self, EscalationCommand.self, Diff.self,
                      Reseal.self]
    )
}

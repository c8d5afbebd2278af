import ArgumentParser
import Foundation
import Model
import Snapshot

/// The snapshot argument shared by every offline command.
struct SnapshotArgument: ParsableArguments {
    @Argument(help: "A snapshot directory (written by `iamgraph fetch`, or one of samples/).",
              completion: .directory)
    var snapshot: String

    var url: URL { URL(fileURLWithPath: snapshot) }

    /// Loads the account, or exits with `snapshotUnreadable` after saying why on stderr.
    func load() throws -> (account: IAMAccount, problems: [ValidationProblem]) {
        AccountLoader.load(try read())
    }

    /// Reads the snapshot's files (for exports of the raw collections), or exits with `snapshotUnreadable` after
    /// saying why on stderr.
    func read() throws -> LoadedSnapshot {
        do {
            return try SnapshotReader.load(url)
        } catch {
            Console.error("iamgraph: " + error.message(snapshot: snapshot))
            throw ExitCode.snapshotUnreadable
        }
    }
}

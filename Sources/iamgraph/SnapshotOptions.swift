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

    /// Loads the account (redacted when `redaction` says so), or exits with `snapshotUnreadable` after saying why on
    /// stderr.
    func load(_ redaction: RedactFlag? = nil) throws -> (account: IAMAccount, problems: [ValidationProblem]) {
        AccountLoader.load(try read(redaction))
    }

    /// The account alone (redacted when `redaction` says so), for a command that does not report the snapshot's
    /// problems (`AccountLoader.account`), or exits as `load` does.
    func account(_ redaction: RedactFlag? = nil) throws -> IAMAccount {
        AccountLoader.account(try read(redaction))
    }

    /// Reads the snapshot's files (redacted when `redaction` says so; exports of the raw collections use them), or
    /// exits with `snapshotUnreadable` after saying why on stderr.
    func read(_ redaction: RedactFlag? = nil) throws -> LoadedSnapshot {
        do {
            let read = try SnapshotReader.load(url)
            return redaction?.apply(to: read) ?? read
        } catch {
            Console.error("iamgraph: " + error.message(snapshot: snapshot))
            throw ExitCode.snapshotUnreadable
        }
    }
}

/// `--redact`, the same on every command that writes what a snapshot holds: the snapshot is redacted
/// (`SnapshotRedaction`) before anything is computed from it, so each entity has one pseudonym in every output.
struct RedactFlag: ParsableArguments {
    @Flag(help: "Replace names, emails, descriptions, IdP realms and other free text by stable pseudonyms, for sharing.")
    var redact = false

    /// The snapshot as the outputs may show it; consumed, so that an unredacted snapshot is handed on, not copied.
    func apply(to snapshot: consuming LoadedSnapshot) -> LoadedSnapshot {
        redact ? SnapshotRedaction.redact(snapshot) : snapshot
    }
}

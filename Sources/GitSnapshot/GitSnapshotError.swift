import Snapshot

/// Why a snapshot could not be read from a git revision.
package enum GitSnapshotError: Error, CustomStringConvertible {
    /// A revision or path refused before running git (empty, starting with `-`, an absolute path).
    case invalidArgument(String)
    /// `git` could not be started (not installed, not on `PATH`).
    case gitUnavailable(String)
    /// `git` failed; `message` is its own (e.g. "fatal: path 'snap' does not exist in 'HEAD'").
    case gitFailed(arguments: [String], status: Int32, message: String)
    /// The path names a file (or a submodule) at that revision, not a directory.
    case notADirectory(revision: String, path: String, type: String)
    /// The temporary copy could not be written.
    case temporaryCopy(String)
    /// The directory at that revision is not a snapshot this iamgraph reads.
    case unreadable(revision: String, path: String, SnapshotReader.Unreadable)

    package var description: String {
        switch self {
        case .invalidArgument(let message):
            message
        case .gitUnavailable(let message):
            "cannot run git: \(message)"
        case .gitFailed(let arguments, let status, let message):
            "git \(arguments.joined(separator: " ")) failed (exit \(status))" + (message.isEmpty ? "" : ": \(message)")
        case .notADirectory(let revision, let path, let type):
            "\(path) at \(revision) is a \(type), not a snapshot directory"
        case .temporaryCopy(let message):
            "cannot write the temporary copy of the snapshot: \(message)"
        case .unreadable(let revision, let path, let problem):
            "\(path) at \(revision): \(problem)"
        }
    }
}

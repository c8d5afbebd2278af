import ArgumentParser

/// The exit codes iamgraph documents (README, `--help`).
extension ExitCode {
    /// `validate` found errors.
    static let problemsFound = ExitCode(1)
    /// `report --fail-on SEVERITY` found findings of that severity or worse.
    static let findingsAtFailLevel = ExitCode(1)
    /// The snapshot cannot be read at all (missing, not a snapshot, unknown format version).
    static let snapshotUnreadable = ExitCode(3)
    /// Anything else that stopped the command (I/O, rendering).
    static let otherFailure = ExitCode(4)
    /// The identity, instance or access group named on the command line is not in the snapshot (or is ambiguous).
    static let notFound = ExitCode(5)
    /// `fetch` wrote a snapshot, but some collections are forbidden or failed.
    static let partialSnapshot = ExitCode(6)
    /// `fetch` had no usable credentials, or they were refused.
    static let authenticationFailed = ExitCode(7)
    /// `fetch` was stopped by `signal` (SIGINT 130, SIGTERM 143), leaving the snapshot as it was.
    static func interrupted(by signal: Int32) -> ExitCode { ExitCode(128 + signal) }
}

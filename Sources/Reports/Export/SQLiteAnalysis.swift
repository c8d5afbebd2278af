import Analysis
import Model
import Snapshot

/// What the SQLite export needs of the decoded account, beside the snapshot's bytes: its index, its findings report
/// and the loader's problems (which say why a collection file could not be read).
struct SQLiteAnalysis: Sendable {
    let index: AccessIndex
    /// Worked out on other threads from the moment the index is made.
    let findings: Concurrent<FindingsReport>
    let problems: [ValidationProblem]

    /// Loads `snapshot`'s account and indexes it on another thread, then starts its findings report on others, from
    /// now: the export writes the collection tables meanwhile. Both on threads of their own
    /// (`Concurrent.onItsOwnThread`), so that the loader's and the rules' second threads find the global queue's pool
    /// free.
    static func start(_ snapshot: LoadedSnapshot) -> Concurrent<SQLiteAnalysis> {
        Concurrent.onItsOwnThread {
            let (account, problems) = AccountLoader.load(snapshot)
            let index = AccessIndex(account)
            return SQLiteAnalysis(index: index, findings: Concurrent.onItsOwnThread { FindingsReport(index) },
                                  problems: problems)
        }
    }
}

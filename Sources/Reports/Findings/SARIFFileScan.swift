import Analysis
import Foundation
import Model
import Snapshot

/// The snapshot files SARIF's results point into (`EntityLines`), scanned ahead of the write. The scan starts, on a
/// thread of its own, with the findings known when a rule thread runs out of rules (`FindingsReport`'s `whenIdle`):
/// a big account's policy and instance files are then read and scanned beside the last rule and the ordering of the
/// findings, on the core that would otherwise idle, instead of after them. Files only the last rules' findings are
/// located in are scanned when the log asks for them.
///
/// `@unchecked Sendable` because `scanned` and `running` are only touched with `condition` locked.
package final class SARIFFileScan: @unchecked Sendable {
    private let directory: URL
    private let condition = NSCondition()
    private var scanned: [CollectionKind: EntityLines] = [:]
    private var running = false
    private var started = false

    /// A scan of the files of the snapshot at `snapshot`; nothing is read before `start(found:)`.
    package init(_ snapshot: SnapshotLocation) {
        directory = snapshot.directory
    }

    /// `start(found:)`, for `FindingsReport`'s `whenIdle`.
    package var start: @Sendable (_ found: [[Finding]]) -> Void {
        { [self] found in start(found: found) }
    }

    /// Starts scanning the files `found`'s findings are located in (`Finding.location`), on a thread of its own, and
    /// returns; only the first call scans.
    package func start(found: [[Finding]]) {
        let first = condition.withLock {
            defer { started = true }
            running = !started
            return !started
        }
        guard first else { return }
        let kinds = SARIFLog.locations(of: found), directory = directory
        let thread = Thread { [self] in
            let lines = EntityLines.of(kinds, in: directory)
            condition.withLock {
                scanned = lines
                running = false
                condition.broadcast()
            }
        }
        thread.stackSize = Concurrent<Int>.stackSize
        thread.start()
    }

    /// The line ranges of `kinds`' files that can be read: the scan started is waited for, and the files it did not
    /// scan are scanned now.
    func lines(of kinds: [CollectionKind]) -> [CollectionKind: EntityLines] {
        let done = condition.withLock {
            while running { condition.wait() }
            return scanned
        }
        var lines = done.filter { kinds.contains($0.key) }
        for (kind, scan) in EntityLines.of(kinds.filter { done[$0] == nil }, in: directory) { lines[kind] = scan }
        return lines
    }
}

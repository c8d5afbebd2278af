import Foundation

/// Counters of a running fetch, for the progress line and the final summary.
package final class FetchStatistics: @unchecked Sendable {
    // Guarded by `lock`.
    private var values = Snapshot()
    private let lock = NSLock()
    private let started = Date()

    package struct Snapshot: Sendable {
        package var requests = 0
        package var retries = 0
        package var items = 0
        package var collectionsDone = 0
        package var collectionsTotal = 0
        package var elapsed: Double = 0
    }

    package init() {}

    package var current: Snapshot {
        lock.withLock {
            var copy = values
            copy.elapsed = Date().timeIntervalSince(started)
            return copy
        }
    }

    func update(_ change: (inout Snapshot) -> Void) { lock.withLock { change(&values) } }
}

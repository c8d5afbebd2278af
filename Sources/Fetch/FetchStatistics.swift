import Foundation

/// Counters of a running fetch, for the progress line and the final summary.
public final class FetchStatistics: @unchecked Sendable {
    // Guarded by `lock`.
    private var values = Snapshot()
    private let lock = NSLock()
    private let started = Date()

    public struct Snapshot: Sendable {
        public var requests = 0
        public var retries = 0
        public var items = 0
        public var collectionsDone = 0
        public var collectionsTotal = 0
        public var elapsed: Double = 0
    }

    public init() {}

    public var current: Snapshot {
        lock.withLock {
            var copy = values
            copy.elapsed = Date().timeIntervalSince(started)
            return copy
        }
    }

    func update(_ change: (inout Snapshot) -> Void) { lock.withLock { change(&values) } }
}

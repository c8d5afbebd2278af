/// Bounds how many requests are in flight at once (`--concurrency`). Waiting requests get a slot first come, first
/// served, except that `urgent` ones go ahead of all `normal` ones.
package actor AsyncLimiter {
    /// How soon a waiting request gets a slot.
    enum Priority: Sendable {
        /// First come, first served.
        case normal
        /// Ahead of every `normal` request: for requests that others wait on (a list's next page), so that a long
        /// chain of dependent requests does not queue behind a fan-out of requests nothing depends on.
        case urgent
    }

    private let limit: Int
    private var running = 0
    private var waitingUrgent: [CheckedContinuation<Void, Never>] = []
    private var waitingNormal: [CheckedContinuation<Void, Never>] = []

    package init(limit: Int) { self.limit = max(1, limit) }

    /// Requests waiting for a slot.
    var waiting: Int { waitingUrgent.count + waitingNormal.count }

    func run<T: Sendable>(priority: Priority = .normal, _ body: @Sendable () async throws -> T) async rethrows -> T {
        await acquire(priority)
        defer { release() }
        return try await body()
    }

    private func acquire(_ priority: Priority) async {
        if running < limit {
            running += 1
            return
        }
        await withCheckedContinuation { continuation in
            switch priority {
            case .urgent: waitingUrgent.append(continuation)
            case .normal: waitingNormal.append(continuation)
            }
        }
    }

    /// Hands the slot to the next waiting request, or frees it.
    private func release() {
        if !waitingUrgent.isEmpty {
            waitingUrgent.removeFirst().resume()
        } else if !waitingNormal.isEmpty {
            waitingNormal.removeFirst().resume()
        } else {
            running -= 1
        }
    }
}

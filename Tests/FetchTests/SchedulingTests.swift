import FakeCloud
@testable import Fetch
import Foundation
import Testing

extension FetchSuites {
    /// How requests share the `--concurrency` slots.
    @Suite struct SchedulingTests {
        /// Records the order in which waiting requests got their slot.
        actor Order {
            var names: [String] = []
            func append(_ name: String) { names.append(name) }
        }

        @Test func urgentRequestsGoAheadOfWaitingNormalOnes() async throws {
            let limiter = AsyncLimiter(limit: 1)
            let order = Order()
            let (gate, open) = AsyncStream.makeStream(of: Void.self)
            // Holds the only slot until the others are queued.
            let holder = Task {
                await limiter.run {
                    await order.append("holder")
                    for await _ in gate { break }
                }
            }
            while await order.names.isEmpty { await Task.yield() }
            var waiters: [Task<Void, Never>] = []
            for (position, (name, priority)) in [("normal 1", AsyncLimiter.Priority.normal), ("urgent 1", .urgent),
                                                 ("normal 2", .normal), ("urgent 2", .urgent)].enumerated() {
                waiters.append(Task { await limiter.run(priority: priority) { await order.append(name) } })
                // Queued in this order: the next one starts only once this one waits.
                while await limiter.waiting <= position { await Task.yield() }
            }
            open.yield()
            await holder.value
            for waiter in waiters { await waiter.value }
            #expect(await order.names == ["holder", "urgent 1", "urgent 2", "normal 1", "normal 2"])
        }
    }
}

import Foundation

/// A fixed list of work items shared by a few threads, each taking the next item when done with one, and what each
/// item gave, in the items' order. `@unchecked Sendable` because its state is only touched with `lock` held.
package final class TakenInTurn<Result: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var results: [Result?]

    /// A list of `count` items, none taken yet.
    package init(count: Int) {
        results = Array(repeating: nil, count: count)
    }

    /// The position of the next item, or `nil` when every item is taken.
    package func take() -> Int? {
        lock.withLock {
            guard next < results.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    /// Records what the item at `position` gave.
    package func set(_ position: Int, _ result: Result) {
        lock.withLock { results[position] = result }
    }

    /// What each item gave, in order; `nil` for an item nobody finished.
    package var values: [Result?] {
        lock.withLock { results }
    }
}

import Dispatch

/// A value computed on another thread from the moment it is created; `value` waits for it.
///
/// `@unchecked Sendable` because `result` is written once, by the background work, before the group is left, and read
/// only after `group.wait()` — the group orders the write before every read.
package final class Concurrent<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    private var result: Value?

    /// Starts `work` on a global queue.
    package init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async(group: group) { self.result = work() }
    }

    /// The result, once the work has finished.
    package var value: Value {
        group.wait()
        return result!
    }
}

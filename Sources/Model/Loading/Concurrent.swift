import Dispatch
import Foundation

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

    /// Starts `work` on a thread of its own. The global queue's pool on Linux has as many threads as cores and adds
    /// more only when it sees them blocked, after a while: long work started beside other parallel work (an export
    /// writing tables while the account loads, which itself decodes on two threads) could wait for a free one.
    package static func onItsOwnThread(_ work: @escaping @Sendable () -> Value) -> Concurrent {
        let concurrent = Concurrent()
        concurrent.group.enter()
        let thread = Thread {
            concurrent.result = work()
            concurrent.group.leave()
        }
        thread.stackSize = stackSize
        thread.start()
        return concurrent
    }

    private init() {}

    /// The stack of a thread of its own: the main thread's usual 8 MiB (the parsers recurse into nested JSON).
    package static var stackSize: Int { 8 << 20 }

    /// The result, once the work has finished.
    package var value: Value {
        group.wait()
        return result!
    }
}

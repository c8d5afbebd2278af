import Foundation

/// Lets a signal handler stop a snapshot write without leaving anything half-written.
///
/// Before a write, `interrupt` runs its action at once. During one, the write notices at its next checkpoint (between
/// two files, before the swap), removes its staging directory and ends; the action runs then. Once the new snapshot
/// is in place there is nothing left to stop: the action never runs, and the command ends as it would have.
package final class WriteInterruption: @unchecked Sendable {
    // Guarded by `lock`.
    private var writing = false
    private var interrupted = false
    private var committed = false
    private var whenStopped: (@Sendable () -> Void)?
    private let lock = NSLock()

    package init() {}

    /// Asks the write to stop; `stopped` runs once nothing is half-written (at once before the write, never after it
    /// put the snapshot in place). Returns whether a write is being stopped, `stopped` running when it is.
    @discardableResult
    package func interrupt(then stopped: @escaping @Sendable () -> Void) -> Bool {
        let (isWriting, isDone) = lock.withLock {
            interrupted = true
            if writing { whenStopped = stopped }
            return (writing, committed)
        }
        if !isWriting && !isDone { stopped() }
        return isWriting
    }

    /// Starts a write; throws if an interruption came first.
    func begin() throws {
        try lock.withLock {
            if interrupted { throw SnapshotWriteError.interrupted }
            writing = true
        }
    }

    /// Throws if an interruption was asked for since the write began.
    func checkpoint() throws {
        if lock.withLock({ interrupted }) { throw SnapshotWriteError.interrupted }
    }

    /// Ends a write. Unless the new snapshot was put in place (`committed`), a pending interruption's action runs now.
    func end(committed: Bool) {
        let stopped = lock.withLock {
            writing = false
            self.committed = committed
            defer { whenStopped = nil }
            return committed ? nil : whenStopped
        }
        stopped?()
    }
}

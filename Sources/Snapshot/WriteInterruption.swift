import Foundation

/// Lets a signal handler stop a snapshot write without leaving anything half-written.
///
/// Outside a write, `interrupt` runs its action at once. During one, the write notices at its next checkpoint (between
/// two files, before the swap), removes its staging directory and ends; the action runs then. A write that already put
/// the new snapshot in place finishes instead, and the action never runs: the command then ends as it would have.
public final class WriteInterruption: @unchecked Sendable {
    // Guarded by `lock`.
    private var writing = false
    private var interrupted = false
    private var whenStopped: (@Sendable () -> Void)?
    private let lock = NSLock()

    public init() {}

    /// Asks the write in progress to stop; `stopped` runs once nothing is half-written. Returns whether a write is
    /// being stopped (`stopped` runs later, or never if the write already put the new snapshot in place).
    @discardableResult
    public func interrupt(then stopped: @escaping @Sendable () -> Void) -> Bool {
        let later = lock.withLock {
            interrupted = true
            if writing { whenStopped = stopped }
            return writing
        }
        if !later { stopped() }
        return later
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
            defer { whenStopped = nil }
            return committed ? nil : whenStopped
        }
        stopped?()
    }
}

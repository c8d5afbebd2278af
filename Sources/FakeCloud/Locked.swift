import Foundation

/// A value guarded by a lock, shared between the server's connection tasks and the test or command reading it.
///
/// `Synchronization.Mutex` would do, but needs macOS 15 while the package supports macOS 13.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with exclusive access to the value.
    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

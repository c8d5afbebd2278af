import Foundation

/// A value computed the first time any thread asks for it, once: a thread that asks while another computes it waits
/// for that result. Rules evaluated side by side share what only some of them read, and a rule that never asks never
/// pays for it.
///
/// `@unchecked Sendable` because `stored` is only read and written with `lock` held.
final class ComputedOnce<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?
    private let make: @Sendable () -> Value

    /// A value `make` computes when first asked for.
    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    /// The value, computed by this call when no call did before.
    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let stored { return stored }
        let made = make()
        stored = made
        return made
    }
}

import Foundation

/// Values computed the first time any thread asks for their key, kept for the report: the text of a policy that
/// several rules name (and the JSON listing describes again), or the entity of an identity that many findings name.
/// Two threads that ask for a new key at once may both make its value (`make` is pure, so they make the same one);
/// the first stored is the one every later call returns.
///
/// `@unchecked Sendable` because `stored` is only read and written with `lock` held.
final class ComputedPerKey<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Key: Value] = [:]
    private let make: @Sendable (Key) -> Value

    /// Values `make` computes for each key when first asked for.
    init(_ make: @escaping @Sendable (Key) -> Value) {
        self.make = make
    }

    /// The value of `key`, computed by this call (outside the lock, so that the other thread does not wait for it)
    /// when no call did before.
    subscript(key: Key) -> Value {
        if let known = lock.withLock({ stored[key] }) { return known }
        let made = make(key)
        return lock.withLock {
            if let known = stored[key] { return known }
            stored[key] = made
            return made
        }
    }
}

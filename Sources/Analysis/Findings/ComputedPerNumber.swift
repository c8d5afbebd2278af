import Foundation

/// Values computed the first time any thread asks for their number, kept for the report: what findings say of a
/// policy row, or of a subject `PolicyTable` numbers. `ComputedPerKey` for keys that are small dense numbers: a value
/// is found by its position, with no hashing and no table to grow by rehashing. Two threads that ask for a new number
/// at once may both make its value (`make` is pure, so they make the same one); the first stored is the one every
/// later call returns.
///
/// `@unchecked Sendable` because `stored` is only read and written with `lock` held.
final class ComputedPerNumber<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Value?] = []
    private let make: @Sendable (Int32) -> Value

    /// Values `make` computes for each number (0 or more) when first asked for.
    init(_ make: @escaping @Sendable (Int32) -> Value) {
        self.make = make
    }

    /// The value of `number`, computed by this call (outside the lock, so that the other thread does not wait for it)
    /// when no call did before.
    subscript(number: Int32) -> Value {
        let position = Int(number)
        if let known = lock.withLock({ position < stored.count ? stored[position] : nil }) { return known }
        let made = make(number)
        return lock.withLock {
            if position >= stored.count { stored += repeatElement(nil, count: position + 1 - stored.count) }
            if let known = stored[position] { return known }
            stored[position] = made
            return made
        }
    }
}

import Foundation
import Model

/// Frees a value's memory on a thread of its own, so that the thread that is done with it goes on: an account and
/// its index are millions of allocations, which take seconds to free one by one (2 s on XL), while the diff has its
/// causes to attribute and its changes to write.
enum FreedAside {
    /// Takes `value` and drops it on a new thread, which frees it unless someone else holds it too.
    static func free<Value: Sendable>(_ value: consuming Value) {
        let box = Box(value)
        let thread = Thread { box.drop() }
        thread.stackSize = Concurrent<Int>.stackSize
        thread.start()
    }

    /// The only reference to the value once `free` returns; `@unchecked Sendable` because `value` is touched only by
    /// the freeing thread after `free` hands it over.
    private final class Box<Value>: @unchecked Sendable {
        private var value: Value?

        init(_ value: consuming Value) {
            self.value = value
        }

        func drop() {
            value = nil
        }
    }
}

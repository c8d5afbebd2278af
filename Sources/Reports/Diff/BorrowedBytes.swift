extension Array where Element == UInt8 {
    /// Appends `other` read through a pointer: `append(contentsOf:)` takes its argument owned, so appending an array
    /// that threads share (a table of words, a static) retains and releases it for each append, from both threads.
    mutating func append(borrowing other: [UInt8]) {
        other.withUnsafeBufferPointer { append(contentsOf: $0) }
    }
}

import Dispatch

/// The text of a long list made on two threads: each thread makes the bytes of a chunk of consecutive elements, and
/// the chunks are handed on in element order, so the result is what one thread making every element in turn gives.
/// At most `threads` chunks are held at a time (a whole-account export's text is hundreds of megabytes).
enum ConcurrentChunks {
    /// The threads that make chunks (the caller's among them).
    static let threads = 2

    /// Elements per chunk for lists of nodes or edges (a few hundred kilobytes of text).
    static let chunkSize = 1024

    /// Calls `make` for consecutive ranges of `0..<count`, at most `chunkSize` elements each, on `threads` threads,
    /// and `emit` with each range's bytes in order of the ranges; throws the first error of `make` or `emit` in that
    /// order.
    static func forEach(count: Int, chunkSize: Int, make: @Sendable (Range<Int>) throws -> [UInt8],
                        emit: ([UInt8]) throws -> Void) throws {
        let size = max(1, chunkSize)
        var start = 0
        while start < count {
            let ranges = (0..<threads).map { min(count, start + $0 * size) ..< min(count, start + ($0 + 1) * size) }
                .filter { !$0.isEmpty }
            let made = Slots(count: ranges.count)
            DispatchQueue.concurrentPerform(iterations: ranges.count) { task in
                made.put(Result { try make(ranges[task]) }, at: task)
            }
            for bytes in made.values { try emit(bytes.get()) }
            start = ranges[ranges.count - 1].upperBound
        }
    }

    /// One result per task, each written by its own task only.
    ///
    /// `@unchecked Sendable` because each slot is written once, by one task, inside `concurrentPerform`, and read only
    /// after it returns: `concurrentPerform` orders the writes before the reads.
    private final class Slots: @unchecked Sendable {
        private let slots: UnsafeMutableBufferPointer<Result<[UInt8], any Error>>

        init(count: Int) {
            slots = .allocate(capacity: count)
            slots.initialize(repeating: .success([]))
        }

        deinit {
            slots.deinitialize()
            slots.deallocate()
        }

        func put(_ bytes: Result<[UInt8], any Error>, at index: Int) { slots[index] = bytes }

        var values: [Result<[UInt8], any Error>] { Array(slots) }
    }
}

import Dispatch
import Foundation
import Model

/// The bytes of a long part of an output (the changes of a diff, holder by holder), or the rows of a long table (a
/// SQLite export's collection), made a run of items at a time on two threads and handed on in order: the output is
/// the same as making the runs one after another, in about half the time on two cores. Each thread makes the next run
/// no thread has taken yet, with its own state (caches it does not share), so that a thread held up by a long run
/// leaves the next ones to the other; no run is started more than `window` runs ahead of the run being handed on, so
/// that only a few runs are held at once.
enum OrderedRuns {
    /// Elements per run for long lists of alike elements (a whole-account export's nodes or edges: a few hundred
    /// kilobytes of text a run).
    static let listRunLength = 1024

    /// How many runs may be taken and not yet handed on: room for one thread to go on while the other makes a run
    /// many times as long (a diff's cause of thousands of changes is one run; on XL, 412 causes are 94 % of the
    /// changes). 4 left XL `diff --format json`'s writers idle a third of the time; 16 keeps both busy for at
    /// most ≈ 10 MiB more at its peak; more gains nothing (docs/performance.md, lead14).
    private static let window = 16

    /// Consecutive ranges of `0..<count` whose items' `weight`s add up to about `target` each (an item heavier
    /// than `target` is a run of its own), so that runs take about as long to make.
    static func ranges(count: Int, target: Int, weight: (Int) -> Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0, total = 0
        for index in 0..<count {
            total += max(weight(index), 1)
            if total >= target {
                ranges.append(start..<index + 1)
                start = index + 1
                total = 0
            }
        }
        if start < count { ranges.append(start..<count) }
        return ranges
    }

    /// Makes run `0..<count` with `make` (each thread with the `State` that `state` makes for it) and hands each
    /// run (its bytes, or its rows) to `take` in order, on the calling thread; throws the first error `make` or
    /// `take` throws, after the threads have stopped.
    static func write<State, Run: Sendable>(count: Int, state: @escaping @Sendable () -> State,
                                            make: @escaping @Sendable (Int, inout State) throws -> Run,
                                            to take: (Run) throws -> Void) throws {
        guard count > 1 else {
            var local = state()
            for run in 0..<count { try take(try make(run, &local)) }
            return
        }
        let shared = Shared<Run>()
        // Threads of their own, not blocks on a global queue: the calling thread (often one of the global queues'
        // own, running the command) waits for the runs, and the pool, as wide as the cores, may be busy besides (the
        // SQLite export writes its collections while the account loads on two threads): the makers would wait for it.
        let threads = DispatchGroup()
        for _ in 0..<2 {
            threads.enter()
            let thread = Thread {
                defer { threads.leave() }
                var local = state()
                while let run = shared.claim(below: count) {
                    shared.made(run, Result { try make(run, &local) })
                }
            }
            thread.stackSize = Concurrent<Int>.stackSize
            thread.start()
        }
        defer {
            shared.stop()
            threads.wait()
        }
        for run in 0..<count { try take(try shared.next(run).get()) }
    }

    /// Hands `run` on after `bytes` (what was written before it, not yet handed on): a run of at least a quarter of
    /// `blockSize` goes to `sink` whole, after `bytes`, so that it is copied once (into the `Data`), not first into a
    /// block; a shorter one is appended to `bytes`, which goes to `sink` once it reaches `blockSize`. `bytes` is left
    /// empty or shorter than `blockSize`.
    static func hand(_ run: [UInt8], after bytes: inout [UInt8], blockSize: Int, to sink: (Data) throws -> Void) throws {
        if run.count >= blockSize / 4 {
            if !bytes.isEmpty { try sink(Data(bytes)) }
            bytes.removeAll(keepingCapacity: true)
            return try sink(Data(run))
        }
        bytes.append(contentsOf: run)
        guard bytes.count >= blockSize else { return }
        try sink(Data(bytes))
        bytes.removeAll(keepingCapacity: true)
    }

    /// The runs made and not yet handed on, and how far the handing on is; `@unchecked Sendable` because every
    /// property is only touched with `condition` locked.
    private final class Shared<Run>: @unchecked Sendable {
        private let condition = NSCondition()
        private var made: [Int: Result<Run, any Error>] = [:]
        /// The run handed on next.
        private var next = 0
        /// The run no thread has taken yet.
        private var unclaimed = 0
        private var stopped = false

        /// The next run no thread has taken, once it is within the window; `nil` when every run below `count` is
        /// taken or the writing stopped.
        func claim(below count: Int) -> Int? {
            condition.lock()
            defer { condition.unlock() }
            while !stopped && unclaimed < count && unclaimed >= next + OrderedRuns.window { condition.wait() }
            guard !stopped && unclaimed < count else { return nil }
            unclaimed += 1
            return unclaimed - 1
        }

        func made(_ run: Int, _ result: Result<Run, any Error>) {
            condition.lock()
            made[run] = result
            condition.broadcast()
            condition.unlock()
        }

        /// Waits for `run`, which is then no longer held here.
        func next(_ run: Int) -> Result<Run, any Error> {
            condition.lock()
            defer { condition.unlock() }
            while true {
                if let result = made.removeValue(forKey: run) {
                    next = run + 1
                    condition.broadcast()
                    return result
                }
                condition.wait()
            }
        }

        func stop() {
            condition.lock()
            stopped = true
            condition.broadcast()
            condition.unlock()
        }
    }
}

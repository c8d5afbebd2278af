import Foundation

/// The wall clock and a CPU clock read at one moment, so that a step's wall time and the processor time spent during
/// it come from the same two readings (`StepTime`). The CPU clock is the whole process's (user + sys of every thread)
/// or the calling thread's: a step run on one thread of several is measured by its thread's.
package struct ClockReading: Sendable {
    /// Whose processor time a reading counts.
    package enum Scope: Sendable {
        /// Every thread of the process (`CLOCK_PROCESS_CPUTIME_ID`).
        case process
        /// The calling thread (`CLOCK_THREAD_CPUTIME_ID`): a reading is only compared with one from the same thread.
        case thread
    }

    private let wall: ContinuousClock.Instant
    /// The CPU time used so far; `nil` when the system did not say.
    private let cpu: Duration?

    /// Reads both clocks now.
    package init(_ scope: Scope) {
        wall = ContinuousClock.now
        cpu = Self.cpuTime(scope)
    }

    /// The time from `self` to `later`: wall and CPU (`nil` when either reading lacks it; never negative).
    package func until(_ later: ClockReading) -> StepTime {
        StepTime(wall: later.wall - wall,
                 cpu: cpu.flatMap { start in later.cpu.map { max(.zero, $0 - start) } })
    }

    /// User + sys time of the process or thread so far, from `clock_gettime`; `nil` when it fails.
    private static func cpuTime(_ scope: Scope) -> Duration? {
        var time = timespec()
        let clock: clockid_t
        switch scope {
        case .process: clock = CLOCK_PROCESS_CPUTIME_ID
        case .thread: clock = CLOCK_THREAD_CPUTIME_ID
        }
        guard clock_gettime(clock, &time) == 0 else { return nil }
        return .seconds(Int64(time.tv_sec)) + .nanoseconds(Int64(time.tv_nsec))
    }
}

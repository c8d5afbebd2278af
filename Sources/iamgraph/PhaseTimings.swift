import Foundation

/// Wall time of a command's phases, and the process's peak memory at the end of each, printed to stderr by
/// `--timings` so a user (or `scripts/bench`) can see where the time and memory of a large snapshot go: e.g.
/// `iamgraph: timings: load 2.41 s (peak 305 MiB), view 2.30 s (peak 410 MiB), layout + svg 0.44 s (peak 412 MiB)`.
struct PhaseTimings {
    private let enabled: Bool
    private let clock = ContinuousClock()
    private var start: ContinuousClock.Instant
    private var phases: [(name: String, duration: Duration, peakMiB: Int?)] = []

    init(enabled: Bool) {
        self.enabled = enabled
        start = clock.now
    }

    /// Ends the current phase under `name`; the next phase starts now.
    mutating func end(_ name: String) {
        let now = clock.now
        phases.append((name, now - start, Self.peakMiB()))
        start = now
    }

    /// Records a phase timed elsewhere (a findings rule, timed by the report), without its memory.
    mutating func add(_ name: String, _ duration: Duration) {
        phases.append((name, duration, nil))
    }

    /// Prints the phases to stderr, after `heading`, when `--timings` was given.
    func report(heading: String = "timings") {
        guard enabled else { return }
        let parts = phases.map { phase -> String in
            let seconds = Double(phase.duration.components.seconds) + Double(phase.duration.components.attoseconds) / 1e18
            return "\(phase.name) \(String(format: "%.3f", seconds)) s" + (phase.peakMiB.map { " (peak \($0) MiB)" } ?? "")
        }
        Console.error("iamgraph: \(heading): " + parts.joined(separator: ", "))
    }

    /// The process's peak resident memory so far, in MiB (Linux counts `ru_maxrss` in KiB); `nil` when the system
    /// does not say.
    private static func peakMiB() -> Int? {
        var usage = rusage()
        #if os(Linux)
        let who = RUSAGE_SELF.rawValue
        #else
        let who = RUSAGE_SELF
        #endif
        guard getrusage(who, &usage) == 0 else { return nil }
        return usage.ru_maxrss / 1024
    }
}

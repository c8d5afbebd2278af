import Foundation
import Model

/// Wall time and CPU time (user + sys) of a command's phases, and the process's peak memory at the end of each,
/// printed to stderr by `--timings` so a user (or `scripts/bench`) can see where the time and memory of a large
/// snapshot go, and tell work from waiting on a loaded machine: e.g. `iamgraph: timings: load 2.410 s (cpu 4.102 s,
/// peak 305 MiB), view 2.300 s (cpu 2.296 s, peak 410 MiB), layout + svg 0.440 s (cpu 0.438 s, peak 412 MiB)`.
/// A phase's CPU is the whole process's; CPU about twice the wall means both cores worked, about the wall one core,
/// well below it waiting.
struct PhaseTimings {
    private let enabled: Bool
    private var start: ClockReading
    private var phases: [(name: String, time: StepTime, peakMiB: Int?)] = []

    init(enabled: Bool) {
        self.enabled = enabled
        start = ClockReading(.process)
    }

    /// Ends the current phase under `name`; the next phase starts now.
    mutating func end(_ name: String) {
        let now = ClockReading(.process)
        phases.append((name, start.until(now), Self.peakMiB()))
        start = now
    }

    /// Records a phase timed elsewhere (a findings rule, timed by the report), without its memory.
    mutating func add(_ name: String, _ time: StepTime) {
        phases.append((name, time, nil))
    }

    /// Prints the phases to stderr, after `heading`, when `--timings` was given: each as `name W s`, followed by its
    /// CPU time and peak memory in brackets when known (`(cpu C s, peak P MiB)`).
    func report(heading: String = "timings") {
        guard enabled else { return }
        let parts = phases.map { phase -> String in
            let details = [phase.time.cpu.map { "cpu \(Self.seconds($0)) s" }, phase.peakMiB.map { "peak \($0) MiB" }]
                .compactMap { $0 }
            return "\(phase.name) \(Self.seconds(phase.time.wall)) s"
                + (details.isEmpty ? "" : " (" + details.joined(separator: ", ") + ")")
        }
        Console.error("iamgraph: \(heading): " + parts.joined(separator: ", "))
    }

    /// A duration in seconds with three decimals.
    private static func seconds(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return String(format: "%.3f", seconds)
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

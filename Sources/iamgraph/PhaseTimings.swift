import Foundation

/// Wall time of a command's phases, printed to stderr by `--timings` so a user (or `scripts/bench`) can see where the
/// time of a large snapshot goes: e.g. `iamgraph: timings: load 2.41 s, view 2.30 s, layout + svg 0.44 s`.
struct PhaseTimings {
    private let enabled: Bool
    private let clock = ContinuousClock()
    private var start: ContinuousClock.Instant
    private var phases: [(name: String, duration: Duration)] = []

    init(enabled: Bool) {
        self.enabled = enabled
        start = clock.now
    }

    /// Ends the current phase under `name`; the next phase starts now.
    mutating func end(_ name: String) {
        let now = clock.now
        phases.append((name, now - start))
        start = now
    }

    /// Prints the phases to stderr when `--timings` was given.
    func report() {
        guard enabled else { return }
        let parts = phases.map { phase -> String in
            let seconds = Double(phase.duration.components.seconds) + Double(phase.duration.components.attoseconds) / 1e18
            return "\(phase.name) \(String(format: "%.3f", seconds)) s"
        }
        Console.error("iamgraph: timings: " + parts.joined(separator: ", "))
    }
}

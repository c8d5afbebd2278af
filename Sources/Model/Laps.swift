/// The time each of a piece of work's consecutive steps took, for `--timings`: each `lap` tells the listener the
/// time since the previous lap (or since the start) under the step's name. Without a listener it measures nothing.
package struct Laps {
    private let clock = ContinuousClock()
    private var start: ContinuousClock.Instant
    private let timed: ((_ step: String, _ duration: Duration) -> Void)?

    /// Starts timing; `timed`, when given, hears each step.
    package init(_ timed: ((_ step: String, _ duration: Duration) -> Void)?) {
        self.timed = timed
        start = clock.now
    }

    /// Ends the step named `step` and starts the next one.
    package mutating func lap(_ step: String) {
        guard let timed else { return }
        let now = clock.now
        timed(step, now - start)
        start = now
    }

    /// Starts the next step without telling the one that ended (a step timed in parts elsewhere).
    package mutating func restart() {
        start = clock.now
    }
}

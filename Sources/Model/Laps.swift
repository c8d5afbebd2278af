/// The time each of a piece of work's consecutive steps took, for `--timings`: each `lap` tells the listener the
/// time since the previous lap (or since the start) under the step's name, on the wall clock and in the process's CPU
/// time (`StepTime`). Without a listener it measures nothing.
package struct Laps {
    private var start: ClockReading
    private let timed: ((_ step: String, _ time: StepTime) -> Void)?

    /// Starts timing; `timed`, when given, hears each step.
    package init(_ timed: ((_ step: String, _ time: StepTime) -> Void)?) {
        self.timed = timed
        start = ClockReading(.process)
    }

    /// Ends the step named `step` and starts the next one.
    package mutating func lap(_ step: String) {
        guard let timed else { return }
        let now = ClockReading(.process)
        timed(step, start.until(now))
        start = now
    }

    /// Starts the next step without telling the one that ended (a step timed in parts elsewhere).
    package mutating func restart() {
        start = ClockReading(.process)
    }
}

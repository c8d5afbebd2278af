/// How long a step of `--timings` took: on the wall clock, and in processor time (user + sys) meanwhile — of the
/// whole process for a command's phases, of its thread for a step run on one thread of several (a findings rule).
/// CPU near the wall time is work on one core, near twice the wall work on both; far below it is waiting (for the
/// disk, another thread, or cores other processes hold).
package struct StepTime: Sendable, Equatable {
    /// Elapsed real time.
    package let wall: Duration
    /// Processor time spent during the step; `nil` when it was not measured (the system did not say, or the step is
    /// a wait computed from other steps).
    package let cpu: Duration?

    package init(wall: Duration, cpu: Duration?) {
        self.wall = wall
        self.cpu = cpu
    }
}

import Dispatch
import Foundation
import Model

/// Rules evaluated over one context on two threads, each taking the next rule when it is done with one: the costly
/// rules (`FindingRule.isCostly`) first, then the policy table and the administration tables the other rules share,
/// then the other rules in order. Rules only read the context and each returns its own findings, so the outcomes are the same as one after
/// another; they are handed back in the order the rules were given, whichever finished first.
struct RuleEvaluation {
    /// What evaluating one rule gave, and how long it took (its CPU time: its thread's).
    struct Evaluated: Sendable {
        let rule: RuleID
        let outcome: RuleOutcome
        let time: StepTime
    }

    /// Every rule's outcome, in the order the rules were given.
    let evaluated: [Evaluated]
    /// How long numbering the policies took (`FindingContext.preparePolicies()`; CPU: its thread's).
    let policies: StepTime
    /// How long finding the administration tables took (`FindingContext.prepareAdministration()`; CPU: its thread's).
    let administration: StepTime
    /// How long the threads together waited with no job left while another thread finished its last one: the
    /// threads' time over the evaluation less the time their jobs took (zero when evaluated on one thread).
    let idle: Duration

    /// The threads that take rules.
    static let threads = 2

    /// Evaluates `rules` (each once) over `context`; with `concurrently` false, all on the calling thread, in order.
    /// `whenIdle`, when given, is called once with the findings of every rule done so far, by the first thread that
    /// finds no job left while the other still runs its last one (after every rule, on one thread): to start on
    /// another thread work that the findings make known and a core would otherwise idle beside (SARIF's file scan).
    /// The evaluation does not wait for that work, so `whenIdle` should only start it.
    init(_ rules: [RuleID], in context: FindingContext, concurrently: Bool = true,
         whenIdle: (@Sendable (_ found: [[Finding]]) -> Void)? = nil) {
        let jobs: [Job] = concurrently
            ? rules.filter { $0.isCostly }.map(Job.rule) + [.policies, .administration] + rules.filter { !$0.isCostly }.map(Job.rule)
            : [.policies, .administration] + rules.map(Job.rule)
        let queue = JobQueue(jobs, whenIdle: whenIdle)
        let clock = ContinuousClock(), start = clock.now
        if concurrently {
            DispatchQueue.concurrentPerform(iterations: Self.threads) { _ in queue.run(context) }
        } else {
            queue.run(context)
        }
        let done = queue.done
        let busy = done.reduce(Duration.zero) { $0 + $1.time.wall }
        idle = concurrently ? max(.zero, (clock.now - start) * Self.threads - busy) : .zero
        let byRule = Dictionary(done.compactMap { $0.evaluated.map { ($0.rule, $0) } }, uniquingKeysWith: { first, _ in first })
        evaluated = rules.compactMap { byRule[$0] }
        policies = done.first { $0.shared == .policies }?.time ?? StepTime(wall: .zero, cpu: .zero)
        administration = done.first { $0.shared == .administration }?.time ?? StepTime(wall: .zero, cpu: .zero)
    }

    /// Something a thread does: evaluate a rule, or find what the rules share.
    private enum Job: Sendable, Equatable {
        case rule(RuleID)
        case policies
        case administration
    }

    /// A job done: the rule's outcome (`nil` for a shared table), which shared table it found (`nil` for a rule), and
    /// how long it took on the wall clock and on its thread's CPU clock.
    private struct Done: Sendable {
        let evaluated: Evaluated?
        let shared: Job?
        let time: StepTime
    }

    /// The jobs, taken in order by whichever thread is free, and what they gave.
    ///
    /// `@unchecked Sendable` because `next` and `finished` are only read and written with `lock` held.
    private final class JobQueue: @unchecked Sendable {
        private let jobs: [Job]
        private let lock = NSLock()
        private var next = 0
        private var finished: [Done] = []
        /// Called once, by the first thread that finds no job left; `nil` once called.
        private var whenIdle: (@Sendable (_ found: [[Finding]]) -> Void)?

        init(_ jobs: [Job], whenIdle: (@Sendable (_ found: [[Finding]]) -> Void)?) {
            self.jobs = jobs
            self.whenIdle = whenIdle
        }

        /// Every job done, in the order they were taken.
        var done: [Done] { lock.withLock { finished } }

        /// Takes jobs and does them until none is left.
        func run(_ context: FindingContext) {
            while let job = take() {
                let start = ClockReading(.thread)
                let evaluated: Evaluated?
                switch job {
                case .rule(let rule):
                    let outcome = rule.definition.evaluate(context)
                    evaluated = Evaluated(rule: rule, outcome: outcome, time: start.until(ClockReading(.thread)))
                case .policies:
                    context.preparePolicies()
                    evaluated = nil
                case .administration:
                    context.prepareAdministration()
                    evaluated = nil
                }
                let done = Done(evaluated: evaluated, shared: evaluated == nil ? job : nil,
                                time: evaluated?.time ?? start.until(ClockReading(.thread)))
                lock.withLock { finished.append(done) }
            }
            let idle = lock.withLock { () -> (call: @Sendable ([[Finding]]) -> Void, found: [[Finding]])? in
                guard let whenIdle else { return nil }
                self.whenIdle = nil
                return (whenIdle, finished.compactMap { done in
                    guard case .findings(let found)? = done.evaluated?.outcome else { return nil }
                    return found
                })
            }
            if let idle { idle.call(idle.found) }
        }

        private func take() -> Job? {
            lock.withLock {
                guard next < jobs.count else { return nil }
                defer { next += 1 }
                return jobs[next]
            }
        }
    }
}

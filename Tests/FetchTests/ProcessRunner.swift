import Foundation

/// Runs a program to completion, capturing stdout and stderr.
enum ProcessRunner {
    struct Result {
        /// The exit status, or the signal number when `signalled`.
        let status: Int32
        /// Whether the process died of a signal (a trap, an abort) instead of exiting.
        let signalled: Bool
        let stdout: String
        let stderr: String
    }

    static func run(_ executable: URL, _ arguments: [String], environment: [String: String] = [:]) async throws -> Result {
        let process = try start(executable, arguments, environment: environment)
        return await finish(process)
    }

    static func start(_ executable: URL, _ arguments: [String], environment: [String: String] = [:]) throws -> RunningProcess {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("IBMCLOUD_") }
        // A crash ends the child at once: Swift's backtracer would hold its stderr open (and the test) for minutes.
        env["SWIFT_BACKTRACE"] = "enable=no"
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return RunningProcess(process: process, stdout: out, stderr: err)
    }

    /// Waits for the process on a dispatch thread: blocking reads must not occupy Swift's cooperative threads, which
    /// the in-process fake cloud needs to answer the child.
    static func finish(_ running: RunningProcess) async -> Result {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let stdout = PipeDrain(running.stdout)
                let stderr = running.stderr.fileHandleForReading.readDataToEndOfFile()
                running.process.waitUntilExit()
                continuation.resume(returning: Result(status: running.process.terminationStatus,
                                                      signalled: running.process.terminationReason == .uncaughtSignal,
                                                      stdout: String(decoding: stdout.wait(), as: UTF8.self),
                                                      stderr: String(decoding: stderr, as: UTF8.self)))
            }
        }
    }

    /// Reads a pipe to its end on its own thread.
    private final class PipeDrain: @unchecked Sendable {
        private var data = Data()  // written once by the reading thread, read after `done` is signalled
        private let done = DispatchSemaphore(value: 0)

        init(_ pipe: Pipe) {
            DispatchQueue.global().async { [self] in
                data = pipe.fileHandleForReading.readDataToEndOfFile()
                done.signal()
            }
        }

        func wait() -> Data {
            done.wait()
            return data
        }
    }

    struct RunningProcess: @unchecked Sendable {
        let process: Process
        let stdout: Pipe
        let stderr: Pipe
    }
}

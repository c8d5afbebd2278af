import Foundation

/// The tests' one way to run a program: to completion, capturing stdout and stderr, without blocking Swift's
/// cooperative threads. Credentials of the environment (`IBMCLOUD_*`) are never passed on.
package enum ProcessRunner {
    package struct Result: Sendable {
        /// The exit status, or the signal number when `signalled`.
        package let status: Int32
        /// Whether the process died of a signal (a trap, an abort) instead of exiting.
        package let signalled: Bool
        package let stdout: String
        package let stderr: String
    }

    /// The built `iamgraph`, next to the test bundle (test targets that run it declare it as a dependency).
    package static let iamgraph = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("iamgraph")

    /// Runs the built `iamgraph`.
    package static func iamgraph(_ arguments: [String], environment: [String: String] = [:]) async throws -> Result {
        try await run(iamgraph, arguments, environment: environment)
    }

    /// `git -C repository …`.
    package static func git(_ repository: URL, _ arguments: [String]) async throws -> Result {
        try await run(URL(fileURLWithPath: "/usr/bin/env"), ["git", "-C", repository.path] + arguments)
    }

    package static func run(_ executable: URL, _ arguments: [String], environment: [String: String] = [:]) async throws -> Result {
        let process = try start(executable, arguments, environment: environment)
        return await finish(process)
    }

    /// Starts a program, for tests that act on it while it runs; `finish(_:)` collects it.
    package static func start(_ executable: URL, _ arguments: [String], environment: [String: String] = [:]) throws -> RunningProcess {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("IBMCLOUD_") }
        // A crash ends the child at once: Swift's backtracer would hold its stderr open (and the test) for minutes.
        env["SWIFT_BACKTRACE"] = "enable=no"
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return RunningProcess(process: process, stdout: out, stderr: err)
    }

    /// Waits for the process on a dispatch thread: blocking reads must not occupy Swift's cooperative threads, which
    /// the in-process fake cloud needs to answer the child.
    package static func finish(_ running: RunningProcess) async -> Result {
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

    package struct RunningProcess: @unchecked Sendable {  // the process is only waited for and signalled
        package let process: Process
        let stdout: Pipe
        let stderr: Pipe
    }
}

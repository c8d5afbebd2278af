import FakeCloud
import Fetch
import Foundation
import Snapshot
import Testing
import TestSupport

extension FetchSuites {
    /// `iamgraph fetch` stopped by a signal while it writes: the old snapshot stays as it was, and its staging
    /// directory is removed at once (SIGINT, SIGTERM) or by the next fetch (SIGKILL).
    @Suite struct InterruptionTests {
        /// A foreign file the write copies into its staging directory, so that the write lasts long enough to be
        /// caught in the act.
        static let ballast = 64 << 20

        /// A copy of the demo holding the ballast, its files, and its manifest's bytes.
        func prepare() throws -> (target: URL, files: [String: Data]) {
            let target = try FetchHarness.copy()
            try Data(count: Self.ballast).write(to: target.appendingPathComponent("ballast.bin"))
            return (target, try FetchHarness.files(target))
        }

        /// Starts a fetch into `target` and stops it (SIGSTOP) as soon as its staging directory appears, while the old
        /// snapshot is still in place. `nil` when the write was over before it could be stopped: the caller tries again.
        func startAndStopMidWrite(_ cloud: FakeCloud, _ target: URL, manifest: Data) async throws -> (ProcessRunner.RunningProcess, staging: String)? {
            let running = try ProcessRunner.start(FetchHarness.executable,
                                                  ["fetch", target.path, "--api-base", cloud.baseURL.absoluteString],
                                                  environment: ["IBMCLOUD_API_KEY": FetchHarness.apiKey])
            let pid = running.process.processIdentifier
            let deadline = Date().addingTimeInterval(120)
            while running.process.isRunning && Date() < deadline {
                if let staging = try FetchHarness.siblings(of: target).first(where: { $0.hasPrefix(".snapshot.partial-") }) {
                    kill(pid, SIGSTOP)
                    while !Self.isStopped(pid) && running.process.isRunning && Date() < deadline {
                        try await Task.sleep(nanoseconds: 1_000_000)
                    }
                    let parent = target.deletingLastPathComponent()
                    if FileManager.default.fileExists(atPath: parent.appendingPathComponent(staging).path),
                       FileManager.default.contents(atPath: target.appendingPathComponent(Manifest.fileName).path) == manifest {
                        return (running, staging)
                    }
                    kill(pid, SIGCONT)
                    break
                }
                try await Task.sleep(nanoseconds: 1_000_000)
            }
            #expect(running.process.isRunning || Date() < deadline, "no staging directory appeared")
            _ = await ProcessRunner.finish(running)
            return nil
        }

        @Test(arguments: [SIGINT, SIGTERM])
        func aSignalMidWriteRemovesTheStagingAndKeepsTheSnapshot(signal: Int32) async throws {
            let (target, before) = try prepare()
            defer { try? FileManager.default.removeItem(at: target.deletingLastPathComponent()) }
            try await FetchHarness.withCloud { cloud in
                for _ in 1...5 {
                    guard let (running, _) = try await startAndStopMidWrite(cloud, target, manifest: before["manifest.json"]!) else { continue }
                    kill(running.process.processIdentifier, signal)
                    kill(running.process.processIdentifier, SIGCONT)
                    let result = await ProcessRunner.finish(running)
                    #expect(result.status == 128 + signal)
                    #expect(result.stderr.contains("iamgraph: interrupted: \(target.path) was left as it was"))
                    #expect(try FetchHarness.files(target) == before)
                    #expect(try FetchHarness.siblings(of: target) == ["snapshot"])
                    return
                }
                Issue.record("the write was over each time before it could be stopped")
            }
        }

        /// Ctrl-C while the fetch is still reading the APIs: it ends at once, with nothing written.
        @Test func aSignalBeforeTheWriteEndsTheFetchAtOnce() async throws {
            let target = try FetchHarness.copy()
            defer { try? FileManager.default.removeItem(at: target.deletingLastPathComponent()) }
            let before = try FetchHarness.files(target)
            try await FetchHarness.withCloud(faults: Faults(latency: .milliseconds(50))) { cloud in
                let running = try ProcessRunner.start(FetchHarness.executable,
                                                      ["fetch", target.path, "--api-base", cloud.baseURL.absoluteString, "--concurrency", "1"],
                                                      environment: ["IBMCLOUD_API_KEY": FetchHarness.apiKey])
                let deadline = Date().addingTimeInterval(120)
                while cloud.counters.total < 3 && running.process.isRunning && Date() < deadline {
                    try await Task.sleep(nanoseconds: 2_000_000)
                }
                #expect(cloud.counters.total >= 3)
                kill(running.process.processIdentifier, SIGINT)
                let result = await ProcessRunner.finish(running)
                #expect(result.status == 128 + SIGINT)
                #expect(result.stderr.contains("iamgraph: interrupted: \(target.path) was left as it was"))
            }
            #expect(try FetchHarness.files(target) == before)
            #expect(try FetchHarness.siblings(of: target) == ["snapshot"])
        }

        @Test func stagingLeftBySIGKILLIsRemovedByTheNextFetch() async throws {
            let (target, before) = try prepare()
            defer { try? FileManager.default.removeItem(at: target.deletingLastPathComponent()) }
            try await FetchHarness.withCloud { cloud in
                for _ in 1...5 {
                    guard let (running, staging) = try await startAndStopMidWrite(cloud, target, manifest: before["manifest.json"]!) else { continue }
                    kill(running.process.processIdentifier, SIGKILL)
                    #expect(await ProcessRunner.finish(running).status == SIGKILL)
                    #expect(try FetchHarness.files(target) == before)
                    #expect(try FetchHarness.siblings(of: target) == [staging, "snapshot"])

                    let next = try await FetchHarness.runFetch(cloud, into: target)
                    #expect(next.status == 0)
                    #expect(next.stderr.contains("removed \(target.deletingLastPathComponent().appendingPathComponent(staging).path), left by an interrupted fetch"))
                    #expect(try FetchHarness.siblings(of: target) == ["snapshot"])
                    #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("ballast.bin").path))
                    return
                }
                Issue.record("the write was over each time before it could be stopped")
            }
        }

        /// While another writer holds the snapshot's parent directory, a fetch waits to write: a first SIGINT then
        /// waits for it to clean up, a second one ends it at once; released, the first alone ends it cleanly.
        @Test(arguments: [1, 2])
        func interruptsWhileWaitingToWrite(signals: Int) async throws {
            let target = try FetchHarness.copy()
            let parent = target.deletingLastPathComponent()
            let log = FetchHarness.temporaryDirectory().appendingPathExtension("log")
            defer {
                try? FileManager.default.removeItem(at: parent)
                try? FileManager.default.removeItem(at: log)
            }
            let before = try FetchHarness.files(target)
            let lock = open(parent.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            try #require(lock >= 0 && flock(lock, LOCK_EX) == 0)
            var locked = true
            defer { if locked { close(lock) } }
            try await FetchHarness.withCloud { cloud in
                try Data().write(to: log)
                let process = Process()
                process.executableURL = FetchHarness.executable
                process.arguments = ["fetch", target.path, "--api-base", cloud.baseURL.absoluteString]
                process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("IBMCLOUD_") }
                    .merging(["IBMCLOUD_API_KEY": FetchHarness.apiKey]) { _, new in new }
                process.standardOutput = FileHandle.nullDevice
                process.standardError = try FileHandle(forWritingTo: log)
                let exited = Self.exitStatus(process)
                try process.run()
                let pid = process.processIdentifier

                try await Self.waitUntil(process) { Self.waitsForALock(pid) }
                kill(pid, SIGINT)
                try await Self.waitUntil(process) {
                    (try? String(contentsOf: log, encoding: .utf8))?.contains("iamgraph: interrupted") == true
                }
                if signals == 2 {
                    kill(pid, SIGINT)
                } else {
                    close(lock)
                    locked = false
                }
                try await Self.waitUntil(process) { !process.isRunning }
                #expect(await exited.value == 128 + SIGINT)
                let stderr = try String(contentsOf: log, encoding: .utf8)
                #expect(stderr.contains("\(target.path) was left as it was") == (signals == 1))
            }
            #expect(try FetchHarness.files(target) == before)
            if signals == 1 { #expect(try FetchHarness.siblings(of: target) == ["snapshot"]) }
        }

        /// The exit status of `process` (not yet started), once it ends.
        static func exitStatus(_ process: Process) -> Task<Int32, Never> {
            let status = AsyncStream<Int32> { continuation in
                process.terminationHandler = { ended in
                    continuation.yield(ended.terminationStatus)
                    continuation.finish()
                }
            }
            return Task { await status.first { _ in true } ?? -1 }
        }

        /// Polls `condition` until it holds, or fails the test if `process` ends or two minutes pass first.
        static func waitUntil(_ process: Process, _ condition: () -> Bool) async throws {
            let deadline = Date().addingTimeInterval(120)
            while !condition() {
                try #require(process.isRunning && Date() < deadline, "the condition never held")
                try await Task.sleep(nanoseconds: 2_000_000)
            }
        }

        /// Whether every thread of process `pid` is stopped (state `T` in `/proc/PID/task/*/stat`): `kill` only asks.
        static func isStopped(_ pid: Int32) -> Bool {
            guard let tasks = try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task"), !tasks.isEmpty else { return false }
            return tasks.allSatisfy { task in
                guard let stat = try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/stat", encoding: .utf8),
                      let end = stat.lastIndex(of: ")") else { return false }
                return stat[stat.index(after: end)...].split(separator: " ").first == "T"
            }
        }

        /// Whether process `pid` is blocked waiting for a file lock (`/proc/locks` marks waiters with `->`).
        static func waitsForALock(_ pid: Int32) -> Bool {
            guard let text = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else { return false }
            return text.split(separator: "\n").contains { line in
                let fields = line.split(separator: " ")
                return fields.count > 5 && fields[1] == "->" && fields[5] == "\(pid)"
            }
        }
    }
}

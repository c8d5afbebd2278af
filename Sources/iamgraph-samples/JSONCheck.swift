import ArgumentParser
import Foundation
import Snapshot

/// `iamgraph-samples json-check`: checks that our canonical JSON writer gives Foundation's bytes for every JSON file
/// of a snapshot, and times the two writers on the same parsed values (the benchmark's writer section).
struct JSONCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "json-check",
        abstract: "Compare the canonical JSON writer with JSONSerialization on every JSON file of snapshots.",
        discussion: """
            Each file is parsed with JSONSerialization (as a fetch parses responses), then written by both writers; \
            the bytes must be equal. Prints one line per directory: files, megabytes, files that differ, and the \
            CPU seconds of each writer (thread time, so other load on the machine counts less). Exits 1 when a \
            file differs.

            Examples:
              iamgraph-samples json-check samples/demo samples/enterprise
              iamgraph-samples json-check /work/synth/L
            """)

    @Argument(help: "Snapshot directories (every *.json file below each is checked).")
    var directories: [String]

    func run() throws {
        var differing = 0
        for directory in directories {
            let result = try check(URL(fileURLWithPath: directory))
            differing += result.differing.count
            let megabytes = Double(result.bytes) / 1_000_000
            print(String(format: "%@: %d files, %.1f MB, %d differ; ours %.3f s, JSONSerialization %.3f s, %.1fx",
                         directory, result.files, megabytes, result.differing.count, result.ours, result.foundation,
                         result.foundation / max(result.ours, 1e-9)))
            for file in result.differing { print("  differs: \(file)") }
        }
        if differing > 0 { throw ExitCode(1) }
    }

    private func check(_ directory: URL) throws -> (files: Int, bytes: Int, differing: [String], ours: Double, foundation: Double) {
        var files = 0
        var bytes = 0
        var differing: [String] = []
        var ours = 0.0
        var foundation = 0.0
        for file in try jsonFiles(in: directory) {
            let data = try Data(contentsOf: file)
            let value = try CanonicalJSON.parse(data)
            let (ourBytes, ourSeconds) = try Self.timed { try CanonicalJSON.data(value) }
            let (theirBytes, theirSeconds) = try Self.timed { try CanonicalJSON.foundationData(value) }
            files += 1
            bytes += data.count
            ours += ourSeconds
            foundation += theirSeconds
            if ourBytes != theirBytes { differing.append(file.path) }
        }
        return (files, bytes, differing, ours, foundation)
    }

    private func jsonFiles(in directory: URL) throws -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else {
            throw ValidationError("cannot read \(directory.path)")
        }
        return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }
    }

    /// `body`'s result and the CPU seconds this thread spent in it.
    private static func timed<T>(_ body: () throws -> T) throws -> (T, Double) {
        let start = try threadCPUSeconds()
        let result = try body()
        return (result, try threadCPUSeconds() - start)
    }

    private static func threadCPUSeconds() throws -> Double {
        var time = timespec()
        guard clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time) == 0 else {
            throw ValidationError("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed: errno \(errno)")
        }
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

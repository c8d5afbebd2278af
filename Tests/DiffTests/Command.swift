import Foundation

/// Runs a program to completion, its output captured through temporary files (so no pipe can fill up and block it).
struct Command {
    let status: Int32
    let stdout: String
    let stderr: String

    /// The built `iamgraph`, next to the test bundle.
    static let iamgraph = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("iamgraph")

    static func iamgraph(_ arguments: [String]) throws -> Command {
        try run(iamgraph, arguments)
    }

    /// `git -C repository …`.
    static func git(_ repository: URL, _ arguments: [String]) throws -> Command {
        try run(URL(fileURLWithPath: "/usr/bin/env"), ["git", "-C", repository.path] + arguments)
    }

    static func run(_ executable: URL, _ arguments: [String]) throws -> Command {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("iamgraph-diff-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("stdout"), err = scratch.appendingPathComponent("stderr")
        try Data().write(to: out)
        try Data().write(to: err)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return Command(status: process.terminationStatus,
                       stdout: try String(contentsOf: out, encoding: .utf8),
                       stderr: try String(contentsOf: err, encoding: .utf8))
    }
}

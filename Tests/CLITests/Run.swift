import Foundation

/// The built `iamgraph` run to completion: stdout through a pipe (drained while it runs) or a pseudo-terminal, stderr
/// through a temporary file.
struct Run {
    let status: Int32
    let stdout: String
    let stderr: String

    /// The repository's root, for `samples/` and README.md.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let demo = root.appendingPathComponent("samples/demo").path
    static let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("iamgraph")

    /// Runs `iamgraph arguments`; with `terminalColumns`, stdout is a pseudo-terminal that many columns wide.
    static func iamgraph(_ arguments: [String], terminalColumns: Int? = nil, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["COLUMNS"] = nil
        env.merge(environment) { _, new in new }
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("iamgraph-cli-\(UUID().uuidString)")
        try Data().write(to: errors)
        defer { try? FileManager.default.removeItem(at: errors) }
        process.standardError = try FileHandle(forWritingTo: errors)

        let reader: FileHandle
        if let terminalColumns {
            let terminal = try PseudoTerminal(columns: terminalColumns)
            process.standardOutput = terminal.secondary
            try process.run()
            try terminal.secondary.close()
            reader = terminal.primary
        } else {
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            reader = pipe.fileHandleForReading
        }
        let output = Drain(reader)
        process.waitUntilExit()
        return Run(status: process.terminationStatus,
                   stdout: String(decoding: output.wait(), as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n"),
                   stderr: try String(contentsOf: errors, encoding: .utf8))
    }
}

/// Reads a handle to its end on another thread, so that a child writing much output never blocks.
final class Drain: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        DispatchQueue.global().async { [self] in
            // A pseudo-terminal's primary side reports EIO, not end of file, once the child has closed it.
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = read(handle.fileDescriptor, &buffer, buffer.count)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                data.append(contentsOf: buffer[..<count])
            }
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}

/// A pseudo-terminal of a given width: the child writes to `secondary`, the test reads `primary`.
struct PseudoTerminal {
    let primary: FileHandle
    let secondary: FileHandle

    struct Failure: Error { let call: String }

    /// glibc declares `posix_openpt`, `grantpt`, `unlockpt` and `ptsname` only for X/Open, which Swift's Glibc module
    /// does not ask for: they are looked up at run time.
    private static func function<T>(_ name: String, as type: T.Type) throws -> T {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), name) else { throw Failure(call: "dlsym \(name)") }
        return unsafeBitCast(symbol, to: type)
    }

    init(columns: Int) throws {
        typealias OnDescriptor = @convention(c) (Int32) -> Int32
        let openpt = try Self.function("posix_openpt", as: OnDescriptor.self)
        let grantpt = try Self.function("grantpt", as: OnDescriptor.self)
        let unlockpt = try Self.function("unlockpt", as: OnDescriptor.self)
        let ptsname = try Self.function("ptsname", as: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)
        let primary = openpt(O_RDWR | O_NOCTTY)
        guard primary >= 0 else { throw Failure(call: "posix_openpt") }
        guard grantpt(primary) == 0, unlockpt(primary) == 0, let name = ptsname(primary) else {
            close(primary)
            throw Failure(call: "grantpt/unlockpt/ptsname")
        }
        let secondary = open(name, O_RDWR | O_NOCTTY)
        guard secondary >= 0 else {
            close(primary)
            throw Failure(call: "open secondary")
        }
        var size = winsize(ws_row: 50, ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        guard ioctl(secondary, UInt(TIOCSWINSZ), &size) == 0 else {
            close(primary)
            close(secondary)
            throw Failure(call: "ioctl TIOCSWINSZ")
        }
        self.primary = FileHandle(fileDescriptor: primary, closeOnDealloc: true)
        self.secondary = FileHandle(fileDescriptor: secondary, closeOnDealloc: true)
    }
}

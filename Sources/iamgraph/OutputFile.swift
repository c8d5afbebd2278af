import ArgumentParser
import Foundation

/// Where a command's output goes: a file (written atomically, so a failed run never leaves half a file) or stdout.
struct OutputFile {
    let path: String

    init(_ path: String) { self.path = path }

    func write(_ data: Data, binary: Bool) throws {
        try write(binary: binary) { sink in try sink(data) }
    }

    /// Writes what `produce` hands to its sink, part by part: to stdout as it comes, or to a temporary file beside
    /// the destination that replaces it once complete.
    func write(binary: Bool, _ produce: ((Data) throws -> Void) throws -> Void) throws {
        try refuseBinaryTerminal(binary)
        try reportingFailures {
            if path == "-" {
                try produce { try FileHandle.standardOutput.write(contentsOf: $0) }
            } else if let device = try openDevice() {
                try produce { try device.write(contentsOf: $0) }
                try device.close()
            } else {
                try replaceFile(produce)
            }
        }
    }

    /// Writes a file that `build` makes in place at the path it is given (a database built by its library): in a
    /// temporary file beside the destination that replaces it once complete, or — for stdout and devices — in a
    /// temporary file that is then copied out a megabyte at a time and removed. Errors `build` throws reach the
    /// caller as they are.
    func write(binary: Bool, building build: (String) throws -> Void) throws {
        try refuseBinaryTerminal(binary)
        let destination = URL(fileURLWithPath: path)
        var inPlace = false  // a directory is refused here, before the build
        try reportingFailures { inPlace = try path != "-" && !isDevice() }
        let partial = inPlace ? partialFile(for: destination)
            : FileManager.default.temporaryDirectory.appendingPathComponent("iamgraph-\(getpid())-\(UUID().uuidString)")
        try? FileManager.default.removeItem(at: partial)  // a run killed earlier under the same process id
        defer { try? FileManager.default.removeItem(at: partial) }
        try build(partial.path)
        try reportingFailures {
            if inPlace {
                guard rename(partial.path, destination.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            } else {
                let built = try FileHandle(forReadingFrom: partial)
                defer { try? built.close() }
                try write(binary: binary) { sink in
                    while let chunk = try built.read(upToCount: 1 << 20), !chunk.isEmpty { try sink(chunk) }
                }
            }
        }
    }

    private func refuseBinaryTerminal(_ binary: Bool) throws {
        if path == "-" && binary && isatty(STDOUT_FILENO) != 0 {
            Console.error("iamgraph: refusing to write binary output to a terminal; use -o FILE or a pipe")
            throw ExitCode.validationFailure
        }
    }

    /// Runs `body`, turning a file-system error into a message on stderr and `ExitCode.otherFailure`.
    private func reportingFailures(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as ExitCode {
            throw error
        } catch {
            let reason = (error as? POSIXError).map { String(cString: strerror($0.code.rawValue)) } ?? (error as NSError).localizedDescription
            Console.error("iamgraph: cannot write \(path == "-" ? "to stdout" : path): \(reason)")
            throw ExitCode.otherFailure
        }
    }

    /// Whether the destination exists and is not a regular file (a device or FIFO, written in place).
    private func isDevice() throws -> Bool {
        var status = stat()
        guard stat(path, &status) == 0 else { return false }
        guard status.st_mode & S_IFMT != S_IFDIR else { throw POSIXError(.EISDIR) }
        return status.st_mode & S_IFMT != S_IFREG
    }

    /// The temporary file beside `destination` that replaces it once written.
    private func partialFile(for destination: URL) -> URL {
        destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).iamgraph-\(ProcessInfo.processInfo.processIdentifier)")
    }

    /// The destination opened for writing when it is not a regular file (`/dev/null`, `/dev/stderr`, a FIFO), which
    /// must be written in place: replacing it by a renamed file would delete the device (as root) or fail; `nil` for
    /// a regular file or a new one.
    private func openDevice() throws -> FileHandle? {
        guard try isDevice() else { return nil }
        let descriptor = open(path, O_WRONLY)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    private func replaceFile(_ produce: ((Data) throws -> Void) throws -> Void) throws {
        let destination = URL(fileURLWithPath: path)
        let partial = partialFile(for: destination)
        let descriptor = open(partial.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { try? FileManager.default.removeItem(at: partial) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        try produce { try handle.write(contentsOf: $0) }
        try handle.close()
        guard rename(partial.path, destination.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }
}

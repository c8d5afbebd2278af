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
        if path == "-" && binary && isatty(STDOUT_FILENO) != 0 {
            Console.error("iamgraph: refusing to write binary output to a terminal; use -o FILE or a pipe")
            throw ExitCode.validationFailure
        }
        do {
            if path == "-" {
                try produce { try FileHandle.standardOutput.write(contentsOf: $0) }
            } else if let device = try openDevice() {
                try produce { try device.write(contentsOf: $0) }
                try device.close()
            } else {
                try replaceFile(produce)
            }
        } catch let error as ExitCode {
            throw error
        } catch {
            let reason = (error as? POSIXError).map { String(cString: strerror($0.code.rawValue)) } ?? (error as NSError).localizedDescription
            Console.error("iamgraph: cannot write \(path == "-" ? "to stdout" : path): \(reason)")
            throw ExitCode.otherFailure
        }
    }

    /// The destination opened for writing when it is not a regular file (`/dev/null`, `/dev/stderr`, a FIFO), which
    /// must be written in place: replacing it by a renamed file would delete the device (as root) or fail; `nil` for
    /// a regular file or a new one.
    private func openDevice() throws -> FileHandle? {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG else { return nil }
        guard status.st_mode & S_IFMT != S_IFDIR else { throw POSIXError(.EISDIR) }
        let descriptor = open(path, O_WRONLY)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    private func replaceFile(_ produce: ((Data) throws -> Void) throws -> Void) throws {
        let destination = URL(fileURLWithPath: path)
        let partial = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).iamgraph-\(ProcessInfo.processInfo.processIdentifier)")
        let descriptor = open(partial.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { try? FileManager.default.removeItem(at: partial) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        try produce { try handle.write(contentsOf: $0) }
        try handle.close()
        guard rename(partial.path, destination.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }
}

import Foundation

/// Runs `git -C <repository> …` with an argument array, never through a shell, and waits for it.
struct GitCommand {
    let repository: URL

    /// Runs git with `arguments`. Its stdout is returned, or written to `output` when one is given (so large blobs go
    /// straight to their file); its stderr becomes the error's message.
    @discardableResult
    func run(_ arguments: [String], output: FileHandle? = nil) throws(GitSnapshotError) -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", repository.path] + arguments
        let stdout = Pipe(), stderr = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output ?? stdout
        process.standardError = stderr
        do {
            try process.run()
        } catch {
            throw .gitUnavailable((error as NSError).localizedDescription)
        }
        // git writes little to stderr, so reading stdout to its end first cannot block it.
        let data = output == nil ? stdout.fileHandleForReading.readDataToEndOfFile() : Data()
        let message = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw .gitFailed(arguments: arguments, status: process.terminationStatus,
                             message: String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return data
    }

    /// Runs git and returns its stdout as one trimmed line.
    func line(_ arguments: [String]) throws(GitSnapshotError) -> String {
        String(decoding: try run(arguments), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

import ArgumentParser
import Foundation

/// Where a command's output goes: a file (written atomically, so a failed run never leaves half a file) or stdout.
struct OutputFile {
    let path: String

    init(_ path: String) { self.path = path }

    func write(_ data: Data, binary: Bool) throws {
        if path == "-" {
            if binary && isatty(STDOUT_FILENO) != 0 {
                Console.error("iamgraph: refusing to write binary output to a terminal; use -o FILE or a pipe")
                throw ExitCode.validationFailure
            }
            FileHandle.standardOutput.write(data)
            return
        }
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            Console.error("iamgraph: cannot write \(path): \((error as NSError).localizedDescription)")
            throw ExitCode.otherFailure
        }
    }
}

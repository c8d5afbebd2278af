import ArgumentParser
import Foundation

/// A file the user names as input (an ignore file, a baseline report), read whole up to a size limit.
enum InputFile {
    /// The largest input file read, in bytes: far above any real ignore file or findings report.
    static let limit = 256 << 20

    /// The file's bytes, or a usage error (exit 64) saying why it cannot be read.
    static func read(_ path: String, purpose: String) throws -> Data {
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            let data = try handle.read(upToCount: limit + 1) ?? Data()
            guard data.count <= limit else {
                Console.error("iamgraph: \(purpose) \(path) is larger than \(limit >> 20) MiB")
                throw ExitCode.validationFailure
            }
            return data
        } catch let error as ExitCode {
            throw error
        } catch {
            Console.error("iamgraph: cannot read \(purpose) \(path): \(error.localizedDescription)")
            throw ExitCode.validationFailure
        }
    }
}

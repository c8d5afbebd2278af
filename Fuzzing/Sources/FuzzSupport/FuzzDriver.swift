import CLibFuzzer
import Foundation

/// Starts libFuzzer from a fuzz target's `main`.
package enum FuzzDriver {
    /// Runs libFuzzer with the process's arguments (its `-flags`, then corpus directories, or files to replay) and
    /// exits with its status. `target` is called once per input and must return 0. Built without `-sanitize=fuzzer`
    /// (a plain `swift build` of the package), there is no libFuzzer: each file argument is run once as an input and
    /// the process exits 0, or 2 when no file was given.
    package static func run(_ target: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
        guard iamgraph_fuzzer_linked() != 0 else { replay(target) }
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(iamgraph_fuzzer_run(&argc, &argv, target))
    }

    /// Each file named on the command line (libFuzzer's `-flags` skipped), once.
    private static func replay(_ target: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
        let files = CommandLine.arguments.dropFirst().filter { !$0.hasPrefix("-") }
        guard !files.isEmpty else {
            FileHandle.standardError.write(Data("""
                built without -sanitize=fuzzer: give input files to run each once, or fuzz with scripts/fuzz

                """.utf8))
            exit(2)
        }
        for file in files {
            guard let input = FileManager.default.contents(atPath: file) else {
                FileHandle.standardError.write(Data("cannot read \(file)\n".utf8))
                exit(1)
            }
            _ = input.withUnsafeBytes { bytes in
                target(bytes.bindMemory(to: UInt8.self).baseAddress, bytes.count)
            }
        }
        exit(0)
    }
}

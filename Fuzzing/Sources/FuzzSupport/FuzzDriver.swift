import CLibFuzzer
import Foundation

/// Starts libFuzzer from a fuzz target's `main`.
public enum FuzzDriver {
    /// Runs libFuzzer with the process's arguments (its `-flags`, then corpus directories, or files to replay) and
    /// exits with its status. `target` is called once per input and must return 0.
    public static func run(_ target: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, target))
    }
}

/// Keeps a value allocated until the process exits, instead of freeing it when the command is done with it.
///
/// A loaded account is hundreds of thousands of small allocations; freeing them one by one just before the process
/// ends costs CPU (a few per cent of `validate` on a large account) for memory the exit returns anyway. Only for a
/// value a command holds to its end: keeping one that would have been freed earlier would raise the peak.
enum KeptUntilExit {
    /// Takes `value` out of reference counting for the rest of the process.
    static func keep<Value>(_ value: Value) {
        _ = Unmanaged.passRetained(Holder(value))
    }

    private final class Holder<Value> {
        let value: Value
        init(_ value: Value) { self.value = value }
    }
}

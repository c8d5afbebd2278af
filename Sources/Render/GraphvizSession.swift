import CGraphviz
import Foundation

/// The one door to libgraphviz in this process: a lock, the shared `GVC_t` context and Graphviz's messages.
///
/// Graphviz is not thread-safe: cgraph, the layout engines and the renderers keep global state (the error handler,
/// the plugin registry, static buffers, the DOT parser), and parallel renders crash. So every Graphviz call, from
/// `agopen` to `agclose` and every use of the context, runs inside `perform`, under one process-wide lock. That is
/// what makes this class safe to share (`@unchecked Sendable`): its mutable state is only touched with the lock held.
///
/// The context is created on first use and kept for the life of the process (creating one loads the plugins).
/// Graphviz's errors and warnings go to a handler that collects them here instead of printing to stderr, so that a
/// failure can say what went wrong.
final class GraphvizSession: @unchecked Sendable {
    /// The process-wide session.
    static let shared = GraphvizSession()

    private let lock = NSLock()
    /// Guarded by `lock`.
    private var gvc: OpaquePointer?
    /// Guarded by `lock`: complete message lines, and the line being assembled from the handler's fragments.
    private var lines: [String] = []
    private var pending = ""
    private var handlerInstalled = false

    private init() {}

    /// Runs `body` with the lock held; `body` may make Graphviz calls and use `context()` and `messages()`.
    /// Do not call `perform` again from inside `body` (the lock is not recursive).
    func perform<T>(_ body: (GraphvizSession) throws -> T) rethrows -> T {
        lock.lock()
        defer {
            lines = []
            pending = ""
            lock.unlock()
        }
        if !handlerInstalled {
            _ = agseterrf(graphvizMessageHandler)
            handlerInstalled = true
        }
        lines = []
        pending = ""
        return try body(self)
    }

    /// The shared Graphviz context, created on first use. Only inside `perform`.
    func context() throws -> OpaquePointer {
        if let gvc { return gvc }
        guard let created = gvContext() else { throw RenderError.contextUnavailable }
        gvc = created
        return created
    }

    /// The messages Graphviz reported since `perform` began (cleaned of control characters, each bounded).
    /// Only inside `perform`.
    func messages() -> [String] {
        let all = pending.isEmpty ? lines : lines + [pending]
        return all.map { GraphvizText.truncate(GraphvizText.clean($0), to: 500).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// Called by the C handler (so with the lock held, during a Graphviz call made inside `perform`). cgraph hands
    /// over a message in pieces ("Error", ": ", the text with its newline).
    fileprivate func record(_ fragment: String) {
        pending += fragment
        while let newline = pending.firstIndex(of: "\n") {
            lines.append(String(pending[..<newline]))
            pending = String(pending[pending.index(after: newline)...])
        }
    }
}

/// cgraph's user error function: receives every warning and error instead of stderr.
private let graphvizMessageHandler: agusererrf = { message in
    if let message {
        GraphvizSession.shared.record(String(cString: message))
    }
    return 0
}

import Foundation

/// Fresh directories under the system's temporary directory, each with a unique name.
package enum TemporaryDirectory {
    /// A new, empty directory; the caller removes it (usually with `defer`).
    package static func make(_ prefix: String) throws -> URL {
        let url = path(prefix)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A unique path that does not exist yet, for code that must create the directory itself.
    package static func path(_ prefix: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    }

    /// A path as `path(_:)`, removed when the test process exits: for fixtures shared by a whole run.
    package static func removedAtExit(_ prefix: String) -> URL {
        let url = path(prefix)
        RemovalAtExit.shared.add(url)
        return url
    }

    /// The directories to remove when the process exits, and the one `atexit` handler that removes them.
    private final class RemovalAtExit: @unchecked Sendable {  // `urls` is only touched under `lock`
        static let shared = RemovalAtExit()
        private let lock = NSLock()
        private var urls: [URL] = []

        private init() {
            atexit { RemovalAtExit.shared.removeAll() }
        }

        func add(_ url: URL) {
            lock.withLock { urls.append(url) }
        }

        private func removeAll() {
            for url in lock.withLock({ urls }) { try? FileManager.default.removeItem(at: url) }
        }
    }
}

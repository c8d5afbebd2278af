import Foundation

/// A private copy of a snapshot directory in which one file at a time is replaced by a fuzz input and put back.
struct SnapshotWorkspace: Sendable {
    /// The copy.
    let directory: URL
    /// Every file of the snapshot by its path inside it, with its original bytes.
    private let originals: [String: Data]

    init(copying snapshot: URL) {
        let parent = FileManager.default.temporaryDirectory
            .appendingPathComponent("iamgraph-fuzz-snapshot-\(ProcessInfo.processInfo.processIdentifier)")
        directory = parent.appendingPathComponent("snapshot")
        var originals: [String: Data] = [:]
        do {
            try? FileManager.default.removeItem(at: parent)
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: snapshot, to: directory)
            for case let path as String in FileManager.default.enumerator(atPath: directory.path) ?? .init() {
                let file = directory.appendingPathComponent(path)
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory),
                      !isDirectory.boolValue else { continue }
                originals[path] = try Data(contentsOf: file)
            }
        } catch {
            fatalError("fuzz-snapshot: cannot copy \(snapshot.path) to \(directory.path): \(error)")
        }
        guard !originals.isEmpty else { fatalError("fuzz-snapshot: \(snapshot.path) has no files") }
        self.originals = originals
    }

    /// Runs `body` on the copy with the file at `path` holding `content`, then puts the original back. Does nothing
    /// for a path that is not one of the snapshot's files, so an input can never write elsewhere.
    func with(_ content: Data, as path: String, _ body: (URL) -> Void) {
        guard let original = originals[path] else { return }
        let file = directory.appendingPathComponent(path)
        write(content, to: file)
        defer { write(original, to: file) }
        body(directory)
    }

    /// Deletes the copy.
    func remove() {
        try? FileManager.default.removeItem(at: directory.deletingLastPathComponent())
    }

    private func write(_ data: Data, to file: URL) {
        do {
            try data.write(to: file)
        } catch {
            fatalError("fuzz-snapshot: cannot write \(file.path): \(error)")
        }
    }
}

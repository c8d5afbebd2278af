import Foundation
import Snapshot

/// Reads a snapshot directory as it is at a git revision, without a checkout: the directory's tree is listed with
/// `git ls-tree`, the files the snapshot format owns are copied with `git cat-file` into a temporary directory, read
/// with `SnapshotReader`, and the temporary directory is removed. The working tree, the index and the refs are never
/// touched.
package enum GitSnapshotReader {
    /// The snapshot at `path` in `revision` of the repository at `repository`.
    ///
    /// `path` is relative to `repository` (as in `git diff REV1 REV2 -- PATH`), which may be any directory inside the
    /// work tree; a path not found there is tried from the top of the work tree. The returned snapshot holds every
    /// file's bytes; its `directory` names the temporary copy, which no longer exists.
    ///
    /// - Throws: `GitSnapshotError` when git fails (unknown revision, no such path), the path is not a directory, or
    ///   the directory is not a readable snapshot.
    package static func load(revision: String, path: String, repository: URL) throws(GitSnapshotError) -> LoadedSnapshot {
        guard !revision.isEmpty, !revision.hasPrefix("-") else {
            throw .invalidArgument("invalid revision \"\(revision)\"")
        }
        guard !path.hasPrefix("/") else {
            throw .invalidArgument("\(path): give the snapshot's path relative to the repository, not an absolute path")
        }
        let git = GitCommand(repository: repository)
        // `REV:./PATH` is resolved relative to the directory git runs in, like a path on the command line;
        // `REV:PATH` from the top of the work tree.
        let relative = "\(revision):./\(path)", fromTop = "\(revision):\(path)"
        let spec = (try? git.line(["cat-file", "-e", relative])) != nil ? relative : fromTop
        let type = try git.line(["cat-file", "-t", spec])
        guard type == "tree" else { throw .notADirectory(revision: revision, path: path, type: type) }
        let tree = try git.line(["rev-parse", "--verify", spec])
        // --full-tree: run from a subdirectory, ls-tree would otherwise list only the entries under it.
        let listing = try git.run(["ls-tree", "--full-tree", "-r", "-z", tree])

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("iamgraph-git-\(UUID().uuidString)")
        try writingCopy { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false) }
        defer { try? FileManager.default.removeItem(at: directory) }
        for entry in listing.split(separator: 0) {
            guard let file = TreeEntry(entry), file.isRegularFile,
                  let first = file.components.first, SnapshotWriter.ownedNames.contains(first) else { continue }
            try copy(file, from: git, into: directory)
        }
        do {
            return try SnapshotReader.load(directory)
        } catch {
            throw .unreadable(revision: revision, path: path, error)
        }
    }

    private static func copy(_ file: TreeEntry, from git: GitCommand, into directory: URL) throws(GitSnapshotError) {
        let url = file.components.reduce(directory) { $0.appendingPathComponent($1) }
        let handle = try writingCopy {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
            return try FileHandle(forWritingTo: url)
        }
        defer { try? handle.close() }
        try git.run(["cat-file", "blob", file.object], output: handle)
    }

    /// Runs a step of writing the temporary copy, reporting its failure as `temporaryCopy`.
    private static func writingCopy<T>(_ step: () throws -> T) throws(GitSnapshotError) -> T {
        do {
            return try step()
        } catch {
            throw .temporaryCopy((error as NSError).localizedDescription)
        }
    }

    /// One line of `git ls-tree -r -z`: `<mode> SP <type> SP <object> TAB <path>`.
    private struct TreeEntry {
        let mode: String
        let object: String
        /// The path's components; never empty, `.` or `..`.
        let components: [String]

        init?(_ line: Data.SubSequence) {
            let text = String(decoding: line, as: UTF8.self)
            guard let tab = text.firstIndex(of: "\t") else { return nil }
            let fields = text[..<tab].split(separator: " ")
            let components = text[text.index(after: tab)...].split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3, fields[1] == "blob",
                  components.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else { return nil }
            mode = String(fields[0])
            object = String(fields[2])
            self.components = components
        }

        /// A plain or executable file (not a symbolic link).
        var isRegularFile: Bool { mode == "100644" || mode == "100755" }
    }
}

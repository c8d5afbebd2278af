import CFileSystem
import Foundation

/// Replaces a directory's content as one step: everything is written to a hidden staging sibling, which then takes
/// the destination's place in a single `rename(2)` exchange, so the destination always holds either the old content
/// or the new, never a mix and never nothing. Writers of one parent directory take turns (a lock on the parent), and
/// each first sweeps the staging directories that dead writers left (`StagingDirectory`).
///
/// A destination that is a symbolic link keeps being one: the link's final target is what gets replaced.
enum AtomicDirectory {
    /// Runs `body` with `destination`'s final target (symbolic links followed), holding its parent's lock, once the
    /// staging directories that dead writers left there are swept (where the file system cannot lock, neither
    /// happens). Creates the parent if needed.
    static func locked<T>(_ destination: URL, _ body: (_ target: URL) throws -> T) throws -> T {
        let target = try resolvingLinks(destination)
        let parent = target.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw SnapshotWriteError.io("cannot create \(parent.path)", underlying: error)
        }
        let lock = try DirectoryLock.acquire(parent)
        defer { withExtendedLifetime(lock) {} }
        if lock != nil { StagingDirectory.sweep(beside: target) }  // unlocked, a live writer's staging looks stale
        return try body(target)
    }

    /// Removes the staging directories that dead writers left beside `destination`, unless a live writer holds the
    /// parent's lock (it sweeps them itself). Returns what was removed or restored.
    @discardableResult
    static func sweep(beside destination: URL) -> [URL] {
        guard let target = try? resolvingLinks(destination),
              let lock = try? DirectoryLock.attempt(target.deletingLastPathComponent()) else { return [] }
        return withExtendedLifetime(lock) { StagingDirectory.sweep(beside: target) }
    }

    /// Replaces `target` (inside `locked`) with `files`, keeping the entries of an existing `target` that are not in
    /// `ownedNames`. Throws `SnapshotWriteError.interrupted` when `interruption` asks, having removed the staging.
    static func replace(_ target: URL, with files: [String: Data], ownedNames: Set<String>,
                        interruption: WriteInterruption?) throws {
        let fm = FileManager.default
        var kept: [String] = []
        if exists(target) {
            var isDirectory: ObjCBool = false
            let entries = (try? fm.contentsOfDirectory(atPath: target.path)) ?? []
            guard fm.fileExists(atPath: target.path, isDirectory: &isDirectory), isDirectory.boolValue,
                  entries.isEmpty || entries.contains(Manifest.fileName) else {
                throw SnapshotWriteError.notASnapshotDirectory(target)
            }
            kept = entries.filter { !ownedNames.contains($0) }
        }
        let staging = try stage(files, beside: target, interruption: interruption) { staging in
            for entry in kept {
                try fm.copyItem(at: target.appendingPathComponent(entry), to: staging.appendingPathComponent(entry))
            }
        }
        guard exists(target) else {
            return try move(staging, to: target)
        }
        if iamgraph_rename_exchange(staging.path, target.path) == 0 {
            try? fm.removeItem(at: staging)  // now the old content
            return
        }
        let code = errno
        guard code == EINVAL || code == ENOSYS else {
            try? fm.removeItem(at: staging)
            throw SnapshotWriteError.io("cannot move the new snapshot into \(target.path)", underlying: POSIXError.current(code))
        }
        // No exchange on this file system: move the old content aside, then the new in; a writer that dies in
        // between leaves the old content where the next one's sweep puts it back.
        let previous = StagingDirectory.url(beside: target, role: .previous)
        do {
            try fm.moveItem(at: target, to: previous)
        } catch {
            try? fm.removeItem(at: staging)
            throw SnapshotWriteError.io("cannot move \(target.path) aside", underlying: error)
        }
        do {
            try fm.moveItem(at: staging, to: target)
        } catch {
            try? fm.moveItem(at: previous, to: target)
            try? fm.removeItem(at: staging)
            throw SnapshotWriteError.io("cannot move the new snapshot into \(target.path)", underlying: error)
        }
        try? fm.removeItem(at: previous)
    }

    /// Writes `files` (inside `locked`) to a new directory beside `target` named `NAME.<suffix>`, or `NAME.<suffix>-2`
    /// and so on when that exists. Returns where it went.
    static func create(beside target: URL, suffix: String, with files: [String: Data],
                       interruption: WriteInterruption?) throws -> URL {
        let staging = try stage(files, beside: target, interruption: interruption) { _ in }
        let parent = target.deletingLastPathComponent()
        for attempt in 1...100 {
            let name = "\(target.lastPathComponent).\(suffix)" + (attempt == 1 ? "" : "-\(attempt)")
            let url = parent.appendingPathComponent(name)
            guard !exists(url) else { continue }
            try move(staging, to: url)
            return url
        }
        try? FileManager.default.removeItem(at: staging)
        throw SnapshotWriteError.io("cannot write beside \(target.path)", underlying: POSIXError(.EEXIST))
    }

    /// Whether anything (a dangling symbolic link included) is at `url`.
    static func exists(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0
    }

    /// Writes `files` and then `extra` to a fresh staging directory beside `target`, checking `interruption` between
    /// files; on any failure the staging directory is removed. Returns the staging directory.
    private static func stage(_ files: [String: Data], beside target: URL, interruption: WriteInterruption?,
                              extra: (URL) throws -> Void) throws -> URL {
        let fm = FileManager.default
        let staging = StagingDirectory.url(beside: target, role: .partial)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
            for (path, data) in files.sorted(by: { $0.key < $1.key }) {
                try interruption?.checkpoint()
                let url = staging.appendingPathComponent(path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            try extra(staging)
            try interruption?.checkpoint()
        } catch SnapshotWriteError.interrupted {
            try? fm.removeItem(at: staging)
            throw SnapshotWriteError.interrupted
        } catch {
            try? fm.removeItem(at: staging)
            throw SnapshotWriteError.io("cannot write \(staging.path)", underlying: error)
        }
        return staging
    }

    /// Renames `staging` to `url`, which must not exist; removes `staging` on failure.
    private static func move(_ staging: URL, to url: URL) throws {
        var result = iamgraph_rename_noreplace(staging.path, url.path)
        if result != 0, errno == EINVAL || errno == ENOSYS {
            result = rename(staging.path, url.path)
        }
        guard result == 0 else {
            let error = POSIXError.current()
            try? FileManager.default.removeItem(at: staging)
            throw SnapshotWriteError.io("cannot move the new snapshot to \(url.path)", underlying: error)
        }
    }

    /// `url` with symbolic links at its end followed to the final target, which may not exist yet.
    static func resolvingLinks(_ url: URL) throws -> URL {
        var current = url.standardizedFileURL
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current.path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            let link: String
            do {
                link = try FileManager.default.destinationOfSymbolicLink(atPath: current.path)
            } catch {
                throw SnapshotWriteError.io("cannot read the symbolic link \(current.path)", underlying: error)
            }
            current = (link.hasPrefix("/") ? URL(fileURLWithPath: link)
                       : current.deletingLastPathComponent().appendingPathComponent(link)).standardizedFileURL
        }
        throw SnapshotWriteError.io("cannot resolve \(url.path)", underlying: POSIXError(.ELOOP))
    }
}

import Foundation

/// Assembles a snapshot from raw API content and writes it atomically: everything goes to a temporary sibling
/// directory that replaces the destination only once complete, so an existing snapshot is never left half-written
/// (and, if asked, never replaced by a partial one that would lose collections).
package struct SnapshotWriter {
    /// Where a collection's content came from, as recorded in the manifest.
    package struct Source: Sendable {
        package var api: String
        package var endpoint: String
        package var query: String
        package var pages: Int

        package init(api: String, endpoint: String, query: String, pages: Int) {
            self.api = api
            self.endpoint = endpoint
            self.query = query
            self.pages = pages
        }
    }

    package private(set) var manifest: Manifest
    private var files: [String: Data] = [:]
    private var usage: [String: [String: Any]] = [:]
    private var activity: Any?
    private var mfa: Any?

    package init(toolVersion: String, accountID: String, fetchedAt: String, scope: Manifest.Scope) {
        manifest = Manifest(toolVersion: toolVersion, accountID: accountID, fetchedAt: fetchedAt, scope: scope)
    }

    /// Adds a collection fetched successfully; `content` has the collection's shape. `remark` is kept in the
    /// manifest entry's `message` (e.g. a complementary listing that failed).
    package mutating func add(_ kind: CollectionKind, content: Any, source: Source, remark: String? = nil) throws {
        add(kind, normalized: try NormalizedCollection(kind, content: content), source: source, remark: remark)
    }

    /// Adds a collection fetched successfully and already normalized (e.g. while other collections were fetched).
    package mutating func add(_ kind: CollectionKind, normalized: NormalizedCollection, source: Source, remark: String? = nil) {
        files[kind.fileName] = normalized.data
        usage.merge(normalized.usage) { _, new in new }
        manifest.collections[kind.name] = Manifest.CollectionEntry(
            api: source.api, endpoint: source.endpoint, query: source.query, file: kind.fileName,
            pages: source.pages, items: normalized.itemCount, sha256: SHA256Digest.hex(of: normalized.data), status: .ok,
            message: remark)
    }

    /// Records a collection that could not be read: it has no file and loads as unknown.
    package mutating func addUnavailable(_ kind: CollectionKind, source: Source, status: Manifest.Status,
                                        httpStatus: Int, message: String) {
        files[kind.fileName] = nil
        manifest.collections[kind.name] = Manifest.CollectionEntry(
            api: source.api, endpoint: source.endpoint, query: source.query, pages: source.pages,
            status: status, httpStatus: httpStatus, message: message)
    }

    /// Adds policy usage fields that arrived separately (e.g. from an existing volatile file).
    package mutating func addPolicyUsage(_ entries: [String: [String: Any]]) {
        usage.merge(entries) { _, new in new }
    }

    /// What the manifest says about a re-seal by hand (`Manifest.resealed`); `nil` for a fetch.
    package var resealed: String? {
        get { manifest.resealed }
        set { manifest.resealed = newValue }
    }

    /// Sets the identity activity report, kept in the volatile area.
    package mutating func setActivity(_ report: Any) {
        activity = report
    }

    /// Sets the MFA enrolment report, kept in the volatile area.
    package mutating func setMFA(_ report: Any) {
        mfa = report
    }

    /// Every file of the snapshot, by path relative to the snapshot directory, with the final manifest.
    package func renderedFiles() throws -> [String: Data] {
        try rendered().files
    }

    /// The files and the final manifest (the collections' entries plus the volatile area's).
    private func rendered() throws -> (files: [String: Data], manifest: Manifest) {
        var all = files
        var manifest = manifest
        manifest.volatile = [:]
        let volatile: [(key: String, file: String, content: Any, count: Int)] =
            [(VolatileArea.policyUsage.key, VolatileArea.policyUsage.file, usage, usage.count)]
            + (activity.map { [(VolatileArea.activity.key, VolatileArea.activity.file, $0, 1)] } ?? [])
            + (mfa.map { [(VolatileArea.mfa.key, VolatileArea.mfa.file, $0, 1)] } ?? [])
        for entry in volatile {
            let data = try CanonicalJSON.data(entry.content)
            all[entry.file] = data
            manifest.volatile[entry.key] = Manifest.VolatileEntry(file: entry.file, items: entry.count,
                                                                  sha256: SHA256Digest.hex(of: data))
        }
        all[Manifest.fileName] = try CanonicalJSON.data(encoding: manifest)
        return (all, manifest)
    }

    /// Writes the snapshot to `directory` atomically (a symbolic link is followed and kept) and returns the manifest
    /// as written and where the snapshot went. A complete snapshot replaces what is there; a partial one does too
    /// unless `partial` is `.keepWhatWouldBeLost` and the snapshot in place holds something the new one lacks — then
    /// that one is left as it was and the new one is written beside it. An identity-scope snapshot counts as partial
    /// here: it never replaces one of the account (or of another identity) unless `partial` is `.replace`. Files in an existing snapshot directory that
    /// are not part of the format (a README, `.gitkeep`) are kept. `interruption` can stop the write cleanly.
    @discardableResult
    package func write(to directory: URL, partial: PartialSnapshotPolicy = .replace,
                      interruption: WriteInterruption? = nil) throws -> (manifest: Manifest, placement: SnapshotPlacement) {
        let (files, manifest) = try rendered()
        try interruption?.begin()
        var committed = false
        defer { interruption?.end(committed: committed) }
        let placement = try AtomicDirectory.locked(directory) { target in
            if partial == .keepWhatWouldBeLost, !manifest.isComplete || manifest.scope.kind == .identity,
               let reason = Self.reasonToKeep(target, for: manifest) {
                let beside = try AtomicDirectory.create(beside: target, suffix: "partial-" + Self.compact(manifest.fetchedAt),
                                                        with: files, interruption: interruption)
                return SnapshotPlacement.beside(beside, reason: reason)
            }
            try AtomicDirectory.replace(target, with: files, ownedNames: Self.ownedNames, interruption: interruption)
            return .inPlace
        }
        committed = true
        return (manifest, placement)
    }

    /// Removes the staging directories that fetches which died (SIGKILL, power loss) left beside `directory`; a
    /// directory a running write uses is never touched. Returns what was removed (or put back in place).
    @discardableResult
    package static func removeStaleStaging(beside directory: URL) -> [URL] {
        AtomicDirectory.sweep(beside: directory)
    }

    /// Why the snapshot in `target` must not be replaced by `manifest`'s, or `nil` when nothing would be lost.
    private static func reasonToKeep(_ target: URL, for manifest: Manifest) -> SnapshotPlacement.KeptReason? {
        guard AtomicDirectory.exists(target.appendingPathComponent(Manifest.fileName)) else { return nil }
        guard let previous = existingManifest(in: target) else { return .unreadableManifest }
        if manifest.scope.kind == .identity, previous.scope != manifest.scope { return .otherScope(previous.scope) }
        let lost = manifest.collectionsLost(replacing: previous)
        return lost.isEmpty ? nil : .wouldLose(lost)
    }

    /// The manifest of the snapshot in `directory`, or `nil` when there is none or it cannot be read (larger than
    /// `maxManifestBytes`, not a regular file, reached through a symbolic link that leads out of `directory`, not a
    /// manifest).
    package static func existingManifest(in directory: URL) -> Manifest? {
        guard case .success(let url) = ContainedPath.resolve(Manifest.fileName, in: directory) else { return nil }
        var info = stat()
        guard stat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG,  // not a FIFO that would block the read
              let handle = try? FileHandle(forReadingFrom: url),
              let data = try? handle.read(upToCount: maxManifestBytes + 1), data.count <= maxManifestBytes else { return nil }
        return try? JSONDecoder().decode(Manifest.self, from: data)
    }

    /// The largest manifest read to decide whether a partial snapshot may replace it (real ones are a few KB).
    static let maxManifestBytes = 4 << 20

    /// `2026-01-02T03:04:05Z` as `20260102T030405Z`, for directory names.
    private static func compact(_ timestamp: String) -> String {
        String(timestamp.filter { $0.isLetter || $0.isNumber })
    }

    /// Names at the top of a snapshot directory that the format owns.
    package static let ownedNames: Set<String> =
        Set(CollectionKind.allCases.map(\.fileName)).union([Manifest.fileName, VolatileArea.directory])
}

import Foundation

/// Assembles a snapshot from raw API content and writes it atomically: everything goes to a temporary sibling
/// directory that replaces the destination only once complete, so an existing snapshot is never left half-written.
public struct SnapshotWriter {
    /// Where a collection's content came from, as recorded in the manifest.
    public struct Source: Sendable {
        public var api: String
        public var endpoint: String
        public var query: String
        public var pages: Int

        public init(api: String, endpoint: String, query: String, pages: Int) {
            self.api = api
            self.endpoint = endpoint
            self.query = query
            self.pages = pages
        }
    }

    public private(set) var manifest: Manifest
    private var files: [String: Data] = [:]
    private var usage: [String: [String: Any]] = [:]
    private var activity: Any?

    public init(toolVersion: String, accountID: String, fetchedAt: String, scope: Manifest.Scope) {
        manifest = Manifest(toolVersion: toolVersion, accountID: accountID, fetchedAt: fetchedAt, scope: scope)
    }

    /// Adds a collection fetched successfully; `content` has the collection's shape. `remark` is kept in the
    /// manifest entry's `message` (e.g. a complementary listing that failed).
    public mutating func add(_ kind: CollectionKind, content: Any, source: Source, remark: String? = nil) throws {
        add(kind, normalized: try NormalizedCollection(kind, content: content), source: source, remark: remark)
    }

    /// Adds a collection fetched successfully and already normalized (e.g. while other collections were fetched).
    public mutating func add(_ kind: CollectionKind, normalized: NormalizedCollection, source: Source, remark: String? = nil) {
        files[kind.fileName] = normalized.data
        usage.merge(normalized.usage) { _, new in new }
        manifest.collections[kind.name] = Manifest.CollectionEntry(
            api: source.api, endpoint: source.endpoint, query: source.query, file: kind.fileName,
            pages: source.pages, items: normalized.itemCount, sha256: SHA256Digest.hex(of: normalized.data), status: .ok,
            message: remark)
    }

    /// Records a collection that could not be read: it has no file and loads as unknown.
    public mutating func addUnavailable(_ kind: CollectionKind, source: Source, status: Manifest.Status,
                                        httpStatus: Int, message: String) {
        files[kind.fileName] = nil
        manifest.collections[kind.name] = Manifest.CollectionEntry(
            api: source.api, endpoint: source.endpoint, query: source.query, pages: source.pages,
            status: status, httpStatus: httpStatus, message: message)
    }

    /// Adds policy usage fields that arrived separately (e.g. from an existing volatile file).
    public mutating func addPolicyUsage(_ entries: [String: [String: Any]]) {
        usage.merge(entries) { _, new in new }
    }

    /// What the manifest says about a re-seal by hand (`Manifest.resealed`); `nil` for a fetch.
    public var resealed: String? {
        get { manifest.resealed }
        set { manifest.resealed = newValue }
    }

    /// Sets the identity activity report, kept in the volatile area.
    public mutating func setActivity(_ report: Any) {
        activity = report
    }

    /// Every file of the snapshot, by path relative to the snapshot directory, with the final manifest.
    public func renderedFiles() throws -> [String: Data] {
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
        for entry in volatile {
            let data = try CanonicalJSON.data(entry.content)
            all[entry.file] = data
            manifest.volatile[entry.key] = Manifest.VolatileEntry(file: entry.file, items: entry.count,
                                                                  sha256: SHA256Digest.hex(of: data))
        }
        all[Manifest.fileName] = try CanonicalJSON.data(encoding: manifest)
        return (all, manifest)
    }

    /// Writes the snapshot to `directory`, replacing a snapshot already there only when the new one is complete.
    /// Files in an existing snapshot directory that are not part of the format (a README, `.gitkeep`) are kept.
    /// Returns the manifest as written.
    @discardableResult
    public func write(to directory: URL) throws -> Manifest {
        let (files, manifest) = try rendered()
        try AtomicDirectory.replace(directory, with: files, ownedNames: Self.ownedNames)
        return manifest
    }

    /// Names at the top of a snapshot directory that the format owns.
    public static let ownedNames: Set<String> =
        Set(CollectionKind.allCases.map(\.fileName)).union([Manifest.fileName, VolatileArea.directory])
}

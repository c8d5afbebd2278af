import Foundation

/// Seals a snapshot directory again after its files were edited: every readable collection is re-added from its
/// parsed content (items sorted, files canonical), and the manifest's item counts and SHA-256 sums are recomputed, so
/// the snapshot validates. iamgraph's one re-seal: `iamgraph reseal`, `iamgraph-samples seal` and the tests use it.
package struct Resealer {
    /// Works out the source to record for each collection from every readable collection's content (`iamgraph-samples
    /// seal` records what a fetch would); without it, the sources the manifest records are kept.
    package typealias Sources = (_ contents: [CollectionKind: Any]) -> (_ kind: CollectionKind, _ content: Any) -> SnapshotWriter.Source

    /// Another fetch time, or `nil` to keep the manifest's.
    package var fetchedAt: String?
    /// Another account id, or `nil` to keep the manifest's.
    package var accountID: String?
    /// Collections recorded as forbidden (HTTP 403), whatever their files hold.
    package var forbidden: Set<CollectionKind>
    package var sources: Sources?
    /// What the manifest records about the re-seal (`Manifest.resealed`); `nil` records nothing.
    package var note: String?

    package init(fetchedAt: String? = nil, accountID: String? = nil, forbidden: Set<CollectionKind> = [],
                sources: Sources? = nil, note: String? = nil) {
        self.fetchedAt = fetchedAt
        self.accountID = accountID
        self.forbidden = forbidden
        self.sources = sources
        self.note = note
    }

    /// Why a snapshot cannot be re-sealed.
    package enum Failure: Error, CustomStringConvertible {
        /// The manifest names a collection this version of iamgraph does not know.
        case unknownCollection(String)
        /// A collection file the manifest lists is missing or not JSON.
        case unreadableFile(String)

        package var description: String {
            switch self {
            case .unknownCollection(let name): "the manifest lists an unknown collection \"\(name)\""
            case .unreadableFile(let file): "\(file) is missing or not valid JSON"
            }
        }
    }

    /// Re-seals `directory` in place (atomically: the old snapshot stays if anything fails) and returns the manifest
    /// written. Throws when the manifest or a readable collection's file cannot be read or parsed.
    @discardableResult
    package func reseal(_ directory: URL) throws -> Manifest {
        let manifest = try JSONDecoder().decode(Manifest.self, from: Self.read(Manifest.fileName, in: directory))
        var entries: [(kind: CollectionKind, entry: Manifest.CollectionEntry)] = []
        for (name, entry) in manifest.collections.sorted(by: { $0.key < $1.key }) {
            guard let kind = CollectionKind(rawValue: name) else { throw Failure.unknownCollection(name) }
            entries.append((kind, entry))
        }
        var contents: [CollectionKind: Any] = [:]
        for (kind, entry) in entries where entry.status == .ok && !forbidden.contains(kind) {
            do {
                contents[kind] = try CanonicalJSON.parse(Self.read(kind.fileName, in: directory))
            } catch {
                throw Failure.unreadableFile(kind.fileName)
            }
        }
        let source = sources?(contents)
        var writer = SnapshotWriter(toolVersion: manifest.toolVersion, accountID: accountID ?? manifest.accountID,
                                    fetchedAt: fetchedAt ?? manifest.fetchedAt, scope: manifest.scope)
        for (kind, entry) in entries {
            let recorded = SnapshotWriter.Source(api: entry.api, endpoint: entry.endpoint, query: entry.query, pages: entry.pages)
            if let content = contents[kind] {
                try writer.add(kind, content: content, source: source?(kind, content) ?? recorded, remark: entry.message)
            } else if forbidden.contains(kind) {
                writer.addUnavailable(kind, source: recorded, status: .forbidden, httpStatus: 403,
                                      message: entry.message ?? "You are not authorized")
            } else {
                writer.addUnavailable(kind, source: recorded, status: entry.status, httpStatus: entry.httpStatus ?? 0,
                                      message: entry.message ?? "")
            }
        }
        if let usage = try? CanonicalJSON.parse(Self.read(VolatileArea.policyUsage.file, in: directory)),
           let entries = usage as? [String: [String: Any]] {
            writer.addPolicyUsage(entries)
        }
        if let activity = try? CanonicalJSON.parse(Self.read(VolatileArea.activity.file, in: directory)) {
            writer.setActivity(activity)
        }
        if let mfa = try? CanonicalJSON.parse(Self.read(VolatileArea.mfa.file, in: directory)) {
            writer.setMFA(mfa)
        }
        writer.resealed = note
        return try writer.write(to: directory).manifest
    }

    /// A file of the snapshot, read only if it is inside `directory` (never through a link leading out of it).
    private static func read(_ file: String, in directory: URL) throws -> Data {
        switch ContainedPath.resolve(file, in: directory) {
        case .success(let url): return try Data(contentsOf: url)
        case .failure(let refusal): throw refusal
        }
    }
}

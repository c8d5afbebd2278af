import Foundation
import Snapshot

/// Seals a snapshot directory again after its collection files were edited: every collection is re-added from its
/// parsed content with the sources its manifest records, so item counts and SHA-256 sums match and it validates.
enum Reseal {
    struct UnknownCollection: Error { let name: String }

    /// Reseals `directory`, optionally with another fetch time, account id, or collections made unavailable.
    static func reseal(_ directory: URL, fetchedAt: String? = nil, accountID: String? = nil,
                       forbidden: Set<CollectionKind> = []) throws {
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: directory.appendingPathComponent(Manifest.fileName)))
        var writer = SnapshotWriter(toolVersion: manifest.toolVersion, accountID: accountID ?? manifest.accountID,
                                    fetchedAt: fetchedAt ?? manifest.fetchedAt, scope: manifest.scope)
        for (name, entry) in manifest.collections.sorted(by: { $0.key < $1.key }) {
            guard let kind = CollectionKind(rawValue: name) else { throw UnknownCollection(name: name) }
            let source = SnapshotWriter.Source(api: entry.api, endpoint: entry.endpoint, query: entry.query, pages: entry.pages)
            if entry.status == .ok && !forbidden.contains(kind) {
                let content = try CanonicalJSON.parse(Data(contentsOf: directory.appendingPathComponent(kind.fileName)))
                try writer.add(kind, content: content, source: source, remark: entry.message)
            } else {
                writer.addUnavailable(kind, source: source, status: .forbidden, httpStatus: 403,
                                      message: entry.message ?? "You are not authorized")
            }
        }
        let usage = try CanonicalJSON.parse(Data(contentsOf: directory.appendingPathComponent(VolatileArea.policyUsage.file)))
        writer.addPolicyUsage(usage as? [String: [String: Any]] ?? [:])
        try writer.write(to: directory)
    }
}

import Model
import Snapshot

/// The collections whose content the account does not know — not fetched (forbidden, failed), missing, or a file the
/// loader could not read (not JSON, or not the collection's shape) — in the SQLite export: each table is left empty,
/// as the account is, even when the scan found whole items in a damaged file before the damage, so that the tables,
/// the effective access and the findings (`collection-unknown`) tell one story; `meta` names each with the reason.
enum SQLiteUnknownCollections {
    /// A collection whose table is empty because its content is unknown.
    struct Collection: Equatable {
        let kind: CollectionKind
        /// Why, as the reader and the loader say it (e.g. `file unreadable: malformed JSON: …`).
        let reason: String

        /// The `meta` row's key: `unknown:` and the table's name.
        var metaKey: String { "unknown:" + kind.rawValue }

        /// What the export says on stderr.
        var note: String {
            "the snapshot could not read \(kind.fileName) (\(reason)): its table \(kind.rawValue) is empty and meta's "
                + "\(metaKey) says why"
        }
    }

    /// Empties the table of every collection the account does not know, and returns them in `CollectionKind` order.
    static func mark(_ analysis: SQLiteAnalysis, in database: SQLiteDatabase) throws(SQLiteError) -> [Collection] {
        var marked: [Collection] = []
        for (kind, why) in analysis.index.account.unknown.sorted(by: { $0.key < $1.key }) {
            try database.execute("DELETE FROM \(kind.rawValue)")  // our own identifier, [a-z_]
            let problems = analysis.problems.filter { $0.file == kind.fileName && $0.severity == .error }.map(\.message)
            marked.append(Collection(kind: kind, reason: why.description + (problems.isEmpty ? "" : ": " + problems.joined(separator: "; "))))
        }
        return marked
    }
}

import Analysis
import Foundation
import Model
import Snapshot

/// A snapshot as a SQLite database (docs/exports.md): one table per `CollectionKind` — each item's raw JSON plus the
/// fields people filter on — the effective access of every identity (`SQLiteEffectiveAccess`), and the findings of
/// `iamgraph report`. Every value goes in as a bound parameter.
package enum SQLiteExport {
    package static let formatName = "iamgraph-sqlite"
    package static let version = 1

    /// Builds the database in the file at `path`, which must be new or empty: the caller writes it beside its
    /// destination and renames it into place once this returns, so a failed export never leaves half a database
    /// where one was asked for. That is why SQLite keeps no rollback journal and does not sync here: the file is
    /// whole or discarded. The tables' indexes are built after their rows, which is faster than keeping them while
    /// their rows go in.
    ///
    /// `findings` is asked for last, after every other table: the caller can work the report out on another thread
    /// meanwhile (`ExportOutput` does).
    package static func write(_ snapshot: LoadedSnapshot, index: AccessIndex, findings: () -> FindingsReport,
                             to path: String) throws(SQLiteError) {
        let database = try SQLiteDatabase(path: path)
        try database.execute("PRAGMA journal_mode = OFF")
        try database.execute("PRAGMA synchronous = OFF")
        try database.execute("BEGIN")
        try writeMeta(database, account: index.account)
        for kind in CollectionKind.allCases { try writeCollection(kind, snapshot: snapshot, to: database) }
        try SQLiteEffectiveAccess.write(index, to: database)
        try writeFindings(findings(), to: database)
        try database.execute("COMMIT")
    }

    // MARK: meta

    private static func writeMeta(_ database: SQLiteDatabase, account: IAMAccount) throws(SQLiteError) {
        try database.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        try database.insert("INSERT INTO meta (key, value) VALUES (?, ?)", [
            [.text("format"), .text(formatName)], [.text("version"), .text(String(version))],
            [.text("account_id"), .text(account.accountID)], [.text("account_name"), .init(account.info?.name)],
            [.text("fetched_at"), .text(account.fetchedAt.raw)],
        ])
    }

    // MARK: collections

    /// The columns every collection table has besides `json`: the item's id, its parent's id (per-parent collections,
    /// and the role array of `roles`), and the fields people filter on, `NULL` where an item has none.
    static let itemColumns = ["id", "parent_id", "name", "iam_id", "crn", "type", "state"]

    private static func writeCollection(_ kind: CollectionKind, snapshot: LoadedSnapshot,
                                        to database: SQLiteDatabase) throws(SQLiteError) {
        let table = kind.rawValue  // our own identifier, [a-z_]
        let columns = itemColumns.map { "\($0) TEXT" }.joined(separator: ", ")
        try database.execute("CREATE TABLE \(table) (\(columns), json TEXT NOT NULL)")
        if let file = snapshot.files[kind] {
            let placeholders = Array(repeating: "?", count: itemColumns.count + 1).joined(separator: ", ")
            let insert = try database.prepare(
                "INSERT INTO \(table) (\(itemColumns.joined(separator: ", ")), json) VALUES (\(placeholders))")
            try forEachRow(of: kind, file) { (row) throws(SQLiteError) in try insert.insert(row) }
        }
        try database.execute("CREATE INDEX \(table)_id ON \(table) (id)")
        if kind.shape == .perParent || kind.shape == .roles {
            try database.execute("CREATE INDEX \(table)_parent_id ON \(table) (parent_id)")
        }
    }

    /// The rows of a collection file's items, each item read on its own, with its parent's id where the collection
    /// has parents.
    private static func forEachRow(of kind: CollectionKind, _ file: Data,
                                   _ body: ([SQLiteDatabase.Value]) throws(SQLiteError) -> Void) throws(SQLiteError) {
        switch kind.shape {
        case .object:
            if let row = (try? JSONSerialization.jsonObject(with: file)).flatMap({ row(kind, $0, parent: nil) }) {
                try body(row)
            }
        case .list, .perParent, .roles:
            try JSONItemScanner.forEachItem(in: file, perParent: kind.shape != .list) { (item, parent) throws(SQLiteError) in
                if let row = row(kind, item, parent: parent) { try body(row) }
            }
        }
    }

    /// The keys of an item's filter columns after `id` and `parent_id`, in `itemColumns`' order: `name` is the
    /// first of the three name keys the item has as text.
    private static let fieldKeys = ["name", "email", "display_name", "iam_id", "crn", "type", "state"]

    /// An item's row from its bytes: read without Foundation when `CanonicalItem` can (a canonical snapshot's items),
    /// else parsed by Foundation; `nil` for an item that is not a JSON object.
    private static func row(_ kind: CollectionKind, _ item: UnsafeRawBufferPointer, parent: String?) -> [SQLiteDatabase.Value]? {
        guard let read = CanonicalItem(item, keys: [kind.idKey] + fieldKeys) else {
            return (try? JSONSerialization.jsonObject(with: Data(item))).flatMap { row(kind, $0, parent: parent) }
        }
        let field = read.strings
        return [.init(field[0]), .init(parent), .init(field[1] ?? field[2] ?? field[3]), .init(field[4]), .init(field[5]),
                .init(field[6]), .init(field[7]), .text(String(decoding: read.text, as: UTF8.self))]
    }

    /// An item's row: its filter columns and its canonical JSON; `nil` for an item that is not a JSON object.
    private static func row(_ kind: CollectionKind, _ item: Any, parent: String?) -> [SQLiteDatabase.Value]? {
        guard let object = item as? [String: Any], let json = try? CanonicalJSON.data(object) else { return nil }
        let name = text(object["name"]) ?? text(object["email"]) ?? text(object["display_name"])
        return [.init(text(object[kind.idKey])), .init(parent), .init(name), .init(text(object["iam_id"])),
                .init(text(object["crn"])), .init(text(object["type"])), .init(text(object["state"])),
                .text(String(decoding: json, as: UTF8.self))]
    }

    /// A scalar JSON value as text.
    private static func text(_ value: Any?) -> String? {
        switch value {
        case let string as String: string
        case let number as NSNumber: number.stringValue
        default: nil
        }
    }

    // MARK: findings

    private static func writeFindings(_ report: FindingsReport, to database: SQLiteDatabase) throws(SQLiteError) {
        try database.execute("""
            CREATE TABLE findings (finding INTEGER PRIMARY KEY, rule TEXT NOT NULL, severity TEXT NOT NULL,
              title TEXT NOT NULL, why TEXT NOT NULL)
            """)
        try database.execute("""
            CREATE TABLE finding_entities (finding INTEGER NOT NULL REFERENCES findings (finding), position INTEGER NOT NULL,
              kind TEXT NOT NULL, id TEXT NOT NULL, name TEXT, collection TEXT)
            """)
        try database.execute("CREATE INDEX findings_rule ON findings (rule)")
        try database.execute("CREATE INDEX finding_entities_id ON finding_entities (id)")
        var findings: [[SQLiteDatabase.Value]] = []
        var entities: [[SQLiteDatabase.Value]] = []
        for (number, finding) in report.findings.enumerated() {
            findings.append([.integer(number + 1), .text(finding.rule.rawValue), .text(finding.severity.rawValue),
                             .text(finding.title), .text(finding.why)])
            for (position, entity) in finding.entities.enumerated() {
                entities.append([.integer(number + 1), .integer(position), .text(entity.kind.rawValue), .text(entity.id),
                                 .init(entity.name), .init(entity.collection?.rawValue)])
            }
        }
        try database.insert("INSERT INTO findings (finding, rule, severity, title, why) VALUES (?, ?, ?, ?, ?)", findings)
        try database.insert("""
            INSERT INTO finding_entities (finding, position, kind, id, name, collection) VALUES (?, ?, ?, ?, ?, ?)
            """, entities)
    }
}

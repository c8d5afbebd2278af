import Foundation
import Snapshot

/// A collection's table in the SQLite export: one row per item of the collection's file — the item's id, its
/// parent's id, the fields people filter on and its canonical JSON — read from the file's bytes alone, so the table
/// can go in before (and while) the account is decoded.
///
/// The items are found by `JSONItemScanner` and read in runs of about `runBytes` on two threads (`OrderedRuns`)
/// while the calling thread inserts the rows of the runs before, in file order.
enum SQLiteCollectionTable {
    /// The columns every collection table has besides `json`: the item's id, its parent's id (per-parent collections,
    /// and the role array of `roles`), and the fields people filter on, `NULL` where an item has none.
    static let itemColumns = ["id", "parent_id", "name", "iam_id", "crn", "type", "state"]

    /// Bytes of items per run: a few hundred items of a large account.
    static let runBytes = 256 << 10

    /// A row: the values bound to `itemColumns` and `json`, in order.
    typealias Row = [SQLiteDatabase.Value]

    /// A collection's file and where its items are, found before its table goes in (on another thread while the
    /// table before it does: `SQLiteExport`).
    struct ScannedFile: Sendable {
        let file: Data
        /// The items of a list or per-parent file (`JSONItemScanner`); `nil` for an object, read whole.
        let items: [JSONItemScanner.Item]?

        init(_ kind: CollectionKind, _ file: Data) {
            self.file = file
            switch kind.shape {
            case .object: items = nil
            case .list, .perParent, .roles: items = JSONItemScanner.items(in: file, perParent: kind.shape != .list)
            }
        }
    }

    /// Creates `kind`'s table, with `file`'s rows (none without a file), and its indexes.
    static func write(_ kind: CollectionKind, file: Data?, to database: SQLiteDatabase) throws(SQLiteError) {
        try write(kind, scanned: file.map { ScannedFile(kind, $0) }, to: database)
    }

    /// Creates `kind`'s table, with the rows of the file `scanned` (none without a file), and its indexes.
    static func write(_ kind: CollectionKind, scanned: ScannedFile?, to database: SQLiteDatabase) throws(SQLiteError) {
        let table = kind.rawValue  // our own identifier, [a-z_]
        let columns = itemColumns.map { "\($0) TEXT" }.joined(separator: ", ")
        try database.execute("CREATE TABLE \(table) (\(columns), json TEXT NOT NULL)")
        if let scanned {
            let placeholders = Array(repeating: "?", count: itemColumns.count + 1).joined(separator: ", ")
            let insert = try database.prepare(
                "INSERT INTO \(table) (\(itemColumns.joined(separator: ", ")), json) VALUES (\(placeholders))")
            try forEachRun(of: kind, scanned) { (rows) throws(SQLiteError) in
                for row in rows { try insert.insert(row) }
            }
        }
        try database.execute("CREATE INDEX \(table)_id ON \(table) (id)")
        if kind.shape == .perParent || kind.shape == .roles {
            try database.execute("CREATE INDEX \(table)_parent_id ON \(table) (parent_id)")
        }
    }

    /// Hands the rows of a collection file's items to `body` a run at a time, in file order: each item read on its
    /// own, with its parent's id where the collection has parents.
    static func forEachRun(of kind: CollectionKind, _ scanned: ScannedFile,
                           _ body: ([Row]) throws(SQLiteError) -> Void) throws(SQLiteError) {
        let file = scanned.file
        guard let items = scanned.items else {
            try body((try? JSONSerialization.jsonObject(with: file)).flatMap { row(kind, $0, parent: nil) }.map { [$0] } ?? [])
            return
        }
        let runs = OrderedRuns.ranges(count: items.count, target: runBytes) { items[$0].bytes.count }
        do {
            try OrderedRuns.write(count: runs.count, state: {}, make: { run, _ in
                file.withUnsafeBytes { bytes in
                    items[runs[run]].compactMap { item in
                        row(kind, UnsafeRawBufferPointer(rebasing: bytes[item.bytes]), parent: item.parent)
                    }
                }
            }, to: { (rows: [Row]) throws(SQLiteError) in try body(rows) })
        } catch let error as SQLiteError {
            throw error
        } catch {
            throw SQLiteError(operation: "read \(kind.fileName)", message: "\(error)")  // `make` throws nothing
        }
    }

    /// The keys of an item's filter columns after `id` and `parent_id`, in `itemColumns`' order: `name` is the
    /// first of the three name keys the item has as text.
    private static let fieldKeys = ["name", "email", "display_name", "iam_id", "crn", "type", "state"]

    /// An item's row from its bytes: read without Foundation when `CanonicalItem` can (a canonical snapshot's items),
    /// else parsed by Foundation; `nil` for an item that is not a JSON object.
    private static func row(_ kind: CollectionKind, _ item: UnsafeRawBufferPointer, parent: String?) -> Row? {
        guard let read = CanonicalItem(item, keys: [kind.idKey] + fieldKeys) else {
            return (try? JSONSerialization.jsonObject(with: Data(item))).flatMap { row(kind, $0, parent: parent) }
        }
        let field = read.strings
        return [.init(field[0]), .init(parent), .init(field[1] ?? field[2] ?? field[3]), .init(field[4]), .init(field[5]),
                .init(field[6]), .init(field[7]), .utf8(read.text)]
    }

    /// An item's row: its filter columns and its canonical JSON; `nil` for an item that is not a JSON object.
    private static func row(_ kind: CollectionKind, _ item: Any, parent: String?) -> Row? {
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
}

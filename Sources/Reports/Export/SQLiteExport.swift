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

    /// Builds the database of `snapshot` in the file at `path`, which must be new or empty: the caller writes it
    /// beside its destination and renames it into place once this returns, so a failed export never leaves half a
    /// database where one was asked for. That is why SQLite keeps no rollback journal and does not sync here: the
    /// file is whole or discarded.
    ///
    /// The collection tables need only the snapshot's bytes, so they go in while other threads load the account,
    /// index it and work out its findings (`SQLiteAnalysis.start`); the effective access goes in while the findings
    /// are still being worked out. `note` hears, for stderr, each collection the snapshot could not read; `timed`,
    /// when given, how long this thread spent on each step, waits included (`export --timings`).
    ///
    /// - Returns: what the database was made from (the account, its index and findings), for the caller to free, or
    ///   to keep until the process exits: freeing a large account takes seconds of CPU.
    @discardableResult
    package static func write(_ snapshot: LoadedSnapshot, to path: String, note: (String) -> Void,
                              timed: ((_ step: String, _ time: StepTime) -> Void)? = nil) throws(SQLiteError)
        -> any Sendable {
        let analysis = SQLiteAnalysis.start(snapshot)
        try write(snapshot, analysis: { analysis.value }, to: path, note: note, timed: timed)
        return analysis
    }

    /// Builds the database with the account `analysis` gives, which is asked for once the collection tables are in.
    /// Every statement that shapes the schema runs in one fixed order, so the same snapshot always gives the same
    /// database; each table's indexes are built after its rows, which is faster than keeping them while rows go in.
    static func write(_ snapshot: LoadedSnapshot, analysis: () -> SQLiteAnalysis, to path: String,
                      note: (String) -> Void, timed: ((_ step: String, _ time: StepTime) -> Void)? = nil)
        throws(SQLiteError) {
        var laps = Laps(timed)
        let database = try SQLiteDatabase(path: path)
        // 64 KiB pages: most JSON items fit a page rather than an overflow chain, and the file is written in fewer,
        // larger writes (docs/exports.md).
        try database.execute("PRAGMA page_size = 65536")
        try database.execute("PRAGMA journal_mode = OFF")
        try database.execute("PRAGMA synchronous = OFF")
        try database.execute("BEGIN")
        try database.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        // Each file's items are found on a thread of its own while the table before goes in. Each file is given up
        // once written: the loader frees its copy once decoded, so the bytes go when both are done.
        var files = snapshot.files
        let kinds = CollectionKind.allCases
        func scan(_ position: Int) -> Concurrent<SQLiteCollectionTable.ScannedFile?> {
            let kind = position < kinds.count ? kinds[position] : nil
            let file = kind.flatMap { files.removeValue(forKey: $0) }
            return Concurrent.onItsOwnThread { kind.flatMap { kind in file.map { SQLiteCollectionTable.ScannedFile(kind, $0) } } }
        }
        var next = scan(0)
        for (position, kind) in kinds.enumerated() {
            let scanned = next.value
            next = scan(position + 1)
            try SQLiteCollectionTable.write(kind, scanned: scanned, to: database)
        }
        laps.lap("collections")
        let analysed = analysis()
        laps.lap("waiting for the account")
        let unknown = try SQLiteUnknownCollections.mark(analysed, in: database)
        try writeMeta(database, account: analysed.index.account, unknown: unknown)
        for collection in unknown { note(collection.note) }
        try SQLiteEffectiveAccess.write(analysed.index, to: database)
        laps.lap("effective access")
        let findings = analysed.findings.value
        laps.lap("waiting for the findings")
        try writeFindings(findings, to: database)
        laps.lap("findings")
        try database.execute("COMMIT")
        laps.lap("commit")
    }

    // MARK: meta

    private static func writeMeta(_ database: SQLiteDatabase, account: IAMAccount,
                                  unknown: [SQLiteUnknownCollections.Collection]) throws(SQLiteError) {
        let rows: [[SQLiteDatabase.Value]] = [
            [.text("format"), .text(formatName)], [.text("version"), .text(String(version))],
            [.text("account_id"), .text(account.accountID)], [.text("account_name"), .init(account.info?.name)],
            [.text("fetched_at"), .text(account.fetchedAt.raw)],
        ]
        try database.insert("INSERT INTO meta (key, value) VALUES (?, ?)",
                            rows + unknown.map { [.text($0.metaKey), .text($0.reason)] })
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
        // Rows first, then their indexes, which is faster than keeping the indexes while the rows go in; the schema's
        // order (tables, then indexes) is the same either way.
        let finding = try database.prepare("INSERT INTO findings (finding, rule, severity, title, why) VALUES (?, ?, ?, ?, ?)")
        let entity = try database.prepare("""
            INSERT INTO finding_entities (finding, position, kind, id, name, collection) VALUES (?, ?, ?, ?, ?, ?)
            """)
        // One array per table, its values replaced row by row: a million rows on a large account, each an array of
        // its own before (allocated and freed while the rest of the export waits for this last step).
        var findingRow = [SQLiteDatabase.Value](repeating: .null, count: 5)
        var entityRow = [SQLiteDatabase.Value](repeating: .null, count: 6)
        for (number, found) in report.findings.enumerated() {
            findingRow[0] = .integer(number + 1)
            findingRow[1] = .text(found.rule.rawValue)
            findingRow[2] = .text(found.severity.rawValue)
            findingRow[3] = .text(found.title)
            findingRow[4] = .text(found.why)
            try finding.insert(findingRow)
            entityRow[0] = .integer(number + 1)
            for (position, about) in found.entities.enumerated() {
                entityRow[1] = .integer(position)
                entityRow[2] = .text(about.kind.rawValue)
                entityRow[3] = .text(about.id)
                entityRow[4] = .init(about.name)
                entityRow[5] = .init(about.collection?.rawValue)
                try entity.insert(entityRow)
            }
        }
        try database.execute("CREATE INDEX findings_rule ON findings (rule)")
        try database.execute("CREATE INDEX finding_entities_id ON finding_entities (id)")
    }
}

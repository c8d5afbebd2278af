import CSQLite
import Foundation

/// A SQLite database file, written through libsqlite3 with bound parameters only: data never becomes SQL text.
/// Every return code is checked; a failure throws `SQLiteError` with SQLite's message.
final class SQLiteDatabase {
    /// The open connection, for `SQLiteStatement`.
    let handle: OpaquePointer

    /// Creates (or opens) the database at `path`. The connection is used by one thread only (this class is not
    /// `Sendable`), so SQLite need not lock it on every call (`SQLITE_OPEN_NOMUTEX`).
    init(path: String) throws(SQLiteError) {
        _ = Self.memoryStatisticsOff
        var opened: OpaquePointer?
        let code = sqlite3_open_v2(path, &opened, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let opened else {
            let message = opened.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(opened)
            throw SQLiteError(operation: "open \(path)", message: message)
        }
        handle = opened
    }

    deinit { sqlite3_close(handle) }

    /// SQLite's memory statistics, turned off once per process before the first connection initialises SQLite: kept
    /// on, they take a process-wide mutex on every allocation SQLite makes (millions for a large account's export).
    private static let memoryStatisticsOff: Void = { _ = iamgraph_sqlite3_disable_memory_statistics() }()

    /// Runs SQL that holds no data: schema statements, with the project's own identifiers (table names from
    /// `CollectionKind`).
    func execute(_ sql: String) throws(SQLiteError) {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw error("execute \(sql.prefix(60))") }
    }

    /// Prepares the `INSERT` `sql`, to be run once per row.
    func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement { try SQLiteStatement(sql, in: self) }

    /// Inserts one row per element of `rows` with the prepared statement `sql`, its `?` parameters bound to the row's
    /// values in order. The rows are read one at a time, so a lazy sequence is never held whole.
    func insert<Rows: Sequence<[Value]>>(_ sql: String, _ rows: Rows) throws(SQLiteError) {
        let statement = try prepare(sql)
        for row in rows { try statement.insert(row) }
    }

    private func error(_ operation: String) -> SQLiteError {
        SQLiteError(operation: operation, message: String(cString: sqlite3_errmsg(handle)))
    }

    /// A value bound to a parameter.
    enum Value: Sendable {
        case text(String)
        /// Text given as its bytes, which must be valid UTF-8 (a canonical item's JSON, bound without a copy to a
        /// `String`).
        case utf8([UInt8])
        case integer(Int)
        case null

        init(_ text: String?) { self = text.map(Value.text) ?? .null }
    }
}

/// A SQLite call that failed, with SQLite's own message.
package struct SQLiteError: Error, CustomStringConvertible {
    package let operation: String
    package let message: String
    package var description: String { "SQLite: \(operation): \(message)" }
}

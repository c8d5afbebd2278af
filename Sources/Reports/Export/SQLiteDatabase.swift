import CSQLite
import Foundation

/// A SQLite database file, written through libsqlite3 with bound parameters only: data never becomes SQL text.
/// Every return code is checked; a failure throws `SQLiteError` with SQLite's message.
final class SQLiteDatabase {
    private let handle: OpaquePointer

    /// Creates (or opens) the database at `path`.
    init(path: String) throws(SQLiteError) {
        var opened: OpaquePointer?
        let code = sqlite3_open_v2(path, &opened, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil)
        guard code == SQLITE_OK, let opened else {
            let message = opened.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(opened)
            throw SQLiteError(operation: "open \(path)", message: message)
        }
        handle = opened
    }

    deinit { sqlite3_close(handle) }

    /// Runs SQL that holds no data: schema statements, with the project's own identifiers (table names from
    /// `CollectionKind`).
    func execute(_ sql: String) throws(SQLiteError) {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw error("execute \(sql.prefix(60))") }
    }

    /// Inserts one row per element of `rows` with the prepared statement `sql`, its `?` parameters bound to the row's
    /// values in order. The rows are read one at a time, so a lazy sequence is never held whole.
    func insert<Rows: Sequence<[Value]>>(_ sql: String, _ rows: Rows) throws(SQLiteError) {
        var prepared: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &prepared, nil) == SQLITE_OK, let statement = prepared else {
            throw error("prepare \(sql.prefix(60))")
        }
        defer { sqlite3_finalize(statement) }
        for row in rows {
            for (offset, value) in row.enumerated() {
                let index = Int32(offset + 1)
                let code: Int32 = switch value {
                case .text(let text):
                    text.withCString { iamgraph_sqlite3_bind_text(statement, index, $0, Int32(clamping: text.utf8.count)) }
                case .integer(let number): sqlite3_bind_int64(statement, index, Int64(number))
                case .null: sqlite3_bind_null(statement, index)
                }
                guard code == SQLITE_OK else { throw error("bind parameter \(index)") }
            }
            guard sqlite3_step(statement) == SQLITE_DONE else { throw error("insert") }
            guard sqlite3_reset(statement) == SQLITE_OK, sqlite3_clear_bindings(statement) == SQLITE_OK else {
                throw error("reset")
            }
        }
    }

    private func error(_ operation: String) -> SQLiteError {
        SQLiteError(operation: operation, message: String(cString: sqlite3_errmsg(handle)))
    }

    /// A value bound to a parameter.
    enum Value {
        case text(String)
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

import CSQLite

/// A prepared `INSERT` of one database, run once per row with the row's values bound to its `?` parameters in order:
/// data never becomes SQL text. Every return code is checked; a failure throws `SQLiteError` with SQLite's message.
final class SQLiteStatement {
    /// Kept so the database is closed only after its statement is finalised.
    private let database: SQLiteDatabase
    private let statement: OpaquePointer

    /// Prepares `sql` on `database`.
    init(_ sql: String, in database: SQLiteDatabase) throws(SQLiteError) {
        var prepared: OpaquePointer?
        guard sqlite3_prepare_v2(database.handle, sql, -1, &prepared, nil) == SQLITE_OK, let prepared else {
            sqlite3_finalize(prepared)
            throw SQLiteError(operation: "prepare \(sql.prefix(60))", message: String(cString: sqlite3_errmsg(database.handle)))
        }
        self.database = database
        statement = prepared
    }

    deinit { sqlite3_finalize(statement) }

    /// Inserts one row.
    func insert(_ row: [SQLiteDatabase.Value]) throws(SQLiteError) {
        for (offset, value) in row.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32 = switch value {
            case .text(let text):
                text.withCString { iamgraph_sqlite3_bind_text(statement, index, $0, Int32(clamping: text.utf8.count)) }
            case .utf8(let bytes) where bytes.isEmpty:
                iamgraph_sqlite3_bind_text(statement, index, "", 0)  // a null pointer would bind NULL
            case .utf8(let bytes):
                bytes.withUnsafeBufferPointer { utf8 in
                    utf8.withMemoryRebound(to: CChar.self) {
                        iamgraph_sqlite3_bind_text(statement, index, $0.baseAddress, Int32(clamping: $0.count))
                    }
                }
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

    private func error(_ operation: String) -> SQLiteError {
        SQLiteError(operation: operation, message: String(cString: sqlite3_errmsg(database.handle)))
    }
}

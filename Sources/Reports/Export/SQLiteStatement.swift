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
        try bind(row, from: 0)
    }

    /// Binds the row's values from `offset` on, then inserts it. Text is bound without a copy (`SQLITE_STATIC`: a
    /// null destructor) while the closure that lends its bytes runs, so the statement is stepped inside every one of
    /// them, and reset before they return.
    private func bind(_ row: [SQLiteDatabase.Value], from offset: Int) throws(SQLiteError) {
        guard offset < row.count else { return try step() }
        let index = Int32(offset + 1)
        switch row[offset] {
        case .text(var text):
            try text.withUTF8 { bindText($0, at: index, then: row, offset) }.get()
        case .utf8(let bytes):
            try bytes.withUnsafeBufferPointer { bindText($0, at: index, then: row, offset) }.get()
        case .integer(let number):
            try check(sqlite3_bind_int64(statement, index, Int64(number)), index)
            try bind(row, from: offset + 1)
        case .null:
            try check(sqlite3_bind_null(statement, index), index)
            try bind(row, from: offset + 1)
        }
    }

    /// Binds `utf8` to parameter `index` without a copy and goes on with the rest of the row while its bytes are lent.
    private func bindText(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int32, then row: [SQLiteDatabase.Value],
                          _ offset: Int) -> Result<Void, SQLiteError> {
        Result { () throws(SQLiteError) in
            let code = utf8.withMemoryRebound(to: CChar.self) { text in
                guard let start = text.baseAddress, !text.isEmpty else {
                    return iamgraph_sqlite3_bind_text(statement, index, "", 0)  // copied: a null pointer would bind NULL
                }
                return sqlite3_bind_text(statement, index, start, Int32(clamping: text.count), nil)
            }
            try check(code, index)
            try bind(row, from: offset + 1)
        }
    }

    /// Runs the bound insert and makes the statement ready for the next row, its parameters unbound.
    private func step() throws(SQLiteError) {
        guard sqlite3_step(statement) == SQLITE_DONE else { throw error("insert") }
        guard sqlite3_reset(statement) == SQLITE_OK, sqlite3_clear_bindings(statement) == SQLITE_OK else {
            throw error("reset")
        }
    }

    private func check(_ code: Int32, _ index: Int32) throws(SQLiteError) {
        guard code == SQLITE_OK else { throw error("bind parameter \(index)") }
    }

    private func error(_ operation: String) -> SQLiteError {
        SQLiteError(operation: operation, message: String(cString: sqlite3_errmsg(database.handle)))
    }
}

#ifndef IAMGRAPH_CSQLITE_SHIM_H
#define IAMGRAPH_CSQLITE_SHIM_H
// SQLite's C API. SQLITE_TRANSIENT (a function pointer made from -1) is a macro Swift cannot import: these wrappers
// bind text and blobs that SQLite copies before the call returns, so Swift's temporary buffers may go away.
#include <sqlite3.h>

static inline int iamgraph_sqlite3_bind_text(sqlite3_stmt *statement, int index, const char *text, int bytes) {
    return sqlite3_bind_text(statement, index, text, bytes, SQLITE_TRANSIENT);
}
#endif

#ifndef IAMGRAPH_CSQLITE_SHIM_H
#define IAMGRAPH_CSQLITE_SHIM_H
// SQLite's C API. SQLITE_TRANSIENT (a function pointer made from -1) is a macro Swift cannot import: this wrapper
// binds text that SQLite copies before the call returns, so Swift's temporary buffers may go away. (SQLITE_STATIC,
// text SQLite reads where it is until the statement is stepped, is a null destructor, which Swift passes as nil.)
#include <sqlite3.h>

static inline int iamgraph_sqlite3_bind_text(sqlite3_stmt *statement, int index, const char *text, int bytes) {
    return sqlite3_bind_text(statement, index, text, bytes, SQLITE_TRANSIENT);
}
// Turns SQLite's memory statistics off: with them on (the default), every allocation and free SQLite makes takes a
// process-wide mutex. It only has effect before SQLite initialises (the process's first connection); SQLITE_MISUSE
// after that.
static inline int iamgraph_sqlite3_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
#endif

#ifndef LIFELINE_CSQLITE_SHIM_H
#define LIFELINE_CSQLITE_SHIM_H

#include <sqlite3.h>

/// Swift cannot import SQLite's destructor sentinel `SQLITE_TRANSIENT` (a cast macro):
/// it tells SQLite to copy bound text and blobs before the bind call returns.
static inline sqlite3_destructor_type lifeline_sqlite_transient(void) {
    return SQLITE_TRANSIENT;
}

#endif

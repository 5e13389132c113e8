#ifndef MINQING_CSQLITESETUP_H
#define MINQING_CSQLITESETUP_H

/// Sets SQLite's process-wide options before the first connection opens (sqlite3_config is a
/// variadic C function, which Swift cannot call):
///   - multi-thread mode: no mutex around each call on a connection (GRDB already serialises every
///     use of a connection, and minqing uses each one from one thread at a time);
///   - no memory statistics: otherwise every allocation takes a global mutex.
/// Returns 0, or SQLite's error code when SQLite was already initialised (the options then stay as
/// they were, which is safe, only slower).
int minqing_sqlite_configure(void);

#endif

/*
 * db.h - the county database: one SQLite file.  Opening sets WAL,
 * foreign keys and a busy timeout and brings the schema up to date
 * (forward-only migrations by PRAGMA user_version); a database written by
 * a newer zhenxing, or a file that is not ours, is refused untouched.
 * Statements are prepared once and cached; every change runs inside
 * db_begin()/db_commit() together with its audit rows.
 */
#ifndef ZX_DB_H
#define ZX_DB_H

#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

struct err;

enum db_open_flags {
    DB_CREATE = 1 << 0,     /* create the file (init, demo) */
    DB_READONLY = 1 << 1,   /* never write (used by tests and backups) */
};

struct db_stmt {
    const char *sql;
    sqlite3_stmt *st;
};

/* Statements whose text is assembled from fixed fragments (the list's
 * filters and sort orders) are cached by text, the oldest dropped first. */
#define DB_TEXT_CACHE 48

struct db_text_stmt {
    char *sql;
    sqlite3_stmt *st;
    unsigned long used;
};

struct db {
    sqlite3 *h;
    char *path;
    struct db_stmt *cache;
    size_t ncache, acache;
    struct db_text_stmt text_cache[DB_TEXT_CACHE];
    unsigned long clock;
    int in_tx;
    int bulk;                  /* in bulk mode (db_bulk_mode) */
    char **bulk_indexes;       /* CREATE INDEX statements put off by bulk mode */
    size_t nbulk_indexes;
};

/* The schema version this program writes. */
int db_schema_latest(void);

/* Open (and migrate) PATH.  BUSY_MS: how long to wait for a lock. */
int db_open(struct db **out, const char *path, int flags, int busy_ms,
            struct err *e);

/* Finalize cached statements and close.  NULL is ignored. */
void db_close(struct db *db);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK.  Transactions do not nest. */
int db_begin(struct db *db, struct err *e);
int db_commit(struct db *db, struct err *e);
void db_rollback(struct db *db);

/* A cached prepared statement for SQL (a string literal: the cache keys
 * on its address).  It comes back reset with its bindings cleared. */
sqlite3_stmt *db_prep(struct db *db, const char *sql, struct err *e);

/* A cached statement for SQL text assembled at run time from fixed
 * fragments (never from user data: values are bound).  Comes back reset
 * with its bindings cleared; valid until the next db_prep_text call
 * evicts it, so use it at once. */
sqlite3_stmt *db_prep_text(struct db *db, const char *sql, struct err *e);

/* Step ST to completion (for INSERT/UPDATE/DELETE); 0 or -1. */
int db_done(struct db *db, sqlite3_stmt *st, struct err *e);

/* Step ST (NULL: db_prep failed, E is set) to its end, collecting the
 * rows into a new array of ELEM-byte items, each filled by FILL; *OUT
 * and *N receive it (NULL, 0 on failure, when CLEAR, if not NULL, has
 * released each row filled so far).  ST is reset.  0, or -1 with E
 * saying that WHAT failed. */
int db_rows(struct db *db, sqlite3_stmt *st, size_t elem,
            void (*fill)(sqlite3_stmt *st, void *row),
            void (*clear)(void *row), void **out, size_t *n,
            const char *what, struct err *e);

/* Fill E from the connection's last error, prefixed with WHAT; returns
 * -1.  Constraint violations get a plain message. */
int db_fail(struct db *db, struct err *e, const char *what);

/* Binding helpers: "" and DATE_NONE bind NULL. */
void db_bind_text(sqlite3_stmt *st, int i, const char *s);
void db_bind_text_or_null(sqlite3_stmt *st, int i, const char *s);
void db_bind_date(sqlite3_stmt *st, int i, int day);
void db_bind_int(sqlite3_stmt *st, int i, int64_t v);
void db_bind_id(sqlite3_stmt *st, int i, int64_t id);  /* 0 -> NULL */

/* Column helpers: NULL reads as "" / DATE_NONE / 0. */
void db_col_text(sqlite3_stmt *st, int i, char *buf, size_t n);
char *db_col_strdup(sqlite3_stmt *st, int i);   /* NULL for NULL */
int db_col_date(sqlite3_stmt *st, int i);
int64_t db_col_int(sqlite3_stmt *st, int i);

/* Bulk loading into a file nobody else uses (the demo writes a new file
 * under a temporary name): ON holds the file locked (many small
 * transactions take no file locks), drops the journal and fsyncs, takes
 * a large page cache and drops the indexes (building them once at the
 * end is several times faster than keeping them up to date row by row);
 * OFF builds them again and returns to normal locking and WAL.  Never
 * on a shared database.  Call outside a transaction. */
int db_bulk_mode(struct db *db, int on, struct err *e);

/* A value of the meta table ("" when unset) into BUF. */
int db_meta_get(struct db *db, const char *key, char *buf, size_t n,
                struct err *e);
int db_meta_set(struct db *db, const char *key, const char *value,
                struct err *e);

#endif

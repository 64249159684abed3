/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db.h - the county database: one SQLite file.  Opening sets WAL,
 * foreign keys and a busy timeout and brings the schema up to date
 * (forward-only migrations by PRAGMA user_version); a database written by
 * a newer zhenxing, or a file that is not ours, is refused untouched.
 * Every change runs inside db_begin()/db_commit() together with its
 * audit rows.  This is what the rest of the program sees of the
 * connection; the statements, their cache and the SQLite handle are
 * db/'s alone (db_priv.h).
 */
#ifndef ZX_DB_H
#define ZX_DB_H

#include <stddef.h>
#include <stdint.h>

struct err;

enum db_open_flags {
    DB_CREATE = 1 << 0,     /* create the file (init, demo) */
    DB_READONLY = 1 << 1,   /* never write (used by tests and backups) */
    DB_AS_IS = 1 << 2,      /* read-write, but neither migrate nor change
                               the journal mode: a file to copy from and
                               leave as it was (setup --adopt); unlike
                               DB_READONLY, closing removes the WAL and SHM
                               it made */
};

/* The connection: opaque outside db/ (db_priv.h has its body). */
struct db;

/* The schema version this program writes. */
int db_schema_latest(void);

/* SQLite set up before its first use (main, once): its memory
 * statistics off, which take a global mutex on every allocation and
 * which nothing reads. */
void db_library_init(void);

/* Open (and migrate) PATH.  BUSY_MS: how long to wait for a lock. */
int db_open(struct db **out, const char *path, int flags, int busy_ms,
            struct err *e);

/* Finalize cached statements and close.  NULL is ignored. */
void db_close(struct db *db);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK.  Transactions do not nest. */
int db_begin(struct db *db, struct err *e);
int db_commit(struct db *db, struct err *e);
void db_rollback(struct db *db);

/* Bulk loading into a file nobody else uses (the demo writes a new file
 * under a temporary name): ON holds the file locked (many small
 * transactions take no file locks), drops the journal and fsyncs, takes
 * a large page cache and drops the indexes (building them once at the
 * end is several times faster than keeping them up to date row by row);
 * OFF builds them again and returns to normal locking and WAL.  Never
 * on a shared database.  Call outside a transaction. */
int db_bulk_mode(struct db *db, int on, struct err *e);

/* Inside a transaction that writes many rows of table TBL on a shared
 * database (a large import): drop TBL's indexes (those with SQL) but
 * those KEEP names (NULL-ended, or NULL: none kept), and its triggers
 * that move data_version on each row, to be built again once by
 * db_indexes_restore (BUILD 1, moving data_version once) before the
 * commit.  A
 * rollback brings them back by itself: db_indexes_restore with BUILD 0
 * then only forgets them. */
int db_indexes_defer(struct db *db, const char *tbl, const char *const *keep,
                     struct err *e);
int db_indexes_restore(struct db *db, int build, struct err *e);

/* Before db_indexes_restore: what its builds sort is the user's own (an
 * import into an empty county: every household, person and list row
 * came from the user's sheet), so they may sort in runs through a
 * temporary file of the user's (faster; see db.c).  db_indexes_restore
 * forgets it.  Never where other townships' rows would be sorted. */
void db_indexes_own(struct db *db);

/* Outside a transaction, a database no other connection has open: ON
 * trades the write-ahead log for a rollback journal (synchronous FULL),
 * so a large transaction writes its new pages once (the log writes them
 * twice: there and again at the checkpoint); all or nothing as before.
 * Returns 1 when switched, 0 when not (another connection has it open:
 * SQLite refuses at once and nothing changes).  OFF (after the commit or
 * the rollback) returns to WAL and synchronous NORMAL, as every opening
 * of the database does anyway. */
int db_journal_solo(struct db *db, int on);

/* A value of the meta table ("" when unset) into BUF. */
int db_meta_get(struct db *db, const char *key, char *buf, size_t n,
                struct err *e);
int db_meta_set(struct db *db, const char *key, const char *value,
                struct err *e);

/* While STOP is not NULL, a statement running long asks STOP(ARG) every
 * few thousand steps and fails when it returns non-zero (the full-screen
 * program stops a count it made while idle when a key arrives). */
void db_set_stop(struct db *db, int (*stop)(void *arg), void *arg);

/* A number that changes whenever the data may have changed, by this
 * connection or any other (PRAGMA data_version and this connection's
 * changes): what was read at one number need not be read again at the
 * same. */
int64_t db_change_stamp(struct db *db);

#endif

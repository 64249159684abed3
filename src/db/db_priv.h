/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_priv.h - the inside of the connection, for the files of db/ only: the
 * SQLite handle, the statement cache and the helpers that bind values and
 * read columns.  Nothing outside db/ includes it or <sqlite3.h>
 * (tests/lint/layering.sh follows the includes to check).
 */
#ifndef ZX_DB_PRIV_H
#define ZX_DB_PRIV_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include <sqlite3.h>

#include "db/db.h"

struct err;
struct sbuf;

/* A cached statement: a string literal's address names it (PART -1), or
 * an address and a part standing for one text built at run time. */
struct db_stmt {
    const void *key;
    int part;
    sqlite3_stmt *st;
};

/* Statements whose text is assembled from fixed fragments (the list's
 * filters and sort orders) are cached by text, the oldest dropped first. */
#define DB_TEXT_CACHE 48

/* Waiting for the write lock (db_busy.c). */
struct db_busy {
    int ms;                    /* give up this long after the last progress */
    int wal_fd;                /* the write-ahead log, watched for progress */
    char *wal_path;
    int64_t start, progress;   /* when the wait began, when the log last moved */
    off_t wal_size;
    struct timespec wal_mtime;
    unsigned seed;
};

/* The busy handler on DB's connection: BUSY_MS after the last sign of
 * progress (0: no wait). */
void db_busy_init(struct db *db, int busy_ms);
/* Watch the write-ahead log (once the database is open in WAL mode). */
void db_busy_watch(struct db *db);
void db_busy_close(struct db *db);

/* What the data is at a moment: it differs between two moments when
 * anything but the quiet tables (db.c: the audit log, the assessment's
 * rounds and scores, which nothing computed from the data reads) changed
 * in between, on this connection or any other (PRAGMA data_version). */
struct db_version {
    int64_t others; /* PRAGMA data_version */
    int64_t mine;   /* this connection's changes, but the quiet ones */
};

/* The version of the data now into *V; 0 or -1 with E. */
int db_data_version(struct db *db, struct db_version *v, struct err *e);

struct assess_cache;
/* Free the assessment inputs kept with DB (db_assess.c). */
void db_assess_cache_free(struct db *db);

struct db_text_stmt {
    char *sql;
    sqlite3_stmt *st;
    unsigned long used;
};

/* The page cache of a bulk load (the demo's, an import's): a quarter
 * of a gibibyte, in KiB as PRAGMA cache_size takes it. */
#define DB_BULK_CACHE "-262144"

/* A division's pinyin sort key, kept by db_list.c during a bulk load. */
struct div_key {
    int64_t id;
    size_t len;
    unsigned char key[96];
};

struct db {
    sqlite3 *h;
    char *path;
    struct db_stmt *cache;
    size_t ncache, acache;
    struct db_text_stmt text_cache[DB_TEXT_CACHE];
    unsigned long clock;
    int in_tx;
    struct db_busy busy;
    int bulk;                  /* in bulk mode (db_bulk_mode) */
    char **bulk_indexes;       /* CREATE INDEX statements put off by bulk mode */
    size_t nbulk_indexes;
    int solo;                  /* a rollback journal for an import (db_journal_solo) */
    int own_rows;              /* every row is this command's own (db_indexes_own) */
    struct div_key div_keys[2]; /* the places' pinyin keys while bulk (db_list.c) */
    int64_t quiet;               /* rows of the quiet tables changed (db_version) */
    struct assess_cache *assess; /* the inputs of rounds (db_assess.c) */
    char *audit_reason;          /* the reason of the audit rows written now
                                    (db_audit_reason_set), or NULL */
};

/* A cached prepared statement for SQL (a string literal: the cache keys
 * on its address).  It comes back reset with its bindings cleared. */
sqlite3_stmt *db_prep(struct db *db, const char *sql, struct err *e);

/* A cached statement whose text is built at run time from fixed names
 * (a record's columns, never user data) and stays the same for the life
 * of the program: KEY, an address that stands for that text (a record
 * definition, an entry of a static table), and PART (which of its
 * statements: 0 and up) name it.  The first call writes the text with
 * BUILD(SB, ARG) and prepares it; later calls only look it up.  Comes
 * back reset with its bindings cleared. */
sqlite3_stmt *db_prep_key(struct db *db, const void *key, int part,
                          void (*build)(struct sbuf *sb, const void *arg),
                          const void *arg, struct err *e);

/* A cached statement for SQL text assembled at run time from fixed
 * fragments (never from user data: values are bound).  Comes back reset
 * with its bindings cleared; valid until the next db_prep_text call
 * evicts it, so use it at once. */
sqlite3_stmt *db_prep_text(struct db *db, const char *sql, struct err *e);

/* Step ST (NULL: its db_prep failed, E is set) for one row: 1 when
 * there is one (read it, then sqlite3_reset ST), 0 when there is none, -1
 * on an error (E says that WHAT failed); ST is reset unless 1. */
int db_one(struct db *db, sqlite3_stmt *st, const char *what, struct err *e);

/* Step ST (bound by the caller; NULL: its db_prep failed) for one row,
 * filled into OUT by FILL: 0, or 1 when there is none, or -1 with E
 * saying that WHAT failed; ST is reset. */
int db_row(struct db *db, sqlite3_stmt *st, void (*fill)(sqlite3_stmt *st, void *out),
           void *out, const char *what, struct err *e);

/* Step ST (bound by the caller; NULL: its db_prep failed) for one
 * integer: the first column of its first row (0 when there is none)
 * into *OUT; ST is reset.  0, or -1 with E saying that WHAT failed. */
int db_scalar(struct db *db, sqlite3_stmt *st, int64_t *out, const char *what,
              struct err *e);

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

/* db_rows of a cached statement for SQL (a string literal) with ?1
 * bound to ID. */
int db_rows_of(struct db *db, const char *sql, int64_t id, size_t elem,
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

/* The SQL functions of the list (db_list.c): zx_terms_match(terms, query). */
int db_list_functions(sqlite3 *h);

#endif

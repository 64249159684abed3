/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db.c - connection, transactions, the statement cache and the binding
 * helpers every repository file uses.
 */
#include "config.h"
#include "db/db_priv.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/date.h"
#include "db/schema.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/priv.h"
#include "util/sbuf.h"
#include "util/u8.h"
#include "util/xalloc.h"

int
db_rows(struct db *db, sqlite3_stmt *st, size_t elem,
        void (*fill)(sqlite3_stmt *st, void *row), void (*clear)(void *row),
        void **out, size_t *n, const char *what, struct err *e)
{
    void *v = NULL;
    size_t alloc = 0;
    int rc;

    *out = NULL;
    *n = 0;
    if (st == NULL) {
        return -1;
    }
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        fill(st, xappend(&v, n, &alloc, elem));
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        free_each(v, *n, elem, clear);
        *n = 0;
        return db_fail(db, e, what);
    }
    *out = v;
    return 0;
}

int
db_rows_of(struct db *db, const char *sql, int64_t id, size_t elem,
           void (*fill)(sqlite3_stmt *st, void *row), void (*clear)(void *row),
           void **out, size_t *n, const char *what, struct err *e)
{
    sqlite3_stmt *st = db_prep(db, sql, e);

    if (st != NULL) {
        db_bind_int(st, 1, id);
    }
    return db_rows(db, st, elem, fill, clear, out, n, what, e);
}

int
db_fail(struct db *db, struct err *e, const char *what)
{
    int code = sqlite3_extended_errcode(db->h);
    const char *msg = sqlite3_errmsg(db->h);

    if ((code & 0xff) == SQLITE_CONSTRAINT) {
        return err_set(e, ERR_INVALID, _("%s: the data breaks a rule of the database (%s)"),
                       what, msg);
    }
    if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED) {
        return err_set(e, ERR_DB, _("%s: the database is busy (another user is writing); try again"),
                       what);
    }
    if ((code & 0xff) == SQLITE_READONLY || (code & 0xff) == SQLITE_CANTOPEN) {
        return err_set(e, ERR_IO, _("%s: cannot write the database file or its directory (%s); check the permissions"),
                       what, msg);
    }
    if ((code & 0xff) == SQLITE_FULL ||
        ((code & 0xff) == SQLITE_IOERR && sqlite3_system_errno(db->h) == ENOSPC)) {
        return err_set(e, ERR_IO, _("%s: the disk is full; nothing was saved"), what);
    }
    if ((code & 0xff) == SQLITE_CORRUPT || (code & 0xff) == SQLITE_NOTADB) {
        return err_set(e, ERR_DB, _("%s: the database file is damaged (%s); restore it from a backup and tell county IT"),
                       what, msg);
    }
    return err_set(e, ERR_DB, _("%s: %s"), what, msg);
}

/* Run SQL without results (PRAGMAs, BEGIN...). */
static int
exec(struct db *db, const char *sql, struct err *e)
{
    if (sqlite3_exec(db->h, sql, NULL, NULL, NULL) != SQLITE_OK) {
        return db_fail(db, e, db->path);
    }
    return 0;
}

/* The cached statement named by KEY and PART, or NULL. */
static sqlite3_stmt *
cached(struct db *db, const void *key, int part)
{
    size_t i;

    for (i = 0; i < db->ncache; i++) {
        if (db->cache[i].key == key && db->cache[i].part == part) {
            sqlite3_reset(db->cache[i].st);
            sqlite3_clear_bindings(db->cache[i].st);
            return db->cache[i].st;
        }
    }
    return NULL;
}

/* Prepare SQL and keep it under KEY and PART. */
static sqlite3_stmt *
cache_add(struct db *db, const void *key, int part, const char *sql,
          struct err *e)
{
    struct db_stmt *c;

    db->cache = xgrow(db->cache, &db->acache, db->ncache + 1, sizeof(*db->cache));
    c = &db->cache[db->ncache];
    if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &c->st,
                           NULL) != SQLITE_OK) {
        db_fail(db, e, _("preparing a query"));
        return NULL;
    }
    c->key = key;
    c->part = part;
    db->ncache++;
    return c->st;
}

sqlite3_stmt *
db_prep(struct db *db, const char *sql, struct err *e)
{
    sqlite3_stmt *st = cached(db, sql, -1);

    return st != NULL ? st : cache_add(db, sql, -1, sql, e);
}

sqlite3_stmt *
db_prep_key(struct db *db, const void *key, int part,
            void (*build)(struct sbuf *sb, const void *arg), const void *arg,
            struct err *e)
{
    sqlite3_stmt *st = cached(db, key, part);
    struct sbuf sql = SBUF_INIT;

    if (st != NULL) {
        return st;
    }
    build(&sql, arg);
    st = cache_add(db, key, part, sql.buf, e);
    sbuf_release(&sql);
    return st;
}

sqlite3_stmt *
db_prep_text(struct db *db, const char *sql, struct err *e)
{
    struct db_text_stmt *slot = &db->text_cache[0];
    size_t i;

    db->clock++;
    for (i = 0; i < DB_TEXT_CACHE; i++) {
        struct db_text_stmt *c = &db->text_cache[i];

        if (c->sql != NULL && strcmp(c->sql, sql) == 0) {
            c->used = db->clock;
            sqlite3_reset(c->st);
            sqlite3_clear_bindings(c->st);
            return c->st;
        }
        if (c->used < slot->used) {
            slot = c;
        }
    }
    sqlite3_finalize(slot->st);
    free(slot->sql);
    slot->sql = NULL;
    if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &slot->st,
                           NULL) != SQLITE_OK) {
        slot->st = NULL;
        slot->used = 0;
        db_fail(db, e, _("preparing a query"));
        return NULL;
    }
    slot->sql = xstrdup(sql);
    slot->used = db->clock;
    return slot->st;
}

int
db_one(struct db *db, sqlite3_stmt *st, const char *what, struct err *e)
{
    int rc;

    if (st == NULL) {
        return -1;
    }
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        return 1;
    }
    if (rc != SQLITE_DONE) {
        db_fail(db, e, what);
        sqlite3_reset(st);
        return -1;
    }
    sqlite3_reset(st);
    return 0;
}

int
db_row(struct db *db, sqlite3_stmt *st, void (*fill)(sqlite3_stmt *st, void *out),
       void *out, const char *what, struct err *e)
{
    int rc = db_one(db, st, what, e);

    if (rc != 1) {
        return rc < 0 ? -1 : 1;
    }
    fill(st, out);
    sqlite3_reset(st);
    return 0;
}

int
db_scalar(struct db *db, sqlite3_stmt *st, int64_t *out, const char *what,
          struct err *e)
{
    int rc = db_one(db, st, what, e);

    *out = 0;
    if (rc == 1) {
        *out = db_col_int(st, 0);
        sqlite3_reset(st);
    }
    return rc < 0 ? -1 : 0;
}

int
db_done(struct db *db, sqlite3_stmt *st, struct err *e)
{
    int rc = sqlite3_step(st);

    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        sqlite3_reset(st);
        return db_fail(db, e, _("writing to the database"));
    }
    sqlite3_reset(st);
    return 0;
}

int
db_begin(struct db *db, struct err *e)
{
    if (db->in_tx) {
        return err_set(e, ERR_DB, "BUG: nested transaction");
    }
    if (exec(db, "BEGIN IMMEDIATE", e)) {
        return -1;
    }
    db->in_tx = 1;
    /* Places' keys kept by a bulk load live one transaction at most: a
     * place renamed between two is read again. */
    memset(db->div_keys, 0, sizeof(db->div_keys));
    return 0;
}

int
db_commit(struct db *db, struct err *e)
{
    if (exec(db, "COMMIT", e)) {
        db_rollback(db);
        return -1;
    }
    db->in_tx = 0;
    return 0;
}

void
db_rollback(struct db *db)
{
    if (db->in_tx) {
        sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
        db->in_tx = 0;
    }
}

void
db_bind_text(sqlite3_stmt *st, int i, const char *s)
{
    sqlite3_bind_text(st, i, s != NULL ? s : "", -1, SQLITE_TRANSIENT);
}

void
db_bind_text_or_null(sqlite3_stmt *st, int i, const char *s)
{
    if (s == NULL || *s == '\0') {
        sqlite3_bind_null(st, i);
    } else {
        sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
    }
}

void
db_bind_date(sqlite3_stmt *st, int i, int day)
{
    char buf[DATE_BUF];

    if (day == DATE_NONE) {
        sqlite3_bind_null(st, i);
        return;
    }
    date_format(day, buf);
    sqlite3_bind_text(st, i, buf, -1, SQLITE_TRANSIENT);
}

void
db_bind_int(sqlite3_stmt *st, int i, int64_t v)
{
    sqlite3_bind_int64(st, i, v);
}

void
db_bind_id(sqlite3_stmt *st, int i, int64_t id)
{
    if (id == 0) {
        sqlite3_bind_null(st, i);
    } else {
        sqlite3_bind_int64(st, i, id);
    }
}

void
db_col_text(sqlite3_stmt *st, int i, char *buf, size_t n)
{
    const char *s = (const char *)sqlite3_column_text(st, i);

    if (s == NULL) {
        buf[0] = '\0';
    } else {
        u8_copy(buf, n, s);
    }
}

char *
db_col_strdup(sqlite3_stmt *st, int i)
{
    const char *s = (const char *)sqlite3_column_text(st, i);

    return s != NULL ? xstrdup(s) : NULL;
}

int
db_col_date(sqlite3_stmt *st, int i)
{
    const char *s = (const char *)sqlite3_column_text(st, i);
    int day;

    if (s == NULL || date_parse(s, &day) != DATE_OK) {
        return DATE_NONE;
    }
    return day;
}

int64_t
db_col_int(sqlite3_stmt *st, int i)
{
    return sqlite3_column_int64(st, i);
}

/* PRAGMA user_version and application_id; -1 when the file is not a
 * database at all. */
static int
read_header(struct db *db, int *version, int *app, struct err *e)
{
    sqlite3_stmt *st = NULL;
    int rc;

    rc = sqlite3_prepare_v2(db->h, "PRAGMA user_version", -1, &st, NULL);
    if (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
        *version = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
        rc = sqlite3_prepare_v2(db->h, "PRAGMA application_id", -1, &st, NULL);
        if (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
            *app = sqlite3_column_int(st, 0);
            sqlite3_finalize(st);
            return 0;
        }
    }
    sqlite3_finalize(st);
    if ((sqlite3_errcode(db->h) & 0xff) == SQLITE_NOTADB) {
        return err_set(e, ERR_SCHEMA,
                       _("'%s' is not a zhenxing database (not an SQLite file); give the right file with --db"),
                       db->path);
    }
    return db_fail(db, e, db->path);
}

/* Refuse files that are not ours or come from a newer zhenxing. */
static int
check_header(struct db *db, struct err *e)
{
    int version = 0, app = 0;
    sqlite3_stmt *st = NULL;
    int tables = 0;

    if (read_header(db, &version, &app, e)) {
        return -1;
    }
    if (version > db_schema_latest()) {
        return err_set(e, ERR_SCHEMA,
                       _("'%s' was written by a newer zhenxing (schema %d; this program knows up to %d); install the newer zhenxing. The file was not changed."),
                       db->path, version, db_schema_latest());
    }
    if (app == SCHEMA_APPLICATION_ID) {
        return 0;
    }
    if (sqlite3_prepare_v2(db->h, "SELECT count(*) FROM sqlite_schema", -1, &st,
                           NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
        tables = sqlite3_column_int(st, 0);
    }
    sqlite3_finalize(st);
    if (tables > 0 || app != 0) {
        return err_set(e, ERR_SCHEMA,
                       _("'%s' is an SQLite database of another program, not a zhenxing database; it was not changed"),
                       db->path);
    }
    return 0;
}

/* $ZHENXING_TRACE: every statement and its time on stderr (the log
 * file while the screen is up), to find slow queries. */
static int
trace(unsigned type, void *ctx, void *p, void *x)
{
    sqlite3_stmt *st = p;
    char *sql;

    (void)type;
    (void)ctx;
    sql = sqlite3_expanded_sql(st);
    fprintf(stderr, "sql %8.3f ms  %s\n", (double)*(sqlite3_int64 *)x / 1e6,
            sql != NULL ? sql : sqlite3_sql(st));
    sqlite3_free(sql);
    return 0;
}

/* The tables nothing computed from the data reads: their changes leave
 * the data's version (db_data_version) as it was, so that scoring by
 * hand or printing does not make a round's inputs be computed again. */
static const char *const quiet_tables[] = {"audit", "assess_round", "assess_score",
                                            "assess_cache"};

static void
count_quiet(void *p, int op, const char *dbname, const char *table, sqlite3_int64 rowid)
{
    struct db *db = p;
    size_t i;

    (void)op;
    (void)dbname;
    (void)rowid;
    for (i = 0; i < ARRAY_SIZE(quiet_tables); i++) {
        if (strcmp(table, quiet_tables[i]) == 0) {
            db->quiet++;
        }
    }
}

/* Every change counts in sqlite3_total_changes (tables without rowid
 * too), the quiet tables' also in the update hook: the difference is the
 * changes of the data. */
int
db_data_version(struct db *db, struct db_version *v, struct err *e)
{
    sqlite3_stmt *st = db_prep(db, "PRAGMA data_version", e);

    v->mine = (int64_t)sqlite3_total_changes(db->h) - db->quiet;
    return db_scalar(db, st, &v->others, _("reading the data's version"), e);
}

static int
configure(struct db *db, int flags, int busy_ms, struct err *e)
{
    sqlite3_extended_result_codes(db->h, 1);
    sqlite3_update_hook(db->h, count_quiet, db);
    db_busy_init(db, busy_ms);
    if (db_list_functions(db->h) != SQLITE_OK) {
        return db_fail(db, e, _("reading the list"));
    }
    if (priv_getenv("ZHENXING_TRACE") != NULL) {
        sqlite3_trace_v2(db->h, SQLITE_TRACE_PROFILE, trace, NULL);
    }
    if (check_header(db, e)) {
        return -1;
    }
    /* 16 MiB of pages: the list's rows and indexes stay in memory while
     * staff page and search (the default is 2 MiB). */
    if (exec(db, "PRAGMA foreign_keys = ON", e) ||
        exec(db, "PRAGMA cache_size = -16384", e)) {
        return -1;
    }
    if (flags & (DB_READONLY | DB_AS_IS)) {
        return 0;
    }
    if (exec(db, "PRAGMA journal_mode = WAL", e) ||
        exec(db, "PRAGMA synchronous = NORMAL", e)) {
        return -1;
    }
    db_busy_watch(db);
    return schema_migrate(db, e);
}

/* 1 when PATH is an empty file with no write-ahead log holding its
 * pages: SQLite would take it for a new database and we would make it a
 * county's. */
static int
empty_file(const char *path)
{
    struct sbuf wal = SBUF_INIT;
    struct stat st;
    int empty;

    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size != 0) {
        return 0;
    }
    sbuf_addf(&wal, "%s-wal", path);
    empty = stat(wal.buf, &st) != 0 || st.st_size == 0;
    sbuf_release(&wal);
    return empty;
}

void
db_library_init(void)
{
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int
db_open(struct db **out, const char *path, int flags, int busy_ms,
        struct err *e)
{
    struct db *db;
    int oflags;

    *out = NULL;
    if (!(flags & DB_CREATE) && !path_exists(path)) {
        return err_set(e, ERR_NOTFOUND,
                       _("the database '%s' does not exist; create it with 'zhenxing init' or 'zhenxing demo', or give another with --db"),
                       path);
    }
    if (!(flags & DB_CREATE) && empty_file(path)) {
        return err_set(e, ERR_SCHEMA,
                       _("'%s' is an empty file (0 bytes), not a zhenxing database; it was left as it is. Give the right file with --db, or restore the database from a backup"),
                       path);
    }
    db = xcalloc(1, sizeof(*db));
    db->path = xstrdup(path);
    db->busy.wal_fd = -1;
    oflags = (flags & DB_READONLY) ? SQLITE_OPEN_READONLY
                                   : SQLITE_OPEN_READWRITE;
    if (flags & DB_CREATE) {
        oflags |= SQLITE_OPEN_CREATE;
    }
    if (sqlite3_open_v2(path, &db->h, oflags | SQLITE_OPEN_NOMUTEX, NULL) !=
        SQLITE_OK) {
        err_set(e, ERR_IO, _("cannot open the database '%s': %s"), path,
                db->h ? sqlite3_errmsg(db->h) : strerror(errno));
        db_close(db);
        return -1;
    }
    if (configure(db, flags, busy_ms, e)) {
        db_close(db);
        return -1;
    }
    *out = db;
    return 0;
}

void
db_close(struct db *db)
{
    size_t i;

    if (db == NULL) {
        return;
    }
    db_rollback(db);
    db_assess_cache_free(db);
    free(db->audit_reason);
    for (i = 0; i < db->ncache; i++) {
        sqlite3_finalize(db->cache[i].st);
    }
    free(db->cache);
    for (i = 0; i < DB_TEXT_CACHE; i++) {
        sqlite3_finalize(db->text_cache[i].st);
        free(db->text_cache[i].sql);
    }
    for (i = 0; i < db->nbulk_indexes; i++) {
        free(db->bulk_indexes[i]);
    }
    free(db->bulk_indexes);
    if (db->h != NULL) {
        sqlite3_close(db->h);
    }
    db_busy_close(db);
    free(db->path);
    free(db);
}

/* 1 when NAME is one of KEEP (NULL-ended; KEEP may be NULL). */
static int
kept(const char *name, const char *const *keep)
{
    while (keep != NULL && *keep != NULL) {
        if (strcmp(name, *keep++) == 0) {
            return 1;
        }
    }
    return 0;
}

/* Remember and drop every index that has SQL (not those of PRIMARY KEY
 * and UNIQUE constraints, which cannot be dropped) of table TBL, or of
 * every table when TBL is NULL, but those named in KEEP; and the triggers
 * that move data_version (m_assess_cache) on each row, which
 * create_indexes moves once for all. */
static int
drop_indexes(struct db *db, const char *tbl, const char *const *keep, struct err *e)
{
    static const char list[] =
        "SELECT name, sql, type FROM sqlite_schema WHERE (type = 'index' AND sql IS NOT NULL"
        " OR type = 'trigger' AND name GLOB '*_dv_[iud][npe][sdl]')"
        " AND (?1 IS NULL OR tbl_name = ?1)";
    sqlite3_stmt *st = NULL;
    char **drops = NULL;
    size_t n = 0, i;
    int rc = 0;

    if (sqlite3_prepare_v2(db->h, list, -1, &st, NULL) != SQLITE_OK) {
        return db_fail(db, e, db->path);
    }
    if (tbl != NULL) {
        sqlite3_bind_text(st, 1, tbl, -1, SQLITE_STATIC);
    }
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(st, 0);
        int trigger = strcmp((const char *)sqlite3_column_text(st, 2), "trigger") == 0;

        if (kept(name, keep)) {
            continue;
        }
        /* Names come from the schema itself, never from users. */
        drops = xrealloc(drops, (n + 1) * sizeof(char *));
        drops[n++] = sqlite3_mprintf("DROP %s \"%w\"", trigger ? "TRIGGER" : "INDEX", name);
        db->bulk_indexes = xrealloc(db->bulk_indexes,
                                    (db->nbulk_indexes + 1) * sizeof(char *));
        db->bulk_indexes[db->nbulk_indexes++] =
            xstrdup((const char *)sqlite3_column_text(st, 1));
    }
    sqlite3_finalize(st);
    for (i = 0; i < n; i++) {
        if (rc == 0 && exec(db, drops[i], e)) {
            rc = -1;
        }
        sqlite3_free(drops[i]);
    }
    free(drops);
    return rc;
}

/* CREATE INDEX sorts its keys.  With temp_store MEMORY SQLite sorts
 * them as one list (a malloc for each key, and merges whose every step
 * misses the processor's caches); with temporary files it sorts runs
 * the size of the page cache and merges the runs in one pass: runs of
 * 2 MiB halve the CPU of an import's index builds at 250,000
 * households (issue 16).  The runs lie in a file of the user's (SQLite
 * makes it 0600 in its temporary directory and removes its name at
 * once), so only where what is sorted is the user's own (db_indexes_own:
 * a new demo file, an import into an empty county, whose audit log's
 * index holds table names and row numbers, nothing of a household).
 * ON 0 puts the bulk load's cache back and temp_store as it was
 * (TEMP, read by ON 1).  Changing temp_store may be refused inside a
 * transaction (once the temporary database is open): then the sort is
 * as before. */
static void
sort_in_runs(struct db *db, int on, int *temp)
{
    static const char *const store[] = {
        "PRAGMA temp_store = DEFAULT", "PRAGMA temp_store = FILE",
        "PRAGMA temp_store = MEMORY",
    };
    sqlite3_stmt *st;

    if (on) {
        *temp = 0;
        if (sqlite3_prepare_v2(db->h, "PRAGMA temp_store", -1, &st, NULL) == SQLITE_OK) {
            if (sqlite3_step(st) == SQLITE_ROW) {
                *temp = sqlite3_column_int(st, 0);
            }
            sqlite3_finalize(st);
        }
        sqlite3_exec(db->h, "PRAGMA temp_store = FILE; PRAGMA cache_size = -2048", NULL,
                     NULL, NULL);
        return;
    }
    sqlite3_exec(db->h, "PRAGMA cache_size = " DB_BULK_CACHE, NULL, NULL, NULL);
    sqlite3_exec(db->h, store[*temp >= 0 && *temp <= 2 ? *temp : 0], NULL, NULL, NULL);
}

/* Build the indexes and triggers dropped again, and move data_version
 * for the rows written meanwhile (BUILD 0: only forget them). */
static int
create_indexes(struct db *db, int build, struct err *e)
{
    int runs = build && db->own_rows && db->nbulk_indexes > 0;
    int temp = 0;
    size_t i;
    int rc = 0;

    if (runs) {
        sort_in_runs(db, 1, &temp);
    }
    for (i = 0; i < db->nbulk_indexes; i++) {
        if (build && rc == 0 && exec(db, db->bulk_indexes[i], e)) {
            rc = -1;
        }
        free(db->bulk_indexes[i]);
    }
    if (runs) {
        sort_in_runs(db, 0, &temp);
    }
    if (build && rc == 0 && db->nbulk_indexes > 0 &&
        exec(db, "UPDATE data_version SET n = n + 1", e)) {
        rc = -1;
    }
    free(db->bulk_indexes);
    db->bulk_indexes = NULL;
    db->nbulk_indexes = 0;
    return rc;
}

int
db_indexes_defer(struct db *db, const char *tbl, const char *const *keep, struct err *e)
{
    return drop_indexes(db, tbl, keep, e);
}

int
db_indexes_restore(struct db *db, int build, struct err *e)
{
    int rc = create_indexes(db, build, e);

    db->own_rows = 0;
    return rc;
}

void
db_indexes_own(struct db *db)
{
    db->own_rows = 1;
}

int
db_journal_solo(struct db *db, int on)
{
    static const char *const sql[][2] = {
        {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL"},
        {"PRAGMA journal_mode = DELETE", "PRAGMA synchronous = FULL"},
    };
    sqlite3_stmt *st;
    int mode_set;

    if (db->in_tx || sqlite3_prepare_v2(db->h, sql[on != 0][0], -1, &st, NULL) != SQLITE_OK) {
        return 0;
    }
    mode_set = sqlite3_step(st) == SQLITE_ROW &&
               strcmp((const char *)sqlite3_column_text(st, 0), on ? "delete" : "wal") == 0;
    sqlite3_finalize(st);
    if (mode_set) {
        sqlite3_exec(db->h, sql[on != 0][1], NULL, NULL, NULL);
    }
    return mode_set;
}

int
db_bulk_mode(struct db *db, int on, struct err *e)
{
    int rc;

    if (on) {
        if (exec(db, "PRAGMA locking_mode = EXCLUSIVE", e) ||
            exec(db, "PRAGMA journal_mode = OFF", e) ||
            exec(db, "PRAGMA synchronous = OFF", e) ||
            exec(db, "PRAGMA cache_size = " DB_BULK_CACHE, e) ||
            drop_indexes(db, NULL, NULL, e)) {
            return -1;
        }
        db->bulk = 1;
        db->own_rows = 1;       /* a new file, under a temporary name */
        return 0;
    }
    db->bulk = 0;
    rc = create_indexes(db, 1, e);
    db->own_rows = 0;
    if (rc || exec(db, "PRAGMA analysis_limit = 1000", e) ||
        exec(db, "ANALYZE", e) ||
        exec(db, "PRAGMA cache_size = -2000", e) ||
        exec(db, "PRAGMA locking_mode = NORMAL", e) ||
        exec(db, "PRAGMA journal_mode = WAL", e) ||
        exec(db, "PRAGMA synchronous = NORMAL", e)) {
        return -1;
    }
    return 0;
}

int
db_meta_get(struct db *db, const char *key, char *buf, size_t n,
            struct err *e)
{
    static const char sql[] = "SELECT value FROM meta WHERE key = ?";
    sqlite3_stmt *st = db_prep(db, sql, e);
    int rc;

    if (st == NULL) {
        return -1;
    }
    db_bind_text(st, 1, key);
    buf[0] = '\0';
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        db_col_text(st, 0, buf, n);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        return db_fail(db, e, _("reading settings of the database"));
    }
    return 0;
}

int
db_meta_set(struct db *db, const char *key, const char *value, struct err *e)
{
    static const char sql[] =
        "INSERT INTO meta(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value";
    sqlite3_stmt *st = db_prep(db, sql, e);

    if (st == NULL) {
        return -1;
    }
    db_bind_text(st, 1, key);
    db_bind_text(st, 2, value);
    return db_done(db, st, e);
}

void
db_set_stop(struct db *db, int (*stop)(void *arg), void *arg)
{
    sqlite3_progress_handler(db->h, stop != NULL ? 4000 : 0, stop, arg);
}

int64_t
db_change_stamp(struct db *db)
{
    sqlite3_stmt *st;
    int64_t v = 0;

    if (sqlite3_prepare_v2(db->h, "PRAGMA data_version", -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW) {
            v = sqlite3_column_int64(st, 0);
        }
        sqlite3_finalize(st);
    }
    /* Both only grow: their sum changes when either does. */
    return v + sqlite3_total_changes64(db->h);
}

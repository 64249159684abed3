/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_backup.c - online backup and the check of a copy.  The source is in
 * WAL mode, so copying all pages in one backup step reads one consistent
 * snapshot while writers go on appending to the WAL; a busy source is
 * retried.  The copy is made in a private temporary file (util/tempfile:
 * 0600, removed on every exit path), turned into a rollback-journal file
 * that opens read-only without a -shm beside it, checked, audited, and
 * then put in place.
 */
#include "config.h"
#include "db/db_backup.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db/db_audit.h"
#include "db/db_check.h"
#include "db/db_pages.h"
#include "db/db_priv.h"
#include "db/db_rec.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/tempfile.h"
#include "util/xalloc.h"

/* How long a busy source is retried, in steps of BUSY_STEP_MS. */
#define BUSY_TRIES 600
#define BUSY_STEP_MS 100

/* The first row's integer of SQL on H, or -1. */
static int64_t
count_of(sqlite3 *h, const char *sql)
{
    sqlite3_stmt *st = NULL;
    int64_t n = -1;

    if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
        n = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    return n;
}

/* 1 when PRAGMA quick_check says "ok". */
static int
quick_check_ok(sqlite3 *h)
{
    sqlite3_stmt *st = NULL;
    int ok = 0;

    if (sqlite3_prepare_v2(h, "PRAGMA quick_check", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
        ok = strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0;
    }
    sqlite3_finalize(st);
    return ok;
}

/* The check of a fresh copy H that SQLite can read: its schema's roots
 * into R for the page check (db_pages.c), which runs once the copy is
 * closed (*WALK 1); or, for a file with pointer-map pages, which that
 * check does not know, PRAGMA quick_check now, with *PERSONS counted. */
static int
schema_ok(sqlite3 *h, struct pages_roots *r, int *walk, int64_t *persons)
{
    *walk = count_of(h, "PRAGMA auto_vacuum") == 0;
    if (*walk) {
        return db_pages_roots(h, "person", r) == 0;
    }
    *persons = count_of(h, "SELECT count(*) FROM person");
    return quick_check_ok(h);
}

/* The page check of the closed copy TMP (db_pages.h: every page of every
 * b-tree parsed, the free list read, each page of the file met once),
 * with the b-trees of R; *PERSONS gets the cells of person's leaves. */
static int
pages_ok(const char *tmp, const struct pages_roots *r, int64_t *persons, struct err *e)
{
    int rc = db_pages_check(tmp, r, persons, NULL);

    if (rc == -2) {
        return err_set(e, ERR_IO, _("cannot read the copy '%s': %s"), tmp, strerror(errno));
    }
    return rc == 0 ? 0 : err_set(e, ERR_DB, "%s", _("the copy failed its integrity check"));
}

/* Copy every page of SRC into DST, retrying while the source is busy.
 * The source is read through a memory map meanwhile (as far as SQLite
 * maps: 2 GiB as Debian builds it): no read call and no copy into its
 * cache for each page.  No connection maps otherwise (db_open leaves
 * mmap_size at 0), so 0 is what is put back. */
static int
copy_pages(struct db *src, sqlite3 *dst, struct err *e)
{
    sqlite3_backup *b = sqlite3_backup_init(dst, "main", src->h, "main");
    int rc, tries = 0;

    if (b == NULL) {
        return err_set(e, ERR_DB, _("cannot start the backup: %s"), sqlite3_errmsg(dst));
    }
    sqlite3_exec(src->h, "PRAGMA mmap_size = 4294967296", NULL, NULL, NULL);
    do {
        rc = sqlite3_backup_step(b, -1);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            sqlite3_sleep(BUSY_STEP_MS);
        }
    } while ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED || rc == SQLITE_OK) &&
             ++tries < BUSY_TRIES);
    sqlite3_backup_finish(b);
    sqlite3_exec(src->h, "PRAGMA mmap_size = 0", NULL, NULL, NULL);
    if ((rc & 0xff) == SQLITE_FULL ||
        ((rc & 0xff) == SQLITE_IOERR && sqlite3_system_errno(dst) == ENOSPC)) {
        return err_set(e, ERR_IO, "%s", _("the disk of the copy is full: no copy was made"));
    }
    if (rc != SQLITE_DONE) {
        return err_set(e, ERR_DB, _("the backup did not complete: %s"), sqlite3_errstr(rc));
    }
    return 0;
}

/* Copy SRC into the new file TMP, as a rollback-journal database that
 * passes its check; *PERSONS gets its persons. */
static int
copy_to(struct db *src, const char *tmp, int64_t *persons, struct err *e)
{
    struct pages_roots r = {NULL, 0, 0};
    sqlite3 *dst = NULL;
    int rc, walk = 0;

    *persons = 0;
    if (sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
        err_set(e, ERR_IO, _("cannot create '%s': %s"), tmp,
                dst ? sqlite3_errmsg(dst) : strerror(errno));
        sqlite3_close(dst);
        return -1;
    }
    rc = copy_pages(src, dst, e);
    if (rc == 0 && sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) !=
                       SQLITE_OK) {
        rc = err_set(e, ERR_IO, _("cannot write '%s': %s"), tmp, sqlite3_errmsg(dst));
    }
    if (rc == 0 && !schema_ok(dst, &r, &walk, persons)) {
        rc = err_set(e, ERR_DB, "%s", _("the copy failed its integrity check"));
    }
    if (sqlite3_close(dst) != SQLITE_OK && rc == 0) {
        rc = err_set(e, ERR_IO, _("cannot write '%s': %s"), tmp, strerror(errno));
    }
    if (rc == 0 && walk) {
        rc = pages_ok(tmp, &r, persons, e);
    }
    db_pages_roots_free(&r);
    return rc;
}

/* The copy's owner group and permissions, as O says. */
static int
set_access(const char *tmp, const struct backup_opts *o, struct err *e)
{
    if (o->gid != (gid_t)-1 && chown(tmp, (uid_t)-1, o->gid) != 0) {
        return err_set(e, ERR_IO, _("cannot give the copy to the group (%s)"), strerror(errno));
    }
    if (chmod(tmp, o->mode) != 0) {
        return err_set(e, ERR_IO, _("cannot write '%s': %s"), tmp, strerror(errno));
    }
    return 0;
}

/* Audit the copy in T, then put it in place; a copy that cannot be put
 * in place after its audit row is recorded as undelivered. */
static int
audit_place(struct db *db, struct tempfile *t, const struct backup_opts *o,
            int64_t persons, struct err *e)
{
    char *where = path_absolute(o->dest);
    struct audit_out a;
    struct err e2;
    int rc = 0;

    memset(&a, 0, sizeof(a));
    a.actor = o->actor;
    a.op = "export";
    a.tbl = "database";
    a.what = "backup";
    a.dest = where;
    a.nrows = persons;
    a.revealed = 1;
    if (db_audit_out(db, &a, e) < 0) {
        err_prefix(e, "%s", _("no copy was made, because the audit log could not record it"));
        e->code = ERR_DB;
        rc = -1;
    } else if (tempfile_place(t, o->dest, o->overwrite, e) < 0) {
        err_clear(&e2);
        db_audit_undelivered(db, &a, e->msg, &e2);
        rc = -1;
    }
    free(where);
    return rc;
}

int
db_backup(struct db *db, const struct backup_opts *o, int64_t *persons, struct err *e)
{
    struct tempfile t;
    int64_t n = 0;
    int fd, rc;

    if (tempfile_dest_check(o->dest, 1, NULL, e) < 0) {
        return -1;
    }
    if (!o->overwrite && access(o->dest, F_OK) == 0) {
        return err_set(e, ERR_IO, _("'%s' already exists; choose another file name or add --force"),
                       o->dest);
    }
    fd = tempfile_create(&t, o->dest, NULL, 1, e);
    if (fd < 0) {
        return -1;
    }
    close(fd);
    rc = copy_to(db, t.path, &n, e);
    if (rc == 0) {
        rc = set_access(t.path, o, e);
    }
    if (rc == 0) {
        rc = o->actor != NULL ? audit_place(db, &t, o, n, e)
                              : tempfile_place(&t, o->dest, o->overwrite, e);
    }
    tempfile_remove(&t);
    if (rc == 0 && persons != NULL) {
        *persons = n;
    }
    return rc;
}

/* The first text of SQL on DB into BUF ("" when none). */
static void
text_of(struct db *db, const char *sql, char *buf, size_t n)
{
    sqlite3_stmt *st = NULL;

    buf[0] = '\0';
    if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
        db_col_text(st, 0, buf, n);
    }
    sqlite3_finalize(st);
}

/* What the copy holds. */
static void
holdings(struct db *db, struct backup_info *in)
{
    in->schema = (int)count_of(db->h, "PRAGMA user_version");
    in->households = count_of(db->h, "SELECT count(*) FROM household");
    in->persons = count_of(db->h, "SELECT count(*) FROM person");
    in->cases = count_of(db->h, "SELECT count(*) FROM monitor_case");
    in->audit_rows = count_of(db->h, "SELECT count(*) FROM audit");
    text_of(db, "SELECT value FROM meta WHERE key = 'county'", in->county, sizeof(in->county));
    text_of(db, "SELECT value FROM meta WHERE key = 'created_at'", in->created_at,
            sizeof(in->created_at));
    text_of(db, "SELECT at FROM audit ORDER BY id DESC LIMIT 1", in->last_audit,
            sizeof(in->last_audit));
}

int
db_backup_verify(const char *path, struct backup_info *in, struct err *e)
{
    struct db *db;
    char **v = NULL;
    size_t n = 0, i;
    int rc;

    memset(in, 0, sizeof(*in));
    if (db_open(&db, path, DB_READONLY, 5000, e) < 0) {
        return -1;
    }
    rc = db_integrity(db, 1, &v, &n, e);
    if (rc == 0) {
        holdings(db, in);
        in->problems = (int)n;
        if (n > 0) {
            snprintf(in->first_problem, sizeof(in->first_problem), "%s", v[0]);
        }
    }
    for (i = 0; i < n; i++) {
        free(v[i]);
    }
    free(v);
    db_close(db);
    return rc;
}

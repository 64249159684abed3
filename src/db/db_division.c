/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_division.c - the division tree.
 */
#include "config.h"
#include "db/db_division.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db_audit.h"
#include "db/db_priv.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#define COLS "id, level, coalesce(parent_id, 0), coalesce(code, ''), name"

/* One row of the queries below (COLS) into ROW. */
static void
read_row(sqlite3_stmt *st, void *row)
{
    struct division *d = row;

    d->id = db_col_int(st, 0);
    d->level = (int)db_col_int(st, 1);
    d->parent_id = db_col_int(st, 2);
    db_col_text(st, 3, d->code, sizeof(d->code));
    db_col_text(st, 4, d->name, sizeof(d->name));
}

int
db_division_add(struct db *db, const char *actor, int level, int64_t parent,
                const char *code, const char *name, int audit, int64_t *id,
                struct err *e)
{
    static const char sql[] =
        "INSERT INTO division(level, parent_id, code, name) VALUES (?, ?, ?, ?)";
    sqlite3_stmt *st = db_prep(db, sql, e);

    if (st == NULL) {
        return -1;
    }
    db_bind_int(st, 1, level);
    db_bind_id(st, 2, parent);
    db_bind_text_or_null(st, 3, code);
    db_bind_text(st, 4, name);
    if (db_done(db, st, e)) {
        err_prefix(e, _("adding '%s'"), name);
        return -1;
    }
    *id = sqlite3_last_insert_rowid(db->h);
    if (audit) {
        return db_audit(db, actor, "insert", "division", *id, "name", NULL,
                        name, e);
    }
    return 0;
}

/* Run a one-row query ST into OUT; ERR_NOTFOUND with WHAT when empty. */
static int
one_row(struct db *db, sqlite3_stmt *st, struct division *out,
        const char *what, struct err *e)
{
    int rc = db_row(db, st, read_row, out, _("reading divisions"), e);

    return rc <= 0 ? rc : err_set(e, ERR_NOTFOUND, _("no division '%s'"), what);
}

int
db_division_get(struct db *db, int64_t id, struct division *out,
                struct err *e)
{
    static const char sql[] = "SELECT " COLS " FROM division WHERE id = ?";
    sqlite3_stmt *st = db_prep(db, sql, e);
    char what[32];

    if (st != NULL) {
        db_bind_int(st, 1, id);
    }
    snprintf(what, sizeof(what), "#%lld", (long long)id);
    return one_row(db, st, out, what, e);
}

int
db_division_county(struct db *db, struct division *out, struct err *e)
{
    static const char sql[] =
        "SELECT " COLS " FROM division WHERE level = 1 ORDER BY id LIMIT 1";

    return one_row(db, db_prep(db, sql, e), out, _("county"), e);
}

/* Divisions at LEVEL named NAME (or with code NAME) under PARENT (0 =
 * anywhere).  Returns how many matched (first one in OUT), or -1. */
static int
match(struct db *db, int level, int64_t parent, const char *name,
      struct division *out, struct err *e)
{
    static const char sql[] =
        "SELECT " COLS " FROM division WHERE level = ?1 "
        "AND (name = ?2 OR code = ?2) AND (?3 = 0 OR parent_id = ?3) "
        "ORDER BY id LIMIT 2";
    sqlite3_stmt *st = db_prep(db, sql, e);
    int n = 0, rc;

    if (st == NULL) {
        return -1;
    }
    db_bind_int(st, 1, level);
    db_bind_text(st, 2, name);
    db_bind_int(st, 3, parent);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n++ == 0) {
            read_row(st, out);
        }
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        return db_fail(db, e, _("reading divisions"));
    }
    return n;
}

int
db_division_resolve(struct db *db, const char *spec, struct division *out,
                    struct err *e)
{
    const char *slash = strchr(spec, '/');
    char town[200];
    int n;

    if (slash != NULL) {
        snprintf(town, sizeof(town), "%.*s", (int)(slash - spec), spec);
        n = match(db, 2, 0, town, out, e);
        if (n <= 0) {
            return n < 0 ? -1 : err_set(e, ERR_NOTFOUND, _("no township '%s'"), town);
        }
        n = match(db, 3, out->id, slash + 1, out, e);
        if (n <= 0) {
            return n < 0 ? -1 : err_set(e, ERR_NOTFOUND, _("no village '%s' in township '%s'"),
                                        slash + 1, town);
        }
        return 0;
    }
    n = match(db, 2, 0, spec, out, e);
    if (n == 0) {
        n = match(db, 3, 0, spec, out, e);
    }
    if (n < 0) {
        return -1;
    }
    if (n == 0) {
        return err_set(e, ERR_NOTFOUND, _("no township or village '%s'"), spec);
    }
    if (n > 1) {
        return err_set(e, ERR_INVALID, _("there are several villages named '%s'; write it as township/village"),
                       spec);
    }
    return 0;
}

int
db_division_children(struct db *db, int64_t parent, struct division **v,
                     size_t *n, struct err *e)
{
    static const char sql[] =
        "SELECT " COLS " FROM division WHERE parent_id = ? "
        "ORDER BY code, name";

    return db_rows_of(db, sql, parent, sizeof(**v), read_row, NULL, (void **)v, n,
                      _("reading divisions"), e);
}

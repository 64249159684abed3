/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_audit.c - appending to the audit log.
 */
#include "config.h"
#include "db/db_audit.h"

#include <stdlib.h>
#include <string.h>

#include "db/db_priv.h"
#include "db/db_rec.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* S bound to parameter I of ST without a copy (an audit row is written
 * before its values go: every caller steps ST before it returns), ""
 * for NULL, or NULL for an empty S when OR_NULL: as db_bind_text and
 * db_bind_text_or_null bind it. */
static void
bind_kept(sqlite3_stmt *st, int i, const char *s, int or_null)
{
    if (or_null && (s == NULL || *s == '\0')) {
        sqlite3_bind_null(st, i);
    } else {
        sqlite3_bind_text(st, i, s != NULL ? s : "", -1, SQLITE_STATIC);
    }
}

/* Bind what every audit row has (at, actor, op, tbl, row_id, field,
 * old, new) to the parameters 1 to 8 of ST. */
static void
bind_row(sqlite3_stmt *st, const char *actor, const char *op, const char *tbl,
         int64_t row, const char *field, const char *old_value, const char *new_value)
{
    char now[32];

    clock_now(now, sizeof(now));
    db_bind_text(st, 1, now);
    bind_kept(st, 2, actor, 0);
    bind_kept(st, 3, op, 0);
    bind_kept(st, 4, tbl, 0);
    db_bind_id(st, 5, row);
    bind_kept(st, 6, field, 1);
    bind_kept(st, 7, old_value, 1);
    bind_kept(st, 8, new_value, 1);
}

int
db_audit(struct db *db, const char *actor, const char *op, const char *tbl,
         int64_t row, const char *field, const char *old_value,
         const char *new_value, struct err *e)
{
    static const char sql[] =
        "INSERT INTO audit(at, actor, op, tbl, row_id, field, old, new, reason) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    sqlite3_stmt *st = db_prep(db, sql, e);

    if (st == NULL) {
        return -1;
    }
    bind_row(st, actor, op, tbl, row, field, old_value, new_value);
    bind_kept(st, 9, db->audit_reason, 1);
    return db_done(db, st, e);
}

void
db_audit_reason_set(struct db *db, const char *reason)
{
    free(db->audit_reason);
    db->audit_reason = reason != NULL && *reason != '\0' ? xstrdup(reason) : NULL;
}

int
db_audit_diff(struct db *db, const char *actor, const char *tbl, int64_t row,
              const char *const *names, const char *const *oldv,
              const char *const *newv, int n, struct err *e)
{
    int i;

    for (i = 0; i < n; i++) {
        if (strcmp(oldv[i], newv[i]) != 0 &&
            db_audit(db, actor, "update", tbl, row, names[i], oldv[i],
                     newv[i], e)) {
            return -1;
        }
    }
    return 0;
}

/* One row of O with operation OP and new value VALUE about record ROW. */
static int
out_row(struct db *db, const struct audit_out *o, const char *op, int64_t row,
        const char *value, struct err *e)
{
    static const char sql[] =
        "INSERT INTO audit(at, actor, op, tbl, row_id, field, old, new, nrows, revealed) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    sqlite3_stmt *st = db_prep(db, sql, e);

    if (st == NULL) {
        return -1;
    }
    bind_row(st, o->actor, op, o->tbl, row, o->what, o->detail, value);
    db_bind_int(st, 9, o->nrows);
    db_bind_int(st, 10, o->revealed != 0);
    return db_done(db, st, e);
}

/* The rows of O (one a record, or one without) in one transaction. */
static int
out_rows(struct db *db, const struct audit_out *o, const char *op,
         const char *value, struct err *e)
{
    size_t i;
    int rc;

    if (db_begin(db, e)) {
        return -1;
    }
    rc = o->nids == 0 ? out_row(db, o, op, 0, value, e) : 0;
    for (i = 0; i < o->nids && rc == 0; i++) {
        rc = out_row(db, o, op, o->ids[i], value, e);
    }
    return rec_end_tx(db, rc, e);
}

int
db_audit_out(struct db *db, const struct audit_out *o, struct err *e)
{
    return out_rows(db, o, o->op, o->dest, e);
}

int
db_audit_undelivered(struct db *db, const struct audit_out *o, const char *reason,
                     struct err *e)
{
    return out_rows(db, o, "undelivered", reason, e);
}

static void
audit_clear(void *row)
{
    struct audit_row *r = row;

    free(r->old_value);
    free(r->new_value);
    free(r->reason);
}

/* One row of the query below into ROW. */
static void
audit_fill(sqlite3_stmt *st, void *row)
{
    struct audit_row *r = row;

    db_col_text(st, 0, r->at, sizeof(r->at));
    db_col_text(st, 1, r->actor, sizeof(r->actor));
    db_col_text(st, 2, r->op, sizeof(r->op));
    db_col_text(st, 3, r->tbl, sizeof(r->tbl));
    r->row = db_col_int(st, 4);
    db_col_text(st, 5, r->field, sizeof(r->field));
    r->old_value = db_col_strdup(st, 6);
    r->new_value = db_col_strdup(st, 7);
    r->reason = db_col_strdup(st, 8);
}

int
db_audit_household(struct db *db, int64_t hh, int limit,
                   struct audit_row **v, size_t *n, struct err *e)
{
    static const char sql[] =
        "SELECT at, actor, op, tbl, coalesce(row_id, 0), coalesce(field, ''), "
        "old, new, reason FROM audit WHERE "
        "(tbl = 'household' AND row_id = ?1) OR "
        "(tbl = 'person' AND row_id IN (SELECT id FROM person WHERE household_id = ?1)) OR "
        "(tbl = 'income' AND row_id IN (SELECT id FROM income WHERE household_id = ?1)) OR "
        "(tbl = 'guarantee' AND row_id IN (SELECT id FROM guarantee WHERE household_id = ?1)) OR "
        "(tbl = 'monitor_case' AND row_id IN (SELECT id FROM monitor_case WHERE household_id = ?1)) OR "
        "(tbl = 'measure' AND row_id IN (SELECT id FROM measure WHERE household_id = ?1)) OR "
        "(tbl = 'visit' AND row_id IN (SELECT id FROM visit WHERE household_id = ?1)) "
        "ORDER BY id DESC LIMIT ?2";
    sqlite3_stmt *st = db_prep(db, sql, e);
    void *rows;
    int rc;

    if (st != NULL) {
        db_bind_int(st, 1, hh);
        db_bind_int(st, 2, limit);
    }
    rc = db_rows(db, st, sizeof(**v), audit_fill, audit_clear, &rows, n,
                 _("reading the audit log"), e);
    *v = rows;
    return rc;
}

void
audit_rows_free(struct audit_row *v, size_t n)
{
    free_each(v, n, sizeof(*v), audit_clear);
}

int64_t
db_audit_count(struct db *db, struct err *e)
{
    static const char sql[] = "SELECT count(*) FROM audit";
    sqlite3_stmt *st = db_prep(db, sql, e);
    int64_t n = -1;

    if (st != NULL && sqlite3_step(st) == SQLITE_ROW) {
        n = sqlite3_column_int64(st, 0);
    }
    if (st != NULL) {
        sqlite3_reset(st);
    }
    return n;
}

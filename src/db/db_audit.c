/*
 * db_audit.c - appending to the audit log.
 */
#include "config.h"
#include "db/db_audit.h"

#include <stdlib.h>
#include <string.h>

#include "db/db_priv.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

int
db_audit(struct db *db, const char *actor, const char *op, const char *tbl,
         int64_t row, const char *field, const char *old_value,
         const char *new_value, struct err *e)
{
    static const char sql[] =
        "INSERT INTO audit(at, actor, op, tbl, row_id, field, old, new) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    sqlite3_stmt *st = db_prep(db, sql, e);
    char now[32];

    if (st == NULL) {
        return -1;
    }
    clock_now(now, sizeof(now));
    db_bind_text(st, 1, now);
    db_bind_text(st, 2, actor);
    db_bind_text(st, 3, op);
    db_bind_text(st, 4, tbl);
    db_bind_id(st, 5, row);
    db_bind_text_or_null(st, 6, field);
    db_bind_text_or_null(st, 7, old_value);
    db_bind_text_or_null(st, 8, new_value);
    return db_done(db, st, e);
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

static void
audit_clear(void *row)
{
    struct audit_row *r = row;

    free(r->old_value);
    free(r->new_value);
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
}

int
db_audit_household(struct db *db, int64_t hh, int limit,
                   struct audit_row **v, size_t *n, struct err *e)
{
    static const char sql[] =
        "SELECT at, actor, op, tbl, coalesce(row_id, 0), coalesce(field, ''), "
        "old, new FROM audit WHERE "
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

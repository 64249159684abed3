/*
 * db_audit.c - appending to the audit log.
 */
#include "config.h"
#include "db/db_audit.h"

#include <string.h>

#include "db/db.h"
#include "util/clock.h"
#include "util/err.h"

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

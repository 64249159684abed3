/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_dump.c - the county's tables row by row as text in one read
 * transaction (db_dump.h).  The statements are string literals, one per
 * table (T below); the tables left out are the audit log (the county's
 * own record of who did what, personal in its old and new values), the
 * accounts (staff), the screens' saved lists (hh_list, worklist), the
 * search index (hh_search*), the assessment's cache and the counter of
 * changes behind it (assess_cache, data_version: made again from the data)
 * and SQLite's own (sqlite_*, meta: the manifest carries the county).  tests/cli/t25-snapshot.sh checks that every other
 * table of the schema is here.
 */
#include "config.h"
#include "db/db_dump.h"

#include "db/db_priv.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"

#define T(name) {name, "SELECT * FROM " name}

static const struct {
    const char *name, *sql;
} tables[] = {
    T("division"), T("household"), T("person"), T("income"), T("guarantee"),
    T("monitor_case"), T("case_risk"), T("case_step"), T("measure"), T("cadre"),
    T("household_cadre"), T("visit"), T("dept_warning"), T("fund"), T("project"),
    T("project_step"), T("project_household"), T("allocation"), T("payment"), T("asset"),
    T("asset_source"), T("asset_income"), T("partner"), T("pairing"), T("agreement"),
    T("agreement_target"), T("pair_record"), T("team"), T("team_member"), T("attendance"),
    T("team_grade"), T("assess_round"), T("assess_unit"), T("assess_score"),
};

size_t
db_dump_count(void)
{
    return ARRAY_SIZE(tables);
}

const char *
db_dump_name(size_t i)
{
    return i < ARRAY_SIZE(tables) ? tables[i].name : NULL;
}

int
db_dump_begin(struct db *db, struct err *e)
{
    /* A deferred transaction takes its snapshot at its first read: read
     * at once, so that the state is the one of this moment. */
    if (sqlite3_exec(db->h, "BEGIN; SELECT count(*) FROM division", NULL, NULL, NULL) !=
        SQLITE_OK) {
        return db_fail(db, e, _("starting the snapshot's read transaction"));
    }
    db->in_tx = 1;
    return 0;
}

void
db_dump_end(struct db *db)
{
    db_rollback(db);
}

/* The names and declared types of ST's N columns into NAMES, TYPES. */
static void
header(sqlite3_stmt *st, int n, const char **names, const char **types)
{
    int i;

    for (i = 0; i < n; i++) {
        const char *t = sqlite3_column_decltype(st, i);

        names[i] = sqlite3_column_name(st, i);
        types[i] = t != NULL && *t ? t : "TEXT";
    }
}

/* The values of ST's row into V (NULL for NULL). */
static void
values(sqlite3_stmt *st, int n, const char **v)
{
    int i;

    for (i = 0; i < n; i++) {
        v[i] = sqlite3_column_type(st, i) == SQLITE_NULL ? NULL
                                                        : (const char *)sqlite3_column_text(st, i);
    }
}

int
db_dump_table(struct db *db, size_t i, db_row_fn fn, void *ctx, struct err *e)
{
    sqlite3_stmt *st = i < ARRAY_SIZE(tables) ? db_prep(db, tables[i].sql, e) : NULL;
    const char *names[DB_DUMP_MAX_COLS], *types[DB_DUMP_MAX_COLS], *v[DB_DUMP_MAX_COLS];
    struct db_row r = {0, names, types, NULL};
    int rc;

    if (st == NULL) {
        return -1;
    }
    r.n = sqlite3_column_count(st);
    if (r.n > DB_DUMP_MAX_COLS) {
        sqlite3_reset(st);
        return err_set(e, ERR_DB, "BUG: %s has more than %d columns", tables[i].name, DB_DUMP_MAX_COLS);
    }
    header(st, r.n, names, types);
    if (fn(ctx, &r, e) != 0) {
        sqlite3_reset(st);
        return -1;
    }
    r.v = v;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        values(st, r.n, v);
        if (fn(ctx, &r, e) != 0) {
            sqlite3_reset(st);
            return -1;
        }
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : db_fail(db, e, _("reading a table for the snapshot"));
}

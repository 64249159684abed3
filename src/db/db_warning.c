/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_warning.c - department warnings (see db_warning.h): one record on
 * db_rec's column table, the look-up of a sheet's ID number in the
 * registry, and the two outcomes of a verification.
 */
#include "config.h"
#include "db/db_warning.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/mcase.h"
#include "core/role.h"
#include "core/codes.h"
#include "core/rules.h"
#include "db/db_case.h"
#include "db/db_list.h"
#include "db/db_rec.h"
#include "db/db_snapshot.h"
#include "util/i18n.h"
#include "util/xalloc.h"

static const char *
status_name(int v)
{
    return warn_status_name((enum warn_status)v);
}

static int
status_parse(const char *name, int *v)
{
    enum warn_status s;

    if (warn_status_parse(name, &s)) {
        return -1;
    }
    *v = (int)s;
    return 0;
}

static const struct rec_enum statuses = {status_name, status_parse};

static const struct rec_col warn_cols[] = {
    REC_COLF(struct dept_warning, person_id, RC_ID, RF_NOTNULL | RF_INSERT),
    REC_COLF(struct dept_warning, household_id, RC_ID, RF_NOTNULL | RF_INSERT),
    REC_COLF(struct dept_warning, dept, RC_TEXT, RF_NOTNULL | RF_INSERT),
    REC_COLF(struct dept_warning, id_no, RC_TEXT, RF_NOTNULL | RF_INSERT),
    REC_COLF(struct dept_warning, name, RC_TEXT, RF_INSERT),
    REC_COLF(struct dept_warning, value, RC_TEXT, RF_NOTNULL | RF_INSERT),
    REC_COLF(struct dept_warning, value_fen, RC_FEN, RF_OPTIONAL | RF_INSERT),
    REC_COLF(struct dept_warning, event_date, RC_DATE, RF_INSERT),
    REC_COLF(struct dept_warning, rule, RC_TEXT, RF_NOTNULL | RF_INSERT),
    REC_COLF(struct dept_warning, source_file, RC_TEXT, RF_NOTNULL | RF_INSERT),
    REC_COLF(struct dept_warning, import_date, RC_DATE, RF_INSERT),
    REC_ENUM(struct dept_warning, status, statuses),
    REC_COL(struct dept_warning, reason, RC_PTEXT),
    REC_COL(struct dept_warning, decided_by, RC_TEXT),
    REC_COL(struct dept_warning, decided_on, RC_DATE),
    REC_COL(struct dept_warning, case_id, RC_ID),
};

/* The insert's audit row shows the rule. */
static const struct rec_def warn_def =
    REC_DEF(struct dept_warning, "dept_warning", warn_cols, 8);

REC_GET(warning, struct dept_warning, warn_def)

/* --- the registry's person --------------------------------------------- */

static void
match_fill(sqlite3_stmt *st, void *out)
{
    struct warn_match *m = out;
    const unsigned char *risks;
    enum case_state s = CS_NONE;
    char buf[80];
    char *tok, *save = NULL;

    m->person_id = db_col_int(st, 0);
    m->household_id = db_col_int(st, 1);
    m->township_id = db_col_int(st, 2);
    m->village_id = db_col_int(st, 3);
    db_col_text(st, 4, m->township, sizeof(m->township));
    db_col_text(st, 5, m->hh_no, sizeof(m->hh_no));
    db_col_text(st, 6, m->name, sizeof(m->name));
    db_col_text(st, 7, m->hh_type, sizeof(m->hh_type));
    if (sqlite3_column_type(st, 8) != SQLITE_NULL &&
        case_state_parse((const char *)sqlite3_column_text(st, 8), &s) != 0) {
        s = CS_NONE;
    }
    m->state = (int)s;
    risks = sqlite3_column_text(st, 9);
    snprintf(buf, sizeof(buf), "%s", risks != NULL ? (const char *)risks : "");
    m->nrisks = 0;
    for (tok = strtok_r(buf, ",", &save); tok != NULL && m->nrisks < 5;
         tok = strtok_r(NULL, ",", &save)) {
        snprintf(m->risks[m->nrisks++], sizeof(m->risks[0]), "%s", tok);
    }
    db_col_text(st, 10, m->labour, sizeof(m->labour));
}

int
db_warning_match(struct db *db, const char *id_no, struct warn_match *m, struct err *e)
{
    static const char sql[] =
        "SELECT p.id, p.household_id, h.township_id, h.village_id, t.name, h.hh_no, "
        "p.name, h.hh_type, c.state, "
        "(SELECT group_concat(risk) FROM case_risk r WHERE r.case_id = c.id), p.labour "
        "FROM person p JOIN household h ON h.id = p.household_id "
        "JOIN division t ON t.id = h.township_id "
        "LEFT JOIN monitor_case c ON c.household_id = h.id AND c.state <> 'rejected' "
        "WHERE p.id_no = ? AND p.in_household = 1 ORDER BY p.id LIMIT 1";
    sqlite3_stmt *st = db_prep(db, sql, e);
    int rc;

    memset(m, 0, sizeof(*m));
    if (st != NULL) {
        db_bind_text(st, 1, id_no);
    }
    rc = db_row(db, st, match_fill, m, _("looking up the ID number"), e);
    return rc < 0 ? -1 : rc == 0;
}

/* --- storing ------------------------------------------------------------ */

int
db_warning_add(struct db *db, const char *actor, struct dept_warning *w, struct err *e)
{
    static const char sql[] =
        "SELECT count(*) FROM dept_warning WHERE dept = ? AND person_id = ? "
        "AND value = ? AND coalesce(event_date, '') = coalesce(?, '')";
    sqlite3_stmt *st = db_prep(db, sql, e);
    int64_t have = 0;

    if (st != NULL) {
        db_bind_text(st, 1, w->dept);
        db_bind_int(st, 2, w->person_id);
        db_bind_text(st, 3, w->value);
        db_bind_date(st, 4, w->event_date);
    }
    if (db_scalar(db, st, &have, _("looking for the same warning"), e)) {
        return -1;
    }
    if (have > 0) {
        return 1;
    }
    w->status = WS_PENDING;
    return rec_insert(db, &warn_def, actor, w, e);
}

/* --- lists -------------------------------------------------------------- */

static void
row_clear(void *row)
{
    dept_warning_clear(&((struct warn_row *)row)->w);
}

void
warn_rows_free(struct warn_row *v, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        row_clear(&v[i]);
    }
    free(v);
}

static void
row_fill(sqlite3_stmt *st, void *row)
{
    struct warn_row *r = row;
    int col = rec_read(st, 0, &warn_def, &r->w);

    db_col_text(st, col, r->hh_no, sizeof(r->hh_no));
    db_col_text(st, col + 1, r->township, sizeof(r->township));
    rec_col_place(st, col + 1, r->place, sizeof(r->place));
    r->township_id = db_col_int(st, col + 3);
    r->w.reason = db_col_strdup(st, col + 4);
}

int
db_warning_rows(struct db *db, const struct actor *a, const struct warn_filter *f,
                struct warn_row **v, size_t *n, struct err *e)
{
    sqlite3_stmt *st = rec_prep_select(db, &warn_def, "w",
        ", h.hh_no, t.name, vi.name, h.township_id, w.reason "
        "FROM dept_warning w JOIN household h ON h.id = w.household_id "
        "JOIN division t ON t.id = h.township_id "
        "JOIN division vi ON vi.id = h.village_id "
        "WHERE (?1 < 0 OR w.status = ?2) AND (?3 = '' OR w.dept = ?3) "
        "AND (?4 = 0 OR h.township_id = ?4) AND (?5 = 0 OR h.township_id = ?5) "
        "AND (?6 = 0 OR h.village_id = ?6) "
        "ORDER BY t.name, w.import_date, w.id", e);

    if (st != NULL) {
        db_bind_int(st, 1, f->status);
        db_bind_text(st, 2, f->status >= 0 ? warn_status_name((enum warn_status)f->status)
                                           : "");
        sqlite3_bind_text(st, 3, f->dept != NULL ? f->dept : "", -1, SQLITE_TRANSIENT);
        db_bind_int(st, 4, f->township);
        db_bind_int(st, 5, a->scope_level == LEVEL_TOWNSHIP ? a->scope_id : 0);
        db_bind_int(st, 6, a->scope_level == LEVEL_VILLAGE ? a->scope_id : 0);
    }
    return db_rows(db, st, sizeof(**v), row_fill, row_clear, (void **)v, n,
                   _("reading the department warnings"), e);
}

/* --- outcomes ----------------------------------------------------------- */

/* Read warning ID into OLD and check that A may decide it now: in A's
 * scope, still pending. */
static int
load_pending(struct db *db, const struct actor *a, int64_t id, struct dept_warning *old,
             struct err *e)
{
    static const char sql[] =
        "SELECT township_id, village_id FROM household WHERE id = ?";
    sqlite3_stmt *st;
    int64_t town = 0, village = 0;

    if (db_warning_get(db, id, old, e)) {
        return -1;
    }
    st = db_prep(db, sql, e);
    if (st == NULL) {
        return -1;
    }
    db_bind_int(st, 1, old->household_id);
    if (db_one(db, st, _("reading the warning's household"), e) == 1) {
        town = db_col_int(st, 0);
        village = db_col_int(st, 1);
        sqlite3_reset(st);
    }
    if (rec_may_change_place(a, town, village, e)) {
        return -1;
    }
    if (old->status != WS_PENDING) {
        return err_set(e, ERR_RULE, _("this warning was verified already (%s)"),
                       warn_status_label(old->status));
    }
    return 0;
}

/* Decide warning ID (seen at VERSION) as STATUS: REASON, CASE_ID. */
static int
decide(struct db *db, const struct actor *a, int64_t id, int64_t version,
       enum warn_status status, const char *reason, int64_t case_id, int day,
       struct err *e)
{
    struct dept_warning old, w;
    int rc;

    dept_warning_init(&old);
    dept_warning_init(&w);
    rc = load_pending(db, a, id, &old, e);
    if (rc == 0) {
        w = old;
        w.reason = reason != NULL && *reason ? xstrdup(reason) : NULL;
        w.status = status;
        w.case_id = case_id;
        w.decided_on = day;
        w.version = version;
        snprintf(w.decided_by, sizeof(w.decided_by), "%s", a->login);
        rc = rec_update(db, &warn_def, a->login, &old, &w, _("department warning"), e);
        free(w.reason);
    }
    dept_warning_clear(&old);
    return rc;
}

int
db_warning_close(struct db *db, const struct actor *a, int64_t id, int64_t version,
                 const char *reason, int day, struct err *e)
{
    int rc;

    if (reason == NULL || *reason == '\0') {
        return err_set(e, ERR_INVALID, _("give the reason why the household is not eligible"));
    }
    if (db_begin(db, e)) {
        return -1;
    }
    rc = decide(db, a, id, version, WS_REJECTED, reason, 0, day, e);
    return rec_end_tx(db, rc, e);
}

int
db_warning_to_clue(struct db *db, const struct actor *a, int64_t id, int64_t version,
                   int64_t case_id, int day, struct err *e)
{
    return decide(db, a, id, version, WS_CLUE, NULL, case_id, day, e);
}

int
db_warning_to_case(struct db *db, const struct rule_ctx *ctx, const struct actor *a,
                   int64_t id, int64_t version, const char *risk, int day, int *added,
                   struct err *e)
{
    struct dept_warning w;
    struct hh_snapshot s;
    char reason[200];
    int rc;

    *added = 0;
    if (risk == NULL || *risk == '\0') {
        return err_set(e, ERR_INVALID, _("give the risk the warning adds to the case"));
    }
    memset(&s, 0, sizeof(s));
    dept_warning_init(&w);
    if (db_begin(db, e)) {
        return -1;
    }
    rc = load_pending(db, a, id, &w, e) || db_snapshot_load(db, w.household_id, &s, e);
    if (rc == 0) {
        snprintf(reason, sizeof(reason), _("risk %s added to the open case"),
                 code_label(rule_codes(ctx), "risk", risk));
        rc = db_case_add_risk(db, a->login, &s, risk, day, reason, added, e) ||
             decide(db, a, id, version, WS_CLUE, reason, s.mcase.id, day, e) ||
             db_list_refresh_hh(db, ctx, &s.hh, e);
    }
    rc = rec_end_tx(db, rc, e);
    dept_warning_clear(&w);
    snapshot_free(&s);
    return rc;
}

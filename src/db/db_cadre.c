/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_cadre.c - responsible cadres and their households (see db_cadre.h).
 * Stored through db_rec.c; this file adds the place (the township and
 * village a cadre serves, which scopes it), the list with each cadre's
 * households, and the assignment that ends the one before it.
 */
#include "config.h"
#include "db/db_cadre.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/need.h"
#include "core/role.h"
#include "core/rules.h"
#include "db/db_list.h"
#include "db/db_rec.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

static const struct rec_col cadre_cols[] = {
    REC_COLF(struct cadre, name, RC_TEXT, RF_NOTNULL),
    REC_COL(struct cadre, sex, RC_TEXT),
    REC_COL(struct cadre, unit, RC_TEXT),
    REC_COL(struct cadre, phone, RC_TEXT),
    REC_COL(struct cadre, kind, RC_TEXT),
    REC_COL(struct cadre, post, RC_TEXT),
    REC_COL(struct cadre, township_id, RC_ID),
    REC_COL(struct cadre, village_id, RC_ID),
};

static const struct rec_def cadre_def = REC_DEF(struct cadre, "cadre", cadre_cols, 0);

static const struct rec_col hh_cadre_cols[] = {
    REC_COLF(struct hh_cadre, household_id, RC_ID, RF_NOTNULL | RF_INSERT),
    REC_COLF(struct hh_cadre, cadre_id, RC_ID, RF_NOTNULL | RF_INSERT),
    REC_COL_AS(struct hh_cadre, start, "start_date", RC_DATE),
    REC_COL_AS(struct hh_cadre, end, "end_date", RC_DATE),
    REC_COLF(struct hh_cadre, assigned_by, RC_TEXT, RF_INSERT),
    REC_COL(struct hh_cadre, ended_by, RC_TEXT),
};

static const struct rec_def hh_cadre_def =
    REC_DEF(struct hh_cadre, "household_cadre", hh_cadre_cols, 1);

int
db_cadre_insert(struct db *db, const char *actor, struct cadre *c, int audit,
                struct err *e)
{
    return rec_insert(db, &cadre_def, audit ? actor : NULL, c, e);
}

int
db_household_cadre_insert(struct db *db, const char *actor, int64_t household,
                          int64_t cadre, int start, int audit, struct err *e)
{
    struct hh_cadre hc;

    memset(&hc, 0, sizeof(hc));
    hc.household_id = household;
    hc.cadre_id = cadre;
    hc.start = start;
    hc.end = DATE_NONE;
    snprintf(hc.assigned_by, sizeof(hc.assigned_by), "%s", actor != NULL ? actor : "");
    return rec_insert(db, &hh_cadre_def, audit ? actor : NULL, &hc, e);
}

/* --- the cadres ---------------------------------------------------------- */

static void
cadre_init(struct cadre *c)
{
    memset(c, 0, sizeof(*c));
}

static void
clear_cadre(void *p)
{
    (void)p;
}

REC_GET(cadre, struct cadre, cadre_def)

static int
cadre_store(const struct rec_job *j)
{
    const struct cadre *c = j->rec;
    struct cadre old;

    if (rec_check_place(j->db, c->township_id, c->village_id, j->e)) {
        return -1;
    }
    cadre_init(&old);
    if (c->id != 0 &&
        (rec_get(j->db, &cadre_def, c->id, &old, j->e) ||
         rec_may_change_place(j->a, old.township_id, old.village_id, j->e))) {
        return -1;
    }
    return rec_store(j, &cadre_def, &old, clear_cadre, _("this cadre"));
}

int
db_cadre_save(struct db *db, const struct rule_ctx *ctx, const struct actor *a,
              struct cadre *c, struct err *e)
{
    const struct rec_job j = {db, ctx, a, c, e};

    if (rec_may_change_place(a, c->township_id, c->village_id, e) ||
        cadre_check(rule_codes(ctx), c, e)) {
        return -1;
    }
    return rec_save_tx(&cadre_def, c, cadre_store, &j);
}

static void
cadre_list_fill(sqlite3_stmt *st, void *row)
{
    struct cadre_list_row *r = row;
    int at = rec_read(st, 0, &cadre_def, &r->c);

    rec_col_place(st, at, r->place, sizeof(r->place));
    r->households = (int)db_col_int(st, at + 2);
}

int
db_cadre_list(struct db *db, const struct actor *a, int64_t township,
              struct cadre_list_row **v, size_t *n, struct err *e)
{
    sqlite3_stmt *st = rec_prep_select(db, &cadre_def, "c",
        ", coalesce(t.name, ''), v.name,"
        " (SELECT count(*) FROM household_cadre x WHERE x.cadre_id = c.id"
        "   AND x.end_date IS NULL)"
        " FROM cadre c LEFT JOIN division t ON t.id = c.township_id"
        " LEFT JOIN division v ON v.id = c.village_id"
        " WHERE (?1 = 0 OR c.township_id = ?1)"
        " ORDER BY t.code, v.code, c.name, c.id", e);
    size_t i, keep = 0;

    if (st != NULL) {
        db_bind_int(st, 1, township);
    }
    if (db_rows(db, st, sizeof(**v), cadre_list_fill, NULL, (void **)v, n,
                _("reading the responsible cadres"), e)) {
        return -1;
    }
    for (i = 0; i < *n; i++) {
        const struct cadre *c = &(*v)[i].c;

        /* A village account sees the cadres of its village and those of
         * its township serving no village in particular. */
        if (actor_sees(a, c->township_id, c->village_id) ||
            (a->scope_level == LEVEL_VILLAGE && c->village_id == 0 &&
             rec_check_place(db, c->township_id, a->scope_id, NULL) == 0)) {
            (*v)[keep++] = (*v)[i];
        }
    }
    *n = keep;
    return 0;
}

/* --- a household's cadres ---------------------------------------------- */

#define CADRE_ROW_COLS \
    "SELECT hc.id, c.id, c.name, coalesce(c.unit, ''), coalesce(c.phone, ''), " \
    "coalesce(c.post, ''), coalesce(c.kind, ''), hc.start_date, hc.end_date, " \
    "coalesce(hc.assigned_by, ''), coalesce(hc.ended_by, '') " \
    "FROM household_cadre hc JOIN cadre c ON c.id = hc.cadre_id "

/* One row of the queries below into ROW. */
static void
cadre_fill(sqlite3_stmt *st, void *row)
{
    struct cadre_row *r = row;

    r->link = db_col_int(st, 0);
    r->cadre_id = db_col_int(st, 1);
    db_col_text(st, 2, r->name, sizeof(r->name));
    db_col_text(st, 3, r->unit, sizeof(r->unit));
    db_col_text(st, 4, r->phone, sizeof(r->phone));
    db_col_text(st, 5, r->post, sizeof(r->post));
    db_col_text(st, 6, r->kind, sizeof(r->kind));
    r->start = db_col_date(st, 7);
    r->end = db_col_date(st, 8);
    db_col_text(st, 9, r->assigned_by, sizeof(r->assigned_by));
    db_col_text(st, 10, r->ended_by, sizeof(r->ended_by));
}

int
db_household_cadres(struct db *db, int64_t hh, struct cadre_row **v,
                    size_t *n, struct err *e)
{
    static const char sql[] = CADRE_ROW_COLS
        "WHERE hc.household_id = ? AND hc.end_date IS NULL ORDER BY hc.id";

    return db_rows_of(db, sql, hh, sizeof(**v), cadre_fill, NULL, (void **)v, n,
                      _("reading the responsible cadres"), e);
}

int
db_household_cadre_history(struct db *db, int64_t hh, struct cadre_row **v,
                           size_t *n, struct err *e)
{
    static const char sql[] = CADRE_ROW_COLS
        "WHERE hc.household_id = ? "
        "ORDER BY hc.end_date IS NOT NULL, hc.end_date DESC, hc.id DESC";

    return db_rows_of(db, sql, hh, sizeof(**v), cadre_fill, NULL, (void **)v, n,
                      _("reading the responsible cadres"), e);
}

static void
cadre_hh_fill(sqlite3_stmt *st, void *row)
{
    struct cadre_hh *r = row;

    r->id = db_col_int(st, 0);
    db_col_text(st, 1, r->hh_no, sizeof(r->hh_no));
    db_col_text(st, 2, r->head, sizeof(r->head));
    db_col_text(st, 3, r->village, sizeof(r->village));
    r->start = db_col_date(st, 4);
}

int
db_cadre_households(struct db *db, int64_t id, struct cadre_hh **v, size_t *n,
                    struct err *e)
{
    static const char sql[] =
        "SELECT h.id, h.hh_no, coalesce(l.head, ''), coalesce(d.name, ''), hc.start_date "
        "FROM household_cadre hc JOIN household h ON h.id = hc.household_id "
        "LEFT JOIN hh_list l ON l.id = h.id LEFT JOIN division d ON d.id = h.village_id "
        "WHERE hc.cadre_id = ? AND hc.end_date IS NULL ORDER BY h.hh_no";

    return db_rows_of(db, sql, id, sizeof(**v), cadre_hh_fill, NULL, (void **)v, n,
                      _("reading the responsible cadres"), e);
}

/* --- assignment ---------------------------------------------------------- */

/* The household's place into *TOWNSHIP and *VILLAGE. */
static void
place_fill(sqlite3_stmt *st, void *row)
{
    int64_t *p = row;

    p[0] = db_col_int(st, 0);
    p[1] = db_col_int(st, 1);
}

/* Household HH may be given cadre C by A. */
static int
may_assign(struct db *db, const struct actor *a, const struct cadre *c, int64_t hh,
           struct err *e)
{
    sqlite3_stmt *st = db_prep(db, "SELECT township_id, coalesce(village_id, 0) "
                                   "FROM household WHERE id = ?", e);
    int64_t place[2] = {0, 0};
    int rc;

    if (st != NULL) {
        db_bind_int(st, 1, hh);
    }
    rc = db_row(db, st, place_fill, place, _("reading the household"), e);
    if (rc != 0) {
        return rc < 0 ? -1 : err_set(e, ERR_NOTFOUND, _("no household #%lld"), (long long)hh);
    }
    if (!actor_changes(a, place[0], place[1])) {
        return err_set(e, ERR_DENIED, "%s", _("This household is outside your scope."));
    }
    if (place[0] != c->township_id) {
        return err_set(e, ERR_RULE, "%s",
                       _("the cadre serves another township; choose a cadre of the household's township"));
    }
    return 0;
}

/* End link R of household HH on DAY, as A. */
static int
end_link(struct db *db, const struct actor *a, const struct cadre_row *r, int day,
         struct err *e)
{
    struct hh_cadre old, now;
    char d[DATE_BUF];

    memset(&old, 0, sizeof(old));
    if (rec_get(db, &hh_cadre_def, r->link, &old, e)) {
        return -1;
    }
    if (day < old.start) {
        date_format(old.start, d);
        return err_set(e, ERR_RULE,
                       _("%s is responsible from %s; the new cadre cannot start before that"),
                       r->name, d);
    }
    now = old;
    now.end = day;
    snprintf(now.ended_by, sizeof(now.ended_by), "%s", a->login);
    return rec_update(db, &hh_cadre_def, a->login, &old, &now,
                      _("this household's responsible cadre"), e);
}

/* Assign cadre C to household HH from DAY; *DONE when it changed. */
static int
assign_one(struct db *db, const struct rule_ctx *ctx, const struct actor *a,
           const struct cadre *c, int64_t hh, int day, int64_t expect, int *done,
           struct err *e)
{
    struct cadre_row *v = NULL;
    size_t n = 0, i;
    int rc, has = 0;

    *done = 0;
    if (may_assign(db, a, c, hh, e) || db_household_cadres(db, hh, &v, &n, e)) {
        return -1;
    }
    if (expect >= 0 && (n > 0 ? v[0].link : 0) != expect) {
        free(v);
        return err_set(e, ERR_CONFLICT, "%s",
                       _("someone changed this household's responsible cadre meanwhile; look at it again"));
    }
    for (i = 0; i < n; i++) {
        has |= v[i].cadre_id == c->id;
    }
    rc = 0;
    for (i = 0; !has && rc == 0 && i < n; i++) {
        rc = end_link(db, a, &v[i], day, e);
    }
    free(v);
    if (rc != 0 || has) {
        return rc;
    }
    *done = 1;
    return db_household_cadre_insert(db, a->login, hh, c->id, day, 1, e) ||
                   db_list_refresh(db, ctx, hh, e)
               ? -1
               : 0;
}

int
db_cadre_assign(struct db *db, const struct rule_ctx *ctx, const struct actor *a,
                int64_t cadre, const int64_t *hh, size_t n, int day,
                int64_t expect, size_t *changed, struct err *e)
{
    struct cadre c;
    size_t i, count = 0;
    int rc, done;

    cadre_init(&c);
    if (rec_may_write(a, e) ||
        need_date(day, ctx->today, 1, _("day the cadre takes over"), e)) {
        return -1;
    }
    if (db_begin(db, e)) {
        return -1;
    }
    rc = db_cadre_get(db, cadre, &c, e);
    if (rc == 0 && c.township_id == 0) {
        rc = err_set(e, ERR_RULE, "%s", _("the cadre serves no township; edit the cadre first"));
    }
    for (i = 0; rc == 0 && i < n; i++) {
        rc = assign_one(db, ctx, a, &c, hh[i], day, n == 1 ? expect : -1, &done, e);
        count += (size_t)done;
    }
    if (rec_end_tx(db, rc, e)) {
        return -1;
    }
    if (changed != NULL) {
        *changed = count;
    }
    return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_print.c - rows for the prints: publicity lists and visit worklists.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/mcase.h"
#include "db/db_print.h"
#include "db/db_priv.h"
#include "util/err.h"
#include "util/i18n.h"

static void publicity_fill(sqlite3_stmt *st, void *row)
{
    struct publicity_row *r = row;

    r->household_id = db_col_int(st, 0);
    db_col_text(st, 1, r->group, sizeof(r->group));
    db_col_text(st, 2, r->head, sizeof(r->head));
    r->members = (int)db_col_int(st, 3);
    db_col_text(st, 4, r->category, sizeof(r->category));
    db_col_text(st, 5, r->elim_method, sizeof(r->elim_method));
    r->pub_start = db_col_date(st, 6);
    r->pub_end = db_col_date(st, 7);
}

int db_publicity_rows(struct db *db, int64_t village, int elimination,
                      struct publicity_row **v, size_t *n, struct err *e)
{
    static const char sql[] =
        "SELECT h.id, coalesce(g.name, ''), l.head, l.members, c.category, "
        "coalesce(c.elim_method, ''), s.pub_start, s.pub_end "
        "FROM monitor_case c JOIN household h ON h.id = c.household_id "
        "JOIN hh_list l ON l.id = h.id "
        "LEFT JOIN division g ON g.id = h.natural_village_id "
        "LEFT JOIN case_step s ON s.id = (SELECT max(id) FROM case_step "
        "  WHERE case_id = c.id AND action = ?) "
        "WHERE h.village_id = ? AND c.state = ? "
        "ORDER BY g.code, g.name, l.head_key, h.id";
    sqlite3_stmt *st = db_prep(db, sql, e);
    void *rows;
    int rc;

    if (st != NULL) {
        db_bind_text(st, 1, case_action_name(elimination ? CA_ELIM_PUBLICIZE : CA_PUBLICIZE));
        db_bind_int(st, 2, village);
        db_bind_text(st, 3, case_state_name(elimination ? CS_ELIM_PUBLICIZING : CS_PUBLICIZING));
    }
    rc = db_rows(db, st, sizeof(**v), publicity_fill, NULL, &rows, n,
                 _("reading the households in publicity"), e);
    *v = rows;
    return rc;
}

static void elimination_fill(sqlite3_stmt *st, void *row)
{
    struct elimination_row *r = row;

    r->household_id = db_col_int(st, 0);
    r->township_id = db_col_int(st, 1);
    r->village_id = db_col_int(st, 2);
    db_col_text(st, 3, r->township, sizeof(r->township));
    db_col_text(st, 4, r->village, sizeof(r->village));
    db_col_text(st, 5, r->head, sizeof(r->head));
    r->members = (int)db_col_int(st, 6);
    db_col_text(st, 7, r->category, sizeof(r->category));
    db_col_text(st, 8, r->elim_method, sizeof(r->elim_method));
    r->eliminated_on = db_col_date(st, 9);
}

int db_elimination_rows(struct db *db, int from, int to, int64_t township,
                        int64_t village, struct elimination_row **v, size_t *n,
                        struct err *e)
{
    static const char sql[] =
        "SELECT h.id, h.township_id, h.village_id, t.name, d.name, l.head, l.members, "
        "c.category, coalesce(c.elim_method, ''), c.eliminated_on "
        "FROM monitor_case c JOIN household h ON h.id = c.household_id "
        "JOIN hh_list l ON l.id = h.id "
        "JOIN division t ON t.id = h.township_id "
        "JOIN division d ON d.id = h.village_id "
        "WHERE c.state = ?1 AND c.eliminated_on BETWEEN ?2 AND ?3 "
        "AND (?4 IS NULL OR h.township_id = ?4) AND (?5 IS NULL OR h.village_id = ?5) "
        "ORDER BY t.code, t.name, d.code, d.name, c.eliminated_on, l.head_key, h.id";
    sqlite3_stmt *st = db_prep(db, sql, e);
    void *rows;
    int rc;

    if (st != NULL) {
        db_bind_text(st, 1, case_state_name(CS_ELIMINATED));
        db_bind_date(st, 2, from);
        db_bind_date(st, 3, to);
        db_bind_id(st, 4, township);
        db_bind_id(st, 5, village);
    }
    rc = db_rows(db, st, sizeof(**v), elimination_fill, NULL, &rows, n,
                 _("reading the households whose risk was eliminated"), e);
    *v = rows;
    return rc;
}

static void visit_fill(sqlite3_stmt *st, void *row)
{
    struct visit_due_row *r = row;

    r->household_id = db_col_int(st, 0);
    r->township_id = db_col_int(st, 1);
    r->village_id = db_col_int(st, 2);
    r->cadre_id = db_col_int(st, 3);
    db_col_text(st, 4, r->cadre, sizeof(r->cadre));
    db_col_text(st, 5, r->unit, sizeof(r->unit));
    db_col_text(st, 6, r->village, sizeof(r->village));
    db_col_text(st, 7, r->head, sizeof(r->head));
    db_col_text(st, 8, r->address, sizeof(r->address));
    r->last_visit = db_col_date(st, 9);
    r->due = db_col_date(st, 10);
}

int db_visits_due(struct db *db, int64_t cadre, int until,
                  struct visit_due_row **v, size_t *n, struct err *e)
{
    static const char sql[] =
        "SELECT l.id, l.township_id, l.village_id, k.id, k.name, "
        "coalesce(k.unit, ''), d.name, l.head, coalesce(h.address, ''), "
        "l.last_visit, l.visit_due "
        "FROM hh_list l JOIN household h ON h.id = l.id "
        "JOIN household_cadre hc ON hc.household_id = l.id AND hc.end_date IS NULL "
        "JOIN cadre k ON k.id = hc.cadre_id "
        "JOIN division d ON d.id = l.village_id "
        "WHERE l.visit_due IS NOT NULL AND l.visit_due <= ? "
        "AND (? IS NULL OR k.id = ?) "
        "ORDER BY k.name, k.id, l.visit_due, l.head_key, l.id";
    sqlite3_stmt *st = db_prep(db, sql, e);
    void *rows;
    int rc;

    if (st != NULL) {
        db_bind_date(st, 1, until);
        db_bind_id(st, 2, cadre);
        db_bind_id(st, 3, cadre);
    }
    rc = db_rows(db, st, sizeof(**v), visit_fill, NULL, &rows, n,
                 _("reading the visits due"), e);
    *v = rows;
    return rc;
}

int db_cadre_find(struct db *db, const char *name, int64_t *id,
                  struct err *e)
{
    static const char sql[] =
        "SELECT id FROM cadre WHERE name = ? OR ('#' || id) = ? ORDER BY id LIMIT 2";
    sqlite3_stmt *st = db_prep(db, sql, e);
    int rc, found = 0;

    if (st == NULL) {
        return -1;
    }
    db_bind_text(st, 1, name);
    db_bind_text(st, 2, name);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        *id = db_col_int(st, 0);
        found++;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        return db_fail(db, e, _("finding the cadre"));
    }
    if (found == 0) {
        return err_set(e, ERR_NOTFOUND, _("no cadre named '%s'"), name);
    }
    if (found > 1) {
        return err_set(e, ERR_INVALID,
                       _("several cadres are named '%s': give the number instead, as #12"),
                       name);
    }
    return 0;
}

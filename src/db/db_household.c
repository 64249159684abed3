/*
 * db_household.c - inserts of the registry's records.
 */
#include "config.h"
#include "db/db_household.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "db/db.h"
#include "db/db_audit.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* Step an INSERT, set *ID, and write its audit row when AUDIT. */
static int
finish(struct db *db, sqlite3_stmt *st, const char *actor, const char *tbl,
       const char *summary, int audit, int64_t *id, struct err *e)
{
    if (db_done(db, st, e)) {
        return -1;
    }
    *id = sqlite3_last_insert_rowid(db->h);
    if (!audit) {
        return 0;
    }
    return db_audit(db, actor, "insert", tbl, *id, NULL, NULL, summary, e);
}

int
db_household_insert(struct db *db, const char *actor, struct household *h,
                    int audit, struct err *e)
{
    static const char sql[] =
        "INSERT INTO household(hh_no, township_id, village_id, "
        "natural_village_id, hh_type, address, phone, relocated, "
        "relocation_site, military, no_labour_support, house_grade, "
        "created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    sqlite3_stmt *st = db_prep(db, sql, e);
    char now[32];

    if (st == NULL) {
        return -1;
    }
    clock_now(now, sizeof(now));
    db_bind_text(st, 1, h->hh_no);
    db_bind_int(st, 2, h->township_id);
    db_bind_int(st, 3, h->village_id);
    db_bind_id(st, 4, h->natural_village_id);
    db_bind_text(st, 5, h->hh_type);
    db_bind_text_or_null(st, 6, h->address);
    db_bind_text_or_null(st, 7, h->phone);
    db_bind_int(st, 8, h->relocated);
    db_bind_text_or_null(st, 9, h->relocation_site);
    db_bind_int(st, 10, h->military);
    db_bind_int(st, 11, h->no_labour_support);
    db_bind_text_or_null(st, 12, h->house_grade);
    db_bind_text(st, 13, now);
    db_bind_text(st, 14, now);
    h->version = 1;
    return finish(db, st, actor, "household", h->hh_no, audit, &h->id, e);
}

int
db_person_insert(struct db *db, const char *actor, struct person *p,
                 int audit, struct err *e)
{
    static const char sql[] =
        "INSERT INTO person(household_id, person_no, name, sex, id_type, "
        "id_no, birth_date, relation, ethnicity, political, education, "
        "schooling, health, labour, work_place, work_months, ins_medical, "
        "ins_serious, medical_aid, ins_pension, dibao, tekun, public_job, "
        "phone, in_household, left_reason, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?, ?, ?, ?, ?, ?, ?)";
    const char *codes[] = {p->relation, p->ethnicity, p->political,
                           p->education, p->schooling, p->health, p->labour};
    const int flags[] = {p->work_months, p->ins_medical, p->ins_serious,
                         p->medical_aid, p->ins_pension, p->dibao, p->tekun};
    sqlite3_stmt *st = db_prep(db, sql, e);
    char now[32];
    int i;

    if (st == NULL) {
        return -1;
    }
    clock_now(now, sizeof(now));
    db_bind_int(st, 1, p->household_id);
    db_bind_text_or_null(st, 2, p->person_no);
    db_bind_text(st, 3, p->name);
    db_bind_text_or_null(st, 4, p->sex);
    db_bind_text_or_null(st, 5, p->id_type);
    db_bind_text_or_null(st, 6, p->id_no);
    db_bind_date(st, 7, p->birth);
    for (i = 0; i < 7; i++) {
        db_bind_text_or_null(st, 8 + i, codes[i]);
    }
    db_bind_text_or_null(st, 15, p->work_place);
    for (i = 0; i < 7; i++) {
        db_bind_int(st, 16 + i, flags[i]);
    }
    db_bind_text_or_null(st, 23, p->public_job);
    db_bind_text_or_null(st, 24, p->phone);
    db_bind_int(st, 25, p->in_household);
    db_bind_text_or_null(st, 26, p->left_reason);
    db_bind_text(st, 27, now);
    db_bind_text(st, 28, now);
    p->version = 1;
    return finish(db, st, actor, "person", p->name, audit, &p->id, e);
}

int
db_income_insert(struct db *db, const char *actor, struct income *inc,
                 int audit, struct err *e)
{
    static const char sql[] =
        "INSERT INTO income(household_id, year, wage, business, property, "
        "transfer, business_cost, claims, oop_rigid, members, net, "
        "per_capita, line_fen, line_year, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    const int64_t parts[] = {inc->wage, inc->business, inc->property,
                             inc->transfer, inc->business_cost, inc->claims,
                             inc->oop_rigid};
    sqlite3_stmt *st;
    char now[32], summary[16];
    int i;

    if (income_compute(inc)) {
        return err_set(e, ERR_INVALID, _("the number of household members must be at least 1"));
    }
    if ((st = db_prep(db, sql, e)) == NULL) {
        return -1;
    }
    clock_now(now, sizeof(now));
    db_bind_int(st, 1, inc->household_id);
    db_bind_int(st, 2, inc->year);
    for (i = 0; i < 7; i++) {
        db_bind_int(st, 3 + i, parts[i]);
    }
    db_bind_int(st, 10, inc->members);
    db_bind_int(st, 11, inc->net);
    db_bind_int(st, 12, inc->per_capita);
    db_bind_id(st, 13, inc->line_fen);
    db_bind_id(st, 14, inc->line_year);
    db_bind_text(st, 15, now);
    db_bind_text(st, 16, now);
    snprintf(summary, sizeof(summary), "%d", inc->year);
    inc->version = 1;
    return finish(db, st, actor, "income", summary, audit, &inc->id, e);
}

int
db_guarantee_insert(struct db *db, const char *actor, struct guarantee *g,
                    int audit, struct err *e)
{
    static const char sql[] =
        "INSERT INTO guarantee(household_id, year, checked_on, food_clothing, "
        "education, medical, housing, water, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    sqlite3_stmt *st = db_prep(db, sql, e);
    char now[32], summary[16];

    if (st == NULL) {
        return -1;
    }
    clock_now(now, sizeof(now));
    db_bind_int(st, 1, g->household_id);
    db_bind_int(st, 2, g->year);
    db_bind_date(st, 3, g->checked_on);
    db_bind_int(st, 4, g->food_clothing);
    db_bind_int(st, 5, g->education);
    db_bind_int(st, 6, g->medical);
    db_bind_int(st, 7, g->housing);
    db_bind_int(st, 8, g->water);
    db_bind_text(st, 9, now);
    db_bind_text(st, 10, now);
    snprintf(summary, sizeof(summary), "%d", g->year);
    g->version = 1;
    return finish(db, st, actor, "guarantee", summary, audit, &g->id, e);
}

int
db_measure_insert(struct db *db, const char *actor, struct measure *m,
                  int audit, struct err *e)
{
    static const char sql[] =
        "INSERT INTO measure(household_id, case_id, year, category, item, "
        "start_date, end_date, project_id, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    sqlite3_stmt *st = db_prep(db, sql, e);
    char now[32];

    if (st == NULL) {
        return -1;
    }
    clock_now(now, sizeof(now));
    db_bind_int(st, 1, m->household_id);
    db_bind_id(st, 2, m->case_id);
    db_bind_int(st, 3, m->year);
    db_bind_text(st, 4, m->category);
    db_bind_text_or_null(st, 5, m->item);
    db_bind_date(st, 6, m->start);
    db_bind_date(st, 7, m->end);
    db_bind_id(st, 8, m->project_id);
    db_bind_text(st, 9, now);
    db_bind_text(st, 10, now);
    m->version = 1;
    return finish(db, st, actor, "measure", m->category, audit, &m->id, e);
}

int
db_visit_insert(struct db *db, const char *actor, struct visit *v, int audit,
                struct err *e)
{
    static const char sql[] =
        "INSERT INTO visit(household_id, visit_date, visitor, visitor_role, "
        "findings, new_risk, next_visit, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    sqlite3_stmt *st = db_prep(db, sql, e);
    char now[32], day[DATE_BUF];

    if (st == NULL) {
        return -1;
    }
    clock_now(now, sizeof(now));
    db_bind_int(st, 1, v->household_id);
    db_bind_date(st, 2, v->visit_date);
    db_bind_text(st, 3, v->visitor);
    db_bind_text_or_null(st, 4, v->visitor_role);
    db_bind_text_or_null(st, 5, v->findings);
    db_bind_int(st, 6, v->new_risk);
    db_bind_date(st, 7, v->next_visit);
    db_bind_text(st, 8, now);
    db_bind_text(st, 9, now);
    date_format(v->visit_date, day);
    v->version = 1;
    return finish(db, st, actor, "visit", day, audit, &v->id, e);
}

int
db_cadre_insert(struct db *db, const char *actor, const char *name,
                const char *sex, const char *unit, const char *phone,
                int audit, int64_t *id, struct err *e)
{
    static const char sql[] =
        "INSERT INTO cadre(name, sex, unit, phone, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?)";
    sqlite3_stmt *st = db_prep(db, sql, e);
    char now[32];

    if (st == NULL) {
        return -1;
    }
    clock_now(now, sizeof(now));
    db_bind_text(st, 1, name);
    db_bind_text_or_null(st, 2, sex);
    db_bind_text_or_null(st, 3, unit);
    db_bind_text_or_null(st, 4, phone);
    db_bind_text(st, 5, now);
    db_bind_text(st, 6, now);
    return finish(db, st, actor, "cadre", name, audit, id, e);
}

int
db_household_cadre_insert(struct db *db, const char *actor, int64_t household,
                          int64_t cadre, int start, int audit, struct err *e)
{
    static const char sql[] =
        "INSERT INTO household_cadre(household_id, cadre_id, start_date, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?)";
    sqlite3_stmt *st = db_prep(db, sql, e);
    char now[32], summary[24];
    int64_t id;

    if (st == NULL) {
        return -1;
    }
    clock_now(now, sizeof(now));
    db_bind_int(st, 1, household);
    db_bind_int(st, 2, cadre);
    db_bind_date(st, 3, start);
    db_bind_text(st, 4, now);
    db_bind_text(st, 5, now);
    snprintf(summary, sizeof(summary), "%lld", (long long)cadre);
    return finish(db, st, actor, "household_cadre", summary, audit, &id, e);
}

int
db_case_store_risks(struct db *db, const struct mcase *c, struct err *e)
{
    static const char del[] = "DELETE FROM case_risk WHERE case_id = ?";
    static const char ins[] =
        "INSERT INTO case_risk(case_id, pos, risk) VALUES (?, ?, ?)";
    sqlite3_stmt *st = db_prep(db, del, e);
    int i;

    if (st == NULL) {
        return -1;
    }
    db_bind_int(st, 1, c->id);
    if (db_done(db, st, e)) {
        return -1;
    }
    for (i = 0; i < c->nrisks; i++) {
        if ((st = db_prep(db, ins, e)) == NULL) {
            return -1;
        }
        db_bind_int(st, 1, c->id);
        db_bind_int(st, 2, i + 1);
        db_bind_text(st, 3, c->risks[i]);
        if (db_done(db, st, e)) {
            return -1;
        }
    }
    return 0;
}

int
db_case_insert(struct db *db, const char *actor, struct mcase *c, int audit,
               struct err *e)
{
    static const char sql[] =
        "INSERT INTO monitor_case(household_id, state, category, channel, "
        "description, clue_date, identified_on, elim_started, eliminated_on, "
        "elim_method, deadline, line_fen, line_year, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    sqlite3_stmt *st = db_prep(db, sql, e);
    char now[32];

    if (st == NULL) {
        return -1;
    }
    clock_now(now, sizeof(now));
    db_bind_int(st, 1, c->household_id);
    db_bind_text(st, 2, case_state_name(c->state));
    db_bind_text(st, 3, c->category);
    db_bind_text(st, 4, c->channel);
    db_bind_text_or_null(st, 5, c->description);
    db_bind_date(st, 6, c->clue_date);
    db_bind_date(st, 7, c->identified_on);
    db_bind_date(st, 8, c->elim_started);
    db_bind_date(st, 9, c->eliminated_on);
    db_bind_text_or_null(st, 10, c->elim_method);
    db_bind_date(st, 11, c->deadline);
    db_bind_id(st, 12, c->line_fen);
    db_bind_id(st, 13, c->line_year);
    db_bind_text(st, 14, now);
    db_bind_text(st, 15, now);
    c->version = 1;
    if (finish(db, st, actor, "monitor_case", case_state_name(c->state), audit,
               &c->id, e)) {
        return -1;
    }
    return db_case_store_risks(db, c, e);
}

int
db_step_insert(struct db *db, struct case_step *s, struct err *e)
{
    static const char sql[] =
        "INSERT INTO case_step(case_id, action, from_state, to_state, actor, "
        "at, step_date, deadline, pub_start, pub_end, objections, authorized, "
        "note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    sqlite3_stmt *st = db_prep(db, sql, e);

    if (st == NULL) {
        return -1;
    }
    if (s->at[0] == '\0') {
        clock_now(s->at, sizeof(s->at));
    }
    db_bind_int(st, 1, s->case_id);
    db_bind_text(st, 2, case_action_name(s->action));
    db_bind_text(st, 3, case_state_name(s->from));
    db_bind_text(st, 4, case_state_name(s->to));
    db_bind_text(st, 5, s->actor);
    db_bind_text(st, 6, s->at);
    db_bind_date(st, 7, s->step_date);
    db_bind_date(st, 8, s->deadline);
    db_bind_date(st, 9, s->pub_start);
    db_bind_date(st, 10, s->pub_end);
    db_bind_int(st, 11, s->objections);
    db_bind_int(st, 12, s->authorized);
    db_bind_text_or_null(st, 13, s->note);
    if (db_done(db, st, e)) {
        return -1;
    }
    s->id = sqlite3_last_insert_rowid(db->h);
    return 0;
}

/* One row of the query below into ROW. */
static void
cadre_fill(sqlite3_stmt *st, void *row)
{
    struct cadre_row *r = row;

    db_col_text(st, 0, r->name, sizeof(r->name));
    db_col_text(st, 1, r->unit, sizeof(r->unit));
    db_col_text(st, 2, r->phone, sizeof(r->phone));
    r->start = db_col_date(st, 3);
}

int
db_household_cadres(struct db *db, int64_t hh, struct cadre_row **v,
                    size_t *n, struct err *e)
{
    static const char sql[] =
        "SELECT c.name, coalesce(c.unit, ''), coalesce(c.phone, ''), hc.start_date "
        "FROM household_cadre hc JOIN cadre c ON c.id = hc.cadre_id "
        "WHERE hc.household_id = ? AND hc.end_date IS NULL ORDER BY hc.id";
    sqlite3_stmt *st = db_prep(db, sql, e);
    void *rows;
    int rc;

    if (st != NULL) {
        db_bind_int(st, 1, hh);
    }
    rc = db_rows(db, st, sizeof(**v), cadre_fill, NULL, &rows, n,
                 _("reading the responsible cadres"), e);
    *v = rows;
    return rc;
}

int
db_household_id(struct db *db, const char *hh_no, int64_t *id, struct err *e)
{
    static const char sql[] = "SELECT id FROM household WHERE hh_no = ?";
    sqlite3_stmt *st = db_prep(db, sql, e);
    int rc;

    if (st == NULL) {
        return -1;
    }
    db_bind_text(st, 1, hh_no);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *id = db_col_int(st, 0);
    }
    sqlite3_reset(st);
    if (rc == SQLITE_ROW) {
        return 0;
    }
    if (rc == SQLITE_DONE) {
        return err_set(e, ERR_NOTFOUND, _("no household numbered '%s'"), hh_no);
    }
    return db_fail(db, e, _("reading households"));
}

int
db_household_no(struct db *db, int64_t id, char *out, size_t n, struct err *e)
{
    static const char sql[] = "SELECT hh_no FROM household WHERE id = ?";
    sqlite3_stmt *st = db_prep(db, sql, e);
    int rc;

    if (st == NULL) {
        return -1;
    }
    db_bind_int(st, 1, id);
    rc = sqlite3_step(st);
    out[0] = '\0';
    if (rc == SQLITE_ROW) {
        db_col_text(st, 0, out, n);
    }
    sqlite3_reset(st);
    if (rc == SQLITE_ROW) {
        return 0;
    }
    if (rc == SQLITE_DONE) {
        return err_set(e, ERR_NOTFOUND, _("household #%lld does not exist"), (long long)id);
    }
    return db_fail(db, e, _("reading households"));
}

/*
 * db_snapshot.c - merge-join of per-table ordered queries into
 * household snapshots.  Every child query returns household_id first.
 */
#include "config.h"
#include "db/db_snapshot.h"

#include <string.h>

#include "db/db.h"
#include "util/err.h"
#include "util/i18n.h"

#define RANGE " BETWEEN ?1 AND ?2 "
/* The households of a township (?1), or of one of its villages (?2). */
#define UNIT " IN (SELECT id FROM household WHERE township_id = ?1 " \
    "AND (?2 = 0 OR village_id = ?2)) "

#define Q_HOUSEHOLD(W) \
    "SELECT " SNAP_HOUSEHOLD_COLS " FROM household WHERE id" W "ORDER BY id"
#define Q_PERSON(W) \
    "SELECT " SNAP_PERSON_COLS " FROM person WHERE household_id" W \
    "AND in_household = 1 ORDER BY household_id, id"
#define Q_INCOME(W) \
    "SELECT " SNAP_INCOME_COLS " FROM income WHERE household_id" W \
    "ORDER BY household_id, year"
#define Q_GUARANTEE(W) \
    "SELECT " SNAP_GUARANTEE_COLS " FROM guarantee WHERE household_id" W \
    "ORDER BY household_id, year"
#define Q_CASE(W) \
    "SELECT household_id, id, state, category, channel, description, " \
    "clue_date, identified_on, elim_started, eliminated_on, elim_method, " \
    "deadline, coalesce(line_fen, 0), coalesce(line_year, 0), version " \
    "FROM monitor_case WHERE household_id" W "AND state <> 'rejected' " \
    "ORDER BY household_id"
#define Q_RISK(W) \
    "SELECT c.household_id, r.risk FROM monitor_case c " \
    "JOIN case_risk r ON r.case_id = c.id " \
    "WHERE c.household_id" W "AND c.state <> 'rejected' " \
    "ORDER BY c.household_id, r.pos"
#define Q_STEP(W) \
    "SELECT c.household_id, s.id, s.case_id, s.action, s.from_state, " \
    "s.to_state, s.actor, s.at, s.step_date, s.deadline, s.pub_start, " \
    "s.pub_end, s.objections, s.authorized, s.note " \
    "FROM monitor_case c JOIN case_step s ON s.case_id = c.id " \
    "WHERE c.household_id" W "AND c.state <> 'rejected' " \
    "ORDER BY c.household_id, s.id"
#define Q_MEASURE(W) \
    "SELECT " SNAP_MEASURE_COLS " FROM measure WHERE household_id" W \
    "ORDER BY household_id, id"
#define Q_VISIT(W) \
    "SELECT " SNAP_VISIT_COLS " FROM visit WHERE household_id" W \
    "ORDER BY household_id, visit_date"
#define QUERIES(W) { \
    Q_HOUSEHOLD(W), Q_PERSON(W), Q_INCOME(W), Q_GUARANTEE(W), Q_CASE(W), \
    Q_RISK(W), Q_STEP(W), Q_MEASURE(W), Q_VISIT(W), \
}

/* By id range, and by unit. */
static const char *const queries[2][SNAP_COUNT] = {QUERIES(RANGE), QUERIES(UNIT)};

#define TXT(i, f) db_col_text(st, i, f, sizeof(f))

void
snap_read_household(sqlite3_stmt *st, struct household *h)
{
    h->id = db_col_int(st, 0);
    TXT(1, h->hh_no);
    h->township_id = db_col_int(st, 2);
    h->village_id = db_col_int(st, 3);
    h->natural_village_id = db_col_int(st, 4);
    TXT(5, h->hh_type);
    TXT(6, h->address);
    TXT(7, h->phone);
    h->relocated = (int)db_col_int(st, 8);
    TXT(9, h->relocation_site);
    h->military = (int)db_col_int(st, 10);
    h->no_labour_support = (int)db_col_int(st, 11);
    TXT(12, h->house_grade);
    h->version = db_col_int(st, 13);
}

void
snap_read_person(sqlite3_stmt *st, struct person *p)
{
    p->household_id = db_col_int(st, 0);
    p->id = db_col_int(st, 1);
    TXT(2, p->person_no);
    TXT(3, p->name);
    TXT(4, p->sex);
    TXT(5, p->id_type);
    TXT(6, p->id_no);
    p->birth = db_col_date(st, 7);
    TXT(8, p->relation);
    TXT(9, p->ethnicity);
    TXT(10, p->political);
    TXT(11, p->education);
    TXT(12, p->schooling);
    TXT(13, p->health);
    TXT(14, p->labour);
    TXT(15, p->work_place);
    p->work_months = (int)db_col_int(st, 16);
    p->ins_medical = (int)db_col_int(st, 17);
    p->ins_serious = (int)db_col_int(st, 18);
    p->medical_aid = (int)db_col_int(st, 19);
    p->ins_pension = (int)db_col_int(st, 20);
    p->dibao = (int)db_col_int(st, 21);
    p->tekun = (int)db_col_int(st, 22);
    TXT(23, p->public_job);
    TXT(24, p->phone);
    p->in_household = (int)db_col_int(st, 25);
    TXT(26, p->left_reason);
    p->version = db_col_int(st, 27);
}

void
snap_read_income(sqlite3_stmt *st, struct income *inc)
{
    inc->household_id = db_col_int(st, 0);
    inc->id = db_col_int(st, 1);
    inc->year = (int)db_col_int(st, 2);
    inc->wage = db_col_int(st, 3);
    inc->business = db_col_int(st, 4);
    inc->property = db_col_int(st, 5);
    inc->transfer = db_col_int(st, 6);
    inc->business_cost = db_col_int(st, 7);
    inc->claims = db_col_int(st, 8);
    inc->oop_rigid = db_col_int(st, 9);
    inc->members = (int)db_col_int(st, 10);
    inc->net = db_col_int(st, 11);
    inc->per_capita = db_col_int(st, 12);
    inc->line_fen = db_col_int(st, 13);
    inc->line_year = (int)db_col_int(st, 14);
    inc->version = db_col_int(st, 15);
}

void
snap_read_guarantee(sqlite3_stmt *st, struct guarantee *g)
{
    g->household_id = db_col_int(st, 0);
    g->id = db_col_int(st, 1);
    g->year = (int)db_col_int(st, 2);
    g->checked_on = db_col_date(st, 3);
    g->food_clothing = (int)db_col_int(st, 4);
    g->education = (int)db_col_int(st, 5);
    g->medical = (int)db_col_int(st, 6);
    g->housing = (int)db_col_int(st, 7);
    g->water = (int)db_col_int(st, 8);
    g->version = db_col_int(st, 9);
}

static void
read_case(sqlite3_stmt *st, struct mcase *c)
{
    char state[32];

    mcase_clear(c);
    c->household_id = db_col_int(st, 0);
    c->id = db_col_int(st, 1);
    TXT(2, state);
    if (case_state_parse(state, &c->state)) {
        c->state = CS_NONE;
    }
    TXT(3, c->category);
    TXT(4, c->channel);
    c->description = db_col_strdup(st, 5);
    c->clue_date = db_col_date(st, 6);
    c->identified_on = db_col_date(st, 7);
    c->elim_started = db_col_date(st, 8);
    c->eliminated_on = db_col_date(st, 9);
    TXT(10, c->elim_method);
    c->deadline = db_col_date(st, 11);
    c->line_fen = db_col_int(st, 12);
    c->line_year = (int)db_col_int(st, 13);
    c->version = db_col_int(st, 14);
}

static void
read_step(sqlite3_stmt *st, struct case_step *s)
{
    char name[32];

    case_step_clear(s);
    s->id = db_col_int(st, 1);
    s->case_id = db_col_int(st, 2);
    TXT(3, name);
    case_action_parse(name, &s->action);
    TXT(4, name);
    case_state_parse(name, &s->from);
    TXT(5, name);
    case_state_parse(name, &s->to);
    TXT(6, s->actor);
    TXT(7, s->at);
    s->step_date = db_col_date(st, 8);
    s->deadline = db_col_date(st, 9);
    s->pub_start = db_col_date(st, 10);
    s->pub_end = db_col_date(st, 11);
    s->objections = (int)db_col_int(st, 12);
    s->authorized = (int)db_col_int(st, 13);
    s->note = db_col_strdup(st, 14);
}

void
snap_read_measure(sqlite3_stmt *st, struct measure *m)
{
    m->household_id = db_col_int(st, 0);
    m->id = db_col_int(st, 1);
    m->case_id = db_col_int(st, 2);
    m->year = (int)db_col_int(st, 3);
    TXT(4, m->category);
    TXT(5, m->item);
    m->start = db_col_date(st, 6);
    m->end = db_col_date(st, 7);
    m->project_id = db_col_int(st, 8);
    m->version = db_col_int(st, 9);
}

void
snap_read_visit(sqlite3_stmt *st, struct visit *v)
{
    visit_clear(v);
    v->household_id = db_col_int(st, 0);
    v->id = db_col_int(st, 1);
    v->visit_date = db_col_date(st, 2);
    TXT(3, v->visitor);
    TXT(4, v->visitor_role);
    v->new_risk = (int)db_col_int(st, 5);
    v->next_visit = db_col_date(st, 6);
    v->findings = db_col_strdup(st, 7);
    v->version = db_col_int(st, 8);
}

/* Append the current row of child query Q to S. */
static void
take_row(enum snap_query q, sqlite3_stmt *st, struct hh_snapshot *s)
{
    switch (q) {
    case SNAP_PERSON:
        snap_read_person(st, snapshot_add_member(s));
        break;
    case SNAP_INCOME:
        snap_read_income(st, snapshot_add_income(s));
        break;
    case SNAP_GUARANTEE:
        snap_read_guarantee(st, snapshot_add_guarantee(s));
        break;
    case SNAP_CASE:
        read_case(st, &s->mcase);
        s->has_case = 1;
        break;
    case SNAP_RISK:
        if (s->mcase.nrisks < MCASE_MAX_RISKS) {
            TXT(1, s->mcase.risks[s->mcase.nrisks]);
            s->mcase.nrisks++;
        }
        break;
    case SNAP_STEP:
        read_step(st, snapshot_add_step(s));
        break;
    case SNAP_MEASURE:
        snap_read_measure(st, snapshot_add_measure(s));
        break;
    case SNAP_VISIT:
        snap_read_visit(st, snapshot_add_visit(s));
        break;
    default:
        break;
    }
}

/* Step query Q; 1 = a row is pending, 0 = done, -1 = error. */
static int
advance(struct snap_iter *it, enum snap_query q, struct err *e)
{
    int rc = sqlite3_step(it->st[q]);

    if (rc == SQLITE_ROW) {
        it->pending[q] = 1;
        return 1;
    }
    it->pending[q] = 0;
    if (rc == SQLITE_DONE) {
        return 0;
    }
    return db_fail(it->db, e, _("reading households"));
}

/* Start the queries of SET (0: by range, 1: by unit) with A and B bound. */
static int
iter_open(struct snap_iter *it, struct db *db, int set, int64_t a, int64_t b,
          struct err *e)
{
    int q;

    memset(it, 0, sizeof(*it));
    it->db = db;
    for (q = 0; q < SNAP_COUNT; q++) {
        it->st[q] = db_prep(db, queries[set][q], e);
        if (it->st[q] == NULL) {
            snap_iter_close(it);
            return -1;
        }
        db_bind_int(it->st[q], 1, a);
        db_bind_int(it->st[q], 2, b);
        if (q != SNAP_HOUSEHOLD && advance(it, (enum snap_query)q, e) < 0) {
            snap_iter_close(it);
            return -1;
        }
    }
    return 0;
}

int
snap_iter_open(struct snap_iter *it, struct db *db, int64_t lo, int64_t hi,
               struct err *e)
{
    return iter_open(it, db, 0, lo, hi, e);
}

int
snap_iter_open_unit(struct snap_iter *it, struct db *db, int64_t township,
                    int64_t village, struct err *e)
{
    return iter_open(it, db, 1, township, village, e);
}

int
snap_iter_next(struct snap_iter *it, struct hh_snapshot *s, struct err *e)
{
    int q, rc;

    snapshot_reset(s);
    if (it->done) {
        return 0;
    }
    rc = advance(it, SNAP_HOUSEHOLD, e);
    if (rc <= 0) {
        it->done = 1;
        return rc;
    }
    snap_read_household(it->st[SNAP_HOUSEHOLD], &s->hh);
    for (q = SNAP_PERSON; q < SNAP_COUNT; q++) {
        sqlite3_stmt *st = it->st[q];

        /* Child rows come in household order; a row of an earlier id
         * would be an orphan and is skipped. */
        while (it->pending[q] && sqlite3_column_int64(st, 0) <= s->hh.id) {
            if (sqlite3_column_int64(st, 0) == s->hh.id) {
                take_row((enum snap_query)q, st, s);
            }
            if (advance(it, (enum snap_query)q, e) < 0) {
                return -1;
            }
        }
    }
    return 1;
}

void
snap_iter_close(struct snap_iter *it)
{
    int q;

    for (q = 0; q < SNAP_COUNT; q++) {
        if (it->st[q] != NULL) {
            sqlite3_reset(it->st[q]);
        }
    }
    memset(it, 0, sizeof(*it));
}

int
db_snapshot_load(struct db *db, int64_t id, struct hh_snapshot *s,
                 struct err *e)
{
    struct snap_iter it;
    int rc;

    if (snap_iter_open(&it, db, id, id, e)) {
        return -1;
    }
    rc = snap_iter_next(&it, s, e);
    snap_iter_close(&it);
    if (rc == 0) {
        return err_set(e, ERR_NOTFOUND, _("no household #%lld"), (long long)id);
    }
    return rc < 0 ? -1 : 0;
}

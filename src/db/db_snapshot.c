/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_snapshot.c - merge-join of per-table ordered queries into household
 * snapshots.  The registry's records are read by their column tables
 * (db_registry.h), so a column added there is read here too; every child
 * query returns household_id first.
 */
#include "config.h"
#include "db/db_snapshot.h"

#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "db/db_registry.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

enum snap_query {
    SNAP_HOUSEHOLD = 0,
    SNAP_PERSON,
    SNAP_INCOME,
    SNAP_GUARANTEE,
    SNAP_CASE,
    SNAP_RISK,
    SNAP_STEP,
    SNAP_MEASURE,
    SNAP_VISIT,
    SNAP_CADRE,
    SNAP_COUNT
};

/* Which households: by id range, of a unit (a township, ?1, or one of
 * its villages, ?2), or every one with a case (whole, or what the
 * assessment counts). */
enum { BY_RANGE, BY_UNIT, BY_CASE, BY_COUNTED, NSETS };

/* The household's current case, the open one, else the latest rejected
 * one (kept for its reply, issue 17), of the case row aliased T. */
#define CURRENT_CASE(t) \
    "(SELECT m.id FROM monitor_case m WHERE m.household_id = " t ".household_id " \
    "ORDER BY m.state = 'rejected', m.id DESC LIMIT 1) "
/* The same for the light pass, without a sort per case: the open case
 * is at most one (the unique index monitor_case_open), else the latest;
 * test_counted_snapshot_agrees checks both pick the same. */
#define CURRENT_CASE_LIGHT(t) \
    "coalesce((SELECT m.id FROM monitor_case m WHERE m.household_id = " t ".household_id " \
    "AND m.state <> 'rejected'), (SELECT max(m.id) FROM monitor_case m " \
    "WHERE m.household_id = " t ".household_id)) "
#define Q_RISK(W) \
    "SELECT c.household_id, r.risk FROM monitor_case c " \
    "JOIN case_risk r ON r.case_id = c.id " \
    "WHERE c.household_id" W "AND c.id = " CURRENT_CASE("c") \
    "ORDER BY c.household_id, r.pos"
#define Q_STEP(W) \
    "SELECT c.household_id, s.id, s.case_id, s.action, s.from_state, " \
    "s.to_state, s.actor, s.at, s.step_date, s.deadline, s.pub_start, " \
    "s.pub_end, s.objections, s.authorized, s.note " \
    "FROM monitor_case c JOIN case_step s ON s.case_id = c.id " \
    "WHERE c.household_id" W "AND c.id = " CURRENT_CASE("c") \
    "ORDER BY c.household_id, s.id"
/* How many responsible cadres a household has now. */
#define Q_CADRE(W) \
    "SELECT household_id, count(*) FROM household_cadre " \
    "WHERE household_id" W "AND end_date IS NULL " \
    "GROUP BY household_id ORDER BY household_id"
#define RANGE " BETWEEN ?1 AND ?2 "
#define UNIT " IN (SELECT id FROM household WHERE township_id = ?1 " \
    "AND (?2 = 0 OR village_id = ?2)) "
#define CASE " IN (SELECT household_id FROM monitor_case) "
/* The same, its own text: a statement is kept by its text's address
 * (db_prep), and both sets may be read at once. */
#define COUNTED " IN (SELECT k.household_id FROM monitor_case k) "

static const char *const where[NSETS] = {RANGE, UNIT, CASE, COUNTED};

/* Of the visits of a household with a case, the latest. */
#define LATEST_VISIT \
    "AND t.id IN (SELECT (SELECT v.id FROM visit v WHERE v.household_id = m.household_id " \
    "ORDER BY v.visit_date DESC, v.id DESC LIMIT 1) FROM monitor_case m) "

/* The assessment's light pass (BY_COUNTED) reads of the members and the
 * steps only what its findings and tallies look at: a member's labour
 * ability (hh_has_labour), the steps with a publicity and its days
 * (PR03, publicized_in: a sixth of the steps); household_id first.  Every case's household has a
 * case: the steps need no list of households, and ordered by the case
 * too (one a household) they come in the indexes' order, unsorted. */
#define Q_PERSON_LIGHT \
    "SELECT t.household_id, t.labour FROM person t " \
    "WHERE t.household_id" COUNTED "AND t.in_household = 1 " \
    "ORDER BY t.household_id, t.id"
#define Q_STEP_LIGHT \
    "SELECT c.household_id, s.id, s.case_id, s.pub_start, s.pub_end " \
    "FROM monitor_case c JOIN case_step s ON s.case_id = c.id " \
    "WHERE c.id = " CURRENT_CASE_LIGHT("c") \
    "AND s.pub_start IS NOT NULL AND s.pub_end IS NOT NULL " \
    "ORDER BY c.household_id, c.id, s.id"

#define TXT(i, f) db_col_text(st, i, f, sizeof(f))

static void *add_member(struct hh_snapshot *s) { return snapshot_add_member(s); }
static void *add_income(struct hh_snapshot *s) { return snapshot_add_income(s); }
static void *add_guarantee(struct hh_snapshot *s) { return snapshot_add_guarantee(s); }
static void *add_measure(struct hh_snapshot *s) { return snapshot_add_measure(s); }
static void *add_visit(struct hh_snapshot *s) { return snapshot_add_visit(s); }

static void *
add_case(struct hh_snapshot *s)
{
    s->has_case = 1;
    return &s->mcase;
}

static void
read_risk(sqlite3_stmt *st, struct hh_snapshot *s)
{
    if (s->mcase.nrisks < MCASE_MAX_RISKS) {
        TXT(1, s->mcase.risks[s->mcase.nrisks]);
        s->mcase.nrisks++;
    }
}

static void
read_cadres(sqlite3_stmt *st, struct hh_snapshot *s)
{
    s->ncadres = (int)db_col_int(st, 1);
}

static void
read_step(sqlite3_stmt *st, struct hh_snapshot *s)
{
    struct case_step *step = snapshot_add_step(s);
    char name[32];

    case_step_clear(step);
    step->id = db_col_int(st, 1);
    step->case_id = db_col_int(st, 2);
    TXT(3, name);
    case_action_parse(name, &step->action);
    TXT(4, name);
    case_state_parse(name, &step->from);
    TXT(5, name);
    case_state_parse(name, &step->to);
    TXT(6, step->actor);
    TXT(7, step->at);
    step->step_date = db_col_date(st, 8);
    step->deadline = db_col_date(st, 9);
    step->pub_start = db_col_date(st, 10);
    step->pub_end = db_col_date(st, 11);
    step->objections = (int)db_col_int(st, 12);
    step->authorized = (int)db_col_int(st, 13);
    step->note = db_col_strdup(st, 14);
}

/* A member of the light pass: its labour ability alone, in the household. */
static void
read_member_light(sqlite3_stmt *st, struct hh_snapshot *s)
{
    struct person *p = snapshot_add_member(s);

    memset(p, 0, sizeof(*p));
    p->household_id = db_col_int(st, 0);
    p->birth = DATE_NONE;
    p->in_household = 1;
    TXT(1, p->labour);
}

/* A publicity step of the light pass: its days alone. */
static void
read_step_light(sqlite3_stmt *st, struct hh_snapshot *s)
{
    struct case_step *step = snapshot_add_step(s);

    case_step_clear(step);
    step->id = db_col_int(st, 1);
    step->case_id = db_col_int(st, 2);
    step->pub_start = db_col_date(st, 3);
    step->pub_end = db_col_date(st, 4);
}

/* How a table is read: the columns of DEF (their household_id, the first
 * of a record of a household, is the second column after the id) under a
 * condition and in an order, each row into a record that ADD appends; or
 * SQL (by range, by unit, household_id first) whose rows READ takes.
 * COUNTED: the condition for BY_COUNTED, NULL when that set does not read
 * the table; LIGHT, when set, the narrower SQL BY_COUNTED reads instead
 * (household_id first), whose rows LIGHT_READ takes. */
struct snap_table {
    const struct rec_def *def;
    const char *cond, *order;
    void *(*add)(struct hh_snapshot *s);
    const char *sql[NSETS];
    void (*read)(sqlite3_stmt *st, struct hh_snapshot *s);
    const char *counted;
    const char *light;
    void (*light_read)(sqlite3_stmt *st, struct hh_snapshot *s);
};

static const struct snap_table tables[SNAP_COUNT] = {
    [SNAP_HOUSEHOLD] = {&household_def, "", "t.id", NULL, {NULL}, NULL, ""},
    [SNAP_PERSON] = {&person_def, "AND t.in_household = 1 ", "t.household_id, t.id",
                     add_member, {NULL}, NULL, "", Q_PERSON_LIGHT, read_member_light},
    [SNAP_INCOME] = {&income_def, "", "t.household_id, t.year", add_income,
                     {NULL}, NULL, NULL},
    [SNAP_GUARANTEE] = {&guarantee_def, "", "t.household_id, t.year", add_guarantee,
                        {NULL}, NULL, NULL},
    [SNAP_CASE] = {&case_def, "AND t.id = " CURRENT_CASE("t"), "t.household_id", add_case,
                   {NULL}, NULL, "AND t.id = " CURRENT_CASE_LIGHT("t")},
    [SNAP_RISK] = {NULL, NULL, NULL, NULL,
                   {Q_RISK(RANGE), Q_RISK(UNIT), Q_RISK(CASE), Q_RISK(COUNTED)}, read_risk, NULL},
    [SNAP_STEP] = {NULL, NULL, NULL, NULL,
                   {Q_STEP(RANGE), Q_STEP(UNIT), Q_STEP(CASE), NULL}, read_step, "",
                   Q_STEP_LIGHT, read_step_light},
    [SNAP_MEASURE] = {&measure_def, "", "t.household_id, t.id", add_measure,
                      {NULL}, NULL, ""},
    [SNAP_VISIT] = {&visit_def, "", "t.household_id, t.visit_date", add_visit,
                    {NULL}, NULL, LATEST_VISIT},
    [SNAP_CADRE] = {NULL, NULL, NULL, NULL,
                    {Q_CADRE(RANGE), Q_CADRE(UNIT), Q_CADRE(CASE), Q_CADRE(COUNTED)}, read_cadres,
                    NULL},
};

/* The query of a table and a set of households. */
struct snap_sql {
    const struct snap_table *t;
    int set;
};

static void
build(struct sbuf *sb, const void *arg)
{
    const struct snap_sql *q = arg;
    const struct rec_def *def = q->t->def;
    int hh = def == &household_def;

    sbuf_adds(sb, "SELECT ");
    rec_select_all(sb, def, "t");
    sbuf_addf(sb, " FROM %s t WHERE t.%s%s%sORDER BY %s", def->table,
              hh ? "id" : "household_id", where[q->set],
              q->set == BY_COUNTED ? q->t->counted : q->t->cond, q->t->order);
}

static sqlite3_stmt *
prepare(struct db *db, enum snap_query q, int set, struct err *e)
{
    const struct snap_table *t = &tables[q];
    struct snap_sql x = {t, set};

    if (set == BY_COUNTED && t->light != NULL) {
        return db_prep(db, t->light, e);
    }
    if (t->def == NULL) {
        return db_prep(db, t->sql[set], e);
    }
    return db_prep_key(db, t, set, build, &x, e);
}

struct snap_iter {
    struct db *db;
    sqlite3_stmt *st[SNAP_COUNT];
    int pending[SNAP_COUNT];     /* the statement holds an unread row */
    int set;
    int done;
};

/* 1 when query Q of SET reads its table's light columns. */
static int
light(int set, enum snap_query q)
{
    return set == BY_COUNTED && tables[q].light != NULL;
}

/* Append the current row of child query Q of SET to S. */
static void
take_row(int set, enum snap_query q, sqlite3_stmt *st, struct hh_snapshot *s)
{
    const struct snap_table *t = &tables[q];

    if (light(set, q)) {
        t->light_read(st, s);
    } else if (t->def != NULL) {
        rec_read_all(st, 0, t->def, t->add(s));
    } else {
        t->read(st, s);
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

/* Start the queries of SET from FIRST on with A and B bound. */
static int
iter_open(struct snap_iter **out, struct db *db, int set, enum snap_query first,
          int64_t a, int64_t b, struct err *e)
{
    struct snap_iter *it = xcalloc(1, sizeof(*it));
    int q;

    *out = it;
    it->db = db;
    it->set = set;
    for (q = first; q < SNAP_COUNT; q++) {
        if (set == BY_COUNTED && tables[q].counted == NULL) {
            continue;
        }
        it->st[q] = prepare(db, (enum snap_query)q, set, e);
        if (it->st[q] == NULL) {
            break;
        }
        db_bind_int(it->st[q], 1, a);
        db_bind_int(it->st[q], 2, b);
        if (q != SNAP_HOUSEHOLD && advance(it, (enum snap_query)q, e) < 0) {
            break;
        }
    }
    if (q < SNAP_COUNT) {
        snap_iter_close(it);
        *out = NULL;
        return -1;
    }
    return 0;
}

int
snap_iter_open(struct snap_iter **it, struct db *db, int64_t lo, int64_t hi,
               struct err *e)
{
    return iter_open(it, db, BY_RANGE, SNAP_HOUSEHOLD, lo, hi, e);
}

int
snap_iter_open_unit(struct snap_iter **it, struct db *db, int64_t township,
                    int64_t village, struct err *e)
{
    return iter_open(it, db, BY_UNIT, SNAP_HOUSEHOLD, township, village, e);
}

int
snap_iter_open_cases(struct snap_iter **it, struct db *db, struct err *e)
{
    return iter_open(it, db, BY_CASE, SNAP_HOUSEHOLD, 0, 0, e);
}

int
snap_iter_open_counted(struct snap_iter **it, struct db *db, struct err *e)
{
    return iter_open(it, db, BY_COUNTED, SNAP_HOUSEHOLD, 0, 0, e);
}

/* The records of S->hh from the child queries. */
static int
take_children(struct snap_iter *it, struct hh_snapshot *s, struct err *e)
{
    int q;

    for (q = SNAP_PERSON; q < SNAP_COUNT; q++) {
        sqlite3_stmt *st = it->st[q];
        /* the column of household_id */
        int key = tables[q].def != NULL && !light(it->set, (enum snap_query)q);

        /* Child rows come in household order; a row of an earlier id
         * would be an orphan and is skipped. */
        while (it->pending[q] && sqlite3_column_int64(st, key) <= s->hh.id) {
            if (sqlite3_column_int64(st, key) == s->hh.id) {
                take_row(it->set, (enum snap_query)q, st, s);
            }
            if (advance(it, (enum snap_query)q, e) < 0) {
                return -1;
            }
        }
    }
    return 0;
}

int
snap_iter_next(struct snap_iter *it, struct hh_snapshot *s, struct err *e)
{
    int rc;

    snapshot_reset(s);
    if (it->done) {
        return 0;
    }
    rc = advance(it, SNAP_HOUSEHOLD, e);
    if (rc <= 0) {
        it->done = 1;
        return rc;
    }
    rec_read_all(it->st[SNAP_HOUSEHOLD], 0, &household_def, &s->hh);
    return take_children(it, s, e) ? -1 : 1;
}

void
snap_iter_close(struct snap_iter *it)
{
    int q;

    if (it == NULL) {
        return;
    }
    for (q = 0; q < SNAP_COUNT; q++) {
        if (it->st[q] != NULL) {
            sqlite3_reset(it->st[q]);
        }
    }
    free(it);
}

int
db_snapshot_load(struct db *db, int64_t id, struct hh_snapshot *s,
                 struct err *e)
{
    struct snap_iter *it;
    int rc;

    if (snap_iter_open(&it, db, id, id, e)) {
        return -1;
    }
    rc = snap_iter_next(it, s, e);
    snap_iter_close(it);
    if (rc == 0) {
        return err_set(e, ERR_NOTFOUND, _("no household #%lld"), (long long)id);
    }
    return rc < 0 ? -1 : 0;
}

int
db_snapshot_load_hh(struct db *db, const struct household *h,
                    struct hh_snapshot *s, struct err *e)
{
    struct snap_iter *it;
    int rc;

    if (iter_open(&it, db, BY_RANGE, SNAP_PERSON, h->id, h->id, e)) {
        return -1;
    }
    snapshot_reset(s);
    s->hh = *h;
    rc = take_children(it, s, e);
    snap_iter_close(it);
    return rc;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_import.c - storing what an import of the national sheet read: the
 * places, and each household created or updated field by field (see
 * db_import.h).  Callers hold the transaction.
 */
#include "config.h"
#include "db/db_import.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/codes.h"
#include "core/date.h"
#include "core/idno.h"
#include "core/rules.h"
#include "db/db_audit.h"
#include "db/db_case.h"
#include "db/db_division.h"
#include "db/db_household.h"
#include "db/db_list.h"
#include "db/db_priv.h"
#include "db/db_record.h"
#include "db/db_registry.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

static int
has(const struct xrecord *r, enum xfield f)
{
    return (r->has & (UINT64_C(1) << f)) != 0;
}

/* --- places -------------------------------------------------------- */

int
db_import_place(struct db *db, const char *actor, int level, int64_t parent,
                const char *name, int64_t *id, int *created, struct err *e)
{
    static const char sql[] =
        "SELECT id FROM division WHERE coalesce(parent_id, 0) = ? AND name = ?";
    sqlite3_stmt *st = db_prep(db, sql, e);
    int rc;

    *created = 0;
    if (st != NULL) {
        db_bind_int(st, 1, parent);
        db_bind_text(st, 2, name);
    }
    if ((rc = db_one(db, st, _("reading the divisions"), e)) < 0) {
        return -1;
    }
    if (rc == 1) {
        *id = db_col_int(st, 0);
        sqlite3_reset(st);
        return 0;
    }
    *created = 1;
    return db_division_add(db, actor, level, parent, NULL, name, 1, id, e);
}

/* --- savepoints ---------------------------------------------------- */

static int
exec_sql(struct db *db, const char *sql, struct err *e)
{
    sqlite3_stmt *st = db_prep(db, sql, e);

    return st == NULL ? -1 : db_done(db, st, e);
}

/* Into a county without households (the whole import is new pages),
 * a rollback journal when no other connection has the database open:
 * the pages are written once, not into the log and again at its
 * checkpoint. */
static int
journal_for_import(struct db *db, struct err *e)
{
    sqlite3_stmt *st = db_prep(db, "SELECT NOT EXISTS (SELECT 1 FROM household)", e);
    int64_t empty = 0;

    if (db_scalar(db, st, &empty, _("reading households"), e)) {
        return -1;
    }
    db->solo = empty && db_journal_solo(db, 1);
    return 0;
}

int
db_import_begin(struct db *db, struct err *e)
{
    return exec_sql(db, "PRAGMA cache_size = " DB_BULK_CACHE, e) ||
           exec_sql(db, "PRAGMA temp_store = MEMORY", e) || journal_for_import(db, e) ||
           db_begin(db, e);
}

void
db_import_end(struct db *db)
{
    db->bulk = 0;
    db_indexes_restore(db, 0, NULL);    /* after a rollback: forgotten */
    sqlite3_exec(db->h, "PRAGMA cache_size = -16384", NULL, NULL, NULL);
    if (db->solo) {
        db->solo = 0;
        db_journal_solo(db, 0);
    }
}

/* The indexes an import's writes would keep current and its reads do
 * not need (and, with them, the triggers that move data_version on each
 * row, the incomes' too: moved once at the end): all the list's and the
 * audit log's, the households' places
 * (households are found by number), the persons' names and birth dates
 * (persons are found by ID number, members by household); into a county
 * that had no household (FRESH), no person is looked up and all the
 * persons' go (the sheet's ID numbers were checked to be distinct, and
 * the unique index made again at the end would refuse the whole import
 * otherwise). */
static int
defer_indexes(struct db *db, int fresh, struct err *e)
{
    static const char *const keep_person[] = {"person_household", "person_id_no", NULL};
    static const struct {
        const char *tbl;
        const char *const *keep;
    } defer[] = {
        {"hh_list", NULL}, {"audit", NULL}, {"household", NULL}, {"person", keep_person},
        {"income", NULL},       /* its data_version triggers: its UNIQUE stays */
    };
    size_t i;

    for (i = 0; i < sizeof(defer) / sizeof(defer[0]); i++) {
        if (db_indexes_defer(db, defer[i].tbl, fresh ? NULL : defer[i].keep, e)) {
            return -1;
        }
    }
    return 0;
}

int
db_import_count(struct db *db, long *n, struct err *e)
{
    sqlite3_stmt *st = db_prep(db, "SELECT count(*) FROM household", e);
    int64_t v = 0;

    if (db_scalar(db, st, &v, _("reading households"), e)) {
        return -1;
    }
    *n = (long)v;
    return 0;
}

int
db_import_bulk(struct db *db, long households, long existing, struct err *e)
{
    if (db->bulk || (existing > 0 && (households < 1000 || existing >= 2 * households))) {
        return 0;
    }
    db->bulk = 1;
    if (existing == 0) {
        db_indexes_own(db);
    }
    return defer_indexes(db, existing == 0, e);
}

int
db_import_reindex(struct db *db, struct err *e)
{
    if (!db->bulk) {
        return 0;
    }
    db->bulk = 0;
    return db_indexes_restore(db, 1, e) || db_list_reindex(db, e) ? -1 : 0;
}

int
db_import_mark(struct db *db, struct err *e)
{
    return exec_sql(db, "SAVEPOINT import_hh", e);
}

int
db_import_keep(struct db *db, struct err *e)
{
    return exec_sql(db, "RELEASE import_hh", e);
}

void
db_import_undo(struct db *db)
{
    sqlite3_exec(db->h, "ROLLBACK TO import_hh; RELEASE import_hh", NULL, NULL, NULL);
}

/* --- records ------------------------------------------------------- */

/* 1 when REC differs from OLD in a column of DEF. */
static int
differs(const struct rec_def *def, const void *old, const void *rec)
{
    char a[REC_VAL_BUF], b[REC_VAL_BUF];
    size_t i;

    for (i = 0; i < def->ncols; i++) {
        if (strcmp(rec_text(&def->cols[i], old, a), rec_text(&def->cols[i], rec, b)) != 0) {
            return 1;
        }
    }
    return 0;
}

/* Update OLD to REC when they differ; *CHANGED says whether. */
static int
update(struct db *db, const struct rec_def *def, const char *actor, const void *old,
       void *rec, const char *what, int *changed, struct err *e)
{
    *changed = differs(def, old, rec);
    return *changed ? rec_update(db, def, actor, old, rec, what, e) : 0;
}

static void
household_from(const struct xrecord *r, int64_t town, int64_t vill, int64_t nat,
               struct household *h)
{
    snprintf(h->hh_no, sizeof(h->hh_no), "%s", r->hh.hh_no);
    h->township_id = town;
    h->village_id = vill;
    h->natural_village_id = nat;
    snprintf(h->hh_type, sizeof(h->hh_type), "%s", r->hh.hh_type);
    if (has(r, XF_HH_PHONE)) {
        snprintf(h->phone, sizeof(h->phone), "%s", r->hh.phone);
    }
    if (has(r, XF_HOUSE_DANGER)) {
        snprintf(h->house_grade, sizeof(h->house_grade), "%s",
                 xhouse_grade(r->house_danger, h->house_grade));
    }
    if (has(r, XF_FIRST_IDENT)) {
        h->first_identified = r->hh.first_identified;
    }
    if (has(r, XF_WATER)) {
        snprintf(h->water, sizeof(h->water), "%s", r->hh.water);
    }
}

/* The person fields of R that the sheet gave, over P. */
static void
person_from(const struct ximport_ctx *x, const struct xrecord *r, struct person *p)
{
    static const struct {
        enum xfield f;
        size_t off, size;
    } texts[] = {
#define T(field, member) {field, offsetof(struct person, member), \
                          sizeof(((struct person *)0)->member)}
        T(XF_PERSON_NO, person_no), T(XF_NAME, name), T(XF_RELATION, relation),
        T(XF_ETHNICITY, ethnicity), T(XF_EDUCATION, education),
        T(XF_SCHOOLING, schooling), T(XF_HEALTH, health), T(XF_LABOUR, labour),
        T(XF_PHONE, phone),
#undef T
    };
    const char *idt = code_with_tag(rule_codes(x->ctx), "id_type", "resident_id");
    struct idno id;
    size_t i;

    for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
        if (has(r, texts[i].f)) {
            str_copy((char *)p + texts[i].off, texts[i].size,
                     (const char *)&r->p + texts[i].off);
        }
    }
    if (has(r, XF_WORK_MONTHS)) {
        p->work_months = r->p.work_months;
    }
    if (has(r, XF_INS_SERIOUS)) {
        p->ins_serious = r->p.ins_serious;
    }
    if (has(r, XF_PERSON_IDENT)) {
        p->identified = r->p.identified;
    }
    str_copy(p->id_no, sizeof(p->id_no), r->p.id_no);
    str_copy(p->id_type, sizeof(p->id_type), idt != NULL ? idt : "");
    if (idno_parse(p->id_no, x->ctx->today, &id) == IDNO_OK) {
        snprintf(p->sex, sizeof(p->sex), "%d", (int)id.sex);
        p->birth = id.birth;
    }
}

/* The current member with ID number ID_NO: its id and household (0 when
 * none). */
static int
member_of(struct db *db, const char *id_no, int64_t *pid, int64_t *hh, char *hh_no,
          size_t n, struct err *e)
{
    static const char sql[] =
        "SELECT p.id, p.household_id, h.hh_no FROM person p "
        "JOIN household h ON h.id = p.household_id "
        "WHERE p.id_no = ? AND p.in_household = 1";
    sqlite3_stmt *st = db_prep(db, sql, e);
    int rc;

    *pid = *hh = 0;
    if (st != NULL) {
        db_bind_text(st, 1, id_no);
    }
    if ((rc = db_one(db, st, _("reading persons"), e)) <= 0) {
        return rc;
    }
    *pid = db_col_int(st, 0);
    *hh = db_col_int(st, 1);
    db_col_text(st, 2, hh_no, n);
    sqlite3_reset(st);
    return 0;
}

/* The person of row R in household HH, created or updated; a person
 * created is added to SNAP when it is not NULL. */
static int
put_person(struct db *db, const struct ximport_ctx *x, const struct xrecord *r,
           int64_t hh, struct ximport_stats *st, struct hh_snapshot *snap,
           struct err *e)
{
    struct person old, p;
    int64_t pid, other;
    char other_no[HH_NO_BUF];
    int changed;

    memset(&p, 0, sizeof(p));
    p.birth = DATE_NONE;
    if (x->fresh) {
        pid = other = 0;
    } else if (member_of(db, r->p.id_no, &pid, &other, other_no, sizeof(other_no), e) < 0) {
        return -1;
    }
    if (pid != 0 && other != hh) {
        return err_set(e, ERR_INVALID,
                       _("%s (%s) is a member of household %s; remove the person there "
                         "first or correct the row"),
                       r->p.name, r->p.id_no, other_no);
    }
    if (pid == 0) {
        p.household_id = hh;
        p.in_household = 1;
        person_from(x, r, &p);
        st->p_created++;
        if (db_person_insert(db, x->a->login, &p, 1, e)) {
            return -1;
        }
        if (snap != NULL) {
            *snapshot_add_member(snap) = p;
        }
        return 0;
    }
    memset(&old, 0, sizeof(old));
    if (db_person_get(db, pid, &old, e)) {
        return -1;
    }
    p = old;
    person_from(x, r, &p);
    if (update(db, &person_def, x->a->login, &old, &p, r->p.name, &changed, e)) {
        return -1;
    }
    *(changed ? &st->p_updated : &st->p_same) += 1;
    return 0;
}

/* INC's figures from the sheet's R for MEMBERS persons: 工资性收入 the
 * wage (when the sheet has the column), the rest of the net income
 * (人均纯收入 times the members) kept as it is, not split by kind; a rest
 * below zero (costs above the other incomes) as production costs.  The
 * kinds the sheet has no column for are 0. */
static void
income_from(const struct xrecord *r, int members, struct income *inc)
{
    int64_t net = r->per_capita * members, rest;

    inc->wage = has(r, XF_WAGE) ? r->wage : 0;
    inc->business = inc->property = inc->transfer = 0;
    rest = net - inc->wage;
    inc->unsplit = rest > 0 ? rest : 0;
    inc->business_cost = rest < 0 ? -rest : 0;
    inc->members = members;
}

/* The income of the import's year, from 人均纯收入 and 工资性收入 (see
 * income_from); one the sheet gives as it is stored is left alone.
 * SNAP: the household was just created (it has no income to look for),
 * and takes the income. */
static int
put_income(struct db *db, const struct ximport_ctx *x, const struct xrecord *r,
           size_t n, int64_t hh, struct hh_snapshot *snap, int *changed,
           struct err *e)
{
    int created = snap != NULL;
    struct income old, inc;
    int members = has(r, XF_MEMBERS) ? r->members : (int)n;

    *changed = 0;
    if (!has(r, XF_PER_CAPITA)) {
        return 0;
    }
    memset(&old, 0, sizeof(old));
    /* A household just created has no income to look for. */
    if (created || db_income_get(db, hh, x->year, &old, e) != 0) {
        if (!created && e->code != ERR_NOTFOUND) {
            return -1;
        }
        memset(&inc, 0, sizeof(inc));
        inc.household_id = hh;
        inc.year = x->year;
        income_from(r, members, &inc);
        *changed = 1;
        if (db_income_insert(db, x->a->login, &inc, 1, e)) {
            return -1;
        }
        if (created) {
            *snapshot_add_income(snap) = inc;
        }
        return 0;
    }
    if (old.per_capita == r->per_capita && old.members == members &&
        (!has(r, XF_WAGE) || old.wage == r->wage)) {
        return 0;
    }
    inc = old;
    income_from(r, members, &inc);
    if (income_compute(&inc) != 0) {
        return err_set(e, ERR_INVALID, _("the household has no members"));
    }
    return update(db, &income_def, x->a->login, &old, &inc, r->hh.hh_no, changed, e);
}

static int
put_step(struct db *db, const struct ximport_ctx *x, int64_t cid,
         enum case_action act, enum case_state from, enum case_state to, int day,
         struct hh_snapshot *snap, struct err *e)
{
    struct case_step s, *kept;

    memset(&s, 0, sizeof(s));
    s.case_id = cid;
    s.action = act;
    s.from = from;
    s.to = to;
    snprintf(s.actor, sizeof(s.actor), "%s", x->a->login);
    s.step_date = day;
    s.deadline = s.pub_start = s.pub_end = DATE_NONE;
    s.note = (char *)x->note;
    if (db_step_insert(db, &s, e)) {
        return -1;
    }
    if (snap != NULL) {
        kept = snapshot_add_step(snap);
        *kept = s;
        kept->note = xstrdup(x->note);
    }
    return 0;
}

/* A case from the sheet's category, dates and risks, with its steps as
 * imported history; into SNAP too when it is not NULL. */
static int
put_case(struct db *db, const struct ximport_ctx *x, const struct xrecord *r,
         int64_t hh, struct hh_snapshot *snap, struct err *e)
{
    struct mcase c;
    int i, elim = has(r, XF_ELIMINATED) && r->eliminated;

    memset(&c, 0, sizeof(c));
    c.household_id = hh;
    c.state = elim ? CS_ELIMINATED : CS_MONITORED;
    snprintf(c.category, sizeof(c.category), "%s", r->category);
    snprintf(c.channel, sizeof(c.channel), "%s", x->channel);
    for (i = 0; i < MCASE_MAX_RISKS; i++) {
        if (r->risks[i][0] != '\0') {
            snprintf(c.risks[c.nrisks++], CODE_BUF, "%s", r->risks[i]);
        }
    }
    c.clue_date = c.identified_on = r->identified_on;
    c.elim_started = c.eliminated_on = elim ? r->eliminated_on : DATE_NONE;
    c.deadline = DATE_NONE;
    if (elim) {
        snprintf(c.elim_method, sizeof(c.elim_method), "%s",
                 r->elim_method[0] != '\0' ? r->elim_method : x->elim_method);
    }
    if (db_case_insert(db, x->a->login, &c, 1, e)) {
        return -1;
    }
    if (snap != NULL) {
        snap->has_case = 1;
        snap->mcase = c;
    }
    if (put_step(db, x, c.id, CA_COUNTY_APPROVE, CS_NONE, CS_MONITORED, c.identified_on,
                 snap, e)) {
        return -1;
    }
    return elim ? put_step(db, x, c.id, CA_ELIM_APPROVE, CS_MONITORED, CS_ELIMINATED,
                           c.eliminated_on, snap, e)
                : 0;
}

static int
has_case(struct db *db, int64_t hh, int *yes, struct err *e)
{
    static const char sql[] =
        "SELECT 1 FROM monitor_case WHERE household_id = ? AND state <> 'rejected'";
    sqlite3_stmt *st = db_prep(db, sql, e);
    int rc;

    if (st != NULL) {
        db_bind_int(st, 1, hh);
    }
    if ((rc = db_one(db, st, _("reading cases"), e)) < 0) {
        return -1;
    }
    if (rc == 1) {
        sqlite3_reset(st);
    }
    *yes = rc == 1;
    return 0;
}

/* The household itself: inserted, or updated from what is stored. */
static int
put_household(struct db *db, const struct ximport_ctx *x, const struct xrecord *r,
              int64_t town, int64_t vill, int64_t nat, struct household *h,
              int *created, int *changed, struct err *e)
{
    struct household old;
    int64_t id;

    memset(h, 0, sizeof(*h));
    *created = *changed = 0;
    if (x->fresh || db_household_id(db, r->hh.hh_no, &id, e) != 0) {
        if (!x->fresh && e->code != ERR_NOTFOUND) {
            return -1;
        }
        household_from(r, town, vill, nat, h);
        *created = 1;
        return db_household_insert(db, x->a->login, h, 1, e);
    }
    memset(&old, 0, sizeof(old));
    if (db_household_get(db, id, &old, e)) {
        return -1;
    }
    if (!actor_changes(x->a, old.township_id, old.village_id) ||
        !actor_changes(x->a, town, vill)) {
        return err_set(e, ERR_DENIED,
                       _("household %s is outside what this account may change"),
                       old.hh_no);
    }
    *h = old;
    household_from(r, town, vill, nat, h);
    return update(db, &household_def, x->a->login, &old, h, old.hh_no, changed, e);
}

/* The household of ROWS stored; a household created is put whole into
 * SNAP (its list row is made from it, nothing read back). */
static int
store_household(struct db *db, const struct ximport_ctx *x, const struct xrecord *rows,
                size_t n, int64_t town, int64_t vill, int64_t nat,
                struct ximport_stats *st, struct hh_snapshot *snap, int *created,
                int *changed, struct err *e)
{
    struct ximport_stats before = *st;
    struct hh_snapshot *made;
    int inc, open;
    size_t i;

    if (put_household(db, x, &rows[0], town, vill, nat, &snap->hh, created, changed, e)) {
        return -1;
    }
    made = *created ? snap : NULL;
    for (i = 0; i < n; i++) {
        if (put_person(db, x, &rows[i], snap->hh.id, st, made, e)) {
            return -1;
        }
    }
    open = 0;
    if (put_income(db, x, &rows[0], n, snap->hh.id, made, &inc, e) ||
        (!*created && has_case(db, snap->hh.id, &open, e))) {
        return -1;
    }
    if (rows[0].category[0] != '\0' && !open) {
        if (put_case(db, x, &rows[0], snap->hh.id, made, e)) {
            return -1;
        }
        st->cases++;
        *changed = 1;
    } else if (rows[0].category[0] != '\0') {
        st->cases_kept++;
    }
    *changed |= inc || st->p_created != before.p_created ||
                st->p_updated != before.p_updated;
    return 0;
}

int
db_import_household(struct db *db, const struct ximport_ctx *x,
                    const struct xrecord *rows, size_t n, int64_t town,
                    int64_t vill, int64_t nat, struct ximport_stats *st,
                    struct err *e)
{
    struct hh_snapshot snap;
    int created, changed, rc;

    memset(&snap, 0, sizeof(snap));
    rc = store_household(db, x, rows, n, town, vill, nat, st, &snap, &created, &changed, e);
    if (rc == 0 && created) {
        st->hh_created++;
        rc = db_list_refresh_snap(db, x->ctx, &snap, e);
    } else if (rc == 0) {
        *(changed ? &st->hh_updated : &st->hh_same) += 1;
        rc = changed ? db_list_refresh_hh(db, x->ctx, &snap.hh, e) : 0;
    }
    snapshot_free(&snap);
    return rc;
}

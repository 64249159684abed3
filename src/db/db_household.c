/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_household.c - households and their members (see db_household.h):
 * the two records' columns, reading and inserting them, the household's
 * create and update, a member's save and leaving, household numbers,
 * the uniqueness of household and ID numbers, and the search for similar
 * households before one is added.
 */
#include "config.h"
#include "db/db_household.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit_text.h"
#include "core/codes.h"
#include "core/date.h"
#include "core/rules.h"
#include "db/db_registry.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/pinyin.h"
#include "util/xalloc.h"

/* Longest reason for a member leaving, in bytes (schema: left_reason). */
#define LEFT_REASON_MAX 200

/* --- the records' columns -------------------------------------------- */

static const struct rec_col household_cols[] = {
    REC_COLF(struct household, hh_no, RC_TEXT, RF_NOTNULL),
    REC_COLF(struct household, township_id, RC_ID, RF_NOTNULL),
    REC_COLF(struct household, village_id, RC_ID, RF_NOTNULL),
    REC_COL(struct household, natural_village_id, RC_ID),
    REC_COLF(struct household, hh_type, RC_TEXT, RF_NOTNULL),
    REC_COL(struct household, address, RC_TEXT),
    REC_COL(struct household, phone, RC_TEXT),
    REC_COL(struct household, relocated, RC_FLAG),
    REC_COL(struct household, relocation_site, RC_TEXT),
    REC_COL(struct household, military, RC_FLAG),
    REC_COL(struct household, no_labour_support, RC_FLAG),
    REC_COL(struct household, house_grade, RC_TEXT),
    REC_COLF(struct household, first_identified, RC_MONTH, RF_OPTIONAL),
    REC_COL(struct household, water, RC_TEXT),
};

const struct rec_def household_def =
    REC_DEF(struct household, "household", household_cols, 0);

/* Membership (in_household, left_reason) changes only by leaving. */
static const struct rec_col person_cols[] = {
    REG_PARENT(struct person),
    REC_COL(struct person, person_no, RC_TEXT),
    REC_COLF(struct person, name, RC_TEXT, RF_NOTNULL),
    REC_COL(struct person, sex, RC_TEXT),
    REC_COL(struct person, id_type, RC_TEXT),
    REC_COL(struct person, id_no, RC_TEXT),
    REC_COL_AS(struct person, birth, "birth_date", RC_DATE),
    REC_COL(struct person, relation, RC_TEXT),
    REC_COL(struct person, ethnicity, RC_TEXT),
    REC_COL(struct person, political, RC_TEXT),
    REC_COL(struct person, education, RC_TEXT),
    REC_COL(struct person, schooling, RC_TEXT),
    REC_COL(struct person, health, RC_TEXT),
    REC_COL(struct person, labour, RC_TEXT),
    REC_COL(struct person, work_place, RC_TEXT),
    REC_COL(struct person, work_months, RC_INT),
    REC_COL(struct person, ins_medical, RC_FLAG),
    REC_COL(struct person, ins_serious, RC_FLAG),
    REC_COL(struct person, medical_aid, RC_FLAG),
    REC_COL(struct person, ins_pension, RC_FLAG),
    REC_COL(struct person, dibao, RC_FLAG),
    REC_COL(struct person, tekun, RC_FLAG),
    REC_COL(struct person, public_job, RC_TEXT),
    REC_COL(struct person, phone, RC_TEXT),
    REC_COLF(struct person, identified, RC_MONTH, RF_OPTIONAL),
    REC_COLF(struct person, in_household, RC_FLAG, RF_INSERT),
    REC_COLF(struct person, left_reason, RC_TEXT, RF_INSERT),
};

const struct rec_def person_def = REC_DEF(struct person, "person", person_cols, 2);

/* A member leaving: the membership columns alone. */
struct leaving {
    int64_t id;
    int in_household;
    char left_reason[SHORT_BUF];
    int left_on;
    int64_t version;
};

static const struct rec_col leaving_cols[] = {
    REC_COL(struct leaving, in_household, RC_FLAG),
    REC_COL(struct leaving, left_reason, RC_TEXT),
    REC_COL(struct leaving, left_on, RC_DATE),
};

static const struct rec_def leaving_def = REC_DEF(struct leaving, "person", leaving_cols, 0);

/* --- looking households up ---------------------------------------------- */

int
db_household_id(struct db *db, const char *hh_no, int64_t *id, struct err *e)
{
    sqlite3_stmt *st = db_prep(db, "SELECT id FROM household WHERE hh_no = ?", e);
    int rc;

    if (st != NULL) {
        db_bind_text(st, 1, hh_no);
    }
    if ((rc = db_one(db, st, _("reading households"), e)) <= 0) {
        return rc < 0 ? -1 : err_set(e, ERR_NOTFOUND, _("no household numbered '%s'"), hh_no);
    }
    *id = db_col_int(st, 0);
    sqlite3_reset(st);
    return 0;
}

int
db_household_no(struct db *db, int64_t id, char *out, size_t n, struct err *e)
{
    sqlite3_stmt *st = db_prep(db, "SELECT hh_no FROM household WHERE id = ?", e);
    int rc;

    out[0] = '\0';
    if (st != NULL) {
        db_bind_int(st, 1, id);
    }
    if ((rc = db_one(db, st, _("reading households"), e)) <= 0) {
        return rc < 0 ? -1 : err_set(e, ERR_NOTFOUND, _("household #%lld does not exist"),
                                     (long long)id);
    }
    db_col_text(st, 0, out, n);
    sqlite3_reset(st);
    return 0;
}

/* --- checks ------------------------------------------------------------- */

/* VILLAGE is a village of TOWNSHIP and NATURAL (0: none) one of its
 * natural villages. */
static int
check_place(struct db *db, int64_t township, int64_t village, int64_t natural,
            struct err *e)
{
    static const char nat[] =
        "SELECT count(*) FROM division WHERE id = ? AND parent_id = ? AND level = 4";

    if (village == 0) {
        return err_set(e, ERR_INVALID,
                       _("the village chosen is not a village of the township chosen; choose the township first, then one of its villages"));
    }
    if (rec_check_place(db, township, village, e)) {
        return -1;
    }
    if (natural == 0) {
        return 0;
    }
    return rec_must_find(db, nat, natural, village, ERR_INVALID,
                         _("the natural village chosen does not belong to the village chosen"), e);
}

/* Whether SQL (binding TEXT and EXCEPT) finds a row: 1 with its first
 * column in OUT (N bytes), 0 when none, -1 on error. */
static int
taken(struct db *db, const char *sql, const char *text, int64_t except,
      char *out, size_t n, struct err *e)
{
    sqlite3_stmt *st = db_prep(db, sql, e);
    int rc;

    if (st != NULL) {
        db_bind_text(st, 1, text);
        db_bind_int(st, 2, except);
    }
    if ((rc = db_one(db, st, _("reading the registry"), e)) == 1) {
        db_col_text(st, 0, out, n);
        sqlite3_reset(st);
    }
    return rc;
}

/* HH_NO is not the number of a household other than EXCEPT. */
static int
hh_no_free(struct db *db, const char *hh_no, int64_t except, struct err *e)
{
    static const char sql[] = "SELECT hh_no FROM household WHERE hh_no = ? AND id <> ?";
    char found[HH_NO_BUF];
    int rc = taken(db, sql, hh_no, except, found, sizeof(found), e);

    if (rc <= 0) {
        return rc;
    }
    return err_set(e, ERR_INVALID,
                   _("the household number %s is already used by another household; leave it empty to get the next free number"),
                   hh_no);
}

/* No current member other than person EXCEPT holds ID_NO ("": none). */
static int
id_no_free(struct db *db, const char *id_no, int64_t except, struct err *e)
{
    static const char sql[] =
        "SELECT h.hh_no FROM person p JOIN household h ON h.id = p.household_id "
        "WHERE p.id_no = ? AND p.in_household = 1 AND p.id <> ?";
    char hh_no[HH_NO_BUF];
    int rc;

    if (id_no == NULL || *id_no == '\0') {
        return 0;
    }
    if ((rc = taken(db, sql, id_no, except, hh_no, sizeof(hh_no), e)) <= 0) {
        return rc;
    }
    return err_set(e, ERR_INVALID,
                   _("the ID number %s is already registered to a member of household %s; a person belongs to one household only (remove them there first)"),
                   id_no, hh_no);
}

/* --- household numbers ------------------------------------------------- */

/* The highest sequence in use among the numbers CODE + 4 digits (the
 * hh_no index, read backwards from the top of the range), 0 if none. */
static int
last_seq(struct db *db, const char *code, int *seq, struct err *e)
{
    static const char sql[] =
        "SELECT hh_no FROM household WHERE hh_no BETWEEN ?1 || '0000' AND ?1 || '9999' "
        "AND length(hh_no) = 16 AND substr(hh_no, 13) GLOB '[0-9][0-9][0-9][0-9]' "
        "ORDER BY hh_no DESC LIMIT 1";
    sqlite3_stmt *st = db_prep(db, sql, e);
    char top[HH_NO_BUF];
    int rc;

    *seq = 0;
    if (st != NULL) {
        db_bind_text(st, 1, code);
    }
    if ((rc = db_one(db, st, _("reading the registry"), e)) <= 0) {
        return rc;
    }
    db_col_text(st, 0, top, sizeof(top));
    sqlite3_reset(st);
    *seq = atoi(top + 12);
    return 0;
}

int
db_household_next_no(struct db *db, int64_t village, char out[HH_NO_BUF],
                     struct err *e)
{
    static const char div[] =
        "SELECT level, coalesce(code, ''), name FROM division WHERE id = ?";
    sqlite3_stmt *st = db_prep(db, div, e);
    char code[16], name[200];
    int level, rc, seq;

    if (st != NULL) {
        db_bind_int(st, 1, village);
    }
    if ((rc = db_one(db, st, _("reading the registry"), e)) <= 0) {
        return rc < 0 ? -1 : err_set(e, ERR_NOTFOUND,
                                     _("the %s #%lld does not exist; someone may have deleted it"),
                                     audit_table_label("division"), (long long)village);
    }
    level = (int)db_col_int(st, 0);
    db_col_text(st, 1, code, sizeof(code));
    db_col_text(st, 2, name, sizeof(name));
    sqlite3_reset(st);
    if (level != LEVEL_VILLAGE) {
        return err_set(e, ERR_INVALID,
                       _("%s is not an administrative village; household numbers are given by village"),
                       name);
    }
    if (strlen(code) != 12) {
        return err_set(e, ERR_INVALID,
                       _("village %s has no 12-digit division code, so no household number can be made for it; type the number, or ask county IT to record the village's code"),
                       name);
    }
    if (last_seq(db, code, &seq, e)) {
        return -1;
    }
    if (seq >= 9999) {
        return err_set(e, ERR_INVALID,
                       _("village %s has used every household number up to %s9999; type the number"),
                       name, code);
    }
    snprintf(out, HH_NO_BUF, "%.12s%04d", code, seq + 1);
    return 0;
}

/* --- households ---------------------------------------------------------- */

REC_GET(household, struct household, household_def)
REG_INSERT(household, struct household, household_def)

int
db_household_bulk_update(struct db *db, const struct household *old, struct household *h,
                         struct err *e)
{
    return rec_update(db, &household_def, NULL, old, h, h->hh_no, e);
}

static int
conflict_household(struct err *e, const char *hh_no)
{
    return err_set(e, ERR_CONFLICT,
                   _("household %s was changed by someone else meanwhile; look at their changes before saving yours"),
                   hh_no);
}

static int
household_store(struct reg_save *s, void *arg)
{
    struct household *h = arg;
    const struct household *old = &s->hh;

    if (reg_load(s, h->id)) {
        return -1;
    }
    if (old->version != h->version) {
        return conflict_household(s->e, old->hh_no);
    }
    if (h->hh_no[0] == '\0') {
        return err_set(s->e, ERR_INVALID, _("the household number is required"));
    }
    /* Moving the household: the actor must see where it goes too. */
    if ((h->township_id != old->township_id || h->village_id != old->village_id ||
         h->natural_village_id != old->natural_village_id) &&
        (reg_may_change(s, h->township_id, h->village_id) ||
         check_place(s->db, h->township_id, h->village_id, h->natural_village_id, s->e))) {
        return -1;
    }
    if (strcmp(h->hh_no, old->hh_no) != 0 && hh_no_free(s->db, h->hh_no, h->id, s->e)) {
        return -1;
    }
    if (rec_update(s->db, &household_def, s->a->login, old, h, old->hh_no, s->e)) {
        return -1;
    }
    s->hh = *h;
    return 0;
}

int
db_household_update(struct db *db, const struct rule_ctx *ctx,
                    const struct actor *a, struct household *h,
                    struct err *e)
{
    int64_t version = h->version;

    if (reg_tx(db, ctx, a, household_store, h, e)) {
        h->version = version;
        return -1;
    }
    return 0;
}

/* The checks of db_household_create that need no database. */
static int
members_ok(const struct rule_ctx *ctx, const struct person *m, size_t n,
           struct err *e)
{
    const char *head = code_with_tag(&ctx->policy->codes, "relation", "head");
    size_t i, j, heads = 0;

    if (n == 0) {
        return err_set(e, ERR_INVALID, _("a household needs at least one member"));
    }
    for (i = 0; i < n; i++) {
        if (code_is(&ctx->policy->codes, "relation", m[i].relation, "head")) {
            heads++;
        }
        for (j = 0; j < i && m[i].id_no[0] != '\0'; j++) {
            if (strcmp(m[i].id_no, m[j].id_no) == 0) {
                return err_set(e, ERR_INVALID,
                               _("%s and %s have the same ID number %s; check both"),
                               m[j].name, m[i].name, m[i].id_no);
            }
        }
    }
    if (heads != 1) {
        return err_set(e, ERR_INVALID,
                       _("exactly one member must have the relation '%s' (now %zu do); choose the head of the household"),
                       code_label(&ctx->policy->codes, "relation", head != NULL ? head : ""),
                       heads);
    }
    return 0;
}

struct new_household {
    struct household *h;
    struct person *m;
    size_t n;
};

/* Where the new household goes, and its number. */
static int
household_place(struct reg_save *s, struct household *h)
{
    if (reg_may_write(s->a, s->e)) {
        return -1;
    }
    if (!actor_sees(s->a, h->township_id, h->village_id)) {
        return err_set(s->e, ERR_DENIED,
                       _("the village chosen is outside your scope; you can add households only where you work"));
    }
    if (check_place(s->db, h->township_id, h->village_id, h->natural_village_id, s->e)) {
        return -1;
    }
    if (h->hh_no[0] == '\0') {
        return db_household_next_no(s->db, h->village_id, h->hh_no, s->e);
    }
    return hh_no_free(s->db, h->hh_no, 0, s->e);
}

static int
household_add(struct reg_save *s, void *arg)
{
    struct new_household *x = arg;
    size_t i;

    if (household_place(s, x->h)) {
        return -1;
    }
    for (i = 0; i < x->n; i++) {
        if (id_no_free(s->db, x->m[i].id_no, 0, s->e)) {
            return -1;
        }
    }
    if (rec_insert(s->db, &household_def, s->a->login, x->h, s->e)) {
        return -1;
    }
    s->hh = *x->h;
    for (i = 0; i < x->n; i++) {
        x->m[i].household_id = x->h->id;
        x->m[i].in_household = 1;
        x->m[i].left_reason[0] = '\0';
        if (rec_insert(s->db, &person_def, s->a->login, &x->m[i], s->e)) {
            err_prefix(s->e, _("member %zu (%s)"), i + 1, x->m[i].name);
            return -1;
        }
    }
    return 0;
}

int
db_household_create(struct db *db, const struct rule_ctx *ctx,
                    const struct actor *a, struct household *h,
                    struct person *members, size_t n, struct err *e)
{
    struct new_household x = {h, members, n};
    struct household saved = *h;
    struct person *msaved;
    int rc;

    if (members_ok(ctx, members, n, e)) {
        return -1;
    }
    msaved = xmalloc(n * sizeof(*msaved));
    memcpy(msaved, members, n * sizeof(*msaved));
    rc = reg_tx(db, ctx, a, household_add, &x, e);
    if (rc != 0) {
        /* As it was: no ids of rows that were never stored. */
        *h = saved;
        memcpy(members, msaved, n * sizeof(*msaved));
    }
    free(msaved);
    return rc;
}

/* --- members -------------------------------------------------------------- */

static int
conflict_person(const struct reg_save *s, const void *old)
{
    return err_set(s->e, ERR_CONFLICT,
                   _("the member %s of household %s was changed by someone else meanwhile; look at their changes before saving yours"),
                   ((const struct person *)old)->name, s->hh.hh_no);
}

static int
person_moved(const struct reg_save *s, const void *old)
{
    return err_set(s->e, ERR_INVALID,
                   _("%s is a member of household %s; a member cannot be moved to another household here"),
                   ((const struct person *)old)->name, s->hh.hh_no);
}

/* A new member is current; only a current member's ID number must be
 * unique. */
static int
person_check(struct reg_save *s, const void *old, void *rec)
{
    const struct person *o = old;
    struct person *p = rec;

    if (o == NULL) {
        p->in_household = 1;
        p->left_reason[0] = '\0';
        return id_no_free(s->db, p->id_no, 0, s->e);
    }
    if (o->in_household && strcmp(o->id_no, p->id_no) != 0) {
        return id_no_free(s->db, p->id_no, p->id, s->e);
    }
    return 0;
}

static const struct reg_kind person_kind = {
    REG_KIND(struct person, person_def),
    .check = person_check,
    .conflict = conflict_person,
    .moved = person_moved,
};

REG_SAVE(person, struct person, person_kind)
REC_GET(person, struct person, person_def)
REG_INSERT(person, struct person, person_def)

struct leave {
    int64_t id, version;
    const char *reason;
    int day;
};

/* Current members of S->hh other than person EXCEPT. */
static int
others_in(struct reg_save *s, int64_t except, int64_t *n)
{
    static const char sql[] =
        "SELECT count(*) FROM person "
        "WHERE household_id = ? AND in_household = 1 AND id <> ?";

    return rec_scalar(s->db, sql, s->hh.id, except, n, s->e);
}

/* Member OLD may leave: current, and not the head while others remain. */
static int
may_leave(struct reg_save *s, const struct person *old)
{
    int64_t others = 0;

    if (!old->in_household) {
        return err_set(s->e, ERR_INVALID, _("%s has already left household %s"),
                       old->name, s->hh.hh_no);
    }
    if (!code_is(&s->ctx->policy->codes, "relation", old->relation, "head")) {
        return 0;
    }
    if (others_in(s, old->id, &others)) {
        return -1;
    }
    if (others > 0) {
        return err_set(s->e, ERR_RULE,
                       _("%s is the head of household %s and %lld other members remain; make another member the head first, then remove %s"),
                       old->name, s->hh.hh_no, (long long)others, old->name);
    }
    return 0;
}

static int
person_leave(struct reg_save *s, void *arg)
{
    const struct leave *l = arg;
    struct person old;
    struct leaving was, now;

    if (reg_may_write(s->a, s->e) || db_person_get(s->db, l->id, &old, s->e) ||
        reg_load(s, old.household_id)) {
        return -1;
    }
    if (old.version != l->version) {
        return conflict_person(s, &old);
    }
    if (may_leave(s, &old) || rec_get(s->db, &leaving_def, l->id, &was, s->e)) {
        return -1;
    }
    now = was;
    now.in_household = 0;
    snprintf(now.left_reason, sizeof(now.left_reason), "%s", l->reason);
    now.left_on = l->day;
    return rec_update(s->db, &leaving_def, s->a->login, &was, &now, old.name, s->e);
}

int
db_person_remove(struct db *db, const struct rule_ctx *ctx,
                 const struct actor *a, int64_t id, int64_t version,
                 const char *reason, int day, struct err *e)
{
    struct leave l = {id, version, reason, day};

    if (reason == NULL || reason[strspn(reason, " \t")] == '\0') {
        return err_set(e, ERR_INVALID,
                       _("give the reason why the member leaves the household"));
    }
    if (strlen(reason) > LEFT_REASON_MAX) {
        return err_set(e, ERR_INVALID,
                       _("the reason is too long: at most %d bytes (about %d Chinese characters)"),
                       LEFT_REASON_MAX, LEFT_REASON_MAX / 3);
    }
    if (day == DATE_NONE) {
        l.day = ctx->today;
    }
    if (l.day > ctx->today) {
        return err_set(e, ERR_INVALID,
                       _("the day the member left cannot be after today"));
    }
    return reg_tx(db, ctx, a, person_leave, &l, e);
}

/* --- similar households ------------------------------------------------ */

/* A household found, with the member that matched first. */
struct cand {
    struct similar_hh s;
    char id_no[DOCNO_BUF];
};

struct cands {
    struct cand *v;
    size_t n, alloc;
};

static void
cand_add(struct cands *c, int64_t hh, unsigned why, const char *name,
         const char *id_no)
{
    struct cand *x;
    size_t i;

    for (i = 0; i < c->n; i++) {
        if (c->v[i].s.id == hh) {
            c->v[i].s.why |= why;
            return;
        }
    }
    c->v = xgrow(c->v, &c->alloc, c->n + 1, sizeof(*c->v));
    x = &c->v[c->n++];
    memset(x, 0, sizeof(*x));
    x->s.id = hh;
    x->s.why = why;
    snprintf(x->s.person, sizeof(x->s.person), "%s", name);
    snprintf(x->id_no, sizeof(x->id_no), "%s", id_no);
}

/* Add the matches of ST (household_id, name, id_no) as WHY; only names
 * whose initials are INITIALS when that is not NULL. */
static int
collect(struct db *db, sqlite3_stmt *st, unsigned why, const char *initials,
        int64_t except, struct cands *c, struct err *e)
{
    char name[NAME_BUF], id_no[DOCNO_BUF], ini[NAME_BUF];
    int rc;

    if (st == NULL) {
        return -1;
    }
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t hh = db_col_int(st, 0);

        if (hh == except) {
            continue;
        }
        db_col_text(st, 1, name, sizeof(name));
        db_col_text(st, 2, id_no, sizeof(id_no));
        if (initials != NULL) {
            pinyin_initials(name, 1, ini, sizeof(ini));
            if (strcmp(ini, initials) != 0) {
                continue;
            }
        }
        cand_add(c, hh, why, name, id_no);
    }
    if (rc != SQLITE_DONE) {
        db_fail(db, e, _("looking for similar households"));
        sqlite3_reset(st);
        return -1;
    }
    sqlite3_reset(st);
    return 0;
}

static int
popcount(unsigned v)
{
    int n = 0;

    for (; v != 0; v &= v - 1) {
        n++;
    }
    return n;
}

/* Strongest first: the best kind of match (lowest bit), then the number
 * of kinds, then the household id. */
static int
cand_cmp(const void *pa, const void *pb)
{
    const struct similar_hh *a = &((const struct cand *)pa)->s;
    const struct similar_hh *b = &((const struct cand *)pb)->s;
    unsigned la = a->why & -a->why, lb = b->why & -b->why;

    if (la != lb) {
        return la < lb ? -1 : 1;
    }
    if (popcount(a->why) != popcount(b->why)) {
        return popcount(a->why) > popcount(b->why) ? -1 : 1;
    }
    return a->id < b->id ? -1 : a->id > b->id;
}

/* Fill the shown fields of X when A sees its household. */
static int
cand_details(struct db *db, const struct actor *a, struct cand *x,
             struct err *e)
{
    static const char sql[] =
        "SELECT h.hh_no, h.township_id, h.village_id, coalesce(l.head, ''), "
        "t.name, v.name FROM household h "
        "JOIN division t ON t.id = h.township_id "
        "JOIN division v ON v.id = h.village_id "
        "LEFT JOIN hh_list l ON l.id = h.id WHERE h.id = ?";
    sqlite3_stmt *st = db_prep(db, sql, e);
    struct similar_hh *s = &x->s;
    char town[200], village[200];
    int rc;

    if (st != NULL) {
        db_bind_int(st, 1, s->id);
    }
    if ((rc = db_one(db, st, _("looking for similar households"), e)) < 0) {
        return -1;
    }
    s->in_scope = rc == 1 && actor_sees(a, db_col_int(st, 1), db_col_int(st, 2));
    if (!s->in_scope) {
        if (rc == 1) {
            sqlite3_reset(st);
        }
        s->hh_no[0] = s->head[0] = s->village[0] = s->person[0] = '\0';
        s->id_masked[0] = '\0';
        return 0;
    }
    db_col_text(st, 0, s->hh_no, sizeof(s->hh_no));
    db_col_text(st, 3, s->head, sizeof(s->head));
    db_col_text(st, 4, town, sizeof(town));
    db_col_text(st, 5, village, sizeof(village));
    sqlite3_reset(st);
    snprintf(s->village, sizeof(s->village), "%.98s %.98s", town, village);
    s->id_masked[0] = '\0';
    if (x->id_no[0] != '\0') {
        idno_mask(x->id_no, s->id_masked);
    }
    return 0;
}

int
db_household_similar(struct db *db, const struct actor *a, const char *name,
                     const char *id_no, int64_t village, int birth,
                     int64_t except_hh, int limit, struct similar_hh **v,
                     size_t *n, struct err *e)
{
    static const char by_id[] =
        "SELECT household_id, name, id_no FROM person "
        "WHERE id_no = ? AND in_household = 1";
    static const char by_name[] =
        "SELECT p.household_id, p.name, p.id_no FROM person p "
        "JOIN household h ON h.id = p.household_id "
        "WHERE p.name = ? AND p.in_household = 1 AND h.village_id = ? "
        "ORDER BY p.household_id";
    static const char by_birth[] =
        "SELECT household_id, name, id_no FROM person "
        "WHERE birth_date = ? AND in_household = 1 ORDER BY household_id";
    struct cands c = {NULL, 0, 0};
    char initials[NAME_BUF], day[DATE_BUF];
    sqlite3_stmt *st;
    size_t i;
    int rc = 0;

    *v = NULL;
    *n = 0;
    name = name != NULL ? name : "";
    if (id_no != NULL && *id_no != '\0') {
        if ((st = db_prep(db, by_id, e)) != NULL) {
            db_bind_text(st, 1, id_no);
        }
        rc = collect(db, st, SIM_ID, NULL, except_hh, &c, e);
    }
    if (rc == 0 && *name != '\0' && village != 0) {
        if ((st = db_prep(db, by_name, e)) != NULL) {
            db_bind_text(st, 1, name);
            db_bind_int(st, 2, village);
        }
        rc = collect(db, st, SIM_NAME_VILLAGE, NULL, except_hh, &c, e);
    }
    pinyin_initials(name, 1, initials, sizeof(initials));
    if (rc == 0 && initials[0] != '\0' && birth != DATE_NONE) {
        date_format(birth, day);
        if ((st = db_prep(db, by_birth, e)) != NULL) {
            db_bind_text(st, 1, day);
        }
        rc = collect(db, st, SIM_INITIALS_BIRTH, initials, except_hh, &c, e);
    }
    if (rc == 0 && c.n > 0) {
        qsort(c.v, c.n, sizeof(*c.v), cand_cmp);
        if (limit > 0 && c.n > (size_t)limit) {
            c.n = (size_t)limit;
        }
        for (i = 0; rc == 0 && i < c.n; i++) {
            rc = cand_details(db, a, &c.v[i], e);
        }
    }
    if (rc == 0 && c.n > 0) {
        *v = xmalloc(c.n * sizeof(**v));
        for (i = 0; i < c.n; i++) {
            (*v)[i] = c.v[i].s;
        }
        *n = c.n;
    }
    free(c.v);
    return rc;
}

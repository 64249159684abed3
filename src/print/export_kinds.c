/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * export_kinds.c - the table of the kinds of export (one row a kind: its
 * name, title, audit table, columns and row source), and the kinds read
 * from the households: the monitoring list, members, cases with their
 * steps, measures and visits.  They page through the monitoring list's
 * query (db_list_page, keyset) under the list's own filter and search,
 * and read each household whole (db_snapshot_load) only when a kind needs
 * more than its list row: memory stays that of a page and a household.
 * The funds, pairing and assessment kinds are export_funds.c.
 */
#include "config.h"
#include "print/export.h"
#include "print/export_priv.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/codes.h"
#include "core/date.h"
#include "core/household.h"
#include "core/idno.h"
#include "core/money.h"
#include "core/mcase.h"
#include "core/role.h"
#include "db/db_list.h"
#include "db/db_snapshot.h"
#include "print/print.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"

#define PAGE 256

/* ---- cells that are not a member ----------------------------------------- */

/* A list row's state. */
static const char *lr_state(struct export_run *x, const void *row, char *buf, size_t n)
{
    (void)x, (void)buf, (void)n;
    return case_state_label(((const struct list_row *)row)->state);
}

/* A list row's per capita income, empty without an income recorded. */
static const char *lr_income(struct export_run *x, const void *row, char *buf, size_t n)
{
    const struct list_row *r = row;
    char m[MONEY_BUF];

    (void)x;
    if (r->income_year == 0) {
        return "";
    }
    money_format(r->per_capita, 0, m);
    snprintf(buf, n, "%s", m);
    return buf;
}

/* Comma-separated risk codes as their labels. */
static const char *risk_text(struct export_run *x, const char *codes, char *buf, size_t n)
{
    struct sbuf sb = SBUF_INIT;
    char tmp[256], *save = NULL, *code;

    snprintf(tmp, sizeof(tmp), "%s", codes);
    for (code = strtok_r(tmp, ",", &save); code != NULL; code = strtok_r(NULL, ",", &save)) {
        sbuf_addf(&sb, "%s%s", sb.len ? "," : "",
                  code_label(export_env(x)->codes, "risk", code));
    }
    snprintf(buf, n, "%s", sb.len ? sb.buf : "");
    sbuf_release(&sb);
    return buf;
}

static const char *lr_risks(struct export_run *x, const void *row, char *buf, size_t n)
{
    return risk_text(x, ((const struct list_row *)row)->risks, buf, n);
}

/* The risks of a snapshot's case. */
static const char *case_risks(struct export_run *x, const void *row, char *buf, size_t n)
{
    const struct hh_snapshot *s = row;
    struct sbuf sb = SBUF_INIT;
    int i;

    for (i = 0; s->has_case && i < s->mcase.nrisks; i++) {
        sbuf_addf(&sb, "%s%s", sb.len ? "," : "", s->mcase.risks[i]);
    }
    risk_text(x, sb.len ? sb.buf : "", buf, n);
    sbuf_release(&sb);
    return buf;
}

static const char *case_state(struct export_run *x, const void *row, char *buf, size_t n)
{
    const struct hh_snapshot *s = row;

    (void)x, (void)buf, (void)n;
    return s->has_case ? case_state_label(s->mcase.state) : "";
}

static const char *step_action(struct export_run *x, const void *row, char *buf, size_t n)
{
    (void)x, (void)buf, (void)n;
    return row != NULL ? case_action_label(((const struct case_step *)row)->action) : "";
}

static const char *step_to(struct export_run *x, const void *row, char *buf, size_t n)
{
    (void)x, (void)buf, (void)n;
    return row != NULL ? case_state_label(((const struct case_step *)row)->to) : "";
}

/* The head's (户主) whole or masked ID number, from a snapshot. */
static const struct person *head_of(struct export_run *x, const struct hh_snapshot *s)
{
    size_t i;

    for (i = 0; i < s->nmembers; i++) {
        if (code_is(export_env(x)->codes, "relation", s->members[i].relation, "head")) {
            return &s->members[i];
        }
    }
    return NULL;
}

static const char *head_id(struct export_run *x, const void *row, char *buf, size_t n)
{
    const struct person *h = head_of(x, row);

    (void)n;
    if (h == NULL) {
        return "";
    }
    if (export_filt(x)->reveal) {
        return h->id_no;
    }
    idno_mask(h->id_no, buf);
    return buf;
}

/* The latest income's per capita net. */
static const char *last_income(struct export_run *x, const void *row, char *buf, size_t n)
{
    const struct income *inc = snapshot_last_income(row);
    char m[MONEY_BUF];

    (void)x;
    if (inc == NULL) {
        return "";
    }
    money_format(inc->per_capita, 0, m);
    snprintf(buf, n, "%s", m);
    return buf;
}

/* ---- columns ---------------------------------------------------------------- */

#define LR(f) offsetof(struct list_row, f)
#define SN(f) offsetof(struct hh_snapshot, f)

static const struct export_col households_cols[] = {
    XCOL(N_("Household number"), SHEET_TEXT, EC_STR, LR(hh_no)),
    XCOL(N_("Head of household"), SHEET_TEXT, EC_STR, LR(head)),
    XCOL(N_("Township"), SHEET_TEXT, EC_STR, LR(township)),
    XCOL(N_("Administrative village"), SHEET_TEXT, EC_STR, LR(village)),
    XCOL(N_("Household size"), SHEET_INT, EC_INT, LR(members)),
    XCOL(N_("Monitoring category"), SHEET_TEXT, EC_CODE, LR(category), .table = "category"),
    XCOL(N_("Procedure state"), SHEET_TEXT, EC_FN, 0, .fn = lr_state),
    XCOL(N_("Net income per person (yuan)"), SHEET_AMOUNT, EC_FN, 0, .fn = lr_income),
    XCOL(N_("Risks"), SHEET_TEXT, EC_FN, 0, .fn = lr_risks),
    XCOL(N_("Last visit"), SHEET_DATE, EC_DATE, LR(last_visit)),
    XCOL(N_("Household type"), SHEET_TEXT, EC_CODE, LR(hh_type), .table = "hh_type"),
    XCOL(N_("Identified on"), SHEET_DATE, EC_DATE, LR(identified_on)),
};

/* --all-columns: read from the household whole (the parent). */
static const struct export_col households_more[] = {
    XCOL(N_("Head's ID number"), SHEET_TEXT, EC_FN, 0, .parent = 1, .fn = head_id),
    XCOL(N_("Address"), SHEET_TEXT, EC_STR, SN(hh.address), .parent = 1),
    XCOL(N_("Phone"), SHEET_TEXT, EC_PHONE, SN(hh.phone), .parent = 1),
    XCOL(N_("Relocated household"), SHEET_TEXT, EC_YESNO, SN(hh.relocated), .parent = 1),
    XCOL(N_("Relocation site"), SHEET_TEXT, EC_STR, SN(hh.relocation_site), .parent = 1),
    XCOL(N_("Military family"), SHEET_TEXT, EC_YESNO, SN(hh.military), .parent = 1),
    XCOL(N_("No labour in the household"), SHEET_TEXT, EC_YESNO, SN(hh.no_labour_support), .parent = 1),
    XCOL(N_("Dangerous house grade"), SHEET_TEXT, EC_STR, SN(hh.house_grade), .parent = 1),
    XCOL(N_("Discovery channel"), SHEET_TEXT, EC_CODE, SN(mcase.channel), .parent = 1, .table = "channel"),
    XCOL(N_("Clue date"), SHEET_DATE, EC_DATE, SN(mcase.clue_date), .parent = 1),
    XCOL(N_("Risk eliminated on"), SHEET_DATE, EC_DATE, SN(mcase.eliminated_on), .parent = 1),
    XCOL(N_("Elimination method"), SHEET_TEXT, EC_CODE, SN(mcase.elim_method), .parent = 1, .table = "elim_method"),
    XCOL(N_("Latest net income per person (yuan)"), SHEET_AMOUNT, EC_FN, 0, .parent = 1, .fn = last_income),
};

/* The household of a record (its parent, a snapshot). */
#define HH_COLS                                                                    \
    XCOL(N_("Household number"), SHEET_TEXT, EC_STR, SN(hh.hh_no), .parent = 1),                 \
    XCOL(N_("Township"), SHEET_TEXT, EC_PLACE, SN(hh.township_id), .parent = 1),                 \
    XCOL(N_("Administrative village"), SHEET_TEXT, EC_PLACE, SN(hh.village_id), .parent = 1)

#define PE(f) offsetof(struct person, f)

static const struct export_col members_cols[] = {
    HH_COLS,
    XCOL(N_("Person number"), SHEET_TEXT, EC_STR, PE(person_no)),
    XCOL(N_("Name"), SHEET_TEXT, EC_STR, PE(name)),
    XCOL(N_("ID number"), SHEET_TEXT, EC_IDNO, PE(id_no)),
    XCOL(N_("Sex"), SHEET_TEXT, EC_CODE, PE(sex), .table = "sex"),
    XCOL(N_("Date of birth"), SHEET_DATE, EC_DATE, PE(birth)),
    XCOL(N_("Relation to the head"), SHEET_TEXT, EC_CODE, PE(relation), .table = "relation"),
    XCOL(N_("Ethnicity"), SHEET_TEXT, EC_CODE, PE(ethnicity), .table = "ethnicity"),
    XCOL(N_("Education"), SHEET_TEXT, EC_CODE, PE(education), .table = "education"),
    XCOL(N_("Schooling"), SHEET_TEXT, EC_CODE, PE(schooling), .table = "schooling"),
    XCOL(N_("Health"), SHEET_TEXT, EC_CODE, PE(health), .table = "health"),
    XCOL(N_("Labour skill"), SHEET_TEXT, EC_CODE, PE(labour), .table = "labour"),
    XCOL(N_("Place of work"), SHEET_TEXT, EC_STR, PE(work_place)),
    XCOL(N_("Months of work"), SHEET_INT, EC_INT, PE(work_months)),
    XCOL(N_("Basic medical insurance"), SHEET_TEXT, EC_YESNO, PE(ins_medical)),
    XCOL(N_("Serious illness insurance"), SHEET_TEXT, EC_YESNO, PE(ins_serious)),
    XCOL(N_("Basic pension insurance"), SHEET_TEXT, EC_YESNO, PE(ins_pension)),
    XCOL(N_("Minimum living allowance"), SHEET_TEXT, EC_YESNO, PE(dibao)),
    XCOL(N_("Extreme poverty support"), SHEET_TEXT, EC_YESNO, PE(tekun)),
    XCOL(N_("Phone"), SHEET_TEXT, EC_PHONE, PE(phone)),
};

#define CS(f) offsetof(struct case_step, f)

static const struct export_col cases_cols[] = {
    HH_COLS,
    XCOL(N_("Monitoring category"), SHEET_TEXT, EC_CODE, SN(mcase.category), .parent = 1, .table = "category"),
    XCOL(N_("Discovery channel"), SHEET_TEXT, EC_CODE, SN(mcase.channel), .parent = 1, .table = "channel"),
    XCOL(N_("Risks"), SHEET_TEXT, EC_FN, 0, .parent = 1, .fn = case_risks),
    XCOL(N_("Procedure state"), SHEET_TEXT, EC_FN, 0, .parent = 1, .fn = case_state),
    XCOL(N_("Clue date"), SHEET_DATE, EC_DATE, SN(mcase.clue_date), .parent = 1),
    XCOL(N_("Identified on"), SHEET_DATE, EC_DATE, SN(mcase.identified_on), .parent = 1),
    XCOL(N_("Risk eliminated on"), SHEET_DATE, EC_DATE, SN(mcase.eliminated_on), .parent = 1),
    XCOL(N_("Step"), SHEET_TEXT, EC_FN, 0, .fn = step_action),
    XCOL(N_("Step date"), SHEET_DATE, EC_DATE, CS(step_date)),
    XCOL(N_("State after the step"), SHEET_TEXT, EC_FN, 0, .fn = step_to),
    XCOL(N_("Recorded by"), SHEET_TEXT, EC_STR, CS(actor)),
    XCOL(N_("Note"), SHEET_TEXT, EC_PSTR, CS(note)),
};

#define ME(f) offsetof(struct measure, f)

static const struct export_col measures_cols[] = {
    HH_COLS,
    XCOL(N_("Year"), SHEET_INT, EC_INT, ME(year)),
    XCOL(N_("Measure category"), SHEET_TEXT, EC_CODE, ME(category), .table = "measure_category"),
    XCOL(N_("Measure"), SHEET_TEXT, EC_CODE, ME(item), .table = "measure_item"),
    XCOL(N_("Start"), SHEET_DATE, EC_DATE, ME(start)),
    XCOL(N_("End"), SHEET_DATE, EC_DATE, ME(end)),
};

#define VI(f) offsetof(struct visit, f)

static const struct export_col visits_cols[] = {
    HH_COLS,
    XCOL(N_("Visit date"), SHEET_DATE, EC_DATE, VI(visit_date)),
    XCOL(N_("Visitor"), SHEET_TEXT, EC_STR, VI(visitor)),
    XCOL(N_("Visitor's role"), SHEET_TEXT, EC_CODE, VI(visitor_role), .table = "visitor_role"),
    XCOL(N_("New risk found"), SHEET_TEXT, EC_YESNO, VI(new_risk)),
    XCOL(N_("Next visit"), SHEET_DATE, EC_DATE, VI(next_visit)),
    XCOL(N_("Findings"), SHEET_TEXT, EC_PSTR, VI(findings)),
};

/* ---- row sources ------------------------------------------------------------ */

/* Call EACH (with ARG) on every household of the list under X's filter,
 * a page at a time, in household-number order. */
static int hh_pages(struct export_run *x,
                    int (*each)(struct export_run *x, const struct list_row *r,
                                struct hh_snapshot *s, const void *arg, struct err *e),
                    const void *arg, struct err *e)
{
    const struct print_env *env = export_env(x);
    struct list_row rows[PAGE], last;
    struct hh_snapshot s;
    struct list_query q;
    int got = 0, i, rc = 0, have = 0;

    memset(&s, 0, sizeof(s));
    memset(&last, 0, sizeof(last));
    list_query_init(&q, env->actor->scope_level, env->actor->scope_id, env->today);
    /* the list's filter and search; rows chosen (tagged) whatever they are now */
    if (export_filt(x)->ids == NULL) {
        q.f = export_filt(x)->hh;
    }
    do {
        rc = db_list_page(env->db, &q, have ? &last : NULL, 1, 0, PAGE, rows, &got, e);
        for (i = 0; rc == 0 && i < got; i++) {
            if (export_wants(x, rows[i].id)) {
                rc = each(x, &rows[i], &s, arg, e);
            }
        }
        if (rc == 0 && got > 0) {
            list_row_copy(&last, &rows[got - 1]);
            have = 1;
        }
        for (i = 0; i < got; i++) {
            list_row_clear(&rows[i]);
        }
    } while (rc == 0 && got == PAGE);
    list_row_clear(&last);
    snapshot_free(&s);
    return rc;
}

/* The household of R whole into S. */
static int load(struct export_run *x, const struct list_row *r, struct hh_snapshot *s,
                struct err *e)
{
    snapshot_reset(s);
    return db_snapshot_load(export_env(x)->db, r->id, s, e);
}

static int hh_one(struct export_run *x, const struct list_row *r, struct hh_snapshot *s,
                  const void *arg, struct err *e)
{
    (void)arg;
    if (export_filt(x)->all_columns) {
        if (load(x, r, s, e) < 0) {
            return -1;
        }
        return export_emit(x, r, s, e);
    }
    return export_emit(x, r, NULL, e);
}

static int households_rows(struct export_run *x, struct err *e)
{
    return hh_pages(x, hh_one, NULL, e);
}

/* ---- the records of households, read whole ------------------------------------ */

/* What a kind emits of a household read whole. */
struct snap_each {
    int (*fn)(struct export_run *x, const struct hh_snapshot *s, struct err *e);
};

/* 1 when X's filter is only a place (or nothing) and no rows are chosen:
 * the households can then be streamed whole, one pass over each table. */
static int place_only(const struct export_run *x)
{
    const struct list_filter *f = &export_filt(x)->hh;

    return export_filt(x)->ids == NULL && f->category[0] == '\0' && f->risk[0] == '\0' &&
           f->states == 0 && !f->waiting && !f->overdue && !f->findings &&
           !f->no_dev_measure && f->visit_days == 0 && f->search[0] == '\0' &&
           f->cadre_id == 0 && !f->no_cadre &&
           export_env(x)->actor->scope_level != LEVEL_VILLAGE;
}

/* Every household of X's place (the account's scope) streamed whole
 * (snap_iter: one ordered query per table, merged) to EACH. */
static int hh_stream(struct export_run *x, const struct snap_each *each, struct err *e)
{
    const struct print_env *env = export_env(x);
    const struct list_filter *f = &export_filt(x)->hh;
    int64_t township = f->township_id;
    struct snap_iter *it = NULL;
    struct hh_snapshot s;
    int rc;

    if (township == 0 && env->actor->scope_level == LEVEL_TOWNSHIP) {
        township = env->actor->scope_id;
    }
    rc = township != 0 ? snap_iter_open_unit(&it, env->db, township, f->village_id, e)
                       : snap_iter_open(&it, env->db, 1, INT64_MAX, e);
    memset(&s, 0, sizeof(s));
    while (rc == 0 && (rc = snap_iter_next(it, &s, e)) == 1) {
        rc = actor_sees(env->actor, s.hh.township_id, s.hh.village_id) ? each->fn(x, &s, e) : 0;
    }
    snap_iter_close(it);
    snapshot_free(&s);
    return rc < 0 ? -1 : 0;
}

/* The household of list row R read whole, to the kind's EACH (ARG). */
static int paged_one(struct export_run *x, const struct list_row *r, struct hh_snapshot *s,
                     const void *arg, struct err *e)
{
    const struct snap_each *each = arg;

    return load(x, r, s, e) < 0 ? -1 : each->fn(x, s, e);
}

/* EACH on every household of X's filter read whole: streamed when only a
 * place narrows them, else through the list's query a page at a time. */
static int hh_records(struct export_run *x,
                      int (*fn)(struct export_run *x, const struct hh_snapshot *s,
                                struct err *e),
                      struct err *e)
{
    const struct snap_each each = {fn};

    return place_only(x) ? hh_stream(x, &each, e) : hh_pages(x, paged_one, &each, e);
}

static int members_one(struct export_run *x, const struct hh_snapshot *s, struct err *e)
{
    size_t i;

    for (i = 0; i < s->nmembers; i++) {
        if (export_emit(x, &s->members[i], s, e) < 0) {
            return -1;
        }
    }
    return 0;
}

static int members_rows(struct export_run *x, struct err *e)
{
    return hh_records(x, members_one, e);
}

static int cases_one(struct export_run *x, const struct hh_snapshot *s, struct err *e)
{
    size_t i;

    if (!s->has_case) {
        return 0;
    }
    if (s->nsteps == 0) {
        return export_emit(x, NULL, s, e);
    }
    for (i = 0; i < s->nsteps; i++) {
        if (export_emit(x, &s->steps[i], s, e) < 0) {
            return -1;
        }
    }
    return 0;
}

static int cases_rows(struct export_run *x, struct err *e)
{
    return hh_records(x, cases_one, e);
}

/* 1 when a record of YEAR is in the filter's year. */
static int in_year(const struct export_run *x, int year)
{
    return export_filt(x)->year == 0 || export_filt(x)->year == year;
}

static int measures_one(struct export_run *x, const struct hh_snapshot *s, struct err *e)
{
    size_t i;

    for (i = 0; i < s->nmeasures; i++) {
        if (in_year(x, s->measures[i].year) && export_emit(x, &s->measures[i], s, e) < 0) {
            return -1;
        }
    }
    return 0;
}

static int measures_rows(struct export_run *x, struct err *e)
{
    return hh_records(x, measures_one, e);
}

static int visits_one(struct export_run *x, const struct hh_snapshot *s, struct err *e)
{
    size_t i;

    for (i = 0; i < s->nvisits; i++) {
        const struct visit *v = &s->visits[i];

        if (in_year(x, date_year(v->visit_date)) && export_emit(x, v, s, e) < 0) {
            return -1;
        }
    }
    return 0;
}

static int visits_rows(struct export_run *x, struct err *e)
{
    return hh_records(x, visits_one, e);
}

/* ---- the kinds --------------------------------------------------------------- */

#define HH_FILTERS (EF_PLACE | EF_CATEGORY | EF_STATE | EF_SEARCH)

static const struct export_kind households_kind = {
    "households", N_("Monitored households"), "household", EXPORT_COLS(households),
    .more = households_more, .nmore = ARRAY_SIZE(households_more),
    .filters = HH_FILTERS | EF_ALL};
static const struct export_kind members_kind = {
    "members", N_("Household members"), "person", EXPORT_COLS(members),
    .filters = HH_FILTERS};
static const struct export_kind cases_kind = {
    "cases", N_("Monitoring cases"), "mcase", EXPORT_COLS(cases), .filters = HH_FILTERS};
static const struct export_kind measures_kind = {
    "measures", N_("Assistance measures"), "measure", EXPORT_COLS(measures),
    .filters = HH_FILTERS | EF_YEAR};
static const struct export_kind visits_kind = {
    "visits", N_("Visits"), "visit", EXPORT_COLS(visits), .filters = HH_FILTERS | EF_YEAR};

/* The table: one row a kind (`national` is the import's, to come). */
const struct export_kind *const export_kinds[] = {
    &households_kind, &members_kind, &cases_kind, &measures_kind, &visits_kind,
    &receipts_kind, &projects_kind, &allocations_kind, &payments_kind, &assets_kind,
    &indicators_kind,
    &partners_kind, &agreements_kind, &arrivals_kind, &teams_kind, &attendance_kind,
    &assessment_kind, &national_kind, &warnings_kind,
};

const size_t export_nkinds = ARRAY_SIZE(export_kinds);

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_assess_src.c - the data sources of the computed assessment
 * indicators (see db_assess_src.h): the registry sources read the unit's
 * households once through the snapshot iterator and the rules of
 * `zhenxing check` on the judging day; the team, partner and funds
 * sources read the lists the screens show (db_pair.c, db_fund.c) judged
 * on that day.  Every source says in words what its figure is made of.
 *
 * The assessment is the county's: the lists are read with the whole
 * county in scope; the caller decides who may see the result.
 */
#include "config.h"
#include "db/db_assess_src.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/findings.h"
#include "core/meter.h"
#include "core/money.h"
#include "core/rules.h"
#include "db/db_fund.h"
#include "db/db_pair.h"
#include "db/db_priv.h"
#include "db/db_snapshot.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* --- units (their names are db_assess.c's) ------------------------------- */

static const char *const unit_labels[] = {
    N_("a township"), N_("a village"), N_("a resident team"), N_("a partner"),
};

#define NUNITS ARRAY_SIZE(unit_labels)

/* --- filling the input ---------------------------------------------------- */

#define PCT_BUF 32

static void why(struct assess_input *out, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
why(struct assess_input *out, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(out->why, sizeof(out->why), fmt, ap);
    va_end(ap);
}

/* OUT as the rate NUM / DEN in basis points rounded down (DEN 0: 100%),
 * its text into PCT; returns 1 when there was someone to count. */
static int
rate(struct assess_input *out, int64_t num, int64_t den, char pct[PCT_BUF])
{
    out->is_rate = 1;
    out->num = num;
    out->den = den;
    out->value = den > 0 ? num * 10000 / den : 10000;
    money_bp_text(out->value, pct, PCT_BUF);
    return den > 0;
}

static void
count(struct assess_input *out, int64_t n)
{
    out->is_rate = 0;
    out->num = n;
    out->den = 0;
    out->value = n;
}

/* What one source needs: the unit, the year, the day it is judged on
 * (JC is the caller's context with that day as today). */
struct job {
    struct db *db;
    struct rule_ctx jc;
    const char *source;
    enum assess_unit_kind kind;
    int64_t id;
    int year;
    struct actor all;       /* the whole county in scope */
    struct assess_input *out;
    struct err *e;
};

/* --- the registry ------------------------------------------------------- */

struct reg_tally {
    int64_t monitored, with_measure;    /* measures_coverage */
    int64_t labour, labour_dev;         /* dev_measure_labour */
    int64_t overdue;                    /* overdue_cases */
    int64_t eliminated, early;          /* early_eliminations */
    int64_t visited;                    /* visits_on_time */
    int64_t publicized, pub_ok;         /* publicity_compliance */
};

/* A monitoring object whose risk is not eliminated on DAY. */
static int
monitored_on(const struct hh_snapshot *s, int day)
{
    const struct mcase *c = &s->mcase;

    if (!s->has_case || c->identified_on == DATE_NONE || c->identified_on > day) {
        return 0;
    }
    return case_state_monitored(c->state) ||
           (c->state == CS_ELIMINATED && c->eliminated_on != DATE_NONE &&
            c->eliminated_on > day);
}

/* A measure started on or before DAY. */
static int
has_measure_by(const struct hh_snapshot *s, int day)
{
    size_t i;

    for (i = 0; i < s->nmeasures; i++) {
        if (s->measures[i].start != DATE_NONE && s->measures[i].start <= day) {
            return 1;
        }
    }
    return 0;
}

/* A publicity of the case begun in YEAR, on or before DAY. */
static int
publicized_in(const struct hh_snapshot *s, int year, int day)
{
    size_t i;

    for (i = 0; i < s->nsteps; i++) {
        int st = s->steps[i].pub_start;

        if (st != DATE_NONE && s->steps[i].pub_end != DATE_NONE &&
            date_year(st) == year && st <= day) {
            return 1;
        }
    }
    return 0;
}

/* Count household S (with a case), whose findings on the judging day
 * are F, into T.  A development measure is due by the rules in force on
 * the day of identification, as MS01 judges it, not the round's year's. */
static void
reg_count(const struct job *j, const struct hh_snapshot *s, const struct findings *f,
          struct reg_tally *t)
{
    const struct mcase *c = &s->mcase;
    int day = j->jc.today;

    t->overdue += findings_has(f, "PR02");
    if (c->state == CS_ELIMINATED && c->eliminated_on != DATE_NONE &&
        date_year(c->eliminated_on) == j->year && c->eliminated_on <= day) {
        t->eliminated++;
        t->early += findings_has(f, "EL01");
    }
    if (publicized_in(s, j->year, day)) {
        t->publicized++;
        t->pub_ok += !findings_has(f, "PR03");
    }
    if (!monitored_on(s, day)) {
        return;
    }
    t->monitored++;
    t->with_measure += has_measure_by(s, day);
    t->visited += !findings_has(f, "VS01");
    if (hh_has_labour(rule_codes(&j->jc), s)) {
        int dev = hh_has_dev_measure(rule_codes(&j->jc), s, day);
        int due = rules_in_force(&j->jc, date_year(c->identified_on))->dev_measure_days;

        /* as MS01: not yet due within dev_measure_days of identification */
        if (dev || c->identified_on + due < day) {
            t->labour++;
            t->labour_dev += dev;
        }
    }
}

/* The township of unit ID of the job's kind (the village's, for a
 * village); 0 when the division is not one. */
static int
unit_township(const struct job *j, int64_t id, int64_t *township)
{
    static const char sql[] = "SELECT parent_id FROM division WHERE id = ? AND level = 3";
    sqlite3_stmt *st;
    int rc;

    *township = 0;
    if (j->kind == AU_TOWNSHIP) {
        *township = id;
        return 0;
    }
    if ((st = db_prep(j->db, sql, j->e)) == NULL) {
        return -1;
    }
    db_bind_int(st, 1, id);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *township = db_col_int(st, 0);
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0
                                                 : db_fail(j->db, j->e, _("reading the divisions"));
}

/* A unit counted in a pass: its id (a township's or a village's), its
 * township, and where its tally is. */
struct unit_at {
    int64_t id, town;
    size_t i;
};

static int
unit_cmp(const void *a, const void *b)
{
    const struct unit_at *x = a, *y = b;

    return x->id < y->id ? -1 : x->id > y->id;
}

/* Count household S into the tally of each unit of U (N, by id) it
 * belongs to: its township's, or its village's within that township. */
static void
reg_add(const struct job *j, const struct unit_at *u, size_t n,
        const struct hh_snapshot *s, struct findings *f, struct reg_tally *t)
{
    struct unit_at key = {j->kind == AU_VILLAGE ? s->hh.village_id : s->hh.township_id, 0,
                          0};
    const struct unit_at *at = bsearch(&key, u, n, sizeof(*u), unit_cmp);
    int counted = 0;

    if (at == NULL) {
        return;
    }
    while (at > u && at[-1].id == key.id) {
        at--;
    }
    for (; at < u + n && at->id == key.id; at++) {
        if (at->town != 0 && at->town == s->hh.township_id) {
            if (!counted++) {
                findings_reset(f);
                rules_check_counted(&j->jc, s, f);
            }
            reg_count(j, s, f, &t[at->i]);
        }
    }
}

/* The registry's tallies T[N] of the N units IDS of the job's kind, in
 * one pass over the county's households with a case (the others count
 * in none of them). */
static int
reg_tally_units(const struct job *j, const int64_t *ids, size_t n, struct reg_tally *t)
{
    struct unit_at *u = xcalloc(n + 1, sizeof(*u));
    struct hh_snapshot s;
    struct findings f;
    struct snap_iter *it = NULL;
    size_t i;
    int rc = 0;

    memset(t, 0, n * sizeof(*t));
    for (i = 0; rc == 0 && i < n; i++) {
        u[i].id = ids[i];
        u[i].i = i;
        rc = unit_township(j, ids[i], &u[i].town);
    }
    qsort(u, n, sizeof(*u), unit_cmp);
    if (rc != 0 || n == 0) {
        free(u);
        return rc;
    }
    if (snap_iter_open_counted(&it, j->db, j->e)) {
        free(u);
        return -1;
    }
    memset(&s, 0, sizeof(s));
    memset(&f, 0, sizeof(f));
    while ((rc = snap_iter_next(it, &s, j->e)) == 1) {
        if (s.has_case) {
            reg_add(j, u, n, &s, &f, t);
        }
    }
    snap_iter_close(it);
    findings_free(&f);
    snapshot_free(&s);
    free(u);
    return rc < 0 ? -1 : 0;
}

static void
reg_coverage(const struct reg_tally *t, struct assess_input *out)
{
    char p[PCT_BUF];

    if (rate(out, t->with_measure, t->monitored, p)) {
        why(out, _("%lld monitored households, %lld with assistance measures (%s)"),
            (long long)t->monitored, (long long)t->with_measure, p);
    } else {
        why(out, _("no monitored household, taken as %s"), p);
    }
}

static void
reg_dev_labour(const struct reg_tally *t, struct assess_input *out)
{
    char p[PCT_BUF];

    if (rate(out, t->labour_dev, t->labour, p)) {
        why(out, _("%lld monitored households with labour and a development measure due, %lld with one (%s)"),
            (long long)t->labour, (long long)t->labour_dev, p);
    } else {
        why(out, _("no monitored household with labour due a development measure, taken as %s"), p);
    }
}

static void
reg_overdue(const struct reg_tally *t, struct assess_input *out)
{
    count(out, t->overdue);
    why(out, _("%lld households with a procedure step overdue"), (long long)t->overdue);
}

static void
reg_early(const struct reg_tally *t, struct assess_input *out)
{
    count(out, t->early);
    why(out, _("%lld households eliminated in the year, %lld of them too soon after identification"),
        (long long)t->eliminated, (long long)t->early);
}

static void
reg_visits(const struct reg_tally *t, struct assess_input *out)
{
    char p[PCT_BUF];

    if (rate(out, t->visited, t->monitored, p)) {
        why(out, _("%lld monitored households, %lld visited on time (%s)"),
            (long long)t->monitored, (long long)t->visited, p);
    } else {
        why(out, _("no monitored household, taken as %s"), p);
    }
}

static void
reg_publicity(const struct reg_tally *t, struct assess_input *out)
{
    char p[PCT_BUF];

    if (rate(out, t->pub_ok, t->publicized, p)) {
        why(out, _("%lld households publicized in the year, %lld with every publicity long enough (%s)"),
            (long long)t->publicized, (long long)t->pub_ok, p);
    } else {
        why(out, _("no household publicized in the year, taken as %s"), p);
    }
}

static const struct {
    const char *name;
    void (*fill)(const struct reg_tally *, struct assess_input *);
} reg_outputs[] = {
    {"measures_coverage", reg_coverage},
    {"dev_measure_labour", reg_dev_labour},
    {"overdue_cases", reg_overdue},
    {"early_eliminations", reg_early},
    {"visits_on_time", reg_visits},
    {"publicity_compliance", reg_publicity},
};

/* The input of registry source NAME from tally T into OUT. */
static void
reg_fill(const struct reg_tally *t, const char *name, struct assess_input *out)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(reg_outputs); i++) {
        if (strcmp(reg_outputs[i].name, name) == 0) {
            reg_outputs[i].fill(t, out);
        }
    }
}

static int
src_registry(struct job *j)
{
    struct reg_tally t;

    if (reg_tally_units(j, &j->id, 1, &t)) {
        return -1;
    }
    reg_fill(&t, j->source, j->out);
    return 0;
}

/* --- resident teams ------------------------------------------------------- */

/* The team's attendance of the year up to the judging month: member-months,
 * those keeping the rule, days absent without leave. */
struct att_tally {
    int64_t months, kept, absent;
};

static int
att_tally(const struct job *j, struct att_tally *t)
{
    struct attendance_row *v;
    struct pair_filter f;
    int first = month_of(date_from_ymd(j->year, 1, 1)), last = month_of(j->jc.today);
    size_t n, i;

    memset(t, 0, sizeof(*t));
    pair_filter_init(&f);
    if (db_attendance_list(j->db, &j->jc, &j->all, &f, j->id, &v, &n, j->e)) {
        return -1;
    }
    for (i = 0; i < n; i++) {
        if (v[i].a.month >= first && v[i].a.month <= last) {
            t->months++;
            t->kept += v[i].j.flags == 0;
            t->absent += v[i].a.absent;
        }
    }
    free(v);
    return 0;
}

static int
src_attendance(struct job *j)
{
    struct att_tally t;
    char p[PCT_BUF];

    if (att_tally(j, &t)) {
        return -1;
    }
    if (rate(j->out, t.kept, t.months, p)) {
        why(j->out, _("%lld member-months of attendance, %lld keeping the rule (%s)"),
            (long long)t.months, (long long)t.kept, p);
    } else {
        why(j->out, _("no attendance recorded in the year, taken as %s"), p);
    }
    return 0;
}

static int
src_absences(struct job *j)
{
    struct att_tally t;

    if (att_tally(j, &t)) {
        return -1;
    }
    count(j->out, t.absent);
    why(j->out, _("%lld member-months recorded, %lld days absent without leave"),
        (long long)t.months, (long long)t.absent);
    return 0;
}

/* 1 when month M is staffed: a 第一书记 (SEC) and at least MIN members
 * serving in it. */
static int
month_staffed(const struct team_member *m, size_t n, int month, const char *sec, int min)
{
    int from = month_first_day(month), to = month_last_day(month), serving = 0, secretary = 0;
    size_t i;

    for (i = 0; i < n; i++) {
        if (m[i].start <= to && (m[i].end == DATE_NONE || m[i].end >= from)) {
            serving++;
            secretary |= sec != NULL && strcmp(m[i].role, sec) == 0;
        }
    }
    return secretary && serving >= min;
}

static int
staffing_months(const struct job *j, const struct team *t, int64_t *months, int64_t *staffed)
{
    const char *sec = code_with_tag(rule_codes(&j->jc), "team_role", "secretary");
    int min = rules_in_force(&j->jc, j->year)->team_min_members;
    struct team_member *m;
    size_t n, i;
    int mo;

    if (db_member_list(j->db, t->id, &m, &n, j->e)) {
        return -1;
    }
    for (mo = month_of(date_from_ymd(j->year, 1, 1)); mo <= month_of(j->jc.today); mo++) {
        if (month_last_day(mo) < t->term_start ||
            (t->term_end != DATE_NONE && month_first_day(mo) > t->term_end)) {
            continue;
        }
        ++*months;
        *staffed += month_staffed(m, n, mo, sec, min);
    }
    for (i = 0; i < n; i++) {
        team_member_clear(&m[i]);
    }
    free(m);
    return 0;
}

static int
src_staffing(struct job *j)
{
    int min = rules_in_force(&j->jc, j->year)->team_min_members;
    int64_t months = 0, staffed = 0;
    struct team t;
    char p[PCT_BUF];
    int rc;

    team_init(&t);
    rc = db_team_get(j->db, j->id, &t, j->e) || staffing_months(j, &t, &months, &staffed);
    team_clear(&t);
    if (rc) {
        return -1;
    }
    if (rate(j->out, staffed, months, p)) {
        why(j->out, _("%lld months of the term in the year, %lld with a first secretary and at least %d members serving (%s)"),
            (long long)months, (long long)staffed, min, p);
    } else {
        why(j->out, _("no month of the team's term in the year, taken as %s"), p);
    }
    return 0;
}

/* --- partners ------------------------------------------------------------ */

static int
src_partner(struct job *j)
{
    struct progress_row *v;
    int64_t targets = 0, met = 0;
    char p[PCT_BUF];
    size_t n, i;

    if (db_pair_progress(j->db, &j->jc, j->id, j->year, &v, &n, j->e)) {
        return -1;
    }
    for (i = 0; i < n; i++) {
        if (v[i].p.status != PST_NO_TARGET) {
            targets++;
            met += v[i].p.status == PST_MET || v[i].p.status == PST_ON_PACE;
        }
    }
    free(v);
    if (rate(j->out, met, targets, p)) {
        why(j->out, _("%lld targets of the year, %lld met or on pace (%s)"),
            (long long)targets, (long long)met, p);
    } else {
        why(j->out, _("no target agreed for the year, taken as %s"), p);
    }
    return 0;
}

/* --- funds, projects and assets ------------------------------------------- */

/* The township's projects of the year. */
static int
projects(const struct job *j, struct project_row **v, size_t *n)
{
    struct funds_filter f;

    funds_filter_init(&f);
    f.year = j->year;
    f.township_id = j->id;
    return db_project_list(j->db, &j->jc, &j->all, &f, v, n, j->e);
}

/* What was allocated to the township's projects of the year: 衔接资金 in
 * all and to industry projects, and allocations whose result was
 * published late or is overdue, as the project screen judges them. */
struct alloc_tally {
    int64_t allocations, late;
    int64_t xianjie, industry;
};

static int
alloc_tally(const struct job *j, struct alloc_tally *t)
{
    struct project_row *pv;
    size_t np, i, k;
    int rc = 0;

    memset(t, 0, sizeof(*t));
    if (projects(j, &pv, &np)) {
        return -1;
    }
    for (i = 0; rc == 0 && i < np; i++) {
        int ind = code_is(rule_codes(&j->jc), "project_type", pv[i].ptype, "industry");
        struct alloc_row *av;
        size_t na;

        if ((rc = db_allocation_list(j->db, &j->jc, pv[i].id, 0, &av, &na, j->e)) != 0) {
            break;
        }
        for (k = 0; k < na; k++) {
            t->allocations++;
            t->late += av[k].pub == PUB_LATE || av[k].pub == PUB_OVERDUE;
            if (code_is(rule_codes(&j->jc), "fund_type", av[k].fund_type, "xianjie")) {
                t->xianjie += av[k].a.amount;
                t->industry += ind ? av[k].a.amount : 0;
            }
        }
        free(av);
    }
    free(pv);
    return rc;
}

static int
src_industry(struct job *j)
{
    struct alloc_tally t;
    char p[PCT_BUF], a[MONEY_BUF], b[MONEY_BUF];

    if (alloc_tally(j, &t)) {
        return -1;
    }
    money_format(t.xianjie, 1, a);
    money_format(t.industry, 1, b);
    if (rate(j->out, t.industry, t.xianjie, p)) {
        why(j->out, _("%s yuan of xianjie funds allocated to the township's projects, %s yuan to industry projects (%s)"),
            a, b, p);
    } else {
        why(j->out, _("no xianjie funds allocated to the township's projects, taken as %s"), p);
    }
    return 0;
}

static int
src_alloc_late(struct job *j)
{
    struct alloc_tally t;

    if (alloc_tally(j, &t)) {
        return -1;
    }
    count(j->out, t.late);
    why(j->out, _("%lld allocations to the township's projects, %lld results published late or overdue"),
        (long long)t.allocations, (long long)t.late);
    return 0;
}

/* Paid against what the milestone in force asks of the allocations
 * (core/meter.c), capped at 100%. */
static void
payment_fill(const struct job *j, int64_t allocated, int64_t paid, struct assess_input *out)
{
    int target = meter_pay_target(rules_in_force(&j->jc, j->year), j->year, j->jc.today);
    int64_t need = money_bp_ceil(allocated, target);
    char p[PCT_BUF], a[MONEY_BUF], b[MONEY_BUF], c[MONEY_BUF], t[PCT_BUF], d[DATE_BUF];

    rate(out, paid, need, p);
    if (out->value > 10000) {
        out->value = 10000;
        money_bp_text(out->value, p, sizeof(p));
    }
    money_format(allocated, 1, a);
    money_format(paid, 1, b);
    money_format(need, 1, c);
    money_bp_text(target, t, sizeof(t));
    date_format(j->jc.today, d);
    if (allocated == 0) {
        why(out, _("no funds allocated to the township's projects, taken as %s"), p);
    } else if (need == 0) {
        why(out, _("%s yuan allocated, %s yuan paid; no payment milestone due by %s, taken as %s"),
            a, b, d, p);
    } else {
        why(out, _("%s yuan allocated, %s yuan paid; the milestone in force on %s asks for %s, %s yuan (%s)"),
            a, b, d, t, c, p);
    }
}

static int
src_payment(struct job *j)
{
    struct project_row *v;
    int64_t allocated = 0, paid = 0;
    size_t n, i;

    if (projects(j, &v, &n)) {
        return -1;
    }
    for (i = 0; i < n; i++) {
        allocated += v[i].allocated;
        paid += v[i].paid;
    }
    free(v);
    payment_fill(j, allocated, paid, j->out);
    return 0;
}

static int
src_project_publicity(struct job *j)
{
    struct project_row *v;
    int64_t ok = 0;
    char p[PCT_BUF];
    size_t n, i;

    if (projects(j, &v, &n)) {
        return -1;
    }
    for (i = 0; i < n; i++) {
        ok += !(v[i].flags & PF_PUBLICITY_SHORT);
    }
    free(v);
    if (rate(j->out, ok, (int64_t)n, p)) {
        why(j->out, _("%lld projects of the year, %lld with every publicity long enough (%s)"),
            (long long)n, (long long)ok, p);
    } else {
        why(j->out, _("no project of the year, taken as %s"), p);
    }
    return 0;
}

/* Public-welfare assets of the township in the ledger by the end of the
 * year, not disposed of. */
static int
src_maintainer(struct job *j)
{
    const struct codebook *cb = rule_codes(&j->jc);
    const char *pub = code_with_tag(cb, "asset_class", "public");
    struct asset_row *v;
    struct funds_filter f;
    int64_t assets = 0, kept = 0;
    char p[PCT_BUF];
    size_t n, i;

    funds_filter_init(&f);
    f.township_id = j->id;
    snprintf(f.code, sizeof(f.code), "%s", pub != NULL ? pub : "?");
    if (db_asset_list(j->db, &j->jc, &j->all, &f, &v, &n, j->e)) {
        return -1;
    }
    for (i = 0; i < n; i++) {
        if (v[i].year <= j->year &&
            !code_is(cb, "asset_status", v[i].status, "disposed")) {
            assets++;
            kept += v[i].maintainer[0] != '\0';
        }
    }
    free(v);
    if (rate(j->out, kept, assets, p)) {
        why(j->out, _("%lld public-welfare assets, %lld with a maintainer (%s)"),
            (long long)assets, (long long)kept, p);
    } else {
        why(j->out, _("no public-welfare asset, taken as %s"), p);
    }
    return 0;
}

/* --- the sources ----------------------------------------------------------- */

#define U(k) (1u << (k))
#define REGISTRY (U(AU_TOWNSHIP) | U(AU_VILLAGE))

static const struct {
    const char *name;
    unsigned kinds;
    int (*run)(struct job *);
} sources[] = {
    {"measures_coverage", REGISTRY, src_registry},
    {"dev_measure_labour", REGISTRY, src_registry},
    {"overdue_cases", REGISTRY, src_registry},
    {"early_eliminations", REGISTRY, src_registry},
    {"visits_on_time", REGISTRY, src_registry},
    {"publicity_compliance", REGISTRY, src_registry},
    {"team_attendance_rate", U(AU_TEAM), src_attendance},
    {"team_absences", U(AU_TEAM), src_absences},
    {"team_staffing", U(AU_TEAM), src_staffing},
    {"partner_target_rate", U(AU_PARTNER), src_partner},
    {"industry_share", U(AU_TOWNSHIP), src_industry},
    {"payment_progress", U(AU_TOWNSHIP), src_payment},
    {"project_publicity_on_time", U(AU_TOWNSHIP), src_project_publicity},
    {"alloc_results_late", U(AU_TOWNSHIP), src_alloc_late},
    {"asset_maintainer_rate", U(AU_TOWNSHIP), src_maintainer},
};

/* The job of SOURCE for the unit, or -1 with E (unknown, wrong kind,
 * year out of range); *WHICH its entry in sources[]. */
static int
job_init(struct job *j, struct db *db, const struct rule_ctx *ctx, const char *source,
         enum assess_unit_kind kind, int64_t id, int year, struct assess_input *out,
         size_t *which, struct err *e)
{
    int last = date_from_ymd(year, 12, 31);
    size_t i;

    memset(out, 0, sizeof(*out));
    for (i = 0; i < ARRAY_SIZE(sources); i++) {
        if (source != NULL && strcmp(sources[i].name, source) == 0) {
            break;
        }
    }
    if (i == ARRAY_SIZE(sources)) {
        return err_set(e, ERR_INVALID, _("unknown assessment data source '%s'"),
                       source != NULL ? source : "");
    }
    if ((unsigned)kind >= NUNITS || !(sources[i].kinds & U(kind))) {
        return err_set(e, ERR_INVALID, _("the data source '%s' does not apply to %s"), source,
                       (unsigned)kind < NUNITS ? _(unit_labels[kind]) : "?");
    }
    if (last == DATE_NONE) {
        return err_set(e, ERR_INVALID, _("year %d is out of range"), year);
    }
    memset(j, 0, sizeof(*j));
    j->db = db;
    j->jc = *ctx;
    j->jc.today = ctx->today < last ? ctx->today : last;
    j->source = source;
    j->kind = kind;
    j->id = id;
    j->year = year;
    j->all.role = ROLE_COUNTY;
    j->all.scope_level = LEVEL_COUNTY;
    j->out = out;
    j->e = e;
    *which = i;
    return 0;
}

int
db_assess_input(struct db *db, const struct rule_ctx *ctx, const char *source,
                enum assess_unit_kind kind, int64_t id, int year,
                struct assess_input *out, struct err *e)
{
    struct job j;
    size_t i;

    if (job_init(&j, db, ctx, source, kind, id, year, out, &i, e)) {
        return -1;
    }
    return sources[i].run(&j);
}

int
db_assess_inputs(struct db *db, const struct rule_ctx *ctx, enum assess_unit_kind kind,
                 int64_t id, int year, const char *const *srcs, size_t n,
                 struct assess_input *out, struct err *e)
{
    return db_assess_inputs_units(db, ctx, kind, &id, 1, year, srcs, n, out, e);
}

int
db_assess_inputs_units(struct db *db, const struct rule_ctx *ctx,
                       enum assess_unit_kind kind, const int64_t *ids, size_t nu,
                       int year, const char *const *srcs, size_t n,
                       struct assess_input *out, struct err *e)
{
    struct reg_tally *t = NULL;
    size_t u, i, which;
    int rc = 0;

    for (u = 0; rc == 0 && u < nu; u++) {
        for (i = 0; rc == 0 && i < n; i++) {
            struct assess_input *o = &out[u * n + i];
            struct job j;

            if (job_init(&j, db, ctx, srcs[i], kind, ids[u], year, o, &which, e)) {
                rc = -1;
            } else if (sources[which].run != src_registry) {
                rc = sources[which].run(&j);
            } else {
                /* the registry's sources share one pass over the households */
                if (t == NULL) {
                    t = xcalloc(nu + 1, sizeof(*t));
                    rc = reg_tally_units(&j, ids, nu, t);
                }
                reg_fill(&t[u], srcs[i], o);
            }
        }
    }
    free(t);
    return rc;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * demo_pair.c - the demo county's paired assistance (domain.md 8): the
 * partners who help it (the East-West partner district in Zhejiang, a
 * central unit and a provincial department on designated assistance, an
 * in-province counterpart district, enterprises and a chamber of
 * 万企兴万村), their pairings to the county, townships and villages, the
 * agreements of last year and this year with their targets, and the
 * records of what arrived: last year most targets met and one or two
 * missed, this year some on pace and some behind.  Then the resident
 * work teams of about a third of the villages: a 第一书记, a 队长 and
 * one to three 队员, a few rotations, monthly attendance of every member
 * serving from January of last year to last month (mostly 20 to 26 days,
 * leave approved by the township or, beyond three days, the county, a
 * few months short of the rule or with absences), and last year's
 * grades within what the absences allow.
 *
 * Everything is stored through db/db_pair.h as the demo's county account,
 * each change its own transaction with its audit rows, like the funds.
 * Drawn from a generator of its own, seeded from the demo's seed, after
 * the households and the funds.  Chinese text here is data, not messages.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "cli/demo_priv.h"
#include "core/date.h"
#include "core/pair.h"
#include "core/policy.h"
#include "db/db_pair.h"
#include "util/array.h"
#include "util/err.h"
#include "util/rng.h"
#include "util/xalloc.h"

#define WAN ((int64_t)1000000)      /* 1万元 in fen */
#define MAX_PLACES 6

/* --- vocabulary -------------------------------------------------------- */

enum pclass { PC_EASTWEST, PC_CENTRAL, PC_PROVINCE, PC_COUNTERPART, PC_ENTERPRISE,
              PC_CHAMBER, PC_COUNT };

/* A target drawn for a class of partner: LO..HI in steps of STEP (fen
 * for money, else a count), present with PERMILLE. */
struct ttmpl {
    const char *indicator;
    int64_t lo, hi, step;
    int permille;
};

static const struct ttmpl t_eastwest[] = {
    {"01", 600 * WAN, 2000 * WAN, 10 * WAN, 1000}, {"03", 3, 8, 1, 1000},
    {"04", 2, 4, 1, 1000}, {"05", 15, 40, 1, 1000}, {"06", 300, 800, 10, 1000},
    {"07", 200, 500, 10, 800}, {"09", 1000 * WAN, 3000 * WAN, 10 * WAN, 1000},
    {"10", 500 * WAN, 2000 * WAN, 10 * WAN, 900}, {"11", 3000 * WAN, 10000 * WAN, 100 * WAN, 800},
    {"12", 300, 1000, 10, 1000},
};
static const struct ttmpl t_central[] = {
    {"02", 300 * WAN, 800 * WAN, 10 * WAN, 1000}, {"04", 1, 2, 1, 1000},
    {"09", 200 * WAN, 600 * WAN, 10 * WAN, 1000}, {"10", 300 * WAN, 800 * WAN, 10 * WAN, 1000},
    {"12", 500, 2000, 50, 1000}, {"13", 2, 4, 1, 1000},
};
static const struct ttmpl t_province[] = {
    {"02", 100 * WAN, 300 * WAN, 10 * WAN, 1000}, {"03", 1, 3, 1, 1000},
    {"09", 50 * WAN, 200 * WAN, 5 * WAN, 800}, {"12", 200, 500, 10, 1000},
};
static const struct ttmpl t_counterpart[] = {
    {"01", 300 * WAN, 800 * WAN, 10 * WAN, 1000}, {"05", 10, 30, 1, 1000},
    {"07", 100, 300, 10, 1000}, {"09", 200 * WAN, 500 * WAN, 10 * WAN, 1000},
};
static const struct ttmpl t_enterprise[] = {
    {"11", 200 * WAN, 2000 * WAN, 10 * WAN, 1000}, {"08", 20, 80, 1, 1000},
    {"02", 10 * WAN, 50 * WAN, WAN, 700},
};
static const struct ttmpl t_chamber[] = {
    {"02", 20 * WAN, 100 * WAN, WAN, 1000}, {"10", 50 * WAN, 300 * WAN, 5 * WAN, 1000},
    {"08", 30, 100, 1, 1000},
};

static const struct {
    const struct ttmpl *v;
    size_t n;
} targets_of[PC_COUNT] = {
    {t_eastwest, ARRAY_SIZE(t_eastwest)}, {t_central, ARRAY_SIZE(t_central)},
    {t_province, ARRAY_SIZE(t_province)}, {t_counterpart, ARRAY_SIZE(t_counterpart)},
    {t_enterprise, ARRAY_SIZE(t_enterprise)}, {t_chamber, ARRAY_SIZE(t_chamber)},
};

/* The partners: class, kind, level, name, region, the abbreviation of
 * their documents (湖吴协〔2026〕12号), contact, the year paired, and how
 * many townships and villages they are paired with. */
struct ptmpl {
    enum pclass c;
    const char *kind, *level, *name, *region, *abbr, *contact;
    int since, towns, villages;
};

static const struct ptmpl partners[] = {
    {PC_EASTWEST, "1", "4", "浙江省湖州市吴兴区", "浙江省湖州市", "湖吴协", "沈建华", 2021, 2, 3},
    {PC_CENTRAL, "2", "1", "中国农业发展银行", "北京市", "农发行帮", "刘志远", 2015, 0, 1},
    {PC_PROVINCE, "2", "2", "四川省交通运输厅", "四川省成都市", "川交帮", "杨帆", 2016, 0, 1},
    {PC_COUNTERPART, "3", "4", "成都市武侯区", "四川省成都市", "武对帮", "陈立新", 2022, 1, 1},
    {PC_CHAMBER, "4", "7", "四川省浙江商会", "四川省成都市", "浙商会", "徐海明", 2021, 0, 2},
};

static const struct ptmpl enterprises[] = {
    {PC_ENTERPRISE, "4", "6", "四川蜀丰农业开发有限公司", "四川省成都市", "蜀丰", "", 2021, 0, 1},
    {PC_ENTERPRISE, "4", "5", "四川蜀道乡村发展有限公司", "四川省成都市", "蜀道乡发", "", 2022, 0, 1},
    {PC_ENTERPRISE, "4", "6", "成都天府云茶实业有限公司", "四川省成都市", "云茶", "", 2023, 0, 1},
    {PC_ENTERPRISE, "4", "6", "湖州安吉白茶集团有限公司", "浙江省湖州市", "安吉白茶", "", 2023, 0, 1},
};

/* Evidence of a record of INDICATOR other than a document number. */
static const struct {
    const char *indicator, *note;
} notes[] = {
    {"06", "劳务协作转移就业台账"}, {"07", "省内转移就业台账"}, {"08", "就近就业花名册"},
    {"09", "消费帮扶采购清单"}, {"10", "消费帮扶帮销台账"}, {"12", "培训签到表"},
    {"13", "调研活动纪要"},
};

static const struct words central_units = WORDS("中国农业发展银行");
static const struct words province_units = WORDS(
    "四川省交通运输厅", "四川省农业农村厅", "四川省卫生健康委员会", "四川省教育厅",
    "四川省自然资源厅",
);
static const struct words city_units = WORDS(
    "市农业农村局", "市人力资源和社会保障局", "市水务局", "市委组织部", "市林业局",
);
static const struct words county_units = WORDS(
    "农业农村局", "财政局", "水利局", "交通运输局", "发展和改革局", "自然资源局",
    "委组织部", "乡村振兴局", "市场监督管理局", "商务局",
);
/* why a member left: 任期届满, 召回撤换, 提拔调整, 因病因事 */
static const struct words end_reasons = WORDS("1", "3", "3", "4", "2");

/* --- the generator ----------------------------------------------------- */

struct pgen {
    struct demo *d;
    struct rng *r;
    const struct actor *who;
    char cty[200];                /* the county's name, "青山县" */
    char county_approver[PAIR_PERSON_BUF];
    int last_month;               /* the last month with attendance */
    int miss_ew, miss_central;    /* last year's targets missed (-1: none) */
};

struct dpartner {
    const struct ptmpl *t;
    int64_t id;
    int64_t tw[MAX_PLACES], vi[MAX_PLACES];   /* where records go; 0, 0: the county */
    int nplaces;
    int seq;                      /* the last document number of the year */
};

static int64_t
draw_step(struct pgen *g, int64_t lo, int64_t hi, int64_t step)
{
    int64_t k = (hi - lo) / step;

    return lo + step * (int64_t)rng_below(g->r, (uint32_t)(k + 1));
}

static void
person(struct pgen *g, char *out, size_t n)
{
    demo_person_name(g->d, rng_chance(g->r, 700), demo_surname(g->d), out, n);
}

/* --- partners and pairings ---------------------------------------------- */

static int
save_pairing(struct pgen *g, struct dpartner *p, int64_t tw, int64_t vi, int start,
             struct err *e)
{
    struct pairing x;
    int rc;

    pairing_init(&x);
    x.partner_id = p->id;
    x.township_id = tw;
    x.village_id = vi;
    x.start = start;
    rc = db_pairing_save(g->d->a->db, &g->d->ctx, g->who, &x, e);
    pairing_clear(&x);
    if (rc == 0 && p->nplaces < MAX_PLACES) {
        p->tw[p->nplaces] = tw;
        p->vi[p->nplaces++] = vi;
    }
    g->d->st->pairings += rc == 0;
    return rc;
}

/* P's pairings: the county (not for enterprises and chambers), a few
 * townships and villages. */
static int
gen_pairings(struct pgen *g, struct dpartner *p, struct err *e)
{
    struct demo *d = g->d;
    int start = date_from_ymd(p->t->since, rng_range(g->r, 1, 6), 1), i;
    size_t t0 = rng_below(g->r, (uint32_t)(d->ntowns ? d->ntowns : 1));
    size_t v0 = rng_below(g->r, (uint32_t)(d->nvills ? d->nvills : 1));

    if (p->t->c != PC_ENTERPRISE && p->t->c != PC_CHAMBER &&
        save_pairing(g, p, 0, 0, start, e)) {
        return -1;
    }
    for (i = 0; i < p->t->towns && (size_t)i < d->ntowns; i++) {
        const struct dtown *t = &d->towns[(t0 + (size_t)i) % d->ntowns];

        int day = start + 365 * (i + 1);

        if (save_pairing(g, p, t->id, 0, day < d->today ? day : d->today, e)) {
            return -1;
        }
    }
    for (i = 0; i < p->t->villages && (size_t)i < d->nvills; i++) {
        const struct dvill *v = &d->vills[(v0 + 5 * (size_t)i) % d->nvills];

        if (save_pairing(g, p, d->towns[v->town].id, v->id,
                         date_from_ymd(p->t->since + (p->t->c == PC_EASTWEST ? 2 : 0), 3, 1), e)) {
            return -1;
        }
    }
    return 0;
}

static int
save_partner(struct pgen *g, const struct ptmpl *t, struct dpartner *p, struct err *e)
{
    struct partner x;
    int rc;

    memset(p, 0, sizeof(*p));
    p->t = t;
    partner_init(&x);
    snprintf(x.kind, sizeof(x.kind), "%s", t->kind);
    snprintf(x.level, sizeof(x.level), "%s", t->level);
    snprintf(x.name, sizeof(x.name), "%s", t->name);
    snprintf(x.region, sizeof(x.region), "%s", t->region);
    if (t->contact[0]) {
        snprintf(x.contact, sizeof(x.contact), "%s", t->contact);
    } else {
        person(g, x.contact, sizeof(x.contact));
    }
    snprintf(x.phone, sizeof(x.phone), "1%02d%08u", rng_range(g->r, 30, 89),
             (unsigned)rng_below(g->r, 100000000));
    rc = db_partner_save(g->d->a->db, &g->d->ctx, g->who, &x, e);
    p->id = x.id;
    partner_clear(&x);
    g->d->st->partners += rc == 0;
    return rc;
}

/* --- agreements and records ---------------------------------------------- */

/* What arrived of TARGET in YEAR: last year met (one or two missed), this
 * year behind, on pace or met, against the share of the year gone. */
static int64_t
actual_of(struct pgen *g, int64_t target, int year, int miss, int64_t step)
{
    int first = date_from_ymd(year, 1, 1), last = date_from_ymd(year, 12, 31);
    int64_t gone = g->d->today >= last ? 1000 : (int64_t)(g->d->today - first + 1) * 1000 /
                                                    (last - first + 1);
    int64_t pm, a;
    int k;

    if (year < g->d->year) {
        pm = miss ? rng_range(g->r, 750, 950) : rng_range(g->r, 1000, 1200);
    } else {
        k = rng_range(g->r, 1, 100);
        pm = k <= 35 ? gone * rng_range(g->r, 550, 850) / 1000
             : k <= 80 ? gone * rng_range(g->r, 1020, 1100) / 1000
                       : rng_range(g->r, 1000, 1100);
    }
    a = target / 1000 * pm + target % 1000 * pm / 1000;
    return (a + step - 1) / step * step;
}

static const char *
note_of(const char *indicator)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(notes); i++) {
        if (strcmp(notes[i].indicator, indicator) == 0) {
            return notes[i].note;
        }
    }
    return NULL;
}

static int
by_day(const void *a, const void *b)
{
    return *(const int *)a - *(const int *)b;
}

static int
save_record(struct pgen *g, struct dpartner *p, const char *indicator, int day,
            int64_t value, struct err *e)
{
    struct pair_record x;
    const char *note = note_of(indicator);
    size_t at = rng_below(g->r, (uint32_t)(p->nplaces ? p->nplaces : 1));
    int rc;

    pair_record_init(&x);
    x.partner_id = p->id;
    snprintf(x.indicator, sizeof(x.indicator), "%s", indicator);
    x.day = day;
    x.value = value;
    if (note != NULL) {
        snprintf(x.evidence, sizeof(x.evidence), "%s", note);
    } else {
        p->seq += rng_range(g->r, 1, 4);
        snprintf(x.evidence, sizeof(x.evidence), "%s〔%d〕%d号", p->t->abbr,
                 date_year(day), p->seq);
    }
    if (p->nplaces > 0) {
        x.township_id = p->tw[at];
        x.village_id = p->vi[at];
    }
    rc = db_pair_record_save(g->d->a->db, &g->d->ctx, g->who, &x, e);
    pair_record_clear(&x);
    g->d->st->records += rc == 0;
    return rc;
}

/* ACTUAL of INDICATOR in YEAR as one to five records in date order. */
static int
gen_records(struct pgen *g, struct dpartner *p, const char *indicator, int year,
            int64_t actual, int64_t step, struct err *e)
{
    int first = date_from_ymd(year, 2, 1);
    int last = year < g->d->year ? date_from_ymd(year, 12, 20) : g->d->today - 3;
    int days[5], n = rng_range(g->r, 1, 5), i;
    int64_t part, left = actual;

    if (actual <= 0 || last < first) {
        return 0;
    }
    while (n > 1 && actual / step < n) {
        n--;
    }
    for (i = 0; i < n; i++) {
        days[i] = first + (int)rng_below(g->r, (uint32_t)(last - first + 1));
    }
    qsort(days, (size_t)n, sizeof(days[0]), by_day);
    for (i = 0; i < n; i++) {
        part = i == n - 1 ? left
                          : (actual / n / step) * step * rng_range(g->r, 70, 130) / 100 / step * step;
        part = part <= 0 ? step : part > left - step * (n - 1 - i) ? left - step * (n - 1 - i) : part;
        if (part > 0 && save_record(g, p, indicator, days[i], part, e)) {
            return -1;
        }
        left -= part;
    }
    return 0;
}

static int
gen_agreement(struct pgen *g, struct dpartner *p, int year, struct err *e)
{
    const struct ttmpl *v = targets_of[p->t->c].v;
    size_t n = targets_of[p->t->c].n, i;
    struct agreement_full f;
    int rc;

    memset(&f, 0, sizeof(f));
    agreement_init(&f.a);
    f.a.partner_id = p->id;
    f.a.year = year;
    f.a.signed_on = date_from_ymd(year, rng_range(g->r, 1, 3), rng_range(g->r, 5, 28));
    if (f.a.signed_on >= g->d->today) {
        f.a.signed_on = g->d->today - 1 >= date_from_ymd(year, 1, 1) ? g->d->today - 1 : DATE_NONE;
    }
    p->seq = rng_range(g->r, 1, 5);
    snprintf(f.a.doc_no, sizeof(f.a.doc_no), "%s〔%d〕%d号", p->t->abbr, year, p->seq);
    f.t = xcalloc(n, sizeof(*f.t));
    for (i = 0; i < n; i++) {
        if (rng_chance(g->r, v[i].permille)) {
            snprintf(f.t[f.nt].indicator, sizeof(f.t[f.nt].indicator), "%s", v[i].indicator);
            f.t[f.nt++].value = draw_step(g, v[i].lo, v[i].hi, v[i].step);
        }
    }
    rc = db_agreement_save(g->d->a->db, &g->d->ctx, g->who, &f, e);
    g->d->st->agreements += rc == 0;
    g->d->st->targets += rc == 0 ? (long)f.nt : 0;
    for (i = 0; rc == 0 && i < f.nt; i++) {
        int money = code_is(&g->d->a->policy.codes, "pair_indicator", f.t[i].indicator, "money");
        int64_t step = money ? WAN / 10 : 1;     /* records of 1000 yuan, or counts */
        int miss = (p->t->c == PC_EASTWEST && (int)i == g->miss_ew) ||
                   (p->t->c == PC_CENTRAL && (int)i == g->miss_central);

        rc = gen_records(g, p, f.t[i].indicator, year,
                         actual_of(g, f.t[i].value, year, miss, step), step, e);
    }
    agreement_full_clear(&f);
    return rc;
}

static int
gen_partners(struct pgen *g, struct err *e)
{
    const struct ptmpl *all[ARRAY_SIZE(partners) + ARRAY_SIZE(enterprises)];
    size_t n = 0, i, ne = (size_t)rng_range(g->r, 2, (int)ARRAY_SIZE(enterprises));
    struct dpartner p;
    int y;

    for (i = 0; i < ARRAY_SIZE(partners); i++) {
        all[n++] = &partners[i];
    }
    for (i = 0; i < ne; i++) {
        all[n++] = &enterprises[i];
    }
    for (i = 0; i < n; i++) {
        if (all[i]->since > g->d->year) {
            continue;
        }
        if (save_partner(g, all[i], &p, e) || gen_pairings(g, &p, e)) {
            return -1;
        }
        for (y = g->d->year - 1; y <= g->d->year; y++) {
            if (y >= all[i]->since && gen_agreement(g, &p, y, e)) {
                return -1;
            }
        }
    }
    return 0;
}

/* --- resident teams ---------------------------------------------------------- */

/* A member as drawn: the record and last year's absences. */
struct dmember {
    struct team_member m;
    int absent_prev;
};

/* A sending unit of level LEVEL (unit_level code) into M. */
static void
draw_unit(struct pgen *g, const char *level, struct team_member *m)
{
    snprintf(m->unit_level, sizeof(m->unit_level), "%s", level);
    if (strcmp(level, "1") == 0) {
        snprintf(m->unit, sizeof(m->unit), "%s", demo_pick(g->d, &central_units));
    } else if (strcmp(level, "2") == 0) {
        snprintf(m->unit, sizeof(m->unit), "%s", demo_pick(g->d, &province_units));
    } else if (strcmp(level, "3") == 0) {
        snprintf(m->unit, sizeof(m->unit), "%s", demo_pick(g->d, &city_units));
    } else {
        snprintf(m->unit, sizeof(m->unit), "%.60s%s", g->cty,
                 demo_pick(g->d, &county_units));
    }
}

/* The level of the unit sending a ROLE: 第一书记 mostly from the province
 * or the city, 队长 and 队员 mostly from the county. */
static const char *
draw_level(struct pgen *g, const char *role)
{
    int k = rng_range(g->r, 1, 100);

    if (strcmp(role, "1") == 0) {
        return k <= 15 ? "1" : k <= 55 ? "2" : k <= 85 ? "3" : "4";
    }
    return k <= 10 ? "2" : k <= 35 ? "3" : "4";
}

/* One month of M: the days required by the rule, mostly 20 to 26 in the
 * village, leave now and then, a few months short or with absences. */
static void
draw_month(struct pgen *g, const struct team_member *m, int month,
           const char *township_approver, struct attendance *a)
{
    const struct rules *rl = rules_in_force(&g->d->ctx, month / 12);
    int from = month_first_day(month), to = month_last_day(month), served, k;
    struct att_judgement j;

    attendance_init(a);
    a->member_id = m->id;
    a->month = month;
    att_judge(a, m, rl, &j);
    from = m->start > from ? m->start : from;
    to = m->end != DATE_NONE && m->end < to ? m->end : to;
    served = to - from + 1;
    k = rng_range(g->r, 1, 1000);
    if (k <= 250 && rl->team_leave_township_max_days > 0) {
        a->leave = rng_range(g->r, 1, rl->team_leave_township_max_days);
        snprintf(a->approver, sizeof(a->approver), "%s", township_approver);
        snprintf(a->approver_level, sizeof(a->approver_level), "1");
    } else if (k <= 310) {
        a->leave = rng_range(g->r, rl->team_leave_township_max_days + 1, 7);
        snprintf(a->approver, sizeof(a->approver), "%s", g->county_approver);
        snprintf(a->approver_level, sizeof(a->approver_level), "2");
    }
    k = rng_range(g->r, 1, 1000);
    a->absent = k <= 6 ? 1 : k <= 8 ? 2 : 0;
    a->present = j.required + (rl->team_min_days_month > 0
                                   ? rng_range(g->r, 0, 6) * j.required / rl->team_min_days_month
                                   : rng_range(g->r, 18, 26));
    if (rng_chance(g->r, 45)) {
        a->present = j.required - rng_range(g->r, 1, 4);
    }
    if (a->present + a->leave + a->absent > served) {
        a->present = served - a->leave - a->absent;
    }
    a->present = a->present < 0 ? 0 : a->present;
}

static int
gen_attendance(struct pgen *g, struct dmember *dm, const char *approver, struct err *e)
{
    const struct team_member *m = &dm->m;
    int month = month_of(m->start), last = g->last_month, rc = 0;

    if (month < (g->d->year - 1) * 12) {
        month = (g->d->year - 1) * 12;
    }
    if (m->end != DATE_NONE && month_of(m->end) < last) {
        last = month_of(m->end);
    }
    for (; rc == 0 && month <= last; month++) {
        struct attendance a;

        draw_month(g, m, month, approver, &a);
        rc = db_attendance_save(g->d->a->db, &g->d->ctx, g->who, &a, e);
        if (month / 12 == g->d->year - 1) {
            dm->absent_prev += a.absent;
        }
        attendance_clear(&a);
        g->d->st->attendance += rc == 0;
    }
    return rc;
}

/* Last year's grade of DM, when it served then: mostly 称职, some 优秀,
 * a few 基本称职, never better than its absences allow. */
static int
gen_grade(struct pgen *g, const struct dmember *dm, struct err *e)
{
    const struct codebook *cb = &g->d->a->policy.codes;
    int year = g->d->year - 1, k = rng_range(g->r, 1, 100), rc;
    const char *want = k <= 25 ? "excellent" : k <= 95 ? "competent" : "basic";
    const char *cap = grade_ceiling(rules_in_force(&g->d->ctx, year), dm->absent_prev);
    struct team_grade x;

    if (dm->m.start > date_from_ymd(year, 12, 31) ||
        (dm->m.end != DATE_NONE && dm->m.end < date_from_ymd(year, 1, 1))) {
        return 0;
    }
    team_grade_init(&x);
    x.member_id = dm->m.id;
    x.year = year;
    if (!grade_within(cb, code_with_tag(cb, "team_grade", want), cap)) {
        want = cap;
    }
    snprintf(x.grade, sizeof(x.grade), "%s", code_with_tag(cb, "team_grade", want));
    rc = db_grade_save(g->d->a->db, &g->d->ctx, g->who, &x, e);
    team_grade_clear(&x);
    g->d->st->grades += rc == 0;
    return rc;
}

/* Store member M (its id set), its attendance and last year's grade. */
static int
gen_member(struct pgen *g, struct dmember *dm, const char *approver, struct err *e)
{
    int rc = db_member_save(g->d->a->db, &g->d->ctx, g->who, &dm->m, e) ||
             gen_attendance(g, dm, approver, e) || gen_grade(g, dm, e);

    g->d->st->members += rc == 0;
    return rc;
}

/* A member of ROLE serving from START (to END and why, or DATE_NONE). */
static void
draw_member(struct pgen *g, struct dmember *dm, int64_t team, const char *role, int start)
{
    memset(dm, 0, sizeof(*dm));
    team_member_init(&dm->m);
    dm->m.team_id = team;
    person(g, dm->m.name, sizeof(dm->m.name));
    snprintf(dm->m.role, sizeof(dm->m.role), "%s", role);
    draw_unit(g, draw_level(g, role), &dm->m);
    snprintf(dm->m.phone, sizeof(dm->m.phone), "1%02d%08u", rng_range(g->r, 30, 89),
             (unsigned)rng_below(g->r, 100000000));
    dm->m.start = start;
}

/* A member, and now and then the one who took over from it. */
static int
gen_post(struct pgen *g, const struct team *t, const char *role, const char *approver,
         struct err *e)
{
    struct dmember dm;
    int lo = date_from_ymd(g->d->year - 1, 3, 1), hi = g->d->today - 45, rc, rotated;

    lo = lo > t->term_start + 60 ? lo : t->term_start + 60;
    draw_member(g, &dm, t->id, role, t->term_start);
    if (rng_chance(g->r, 80) && hi > lo) {
        dm.m.end = lo + (int)rng_below(g->r, (uint32_t)(hi - lo));
        snprintf(dm.m.end_reason, sizeof(dm.m.end_reason), "%s",
                 demo_pick(g->d, &end_reasons));
    }
    rotated = dm.m.end != DATE_NONE;
    rc = gen_member(g, &dm, approver, e);
    if (rc == 0 && rotated) {
        int start = dm.m.end + 1;

        team_member_clear(&dm.m);
        draw_member(g, &dm, t->id, role, start);
        rc = gen_member(g, &dm, approver, e);
        g->d->st->rotations += rc == 0;
    }
    team_member_clear(&dm.m);
    return rc;
}

static int
gen_team(struct pgen *g, const struct dvill *v, struct err *e)
{
    const struct dtown *tw = &g->d->towns[v->town];
    int y = g->d->year, n = rng_range(g->r, 1, 3), i, rc;
    char approver[PAIR_PERSON_BUF];
    struct team t;

    team_init(&t);
    t.township_id = tw->id;
    t.village_id = v->id;
    snprintf(t.name, sizeof(t.name), "驻%s工作队", v->name);
    if (rng_chance(g->r, 500)) {
        t.term_start = date_from_ymd(y - 2, 3, 1);
        t.term_end = date_from_ymd(y, 12, 31);
    } else {
        t.term_start = date_from_ymd(y - 1, 3, 1);
        t.term_end = date_from_ymd(y + 1, 2, 28);
    }
    person(g, approver, sizeof(approver));
    snprintf(t.sent_by, sizeof(t.sent_by), "%s", demo_pick(g->d, &province_units));
    rc = db_team_save(g->d->a->db, &g->d->ctx, g->who, &t, e) ||
         gen_post(g, &t, "1", approver, e) || gen_post(g, &t, "2", approver, e);
    for (i = 0; rc == 0 && i < n; i++) {
        rc = gen_post(g, &t, "3", approver, e);
    }
    g->d->st->teams += rc == 0;
    team_clear(&t);
    return rc;
}

/* The teams of about a third of the villages. */
static int
gen_teams(struct pgen *g, struct err *e)
{
    size_t i, off = rng_below(g->r, 3);

    for (i = 0; i < g->d->nvills; i++) {
        if ((i + off) % 3 == 0 && gen_team(g, &g->d->vills[i], e)) {
            return -1;
        }
    }
    return 0;
}

/* --- driver ---------------------------------------------------------- */

int
demo_pair(struct demo *d, uint64_t seed, struct err *e)
{
    struct rng r;
    struct pgen g;

    memset(&g, 0, sizeof(g));
    g.d = d;
    g.r = &d->r;
    g.who = &d->county;
    /* A stream of its own: the households and funds never depend on it. */
    r = d->r;
    rng_seed(g.r, seed * 0x9E3779B97F4A7C15ULL + 0x70616972ULL);
    snprintf(g.cty, sizeof(g.cty), "%s", d->a->county);
    person(&g, g.county_approver, sizeof(g.county_approver));
    g.last_month = month_of(d->today) - 1;
    g.miss_ew = rng_range(g.r, 0, 5);
    g.miss_central = rng_chance(g.r, 500) ? rng_range(g.r, 0, 3) : -1;
    if (gen_partners(&g, e) || gen_teams(&g, e)) {
        d->r = r;
        return -1;
    }
    d->r = r;
    return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * demo_funds.c - the demo county's money trail (domain.md 6 and 7): fund
 * receipts of the year of the demo's today and the year before, the
 * projects of both years taken through the pool's lifecycle, allocations
 * of the receipts to the planned projects, payments, the assets of the
 * projects handed over, and older assets with their yearly income.
 *
 * Everything is stored through db/db_fund.h as the demo's county account
 * (a village's or township's steps as the township's account), so every
 * rule of the repositories holds and each row has its audit rows.
 *
 * The plan is drawn in memory first: the receipts; each project's route
 * (its steps with their dates, up to the state drawn for it, stopping
 * before a step that would fall after today); then the money of each
 * budget year: the industry share of 衔接资金 above the year's minimum,
 * the management fee within the caps by level, the rest of each kind of
 * funds spread over the projects it may pay for, never more than a
 * receipt holds.  Then it is stored project by project, the allocations
 * after the plan step, the payments while the project may be paid, the
 * assets before their hand-over.  A few allocation results and
 * performance targets are published late or not at all, a few 以工代赈
 * projects pay less than the wage share, a few assets are idle, damaged
 * or disposed of: counted, not drawn, so every demo shows them.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "cli/demo_fgen.h"
#include "core/date.h"
#include "core/meter.h"
#include "core/project.h"
#include "db/db_fund.h"
#include "util/array.h"
#include "util/err.h"
#include "util/rng.h"
#include "util/u8.h"
#include "util/xalloc.h"

/* --- small helpers ------------------------------------------------- */

int
fg_rnd(struct fgen *g, int lo, int hi)
{
    return rng_range(g->r, lo, hi);
}

int
fg_maxi(int a, int b)
{
    return a > b ? a : b;
}

int
fg_mini(int a, int b)
{
    return a < b ? a : b;
}

/* FEN * PERMILLE / 1000, rounded down to STEP. */
int64_t
fg_part_of(int64_t fen, int permille, int64_t step)
{
    return fen / 1000 * permille / step * step;
}

const struct rules *
fg_year_rules(const struct fgen *g, int year)
{
    static const struct rules none;
    const struct rules *r = policy_rules(&g->d->a->policy, g->d->a->province, year);

    return r != NULL ? r : &none;
}

static const struct codebook *
codes(const struct fgen *g)
{
    return &g->d->a->policy.codes;
}

int
fg_ptype_is(const struct fgen *g, const struct fproj *f, const char *tag)
{
    return code_is(codes(g), "project_type", f->t->ptype, tag);
}

int
fg_class_is(const struct demo_ptmpl *t, const char *aclass)
{
    return t->aclass != NULL && strcmp(t->aclass, aclass) == 0;
}

static const char *
abbr_of(const struct fgen *g, enum doc kind)
{
    switch (kind) {
    case DOC_PROV_FIN:
    case DOC_NDRC:
        return demo_province_abbr;
    case DOC_CITY_FIN:
        return demo_city_abbr;
    case DOC_PAIRED_FIN:
        return demo_paired_abbr;
    case DOC_UNIT:
        return "中";
    default:
        return g->cty;
    }
}

/* The next document number of KIND in YEAR (numbers grow through the
 * year: ask in the order of the days). */
void
fg_doc_no(struct fgen *g, enum doc kind, int year, char *out, size_t n)
{
    int *seq = &g->seq[kind][demo_clampi(year - (g->d->year - 13), 0, DOC_YEARS - 1)];

    *seq += fg_rnd(g, 1, 7);
    snprintf(out, n, "%s%s〔%d〕%d号", abbr_of(g, kind), doc_kind[kind], year, *seq);
}

/* The number of step ACTION (of KIND) for the month of DAY, the same
 * for every project of that batch. */
const char *
fg_batch_doc(struct fgen *g, enum proj_action action, enum doc kind, int day)
{
    int y, m, dd, key;
    size_t i;

    date_to_ymd(day, &y, &m, &dd);
    key = ((int)action * 10000 + y) * 100 + m;
    for (i = 0; i < g->ndocs; i++) {
        if (g->docs[i].key == key) {
            return g->docs[i].doc;
        }
    }
    g->docs = xgrow(g->docs, &g->adocs, g->ndocs + 1, sizeof(*g->docs));
    g->docs[g->ndocs].key = key;
    fg_doc_no(g, kind, y, g->docs[g->ndocs].doc, sizeof(g->docs[0].doc));
    return g->docs[g->ndocs++].doc;
}

/* A firm of the county: 青山县恒达 + SUFFIX. */
void
fg_firm_name(struct fgen *g, const struct words *suffixes, char *out, size_t size)
{
    snprintf(out, size, "%.60s%s%s%s", g->d->a->county,
             demo_pick(g->d, &demo_firm_chars),
             demo_pick(g->d, &demo_firm_chars),
             demo_pick(g->d, suffixes));
}

const char *
fg_place_of(const struct fgen *g, const struct fproj *f)
{
    return f->vill != NULL ? f->vill->name : g->d->towns[f->town].name;
}

/* --- receipts ------------------------------------------------------ */

/* One kind of funds of a year, received in NBATCH batches from FIRST to
 * LAST. */
struct rspec {
    enum slot slot;
    const char *level;
    const char *task_line;
    enum doc doc;
    const char *name;            /* 中央财政衔接推进乡村振兴补助资金 */
    int plain;                   /* NAME is the whole title */
    int first, last, nbatch;
    int64_t total;
};

/* Store receipt R, numbering its document and the county's allocation
 * document that follows it. */
static int
store_receipt(struct fgen *g, struct rcpt *r, struct err *e)
{
    struct fund f;
    int rc;

    fund_init(&f);
    f.year = r->year;
    snprintf(f.level, sizeof(f.level), "%s", r->level);
    snprintf(f.fund_type, sizeof(f.fund_type), "%s", slot_type[r->slot]);
    snprintf(f.task_line, sizeof(f.task_line), "%s", r->task_line);
    snprintf(f.batch, sizeof(f.batch), "%s", r->batch);
    snprintf(f.title, sizeof(f.title), "%s", r->title);
    fg_doc_no(g, r->doc, date_year(r->day), f.doc_no, sizeof(f.doc_no));
    f.amount = r->amount;
    f.received_on = r->day;
    f.note = date_year(r->day) < r->year ? xstrdup("提前下达") : NULL;
    rc = db_fund_save(g->d->a->db, g->ctx, g->county, &f, e);
    r->id = f.id;
    fund_clear(&f);
    if (rc) {
        return -1;
    }
    r->alloc_day = r->day + fg_rnd(g, 5, 25);
    fg_doc_no(g, DOC_COUNTY_FIN, date_year(r->alloc_day), r->alloc_doc, sizeof(r->alloc_doc));
    g->d->st->receipts++;
    return 0;
}

static void
add_receipt(struct fgen *g, const struct rspec *s, int year, int k, int day,
            int64_t amount)
{
    struct rcpt *r = xappend((void **)&g->rc, &g->nrc, &g->arc, sizeof(*g->rc));

    r->order = g->nrc - 1;
    r->slot = s->slot;
    r->level = s->level;
    r->task_line = s->task_line;
    r->doc = s->doc;
    r->batch = s->nbatch > 1 ? demo_ordinals.v[k] : "";
    if (s->plain) {
        snprintf(r->title, sizeof(r->title), "%s", s->name);
    } else {
        snprintf(r->title, sizeof(r->title), "关于下达%d年%s%s%s%s的通知", year, s->name,
                 s->nbatch > 1 ? "（" : "", r->batch, s->nbatch > 1 ? "）" : "");
    }
    r->year = year;
    r->day = day;
    r->amount = r->left = amount;
}

/* The batches of S for YEAR that have arrived by today: the first the
 * largest (often issued in advance), the rest in about equal parts. */
static void
receive(struct fgen *g, const struct rspec *s, int year)
{
    int64_t left = s->total, step = s->slot == SL_DONATION ? HUNDRED : WAN;
    int k;

    for (k = 0; k < s->nbatch; k++) {
        int day = s->nbatch == 1 ? s->first
                  : s->first + (s->last - s->first) * k / (s->nbatch - 1) + fg_rnd(g, -6, 6);
        int64_t amount = k == s->nbatch - 1 ? left
                         : k == 0 ? fg_part_of(s->total, fg_rnd(g, 450, 620), step)
                                  : fg_part_of(left, 1000 / (s->nbatch - k), step);

        if (day > g->d->today || amount <= 0) {
            break;
        }
        add_receipt(g, s, year, k, day, amount);
        left -= amount;
    }
}

static int64_t
central_of(struct fgen *g)
{
    int64_t c = (int64_t)g->d->nvills * CENTRAL_PER_VILLAGE;

    c = c < CENTRAL_MIN ? CENTRAL_MIN : c > CENTRAL_MAX ? CENTRAL_MAX : c;
    return fg_part_of(c, fg_rnd(g, 900, 1100), WAN);
}

static void
donations(struct fgen *g, int year)
{
    int n = fg_rnd(g, 2, 4), k;

    for (k = 0; k < n; k++) {
        char name[FUND_TEXT_BUF];
        struct rspec s = {SL_DONATION, "4", "", DOC_DONATION, name, 1, 0, 0, 1, 0};

        snprintf(name, sizeof(name), "%s%s%s%s定向捐赠资金",
                 demo_pick(g->d, &demo_donor_places),
                 demo_pick(g->d, &demo_firm_chars),
                 demo_pick(g->d, &demo_firm_chars),
                 demo_pick(g->d, &demo_donors));
        s.first = date_from_ymd(year, fg_rnd(g, 1, 11), fg_rnd(g, 1, 28));
        s.total = fg_rnd(g, 10, 200) * WAN;
        receive(g, &s, year);
    }
}

/* Month M of the budget year, or of the year before when M <= 0. */
static int
budget_day(int year, int m, int d)
{
    return m > 0 ? date_from_ymd(year, m, d) : date_from_ymd(year - 1, m + 12, d);
}

/* The receipts of budget year Y: 衔接资金 of the four levels (the
 * central funds partly issued in advance the November before), 以工代赈,
 * 东西部协作, 定点帮扶, 统筹整合, in proportion to the central funds
 * (定点帮扶 in 万元), and a few donations. */
static void
gen_receipts(struct fgen *g, int y)
{
    static const struct {
        enum slot slot;
        const char *level, *task_line;
        enum doc doc;
        const char *name;
        int m1, d1, m2, d2;          /* the first and the last batch */
        int nlo, nhi;                /* batches */
        int lo, hi;                  /* per mille of the central funds */
    } kinds[] = {
        {SL_XIANJIE, "1", "1", DOC_PROV_FIN, "中央财政衔接推进乡村振兴补助资金",
         -1, 12, 8, 20, 2, 4, 970, 970},
        {SL_XIANJIE, "1", "3", DOC_PROV_FIN,
         "中央财政衔接推进乡村振兴补助资金（少数民族发展任务）", 5, 15, 5, 15, 1, 1, 30, 30},
        {SL_XIANJIE, "2", "1", DOC_PROV_FIN, "省级财政衔接推进乡村振兴补助资金",
         1, 15, 9, 10, 2, 4, 300, 450},
        {SL_XIANJIE, "3", "1", DOC_CITY_FIN, "市级财政衔接推进乡村振兴补助资金",
         3, 8, 7, 20, 2, 3, 50, 100},
        {SL_XIANJIE, "4", "1", DOC_COUNTY_FIN, "县级财政衔接推进乡村振兴补助资金",
         2, 25, 6, 30, 2, 3, 100, 150},
        {SL_WORKRELIEF, "1", "", DOC_NDRC, "以工代赈中央预算内投资计划",
         3, 20, 7, 10, 1, 2, 60, 100},
        {SL_EASTWEST, "2", "", DOC_PAIRED_FIN, "东西部协作财政援助资金",
         3, 10, 7, 31, 2, 2, 200, 300},
        {SL_PAIRED, "1", "", DOC_UNIT, "中央定点帮扶资金", 5, 20, 5, 20, 1, 1, 0, 0},
        {SL_INTEGRATED, "4", "", DOC_COUNTY_GOV, "统筹整合使用财政涉农资金",
         3, 1, 6, 30, 2, 2, 300, 500},
    };
    int64_t c = central_of(g);
    size_t i;

    for (i = 0; i < ARRAY_SIZE(kinds); i++) {
        char name[FUND_TEXT_BUF];
        struct rspec s;

        snprintf(name, sizeof(name), "%s%s",
                 kinds[i].slot == SL_EASTWEST ? demo_paired_province : "", kinds[i].name);
        memset(&s, 0, sizeof(s));
        s.slot = kinds[i].slot;
        s.level = kinds[i].level;
        s.task_line = kinds[i].task_line;
        s.doc = kinds[i].doc;
        s.name = name;
        s.first = budget_day(y, kinds[i].m1, kinds[i].d1);
        s.last = budget_day(y, kinds[i].m2, kinds[i].d2);
        s.nbatch = fg_rnd(g, kinds[i].nlo, kinds[i].nhi);
        s.total = kinds[i].hi > 0 ? fg_part_of(c, fg_rnd(g, kinds[i].lo, kinds[i].hi), WAN)
                                  : fg_rnd(g, 300, 1200) * WAN;
        receive(g, &s, y);
    }
    donations(g, y);
}

static int
by_day(const void *a, const void *b)
{
    const struct rcpt *x = a, *y = b;

    if (x->day != y->day) {
        return x->day < y->day ? -1 : 1;
    }
    return x->order < y->order ? -1 : x->order > y->order;
}

/* The receipts in the order they arrived. */
static int
store_receipts(struct fgen *g, struct err *e)
{
    size_t i;

    qsort(g->rc, g->nrc, sizeof(*g->rc), by_day);
    for (i = 0; i < g->nrc; i++) {
        if (store_receipt(g, &g->rc[i], e)) {
            return -1;
        }
    }
    return 0;
}

/* --- money ------------------------------------------------------------ */

static int
by_plan_day(const void *a, const void *b)
{
    const struct fproj *x = *(const struct fproj *const *)a;
    const struct fproj *y = *(const struct fproj *const *)b;
    int dx = x->route[x->plan_step].day, dy = y->route[y->plan_step].day;

    if (dx != dy) {
        return dx < dy ? -1 : 1;
    }
    return x < y ? -1 : x > y;
}

/* Give F AMOUNT of SLOT's receipts of F's year (of LEVEL only, when not
 * NULL), the earliest first; returns what was given. */
static int64_t
take(struct fgen *g, struct fproj *f, enum slot slot, const char *level,
     int64_t amount)
{
    int64_t given = 0;
    size_t i;

    for (i = 0; i < g->nrc && amount > given && f->nshares < MAX_SHARES; i++) {
        struct rcpt *r = &g->rc[i];
        int64_t x;

        if (r->slot != slot || r->year != f->fund_year || r->left <= 0 ||
            (level != NULL && strcmp(r->level, level) != 0)) {
            continue;
        }
        x = amount - given < r->left ? amount - given : r->left;
        r->left -= x;
        given += x;
        f->shares[f->nshares].rcpt = i;
        f->shares[f->nshares++].amount = x;
    }
    if (given > 0 && !(f->slots & (1u << slot))) {
        f->slots |= 1u << slot;
        f->nslots++;
    }
    return given;
}

static int64_t
received(const struct fgen *g, int year, enum slot slot, const char *level)
{
    int64_t sum = 0;
    size_t i;

    for (i = 0; i < g->nrc; i++) {
        if (g->rc[i].year == year && g->rc[i].slot == slot &&
            (level == NULL || strcmp(g->rc[i].level, level) == 0)) {
            sum += g->rc[i].amount;
        }
    }
    return sum;
}

/* What a project may get from a kind of funds. */
static int
fits_industry(struct fgen *g, const struct fproj *f)
{
    return fg_ptype_is(g, f, "industry");
}

static int
fits_xianjie_rest(struct fgen *g, const struct fproj *f)
{
    return !fg_ptype_is(g, f, "industry") && !fg_ptype_is(g, f, "mgmt_fee") &&
           !fg_ptype_is(g, f, "workrelief");
}

static int
fits_workrelief(struct fgen *g, const struct fproj *f)
{
    return fg_ptype_is(g, f, "workrelief");
}

static int
fits_of(const struct fproj *f, const char *ptypes)
{
    return strchr(ptypes, f->t->ptype[0]) != NULL && f->nslots < MAX_SLOTS;
}

static int
fits_eastwest(struct fgen *g, const struct fproj *f)
{
    return fits_of(f, "12") && rng_chance(g->r, 400);
}

static int
fits_paired(struct fgen *g, const struct fproj *f)
{
    return fits_of(f, "149") && rng_chance(g->r, 300);
}

static int
fits_integrated(struct fgen *g, const struct fproj *f)
{
    return fits_of(f, "1345") && rng_chance(g->r, 500);
}

static int
fits_donation(struct fgen *g, const struct fproj *f)
{
    return fits_of(f, "12349") && rng_chance(g->r, 400);
}

/* Spread TOTAL of SLOT over the projects V (N, by plan day) that FITS,
 * in proportion to their size. */
static void
spread(struct fgen *g, struct fproj **v, size_t n, enum slot slot,
       int64_t total, int (*fits)(struct fgen *, const struct fproj *))
{
    struct fproj **sel = xcalloc(n + 1, sizeof(*sel));
    double sum = 0;
    size_t i, k = 0;

    for (i = 0; i < n; i++) {
        if (fits(g, v[i])) {
            sel[k++] = v[i];
            sum += (double)v[i]->w;
        }
    }
    for (i = 0; i < k && total > 0; i++) {
        int64_t x = (int64_t)((double)total * (double)sel[i]->w / sum) / HUNDRED * HUNDRED;

        take(g, sel[i], slot, NULL, x);
    }
    free(sel);
}

/* The management fee of YEAR within the caps of each level. */
static void
mgmt_fee(struct fgen *g, struct fproj **v, size_t n, int year)
{
    const struct rules *r = fg_year_rules(g, year);
    const struct {
        const char *level;
        int cap;
    } caps[] = {
        {"1", r->mgmt_fee_central_bp}, {"2", r->mgmt_fee_provincial_bp},
    };
    size_t i, k;

    for (i = 0; i < n; i++) {
        if (!fg_ptype_is(g, v[i], "mgmt_fee")) {
            continue;
        }
        for (k = 0; k < ARRAY_SIZE(caps); k++) {
            int64_t cap = money_bp_floor(received(g, year, SL_XIANJIE, caps[k].level),
                                         caps[k].cap);

            take(g, v[i], SL_XIANJIE, caps[k].level, fg_part_of(cap, fg_rnd(g, 600, 950), HUNDRED));
        }
    }
}

/* How much of a kind of funds of YEAR the plan gives out (per mille). */
static int
alloc_rate(struct fgen *g, int year)
{
    return year < g->d->year ? fg_rnd(g, 960, 995) : fg_rnd(g, 880, 960);
}

/* The money of budget year YEAR for the projects planned in it. */
static void
plan_money(struct fgen *g, int year)
{
    static const struct {
        enum slot slot;
        int (*fits)(struct fgen *, const struct fproj *);
    } others[] = {
        {SL_WORKRELIEF, fits_workrelief}, {SL_EASTWEST, fits_eastwest},
        {SL_PAIRED, fits_paired}, {SL_INTEGRATED, fits_integrated},
        {SL_DONATION, fits_donation},
    };
    struct fproj **v = xcalloc(g->npj + 1, sizeof(*v));
    int64_t x = received(g, year, SL_XIANJIE, NULL), ind, mgmt = 0, rest;
    int ind_bp = fg_maxi(fg_year_rules(g, year)->industry_min_bp, INDUSTRY_FLOOR_BP) + fg_rnd(g, 300, 1200);
    size_t n = 0, i;

    for (i = 0; i < g->npj; i++) {
        if (g->pj[i].fund_year == year) {
            v[n++] = &g->pj[i];
        }
    }
    qsort(v, n, sizeof(*v), by_plan_day);
    mgmt_fee(g, v, n, year);
    for (i = 0; i < n; i++) {
        int k;

        for (k = 0; fg_ptype_is(g, v[i], "mgmt_fee") && k < v[i]->nshares; k++) {
            mgmt += v[i]->shares[k].amount;
        }
    }
    ind = money_bp_floor(x, ind_bp);
    rest = fg_part_of(x, alloc_rate(g, year), HUNDRED) - ind - mgmt;
    spread(g, v, n, SL_XIANJIE, ind, fits_industry);
    spread(g, v, n, SL_XIANJIE, rest > 0 ? rest : 0, fits_xianjie_rest);
    for (i = 0; i < ARRAY_SIZE(others); i++) {
        spread(g, v, n, others[i].slot,
               fg_part_of(received(g, year, others[i].slot, NULL), alloc_rate(g, year), HUNDRED),
               others[i].fits);
    }
    free(v);
}

/* Budget, own funds, workers and wage share of F from its money. */
static void
settle_budget(struct fgen *g, struct fproj *f)
{
    struct project *p = &f->p;
    int64_t sum = 0, wr = 0;
    int i;

    for (i = 0; i < f->nshares; i++) {
        sum += f->shares[i].amount;
        wr += g->rc[f->shares[i].rcpt].slot == SL_WORKRELIEF ? f->shares[i].amount : 0;
    }
    if (sum > 0) {
        p->self_funds = fg_ptype_is(g, f, "industry") ? fg_part_of(sum, fg_rnd(g, 0, 200), HUNDRED) : 0;
        p->budget = sum + p->self_funds;
    }
    if (fg_ptype_is(g, f, "workrelief")) {
        int min_bp = fg_year_rules(g, f->fund_year != 0 ? f->fund_year : p->year)->wage_min_bp;

        p->workers = demo_clampi((int)(wr / (10 * WAN)) * fg_rnd(g, 80, 120) / 100, 8, 400);
        p->workers_poor = p->workers * fg_rnd(g, 450, 850) / 1000;
        p->person_days = p->workers * fg_rnd(g, 40, 110);
        /* One in four pays a little less than the share. */
        f->wage_bp = g->nwage++ % 4 == 1 ? fg_maxi(min_bp - fg_rnd(g, 50, 300), 0)
                                         : min_bp + fg_rnd(g, 200, 1200);
    }
    fg_fill_texts(g, f);
}

/* --- storing a project ---------------------------------------------- */

static const struct actor *
actor_for(const struct fgen *g, const struct fproj *f, enum proj_state from,
          enum proj_action a)
{
    const struct proj_transition *t = proj_transition(from, a);

    if (f->t->level != 'c' && t != NULL && (t->roles & ROLE_BIT(ROLE_TOWNSHIP))) {
        return &g->d->towns[f->town].staff;
    }
    return g->county;
}

static int
take_step(struct fgen *g, struct fproj *f, const struct rstep *s, struct err *e)
{
    const struct proj_transition *t = proj_transition(f->p.state, s->action);
    struct proj_input in;

    memset(&in, 0, sizeof(in));
    in.action = s->action;
    in.step_date = s->day;
    in.pub_start = s->pub_end != DATE_NONE ? s->day : DATE_NONE;
    in.pub_end = s->pub_end;
    in.doc_no = s->doc[0] != '\0' ? s->doc : NULL;
    in.note = s->note;
    if (t == NULL || db_project_act(g->d->a->db, g->ctx, actor_for(g, f, f->p.state, s->action),
                                    f->p.id, f->p.version, &in, e)) {
        return t == NULL ? err_set(e, ERR_RULE, "BUG: demo route") : -1;
    }
    f->p.version++;
    f->p.state = t->to;
    f->p.year += s->action == PA_ROLL_OVER;
    return 0;
}

static int
link_households(struct fgen *g, struct fproj *f, struct err *e)
{
    int k;

    for (k = 0; k < f->nlinks; k++) {
        if (db_project_link(g->d->a->db, g->county, f->p.id,
                            f->vill->kept[f->links[k]].hh_no, 1, e)) {
            return -1;
        }
    }
    g->d->st->links += f->nlinks;
    return 0;
}

/* The day a result of DAY is published: most within WORKDAYS, one in
 * nineteen late, one in twenty-three not at all. */
static int
publish_day(struct fgen *g, long *count, int day, int workdays)
{
    const struct calendar *cal = &g->d->a->policy.cal;
    long c = (*count)++;
    int out;

    if (c % 23 == 3) {
        return DATE_NONE;
    }
    out = c % 19 == 5 ? date_add_workdays(cal, day, workdays + fg_rnd(g, 11, 25))
                      : date_add_workdays(cal, day, fg_rnd(g, 1, workdays - 1 > 1 ? workdays - 1 : 1));
    return out <= g->d->today ? out : DATE_NONE;
}

static int
publish_targets(struct fgen *g, struct fproj *f, int plan, struct err *e)
{
    int wd = fg_year_rules(g, f->p.year)->targets_publish_workdays;

    f->p.targets_published_on = publish_day(g, &g->ntargets, plan, fg_maxi(wd, 2));
    if (f->p.targets_published_on == DATE_NONE) {
        return 0;
    }
    return db_project_update(g->d->a->db, g->ctx, g->county, &f->p, e);
}

static int
allocate(struct fgen *g, struct fproj *f, struct err *e)
{
    struct made *m = f->made;
    int wd = fg_maxi(fg_year_rules(g, f->fund_year)->alloc_publish_workdays, 2);
    int plan = f->route[f->plan_step].day, i;

    for (i = 0; i < f->nshares; i++) {
        const struct rcpt *r = &g->rc[f->shares[i].rcpt];
        struct allocation al;
        int rc;

        allocation_init(&al);
        al.fund_id = r->id;
        al.project_id = f->p.id;
        al.amount = f->shares[i].amount;
        al.alloc_date = fg_maxi(r->alloc_day, plan + fg_rnd(g, 1, 10));
        if (al.alloc_date > g->d->today) {
            continue;
        }
        snprintf(al.doc_no, sizeof(al.doc_no), "%s", r->alloc_doc);
        al.published_on = publish_day(g, &g->nalloc, al.alloc_date, wd);
        rc = db_allocation_save(g->d->a->db, g->ctx, g->county, &al, e);
        if (rc == 0) {
            m[f->nmade].id = al.id;
            m[f->nmade].amount = al.amount;
            m[f->nmade].day = al.alloc_date;
            m[f->nmade++].slot = r->slot;
            g->d->st->allocations++;
        }
        allocation_clear(&al);
        if (rc) {
            return -1;
        }
    }
    return 0;
}

static int
pay_one(struct fgen *g, const struct made *m, int day, int64_t amount,
        const char *payee, int wage, struct err *e)
{
    struct payment p;
    int y, mo, dd, rc;

    if (amount <= 0) {
        return 0;
    }
    payment_init(&p);
    date_to_ymd(day, &y, &mo, &dd);
    p.allocation_id = m->id;
    p.pay_date = day;
    p.amount = amount;
    snprintf(p.payee, sizeof(p.payee), "%s", payee);
    snprintf(p.voucher_no, sizeof(p.voucher_no), "记%04d%02d-%04d", y, mo,
             ++g->voucher[demo_clampi(month_of(day) - (g->d->year - 2) * 12, 0, 35)] % 10000);
    p.is_wage = wage;
    rc = db_payment_save(g->d->a->db, g->ctx, g->county, &p, e);
    payment_clear(&p);
    g->d->st->payments += rc == 0;
    return rc;
}

/* N payments of AMOUNT in [LO, HI] (never before the allocation nor
 * after today), in about equal parts, the last one what is left. */
static int
pay_parts(struct fgen *g, const struct made *m, int lo, int hi, int n,
          int64_t amount, const char *payee, int wage, struct err *e)
{
    int64_t left = amount;
    int k;

    lo = fg_maxi(lo, m->day);
    hi = fg_maxi(lo, fg_mini(hi, g->d->today));
    for (k = 0; k < n; k++) {
        int day = fg_mini(lo + (hi - lo) * (k + 1) / (n + 1) + fg_rnd(g, -3, 3), hi);
        int64_t x = k == n - 1 ? left : fg_part_of(left, 1000 / (n - k) + fg_rnd(g, -80, 80), YUAN);

        if (pay_one(g, m, fg_maxi(day, lo), x, payee, wage, e)) {
            return -1;
        }
        left -= x;
    }
    return 0;
}

/* What share of its allocations a project has paid by its state. */
static int
paid_permille(struct fgen *g, enum proj_state s)
{
    switch (s) {
    case PS_COMPLETED:
        return fg_rnd(g, 750, 950);
    case PS_ACCEPTED:
        return fg_rnd(g, 880, 980);
    case PS_SETTLED:
        return fg_rnd(g, 970, 1000);
    default:
        return fg_rnd(g, 500, 900);
    }
}

static int
pay_project(struct fgen *g, struct fproj *f, struct err *e)
{
    const struct made *m = f->made;
    int nm = f->nmade;
    int start = fg_step_day(f, PA_START), done = fg_step_day(f, PA_COMPLETE);
    int accept = fg_step_day(f, PA_ACCEPT), settle = fg_step_day(f, PA_SETTLE);
    int work_end = done != DATE_NONE ? done : g->d->today;
    int i;

    for (i = 0; i < nm; i++) {
        int64_t total = fg_part_of(m[i].amount, paid_permille(g, f->p.state), YUAN);
        int64_t wages = 0, progress;
        char crew[FUND_TEXT_BUF];

        if (m[i].slot == SL_WORKRELIEF) {
            wages = f->p.state >= PS_COMPLETED && f->p.state <= PS_SETTLED ? fg_part_of(m[i].amount, f->wage_bp / 10, YUAN)
                                               : total / 2 / YUAN * YUAN;
            wages = wages < total ? wages : total;
            snprintf(crew, sizeof(crew), "%s务工群众（%d人）", fg_place_of(g, f), f->p.workers);
            if (pay_parts(g, &m[i], start, work_end, fg_rnd(g, 1, 3), wages, crew, 1, e)) {
                return -1;
            }
        }
        progress = accept != DATE_NONE ? fg_part_of(total - wages, fg_rnd(g, 600, 850), YUAN)
                                       : total - wages;
        if (pay_parts(g, &m[i], start, work_end, fg_rnd(g, 1, 2), progress, f->payee, 0, e) ||
            (accept != DATE_NONE &&
             pay_parts(g, &m[i], accept, settle != DATE_NONE ? settle - 1 : g->d->today, 1,
                       total - wages - progress, f->payee, 0, e))) {
            return -1;
        }
    }
    return 0;
}

/* --- running the projects ------------------------------------------ */

static int
steps_until(struct fgen *g, struct fproj *f, enum proj_action until,
            struct err *e)
{
    for (; f->at < f->nroute && f->route[f->at].action != until; f->at++) {
        const struct rstep *s = &f->route[f->at];

        if (take_step(g, f, s, e)) {
            return -1;
        }
        if (s->action == PA_PLAN && (publish_targets(g, f, s->day, e) ||
                                     (f->at == f->plan_step && f->fund_year != 0 &&
                                      allocate(g, f, e)))) {
            return -1;
        }
    }
    return 0;
}

static int
create_project(struct fgen *g, struct fproj *f, struct err *e)
{
    if (db_project_create(g->d->a->db, g->ctx, actor_for(g, f, PS_NONE, PA_PROPOSE),
                          &f->p, f->route[0].day, NULL, e) ||
        link_households(g, f, e)) {
        return -1;
    }
    g->d->st->projects++;
    f->at = 1;
    return 0;
}

/* The hand-over: the assets in the ledger, then the steps left. */
static int
hand_over(struct fgen *g, struct fproj *f, struct err *e)
{
    if (f->at < f->nroute && f->route[f->at].action == PA_REGISTER_ASSETS &&
        fg_project_assets(g, f, e)) {
        return -1;
    }
    return steps_until(g, f, PA_COUNT, e);
}

static int
pay_if_payable(struct fgen *g, struct fproj *f, struct err *e)
{
    return proj_state_payable(f->p.state) ? pay_project(g, f, e) : 0;
}

/* Store the projects in passes, all of them through each: into the
 * plan with the allocations, the works, the payments, the hand-over.
 * So the checks of each step read tables that are still small (the
 * bulk load has put their indexes off). */
static int
run_projects(struct fgen *g, struct err *e)
{
    size_t i;

    for (i = 0; i < g->npj; i++) {
        if (create_project(g, &g->pj[i], e) || steps_until(g, &g->pj[i], PA_START, e)) {
            return -1;
        }
    }
    for (i = 0; i < g->npj; i++) {
        if (steps_until(g, &g->pj[i], PA_REGISTER_ASSETS, e)) {
            return -1;
        }
    }
    for (i = 0; i < g->npj; i++) {
        if (pay_if_payable(g, &g->pj[i], e)) {
            return -1;
        }
    }
    for (i = 0; i < g->npj; i++) {
        if (hand_over(g, &g->pj[i], e)) {
            return -1;
        }
    }
    return 0;
}

/* --- driver --------------------------------------------------------- */

static void
fgen_init(struct fgen *g, struct demo *d, uint64_t seed)
{
    size_t len;

    memset(g, 0, sizeof(*g));
    g->d = d;
    g->r = &d->r;
    g->ctx = &d->ctx;
    g->county = &d->county;
    /* A stream of its own: the households never depend on the funds. */
    rng_seed(g->r, seed * 0x9E3779B97F4A7C15ULL + 0x66756E6473ULL);
    len = 0;
    u8_decode(d->a->county, strlen(d->a->county), &len);
    snprintf(g->cty, sizeof(g->cty), "%.*s", (int)len, d->a->county);
    g->apj = 2 * (size_t)fg_projects_a_year(d) * 11 / 10 + 2;
    g->pj = xcalloc(g->apj, sizeof(*g->pj));
    g->max_disposed = 2 + (int)d->nvills / 150;
}

static void
fgen_release(struct fgen *g)
{
    size_t i;

    for (i = 0; i < g->npj; i++) {
        project_clear(&g->pj[i].p);
    }
    free(g->pj);
    free(g->rc);
    free(g->docs);
}

int
demo_funds(struct demo *d, uint64_t seed, struct err *e)
{
    struct fgen g;
    size_t i;
    int rc;

    fgen_init(&g, d, seed);
    gen_receipts(&g, d->year - 1);
    gen_receipts(&g, d->year);
    rc = store_receipts(&g, e);
    if (rc == 0) {
        fg_plan_projects(&g, d->year - 1, 1);
        fg_plan_projects(&g, d->year, 0);
        fg_number_docs(&g);
        plan_money(&g, d->year - 1);
        plan_money(&g, d->year);
        for (i = 0; i < g.npj; i++) {
            settle_budget(&g, &g.pj[i]);
        }
    }
    if (rc == 0) {
        rc = run_projects(&g, e) || fg_gen_old_assets(&g, e) ? -1 : 0;
    }
    fgen_release(&g);
    return rc ? -1 : 0;
}

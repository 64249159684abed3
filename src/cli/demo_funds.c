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
#include "cli/demo_data.h"
#include "cli/demo_priv.h"
#include "core/date.h"
#include "core/meter.h"
#include "core/project.h"
#include "db/db_fund.h"
#include "util/array.h"
#include "util/err.h"
#include "util/rng.h"
#include "util/u8.h"
#include "util/xalloc.h"

#define WAN ((int64_t)1000000)      /* 1万元 in fen */
#define HUNDRED ((int64_t)10000)    /* 100元 */
#define YUAN ((int64_t)100)
#define MAX_ROUTE 24
#define MAX_SHARES 16
#define MAX_LINKS 40
#define MAX_SLOTS 3                 /* kinds of funds of one project */

/* Generation targets (demo data, not policy). */
#define CENTRAL_PER_VILLAGE (80 * WAN)   /* central 衔接资金 a year */
#define CENTRAL_MIN (4000 * WAN)
#define CENTRAL_MAX (20000 * WAN)
#define INDUSTRY_FLOOR_BP 5500           /* when a year's rules set none */

/* The kinds of funds the demo receives, and their fund_type codes. */
enum slot {
    SL_XIANJIE, SL_WORKRELIEF, SL_EASTWEST, SL_PAIRED, SL_INTEGRATED,
    SL_DONATION, SL_COUNT
};
static const char *const slot_type[SL_COUNT] = {"01", "05", "03", "04", "02", "06"};

/* Document numbers: 川财农〔2026〕12号. */
enum doc {
    DOC_PROV_FIN, DOC_CITY_FIN, DOC_COUNTY_FIN, DOC_NDRC, DOC_PAIRED_FIN,
    DOC_UNIT, DOC_COUNTY_GOV, DOC_DONATION, DOC_POOL, DOC_ACCEPT,
    DOC_DISPOSAL, DOC_COUNT
};
static const char *const doc_kind[DOC_COUNT] = {
    "财农", "财农", "财农", "发改振兴", "财农", "帮扶函", "府函", "慈捐",
    "乡振发", "乡振验", "农资处",
};

struct rcpt {
    int64_t id;
    size_t order;                /* drawn as the how-many-th */
    enum slot slot;
    const char *level;           /* fund_level code */
    const char *task_line;
    enum doc doc;
    char title[FUND_TEXT_BUF];
    const char *batch;           /* 第一批, "" */
    int year, day;
    int64_t amount, left;        /* left: what the plan has not given out */
    int alloc_day;               /* of the county's allocation document */
    char alloc_doc[FUND_DOC_BUF];
};

struct rstep {
    enum proj_action action;
    int day, pub_end;            /* pub_end: DATE_NONE unless a publicity */
    const char *note;
    char doc[FUND_DOC_BUF];
};

struct share {
    size_t rcpt;
    int64_t amount;
};

/* An allocation stored. */
struct made {
    int64_t id, amount;
    int day;
    enum slot slot;
};

struct fproj {
    const struct demo_ptmpl *t;
    size_t town;
    struct dvill *vill;          /* NULL: the township or the county */
    struct project p;
    struct rstep route[MAX_ROUTE];
    int nroute;
    enum proj_state sim;         /* the state after the route so far */
    int ryear, last;             /* year and last day so far */
    int fund_year, plan_step;    /* 0: no funds; the route's funded plan */
    int64_t w;                   /* its size: its weight in the money */
    int nslots;
    unsigned slots;
    struct share shares[MAX_SHARES];
    int nshares;
    int wage_bp;                 /* 以工代赈: the wage share paid */
    int scale;
    int links[MAX_LINKS];        /* indexes into vill->kept */
    int nlinks;
    char payee[FUND_TEXT_BUF];
    int at;                      /* the next step of the route to store */
    struct made made[MAX_SHARES];
    int nmade;
};

/* A document number used by many projects (a batch of the plan). */
struct cached_doc {
    int key;
    char doc[FUND_DOC_BUF];
};

#define DOC_YEARS 16             /* numbered per year, from today's - 13 */

struct fgen {
    struct demo *d;
    struct rng *r;
    struct rule_ctx *ctx;
    const struct actor *county;
    struct rcpt *rc;
    size_t nrc, arc;
    struct fproj *pj;
    size_t npj, apj;
    struct cached_doc *docs;
    size_t ndocs, adocs;
    char cty[8];                 /* the county's first character */
    int seq[DOC_COUNT][DOC_YEARS];
    long nalloc, ntargets, nwage, nold, narchive;
    int voucher[36];             /* numbered by month, from two years ago */
    int asset_seq[101];          /* assets numbered by year, from 2000 */
    int disposed, max_disposed;
};

/* --- small helpers ------------------------------------------------- */

static int
rnd(struct fgen *g, int lo, int hi)
{
    return rng_range(g->r, lo, hi);
}

static int
maxi(int a, int b)
{
    return a > b ? a : b;
}

static int
mini(int a, int b)
{
    return a < b ? a : b;
}

/* FEN * PERMILLE / 1000, rounded down to STEP. */
static int64_t
part_of(int64_t fen, int permille, int64_t step)
{
    return fen / 1000 * permille / step * step;
}

static const struct rules *
year_rules(const struct fgen *g, int year)
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

static int
ptype_is(const struct fgen *g, const struct fproj *f, const char *tag)
{
    return code_is(codes(g), "project_type", f->t->ptype, tag);
}

static int
class_is(const struct demo_ptmpl *t, const char *aclass)
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
static void
doc_no(struct fgen *g, enum doc kind, int year, char *out, size_t n)
{
    int *seq = &g->seq[kind][demo_clampi(year - (g->d->year - 13), 0, DOC_YEARS - 1)];

    *seq += rnd(g, 1, 7);
    snprintf(out, n, "%s%s〔%d〕%d号", abbr_of(g, kind), doc_kind[kind], year, *seq);
}

/* The number of step ACTION (of KIND) for the month of DAY, the same
 * for every project of that batch. */
static const char *
batch_doc(struct fgen *g, enum proj_action action, enum doc kind, int day)
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
    doc_no(g, kind, y, g->docs[g->ndocs].doc, sizeof(g->docs[0].doc));
    return g->docs[g->ndocs++].doc;
}

/* A firm of the county: 青山县恒达 + SUFFIX. */
static void
firm_name(struct fgen *g, const char *const *suffixes, size_t n, char *out,
          size_t size)
{
    snprintf(out, size, "%.60s%s%s%s", g->d->a->county,
             demo_pick(g->d, demo_firm_chars, demo_nfirm_chars),
             demo_pick(g->d, demo_firm_chars, demo_nfirm_chars),
             demo_pick(g->d, suffixes, n));
}

static const char *
place_of(const struct fgen *g, const struct fproj *f)
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
    doc_no(g, r->doc, date_year(r->day), f.doc_no, sizeof(f.doc_no));
    f.amount = r->amount;
    f.received_on = r->day;
    f.note = date_year(r->day) < r->year ? xstrdup("提前下达") : NULL;
    rc = db_fund_save(g->d->a->db, g->ctx, g->county, &f, e);
    r->id = f.id;
    fund_clear(&f);
    if (rc) {
        return -1;
    }
    r->alloc_day = r->day + rnd(g, 5, 25);
    doc_no(g, DOC_COUNTY_FIN, date_year(r->alloc_day), r->alloc_doc, sizeof(r->alloc_doc));
    g->d->st->receipts++;
    return 0;
}

static void
add_receipt(struct fgen *g, const struct rspec *s, int year, int k, int day,
            int64_t amount)
{
    struct rcpt *r;

    g->rc = xgrow(g->rc, &g->arc, g->nrc + 1, sizeof(*g->rc));
    r = &g->rc[g->nrc];
    memset(r, 0, sizeof(*r));
    r->order = g->nrc++;
    r->slot = s->slot;
    r->level = s->level;
    r->task_line = s->task_line;
    r->doc = s->doc;
    r->batch = s->nbatch > 1 ? demo_ordinals[k] : "";
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
                  : s->first + (s->last - s->first) * k / (s->nbatch - 1) + rnd(g, -6, 6);
        int64_t amount = k == s->nbatch - 1 ? left
                         : k == 0 ? part_of(s->total, rnd(g, 450, 620), step)
                                  : part_of(left, 1000 / (s->nbatch - k), step);

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
    return part_of(c, rnd(g, 900, 1100), WAN);
}

static void
donations(struct fgen *g, int year)
{
    int n = rnd(g, 2, 4), k;

    for (k = 0; k < n; k++) {
        char name[FUND_TEXT_BUF];
        struct rspec s = {SL_DONATION, "4", "", DOC_DONATION, name, 1, 0, 0, 1, 0};

        snprintf(name, sizeof(name), "%s%s%s%s定向捐赠资金",
                 demo_pick(g->d, demo_donor_places, demo_ndonor_places),
                 demo_pick(g->d, demo_firm_chars, demo_nfirm_chars),
                 demo_pick(g->d, demo_firm_chars, demo_nfirm_chars),
                 demo_pick(g->d, demo_donors, demo_ndonors));
        s.first = date_from_ymd(year, rnd(g, 1, 11), rnd(g, 1, 28));
        s.total = rnd(g, 10, 200) * WAN;
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
        s.nbatch = rnd(g, kinds[i].nlo, kinds[i].nhi);
        s.total = kinds[i].hi > 0 ? part_of(c, rnd(g, kinds[i].lo, kinds[i].hi), WAN)
                                  : rnd(g, 300, 1200) * WAN;
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

/* --- routes ------------------------------------------------------- */

static int
pub_days(struct fgen *g, const struct fproj *f)
{
    return maxi(year_rules(g, f->ryear)->project_publicity_min_days, 1) + rnd(g, 0, 3);
}

/* Add step A on DAY (a publicity of PUB days when PUB > 0) to F's route;
 * -1 when it is not legal now, would fall after today, or the route is
 * full. */
static int
push(struct fgen *g, struct fproj *f, enum proj_action a, int day, int pub,
     const char *note)
{
    const struct proj_transition *t = proj_transition(f->sim, a);
    struct rstep *s;

    if (t == NULL || f->nroute == MAX_ROUTE || day > g->d->today) {
        return -1;
    }
    s = &f->route[f->nroute++];
    s->action = a;
    s->day = day;
    s->pub_end = pub > 0 ? day + pub - 1 : DATE_NONE;
    s->note = note;
    s->doc[0] = '\0';
    f->sim = t->to;
    f->last = pub > 0 ? s->pub_end : day;
    if (a == PA_PLAN) {
        f->fund_year = f->ryear;
        f->plan_step = f->nroute - 1;
    } else if (a == PA_ROLL_OVER || a == PA_CANCEL) {
        f->fund_year = 0;
    }
    if (a == PA_ROLL_OVER) {
        f->ryear++;
    }
    return 0;
}

static int
after(struct fgen *g, const struct fproj *f, int lo, int hi)
{
    return f->last + rnd(g, lo, hi);
}

/* Propose on DAY and take the pool's steps (村申报 ... 审定入库) until
 * STOP. */
static int
route_pool(struct fgen *g, struct fproj *f, int day, enum proj_state stop)
{
    static const struct {
        enum proj_action a;
        int lo, hi, publicity;
    } steps[] = {
        {PA_VILLAGE_PUBLICIZE, 1, 5, 1}, {PA_TOWNSHIP_REVIEW, 1, 7, 0},
        {PA_TOWNSHIP_PUBLICIZE, 1, 4, 1}, {PA_COUNTY_ARGUE, 2, 15, 0},
        {PA_APPROVE, 2, 10, 1},
    };
    size_t i;

    if (push(g, f, PA_PROPOSE, day, 0, NULL)) {
        return -1;
    }
    for (i = 0; i < ARRAY_SIZE(steps) && f->sim != stop; i++) {
        if (push(g, f, steps[i].a, after(g, f, steps[i].lo, steps[i].hi),
                 steps[i].publicity ? pub_days(g, f) : 0, NULL)) {
            return -1;
        }
    }
    return f->sim == stop ? 0 : -1;
}

/* How long the works take. */
static int
works_days(struct fgen *g, const struct fproj *f)
{
    if (f->t->aclass == NULL) {
        return rnd(g, 150, 240);
    }
    return ptype_is(g, f, "industry") ? rnd(g, 120, 240) : rnd(g, 90, 210);
}

/* Put F into the plan near ANCHOR, then work on it up to TARGET. */
static void
route_work(struct fgen *g, struct fproj *f, int anchor, enum proj_state target)
{
    static const struct {
        enum proj_action a;
        int lo, hi;
    } steps[] = {
        {PA_START, 15, 75}, {PA_COMPLETE, 0, 0}, {PA_ACCEPT, 10, 45},
        {PA_SETTLE, 30, 90}, {PA_REGISTER_ASSETS, 5, 30}, {PA_OPERATE, 5, 20},
    };
    size_t i;

    if (push(g, f, PA_PLAN, maxi(anchor, after(g, f, 5, 20)), 0, NULL) ||
        target == PS_PLANNED) {
        return;
    }
    if (target == PS_CANCELLED) {
        push(g, f, PA_CANCEL, after(g, f, 20, 90), 0,
             demo_pick(g->d, demo_cancel_reasons, demo_ncancel_reasons));
        return;
    }
    for (i = 0; i < ARRAY_SIZE(steps) && f->sim != target; i++) {
        int day = steps[i].a == PA_COMPLETE ? after(g, f, 0, 0) + works_days(g, f)
                                            : after(g, f, steps[i].lo, steps[i].hi);

        if (push(g, f, steps[i].a, day, 0, NULL)) {
            return;
        }
        if (steps[i].a == PA_START &&
            (target == PS_ADJUSTED || rng_chance(g->r, 80))) {
            if (push(g, f, PA_ADJUST, after(g, f, 20, 60), 0,
                     demo_pick(g->d, demo_adjust_reasons, demo_nadjust_reasons)) ||
                target == PS_ADJUSTED ||
                push(g, f, PA_START, after(g, f, 5, 20), 0, NULL)) {
                return;
            }
        }
    }
}

static int
pool_day(struct fgen *g, int year)
{
    return date_from_ymd(year - 1, 9, 1) + rnd(g, 0, 70);
}

static int
plan_day(struct fgen *g, int year)
{
    return date_from_ymd(year, 2, 20) + rnd(g, 0, 70);
}

static void
route_rejected(struct fgen *g, struct fproj *f)
{
    enum proj_state stage = (enum proj_state)rnd(g, PS_PROPOSED, PS_COUNTY_ARGUED);

    if (route_pool(g, f, pool_day(g, f->ryear), stage) == 0) {
        push(g, f, PA_REJECT, after(g, f, 2, 15), 0,
             demo_pick(g->d, demo_reject_reasons, demo_nreject_reasons));
    }
}

/* Rolled over at the end of its year; last year's are mostly planned
 * again this year. */
static void
route_rolled(struct fgen *g, struct fproj *f, int last_year)
{
    static const enum proj_state next[] = {PS_IMPLEMENTING, PS_COMPLETED, PS_ACCEPTED};
    static const unsigned w[] = {50, 30, 20};
    int year = f->ryear, r;

    if (route_pool(g, f, pool_day(g, year), PS_APPROVED) ||
        (rng_chance(g->r, 500) && push(g, f, PA_PLAN, plan_day(g, year), 0, NULL)) ||
        push(g, f, PA_ROLL_OVER, maxi(date_from_ymd(year, 10, 20), after(g, f, 10, 30)) +
             rnd(g, 0, 50), 0,
             demo_pick(g->d, demo_rollover_reasons, demo_nrollover_reasons)) ||
        !last_year) {
        return;
    }
    r = rnd(g, 0, 99);
    if (r < 60) {
        route_work(g, f, plan_day(g, f->ryear), next[rng_weighted(g->r, w, 3)]);
    } else if (r < 75) {
        push(g, f, PA_CANCEL, after(g, f, 60, 150), 0,
             demo_pick(g->d, demo_cancel_reasons, demo_ncancel_reasons));
    }
}

static void
route(struct fgen *g, struct fproj *f, enum proj_state target, int last_year)
{
    int year = f->ryear;

    switch (target) {
    case PS_REJECTED:
        route_rejected(g, f);
        break;
    case PS_ROLLED_OVER:
        route_rolled(g, f, last_year);
        break;
    case PS_PROPOSED:
    case PS_VILLAGE_PUBLICIZED:
    case PS_TOWNSHIP_REVIEWED:
    case PS_TOWNSHIP_PUBLICIZED:
    case PS_COUNTY_ARGUED:
        /* Added to this year's pool lately. */
        route_pool(g, f, g->d->today - rnd(g, 3, 70), target);
        break;
    case PS_APPROVED:
        route_pool(g, f, pool_day(g, year), target);
        break;
    case PS_CANCELLED:
        if (route_pool(g, f, pool_day(g, year), PS_APPROVED) != 0) {
            break;
        }
        if (rng_chance(g->r, 500)) {
            push(g, f, PA_CANCEL, after(g, f, 20, 120), 0,
                 demo_pick(g->d, demo_cancel_reasons, demo_ncancel_reasons));
        } else {
            route_work(g, f, plan_day(g, year), target);
        }
        break;
    default:
        if (route_pool(g, f, pool_day(g, year), PS_APPROVED) == 0) {
            route_work(g, f, plan_day(g, year), target);
        }
        break;
    }
}

/* The day of F's last step ACTION, or DATE_NONE. */
static int
step_day(const struct fproj *f, enum proj_action action)
{
    int i;

    for (i = f->nroute - 1; i >= 0; i--) {
        if (f->route[i].action == action) {
            return f->route[i].day;
        }
    }
    return DATE_NONE;
}

struct docref {
    struct rstep *s;
    size_t order;
};

static int
by_step_day(const void *a, const void *b)
{
    const struct docref *x = a, *y = b;

    if (x->s->day != y->s->day) {
        return x->s->day < y->s->day ? -1 : 1;
    }
    return x->order < y->order ? -1 : x->order > y->order;
}

/* Number the documents of the steps that need one, in the order of their
 * days: one per month for the pool's approvals and the plan's batches,
 * one per acceptance and adjustment. */
static void
number_docs(struct fgen *g)
{
    struct docref *v = NULL;
    size_t n = 0, alloc = 0, i;
    int k;

    for (i = 0; i < g->npj; i++) {
        for (k = 0; k < g->pj[i].nroute; k++) {
            struct rstep *s = &g->pj[i].route[k];

            if (s->action == PA_APPROVE || s->action == PA_PLAN ||
                s->action == PA_ADJUST || s->action == PA_ACCEPT) {
                v = xgrow(v, &alloc, n + 1, sizeof(*v));
                v[n].s = s;
                v[n].order = n;
                n++;
            }
        }
    }
    qsort(v, n, sizeof(*v), by_step_day);
    for (i = 0; i < n; i++) {
        struct rstep *s = v[i].s;

        if (s->action == PA_ACCEPT || s->action == PA_ADJUST) {
            doc_no(g, s->action == PA_ACCEPT ? DOC_ACCEPT : DOC_POOL, date_year(s->day),
                   s->doc, sizeof(s->doc));
        } else {
            snprintf(s->doc, sizeof(s->doc), "%s", batch_doc(g, s->action, DOC_POOL, s->day));
        }
    }
    free(v);
}

/* --- the projects of a year ------------------------------------------ */

/* Dozens of projects a year, more with more villages (domain.md 11). */
static int
projects_a_year(const struct demo *d)
{
    return demo_clampi(12 + (int)d->nvills * 2 / 3, 30, 300);
}

static const struct demo_ptmpl *
pick_tmpl(struct fgen *g, const char *ptype)
{
    unsigned w[64];
    size_t idx[64], n = 0, i;

    for (i = 0; i < demo_nptmpls && n < 64; i++) {
        if (strcmp(demo_ptmpls[i].ptype, ptype) == 0) {
            w[n] = demo_ptmpls[i].weight;
            idx[n++] = i;
        }
    }
    return &demo_ptmpls[idx[rng_weighted(g->r, w, n)]];
}

static const char *
pick_ptype(struct fgen *g)
{
    unsigned w[16];
    size_t i;

    for (i = 0; i < demo_nptype_weights && i < 16; i++) {
        w[i] = demo_ptype_weights[i].weight;
    }
    return demo_ptype_weights[rng_weighted(g->r, w, i)].word;
}

/* Where F is: a village (households given by the household kinds need
 * a few in the registry), a township, or the county (its seat). */
static void
place(struct fgen *g, struct fproj *f)
{
    struct demo *d = g->d;
    int tries = 0;

    f->vill = NULL;
    f->town = 0;
    if (f->t->level == 't') {
        f->town = rng_below(g->r, (uint32_t)d->ntowns);
    } else if (f->t->level == 'v') {
        do {
            f->vill = &d->vills[rng_below(g->r, (uint32_t)d->nvills)];
        } while (class_is(f->t, "3") && f->vill->nkept < 5 && ++tries < 50);
        /* Too few households anywhere: a village road instead. */
        while (class_is(f->t, "3") && f->vill->nkept < 5) {
            const struct demo_ptmpl *t = pick_tmpl(g, "3");

            f->t = t->level == 'v' ? t : f->t;
        }
        f->town = f->vill->town;
    }
}

/* The registry's households where F is: all, 脱贫户, monitored. */
static void
place_counts(const struct fgen *g, const struct fproj *f, int *hh, int *poor,
             int *mon)
{
    size_t i;

    if (f->vill != NULL) {
        *hh = f->vill->nhh;
        *poor = f->vill->npoor;
        *mon = f->vill->nmonitored;
        return;
    }
    *hh = *poor = *mon = 0;
    for (i = 0; i < g->d->nvills; i++) {
        const struct dvill *v = &g->d->vills[i];

        if (f->t->level == 'c' || v->town == f->town) {
            *hh += v->nhh;
            *poor += v->npoor;
            *mon += v->nmonitored;
        }
    }
}

/* Link a few of the village's households, those of 脱贫户 and monitored
 * households first for industry and household projects. */
static void
choose_links(struct fgen *g, struct fproj *f)
{
    struct dvill *v = f->vill;
    int want, pass, k, start;
    int targeted = ptype_is(g, f, "industry") || class_is(f->t, "3");

    f->nlinks = 0;
    if (v == NULL || v->nkept == 0) {
        return;
    }
    want = mini(class_is(f->t, "3") ? f->scale : rnd(g, 3, 8), mini(v->nkept, MAX_LINKS));
    start = (int)rng_below(g->r, (uint32_t)v->nkept);
    for (pass = targeted ? 0 : 1; pass < 2; pass++) {
        for (k = 0; k < v->nkept && f->nlinks < want; k++) {
            int i = (start + k) % v->nkept, j, dup = 0;
            int favoured = v->kept[i].former_poor || v->kept[i].monitored;

            for (j = 0; j < f->nlinks; j++) {
                dup |= f->links[j] == i;
            }
            if (!dup && (pass == 1 || favoured)) {
                f->links[f->nlinks++] = i;
            }
        }
    }
    if (class_is(f->t, "3")) {
        f->scale = f->nlinks;
    }
}

/* Beneficiaries: a share of the place's households, at least those
 * linked, with 脱贫户 and monitored ones in the registry's proportion
 * (more of them for industry projects). */
static void
fill_benefit(struct fgen *g, struct fproj *f)
{
    struct project *p = &f->p;
    int hh, poor, mon, lpoor = 0, lmon = 0, k, share;

    if (ptype_is(g, f, "mgmt_fee")) {
        return;
    }
    place_counts(g, f, &hh, &poor, &mon);
    if (hh == 0) {
        hh = rnd(g, 60, 200);
        poor = hh * 3 / 10;
        mon = hh / 30;
    }
    for (k = 0; k < f->nlinks; k++) {
        const struct dhh *h = &f->vill->kept[f->links[k]];

        lpoor += h->former_poor && !h->monitored;
        lmon += h->monitored;
    }
    share = class_is(f->t, "3") ? 0
            : f->t->level == 'c' ? rnd(g, 50, 250)
            : ptype_is(g, f, "industry") ? rnd(g, 150, 600) : rnd(g, 500, 1000);
    p->hh_benefit = maxi(maxi(f->nlinks, hh * share / 1000), class_is(f->t, "3") ? 1 : 5);
    p->hh_monitored = maxi(lmon, (int)((int64_t)p->hh_benefit * mon / hh));
    p->hh_poor = maxi(lpoor, mini((int)((int64_t)p->hh_benefit * poor / hh) *
                                  (share < 600 ? 12 : 10) / 10,
                                  p->hh_benefit - p->hh_monitored));
    p->hh_benefit = maxi(p->hh_benefit, p->hh_poor + p->hh_monitored);
    p->persons_benefit = p->hh_benefit * rnd(g, 28, 38) / 10;
    p->persons_poor = p->hh_poor * rnd(g, 28, 38) / 10;
    p->persons_monitored = p->hh_monitored * rnd(g, 25, 35) / 10;
    p->persons_benefit = maxi(p->persons_benefit, p->persons_poor + p->persons_monitored);
    /* The county's subsidies: the content counts whom they reach. */
    if (f->t->level == 'c' && strcmp(f->t->unit, "户") == 0) {
        f->scale = p->hh_benefit;
    } else if (f->t->level == 'c' && strcmp(f->t->unit, "人") == 0) {
        f->scale = p->persons_benefit;
    }
}

static void
fill_texts(struct fgen *g, struct fproj *f)
{
    struct project *p = &f->p;
    const struct demo_ptmpl *t = f->t;
    int targeted = p->hh_poor + p->hh_monitored;
    char buf[1024];

    snprintf(buf, sizeof(buf), "%s%d%s%s", t->what, f->scale, t->unit, t->rest);
    p->content = xstrdup(buf);
    if (class_is(t, "3")) {
        snprintf(buf, sizeof(buf),
                 "资产确权到户，由受益户自主经营，统一提供技术指导和产品销售服务，带动%d户户均年增收%d元以上",
                 maxi(targeted, 1), rnd(g, 10, 40) * 100);
    } else if (ptype_is(g, f, "industry")) {
        snprintf(buf, sizeof(buf),
                 "采取%s模式，优先吸纳脱贫户和监测户务工，带动%d户脱贫户和监测户户均年增收%d元以上；资产收益的%d%%用于脱贫户、监测户分红和村级公益事业",
                 demo_pick(g->d, demo_linking_modes, demo_nlinking_modes),
                 maxi(targeted, 1), rnd(g, 8, 30) * 100, rnd(g, 30, 60));
    } else if (ptype_is(g, f, "workrelief")) {
        snprintf(buf, sizeof(buf),
                 "以工代赈方式组织当地群众务工，发放劳务报酬，带动%d名脱贫群众和监测对象务工增收",
                 p->workers_poor);
    } else if (strcmp(t->ptype, "2") == 0) {
        snprintf(buf, sizeof(buf), "优先安排脱贫劳动力和监测对象就业，带动%d人稳定增收",
                 maxi(p->persons_poor + p->persons_monitored, 1));
    } else {
        buf[0] = '\0';
    }
    p->linking = buf[0] != '\0' ? xstrdup(buf) : NULL;
    if (t->aclass != NULL) {
        snprintf(buf, sizeof(buf),
                 "产出指标：建成%s%d%s；质量指标：工程验收合格率100%%；时效指标：%d年%d月底前完工；效益指标：受益%d户，其中脱贫户和监测户%d户；满意度指标：受益群众满意度不低于90%%",
                 t->asset, f->scale, t->unit, date_year(p->period_end),
                 month_of(p->period_end) % 12 + 1, p->hh_benefit, targeted);
    } else {
        snprintf(buf, sizeof(buf),
                 "产出指标：惠及%d%s；质量指标：补助资金足额及时发放；时效指标：%d年%d月底前完成；效益指标：受益%d户，其中脱贫户和监测户%d户；满意度指标：受益群众满意度不低于90%%",
                 f->scale, t->unit, date_year(p->period_end), month_of(p->period_end) % 12 + 1,
                 p->hh_benefit, targeted);
    }
    p->targets = xstrdup(buf);
}

/* Who gets F's payments. */
static void
fill_payee(struct fgen *g, struct fproj *f)
{
    const char *t = f->t->ptype;

    if (class_is(f->t, "1")) {
        firm_name(g, demo_builders, demo_nbuilders, f->payee, sizeof(f->payee));
    } else if (class_is(f->t, "2") && f->vill != NULL && rng_chance(g->r, 500)) {
        snprintf(f->payee, sizeof(f->payee), "%s种养殖专业合作社", f->vill->name);
    } else if (f->t->aclass != NULL) {
        firm_name(g, demo_agri_firms, demo_nagri_firms, f->payee, sizeof(f->payee));
    } else if (strcmp(t, "7") == 0) {
        snprintf(f->payee, sizeof(f->payee), "%.60s农村商业银行", g->d->a->county);
    } else if (strcmp(t, "8") == 0) {
        snprintf(f->payee, sizeof(f->payee), "%.60s%s%s工程咨询有限公司", g->d->a->county,
                 demo_pick(g->d, demo_firm_chars, demo_nfirm_chars),
                 demo_pick(g->d, demo_firm_chars, demo_nfirm_chars));
    } else {
        snprintf(f->payee, sizeof(f->payee), "%s", "补助对象（社保卡代发）");
    }
}

/* The record of F as proposed. */
static void
fill_project(struct fgen *g, struct fproj *f, int year)
{
    struct project *p = &f->p;
    const struct demo_ptmpl *t = f->t;
    const struct dtown *town = &g->d->towns[f->town];

    project_init(p);
    if (t->level == 'c') {
        snprintf(p->name, sizeof(p->name), "%d年%s", year, t->suffix);
    } else {
        snprintf(p->name, sizeof(p->name), "%s%s", place_of(g, f), t->suffix);
    }
    p->year = year;
    snprintf(p->ptype, sizeof(p->ptype), "%s", t->ptype);
    p->township_id = town->id;
    p->village_id = f->vill != NULL ? f->vill->id : 0;
    if (t->implementer != NULL) {
        snprintf(p->implementer, sizeof(p->implementer), "%s", t->implementer);
    } else {
        snprintf(p->implementer, sizeof(p->implementer), "%s人民政府", town->name);
    }
    snprintf(p->proposer, sizeof(p->proposer), "%s",
             t->level == 'v' ? "1" : t->level == 't' ? "2" : "3");
    p->period_start = date_from_ymd(year, 4, 1) + rnd(g, 0, 60);
    p->period_end = p->period_start + rnd(g, 150, 270);
    f->scale = rnd(g, t->lo, t->hi);
    f->w = rnd(g, t->min_wan, t->max_wan) * WAN;
    p->budget = f->w;
    choose_links(g, f);
    fill_benefit(g, f);
    fill_payee(g, f);
}

/* Draw the projects of YEAR (last year's when LAST_YEAR) and their
 * routes. */
static void
plan_projects(struct fgen *g, int year, int last_year)
{
    static const enum proj_state py[] = {
        PS_OPERATING, PS_ASSETS_REGISTERED, PS_SETTLED, PS_ACCEPTED, PS_COMPLETED,
        PS_IMPLEMENTING, PS_ADJUSTED, PS_REJECTED, PS_ROLLED_OVER, PS_CANCELLED};
    static const unsigned pyw[] = {52, 10, 10, 8, 4, 2, 1, 5, 5, 3};
    static const enum proj_state cy[] = {
        PS_PROPOSED, PS_VILLAGE_PUBLICIZED, PS_TOWNSHIP_REVIEWED, PS_TOWNSHIP_PUBLICIZED,
        PS_COUNTY_ARGUED, PS_APPROVED, PS_PLANNED, PS_ADJUSTED, PS_IMPLEMENTING,
        PS_COMPLETED, PS_ACCEPTED, PS_SETTLED, PS_REJECTED, PS_ROLLED_OVER, PS_CANCELLED};
    static const unsigned cyw[] = {2, 2, 2, 2, 2, 4, 6, 2, 28, 26, 14, 4, 4, 3, 3};
    int n = projects_a_year(g->d) * rnd(g, 90, 110) / 100;
    /* Fixed kinds: the management fee, the microcredit interest and the
     * 以工代赈 projects (which take that year's 以工代赈 funds). */
    int nfixed = 3 + (int)g->d->nvills / 50;
    int k;

    for (k = 0; k < n; k++) {
        struct fproj *f = &g->pj[g->npj++];
        enum proj_state target = last_year ? py[rng_weighted(g->r, pyw, 10)]
                                           : cy[rng_weighted(g->r, cyw, 15)];

        memset(f, 0, sizeof(*f));
        f->t = pick_tmpl(g, k == 0 ? "8" : k == 1 ? "7" : k < nfixed ? "6" : pick_ptype(g));
        if (k < nfixed) {
            target = last_year ? PS_OPERATING : k % 2 ? PS_COMPLETED : PS_IMPLEMENTING;
        }
        if (f->t->aclass == NULL && target > PS_SETTLED && target <= PS_OPERATING) {
            target = PS_SETTLED;
        }
        place(g, f);
        fill_project(g, f, year);
        f->sim = PS_NONE;
        f->ryear = year;
        f->last = DATE_NONE;
        route(g, f, target, last_year);
    }
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
    return ptype_is(g, f, "industry");
}

static int
fits_xianjie_rest(struct fgen *g, const struct fproj *f)
{
    return !ptype_is(g, f, "industry") && !ptype_is(g, f, "mgmt_fee") &&
           !ptype_is(g, f, "workrelief");
}

static int
fits_workrelief(struct fgen *g, const struct fproj *f)
{
    return ptype_is(g, f, "workrelief");
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
    const struct rules *r = year_rules(g, year);
    const struct {
        const char *level;
        int cap;
    } caps[] = {
        {"1", r->mgmt_fee_central_bp}, {"2", r->mgmt_fee_provincial_bp},
    };
    size_t i, k;

    for (i = 0; i < n; i++) {
        if (!ptype_is(g, v[i], "mgmt_fee")) {
            continue;
        }
        for (k = 0; k < ARRAY_SIZE(caps); k++) {
            int64_t cap = money_bp_floor(received(g, year, SL_XIANJIE, caps[k].level),
                                         caps[k].cap);

            take(g, v[i], SL_XIANJIE, caps[k].level, part_of(cap, rnd(g, 600, 950), HUNDRED));
        }
    }
}

/* How much of a kind of funds of YEAR the plan gives out (per mille). */
static int
alloc_rate(struct fgen *g, int year)
{
    return year < g->d->year ? rnd(g, 960, 995) : rnd(g, 880, 960);
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
    int ind_bp = maxi(year_rules(g, year)->industry_min_bp, INDUSTRY_FLOOR_BP) + rnd(g, 300, 1200);
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

        for (k = 0; ptype_is(g, v[i], "mgmt_fee") && k < v[i]->nshares; k++) {
            mgmt += v[i]->shares[k].amount;
        }
    }
    ind = money_bp_floor(x, ind_bp);
    rest = part_of(x, alloc_rate(g, year), HUNDRED) - ind - mgmt;
    spread(g, v, n, SL_XIANJIE, ind, fits_industry);
    spread(g, v, n, SL_XIANJIE, rest > 0 ? rest : 0, fits_xianjie_rest);
    for (i = 0; i < ARRAY_SIZE(others); i++) {
        spread(g, v, n, others[i].slot,
               part_of(received(g, year, others[i].slot, NULL), alloc_rate(g, year), HUNDRED),
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
        p->self_funds = ptype_is(g, f, "industry") ? part_of(sum, rnd(g, 0, 200), HUNDRED) : 0;
        p->budget = sum + p->self_funds;
    }
    if (ptype_is(g, f, "workrelief")) {
        int min_bp = year_rules(g, f->fund_year != 0 ? f->fund_year : p->year)->wage_min_bp;

        p->workers = demo_clampi((int)(wr / (10 * WAN)) * rnd(g, 80, 120) / 100, 8, 400);
        p->workers_poor = p->workers * rnd(g, 450, 850) / 1000;
        p->person_days = p->workers * rnd(g, 40, 110);
        /* One in four pays a little less than the share. */
        f->wage_bp = g->nwage++ % 4 == 1 ? maxi(min_bp - rnd(g, 50, 300), 0)
                                         : min_bp + rnd(g, 200, 1200);
    }
    fill_texts(g, f);
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
    out = c % 19 == 5 ? date_add_workdays(cal, day, workdays + rnd(g, 11, 25))
                      : date_add_workdays(cal, day, rnd(g, 1, workdays - 1 > 1 ? workdays - 1 : 1));
    return out <= g->d->today ? out : DATE_NONE;
}

static int
publish_targets(struct fgen *g, struct fproj *f, int plan, struct err *e)
{
    int wd = year_rules(g, f->p.year)->targets_publish_workdays;

    f->p.targets_published_on = publish_day(g, &g->ntargets, plan, maxi(wd, 2));
    if (f->p.targets_published_on == DATE_NONE) {
        return 0;
    }
    return db_project_update(g->d->a->db, g->ctx, g->county, &f->p, e);
}

static int
allocate(struct fgen *g, struct fproj *f, struct err *e)
{
    struct made *m = f->made;
    int wd = maxi(year_rules(g, f->fund_year)->alloc_publish_workdays, 2);
    int plan = f->route[f->plan_step].day, i;

    for (i = 0; i < f->nshares; i++) {
        const struct rcpt *r = &g->rc[f->shares[i].rcpt];
        struct allocation al;
        int rc;

        allocation_init(&al);
        al.fund_id = r->id;
        al.project_id = f->p.id;
        al.amount = f->shares[i].amount;
        al.alloc_date = maxi(r->alloc_day, plan + rnd(g, 1, 10));
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

    lo = maxi(lo, m->day);
    hi = maxi(lo, mini(hi, g->d->today));
    for (k = 0; k < n; k++) {
        int day = mini(lo + (hi - lo) * (k + 1) / (n + 1) + rnd(g, -3, 3), hi);
        int64_t x = k == n - 1 ? left : part_of(left, 1000 / (n - k) + rnd(g, -80, 80), YUAN);

        if (pay_one(g, m, maxi(day, lo), x, payee, wage, e)) {
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
        return rnd(g, 750, 950);
    case PS_ACCEPTED:
        return rnd(g, 880, 980);
    case PS_SETTLED:
        return rnd(g, 970, 1000);
    default:
        return rnd(g, 500, 900);
    }
}

static int
pay_project(struct fgen *g, struct fproj *f, struct err *e)
{
    const struct made *m = f->made;
    int nm = f->nmade;
    int start = step_day(f, PA_START), done = step_day(f, PA_COMPLETE);
    int accept = step_day(f, PA_ACCEPT), settle = step_day(f, PA_SETTLE);
    int work_end = done != DATE_NONE ? done : g->d->today;
    int i;

    for (i = 0; i < nm; i++) {
        int64_t total = part_of(m[i].amount, paid_permille(g, f->p.state), YUAN);
        int64_t wages = 0, progress;
        char crew[FUND_TEXT_BUF];

        if (m[i].slot == SL_WORKRELIEF) {
            wages = f->p.state >= PS_COMPLETED && f->p.state <= PS_SETTLED ? part_of(m[i].amount, f->wage_bp / 10, YUAN)
                                               : total / 2 / YUAN * YUAN;
            wages = wages < total ? wages : total;
            snprintf(crew, sizeof(crew), "%s务工群众（%d人）", place_of(g, f), f->p.workers);
            if (pay_parts(g, &m[i], start, work_end, rnd(g, 1, 3), wages, crew, 1, e)) {
                return -1;
            }
        }
        progress = accept != DATE_NONE ? part_of(total - wages, rnd(g, 600, 850), YUAN)
                                       : total - wages;
        if (pay_parts(g, &m[i], start, work_end, rnd(g, 1, 2), progress, f->payee, 0, e) ||
            (accept != DATE_NONE &&
             pay_parts(g, &m[i], accept, settle != DATE_NONE ? settle - 1 : g->d->today, 1,
                       total - wages - progress, f->payee, 0, e))) {
            return -1;
        }
    }
    return 0;
}

/* --- assets ------------------------------------------------------------ */

static void
owner_of_place(const struct fgen *g, struct asset *as, const struct dvill *v,
               size_t town)
{
    if (v != NULL) {
        snprintf(as->owner_level, sizeof(as->owner_level), "%s", "3");
        snprintf(as->owner, sizeof(as->owner), "%s股份经济合作联合社", v->name);
        snprintf(as->maintainer, sizeof(as->maintainer), "%s村民委员会", v->name);
    } else {
        snprintf(as->owner_level, sizeof(as->owner_level), "%s", "2");
        snprintf(as->owner, sizeof(as->owner), "%s人民政府", g->d->towns[town].name);
        snprintf(as->maintainer, sizeof(as->maintainer), "%s", as->owner);
    }
}

/* Who runs an operating asset, and how. */
static void
operator_of(struct fgen *g, struct asset *as, const struct dvill *v)
{
    static const char *const modes[] = {"1", "2", "3", "4", "5"};
    static const unsigned w[] = {20, 30, 20, 20, 10};
    const char *mode = modes[rng_weighted(g->r, w, 5)];

    /* A photovoltaic station: run by the village or in trust. */
    if (strcmp(as->atype, "24") == 0) {
        mode = rng_chance(g->r, 600) ? "1" : "4";
    }
    snprintf(as->op_mode, sizeof(as->op_mode), "%s", mode);
    if (strcmp(mode, "1") == 0) {
        snprintf(as->operator_, sizeof(as->operator_), "%s", as->owner);
    } else if (strcmp(as->atype, "24") == 0) {
        firm_name(g, demo_energy_firms, demo_nenergy_firms, as->operator_,
                  sizeof(as->operator_));
    } else if (v != NULL && rng_chance(g->r, 500)) {
        snprintf(as->operator_, sizeof(as->operator_), "%s种养殖专业合作社", v->name);
    } else {
        firm_name(g, demo_agri_firms, demo_nagri_firms, as->operator_, sizeof(as->operator_));
    }
    snprintf(as->maintainer, sizeof(as->maintainer), "%s", as->operator_);
}

/* The record of an asset of class ACLASS, type ATYPE at V (NULL: the
 * township TOWN) for household H (NULL: none). */
static void
asset_base(struct fgen *g, struct asset *as, const char *aclass,
           const char *atype, struct dvill *v, size_t town, const struct dhh *h)
{
    asset_init(as);
    snprintf(as->aclass, sizeof(as->aclass), "%s", aclass);
    snprintf(as->atype, sizeof(as->atype), "%s", atype);
    as->township_id = g->d->towns[town].id;
    as->village_id = v != NULL ? v->id : 0;
    snprintf(as->status, sizeof(as->status), "%s", "1");
    owner_of_place(g, as, v, town);
    if (h != NULL) {
        as->household_id = h->id;
        snprintf(as->owner_level, sizeof(as->owner_level), "%s", "4");
        snprintf(as->owner, sizeof(as->owner), "%s", h->head);
        snprintf(as->maintainer, sizeof(as->maintainer), "%s", h->head);
        as->hh_benefit = 1;
        as->hh_monitored = h->monitored;
        as->hh_poor = h->former_poor && !h->monitored;
    } else if (strcmp(aclass, "2") == 0) {
        operator_of(g, as, v);
    }
}

static void
add_source(struct asset *as, const char *fund_type, int64_t amount)
{
    int i;

    for (i = 0; i < as->nsrc; i++) {
        if (strcmp(as->src[i].fund_type, fund_type) == 0) {
            as->src[i].amount += amount;
            return;
        }
    }
    if (as->nsrc < ASSET_SOURCES && amount > 0) {
        snprintf(as->src[as->nsrc].fund_type, sizeof(as->src[0].fund_type), "%s", fund_type);
        as->src[as->nsrc++].amount = amount;
    }
}

/* Store AS of YEAR, completed on COMPLETED and publicized a little after
 * LISTED. */
static int
save_asset(struct fgen *g, struct asset *as, int year, int completed,
           int listed, struct err *e)
{
    as->year = year;
    /* The ledger's own numbering (ZC2025-0001, db_fund.c), given here so
     * that thousands of assets need not each look for the last. */
    snprintf(as->asset_no, sizeof(as->asset_no), "ZC%04d-%04d", year,
             ++g->asset_seq[demo_clampi(year - 2000, 0, 100)] % 10000);
    as->completed_on = completed;
    as->publicized_on = listed + rnd(g, 5, 30);
    if (as->publicized_on > g->d->today) {
        as->publicized_on = DATE_NONE;
    }
    snprintf(as->archive_no, sizeof(as->archive_no), "DA%d-%04ld", year,
             ++g->narchive % 10000);
    if (strcmp(as->aclass, "1") == 0) {
        int64_t v = 0;
        int i;

        for (i = 0; i < as->nsrc; i++) {
            v += as->src[i].amount;
        }
        as->upkeep = part_of(v, rnd(g, 5, 20), HUNDRED);
    }
    if (db_asset_save(g->d->a->db, g->ctx, g->county, as, e)) {
        return -1;
    }
    g->d->st->assets++;
    return 0;
}

/* The assets of F before its hand-over, worth what was allocated to it:
 * one for the place, or one for each household linked. */
static int
project_assets(struct fgen *g, struct fproj *f, struct err *e)
{
    const struct made *m = f->made;
    int nm = f->nmade;
    int per = class_is(f->t, "3") && f->nlinks > 0 ? f->nlinks : 1;
    int k, i, rc = 0;

    for (k = 0; k < per && rc == 0; k++) {
        const struct dhh *h = class_is(f->t, "3") && f->nlinks > 0
                              ? &f->vill->kept[f->links[k]] : NULL;
        struct asset as;

        asset_base(g, &as, f->t->aclass, f->t->atype, f->vill, f->town, h);
        as.project_id = f->p.id;
        for (i = 0; i < nm; i++) {
            int64_t x = m[i].amount / per / YUAN * YUAN;

            add_source(&as, slot_type[m[i].slot],
                       k == per - 1 ? m[i].amount - x * (per - 1) : x);
        }
        if (nm == 0) {
            add_source(&as, "99", f->p.budget / per);
        }
        if (h != NULL) {
            snprintf(as.name, sizeof(as.name), "%s", f->t->asset);
            snprintf(as.scale, sizeof(as.scale), "1%s", f->t->unit);
        } else {
            snprintf(as.name, sizeof(as.name), "%s%s", place_of(g, f), f->t->asset);
            snprintf(as.scale, sizeof(as.scale), "%d%s", f->scale, f->t->unit);
            as.hh_benefit = f->p.hh_benefit;
            as.hh_poor = f->p.hh_poor;
            as.hh_monitored = f->p.hh_monitored;
        }
        rc = save_asset(g, &as, f->p.year, step_day(f, PA_COMPLETE),
                        step_day(f, PA_REGISTER_ASSETS), e);
        asset_clear(&as);
    }
    return rc;
}

/* Store F's steps from where it stands up to the first step UNTIL (not
 * taken; PA_COUNT: to the end), the allocations after its funded plan. */
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
        project_assets(g, f, e)) {
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

/* --- older assets -------------------------------------------------- */

/* The fund types of assets formed in YEAR: 统筹整合 (and bonds) before
 * 衔接资金 began in 2021. */
static const char *
old_source(struct fgen *g, int year)
{
    static const char *const before[] = {"02", "07", "03", "04", "06"};
    static const unsigned bw[] = {70, 10, 10, 5, 5};
    static const char *const since[] = {"01", "02", "03", "04"};
    static const unsigned sw[] = {70, 15, 10, 5};

    return year < 2021 ? before[rng_weighted(g->r, bw, 5)] : since[rng_weighted(g->r, sw, 4)];
}

static int
old_year(struct fgen *g)
{
    int last = g->d->year - 2, r = rnd(g, 0, 99), y;

    y = r < 15 ? rnd(g, 2013, 2015) : r < 85 || last < 2021 ? rnd(g, 2016, 2020)
                                                            : rnd(g, 2021, last);
    return maxi(mini(y, last), 2000);
}

/* Counted, so each demo has them: a few idle or damaged, a couple
 * disposed of. */
static void
old_status(struct fgen *g, struct asset *as)
{
    static const char *const reasons[] = {
        "受汛期山洪影响，设施严重损毁，经评估已无修复价值，按程序报废",
        "长期闲置，经村民代表大会同意公开转让，转让收入归村集体所有，继续用于巩固衔接",
        "受灾死亡，经核实按程序报损",
    };
    static const char *const methods[] = {"4", "1", "3"};
    long c = g->nold++;
    int cls = as->aclass[0] - '1', first = date_from_ymd(as->year + 2, 1, 1);

    if (c % 37 == 19 && g->disposed < g->max_disposed && first < g->d->today - 30) {
        g->disposed++;
        snprintf(as->status, sizeof(as->status), "%s", "4");
        snprintf(as->disposal, sizeof(as->disposal), "%s", methods[cls]);
        as->disposal_date = first + rnd(g, 0, g->d->today - 30 - first);
        doc_no(g, DOC_DISPOSAL, date_year(as->disposal_date), as->disposal_doc,
               sizeof(as->disposal_doc));
        as->disposal_reason = xstrdup(reasons[cls]);
        as->disposal_amount = cls == 1 ? part_of(as->src[0].amount, rnd(g, 300, 600), HUNDRED)
                                       : 0;
    } else if (c % 23 == 7) {
        snprintf(as->status, sizeof(as->status), "%s", "2");
    } else if (c % 29 == 11 && cls != 2) {
        snprintf(as->status, sizeof(as->status), "%s", "3");
    }
}

/* The yearly income of operating asset AS up to last year (not while
 * idle, not after its disposal). */
static int
old_income(struct fgen *g, const struct asset *as, const struct dvill *v,
           struct err *e)
{
    int last = g->d->year - 1, y;
    int rate = strcmp(as->atype, "24") == 0 ? rnd(g, 70, 110) : rnd(g, 30, 80);

    if (as->status[0] == '2') {
        last -= 2;
    } else if (as->status[0] == '4') {
        last = date_year(as->disposal_date) - 1;
    }
    for (y = as->year + 1; y <= last; y++) {
        struct asset_income in;
        int rc;

        asset_income_init(&in);
        in.asset_id = as->id;
        in.year = y;
        in.income = part_of(as->value, rate + rnd(g, -10, 10), YUAN);
        in.to_households = part_of(in.income, rnd(g, 400, 550), YUAN);
        in.households = in.to_households > 0
                        ? maxi(1, v != NULL && v->npoor > 0 ? v->npoor * rnd(g, 300, 900) / 1000
                                                           : rnd(g, 15, 80))
                        : 0;
        in.to_village = part_of(in.income, rnd(g, 250, 350), YUAN);
        in.to_upkeep = part_of(in.income, rnd(g, 30, 100), YUAN);
        in.dist_date = mini(date_from_ymd(y + 1, 1, rnd(g, 10, 28)), g->d->today);
        in.use_note = xstrdup(demo_pick(g->d, demo_income_uses, demo_nincome_uses));
        rc = db_asset_income_save(g->d->a->db, g->ctx, g->county, &in, e);
        asset_income_clear(&in);
        if (rc) {
            return -1;
        }
        g->d->st->incomes++;
    }
    return 0;
}

static int
old_asset(struct fgen *g, const struct demo_atmpl *t, struct dvill *v,
          size_t town, struct err *e)
{
    const struct dhh *h = NULL;
    struct asset as;
    int year = old_year(g), rc, done, scale = rnd(g, t->lo, t->hi);
    int64_t value = (int64_t)rnd(g, t->min_yuan, t->max_yuan) * YUAN;

    if (strcmp(t->aclass, "3") == 0) {
        h = &v->kept[rng_below(g->r, (uint32_t)v->nkept)];
    }
    asset_base(g, &as, t->aclass, t->atype, v, town, h);
    snprintf(as.name, sizeof(as.name), "%s%s", h != NULL ? "" : v != NULL ? v->name
                                                  : g->d->towns[town].name, t->name);
    snprintf(as.scale, sizeof(as.scale), "%d%s", scale, t->unit);
    value = value >= 100000 * YUAN ? value / HUNDRED * HUNDRED : value;
    if (h == NULL) {
        as.hh_benefit = v != NULL ? maxi(v->nhh * rnd(g, 400, 1000) / 1000, 5) : rnd(g, 200, 900);
        as.hh_poor = as.hh_benefit * (v != NULL && v->nhh > 0 ? v->npoor * 100 / v->nhh : 30) / 100;
    }
    if (rng_chance(g->r, 300)) {
        int64_t second = part_of(value, rnd(g, 100, 400), YUAN);

        add_source(&as, old_source(g, year), value - second);
        add_source(&as, old_source(g, year), second);
    } else {
        add_source(&as, old_source(g, year), value);
    }
    as.year = year;
    old_status(g, &as);
    done = date_from_ymd(year, rnd(g, 5, 12), rnd(g, 1, 28));
    rc = save_asset(g, &as, year, done, done, e);
    if (rc == 0 && strcmp(t->aclass, "2") == 0) {
        rc = old_income(g, &as, v, e);
    }
    asset_clear(&as);
    return rc;
}

static const struct demo_atmpl *
pick_atmpl(struct fgen *g, const struct demo_atmpl *v, size_t n)
{
    unsigned w[64];
    size_t i;

    for (i = 0; i < n && i < 64; i++) {
        w[i] = v[i].weight;
    }
    return &v[rng_weighted(g->r, w, i)];
}

static int
gen_old_assets(struct fgen *g, struct err *e)
{
    struct demo *d = g->d;
    size_t i;
    int k, n;

    for (i = 0; i < d->nvills; i++) {
        struct dvill *v = &d->vills[i];

        for (n = rnd(g, 3, 6), k = 0; k < n; k++) {
            const struct demo_atmpl *t = pick_atmpl(g, demo_village_assets,
                                                    demo_nvillage_assets);

            if ((strcmp(t->aclass, "3") != 0 || v->nkept > 0) &&
                old_asset(g, t, v, v->town, e)) {
                return -1;
            }
        }
    }
    for (i = 0; i < d->ntowns; i++) {
        for (n = rnd(g, 1, 2), k = 0; k < n; k++) {
            if (old_asset(g, pick_atmpl(g, demo_township_assets, demo_ntownship_assets),
                          NULL, i, e)) {
                return -1;
            }
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
    g->apj = 2 * (size_t)projects_a_year(d) * 11 / 10 + 2;
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
        plan_projects(&g, d->year - 1, 1);
        plan_projects(&g, d->year, 0);
        number_docs(&g);
        plan_money(&g, d->year - 1);
        plan_money(&g, d->year);
        for (i = 0; i < g.npj; i++) {
            settle_budget(&g, &g.pj[i]);
        }
    }
    if (rc == 0) {
        rc = run_projects(&g, e) || gen_old_assets(&g, e) ? -1 : 0;
    }
    fgen_release(&g);
    return rc ? -1 : 0;
}

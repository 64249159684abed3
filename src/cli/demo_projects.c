/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * demo_projects.c - the demo's projects of a year (domain.md 6.4): what
 * each is (a kind of project of its type, its place, the households it
 * benefits, its texts) and its route through the pool's lifecycle, step
 * by step with their dates and documents, up to the state drawn for it.
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

/* --- routes ------------------------------------------------------- */

static int
pub_days(struct fgen *g, const struct fproj *f)
{
    return fg_maxi(fg_year_rules(g, f->ryear)->project_publicity_min_days, 1) + fg_rnd(g, 0, 3);
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
    return f->last + fg_rnd(g, lo, hi);
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
        return fg_rnd(g, 150, 240);
    }
    return fg_ptype_is(g, f, "industry") ? fg_rnd(g, 120, 240) : fg_rnd(g, 90, 210);
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

    if (push(g, f, PA_PLAN, fg_maxi(anchor, after(g, f, 5, 20)), 0, NULL) ||
        target == PS_PLANNED) {
        return;
    }
    if (target == PS_CANCELLED) {
        push(g, f, PA_CANCEL, after(g, f, 20, 90), 0,
             demo_pick(g->d, &demo_cancel_reasons));
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
                     demo_pick(g->d, &demo_adjust_reasons)) ||
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
    return date_from_ymd(year - 1, 9, 1) + fg_rnd(g, 0, 70);
}

static int
plan_day(struct fgen *g, int year)
{
    return date_from_ymd(year, 2, 20) + fg_rnd(g, 0, 70);
}

static void
route_rejected(struct fgen *g, struct fproj *f)
{
    enum proj_state stage = (enum proj_state)fg_rnd(g, PS_PROPOSED, PS_COUNTY_ARGUED);

    if (route_pool(g, f, pool_day(g, f->ryear), stage) == 0) {
        push(g, f, PA_REJECT, after(g, f, 2, 15), 0,
             demo_pick(g->d, &demo_reject_reasons));
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
        push(g, f, PA_ROLL_OVER, fg_maxi(date_from_ymd(year, 10, 20), after(g, f, 10, 30)) +
             fg_rnd(g, 0, 50), 0,
             demo_pick(g->d, &demo_rollover_reasons)) ||
        !last_year) {
        return;
    }
    r = fg_rnd(g, 0, 99);
    if (r < 60) {
        route_work(g, f, plan_day(g, f->ryear), next[rng_weighted(g->r, w, 3)]);
    } else if (r < 75) {
        push(g, f, PA_CANCEL, after(g, f, 60, 150), 0,
             demo_pick(g->d, &demo_cancel_reasons));
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
        route_pool(g, f, g->d->today - fg_rnd(g, 3, 70), target);
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
                 demo_pick(g->d, &demo_cancel_reasons));
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
int
fg_step_day(const struct fproj *f, enum proj_action action)
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
void
fg_number_docs(struct fgen *g)
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
            fg_doc_no(g, s->action == PA_ACCEPT ? DOC_ACCEPT : DOC_POOL, date_year(s->day),
                   s->doc, sizeof(s->doc));
        } else {
            snprintf(s->doc, sizeof(s->doc), "%s", fg_batch_doc(g, s->action, DOC_POOL, s->day));
        }
    }
    free(v);
}

/* --- the projects of a year ------------------------------------------ */

/* Dozens of projects a year, more with more villages (domain.md 11). */
int
fg_projects_a_year(const struct demo *d)
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
        } while (fg_class_is(f->t, "3") && f->vill->nkept < 5 && ++tries < 50);
        /* Too few households anywhere: a village road instead. */
        while (fg_class_is(f->t, "3") && f->vill->nkept < 5) {
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
    int targeted = fg_ptype_is(g, f, "industry") || fg_class_is(f->t, "3");

    f->nlinks = 0;
    if (v == NULL || v->nkept == 0) {
        return;
    }
    want = fg_mini(fg_class_is(f->t, "3") ? f->scale : fg_rnd(g, 3, 8), fg_mini(v->nkept, MAX_LINKS));
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
    if (fg_class_is(f->t, "3")) {
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

    if (fg_ptype_is(g, f, "mgmt_fee")) {
        return;
    }
    place_counts(g, f, &hh, &poor, &mon);
    if (hh == 0) {
        hh = fg_rnd(g, 60, 200);
        poor = hh * 3 / 10;
        mon = hh / 30;
    }
    for (k = 0; k < f->nlinks; k++) {
        const struct dhh *h = &f->vill->kept[f->links[k]];

        lpoor += h->former_poor && !h->monitored;
        lmon += h->monitored;
    }
    share = fg_class_is(f->t, "3") ? 0
            : f->t->level == 'c' ? fg_rnd(g, 50, 250)
            : fg_ptype_is(g, f, "industry") ? fg_rnd(g, 150, 600) : fg_rnd(g, 500, 1000);
    p->hh_benefit = fg_maxi(fg_maxi(f->nlinks, hh * share / 1000), fg_class_is(f->t, "3") ? 1 : 5);
    p->hh_monitored = fg_maxi(lmon, (int)((int64_t)p->hh_benefit * mon / hh));
    p->hh_poor = fg_maxi(lpoor, fg_mini((int)((int64_t)p->hh_benefit * poor / hh) *
                                  (share < 600 ? 12 : 10) / 10,
                                  p->hh_benefit - p->hh_monitored));
    p->hh_benefit = fg_maxi(p->hh_benefit, p->hh_poor + p->hh_monitored);
    p->persons_benefit = p->hh_benefit * fg_rnd(g, 28, 38) / 10;
    p->persons_poor = p->hh_poor * fg_rnd(g, 28, 38) / 10;
    p->persons_monitored = p->hh_monitored * fg_rnd(g, 25, 35) / 10;
    p->persons_benefit = fg_maxi(p->persons_benefit, p->persons_poor + p->persons_monitored);
    /* The county's subsidies: the content counts whom they reach. */
    if (f->t->level == 'c' && strcmp(f->t->unit, "户") == 0) {
        f->scale = p->hh_benefit;
    } else if (f->t->level == 'c' && strcmp(f->t->unit, "人") == 0) {
        f->scale = p->persons_benefit;
    }
}

void
fg_fill_texts(struct fgen *g, struct fproj *f)
{
    struct project *p = &f->p;
    const struct demo_ptmpl *t = f->t;
    int targeted = p->hh_poor + p->hh_monitored;
    char buf[1024];

    snprintf(buf, sizeof(buf), "%s%d%s%s", t->what, f->scale, t->unit, t->rest);
    p->content = xstrdup(buf);
    if (fg_class_is(t, "3")) {
        snprintf(buf, sizeof(buf),
                 "资产确权到户，由受益户自主经营，统一提供技术指导和产品销售服务，带动%d户户均年增收%d元以上",
                 fg_maxi(targeted, 1), fg_rnd(g, 10, 40) * 100);
    } else if (fg_ptype_is(g, f, "industry")) {
        snprintf(buf, sizeof(buf),
                 "采取%s模式，优先吸纳脱贫户和监测户务工，带动%d户脱贫户和监测户户均年增收%d元以上；资产收益的%d%%用于脱贫户、监测户分红和村级公益事业",
                 demo_pick(g->d, &demo_linking_modes),
                 fg_maxi(targeted, 1), fg_rnd(g, 8, 30) * 100, fg_rnd(g, 30, 60));
    } else if (fg_ptype_is(g, f, "workrelief")) {
        snprintf(buf, sizeof(buf),
                 "以工代赈方式组织当地群众务工，发放劳务报酬，带动%d名脱贫群众和监测对象务工增收",
                 p->workers_poor);
    } else if (strcmp(t->ptype, "2") == 0) {
        snprintf(buf, sizeof(buf), "优先安排脱贫劳动力和监测对象就业，带动%d人稳定增收",
                 fg_maxi(p->persons_poor + p->persons_monitored, 1));
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

    if (fg_class_is(f->t, "1")) {
        fg_firm_name(g, &demo_builders, f->payee, sizeof(f->payee));
    } else if (fg_class_is(f->t, "2") && f->vill != NULL && rng_chance(g->r, 500)) {
        snprintf(f->payee, sizeof(f->payee), "%s种养殖专业合作社", f->vill->name);
    } else if (f->t->aclass != NULL) {
        fg_firm_name(g, &demo_agri_firms, f->payee, sizeof(f->payee));
    } else if (strcmp(t, "7") == 0) {
        snprintf(f->payee, sizeof(f->payee), "%.60s农村商业银行", g->d->a->county);
    } else if (strcmp(t, "8") == 0) {
        snprintf(f->payee, sizeof(f->payee), "%.60s%s%s工程咨询有限公司", g->d->a->county,
                 demo_pick(g->d, &demo_firm_chars),
                 demo_pick(g->d, &demo_firm_chars));
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
        snprintf(p->name, sizeof(p->name), "%s%s", fg_place_of(g, f), t->suffix);
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
    p->period_start = date_from_ymd(year, 4, 1) + fg_rnd(g, 0, 60);
    p->period_end = p->period_start + fg_rnd(g, 150, 270);
    f->scale = fg_rnd(g, t->lo, t->hi);
    f->w = fg_rnd(g, t->min_wan, t->max_wan) * WAN;
    p->budget = f->w;
    choose_links(g, f);
    fill_benefit(g, f);
    fill_payee(g, f);
}

/* Draw the projects of YEAR (last year's when LAST_YEAR) and their
 * routes. */
void
fg_plan_projects(struct fgen *g, int year, int last_year)
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
    int n = fg_projects_a_year(g->d) * fg_rnd(g, 90, 110) / 100;
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

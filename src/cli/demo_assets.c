/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * demo_assets.c - the demo's assets (domain.md 7): those the projects
 * handed over, and older ones formed before the years the projects
 * cover, with their owners, operators, fund sources and yearly income.
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
        fg_firm_name(g, &demo_energy_firms, as->operator_,
                  sizeof(as->operator_));
    } else if (v != NULL && rng_chance(g->r, 500)) {
        snprintf(as->operator_, sizeof(as->operator_), "%s种养殖专业合作社", v->name);
    } else {
        fg_firm_name(g, &demo_agri_firms, as->operator_, sizeof(as->operator_));
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
    as->publicized_on = listed + fg_rnd(g, 5, 30);
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
        as->upkeep = fg_part_of(v, fg_rnd(g, 5, 20), HUNDRED);
    }
    if (db_asset_save(g->d->a->db, g->ctx, g->county, as, e)) {
        return -1;
    }
    g->d->st->assets++;
    return 0;
}

/* The assets of F before its hand-over, worth what was allocated to it:
 * one for the place, or one for each household linked. */
int
fg_project_assets(struct fgen *g, struct fproj *f, struct err *e)
{
    const struct made *m = f->made;
    int nm = f->nmade;
    int per = fg_class_is(f->t, "3") && f->nlinks > 0 ? f->nlinks : 1;
    int k, i, rc = 0;

    for (k = 0; k < per && rc == 0; k++) {
        const struct dhh *h = fg_class_is(f->t, "3") && f->nlinks > 0
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
            snprintf(as.name, sizeof(as.name), "%s%s", fg_place_of(g, f), f->t->asset);
            snprintf(as.scale, sizeof(as.scale), "%d%s", f->scale, f->t->unit);
            as.hh_benefit = f->p.hh_benefit;
            as.hh_poor = f->p.hh_poor;
            as.hh_monitored = f->p.hh_monitored;
        }
        rc = save_asset(g, &as, f->p.year, fg_step_day(f, PA_COMPLETE),
                        fg_step_day(f, PA_REGISTER_ASSETS), e);
        asset_clear(&as);
    }
    return rc;
}

/* Store F's steps from where it stands up to the first step UNTIL (not
 * taken; PA_COUNT: to the end), the allocations after its funded plan. */
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
    int last = g->d->year - 2, r = fg_rnd(g, 0, 99), y;

    y = r < 15 ? fg_rnd(g, 2013, 2015) : r < 85 || last < 2021 ? fg_rnd(g, 2016, 2020)
                                                            : fg_rnd(g, 2021, last);
    return fg_maxi(fg_mini(y, last), 2000);
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
        as->disposal_date = first + fg_rnd(g, 0, g->d->today - 30 - first);
        fg_doc_no(g, DOC_DISPOSAL, date_year(as->disposal_date), as->disposal_doc,
               sizeof(as->disposal_doc));
        as->disposal_reason = xstrdup(reasons[cls]);
        as->disposal_amount = cls == 1 ? fg_part_of(as->src[0].amount, fg_rnd(g, 300, 600), HUNDRED)
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
    int rate = strcmp(as->atype, "24") == 0 ? fg_rnd(g, 70, 110) : fg_rnd(g, 30, 80);

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
        in.income = fg_part_of(as->value, rate + fg_rnd(g, -10, 10), YUAN);
        in.to_households = fg_part_of(in.income, fg_rnd(g, 400, 550), YUAN);
        in.households = in.to_households > 0
                        ? fg_maxi(1, v != NULL && v->npoor > 0 ? v->npoor * fg_rnd(g, 300, 900) / 1000
                                                           : fg_rnd(g, 15, 80))
                        : 0;
        in.to_village = fg_part_of(in.income, fg_rnd(g, 250, 350), YUAN);
        in.to_upkeep = fg_part_of(in.income, fg_rnd(g, 30, 100), YUAN);
        in.dist_date = fg_mini(date_from_ymd(y + 1, 1, fg_rnd(g, 10, 28)), g->d->today);
        in.use_note = xstrdup(demo_pick(g->d, &demo_income_uses));
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
    int year = old_year(g), rc, done, scale = fg_rnd(g, t->lo, t->hi);
    int64_t value = (int64_t)fg_rnd(g, t->min_yuan, t->max_yuan) * YUAN;

    if (strcmp(t->aclass, "3") == 0) {
        h = &v->kept[rng_below(g->r, (uint32_t)v->nkept)];
    }
    asset_base(g, &as, t->aclass, t->atype, v, town, h);
    snprintf(as.name, sizeof(as.name), "%s%s", h != NULL ? "" : v != NULL ? v->name
                                                  : g->d->towns[town].name, t->name);
    snprintf(as.scale, sizeof(as.scale), "%d%s", scale, t->unit);
    value = value >= 100000 * YUAN ? value / HUNDRED * HUNDRED : value;
    if (h == NULL) {
        as.hh_benefit = v != NULL ? fg_maxi(v->nhh * fg_rnd(g, 400, 1000) / 1000, 5) : fg_rnd(g, 200, 900);
        as.hh_poor = as.hh_benefit * (v != NULL && v->nhh > 0 ? v->npoor * 100 / v->nhh : 30) / 100;
    }
    if (rng_chance(g->r, 300)) {
        int64_t second = fg_part_of(value, fg_rnd(g, 100, 400), YUAN);

        add_source(&as, old_source(g, year), value - second);
        add_source(&as, old_source(g, year), second);
    } else {
        add_source(&as, old_source(g, year), value);
    }
    as.year = year;
    old_status(g, &as);
    done = date_from_ymd(year, fg_rnd(g, 5, 12), fg_rnd(g, 1, 28));
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

int
fg_gen_old_assets(struct fgen *g, struct err *e)
{
    struct demo *d = g->d;
    size_t i;
    int k, n;

    for (i = 0; i < d->nvills; i++) {
        struct dvill *v = &d->vills[i];

        for (n = fg_rnd(g, 3, 6), k = 0; k < n; k++) {
            const struct demo_atmpl *t = pick_atmpl(g, demo_village_assets,
                                                    demo_nvillage_assets);

            if ((strcmp(t->aclass, "3") != 0 || v->nkept > 0) &&
                old_asset(g, t, v, v->town, e)) {
                return -1;
            }
        }
    }
    for (i = 0; i < d->ntowns; i++) {
        for (n = fg_rnd(g, 1, 2), k = 0; k < n; k++) {
            if (old_asset(g, pick_atmpl(g, demo_township_assets, demo_ntownship_assets),
                          NULL, i, e)) {
                return -1;
            }
        }
    }
    return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * meter.c - the funds meters (see meter.h).  Pure arithmetic in fen and
 * basis points; the comparisons are exact.
 */
#include "config.h"
#include "core/meter.h"

#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "core/money.h"
#include "util/array.h"
#include "util/i18n.h"

static const char *const labels[METER_COUNT] = {
    N_("allocation rate"),
    N_("payment progress"),
    N_("industry share"),
    N_("management fee"),
    N_("work-relief wage share"),
};

const char *
meter_label(enum meter_id id)
{
    return (unsigned)id < METER_COUNT ? _(labels[id]) : "?";
}

int64_t
money_bp_floor(int64_t fen, int bp)
{
    return fen / 10000 * bp + fen % 10000 * bp / 10000;
}

int64_t
money_bp_ceil(int64_t fen, int bp)
{
    int64_t whole = fen / 10000 * bp, rest = fen % 10000 * bp;

    return whole + rest / 10000 + (rest % 10000 != 0);
}

int
meter_pay_target(const struct rules *r, int year, int day)
{
    int i, target = 0;

    for (i = 0; i < r->npay_ms; i++) {
        int md = r->pay_ms_mmdd[i];
        int due = date_from_ymd(year, md / 100, md % 100);

        if (due != DATE_NONE && due <= day && r->pay_ms_bp[i] > target) {
            target = r->pay_ms_bp[i];
        }
    }
    return target;
}

static void
meter_base(struct meter *m, int64_t part, int64_t whole)
{
    m->part = part;
    m->whole = whole;
    m->share_bp = money_share_bp(part, whole);
    m->target_bp = -1;
    m->is_cap = 0;
    m->bound = 0;
    m->gap = 0;
    m->status = whole > 0 ? MS_INFO : MS_NONE;
}

void
meter_min(struct meter *m, int64_t part, int64_t whole, int target_bp)
{
    meter_base(m, part, whole);
    m->target_bp = target_bp;
    m->bound = money_bp_ceil(whole, target_bp);
    if (whole > 0) {
        m->status = part >= m->bound ? MS_OK : MS_SHORT;
        m->gap = part >= m->bound ? 0 : m->bound - part;
    }
}

void
meter_cap(struct meter *m, int64_t part, int64_t whole, int target_bp)
{
    meter_base(m, part, whole);
    m->target_bp = target_bp;
    m->is_cap = 1;
    m->bound = money_bp_floor(whole, target_bp);
    if (whole > 0 || part > 0) {
        m->status = part <= m->bound ? MS_OK : MS_SHORT;
        m->gap = part <= m->bound ? 0 : part - m->bound;
    }
}

/* The distinct fund types of S, in order of first appearance. */
static size_t
fund_types(const struct fund_sums *s, size_t n, const char **out)
{
    size_t i, j, k = 0;

    for (i = 0; i < n; i++) {
        for (j = 0; j < k && strcmp(out[j], s[i].fund_type) != 0; j++) {
        }
        if (j == k) {
            out[k++] = s[i].fund_type;
        }
    }
    return k;
}

static struct meter *
next_meter(struct meter *out, size_t *k, size_t max, enum meter_id id,
           const char *type, const char *level)
{
    struct meter *m;

    if (*k >= max) {
        return NULL;
    }
    m = &out[(*k)++];
    memset(m, 0, sizeof(*m));
    m->id = id;
    snprintf(m->fund_type, sizeof(m->fund_type), "%s", type);
    snprintf(m->level, sizeof(m->level), "%s", level);
    return m;
}

/* Allocation rate and payment progress of each fund type. */
static void
per_type(const struct rules *r, int year, int day, const struct fund_sums *s,
         size_t n, struct meter *out, size_t *k, size_t max)
{
    const char *types[64];
    size_t nt = fund_types(s, n < 64 ? n : 64, types), t, i;

    for (t = 0; t < nt; t++) {
        int64_t rec = 0, alloc = 0, paid = 0;
        struct meter *m;

        for (i = 0; i < n; i++) {
            if (strcmp(s[i].fund_type, types[t]) == 0) {
                rec += s[i].received;
                alloc += s[i].allocated;
                paid += s[i].paid;
            }
        }
        if ((m = next_meter(out, k, max, METER_ALLOC, types[t], "")) != NULL) {
            meter_base(m, alloc, rec);
        }
        if ((m = next_meter(out, k, max, METER_PAY, types[t], "")) != NULL) {
            meter_min(m, paid, rec, meter_pay_target(r, year, day));
        }
    }
}

static const struct {
    const char *tag;
    size_t off;
} fee_caps[] = {
    {"central", offsetof(struct rules, mgmt_fee_central_bp)},
    {"provincial", offsetof(struct rules, mgmt_fee_provincial_bp)},
    {"city", offsetof(struct rules, mgmt_fee_city_bp)},
    {"county", offsetof(struct rules, mgmt_fee_county_bp)},
};

/* The industry share and the management fee of 衔接资金. */
static void
xianjie(const struct rules *r, const struct codebook *cb,
        const struct fund_sums *s, size_t n, struct meter *out, size_t *k,
        size_t max)
{
    int64_t rec = 0, ind = 0;
    size_t i, c;
    struct meter *m;

    for (i = 0; i < n; i++) {
        if (code_is(cb, "fund_type", s[i].fund_type, "xianjie")) {
            rec += s[i].received;
            ind += s[i].alloc_industry;
        }
    }
    if (rec > 0 && (m = next_meter(out, k, max, METER_INDUSTRY, "", "")) != NULL) {
        meter_min(m, ind, rec, r->industry_min_bp);
    }
    for (c = 0; c < ARRAY_SIZE(fee_caps); c++) {
        int64_t lrec = 0, fee = 0;
        const char *level = code_with_tag(cb, "fund_level", fee_caps[c].tag);
        int cap = *(const int *)(const void *)((const char *)r + fee_caps[c].off);

        for (i = 0; level != NULL && i < n; i++) {
            if (code_is(cb, "fund_type", s[i].fund_type, "xianjie") &&
                strcmp(s[i].level, level) == 0) {
                lrec += s[i].received;
                fee += s[i].alloc_mgmt;
            }
        }
        if ((lrec > 0 || fee > 0) &&
            (m = next_meter(out, k, max, METER_MGMT_FEE, "", level)) != NULL) {
            meter_cap(m, fee, lrec, cap);
        }
    }
}

static void
wages(const struct rules *r, const struct codebook *cb,
      const struct fund_sums *s, size_t n, struct meter *out, size_t *k,
      size_t max)
{
    int64_t alloc = 0, paid = 0;
    size_t i;
    struct meter *m;

    for (i = 0; i < n; i++) {
        if (code_is(cb, "fund_type", s[i].fund_type, "workrelief")) {
            alloc += s[i].allocated;
            paid += s[i].wages;
        }
    }
    if (alloc > 0 && (m = next_meter(out, k, max, METER_WAGE, "", "")) != NULL) {
        meter_min(m, paid, alloc, r->wage_min_bp);
    }
}

void
meter_batch_wages(struct meter *m, const struct rules *r, int64_t wages, int64_t allocated)
{
    int bp = r->wage_batch_min_bp > r->wage_min_bp ? r->wage_batch_min_bp : r->wage_min_bp;

    memset(m, 0, sizeof(*m));
    meter_min(m, wages, allocated, bp);
    m->id = METER_WAGE;
}

size_t
meter_compute(const struct rules *r, const struct codebook *cb, int year,
              int day, const struct fund_sums *s, size_t n, struct meter *out,
              size_t max)
{
    size_t k = 0;

    per_type(r, year, day, s, n, out, &k, max);
    xianjie(r, cb, s, n, out, &k, max);
    wages(r, cb, s, n, out, &k, max);
    return k;
}

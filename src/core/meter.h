/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * meter.h - the funds meters of one budget year (domain.md 6.3, 6.6),
 * computed from totals the database adds up (db_fund_sums) and the
 * numbers of the year's rules (share/policy/rules.conf):
 *
 *   allocation rate    allocated / received, per fund type (shown)
 *   payment progress   paid / received, per fund type, against the
 *                      milestone in force on the day (e.g. 75% by 09-30)
 *   industry share     衔接资金 allocated to industry projects /
 *                      衔接资金 received, at least industry_min
 *   management fee     衔接资金 allocated to 项目管理费 per level /
 *                      received at that level, at most the level's cap
 *   以工代赈 wages     wages paid / 以工代赈 funds allocated, at least
 *                      wage_min
 *
 * Every comparison is exact in fen (no rounding decides a pass); the
 * amount needed or allowed is rounded to the fen in the safe direction
 * (a minimum up, a cap down); shares are shown in basis points rounded
 * half up.
 */
#ifndef ZX_METER_H
#define ZX_METER_H

#include <stddef.h>
#include <stdint.h>

#include "core/codes.h"
#include "core/household.h"
#include "core/policy.h"

/* Totals of one year's receipts of one fund type at one level. */
struct fund_sums {
    char fund_type[CODE_BUF];
    char level[CODE_BUF];
    int64_t received;
    int64_t allocated;
    int64_t paid;
    int64_t alloc_industry;   /* allocated to projects tagged "industry" */
    int64_t alloc_mgmt;       /* allocated to projects tagged "mgmt_fee" */
    int64_t wages;            /* paid as labour remuneration (is_wage) */
};

enum meter_id {
    METER_ALLOC = 0,     /* 资金分配率 */
    METER_PAY,           /* 支付进度 */
    METER_INDUSTRY,      /* 产业发展占比 */
    METER_MGMT_FEE,      /* 项目管理费 */
    METER_WAGE,          /* 以工代赈 劳务报酬占比 */
    METER_COUNT
};

enum meter_status {
    MS_NONE = 0,         /* nothing to measure (no funds of the kind) */
    MS_INFO,             /* shown, no target */
    MS_OK,
    MS_SHORT,            /* below its minimum, or over its cap */
};

struct meter {
    enum meter_id id;
    char fund_type[CODE_BUF];   /* "" for all types */
    char level[CODE_BUF];       /* "" for all levels */
    int64_t part, whole;        /* fen */
    int64_t share_bp;           /* part / whole, rounded half up */
    int target_bp;              /* -1: none */
    int is_cap;                 /* the target is a maximum */
    int64_t bound;              /* the amount the target means, in fen */
    int64_t gap;                /* how far from it (0 when OK) */
    enum meter_status status;
};

/* FEN * BP / 10000 rounded down / up (BP >= 0, FEN >= 0). */
int64_t money_bp_floor(int64_t fen, int bp);
int64_t money_bp_ceil(int64_t fen, int bp);

/* The payment target (basis points) in force on DAY for funds of YEAR:
 * the highest milestone whose date in YEAR has come; 0 before the first;
 * every milestone after YEAR. */
int meter_pay_target(const struct rules *r, int year, int day);

/* The meters of YEAR from its totals S (N rows) under rules R, on DAY,
 * with the tags of CB ("xianjie", "workrelief" on fund types; "central",
 * "provincial", "city", "county" on levels).  OUT gets at most MAX
 * meters: per fund type an allocation rate and a payment progress, the
 * industry share, one management fee meter per level with a cap and
 * funds, and the 以工代赈 wage share; returns how many. */
size_t meter_compute(const struct rules *r, const struct codebook *cb,
                     int year, int day, const struct fund_sums *s, size_t n,
                     struct meter *out, size_t max);

/* A minimum / cap meter of PART in WHOLE against TARGET_BP. */
void meter_min(struct meter *m, int64_t part, int64_t whole, int target_bp);
void meter_cap(struct meter *m, int64_t part, int64_t whole, int target_bp);

/* The wage share of a designated 以工代赈 batch (domain.md 6.6): WAGES
 * paid as labour remuneration out of the batch's central funds ALLOCATED
 * to its completed projects, against the batch share of the rules R in
 * force when the batch was received (wage_batch_min, never less than
 * wage_min). */
void meter_batch_wages(struct meter *m, const struct rules *r, int64_t wages,
                       int64_t allocated);

/* The meter's name (translated): "支付进度" ... */
const char *meter_label(enum meter_id id);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * demo.h - a realistic synthetic county: townships and villages with
 * Chinese names, households and members with synthetic ID numbers (test
 * region 519901, valid check digits), incomes around the monitoring line,
 * monitoring cases in every state whose histories were produced by the
 * real procedure (core/rules.c case_apply), measures, visits, cadres and
 * staff accounts; fund receipts, projects through the pool's lifecycle,
 * allocations, payments and assets of this year and the last, and
 * older assets with their income (demo_funds.c); partners with their
 * pairings, agreements, targets and records, resident work teams with
 * their members, attendance and grades (demo_pair.c).  The same seed and
 * date give the same data.
 */
#ifndef ZX_DEMO_H
#define ZX_DEMO_H

#include <stdint.h>

#include "core/mcase.h"

struct app;
struct err;

struct demo_opts {
    long households;
    uint64_t seed;
    int date;            /* the day the data is as of */
};

struct demo_stats {
    long townships, villages, households, persons, cases;
    long by_state[CS_COUNT];
    /* the funds part */
    long receipts, projects, links, allocations, payments, assets, incomes;
    /* paired assistance */
    long partners, pairings, agreements, targets, records;
    long teams, members, rotations, attendance, grades;
};

/* Fill the open, freshly created county database of A. */
int demo_generate(struct app *a, const struct demo_opts *o,
                  struct demo_stats *st, struct err *e);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * demo_priv.h - what the two halves of the demo generator share: demo.c
 * (divisions, staff, households and their cases) and demo_funds.c
 * (receipts, projects, allocations, payments, assets).  The county being
 * built, its townships and villages with a sample of each village's
 * households, and the vocabulary helpers.  Only for src/cli/demo*.c.
 */
#ifndef ZX_DEMO_PRIV_H
#define ZX_DEMO_PRIV_H

#include <stddef.h>
#include <stdint.h>

#include "cli/demo.h"
#include "cli/demo_data.h"
#include "core/findings.h"
#include "core/household.h"
#include "core/role.h"
#include "core/rules.h"
#include "util/rng.h"
#include "util/sbuf.h"

#define MAX_GROUPS 6
#define DEMO_KEEP_HH 48       /* households of a village remembered */

/* A household of the registry, remembered for the funds part. */
struct dhh {
    int64_t id;
    char hh_no[HH_NO_BUF];
    char head[NAME_BUF];
    unsigned char former_poor, monitored;
};

struct dtown {
    int64_t id;
    char name[64];
    char code[32];
    struct actor staff;
};

struct dvill {
    int64_t id;
    size_t town;
    char name[64];
    char code[32];
    int64_t groups[MAX_GROUPS];
    int ngroups;
    int seq;
    int64_t cadre[2];
    char cadre_name[2][NAME_BUF];
    /* The registry's households here: counts, and the first few. */
    int nhh, npoor, nmonitored;
    struct dhh kept[DEMO_KEEP_HH];
    int nkept;
};

struct demo {
    struct app *a;
    struct rng r;
    int today, year;
    struct rule_ctx ctx;
    char county_code[16];
    struct dtown *towns;
    size_t ntowns;
    struct dvill *vills;
    size_t nvills;
    struct actor county;
    unsigned short *idseq;
    int id_first, id_days;
    unsigned *surname_w;
    struct findings scratch;      /* for the list's summaries */
    struct sbuf terms;
    size_t forced;               /* cases given a state in turn so far */
    struct hh_snapshot s;
    struct demo_stats *st;
};

int demo_clampi(int v, int lo, int hi);
/* One of the words of W, drawn from D's generator. */
const char *demo_pick(struct demo *d, const struct words *w);
/* A surname by its frequency; a given name of one or two characters. */
const char *demo_surname(struct demo *d);
void demo_person_name(struct demo *d, int male, const char *surname,
                      char *out, size_t n);
/* Two different place characters and SUFFIX (村, 镇...). */
void demo_place_name(struct demo *d, const char *suffix, char *out, size_t n);

/* The funds part (demo_funds.c): receipts, projects, allocations,
 * payments and assets of the year of D->today and the year before, and
 * the older assets, through the repositories of db/db_fund.h as the
 * county account; drawn from its own generator seeded with SEED, after
 * the households (whose transaction is committed). */
int demo_funds(struct demo *d, uint64_t seed, struct err *e);

/* The paired assistance (demo_pair.c): partners, pairings, agreements of
 * last year and this with their targets, records of arrivals; resident
 * teams of about a third of the villages with their members, monthly
 * attendance and last year's grades; through db/db_pair.h as the county
 * account, from a generator seeded with SEED, after the funds. */
int demo_pair(struct demo *d, uint64_t seed, struct err *e);

#endif

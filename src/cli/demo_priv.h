/*
 * demo_priv.h - what the parts of the demo generator share: the county
 * being built, its townships and villages, and the vocabulary helpers.
 * Only for src/cli/demo*.c.
 */
#ifndef ZX_DEMO_PRIV_H
#define ZX_DEMO_PRIV_H

#include <stddef.h>
#include <stdint.h>

#include "cli/demo.h"
#include "core/findings.h"
#include "core/household.h"
#include "core/role.h"
#include "core/rules.h"
#include "util/rng.h"
#include "util/sbuf.h"

#define MAX_GROUPS 6

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
/* One of the N words V, drawn from D's generator. */
const char *demo_pick(struct demo *d, const char *const *v, size_t n);
/* A surname by its frequency; a given name of one or two characters. */
const char *demo_surname(struct demo *d);
void demo_person_name(struct demo *d, int male, const char *surname,
                      char *out, size_t n);
/* Two different place characters and SUFFIX (村, 镇...). */
void demo_place_name(struct demo *d, const char *suffix, char *out, size_t n);

#endif

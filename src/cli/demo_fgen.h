/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * demo_fgen.h - what the parts of the demo's money trail share
 * (demo_funds.c: receipts, money, storing, the driver; demo_projects.c:
 * the projects of a year and their routes through the pool;
 * demo_assets.c: the projects' assets and older ones): the plan being
 * drawn (struct fgen) and its helpers.  Only for src/cli/demo_*.c.
 */
#ifndef ZX_DEMO_FGEN_H
#define ZX_DEMO_FGEN_H

#include <stddef.h>
#include <stdint.h>

#include "cli/demo_data.h"
#include "cli/demo_priv.h"
#include "core/funds.h"
#include "core/project.h"

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

/* demo_funds.c */
/* The document number of the step ACTION of a batch of projects on DAY
 * (one per batch, kept), of kind KIND. */
const char *fg_batch_doc(struct fgen *g, enum proj_action action, enum doc kind, int day);
/* 1 when template T forms an asset of class ACLASS. */
int fg_class_is(const struct demo_ptmpl *t, const char *aclass);
/* The next document number of KIND in YEAR into OUT (N bytes). */
void fg_doc_no(struct fgen *g, enum doc kind, int year, char *out, size_t n);
/* A firm's name: a place-like word and one of SUFFIXES into OUT. */
void fg_firm_name(struct fgen *g, const struct words *suffixes, char *out, size_t size);
/* The larger and the smaller of A and B. */
int fg_maxi(int a, int b);
int fg_mini(int a, int b);
/* PERMILLE of FEN, rounded down to a multiple of STEP. */
int64_t fg_part_of(int64_t fen, int permille, int64_t step);
/* The name of F's place: its village, or its township. */
const char *fg_place_of(const struct fgen *g, const struct fproj *f);
/* 1 when F's project type has TAG. */
int fg_ptype_is(const struct fgen *g, const struct fproj *f, const char *tag);
/* A number from LO to HI drawn from G's generator. */
int fg_rnd(struct fgen *g, int lo, int hi);
/* The rules in force for the demo county in YEAR. */
const struct rules *fg_year_rules(const struct fgen *g, int year);

/* demo_projects.c */
/* F's name, content, farmer-linking mechanism and targets. */
void fg_fill_texts(struct fgen *g, struct fproj *f);
/* Give the steps of every project their document numbers, in the
 * order of their days. */
void fg_number_docs(struct fgen *g);
/* Draw the projects of YEAR with their routes (none after LAST_YEAR's
 * end or today). */
void fg_plan_projects(struct fgen *g, int year, int last_year);
/* How many projects the demo county proposes a year. */
int fg_projects_a_year(const struct demo *d);
/* The day of F's step ACTION, or 0 when its route has none. */
int fg_step_day(const struct fproj *f, enum proj_action action);

/* demo_assets.c */
/* Store the assets formed before the years the projects cover, with
 * their yearly income. */
int fg_gen_old_assets(struct fgen *g, struct err *e);
/* Store the assets of F before its hand-over. */
int fg_project_assets(struct fgen *g, struct fproj *f, struct err *e);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_fund.h - the funds workspace's records in the database: fund
 * receipts, allocations and payments (db_fund.c), projects and their
 * history (db_project.c), assets and their yearly income (db_asset.c).
 * Each save is one transaction that checks role and scope (receipts,
 * allocations and payments are the county's: county staff and
 * administrators; projects and assets: anyone who writes, within the
 * scope), the record's own rules (core/funds.c), what
 * depends on other records - nothing is allocated beyond what a receipt
 * has left, nothing paid beyond what an allocation has left, a receipt
 * or an allocation is never cut below what has gone out of it - the
 * version loaded (ERR_CONFLICT when someone saved meanwhile), and writes
 * the audit rows.  On failure nothing is written and the record passed
 * in keeps its id and version.
 *
 * The lists return every row under a filter and the actor's scope: a
 * county has tens of receipts, hundreds of projects and a few thousand
 * assets a year, which the screens hold in memory.
 */
#ifndef ZX_DB_FUND_H
#define ZX_DB_FUND_H

#include <stddef.h>
#include <stdint.h>

#include "core/funds.h"
#include "core/meter.h"
#include "core/role.h"

struct db;
struct err;
struct rule_ctx;

#define PLACE_BUF 200

/* What the lists are narrowed to (0 / "" / -1: any). */
struct funds_filter {
    int year;
    int64_t township_id;
    int64_t village_id;
    char code[CODE_BUF];    /* fund_type / project_type / asset_class */
    int state;              /* enum proj_state, or -1 */
    int flagged;            /* only rows with a warning */
    int64_t fund_id;        /* receipts: that one alone */
};

void funds_filter_init(struct funds_filter *f);

/* --- receipts ---------------------------------------------------------- */

struct fund_row {
    struct fund f;          /* without the note */
    int64_t allocated, paid;
    int allocations;
    /* what the receipt's completed projects (完工 through 运营管护) got of
     * it, and were paid of that as labour remuneration: the wage share of
     * a designated 以工代赈 batch (meter_batch_wages) */
    int64_t done_alloc, done_wages;
};

int db_fund_get(struct db *db, int64_t id, struct fund *f, struct err *e);
/* Add (F->id == 0) or update receipt F. */
int db_fund_save(struct db *db, const struct rule_ctx *ctx,
                 const struct actor *a, struct fund *f, struct err *e);
/* Delete receipt ID (VERSION as loaded); refused while anything is
 * allocated from it. */
int db_fund_delete(struct db *db, const struct actor *a, int64_t id,
                   int64_t version, struct err *e);
int db_fund_list(struct db *db, const struct funds_filter *flt,
                 struct fund_row **v, size_t *n, struct err *e);
/* What receipt ID has left to allocate. */
int db_fund_available(struct db *db, int64_t id, int64_t *left,
                      struct err *e);

/* --- projects --------------------------------------------------------- */

/* Warnings on a project row. */
enum project_flag {
    PF_PUBLICITY_SHORT = 1 << 0, /* a publicity in its history under the minimum */
    PF_TARGETS_LATE = 1 << 1,    /* performance targets not published in time */
    PF_ALLOC_LATE = 1 << 2,      /* an allocation result not published in time */
    PF_WAGE_SHORT = 1 << 3,      /* 以工代赈 wages under the share (completed) */
    PF_NO_LINKING = 1 << 4,      /* industry project without 联农带农 */
    PF_OVER_PLAN = 1 << 5,       /* allocations and own funds over the planned
                                    investment (proj_over_plan) */
};

struct project_row {
    int64_t id;
    char proj_no[PROJ_NO_BUF];
    char name[FUND_TEXT_BUF];
    int year;
    char ptype[CODE_BUF];
    int64_t township_id, village_id;
    char place[PLACE_BUF];      /* 乡镇 or 乡镇/村 */
    enum proj_state state;
    int64_t budget, self_funds, allocated, paid, wages, workrelief;
    int last_step;              /* date of the last step */
    unsigned flags;             /* enum project_flag */
};

int db_project_get(struct db *db, int64_t id, struct project *p,
                   struct err *e);
/* A new project, proposed on DAY (its first step, 申报): state proposed;
 * an empty P->proj_no gets the next number of its year (2025-0001). */
int db_project_create(struct db *db, const struct rule_ctx *ctx,
                      const struct actor *a, struct project *p, int day,
                      const char *note, struct err *e);
/* Update project P's fields (not its state, which only steps change). */
int db_project_update(struct db *db, const struct rule_ctx *ctx,
                      const struct actor *a, struct project *p,
                      struct err *e);
/* Take step IN on project ID (VERSION as loaded): proj_apply() with the
 * project's history, payments and assets. */
int db_project_act(struct db *db, const struct rule_ctx *ctx,
                   const struct actor *a, int64_t id, int64_t version,
                   const struct proj_input *in, struct err *e);
/* The history of project ID, oldest first; free with proj_steps_free. */
int db_project_steps(struct db *db, int64_t id, struct proj_step **v,
                     size_t *n, struct err *e);
void proj_steps_free(struct proj_step *v, size_t n);
int db_project_list(struct db *db, const struct rule_ctx *ctx,
                    const struct actor *a, const struct funds_filter *flt,
                    struct project_row **v, size_t *n, struct err *e);
/* The rows of the projects IDS (N) the actor sees, in that order. */
int db_project_rows(struct db *db, const struct rule_ctx *ctx,
                    const struct actor *a, const int64_t *ids, size_t n,
                    struct project_row **v, size_t *got, struct err *e);

/* Beneficiary households from the registry: link household HH_NO to
 * project ID (audited); counts of the linked households, of which
 * 脱贫户 and monitored. */
int db_project_link(struct db *db, const struct actor *a, int64_t id,
                    const char *hh_no, int link, struct err *e);
int db_project_linked(struct db *db, const struct codebook *cb, int64_t id,
                      int *households, int *former_poor, int *monitored,
                      struct err *e);
/* The households linked to project ID, by number. */
struct linked_row {
    int64_t household_id;
    char hh_no[32];
    char head[96];
    char place[PLACE_BUF];
    char hh_type[CODE_BUF];
    int monitored;
};
int db_project_households(struct db *db, int64_t id, struct linked_row **v, size_t *n,
                          struct err *e);

/* --- allocations and payments ------------------------------------------ */

struct alloc_row {
    struct allocation a;       /* without the note */
    int fund_year;
    char fund_type[CODE_BUF], level[CODE_BUF];
    char fund_doc[FUND_DOC_BUF];
    char proj_no[PROJ_NO_BUF];
    char proj_name[FUND_TEXT_BUF];
    int64_t paid;
    enum pub_status pub;       /* of the allocation result */
};

struct payment_row {
    struct payment p;          /* without the note */
    char fund_doc[FUND_DOC_BUF];
};

int db_allocation_get(struct db *db, int64_t id, struct allocation *al,
                      struct err *e);
/* Add or update allocation AL: the project must be in the plan
 * (proj_state_fundable) and the receipt must have AL->amount left. */
int db_allocation_save(struct db *db, const struct rule_ctx *ctx,
                       const struct actor *a, struct allocation *al,
                       struct err *e);
int db_allocation_delete(struct db *db, const struct actor *a, int64_t id,
                         int64_t version, struct err *e);
/* The allocations of project PROJECT (FUND 0) or of receipt FUND. */
int db_allocation_list(struct db *db, const struct rule_ctx *ctx,
                       int64_t project, int64_t fund, struct alloc_row **v,
                       size_t *n, struct err *e);

int db_payment_get(struct db *db, int64_t id, struct payment *p,
                   struct err *e);
/* Add or update payment P: the project must be under way or later and
 * the allocation must have P->amount left. */
int db_payment_save(struct db *db, const struct rule_ctx *ctx,
                    const struct actor *a, struct payment *p, struct err *e);
int db_payment_delete(struct db *db, const struct actor *a, int64_t id,
                      int64_t version, struct err *e);
/* The payments of project PROJECT, by date. */
int db_payment_list(struct db *db, int64_t project, struct payment_row **v,
                    size_t *n, struct err *e);

/* --- meters ----------------------------------------------------------- */

/* The totals of YEAR's receipts by fund type and level (meter.h). */
int db_fund_sums(struct db *db, const struct codebook *cb, int year,
                 struct fund_sums **v, size_t *n, struct err *e);
/* The years that have receipts or projects, newest first. */
int db_fund_years(struct db *db, int **v, size_t *n, struct err *e);

/* --- assets ----------------------------------------------------------- */

struct asset_row {
    int64_t id;
    char asset_no[PROJ_NO_BUF];
    char name[FUND_TEXT_BUF];
    char aclass[CODE_BUF], atype[CODE_BUF];
    int year;
    int64_t township_id, village_id, project_id;
    char place[PLACE_BUF];
    char owner_level[CODE_BUF];
    char maintainer[FUND_TEXT_BUF];
    char status[CODE_BUF];
    int64_t value;
    int64_t last_income;        /* of the latest year recorded */
    int income_year;
    char proj_name[FUND_TEXT_BUF];
};

int db_asset_get(struct db *db, int64_t id, struct asset *as, struct err *e);
/* Add or update asset AS with its sources; an empty asset_no gets the
 * next number of its year (ZC2025-0001). */
int db_asset_save(struct db *db, const struct rule_ctx *ctx,
                  const struct actor *a, struct asset *as, struct err *e);
int db_asset_list(struct db *db, const struct rule_ctx *ctx,
                  const struct actor *a, const struct funds_filter *flt,
                  struct asset_row **v, size_t *n, struct err *e);
/* The assets of project PROJECT. */
int db_asset_of_project(struct db *db, int64_t project, struct asset_row **v,
                        size_t *n, struct err *e);

int db_asset_income_get(struct db *db, int64_t id, struct asset_income *i,
                        struct err *e);
int db_asset_income_save(struct db *db, const struct rule_ctx *ctx,
                         const struct actor *a, struct asset_income *i,
                         struct err *e);
/* The income records of asset ASSET, newest year first; free each with
 * asset_income_clear, then the array. */
int db_asset_income_list(struct db *db, int64_t asset,
                         struct asset_income **v, size_t *n, struct err *e);

#endif

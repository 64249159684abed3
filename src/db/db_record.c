/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_record.c - the records kept for a household (see db_record.h):
 * incomes and guarantees, one of each a year (db_registry.c checks the
 * year), measures and visits.  Their columns, the income's computed
 * figures and line, and a measure's case; the saves are db_registry.c's.
 */
#include "config.h"
#include "db/db_record.h"

#include "core/date.h"
#include "core/rules.h"
#include "db/db_registry.h"
#include "util/err.h"
#include "util/i18n.h"

/* --- the records' columns -------------------------------------------- */

static const struct rec_col income_cols[] = {
    REG_PARENT(struct income),
    REC_COL(struct income, year, RC_INT),
    REC_COL(struct income, wage, RC_FEN),
    REC_COL(struct income, business, RC_FEN),
    REC_COL(struct income, property, RC_FEN),
    REC_COL(struct income, transfer, RC_FEN),
    REC_COL(struct income, business_cost, RC_FEN),
    REC_COL(struct income, claims, RC_FEN),
    REC_COL(struct income, oop_rigid, RC_FEN),
    REC_COL(struct income, unsplit, RC_FEN),
    REC_COL(struct income, members, RC_INT),
    REC_COL(struct income, net, RC_FEN),
    REC_COL(struct income, per_capita, RC_FEN),
    REC_COLF(struct income, line_fen, RC_FEN, RF_OPTIONAL),
    REC_COLF(struct income, line_year, RC_INT, RF_OPTIONAL),
};

const struct rec_def income_def = REC_DEF(struct income, "income", income_cols, 1);

static const struct rec_col guarantee_cols[] = {
    REG_PARENT(struct guarantee),
    REC_COL(struct guarantee, year, RC_INT),
    REC_COL(struct guarantee, checked_on, RC_DATE),
    REC_COL(struct guarantee, food_clothing, RC_FLAG),
    REC_COL(struct guarantee, education, RC_FLAG),
    REC_COL(struct guarantee, medical, RC_FLAG),
    REC_COL(struct guarantee, housing, RC_FLAG),
    REC_COL(struct guarantee, water, RC_FLAG),
};

const struct rec_def guarantee_def =
    REC_DEF(struct guarantee, "guarantee", guarantee_cols, 1);

static const struct rec_col measure_cols[] = {
    REG_PARENT(struct measure),
    REC_COL(struct measure, case_id, RC_ID),
    REC_COL(struct measure, year, RC_INT),
    REC_COLF(struct measure, category, RC_TEXT, RF_NOTNULL),
    REC_COL(struct measure, item, RC_TEXT),
    REC_COL_AS(struct measure, start, "start_date", RC_DATE),
    REC_COL_AS(struct measure, end, "end_date", RC_DATE),
    REC_COL(struct measure, project_id, RC_ID),
};

const struct rec_def measure_def = REC_DEF(struct measure, "measure", measure_cols, 3);

static const struct rec_col visit_cols[] = {
    REG_PARENT(struct visit),
    REC_COL(struct visit, visit_date, RC_DATE),
    REC_COLF(struct visit, visitor, RC_TEXT, RF_NOTNULL),
    REC_COL(struct visit, visitor_role, RC_TEXT),
    REC_COL(struct visit, findings, RC_PTEXT),
    REC_COL(struct visit, new_risk, RC_FLAG),
    REC_COL(struct visit, next_visit, RC_DATE),
};

const struct rec_def visit_def = REC_DEF(struct visit, "visit", visit_cols, 1);

/* --- what each kind checks ------------------------------------------- */

/* INC's net and per-capita figures. */
static int
computed(struct income *inc, struct err *e)
{
    if (income_compute(inc)) {
        return err_set(e, ERR_INVALID, _("the number of household members must be at least 1"));
    }
    return 0;
}

/* An income is saved with its figures and the line of its year. */
static int
income_prepare(const struct rule_ctx *ctx, void *rec, struct err *e)
{
    struct income *inc = rec;
    const struct line_entry *line;

    if (computed(inc, e)) {
        return -1;
    }
    line = policy_line(ctx->policy, ctx->province, inc->year);
    inc->line_fen = line != NULL ? line->fen : 0;
    inc->line_year = line != NULL ? line->year : 0;
    return 0;
}

static int
guarantee_prepare(const struct rule_ctx *ctx, void *rec, struct err *e)
{
    (void)ctx;
    if (((struct guarantee *)rec)->checked_on == DATE_NONE) {
        return err_set(e, ERR_INVALID, _("give the day the guarantees were checked"));
    }
    return 0;
}

/* The measure's case (0: none) is a case of household S->hh. */
static int
measure_check(struct reg_save *s, const void *old, void *rec)
{
    static const char sql[] =
        "SELECT count(*) FROM monitor_case WHERE id = ? AND household_id = ?";
    const struct measure *o = old, *m = rec;
    int64_t n;

    if (m->case_id == 0 || (o != NULL && o->case_id == m->case_id)) {
        return 0;
    }
    if (rec_scalar(s->db, sql, m->case_id, s->hh.id, &n, s->e)) {
        return -1;
    }
    if (n == 0) {
        return err_set(s->e, ERR_INVALID,
                       _("the measure names a monitoring case that is not one of household %s"),
                       s->hh.hh_no);
    }
    return 0;
}

static void
init_visit(void *v)
{
    visit_init(v);
}

static void
clear_visit(void *v)
{
    visit_clear(v);
}

enum { K_INCOME, K_GUARANTEE, K_MEASURE, K_VISIT };

static const struct reg_kind kinds[] = {
    [K_INCOME] = {REG_KIND(struct income, income_def),
                  .year_off = offsetof(struct income, year), .prepare = income_prepare},
    [K_GUARANTEE] = {REG_KIND(struct guarantee, guarantee_def),
                     .year_off = offsetof(struct guarantee, year),
                     .prepare = guarantee_prepare},
    [K_MEASURE] = {REG_KIND(struct measure, measure_def), .check = measure_check},
    [K_VISIT] = {REG_KIND(struct visit, visit_def), .init = init_visit, .clear = clear_visit},
};

/* --- the functions of db_record.h ------------------------------------ */

REG_SAVE(income, struct income, kinds[K_INCOME])
REG_SAVE(guarantee, struct guarantee, kinds[K_GUARANTEE])
REG_SAVE(measure, struct measure, kinds[K_MEASURE])
REG_SAVE(visit, struct visit, kinds[K_VISIT])

REC_GET(measure, struct measure, measure_def)
REC_GET(visit, struct visit, visit_def)

int
db_income_get(struct db *db, int64_t hh, int year, struct income *inc,
              struct err *e)
{
    int rc = reg_get_year(db, &kinds[K_INCOME], hh, year, inc, e);

    return rc <= 0 ? rc : err_set(e, ERR_NOTFOUND, _("household #%lld has no income for %d"),
                                  (long long)hh, year);
}

int
db_guarantee_get(struct db *db, int64_t hh, int year, struct guarantee *g,
                 struct err *e)
{
    int rc = reg_get_year(db, &kinds[K_GUARANTEE], hh, year, g, e);

    return rc <= 0 ? rc : err_set(e, ERR_NOTFOUND,
                                  _("household #%lld has no guarantees recorded for %d"),
                                  (long long)hh, year);
}

int
db_income_insert(struct db *db, const char *actor, struct income *inc,
                 int audit, struct err *e)
{
    return computed(inc, e) || rec_insert(db, &income_def, audit ? actor : NULL, inc, e) ? -1 : 0;
}

REG_INSERT(guarantee, struct guarantee, guarantee_def)
REG_INSERT(measure, struct measure, measure_def)
REG_INSERT(visit, struct visit, visit_def)

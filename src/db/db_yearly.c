/*
 * db_yearly.c - incomes and guarantees (see db_yearly.h): their columns,
 * one of each a household a year, the income's computed figures and the
 * line it is judged against.
 */
#include "config.h"
#include "db/db_yearly.h"

#include "core/audit_text.h"
#include "core/date.h"
#include "core/rules.h"
#include "db/db_registry.h"
#include "util/err.h"
#include "util/i18n.h"

/* --- the records' columns -------------------------------------------- */

static const struct rec_col income_cols[] = {
    REC_COLF(struct income, household_id, RC_ID, RF_NOTNULL | RF_INSERT),
    REC_COL(struct income, year, RC_INT),
    REC_COL(struct income, wage, RC_FEN),
    REC_COL(struct income, business, RC_FEN),
    REC_COL(struct income, property, RC_FEN),
    REC_COL(struct income, transfer, RC_FEN),
    REC_COL(struct income, business_cost, RC_FEN),
    REC_COL(struct income, claims, RC_FEN),
    REC_COL(struct income, oop_rigid, RC_FEN),
    REC_COL(struct income, members, RC_INT),
    REC_COL(struct income, net, RC_FEN),
    REC_COL(struct income, per_capita, RC_FEN),
    REC_COLF(struct income, line_fen, RC_FEN, RF_OPTIONAL),
    REC_COLF(struct income, line_year, RC_INT, RF_OPTIONAL),
};

const struct rec_def income_def = REC_DEF(struct income, "income", income_cols, 1);

static const struct rec_col guarantee_cols[] = {
    REC_COLF(struct guarantee, household_id, RC_ID, RF_NOTNULL | RF_INSERT),
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

static const char income_year_sql[] =
    "SELECT id FROM income WHERE household_id = ? AND year = ?";
static const char guarantee_year_sql[] =
    "SELECT id FROM guarantee WHERE household_id = ? AND year = ?";

/* --- one a year ------------------------------------------------------- */

/* The year of record REC of DEF (YEAR_SQL finds a year's record) is not
 * taken by another of household S->hh: when REC is new, someone else
 * added it meanwhile. */
static int
year_free(struct reg_save *s, const struct rec_def *def, const char *year_sql,
          int year, int64_t id)
{
    int64_t other;

    if (rec_scalar(s->db, year_sql, s->hh.id, year, &other, s->e)) {
        return -1;
    }
    if (other == 0 || other == id) {
        return 0;
    }
    if (id == 0) {
        return err_set(s->e, ERR_CONFLICT,
                       _("the %s of %d of household %s was added by someone else meanwhile; look at it before saving yours"),
                       audit_table_label(def->table), year, s->hh.hh_no);
    }
    return err_set(s->e, ERR_INVALID,
                   _("household %s already has the %s of %d; change that one instead"),
                   s->hh.hh_no, audit_table_label(def->table), year);
}

static int
conflict_year(const struct reg_save *s, const char *tbl, int year)
{
    return err_set(s->e, ERR_CONFLICT,
                   _("the %s of %d of household %s was changed by someone else meanwhile; look at their changes before saving yours"),
                   audit_table_label(tbl), year, s->hh.hh_no);
}

/* --- incomes ------------------------------------------------------------- */

static int
income_prepare(const struct rule_ctx *ctx, void *rec, struct err *e)
{
    struct income *inc = rec;
    const struct line_entry *line;

    if (income_compute(inc)) {
        return err_set(e, ERR_INVALID, _("the number of household members must be at least 1"));
    }
    line = policy_line(ctx->policy, ctx->province, inc->year);
    inc->line_fen = line != NULL ? line->fen : 0;
    inc->line_year = line != NULL ? line->year : 0;
    return 0;
}

static int
income_check(struct reg_save *s, const void *old, void *rec)
{
    const struct income *o = old, *inc = rec;

    if (o != NULL && o->year == inc->year) {
        return 0;
    }
    return year_free(s, &income_def, income_year_sql, inc->year, inc->id);
}

static int
income_conflict(const struct reg_save *s, const void *old)
{
    return conflict_year(s, "income", ((const struct income *)old)->year);
}

static const struct reg_kind income_kind = {
    &income_def, sizeof(struct income), offsetof(struct income, household_id),
    NULL, NULL, income_prepare, income_check, income_conflict, NULL,
};

int
db_income_save(struct db *db, const struct rule_ctx *ctx,
               const struct actor *a, struct income *inc, struct err *e)
{
    return reg_save_record(db, ctx, a, &income_kind, inc, e);
}

int
db_income_get(struct db *db, int64_t hh, int year, struct income *inc,
              struct err *e)
{
    int rc = reg_get_year(db, &income_def, income_year_sql, hh, year, inc, e);

    if (rc <= 0) {
        return rc;
    }
    return err_set(e, ERR_NOTFOUND, _("household #%lld has no income for %d"),
                   (long long)hh, year);
}

int
db_income_insert(struct db *db, const char *actor, struct income *inc,
                 int audit, struct err *e)
{
    if (income_compute(inc)) {
        return err_set(e, ERR_INVALID, _("the number of household members must be at least 1"));
    }
    return rec_insert(db, &income_def, audit ? actor : NULL, inc, e);
}

/* --- guarantees ---------------------------------------------------------- */

static int
guarantee_prepare(const struct rule_ctx *ctx, void *rec, struct err *e)
{
    (void)ctx;
    if (((struct guarantee *)rec)->checked_on == DATE_NONE) {
        return err_set(e, ERR_INVALID, _("give the day the guarantees were checked"));
    }
    return 0;
}

static int
guarantee_check(struct reg_save *s, const void *old, void *rec)
{
    const struct guarantee *o = old, *g = rec;

    if (o != NULL && o->year == g->year) {
        return 0;
    }
    return year_free(s, &guarantee_def, guarantee_year_sql, g->year, g->id);
}

static int
guarantee_conflict(const struct reg_save *s, const void *old)
{
    return conflict_year(s, "guarantee", ((const struct guarantee *)old)->year);
}

static const struct reg_kind guarantee_kind = {
    &guarantee_def, sizeof(struct guarantee), offsetof(struct guarantee, household_id),
    NULL, NULL, guarantee_prepare, guarantee_check, guarantee_conflict, NULL,
};

int
db_guarantee_save(struct db *db, const struct rule_ctx *ctx,
                  const struct actor *a, struct guarantee *g, struct err *e)
{
    return reg_save_record(db, ctx, a, &guarantee_kind, g, e);
}

int
db_guarantee_get(struct db *db, int64_t hh, int year, struct guarantee *g,
                 struct err *e)
{
    int rc = reg_get_year(db, &guarantee_def, guarantee_year_sql, hh, year, g, e);

    if (rc <= 0) {
        return rc;
    }
    return err_set(e, ERR_NOTFOUND,
                   _("household #%lld has no guarantees recorded for %d"),
                   (long long)hh, year);
}

int
db_guarantee_insert(struct db *db, const char *actor, struct guarantee *g,
                    int audit, struct err *e)
{
    return rec_insert(db, &guarantee_def, audit ? actor : NULL, g, e);
}

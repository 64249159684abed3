/*
 * db_measure.c - measures and visits (see db_measure.h): their columns
 * and saves.
 */
#include "config.h"
#include "db/db_measure.h"

#include "core/audit_text.h"
#include "db/db_registry.h"
#include "util/err.h"
#include "util/i18n.h"

/* --- the records' columns -------------------------------------------- */

static const struct rec_col measure_cols[] = {
    REC_COLF(struct measure, household_id, RC_ID, RF_NOTNULL | RF_INSERT),
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
    REC_COLF(struct visit, household_id, RC_ID, RF_NOTNULL | RF_INSERT),
    REC_COL(struct visit, visit_date, RC_DATE),
    REC_COLF(struct visit, visitor, RC_TEXT, RF_NOTNULL),
    REC_COL(struct visit, visitor_role, RC_TEXT),
    REC_COL(struct visit, findings, RC_PTEXT),
    REC_COL(struct visit, new_risk, RC_FLAG),
    REC_COL(struct visit, next_visit, RC_DATE),
};

const struct rec_def visit_def = REC_DEF(struct visit, "visit", visit_cols, 1);

/* A measure or a visit of household S->hh changed meanwhile. */
static int
conflict_other(const struct reg_save *s, const char *tbl)
{
    return err_set(s->e, ERR_CONFLICT,
                   _("a %s of household %s was changed by someone else meanwhile; look at their changes before saving yours"),
                   audit_table_label(tbl), s->hh.hh_no);
}

/* --- measures ------------------------------------------------------------ */

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

static int
measure_conflict(const struct reg_save *s, const void *old)
{
    (void)old;
    return conflict_other(s, "measure");
}

static const struct reg_kind measure_kind = {
    &measure_def, sizeof(struct measure), offsetof(struct measure, household_id),
    NULL, NULL, NULL, measure_check, measure_conflict, NULL,
};

int
db_measure_save(struct db *db, const struct rule_ctx *ctx,
                const struct actor *a, struct measure *m, struct err *e)
{
    return reg_save_record(db, ctx, a, &measure_kind, m, e);
}

int
db_measure_get(struct db *db, int64_t id, struct measure *m, struct err *e)
{
    return rec_get(db, &measure_def, id, m, e);
}

int
db_measure_insert(struct db *db, const char *actor, struct measure *m,
                  int audit, struct err *e)
{
    return rec_insert(db, &measure_def, audit ? actor : NULL, m, e);
}

/* --- visits -------------------------------------------------------------- */

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

static int
visit_conflict(const struct reg_save *s, const void *old)
{
    (void)old;
    return conflict_other(s, "visit");
}

static const struct reg_kind visit_kind = {
    &visit_def, sizeof(struct visit), offsetof(struct visit, household_id),
    init_visit, clear_visit, NULL, NULL, visit_conflict, NULL,
};

int
db_visit_save(struct db *db, const struct rule_ctx *ctx,
              const struct actor *a, struct visit *v, struct err *e)
{
    return reg_save_record(db, ctx, a, &visit_kind, v, e);
}

int
db_visit_get(struct db *db, int64_t id, struct visit *v, struct err *e)
{
    return rec_get(db, &visit_def, id, v, e);
}

int
db_visit_insert(struct db *db, const char *actor, struct visit *v, int audit,
                struct err *e)
{
    return rec_insert(db, &visit_def, audit ? actor : NULL, v, e);
}

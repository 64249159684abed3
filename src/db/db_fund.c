/*
 * db_fund.c - receipts, projects, allocations, payments and assets in
 * the database (see db_fund.h).  The records' columns are described once
 * (struct rec_def) and stored through db_rec.c; this file adds what
 * depends on other rows: role and scope, the amounts left, the project's
 * state, numbering, and the lists with their sums and warnings.
 */
#include "config.h"
#include "db/db_fund.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/money.h"
#include "core/project.h"
#include "core/rules.h"
#include "db/db_audit.h"
#include "db/db_priv.h"
#include "db/db_rec.h"
#include "util/array.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* --- the records' columns -------------------------------------------- */

static const struct rec_col fund_cols[] = {
    REC_COL(struct fund, year, RC_INT),
    REC_COL(struct fund, level, RC_TEXT),
    REC_COL(struct fund, fund_type, RC_TEXT),
    REC_COL(struct fund, task_line, RC_TEXT),
    REC_COL(struct fund, batch, RC_TEXT),
    REC_COL(struct fund, doc_no, RC_TEXT),
    REC_COL(struct fund, title, RC_TEXT),
    REC_COL(struct fund, amount, RC_FEN),
    REC_COL(struct fund, received_on, RC_DATE),
    REC_COL(struct fund, note, RC_PTEXT),
};

static const struct rec_def fund_def = REC_DEF(struct fund, "fund", fund_cols, 5);

/* The state is changed by steps only (not a column here). */
static const struct rec_col project_cols[] = {
    REC_COL(struct project, proj_no, RC_TEXT),
    REC_COL(struct project, name, RC_TEXT),
    REC_COL(struct project, year, RC_INT),
    REC_COL(struct project, ptype, RC_TEXT),
    REC_COL(struct project, township_id, RC_ID),
    REC_COL(struct project, village_id, RC_ID),
    REC_COL(struct project, implementer, RC_TEXT),
    REC_COL(struct project, proposer, RC_TEXT),
    REC_COL(struct project, budget, RC_FEN),
    REC_COL(struct project, self_funds, RC_FEN),
    REC_COL(struct project, hh_benefit, RC_INT),
    REC_COL(struct project, persons_benefit, RC_INT),
    REC_COL(struct project, hh_poor, RC_INT),
    REC_COL(struct project, persons_poor, RC_INT),
    REC_COL(struct project, hh_monitored, RC_INT),
    REC_COL(struct project, persons_monitored, RC_INT),
    REC_COL(struct project, period_start, RC_DATE),
    REC_COL(struct project, period_end, RC_DATE),
    REC_COL(struct project, workers, RC_INT),
    REC_COL(struct project, workers_poor, RC_INT),
    REC_COL(struct project, person_days, RC_INT),
    REC_COL(struct project, targets_published_on, RC_DATE),
    REC_COL(struct project, content, RC_PTEXT),
    REC_COL(struct project, linking, RC_PTEXT),
    REC_COL(struct project, targets, RC_PTEXT),
    REC_COL(struct project, note, RC_PTEXT),
};

static const struct rec_def project_def = REC_DEF(struct project, "project", project_cols, 1);

static const struct rec_col alloc_cols[] = {
    REC_COL(struct allocation, fund_id, RC_ID),
    REC_COL(struct allocation, project_id, RC_ID),
    REC_COL(struct allocation, amount, RC_FEN),
    REC_COL(struct allocation, alloc_date, RC_DATE),
    REC_COL(struct allocation, doc_no, RC_TEXT),
    REC_COL(struct allocation, published_on, RC_DATE),
    REC_COL(struct allocation, note, RC_PTEXT),
};

static const struct rec_def alloc_def = REC_DEF(struct allocation, "allocation", alloc_cols, 2);

static const struct rec_col payment_cols[] = {
    REC_COL(struct payment, allocation_id, RC_ID),
    REC_COL(struct payment, pay_date, RC_DATE),
    REC_COL(struct payment, amount, RC_FEN),
    REC_COL(struct payment, payee, RC_TEXT),
    REC_COL(struct payment, voucher_no, RC_TEXT),
    REC_COL(struct payment, is_wage, RC_FLAG),
    REC_COL(struct payment, note, RC_PTEXT),
};

static const struct rec_def payment_def = REC_DEF(struct payment, "payment", payment_cols, 2);

static const struct rec_col asset_cols[] = {
    REC_COL(struct asset, asset_no, RC_TEXT),
    REC_COL(struct asset, name, RC_TEXT),
    REC_COL(struct asset, aclass, RC_TEXT),
    REC_COL(struct asset, atype, RC_TEXT),
    REC_COL(struct asset, project_id, RC_ID),
    REC_COL(struct asset, year, RC_INT),
    REC_COL(struct asset, township_id, RC_ID),
    REC_COL(struct asset, village_id, RC_ID),
    REC_COL(struct asset, household_id, RC_ID),
    REC_COL(struct asset, scale, RC_TEXT),
    REC_COL(struct asset, completed_on, RC_DATE),
    REC_COL(struct asset, owner_level, RC_TEXT),
    REC_COL(struct asset, owner, RC_TEXT),
    REC_COL_AS(struct asset, operator_, "operator", RC_TEXT),
    REC_COL(struct asset, op_mode, RC_TEXT),
    REC_COL(struct asset, maintainer, RC_TEXT),
    REC_COL(struct asset, upkeep, RC_FEN),
    REC_COL(struct asset, hh_benefit, RC_INT),
    REC_COL(struct asset, hh_poor, RC_INT),
    REC_COL(struct asset, hh_monitored, RC_INT),
    REC_COL(struct asset, status, RC_TEXT),
    REC_COL(struct asset, disposal, RC_TEXT),
    REC_COL(struct asset, disposal_date, RC_DATE),
    REC_COL(struct asset, disposal_doc, RC_TEXT),
    REC_COL(struct asset, disposal_amount, RC_FEN),
    REC_COL(struct asset, disposal_reason, RC_PTEXT),
    REC_COL(struct asset, archive_no, RC_TEXT),
    REC_COL(struct asset, publicized_on, RC_DATE),
    REC_COL(struct asset, value, RC_FEN),
    REC_COL(struct asset, note, RC_PTEXT),
};

static const struct rec_def asset_def = REC_DEF(struct asset, "asset", asset_cols, 1);

static const struct rec_col income_cols[] = {
    REC_COL(struct asset_income, asset_id, RC_ID),
    REC_COL(struct asset_income, year, RC_INT),
    REC_COL(struct asset_income, income, RC_FEN),
    REC_COL(struct asset_income, to_households, RC_FEN),
    REC_COL(struct asset_income, households, RC_INT),
    REC_COL(struct asset_income, to_village, RC_FEN),
    REC_COL(struct asset_income, to_upkeep, RC_FEN),
    REC_COL(struct asset_income, dist_date, RC_DATE),
    REC_COL(struct asset_income, use_note, RC_PTEXT),
};

static const struct rec_def income_def = REC_DEF(struct asset_income, "asset_income", income_cols, 1);

/* --- helpers ---------------------------------------------------------- */

void
funds_filter_init(struct funds_filter *f)
{
    memset(f, 0, sizeof(*f));
    f->state = -1;
}

static const struct codebook *
book(const struct rule_ctx *ctx)
{
    return &ctx->policy->codes;
}

/* Receipts, allocations and payments are the county bureau's. */
static int
county_only(const struct actor *a, struct err *e)
{
    if (rec_may_write(a, e)) {
        return -1;
    }
    if (a->role != ROLE_ADMIN && a->role != ROLE_COUNTY) {
        return err_set(e, ERR_DENIED,
                       _("fund receipts, allocations and payments are kept by county staff"));
    }
    return 0;
}

static void
fen_text(int64_t fen, char out[MONEY_BUF])
{
    money_format(fen, 1, out);
}

/* The next number "PREFIXYYYY-NNNN" of YEAR in COL of TBL's SQL. */
static int
next_no(struct db *db, const char *sql, const char *prefix, int year,
        char *out, size_t n, struct err *e)
{
    sqlite3_stmt *st = db_prep(db, sql, e);
    char like[32];
    int64_t last = 0;
    int rc;

    if (st == NULL) {
        return -1;
    }
    snprintf(like, sizeof(like), "%s%04d-", prefix, year);
    db_bind_text(st, 1, like);
    db_bind_int(st, 2, (int64_t)strlen(like) + 1);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        last = db_col_int(st, 0);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        return db_fail(db, e, _("numbering a record"));
    }
    snprintf(out, n, "%s%04lld", like, (long long)(last + 1));
    return 0;
}

/* --- receipts --------------------------------------------------------- */

int
db_fund_get(struct db *db, int64_t id, struct fund *f, struct err *e)
{
    return rec_get(db, &fund_def, id, f, e);
}

static int
fund_allocated(struct db *db, int64_t id, int64_t *sum, struct err *e)
{
    return rec_scalar(db, "SELECT coalesce(sum(amount), 0) FROM allocation WHERE fund_id = ?",
                  id, 0, sum, e);
}

int
db_fund_available(struct db *db, int64_t id, int64_t *left, struct err *e)
{
    int64_t amount, used;

    if (rec_scalar(db, "SELECT amount FROM fund WHERE id = ?", id, 0, &amount, e) ||
        fund_allocated(db, id, &used, e)) {
        return -1;
    }
    *left = amount - used;
    return 0;
}

static int
fund_store(struct db *db, const struct rule_ctx *ctx, const struct actor *a,
           struct fund *f, struct err *e)
{
    struct fund old;
    int64_t used;
    int rc;

    if (county_only(a, e) || fund_check(f, book(ctx), ctx->today, e)) {
        return -1;
    }
    if (f->id == 0) {
        return rec_insert(db, &fund_def, a->login, f, e);
    }
    fund_init(&old);
    rc = rec_get(db, &fund_def, f->id, &old, e) || fund_allocated(db, f->id, &used, e);
    if (rc == 0 && f->amount < used) {
        char u[MONEY_BUF];

        fen_text(used, u);
        rc = err_set(e, ERR_RULE,
                     _("%s yuan of this receipt is already allocated; its amount cannot be less"), u);
    }
    if (rc == 0) {
        rc = rec_update(db, &fund_def, a->login, &old, f, _("this fund receipt"), e);
    }
    fund_clear(&old);
    return rc;
}

int
db_fund_save(struct db *db, const struct rule_ctx *ctx, const struct actor *a,
             struct fund *f, struct err *e)
{
    int64_t id = f->id, version = f->version;

    if (db_begin(db, e)) {
        return -1;
    }
    if (rec_end_tx(db, fund_store(db, ctx, a, f, e), e)) {
        f->id = id;
        f->version = version;
        return -1;
    }
    return 0;
}

int
db_fund_delete(struct db *db, const struct actor *a, int64_t id,
               int64_t version, struct err *e)
{
    int64_t used;
    int rc;

    if (county_only(a, e) || db_begin(db, e)) {
        return -1;
    }
    rc = rec_scalar(db, "SELECT count(*) FROM allocation WHERE fund_id = ?", id, 0, &used, e);
    if (rc == 0 && used > 0) {
        rc = err_set(e, ERR_RULE,
                     _("funds of this receipt are allocated to projects; delete those allocations first"));
    }
    if (rc == 0) {
        rc = rec_delete(db, a, "DELETE FROM fund WHERE id = ? AND version = ?", "fund",
                        id, version, _("this fund receipt"), e);
    }
    return rec_end_tx(db, rc, e);
}

static void
fund_row_fill(sqlite3_stmt *st, void *row)
{
    struct fund_row *r = row;

    fund_init(&r->f);
    r->f.id = db_col_int(st, 0);
    r->f.year = (int)db_col_int(st, 1);
    db_col_text(st, 2, r->f.level, sizeof(r->f.level));
    db_col_text(st, 3, r->f.fund_type, sizeof(r->f.fund_type));
    db_col_text(st, 4, r->f.task_line, sizeof(r->f.task_line));
    db_col_text(st, 5, r->f.batch, sizeof(r->f.batch));
    db_col_text(st, 6, r->f.doc_no, sizeof(r->f.doc_no));
    db_col_text(st, 7, r->f.title, sizeof(r->f.title));
    r->f.amount = db_col_int(st, 8);
    r->f.received_on = db_col_date(st, 9);
    r->f.version = db_col_int(st, 10);
    r->allocated = db_col_int(st, 11);
    r->paid = db_col_int(st, 12);
    r->allocations = (int)db_col_int(st, 13);
}

int
db_fund_list(struct db *db, const struct funds_filter *flt,
             struct fund_row **v, size_t *n, struct err *e)
{
    static const char sql[] =
        "SELECT f.id, f.year, f.level, f.fund_type, f.task_line, f.batch, "
        "f.doc_no, f.title, f.amount, f.received_on, f.version, "
        "(SELECT coalesce(sum(amount), 0) FROM allocation WHERE fund_id = f.id), "
        "(SELECT coalesce(sum(p.amount), 0) FROM payment p "
        "   JOIN allocation a ON a.id = p.allocation_id WHERE a.fund_id = f.id), "
        "(SELECT count(*) FROM allocation WHERE fund_id = f.id) "
        "FROM fund f WHERE (?1 = 0 OR f.year = ?1) AND (?2 = '' OR f.fund_type = ?2) "
        "ORDER BY f.year DESC, f.received_on, f.id";
    sqlite3_stmt *st = db_prep(db, sql, e);

    if (st != NULL) {
        db_bind_int(st, 1, flt->year);
        db_bind_text(st, 2, flt->code);
    }
    return db_rows(db, st, sizeof(**v), fund_row_fill, NULL, (void **)v, n,
                   _("reading the fund receipts"), e);
}

/* --- projects --------------------------------------------------------- */

int
db_project_get(struct db *db, int64_t id, struct project *p, struct err *e)
{
    char state[32] = "";
    sqlite3_stmt *st;

    if (rec_get(db, &project_def, id, p, e)) {
        return -1;
    }
    st = db_prep(db, "SELECT state FROM project WHERE id = ?", e);
    if (st == NULL) {
        return -1;
    }
    db_bind_int(st, 1, id);
    if (sqlite3_step(st) == SQLITE_ROW) {
        db_col_text(st, 0, state, sizeof(state));
    }
    sqlite3_reset(st);
    if (proj_state_parse(state, &p->state)) {
        return err_set(e, ERR_DB, _("project #%lld has an unknown state '%s'"),
                       (long long)id, state);
    }
    return 0;
}

static int
project_fields_ok(struct db *db, const struct rule_ctx *ctx,
                  const struct actor *a, const struct project *p,
                  struct err *e)
{
    if (project_check(p, book(ctx), e) ||
        rec_check_place(db, p->township_id, p->village_id, e) ||
        rec_may_change_place(a, p->township_id, p->village_id, e)) {
        return -1;
    }
    return 0;
}

static int
set_state(struct db *db, int64_t id, enum proj_state s, int year,
          struct err *e)
{
    static const char sql[] =
        "UPDATE project SET state = ?, year = ?, updated_at = ?, "
        "version = version + 1 WHERE id = ?";
    sqlite3_stmt *st = db_prep(db, sql, e);
    char now[32];

    if (st == NULL) {
        return -1;
    }
    clock_now(now, sizeof(now));
    db_bind_text(st, 1, proj_state_name(s));
    db_bind_int(st, 2, year);
    db_bind_text(st, 3, now);
    db_bind_int(st, 4, id);
    return db_done(db, st, e);
}

static int
step_insert(struct db *db, const struct proj_step *s, struct err *e)
{
    static const char sql[] =
        "INSERT INTO project_step(project_id, action, from_state, to_state, "
        "actor, at, step_date, pub_start, pub_end, doc_no, note) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    sqlite3_stmt *st = db_prep(db, sql, e);
    char now[32];

    if (st == NULL) {
        return -1;
    }
    clock_now(now, sizeof(now));
    db_bind_int(st, 1, s->project_id);
    db_bind_text(st, 2, proj_action_name(s->action));
    db_bind_text(st, 3, proj_state_name(s->from));
    db_bind_text(st, 4, proj_state_name(s->to));
    db_bind_text(st, 5, s->actor);
    db_bind_text(st, 6, now);
    db_bind_date(st, 7, s->step_date);
    db_bind_date(st, 8, s->pub_start);
    db_bind_date(st, 9, s->pub_end);
    db_bind_text_or_null(st, 10, s->doc_no);
    db_bind_text_or_null(st, 11, s->note);
    return db_done(db, st, e);
}

static int
audit_step(struct db *db, const struct actor *a, const struct proj_step *s,
           struct err *e)
{
    return db_audit(db, a->login, "step", "project", s->project_id,
                    proj_action_name(s->action), proj_state_name(s->from),
                    proj_state_name(s->to), e);
}

/* The context of a step on P: its history, payments and assets. */
static int
step_ctx(struct db *db, const struct rule_ctx *ctx, const struct project *p,
         struct proj_ctx *c, struct err *e)
{
    static const char last_sql[] =
        "SELECT step_date, pub_end FROM project_step WHERE project_id = ? "
        "ORDER BY id DESC LIMIT 1";
    static const char paid_sql[] =
        "SELECT coalesce(sum(y.amount), 0) FROM payment y "
        "JOIN allocation a ON a.id = y.allocation_id WHERE a.project_id = ?";
    sqlite3_stmt *st;
    int64_t n;

    memset(c, 0, sizeof(*c));
    c->rules = rules_in_force(ctx, p->year);
    c->today = ctx->today;
    c->last_step_date = c->last_pub_end = DATE_NONE;
    c->linking_required = code_is(book(ctx), "project_type", p->ptype, "industry");
    if ((st = db_prep(db, last_sql, e)) == NULL) {
        return -1;
    }
    db_bind_int(st, 1, p->id);
    if (sqlite3_step(st) == SQLITE_ROW) {
        c->last_step_date = db_col_date(st, 0);
        c->last_pub_end = db_col_date(st, 1);
    }
    sqlite3_reset(st);
    if (rec_scalar(db, paid_sql, p->id, 0, &c->paid, e) ||
        rec_scalar(db, "SELECT count(*) FROM asset WHERE project_id = ?", p->id, 0, &n, e)) {
        return -1;
    }
    c->assets = (int)n;
    return 0;
}

static int
project_add(struct db *db, const struct rule_ctx *ctx, const struct actor *a,
            struct project *p, int day, const char *note, struct err *e)
{
    static const char next_sql[] =
        "SELECT coalesce(max(CAST(substr(proj_no, ?2) AS INTEGER)), 0) "
        "FROM project WHERE proj_no LIKE ?1 || '%'";
    struct proj_input in = {PA_PROPOSE, day, DATE_NONE, DATE_NONE, NULL, note};
    struct proj_ctx c;
    struct proj_step step;
    enum proj_state next;
    int year, rc;

    p->state = PS_NONE;
    if (project_fields_ok(db, ctx, a, p, e) || step_ctx(db, ctx, p, &c, e)) {
        return -1;
    }
    if (p->proj_no[0] == '\0' &&
        next_no(db, next_sql, "", p->year, p->proj_no, sizeof(p->proj_no), e)) {
        return -1;
    }
    proj_step_init(&step);
    rc = proj_apply(&c, a, p, &in, &next, &year, &step, e);
    if (rc == 0) {
        rc = rec_insert(db, &project_def, a->login, p, e);
    }
    if (rc == 0) {
        step.project_id = p->id;
        rc = set_state(db, p->id, next, p->year, e) || step_insert(db, &step, e) ||
             audit_step(db, a, &step, e);
    }
    proj_step_clear(&step);
    if (rc == 0) {
        p->state = next;
        p->version = 2;
    }
    return rc;
}

int
db_project_create(struct db *db, const struct rule_ctx *ctx,
                  const struct actor *a, struct project *p, int day,
                  const char *note, struct err *e)
{
    char no[PROJ_NO_BUF];

    memcpy(no, p->proj_no, sizeof(no));
    if (db_begin(db, e)) {
        return -1;
    }
    if (rec_end_tx(db, project_add(db, ctx, a, p, day, note, e), e)) {
        memcpy(p->proj_no, no, sizeof(no));
        p->id = 0;
        p->version = 0;
        p->state = PS_NONE;
        return -1;
    }
    return 0;
}

static int
project_store(struct db *db, const struct rule_ctx *ctx,
              const struct actor *a, struct project *p, struct err *e)
{
    struct project old;
    int rc;

    project_init(&old);
    rc = db_project_get(db, p->id, &old, e);
    if (rc == 0 && !actor_sees(a, old.township_id, old.village_id)) {
        rc = err_set(e, ERR_DENIED, _("this project is outside your scope"));
    }
    if (rc == 0) {
        p->state = old.state;
        rc = project_fields_ok(db, ctx, a, p, e);
    }
    if (rc == 0 && p->year != old.year && !proj_state_proposal(old.state)) {
        rc = err_set(e, ERR_RULE,
                     _("the year of a project in the pool changes only by rolling it over"));
    }
    if (rc == 0) {
        rc = rec_update(db, &project_def, a->login, &old, p, _("this project"), e);
    }
    project_clear(&old);
    return rc;
}

int
db_project_update(struct db *db, const struct rule_ctx *ctx,
                  const struct actor *a, struct project *p, struct err *e)
{
    int64_t version = p->version;

    if (db_begin(db, e)) {
        return -1;
    }
    if (rec_end_tx(db, project_store(db, ctx, a, p, e), e)) {
        p->version = version;
        return -1;
    }
    return 0;
}

static int
project_step(struct db *db, const struct rule_ctx *ctx, const struct actor *a,
             int64_t id, int64_t version, const struct proj_input *in,
             struct err *e)
{
    struct project p;
    struct proj_ctx c;
    struct proj_step step;
    enum proj_state next;
    int year, rc;

    project_init(&p);
    proj_step_init(&step);
    rc = db_project_get(db, id, &p, e);
    if (rc == 0 && p.version != version) {
        rc = err_set(e, ERR_CONFLICT,
                     _("someone else saved %s meanwhile; nothing was written"),
                     _("this project"));
    }
    if (rc == 0) {
        rc = step_ctx(db, ctx, &p, &c, e) ||
             proj_apply(&c, a, &p, in, &next, &year, &step, e);
    }
    if (rc == 0) {
        rc = set_state(db, id, next, year, e) || step_insert(db, &step, e) ||
             audit_step(db, a, &step, e);
    }
    if (rc == 0 && year != p.year) {
        char y0[16], y1[16];
        const char *name = "year", *o = y0, *nw = y1;

        snprintf(y0, sizeof(y0), "%d", p.year);
        snprintf(y1, sizeof(y1), "%d", year);
        rc = db_audit_diff(db, a->login, "project", id, &name, &o, &nw, 1, e);
    }
    proj_step_clear(&step);
    project_clear(&p);
    return rc;
}

int
db_project_act(struct db *db, const struct rule_ctx *ctx,
               const struct actor *a, int64_t id, int64_t version,
               const struct proj_input *in, struct err *e)
{
    if (db_begin(db, e)) {
        return -1;
    }
    return rec_end_tx(db, project_step(db, ctx, a, id, version, in, e), e);
}

static void
step_fill(sqlite3_stmt *st, void *row)
{
    struct proj_step *s = row;
    char name[32];

    proj_step_init(s);
    s->id = db_col_int(st, 0);
    s->project_id = db_col_int(st, 1);
    db_col_text(st, 2, name, sizeof(name));
    if (proj_action_parse(name, &s->action)) {
        s->action = PA_COUNT;
    }
    db_col_text(st, 3, name, sizeof(name));
    if (proj_state_parse(name, &s->from)) {
        s->from = PS_NONE;
    }
    db_col_text(st, 4, name, sizeof(name));
    if (proj_state_parse(name, &s->to)) {
        s->to = PS_NONE;
    }
    db_col_text(st, 5, s->actor, sizeof(s->actor));
    db_col_text(st, 6, s->at, sizeof(s->at));
    s->step_date = db_col_date(st, 7);
    s->pub_start = db_col_date(st, 8);
    s->pub_end = db_col_date(st, 9);
    db_col_text(st, 10, s->doc_no, sizeof(s->doc_no));
    s->note = db_col_strdup(st, 11);
}

static void
step_free(void *row)
{
    proj_step_clear(row);
}

int
db_project_steps(struct db *db, int64_t id, struct proj_step **v, size_t *n,
                 struct err *e)
{
    static const char sql[] =
        "SELECT id, project_id, action, from_state, to_state, actor, at, "
        "step_date, pub_start, pub_end, doc_no, note FROM project_step "
        "WHERE project_id = ? ORDER BY id";
    sqlite3_stmt *st = db_prep(db, sql, e);

    if (st != NULL) {
        db_bind_int(st, 1, id);
    }
    return db_rows(db, st, sizeof(**v), step_fill, step_free, (void **)v, n,
                   _("reading the project history"), e);
}

void
proj_steps_free(struct proj_step *v, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        proj_step_clear(&v[i]);
    }
    free(v);
}

/* The columns of a project row (with what lists need to flag it). */
#define PROJECT_ROW_SQL \
    "SELECT p.id, p.proj_no, p.name, p.year, p.ptype, p.township_id, " \
    "coalesce(p.village_id, 0), t.name, v.name, p.state, p.budget, " \
    "p.self_funds, " \
    "(SELECT coalesce(sum(amount), 0) FROM allocation WHERE project_id = p.id), " \
    "(SELECT coalesce(sum(y.amount), 0) FROM payment y JOIN allocation a " \
    "   ON a.id = y.allocation_id WHERE a.project_id = p.id), " \
    "(SELECT coalesce(sum(y.amount), 0) FROM payment y JOIN allocation a " \
    "   ON a.id = y.allocation_id WHERE a.project_id = p.id AND y.is_wage = 1), " \
    "(SELECT coalesce(sum(a.amount), 0) FROM allocation a JOIN fund f " \
    "   ON f.id = a.fund_id WHERE a.project_id = p.id AND f.fund_type = ?1), " \
    "(SELECT max(step_date) FROM project_step WHERE project_id = p.id), " \
    "(SELECT step_date FROM project_step WHERE project_id = p.id " \
    "   AND action = 'plan' ORDER BY id DESC LIMIT 1), " \
    "p.targets_published_on, coalesce(p.linking, ''), " \
    "(SELECT count(*) FROM project_step WHERE project_id = p.id " \
    "   AND pub_start IS NOT NULL " \
    "   AND julianday(pub_end) - julianday(pub_start) + 1 < ?2) " \
    "FROM project p JOIN division t ON t.id = p.township_id " \
    "LEFT JOIN division v ON v.id = p.village_id "

/* Read one project row; PLAN, PUBLISHED, LINKING and SHORT for flags. */
struct proj_extra {
    int plan, published, linking, short_pub;
};

static void
project_row_read(sqlite3_stmt *st, struct project_row *r, struct proj_extra *x)
{
    char state[32];

    memset(r, 0, sizeof(*r));
    r->id = db_col_int(st, 0);
    db_col_text(st, 1, r->proj_no, sizeof(r->proj_no));
    db_col_text(st, 2, r->name, sizeof(r->name));
    r->year = (int)db_col_int(st, 3);
    db_col_text(st, 4, r->ptype, sizeof(r->ptype));
    r->township_id = db_col_int(st, 5);
    r->village_id = db_col_int(st, 6);
    rec_col_place(st, 7, r->place, sizeof(r->place));
    db_col_text(st, 9, state, sizeof(state));
    if (proj_state_parse(state, &r->state)) {
        r->state = PS_NONE;
    }
    r->budget = db_col_int(st, 10);
    r->self_funds = db_col_int(st, 11);
    r->allocated = db_col_int(st, 12);
    r->paid = db_col_int(st, 13);
    r->wages = db_col_int(st, 14);
    r->workrelief = db_col_int(st, 15);
    r->last_step = db_col_date(st, 16);
    x->plan = db_col_date(st, 17);
    x->published = db_col_date(st, 18);
    x->linking = sqlite3_column_bytes(st, 19) > 0;
    x->short_pub = (int)db_col_int(st, 20);
}

/* Allocation results not published in time, by project. */
struct late_alloc {
    int64_t *v;
    size_t n, alloc;
};

static int
late_allocations(struct db *db, const struct rule_ctx *ctx,
                 struct late_alloc *out, struct err *e)
{
    static const char sql[] =
        "SELECT a.project_id, a.alloc_date, a.published_on, f.year "
        "FROM allocation a JOIN fund f ON f.id = a.fund_id";
    sqlite3_stmt *st = db_prep(db, sql, e);
    int rc;

    if (st == NULL) {
        return -1;
    }
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const struct rules *r = rules_in_force(ctx, (int)db_col_int(st, 3));
        enum pub_status s = pub_status(&ctx->policy->cal, db_col_date(st, 1),
                                       r->alloc_publish_workdays,
                                       db_col_date(st, 2), ctx->today, NULL);

        if (s == PUB_LATE || s == PUB_OVERDUE) {
            out->v = xgrow(out->v, &out->alloc, out->n + 1, sizeof(int64_t));
            out->v[out->n++] = db_col_int(st, 0);
        }
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : db_fail(db, e, _("reading the allocations"));
}

static int
in_list(const struct late_alloc *l, int64_t id)
{
    size_t i;

    for (i = 0; i < l->n; i++) {
        if (l->v[i] == id) {
            return 1;
        }
    }
    return 0;
}

static unsigned
project_flags(const struct rule_ctx *ctx, const struct project_row *r,
              const struct proj_extra *x, const struct late_alloc *late)
{
    const struct rules *ru = rules_in_force(ctx, r->year);
    enum pub_status ps = pub_status(&ctx->policy->cal, x->plan,
                                    ru->targets_publish_workdays, x->published,
                                    ctx->today, NULL);
    unsigned f = 0;

    if (x->short_pub > 0) {
        f |= PF_PUBLICITY_SHORT;
    }
    if (ps == PUB_LATE || ps == PUB_OVERDUE) {
        f |= PF_TARGETS_LATE;
    }
    if (in_list(late, r->id)) {
        f |= PF_ALLOC_LATE;
    }
    if (r->workrelief > 0 && r->state >= PS_COMPLETED && r->state <= PS_OPERATING &&
        r->wages < money_bp_ceil(r->workrelief, ru->wage_min_bp)) {
        f |= PF_WAGE_SHORT;
    }
    if (!x->linking && code_is(book(ctx), "project_type", r->ptype, "industry") &&
        r->state != PS_REJECTED && r->state != PS_CANCELLED) {
        f |= PF_NO_LINKING;
    }
    return f;
}

/* Rows collected for a list: V (N of them, room for ALLOC). */
struct project_rows {
    struct project_row *v;
    size_t n, alloc;
};

/* Append the rows of ST the actor sees (only flagged ones when FLAGGED),
 * flagged with LATE; ST is reset. */
static int
project_rows(struct db *db, const struct rule_ctx *ctx, const struct actor *a,
             sqlite3_stmt *st, int flagged, const struct late_alloc *late,
             struct project_rows *out, struct err *e)
{
    int rc;

    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct project_row r;
        struct proj_extra x;

        project_row_read(st, &r, &x);
        if (!actor_sees(a, r.township_id, r.village_id)) {
            continue;
        }
        r.flags = project_flags(ctx, &r, &x, late);
        if (flagged && r.flags == 0) {
            continue;
        }
        out->v = xgrow(out->v, &out->alloc, out->n + 1, sizeof(*out->v));
        out->v[out->n++] = r;
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : db_fail(db, e, _("reading the projects"));
}

/* Hand OUT's rows to *V and *N, or free them when RC is not 0. */
static int
rows_done(int rc, struct project_rows *out, struct project_row **v, size_t *n)
{
    if (rc != 0) {
        free(out->v);
        out->v = NULL;
        out->n = 0;
    }
    *v = out->v;
    *n = out->n;
    return rc;
}

static void
bind_row_params(const struct rule_ctx *ctx, sqlite3_stmt *st)
{
    const char *wr = code_with_tag(book(ctx), "fund_type", "workrelief");
    const struct rules *r = rules_in_force(ctx, date_year(ctx->today));

    db_bind_text(st, 1, wr != NULL ? wr : "");
    db_bind_int(st, 2, r->project_publicity_min_days);
}

int
db_project_list(struct db *db, const struct rule_ctx *ctx,
                const struct actor *a, const struct funds_filter *flt,
                struct project_row **v, size_t *n, struct err *e)
{
    static const char sql[] = PROJECT_ROW_SQL
        "WHERE (?3 = 0 OR p.year = ?3) AND (?4 = 0 OR p.township_id = ?4) "
        "AND (?5 = 0 OR p.village_id = ?5) AND (?6 = '' OR p.ptype = ?6) "
        "AND (?7 = '' OR p.state = ?7) "
        "ORDER BY p.year DESC, p.proj_no";
    sqlite3_stmt *st = db_prep(db, sql, e);
    struct late_alloc late = {NULL, 0, 0};
    struct project_rows out = {NULL, 0, 0};
    int rc;

    if (st == NULL) {
        return -1;
    }
    bind_row_params(ctx, st);
    db_bind_int(st, 3, flt->year);
    db_bind_int(st, 4, flt->township_id);
    db_bind_int(st, 5, flt->village_id);
    db_bind_text(st, 6, flt->code);
    db_bind_text(st, 7, flt->state >= 0 ? proj_state_name((enum proj_state)flt->state) : "");
    rc = late_allocations(db, ctx, &late, e) ||
         project_rows(db, ctx, a, st, flt->flagged, &late, &out, e);
    free(late.v);
    return rows_done(rc, &out, v, n);
}

int
db_project_rows(struct db *db, const struct rule_ctx *ctx,
                const struct actor *a, const int64_t *ids, size_t n,
                struct project_row **v, size_t *got, struct err *e)
{
    static const char sql[] = PROJECT_ROW_SQL "WHERE p.id = ?3";
    struct late_alloc late = {NULL, 0, 0};
    struct project_rows out = {NULL, 0, 0};
    size_t i;
    int rc = late_allocations(db, ctx, &late, e);

    for (i = 0; rc == 0 && i < n; i++) {
        sqlite3_stmt *st = db_prep(db, sql, e);

        if (st == NULL) {
            rc = -1;
            break;
        }
        bind_row_params(ctx, st);
        db_bind_int(st, 3, ids[i]);
        rc = project_rows(db, ctx, a, st, 0, &late, &out, e);
    }
    free(late.v);
    return rows_done(rc, &out, v, got);
}

int
db_project_link(struct db *db, const struct actor *a, int64_t id,
                const char *hh_no, int link, struct err *e)
{
    static const char find[] =
        "SELECT id, township_id, village_id FROM household WHERE hh_no = ?";
    static const char add[] =
        "INSERT OR IGNORE INTO project_household(project_id, household_id) VALUES (?, ?)";
    static const char del[] =
        "DELETE FROM project_household WHERE project_id = ? AND household_id = ?";
    sqlite3_stmt *st;
    int64_t hh = 0, t = 0, v = 0, pt, pv;
    int rc;

    if (rec_may_write(a, e) || db_begin(db, e)) {
        return -1;
    }
    rc = rec_scalar(db, "SELECT township_id FROM project WHERE id = ?", id, 0, &pt, e) ||
         rec_scalar(db, "SELECT coalesce(village_id, 0) FROM project WHERE id = ?", id, 0, &pv, e);
    if (rc == 0 && !actor_sees(a, pt, pv)) {
        rc = err_set(e, ERR_DENIED, _("this project is outside your scope"));
    }
    if (rc == 0 && (st = db_prep(db, find, e)) != NULL) {
        db_bind_text(st, 1, hh_no);
        if (sqlite3_step(st) == SQLITE_ROW) {
            hh = db_col_int(st, 0);
            t = db_col_int(st, 1);
            v = db_col_int(st, 2);
        }
        sqlite3_reset(st);
    } else if (rc == 0) {
        rc = -1;
    }
    if (rc == 0 && (hh == 0 || !actor_sees(a, t, v))) {
        rc = err_set(e, ERR_NOTFOUND, _("there is no household %s in your scope"), hh_no);
    }
    if (rc == 0 && (st = db_prep(db, link ? add : del, e)) != NULL) {
        db_bind_int(st, 1, id);
        db_bind_int(st, 2, hh);
        rc = db_done(db, st, e);
        if (rc == 0 && sqlite3_changes(db->h) > 0) {
            rc = db_audit(db, a->login, link ? "insert" : "delete",
                          "project_household", id, "household", NULL, hh_no, e);
        }
    } else if (rc == 0) {
        rc = -1;
    }
    return rec_end_tx(db, rc, e);
}

int
db_project_linked(struct db *db, const struct codebook *cb, int64_t id,
                  int *households, int *former_poor, int *monitored,
                  struct err *e)
{
    static const char sql[] =
        "SELECT count(*), coalesce(sum(h.hh_type = ?2), 0), "
        "coalesce(sum(l.state IN ('monitored','elim_verified','elim_appraised',"
        "'elim_publicizing','elim_township_reviewed')), 0) "
        "FROM project_household ph JOIN household h ON h.id = ph.household_id "
        "LEFT JOIN hh_list l ON l.id = h.id WHERE ph.project_id = ?1";
    const char *poor = code_with_tag(cb, "hh_type", "former_poor");
    sqlite3_stmt *st = db_prep(db, sql, e);

    if (st == NULL) {
        return -1;
    }
    db_bind_int(st, 1, id);
    db_bind_text(st, 2, poor != NULL ? poor : "");
    if (sqlite3_step(st) != SQLITE_ROW) {
        sqlite3_reset(st);
        return db_fail(db, e, _("reading the beneficiaries"));
    }
    *households = (int)db_col_int(st, 0);
    *former_poor = (int)db_col_int(st, 1);
    *monitored = (int)db_col_int(st, 2);
    sqlite3_reset(st);
    return 0;
}

static void
linked_fill(sqlite3_stmt *st, void *row)
{
    struct linked_row *r = row;

    r->household_id = db_col_int(st, 0);
    db_col_text(st, 1, r->hh_no, sizeof(r->hh_no));
    db_col_text(st, 2, r->head, sizeof(r->head));
    rec_col_place(st, 3, r->place, sizeof(r->place));
    db_col_text(st, 5, r->hh_type, sizeof(r->hh_type));
    r->monitored = (int)db_col_int(st, 6);
}

int
db_project_households(struct db *db, int64_t id, struct linked_row **v, size_t *n,
                      struct err *e)
{
    static const char sql[] =
        "SELECT h.id, h.hh_no, coalesce(l.head, ''), t.name, vi.name, h.hh_type, "
        "coalesce(l.state IN ('monitored','elim_verified','elim_appraised',"
        "'elim_publicizing','elim_township_reviewed'), 0) "
        "FROM project_household ph JOIN household h ON h.id = ph.household_id "
        "JOIN division t ON t.id = h.township_id JOIN division vi ON vi.id = h.village_id "
        "LEFT JOIN hh_list l ON l.id = h.id WHERE ph.project_id = ? ORDER BY h.hh_no";
    sqlite3_stmt *st = db_prep(db, sql, e);

    if (st != NULL) {
        db_bind_int(st, 1, id);
    }
    return db_rows(db, st, sizeof(**v), linked_fill, NULL, (void **)v, n,
                   _("reading the beneficiaries"), e);
}

/* --- allocations ------------------------------------------------------ */

int
db_allocation_get(struct db *db, int64_t id, struct allocation *al,
                  struct err *e)
{
    return rec_get(db, &alloc_def, id, al, e);
}

/* The project of an allocation may receive funds now. */
static int
fundable(struct db *db, const struct actor *a, int64_t project,
         struct err *e)
{
    struct project p;
    int rc;

    project_init(&p);
    rc = db_project_get(db, project, &p, e);
    if (rc == 0 && !actor_sees(a, p.township_id, p.village_id)) {
        rc = err_set(e, ERR_DENIED, _("this project is outside your scope"));
    }
    if (rc == 0 && !proj_state_fundable(p.state)) {
        rc = err_set(e, ERR_RULE,
                     _("project %s is '%s': funds are allocated only to projects in the annual plan"),
                     p.proj_no, proj_state_label(p.state));
    }
    project_clear(&p);
    return rc;
}

/* Receipt FUND has AMOUNT left beside allocation EXCEPT. */
static int
fund_covers(struct db *db, int64_t fund, int64_t except, int64_t amount,
            struct err *e)
{
    static const char sql[] =
        "SELECT coalesce(sum(amount), 0) FROM allocation WHERE fund_id = ? AND id <> ?";
    int64_t total, used;
    char t[MONEY_BUF], l[MONEY_BUF], a[MONEY_BUF];

    if (rec_scalar(db, "SELECT amount FROM fund WHERE id = ?", fund, 0, &total, e) ||
        rec_scalar(db, sql, fund, except, &used, e)) {
        return -1;
    }
    if (total == 0) {
        return err_set(e, ERR_NOTFOUND, _("the fund receipt chosen does not exist"));
    }
    if (used + amount > total) {
        fen_text(total, t);
        fen_text(total - used, l);
        fen_text(amount, a);
        return err_set(e, ERR_RULE,
                       _("the receipt of %s yuan has %s yuan left to allocate; %s yuan would overdraw it"),
                       t, l, a);
    }
    return 0;
}

/* Allocation ID keeps at least what has been paid out of it. */
static int
covers_payments(struct db *db, int64_t id, int64_t amount, struct err *e)
{
    int64_t paid;
    char p[MONEY_BUF];

    if (rec_scalar(db, "SELECT coalesce(sum(amount), 0) FROM payment WHERE allocation_id = ?",
               id, 0, &paid, e)) {
        return -1;
    }
    if (amount < paid) {
        fen_text(paid, p);
        return err_set(e, ERR_RULE,
                       _("%s yuan has been paid out of this allocation; it cannot be less"), p);
    }
    return 0;
}

static int
alloc_store(struct db *db, const struct rule_ctx *ctx, const struct actor *a,
            struct allocation *al, struct err *e)
{
    struct allocation old;
    int rc;

    if (county_only(a, e) || allocation_check(al, ctx->today, e) ||
        fundable(db, a, al->project_id, e) ||
        fund_covers(db, al->fund_id, al->id, al->amount, e)) {
        return -1;
    }
    if (al->id == 0) {
        return rec_insert(db, &alloc_def, a->login, al, e);
    }
    allocation_init(&old);
    rc = rec_get(db, &alloc_def, al->id, &old, e) ||
         covers_payments(db, al->id, al->amount, e);
    if (rc == 0 && old.fund_id != al->fund_id) {
        int64_t n;

        rc = rec_scalar(db, "SELECT count(*) FROM payment WHERE allocation_id = ?", al->id, 0, &n, e);
        if (rc == 0 && n > 0) {
            rc = err_set(e, ERR_RULE,
                         _("payments have been made out of this allocation; its receipt cannot change"));
        }
    }
    if (rc == 0) {
        rc = rec_update(db, &alloc_def, a->login, &old, al, _("this allocation"), e);
    }
    allocation_clear(&old);
    return rc;
}

int
db_allocation_save(struct db *db, const struct rule_ctx *ctx,
                   const struct actor *a, struct allocation *al,
                   struct err *e)
{
    int64_t id = al->id, version = al->version;

    if (db_begin(db, e)) {
        return -1;
    }
    if (rec_end_tx(db, alloc_store(db, ctx, a, al, e), e)) {
        al->id = id;
        al->version = version;
        return -1;
    }
    return 0;
}

int
db_allocation_delete(struct db *db, const struct actor *a, int64_t id,
                     int64_t version, struct err *e)
{
    int64_t n;
    int rc;

    if (county_only(a, e) || db_begin(db, e)) {
        return -1;
    }
    rc = rec_scalar(db, "SELECT count(*) FROM payment WHERE allocation_id = ?", id, 0, &n, e);
    if (rc == 0 && n > 0) {
        rc = err_set(e, ERR_RULE,
                     _("payments have been made out of this allocation; delete them first"));
    }
    if (rc == 0) {
        rc = rec_delete(db, a, "DELETE FROM allocation WHERE id = ? AND version = ?",
                        "allocation", id, version, _("this allocation"), e);
    }
    return rec_end_tx(db, rc, e);
}

static void
alloc_row_fill(sqlite3_stmt *st, void *row)
{
    struct alloc_row *r = row;

    allocation_init(&r->a);
    r->a.id = db_col_int(st, 0);
    r->a.fund_id = db_col_int(st, 1);
    r->a.project_id = db_col_int(st, 2);
    r->a.amount = db_col_int(st, 3);
    r->a.alloc_date = db_col_date(st, 4);
    db_col_text(st, 5, r->a.doc_no, sizeof(r->a.doc_no));
    r->a.published_on = db_col_date(st, 6);
    r->a.version = db_col_int(st, 7);
    r->fund_year = (int)db_col_int(st, 8);
    db_col_text(st, 9, r->fund_type, sizeof(r->fund_type));
    db_col_text(st, 10, r->level, sizeof(r->level));
    db_col_text(st, 11, r->fund_doc, sizeof(r->fund_doc));
    db_col_text(st, 12, r->proj_no, sizeof(r->proj_no));
    db_col_text(st, 13, r->proj_name, sizeof(r->proj_name));
    r->paid = db_col_int(st, 14);
}

int
db_allocation_list(struct db *db, const struct rule_ctx *ctx, int64_t project,
                   int64_t fund, struct alloc_row **v, size_t *n,
                   struct err *e)
{
    static const char sql[] =
        "SELECT a.id, a.fund_id, a.project_id, a.amount, a.alloc_date, a.doc_no, "
        "a.published_on, a.version, f.year, f.fund_type, f.level, f.doc_no, "
        "p.proj_no, p.name, "
        "(SELECT coalesce(sum(amount), 0) FROM payment WHERE allocation_id = a.id) "
        "FROM allocation a JOIN fund f ON f.id = a.fund_id "
        "JOIN project p ON p.id = a.project_id "
        "WHERE (?1 = 0 OR a.project_id = ?1) AND (?2 = 0 OR a.fund_id = ?2) "
        "ORDER BY a.alloc_date, a.id";
    sqlite3_stmt *st = db_prep(db, sql, e);
    size_t i;

    if (st != NULL) {
        db_bind_int(st, 1, project);
        db_bind_int(st, 2, fund);
    }
    if (db_rows(db, st, sizeof(**v), alloc_row_fill, NULL, (void **)v, n,
                _("reading the allocations"), e)) {
        return -1;
    }
    for (i = 0; i < *n; i++) {
        struct alloc_row *r = &(*v)[i];

        r->pub = pub_status(&ctx->policy->cal, r->a.alloc_date,
                            rules_in_force(ctx, r->fund_year)->alloc_publish_workdays,
                            r->a.published_on, ctx->today, NULL);
    }
    return 0;
}

/* --- payments --------------------------------------------------------- */

int
db_payment_get(struct db *db, int64_t id, struct payment *p, struct err *e)
{
    return rec_get(db, &payment_def, id, p, e);
}

/* Allocation ALLOC may pay AMOUNT on DAY beside payment EXCEPT. */
static int
payable(struct db *db, const struct actor *a, int64_t alloc, int64_t except,
        int64_t amount, int day, struct err *e)
{
    static const char sql[] =
        "SELECT coalesce(sum(amount), 0) FROM payment WHERE allocation_id = ? AND id <> ?";
    struct allocation al;
    struct project p;
    int64_t used = 0;
    int rc;

    allocation_init(&al);
    project_init(&p);
    rc = rec_get(db, &alloc_def, alloc, &al, e) ||
         db_project_get(db, al.project_id, &p, e) ||
         rec_scalar(db, sql, alloc, except, &used, e);
    if (rc == 0 && !actor_sees(a, p.township_id, p.village_id)) {
        rc = err_set(e, ERR_DENIED, _("this project is outside your scope"));
    }
    if (rc == 0 && !proj_state_payable(p.state)) {
        rc = err_set(e, ERR_RULE,
                     _("project %s is '%s': payments are made once work has started"),
                     p.proj_no, proj_state_label(p.state));
    }
    if (rc == 0 && day < al.alloc_date) {
        rc = err_set(e, ERR_INVALID, _("the payment cannot be before the allocation"));
    }
    if (rc == 0 && used + amount > al.amount) {
        char t[MONEY_BUF], l[MONEY_BUF], x[MONEY_BUF];

        fen_text(al.amount, t);
        fen_text(al.amount - used, l);
        fen_text(amount, x);
        rc = err_set(e, ERR_RULE,
                     _("the allocation of %s yuan has %s yuan left to pay; %s yuan would overdraw it"),
                     t, l, x);
    }
    allocation_clear(&al);
    project_clear(&p);
    return rc;
}

static int
payment_store(struct db *db, const struct rule_ctx *ctx, const struct actor *a,
              struct payment *p, struct err *e)
{
    struct payment old;
    int rc;

    if (county_only(a, e) || payment_check(p, ctx->today, e) ||
        payable(db, a, p->allocation_id, p->id, p->amount, p->pay_date, e)) {
        return -1;
    }
    if (p->id == 0) {
        return rec_insert(db, &payment_def, a->login, p, e);
    }
    payment_init(&old);
    rc = rec_get(db, &payment_def, p->id, &old, e) ||
         rec_update(db, &payment_def, a->login, &old, p, _("this payment"), e);
    payment_clear(&old);
    return rc;
}

int
db_payment_save(struct db *db, const struct rule_ctx *ctx,
                const struct actor *a, struct payment *p, struct err *e)
{
    int64_t id = p->id, version = p->version;

    if (db_begin(db, e)) {
        return -1;
    }
    if (rec_end_tx(db, payment_store(db, ctx, a, p, e), e)) {
        p->id = id;
        p->version = version;
        return -1;
    }
    return 0;
}

int
db_payment_delete(struct db *db, const struct actor *a, int64_t id,
                  int64_t version, struct err *e)
{
    if (county_only(a, e) || db_begin(db, e)) {
        return -1;
    }
    return rec_end_tx(db, rec_delete(db, a, "DELETE FROM payment WHERE id = ? AND version = ?",
                                 "payment", id, version, _("this payment"), e),
                  e);
}

static void
payment_row_fill(sqlite3_stmt *st, void *row)
{
    struct payment_row *r = row;

    payment_init(&r->p);
    r->p.id = db_col_int(st, 0);
    r->p.allocation_id = db_col_int(st, 1);
    r->p.pay_date = db_col_date(st, 2);
    r->p.amount = db_col_int(st, 3);
    db_col_text(st, 4, r->p.payee, sizeof(r->p.payee));
    db_col_text(st, 5, r->p.voucher_no, sizeof(r->p.voucher_no));
    r->p.is_wage = (int)db_col_int(st, 6);
    r->p.version = db_col_int(st, 7);
    db_col_text(st, 8, r->fund_doc, sizeof(r->fund_doc));
}

int
db_payment_list(struct db *db, int64_t project, struct payment_row **v,
                size_t *n, struct err *e)
{
    static const char sql[] =
        "SELECT y.id, y.allocation_id, y.pay_date, y.amount, y.payee, "
        "y.voucher_no, y.is_wage, y.version, f.doc_no "
        "FROM payment y JOIN allocation a ON a.id = y.allocation_id "
        "JOIN fund f ON f.id = a.fund_id WHERE a.project_id = ? "
        "ORDER BY y.pay_date, y.id";
    sqlite3_stmt *st = db_prep(db, sql, e);

    if (st != NULL) {
        db_bind_int(st, 1, project);
    }
    return db_rows(db, st, sizeof(**v), payment_row_fill, NULL, (void **)v, n,
                   _("reading the payments"), e);
}

/* --- meters ----------------------------------------------------------- */

static void
sums_fill(sqlite3_stmt *st, void *row)
{
    struct fund_sums *s = row;

    db_col_text(st, 0, s->fund_type, sizeof(s->fund_type));
    db_col_text(st, 1, s->level, sizeof(s->level));
    s->received = db_col_int(st, 2);
    s->allocated = db_col_int(st, 3);
    s->paid = db_col_int(st, 4);
    s->wages = db_col_int(st, 5);
}

/* Add what YEAR's receipts allocated to projects of each type. */
static int
sums_by_ptype(struct db *db, const struct codebook *cb, int year,
              struct fund_sums *v, size_t n, struct err *e)
{
    static const char sql[] =
        "SELECT f.fund_type, f.level, p.ptype, sum(a.amount) FROM allocation a "
        "JOIN fund f ON f.id = a.fund_id JOIN project p ON p.id = a.project_id "
        "WHERE f.year = ? GROUP BY f.fund_type, f.level, p.ptype";
    sqlite3_stmt *st = db_prep(db, sql, e);
    int rc;

    if (st == NULL) {
        return -1;
    }
    db_bind_int(st, 1, year);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *type = (const char *)sqlite3_column_text(st, 0);
        const char *level = (const char *)sqlite3_column_text(st, 1);
        const char *ptype = (const char *)sqlite3_column_text(st, 2);
        int64_t amount = db_col_int(st, 3);
        size_t i;

        for (i = 0; i < n; i++) {
            if (strcmp(v[i].fund_type, type) != 0 || strcmp(v[i].level, level) != 0) {
                continue;
            }
            if (code_is(cb, "project_type", ptype, "industry")) {
                v[i].alloc_industry += amount;
            }
            if (code_is(cb, "project_type", ptype, "mgmt_fee")) {
                v[i].alloc_mgmt += amount;
            }
        }
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : db_fail(db, e, _("reading the funds"));
}

int
db_fund_sums(struct db *db, const struct codebook *cb, int year,
             struct fund_sums **v, size_t *n, struct err *e)
{
    static const char sql[] =
        "SELECT f.fund_type, f.level, sum(f.amount), "
        "coalesce(sum((SELECT sum(amount) FROM allocation WHERE fund_id = f.id)), 0), "
        "coalesce(sum((SELECT sum(y.amount) FROM payment y JOIN allocation a "
        "  ON a.id = y.allocation_id WHERE a.fund_id = f.id)), 0), "
        "coalesce(sum((SELECT sum(y.amount) FROM payment y JOIN allocation a "
        "  ON a.id = y.allocation_id WHERE a.fund_id = f.id AND y.is_wage = 1)), 0) "
        "FROM fund f WHERE f.year = ? GROUP BY f.fund_type, f.level "
        "ORDER BY f.fund_type, f.level";
    sqlite3_stmt *st = db_prep(db, sql, e);

    if (st != NULL) {
        db_bind_int(st, 1, year);
    }
    if (db_rows(db, st, sizeof(**v), sums_fill, NULL, (void **)v, n,
                _("reading the funds"), e)) {
        return -1;
    }
    if (sums_by_ptype(db, cb, year, *v, *n, e)) {
        free(*v);
        *v = NULL;
        *n = 0;
        return -1;
    }
    return 0;
}

static void
year_fill(sqlite3_stmt *st, void *row)
{
    *(int *)row = (int)db_col_int(st, 0);
}

int
db_fund_years(struct db *db, int **v, size_t *n, struct err *e)
{
    static const char sql[] =
        "SELECT year FROM fund UNION SELECT year FROM project ORDER BY 1 DESC";

    return db_rows(db, db_prep(db, sql, e), sizeof(**v), year_fill, NULL,
                   (void **)v, n, _("reading the funds"), e);
}

/* --- assets ----------------------------------------------------------- */

static int
sources_load(struct db *db, struct asset *as, struct err *e)
{
    static const char sql[] =
        "SELECT fund_type, amount FROM asset_source WHERE asset_id = ? ORDER BY pos";
    sqlite3_stmt *st = db_prep(db, sql, e);
    int rc;

    if (st == NULL) {
        return -1;
    }
    db_bind_int(st, 1, as->id);
    as->nsrc = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && as->nsrc < ASSET_SOURCES) {
        db_col_text(st, 0, as->src[as->nsrc].fund_type, sizeof(as->src[0].fund_type));
        as->src[as->nsrc].amount = db_col_int(st, 1);
        as->nsrc++;
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : db_fail(db, e, _("reading the asset"));
}

int
db_asset_get(struct db *db, int64_t id, struct asset *as, struct err *e)
{
    if (rec_get(db, &asset_def, id, as, e)) {
        return -1;
    }
    return sources_load(db, as, e);
}

/* Replace the sources of AS, auditing them as one field when they
 * changed from OLD (NULL: a new asset). */
static int
sources_store(struct db *db, const struct actor *a, const struct asset *as,
              const struct asset *old, struct err *e)
{
    static const char del[] = "DELETE FROM asset_source WHERE asset_id = ?";
    static const char ins[] =
        "INSERT INTO asset_source(asset_id, pos, fund_type, amount) VALUES (?, ?, ?, ?)";
    char ov[256] = "", nv[256] = "";
    const char *name = "sources", *o = ov, *n = nv;
    sqlite3_stmt *st = db_prep(db, del, e);
    int i;

    if (st == NULL) {
        return -1;
    }
    db_bind_int(st, 1, as->id);
    if (db_done(db, st, e)) {
        return -1;
    }
    for (i = 0; i < as->nsrc; i++) {
        char m[MONEY_BUF];

        if ((st = db_prep(db, ins, e)) == NULL) {
            return -1;
        }
        db_bind_int(st, 1, as->id);
        db_bind_int(st, 2, i + 1);
        db_bind_text(st, 3, as->src[i].fund_type);
        db_bind_int(st, 4, as->src[i].amount);
        if (db_done(db, st, e)) {
            return -1;
        }
        money_format(as->src[i].amount, 0, m);
        snprintf(nv + strlen(nv), sizeof(nv) - strlen(nv), "%s%s:%s",
                 i ? "," : "", as->src[i].fund_type, m);
    }
    for (i = 0; old != NULL && i < old->nsrc; i++) {
        char m[MONEY_BUF];

        money_format(old->src[i].amount, 0, m);
        snprintf(ov + strlen(ov), sizeof(ov) - strlen(ov), "%s%s:%s",
                 i ? "," : "", old->src[i].fund_type, m);
    }
    if (old == NULL || strcmp(ov, nv) == 0) {
        return 0;
    }
    return db_audit_diff(db, a->login, "asset", as->id, &name, &o, &n, 1, e);
}

/* The household of a household asset is in the asset's place. */
static int
asset_links_ok(struct db *db, const struct asset *as, struct err *e)
{
    static const char hh_sql[] =
        "SELECT count(*) FROM household WHERE id = ? AND village_id = ?";
    int64_t n;

    if (as->project_id != 0) {
        if (rec_scalar(db, "SELECT count(*) FROM project WHERE id = ?", as->project_id, 0, &n, e)) {
            return -1;
        }
        if (n == 0) {
            return err_set(e, ERR_NOTFOUND, _("the project chosen does not exist"));
        }
    }
    if (as->household_id != 0) {
        if (rec_scalar(db, hh_sql, as->household_id, as->village_id, &n, e)) {
            return -1;
        }
        if (n == 0) {
            return err_set(e, ERR_INVALID, _("the household is not in the asset's village"));
        }
    }
    return 0;
}

static int
asset_store(struct db *db, const struct rule_ctx *ctx, const struct actor *a,
            struct asset *as, struct err *e)
{
    static const char next_sql[] =
        "SELECT coalesce(max(CAST(substr(asset_no, ?2) AS INTEGER)), 0) "
        "FROM asset WHERE asset_no LIKE ?1 || '%'";
    struct asset old;
    int rc;

    if (asset_check(as, book(ctx), ctx->today, e) ||
        rec_check_place(db, as->township_id, as->village_id, e) ||
        rec_may_change_place(a, as->township_id, as->village_id, e) ||
        asset_links_ok(db, as, e)) {
        return -1;
    }
    if (as->id == 0) {
        if (as->asset_no[0] == '\0' &&
            next_no(db, next_sql, "ZC", as->year, as->asset_no, sizeof(as->asset_no), e)) {
            return -1;
        }
        return rec_insert(db, &asset_def, a->login, as, e) ||
               sources_store(db, a, as, NULL, e);
    }
    asset_init(&old);
    rc = db_asset_get(db, as->id, &old, e);
    if (rc == 0 && !actor_sees(a, old.township_id, old.village_id)) {
        rc = err_set(e, ERR_DENIED, _("this place is outside your scope"));
    }
    if (rc == 0) {
        rc = rec_update(db, &asset_def, a->login, &old, as, _("this asset"), e) ||
             sources_store(db, a, as, &old, e);
    }
    asset_clear(&old);
    return rc;
}

int
db_asset_save(struct db *db, const struct rule_ctx *ctx, const struct actor *a,
              struct asset *as, struct err *e)
{
    int64_t id = as->id, version = as->version;
    char no[PROJ_NO_BUF];

    memcpy(no, as->asset_no, sizeof(no));
    if (db_begin(db, e)) {
        return -1;
    }
    if (rec_end_tx(db, asset_store(db, ctx, a, as, e), e)) {
        as->id = id;
        as->version = version;
        memcpy(as->asset_no, no, sizeof(no));
        return -1;
    }
    return 0;
}

#define ASSET_ROW_SQL \
    "SELECT a.id, a.asset_no, a.name, a.aclass, coalesce(a.atype, ''), a.year, " \
    "a.township_id, coalesce(a.village_id, 0), coalesce(a.project_id, 0), " \
    "t.name, v.name, a.owner_level, coalesce(a.maintainer, ''), a.status, a.value, " \
    "(SELECT income FROM asset_income WHERE asset_id = a.id ORDER BY year DESC LIMIT 1), " \
    "(SELECT year FROM asset_income WHERE asset_id = a.id ORDER BY year DESC LIMIT 1), " \
    "coalesce(p.name, '') " \
    "FROM asset a JOIN division t ON t.id = a.township_id " \
    "LEFT JOIN division v ON v.id = a.village_id " \
    "LEFT JOIN project p ON p.id = a.project_id "

static void
asset_row_fill(sqlite3_stmt *st, void *row)
{
    struct asset_row *r = row;

    r->id = db_col_int(st, 0);
    db_col_text(st, 1, r->asset_no, sizeof(r->asset_no));
    db_col_text(st, 2, r->name, sizeof(r->name));
    db_col_text(st, 3, r->aclass, sizeof(r->aclass));
    db_col_text(st, 4, r->atype, sizeof(r->atype));
    r->year = (int)db_col_int(st, 5);
    r->township_id = db_col_int(st, 6);
    r->village_id = db_col_int(st, 7);
    r->project_id = db_col_int(st, 8);
    rec_col_place(st, 9, r->place, sizeof(r->place));
    db_col_text(st, 11, r->owner_level, sizeof(r->owner_level));
    db_col_text(st, 12, r->maintainer, sizeof(r->maintainer));
    db_col_text(st, 13, r->status, sizeof(r->status));
    r->value = db_col_int(st, 14);
    r->last_income = db_col_int(st, 15);
    r->income_year = (int)db_col_int(st, 16);
    db_col_text(st, 17, r->proj_name, sizeof(r->proj_name));
}

/* Keep only the rows A sees. */
static void
asset_scope(const struct actor *a, struct asset_row *v, size_t *n)
{
    size_t i, k = 0;

    for (i = 0; i < *n; i++) {
        if (actor_sees(a, v[i].township_id, v[i].village_id)) {
            v[k++] = v[i];
        }
    }
    *n = k;
}

int
db_asset_list(struct db *db, const struct rule_ctx *ctx, const struct actor *a,
              const struct funds_filter *flt, struct asset_row **v, size_t *n,
              struct err *e)
{
    static const char sql[] = ASSET_ROW_SQL
        "WHERE (?1 = 0 OR a.year = ?1) AND (?2 = 0 OR a.township_id = ?2) "
        "AND (?3 = 0 OR a.village_id = ?3) AND (?4 = '' OR a.aclass = ?4) "
        "ORDER BY a.asset_no";
    sqlite3_stmt *st = db_prep(db, sql, e);
    size_t i, k = 0;

    (void)ctx;
    if (st != NULL) {
        db_bind_int(st, 1, flt->year);
        db_bind_int(st, 2, flt->township_id);
        db_bind_int(st, 3, flt->village_id);
        db_bind_text(st, 4, flt->code);
    }
    if (db_rows(db, st, sizeof(**v), asset_row_fill, NULL, (void **)v, n,
                _("reading the assets"), e)) {
        return -1;
    }
    asset_scope(a, *v, n);
    if (flt->flagged) {
        for (i = 0; i < *n; i++) {
            if (code_is(book(ctx), "asset_class", (*v)[i].aclass, "public") &&
                (*v)[i].maintainer[0] == '\0') {
                (*v)[k++] = (*v)[i];
            }
        }
        *n = k;
    }
    return 0;
}

int
db_asset_of_project(struct db *db, int64_t project, struct asset_row **v,
                    size_t *n, struct err *e)
{
    static const char sql[] = ASSET_ROW_SQL "WHERE a.project_id = ? ORDER BY a.asset_no";
    sqlite3_stmt *st = db_prep(db, sql, e);

    if (st != NULL) {
        db_bind_int(st, 1, project);
    }
    return db_rows(db, st, sizeof(**v), asset_row_fill, NULL, (void **)v, n,
                   _("reading the assets"), e);
}

int
db_asset_income_get(struct db *db, int64_t id, struct asset_income *i,
                    struct err *e)
{
    return rec_get(db, &income_def, id, i, e);
}

static int
income_store(struct db *db, const struct rule_ctx *ctx, const struct actor *a,
             struct asset_income *in, struct err *e)
{
    struct asset as;
    struct asset_income old;
    int64_t taken;
    int rc;

    asset_init(&as);
    rc = asset_income_check(in, e) || rec_get(db, &asset_def, in->asset_id, &as, e) ||
         rec_may_change_place(a, as.township_id, as.village_id, e);
    if (rc == 0 && in->id == 0) {
        rc = rec_scalar(db, "SELECT count(*) FROM asset_income WHERE asset_id = ? AND year = ?",
                    in->asset_id, in->year, &taken, e);
        if (rc == 0 && taken > 0) {
            rc = err_set(e, ERR_RULE,
                         _("the income of %d is already recorded for this asset; edit that record"),
                         in->year);
        }
    }
    (void)ctx;
    asset_clear(&as);
    if (rc != 0) {
        return -1;
    }
    if (in->id == 0) {
        return rec_insert(db, &income_def, a->login, in, e);
    }
    asset_income_init(&old);
    rc = rec_get(db, &income_def, in->id, &old, e) ||
         rec_update(db, &income_def, a->login, &old, in, _("this income record"), e);
    asset_income_clear(&old);
    return rc;
}

int
db_asset_income_save(struct db *db, const struct rule_ctx *ctx,
                     const struct actor *a, struct asset_income *i,
                     struct err *e)
{
    int64_t id = i->id, version = i->version;

    if (db_begin(db, e)) {
        return -1;
    }
    if (rec_end_tx(db, income_store(db, ctx, a, i, e), e)) {
        i->id = id;
        i->version = version;
        return -1;
    }
    return 0;
}

static void
income_fill(sqlite3_stmt *st, void *row)
{
    struct asset_income *i = row;

    asset_income_init(i);
    i->id = db_col_int(st, 0);
    i->asset_id = db_col_int(st, 1);
    i->year = (int)db_col_int(st, 2);
    i->income = db_col_int(st, 3);
    i->to_households = db_col_int(st, 4);
    i->households = (int)db_col_int(st, 5);
    i->to_village = db_col_int(st, 6);
    i->to_upkeep = db_col_int(st, 7);
    i->dist_date = db_col_date(st, 8);
    i->use_note = db_col_strdup(st, 9);
    i->version = db_col_int(st, 10);
}

static void
income_free(void *row)
{
    asset_income_clear(row);
}

int
db_asset_income_list(struct db *db, int64_t asset, struct asset_income **v,
                     size_t *n, struct err *e)
{
    static const char sql[] =
        "SELECT id, asset_id, year, income, to_households, households, "
        "to_village, to_upkeep, dist_date, use_note, version FROM asset_income "
        "WHERE asset_id = ? ORDER BY year DESC";
    sqlite3_stmt *st = db_prep(db, sql, e);

    if (st != NULL) {
        db_bind_int(st, 1, asset);
    }
    return db_rows(db, st, sizeof(**v), income_fill, income_free, (void **)v, n,
                   _("reading the asset income"), e);
}

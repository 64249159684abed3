/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_fund.c - the money trail in the database (see db_fund.h): fund
 * receipts, their allocations to projects, the payments out of those,
 * and the sums the meters judge.  The records' columns are described
 * once (struct rec_def) and stored through db_rec.c; this file adds the
 * county's role and "never overdraw" (checked with the amounts in words;
 * triggers in schema m004 are the backstop).  Projects are db_project.c,
 * assets db_asset.c.
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
#include "db/db_rec.h"
#include "util/err.h"
#include "util/i18n.h"

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
    REC_COL(struct fund, workrelief_batch, RC_FLAG),
    REC_COL(struct fund, note, RC_PTEXT),
};

static const struct rec_def fund_def = REC_DEF(struct fund, "fund", fund_cols, 5);

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

/* --- helpers ---------------------------------------------------------- */

void
funds_filter_init(struct funds_filter *f)
{
    memset(f, 0, sizeof(*f));
    f->state = -1;
}

/* Receipts, allocations and payments are the county bureau's. */
static int
county_only(const struct actor *a, struct err *e)
{
    return rec_county_only(a, _("fund receipts, allocations and payments are kept by county staff"),
                           e);
}

/* Delete row ID of TBL by SQL at VERSION, when nothing depends on it:
 * USED_SQL counts what does (a message USED says so). */
static int
county_delete(struct db *db, const struct actor *a, const char *used_sql,
              const char *used, const char *sql, const char *tbl, int64_t id,
              int64_t version, const char *what, struct err *e)
{
    int64_t n = 0;
    int rc;

    if (county_only(a, e) || db_begin(db, e)) {
        return -1;
    }
    rc = used_sql != NULL ? rec_scalar(db, used_sql, id, 0, &n, e) : 0;
    if (rc == 0 && n > 0) {
        rc = err_set(e, ERR_RULE, "%s", used);
    }
    if (rc == 0) {
        rc = rec_delete(db, a, sql, tbl, id, version, what, e);
    }
    return rec_end_tx(db, rc, e);
}

static void
fen_text(int64_t fen, char out[MONEY_BUF])
{
    money_format(fen, 1, out);
}

static void clear_payment(void *p) { payment_clear(p); }

/* --- receipts --------------------------------------------------------- */

REC_GET(fund, struct fund, fund_def)

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

/* Receipt OLD (as stored) keeps at least what has been allocated of it. */
static int
covers_allocations(struct db *db, const struct fund *f, struct err *e)
{
    int64_t used;
    char u[MONEY_BUF];

    if (fund_allocated(db, f->id, &used, e)) {
        return -1;
    }
    if (f->amount < used) {
        fen_text(used, u);
        return err_set(e, ERR_RULE,
                       _("%s yuan of this receipt is already allocated; its amount cannot be less"), u);
    }
    return 0;
}

static int
fund_store(const struct rec_job *j)
{
    struct fund *f = j->rec, old;
    int rc;

    if (f->id == 0) {
        return rec_insert(j->db, &fund_def, j->a->login, f, j->e);
    }
    fund_init(&old);
    rc = rec_get(j->db, &fund_def, f->id, &old, j->e) || covers_allocations(j->db, f, j->e) ||
         rec_update(j->db, &fund_def, j->a->login, &old, f, _("this fund receipt"), j->e);
    fund_clear(&old);
    return rc ? -1 : 0;
}

int
db_fund_save(struct db *db, const struct rule_ctx *ctx, const struct actor *a,
             struct fund *f, struct err *e)
{
    const struct rec_job j = {db, ctx, a, f, e};

    if (county_only(a, e) || fund_check(f, &ctx->policy->codes, ctx->today, e)) {
        return -1;
    }
    return rec_save_tx(&fund_def, f, fund_store, &j);
}

int
db_fund_delete(struct db *db, const struct actor *a, int64_t id,
               int64_t version, struct err *e)
{
    return county_delete(db, a, "SELECT count(*) FROM allocation WHERE fund_id = ?",
                         _("funds of this receipt are allocated to projects; delete those allocations first"),
                         "DELETE FROM fund WHERE id = ? AND version = ?", "fund", id, version,
                         _("this fund receipt"), e);
}

static void
fund_row_fill(sqlite3_stmt *st, void *row)
{
    struct fund_row *r = row;
    int at = rec_read(st, 0, &fund_def, &r->f);

    r->allocated = db_col_int(st, at);
    r->paid = db_col_int(st, at + 1);
    r->allocations = (int)db_col_int(st, at + 2);
    r->done_alloc = db_col_int(st, at + 3);
    r->done_wages = db_col_int(st, at + 4);
}

/* The states of a completed project (完工 through 运营管护), parameters
 * 3 to 7: a project's wages are judged once it is finished. */
#define DONE_STATES "IN (?3, ?4, ?5, ?6, ?7)"
_Static_assert(PS_OPERATING - PS_COMPLETED == 4, "DONE_STATES has a parameter per state");

static void
bind_done_states(sqlite3_stmt *st, int at)
{
    int s;

    for (s = PS_COMPLETED; s <= PS_OPERATING; s++) {
        db_bind_text(st, at + s - PS_COMPLETED, proj_state_name((enum proj_state)s));
    }
}

int
db_fund_list(struct db *db, const struct funds_filter *flt,
             struct fund_row **v, size_t *n, struct err *e)
{
    sqlite3_stmt *st = rec_prep_select(db, &fund_def, "f",
        ", (SELECT coalesce(sum(amount), 0) FROM allocation WHERE fund_id = f.id), "
        "(SELECT coalesce(sum(p.amount), 0) FROM payment p "
        "   JOIN allocation a ON a.id = p.allocation_id WHERE a.fund_id = f.id), "
        "(SELECT count(*) FROM allocation WHERE fund_id = f.id), "
        "(SELECT coalesce(sum(a.amount), 0) FROM allocation a JOIN project p "
        "   ON p.id = a.project_id WHERE a.fund_id = f.id AND p.state " DONE_STATES "), "
        "(SELECT coalesce(sum(y.amount), 0) FROM payment y JOIN allocation a "
        "   ON a.id = y.allocation_id JOIN project p ON p.id = a.project_id "
        "   WHERE a.fund_id = f.id AND y.is_wage = 1 AND p.state " DONE_STATES ") "
        "FROM fund f WHERE (?1 = 0 OR f.year = ?1) AND (?2 = '' OR f.fund_type = ?2) "
        "AND (?8 = 0 OR f.id = ?8) "
        "ORDER BY f.year DESC, f.received_on, f.id", e);

    if (st != NULL) {
        db_bind_int(st, 1, flt->year);
        db_bind_text(st, 2, flt->code);
        bind_done_states(st, 3);
        db_bind_int(st, 8, flt->fund_id);
    }
    return db_rows(db, st, sizeof(**v), fund_row_fill, NULL, (void **)v, n,
                   _("reading the fund receipts"), e);
}

/* --- allocations ------------------------------------------------------ */

REC_GET(allocation, struct allocation, alloc_def)

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

/* AMOUNT more than USED of TOTAL would overdraw a receipt, or an
 * allocation when PAY: say so with the amounts in words. */
static int
overdraws(int64_t total, int64_t used, int64_t amount, int pay, struct err *e)
{
    char t[MONEY_BUF], l[MONEY_BUF], a[MONEY_BUF];

    if (used + amount <= total) {
        return 0;
    }
    fen_text(total, t);
    fen_text(total - used, l);
    fen_text(amount, a);
    return err_set(e, ERR_RULE,
                   pay ? _("the allocation of %s yuan has %s yuan left to pay; %s yuan would overdraw it")
                       : _("the receipt of %s yuan has %s yuan left to allocate; %s yuan would overdraw it"),
                   t, l, a);
}

/* Receipt FUND has AMOUNT left beside allocation EXCEPT. */
static int
fund_covers(struct db *db, int64_t fund, int64_t except, int64_t amount,
            struct err *e)
{
    static const char sql[] =
        "SELECT coalesce(sum(amount), 0) FROM allocation WHERE fund_id = ? AND id <> ?";
    int64_t total, used;

    if (rec_scalar(db, "SELECT amount FROM fund WHERE id = ?", fund, 0, &total, e) ||
        rec_scalar(db, sql, fund, except, &used, e)) {
        return -1;
    }
    if (total == 0) {
        return err_set(e, ERR_NOTFOUND, _("the fund receipt chosen does not exist"));
    }
    return overdraws(total, used, amount, 0, e);
}

/* Allocation AL, as stored OLD, keeps at least what has been paid out of
 * it, and its receipt once anything has. */
static int
covers_payments(struct db *db, const struct allocation *old,
                const struct allocation *al, struct err *e)
{
    int64_t paid, n;
    char p[MONEY_BUF];

    if (rec_scalar(db, "SELECT coalesce(sum(amount), 0) FROM payment WHERE allocation_id = ?",
                   al->id, 0, &paid, e) ||
        rec_scalar(db, "SELECT count(*) FROM payment WHERE allocation_id = ?", al->id, 0, &n, e)) {
        return -1;
    }
    if (al->amount < paid) {
        fen_text(paid, p);
        return err_set(e, ERR_RULE,
                       _("%s yuan has been paid out of this allocation; it cannot be less"), p);
    }
    if (old->fund_id != al->fund_id && n > 0) {
        return err_set(e, ERR_RULE,
                       _("payments have been made out of this allocation; its receipt cannot change"));
    }
    return 0;
}

static int
alloc_store(const struct rec_job *j)
{
    struct allocation *al = j->rec, old;
    int rc;

    if (fundable(j->db, j->a, al->project_id, j->e) ||
        fund_covers(j->db, al->fund_id, al->id, al->amount, j->e)) {
        return -1;
    }
    if (al->id == 0) {
        return rec_insert(j->db, &alloc_def, j->a->login, al, j->e);
    }
    allocation_init(&old);
    rc = rec_get(j->db, &alloc_def, al->id, &old, j->e) ||
         covers_payments(j->db, &old, al, j->e) ||
         rec_update(j->db, &alloc_def, j->a->login, &old, al, _("this allocation"), j->e);
    allocation_clear(&old);
    return rc ? -1 : 0;
}

int
db_allocation_save(struct db *db, const struct rule_ctx *ctx,
                   const struct actor *a, struct allocation *al,
                   struct err *e)
{
    const struct rec_job j = {db, ctx, a, al, e};

    if (county_only(a, e) || allocation_check(al, ctx->today, e)) {
        return -1;
    }
    return rec_save_tx(&alloc_def, al, alloc_store, &j);
}

int
db_allocation_delete(struct db *db, const struct actor *a, int64_t id,
                     int64_t version, struct err *e)
{
    return county_delete(db, a, "SELECT count(*) FROM payment WHERE allocation_id = ?",
                         _("payments have been made out of this allocation; delete them first"),
                         "DELETE FROM allocation WHERE id = ? AND version = ?", "allocation",
                         id, version, _("this allocation"), e);
}

static void
alloc_row_fill(sqlite3_stmt *st, void *row)
{
    struct alloc_row *r = row;
    int at = rec_read(st, 0, &alloc_def, &r->a);

    r->fund_year = (int)db_col_int(st, at);
    db_col_text(st, at + 1, r->fund_type, sizeof(r->fund_type));
    db_col_text(st, at + 2, r->level, sizeof(r->level));
    db_col_text(st, at + 3, r->fund_doc, sizeof(r->fund_doc));
    db_col_text(st, at + 4, r->proj_no, sizeof(r->proj_no));
    db_col_text(st, at + 5, r->proj_name, sizeof(r->proj_name));
    r->paid = db_col_int(st, at + 6);
}

int
db_allocation_list(struct db *db, const struct rule_ctx *ctx, int64_t project,
                   int64_t fund, struct alloc_row **v, size_t *n,
                   struct err *e)
{
    sqlite3_stmt *st = rec_prep_select(db, &alloc_def, "a",
        ", f.year, f.fund_type, f.level, f.doc_no, p.proj_no, p.name, "
        "(SELECT coalesce(sum(amount), 0) FROM payment WHERE allocation_id = a.id) "
        "FROM allocation a JOIN fund f ON f.id = a.fund_id "
        "JOIN project p ON p.id = a.project_id "
        "WHERE (?1 = 0 OR a.project_id = ?1) AND (?2 = 0 OR a.fund_id = ?2) "
        "ORDER BY a.alloc_date, a.id", e);
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

        const struct rules *ru = rules_in_force(ctx, r->fund_year);

        r->pub = pub_status(&ctx->policy->cal, r->a.alloc_date, ru->alloc_publish_workdays,
                            ru->alloc_publish_unit, r->a.published_on, ctx->today, NULL);
    }
    return 0;
}

/* --- payments --------------------------------------------------------- */

REC_GET(payment, struct payment, payment_def)

/* Project P of an allocation may be paid by A on DAY. */
static int
payable_project(const struct actor *a, const struct project *p, struct err *e)
{
    if (!actor_sees(a, p->township_id, p->village_id)) {
        return err_set(e, ERR_DENIED, _("this project is outside your scope"));
    }
    if (!proj_state_payable(p->state)) {
        return err_set(e, ERR_RULE,
                       _("project %s is '%s': payments are made once work has started"),
                       p->proj_no, proj_state_label(p->state));
    }
    return 0;
}

/* The allocation of payment P may pay it beside the others. */
static int
payable(struct db *db, const struct actor *a, const struct payment *pay, struct err *e)
{
    static const char sql[] =
        "SELECT coalesce(sum(amount), 0) FROM payment WHERE allocation_id = ? AND id <> ?";
    struct allocation al;
    struct project p;
    int64_t used = 0;
    int rc;

    allocation_init(&al);
    project_init(&p);
    rc = rec_get(db, &alloc_def, pay->allocation_id, &al, e) ||
         db_project_get(db, al.project_id, &p, e) ||
         rec_scalar(db, sql, pay->allocation_id, pay->id, &used, e) ||
         payable_project(a, &p, e);
    if (rc == 0 && pay->pay_date < al.alloc_date) {
        rc = err_set(e, ERR_INVALID, _("the payment cannot be before the allocation"));
    }
    if (rc == 0) {
        rc = overdraws(al.amount, used, pay->amount, 1, e);
    }
    allocation_clear(&al);
    project_clear(&p);
    return rc ? -1 : 0;
}

static int
payment_store(const struct rec_job *j)
{
    struct payment old;

    if (payable(j->db, j->a, j->rec, j->e)) {
        return -1;
    }
    payment_init(&old);
    return rec_store(j, &payment_def, &old, clear_payment, _("this payment"));
}

int
db_payment_save(struct db *db, const struct rule_ctx *ctx,
                const struct actor *a, struct payment *p, struct err *e)
{
    const struct rec_job j = {db, ctx, a, p, e};

    if (county_only(a, e) || payment_check(p, ctx->today, e)) {
        return -1;
    }
    return rec_save_tx(&payment_def, p, payment_store, &j);
}

int
db_payment_delete(struct db *db, const struct actor *a, int64_t id,
                  int64_t version, struct err *e)
{
    return county_delete(db, a, NULL, NULL, "DELETE FROM payment WHERE id = ? AND version = ?",
                         "payment", id, version, _("this payment"), e);
}

static void
payment_row_fill(sqlite3_stmt *st, void *row)
{
    struct payment_row *r = row;
    int at = rec_read(st, 0, &payment_def, &r->p);

    db_col_text(st, at, r->fund_doc, sizeof(r->fund_doc));
}

int
db_payment_list(struct db *db, int64_t project, struct payment_row **v,
                size_t *n, struct err *e)
{
    sqlite3_stmt *st = rec_prep_select(db, &payment_def, "y",
        ", f.doc_no FROM payment y JOIN allocation a ON a.id = y.allocation_id "
        "JOIN fund f ON f.id = a.fund_id WHERE a.project_id = ? "
        "ORDER BY y.pay_date, y.id", e);

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

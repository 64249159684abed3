/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * f_funds.c - the forms of the money trail: a fund receipt (资金下达),
 * an allocation of a receipt to a project (资金安排: fm->arg is the
 * project) and a payment out of an allocation (支付: fm->arg is the
 * project).  The receipts and allocations to choose from are tables of
 * the form's own, each labelled with what it has left.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/bounds.h"
#include "core/date.h"
#include "core/funds.h"
#include "core/money.h"
#include "db/db_fund.h"
#include "tui/choices.h"
#include "tui/draw.h"
#include "tui/f_bind.h"
#include "tui/f_common.h"
#include "tui/form.h"
#include "tui/screen.h"
#include "tui/tui.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

/* --- receipts --------------------------------------------------------- */

static const struct bind fund_binds[] = {
    FIELD(struct fund, year, .label = N_("Budget year"), .type = FT_INT,
          .flags = FF_REQUIRED, .min = 2000, .max = 2100,
          .help = N_("The year the funds belong to.")),
    FIELD(struct fund, level, .label = N_("Fund level"), .type = FT_CODE,
          .flags = FF_REQUIRED, .table = "fund_level",
          .help = N_("中央, 省级, 市级 or 县级.  F4 shows the list.")),
    FIELD(struct fund, fund_type, .label = N_("Fund type"), .type = FT_CODE,
          .flags = FF_REQUIRED, .table = "fund_type",
          .help = N_("衔接资金, 以工代赈, 东西部协作...  F4 shows the list.")),
    FIELD(struct fund, task_line, .label = N_("Task line"), .type = FT_CODE,
          .table = "task_line", .help = N_("The task line within 衔接资金 (optional).")),
    FIELD(struct fund, batch, .label = N_("Batch"), .type = FT_TEXT, .max_chars = 30,
          .help = N_("For example 第一批 or 提前下达.")),
    FIELD(struct fund, doc_no, .label = N_("Document number"), .type = FT_TEXT,
          .flags = FF_REQUIRED, .max_chars = 60,
          .help = N_("The 文号 of the document issuing the funds, e.g. 川财农〔2025〕12号.")),
    FIELD(struct fund, title, .label = N_("Title"), .type = FT_TEXT, .max_chars = 100,
          .help = N_("The document's title (optional).")),
    FIELD(struct fund, amount, .label = N_("Amount (yuan)"), .type = FT_MONEY, .max = BOUND_FUNDS,
          .flags = FF_REQUIRED,
          .help = N_("The amount received, in yuan with at most two decimals.")),
    FIELD(struct fund, received_on, .label = N_("Date received"), .type = FT_DATE,
          .flags = FF_REQUIRED, .help = N_("The day the document issued the funds.")),
    FIELD(struct fund, workrelief_batch, .label = N_("Designated 以工代赈 batch"),
          .type = FT_YESNO, .flags = FF_REQUIRED,
          .help = N_("是 for a designated batch of central 以工代赈 funds (专项批次): its completed projects must pay at least the batch share of the year's rules as labour remuneration, a higher share than other 以工代赈 funds.")),
    BIND(form_note, struct fund, note, BR_BOTH),
};

FORM_RECORD_IO(fund_io, fund_binds, struct fund, fund_init, fund_clear, db_fund_get,
               db_fund_save);

const struct form_kind fund_form = {
    .id = "fund",
    .rec = {
        .io = &fund_io,
        .title = {N_("Fund receipt %s"), {"doc_no"}},
        .title_new = {N_("New fund receipt")},
        .done = {N_("Fund receipt %s saved: %s yuan."), {"doc_no", "amount"}},
        .blank = "amount",
        .fresh = {.today = offsetof(struct fund, received_on),
                  .year = offsetof(struct fund, year)},
    },
};

/* --- allocations ---------------------------------------------------------- */


static const struct bind alloc_binds[] = {
    FIELD(struct allocation, fund_id, .label = N_("From the receipt"), .type = FT_CODE,
          .flags = FF_REQUIRED, .table = "fund",
          .help = N_("The receipt the funds come from, with what it has left.  F4 shows the list.")),
    FIELD(struct allocation, amount, .label = N_("Amount (yuan)"), .type = FT_MONEY, .max = BOUND_FUNDS,
          .flags = FF_REQUIRED, .help = N_("At most what the receipt has left.")),
    FIELD(struct allocation, alloc_date, .label = N_("Allocation date"), .type = FT_DATE,
          .flags = FF_REQUIRED,
          .help = N_("The day the funds were allocated to the project.")),
    FIELD(struct allocation, doc_no, .label = N_("Allocation document"), .type = FT_TEXT,
          .max_chars = 60, .help = N_("The document allocating the funds (optional).")),
    FIELD(struct allocation, published_on, .label = N_("Result published on"),
          .type = FT_DATE,
          .help = N_("When the allocation result was announced (within {alloc_publish}).")),
    BIND(form_note, struct allocation, note, BR_BOTH),
};

/* The receipts with money left (and CURRENT, the one in use). */
static int
fund_choices(struct form *fm, int64_t current, struct err *e)
{
    const struct codebook *cb = &fm->app->policy.codes;
    struct funds_filter flt;
    struct fund_row *v;
    struct choices c;
    size_t n, i;

    funds_filter_init(&flt);
    if (db_fund_list(fm->app->db, &flt, &v, &n, e) != 0) {
        return -1;
    }
    choices_init(&c);
    for (i = 0; i < n; i++) {
        char left[MONEY_BUF];

        if (v[i].f.amount - v[i].allocated <= 0 && v[i].f.id != current) {
            continue;
        }
        money_format(v[i].f.amount - v[i].allocated, 1, left);
        choices_add_id(&c, v[i].f.id, _("%d %s %s %s, %s yuan left"), v[i].f.year,
                       code_short(cb, "fund_level", v[i].f.level),
                       code_short(cb, "fund_type", v[i].f.fund_type), v[i].f.doc_no,
                       left);
    }
    free(v);
    form_add_table(fm, choices_table(&c, "fund", _("Fund receipt")));
    return 0;
}

/* "WHAT: 2025-0003 白马村道路硬化" into FM's title, and the project's plan
 * into *ROW (may be NULL). */
static int
project_title(struct form *fm, const char *what, struct project_row *row, struct err *e)
{
    struct rule_ctx ctx = form_rule_ctx(fm);
    struct project_row *v = NULL;
    size_t n = 0;

    if (db_project_rows(fm->app->db, &ctx, form_actor(fm), &fm->arg, 1, &v, &n, e) != 0) {
        return -1;
    }
    if (n == 0) {
        free(v);
        return err_set(e, ERR_NOTFOUND, "%s", _("The project is not there or not yours to see."));
    }
    form_project_title(fm, what, v[0].proj_no, v[0].name);
    if (row != NULL) {
        *row = v[0];
    }
    free(v);
    return 0;
}

/* The project's plan against the allocations (fm->data). */
struct alloc_plan {
    int64_t budget, own;
    int64_t others;         /* allocated to the project but this one */
    int64_t confirmed;      /* the amount to save over the plan (-1: none) */
};

/* How far AMOUNT allocated takes the project over its plan (fen). */
static int64_t
plan_over(const struct form *fm, int64_t amount)
{
    const struct alloc_plan *ap = fm->data;

    return ap != NULL ? proj_over_plan(ap->budget, ap->own, ap->others + amount) : 0;
}

static int
alloc_loaded(struct form *fm, void *rec, struct err *e)
{
    const struct allocation *a = rec;
    struct alloc_plan *ap = xcalloc(1, sizeof(*ap));
    struct project_row r;

    fm->data = ap;
    fm->arg = a->project_id;
    if (fund_choices(fm, a->fund_id, e) != 0 ||
        project_title(fm, fm->id ? _("Allocation") : _("New allocation"), &r, e) != 0) {
        return -1;
    }
    ap->budget = r.budget;
    ap->own = r.self_funds;
    ap->others = r.allocated - (fm->id != 0 ? a->amount : 0);
    ap->confirmed = -1;
    return 0;
}

/* Over the plan, saving asks once more: Ctrl-S again saves. */
static int
alloc_read(struct form *fm, void *rec, struct err *e)
{
    struct alloc_plan *ap = fm->data;
    const struct allocation *a = rec;
    char over[MONEY_BUF];

    if (plan_over(fm, a->amount) == 0 || ap->confirmed == a->amount) {
        return 0;
    }
    ap->confirmed = a->amount;
    money_format(plan_over(fm, a->amount), 1, over);
    return err_set(e, ERR_RULE,
                   _("This takes the project %s yuan over its planned investment: Ctrl-S again saves it all the same (the project is marked !), or lower the amount."),
                   over);
}

static int
alloc_panel_lines(struct form *fm)
{
    return plan_over(fm, form_num(fm, "", "amount", 0)) > 0 ? 2 : 0;
}

static void
alloc_panel_draw(struct form *fm, WINDOW *w, int y, int lines, int cols)
{
    const struct alloc_plan *ap = fm->data;
    int64_t amount = form_num(fm, "", "amount", 0);
    char over[MONEY_BUF], total[MONEY_BUF], own[MONEY_BUF], plan[MONEY_BUF];
    struct sbuf sb = SBUF_INIT;

    (void)lines;
    money_format(plan_over(fm, amount), 1, over);
    money_format(ap->others + amount, 1, total);
    money_format(ap->own, 1, own);
    money_format(ap->budget, 1, plan);
    sbuf_addf(&sb, _("%s yuan over the planned investment: %s yuan allocated with this one, %s yuan own funds, %s yuan planned."),
              over, total, own, plan);
    draw_text(w, y, 1, cols - 2, sb.buf, theme_attr(TH_WARN), AL_LEFT);
    draw_text(w, y + 1, 1, cols - 2, _("Saving asks once more; adjust the plan (项目调整) if it is right."),
              theme_attr(TH_WARN), AL_LEFT);
    sbuf_release(&sb);
}

FORM_RECORD_IO(alloc_io, alloc_binds, struct allocation, allocation_init,
               allocation_clear, db_allocation_get, db_allocation_save);

const struct form_kind allocation_form = {
    .id = "allocation",
    .panel_lines = alloc_panel_lines,
    .panel_draw = alloc_panel_draw,
    .free_data = free,
    .rec = {
        .io = &alloc_io,
        .done = {N_("Allocation saved: %s yuan."), {"amount"}},
        .blank = "amount",
        .fresh = {.arg = offsetof(struct allocation, project_id),
                  .today = offsetof(struct allocation, alloc_date)},
        .loaded = alloc_loaded,
        .read = alloc_read,
    },
};

/* --- payments -------------------------------------------------------------- */


static const struct bind payment_binds[] = {
    FIELD(struct payment, allocation_id, .label = N_("Out of the allocation"),
          .type = FT_CODE, .flags = FF_REQUIRED, .table = "allocation",
          .help = N_("The project's allocation the payment comes out of.  F4 shows the list.")),
    FIELD(struct payment, pay_date, .label = N_("Payment date"), .type = FT_DATE,
          .flags = FF_REQUIRED),
    FIELD(struct payment, amount, .label = N_("Amount (yuan)"), .type = FT_MONEY, .max = BOUND_FUNDS,
          .flags = FF_REQUIRED, .help = N_("At most what the allocation has left.")),
    FIELD(struct payment, payee, .label = N_("Payee"), .type = FT_TEXT,
          .flags = FF_REQUIRED, .max_chars = 60,
          .help = N_("Who was paid: a company, a cooperative, the workers' payroll.")),
    FIELD(struct payment, voucher_no, .label = N_("Voucher number"), .type = FT_TEXT,
          .flags = FF_REQUIRED, .max_chars = 30,
          .help = N_("The accounting voucher, e.g. 记-2025-0312.")),
    FIELD(struct payment, is_wage, .label = N_("Labour remuneration"), .type = FT_YESNO,
          .flags = FF_REQUIRED,
          .help = N_("是 for wages of a 以工代赈 project (counts for the wage share).")),
    BIND(form_note, struct payment, note, BR_BOTH),
};

/* The project's allocations, with what each has left to pay. */
static int
alloc_choices(struct form *fm, struct err *e)
{
    struct rule_ctx ctx = form_rule_ctx(fm);
    const struct codebook *cb = &fm->app->policy.codes;
    struct alloc_row *v;
    struct choices c;
    size_t n, i;

    if (db_allocation_list(fm->app->db, &ctx, fm->arg, 0, &v, &n, e) != 0) {
        return -1;
    }
    choices_init(&c);
    for (i = 0; i < n; i++) {
        char amount[MONEY_BUF], left[MONEY_BUF];

        money_format(v[i].a.amount, 1, amount);
        money_format(v[i].a.amount - v[i].paid, 1, left);
        choices_add_id(&c, v[i].a.id, _("%s %s: %s yuan, %s yuan left"),
                       code_short(cb, "fund_type", v[i].fund_type), v[i].fund_doc, amount,
                       left);
    }
    free(v);
    form_add_table(fm, choices_table(&c, "allocation", _("Allocation")));
    return 0;
}

FORM_RECORD_IO(payment_io, payment_binds, struct payment, payment_init, payment_clear,
               db_payment_get, db_payment_save);

/* The project of a stored payment is its allocation's. */
static int
payment_loaded(struct form *fm, void *rec, struct err *e)
{
    const struct payment *p = rec;
    struct allocation a;
    int rc = 0;

    allocation_init(&a);
    if (fm->id != 0) {
        rc = db_allocation_get(fm->app->db, p->allocation_id, &a, e);
        fm->arg = a.project_id;
    }
    allocation_clear(&a);
    return rc || alloc_choices(fm, e) ||
           project_title(fm, fm->id ? _("Payment") : _("New payment"), NULL, e) ? -1 : 0;
}

const struct form_kind payment_form = {
    .id = "payment",
    .rec = {
        .io = &payment_io,
        .done = {N_("Payment saved: %s yuan to %s."), {"amount", "payee"}},
        .blank = "amount",
        .fresh = {.today = offsetof(struct payment, pay_date)},
        .loaded = payment_loaded,
    },
};

/* --- deleting a receipt, an allocation or a payment --------------------------- */

struct del_job {
    enum fund_record kind;
    int64_t id, version;
    char what[300];
};

static const struct field_spec d_what = {
    .name = "what", .label = N_("Delete"), .type = FT_TEXT, .flags = FF_READONLY,
    .max_chars = 300};
static const struct field_spec d_sure = {
    .name = "sure", .label = N_("Delete it"), .type = FT_YESNO,
    .help = N_("是 deletes the record (recorded in the audit log); a record others depend on is refused.")};

static int
del_open(struct form *fm, struct err *e)
{
    struct del_job *j = fm->data;

    (void)e;
    snprintf(fm->title, sizeof(fm->title), "%s", _("Delete"));
    form_add_str(fm, &d_what, "", j->what);
    form_add_num(fm, &d_sure, "", 0, 0);
    return 0;
}

static int
del_save(struct form *fm, struct err *e)
{
    struct del_job *j = fm->data;
    const struct actor *a = form_actor(fm);
    struct db *db = fm->app->db;
    int rc;

    if (form_num(fm, "", "sure", 0) == 0) {
        return err_set(e, ERR_INVALID, "%s", _("set Delete it to 是 to delete, or press Esc"));
    }
    rc = j->kind == FR_FUND ? db_fund_delete(db, a, j->id, j->version, e)
         : j->kind == FR_ALLOCATION ? db_allocation_delete(db, a, j->id, j->version, e)
                                    : db_payment_delete(db, a, j->id, j->version, e);
    if (rc == 0) {
        snprintf(fm->done, sizeof(fm->done), _("Deleted: %s (recorded in the audit log)."),
                 j->what);
    }
    return rc;
}

static const struct form_kind delete_form = {
    .id = "fund_delete",
    .no_draft = 1,
    .open = del_open,
    .save = del_save,
    .free_data = free,
};

/* J's description and version from the record as stored. */
static int
del_describe(struct tui *t, struct del_job *j, struct err *e)
{
    char amount[MONEY_BUF], day[DATE_BUF];
    struct fund f;
    struct allocation al;
    struct payment p;
    int rc;

    fund_init(&f);
    allocation_init(&al);
    payment_init(&p);
    if (j->kind == FR_FUND && (rc = db_fund_get(t->app->db, j->id, &f, e)) == 0) {
        money_format(f.amount, 1, amount);
        snprintf(j->what, sizeof(j->what), _("fund receipt %s, %s yuan"), f.doc_no, amount);
        j->version = f.version;
    } else if (j->kind == FR_ALLOCATION &&
               (rc = db_allocation_get(t->app->db, j->id, &al, e)) == 0) {
        money_format(al.amount, 1, amount);
        date_format(al.alloc_date, day);
        snprintf(j->what, sizeof(j->what), _("allocation of %s yuan on %s"), amount, day);
        j->version = al.version;
    } else if (j->kind == FR_PAYMENT && (rc = db_payment_get(t->app->db, j->id, &p, e)) == 0) {
        money_format(p.amount, 1, amount);
        date_format(p.pay_date, day);
        snprintf(j->what, sizeof(j->what), _("payment of %s yuan on %s to %s (voucher %s)"),
                 amount, day, p.payee, p.voucher_no);
        j->version = p.version;
    } else {
        rc = -1;
    }
    fund_clear(&f);
    allocation_clear(&al);
    payment_clear(&p);
    return rc;
}

unsigned
funds_delete_dialog(struct tui *t, enum fund_record kind, int64_t id)
{
    struct del_job *j = xcalloc(1, sizeof(*j));
    struct err e;

    j->kind = kind;
    j->id = id;
    err_clear(&e);
    if (del_describe(t, j, &e) != 0) {
        tui_message(t, 1, "%s", e.msg[0] ? e.msg : _("The record is no longer there."));
        free(j);
        return D_STATUS;
    }
    form_open_with(t, &delete_form, j);
    return D_ALL;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * s_funds.c - the funds and projects workspace (F3): four sibling tables
 * shown as tabs - fund receipts (资金下达), the project pool (项目库), the
 * asset ledger (资产台账) and the fund indicators (资金指标) - and the
 * record screens of a receipt, a project and an asset.  Each is a
 * definition (struct table_def, struct view_def); the rows come from the
 * funds repositories (db/db_fund.h), the forms are tui/f_funds.c,
 * f_project.c and f_asset.c.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/date.h"
#include "core/funds.h"
#include "core/meter.h"
#include "core/money.h"
#include "core/rules.h"
#include "db/db_fund.h"
#include "db/db_household.h"
#include "print/export.h"
#include "tui/form.h"
#include "tui/s_menu.h"
#include "tui/screen.h"
#include "tui/table.h"
#include "tui/tui.h"
#include "tui/view.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/xalloc.h"


static const struct table_def receipts_def, projects_def, assets_def, indicators_def;
static const struct view_def receipt_view, project_view, asset_view;

static const struct table_def *const fund_tabs[] = {
    &receipts_def, &projects_def, &assets_def, &indicators_def, NULL,
};

/* What the record screens' lines stand for. */
enum ref_kind {
    REF_NONE = 0, REF_PROJECT, REF_ALLOC, REF_PAYMENT, REF_ASSET, REF_INCOME,
};

static void
fen(int64_t v, char out[MONEY_BUF])
{
    money_format(v, 1, out);
}

/* --- the tables' filter -------------------------------------------------- */

static int
fund_years(struct tui *t, int **v, size_t *n, struct err *e)
{
    return db_fund_years(t->app->db, v, n, e);
}

/* Receipts, projects and assets: every year or one, and the rows with
 * warnings; the indicators: one year at a time. */
static const struct table_filter_def year_filter = {
    .by_year = 1, .flagged = 1, .years = fund_years,
};
static const struct table_filter_def meter_filter = {.one_year = 1, .years = fund_years};

/* The rows' filter of a tab's (CTX) table filter. */
static struct funds_filter
rows_filter(const void *ctx)
{
    const struct table_filter *tf = ctx;
    struct funds_filter f;

    funds_filter_init(&f);
    f.year = tf->year;
    f.flagged = tf->flagged;
    return f;
}

/* --- receipts ---------------------------------------------------------------- */

static const struct table_col receipt_cols[] = {
    {N_("year"), 4, 0, 0, 0},
    {N_("document no."), 16, 0, 0, 1},
    {N_("level"), 4, 0, 0, 0},
    {N_("fund type"), 10, 0, 0, 0},
    {N_("amount"), 12, 1, 1, 0},
    {N_("allocated"), 12, 1, 1, 0},
    {N_("left"), 12, 1, 1, 0},
    {N_("paid"), 12, 1, 1, 0},
    {N_("batch"), 6, 0, 0, 0},
    {N_("received on"), 10, 0, 1, 0},
};

/* The wage share of receipt R when it is a designated 以工代赈 batch
 * (into M; 0 when it is not one), under the rules in force when it was
 * received. */
static int
batch_wages(struct tui *t, const struct fund_row *r, struct meter *m)
{
    struct rule_ctx rc = app_rule_ctx(t->app);

    if (!r->f.workrelief_batch) {
        return 0;
    }
    meter_batch_wages(m, rules_in_force(&rc, date_year(r->f.received_on)), r->done_wages,
                      r->done_alloc);
    return 1;
}

static int
receipts_load(struct tui *t, void *ctx, struct table_rows *out, struct err *e)
{
    struct funds_filter f = rows_filter(ctx);
    struct fund_row *v;
    size_t n, i;

    if (db_fund_list(t->app->db, &f, &v, &n, e) != 0) {
        return -1;
    }
    for (i = 0; i < n; i++) {
        struct meter m;

        table_add(out, v[i].f.id);
        table_setf(out, 0, "%d", v[i].f.year);
        table_set(out, 1, v[i].f.doc_no);
        table_set(out, 2, tui_code_text(t, "fund_level", v[i].f.level));
        table_set(out, 3, tui_code_text(t, "fund_type", v[i].f.fund_type));
        table_set_money(out, 4, v[i].f.amount);
        table_set_money(out, 5, v[i].allocated);
        table_set_money(out, 6, v[i].f.amount - v[i].allocated);
        table_set_money(out, 7, v[i].paid);
        table_set(out, 8, v[i].f.batch);
        table_set_date(out, 9, v[i].f.received_on);
        if (batch_wages(t, &v[i], &m) && m.status == MS_SHORT) {
            table_set_mark(out, '!');
        }
    }
    free(v);
    return 0;
}

static unsigned
receipts_print(struct tui *t, void *ctx, const int64_t *ids, size_t n)
{
    (void)ctx;
    return n > 0 ? funds_print_receipt(t, ids[0], n == 1) : 0;
}

static unsigned
receipt_print(struct tui *t, void *ctx, int64_t id)
{
    (void)ctx;
    return funds_print_receipt(t, id, 1);
}

static const struct keydef receipt_keys[] = {
    {'d', 0, ACT_DELETE, "d", N_("delete"), KD_WRITE},
    {0, 0, ACT_NONE, NULL, NULL, 0},
};

static unsigned
receipts_action(struct tui *t, void *ctx, int action, int64_t id)
{
    (void)ctx;
    return action == ACT_DELETE && id != 0 ? funds_delete_dialog(t, FR_FUND, id) : 0;
}

static const struct table_def receipts_def = {
    .id = "fund_receipts",
    .title = N_("fund receipts"),
    .help = N_("Fund receipts (资金下达): the funds the county received, by year, level (中央, 省, 市, 县), fund type and document number, with what has been allocated to projects, what is left and what has been paid out of it.  ! marks a designated 以工代赈 batch whose completed projects paid less than the batch share of its year's rules as labour remuneration."),
    .cols = receipt_cols,
    .ncols = ARRAY_SIZE(receipt_cols),
    .empty = N_("No fund receipt recorded yet: a adds one."),
    .tabs = fund_tabs,
    .filter_by = &year_filter,
    .load = receipts_load,
    .view = &receipt_view,
    .form = &fund_form,
    .print = receipts_print,
    .keys = receipt_keys,
    .action = receipts_action,
    .export = "receipts",
};

static const struct table_col alloc_of_fund_cols[] = {
    {N_("project no."), 9, 0, 0, 0},
    {N_("project"), 16, 0, 0, 1},
    {N_("amount"), 12, 1, 1, 0},
    {N_("paid"), 12, 1, 1, 0},
    {N_("allocated on"), 10, 0, 0, 0},
    {N_("result published"), 8, 0, 0, 0},
};

/* The allocations of a receipt or of a project, as a table. */
static void
alloc_rows(struct tui *t, struct view *v, const struct alloc_row *a, size_t n,
           int by_project)
{
    static const struct table_col proj_cols[] = {
        {N_("fund type"), 10, 0, 0, 0},
        {N_("document no."), 16, 0, 0, 1},
        {N_("amount"), 12, 1, 1, 0},
        {N_("paid"), 12, 1, 1, 0},
        {N_("allocated on"), 10, 0, 0, 0},
        {N_("result published"), 8, 0, 0, 0},
    };
    size_t i;

    view_table(v, by_project ? proj_cols : alloc_of_fund_cols, ARRAY_SIZE(proj_cols));
    for (i = 0; i < n; i++) {
        char amount[MONEY_BUF], paid[MONEY_BUF], day[DATE_BUF];
        const char *cells[6];

        fen(a[i].a.amount, amount);
        fen(a[i].paid, paid);
        date_format(a[i].a.alloc_date, day);
        cells[0] = by_project ? tui_code_text(t, "fund_type", a[i].fund_type) : a[i].proj_no;
        cells[1] = by_project ? a[i].fund_doc : a[i].proj_name;
        cells[2] = amount;
        cells[3] = paid;
        cells[4] = day;
        cells[5] = pub_status_label(a[i].pub);
        view_row_mark(v, by_project ? REF_ALLOC : REF_PROJECT,
                      by_project ? a[i].a.id : a[i].a.project_id, cells,
                      a[i].pub == PUB_LATE || a[i].pub == PUB_OVERDUE);
    }
}

/* A designated 以工代赈 batch's wage share: what its completed projects
 * paid as labour remuneration against the share asked, marked when short. */
static int
receipt_batch(struct tui *t, struct view *v, const struct fund *f, struct err *e)
{
    struct funds_filter flt;
    struct fund_row *r = NULL;
    struct meter m;
    size_t n = 0;
    char a[MONEY_BUF], b[MONEY_BUF], p1[32], p2[32], line[200];

    if (!f->workrelief_batch) {
        return 0;
    }
    funds_filter_init(&flt);
    flt.fund_id = f->id;
    if (db_fund_list(t->app->db, &flt, &r, &n, e) != 0) {
        return -1;
    }
    if (n != 1 || !batch_wages(t, r, &m)) {
        free(r);
        return 0;
    }
    fen(m.part, a);
    fen(m.whole, b);
    money_bp_text(m.share_bp, p1, sizeof(p1));
    money_bp_text(m.target_bp, p2, sizeof(p2));
    snprintf(line, sizeof(line), _("%s of %s yuan to completed projects (%s, >= %s)"), a, b, p1,
             p2);
    view_pair(v, _("Designated 以工代赈 batch: "), _("yes"));
    view_pair_mark(v, _("Batch wages: "), line, m.status == MS_SHORT);
    free(r);
    return 0;
}

static int
receipt_build(struct tui *t, void *ctx, struct view *v, struct err *e)
{
    struct rule_ctx rc = app_rule_ctx(t->app);
    struct fund f;
    struct alloc_row *a;
    size_t n, i;
    int64_t allocated = 0, paid = 0;
    char s[MONEY_BUF], day[DATE_BUF], title[200];

    (void)ctx;
    fund_init(&f);
    if (db_fund_get(t->app->db, v->id, &f, e) != 0 ||
        db_allocation_list(t->app->db, &rc, 0, v->id, &a, &n, e) != 0) {
        fund_clear(&f);
        return -1;
    }
    snprintf(title, sizeof(title), _("Fund receipt %s"), f.doc_no);
    view_title(v, title);
    view_section(v, _("Receipt"));
    view_pairf(v, _("Year: "), "%d", f.year);
    view_pair(v, _("Level: "), code_label(tui_codes(t), "fund_level", f.level));
    view_pair(v, _("Fund type: "), code_label(tui_codes(t), "fund_type", f.fund_type));
    view_pair(v, _("Task line: "), code_label(tui_codes(t), "task_line", f.task_line));
    view_pair(v, _("Document no.: "), f.doc_no);
    view_pair(v, _("Batch: "), f.batch);
    view_pair(v, _("Title: "), f.title);
    date_format(f.received_on, day);
    view_pair(v, _("Received on: "), day);
    for (i = 0; i < n; i++) {
        allocated += a[i].a.amount;
        paid += a[i].paid;
    }
    fen(f.amount, s);
    view_pair(v, _("Amount: "), s);
    fen(allocated, s);
    view_pair(v, _("Allocated: "), s);
    fen(f.amount - allocated, s);
    view_pair(v, _("Left to allocate: "), s);
    fen(paid, s);
    view_pair(v, _("Paid: "), s);
    if (receipt_batch(t, v, &f, e) != 0) {
        free(a);
        fund_clear(&f);
        return -1;
    }
    if (f.note != NULL) {
        view_text(v, f.note);
    }
    view_section(v, _("Allocations to projects"));
    if (n == 0) {
        view_text(v, _("Nothing allocated from this receipt yet: allocate from a project's screen (a)."));
    } else {
        alloc_rows(t, v, a, n, 0);
    }
    free(a);
    fund_clear(&f);
    return 0;
}

static const struct view_link receipt_links[] = {
    {REF_PROJECT, &project_view, NULL, 0},
    {0, NULL, NULL, 0},
};

static unsigned
receipt_view_action(struct tui *t, void *ctx, int action, const struct view_at *at)
{
    (void)ctx;
    return action == ACT_DELETE ? funds_delete_dialog(t, FR_FUND, at->id) : 0;
}

static const struct view_def receipt_view = {
    .id = "fund_receipt",
    .title = N_("fund receipt"),
    .build = receipt_build,
    .links = receipt_links,
    .form = &fund_form,
    .print = receipt_print,
    .keys = receipt_keys,
    .action = receipt_view_action,
};

/* --- projects ---------------------------------------------------------------- */

static const struct table_col project_cols[] = {
    {N_("project no."), 9, 0, 0, 0},
    {N_("project"), 16, 0, 0, 1},
    {N_("place"), 12, 0, 0, 0},
    {N_("project type"), 8, 0, 0, 0},
    {N_("status"), 10, 0, 0, 0},
    {N_("budget"), 12, 1, 1, 0},
    {N_("allocated"), 12, 1, 1, 0},
    {N_("paid"), 12, 1, 1, 0},
    {N_("year"), 4, 0, 0, 0},
};

static int
projects_load(struct tui *t, void *ctx, struct table_rows *out, struct err *e)
{
    struct funds_filter f = rows_filter(ctx);
    struct rule_ctx rc = app_rule_ctx(t->app);
    struct project_row *v;
    size_t n, i;

    if (db_project_list(t->app->db, &rc, &t->app->actor, &f, &v, &n, e) != 0) {
        return -1;
    }
    for (i = 0; i < n; i++) {
        table_add(out, v[i].id);
        table_set(out, 0, v[i].proj_no);
        table_set(out, 1, v[i].name);
        table_set(out, 2, v[i].place);
        table_set(out, 3, tui_code_text(t, "project_type", v[i].ptype));
        table_set(out, 4, proj_state_label(v[i].state));
        table_set_money(out, 5, v[i].budget);
        table_set_money(out, 6, v[i].allocated);
        table_set_money(out, 7, v[i].paid);
        table_setf(out, 8, "%d", v[i].year);
        if (v[i].flags != 0) {
            table_set_mark(out, '!');
        }
    }
    free(v);
    return 0;
}

/* x: the steps the user may take on the project now. */
struct step_menu {
    int64_t project;
    enum proj_action acts[PA_COUNT];
    size_t n;
};

static unsigned
step_chosen(void *ctx, struct tui *t, size_t i)
{
    struct step_menu *sm = ctx;
    int64_t project = sm->project;
    enum proj_action a = i < sm->n ? sm->acts[i] : PA_COUNT;

    free(sm);
    if (a != PA_COUNT) {
        form_open(t, &project_step_form, 0, project, a);
    }
    return D_ALL;
}

static unsigned
project_steps(struct tui *t, int64_t id)
{
    struct step_menu *sm;
    struct project p;
    struct menu *m;
    struct err e;
    size_t i;

    project_init(&p);
    if (db_project_get(t->app->db, id, &p, &e) != 0) {
        tui_message(t, 1, "%s", e.msg);
        return D_STATUS;
    }
    sm = xcalloc(1, sizeof(*sm));
    sm->project = id;
    sm->n = actor_writes(&t->app->actor) &&
                    actor_sees(&t->app->actor, p.township_id, p.village_id)
                ? proj_actions_for(p.state, t->app->actor.role, sm->acts)
                : 0;
    if (sm->n == 0) {
        tui_message(t, 1, _("No step of the project is open to you while it is '%s'."),
                    proj_state_label(p.state));
        project_clear(&p);
        free(sm);
        return D_STATUS;
    }
    m = menu_new(_("Next step"), step_chosen, sm);
    for (i = 0; i < sm->n; i++) {
        menu_add(m, proj_action_label(sm->acts[i]));
    }
    project_clear(&p);
    menu_open(t, m);
    return D_ALL;
}

static const struct keydef project_table_keys[] = {
    {'x', 0, ACT_STEP, "x", N_("next step"), KD_BAR | KD_WRITE},
    {0, 0, ACT_NONE, NULL, NULL, 0},
};

static unsigned
projects_action(struct tui *t, void *ctx, int action, int64_t id)
{
    (void)ctx;
    if (action == ACT_STEP && id != 0) {
        return project_steps(t, id);
    }
    return 0;
}

static unsigned
projects_print(struct tui *t, void *ctx, const int64_t *ids, size_t n)
{
    (void)ctx;
    return funds_print_projects(t, ids, n);
}

static const struct table_def projects_def = {
    .id = "projects",
    .title = N_("project pool"),
    .help = N_("The project pool (项目库): every project from its proposal by the village through the village, township and county publicity (each at least {project_publicity_min_days}), approval, the annual plan, implementation and acceptance to the handover of its assets.  ! marks a project with a warning: a publicity too short, performance targets or an allocation result not published in time, a 以工代赈 wage share under the minimum, an industry project without its farmer-linking mechanism."),
    .cols = project_cols,
    .ncols = ARRAY_SIZE(project_cols),
    .empty = N_("No project in the pool yet: a proposes one."),
    .tabs = fund_tabs,
    .filter_by = &year_filter,
    .load = projects_load,
    .view = &project_view,
    .form = &project_form,
    .print = projects_print,
    .keys = project_table_keys,
    .action = projects_action,
    .export = "projects",
};

/* The project's warnings in words. */
static void
project_warnings(struct view *v, unsigned flags)
{
    static const struct {
        unsigned flag;
        const char *text;
    } w[] = {
        {PF_PUBLICITY_SHORT, N_("A publicity in its history lasted less than the minimum.")},
        {PF_TARGETS_LATE, N_("The performance targets were not published within the time the rules set.")},
        {PF_ALLOC_LATE, N_("An allocation result was not published within the time the rules set.")},
        {PF_WAGE_SHORT, N_("The 以工代赈 wages are under the required share of its funds.")},
        {PF_NO_LINKING, N_("An industry project without its farmer-linking mechanism.")},
        {PF_OVER_PLAN, N_("The allocations and own funds exceed the planned investment.")},
    };
    size_t i;

    if (flags == 0) {
        return;
    }
    view_section(v, _("Warnings"));
    for (i = 0; i < ARRAY_SIZE(w); i++) {
        if (flags & w[i].flag) {
            view_pair_mark(v, "! ", _(w[i].text), 1);
        }
    }
}

static void
project_basics(struct tui *t, struct view *v, const struct project *p,
               const struct project_row *r)
{
    char a[MONEY_BUF], b[MONEY_BUF], d1[DATE_BUF], d2[DATE_BUF];

    view_section(v, _("Project"));
    view_pair(v, _("Project no.: "), p->proj_no);
    view_pair(v, _("Name: "), p->name);
    view_pairf(v, _("Year: "), "%d", p->year);
    view_pair(v, _("Type: "), code_label(tui_codes(t), "project_type", p->ptype));
    view_pair(v, _("Place: "), r->place);
    view_pair(v, _("Status: "), proj_state_label(p->state));
    view_pair(v, _("Implementer: "), p->implementer);
    view_pair(v, _("Proposed by: "), code_label(tui_codes(t), "proposer_level", p->proposer));
    date_format(p->period_start, d1);
    date_format(p->period_end, d2);
    view_pairf(v, _("Construction: "), "%s - %s", d1, d2);
    fen(p->budget, a);
    fen(p->self_funds, b);
    view_pair(v, _("Planned investment: "), a);
    view_pair(v, _("Own and other funds: "), b);
    if (p->content != NULL) {
        view_pair(v, _("Content and scale: "), p->content);
    }
    view_pair_mark(v, _("Farmer-linking: "), p->linking != NULL ? p->linking : "",
                   (r->flags & PF_NO_LINKING) != 0);
    view_pair(v, _("Performance targets: "), p->targets != NULL ? p->targets : "");
    date_format(p->targets_published_on, d1);
    view_pair_mark(v, _("Targets published on: "), d1, (r->flags & PF_TARGETS_LATE) != 0);
}

static void
project_money(struct tui *t, struct view *v, const struct project_row *r,
              const struct alloc_row *al, size_t nal, const struct payment_row *pay,
              size_t npay)
{
    static const struct table_col pay_cols[] = {
        {N_("paid on"), 10, 0, 0, 0},
        {N_("amount"), 12, 1, 1, 0},
        {N_("payee"), 12, 0, 0, 1},
        {N_("voucher"), 10, 0, 0, 0},
        {N_("wages"), 4, 0, 0, 0},
    };
    char a[MONEY_BUF], b[MONEY_BUF];
    size_t i;

    view_section(v, _("Funds"));
    fen(r->allocated, a);
    fen(r->paid, b);
    view_pair(v, _("Allocated: "), a);
    view_pair(v, _("Paid: "), b);
    if (r->workrelief > 0) {
        struct rule_ctx rc = app_rule_ctx(t->app);
        const struct rules *ru = rules_in_force(&rc, r->year);
        struct meter m;
        char p1[32], p2[32], line[128];

        meter_min(&m, r->wages, r->workrelief, ru->wage_min_bp);
        fen(r->wages, a);
        money_bp_text(m.share_bp, p1, sizeof(p1));
        money_bp_text(m.target_bp, p2, sizeof(p2));
        snprintf(line, sizeof(line), "%s (%s, >= %s)", a, p1, p2);
        view_pair_mark(v, _("以工代赈 wages: "), line, (r->flags & PF_WAGE_SHORT) != 0);
    }
    if (nal == 0) {
        view_text(v, _("No funds allocated yet: a allocates from a receipt."));
    } else {
        alloc_rows(t, v, al, nal, 1);
    }
    if (npay > 0) {
        view_blank(v);
        view_table(v, pay_cols, ARRAY_SIZE(pay_cols));
        for (i = 0; i < npay; i++) {
            char day[DATE_BUF], amount[MONEY_BUF];
            const char *cells[5];

            date_format(pay[i].p.pay_date, day);
            fen(pay[i].p.amount, amount);
            cells[0] = day;
            cells[1] = amount;
            cells[2] = pay[i].p.payee;
            cells[3] = pay[i].p.voucher_no;
            cells[4] = pay[i].p.is_wage ? _("yes") : "";
            view_row(v, REF_PAYMENT, pay[i].p.id, cells);
        }
    }
}

/* The households of the registry linked to project ID. */
static void
linked_rows(struct tui *t, struct view *v, int64_t id)
{
    static const struct table_col cols[] = {
        {N_("household no."), 16, 0, 0, 0},
        {N_("head"), 8, 0, 0, 0},
        {N_("place"), 12, 0, 0, 1},
        {N_("household type"), 8, 0, 0, 0},
        {N_("monitored"), 4, 0, 0, 0},
    };
    struct linked_row *r;
    struct err e;
    size_t n, i;

    if (db_project_households(t->app->db, id, &r, &n, &e) != 0) {
        return;
    }
    view_table(v, cols, ARRAY_SIZE(cols));
    for (i = 0; i < n; i++) {
        const char *cells[5];

        cells[0] = r[i].hh_no;
        cells[1] = r[i].head;
        cells[2] = r[i].place;
        cells[3] = tui_code_text(t, "hh_type", r[i].hh_type);
        cells[4] = r[i].monitored ? _("yes") : "";
        view_row_mark(v, 0, 0, cells, 0);
    }
    free(r);
}

static void
project_benefit(struct tui *t, struct view *v, const struct project *p)
{
    int hh = 0, poor = 0, mon = 0;
    struct err e;

    view_section(v, _("Beneficiaries"));
    view_pairf(v, _("Households: "), "%d", p->hh_benefit);
    view_pairf(v, _("Persons: "), "%d", p->persons_benefit);
    view_pairf(v, _("of which former poor: "), _("%d households, %d persons"), p->hh_poor,
               p->persons_poor);
    view_pairf(v, _("of which monitored: "), _("%d households, %d persons"), p->hh_monitored,
               p->persons_monitored);
    if (p->workers > 0) {
        view_pairf(v, _("Workers: "), _("%d (%d former poor or monitored), %d person-days"),
                   p->workers, p->workers_poor, p->person_days);
    }
    if (db_project_linked(t->app->db, tui_codes(t), p->id, &hh, &poor, &mon, &e) == 0 && hh > 0) {
        view_pairf(v, _("Linked in the registry: "), _("%d households (%d former poor, %d monitored)"),
                   hh, poor, mon);
        linked_rows(t, v, p->id);
    }
}

static void
project_history(struct view *v, const struct proj_step *s, size_t n)
{
    static const struct table_col cols[] = {
        {N_("date"), 10, 0, 0, 0},
        {N_("step"), 10, 0, 0, 0},
        {N_("publicity"), 10, 0, 0, 0},
        {N_("document no."), 10, 0, 0, 0},
        {N_("by"), 6, 0, 0, 0},
        {N_("note"), 10, 0, 0, 1},
    };
    size_t i;

    view_section(v, _("History"));
    view_table(v, cols, ARRAY_SIZE(cols));
    for (i = 0; i < n; i++) {
        char day[DATE_BUF], p1[DATE_BUF], p2[DATE_BUF], pub[32] = "";
        const char *cells[6];

        date_format(s[i].step_date, day);
        if (s[i].pub_start != DATE_NONE) {
            date_format(s[i].pub_start, p1);
            date_format(s[i].pub_end, p2);
            snprintf(pub, sizeof(pub), "%s~%s", p1 + 5, p2 + 5);
        }
        cells[0] = day;
        cells[1] = proj_action_label(s[i].action);
        cells[2] = pub;
        cells[3] = s[i].doc_no;
        cells[4] = s[i].actor;
        cells[5] = s[i].note != NULL ? s[i].note : "";
        view_row(v, 0, 0, cells);
    }
}

static void
asset_rows(struct tui *t, struct view *v, const struct asset_row *a, size_t n)
{
    static const struct table_col cols[] = {
        {N_("asset no."), 9, 0, 0, 0},
        {N_("asset"), 14, 0, 0, 1},
        {N_("class"), 6, 0, 0, 0},
        {N_("value"), 12, 1, 1, 0},
        {N_("status"), 6, 0, 0, 0},
    };
    size_t i;

    view_table(v, cols, ARRAY_SIZE(cols));
    for (i = 0; i < n; i++) {
        char value[MONEY_BUF];
        const char *cells[5];

        fen(a[i].value, value);
        cells[0] = a[i].asset_no;
        cells[1] = a[i].name;
        cells[2] = tui_code_text(t, "asset_class", a[i].aclass);
        cells[3] = value;
        cells[4] = tui_code_text(t, "asset_status", a[i].status);
        view_row(v, REF_ASSET, a[i].id, cells);
    }
}

/* Everything the project screen shows, read at once. */
struct project_data {
    struct project p;
    struct project_row *row;
    struct alloc_row *al;
    struct payment_row *pay;
    struct proj_step *steps;
    struct asset_row *assets;
    size_t nrow, nal, npay, nsteps, nassets;
};

static void
project_data_free(struct project_data *d)
{
    project_clear(&d->p);
    free(d->row);
    free(d->al);
    free(d->pay);
    proj_steps_free(d->steps, d->nsteps);
    free(d->assets);
}

static int
project_data_read(struct tui *t, int64_t id, struct project_data *d,
                  struct err *e)
{
    struct rule_ctx rc = app_rule_ctx(t->app);
    struct db *db = t->app->db;

    memset(d, 0, sizeof(*d));
    project_init(&d->p);
    if (db_project_get(db, id, &d->p, e) != 0 ||
        db_project_rows(db, &rc, &t->app->actor, &id, 1, &d->row, &d->nrow, e) != 0 ||
        db_allocation_list(db, &rc, id, 0, &d->al, &d->nal, e) != 0 ||
        db_payment_list(db, id, &d->pay, &d->npay, e) != 0 ||
        db_project_steps(db, id, &d->steps, &d->nsteps, e) != 0 ||
        db_asset_of_project(db, id, &d->assets, &d->nassets, e) != 0) {
        return -1;
    }
    if (d->nrow == 0) {
        return err_set(e, ERR_DENIED, "%s", _("this project is outside your scope"));
    }
    return 0;
}

static int
project_build(struct tui *t, void *ctx, struct view *v, struct err *e)
{
    struct project_data d;
    char title[200];

    (void)ctx;
    if (project_data_read(t, v->id, &d, e) != 0) {
        project_data_free(&d);
        return -1;
    }
    snprintf(title, sizeof(title), _("Project %s %s"), d.p.proj_no, d.p.name);
    view_title(v, title);
    project_warnings(v, d.row->flags);
    project_basics(t, v, &d.p, d.row);
    project_money(t, v, d.row, d.al, d.nal, d.pay, d.npay);
    project_benefit(t, v, &d.p);
    project_history(v, d.steps, d.nsteps);
    view_section(v, _("Assets"));
    if (d.nassets == 0) {
        view_text(v, _("No asset registered from this project."));
    } else {
        asset_rows(t, v, d.assets, d.nassets);
    }
    project_data_free(&d);
    return 0;
}

static const struct view_link project_links[] = {
    {REF_ALLOC, NULL, &allocation_form, 0},
    {REF_PAYMENT, NULL, &payment_form, 0},
    {REF_ASSET, &asset_view, &asset_form, 0},
    {0, NULL, NULL, 0},
};

static const struct keydef project_view_keys[] = {
    {'x', 0, ACT_STEP, "x", N_("next step"), KD_BAR | KD_WRITE},
    {'a', 0, ACT_ADD, "a", N_("allocate funds"), KD_BAR | KD_WRITE},
    {'y', 0, ACT_FORM1, "y", N_("record a payment"), KD_BAR | KD_WRITE},
    {'h', 0, ACT_FORM2, "h", N_("link a beneficiary household"), KD_WRITE},
    {'d', 0, ACT_DELETE, "d", N_("delete the allocation or payment under the cursor"), KD_WRITE},
    {0, 0, ACT_NONE, NULL, NULL, 0},
};

static unsigned
project_view_action(struct tui *t, void *ctx, int action, const struct view_at *at)
{
    const struct view_ref *ref = at->ref;
    int64_t id = at->id;

    (void)ctx;
    switch (action) {
    case ACT_STEP:
        return project_steps(t, id);
    case ACT_ADD:
        form_open(t, &allocation_form, 0, 0, id);
        return D_ALL;
    case ACT_FORM1:
        form_open(t, &payment_form, 0, 0, id);
        return D_ALL;
    case ACT_FORM2:
        return project_link_dialog(t, id);
    case ACT_DELETE:
        if (ref != NULL && (ref->kind == REF_ALLOC || ref->kind == REF_PAYMENT)) {
            return funds_delete_dialog(t, ref->kind == REF_ALLOC ? FR_ALLOCATION : FR_PAYMENT,
                                       ref->id);
        }
        tui_message(t, 1, "%s", _("Put the cursor on an allocation or a payment to delete it."));
        return D_STATUS;
    default:
        return 0;
    }
}

static unsigned
project_print(struct tui *t, void *ctx, int64_t id)
{
    (void)ctx;
    return funds_print_projects(t, &id, 1);
}

static const struct view_def project_view = {
    .id = "project",
    .title = N_("project"),
    .help = N_("A project: its data, warnings, funds (allocations and payments), beneficiaries, history and assets.  x takes the next step of its lifecycle, a allocates funds from a receipt, y records a payment, h links a beneficiary household of the registry by its number (or removes the link); Enter or e on an allocation or a payment edits it, on an asset opens it."),
    .build = project_build,
    .links = project_links,
    .form = &project_form,
    .print = project_print,
    .keys = project_view_keys,
    .action = project_view_action,
};

/* --- assets --------------------------------------------------------------------- */

static const struct table_col asset_cols[] = {
    {N_("asset no."), 11, 0, 0, 0},
    {N_("asset"), 14, 0, 0, 1},
    {N_("class"), 6, 0, 0, 0},
    {N_("place"), 12, 0, 0, 0},
    {N_("value"), 12, 1, 1, 0},
    {N_("status"), 6, 0, 0, 0},
    {N_("maintained by"), 10, 0, 0, 0},
    {N_("last income"), 10, 1, 1, 0},
    {N_("year"), 4, 0, 0, 0},
};

static int
assets_load(struct tui *t, void *ctx, struct table_rows *out, struct err *e)
{
    struct funds_filter f = rows_filter(ctx);
    struct rule_ctx rc = app_rule_ctx(t->app);
    struct asset_row *v;
    size_t n, i;

    if (db_asset_list(t->app->db, &rc, &t->app->actor, &f, &v, &n, e) != 0) {
        return -1;
    }
    for (i = 0; i < n; i++) {
        table_add(out, v[i].id);
        table_set(out, 0, v[i].asset_no);
        table_set(out, 1, v[i].name);
        table_set(out, 2, tui_code_text(t, "asset_class", v[i].aclass));
        table_set(out, 3, v[i].place);
        table_set_money(out, 4, v[i].value);
        table_set(out, 5, tui_code_text(t, "asset_status", v[i].status));
        table_set(out, 6, v[i].maintainer);
        if (v[i].income_year != 0) {
            table_set_money(out, 7, v[i].last_income);
        }
        table_setf(out, 8, "%d", v[i].year);
        if (code_is(tui_codes(t), "asset_class", v[i].aclass, "public") &&
            v[i].maintainer[0] == '\0') {
            table_set_mark(out, '!');
        }
    }
    free(v);
    return 0;
}

static unsigned
assets_print(struct tui *t, void *ctx, const int64_t *ids, size_t n)
{
    (void)ctx;
    return n > 0 ? funds_print_assets(t, ids[0]) : 0;
}

static unsigned
asset_print(struct tui *t, void *ctx, int64_t id)
{
    (void)ctx;
    return funds_print_assets(t, id);
}

static const struct table_def assets_def = {
    .id = "assets",
    .title = N_("asset ledger"),
    .help = N_("The asset ledger (资产台账): the assets formed by the projects and before, in three classes (公益性, 经营性, 到户类), with owner, maintainer, value by fund source, income and its distribution, status and disposal.  ! marks a public-welfare asset without a maintainer."),
    .cols = asset_cols,
    .ncols = ARRAY_SIZE(asset_cols),
    .empty = N_("No asset recorded yet: a adds one."),
    .tabs = fund_tabs,
    .filter_by = &year_filter,
    .load = assets_load,
    .view = &asset_view,
    .form = &asset_form,
    .print = assets_print,
    .export = "assets",
};

static void
asset_income_rows(struct view *v, const struct asset_income *in, size_t n)
{
    static const struct table_col cols[] = {
        {N_("year"), 4, 0, 0, 0},
        {N_("income"), 10, 1, 1, 0},
        {N_("to households"), 10, 1, 1, 0},
        {N_("households"), 4, 1, 1, 0},
        {N_("to the village"), 10, 1, 1, 0},
        {N_("for upkeep"), 10, 1, 1, 0},
        {N_("use"), 8, 0, 0, 1},
    };
    size_t i;

    view_table(v, cols, ARRAY_SIZE(cols));
    for (i = 0; i < n; i++) {
        char y[8], a[MONEY_BUF], b[MONEY_BUF], h[16], c[MONEY_BUF], d[MONEY_BUF];
        const char *cells[7];

        snprintf(y, sizeof(y), "%d", in[i].year);
        fen(in[i].income, a);
        fen(in[i].to_households, b);
        snprintf(h, sizeof(h), "%d", in[i].households);
        fen(in[i].to_village, c);
        fen(in[i].to_upkeep, d);
        cells[0] = y;
        cells[1] = a;
        cells[2] = b;
        cells[3] = h;
        cells[4] = c;
        cells[5] = d;
        cells[6] = in[i].use_note != NULL ? in[i].use_note : "";
        view_row(v, REF_INCOME, in[i].id, cells);
    }
}

static void
asset_basics(struct tui *t, struct view *v, const struct asset *a,
             const char *hh_no)
{
    char s[MONEY_BUF], d[DATE_BUF];
    int i;

    view_section(v, _("Asset"));
    view_pair(v, _("Asset no.: "), a->asset_no);
    view_pair(v, _("Name: "), a->name);
    view_pair(v, _("Class: "), code_label(tui_codes(t), "asset_class", a->aclass));
    view_pair(v, _("Type: "), code_label(tui_codes(t), "asset_type", a->atype));
    view_pairf(v, _("Year formed: "), "%d", a->year);
    view_pair(v, _("Scale: "), a->scale);
    date_format(a->completed_on, d);
    view_pair(v, _("Completed on: "), d);
    if (hh_no[0] != '\0') {
        view_pair(v, _("Household: "), hh_no);
    }
    view_pair(v, _("Owned at: "), code_label(tui_codes(t), "owner_level", a->owner_level));
    view_pair(v, _("Owner: "), a->owner);
    view_pair(v, _("Operated by: "), a->operator_);
    view_pair(v, _("Operation mode: "), code_label(tui_codes(t), "op_mode", a->op_mode));
    view_pair_mark(v, _("Maintainer: "), a->maintainer,
                   code_is(tui_codes(t), "asset_class", a->aclass, "public") &&
                       a->maintainer[0] == '\0');
    fen(a->upkeep, s);
    view_pair(v, _("Upkeep a year: "), s);
    view_pairf(v, _("Households benefiting: "), _("%d (%d former poor, %d monitored)"),
               a->hh_benefit, a->hh_poor, a->hh_monitored);
    view_pair(v, _("Status: "), code_label(tui_codes(t), "asset_status", a->status));
    view_section(v, _("Value by fund source"));
    for (i = 0; i < a->nsrc; i++) {
        char label[120];

        snprintf(label, sizeof(label), _("%s: "),
                 code_label(tui_codes(t), "fund_type", a->src[i].fund_type));
        fen(a->src[i].amount, s);
        view_pair(v, label, s);
    }
    fen(a->value, s);
    view_pair(v, _("Value: "), s);
}

static void
asset_disposal(struct tui *t, struct view *v, const struct asset *a)
{
    char s[MONEY_BUF], d[DATE_BUF];

    if (a->disposal[0] == '\0') {
        return;
    }
    view_section(v, _("Disposal"));
    view_pair(v, _("Method: "), code_label(tui_codes(t), "disposal", a->disposal));
    date_format(a->disposal_date, d);
    view_pair(v, _("Date: "), d);
    view_pair(v, _("Approved by: "), a->disposal_doc);
    fen(a->disposal_amount, s);
    view_pair(v, _("Proceeds: "), s);
    view_pair(v, _("Reason: "), a->disposal_reason != NULL ? a->disposal_reason : "");
}

static int
asset_build(struct tui *t, void *ctx, struct view *v, struct err *e)
{
    struct asset a;
    struct asset_income *in = NULL;
    char title[200], hh_no[HH_NO_BUF] = "";
    size_t n = 0, i;
    int rc;

    (void)ctx;
    asset_init(&a);
    rc = db_asset_get(t->app->db, v->id, &a, e) ||
         db_asset_income_list(t->app->db, v->id, &in, &n, e) ||
         (a.household_id != 0 &&
          db_household_no(t->app->db, a.household_id, hh_no, sizeof(hh_no), e));
    if (rc == 0) {
        snprintf(title, sizeof(title), _("Asset %s %s"), a.asset_no, a.name);
        view_title(v, title);
        asset_basics(t, v, &a, hh_no);
        if (a.project_id != 0) {
            view_link(v, REF_PROJECT, a.project_id, _("The project that formed it (Enter opens it)"));
        }
        view_section(v, _("Income and its distribution"));
        if (n == 0) {
            view_text(v, _("No income recorded: i records a year's income."));
        } else {
            asset_income_rows(v, in, n);
        }
        asset_disposal(t, v, &a);
    }
    for (i = 0; i < n; i++) {
        asset_income_clear(&in[i]);
    }
    free(in);
    asset_clear(&a);
    return rc ? -1 : 0;
}

static const struct view_link asset_links[] = {
    {REF_PROJECT, &project_view, NULL, 0},
    {REF_INCOME, NULL, &asset_income_form, 0},
    {0, NULL, NULL, 0},
};

static const struct keydef asset_view_keys[] = {
    {'i', 0, ACT_ADD, "i", N_("record a year's income"), KD_BAR | KD_WRITE},
    {0, 0, ACT_NONE, NULL, NULL, 0},
};

static unsigned
asset_view_action(struct tui *t, void *ctx, int action, const struct view_at *at)
{
    (void)ctx;
    if (action == ACT_ADD) {
        form_open(t, &asset_income_form, 0, 0, at->id);
        return D_ALL;
    }
    return 0;
}

static const struct view_def asset_view = {
    .id = "asset",
    .title = N_("asset"),
    .help = N_("An asset of the ledger: class, place, ownership, operation and upkeep, value by fund source, yearly income with its distribution, disposal.  i records a year's income; Enter or e on an income edits it."),
    .build = asset_build,
    .links = asset_links,
    .form = &asset_form,
    .print = asset_print,
    .keys = asset_view_keys,
    .action = asset_view_action,
};

/* --- indicators ------------------------------------------------------------------ */

static const struct table_col indicator_cols[] = {
    {N_("indicator"), 12, 0, 0, 1},
    {N_("fund"), 10, 0, 0, 0},
    {N_("amount"), 12, 1, 1, 0},
    {N_("of"), 12, 1, 1, 0},
    {N_("share"), 7, 1, 1, 0},
    {N_("required"), 8, 1, 1, 0},
    {N_("gap"), 12, 1, 1, 0},
    {N_("status"), 6, 0, 0, 0},
};

static const char *
meter_fund(struct tui *t, const struct meter *m, char *buf, size_t n)
{
    if (m->fund_type[0] != '\0') {
        return tui_code_text(t, "fund_type", m->fund_type);
    }
    if (m->level[0] != '\0') {
        snprintf(buf, n, "%s", tui_code_text(t, "fund_level", m->level));
        return buf;
    }
    return tui_code_text(t, "fund_type", code_with_tag(tui_codes(t), "fund_type",
                                                   m->id == METER_WAGE ? "workrelief" : "xianjie"));
}

static const char *
meter_status_text(const struct meter *m)
{
    switch (m->status) {
    case MS_OK:
        return _("met");
    case MS_SHORT:
        return m->is_cap ? _("over") : _("short");
    default:
        return "";
    }
}

static int
indicators_load(struct tui *t, void *ctx, struct table_rows *out, struct err *e)
{
    const struct table_filter *c = ctx;
    const struct rules *r = policy_rules(&t->app->policy, t->app->province, c->year);
    struct fund_sums *s;
    struct meter m[64];
    size_t n, k, i;

    if (r == NULL) {
        return err_set(e, ERR_CONFIG, _("no rules for the year %d in the policy files"), c->year);
    }
    if (db_fund_sums(t->app->db, tui_codes(t), c->year, &s, &n, e) != 0) {
        return -1;
    }
    k = meter_compute(r, tui_codes(t), c->year, app_today(), s, n, m, ARRAY_SIZE(m));
    free(s);
    for (i = 0; i < k; i++) {
        char buf[64], pct[32];

        table_add(out, (int64_t)i + 1);
        table_set(out, 0, meter_label(m[i].id));
        table_set(out, 1, meter_fund(t, &m[i], buf, sizeof(buf)));
        table_set_money(out, 2, m[i].part);
        table_set_money(out, 3, m[i].whole);
        money_bp_text(m[i].share_bp, pct, sizeof(pct));
        table_set(out, 4, pct);
        if (m[i].target_bp >= 0) {
            money_bp_text(m[i].target_bp, pct, sizeof(pct));
            table_setf(out, 5, "%s%s", m[i].is_cap ? "<=" : ">=", pct);
        }
        if (m[i].gap > 0) {
            table_set_money(out, 6, m[i].gap);
        }
        table_set(out, 7, meter_status_text(&m[i]));
        if (m[i].status == MS_SHORT) {
            table_set_mark(out, '!');
        }
    }
    return 0;
}

/* x: the tab's year. */
static int
indicators_export(struct tui *t, void *ctx, struct export_filter *f)
{
    const struct table_filter *c = ctx;

    (void)t;
    f->year = c->year;
    return 0;
}

static const struct table_def indicators_def = {
    .id = "fund_indicators",
    .title = N_("fund indicators"),
    .help = N_("Fund indicators (资金指标) of one year (f chooses it): per fund type the allocation rate and the payment progress against the milestone in force today; the share of 衔接资金 for industry against the year's minimum ({industry_min_pct} in the year shown); the management fee per level against its cap; the wage share of 以工代赈 funds.  The numbers come from the policy files; the gap says how much is missing or over, in yuan."),
    .cols = indicator_cols,
    .ncols = ARRAY_SIZE(indicator_cols),
    .empty = N_("No funds received in this year: f chooses another year."),
    .tabs = fund_tabs,
    .filter_by = &meter_filter,
    .load = indicators_load,
    .export = "indicators",
    .export_filter = indicators_export,
};

int
funds_open(struct tui *t)
{
    return table_open(t, &receipts_def, 0);
}

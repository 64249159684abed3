/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * s_warning.c - the worklist 预警核实 (F2, w): the department warnings
 * still to verify in the user's scope (imported by `zhenxing import
 * dept`), one a row with the person, the household, the department, the
 * value and the rule.  Enter opens the household; l makes a monitoring
 * clue of the warning (the clue step's form, channel 部门筛查预警, the
 * warning linked); d closes it as not eligible with a reason; p prints
 * the township's feedback sheet for the department (核实反馈表); f shows
 * one department's; I opens the import screen on a department's sheet
 * (s_import.c), after which the list shows the warnings imported.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/date.h"
#include "core/dept.h"
#include "db/db_warning.h"
#include "print/print.h"
#include "tui/form.h"
#include "tui/s_menu.h"
#include "tui/screen.h"
#include "tui/table.h"
#include "tui/tui.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

/* The rows as read, to find a warning's household and version, and the
 * department the list is filtered to ("" all). */
struct warn_list {
    struct warn_row *v;
    size_t n;
    char dept[24];
};

static void *
list_new(struct tui *t, int64_t parent)
{
    (void)t;
    (void)parent;
    return xcalloc(1, sizeof(struct warn_list));
}

static void
list_free(void *ctx)
{
    struct warn_list *l = ctx;

    warn_rows_free(l->v, l->n);
    free(l);
}

static const struct warn_row *
row_of(const struct warn_list *l, int64_t id)
{
    size_t i;

    for (i = 0; i < l->n; i++) {
        if (l->v[i].w.id == id) {
            return &l->v[i];
        }
    }
    return NULL;
}

static const struct table_col warn_cols[] = {
    {N_("department"), 4, 0, 0, 0},
    {N_("name"), 6, 0, 0, 0},
    {N_("household no."), 16, 0, 0, 0},  /* whole: the national 户编号 */
    {N_("township/village"), 8, 0, 0, 1},
    {NC_("warning", "value"), 8, 1, 0, 0},
    {N_("rule"), 12, 0, 0, 1},
    {N_("imported"), 10, 0, 1, 0},
};

/* The department's name of a stored id ("medical" -> 医保). */
static const char *
dept_label(struct tui *t, const struct dept_warning *w)
{
    return policy_dept_name(&t->app->policy, w->dept, t->app->province,
                            date_year(w->import_date));
}

static int
warn_load(struct tui *t, void *ctx, struct table_rows *out, struct err *e)
{
    struct warn_list *l = ctx;
    struct warn_filter f = {WS_PENDING, l->dept, 0};
    size_t i;

    warn_rows_free(l->v, l->n);
    l->v = NULL;
    l->n = 0;
    if (db_warning_rows(t->app->db, &t->app->actor, &f, &l->v, &l->n, e)) {
        return -1;
    }
    for (i = 0; i < l->n; i++) {
        const struct warn_row *r = &l->v[i];

        table_add(out, r->w.id);
        table_set(out, 0, dept_label(t, &r->w));
        table_set(out, 1, r->w.name);
        table_set(out, 2, r->hh_no);
        table_set(out, 3, r->place);
        table_set(out, 4, r->w.value);
        table_set(out, 5, r->w.rule);
        table_set_date(out, 6, r->w.import_date);
    }
    return 0;
}

static unsigned
warn_open(struct tui *t, void *ctx, int64_t id)
{
    const struct warn_row *r = row_of(ctx, id);

    if (r != NULL) {
        household_view_open(t, r->w.household_id);
    }
    return D_ALL;
}

/* p: the feedback sheet (核实反馈表) of the row's township for its
 * department, every warning with its result. */
static unsigned
warn_print(struct tui *t, void *ctx, const int64_t *ids, size_t n)
{
    const struct warn_row *r = n > 0 ? row_of(ctx, ids[0]) : NULL;
    struct print_request req;
    char what[256];

    if (r == NULL) {
        return 0;
    }
    print_request_init(&req, PK_FEEDBACK);
    req.township = r->township_id;
    req.dept = r->w.dept;
    snprintf(what, sizeof(what), _("the feedback sheet of %s for %s"), r->township,
             dept_label(t, &r->w));
    print_dialog(t, &req, what);
    return D_ALL;
}

/* f: the warnings of one department.  The menu lists every department of
 * dept.conf once (the entry of its id in force), after "every department". */
static int
listed(struct tui *t, size_t i)
{
    const struct policy *p = &t->app->policy;

    return policy_dept_in_force(p, &p->depts[i], t->app->province, 9999);
}

static unsigned
dept_chosen(void *ctx, struct tui *t, size_t index)
{
    struct warn_list *l = ctx;
    const struct policy *p = &t->app->policy;
    size_t i, k = 0;

    l->dept[0] = '\0';
    for (i = 0; index > 0 && i < p->ndepts; i++) {
        if (listed(t, i) && ++k == index) {
            snprintf(l->dept, sizeof(l->dept), "%s", p->depts[i].id);
        }
    }
    return D_ALL;
}

static int
warn_filter(struct tui *t, void *ctx)
{
    struct menu *m = menu_new(_("Warnings of which department"), dept_chosen, ctx);
    const struct policy *p = &t->app->policy;
    size_t i;

    menu_add(m, _("Every department"));
    for (i = 0; i < p->ndepts; i++) {
        if (listed(t, i)) {
            menu_add(m, p->depts[i].name);
        }
    }
    menu_open(t, m);
    return 0;
}

static void
warn_clear(void *ctx)
{
    ((struct warn_list *)ctx)->dept[0] = '\0';
}

static void
warn_info(struct tui *t, void *ctx, struct sbuf *out)
{
    const struct warn_list *l = ctx;

    if (l->dept[0] != '\0') {
        sbuf_adds(out, policy_dept_name(&t->app->policy, l->dept, t->app->province, 9999));
    }
}

static const struct keydef warn_keys[] = {
    {'l', 0, ACT_FORM1, "l", N_("make a clue"), KD_BAR | KD_WRITE},
    {'d', 0, ACT_FORM2, "d", N_("not eligible"), KD_BAR | KD_WRITE},
    {'I', 0, ACT_FORM3, "I", N_("import"), KD_BAR | KD_WRITE},
    {0, 0, ACT_NONE, NULL, NULL, 0},
};

static unsigned
warn_action(struct tui *t, void *ctx, int action, int64_t id)
{
    const struct warn_row *r = row_of(ctx, id);

    if (action == ACT_FORM3) {
        /* the department the list is filtered to, if any; the list is
         * read again when the import screen closes */
        import_open(t, IMPORT_DEPT, ((const struct warn_list *)ctx)->dept);
        return D_ALL;
    }
    if (r == NULL || (action != ACT_FORM1 && action != ACT_FORM2)) {
        return 0;
    }
    form_open(t, action == ACT_FORM1 ? &warning_clue_form : &warning_close_form,
              r->w.household_id, r->w.id, r->w.version);
    return D_ALL;
}

const struct table_def warnings_table = {
    .id = "dept_warnings",
    .title = N_("Department warnings to verify"),
    .help = N_("预警核实: the warnings of the departments (部门筛查预警) imported (I here, or 'zhenxing import dept') and not verified yet, in your scope.  Check each at the household, then make it a monitoring clue (l: the clue's form, channel 部门筛查预警, the warning linked; for a household whose case is open, monitored for another risk or being identified, l adds the warning's risk to that case instead) or close it as not eligible with the reason (d).  Enter opens the household."),
    .cols = warn_cols,
    .ncols = ARRAY_SIZE(warn_cols),
    .empty = N_("No department warning is waiting to be verified."),
    .ctx_new = list_new,
    .ctx_free = list_free,
    .load = warn_load,
    .open = warn_open,
    .print = warn_print,
    .export = "warnings",
    .export_off_bar = 1,
    .filter = warn_filter,
    .clear_filter = warn_clear,
    .info = warn_info,
    .keys = warn_keys,
    .action = warn_action,
};

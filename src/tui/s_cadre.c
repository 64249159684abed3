/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * s_cadre.c - the responsible cadres (帮扶责任人) of the monitoring
 * workspace (F2; C on the monitoring list): a table definition of the
 * cadres the user sees, with how many households each has now, and the
 * record of a cadre with the households it is responsible for (Enter
 * opens one).  The rows come from db/db_cadre.h, the form is
 * tui/f_cadre.c; assigning is done from a household (b) or on the
 * tagged rows of the list (b).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/date.h"
#include "core/role.h"
#include "db/db_cadre.h"
#include "tui/form.h"
#include "tui/screen.h"
#include "tui/table.h"
#include "tui/tui.h"
#include "tui/view.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"

enum { REF_HH = 1 };

static const struct view_def cadre_view;

/* --- the table ----------------------------------------------------------------- */

static const struct table_col cadre_cols[] = {
    {N_("name"), 6, 0, 0, 0},
    {N_("kind"), 8, 0, 0, 0},
    {N_("work unit"), 10, 0, 0, 1},
    {N_("post"), 6, 0, 0, 0},
    {N_("phone"), 12, 0, 0, 0},
    {N_("place"), 10, 0, 0, 1},
    {N_("households"), 4, 1, 1, 0},
};

static int
cadres_load(struct tui *t, void *ctx, struct table_rows *out, struct err *e)
{
    struct cadre_list_row *v;
    size_t n, i;

    (void)ctx;
    if (db_cadre_list(t->app->db, &t->app->actor, 0, &v, &n, e) != 0) {
        return -1;
    }
    for (i = 0; i < n; i++) {
        const struct cadre *c = &v[i].c;

        table_add(out, c->id);
        table_set(out, 0, c->name);
        table_set(out, 1, tui_code_text(t, "cadre_kind", c->kind));
        table_set(out, 2, c->unit);
        table_set(out, 3, c->post);
        table_set(out, 4, c->phone);
        table_set(out, 5, v[i].place);
        table_set_int(out, 6, v[i].households);
        if (v[i].households == 0) {
            table_set_mark(out, '!');
        }
    }
    free(v);
    return 0;
}

const struct table_def cadres_table = {
    .id = "cadres",
    .title = N_("responsible cadres"),
    .help = N_("The responsible cadres (帮扶责任人) of your scope: 驻村工作队员, 乡镇干部, 村干部 and 结对帮扶单位人员, each serving a township or one of its villages, with how many households each is responsible for now.  ! marks a cadre with no household.  a adds a cadre, e edits one (name, kind, unit, post, phone, place; a phone is a mobile or a landline number), Enter shows the cadre's households.  A household is given its cadre with b on its record, or on the tagged rows of the monitoring list; the cadre before ends that day and stays in the household's history."),
    .cols = cadre_cols,
    .ncols = ARRAY_SIZE(cadre_cols),
    .empty = N_("No responsible cadre recorded yet: a adds one."),
    .load = cadres_load,
    .view = &cadre_view,
    .form = &cadre_form,
};

/* --- the record ------------------------------------------------------------------ */

static void
cadre_households(struct view *v, const struct cadre_hh *h, size_t n)
{
    static const struct table_col cols[] = {
        {N_("household no."), 16, 0, 0, 0},
        {N_("head"), 6, 0, 0, 0},
        {N_("village"), 8, 0, 0, 1},
        {N_("since"), 10, 0, 0, 0},
    };
    size_t i;

    if (n == 0) {
        view_text(v, _("No household yet: b on a household's record, or on the tagged rows of the monitoring list, assigns this cadre."));
        return;
    }
    view_table(v, cols, ARRAY_SIZE(cols));
    for (i = 0; i < n; i++) {
        char since[DATE_BUF];
        const char *cells[4];

        date_format(h[i].start, since);
        cells[0] = h[i].hh_no;
        cells[1] = h[i].head;
        cells[2] = h[i].village;
        cells[3] = since;
        view_row(v, REF_HH, h[i].id, cells);
    }
}

static int
cadre_build(struct tui *t, void *ctx, struct view *v, struct err *e)
{
    struct cadre c;
    struct cadre_hh *h;
    char title[200];
    size_t n;

    (void)ctx;
    memset(&c, 0, sizeof(c));
    if (db_cadre_get(t->app->db, v->id, &c, e) != 0) {
        return -1;
    }
    if (!actor_sees(&t->app->actor, c.township_id, c.village_id) &&
        !actor_sees(&t->app->actor, c.township_id, 0)) {
        return err_set(e, ERR_DENIED, "%s", _("This cadre serves outside your scope."));
    }
    if (db_cadre_households(t->app->db, c.id, &h, &n, e) != 0) {
        return -1;
    }
    snprintf(title, sizeof(title), _("Responsible cadre %s"), c.name);
    view_title(v, title);
    view_section(v, _("Cadre"));
    view_pair(v, _("Name: "), c.name);
    view_pair(v, _("Kind: "), tui_code_text(t, "cadre_kind", c.kind));
    view_pair(v, _("Unit: "), c.unit);
    view_pair(v, _("Post: "), c.post);
    view_pair(v, _("Phone: "), c.phone);
    snprintf(title, sizeof(title), _("Households now (%zu)"), n);
    view_section(v, title);
    cadre_households(v, h, n);
    free(h);
    return 0;
}

static unsigned
cadre_open_ref(struct tui *t, void *ctx, const struct view_ref *ref)
{
    (void)ctx;
    household_view_open(t, ref->id);
    return D_ALL;
}

static const struct view_def cadre_view = {
    .id = "cadre",
    .title = N_("responsible cadre"),
    .help = N_("A responsible cadre (帮扶责任人): kind, unit, post, phone, and the households the cadre is responsible for now, each since when.  Enter opens the household under the cursor; e edits the cadre."),
    .build = cadre_build,
    .open_ref = cadre_open_ref,
    .form = &cadre_form,
};

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * f_cadre.c - the forms of the responsible cadres (帮扶责任人): a cadre
 * (name, kind, unit, post, phone, the township or village served), and
 * the dialog that makes a cadre responsible for one household (from its
 * record, with the assignment seen there: a conflict when another was
 * made meanwhile) or for the tagged rows of the monitoring list.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/date.h"
#include "db/db_cadre.h"
#include "tui/choices.h"
#include "tui/f_common.h"
#include "tui/form.h"
#include "tui/tui.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* --- a cadre ------------------------------------------------------------------- */

static const struct field_spec c_place = {
    .name = "place", .label = N_("Township or village served"), .type = FT_CODE,
    .flags = FF_REQUIRED, .table = "place",
    .help = N_("The township the cadre serves, or one of its villages; the cadre is given households of that township only.  F4 shows the list.")};
static const struct field_spec c_phone = {
    .name = "phone", .label = N_("Phone"), .type = FT_PHONE, .flags = FF_REQUIRED,
    .help = N_("A mobile number (11 digits) or a landline with its area code; it is printed on the household card.")};

static const struct bind cadre_binds[] = {
    FIELD(struct cadre, name, .label = N_("Name"), .type = FT_NAME, .flags = FF_REQUIRED),
    FIELD(struct cadre, kind, .label = N_("Kind"), .type = FT_CODE, .flags = FF_REQUIRED,
          .table = "cadre_kind",
          .help = N_("驻村工作队员, 乡镇干部, 村干部 or 结对帮扶单位人员.  F4 shows the list.")),
    FIELD(struct cadre, unit, .label = N_("Unit"), .type = FT_TEXT, .flags = FF_REQUIRED,
          .max_chars = 60, .help = N_("The unit the cadre works in or was sent by (帮扶(选派)单位).")),
    FIELD(struct cadre, post, .label = N_("Post"), .type = FT_TEXT, .max_chars = 30,
          .help = N_("The cadre's post (职务), for example 副乡长 or 村委会主任.")),
    BIND(c_phone, struct cadre, phone, BR_BOTH),
    BIND_PLACE(c_place, struct cadre, township_id, village_id, 1),
};

FORM_REC_GET(cadre_get, struct cadre, db_cadre_get)
FORM_REC_PUT(cadre_put, struct cadre, db_cadre_save)
static const struct form_record_io cadre_io =
    FORM_REC_IO(cadre_binds, struct cadre, form_rec_nothing, form_rec_nothing, cadre_get,
                cadre_put);

const struct form_kind cadre_form = {
    .id = "cadre",
    .rec = {
        .io = &cadre_io,
        .title = {N_("Responsible cadre %s"), {"name"}},
        .title_new = {N_("New responsible cadre")},
        .done = {N_("Responsible cadre %s saved."), {"name"}},
        .loaded = form_rec_places,
    },
};

/* --- assigning ------------------------------------------------------------------ */

/* What the dialog assigns: the households, and the link seen (-1: any). */
struct assign_data {
    int64_t *hh;
    size_t n;
    int64_t expect;
    int64_t township;           /* the cadres offered (0: every one seen) */
    char what[128];             /* the household's number, or "" */
};

static const struct field_spec a_cadre = {
    .name = "cadre", .label = N_("Responsible cadre"), .type = FT_CODE, .flags = FF_REQUIRED,
    .table = "cadre",
    .help = N_("The cadre who will visit and help the households (帮扶责任人); the cadre before ends on the day below and stays in the households' history.  F4 shows the cadres of your scope; C on the monitoring list adds one.")};
static const struct field_spec a_day = {
    .name = "day", .label = N_("Responsible from"), .type = FT_DATE, .flags = FF_REQUIRED,
    .help = N_("The day the cadre takes over, not in the future.")};

static void
assign_free(void *p)
{
    struct assign_data *d = p;

    free(d->hh);
    free(d);
}

static int
assign_open(struct form *fm, struct err *e)
{
    struct assign_data *d = fm->data;
    struct cadre_list_row *v;
    struct choices c;
    size_t n, i;

    if (db_cadre_list(fm->app->db, &fm->app->actor, d->township, &v, &n, e) != 0) {
        return -1;
    }
    choices_init(&c);
    for (i = 0; i < n; i++) {
        choices_add_id(&c, v[i].c.id, "%s %s %s", v[i].c.name,
                       code_short(&fm->app->policy.codes, "cadre_kind", v[i].c.kind),
                       v[i].place);
    }
    free(v);
    form_add_table(fm, choices_table(&c, "cadre", _("Responsible cadre")));
    if (d->what[0] != '\0') {
        snprintf(fm->title, sizeof(fm->title), _("Responsible cadre of household %s"), d->what);
    } else {
        snprintf(fm->title, sizeof(fm->title), _("Responsible cadre of %zu tagged households"),
                 d->n);
    }
    form_add_str(fm, &a_cadre, "", "");
    form_add_num(fm, &a_day, "", app_today(), 0);
    return 0;
}

static int
assign_save(struct form *fm, struct err *e)
{
    struct assign_data *d = fm->data;
    struct rule_ctx ctx = form_rule_ctx(fm);
    char id[24];
    size_t changed = 0;

    form_str(fm, "", "cadre", id, sizeof(id));
    if (db_cadre_assign(fm->app->db, &ctx, form_actor(fm), strtoll(id, NULL, 10), d->hh, d->n,
                        (int)form_num(fm, "", "day", DATE_NONE), d->expect, &changed, e) != 0) {
        return -1;
    }
    snprintf(fm->done, sizeof(fm->done),
             _("The responsible cadre is assigned: %zu households changed, %zu already had that cadre."),
             changed, d->n - changed);
    return 0;
}

static const struct form_kind cadre_assign_form = {
    .id = "cadre_assign",
    .no_draft = 1,
    .open = assign_open,
    .save = assign_save,
    .free_data = assign_free,
};

unsigned
cadre_assign_dialog(struct tui *t, const int64_t *hh, size_t n, int64_t township,
                    const char *what, int64_t expect)
{
    struct assign_data *d = xcalloc(1, sizeof(*d));

    d->hh = xcalloc(n ? n : 1, sizeof(*d->hh));
    memcpy(d->hh, hh, n * sizeof(*hh));
    d->n = n;
    d->expect = expect;
    d->township = township;
    snprintf(d->what, sizeof(d->what), "%s", what != NULL ? what : "");
    form_open_with(t, &cadre_assign_form, d);
    return D_ALL;
}

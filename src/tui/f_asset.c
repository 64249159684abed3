/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * f_asset.c - the asset ledger's forms: an asset (class and type, the
 * project it came from, place, household for 到户类, ownership, operation,
 * maintainer, value by up to four fund sources, status and disposal) and
 * one year's income of an asset with its distribution (fm->arg is the
 * asset).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/bounds.h"
#include "core/date.h"
#include "core/funds.h"
#include "db/db_fund.h"
#include "db/db_household.h"
#include "tui/choices.h"
#include "tui/f_common.h"
#include "tui/form.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

static const struct field_spec a_place = {
    .name = "place", .label = N_("Township or village"), .type = FT_CODE, .flags = FF_REQUIRED,
    .table = "place",
    .help = N_("Where the asset is.  F4 shows the list.")};
static const struct field_spec a_hh = {
    .name = "hh_no", .label = N_("Household number"), .type = FT_TEXT, .max_chars = 30,
    .help = N_("到户类: the household that owns it.")};

static const struct bind asset_binds[] = {
    FIELD(struct asset, asset_no, .label = N_("Asset number"), .type = FT_TEXT,
          .max_chars = 30,
          .help = N_("Leave empty and the next number of the year is given (ZC2025-0001).")),
    BIND_PLACE(a_place, struct asset, township_id, village_id, 1),
    BIND_SLOT(0),                       /* the household's number */
    FIELD(struct asset, name, .label = N_("Asset name"), .type = FT_TEXT,
          .flags = FF_REQUIRED, .max_chars = 60,
          .help = N_("For example 白马村通组道路 or 光伏电站(60kW).")),
    FIELD(struct asset, aclass, .label = N_("Asset class"), .type = FT_CODE,
          .flags = FF_REQUIRED, .table = "asset_class",
          .help = N_("公益性, 经营性 or 到户类.  F4 shows the list.")),
    FIELD(struct asset, atype, .label = N_("Asset type"), .type = FT_CODE,
          .table = "asset_type",
          .help = N_("A type of the class chosen above.  F4 shows the list.")),
    FIELD(struct asset, year, .label = N_("Year formed"), .type = FT_INT,
          .flags = FF_REQUIRED, .min = 2000, .max = 2100),
    FIELD(struct asset, project_id, .label = N_("Project"), .type = FT_CODE,
          .table = "project",
          .help = N_("The project that formed it (empty for older assets).  F4 shows the list.")),
    FIELD(struct asset, scale, .label = N_("Scale"), .type = FT_TEXT, .max_chars = 30,
          .help = N_("For example 3.2公里 or 120头.")),
    FIELD(struct asset, completed_on, .label = N_("Completed on"), .type = FT_DATE),
    FIELD(struct asset, owner_level, .label = N_("Owned at"), .type = FT_CODE,
          .flags = FF_REQUIRED, .table = "owner_level",
          .help = N_("确权到: 县级, 乡镇, 村集体, 农户 or 经营主体.")),
    FIELD(struct asset, owner, .label = N_("Owner"), .type = FT_TEXT, .max_chars = 60),
    FIELD_AS("operator", BR_BOTH, struct asset, operator_, .label = N_("Operated by"),
             .type = FT_TEXT, .max_chars = 60),
    FIELD(struct asset, op_mode, .label = N_("Operation mode"), .type = FT_CODE,
          .table = "op_mode"),
    FIELD(struct asset, maintainer, .label = N_("Maintainer"), .type = FT_TEXT,
          .max_chars = 60, .help = N_("管护主体: required for a public-welfare asset.")),
    FIELD(struct asset, upkeep, .label = N_("Upkeep funds a year (yuan)"),
          .type = FT_MONEY, .max = BOUND_ASSET_YEAR),
    FIELD(struct asset, hh_benefit, .label = N_("Households benefiting"), .type = FT_INT,
          .max = 1000000),
    FIELD(struct asset, hh_poor, .label = N_("of which former poor households"),
          .type = FT_INT, .max = 1000000),
    FIELD(struct asset, hh_monitored, .label = N_("of which monitored households"),
          .type = FT_INT, .max = 1000000),
    FIELD(struct asset, status, .label = N_("Status"), .type = FT_CODE,
          .flags = FF_REQUIRED, .table = "asset_status",
          .help = N_("正常, 闲置, 损毁 or 已处置 (then fill in the disposal).")),
    FIELD(struct asset, disposal, .label = N_("Disposal method"), .type = FT_CODE,
          .table = "disposal",
          .help = N_("转让, 置换, 报损 or 报废: only for a disposed asset.")),
    FIELD(struct asset, disposal_date, .label = N_("Disposal date"), .type = FT_DATE),
    FIELD(struct asset, disposal_doc, .label = N_("Disposal approved by"),
          .type = FT_TEXT, .max_chars = 60, .help = N_("The 文号 of the approval.")),
    FIELD(struct asset, disposal_amount, .label = N_("Disposal proceeds (yuan)"),
          .type = FT_MONEY, .max = BOUND_ASSET),
    FIELD(struct asset, disposal_reason, .label = N_("Reason for the disposal"),
          .type = FT_LONGTEXT, .max_chars = 500),
    FIELD(struct asset, archive_no, .label = N_("Archive number"), .type = FT_TEXT,
          .max_chars = 30),
    FIELD(struct asset, publicized_on, .label = N_("Publicized on"), .type = FT_DATE),
    BIND(form_note, struct asset, note, BR_BOTH),
    BIND_SLOT(1),                       /* the fund sources */
};

/* The fund sources: ASSET_SOURCES pairs of (type, amount). */
static const struct field_spec a_src_type = {
    .name = "src_type", .label = N_("Fund source"), .type = FT_CODE, .table = "fund_type",
    .help = N_("Where the money for the asset came from.  F4 shows the list.")};
static const struct field_spec a_src_amount = {
    .name = "src_amount", .label = N_("Amount from it (yuan)"), .type = FT_MONEY, .max = BOUND_ASSET,
    .help = N_("The value is the sum of the sources.")};

static const char *const src_groups[ASSET_SOURCES] = {"1", "2", "3", "4"};

/* The places and the projects the user sees, as choices. */
static int
asset_choices(struct form *fm, void *rec, struct err *e)
{
    struct rule_ctx ctx = form_rule_ctx(fm);
    struct funds_filter flt;
    struct project_row *v;
    struct choices c;
    size_t n, i;

    (void)rec;
    funds_filter_init(&flt);
    if (form_places(fm, e) != 0 ||
        db_project_list(fm->app->db, &ctx, form_actor(fm), &flt, &v, &n, e) != 0) {
        return -1;
    }
    choices_init(&c);
    for (i = 0; i < n; i++) {
        choices_add_id(&c, v[i].id, "%s %s", v[i].proj_no, v[i].name);
    }
    free(v);
    form_add_table(fm, choices_table(&c, "project", _("Project")));
    return 0;
}

/* Slot 0: the number of the household owning it; slot 1: its value by
 * fund source. */
static int
asset_slot(struct form *fm, const void *rec, int which, struct err *e)
{
    const struct asset *a = rec;
    char hh_no[HH_NO_BUF] = "";
    int i;

    if (which == 0) {
        if (a->household_id != 0 &&
            db_household_no(fm->app->db, a->household_id, hh_no, sizeof(hh_no), e) != 0) {
            return -1;
        }
        form_add_str(fm, &a_hh, "", hh_no);
        return 0;
    }
    wform_heading(&fm->w, _("Value by fund source"), src_groups[0]);
    for (i = 0; i < ASSET_SOURCES; i++) {
        const struct asset_source *s = i < a->nsrc ? &a->src[i] : NULL;

        form_add_str(fm, &a_src_type, src_groups[i], s != NULL ? s->fund_type : "");
        form_add_num(fm, &a_src_amount, src_groups[i], s != NULL ? s->amount : 0, s == NULL);
    }
    return 0;
}

/* The fund sources and the household from the form. */
static int
asset_read(struct form *fm, void *rec, struct err *e)
{
    struct asset *a = rec;
    char hh_no[HH_NO_BUF];
    int i;

    a->nsrc = 0;
    for (i = 0; i < ASSET_SOURCES; i++) {
        struct asset_source *s = &a->src[a->nsrc];

        form_str(fm, src_groups[i], "src_type", s->fund_type, sizeof(s->fund_type));
        s->amount = form_num(fm, src_groups[i], "src_amount", 0);
        if (s->fund_type[0] != '\0' || s->amount != 0) {
            a->nsrc++;
        }
    }
    form_str(fm, "", "hh_no", hh_no, sizeof(hh_no));
    a->household_id = 0;
    if (hh_no[0] != '\0' && db_household_id(fm->app->db, hh_no, &a->household_id, e) != 0) {
        return -1;
    }
    return 0;
}

/* A new asset is in the usual status (the table's first). */
static void
asset_defaults(struct form *fm, void *rec)
{
    const struct code_table *t = codebook_table(&fm->app->policy.codes, "asset_status");
    struct asset *a = rec;

    snprintf(a->status, sizeof(a->status), "%s", t != NULL && t->n > 0 ? t->v[0].code : "");
}

/* The type list offers the types of the class chosen. */
static int
asset_choice_ok(struct form *fm, size_t i, const struct code *c)
{
    const struct code *cls;
    char aclass[CODE_BUF];
    size_t k;

    if (strcmp(fm->w.items[i].spec->name, "atype") != 0) {
        return 1;
    }
    form_str(fm, "", "aclass", aclass, sizeof(aclass));
    cls = code_find(codebook_table(&fm->app->policy.codes, "asset_class"), aclass);
    if (cls == NULL) {
        return 1;
    }
    for (k = 0; k < cls->ntags; k++) {
        if (code_has_tag(c, cls->tags[k])) {
            return 1;
        }
    }
    return 0;
}

FORM_RECORD_IO(asset_io, asset_binds, struct asset, asset_init, asset_clear,
               db_asset_get, db_asset_save);

const struct form_kind asset_form = {
    .id = "asset",
    .rec = {
        .io = &asset_io,
        .flags = FR_STORED,
        .title = {N_("Asset %s %s"), {"asset_no", "name"}},
        .title_new = {N_("New asset")},
        .done = {N_("Asset %s saved."), {"asset_no"}},
        .fresh = {.year = offsetof(struct asset, year)},
        .defaults = asset_defaults,
        .loaded = asset_choices,
        .slot = asset_slot,
        .read = asset_read,
    },
    .choice_ok = asset_choice_ok,
};

/* --- yearly income ----------------------------------------------------------- */


static const struct bind income_binds[] = {
    FIELD(struct asset_income, year, .label = N_("Year"), .type = FT_INT,
          .flags = FF_REQUIRED, .min = 2000, .max = 2100),
    FIELD(struct asset_income, income, .label = N_("Income (yuan)"), .type = FT_MONEY, .max = BOUND_ASSET_YEAR,
          .flags = FF_REQUIRED, .help = N_("收益: rent, dividends, sales.")),
    FIELD(struct asset_income, to_households, .label = N_("Paid to households (yuan)"),
          .type = FT_MONEY, .max = BOUND_ASSET_YEAR),
    FIELD(struct asset_income, households, .label = N_("Households paid"),
          .type = FT_INT, .max = 1000000),
    FIELD(struct asset_income, to_village, .label = N_("Kept by the village (yuan)"),
          .type = FT_MONEY, .max = BOUND_ASSET_YEAR, .help = N_("For 公益岗位, 小微奖补, small public works.")),
    FIELD(struct asset_income, to_upkeep, .label = N_("For upkeep (yuan)"),
          .type = FT_MONEY, .max = BOUND_ASSET_YEAR),
    FIELD(struct asset_income, dist_date, .label = N_("Distributed on"), .type = FT_DATE),
    FIELD(struct asset_income, use_note, .label = N_("Use"), .type = FT_LONGTEXT,
          .max_chars = 1000),
};

FORM_RECORD_IO(income_io, income_binds, struct asset_income, asset_income_init,
               asset_income_clear, db_asset_income_get, db_asset_income_save);

/* The form is about the asset: its number and name in the title. */
static int
income_loaded(struct form *fm, void *rec, struct err *e)
{
    const struct asset_income *in = rec;
    struct asset a;
    int rc;

    fm->arg = in->asset_id;
    asset_init(&a);
    rc = db_asset_get(fm->app->db, fm->arg, &a, e);
    if (rc == 0) {
        snprintf(fm->title, sizeof(fm->title), _("Income of %s %s"), a.asset_no, a.name);
    }
    asset_clear(&a);
    return rc;
}

const struct form_kind asset_income_form = {
    .id = "asset_income",
    .rec = {
        .io = &income_io,
        .done = {N_("Income of %s saved."), {"year"}},
        /* A new income is last year's. */
        .fresh = {.arg = offsetof(struct asset_income, asset_id),
                  .last_year = offsetof(struct asset_income, year)},
        .loaded = income_loaded,
    },
};

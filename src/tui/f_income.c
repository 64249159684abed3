/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * f_income.c - a household's income and expenditure of a year, with the
 * net and per-capita income computed as it is typed and compared with
 * that year's monitoring line; and the four guarantees of a year.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/bounds.h"
#include "core/date.h"
#include "core/household.h"
#include "core/money.h"
#include "core/policy.h"
#include "db/db_record.h"
#include "db/db_snapshot.h"
#include "tui/f_common.h"
#include "tui/form.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"


static const struct field_spec i_net = {
    .name = "net", .label = N_("Net income"), .type = FT_TEXT, .flags = FF_READONLY,
    .max_chars = 40};
static const struct field_spec i_per = {
    .name = "per_capita", .label = N_("Per-capita net income"), .type = FT_TEXT,
    .flags = FF_READONLY, .max_chars = 40};
static const struct field_spec i_line = {
    .name = "line", .label = N_("Monitoring line"), .type = FT_TEXT, .flags = FF_READONLY,
    .max_chars = 60};

static const struct bind income_binds[] = {
    FIELD(struct income, year, .label = N_("Year"), .type = FT_INT, .flags = FF_READONLY),
    FIELD(struct income, wage, .label = N_("Wage income"), .type = FT_MONEY, .max = BOUND_HOUSEHOLD_YEAR,
          .help = N_("Yuan in the 12 months: migrant work, public-welfare jobs...")),
    FIELD(struct income, business, .label = N_("Production income"), .type = FT_MONEY, .max = BOUND_HOUSEHOLD_YEAR,
          .help = N_("Yuan: farming, animals, forestry, business.")),
    FIELD(struct income, property, .label = N_("Property income"), .type = FT_MONEY, .max = BOUND_HOUSEHOLD_YEAR,
          .help = N_("Yuan: land rent, dividends of assets...")),
    FIELD(struct income, transfer, .label = N_("Transfer income"), .type = FT_MONEY, .max = BOUND_HOUSEHOLD_YEAR,
          .help = N_("Yuan: 低保, pensions, subsidies, eco-compensation...")),
    FIELD(struct income, unsplit, .label = N_("Income not split by kind"), .type = FT_MONEY,
          .max = BOUND_HOUSEHOLD_YEAR,
          .help = N_("Yuan of net income known only as a total (the national sheet's 人均纯收入 less its wage income); move it into the kinds above when they are known.")),
    FIELD(struct income, business_cost, .label = N_("Production costs"),
          .type = FT_MONEY, .max = BOUND_HOUSEHOLD_YEAR,
          .help = N_("Yuan spent on production; deducted from the income.")),
    FIELD(struct income, claims, .label = N_("Insurance payouts"), .type = FT_MONEY, .max = BOUND_HOUSEHOLD_YEAR,
          .help = N_("Yuan received from insurance claims.")),
    FIELD(struct income, oop_rigid, .label = N_("Out-of-pocket rigid spending"),
          .type = FT_MONEY, .max = BOUND_HOUSEHOLD_YEAR,
          .help = N_("Yuan the household paid itself for medical care and schooling.")),
    FIELD(struct income, members, .label = N_("Household size"), .type = FT_INT,
          .flags = FF_REQUIRED, .min = 1, .max = 99,
          .help = N_("The number of people the income is divided by (current members).")),
    BIND_SLOT(0),                       /* the figures computed */
};
/* The binds of the figures typed (not the year nor the slot). */
#define NFIGURES (ARRAY_SIZE(income_binds) - 1)

/* Current members of household HH (the default household size). */
static int
current_members(struct form *fm)
{
    struct hh_snapshot s;
    struct err e;
    int n = 1;

    memset(&s, 0, sizeof(s));
    if (db_snapshot_load(fm->app->db, fm->hh, &s, &e) == 0 && s.nmembers > 0) {
        n = (int)s.nmembers;
    }
    snapshot_free(&s);
    return n;
}

static void
show(struct form *fm, const char *name, const char *text)
{
    int k = wform_find(&fm->w, "", name);

    if (k >= 0) {
        wform_set(&fm->w, (size_t)k, text);
        wform_set_loaded(&fm->w, (size_t)k, text);
    }
}

/* The figures computed from what is typed so far. */
static void
income_changed(struct form *fm)
{
    const struct line_entry *line = policy_line(&fm->app->policy, fm->app->province, (int)fm->arg);
    struct income inc;
    struct field_value v;
    char a[MONEY_BUF], b[MONEY_BUF], w[128];
    struct sbuf sb = SBUF_INIT;
    size_t i;
    int ok = 1;

    memset(&inc, 0, sizeof(inc));
    for (i = 1; i < NFIGURES; i++) {
        if (wform_value(&fm->w, "", income_binds[i].spec->name, &v) != 0) {
            ok = 0;
        }
        field_value_clear(&v);
    }
    bind_read(fm, income_binds + 1, NFIGURES - 1, "", &inc, NULL);
    if (!ok || income_compute(&inc) != 0) {
        show(fm, "net", _("(correct the figures above)"));
        show(fm, "per_capita", "");
    } else {
        money_format(inc.net, 1, a);
        sbuf_addf(&sb, _("%s yuan"), a);
        show(fm, "net", sb.buf);
        money_format(inc.per_capita, 1, b);
        sbuf_reset(&sb);
        sbuf_addf(&sb, _("%s yuan"), b);
        show(fm, "per_capita", sb.buf);
    }
    sbuf_reset(&sb);
    if (line == NULL) {
        sbuf_addf(&sb, _("no line known for %d"), (int)fm->arg);
    } else {
        money_format(line->fen, 1, a);
        if (ok && inc.members > 0) {
            sbuf_addf(&sb, _("%s yuan: %s"), a,
                      income_line_words(inc.per_capita, line->fen, w, sizeof(w)));
        } else {
            sbuf_addf(&sb, _("%s yuan"), a);
        }
    }
    show(fm, "line", sb.buf);
    sbuf_release(&sb);
}

/* A new income is divided by the current members. */
static int
income_loaded(struct form *fm, void *rec, struct err *e)
{
    struct income *inc = rec;

    (void)e;
    if (fm->id == 0) {
        inc->members = current_members(fm);
    }
    return 0;
}

static int
figures_add(struct form *fm, const void *rec, int which, struct err *e)
{
    (void)rec;
    (void)which;
    (void)e;
    form_add_str(fm, &i_net, "", "");
    form_add_str(fm, &i_per, "", "");
    form_add_str(fm, &i_line, "", "");
    income_changed(fm);
    return 0;
}

static void
income_saved(struct form *fm, const void *rec)
{
    const struct income *inc = rec;
    char per[MONEY_BUF];

    money_format(inc->per_capita, 1, per);
    snprintf(fm->done, sizeof(fm->done), _("Income %d saved: %s yuan per person."), inc->year, per);
}

FORM_RECORD_IO_YEAR(income_io, income_binds, struct income, db_income_get,
                    db_income_save);

const struct form_kind income_form = {
    .id = "income",
    .rec = {
        .io = &income_io,
        .flags = FR_FIND,
        .title = {N_("Income and expenditure %s"), {"year"}},
        .fresh = {.hh = offsetof(struct income, household_id),
                  .arg_int = offsetof(struct income, year)},
        .loaded = income_loaded,
        .slot = figures_add,
        .saved = income_saved,
    },
    .changed = income_changed,
};

/* --- the four guarantees ------------------------------------------------------------------- */


static const struct bind guarantee_binds[] = {
    FIELD(struct guarantee, year, .label = N_("Year"), .type = FT_INT,
          .flags = FF_READONLY),
    FIELD(struct guarantee, checked_on, .label = N_("Checked on"), .type = FT_DATE,
          .flags = FF_REQUIRED,
          .help = N_("The day of the check, for example 2026-11-20.")),
    FIELD(struct guarantee, food_clothing, .label = N_("Food and clothing secured"),
          .type = FT_YESNO, .flags = FF_REQUIRED,
          .help = N_("是 when the household does not worry about food and clothing.")),
    FIELD(struct guarantee, education, .label = N_("Compulsory education secured"),
          .type = FT_YESNO, .flags = FF_REQUIRED,
          .help = N_("否 when a child of compulsory-school age is out of school.")),
    FIELD(struct guarantee, medical, .label = N_("Basic medical care secured"),
          .type = FT_YESNO, .flags = FF_REQUIRED,
          .help = N_("否 when a member has no basic medical insurance.")),
    FIELD(struct guarantee, housing, .label = N_("Housing safe"), .type = FT_YESNO,
          .flags = FF_REQUIRED, .help = N_("否 when the house is unsafe (grade C or D).")),
    FIELD(struct guarantee, water, .label = N_("Drinking water safe"), .type = FT_YESNO,
          .flags = FF_REQUIRED,
          .help = N_("否 when water is cut for more than a month, bad, or far.")),
};

/* A new check: everything secured until found otherwise. */
static void
guarantee_defaults(struct form *fm, void *rec)
{
    struct guarantee *g = rec;

    (void)fm;
    g->food_clothing = g->education = g->medical = g->housing = g->water = 1;
}

FORM_RECORD_IO_YEAR(guarantee_io, guarantee_binds, struct guarantee, db_guarantee_get,
                    db_guarantee_save);

const struct form_kind guarantee_form = {
    .id = "guarantee",
    .rec = {
        .io = &guarantee_io,
        .flags = FR_FIND,
        .title = {N_("The four guarantees %s"), {"year"}},
        .done = {N_("The guarantees of %s are saved."), {"year"}},
        .fresh = {.hh = offsetof(struct guarantee, household_id),
                  .today = offsetof(struct guarantee, checked_on),
                  .arg_int = offsetof(struct guarantee, year)},
        .defaults = guarantee_defaults,
    },
};

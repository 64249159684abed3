/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * f_record.c - the records that hang off a household: assistance
 * measures (category, item, start, end, optional project) and visits
 * (date, visitor, findings, new risk, next visit).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/codes.h"
#include "core/date.h"
#include "core/household.h"
#include "core/mcase.h"
#include "db/db_record.h"
#include "tui/f_common.h"
#include "tui/form.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"

/* --- measures ---------------------------------------------------------------------- */


static const struct bind measure_binds[] = {
    FIELD(struct measure, year, .label = N_("Year"), .type = FT_INT,
          .flags = FF_REQUIRED, .min = 2000, .max = 2100,
          .help = N_("The year the measure belongs to.")),
    FIELD(struct measure, category, .label = N_("Measure category"), .type = FT_CODE,
          .flags = FF_REQUIRED, .table = "measure_category",
          .help = N_("产业, 就业, 金融 and 公益岗位 are development measures.  F4 shows the list.")),
    FIELD(struct measure, item, .label = N_("Measure item"), .type = FT_CODE,
          .table = "measure_item",
          .help = N_("An item of the category chosen above.  F4 shows the list.")),
    FIELD(struct measure, start, .label = N_("Start date"), .type = FT_DATE,
          .flags = FF_REQUIRED | FF_FUTURE,
          .help = N_("When the measure started (or starts).")),
    FIELD(struct measure, end, .label = N_("End date"), .type = FT_DATE,
          .flags = FF_FUTURE, .help = N_("Empty while it goes on.")),
    FIELD(struct measure, project_id, .label = N_("Project number"), .type = FT_INT,
          .max = 999999999,
          .help = N_("The project that pays for it, if any (optional).")),
};

/* The checks across fields: the item of the category, the end after the
 * start. */
static int
measure_read(struct form *fm, void *rec, struct err *e)
{
    const struct codebook *cb = &fm->app->policy.codes;
    const struct measure *m = rec;

    if (m->item[0] != '\0' && !code_is(cb, "measure_item", m->item, m->category)) {
        return err_set(e, ERR_INVALID, _("%s is not an item of %s: choose an item of that category"),
                       code_label(cb, "measure_item", m->item),
                       code_label(cb, "measure_category", m->category));
    }
    if (m->end != DATE_NONE && m->end < m->start) {
        return err_set(e, ERR_INVALID, "%s", _("The end date lies before the start date."));
    }
    return 0;
}

static void
measure_defaults(struct form *fm, void *rec)
{
    struct measure *m = rec;

    (void)fm;
    m->end = DATE_NONE;
}

/* The item list offers the items of the category chosen (all while none
 * is chosen). */
static int
measure_choice_ok(struct form *fm, size_t i, const struct code *c)
{
    char category[CODE_BUF];

    if (strcmp(fm->w.items[i].spec->name, "item") != 0) {
        return 1;
    }
    form_str(fm, "", "category", category, sizeof(category));
    return category[0] == '\0' || code_has_tag(c, category);
}

FORM_RECORD_IO(measure_io, measure_binds, struct measure, form_rec_nothing,
               form_rec_nothing, db_measure_get, db_measure_save);

const struct form_kind measure_form = {
    .id = "measure",
    .rec = {
        .io = &measure_io,
        .flags = FR_STORED,
        .title = {N_("Assistance measure")},
        .title_new = {N_("New assistance measure")},
        .done = {N_("Measure saved: %s."), {"category"}},
        .fresh = {.hh = offsetof(struct measure, household_id),
                  .today = offsetof(struct measure, start),
                  .year = offsetof(struct measure, year)},
        .defaults = measure_defaults,
        .read = measure_read,
    },
    .choice_ok = measure_choice_ok,
};

/* --- visits ---------------------------------------------------------------------------- */


static const struct bind visit_binds[] = {
    FIELD(struct visit, visit_date, .label = N_("Visit date"), .type = FT_DATE,
          .flags = FF_REQUIRED, .help = N_("The day of the visit.")),
    FIELD(struct visit, visitor, .label = N_("Visitor"), .type = FT_TEXT,
          .flags = FF_REQUIRED, .max_chars = 30, .help = N_("Who visited.")),
    FIELD(struct visit, visitor_role, .label = N_("Visitor's role"), .type = FT_CODE,
          .table = "visitor_role", .help = N_("F4 shows the list.")),
    FIELD(struct visit, findings, .label = N_("Findings"), .type = FT_LONGTEXT,
          .max_chars = 2000,
          .help = N_("What was found: income changes, the guarantees, needs.")),
    FIELD(struct visit, new_risk, .label = N_("New risk found"), .type = FT_YESNO,
          .flags = FF_REQUIRED,
          .help = N_("是 when the household faces a new risk (then register a clue).")),
    FIELD(struct visit, next_visit, .label = N_("Next visit"), .type = FT_DATE,
          .flags = FF_FUTURE, .help = N_("When to visit again (after the visit date).")),
};

/* A new visit: the next one a month later, by the user. */
static void
visit_defaults(struct form *fm, void *rec)
{
    struct visit *v = rec;

    v->next_visit = date_add_months(v->visit_date, 1);
    snprintf(v->visitor, sizeof(v->visitor), "%s", form_actor(fm)->name);
}

static int
visit_read(struct form *fm, void *rec, struct err *e)
{
    const struct visit *v = rec;

    (void)fm;
    if (v->next_visit != DATE_NONE && v->next_visit <= v->visit_date) {
        return err_set(e, ERR_INVALID, "%s", _("The next visit must come after this one."));
    }
    return 0;
}

/* Leaving the visit date changed: the next visit follows (a month after
 * it) unless the user set it. */
static void
visit_left(struct form *fm, size_t i)
{
    struct field_value was, now, was_next, now_next;

    if (strcmp(fm->w.items[i].spec->name, "visit_date") != 0) {
        return;
    }
    memset(&was, 0, sizeof(was));
    was.empty = 1;
    now = was_next = now_next = was;
    form_parse(fm, i, wform_entered(&fm->w, i), &was);
    if (!was.empty && wform_value(&fm->w, "", "visit_date", &now) == 0 && !now.empty) {
        field_value_num(&was_next, date_add_months((int)was.n, 1));
        field_value_num(&now_next, date_add_months((int)now.n, 1));
        form_follow(fm, "", "next_visit", &was_next, &now_next, 0);
    }
    field_value_clear(&was);
    field_value_clear(&now);
}

FORM_RECORD_IO(visit_io, visit_binds, struct visit, visit_init, visit_clear,
               db_visit_get, db_visit_save);

const struct form_kind visit_form = {
    .id = "visit",
    .left = visit_left,
    .rec = {
        .io = &visit_io,
        .flags = FR_STORED,
        .title = {N_("Visit")},
        .title_new = {N_("New visit")},
        .done = {N_("Visit saved.")},
        .fresh = {.hh = offsetof(struct visit, household_id),
                  .today = offsetof(struct visit, visit_date)},
        .defaults = visit_defaults,
        .read = visit_read,
    },
};

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * f_common.c - what the form kinds share (f_common.h): fields several
 * forms have, the acting user and the rule context, the choice tables of
 * the villages and townships in the user's scope (tui/choices.h), place
 * fields, and a project's name in a form's title.
 */
#include "config.h"
#include "tui/f_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/codes.h"
#include "core/date.h"
#include "db/db_division.h"
#include "tui/choices.h"
#include "tui/form.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/u8.h"
#include "util/xalloc.h"

const struct field_spec form_note = {
    .name = "note", .label = N_("Note"), .type = FT_LONGTEXT, .max_chars = 1000};
const struct field_spec form_phone = {
    .name = "phone", .label = N_("Phone"), .type = FT_PHONE,
    .help = N_("A mobile number (11 digits) or a landline with its area code.")};
const struct field_spec form_hh_type = {
    .name = "hh_type", .label = N_("Household type"), .type = FT_CODE, .flags = FF_REQUIRED,
    .table = "hh_type", .help = N_("脱贫户 (lifted out of poverty) or 一般农户.")};

const struct field_spec form_step_note = {
    .name = "note", .label = N_("Note"), .type = FT_LONGTEXT, .max_chars = 2000,
    .help = N_("Anything to record with the step (optional).")};
static const struct field_spec step_day = {
    .name = "step_date", .label = N_("Date"), .type = FT_DATE, .flags = FF_REQUIRED,
    .help = N_("The day the step was done, for example 2026-11-20.")};
static const struct field_spec pub_start = {
    .name = "pub_start", .label = N_("Publicity from"), .type = FT_DATE, .flags = FF_REQUIRED,
    .help = N_("The first day the notice is posted.")};
static const struct field_spec pub_end = {
    .name = "pub_end", .label = N_("Publicity until"), .type = FT_DATE,
    .flags = FF_REQUIRED | FF_FUTURE,
    .help = N_("The last day of the publicity: at least the days the rules set.")};

void
form_step_days(struct form *fm, int publicity, int days)
{
    int today = app_today();

    if (publicity) {
        form_add_num(fm, &pub_start, "", today, 0);
        form_add_num(fm, &pub_end, "", today + days - 1, 0);
    } else {
        form_add_num(fm, &step_day, "", today, 0);
    }
}

/* The day the text of date field I held when the focus came in. */
static int
entered_day(const struct form *fm, size_t i)
{
    int day = DATE_NONE;

    return date_parse(wform_entered(&fm->w, i), &day) == DATE_OK ? day : DATE_NONE;
}

void
form_step_days_follow(struct form *fm, size_t i, int (*days)(struct form *fm, int day))
{
    int at = wform_find(&fm->w, "", "pub_start"), to = wform_find(&fm->w, "", "pub_end");
    int was, start, end, n;
    char text[DATE_BUF];

    if (at < 0 || to < 0 || (size_t)at != i) {
        return;
    }
    was = entered_day(fm, i);
    start = (int)form_num(fm, "", "pub_start", DATE_NONE);
    end = (int)form_num(fm, "", "pub_end", DATE_NONE);
    if (was == DATE_NONE || start == DATE_NONE || start == was ||
        end != was + days(fm, was) - 1 || (n = days(fm, start)) <= 0) {
        return;
    }
    date_format(start + n - 1, text);
    wform_set(&fm->w, (size_t)to, text);
}

void
form_step_days_read(struct form *fm, int *day, int *start, int *end)
{
    *start = (int)form_num(fm, "", "pub_start", DATE_NONE);
    *end = (int)form_num(fm, "", "pub_end", DATE_NONE);
    *day = *start != DATE_NONE ? *start : (int)form_num(fm, "", "step_date", DATE_NONE);
}

struct rule_ctx
form_rule_ctx(const struct form *fm)
{
    return app_rule_ctx(fm->app);
}

const struct actor *
form_actor(const struct form *fm)
{
    return &fm->app->actor;
}

void
form_choices(struct form *fm, const char *id, const char *title, const char *const *codes,
             const char *const *labels, size_t n)
{
    struct choices c;
    size_t i;

    choices_init(&c);
    for (i = 0; i < n; i++) {
        choices_add(&c, codes[i], "%s", _(labels[i]));
    }
    form_add_table(fm, choices_table(&c, id, title));
}

char *
form_save_path(struct form *fm, const char *name)
{
    const char *dir = fm->app->settings.print_dir;
    struct sbuf sb = SBUF_INIT;

    if (dir == NULL || *dir == '\0') {
        dir = getenv("HOME");
    }
    sbuf_addf(&sb, "%s/%s", dir != NULL && *dir ? dir : ".", name);
    return sbuf_detach(&sb);
}

void
form_blank(struct form *fm, const char *name)
{
    int i = wform_find(&fm->w, "", name);

    if (i >= 0 && fm->id == 0) {
        wform_set(&fm->w, (size_t)i, "");
        wform_set_loaded(&fm->w, (size_t)i, "");
    }
}

/* The places of township TOWN into C: the township itself when TOWNS
 * (if the user sees all of it), then its villages the user sees. */
static int
places_of(struct form *fm, const struct division *town, int towns,
          struct choices *c, struct err *e)
{
    const struct actor *a = form_actor(fm);
    struct division *v;
    size_t n, i;

    if (towns && actor_sees(a, town->id, 0)) {
        choices_add_id(c, town->id, "%s", town->name);
    }
    if (db_division_children(fm->app->db, town->id, &v, &n, e) != 0) {
        return -1;
    }
    for (i = 0; i < n; i++) {
        if (v[i].level != LEVEL_VILLAGE || !actor_sees(a, town->id, v[i].id)) {
            continue;
        }
        choices_add_id(c, v[i].id, "%s %s", town->name, v[i].name);
    }
    free(v);
    return 0;
}

/* The table ID (titled TITLE) of the places in the user's scope. */
static int
scope_places(struct form *fm, int towns, const char *id, const char *title,
             struct err *e)
{
    const struct actor *a = form_actor(fm);
    struct choices c;
    struct division county, *v;
    size_t n, i;
    int rc = 0;

    choices_init(&c);
    if (db_division_county(fm->app->db, &county, e) != 0 ||
        db_division_children(fm->app->db, county.id, &v, &n, e) != 0) {
        return -1;
    }
    for (i = 0; i < n && rc == 0; i++) {
        if (a->scope_level == LEVEL_COUNTY || actor_sees(a, v[i].id, 0) ||
            a->scope_level == LEVEL_VILLAGE) {
            rc = places_of(fm, &v[i], towns, &c, e);
        }
    }
    free(v);
    form_add_table(fm, choices_table(&c, id, title));
    return rc;
}

int
form_villages(struct form *fm, struct err *e)
{
    return scope_places(fm, 0, "village", _("Village"), e);
}

int
form_places(struct form *fm, struct err *e)
{
    return scope_places(fm, 1, "place", _("Township or village"), e);
}

void
form_follow(struct form *fm, const char *group, const char *name,
            const struct field_value *was, const struct field_value *now, int fill_empty)
{
    struct sbuf text = SBUF_INIT;
    int k = wform_find(&fm->w, group, name);
    char *was_text, *now_text;

    if (k < 0 || now->empty) {
        return;
    }
    wform_text(&fm->w, (size_t)k, &text);
    was_text = form_format(fm, fm->w.items[k].spec, was);
    if (text.len == 0 ? fill_empty : !was->empty && strcmp(text.buf, was_text) == 0) {
        now_text = form_format(fm, fm->w.items[k].spec, now);
        wform_set(&fm->w, (size_t)k, now_text);
        free(now_text);
    }
    free(was_text);
    sbuf_release(&text);
}

int
form_rec_villages(struct form *fm, void *rec, struct err *e)
{
    (void)rec;
    return form_villages(fm, e);
}

int
form_rec_places(struct form *fm, void *rec, struct err *e)
{
    (void)rec;
    return form_places(fm, e);
}

int
form_place_split(struct form *fm, int64_t place, int64_t *township,
                 int64_t *village, struct err *e)
{
    struct division d;

    if (db_division_get(fm->app->db, place, &d, e) != 0) {
        return -1;
    }
    if (d.level == LEVEL_TOWNSHIP) {
        *township = d.id;
        *village = 0;
    } else {
        *township = d.parent_id;
        *village = d.id;
    }
    return 0;
}

void
form_project_title(struct form *fm, const char *what, const char *proj_no,
                   const char *name)
{
    struct sbuf sb;

    sbuf_init(&sb);
    sbuf_addf(&sb, "%s: %s %s", what, proj_no, name);
    u8_copy(fm->title, sizeof(fm->title), sb.buf);
    sbuf_release(&sb);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * f_assess.c - the forms of the assessment workspace (F5): a new round
 * (a template of <datadir>/assess, the year, a title), the points of a
 * manual or bonus indicator of a unit (points with up to two decimals,
 * the note the database asks for when points are taken off or a bonus is
 * given, the evidence), and reopening a final round for a reason.  They
 * are dialogs (no drafts); what they save goes through db/db_assess.h.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "cfg/assess_load.h"
#include "core/date.h"
#include "tui/choices.h"
#include "tui/f_common.h"
#include "tui/form.h"
#include "tui/s_assess.h"
#include "tui/tui.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/u8.h"
#include "util/xalloc.h"

/* --- a new round ---------------------------------------------------------------- */

struct round_job {
    struct assess_template *v;    /* the templates that read */
    size_t n;
};

static const struct field_spec r_template = {
    .name = "template", .label = N_("Template"), .type = FT_CODE, .flags = FF_REQUIRED,
    .table = "template",
    .help = N_("The indicators, points and grades of the round (share/assess); F4 shows the list.")};
static const struct field_spec r_year = {
    .name = "year", .label = N_("Year"), .type = FT_INT, .flags = FF_REQUIRED, .min = 2000,
    .max = 2100};
static const struct field_spec r_title = {
    .name = "title", .label = N_("Round title"), .type = FT_TEXT, .max_chars = 60,
    .help = N_("Empty: the year and the template's title.")};

/* What a template assesses, in words. */
static const char *
unit_words(const char *unit)
{
    enum assess_unit_kind k;

    if (assess_unit_parse(unit, &k) != 0) {
        return unit;
    }
    switch (k) {
    case AU_TOWNSHIP:
        return _("townships");
    case AU_VILLAGE:
        return _("villages");
    case AU_TEAM:
        return _("resident teams");
    default:
        return _("partners");
    }
}

static int
round_open(struct form *fm, struct err *e)
{
    struct round_job *j = fm->data;
    struct choices c;
    size_t i;

    (void)e;
    choices_init(&c);
    for (i = 0; i < j->n; i++) {
        choices_add(&c, j->v[i].id, "%s (%s)", j->v[i].title, unit_words(j->v[i].unit));
    }
    form_add_table(fm, choices_table(&c, "template", _("Template")));
    snprintf(fm->title, sizeof(fm->title), "%s", _("New assessment round"));
    form_add_str(fm, &r_template, "", j->n == 1 ? j->v[0].id : "");
    form_add_num(fm, &r_year, "", date_year(app_today()), 0);
    form_add_str(fm, &r_title, "", "");
    return 0;
}

static int
round_save(struct form *fm, struct err *e)
{
    struct round_job *j = fm->data;
    struct rule_ctx ctx = form_rule_ctx(fm);
    char id[64], title[200];
    int64_t round;
    size_t i;

    form_str(fm, "", "template", id, sizeof(id));
    form_str(fm, "", "title", title, sizeof(title));
    for (i = 0; i < j->n && strcmp(j->v[i].id, id) != 0; i++) {
    }
    if (i == j->n) {
        return err_set(e, ERR_INVALID, "%s", _("Choose a template."));
    }
    if (db_round_create(fm->app->db, &ctx, form_actor(fm), &j->v[i],
                        (int)form_num(fm, "", "year", 0), title, NULL, 0, &round, e) != 0) {
        return -1;
    }
    fm->id = round;
    snprintf(fm->done, sizeof(fm->done), "%s", _("Assessment round made: Enter opens its ranking."));
    return 0;
}

static void
round_free(void *data)
{
    struct round_job *j = data;

    if (j != NULL) {
        assess_templates_free(j->v, j->n);
        free(j);
    }
}

static const struct form_kind round_form = {
    .id = "assess_round",
    .no_draft = 1,
    .open = round_open,
    .save = round_save,
    .free_data = round_free,
};

unsigned
round_new_dialog(struct tui *t)
{
    struct round_job *j = xcalloc(1, sizeof(*j));
    char *dir = path_join(t->app->datadir, "assess");
    struct err e;
    int bad;

    err_clear(&e);
    bad = assess_load_good(dir, assess_sources, &j->v, &j->n, &e);
    free(dir);
    if (j->n == 0) {
        tui_message(t, 1, "%s", bad ? e.msg : _("There is no assessment template (share/assess)."));
        round_free(j);
        return D_STATUS;
    }
    form_open_with(t, &round_form, j);
    if (bad) {
        tui_message(t, 1, "%s", e.msg);
    }
    return D_ALL;
}

/* --- the points of an indicator ---------------------------------------------------- */

struct score_job {
    int64_t round, unit, version;
    char code[64];
    int bonus;
    char max[24];
    char points[24];
    char note[400], evidence[200];
    char what[300];
    struct field_spec points_spec;  /* within the indicator's bounds */
};
static const struct field_spec s_note = {
    .name = "note", .label = N_("Note"), .type = FT_TEXT, .max_chars = 200,
    .help = N_("Why: required when points are taken off or a bonus is given.")};
static const struct field_spec s_evidence = {
    .name = "evidence", .label = N_("Evidence"), .type = FT_TEXT, .max_chars = 100,
    .help = N_("Where it can be checked: a record, a page, a file number.")};

static int
score_open(struct form *fm, struct err *e)
{
    struct score_job *j = fm->data;

    (void)e;
    if (j->bonus) {
        snprintf(fm->title, sizeof(fm->title), _("%s: from -%s to %s points"), j->what, j->max,
                 j->max);
    } else {
        snprintf(fm->title, sizeof(fm->title), _("%s: from 0 to %s points"), j->what, j->max);
    }
    form_add_str(fm, &j->points_spec, "", j->points);
    form_add_str(fm, &s_note, "", j->note);
    form_add_str(fm, &s_evidence, "", j->evidence);
    fm->version = j->version;
    return 0;
}

static int
score_save(struct form *fm, struct err *e)
{
    struct score_job *j = fm->data;
    struct rule_ctx ctx = form_rule_ctx(fm);
    struct round_tpl rt;
    char note[400], evidence[200], pts[24];
    int64_t cp;
    int rc;

    cp = form_num(fm, "", "points", 0);
    form_str(fm, "", "note", note, sizeof(note));
    form_str(fm, "", "evidence", evidence, sizeof(evidence));
    rc = round_tpl_read(fm->app->db, j->round, &rt, e) ||
         db_score_set(fm->app->db, &ctx, form_actor(fm), j->round, &rt.t, j->unit, j->code, cp,
                      note, evidence, fm->version, e);
    round_tpl_clear(&rt);
    if (rc == 0) {
        assess_points_text(cp, pts, sizeof(pts));
        snprintf(fm->done, sizeof(fm->done), _("%s: %s points saved."), j->code, pts);
    }
    return rc ? -1 : 0;
}

static const struct form_kind score_form = {
    .id = "assess_score",
    .no_draft = 1,
    .open = score_open,
    .save = score_save,
    .free_data = free,
};

unsigned
score_dialog(struct tui *t, int64_t round, int64_t unit, const struct sheet_line *l)
{
    struct score_job *j = xcalloc(1, sizeof(*j));
    const struct assess_indicator *ind = l->ind;

    j->round = round;
    j->unit = unit;
    j->version = l->version;
    j->bonus = ind->method == AM_BONUS;
    u8_copy(j->code, sizeof(j->code), ind->code);
    snprintf(j->what, sizeof(j->what), "%s %s", ind->code, ind->name);
    assess_points_text(j->bonus ? ind->cap_cp : ind->max_cp, j->max, sizeof(j->max));
    j->points_spec = (struct field_spec){
        .name = "points", .label = N_("Points"), .type = FT_DECIMAL,
        .flags = FF_REQUIRED | (j->bonus ? FF_NEGATIVE : 0),
        .min = j->bonus ? -ind->cap_cp : 0, .max = j->bonus ? ind->cap_cp : ind->max_cp,
        .help = N_("A number with at most two decimals, such as 12.5.")};
    if (l->scored) {
        assess_points_text(l->s.points_cp, j->points, sizeof(j->points));
    }
    u8_copy(j->note, sizeof(j->note), l->note);
    u8_copy(j->evidence, sizeof(j->evidence), l->evidence);
    form_open_with(t, &score_form, j);
    return D_ALL;
}

/* --- reopening ------------------------------------------------------------------ */

struct reopen_job {
    int64_t round, version;
};

static const struct field_spec o_reason = {
    .name = "reason", .label = N_("Reason"), .type = FT_TEXT, .flags = FF_REQUIRED,
    .max_chars = 200,
    .help = N_("Why the round is opened again: it is kept in the audit log.")};

static int
reopen_open(struct form *fm, struct err *e)
{
    (void)e;
    snprintf(fm->title, sizeof(fm->title), "%s", _("Reopen the assessment round"));
    form_add_str(fm, &o_reason, "", "");
    return 0;
}

static int
reopen_save(struct form *fm, struct err *e)
{
    struct reopen_job *j = fm->data;
    char reason[400];

    form_str(fm, "", "reason", reason, sizeof(reason));
    if (db_round_reopen(fm->app->db, form_actor(fm), j->round, j->version, reason, e) != 0) {
        return -1;
    }
    snprintf(fm->done, sizeof(fm->done), "%s",
             _("The round is open again (recorded in the audit log)."));
    return 0;
}

static const struct form_kind reopen_form = {
    .id = "assess_reopen",
    .no_draft = 1,
    .open = reopen_open,
    .save = reopen_save,
    .free_data = free,
};

unsigned
reopen_dialog(struct tui *t, int64_t round, int64_t version)
{
    struct reopen_job *j = xcalloc(1, sizeof(*j));

    j->round = round;
    j->version = version;
    form_open_with(t, &reopen_form, j);
    return D_ALL;
}

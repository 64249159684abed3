/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * s_assess.c - the assessment workspace (F5): the rounds (考核轮次, a
 * table), a round's ranking (排名), a unit's scoring sheet (评分表) and
 * the comparison of two sheets (two units of a round, or one unit in two
 * rounds of a template), each a record view (tui/view.h).  The rounds,
 * sheets and rankings come from db/db_assess.h with the round's own
 * template; the forms are tui/f_assess.c.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "cfg/assess_load.h"
#include "print/export.h"
#include "core/money.h"
#include "tui/form.h"
#include "tui/s_assess.h"
#include "tui/s_menu.h"
#include "tui/table.h"
#include "tui/tui.h"
#include "tui/view.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

#define PTS_BUF 24

static const struct view_def round_view, sheet_view, compare_view;

/* What the lines of the views stand for. */
enum ref_kind { REF_NONE = 0, REF_UNIT, REF_LINE };

static void
pts(int64_t cp, char *out)
{
    assess_points_text(cp, out, PTS_BUF);
}

static const char *
kind_words(enum assess_unit_kind k)
{
    static const char *const words[] = {
        N_("township"), N_("village"), N_("resident team"), N_("partner"),
    };

    return (unsigned)k < ARRAY_SIZE(words) ? _(words[k]) : "";
}

/* "进行中", or "已定稿（who）". */
static void
state_text(const struct assess_round *r, char *out, size_t n)
{
    if (r->final) {
        snprintf(out, n, _("final (%s)"), r->finalized_by);
    } else {
        snprintf(out, n, "%s", _("in progress"));
    }
}

/* The round's title, year and state as the view's first pairs. */
static void
round_pairs(struct view *v, const struct round_tpl *rt)
{
    char state[128];

    state_text(&rt->r, state, sizeof(state));
    view_pair(v, _("Template: "), rt->t.title);
    view_pairf(v, _("Year: "), "%d", rt->r.year);
    view_pair_mark(v, _("State: "), state, 0);
    view_pair(v, _("Units: "), kind_words(rt->r.kind));
}

/* --- the rounds ------------------------------------------------------------------ */

static const struct table_col round_cols[] = {
    {N_("year"), 4, 0, 1, 0},
    {N_("title"), 14, 0, 0, 1},
    {N_("template"), 10, 0, 0, 1},
    {N_("units of"), 10, 0, 0, 0},
    {N_("units"), 6, 1, 1, 0},
    {N_("state"), 8, 0, 0, 1},
};

static int
rounds_load(struct tui *t, void *ctx, struct table_rows *out, struct err *e)
{
    struct assess_round *v;
    size_t n, i;
    int rc = 0;

    (void)ctx;
    if (db_round_list(t->app->db, &v, &n, e) != 0) {
        return -1;
    }
    for (i = 0; i < n && rc == 0; i++) {
        struct assess_unit_row *u;
        size_t nu;
        char state[128];

        rc = db_round_units(t->app->db, v[i].id, &u, &nu, e);
        if (rc == 0) {
            free(u);
            state_text(&v[i], state, sizeof(state));
            table_add(out, v[i].id);
            table_set_int(out, 0, v[i].year);
            table_setf(out, 0, "%d", v[i].year);
            table_set(out, 1, v[i].title);
            table_set(out, 2, v[i].template_id);
            table_set(out, 3, kind_words(v[i].kind));
            table_set_int(out, 4, (int64_t)nu);
            table_set(out, 5, state);
        }
    }
    db_round_list_free(v, n);
    return rc;
}

static unsigned
round_new(struct tui *t, void *ctx)
{
    (void)ctx;
    return round_new_dialog(t);
}

static unsigned
rounds_print(struct tui *t, void *ctx, const int64_t *ids, size_t n)
{
    (void)ctx;
    return n > 0 ? assess_print_round(t, ids[0], 0) : 0;
}

/* x: the round under the cursor, its ranking and every unit's sheet. */
static int
rounds_export(struct tui *t, void *ctx, struct export_filter *f)
{
    const struct table_row *r = table_current(t);

    (void)ctx;
    f->round = r != NULL ? r->id : 0;
    return 1;
}

static const struct table_def rounds_def = {
    .id = "assess_rounds",
    .title = N_("assessment rounds"),
    .help = N_("The assessment rounds (考核轮次): a template (share/assess) applied to every township, village, resident team or partner for a year.  While a round is open its computed indicators follow the data and the others are scored by hand; a final round is frozen.  a makes a round (county staff), Enter opens its ranking."),
    .cols = round_cols,
    .ncols = ARRAY_SIZE(round_cols),
    .empty = N_("No assessment round yet: a makes one."),
    .load = rounds_load,
    .view = &round_view,
    .create = round_new,
    .print = rounds_print,
    .export = "assessment",
    .export_filter = rounds_export,
};

int
assess_open(struct tui *t)
{
    return table_open(t, &rounds_def, 0);
}

/* --- the ranking ------------------------------------------------------------------- */

struct round_ctx {
    struct round_tpl rt;
    int armed;                  /* F was pressed once */
};

static void *
round_ctx_new(struct tui *t, int64_t id)
{
    (void)t;
    (void)id;
    return xcalloc(1, sizeof(struct round_ctx));
}

static void
round_ctx_free(void *ctx)
{
    struct round_ctx *c = ctx;

    round_tpl_clear(&c->rt);
    free(c);
}

static void
rank_rows(struct view *v, const struct assess_rank *k, size_t n)
{
    static const struct table_col cols[] = {
        {N_("rank"), 4, 1, 1, 0},
        {N_("unit"), 12, 0, 0, 1},
        {N_("points"), 6, 1, 1, 0},
        {N_("grade"), 4, 0, 0, 0},
        {N_("unscored"), 4, 1, 1, 0},
    };
    size_t i;

    view_table(v, cols, ARRAY_SIZE(cols));
    for (i = 0; i < n; i++) {
        char rank[16], total[PTS_BUF], uns[16] = "";
        const char *cells[5];

        snprintf(rank, sizeof(rank), "%d", k[i].rank);
        pts(k[i].total_cp, total);
        if (k[i].unscored > 0) {
            snprintf(uns, sizeof(uns), "%d !", k[i].unscored);
        }
        cells[0] = rank;
        cells[1] = k[i].name;
        cells[2] = total;
        cells[3] = k[i].grade != NULL ? k[i].grade : "";
        cells[4] = uns;
        view_row_mark(v, REF_UNIT, k[i].unit, cells, k[i].unscored > 0);
    }
}

static int
round_build(struct tui *t, void *ctx, struct view *v, struct err *e)
{
    struct round_ctx *c = ctx;
    struct rule_ctx rc = app_rule_ctx(t->app);
    struct assess_rank *k;
    size_t n;

    round_tpl_clear(&c->rt);
    c->armed = 0;
    if (round_tpl_read(t->app->db, v->id, &c->rt, e) != 0 ||
        db_round_ranking(t->app->db, &rc, &c->rt.r, &c->rt.t, &k, &n, e) != 0) {
        return -1;
    }
    view_title(v, c->rt.r.title);
    round_pairs(v, &c->rt);
    view_section(v, _("Ranking"));
    rank_rows(v, k, n);
    free(k);
    if (!c->rt.r.final) {
        view_blank(v);
        view_text(v, _("! marks a unit with indicators scored by hand that have no points yet."));
    }
    return 0;
}

static unsigned
sheet_open_unit(struct tui *t, int64_t round, int64_t unit);

static unsigned
round_open_ref(struct tui *t, void *ctx, const struct view_ref *ref)
{
    struct round_ctx *c = ctx;

    return ref->kind == REF_UNIT ? sheet_open_unit(t, c->rt.r.id, ref->id) : 0;
}

/* F twice: freeze the round. */
static unsigned
finalize(struct tui *t, struct round_ctx *c)
{
    struct rule_ctx rc = app_rule_ctx(t->app);
    struct err e;

    if (c->rt.r.final) {
        tui_message(t, 1, "%s", _("The round is final already."));
        return D_STATUS;
    }
    if (!c->armed) {
        c->armed = 1;
        tui_message(t, 0, "%s",
                    _("Finalize the round? Every input and point is frozen: F again to confirm."));
        return D_STATUS;
    }
    c->armed = 0;
    err_clear(&e);
    if (db_round_finalize(t->app->db, &rc, &t->app->actor, c->rt.r.id, &c->rt.t,
                          c->rt.r.version, &e) != 0) {
        tui_message(t, 1, "%s", e.msg);
        return D_STATUS;
    }
    tui_message(t, 0, "%s", _("The round is final (recorded in the audit log)."));
    return D_ALL | TR_RELOAD;
}

static unsigned
reopen(struct tui *t, struct round_ctx *c)
{
    if (!c->rt.r.final) {
        tui_message(t, 1, "%s", _("The round is open already."));
        return D_STATUS;
    }
    return reopen_dialog(t, c->rt.r.id, c->rt.r.version);
}

/* --- c: what to compare with --------------------------------------------------------- */

struct cmp_ctx {
    int64_t round[2], unit[2];
};

/* The comparison menu: its items' rounds and units. */
struct cmp_menu {
    int64_t round, unit;
    int64_t *rounds, *units;
    size_t n;
};

static void
cmp_menu_free(void *p)
{
    struct cmp_menu *m = p;

    free(m->rounds);
    free(m->units);
    free(m);
}

static void
cmp_add(struct menu *menu, struct cmp_menu *m, int64_t round, int64_t unit, const char *text)
{
    m->rounds = xrealloc(m->rounds, (m->n + 1) * sizeof(int64_t));
    m->units = xrealloc(m->units, (m->n + 1) * sizeof(int64_t));
    m->rounds[m->n] = round;
    m->units[m->n] = unit;
    m->n++;
    menu_add(menu, text);
}

static unsigned
cmp_chosen(void *ctx, struct tui *t, size_t i)
{
    struct cmp_menu *m = ctx;
    struct cmp_ctx *c = xcalloc(1, sizeof(*c));

    c->round[0] = m->round;
    c->unit[0] = m->unit;
    c->round[1] = i < m->n ? m->rounds[i] : m->round;
    c->unit[1] = i < m->n ? m->units[i] : m->unit;
    cmp_menu_free(m);
    view_open_with(t, &compare_view, c->unit[0], c);
    return D_ALL;
}

/* The other units of the round. */
static int
cmp_units(struct tui *t, struct menu *menu, struct cmp_menu *m, struct err *e)
{
    struct assess_unit_row *u;
    size_t n, i;

    if (db_round_units(t->app->db, m->round, &u, &n, e) != 0) {
        return -1;
    }
    for (i = 0; i < n; i++) {
        if (u[i].id != m->unit) {
            cmp_add(menu, m, m->round, u[i].id, u[i].name);
        }
    }
    free(u);
    return 0;
}

/* The same unit in the other rounds of the template. */
static int
cmp_rounds(struct tui *t, struct menu *menu, struct cmp_menu *m, const struct assess_round *r,
           struct err *e)
{
    struct assess_round *v;
    size_t n, i, k;
    int rc = 0;

    if (db_round_list(t->app->db, &v, &n, e) != 0) {
        return -1;
    }
    for (i = 0; i < n && rc == 0; i++) {
        struct assess_unit_row *u;
        size_t nu;

        if (v[i].id == r->id || strcmp(v[i].template_id, r->template_id) != 0) {
            continue;
        }
        rc = db_round_units(t->app->db, v[i].id, &u, &nu, e);
        for (k = 0; rc == 0 && k < nu; k++) {
            if (u[k].id == m->unit) {
                char text[400];

                snprintf(text, sizeof(text), _("the same unit in %s"), v[i].title);
                cmp_add(menu, m, v[i].id, m->unit, text);
            }
        }
        if (rc == 0) {
            free(u);
        }
    }
    db_round_list_free(v, n);
    return rc;
}

static unsigned
compare(struct tui *t, struct round_ctx *c, const struct view_ref *ref)
{
    struct cmp_menu *m;
    struct menu *menu;
    struct err e;

    if (ref == NULL || ref->kind != REF_UNIT) {
        tui_message(t, 0, "%s", _("Move to a unit to compare first."));
        return D_STATUS;
    }
    m = xcalloc(1, sizeof(*m));
    m->round = c->rt.r.id;
    m->unit = ref->id;
    menu = menu_new(_("Compare with"), cmp_chosen, m);
    menu->free_ctx = cmp_menu_free;
    err_clear(&e);
    if (cmp_units(t, menu, m, &e) != 0 || cmp_rounds(t, menu, m, &c->rt.r, &e) != 0 ||
        m->n == 0) {
        tui_message(t, 1, "%s", m->n == 0 && e.code == 0 ? _("There is nothing to compare with.")
                                                         : e.msg);
        menu_free(menu);    /* and M */
        return D_STATUS;
    }
    menu_open(t, menu);
    return D_ALL;
}

static const struct keydef round_keys[] = {
    {'F', 0, ACT_FORM1, "F", N_("finalize"), KD_BAR | KD_WRITE},
    {'R', 0, ACT_FORM2, "R", N_("reopen"), KD_BAR | KD_WRITE},
    {'c', 0, ACT_FORM3, "c", N_("compare"), KD_BAR},
    {'x', 0, ACT_EXPORT, "x", N_("export"), KD_BAR},
    {0, 0, ACT_NONE, NULL, NULL, 0},
};

/* x on the ranking or a sheet: the round (the sheet: that unit's). */
static unsigned
export_round(struct tui *t, int64_t round, int64_t unit)
{
    struct export_filter f;

    export_filter_init(&f);
    f.round = round;
    f.unit = unit;
    export_dialog(t, export_kind_find("assessment"), &f, 0);
    return D_ALL;
}

static unsigned
round_action(struct tui *t, void *ctx, int action, const struct view_at *at)
{
    struct round_ctx *c = ctx;

    switch (action) {
    case ACT_FORM1:
        return tui_writable(t) ? finalize(t, c) : D_STATUS;
    case ACT_FORM2:
        return tui_writable(t) ? reopen(t, c) : D_STATUS;
    case ACT_FORM3:
        return compare(t, c, at->ref);
    case ACT_EXPORT:
        return export_round(t, at->id, 0);
    default:
        return 0;
    }
}

static unsigned
round_print(struct tui *t, void *ctx, int64_t id)
{
    (void)ctx;
    return assess_print_round(t, id, 0);
}

static const struct view_def round_view = {
    .id = "assess_round",
    .title = N_("ranking"),
    .help = N_("The units of the round best first, with their points and grade; equal totals share a rank.  ! marks a unit with indicators scored by hand that have no points yet.  Enter opens the unit's scoring sheet; F (twice) finalizes the round, freezing every input and point (county staff; refused while points are missing); R reopens a final round with a reason; c compares the unit with another unit of the round or with itself in another round of the template."),
    .ctx_new = round_ctx_new,
    .ctx_free = round_ctx_free,
    .build = round_build,
    .open_ref = round_open_ref,
    .print = round_print,
    .keys = round_keys,
    .action = round_action,
};

/* --- the scoring sheet --------------------------------------------------------------- */

struct sheet_ctx {
    int64_t round, unit;
    struct round_tpl rt;
    struct assess_sheet s;
};

static void
sheet_ctx_free(void *ctx)
{
    struct sheet_ctx *c = ctx;

    assess_sheet_clear(&c->s);
    round_tpl_clear(&c->rt);
    free(c);
}

/* Read round C->round and the sheet of C->unit in it. */
static int
sheet_read(struct tui *t, struct sheet_ctx *c, struct err *e)
{
    struct rule_ctx rc = app_rule_ctx(t->app);

    assess_sheet_clear(&c->s);
    memset(&c->s, 0, sizeof(c->s));
    round_tpl_clear(&c->rt);
    return round_tpl_read(t->app->db, c->round, &c->rt, e) ||
                   db_round_sheet(t->app->db, &rc, &c->rt.r, &c->rt.t, c->unit, &c->s, e)
               ? -1
               : 0;
}

static unsigned
sheet_open_unit(struct tui *t, int64_t round, int64_t unit)
{
    struct sheet_ctx *c = xcalloc(1, sizeof(*c));

    c->round = round;
    c->unit = unit;
    view_open_with(t, &sheet_view, unit, c);
    return D_ALL;
}

/* How IND is scored, in words: its note, else its method and parameters. */
static void
method_words(const struct assess_indicator *ind, char *out, size_t n)
{
    char a[PTS_BUF], b[PTS_BUF], c[PTS_BUF];

    if (ind->note != NULL && ind->note[0] != '\0') {
        snprintf(out, n, "%s", ind->note);
        return;
    }
    switch (ind->method) {
    case AM_THRESHOLD:
        money_bp_text(ind->threshold_bp, a, sizeof(a));
        snprintf(out, n, ind->lower_is_better ? _("full marks at %s or below, else 0")
                                              : _("full marks at %s or above, else 0"), a);
        break;
    case AM_LINEAR:
        pts(ind->per_step_cp, a);
        money_bp_text(ind->step_bp, b, sizeof(b));
        money_bp_text(ind->threshold_bp, c, sizeof(c));
        snprintf(out, n, _("%s points off for each %s away from %s, down to 0"), a, b, c);
        break;
    case AM_COUNT:
        pts(ind->per_item_cp, a);
        snprintf(out, n, _("%s points off for each item beyond %d, down to 0"), a,
                 ind->free_items);
        break;
    case AM_BONUS:
        pts(ind->cap_cp, a);
        snprintf(out, n, _("given by hand, from -%s to %s"), a, a);
        break;
    default:
        snprintf(out, n, "%s", _("given by hand"));
        break;
    }
}

/* What a line's points rest on: the method and the input, or the note
 * and evidence given. */
static void
line_note(const struct sheet_line *l, struct sbuf *out)
{
    char words[400];

    if (l->computed) {
        method_words(l->ind, words, sizeof(words));
        sbuf_addf(out, _("%s. Data: %s"), words, l->in.why);
        return;
    }
    if (l->note[0] != '\0') {
        sbuf_addf(out, _("Note: %s"), l->note);
    }
    if (l->evidence[0] != '\0') {
        sbuf_addf(out, "%s", out->len ? "  " : "");
        sbuf_addf(out, _("Evidence: %s"), l->evidence);
    }
    if (l->scored && l->scorer[0] != '\0') {
        sbuf_addf(out, "%s", out->len ? "  " : "");
        sbuf_addf(out, _("(%s, %s)"), l->scorer, l->scored_at);
    }
}

static int
by_hand(const struct sheet_line *l)
{
    return l->ind->method == AM_MANUAL || l->ind->method == AM_BONUS;
}

static void
sheet_row(struct view *v, const struct sheet_line *l, size_t i)
{
    char code[80], max[PTS_BUF] = "", points[PTS_BUF] = "-", off[PTS_BUF] = "";
    const char *cells[5];
    struct sbuf note = SBUF_INIT;
    int missing = by_hand(l) && !l->scored && l->ind->method == AM_MANUAL;

    snprintf(code, sizeof(code), "%*s%s", 2 * l->depth, "", l->ind->code);
    if (l->ind->method != AM_BONUS) {
        pts(l->ind->max_cp, max);
    }
    if (!missing && (l->scored || l->computed || l->ind->method == AM_GROUP)) {
        pts(l->s.points_cp, points);
    }
    if (l->s.deduct_cp != 0 && l->ind->method != AM_GROUP && !missing) {
        pts(l->s.deduct_cp, off);
    }
    cells[0] = code;
    cells[1] = l->ind->name;
    cells[2] = max;
    cells[3] = points;
    cells[4] = off;
    view_row_mark(v, by_hand(l) ? REF_LINE : REF_NONE, (int64_t)i, cells, missing);
    line_note(l, &note);
    if (note.len > 0) {
        view_row_note(v, note.buf);
    }
    sbuf_release(&note);
}

static void
sheet_totals(struct view *v, const struct assess_sheet *s)
{
    char total[PTS_BUF], off[PTS_BUF], uns[16];

    pts(s->total_cp, total);
    pts(s->deduct_cp, off);
    view_section(v, _("Result"));
    view_pair(v, _("Total points: "), total);
    view_pair(v, _("Deducted: "), off);
    view_pair(v, _("Grade: "), s->grade != NULL ? s->grade : "");
    snprintf(uns, sizeof(uns), "%d", s->unscored);
    view_pair_mark(v, _("Unscored: "), uns, s->unscored > 0);
    if (s->unscored > 0) {
        view_blank(v);
        view_text(v, _("Indicators scored by hand without points yet are counted as 0."));
    }
}

static int
sheet_build(struct tui *t, void *ctx, struct view *v, struct err *e)
{
    static const struct table_col cols[] = {
        {N_("code"), 4, 0, 0, 0},
        {N_("indicator"), 12, 0, 0, 1},
        {N_("max"), 4, 1, 1, 0},
        {N_("points"), 6, 1, 1, 0},
        {N_("deducted"), 6, 1, 1, 0},
    };
    struct sheet_ctx *c = ctx;
    char title[300];
    size_t i;

    if (sheet_read(t, c, e) != 0) {
        return -1;
    }
    snprintf(title, sizeof(title), _("Scoring sheet: %s"), c->s.unit_name);
    view_title(v, title);
    view_pair(v, _("Round: "), c->rt.r.title);
    round_pairs(v, &c->rt);
    view_section(v, _("Indicators"));
    view_table(v, cols, ARRAY_SIZE(cols));
    for (i = 0; i < c->s.n; i++) {
        sheet_row(v, &c->s.v[i], i);
    }
    sheet_totals(v, &c->s);
    return 0;
}

static unsigned
sheet_score(struct tui *t, void *ctx, const struct view_ref *ref)
{
    struct sheet_ctx *c = ctx;

    if (ref->kind != REF_LINE || ref->id < 0 || (size_t)ref->id >= c->s.n) {
        return 0;
    }
    if (c->rt.r.final) {
        tui_message(t, 1, "%s",
                    _("The round is final: reopen it (R on the ranking) to change a score."));
        return D_STATUS;
    }
    if (!tui_writable(t)) {
        return D_STATUS;
    }
    return score_dialog(t, c->round, c->unit, &c->s.v[ref->id]);
}

static unsigned
sheet_edit(struct tui *t, void *ctx, const struct view_at *at)
{
    (void)ctx;
    (void)at;
    tui_message(t, 0, "%s", _("Move to an indicator scored by hand first."));
    return D_STATUS;
}

static unsigned
sheet_print(struct tui *t, void *ctx, int64_t id)
{
    struct sheet_ctx *c = ctx;

    (void)id;
    return assess_print_round(t, c->round, c->unit);
}

static const struct keydef sheet_keys[] = {
    {'x', 0, ACT_EXPORT, "x", N_("export"), KD_BAR},
    {0, 0, ACT_NONE, NULL, NULL, 0},
};

static unsigned
sheet_action(struct tui *t, void *ctx, int action, const struct view_at *at)
{
    const struct sheet_ctx *c = ctx;

    (void)at;
    return action == ACT_EXPORT ? export_round(t, c->round, c->unit) : 0;
}

static const struct view_def sheet_view = {
    .id = "assess_sheet",
    .title = N_("scoring sheet"),
    .help = N_("A unit's scoring sheet: the indicators of the template as a tree, each with its maximum, its points and what was deducted; under a computed one how it is scored and the data it was computed from, under one scored by hand the note, the evidence and who gave it.  Headings add up their indicators.  Enter or e on an indicator scored by hand gives its points (a note is required when points are taken off or a bonus is given).  ! marks one without points yet.  A final round is frozen: reopen it first."),
    .build = sheet_build,
    .ctx_free = sheet_ctx_free,
    .open_ref = sheet_score,
    .edit_ref = sheet_score,
    .edit = sheet_edit,
    .print = sheet_print,
    .keys = sheet_keys,
    .action = sheet_action,
};

/* --- the comparison -------------------------------------------------------------------- */

struct cmp_side {
    struct round_tpl rt;
    struct assess_sheet s;
};

static void
side_clear(struct cmp_side *d)
{
    assess_sheet_clear(&d->s);
    round_tpl_clear(&d->rt);
}

static int
side_read(struct tui *t, int64_t round, int64_t unit, struct cmp_side *d, struct err *e)
{
    struct rule_ctx rc = app_rule_ctx(t->app);

    memset(&d->s, 0, sizeof(d->s));
    return round_tpl_read(t->app->db, round, &d->rt, e) ||
                   db_round_sheet(t->app->db, &rc, &d->rt.r, &d->rt.t, unit, &d->s, e)
               ? -1
               : 0;
}

static const struct sheet_line *
line_of(const struct assess_sheet *s, const char *code)
{
    size_t i;

    for (i = 0; i < s->n; i++) {
        if (strcmp(s->v[i].ind->code, code) == 0) {
            return &s->v[i];
        }
    }
    return NULL;
}

static void
input_text(const struct sheet_line *l, char *out, size_t n)
{
    if (l == NULL || !l->computed) {
        out[0] = '\0';
    } else if (l->in.is_rate) {
        money_bp_text(l->in.value, out, n);
    } else {
        snprintf(out, n, "%lld", (long long)l->in.value);
    }
}

/* "+2.5", "-1", "0". */
static void
diff_text(int64_t cp, char *out, size_t n)
{
    char p[PTS_BUF];

    pts(cp, p);
    snprintf(out, n, "%s%s", cp > 0 ? "+" : "", p);
}

static void
cmp_row(struct view *v, const char *code, const char *name, const struct sheet_line *a,
        const struct sheet_line *b)
{
    char pa[PTS_BUF] = "", pb[PTS_BUF] = "", d[PTS_BUF + 2] = "", ia[32], ib[32];
    const char *cells[7];

    if (a != NULL) {
        pts(a->s.points_cp, pa);
    }
    if (b != NULL) {
        pts(b->s.points_cp, pb);
    }
    if (a != NULL && b != NULL) {
        diff_text(b->s.points_cp - a->s.points_cp, d, sizeof(d));
    }
    input_text(a, ia, sizeof(ia));
    input_text(b, ib, sizeof(ib));
    cells[0] = code;
    cells[1] = name;
    cells[2] = pa;
    cells[3] = pb;
    cells[4] = d;
    cells[5] = ia;
    cells[6] = ib;
    view_row(v, 0, 0, cells);
}

static void
cmp_total(struct view *v, const struct cmp_side *d)
{
    char total[PTS_BUF], diff[PTS_BUF];
    const char *cells[7] = {"", _("Total"), total, diff, "", "", ""};

    pts(d[0].s.total_cp, total);
    pts(d[1].s.total_cp, diff);
    view_row(v, 0, 0, cells);
    cells[1] = _("Grade");
    cells[2] = d[0].s.grade != NULL ? d[0].s.grade : "";
    cells[3] = d[1].s.grade != NULL ? d[1].s.grade : "";
    view_row(v, 0, 0, cells);
}

static void
cmp_side_pair(struct view *v, const char *label, const struct cmp_side *d)
{
    view_pairf(v, label, _("%s (%s)"), d->s.unit_name, d->rt.r.title);
}

static void
cmp_lines(struct view *v, const struct cmp_side *d)
{
    static const struct table_col cols[] = {
        {N_("code"), 4, 0, 0, 0},
        {N_("indicator"), 10, 0, 0, 1},
        {N_("A"), 6, 1, 1, 0},
        {N_("B"), 6, 1, 1, 0},
        {N_("B-A"), 5, 1, 1, 0},
        {N_("input A"), 7, 1, 0, 0},
        {N_("input B"), 7, 1, 0, 0},
    };
    size_t i;

    view_table(v, cols, ARRAY_SIZE(cols));
    for (i = 0; i < d[0].s.n; i++) {
        const struct sheet_line *a = &d[0].s.v[i];

        cmp_row(v, a->ind->code, a->ind->name, a, line_of(&d[1].s, a->ind->code));
    }
    for (i = 0; i < d[1].s.n; i++) {
        const struct sheet_line *b = &d[1].s.v[i];

        if (line_of(&d[0].s, b->ind->code) == NULL) {
            cmp_row(v, b->ind->code, b->ind->name, NULL, b);
        }
    }
    cmp_total(v, d);
}

static int
compare_build(struct tui *t, void *ctx, struct view *v, struct err *e)
{
    struct cmp_ctx *c = ctx;
    struct cmp_side d[2];
    int rc;

    memset(d, 0, sizeof(d));
    rc = side_read(t, c->round[0], c->unit[0], &d[0], e) ||
         side_read(t, c->round[1], c->unit[1], &d[1], e);
    if (rc == 0) {
        view_title(v, _("Comparison of two scoring sheets"));
        cmp_side_pair(v, _("A: "), &d[0]);
        cmp_side_pair(v, _("B: "), &d[1]);
        view_section(v, _("Indicators"));
        cmp_lines(v, d);
    }
    side_clear(&d[0]);
    side_clear(&d[1]);
    return rc ? -1 : 0;
}

static const struct view_def compare_view = {
    .id = "assess_compare",
    .title = N_("comparison"),
    .help = N_("Two scoring sheets side by side by indicator: two units of a round, or one unit in two rounds of a template.  A and B are the points of each, B-A the difference, and for computed indicators the inputs they were computed from; the totals and grades at the bottom."),
    .build = compare_build,
    .ctx_free = free,
};

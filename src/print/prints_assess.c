/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * prints_assess.c - the summary of an assessment round (考核结果汇总,
 * domain.md 9.5): the round and its state, the ranking of its units, and
 * for each unit (or the one asked) its sheet - the indicator tree with
 * maxima, points and subtotals, every line explained (the inputs of a
 * computed line and how it is scored, the note and evidence of a line
 * scored by hand), the deductions, the total and grade - and the lines
 * for the signatures.  Also the loading of a round's results, which the
 * command line's CSV shares.  No personal data is shown: units are
 * places, teams or partners.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg/assess_load.h"
#include "core/doc.h"
#include "db/db_assess.h"
#include "db/db_staff.h"
#include "print/print.h"
#include "print/prints.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

/* ---- the results of a round ---------------------------------------------- */

void assess_report_clear(struct assess_report *rep)
{
    size_t i;

    for (i = 0; i < rep->nsheets; i++) {
        assess_sheet_clear(&rep->sheets[i]);
    }
    free(rep->sheets);
    free(rep->rank);
    round_tpl_clear(&rep->rt);
    memset(rep, 0, sizeof(*rep));
}

const struct assess_rank *assess_report_rank(const struct assess_report *rep,
                                             int64_t unit)
{
    size_t i;

    for (i = 0; i < rep->nrank; i++) {
        if (rep->rank[i].unit == unit) {
            return &rep->rank[i];
        }
    }
    return NULL;
}

int round_tpl_read(struct db *db, int64_t id, struct round_tpl *rt, struct err *e)
{
    memset(rt, 0, sizeof(*rt));
    return db_round_get(db, id, &rt->r, e) < 0 ||
                   assess_kept(rt->r.template_id, rt->r.template_text, &rt->t, e) < 0
               ? -1
               : 0;
}

void round_tpl_clear(struct round_tpl *rt)
{
    assess_round_clear(&rt->r);
    assess_template_free(&rt->t);
    memset(rt, 0, sizeof(*rt));
}

int assess_report_load(struct db *db, const struct rule_ctx *ctx, int64_t round,
                       int64_t unit, struct assess_report *rep, struct err *e)
{
    size_t i;

    memset(rep, 0, sizeof(*rep));
    if (round_tpl_read(db, round, &rep->rt, e) < 0 ||
        db_round_ranking(db, ctx, &rep->rt.r, &rep->rt.t, &rep->rank, &rep->nrank, e) < 0) {
        return -1;
    }
    if (unit != 0 && assess_report_rank(rep, unit) == NULL) {
        return err_set(e, ERR_NOTFOUND, "%s", _("the unit is not in this round"));
    }
    rep->sheets = xcalloc(rep->nrank + 1, sizeof(*rep->sheets));
    for (i = 0; i < rep->nrank; i++) {
        if (unit != 0 && rep->rank[i].unit != unit) {
            continue;
        }
        if (db_round_sheet(db, ctx, &rep->rt.r, &rep->rt.t, rep->rank[i].unit,
                           &rep->sheets[rep->nsheets], e) < 0) {
            return -1;
        }
        rep->nsheets++;
    }
    return 0;
}

int assess_line_lost(const struct sheet_line *l, int64_t *lost)
{
    int64_t v = 0;

    if (l->ind->method == AM_BONUS) {
        v = l->s.points_cp < 0 ? -l->s.points_cp : 0;
    } else if (l->ind->method != AM_GROUP) {
        v = l->s.deduct_cp;
    }
    if (lost != NULL) {
        *lost = v;
    }
    return v > 0;
}

/* ---- the summary ----------------------------------------------------------- */

/* Points as printed; a bonus line's with its sign ("+2", "-1.5"). */
static void points_text(const struct sheet_line *l, char *buf, size_t n)
{
    char p[24];

    assess_points_text(l->s.points_cp, p, sizeof(p));
    snprintf(buf, n, "%s%s", l->ind->method == AM_BONUS && l->s.points_cp > 0 ? "+" : "", p);
}

/* The title: "<round title>考核结果汇总", without saying 考核 twice. */
static struct doc *summary_new(const struct assess_round *r)
{
    const char *end = _("assessment (the end of a title)");
    size_t lt = strlen(r->title), le = strlen(end);
    char title[300];

    if (lt >= le && strcmp(r->title + lt - le, end) == 0) {
        snprintf(title, sizeof(title), _("%s: results summary"), r->title);
    } else {
        snprintf(title, sizeof(title), _("%s: summary of the assessment results"), r->title);
    }
    return doc_new(title);
}

/* Who finalized the round, as a page shows a person: the name and the
 * unit (the division of the account's scope, or the county) from the
 * accounts, not the Unix login (which is kept when the account is gone). */
static void finalizer(const struct print_env *env, const char *login, char *buf,
                      size_t n)
{
    struct staff s;
    char unit[200];

    if (db_staff_find(env->db, login, &s, NULL) < 0) {
        snprintf(buf, n, "%s", login);
        return;
    }
    if (s.scope_id == 0 || *print_division_name(env->db, s.scope_id, unit, sizeof(unit)) == '\0') {
        snprintf(unit, sizeof(unit), "%s", env->county);
    }
    snprintf(buf, n, _("%s of %s"), s.name, unit);
}

static void round_fields(const struct print_env *env, struct doc *d,
                         const struct assess_report *rep)
{
    char buf[400], who[300];

    doc_fields(d, 1);
    doc_field(d, _("Template: "), rep->rt.t.title);
    snprintf(buf, sizeof(buf), "%d", rep->rt.r.year);
    doc_field(d, _("Year: "), buf);
    if (rep->rt.r.final) {
        finalizer(env, rep->rt.r.finalized_by, who, sizeof(who));
        snprintf(buf, sizeof(buf), _("final (by %s, %.16s)"), who, rep->rt.r.finalized_at);
    } else {
        snprintf(buf, sizeof(buf), "%s", _("not final: the points may still change"));
    }
    doc_field(d, _("State: "), buf);
}

static void ranking_table(struct doc *d, const struct assess_report *rep)
{
    const struct doc_col cols[] = {
        {_("Rank"), 6, DOC_RIGHT},
        {_("Assessed"), 40, DOC_LEFT},
        {_("Total points"), 8, DOC_RIGHT},
        {_("Grade awarded"), 12, DOC_LEFT},
    };
    size_t i, unscored = 0;
    char p[32];

    doc_heading(d, _("Ranking"));
    doc_table(d, cols, ARRAY_SIZE(cols), _("none"));
    for (i = 0; i < rep->nrank; i++) {
        const struct assess_rank *k = &rep->rank[i];

        doc_cellf(d, "%d", k->rank);
        doc_cell(d, k->name);
        assess_points_text(k->total_cp, p, sizeof(p));
        doc_cell(d, p);
        doc_cell(d, k->grade);
        unscored += k->unscored > 0;
    }
    if (unscored > 0) {
        doc_paraf(d, DOC_LEFT, 4,
                  _("%zu of the units assessed still have indicators to be scored by hand."),
                  unscored);
    }
}

/* What line L is made of, in words. */
static void explain(const struct sheet_line *l, struct sbuf *sb)
{
    char cap[32];

    if (l->ind->method == AM_GROUP) {
        sbuf_adds(sb, _("subtotal"));
        return;
    }
    if (l->computed) {
        sbuf_adds(sb, l->in.why);
    } else if (!l->scored && l->ind->method == AM_MANUAL) {
        sbuf_adds(sb, _("not scored yet"));
    } else {
        sbuf_adds(sb, l->note);
        if (l->evidence[0] != '\0') {
            if (sb->len) {
                sbuf_addch(sb, '\n');
            }
            sbuf_addf(sb, _("Evidence: %s"), l->evidence);
        }
    }
    if (l->ind->method == AM_BONUS) {
        assess_points_text(l->ind->cap_cp, cap, sizeof(cap));
        if (sb->len) {
            sbuf_addch(sb, '\n');
        }
        sbuf_addf(sb, _("added or taken off, at most %s points"), cap);
    }
    if (l->ind->note[0] != '\0') {
        if (sb->len) {
            sbuf_addch(sb, '\n');
        }
        sbuf_adds(sb, l->ind->note);
    }
}

static void line_cells(struct doc *d, const struct sheet_line *l)
{
    struct sbuf sb = SBUF_INIT;
    char p[32];

    doc_cell(d, l->ind->code);
    sbuf_addspaces(&sb, (size_t)l->depth * 2);
    sbuf_adds(&sb, l->ind->name);
    doc_cell(d, sb.buf);
    if (l->ind->method == AM_BONUS) {
        doc_cell(d, "-");
    } else {
        assess_points_text(l->ind->max_cp, p, sizeof(p));
        doc_cell(d, p);
    }
    if (!l->computed && !l->scored && l->ind->method == AM_MANUAL) {
        doc_cell(d, "-");
    } else {
        points_text(l, p, sizeof(p));
        doc_cell(d, p);
    }
    sbuf_reset(&sb);
    explain(l, &sb);
    doc_cell(d, sb.buf);
    sbuf_release(&sb);
}

static void sheet_table(struct doc *d, const struct assess_sheet *s)
{
    const struct doc_col cols[] = {
        {_("Code"), 4, DOC_LEFT},
        {_("Indicator"), 20, DOC_LEFT},
        {_("Max\npoints"), 6, DOC_RIGHT},
        {_("Points"), 6, DOC_RIGHT},
        {_("How it was scored"), 32, DOC_LEFT},
    };
    size_t i;

    doc_table(d, cols, ARRAY_SIZE(cols), _("none"));
    for (i = 0; i < s->n; i++) {
        line_cells(d, &s->v[i]);
    }
}

/* The lines that lost points; returns all they lost. */
static int64_t deductions_table(struct doc *d, const struct assess_sheet *s)
{
    const struct doc_col cols[] = {
        {_("Code"), 4, DOC_LEFT},
        {_("Indicator"), 20, DOC_LEFT},
        {_("Points\nlost"), 6, DOC_RIGHT},
        {_("Reason"), 40, DOC_LEFT},
    };
    int64_t sum = 0;
    size_t i;

    doc_heading(d, _("Deductions"));
    doc_table(d, cols, ARRAY_SIZE(cols), _("none"));
    for (i = 0; i < s->n; i++) {
        const struct sheet_line *l = &s->v[i];
        int64_t lost;
        char p[32];

        if (!assess_line_lost(l, &lost)) {
            continue;
        }
        doc_cell(d, l->ind->code);
        doc_cell(d, l->ind->name);
        assess_points_text(lost, p, sizeof(p));
        doc_cell(d, p);
        if (l->computed) {
            doc_cell(d, l->in.why);
        } else {
            doc_cell(d, l->scored ? print_or_dash(l->note) : _("not scored yet"));
        }
        sum += lost;
    }
    return sum;
}

static void sheet_result(struct doc *d, const struct assess_report *rep,
                         const struct assess_sheet *s, int64_t lost)
{
    const struct assess_rank *k = assess_report_rank(rep, s->unit);
    char p[32], max[32], buf[80];

    doc_fields(d, 2);
    assess_points_text(s->total_cp, p, sizeof(p));
    assess_points_text(rep->rt.t.total_cp, max, sizeof(max));
    snprintf(buf, sizeof(buf), _("%s (of %s)"), p, max);
    doc_field(d, _("Total: "), buf);
    doc_field(d, _("Grade: "), s->grade);
    assess_points_text(lost, p, sizeof(p));
    doc_field(d, _("Points lost: "), p);
    snprintf(buf, sizeof(buf), _("%d of %zu"), k != NULL ? k->rank : 0, rep->nrank);
    doc_field(d, _("Rank: "), buf);
    if (s->unscored > 0) {
        doc_paraf(d, DOC_LEFT, 4, _("%d indicators scored by hand have no points yet."),
                  s->unscored);
    }
}

/* A unit's sheet: the first follows the ranking on its page (a heading
 * keeps with the table's first rows), every other starts a page of its
 * own to be signed; a sheet running over pages repeats its heading. */
static void unit_sheet(struct doc *d, const struct assess_report *rep,
                       const struct assess_sheet *s, int first)
{
    const char *sign[3];
    char h[300];

    if (!first) {
        doc_break(d);
    }
    snprintf(h, sizeof(h), _("Scores of %s"), s->unit_name);
    doc_heading_running(d, h);
    sheet_table(d, s);
    sheet_result(d, rep, s, deductions_table(d, s));
    sign[0] = _("Head of the assessment group (signature): ");
    sign[1] = _("Checked by (signature): ");
    sign[2] = _("Date: ");
    doc_sign(d, sign, 3, 0);
}

static struct doc *summary_doc(const struct print_env *env, const struct assess_report *rep)
{
    struct doc *d = summary_new(&rep->rt.r);
    size_t i;

    doc_subtitle(d, env->county);
    round_fields(env, d, rep);
    ranking_table(d, rep);
    for (i = 0; i < rep->nsheets; i++) {
        unit_sheet(d, rep, &rep->sheets[i], i == 0);
    }
    return d;
}

int prints_assessment(const struct print_env *env, const struct print_request *r,
                      struct doc **out, int64_t **ids, size_t *nids,
                      struct err *e)
{
    struct assess_report rep;
    int rc;

    rc = assess_report_load(env->db, &env->ctx, r->round, r->unit, &rep, e);
    if (rc == 0) {
        *out = summary_doc(env, &rep);
        *ids = xcalloc(1, sizeof(**ids));
        (*ids)[0] = rep.rt.r.id;
        *nids = 1;
    }
    assess_report_clear(&rep);
    return rc;
}

void assess_name_parts(const struct print_env *env,
                       const struct print_request *r, struct sbuf *sb)
{
    struct assess_round ar;

    memset(&ar, 0, sizeof(ar));
    if (db_round_get(env->db, r->round, &ar, NULL) == 0) {
        sbuf_addf(sb, "-%s", ar.title);
    }
    assess_round_clear(&ar);
}

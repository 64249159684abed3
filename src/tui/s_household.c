/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * s_household.c - the household record as a view definition (tui/view.h),
 * shown a section at a time: on top the household, its head and place, its
 * category, state and risks and its responsible cadres; then the eight
 * sections (overview with the rules' findings, members with their ID
 * numbers masked, income against each year's monitoring line, the four
 * guarantees, the case with its timeline, measures, visits, the audit
 * trail).  A member, a year's income or guarantees, a measure and a visit
 * are refs: e edits the one under the cursor (the links below).  Without
 * one, e and a do what the section shown offers (the table of sections);
 * x offers the procedure steps core allows the role, d lets a member
 * leave, r shows whole ID numbers (core says who may, db records it), p
 * prints the household card.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/audit_text.h"
#include "core/date.h"
#include "core/idno.h"
#include "core/mcase.h"
#include "core/money.h"
#include "core/rules.h"
#include "db/db_audit.h"
#include "db/db_cadre.h"
#include "db/db_reveal.h"
#include "db/db_snapshot.h"
#include "print/print.h"
#include "print/prints.h"
#include "tui/form.h"
#include "tui/s_menu.h"
#include "tui/screen.h"
#include "tui/table.h"
#include "tui/view.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

enum hh_ref { REF_NONE = 0, REF_MEMBER, REF_INCOME, REF_GUARANTEE, REF_MEASURE, REF_VISIT };

struct hh_ctx {
    struct app *app;
    struct hh_snapshot s;
    struct cadre_row *cadres;
    size_t ncadres;
    int revealed;
    int64_t pick[64];           /* what the items of an open menu stand for */
    const struct form_kind *pick_kind;
    unsigned pick_flags;        /* VL_ARG: the pick is the form's arg */
};

static const struct codebook *
codes(const struct hh_ctx *c)
{
    return &c->app->policy.codes;
}

static const char *
yesno(int v)
{
    return v ? _("yes") : _("no");
}

static const char *
label(const struct hh_ctx *c, const char *table, const char *code)
{
    return code_label(codes(c), table, code);
}

/* --- on top ----------------------------------------------------------------- */

static void
risks_text(const struct hh_ctx *c, struct sbuf *sb)
{
    int i;

    for (i = 0; i < c->s.mcase.nrisks; i++) {
        if (i > 0) {
            sbuf_adds(sb, _(", "));
        }
        sbuf_adds(sb, label(c, "risk", c->s.mcase.risks[i]));
    }
}

/* The title: number, head and place. */
static void
title(struct hh_ctx *c, struct view *v)
{
    const struct person *head = NULL;
    char town[200], village[200], group[200];
    struct sbuf sb = SBUF_INIT;
    size_t i;

    for (i = 0; i < c->s.nmembers; i++) {
        if (code_is(codes(c), "relation", c->s.members[i].relation, "head")) {
            head = &c->s.members[i];
        }
    }
    print_division_name(c->app->db, c->s.hh.township_id, town, sizeof(town));
    print_division_name(c->app->db, c->s.hh.village_id, village, sizeof(village));
    print_division_name(c->app->db, c->s.hh.natural_village_id, group, sizeof(group));
    sbuf_addf(&sb, "%s %s   %s %s   %s %s %s", _("Household"), c->s.hh.hh_no, _("head"),
              head != NULL ? head->name : "-", town, village, group);
    view_title(v, sb.buf);
    sbuf_release(&sb);
}

/* The lines kept on top of every section: the case and the cadres. */
static void
head(struct hh_ctx *c, struct view *v)
{
    struct sbuf sb = SBUF_INIT, who = SBUF_INIT;
    size_t i;

    if (c->s.has_case) {
        sbuf_addf(&sb, "%s %s   %s %s   %s ", _("category"),
                  label(c, "category", c->s.mcase.category), _("status"),
                  case_state_label(c->s.mcase.state), _("risks"));
        risks_text(c, &sb);
    } else {
        sbuf_adds(&sb, _("Not a monitoring object"));
    }
    view_text(v, sb.buf);
    for (i = 0; i < c->ncadres && c->cadres[i].end == DATE_NONE; i++) {
        if (i > 0) {
            sbuf_adds(&who, _(", "));
        }
        sbuf_addf(&who, _("%s (%s, %s)"), c->cadres[i].name, c->cadres[i].unit,
                  c->cadres[i].phone);
    }
    sbuf_reset(&sb);
    sbuf_addf(&sb, _("Responsible cadres: %s"), who.len > 0 ? who.buf : _("none"));
    view_text(v, sb.buf);
    sbuf_release(&who);
    sbuf_release(&sb);
}

/* --- the sections ------------------------------------------------------------ */

static void
overview_findings(struct hh_ctx *c, struct view *v)
{
    struct rule_ctx ctx = app_rule_ctx(c->app);
    struct findings f;
    struct sbuf sb = SBUF_INIT;
    size_t i;

    memset(&f, 0, sizeof(f));
    rules_check_household(&ctx, &c->s, &f);
    if (f.n == 0) {
        view_text(v, _("The rules find nothing wrong with this household."));
    } else {
        sbuf_addf(&sb, _("The rules find %zu problems:"), f.n);
        for (i = 0; i < f.n; i++) {
            sbuf_addf(&sb, "\n%s %s  %s", f.v[i].code, severity_label(f.v[i].sev), f.v[i].msg);
        }
        view_text(v, sb.buf);
    }
    sbuf_release(&sb);
    findings_free(&f);
}

/* The responsible cadres, the current first, then those before (from,
 * to, who assigned and who ended). */
static void
cadre_history(struct hh_ctx *c, struct view *v)
{
    static const struct table_col cols[] = {
        {N_("responsible cadre"), 6, 0, 0, 0}, {N_("phone"), 12, 0, 0, 0},
        {N_("from"), 10, 0, 0, 0}, {N_("to"), 10, 0, 0, 0},
        {N_("assigned by"), 6, 0, 0, 1}, {N_("ended by"), 6, 0, 0, 1},
    };
    static const size_t spare[] = {5, 4};
    size_t i;

    if (c->ncadres == 0) {
        return;
    }
    view_blank(v);
    view_table(v, cols, ARRAY_SIZE(cols));
    view_table_spare(v, spare, ARRAY_SIZE(spare));
    for (i = 0; i < c->ncadres; i++) {
        const struct cadre_row *r = &c->cadres[i];
        char from[DATE_BUF], to[DATE_BUF];
        const char *cells[ARRAY_SIZE(cols)];

        date_format(r->start, from);
        date_format(r->end, to);
        cells[0] = r->name;
        cells[1] = r->phone;
        cells[2] = from;
        cells[3] = r->end == DATE_NONE ? _("now") : to;
        cells[4] = r->assigned_by;
        cells[5] = r->ended_by;
        view_row(v, 0, 0, cells);
    }
}

/* Month M as "YYYY-MM" into BUF, empty for none (0). */
static const char *
month_text(int m, char *buf)
{
    buf[0] = '\0';
    if (m != 0) {
        month_format(m, buf);
    }
    return buf;
}

static void
overview(struct hh_ctx *c, struct view *v)
{
    const struct household *h = &c->s.hh;
    char phone[PHONE_BUF], first[MONTH_BUF];

    if (c->revealed) {
        snprintf(phone, sizeof(phone), "%s", h->phone);
    } else {
        phone_mask(h->phone, phone);
    }
    view_pair(v, _("Household type:"), label(c, "hh_type", h->hh_type));
    view_pair(v, _("Address:"), h->address);
    view_pair(v, _("Phone:"), phone);
    view_pair(v, _("Relocated (易地扶贫搬迁):"), yesno(h->relocated));
    view_pair(v, _("Military family:"), yesno(h->military));
    view_pair(v, _("Whole household without labour:"), yesno(h->no_labour_support));
    view_pair(v, _("First identified:"), month_text(snapshot_first_identified(&c->s), first));
    view_pair(v, _("Drinking water secured:"),
              label(c, "water", snapshot_water(&c->s, &c->app->policy.codes)));
    view_blank(v);
    overview_findings(c, v);
    cadre_history(c, v);
}

static void
members(struct hh_ctx *c, struct view *v)
{
    static const struct table_col cols[] = {
        {N_("name"), 4, 0, 0, 0}, {N_("relation"), 4, 0, 0, 0}, {N_("sex"), 2, 0, 0, 0},
        {N_("born"), 10, 0, 0, 0}, {N_("ID number"), 18, 0, 0, 0}, {N_("labour"), 4, 0, 0, 0},
        {N_("health"), 4, 0, 0, 0}, {N_("schooling"), 4, 0, 0, 0},
        {N_("work (months)"), 2, 1, 0, 0}, {N_("identified"), 7, 0, 0, 0},
    };
    static const size_t spare[] = {9, 7, 6, 8};
    size_t i;

    view_table(v, cols, ARRAY_SIZE(cols));
    view_table_spare(v, spare, ARRAY_SIZE(spare));
    for (i = 0; i < c->s.nmembers; i++) {
        const struct person *p = &c->s.members[i];
        char born[DATE_BUF], id[DOCNO_BUF], work[16], ident[MONTH_BUF];
        const char *cells[ARRAY_SIZE(cols)];

        date_format(p->birth, born);
        if (c->revealed) {
            snprintf(id, sizeof(id), "%s", p->id_no);
        } else {
            idno_mask(p->id_no, id);
        }
        snprintf(work, sizeof(work), "%d", p->work_months);
        cells[0] = p->name;
        cells[1] = label(c, "relation", p->relation);
        cells[2] = label(c, "sex", p->sex);
        cells[3] = born;
        cells[4] = id;
        cells[5] = label(c, "labour", p->labour);
        cells[6] = label(c, "health", p->health);
        cells[7] = label(c, "schooling", p->schooling);
        cells[8] = work;
        cells[9] = month_text(p->identified, ident);
        view_row(v, REF_MEMBER, p->id, cells);
    }
    if (!c->revealed) {
        view_blank(v);
        view_text(v, _("ID numbers show the first 6 and the last 4 digits; r shows them in full (recorded in the audit log)."));
    }
}

/* One income row: the parts, the sum, the persons, per person against the
 * line; *BELOW when not above it. */
static void
income_cells(struct hh_ctx *c, const struct income *inc, char (*buf)[MONEY_BUF],
             const char **cells, int *below)
{
    const struct line_entry *l = policy_line(&c->app->policy, c->app->province, inc->year);
    const int64_t fen[] = {inc->wage, inc->business, inc->property, inc->transfer,
                           inc->unsplit, inc->business_cost, inc->net};
    size_t i;

    snprintf(buf[0], MONEY_BUF, "%d", inc->year);
    for (i = 0; i < ARRAY_SIZE(fen); i++) {
        money_format(fen[i], 1, buf[1 + i]);
    }
    snprintf(buf[8], MONEY_BUF, "%d", inc->members);
    money_format(inc->per_capita, 1, buf[9]);
    if (l != NULL) {
        money_group_int(money_div_round(l->fen, 100), buf[10]);
    } else {
        snprintf(buf[10], MONEY_BUF, "?");
    }
    for (i = 0; i < 11; i++) {
        cells[i] = buf[i];
    }
    *below = l != NULL && income_vs_line(inc->per_capita, l->fen) <= 0;
    cells[11] = l == NULL ? "?" : income_line_word(inc->per_capita, l->fen);
}

static void
income(struct hh_ctx *c, struct view *v)
{
    static const struct table_col cols[] = {
        {N_("year"), 4, 0, 0, 0}, {N_("wages"), 4, 1, 0, 0}, {N_("business"), 4, 1, 0, 0},
        {N_("property"), 4, 1, 0, 0}, {N_("transfers"), 4, 1, 0, 0},
        {N_("not split"), 4, 1, 0, 0}, {N_("costs"), 4, 1, 0, 0}, {N_("net"), 4, 1, 0, 0}, {N_("persons"), 2, 1, 0, 0}, {N_("per person"), 4, 1, 0, 0},
        {N_("line"), 4, 1, 0, 0}, {N_("above line"), 6, 0, 0, 0},
    };
    /* At 80 columns the parts go (the sum stays): property, transfers,
     * the part not split, costs, then business and wages. */
    static const size_t spare[] = {3, 4, 5, 6, 2, 1};
    size_t i;

    view_table(v, cols, ARRAY_SIZE(cols));
    view_table_spare(v, spare, ARRAY_SIZE(spare));
    for (i = 0; i < c->s.nincomes; i++) {
        char buf[11][MONEY_BUF];
        const char *cells[ARRAY_SIZE(cols)];
        int below;

        income_cells(c, &c->s.incomes[i], buf, cells, &below);
        view_row_mark(v, REF_INCOME, c->s.incomes[i].year, cells, below);
    }
    if (c->s.nincomes == 0) {
        view_text(v, _("No income recorded."));
    }
}

static const char *
secured(int v)
{
    return v ? _("secured") : _("PROBLEM");
}

static void
guarantees(struct hh_ctx *c, struct view *v)
{
    static const struct table_col cols[] = {
        {N_("year"), 4, 0, 0, 0}, {N_("checked on"), 10, 0, 0, 0},
        {N_("food/clothing"), 4, 0, 0, 0}, {N_("schooling"), 4, 0, 0, 0},
        {N_("medical"), 4, 0, 0, 0}, {N_("housing"), 4, 0, 0, 0},
        {N_("drinking water"), 4, 0, 0, 0},
    };
    size_t i;

    view_table(v, cols, ARRAY_SIZE(cols));
    for (i = 0; i < c->s.nguarantees; i++) {
        const struct guarantee *g = &c->s.guarantees[i];
        const int ok[] = {g->food_clothing, g->education, g->medical, g->housing, g->water};
        char y[8], on[DATE_BUF];
        const char *cells[ARRAY_SIZE(cols)];
        size_t k;
        int bad = 0;

        snprintf(y, sizeof(y), "%d", g->year);
        date_format(g->checked_on, on);
        cells[0] = y;
        cells[1] = on;
        for (k = 0; k < ARRAY_SIZE(ok); k++) {
            cells[2 + k] = secured(ok[k]);
            bad |= !ok[k];
        }
        view_row_mark(v, REF_GUARANTEE, g->year, cells, bad);
    }
    if (c->s.nguarantees == 0) {
        view_text(v, _("No check of the four guarantees recorded."));
    }
}

/* "DATE" of DAY into BUF, empty for none. */
static const char *
day_text(int day, char *buf)
{
    date_format(day, buf);
    return buf;
}

static void
case_pairs(struct hh_ctx *c, struct view *v)
{
    const struct mcase *m = &c->s.mcase;
    struct sbuf sb = SBUF_INIT;
    char a[DATE_BUF], line[MONEY_BUF];

    view_pair(v, _("Status:"), case_state_label(m->state));
    view_pair(v, _("Category:"), label(c, "category", m->category));
    view_pair(v, _("Channel:"), label(c, "channel", m->channel));
    risks_text(c, &sb);
    view_pair(v, _("Risks:"), sb.buf);
    view_pair(v, _("Clue:"), day_text(m->clue_date, a));
    view_pair(v, _("Identified:"), day_text(m->identified_on, a));
    if (m->eliminated_on != DATE_NONE) {
        sbuf_reset(&sb);
        sbuf_addf(&sb, "%s (%s)", day_text(m->eliminated_on, a),
                  label(c, "elim_method", m->elim_method));
        view_pair(v, _("Risk eliminated:"), sb.buf);
    }
    if (m->deadline != DATE_NONE) {
        view_pair(v, _("Next step due:"), day_text(m->deadline, a));
    }
    if (m->line_fen > 0) {
        sbuf_reset(&sb);
        money_group_int(money_div_round(m->line_fen, 100), line);
        sbuf_addf(&sb, _("Judged against the monitoring line of %d: %s yuan per person"),
                  m->line_year, line);
        view_text(v, sb.buf);
    }
    if (m->description != NULL) {
        view_text(v, m->description);
    }
    sbuf_release(&sb);
}

/* A rejected applicant's case: why, and the reply (when and how). */
static void
rejection_pairs(struct hh_ctx *c, struct view *v)
{
    const struct case_step *why = snapshot_last_step(&c->s, CA_REJECT);
    const struct case_step *reply = snapshot_last_step(&c->s, CA_REPLY);
    struct sbuf sb = SBUF_INIT;
    char a[DATE_BUF];

    if (c->s.mcase.state != CS_REJECTED) {
        return;
    }
    view_pair(v, _("Not admitted because:"), why != NULL && why->note ? why->note : "");
    if (reply != NULL) {
        sbuf_addf(&sb, "%s %s", day_text(reply->step_date, a), reply->note ? reply->note : "");
    } else {
        sbuf_addf(&sb, "%s", _("not recorded yet (x records it)"));
    }
    view_pair(v, _("Reply to the applicant:"), sb.buf);
    sbuf_release(&sb);
}

static void
timeline(struct hh_ctx *c, struct view *v)
{
    /* The dates at their full width: never cut. */
    static const struct table_col cols[] = {
        {N_("date"), 10, 0, 0, 0}, {N_("step"), 8, 0, 0, 0}, {N_("by"), 4, 0, 0, 0},
        {N_("due next"), 10, 0, 0, 0}, {N_("publicity"), 22, 0, 0, 0},
    };
    size_t i;

    view_table(v, cols, ARRAY_SIZE(cols));
    for (i = 0; i < c->s.nsteps; i++) {
        const struct case_step *st = &c->s.steps[i];
        char day[DATE_BUF], due[DATE_BUF], p1[DATE_BUF], p2[DATE_BUF], pub[2 * DATE_BUF + 4];
        const char *cells[ARRAY_SIZE(cols)];

        pub[0] = '\0';
        if (st->pub_start != DATE_NONE) {
            snprintf(pub, sizeof(pub), "%s..%s", day_text(st->pub_start, p1),
                     day_text(st->pub_end, p2));
        }
        cells[0] = day_text(st->step_date, day);
        cells[1] = case_action_label(st->action);
        cells[2] = st->actor;
        cells[3] = day_text(st->deadline, due);
        cells[4] = pub;
        view_row(v, REF_NONE, 0, cells);
        if (st->note != NULL) {
            view_row_note(v, st->note);
        }
    }
}

static void
case_section(struct hh_ctx *c, struct view *v)
{
    if (!c->s.has_case) {
        view_text(v, _("The household is not a monitoring object."));
        return;
    }
    case_pairs(c, v);
    rejection_pairs(c, v);
    view_blank(v);
    timeline(c, v);
}

static void
measures(struct hh_ctx *c, struct view *v)
{
    static const struct table_col cols[] = {
        {N_("category"), 8, 0, 0, 0}, {NC_("measure", "item"), 8, 0, 0, 1},
        {N_("from"), 10, 0, 0, 0}, {N_("to"), 10, 0, 0, 0}, {N_("year"), 4, 0, 0, 0},
    };
    size_t i;

    view_table(v, cols, ARRAY_SIZE(cols));
    for (i = 0; i < c->s.nmeasures; i++) {
        const struct measure *m = &c->s.measures[i];
        char from[DATE_BUF], to[DATE_BUF], y[8];
        const char *cells[ARRAY_SIZE(cols)];

        snprintf(y, sizeof(y), "%d", m->year);
        cells[0] = label(c, "measure_category", m->category);
        cells[1] = label(c, "measure_item", m->item);
        cells[2] = day_text(m->start, from);
        cells[3] = day_text(m->end, to);
        cells[4] = y;
        view_row(v, REF_MEASURE, m->id, cells);
    }
    if (c->s.nmeasures == 0) {
        view_text(v, _("No assistance measure recorded."));
    }
}

static void
visits(struct hh_ctx *c, struct view *v)
{
    static const struct table_col cols[] = {
        {N_("date"), 10, 0, 0, 0}, {N_("visitor"), 4, 0, 0, 0}, {N_("as"), 4, 0, 0, 0},
        {N_("new risk"), 4, 0, 0, 0}, {N_("next visit"), 10, 0, 0, 0},
    };
    size_t i;

    view_table(v, cols, ARRAY_SIZE(cols));
    for (i = c->s.nvisits; i-- > 0;) {
        const struct visit *x = &c->s.visits[i];
        char day[DATE_BUF], next[DATE_BUF];
        const char *cells[ARRAY_SIZE(cols)];

        cells[0] = day_text(x->visit_date, day);
        cells[1] = x->visitor;
        cells[2] = label(c, "visitor_role", x->visitor_role);
        cells[3] = yesno(x->new_risk);
        cells[4] = day_text(x->next_visit, next);
        view_row(v, REF_VISIT, x->id, cells);
        if (x->findings != NULL) {
            view_row_note(v, x->findings);
        }
    }
    if (c->s.nvisits == 0) {
        view_text(v, _("No visit recorded."));
    }
}

/* The old and new values of audit row A in words and why it was
 * written (an import's file), or "". */
static void
audit_values(struct hh_ctx *c, const struct audit_row *a, struct sbuf *sb)
{
    if (a->old_value != NULL || a->new_value != NULL) {
        audit_value_text(codes(c), a->op, a->tbl, a->field, a->old_value, sb);
        if (a->old_value != NULL && a->new_value != NULL) {
            sbuf_adds(sb, " -> ");
        }
        audit_value_text(codes(c), a->op, a->tbl, a->field, a->new_value, sb);
    }
    if (a->reason != NULL) {
        sbuf_addf(sb, _("(reason: %s)"), a->reason);
    }
}

static void
audit_trail(struct hh_ctx *c, struct view *v)
{
    static const struct table_col cols[] = {
        {N_("when"), 19, 0, 0, 0}, {N_("who"), 4, 0, 0, 0}, {N_("what"), 4, 0, 0, 0},
        {NC_("audit log column", "record"), 4, 0, 0, 0}, {N_("field"), 4, 0, 0, 1},
    };
    struct audit_row *rows;
    struct sbuf sb = SBUF_INIT;
    struct err e;
    size_t i, n;

    err_clear(&e);
    if (db_audit_household(c->app->db, c->s.hh.id, 500, &rows, &n, &e)) {
        view_text(v, e.msg);
        return;
    }
    view_table(v, cols, ARRAY_SIZE(cols));
    for (i = 0; i < n; i++) {
        const char *cells[] = {rows[i].at, rows[i].actor, audit_op_label(rows[i].op),
                               audit_table_label(rows[i].tbl),
                               audit_field_label(rows[i].op, rows[i].tbl, rows[i].field)};

        view_row(v, REF_NONE, 0, cells);
        sbuf_reset(&sb);
        audit_values(c, &rows[i], &sb);
        if (sb.len > 0) {
            view_row_note(v, sb.buf);
        }
    }
    if (n == 0) {
        view_text(v, _("The audit log has nothing about this household."));
    }
    sbuf_release(&sb);
    audit_rows_free(rows, n);
}

/* --- choosing a record: menus ------------------------------------------------------- */

static unsigned
picked(void *ctx, struct tui *t, size_t index)
{
    struct hh_ctx *c = ctx;

    if (index >= ARRAY_SIZE(c->pick)) {
        return 0;
    }
    if (c->pick_flags & VL_ARG) {
        form_open(t, c->pick_kind, c->s.hh.id, 0, c->pick[index]);
    } else {
        form_open(t, c->pick_kind, c->s.hh.id, c->pick[index], 0);
    }
    return D_ALL;
}

/* A menu whose items open KIND on the household with the item's id (or,
 * with VL_ARG in FLAGS, its arg). */
static struct menu *
pick_menu(struct hh_ctx *c, const char *title, const struct form_kind *kind, unsigned flags)
{
    c->pick_kind = kind;
    c->pick_flags = flags;
    return menu_new(title, picked, c);
}

static void
pick_add(struct hh_ctx *c, struct menu *m, int64_t what, const char *text)
{
    if (m->n < ARRAY_SIZE(c->pick)) {
        c->pick[m->n] = what;
        menu_add(m, text);
    }
}

/* A menu of N records opening KIND on the one chosen; LINE writes record
 * I's item and returns its id.  NONE is said when there are none. */
static unsigned
record_menu(struct hh_ctx *c, struct tui *t, const struct form_kind *kind, const char *what,
            const char *none, size_t n, int64_t (*line)(struct hh_ctx *, size_t, struct sbuf *))
{
    struct sbuf sb = SBUF_INIT;
    struct menu *m;
    size_t i;

    if (n == 0) {
        tui_message(t, 0, "%s", none);
        return D_STATUS;
    }
    m = pick_menu(c, what, kind, 0);
    for (i = 0; i < n; i++) {
        int64_t id;

        sbuf_reset(&sb);
        id = line(c, i, &sb);
        pick_add(c, m, id, sb.buf);
    }
    sbuf_release(&sb);
    menu_open(t, m);
    return D_ALL;
}

static int64_t
member_line(struct hh_ctx *c, size_t i, struct sbuf *sb)
{
    const struct person *p = &c->s.members[i];

    sbuf_addf(sb, "%s  %s", p->name, label(c, "relation", p->relation));
    return p->id;
}

static int64_t
measure_line(struct hh_ctx *c, size_t i, struct sbuf *sb)
{
    const struct measure *x = &c->s.measures[i];
    char a[DATE_BUF];

    sbuf_addf(sb, "%s  %s  %s", day_text(x->start, a),
              label(c, "measure_category", x->category), label(c, "measure_item", x->item));
    return x->id;
}

/* The latest visit first. */
static int64_t
visit_line(struct hh_ctx *c, size_t i, struct sbuf *sb)
{
    const struct visit *x = &c->s.visits[c->s.nvisits - 1 - i];
    char a[DATE_BUF];

    sbuf_addf(sb, "%s  %s", day_text(x->visit_date, a), x->visitor);
    return x->id;
}

/* Members: to edit (member_form) or to leave (member_remove_form). */
static unsigned
member_menu(struct hh_ctx *c, struct tui *t, const struct form_kind *kind, const char *what)
{
    return record_menu(c, t, kind, what, _("The household has no members."), c->s.nmembers,
                       member_line);
}

/* 1 when the household has KIND's record (income or guarantees) of YEAR. */
static int
has_year(const struct hh_ctx *c, const struct form_kind *kind, int year)
{
    size_t i;

    for (i = 0; i < c->s.nincomes && kind == &income_form; i++) {
        if (c->s.incomes[i].year == year) {
            return 1;
        }
    }
    for (i = 0; i < c->s.nguarantees && kind == &guarantee_form; i++) {
        if (c->s.guarantees[i].year == year) {
            return 1;
        }
    }
    return 0;
}

/* Years of incomes or guarantees: this year and last year when new, then
 * the recorded ones, newest first. */
static unsigned
year_menu(struct hh_ctx *c, struct tui *t, const struct form_kind *kind, const char *what)
{
    struct menu *m = pick_menu(c, what, kind, VL_ARG);
    struct sbuf sb = SBUF_INIT;
    int year = date_year(app_today()), y;
    size_t i, n = kind == &income_form ? c->s.nincomes : c->s.nguarantees;

    for (y = year; y >= year - 1; y--) {
        if (!has_year(c, kind, y)) {
            sbuf_reset(&sb);
            sbuf_addf(&sb, _("%d (new)"), y);
            pick_add(c, m, y, sb.buf);
        }
    }
    for (i = n; i-- > 0;) {
        y = kind == &income_form ? c->s.incomes[i].year : c->s.guarantees[i].year;
        sbuf_reset(&sb);
        sbuf_addf(&sb, "%d", y);
        pick_add(c, m, y, sb.buf);
    }
    sbuf_release(&sb);
    menu_open(t, m);
    return D_ALL;
}

static unsigned
measure_menu(struct hh_ctx *c, struct tui *t)
{
    return record_menu(c, t, &measure_form, _("Which measure?"), _("No measure yet: a adds one."),
                       c->s.nmeasures, measure_line);
}

static unsigned
visit_menu(struct hh_ctx *c, struct tui *t)
{
    return record_menu(c, t, &visit_form, _("Which visit?"), _("No visit yet: a adds one."),
                       c->s.nvisits, visit_line);
}

/* x: the steps core allows the account on this household now. */
static unsigned
step_menu(struct hh_ctx *c, struct tui *t)
{
    enum case_action acts[CA_COUNT];
    size_t n = case_steps_for(&c->app->actor, &c->s, acts), i;
    struct menu *m;

    if (n == 0) {
        tui_message(t, 0, _("No procedure step is open to you while the case is '%s'."),
                    case_state_label(c->s.has_case ? c->s.mcase.state : CS_NONE));
        return D_STATUS;
    }
    m = pick_menu(c, _("Which step?"), &step_form, VL_ARG);
    for (i = 0; i < n; i++) {
        pick_add(c, m, acts[i], case_action_label(acts[i]));
    }
    menu_open(t, m);
    return D_ALL;
}

/* --- what e and a do in each section ---------------------------------------------- */

static unsigned
which_member(struct hh_ctx *c, struct tui *t)
{
    return member_menu(c, t, &member_form, _("Edit which member?"));
}

static unsigned
income_year(struct hh_ctx *c, struct tui *t)
{
    return year_menu(c, t, &income_form, _("Income of which year?"));
}

static unsigned
guarantee_year(struct hh_ctx *c, struct tui *t)
{
    return year_menu(c, t, &guarantee_form, _("Guarantees of which year?"));
}

static unsigned
by_steps(struct hh_ctx *c, struct tui *t)
{
    (void)c;
    tui_message(t, 0, "%s", _("The case changes by procedure steps: x."));
    return D_STATUS;
}

/* What a key does in a section: open FORM on the household (the
 * household itself, or a new record), else call FN. */
struct hh_do {
    const struct form_kind *form;
    unsigned (*fn)(struct hh_ctx *c, struct tui *t);
};

struct hh_section {
    const char *title;                                     /* N_ */
    void (*build)(struct hh_ctx *c, struct view *v);
    struct hh_do edit;                                     /* e, no ref under the cursor */
    struct hh_do add;                                      /* a */
};

static const struct hh_section sections[] = {
    {N_("overview"), overview, {&household_form, NULL}, {&member_form, NULL}},
    {N_("members"), members, {NULL, which_member}, {&member_form, NULL}},
    {N_("income"), income, {NULL, income_year}, {NULL, income_year}},
    {N_("guarantees"), guarantees, {NULL, guarantee_year}, {NULL, guarantee_year}},
    {N_("case"), case_section, {NULL, by_steps}, {NULL, step_menu}},
    {N_("measures"), measures, {NULL, measure_menu}, {&measure_form, NULL}},
    {N_("visits"), visits, {NULL, visit_menu}, {&visit_form, NULL}},
    {N_("audit trail"), audit_trail, {&household_form, NULL}, {&member_form, NULL}},
};

static unsigned
run(struct hh_ctx *c, struct tui *t, const struct hh_do *what)
{
    if (what->form != NULL) {
        form_open(t, what->form, c->s.hh.id, 0, 0);
        return D_ALL;
    }
    return what->fn(c, t);
}

static const struct hh_section *
section_at(const struct view_at *at)
{
    return &sections[at->section >= 0 && (size_t)at->section < ARRAY_SIZE(sections)
                     ? at->section : 0];
}

/* --- the definition --------------------------------------------------------------- */

static void *
hh_ctx_new(struct tui *t, int64_t id)
{
    struct hh_ctx *c = xcalloc(1, sizeof(*c));

    (void)id;
    c->app = t->app;
    return c;
}

static void
hh_ctx_free(void *ctx)
{
    struct hh_ctx *c = ctx;

    snapshot_free(&c->s);
    free(c->cadres);
    free(c);
}

/* Read household ID again: the snapshot and the cadres. */
static int
hh_read(struct hh_ctx *c, int64_t id, struct err *e)
{
    struct hh_snapshot fresh;
    struct cadre_row *cadres = NULL;
    size_t n = 0;

    memset(&fresh, 0, sizeof(fresh));
    if (db_snapshot_load(c->app->db, id, &fresh, e) ||
        db_household_cadre_history(c->app->db, id, &cadres, &n, e)) {
        snapshot_free(&fresh);
        return -1;
    }
    /* The scope holds here too, not only in the list. */
    if (!actor_sees(&c->app->actor, fresh.hh.township_id, fresh.hh.village_id)) {
        snapshot_free(&fresh);
        free(cadres);
        return err_set(e, ERR_DENIED, "%s", _("This household is outside your scope."));
    }
    snapshot_free(&c->s);
    free(c->cadres);
    c->s = fresh;
    c->cadres = cadres;
    c->ncadres = n;
    return 0;
}

static int
hh_build(struct tui *t, void *ctx, struct view *v, struct err *e)
{
    struct hh_ctx *c = ctx;
    size_t i;

    (void)t;
    if (hh_read(c, v->id, e) != 0) {
        return -1;
    }
    title(c, v);
    head(c, v);
    for (i = 0; i < ARRAY_SIZE(sections); i++) {
        view_section(v, _(sections[i].title));
        sections[i].build(c, v);
    }
    return 0;
}

static unsigned
hh_edit(struct tui *t, void *ctx, const struct view_at *at)
{
    return run(ctx, t, &section_at(at)->edit);
}

/* b: another responsible cadre, from the cadres of the household's
 * township; a conflict when the cadre changed since it was read. */
static unsigned
assign_cadre(struct hh_ctx *c, struct tui *t)
{
    int64_t seen = 0;
    size_t i;

    for (i = 0; i < c->ncadres && c->cadres[i].end == DATE_NONE; i++) {
        if (seen == 0 || c->cadres[i].link < seen) {
            seen = c->cadres[i].link;
        }
    }
    return cadre_assign_dialog(t, &c->s.hh.id, 1, c->s.hh.township_id, c->s.hh.hh_no, seen);
}

/* r: whole ID numbers (recorded first), or masked again. */
static unsigned
reveal(struct hh_ctx *c, struct tui *t)
{
    struct err e;

    err_clear(&e);
    if (c->revealed) {
        c->revealed = 0;
        return TR_RELOAD;
    }
    if (db_reveal_household(c->app->db, &c->app->actor, c->s.hh.id, &e) != 0) {
        tui_message(t, 1, "%s", e.msg);
        return D_STATUS;
    }
    c->revealed = 1;
    tui_message(t, 0, "%s", _("Whole ID numbers shown; this was recorded in the audit log."));
    return TR_RELOAD | D_STATUS;
}

/* d: the member under the cursor leaves, else the one chosen. */
static unsigned
member_leaves(struct hh_ctx *c, struct tui *t, const struct view_ref *ref)
{
    if (ref != NULL && ref->kind == REF_MEMBER) {
        form_open(t, &member_remove_form, c->s.hh.id, ref->id, 0);
        return D_ALL;
    }
    return member_menu(c, t, &member_remove_form, _("Which member leaves the household?"));
}

static unsigned
hh_action(struct tui *t, void *ctx, int action, const struct view_at *at)
{
    struct hh_ctx *c = ctx;

    switch (action) {
    case ACT_ADD:
        return run(c, t, &section_at(at)->add);
    case ACT_STEP:
        return step_menu(c, t);
    case ACT_DELETE:
        return member_leaves(c, t, at->ref);
    case ACT_REVEAL:
        return reveal(c, t);
    case ACT_FORM1:
        return assign_cadre(c, t);
    default:
        return 0;
    }
}

/* p: the household card, through the print dialog. */
static unsigned
hh_print(struct tui *t, void *ctx, int64_t id)
{
    struct hh_ctx *c = ctx;
    struct print_request r;
    char what[256];

    memset(&r, 0, sizeof(r));
    r.kind = PK_CARD;
    r.households = &id;
    r.nhouseholds = 1;
    snprintf(what, sizeof(what), _("household card of %s"), c->s.hh.hh_no);
    print_dialog(t, &r, what);
    return D_ALL;
}

static const struct view_link hh_links[] = {
    {REF_MEMBER, NULL, &member_form, VL_HH},
    {REF_INCOME, NULL, &income_form, VL_HH | VL_ARG},
    {REF_GUARANTEE, NULL, &guarantee_form, VL_HH | VL_ARG},
    {REF_MEASURE, NULL, &measure_form, VL_HH},
    {REF_VISIT, NULL, &visit_form, VL_HH},
    {0, NULL, NULL, 0},
};

static const struct keydef hh_keys[] = {
    {'x', 0, ACT_STEP, "x", N_("procedure step"), KD_BAR | KD_WRITE},
    {'a', 0, ACT_ADD, "a", N_("add"), KD_BAR | KD_WRITE},
    {'d', 0, ACT_DELETE, "d", N_("member leaves"), KD_WRITE},
    {'b', 0, ACT_FORM1, "b", N_("assign a responsible cadre"), KD_BAR | KD_WRITE},
    {'r', 0, ACT_REVEAL, "r", N_("show full ID numbers"), KD_BAR},
    {'p', 0, ACT_PRINT, "p", N_("print the household card"), KD_BAR},
    {0, 0, ACT_NONE, NULL, NULL, 0},
};

static const struct view_def household_view = {
    .id = "household",
    .title = N_("household"),
    .help = N_("A household, one section at a time under its number, head, place, category, status, risks and responsible cadres: 1 overview (with what the rules find), 2 members, 3 income against the monitoring line, 4 the four guarantees, 5 the case and its timeline, 6 measures, 7 visits, 8 the audit trail.  Up and Down walk over the members, years, measures and visits: Enter or e edits the one under the cursor.  Without one, e edits what the section shows (the household; a member, a year, a measure or a visit chosen from a list) and a adds to it (a member, a year's income or guarantees, a procedure step, a measure, a visit).  x takes a procedure step, b assigns the responsible cadre (帮扶责任人: the one before ends that day and stays in the history under the overview), d lets a member leave the household, r shows whole ID and phone numbers (administrators, county and township staff; recorded in the audit log), p prints the household card."),
    .paged = 1,
    .ctx_new = hh_ctx_new,
    .ctx_free = hh_ctx_free,
    .build = hh_build,
    .links = hh_links,
    .edit = hh_edit,
    .print = hh_print,
    .keys = hh_keys,
    .action = hh_action,
};

int
household_view_open(struct tui *t, int64_t hh)
{
    return view_open(t, &household_view, hh);
}

/*
 * s_detail.c - one household: a fixed header (household, head, place,
 * category, status, responsible cadres) and eight sections reached by
 * the digit keys or Tab: overview with the rules' findings, members (ID
 * numbers masked; r reveals them to roles allowed, audited), income
 * against each year's monitoring line, the four guarantees, the case
 * timeline, measures, visits and the audit trail.  Sections scroll.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/audit_text.h"
#include "core/mcase.h"
#include "core/date.h"
#include "core/idno.h"
#include "core/money.h"
#include "core/rules.h"
#include "db/db.h"
#include "db/db_audit.h"
#include "db/db_division.h"
#include "db/db_cadre.h"
#include "db/db_snapshot.h"
#include "tui/draw.h"
#include "print/print.h"
#include "tui/form.h"
#include "tui/s_menu.h"
#include "tui/screen.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/texttable.h"
#include "util/u8.h"
#include "util/xalloc.h"

enum section {
    SEC_OVERVIEW, SEC_MEMBERS, SEC_INCOME, SEC_GUARANTEE, SEC_CASE,
    SEC_MEASURES, SEC_VISITS, SEC_AUDIT, NSECTIONS
};

static const char *const section_names[NSECTIONS] = {
    N_("overview"), N_("members"), N_("income"), N_("guarantees"),
    N_("case"), N_("measures"), N_("visits"), N_("audit trail"),
};

#define HEADER_LINES 4

struct detail {
    struct app *app;
    struct hh_snapshot s;
    char township[200], village[200], group[200];
    struct cadre_row *cadres;
    size_t ncadres;
    enum section sec;
    int revealed;
    char **lines;               /* the section, laid out */
    size_t nlines, alines;
    size_t top;                 /* first line shown */
    int64_t pick[64];           /* what the items of an open menu stand for */
    const struct form_kind *pick_kind;
};

static const struct keydef detail_keys[] = {
    {'1', 0, ACT_SEC1, "1-8", N_("sections"), KD_BAR},
    {'2', 0, ACT_SEC2, "2", N_("members"), 0},
    {'3', 0, ACT_SEC3, "3", N_("income"), 0},
    {'4', 0, ACT_SEC4, "4", N_("guarantees"), 0},
    {'5', 0, ACT_SEC5, "5", N_("case"), 0},
    {'6', 0, ACT_SEC6, "6", N_("measures"), 0},
    {'7', 0, ACT_SEC7, "7", N_("visits"), 0},
    {'8', 0, ACT_SEC8, "8", N_("audit trail"), 0},
    {'\t', 0, ACT_TAB, "Tab", N_("next section"), KD_BAR},
    {KEY_BTAB, 1, ACT_BTAB, "Shift-Tab", N_("previous section"), 0},
    {KEY_RIGHT, 1, ACT_TAB, "Right", N_("next section"), 0},
    {KEY_LEFT, 1, ACT_BTAB, "Left", N_("previous section"), 0},
    {KEY_DOWN, 1, ACT_DOWN, "Down", N_("scroll down"), 0},
    {'j', 0, ACT_DOWN, "j", N_("scroll down"), 0},
    {KEY_UP, 1, ACT_UP, "Up", N_("scroll up"), 0},
    {'k', 0, ACT_UP, "k", N_("scroll up"), 0},
    {KEY_NPAGE, 1, ACT_PGDN, "PgDn", N_("page down"), 0},
    {' ', 0, ACT_PGDN, "Space", N_("page down"), 0},
    {KEY_PPAGE, 1, ACT_PGUP, "PgUp", N_("page up"), 0},
    {KEY_HOME, 1, ACT_HOME, "Home", N_("top"), 0},
    {KEY_END, 1, ACT_END, "End", N_("bottom"), 0},
    {'x', 0, ACT_STEP, "x", N_("procedure step"), KD_BAR | KD_WRITE},
    {'e', 0, ACT_EDIT, "e", N_("edit"), KD_BAR | KD_WRITE},
    {'a', 0, ACT_ADD, "a", N_("add"), KD_BAR | KD_WRITE},
    {'d', 0, ACT_DELETE, "d", N_("member leaves"), KD_WRITE},
    {'r', 0, ACT_REVEAL, "r", N_("show full ID numbers"), KD_BAR},
    {'p', 0, ACT_PRINT, "p", N_("print the household card"), KD_BAR},
    {27, 0, ACT_BACK, "Esc", N_("back"), KD_BAR},
    {'q', 0, ACT_BACK, "q", N_("back"), 0},
    {0, 0, ACT_NONE, NULL, NULL, 0},
};

/* --- lines of a section --------------------------------------------------- */

static void
clear_lines(struct detail *d)
{
    size_t i;

    for (i = 0; i < d->nlines; i++) {
        free(d->lines[i]);
    }
    d->nlines = 0;
}

static void
add_line(struct detail *d, const char *s)
{
    d->lines = xgrow(d->lines, &d->alines, d->nlines + 1, sizeof(char *));
    d->lines[d->nlines++] = xstrdup(s);
}

static void
add_linef(struct detail *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
add_linef(struct detail *d, const char *fmt, ...)
{
    struct sbuf sb = SBUF_INIT;
    va_list ap;

    va_start(ap, fmt);
    sbuf_vaddf(&sb, fmt, ap);
    va_end(ap);
    add_line(d, sb.buf);
    sbuf_release(&sb);
}

/* Long text, wrapped to COLS with INDENT spaces in front. */
static void
add_wrapped(struct detail *d, const char *text, int indent, int cols)
{
    struct sbuf sb = SBUF_INIT;
    size_t n;

    while (text != NULL && *text != '\0') {
        n = tt_wrap(text, (size_t)(cols - indent > 10 ? cols - indent : 10));
        sbuf_reset(&sb);
        sbuf_addspaces(&sb, (size_t)indent);
        sbuf_add(&sb, text, n);
        add_line(d, sb.buf);
        text += n;
        while (*text == ' ') {
            text++;
        }
    }
    sbuf_release(&sb);
}

static void
table_line(struct detail *d, const struct tt_col *cols, int n, const char *const *cells)
{
    struct sbuf sb = SBUF_INIT;

    tt_line(&sb, cols, n, cells);
    add_line(d, sb.buf);
    sbuf_release(&sb);
}

static const struct codebook *
codes(const struct detail *d)
{
    return &d->app->policy.codes;
}

static const char *
yesno(int v)
{
    return v ? _("yes") : _("no");
}

/* --- the sections ---------------------------------------------------------- */

static void
phone_text(const char *phone, int revealed, char *out, size_t n)
{
    char masked[PHONE_MASK_BUF];

    if (revealed) {
        snprintf(out, n, "%s", phone);
    } else {
        phone_mask(phone, masked);
        snprintf(out, n, "%s", masked);
    }
}

static void
overview(struct detail *d, int cols)
{
    const struct household *h = &d->s.hh;
    struct rule_ctx ctx = app_rule_ctx(d->app);
    struct findings f;
    char phone[PHONE_BUF];
    size_t i;

    phone_text(h->phone, d->revealed, phone, sizeof(phone));
    add_linef(d, "%s  %s", _("Household type:"), code_label(codes(d), "hh_type", h->hh_type));
    add_linef(d, "%s  %s", _("Address:"), h->address);
    add_linef(d, "%s  %s", _("Phone:"), phone);
    add_linef(d, "%s  %s    %s  %s", _("Relocated (易地扶贫搬迁):"), yesno(h->relocated),
              _("Military family:"), yesno(h->military));
    add_linef(d, "%s  %s", _("Whole household without labour:"), yesno(h->no_labour_support));
    add_line(d, "");
    memset(&f, 0, sizeof(f));
    rules_check_household(&ctx, &d->s, &f);
    if (f.n == 0) {
        add_line(d, _("The rules find nothing wrong with this household."));
    } else {
        add_linef(d, _("The rules find %zu problems:"), f.n);
        for (i = 0; i < f.n; i++) {
            struct sbuf sb = SBUF_INIT;

            sbuf_addf(&sb, "%s %s  %s", f.v[i].code, severity_label(f.v[i].sev), f.v[i].msg);
            add_wrapped(d, sb.buf, 2, cols);
            sbuf_release(&sb);
        }
    }
    findings_free(&f);
}

static void
members(struct detail *d)
{
    struct tt_col c[] = {
        {_("name"), 10, 0}, {_("relation"), 10, 0}, {_("sex"), 4, 0},
        {_("born"), 10, 0}, {_("ID number"), 18, 0}, {_("labour"), 16, 0},
        {_("health"), 10, 0}, {_("schooling"), 10, 0}, {_("work (months)"), 13, 1},
    };
    size_t i;

    table_line(d, c, 9, NULL);
    for (i = 0; i < d->s.nmembers; i++) {
        const struct person *p = &d->s.members[i];
        char born[DATE_BUF], id[DOCNO_BUF], work[16];
        const char *cells[9];

        date_format(p->birth, born);
        if (d->revealed) {
            snprintf(id, sizeof(id), "%s", p->id_no);
        } else {
            idno_mask(p->id_no, id);
        }
        snprintf(work, sizeof(work), "%d", p->work_months);
        cells[0] = p->name;
        cells[1] = code_label(codes(d), "relation", p->relation);
        cells[2] = code_label(codes(d), "sex", p->sex);
        cells[3] = born;
        cells[4] = id;
        cells[5] = code_label(codes(d), "labour", p->labour);
        cells[6] = code_label(codes(d), "health", p->health);
        cells[7] = code_label(codes(d), "schooling", p->schooling);
        cells[8] = work;
        table_line(d, c, 9, cells);
    }
    if (!d->revealed) {
        add_line(d, "");
        add_line(d, _("ID numbers show the first 6 and the last 4 digits; r shows them in full (recorded in the audit log)."));
    }
}

static void
yuan(int64_t fen, char *buf)
{
    money_format(fen, 1, buf);
}

static void
income(struct detail *d)
{
    struct tt_col c[] = {
        {_("year"), 4, 0}, {_("wages"), 11, 1}, {_("business"), 11, 1},
        {_("property"), 10, 1}, {_("transfers"), 10, 1}, {_("costs"), 10, 1},
        {_("net"), 12, 1}, {_("persons"), 4, 1}, {_("per person"), 11, 1},
        {_("line"), 9, 1}, {_("above line"), 10, 0},
    };
    size_t i;

    table_line(d, c, 11, NULL);
    for (i = 0; i < d->s.nincomes; i++) {
        const struct income *inc = &d->s.incomes[i];
        const struct line_entry *l = policy_line(&d->app->policy, d->app->province, inc->year);
        char y[8], a[5][MONEY_BUF], net[MONEY_BUF], per[MONEY_BUF], line[MONEY_BUF], n[8];
        const char *cells[11];

        snprintf(y, sizeof(y), "%d", inc->year);
        yuan(inc->wage, a[0]);
        yuan(inc->business, a[1]);
        yuan(inc->property, a[2]);
        yuan(inc->transfer, a[3]);
        yuan(inc->business_cost, a[4]);
        yuan(inc->net, net);
        yuan(inc->per_capita, per);
        snprintf(n, sizeof(n), "%d", inc->members);
        if (l != NULL) {
            money_group_int(money_div_round(l->fen, 100), line);
        } else {
            snprintf(line, sizeof(line), "?");
        }
        cells[0] = y;
        cells[1] = a[0];
        cells[2] = a[1];
        cells[3] = a[2];
        cells[4] = a[3];
        cells[5] = a[4];
        cells[6] = net;
        cells[7] = n;
        cells[8] = per;
        cells[9] = line;
        cells[10] = l == NULL ? "?" : inc->per_capita > l->fen ? _("above") : _("NOT above");
        table_line(d, c, 11, cells);
    }
    if (d->s.nincomes == 0) {
        add_line(d, _("No income recorded."));
    }
}

static const char *
secured(int v)
{
    return v ? _("secured") : _("PROBLEM");
}

static void
guarantees(struct detail *d)
{
    struct tt_col c[] = {
        {_("year"), 4, 0}, {_("checked on"), 10, 0}, {_("food/clothing"), 12, 0},
        {_("schooling"), 10, 0}, {_("medical"), 10, 0}, {_("housing"), 10, 0},
        {_("drinking water"), 10, 0},
    };
    size_t i;

    table_line(d, c, 7, NULL);
    for (i = 0; i < d->s.nguarantees; i++) {
        const struct guarantee *g = &d->s.guarantees[i];
        char y[8], on[DATE_BUF];
        const char *cells[7];

        snprintf(y, sizeof(y), "%d", g->year);
        date_format(g->checked_on, on);
        cells[0] = y;
        cells[1] = on;
        cells[2] = secured(g->food_clothing);
        cells[3] = secured(g->education);
        cells[4] = secured(g->medical);
        cells[5] = secured(g->housing);
        cells[6] = secured(g->water);
        table_line(d, c, 7, cells);
    }
    if (d->s.nguarantees == 0) {
        add_line(d, _("No check of the four guarantees recorded."));
    }
}

static void
risks_text(const struct detail *d, struct sbuf *sb)
{
    int i;

    for (i = 0; i < d->s.mcase.nrisks; i++) {
        if (i > 0) {
            sbuf_adds(sb, _(", "));
        }
        sbuf_adds(sb, code_label(codes(d), "risk", d->s.mcase.risks[i]));
    }
}

static void
case_summary(struct detail *d, int cols)
{
    const struct mcase *c = &d->s.mcase;
    struct sbuf sb = SBUF_INIT;
    char a[DATE_BUF], b[DATE_BUF], line[MONEY_BUF];

    add_linef(d, "%s  %s", _("Status:"), case_state_label(c->state));
    add_linef(d, "%s  %s    %s  %s", _("Category:"), code_label(codes(d), "category", c->category),
              _("Channel:"), code_label(codes(d), "channel", c->channel));
    risks_text(d, &sb);
    add_linef(d, "%s  %s", _("Risks:"), sb.buf);
    date_format(c->clue_date, a);
    date_format(c->identified_on, b);
    add_linef(d, "%s  %s    %s  %s", _("Clue:"), a, _("Identified:"), b);
    if (c->line_fen > 0) {
        money_group_int(money_div_round(c->line_fen, 100), line);
        add_linef(d, _("Judged against the monitoring line of %d: %s yuan per person"), c->line_year, line);
    }
    if (c->eliminated_on != DATE_NONE) {
        date_format(c->eliminated_on, a);
        add_linef(d, "%s  %s (%s)", _("Risk eliminated:"), a, code_label(codes(d), "elim_method", c->elim_method));
    }
    if (c->deadline != DATE_NONE) {
        date_format(c->deadline, a);
        add_linef(d, "%s  %s", _("Next step due:"), a);
    }
    if (c->description != NULL) {
        add_wrapped(d, c->description, 0, cols);
    }
    sbuf_release(&sb);
}

static void
timeline(struct detail *d, int cols)
{
    struct tt_col c[] = {
        {_("date"), 10, 0}, {_("step"), 22, 0}, {_("by"), 10, 0},
        {_("due next"), 10, 0}, {_("publicity"), 21, 0},
    };
    size_t i;

    if (!d->s.has_case) {
        add_line(d, _("The household is not a monitoring object."));
        return;
    }
    case_summary(d, cols);
    add_line(d, "");
    table_line(d, c, 5, NULL);
    for (i = 0; i < d->s.nsteps; i++) {
        const struct case_step *st = &d->s.steps[i];
        char day[DATE_BUF], due[DATE_BUF], p1[DATE_BUF], p2[DATE_BUF], pub[32];
        const char *cells[5];

        date_format(st->step_date, day);
        date_format(st->deadline, due);
        pub[0] = '\0';
        if (st->pub_start != DATE_NONE) {
            date_format(st->pub_start, p1);
            date_format(st->pub_end, p2);
            snprintf(pub, sizeof(pub), "%s..%s", p1, p2);
        }
        cells[0] = day;
        cells[1] = case_action_label(st->action);
        cells[2] = st->actor;
        cells[3] = due;
        cells[4] = pub;
        table_line(d, c, 5, cells);
        if (st->note != NULL) {
            add_wrapped(d, st->note, 12, cols);
        }
    }
}

static void
measures(struct detail *d)
{
    struct tt_col c[] = {
        {_("category"), 14, 0}, {C_("measure", "item"), 24, 0}, {_("from"), 10, 0},
        {_("to"), 10, 0}, {_("year"), 4, 0},
    };
    size_t i;

    table_line(d, c, 5, NULL);
    for (i = 0; i < d->s.nmeasures; i++) {
        const struct measure *m = &d->s.measures[i];
        char from[DATE_BUF], to[DATE_BUF], y[8];
        const char *cells[5];

        date_format(m->start, from);
        date_format(m->end, to);
        snprintf(y, sizeof(y), "%d", m->year);
        cells[0] = code_label(codes(d), "measure_category", m->category);
        cells[1] = code_label(codes(d), "measure_item", m->item);
        cells[2] = from;
        cells[3] = to;
        cells[4] = y;
        table_line(d, c, 5, cells);
    }
    if (d->s.nmeasures == 0) {
        add_line(d, _("No assistance measure recorded."));
    }
}

static void
visits(struct detail *d, int cols)
{
    struct tt_col c[] = {
        {_("date"), 10, 0}, {_("visitor"), 10, 0}, {_("as"), 12, 0},
        {_("new risk"), 8, 0}, {_("next visit"), 10, 0},
    };
    size_t i;

    table_line(d, c, 5, NULL);
    for (i = d->s.nvisits; i-- > 0;) {
        const struct visit *v = &d->s.visits[i];
        char day[DATE_BUF], next[DATE_BUF];
        const char *cells[5];

        date_format(v->visit_date, day);
        date_format(v->next_visit, next);
        cells[0] = day;
        cells[1] = v->visitor;
        cells[2] = code_label(codes(d), "visitor_role", v->visitor_role);
        cells[3] = yesno(v->new_risk);
        cells[4] = next;
        table_line(d, c, 5, cells);
        if (v->findings != NULL) {
            add_wrapped(d, v->findings, 12, cols);
        }
    }
    if (d->s.nvisits == 0) {
        add_line(d, _("No visit recorded."));
    }
}

static void
audit_trail(struct detail *d, int cols)
{
    struct tt_col c[] = {
        {_("when"), 19, 0}, {_("who"), 10, 0}, {_("what"), 10, 0},
        {C_("audit log column", "record"), 12, 0}, {_("field"), 12, 0},
    };
    struct audit_row *v;
    struct err e;
    size_t i, n;

    err_clear(&e);
    if (db_audit_household(d->app->db, d->s.hh.id, 500, &v, &n, &e)) {
        add_line(d, e.msg);
        return;
    }
    table_line(d, c, 5, NULL);
    for (i = 0; i < n; i++) {
        const char *cells[5];

        cells[0] = v[i].at;
        cells[1] = v[i].actor;
        cells[2] = audit_op_label(v[i].op);
        cells[3] = audit_table_label(v[i].tbl);
        cells[4] = audit_field_label(v[i].op, v[i].tbl, v[i].field);
        table_line(d, c, 5, cells);
        if (v[i].old_value != NULL || v[i].new_value != NULL) {
            struct sbuf sb = SBUF_INIT;

            audit_value_text(codes(d), v[i].op, v[i].tbl, v[i].field, v[i].old_value, &sb);
            if (v[i].old_value != NULL && v[i].new_value != NULL) {
                sbuf_adds(&sb, " -> ");
            }
            audit_value_text(codes(d), v[i].op, v[i].tbl, v[i].field, v[i].new_value, &sb);
            add_wrapped(d, sb.buf, 21, cols);
            sbuf_release(&sb);
        }
    }
    if (n == 0) {
        add_line(d, _("The audit log has nothing about this household."));
    }
    audit_rows_free(v, n);
}

static void
build(struct detail *d, int cols)
{
    clear_lines(d);
    switch (d->sec) {
    case SEC_OVERVIEW:
        overview(d, cols);
        break;
    case SEC_MEMBERS:
        members(d);
        break;
    case SEC_INCOME:
        income(d);
        break;
    case SEC_GUARANTEE:
        guarantees(d);
        break;
    case SEC_CASE:
        timeline(d, cols);
        break;
    case SEC_MEASURES:
        measures(d);
        break;
    case SEC_VISITS:
        visits(d, cols);
        break;
    case SEC_AUDIT:
        audit_trail(d, cols);
        break;
    default:
        break;
    }
}

/* --- drawing ------------------------------------------------------------------ */

static void
header(struct detail *d, struct tui *t, WINDOW *w)
{
    const struct person *head = NULL;
    struct sbuf sb = SBUF_INIT;
    size_t i;
    int x = 1;

    for (i = 0; i < d->s.nmembers; i++) {
        if (code_is(codes(d), "relation", d->s.members[i].relation, "head")) {
            head = &d->s.members[i];
        }
    }
    sbuf_addf(&sb, "%s %s   %s %s   %s %s %s", _("Household"), d->s.hh.hh_no, _("head"),
              head != NULL ? head->name : "-", d->township, d->village, d->group);
    draw_text(w, 0, 1, t->cols - 2, sb.buf, A_BOLD, AL_LEFT);
    sbuf_reset(&sb);
    if (d->s.has_case) {
        sbuf_addf(&sb, "%s %s   %s %s   %s ", _("category"),
                  code_label(codes(d), "category", d->s.mcase.category), _("status"),
                  case_state_label(d->s.mcase.state), _("risks"));
        risks_text(d, &sb);
    } else {
        sbuf_adds(&sb, _("Not a monitoring object"));
    }
    draw_text(w, 1, 1, t->cols - 2, sb.buf, A_NORMAL, AL_LEFT);
    sbuf_reset(&sb);
    for (i = 0; i < d->ncadres; i++) {
        if (i > 0) {
            sbuf_adds(&sb, _(", "));
        }
        sbuf_addf(&sb, _("%s (%s, %s)"), d->cadres[i].name, d->cadres[i].unit, d->cadres[i].phone);
    }
    {
        char line[512];

        snprintf(line, sizeof(line), _("Responsible cadres: %s"),
                 d->ncadres ? sb.buf : _("none"));
        draw_text(w, 2, 1, t->cols - 2, line, A_NORMAL, AL_LEFT);
    }
    for (i = 0; i < NSECTIONS; i++) {
        sbuf_reset(&sb);
        sbuf_addf(&sb, "%zu %s", i + 1, _(section_names[i]));
        if (x + (int)u8_width(sb.buf) >= t->cols) {
            break;
        }
        draw_text(w, 3, x, (int)u8_width(sb.buf), sb.buf,
                  i == d->sec ? theme_attr(TH_CURSOR) : theme_attr(TH_HEADER), AL_LEFT);
        x += (int)u8_width(sb.buf) + 2;
    }
    sbuf_release(&sb);
}

static int
page_lines(const struct tui *t)
{
    int n = tui_body_lines(t) - HEADER_LINES - 1;

    return n > 1 ? n : 1;
}

static void
detail_draw(struct screen *s, struct tui *t, WINDOW *w)
{
    struct detail *d = s->data;
    int rows = page_lines(t), i;

    header(d, t, w);
    for (i = 0; i < rows && d->top + (size_t)i < d->nlines; i++) {
        draw_text(w, HEADER_LINES + 1 + i, 1, t->cols - 2, d->lines[d->top + (size_t)i],
                  A_NORMAL, AL_LEFT);
    }
}

static void
detail_status(struct screen *s, struct tui *t, char *buf, size_t n)
{
    struct detail *d = s->data;
    size_t last = d->top + (size_t)page_lines(t);

    snprintf(buf, n, "%zu-%zu/%zu", d->nlines ? d->top + 1 : 0,
             last < d->nlines ? last : d->nlines, d->nlines);
}

static void
detail_info(struct screen *s, struct tui *t, char *buf, size_t n)
{
    struct detail *d = s->data;

    (void)t;
    snprintf(buf, n, _("Household %s"), d->s.hh.hh_no);
}

/* --- actions -------------------------------------------------------------------- */

/* Roles that may see whole ID numbers. */
static int
may_reveal(const struct actor *a)
{
    return a->role == ROLE_ADMIN || a->role == ROLE_COUNTY || a->role == ROLE_TOWNSHIP;
}

/* p: the household card of this household, through the print dialog. */
static unsigned
print_card(struct detail *d, struct tui *t)
{
    struct print_request r;
    char what[256];

    memset(&r, 0, sizeof(r));
    r.kind = PK_CARD;
    r.households = &d->s.hh.id;
    r.nhouseholds = 1;
    snprintf(what, sizeof(what), _("household card of %s"), d->s.hh.hh_no);
    print_dialog(t, &r, what);
    return D_ALL;
}

static unsigned
reveal(struct detail *d, struct tui *t)
{
    struct err e;

    err_clear(&e);
    if (d->revealed) {
        d->revealed = 0;
        build(d, t->cols - 2);
        return D_BODY;
    }
    if (!may_reveal(&d->app->actor)) {
        tui_message(t, 1, "%s", _("Your role may not see whole ID numbers."));
        return D_STATUS;
    }
    if (db_begin(d->app->db, &e) ||
        db_audit(d->app->db, d->app->login, "reveal", "household", d->s.hh.id,
                 "id_no", NULL, NULL, &e) ||
        db_commit(d->app->db, &e)) {
        db_rollback(d->app->db);
        tui_message(t, 1, "%s", e.msg);
        return D_STATUS;
    }
    d->revealed = 1;
    build(d, t->cols - 2);
    tui_message(t, 0, "%s", _("Whole ID numbers shown; this was recorded in the audit log."));
    return D_BODY | D_STATUS;
}

/* --- changing the household --------------------------------------------------- */

static unsigned step_menu(struct detail *d, struct tui *t);

static unsigned
picked(void *ctx, struct tui *t, size_t index)
{
    struct detail *d = ctx;
    const struct form_kind *kind = d->pick_kind;

    if (index >= ARRAY_SIZE(d->pick)) {
        return 0;
    }
    if (kind == &step_form) {
        form_open(t, kind, d->s.hh.id, 0, d->pick[index]);
    } else if (kind == &income_form || kind == &guarantee_form) {
        form_open(t, kind, d->s.hh.id, 0, d->pick[index]);
    } else {
        form_open(t, kind, d->s.hh.id, d->pick[index], 0);
    }
    return D_ALL;
}

static struct menu *
pick_menu(struct detail *d, const char *title, const struct form_kind *kind)
{
    d->pick_kind = kind;
    return menu_new(title, picked, d);
}

static void
pick_add(struct detail *d, struct menu *m, int64_t what, const char *label)
{
    if (m->n < ARRAY_SIZE(d->pick)) {
        d->pick[m->n] = what;
        menu_add(m, label);
    }
}

/* Members: to edit (KIND member_form) or to remove. */
static unsigned
member_menu(struct detail *d, struct tui *t, const struct form_kind *kind, const char *title)
{
    struct menu *m;
    struct sbuf sb = SBUF_INIT;
    size_t i;

    if (d->s.nmembers == 0) {
        tui_message(t, 1, "%s", _("The household has no members."));
        return D_STATUS;
    }
    m = pick_menu(d, title, kind);
    for (i = 0; i < d->s.nmembers; i++) {
        const struct person *p = &d->s.members[i];

        sbuf_reset(&sb);
        sbuf_addf(&sb, "%s  %s", p->name, code_label(codes(d), "relation", p->relation));
        pick_add(d, m, p->id, sb.buf);
    }
    sbuf_release(&sb);
    menu_open(t, m);
    return D_ALL;
}

/* Years of incomes or guarantees: the recorded ones, this year and last
 * year. */
static unsigned
year_menu(struct detail *d, struct tui *t, const struct form_kind *kind, const char *title)
{
    struct menu *m = pick_menu(d, title, kind);
    struct sbuf sb = SBUF_INIT;
    int y, mo, dd, year, have;
    size_t i;

    date_to_ymd(app_today(), &y, &mo, &dd);
    for (year = y; year >= y - 1; year--) {
        have = 0;
        for (i = 0; i < d->s.nincomes && kind == &income_form; i++) {
            have |= d->s.incomes[i].year == year;
        }
        for (i = 0; i < d->s.nguarantees && kind == &guarantee_form; i++) {
            have |= d->s.guarantees[i].year == year;
        }
        if (!have) {
            sbuf_reset(&sb);
            sbuf_addf(&sb, _("%d (new)"), year);
            pick_add(d, m, year, sb.buf);
        }
    }
    if (kind == &income_form) {
        for (i = d->s.nincomes; i-- > 0;) {
            sbuf_reset(&sb);
            sbuf_addf(&sb, "%d", d->s.incomes[i].year);
            pick_add(d, m, d->s.incomes[i].year, sb.buf);
        }
    } else {
        for (i = d->s.nguarantees; i-- > 0;) {
            sbuf_reset(&sb);
            sbuf_addf(&sb, "%d", d->s.guarantees[i].year);
            pick_add(d, m, d->s.guarantees[i].year, sb.buf);
        }
    }
    sbuf_release(&sb);
    menu_open(t, m);
    return D_ALL;
}

static unsigned
record_menu(struct detail *d, struct tui *t, const struct form_kind *kind)
{
    struct menu *m;
    struct sbuf sb = SBUF_INIT;
    char a[DATE_BUF], b[DATE_BUF];
    size_t i;

    if (kind == &measure_form) {
        if (d->s.nmeasures == 0) {
            tui_message(t, 0, "%s", _("No measure yet: a adds one."));
            return D_STATUS;
        }
        m = pick_menu(d, _("Which measure?"), kind);
        for (i = 0; i < d->s.nmeasures; i++) {
            const struct measure *x = &d->s.measures[i];

            date_format(x->start, a);
            sbuf_reset(&sb);
            sbuf_addf(&sb, "%s  %s  %s", a, code_label(codes(d), "measure_category", x->category),
                      code_label(codes(d), "measure_item", x->item));
            pick_add(d, m, x->id, sb.buf);
        }
    } else {
        if (d->s.nvisits == 0) {
            tui_message(t, 0, "%s", _("No visit yet: a adds one."));
            return D_STATUS;
        }
        m = pick_menu(d, _("Which visit?"), kind);
        for (i = d->s.nvisits; i-- > 0;) {
            const struct visit *x = &d->s.visits[i];

            date_format(x->visit_date, a);
            date_format(x->next_visit, b);
            sbuf_reset(&sb);
            sbuf_addf(&sb, "%s  %s", a, x->visitor);
            pick_add(d, m, x->id, sb.buf);
        }
    }
    sbuf_release(&sb);
    menu_open(t, m);
    return D_ALL;
}

static int
may_change(struct detail *d, struct tui *t)
{
    if (!actor_writes(&d->app->actor)) {
        tui_message(t, 1, "%s", _("Your account is read-only."));
        return 0;
    }
    return 1;
}

static unsigned
edit(struct detail *d, struct tui *t)
{
    if (!may_change(d, t)) {
        return D_STATUS;
    }
    switch (d->sec) {
    case SEC_MEMBERS:
        return member_menu(d, t, &member_form, _("Edit which member?"));
    case SEC_INCOME:
        return year_menu(d, t, &income_form, _("Income of which year?"));
    case SEC_GUARANTEE:
        return year_menu(d, t, &guarantee_form, _("Guarantees of which year?"));
    case SEC_MEASURES:
        return record_menu(d, t, &measure_form);
    case SEC_VISITS:
        return record_menu(d, t, &visit_form);
    case SEC_CASE:
        tui_message(t, 0, "%s", _("The case changes by procedure steps: x."));
        return D_STATUS;
    default:
        form_open(t, &household_form, d->s.hh.id, 0, 0);
        return D_ALL;
    }
}

static unsigned
add(struct detail *d, struct tui *t)
{
    if (!may_change(d, t)) {
        return D_STATUS;
    }
    switch (d->sec) {
    case SEC_INCOME:
        return year_menu(d, t, &income_form, _("Income of which year?"));
    case SEC_GUARANTEE:
        return year_menu(d, t, &guarantee_form, _("Guarantees of which year?"));
    case SEC_MEASURES:
        form_open(t, &measure_form, d->s.hh.id, 0, 0);
        return D_ALL;
    case SEC_VISITS:
        form_open(t, &visit_form, d->s.hh.id, 0, 0);
        return D_ALL;
    case SEC_CASE:
        return step_menu(d, t);
    default:
        form_open(t, &member_form, d->s.hh.id, 0, 0);
        return D_ALL;
    }
}

static unsigned
step_menu(struct detail *d, struct tui *t)
{
    enum case_action acts[CA_COUNT];
    enum case_state st = d->s.has_case ? d->s.mcase.state : CS_NONE;
    size_t n, i;
    struct menu *m;

    if (!may_change(d, t)) {
        return D_STATUS;
    }
    n = case_actions_for(st, d->app->actor.role, acts);
    if (n == 0) {
        tui_message(t, 0, _("No procedure step is open to you while the case is '%s'."),
                    case_state_label(st));
        return D_STATUS;
    }
    m = pick_menu(d, _("Which step?"), &step_form);
    for (i = 0; i < n; i++) {
        pick_add(d, m, acts[i], case_action_label(acts[i]));
    }
    menu_open(t, m);
    return D_ALL;
}

static unsigned
remove_member(struct detail *d, struct tui *t)
{
    if (!may_change(d, t)) {
        return D_STATUS;
    }
    return member_menu(d, t, &member_remove_form, _("Which member leaves the household?"));
}

static unsigned
go_section(struct detail *d, struct tui *t, int sec)
{
    d->sec = (enum section)((sec + NSECTIONS) % NSECTIONS);
    d->top = 0;
    build(d, t->cols - 2);
    return D_BODY | D_STATUS;
}

static unsigned
detail_scroll(struct detail *d, struct tui *t, long by)
{
    long page = page_lines(t), max = (long)d->nlines - page, top = (long)d->top + by;

    if (top > max) {
        top = max;
    }
    if (top < 0) {
        top = 0;
    }
    d->top = (size_t)top;
    return D_BODY | D_STATUS;
}

static unsigned
detail_action(struct screen *s, struct tui *t, int action)
{
    struct detail *d = s->data;
    long page = page_lines(t);

    if (action >= ACT_SEC1 && action <= ACT_SEC8) {
        return go_section(d, t, action - ACT_SEC1);
    }
    switch (action) {
    case ACT_TAB:
        return go_section(d, t, (int)d->sec + 1);
    case ACT_BTAB:
        return go_section(d, t, (int)d->sec - 1);
    case ACT_DOWN:
        return detail_scroll(d, t, 1);
    case ACT_UP:
        return detail_scroll(d, t, -1);
    case ACT_PGDN:
        return detail_scroll(d, t, page);
    case ACT_PGUP:
        return detail_scroll(d, t, -page);
    case ACT_HOME:
        return detail_scroll(d, t, -(long)d->nlines);
    case ACT_END:
        return detail_scroll(d, t, (long)d->nlines);
    case ACT_REVEAL:
        return reveal(d, t);
    case ACT_PRINT:
        return print_card(d, t);
    case ACT_EDIT:
        return edit(d, t);
    case ACT_ADD:
        return add(d, t);
    case ACT_STEP:
        return step_menu(d, t);
    case ACT_DELETE:
        return remove_member(d, t);
    case ACT_BACK:
        return TR_POP;
    default:
        return 0;
    }
}

/* --- life cycle ------------------------------------------------------------------ */

static void
place_names(struct detail *d)
{
    struct division div;

    if (db_division_get(d->app->db, d->s.hh.township_id, &div, NULL) == 0) {
        snprintf(d->township, sizeof(d->township), "%s", div.name);
    }
    if (db_division_get(d->app->db, d->s.hh.village_id, &div, NULL) == 0) {
        snprintf(d->village, sizeof(d->village), "%s", div.name);
    }
    if (d->s.hh.natural_village_id &&
        db_division_get(d->app->db, d->s.hh.natural_village_id, &div, NULL) == 0) {
        snprintf(d->group, sizeof(d->group), "%s", div.name);
    }
}

static int
detail_enter(struct screen *s, struct tui *t)
{
    struct detail *d = xcalloc(1, sizeof(*d));
    int64_t id = *(int64_t *)s->arg;
    struct err e;

    err_clear(&e);
    d->app = t->app;
    if (db_snapshot_load(d->app->db, id, &d->s, &e) ||
        db_household_cadres(d->app->db, id, &d->cadres, &d->ncadres, &e)) {
        tui_message(t, 1, "%s", e.msg);
        snapshot_free(&d->s);
        free(d);
        return -1;
    }
    /* The scope holds here too, not only in the list. */
    if (!actor_sees(&d->app->actor, d->s.hh.township_id, d->s.hh.village_id)) {
        tui_message(t, 1, "%s", _("This household is outside your scope."));
        snapshot_free(&d->s);
        free(d->cadres);
        free(d);
        return -1;
    }
    place_names(d);
    build(d, t->cols - 2);
    s->data = d;
    return 0;
}

static void
detail_leave(struct screen *s, struct tui *t)
{
    struct detail *d = s->data;

    (void)t;
    clear_lines(d);
    free(d->lines);
    free(d->cadres);
    snapshot_free(&d->s);
    free(d);
}

/* Back from a form or a menu: read the household again. */
static void
detail_resume(struct screen *s, struct tui *t)
{
    struct detail *d = s->data;
    struct hh_snapshot fresh;
    struct err e;
    int64_t id = d->s.hh.id;

    err_clear(&e);
    memset(&fresh, 0, sizeof(fresh));
    if (db_snapshot_load(d->app->db, id, &fresh, &e) != 0) {
        snapshot_free(&fresh);
        tui_message(t, 1, "%s", e.msg);
        return;
    }
    snapshot_free(&d->s);
    d->s = fresh;
    free(d->cadres);
    d->cadres = NULL;
    d->ncadres = 0;
    db_household_cadres(d->app->db, id, &d->cadres, &d->ncadres, NULL);
    place_names(d);
    build(d, t->cols - 2);
    detail_scroll(d, t, 0);
}

static void
detail_resize(struct screen *s, struct tui *t)
{
    struct detail *d = s->data;

    build(d, t->cols - 2);
    detail_scroll(d, t, 0);
}

const struct screen_ops detail_screen = {
    .name = N_("household"),
    .keys = detail_keys,
    .enter = detail_enter,
    .leave = detail_leave,
    .resize = detail_resize,
    .draw = detail_draw,
    .action = detail_action,
    .status = detail_status,
    .info = detail_info,
    .resume = detail_resume,
    .may_switch = 1,
};

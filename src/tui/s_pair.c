/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * s_pair.c - the paired-assistance workspace (F4): five sibling tables
 * shown as tabs - the partners (帮扶单位), the yearly agreements (年度协议),
 * the records of what arrived (到位记录), the resident teams (驻村工作队)
 * and a month of their attendance (驻村考勤) - and the record screens of a
 * partner and of a team.  Built like s_funds.c: each is a definition
 * (struct table_def, struct view_def); the rows come from db/db_pair.h,
 * the forms are tui/f_pair.c (partner, pairing, agreement, record) and
 * tui/f_team.c (team, member, attendance, grade).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/date.h"
#include "core/role.h"
#include "core/money.h"
#include "core/pair.h"
#include "core/rules.h"
#include "db/db_pair.h"
#include "tui/form.h"
#include "tui/s_menu.h"
#include "tui/screen.h"
#include "tui/table.h"
#include "tui/tui.h"
#include "tui/view.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

static const struct table_def partners_def, agreements_def, records_def, teams_def,
    attendance_def;
static const struct view_def partner_view, team_view;

static const struct table_def *const pair_tabs[] = {
    &partners_def, &agreements_def, &records_def, &teams_def, &attendance_def, NULL,
};

/* What the record screens' lines stand for. */
enum ref_kind {
    REF_NONE = 0, REF_PAIRING, REF_AGREEMENT, REF_RECORD, REF_MEMBER, REF_ATTENDANCE,
    REF_GRADE,
};

/* A value of INDICATOR: yuan for money with its two decimals and no unit
 * ("1,200.00", which keeps the targets table within 80 columns), else a
 * count with its unit ("12人", "3个", "40人次"). */
static void
value_text(struct tui *t, const char *indicator, int64_t v, char *out, size_t n)
{
    const struct codebook *cb = tui_codes(t);
    char num[MONEY_BUF];

    if (code_is(cb, "pair_indicator", indicator, "money") && n >= MONEY_BUF) {
        money_format(v, 1, out);
        return;
    }
    money_group_int(v, num);
    if (code_is(cb, "pair_indicator", indicator, "persons")) {
        snprintf(out, n, _("%s persons"), num);
    } else if (code_is(cb, "pair_indicator", indicator, "items")) {
        snprintf(out, n, _("%s items"), num);
    } else if (code_is(cb, "pair_indicator", indicator, "times")) {
        snprintf(out, n, _("%s person-times"), num);
    } else {
        snprintf(out, n, "%s", num);
    }
}

/* "2024-01~2026-12", or from START on. */
static void
term_text(int start, int end, char *out, size_t n)
{
    char a[MONTH_BUF], b[MONTH_BUF] = "";

    month_format(month_of(start), a);
    if (end != DATE_NONE) {
        month_format(month_of(end), b);
    }
    snprintf(out, n, "%s~%s", a, b);
}

static const char *
place_text(const char *place)
{
    return place[0] != '\0' ? place : _("the county");
}

/* --- the tables' filter -------------------------------------------------- */

/* Partners and agreements, records: a year and a kind (and the rows with
 * warnings); teams and attendance: a month (the last one recorded, or
 * the month before today's) and the rows with warnings. */
static const struct table_filter_def partner_filter = {
    .by_year = 1, .kinds = "partner_kind", .flagged = 1,
};
static const struct table_filter_def record_filter = {.by_year = 1, .kinds = "pair_indicator"};
static const struct table_filter_def team_filter = {.by_month = 1, .flagged = 1};
static const struct table_filter_def attendance_filter = {
    .by_month = 1, .month0 = -1, .flagged = 1,
};

/* The rows' filter of a tab's (CTX) table filter. */
static struct pair_filter
rows_filter(const void *ctx)
{
    const struct table_filter *tf = ctx;
    struct pair_filter f;

    pair_filter_init(&f);
    f.year = tf->year;
    f.month = tf->month;
    snprintf(f.kind, sizeof(f.kind), "%s", tf->kind);
    f.flagged = tf->flagged;
    return f;
}

/* The partner of agreement ID, or 0 when unreadable (said). */
static int64_t
agreement_partner(struct tui *t, int64_t id)
{
    struct agreement_full f;
    struct err e;
    int64_t partner = 0;

    memset(&f, 0, sizeof(f));
    agreement_init(&f.a);
    if (db_agreement_get(t->app->db, id, &f, &e) == 0) {
        partner = f.a.partner_id;
    } else {
        tui_message(t, 1, "%s", e.msg);
    }
    agreement_full_clear(&f);
    return partner;
}

/* The partner of the record of an arrival ID, or 0 when unreadable
 * (said). */
static int64_t
record_partner(struct tui *t, int64_t id)
{
    struct pair_record r;
    struct err e;
    int64_t partner = 0;

    pair_record_init(&r);
    if (db_pair_record_get(t->app->db, id, &r, &e) == 0) {
        partner = r.partner_id;
    } else {
        tui_message(t, 1, "%s", e.msg);
    }
    pair_record_clear(&r);
    return partner;
}

/* --- partners ---------------------------------------------------------------- */

static const struct table_col partner_cols[] = {
    {N_("partner"), 14, 0, 0, 1},
    {N_("kind"), 10, 0, 0, 0},
    {N_("level"), 4, 0, 0, 0},
    {N_("paired with"), 10, 0, 0, 1},
    {N_("agreements"), 4, 1, 1, 0},
    {N_("aid in the year"), 12, 1, 1, 0},
};

static int
partners_load(struct tui *t, void *ctx, struct table_rows *out, struct err *e)
{
    struct pair_filter f = rows_filter(ctx);
    struct rule_ctx rc = app_rule_ctx(t->app);
    struct partner_row *v;
    size_t n, i;

    if (db_partner_list(t->app->db, &rc, &f, &v, &n, e) != 0) {
        return -1;
    }
    for (i = 0; i < n; i++) {
        table_add(out, v[i].p.id);
        table_set(out, 0, v[i].p.name);
        table_set(out, 1, tui_code_text(t, "partner_kind", v[i].p.kind));
        table_set(out, 2, tui_code_text(t, "partner_level", v[i].p.level));
        table_set(out, 3, v[i].paired);
        table_set_int(out, 4, v[i].agreements);
        table_set_money(out, 5, v[i].aid_year);
        if (v[i].short_targets > 0) {
            table_set_mark(out, '!');
        }
    }
    free(v);
    return 0;
}

/* --- p: the prints of the rows --------------------------------------------- */

/* The year a tab's filter is of, else this year. */
static int
shown_year(void *ctx)
{
    const struct table_filter *c = ctx;

    return c != NULL && c->year != 0 ? c->year : date_year(app_today());
}

/* The month a tab's filter is of, else last month. */
static int
shown_month(void *ctx)
{
    const struct table_filter *c = ctx;

    return c != NULL && c->month != 0 ? c->month : month_of(app_today()) - 1;
}

static unsigned
partners_print(struct tui *t, void *ctx, const int64_t *ids, size_t n)
{
    return n > 0 ? pair_print_partner(t, ids[0], shown_year(ctx)) : 0;
}

static unsigned
partner_print(struct tui *t, void *ctx, int64_t id)
{
    (void)ctx;
    return pair_print_partner(t, id, date_year(app_today()));
}

static unsigned
agreements_print(struct tui *t, void *ctx, const int64_t *ids, size_t n)
{
    struct agreement_full f;
    unsigned d = 0;

    (void)ctx;
    memset(&f, 0, sizeof(f));
    if (n > 0 && db_agreement_get(t->app->db, ids[0], &f, NULL) == 0) {
        d = pair_print_partner(t, f.a.partner_id, f.a.year);
    }
    agreement_full_clear(&f);
    return d;
}

static unsigned
records_print(struct tui *t, void *ctx, const int64_t *ids, size_t n)
{
    struct pair_record r;
    unsigned d = 0;

    (void)ctx;
    pair_record_init(&r);
    if (n > 0 && db_pair_record_get(t->app->db, ids[0], &r, NULL) == 0) {
        d = pair_print_partner(t, r.partner_id, date_year(r.day));
    }
    pair_record_clear(&r);
    return d;
}

static unsigned
teams_print(struct tui *t, void *ctx, const int64_t *ids, size_t n)
{
    return n > 0 ? pair_print_team(t, ids[0], shown_month(ctx)) : 0;
}

static unsigned
team_print(struct tui *t, void *ctx, int64_t id)
{
    (void)ctx;
    return pair_print_team(t, id, month_of(app_today()) - 1);
}

static unsigned
attendance_print(struct tui *t, void *ctx, const int64_t *ids, size_t n)
{
    struct attendance a;
    struct team_member m;
    unsigned d = 0;

    (void)ctx;
    attendance_init(&a);
    team_member_init(&m);
    if (n > 0 && db_attendance_get(t->app->db, ids[0], &a, NULL) == 0 &&
        db_member_get(t->app->db, a.member_id, &m, NULL) == 0) {
        d = pair_print_team(t, m.team_id, a.month);
    }
    attendance_clear(&a);
    team_member_clear(&m);
    return d;
}

static const struct table_def partners_def = {
    .id = "partners",
    .title = N_("partners"),
    .help = N_("The partners (帮扶单位) helping the county: 东西部协作, 定点帮扶, 对口帮扶, the enterprises of 万企兴万村; where each is paired, how many yearly agreements it has, and the aid money (the indicators tagged aid) that arrived in the year of the filter or this year.  ! marks a partner with a target missed in a past year or behind pace this year."),
    .cols = partner_cols,
    .ncols = ARRAY_SIZE(partner_cols),
    .empty = N_("No partner recorded yet: a adds one."),
    .tabs = pair_tabs,
    .filter_by = &partner_filter,
    .load = partners_load,
    .view = &partner_view,
    .form = &partner_form,
    .print = partners_print,
    .export = "partners",
};

/* --- agreements ---------------------------------------------------------------- */

static const struct table_col agreement_cols[] = {
    {N_("year"), 4, 0, 0, 0},
    {N_("partner"), 14, 0, 0, 1},
    {N_("kind"), 10, 0, 0, 0},
    {N_("document no."), 12, 0, 0, 1},
    {N_("targets"), 4, 1, 1, 0},
    {N_("targets met"), 6, 1, 1, 0},
    {N_("behind"), 4, 1, 1, 0},
    {N_("missed"), 6, 1, 1, 0},
};

static int
agreements_load(struct tui *t, void *ctx, struct table_rows *out, struct err *e)
{
    struct pair_filter f = rows_filter(ctx);
    struct rule_ctx rc = app_rule_ctx(t->app);
    struct agreement_row *v;
    size_t n, i;

    if (db_agreement_list(t->app->db, &rc, &f, &v, &n, e) != 0) {
        return -1;
    }
    for (i = 0; i < n; i++) {
        table_add(out, v[i].a.id);
        table_setf(out, 0, "%d", v[i].a.year);
        table_set(out, 1, v[i].partner);
        table_set(out, 2, tui_code_text(t, "partner_kind", v[i].kind));
        table_set(out, 3, v[i].a.doc_no);
        table_set_int(out, 4, v[i].targets);
        table_set_int(out, 5, v[i].met);
        table_set_int(out, 6, v[i].behind);
        table_set_int(out, 7, v[i].short_);
        if (v[i].short_ + v[i].behind > 0) {
            table_set_mark(out, '!');
        }
    }
    free(v);
    return 0;
}

static const struct table_def agreements_def = {
    .id = "agreements",
    .title = N_("yearly agreements"),
    .help = N_("The yearly agreements (年度协议) of the partners with their targets per indicator, and how many of them are met, behind the pace of the year gone, or missed once the year is over.  Enter opens the partner with its targets against what arrived.  ! marks an agreement with a target behind or missed."),
    .cols = agreement_cols,
    .ncols = ARRAY_SIZE(agreement_cols),
    .empty = N_("No agreement recorded yet: a adds one."),
    .tabs = pair_tabs,
    .filter_by = &partner_filter,
    .load = agreements_load,
    .view = &partner_view,
    .view_id = agreement_partner,
    .form = &agreement_form,
    .print = agreements_print,
    .export = "agreements",
};

/* --- records of arrivals ----------------------------------------------------------- */

static const struct table_col record_cols[] = {
    {N_("date"), 10, 0, 0, 0},
    {N_("partner"), 12, 0, 0, 1},
    {N_("indicator"), 10, 0, 0, 0},
    {N_("arrived"), 10, 1, 1, 0},
    {N_("evidence"), 10, 0, 0, 1},
    {N_("place"), 8, 0, 0, 0},
};

static int
records_load(struct tui *t, void *ctx, struct table_rows *out, struct err *e)
{
    struct pair_filter f = rows_filter(ctx);
    struct record_row *v;
    size_t n, i;

    if (db_pair_record_list(t->app->db, &t->app->actor, &f, &v, &n, e) != 0) {
        return -1;
    }
    for (i = 0; i < n; i++) {
        char value[MONEY_BUF + 16];

        table_add(out, v[i].r.id);
        table_set_date(out, 0, v[i].r.day);
        table_set(out, 1, v[i].partner);
        table_set(out, 2, tui_code_text(t, "pair_indicator", v[i].r.indicator));
        table_set_int(out, 3, v[i].r.value);
        value_text(t, v[i].r.indicator, v[i].r.value, value, sizeof(value));
        table_set(out, 3, value);
        table_set(out, 4, v[i].r.evidence);
        table_set(out, 5, place_text(v[i].place));
    }
    free(v);
    return 0;
}

static const struct table_def records_def = {
    .id = "pair_records",
    .title = N_("arrivals"),
    .help = N_("The records of what arrived (到位记录): money (in yuan), projects, cadres and professionals, workers placed, purchases and sales, investment, training, each dated with its evidence and where it went.  Enter opens the partner."),
    .cols = record_cols,
    .ncols = ARRAY_SIZE(record_cols),
    .empty = N_("No arrival recorded yet: a adds one."),
    .tabs = pair_tabs,
    .filter_by = &record_filter,
    .load = records_load,
    .view = &partner_view,
    .view_id = record_partner,
    .form = &pair_record_form,
    .print = records_print,
    .export = "arrivals",
};

/* --- the partner's record ------------------------------------------------------ */

static void
pairing_rows(struct view *v, const struct pairing_row *p, size_t n)
{
    static const struct table_col cols[] = {
        {N_("paired with"), 12, 0, 0, 1},
        {N_("from"), 10, 0, 0, 0},
        {N_("to"), 10, 0, 0, 0},
        {N_("note"), 8, 0, 0, 1},
    };
    size_t i;

    if (n == 0) {
        view_text(v, _("Not paired yet: g adds a pairing."));
        return;
    }
    view_table(v, cols, ARRAY_SIZE(cols));
    for (i = 0; i < n; i++) {
        char d1[DATE_BUF], d2[DATE_BUF];
        const char *cells[4];

        date_format(p[i].p.start, d1);
        date_format(p[i].p.end, d2);
        cells[0] = place_text(p[i].place);
        cells[1] = d1;
        cells[2] = d2;
        cells[3] = p[i].p.note != NULL ? p[i].p.note : "";
        view_row(v, REF_PAIRING, p[i].p.id, cells);
    }
}

static void
progress_rows(struct tui *t, struct view *v, const struct progress_row *p, size_t n)
{
    static const struct table_col cols[] = {
        {N_("indicator"), 10, 0, 0, 1},
        {N_("target"), 10, 1, 1, 0},
        {N_("actual"), 10, 1, 1, 0},
        {N_("rate"), 7, 1, 1, 0},
        {N_("shortfall"), 10, 1, 1, 0},
        {N_("status"), 8, 0, 0, 0},
    };
    size_t i;

    view_table(v, cols, ARRAY_SIZE(cols));
    for (i = 0; i < n; i++) {
        char target[64] = "", actual[64], rate[32] = "", gap[64] = "";
        const char *cells[6];
        const struct pair_progress *pp = &p[i].p;

        if (pp->target > 0) {
            value_text(t, p[i].indicator, pp->target, target, sizeof(target));
            money_bp_text(pp->rate_bp, rate, sizeof(rate));
        }
        value_text(t, p[i].indicator, pp->actual, actual, sizeof(actual));
        if (pp->shortfall > 0) {
            value_text(t, p[i].indicator, pp->shortfall, gap, sizeof(gap));
        }
        cells[0] = tui_code_text(t, "pair_indicator", p[i].indicator);
        cells[1] = target;
        cells[2] = actual;
        cells[3] = rate;
        cells[4] = gap;
        cells[5] = pair_status_label(pp->status);
        view_row_mark(v, 0, 0, cells, pp->status == PST_BEHIND || pp->status == PST_SHORT);
    }
}

static void
record_rows(struct tui *t, struct view *v, const struct record_row *r, size_t n,
            int year)
{
    static const struct table_col cols[] = {
        {N_("date"), 10, 0, 0, 0},
        {N_("indicator"), 10, 0, 0, 0},
        {N_("arrived"), 10, 1, 1, 0},
        {N_("evidence"), 10, 0, 0, 1},
        {N_("place"), 8, 0, 0, 0},
    };
    size_t i;
    int any = 0;

    for (i = 0; i < n; i++) {
        char day[DATE_BUF], value[64];
        const char *cells[5];

        if (date_year(r[i].r.day) != year) {
            continue;
        }
        if (!any++) {
            view_blank(v);
            view_table(v, cols, ARRAY_SIZE(cols));
        }
        date_format(r[i].r.day, day);
        value_text(t, r[i].r.indicator, r[i].r.value, value, sizeof(value));
        cells[0] = day;
        cells[1] = tui_code_text(t, "pair_indicator", r[i].r.indicator);
        cells[2] = value;
        cells[3] = r[i].r.evidence;
        cells[4] = place_text(r[i].place);
        view_row(v, REF_RECORD, r[i].r.id, cells);
    }
}

/* Everything the partner screen shows, read at once. */
struct partner_data {
    struct partner p;
    struct pairing_row *pairings;
    struct agreement_row *agr;
    struct record_row *rec;
    size_t npairings, nagr, nrec;
};

static void
partner_data_free(struct partner_data *d)
{
    size_t i;

    partner_clear(&d->p);
    for (i = 0; i < d->npairings; i++) {
        pairing_clear(&d->pairings[i].p);
    }
    free(d->pairings);
    free(d->agr);
    free(d->rec);
}

static int
partner_data_read(struct tui *t, int64_t id, struct partner_data *d, struct err *e)
{
    struct rule_ctx rc = app_rule_ctx(t->app);
    struct pair_filter f;

    memset(d, 0, sizeof(*d));
    partner_init(&d->p);
    pair_filter_init(&f);
    f.partner_id = id;
    return db_partner_get(t->app->db, id, &d->p, e) ||
                   db_pairing_list(t->app->db, id, &d->pairings, &d->npairings, e) ||
                   db_agreement_list(t->app->db, &rc, &f, &d->agr, &d->nagr, e) ||
                   db_pair_record_list(t->app->db, &t->app->actor, &f, &d->rec, &d->nrec, e)
               ? -1
               : 0;
}

/* The newest year before BELOW with an agreement or a record, or 0. */
static int
next_year(const struct partner_data *d, int below)
{
    int best = 0;
    size_t i;

    for (i = 0; i < d->nagr; i++) {
        if (d->agr[i].a.year < below && d->agr[i].a.year > best) {
            best = d->agr[i].a.year;
        }
    }
    for (i = 0; i < d->nrec; i++) {
        int y = date_year(d->rec[i].r.day);

        if (y < below && y > best) {
            best = y;
        }
    }
    return best;
}

static int
partner_year(struct tui *t, struct view *v, const struct partner_data *d, int year,
             struct err *e)
{
    struct rule_ctx rc = app_rule_ctx(t->app);
    struct progress_row *p;
    char title[64];
    size_t n, i;

    if (db_pair_progress(t->app->db, &rc, d->p.id, year, &p, &n, e) != 0) {
        return -1;
    }
    snprintf(title, sizeof(title), _("%d: targets against arrivals"), year);
    view_section(v, title);
    for (i = 0; i < d->nagr; i++) {
        if (d->agr[i].a.year == year) {
            view_pair_ref(v, _("Agreement: "),
                          d->agr[i].a.doc_no[0] ? d->agr[i].a.doc_no : _("(no document number)"),
                          REF_AGREEMENT, d->agr[i].a.id);
        }
    }
    if (n > 0) {
        progress_rows(t, v, p, n);
    }
    free(p);
    record_rows(t, v, d->rec, d->nrec, year);
    return 0;
}

static void
partner_basics(struct tui *t, struct view *v, const struct partner *p)
{
    view_section(v, _("Partner"));
    view_pair(v, _("Name: "), p->name);
    view_pair(v, _("Kind: "), code_label(tui_codes(t), "partner_kind", p->kind));
    view_pair(v, _("Level: "), code_label(tui_codes(t), "partner_level", p->level));
    view_pair(v, _("Region: "), p->region);
    view_pair(v, _("Contact: "), p->contact);
    view_pair(v, _("Phone: "), p->phone);
    if (p->note != NULL) {
        view_text(v, p->note);
    }
}

static int
partner_build(struct tui *t, void *ctx, struct view *v, struct err *e)
{
    struct partner_data d;
    char title[200];
    int year, rc;

    (void)ctx;
    rc = partner_data_read(t, v->id, &d, e);
    if (rc == 0) {
        snprintf(title, sizeof(title), _("Partner %s"), d.p.name);
        view_title(v, title);
        partner_basics(t, v, &d.p);
        view_section(v, _("Pairings"));
        pairing_rows(v, d.pairings, d.npairings);
        if (d.nagr == 0 && d.nrec == 0) {
            view_text(v, _("No agreement and no arrival yet: n records the year's agreement, r an arrival."));
        }
        for (year = next_year(&d, 10000); rc == 0 && year != 0; year = next_year(&d, year)) {
            rc = partner_year(t, v, &d, year, e);
        }
    }
    partner_data_free(&d);
    return rc;
}

static const struct view_link partner_links[] = {
    {REF_PAIRING, NULL, &pairing_form, 0},
    {REF_AGREEMENT, NULL, &agreement_form, 0},
    {REF_RECORD, NULL, &pair_record_form, 0},
    {0, NULL, NULL, 0},
};

/* n: the agreement under the cursor, else this year's, else a new one. */
static unsigned
partner_agreement(struct tui *t, int64_t partner, const struct view_ref *ref)
{
    struct err e;
    int64_t id = 0;

    if (ref != NULL && ref->kind == REF_AGREEMENT) {
        id = ref->id;
    } else if (db_agreement_find(t->app->db, partner, date_year(app_today()), &id, &e) != 0) {
        id = 0;
    }
    form_open(t, &agreement_form, 0, id, partner);
    return D_ALL;
}

static const struct keydef partner_view_keys[] = {
    {'g', 0, ACT_FORM1, "g", N_("new pairing"), KD_BAR | KD_WRITE},
    {'n', 0, ACT_FORM2, "n", N_("the year's agreement"), KD_BAR | KD_WRITE},
    {'r', 0, ACT_ADD, "r", N_("record an arrival"), KD_BAR | KD_WRITE},
    {0, 0, ACT_NONE, NULL, NULL, 0},
};

static unsigned
partner_view_action(struct tui *t, void *ctx, int action, const struct view_at *at)
{
    (void)ctx;
    switch (action) {
    case ACT_FORM1:
        form_open(t, &pairing_form, 0, 0, at->id);
        return D_ALL;
    case ACT_FORM2:
        return partner_agreement(t, at->id, at->ref);
    case ACT_ADD:
        form_open(t, &pair_record_form, 0, 0, at->id);
        return D_ALL;
    default:
        return 0;
    }
}

static const struct view_def partner_view = {
    .id = "partner",
    .title = N_("partner"),
    .help = N_("A partner: its data, its pairings, and for each year with an agreement or arrivals the targets against what arrived (rate, shortfall, status: 已完成, 进度正常, 进度滞后 while the year runs, 未完成 once it is over) with the year's records.  g adds a pairing, n edits the agreement under the cursor or this year's (or starts it), r records an arrival; Enter or e on a pairing, an agreement or a record edits it."),
    .build = partner_build,
    .links = partner_links,
    .print = partner_print,
    .form = &partner_form,
    .keys = partner_view_keys,
    .action = partner_view_action,
};

/* --- teams ---------------------------------------------------------------------- */

static const struct table_col team_cols[] = {
    {N_("place"), 12, 0, 0, 1},
    {N_("team"), 12, 0, 0, 1},
    {N_("term"), 15, 0, 0, 0},
    {N_("serving"), 4, 1, 1, 0},
    {N_("first secretary"), 8, 0, 0, 0},
    {N_("month"), 7, 0, 0, 0},
    {N_("breaking"), 4, 1, 1, 0},
};

static int
teams_load(struct tui *t, void *ctx, struct table_rows *out, struct err *e)
{
    struct pair_filter f = rows_filter(ctx);
    struct rule_ctx rc = app_rule_ctx(t->app);
    struct team_row *v;
    size_t n, i;

    if (db_team_list(t->app->db, &rc, &t->app->actor, &f, &v, &n, e) != 0) {
        return -1;
    }
    for (i = 0; i < n; i++) {
        char term[40], mo[MONTH_BUF] = "";

        table_add(out, v[i].t.id);
        table_set(out, 0, v[i].place);
        table_set(out, 1, v[i].t.name);
        term_text(v[i].t.term_start, v[i].t.term_end, term, sizeof(term));
        table_set(out, 2, term);
        table_set_int(out, 3, v[i].members);
        table_set(out, 4, v[i].secretary);
        if (v[i].month != 0) {
            month_format(v[i].month, mo);
            table_set_int(out, 6, v[i].att_broken);
        }
        table_set(out, 5, mo);
        if (v[i].flags != 0) {
            table_set_mark(out, '!');
        }
    }
    free(v);
    return 0;
}

static const struct table_def teams_def = {
    .id = "teams",
    .title = N_("resident teams"),
    .help = N_("The resident work teams (驻村第一书记和工作队) of the villages: term, members serving today, the 第一书记, and for the month of the filter (or the last month recorded) how many members broke the attendance rule.  ! marks a team with a warning: fewer members than the minimum, no 第一书记, a term shorter than the minimum, a member breaking the attendance rule."),
    .cols = team_cols,
    .ncols = ARRAY_SIZE(team_cols),
    .empty = N_("No resident team recorded yet: a adds one."),
    .tabs = pair_tabs,
    .filter_by = &team_filter,
    .load = teams_load,
    .view = &team_view,
    .form = &team_form,
    .print = teams_print,
    .export = "teams",
};

/* --- attendance ---------------------------------------------------------------- */

static const struct table_col attendance_cols[] = {
    {N_("place"), 12, 0, 0, 1},
    {N_("team member"), 6, 0, 0, 1},
    {N_("role"), 8, 0, 0, 0},
    {N_("present"), 4, 1, 1, 0},
    {N_("days required"), 6, 1, 1, 0},
    {N_("leave"), 4, 1, 1, 0},
    {N_("approved by"), 8, 0, 0, 1},
    {N_("absent"), 4, 1, 1, 0},
};

static int
attendance_load(struct tui *t, void *ctx, struct table_rows *out, struct err *e)
{
    struct pair_filter f = rows_filter(ctx);
    struct rule_ctx rc = app_rule_ctx(t->app);
    struct attendance_row *v;
    size_t n, i;

    if (db_attendance_list(t->app->db, &rc, &t->app->actor, &f, 0, &v, &n, e) != 0) {
        return -1;
    }
    for (i = 0; i < n; i++) {
        const struct attendance *a = &v[i].a;

        table_add(out, a->id);
        table_set(out, 0, v[i].place);
        table_set(out, 1, v[i].member);
        table_set(out, 2, tui_code_text(t, "team_role", v[i].role));
        table_set_int(out, 3, a->present);
        table_set_int(out, 4, v[i].j.required);
        table_set_int(out, 5, a->leave);
        if (a->leave > 0) {
            table_setf(out, 6, "%s %s", tui_code_text(t, "leave_approver", a->approver_level),
                       a->approver);
        }
        table_set_int(out, 7, a->absent);
        if (v[i].j.flags != 0) {
            table_set_mark(out, '!');
        }
    }
    free(v);
    return 0;
}

/* The team of attendance ID, or 0 when unreadable (said). */
static int64_t
attendance_team(struct tui *t, int64_t id)
{
    struct attendance a;
    struct team_member m;
    struct err e;
    int64_t team = 0;

    attendance_init(&a);
    team_member_init(&m);
    if (db_attendance_get(t->app->db, id, &a, &e) == 0 &&
        db_member_get(t->app->db, a.member_id, &m, &e) == 0) {
        team = m.team_id;
    } else {
        tui_message(t, 1, "%s", e.msg);
    }
    attendance_clear(&a);
    team_member_clear(&m);
    return team;
}

static const struct table_def attendance_def = {
    .id = "attendance",
    .title = N_("attendance"),
    .help = N_("The attendance of the resident teams' members in one month (the last month unless f chooses another): days in the village against the days required ({team_min_days_month} a month, the share of it for a member who served part of the month), leave with who approved it, days absent without leave.  ! marks a member with too few days in the village or absences without leave.  Enter opens the team."),
    .cols = attendance_cols,
    .ncols = ARRAY_SIZE(attendance_cols),
    .empty = N_("No attendance recorded for this month: a records a member's month."),
    .tabs = pair_tabs,
    .filter_by = &attendance_filter,
    .load = attendance_load,
    .view = &team_view,
    .view_id = attendance_team,
    .form = &attendance_form,
    .print = attendance_print,
    .export = "attendance",
};

/* --- the team's record ------------------------------------------------------------- */

/* Everything the team screen shows, read at once. */
struct team_data {
    struct team t;
    struct team_row row;            /* flags, place, serving */
    struct team_member *m;
    struct attendance_row *att;
    size_t nm, natt;
};

static void
team_data_free(struct team_data *d)
{
    size_t i;

    team_clear(&d->t);
    for (i = 0; i < d->nm; i++) {
        team_member_clear(&d->m[i]);
    }
    free(d->m);
    free(d->att);
}

/* D->row: the team's row of the list (its warnings). */
static int
team_row_read(struct tui *t, struct team_data *d, struct err *e)
{
    struct rule_ctx rc = app_rule_ctx(t->app);
    struct pair_filter f;
    struct team_row *v;
    size_t n, i;

    pair_filter_init(&f);
    f.township_id = d->t.township_id;
    f.village_id = d->t.village_id;
    if (db_team_list(t->app->db, &rc, &t->app->actor, &f, &v, &n, e) != 0) {
        return -1;
    }
    for (i = 0; i < n && v[i].t.id != d->t.id; i++) {
    }
    if (i < n) {
        d->row = v[i];
    }
    free(v);
    return i < n ? 0 : err_set(e, ERR_DENIED, "%s", _("this team is outside your scope"));
}

static int
team_data_read(struct tui *t, int64_t id, struct team_data *d, struct err *e)
{
    struct rule_ctx rc = app_rule_ctx(t->app);
    struct pair_filter f;

    memset(d, 0, sizeof(*d));
    team_init(&d->t);
    pair_filter_init(&f);
    return db_team_get(t->app->db, id, &d->t, e) || team_row_read(t, d, e) ||
                   db_member_list(t->app->db, id, &d->m, &d->nm, e) ||
                   db_attendance_list(t->app->db, &rc, &t->app->actor, &f, id, &d->att,
                                      &d->natt, e)
               ? -1
               : 0;
}

/* The team's warnings in words, with the numbers of the rules that
 * judged them (db_team_list): those of the team's day (team_day), of the
 * year its term began, of the month of attendance judged. */
static void
team_warnings(struct tui *t, struct view *v, const struct team_data *d)
{
    struct rule_ctx rc = app_rule_ctx(t->app);
    const struct rules *r = rules_in_force(&rc, date_year(team_day(&d->t, app_today())));
    unsigned flags = d->row.flags;
    char line[200];

    if (flags == 0) {
        return;
    }
    view_section(v, _("Warnings"));
    if (flags & TF_SMALL) {
        snprintf(line, sizeof(line), _("Fewer than %d members serving."), r->team_min_members);
        view_pair_mark(v, "! ", line, 1);
    }
    if (flags & TF_NO_SECRETARY) {
        view_pair_mark(v, "! ", _("No 第一书记 serving."), 1);
    }
    if (flags & TF_SHORT_TERM) {
        snprintf(line, sizeof(line), _("The term is shorter than %d years."),
                 rules_in_force(&rc, date_year(d->t.term_start))->team_min_term_years);
        view_pair_mark(v, "! ", line, 1);
    }
    if (flags & TF_ATTENDANCE) {
        snprintf(line, sizeof(line),
                 _("A member broke the attendance rule (at least %d days a month in the village, no absence without leave)."),
                 rules_in_force(&rc, d->row.month / 12)->team_min_days_month);
        view_pair_mark(v, "! ", line, 1);
    }
}

static void
team_basics(struct view *v, const struct team_data *d)
{
    char term[40];

    view_section(v, _("Team"));
    view_pair(v, _("Name: "), d->t.name);
    view_pair(v, _("Village: "), d->row.place);
    view_pair(v, _("Sent by: "), d->t.sent_by);
    term_text(d->t.term_start, d->t.term_end, term, sizeof(term));
    view_pair(v, _("Term: "), term);
    view_pairf(v, _("Serving: "), "%d", d->row.members);
    view_pair(v, _("First secretary: "), d->row.secretary);
    if (d->t.note != NULL) {
        view_text(v, d->t.note);
    }
}

static void
member_rows(struct tui *t, struct view *v, const struct team_member *m, size_t n)
{
    static const struct table_col cols[] = {
        {N_("name"), 6, 0, 0, 0},
        {N_("role"), 8, 0, 0, 0},
        {N_("sending unit"), 10, 0, 0, 1},
        {N_("level"), 4, 0, 0, 0},
        {N_("from"), 10, 0, 0, 0},
        {N_("to"), 10, 0, 0, 0},
        {N_("reason"), 6, 0, 0, 0},
    };
    size_t i;

    view_section(v, _("Team members"));
    if (n == 0) {
        view_text(v, _("No member yet: m adds one."));
        return;
    }
    view_table(v, cols, ARRAY_SIZE(cols));
    for (i = 0; i < n; i++) {
        char d1[DATE_BUF], d2[DATE_BUF];
        const char *cells[7];

        date_format(m[i].start, d1);
        date_format(m[i].end, d2);
        cells[0] = m[i].name;
        cells[1] = tui_code_text(t, "team_role", m[i].role);
        cells[2] = m[i].unit;
        cells[3] = tui_code_text(t, "unit_level", m[i].unit_level);
        cells[4] = d1;
        cells[5] = d2;
        cells[6] = tui_code_text(t, "member_end", m[i].end_reason);
        view_row(v, REF_MEMBER, m[i].id, cells);
    }
}

/* The newest month of A before BELOW, or -1. */
static int
newest_month(const struct attendance_row *a, size_t n, int below)
{
    int best = -1;
    size_t i;

    for (i = 0; i < n; i++) {
        if (a[i].a.month < below && a[i].a.month > best) {
            best = a[i].a.month;
        }
    }
    return best;
}

static void
attendance_rows(struct view *v, const struct attendance_row *a, size_t n)
{
    static const struct table_col cols[] = {
        {N_("month"), 7, 0, 0, 0},
        {N_("team member"), 6, 0, 0, 1},
        {N_("present"), 4, 1, 1, 0},
        {N_("days required"), 6, 1, 1, 0},
        {N_("leave"), 4, 1, 1, 0},
        {N_("absent"), 4, 1, 1, 0},
    };
    size_t i;
    int mo;

    view_section(v, _("Attendance"));
    if (n == 0) {
        view_text(v, _("No attendance recorded: k records a member's month."));
        return;
    }
    view_table(v, cols, ARRAY_SIZE(cols));
    for (mo = newest_month(a, n, 1 << 30); mo >= 0; mo = newest_month(a, n, mo)) {
        for (i = 0; i < n; i++) {
            char m[MONTH_BUF], p[12], r[12], l[12], ab[12];
            const char *cells[6];

            if (a[i].a.month != mo) {
                continue;
            }
            month_format(mo, m);
            snprintf(p, sizeof(p), "%d", a[i].a.present);
            snprintf(r, sizeof(r), "%d", a[i].j.required);
            snprintf(l, sizeof(l), "%d", a[i].a.leave);
            snprintf(ab, sizeof(ab), "%d", a[i].a.absent);
            cells[0] = m;
            cells[1] = a[i].member;
            cells[2] = p;
            cells[3] = r;
            cells[4] = l;
            cells[5] = ab;
            view_row_mark(v, REF_ATTENDANCE, a[i].a.id, cells, a[i].j.flags != 0);
        }
    }
}

static int
grade_rows(struct tui *t, struct view *v, const struct team_member *m, size_t n,
           struct err *e)
{
    static const struct table_col cols[] = {
        {N_("year"), 4, 0, 0, 0},
        {N_("team member"), 6, 0, 0, 1},
        {N_("grade"), 8, 0, 0, 0},
    };
    size_t i, k;
    int any = 0;

    view_section(v, _("Yearly grades"));
    for (i = 0; i < n; i++) {
        struct team_grade *g;
        size_t ng;

        if (db_grade_list(t->app->db, m[i].id, &g, &ng, e) != 0) {
            return -1;
        }
        for (k = 0; k < ng; k++) {
            char y[8];
            const char *cells[3];

            if (!any++) {
                view_table(v, cols, ARRAY_SIZE(cols));
            }
            snprintf(y, sizeof(y), "%d", g[k].year);
            cells[0] = y;
            cells[1] = m[i].name;
            cells[2] = code_label(tui_codes(t), "team_grade", g[k].grade);
            view_row(v, REF_GRADE, g[k].id, cells);
            team_grade_clear(&g[k]);
        }
        free(g);
    }
    if (!any) {
        view_text(v, _("No grade yet: g on a member grades a year (the county)."));
    }
    return 0;
}

static int
team_build(struct tui *t, void *ctx, struct view *v, struct err *e)
{
    struct team_data d;
    char title[200];
    int rc;

    (void)ctx;
    rc = team_data_read(t, v->id, &d, e);
    if (rc == 0) {
        snprintf(title, sizeof(title), _("Resident team %s"), d.t.name);
        view_title(v, title);
        team_warnings(t, v, &d);
        team_basics(v, &d);
        member_rows(t, v, d.m, d.nm);
        attendance_rows(v, d.att, d.natt);
        rc = grade_rows(t, v, d.m, d.nm, e);
    }
    team_data_free(&d);
    return rc;
}

static const struct view_link team_links[] = {
    {REF_MEMBER, NULL, &team_member_form, 0},
    {REF_ATTENDANCE, NULL, &attendance_form, 0},
    {REF_GRADE, NULL, &grade_form, 0},
    {0, NULL, NULL, 0},
};

/* The member under the cursor, or 0. */
static int64_t
ref_member(const struct view_ref *ref)
{
    return ref != NULL && ref->kind == REF_MEMBER ? ref->id : 0;
}

static const struct keydef team_view_keys[] = {
    {'m', 0, ACT_ADD, "m", N_("new member"), KD_BAR | KD_WRITE},
    {'k', 0, ACT_FORM1, "k", N_("attendance of a month"), KD_BAR | KD_WRITE},
    {'g', 0, ACT_FORM2, "g", N_("grade a year"), KD_BAR | KD_WRITE},
    {0, 0, ACT_NONE, NULL, NULL, 0},
};

static unsigned
team_view_action(struct tui *t, void *ctx, int action, const struct view_at *at)
{
    (void)ctx;
    switch (action) {
    case ACT_ADD:
        form_open(t, &team_member_form, 0, 0, at->id);
        return D_ALL;
    case ACT_FORM1:
        form_open(t, &attendance_form, 0, 0, ref_member(at->ref));
        return D_ALL;
    case ACT_FORM2:
        if (t->app->actor.scope_level != LEVEL_COUNTY) {
            tui_message(t, 1, "%s", _("Yearly grades are given by the county."));
            return D_STATUS;
        }
        form_open(t, &grade_form, 0, 0, ref_member(at->ref));
        return D_ALL;
    default:
        return 0;
    }
}

static const struct view_def team_view = {
    .id = "team",
    .title = N_("resident team"),
    .help = N_("A resident team: its warnings, data and term, its members with their roles, sending units and service, their monthly attendance (! marks a month breaking the rule) and yearly grades.  m adds a member, k records a month of attendance (of the member under the cursor), g grades the member under the cursor for a year (the county only); Enter or e on a member, a month or a grade edits it."),
    .build = team_build,
    .links = team_links,
    .print = team_print,
    .form = &team_form,
    .keys = team_view_keys,
    .action = team_view_action,
};

int
pair_open(struct tui *t)
{
    return table_open(t, &partners_def, 0);
}

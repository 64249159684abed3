/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * s_print_menus.c - the p key of the monitoring list (F2) and of the
 * funds (F3), paired-assistance (F4) and assessment (F5) workspaces: a
 * menu of the prints that fit the rows tagged or under the cursor, each
 * handed to the print dialog (tui/f_print.c).
 *
 * F2: the household cards (明白卡) of the tagged households or of the
 * one under the cursor, its village's publicity lists (识别, 风险消除
 * 公示名单), the visit worklists (走访任务清单).
 * F3: the
 * project publicity lists (村级, 乡镇, 县级审定公示, 年度计划公告), the
 * fund allocation announcement (资金分配结果公告) of a receipt or of a
 * year, the asset ledger (资产台账) of a village, a township or all the
 * account sees.
 * F5: the summary of an assessment round (考核结果汇总), or of one
 * unit's scoring sheet in it.
 * F4: a partner's targets against actuals for a year (帮扶单位年度目标任务
 * 完成情况表), a team's monthly attendance sheet (驻村工作队员月度在岗情况表)
 * or those of every team of its village.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/date.h"
#include "core/funds.h"
#include "core/pair.h"
#include "core/project.h"
#include "db/db_division.h"
#include "db/db_assess.h"
#include "db/db_fund.h"
#include "db/db_list.h"
#include "db/db_pair.h"
#include "print/print.h"
#include "tui/form.h"
#include "tui/s_menu.h"
#include "tui/screen.h"
#include "tui/table.h"
#include "tui/tui.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/idset.h"
#include "util/xalloc.h"

/* What each item of the menu prints. */
struct fp_item {
    struct print_request r;
    int64_t household;      /* the one household of a card */
    char what[600];         /* what the print dialog says it prints */
};

struct fp_menu {
    struct menu *menu;
    struct fp_item item[8];
    size_t n;
    int64_t *ids;           /* the projects or households of the items
                               printing several */
    size_t nids;
};

static void
fp_free(void *ctx)
{
    struct fp_menu *m = ctx;

    free(m->ids);
    free(m);
}

static unsigned
fp_chosen(void *ctx, struct tui *t, size_t i)
{
    struct fp_menu *m = ctx;

    if (i < m->n) {
        print_dialog(t, &m->item[i].r, m->item[i].what);
    }
    fp_free(m);
    return D_ALL;
}

/* A new menu "Print", empty. */
static struct fp_menu *
fp_new(void)
{
    struct fp_menu *m = xcalloc(1, sizeof(*m));

    m->menu = menu_new(_("Print"), fp_chosen, m);
    m->menu->free_ctx = fp_free;
    return m;
}

/* A new item of M of KIND: LINE in the menu, WHAT in the print dialog. */
static struct print_request *
fp_item(struct fp_menu *m, enum print_kind kind, const char *line, const char *what)
{
    struct fp_item *it = &m->item[m->n++];

    print_request_init(&it->r, kind);
    snprintf(it->what, sizeof(it->what), "%s", what);
    menu_add(m->menu, line);
    return &it->r;
}

/* A new item of M of KIND, described as FMT says (its line and what the
 * dialog says alike). */
static struct print_request *fp_add(struct fp_menu *m, enum print_kind kind,
                                    const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static struct print_request *
fp_add(struct fp_menu *m, enum print_kind kind, const char *fmt, ...)
{
    char what[600];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(what, sizeof(what), fmt, ap);
    va_end(ap);
    return fp_item(m, kind, what, what);
}

/* The ids IDS (N) the items printing several print: M keeps a copy. */
static const int64_t *
fp_ids(struct fp_menu *m, const int64_t *ids, size_t n)
{
    m->ids = xcalloc(n, sizeof(*m->ids));
    memcpy(m->ids, ids, n * sizeof(*ids));
    m->nids = n;
    return m->ids;
}

static unsigned
fp_open(struct tui *t, struct fp_menu *m)
{
    menu_open(t, m->menu);
    return D_ALL;
}

/* The record to print is not there (any more): say WHY. */
static unsigned
fp_gone(struct tui *t, const char *why)
{
    tui_message(t, 1, "%s", why);
    return D_STATUS;
}

/* The name of division ID ("" when unknown). */
static void
division_name(struct tui *t, int64_t id, char *out, size_t n)
{
    struct division d;

    out[0] = '\0';
    if (id != 0 && db_division_get(t->app->db, id, &d, NULL) == 0) {
        snprintf(out, n, "%s", d.name);
    }
}

/* The county's announcements of risk elimination (风险消除公告) of the
 * township of row R: this quarter up to today, and the quarter before. */
static void
elimination_items(struct fp_menu *m, const struct list_row *r)
{
    int today = app_today(), y, mo, d, q, from, i;

    date_to_ymd(today, &y, &mo, &d);
    from = date_from_ymd(y, (mo - 1) / 3 * 3 + 1, 1);
    for (i = 0; i < 2; i++) {
        struct print_request *pr;
        char a[DATE_BUF], b[DATE_BUF];
        int to = i == 0 ? today : from - 1;

        if (i == 1) {
            from = date_add_months(from, -3);
        }
        date_to_ymd(from, &y, &mo, &d);
        q = (mo - 1) / 3 + 1;
        date_format(from, a);
        date_format(to, b);
        pr = fp_add(m, PK_ELIMINATION, _("Risk elimination announcement of %s, %d Q%d (%s to %s)"),
                    r->township, y, q, a, b);
        pr->township = r->township_id;
        pr->pub_start = from;
        pr->pub_end = to;
    }
}

/* The card of the household of row R and its village's publicity lists. */
static void
households_row(struct fp_menu *m, const struct list_row *r)
{
    struct fp_item *card = &m->item[m->n];
    struct print_request *pr;
    char line[600], what[600], place[420];

    snprintf(line, sizeof(line), _("Household card of %s"), r->head);
    snprintf(what, sizeof(what), _("household card of %s"), r->head);
    pr = fp_item(m, PK_CARD, line, what);
    card->household = r->id;
    pr->households = &card->household;
    pr->nhouseholds = 1;
    snprintf(place, sizeof(place), "%s %s", r->township, r->village);
    snprintf(line, sizeof(line), _("Publicity list of %s (households in publicity)"), place);
    snprintf(what, sizeof(what), _("publicity list of %s"), place);
    fp_item(m, PK_PUBLICITY, line, what)->village = r->village_id;
    snprintf(line, sizeof(line), _("Elimination publicity list of %s"), place);
    snprintf(what, sizeof(what), _("elimination publicity list of %s"), place);
    pr = fp_item(m, PK_PUBLICITY, line, what);
    pr->village = r->village_id;
    pr->elimination = 1;
    elimination_items(m, r);
}

unsigned
households_print(struct tui *t, const struct idset *tags, const struct list_row *r,
                 int64_t cadre)
{
    struct fp_menu *m = fp_new();
    struct print_request *pr;
    char line[600], what[600];

    if (tags != NULL && tags->n > 0) {
        snprintf(line, sizeof(line), _("Household cards of the %zu tagged households"), tags->n);
        snprintf(what, sizeof(what), _("household cards of the %zu tagged households"), tags->n);
        pr = fp_item(m, PK_CARD, line, what);
        pr->households = fp_ids(m, tags->v, tags->n);
        pr->nhouseholds = tags->n;
    }
    if (r != NULL) {
        households_row(m, r);
    }
    if (cadre != 0) {
        pr = fp_item(m, PK_VISITS, _("Visit worklist of the cadre filtered (due within 7 days, and late)"),
                     _("visit worklists: visits due within 7 days and late ones"));
        pr->cadre = cadre;
    } else {
        fp_item(m, PK_VISITS, _("Visit worklists per cadre (due within 7 days, and late)"),
                _("visit worklists: visits due within 7 days and late ones"));
    }
    return fp_open(t, m);
}

unsigned
funds_print_projects(struct tui *t, const int64_t *ids, size_t n)
{
    static const enum proj_pub stages[] = {PP_VILLAGE, PP_TOWNSHIP, PP_COUNTY, PP_PLAN};
    struct fp_menu *m;
    struct project p;
    char whom[400];
    size_t i;
    int year;

    if (n == 0) {
        return fp_gone(t, _("No project to print."));
    }
    project_init(&p);
    if (db_project_get(t->app->db, ids[0], &p, NULL) != 0) {
        project_clear(&p);
        return fp_gone(t, _("The project is no longer there."));
    }
    year = p.year;
    if (n == 1) {
        snprintf(whom, sizeof(whom), _("project %s %s"), p.proj_no, p.name);
    } else {
        snprintf(whom, sizeof(whom), _("the %zu tagged projects"), n);
    }
    project_clear(&p);
    m = fp_new();
    fp_ids(m, ids, n);
    for (i = 0; i < ARRAY_SIZE(stages); i++) {
        struct print_request *r = fp_add(m, PK_PROJECTS, _("%s: %s"),
                                         prints_projects_title(stages[i]), whom);

        r->stage = stages[i];
        r->projects = m->ids;
        r->nprojects = n;
    }
    fp_add(m, PK_PROJECTS, _("%s: every project of %d in the plan"),
           prints_projects_title(PP_PLAN), year)->year = year;
    return fp_open(t, m);
}

unsigned
funds_print_receipt(struct tui *t, int64_t fund, int one)
{
    struct fp_menu *m;
    struct fund f;

    fund_init(&f);
    if (db_fund_get(t->app->db, fund, &f, NULL) != 0) {
        fund_clear(&f);
        return fp_gone(t, _("The receipt is no longer there."));
    }
    m = fp_new();
    if (one) {
        fp_add(m, PK_ALLOCATION, _("Fund allocation announcement of receipt %s"),
               f.doc_no)->fund = fund;
    }
    fp_add(m, PK_ALLOCATION, _("Fund allocation announcement of every receipt of %d"),
           f.year)->year = f.year;
    fund_clear(&f);
    return fp_open(t, m);
}

unsigned
funds_print_assets(struct tui *t, int64_t asset)
{
    struct fp_menu *m;
    struct asset a;
    char name[200];

    asset_init(&a);
    if (db_asset_get(t->app->db, asset, &a, NULL) != 0) {
        asset_clear(&a);
        return fp_gone(t, _("The asset is no longer there."));
    }
    m = fp_new();
    if (a.village_id != 0) {
        division_name(t, a.village_id, name, sizeof(name));
        fp_add(m, PK_ASSETS, _("Asset ledger of %s"), name)->village = a.village_id;
    }
    if (a.township_id != 0) {
        division_name(t, a.township_id, name, sizeof(name));
        fp_add(m, PK_ASSETS, _("Asset ledger of %s"), name)->township = a.township_id;
    }
    fp_add(m, PK_ASSETS, "%s", _("Asset ledger of every asset you can see"));
    asset_clear(&a);
    return fp_open(t, m);
}

unsigned
pair_print_partner(struct tui *t, int64_t partner, int year)
{
    struct fp_menu *m;
    struct partner p;
    int y;

    partner_init(&p);
    if (db_partner_get(t->app->db, partner, &p, NULL) != 0) {
        partner_clear(&p);
        return fp_gone(t, _("The partner is no longer there."));
    }
    m = fp_new();
    for (y = year; y >= year - 1; y--) {
        struct print_request *r = fp_add(m, PK_PARTNER, _("Targets against actuals of %s in %d"),
                                         p.name, y);

        r->partner = partner;
        r->year = y;
    }
    partner_clear(&p);
    return fp_open(t, m);
}

unsigned
pair_print_team(struct tui *t, int64_t team, int month)
{
    struct fp_menu *m;
    struct team tm;
    struct print_request *r;
    char mon[MONTH_BUF], name[200];
    int k;

    team_init(&tm);
    if (db_team_get(t->app->db, team, &tm, NULL) != 0) {
        team_clear(&tm);
        return fp_gone(t, _("The team is no longer there."));
    }
    m = fp_new();
    for (k = 0; k < 2; k++) {
        month_format(month - k, mon);
        r = fp_add(m, PK_ATTENDANCE, _("Attendance sheet of %s for %s"), tm.name, mon);
        r->team = team;
        r->month = month - k;
    }
    division_name(t, tm.village_id, name, sizeof(name));
    month_format(month, mon);
    r = fp_add(m, PK_ATTENDANCE, _("Attendance sheets of every team of %s for %s"), name, mon);
    r->township = tm.township_id;
    r->village = tm.village_id;
    r->month = month;
    team_clear(&tm);
    return fp_open(t, m);
}

unsigned
assess_print_round(struct tui *t, int64_t round, int64_t unit)
{
    struct fp_menu *m;
    struct assess_round r;
    struct assess_unit_row *u = NULL;
    struct print_request *pr;
    size_t n = 0, i;

    memset(&r, 0, sizeof(r));
    if (db_round_get(t->app->db, round, &r, NULL) != 0) {
        assess_round_clear(&r);
        return fp_gone(t, _("The round is no longer there."));
    }
    m = fp_new();
    if (unit != 0 && db_round_units(t->app->db, round, &u, &n, NULL) == 0) {
        for (i = 0; i < n && u[i].id != unit; i++) {
        }
        if (i < n) {
            pr = fp_add(m, PK_ASSESSMENT, _("Assessment of %s in %s"), u[i].name, r.title);
            pr->round = round;
            pr->unit = unit;
        }
    }
    free(u);
    fp_add(m, PK_ASSESSMENT, _("Summary of %s: the ranking and every unit's sheet"),
           r.title)->round = round;
    assess_round_clear(&r);
    return fp_open(t, m);
}

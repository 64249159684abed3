/*
 * s_print_menus.c - the p key of the funds (F3) and paired-assistance
 * (F4) workspaces: a menu of the prints that fit the rows tagged or under
 * the cursor, each handed to the print dialog (tui/f_print.c).
 *
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
#include "util/xalloc.h"

/* What each item of the menu prints. */
struct fp_item {
    struct print_request r;
    char what[600];
};

struct fp_menu {
    struct menu *menu;
    struct fp_item item[8];
    size_t n;
    int64_t *projects;      /* the projects the publicity items print */
    size_t nprojects;
};

static void
fp_free(void *ctx)
{
    struct fp_menu *m = ctx;

    free(m->projects);
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

/* A new item of M of KIND, described as FMT says (also the menu's line). */
static struct print_request *fp_add(struct fp_menu *m, enum print_kind kind,
                                    const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static struct print_request *
fp_add(struct fp_menu *m, enum print_kind kind, const char *fmt, ...)
{
    struct fp_item *it = &m->item[m->n++];
    va_list ap;

    print_request_init(&it->r, kind);
    va_start(ap, fmt);
    vsnprintf(it->what, sizeof(it->what), fmt, ap);
    va_end(ap);
    menu_add(m->menu, it->what);
    return &it->r;
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
    m->projects = xcalloc(n, sizeof(*m->projects));
    memcpy(m->projects, ids, n * sizeof(*ids));
    m->nprojects = n;
    for (i = 0; i < ARRAY_SIZE(stages); i++) {
        struct print_request *r = fp_add(m, PK_PROJECTS, _("%s: %s"),
                                         prints_projects_title(stages[i]), whom);

        r->stage = stages[i];
        r->projects = m->projects;
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

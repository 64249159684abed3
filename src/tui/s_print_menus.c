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

/* A new item of M of KIND, its description WHAT also the menu's line. */
static struct print_request *
fp_add(struct fp_menu *m, struct menu *mn, enum print_kind kind, const char *what)
{
    struct fp_item *it = &m->item[m->n++];

    print_request_init(&it->r, kind);
    snprintf(it->what, sizeof(it->what), "%s", what);
    menu_add(mn, what);
    return &it->r;
}

static void
fp_open(struct tui *t, struct fp_menu *m, struct menu *mn)
{
    mn->free_ctx = fp_free;
    menu_open(t, mn);
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
    struct menu *mn;
    struct project p;
    char what[600], whom[400];
    size_t i;
    int year;

    if (n == 0) {
        tui_message(t, 1, "%s", _("No project to print."));
        return D_STATUS;
    }
    project_init(&p);
    if (db_project_get(t->app->db, ids[0], &p, NULL) != 0) {
        project_clear(&p);
        tui_message(t, 1, "%s", _("The project is no longer there."));
        return D_STATUS;
    }
    year = p.year;
    if (n == 1) {
        snprintf(whom, sizeof(whom), _("project %s %s"), p.proj_no, p.name);
    } else {
        snprintf(whom, sizeof(whom), _("the %zu tagged projects"), n);
    }
    project_clear(&p);
    m = xcalloc(1, sizeof(*m));
    m->projects = xcalloc(n, sizeof(*m->projects));
    memcpy(m->projects, ids, n * sizeof(*ids));
    m->nprojects = n;
    mn = menu_new(_("Print"), fp_chosen, m);
    for (i = 0; i < ARRAY_SIZE(stages); i++) {
        struct print_request *r;

        snprintf(what, sizeof(what), _("%s: %s"), prints_projects_title(stages[i]), whom);
        r = fp_add(m, mn, PK_PROJECTS, what);
        r->stage = stages[i];
        r->projects = m->projects;
        r->nprojects = n;
    }
    snprintf(what, sizeof(what), _("%s: every project of %d in the plan"),
             prints_projects_title(PP_PLAN), year);
    fp_add(m, mn, PK_PROJECTS, what)->year = year;
    fp_open(t, m, mn);
    return D_ALL;
}

unsigned
funds_print_receipt(struct tui *t, int64_t fund, int one)
{
    struct fp_menu *m;
    struct menu *mn;
    struct fund f;
    char what[600];

    fund_init(&f);
    if (db_fund_get(t->app->db, fund, &f, NULL) != 0) {
        fund_clear(&f);
        tui_message(t, 1, "%s", _("The receipt is no longer there."));
        return D_STATUS;
    }
    m = xcalloc(1, sizeof(*m));
    mn = menu_new(_("Print"), fp_chosen, m);
    if (one) {
        snprintf(what, sizeof(what), _("Fund allocation announcement of receipt %s"), f.doc_no);
        fp_add(m, mn, PK_ALLOCATION, what)->fund = fund;
    }
    snprintf(what, sizeof(what), _("Fund allocation announcement of every receipt of %d"), f.year);
    fp_add(m, mn, PK_ALLOCATION, what)->year = f.year;
    fund_clear(&f);
    fp_open(t, m, mn);
    return D_ALL;
}

unsigned
funds_print_assets(struct tui *t, int64_t asset)
{
    struct fp_menu *m;
    struct menu *mn;
    struct asset a;
    struct print_request *r;
    char what[600], name[200];

    asset_init(&a);
    if (db_asset_get(t->app->db, asset, &a, NULL) != 0) {
        asset_clear(&a);
        tui_message(t, 1, "%s", _("The asset is no longer there."));
        return D_STATUS;
    }
    m = xcalloc(1, sizeof(*m));
    mn = menu_new(_("Print"), fp_chosen, m);
    if (a.village_id != 0) {
        division_name(t, a.village_id, name, sizeof(name));
        snprintf(what, sizeof(what), _("Asset ledger of %s"), name);
        r = fp_add(m, mn, PK_ASSETS, what);
        r->village = a.village_id;
    }
    if (a.township_id != 0) {
        division_name(t, a.township_id, name, sizeof(name));
        snprintf(what, sizeof(what), _("Asset ledger of %s"), name);
        fp_add(m, mn, PK_ASSETS, what)->township = a.township_id;
    }
    fp_add(m, mn, PK_ASSETS, _("Asset ledger of every asset you can see"));
    asset_clear(&a);
    fp_open(t, m, mn);
    return D_ALL;
}

unsigned
pair_print_partner(struct tui *t, int64_t partner, int year)
{
    struct fp_menu *m;
    struct menu *mn;
    struct partner p;
    char what[600];
    int y;

    partner_init(&p);
    if (db_partner_get(t->app->db, partner, &p, NULL) != 0) {
        partner_clear(&p);
        tui_message(t, 1, "%s", _("The partner is no longer there."));
        return D_STATUS;
    }
    m = xcalloc(1, sizeof(*m));
    mn = menu_new(_("Print"), fp_chosen, m);
    for (y = year; y >= year - 1; y--) {
        struct print_request *r;

        snprintf(what, sizeof(what), _("Targets against actuals of %s in %d"), p.name, y);
        r = fp_add(m, mn, PK_PARTNER, what);
        r->partner = partner;
        r->year = y;
    }
    partner_clear(&p);
    fp_open(t, m, mn);
    return D_ALL;
}

unsigned
pair_print_team(struct tui *t, int64_t team, int month)
{
    struct fp_menu *m;
    struct menu *mn;
    struct team tm;
    struct print_request *r;
    char what[600], mon[MONTH_BUF], name[200];
    int k;

    team_init(&tm);
    if (db_team_get(t->app->db, team, &tm, NULL) != 0) {
        team_clear(&tm);
        tui_message(t, 1, "%s", _("The team is no longer there."));
        return D_STATUS;
    }
    m = xcalloc(1, sizeof(*m));
    mn = menu_new(_("Print"), fp_chosen, m);
    for (k = 0; k < 2; k++) {
        month_format(month - k, mon);
        snprintf(what, sizeof(what), _("Attendance sheet of %s for %s"), tm.name, mon);
        r = fp_add(m, mn, PK_ATTENDANCE, what);
        r->team = team;
        r->month = month - k;
    }
    division_name(t, tm.village_id, name, sizeof(name));
    month_format(month, mon);
    snprintf(what, sizeof(what), _("Attendance sheets of every team of %s for %s"), name, mon);
    r = fp_add(m, mn, PK_ATTENDANCE, what);
    r->township = tm.township_id;
    r->village = tm.village_id;
    r->month = month;
    team_clear(&tm);
    fp_open(t, m, mn);
    return D_ALL;
}

unsigned
assess_print_round(struct tui *t, int64_t round, int64_t unit)
{
    struct fp_menu *m;
    struct menu *mn;
    struct assess_round r;
    struct assess_unit_row *u = NULL;
    struct print_request *pr;
    char what[600];
    size_t n = 0, i;

    memset(&r, 0, sizeof(r));
    if (db_round_get(t->app->db, round, &r, NULL) != 0) {
        assess_round_clear(&r);
        tui_message(t, 1, "%s", _("The round is no longer there."));
        return D_STATUS;
    }
    m = xcalloc(1, sizeof(*m));
    mn = menu_new(_("Print"), fp_chosen, m);
    if (unit != 0 && db_round_units(t->app->db, round, &u, &n, NULL) == 0) {
        for (i = 0; i < n && u[i].id != unit; i++) {
        }
        if (i < n) {
            snprintf(what, sizeof(what), _("Assessment of %s in %s"), u[i].name, r.title);
            pr = fp_add(m, mn, PK_ASSESSMENT, what);
            pr->round = round;
            pr->unit = unit;
        }
    }
    free(u);
    snprintf(what, sizeof(what), _("Summary of %s: the ranking and every unit's sheet"), r.title);
    fp_add(m, mn, PK_ASSESSMENT, what)->round = round;
    assess_round_clear(&r);
    fp_open(t, m, mn);
    return D_ALL;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cmd_print.c - `zhenxing print KIND ...`: the prints of the screens for
 * cron and scripts, to the print command or to a file: household cards,
 * publicity lists, the county's announcement of risk elimination and
 * visit worklists, the funds prints (project
 * publicity, fund allocation announcement, asset ledger) and the pairing
 * prints (a partner's targets and actuals, a team's attendance).
 */
#include "config.h"
#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "app.h"
#include "cli/opts.h"
#include "core/date.h"
#include "core/doc.h"
#include "core/household.h"
#include "core/project.h"
#include "core/role.h"
#include "db/db_division.h"
#include "db/db_fund.h"
#include "db/db_household.h"
#include "db/db_pair.h"
#include "db/db_print.h"
#include "print/print.h"
#include "print/printers.h"
#include "print/prints.h"
#include "sheet/sheet.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

struct print_args {
    struct print_request r;
    struct print_dest d;
    const char *village;        /* publicity: the village; projects, assets: the
                                   place; attendance: the place or the team's id */
    const char *cadre;
    const char *receipt;        /* allocation: the receipt's id or 文号 */
    const char *partner;        /* partner: its name or id */
    const char *source;         /* feedback: the department */
    const char **hh_nos;
    size_t nhh;
    int format;                 /* --format: enum print_format */
};

/* A whole number from LO to HI into *OUT; -1 when S is not one. */
static int whole(const char *s, int lo, int hi, int *out)
{
    long v;

    if (!cli_parse_long(s, lo, hi, &v)) {
        return -1;
    }
    *out = (int)v;
    return 0;
}

/* --stage: which publicity of the projects. */
static int stage_option(void *args, const char *v)
{
    struct print_args *p = args;
    enum proj_pub pub;

    if (proj_pub_parse(v, &pub) < 0) {
        return -1;
    }
    p->r.stage = (int)pub;
    return 0;
}

#define KIND(k) (1u << (k))
#define AT(member) offsetof(struct print_args, member)

static const char *const formats[] = {[PF_PDF] = "pdf", [PF_TEXT] = "text", NULL};

static const struct cli_opt print_opts[] = {
    {.name = "--force", .kind = OPT_FLAG, .off = AT(d.overwrite)},
    {.name = "--format", .kind = OPT_CHOICE, .off = AT(format), .choices = formats,
     .bad = N_("--format takes pdf or text")},
    {.name = "--output", .alias = "-o", .kind = OPT_TEXT, .off = AT(d.path)},
    {.name = "--printer", .kind = OPT_TEXT, .off = AT(d.printer)},
    {.name = "--copies", .kind = OPT_INT, .off = AT(d.copies), .lo = 1, .hi = 99},
    {.name = "--elimination", .kind = OPT_FLAG, .off = AT(r.elimination),
     .modes = KIND(PK_PUBLICITY)},
    {.name = "--days", .kind = OPT_INT, .off = AT(r.days), .lo = 0, .hi = 366,
     .modes = KIND(PK_VISITS)},
    {.name = "--cadre", .kind = OPT_TEXT, .off = AT(cadre), .modes = KIND(PK_VISITS)},
    {.name = "--stage", .kind = OPT_CALL, .call = stage_option, .modes = KIND(PK_PROJECTS),
     .bad = N_("--stage takes village, township, county or plan")},
    {.name = "--from", .kind = OPT_DATE, .off = AT(r.pub_start),
     .modes = KIND(PK_PROJECTS) | KIND(PK_ELIMINATION)},
    {.name = "--to", .kind = OPT_DATE, .off = AT(r.pub_end),
     .modes = KIND(PK_PROJECTS) | KIND(PK_ELIMINATION)},
    {.name = "--year", .kind = OPT_INT, .off = AT(r.year), .lo = 2000, .hi = 2100,
     .modes = KIND(PK_ALLOCATION) | KIND(PK_PARTNER),
     .bad = N_("--year takes a year from 2000 to 2100")},
    {.name = "--month", .kind = OPT_MONTH, .off = AT(r.month), .modes = KIND(PK_ATTENDANCE)},
    {.name = "--source", .kind = OPT_TEXT, .off = AT(source), .modes = KIND(PK_FEEDBACK)},
    {.name = NULL},
};

/* Positional argument A; 0, or the exit status of a usage error. */
static int argument(const struct cmd *c, void *args, const char *a)
{
    struct print_args *p = args;

    if (p->r.kind == PK_CARD) {
        p->hh_nos[p->nhh++] = a;
    } else if (p->r.kind == PK_PROJECTS && p->r.year == 0) {
        if (whole(a, 2000, 2100, &p->r.year) < 0) {
            return cli_usage_error(c, _("'%s' is not a year from 2000 to 2100"), a);
        }
    } else if ((p->r.kind == PK_PUBLICITY || p->r.kind == PK_PROJECTS ||
                p->r.kind == PK_ASSETS || p->r.kind == PK_ATTENDANCE ||
                p->r.kind == PK_FEEDBACK || p->r.kind == PK_ELIMINATION) &&
               p->village == NULL) {
        p->village = a;
    } else if (p->r.kind == PK_PARTNER && p->partner == NULL) {
        p->partner = a;
    } else if (p->r.kind == PK_ALLOCATION && p->receipt == NULL) {
        p->receipt = a;
    } else {
        return cli_usage_error(c, _("unexpected argument '%s'"), a);
    }
    return 0;
}

/* What each kind cannot do without; 0, or the exit status. */
static int complete(const struct cmd *c, const struct print_args *p)
{
    const struct print_request *r = &p->r;

    if (r->kind == PK_CARD && p->nhh == 0) {
        return cli_usage_error(c, "%s", _("give the numbers of the households to print"));
    }
    if (r->kind == PK_PUBLICITY && p->village == NULL) {
        return cli_usage_error(c, "%s", _("give the village, as 乡镇/村 or its code"));
    }
    if (r->kind == PK_PROJECTS && r->year == 0) {
        return cli_usage_error(c, "%s", _("give the year of the projects"));
    }
    if ((r->pub_start == DATE_NONE) != (r->pub_end == DATE_NONE) ||
        (r->pub_start != DATE_NONE && r->pub_end < r->pub_start)) {
        return cli_usage_error(c, "%s", _("give --from and --to, the first day not after the last"));
    }
    if (r->kind == PK_ALLOCATION && (p->receipt == NULL) == (r->year == 0)) {
        return cli_usage_error(c, "%s", _("give the receipt (its id or document number) or --year, not both"));
    }
    if (r->kind == PK_PARTNER && p->partner == NULL) {
        return cli_usage_error(c, "%s", _("give the partner, by its name or id"));
    }
    if (r->kind == PK_PARTNER && r->year == 0) {
        return cli_usage_error(c, "%s", _("give the year of the targets with --year"));
    }
    if (r->kind == PK_ATTENDANCE && p->village == NULL) {
        return cli_usage_error(c, "%s", _("give the team (its id) or the place, as 乡镇/村"));
    }
    if (r->kind == PK_ATTENDANCE && r->month == 0) {
        return cli_usage_error(c, "%s", _("give the month with --month YYYY-MM"));
    }
    if (r->kind == PK_FEEDBACK && (p->village == NULL || p->source == NULL)) {
        return cli_usage_error(c, "%s", _("give the township and the department (--source)"));
    }
    return 0;
}

static int parse(const struct cmd *c, struct print_args *p, int argc,
                 char **argv)
{
    enum print_kind kind;
    int rc;

    if (argc < 2) {
        return cli_usage_error(c, "%s", _("say what to print: card, publicity, elimination, visits, projects, allocation, assets, partner, attendance or feedback"));
    }
    if (print_kind_parse(argv[1], &kind) < 0) {
        return cli_usage_error(c, _("'%s' is not a print: card, publicity, elimination, visits, projects, allocation, assets, partner, attendance or feedback"),
                               argv[1]);
    }
    print_request_init(&p->r, kind);
    p->hh_nos = xcalloc((size_t)argc, sizeof(*p->hh_nos));
    p->format = (int)p->d.format;
    rc = cli_opts_parse(c, print_opts, KIND(kind), argc, argv, 2, p, argument);
    p->d.format = (enum print_format)p->format;
    if (rc != 0) {
        return rc;
    }
    return complete(c, p);
}

/* The receipt named S: its id, or its document number (文号). */
static int receipt_id(struct app *a, const char *s, int64_t *id, struct err *e)
{
    struct fund_row *v = NULL;
    struct funds_filter f;
    size_t n = 0, i, found = 0;
    long num;

    if (cli_parse_long(s, 1, 2147483647L, &num)) {
        *id = num;
        return 0;
    }
    funds_filter_init(&f);
    if (db_fund_list(a->db, &f, &v, &n, e) < 0) {
        return -1;
    }
    for (i = 0; i < n; i++) {
        if (strcmp(v[i].f.doc_no, s) == 0) {
            *id = v[i].f.id;
            found++;
        }
    }
    free(v);
    if (found == 0) {
        return err_set(e, ERR_NOTFOUND, _("no receipt has the document number %s"), s);
    }
    if (found > 1) {
        return err_set(e, ERR_INVALID,
                       _("%zu receipts have the document number %s: give the receipt's id"),
                       found, s);
    }
    return 0;
}

/* The place named S: a village for the publicity list; a township or a
 * village for the funds prints. */
static int place_ids(struct app *a, struct print_args *p, struct err *e)
{
    struct division v;

    if (db_division_resolve(a->db, p->village, &v, e) < 0) {
        return -1;
    }
    if (v.level == LEVEL_VILLAGE) {
        p->r.village = v.id;
        p->r.township = v.parent_id;
    } else if (p->r.kind != PK_PUBLICITY && v.level == LEVEL_TOWNSHIP) {
        p->r.township = v.id;
    } else if (p->r.kind == PK_PUBLICITY) {
        return err_set(e, ERR_INVALID, _("%s is not a village: give it as 乡镇/村"), v.name);
    } else {
        return err_set(e, ERR_INVALID, _("%s is not a township or a village"), v.name);
    }
    return 0;
}

/* The partner named S: its id, or its name. */
static int partner_id(struct app *a, const char *s, int64_t *id, struct err *e)
{
    struct partner p;
    long num;
    int rc;

    if (!cli_parse_long(s, 1, 2147483647L, &num)) {
        return db_partner_find(a->db, s, id, e);
    }
    partner_init(&p);
    rc = db_partner_get(a->db, num, &p, NULL);
    partner_clear(&p);
    *id = num;
    return rc == 0 ? 0 : err_set(e, ERR_NOTFOUND, _("there is no partner with the id %s"), s);
}

/* Turn the names given into ids. */
static int resolve(struct app *a, struct print_args *p, int64_t **ids,
                   struct err *e)
{
    size_t i;
    long num;

    *ids = xcalloc(p->nhh ? p->nhh : 1, sizeof(**ids));
    for (i = 0; i < p->nhh; i++) {
        if (db_household_id(a->db, p->hh_nos[i], &(*ids)[i], e) < 0) {
            return -1;
        }
    }
    p->r.households = *ids;
    p->r.dept = p->source;
    p->r.nhouseholds = p->nhh;
    if (p->village && p->r.kind == PK_ATTENDANCE &&
        cli_parse_long(p->village, 1, 2147483647L, &num)) {
        p->r.team = num;
    } else if (p->village && place_ids(a, p, e) < 0) {
        return -1;
    }
    if (p->partner && partner_id(a, p->partner, &p->r.partner, e) < 0) {
        return -1;
    }
    if (p->receipt && receipt_id(a, p->receipt, &p->r.fund, e) < 0) {
        return -1;
    }
    if (p->cadre) {
        struct cadre k;

        if (cli_cadre_find(a, p->cadre, &k, e) < 0) {
            return -1;
        }
        p->r.cadre = k.id;
    }
    return 0;
}

/* The feedback sheet as a sheet when -o names a .csv or .xlsx file: 1
 * when it did (*RC the exit status), 0 for a print. */
static int feedback_as_sheet(struct app *a, struct print_args *p, int *rc)
{
    const char *dot = p->d.path != NULL ? strrchr(p->d.path, '.') : NULL;
    struct feedback_dest d = {p->d.path, SHEET_CSV, SHEET_ENC_UTF8, p->d.overwrite};
    struct print_env env;
    struct err e;
    size_t n = 0;

    if (p->r.kind != PK_FEEDBACK || dot == NULL ||
        (strcasecmp(dot, ".csv") != 0 && strcasecmp(dot, ".xlsx") != 0)) {
        return 0;
    }
    d.format = strcasecmp(dot, ".csv") == 0 ? SHEET_CSV : SHEET_XLSX;
    err_clear(&e);
    app_print_env(a, &env);
    if (feedback_sheet(&env, &p->r, &d, &n, &e) < 0) {
        *rc = cli_fail(&e);
    } else {
        fprintf(stderr, _("Wrote %zu warnings to %s.\n"), n, p->d.path);
        *rc = EXIT_OK;
    }
    return 1;
}

/* `print --list-printers`: the CUPS queues, one a line, the default
 * one followed by a tab and the word for it. */
static int list_printers(void)
{
    struct printer_list l;
    struct err e;
    size_t i;

    err_clear(&e);
    if (printers_list(&l, &e) < 0) {
        printers_free(&l);
        return cli_fail(&e);
    }
    for (i = 0; i < l.n; i++) {
        printf("%s%s%s\n", l.names[i], i == l.def ? "\t" : "", i == l.def ? _("default") : "");
    }
    if (l.n == 0) {
        fprintf(stderr, "%s\n", _("No printer is set up (no CUPS queue answers)."));
    }
    printers_free(&l);
    return EXIT_OK;
}

int cmd_print(struct app *a, int argc, char **argv)
{
    const struct cmd *c = cli_find("print");
    struct print_args p;
    struct print_env env;
    struct sbuf warn = SBUF_INIT;
    int64_t *ids = NULL;
    size_t ndocs = 0;
    struct err e;
    int rc;

    err_clear(&e);
    if (argc == 2 && strcmp(argv[1], "--list-printers") == 0) {
        return list_printers();
    }
    memset(&p, 0, sizeof(p));
    p.d.format = strcmp(a->settings.print_format, "text") == 0 ? PF_TEXT : PF_PDF;
    p.d.command = a->settings.print_command;
    p.d.printer = a->settings.printer;
    p.d.copies = a->settings.copies;
    p.d.text_lines = a->settings.print_text_lines;
    p.d.font = a->settings.print_font;
    p.d.title_font = a->settings.print_title_font;
    if ((rc = parse(c, &p, argc, argv)) != 0) {
        free(p.hh_nos);
        return rc;
    }
    app_print_env(a, &env);
    env.warn = &warn;
    if (resolve(a, &p, &ids, &e) == 0 && feedback_as_sheet(a, &p, &rc)) {
        free(ids);
        free(p.hh_nos);
        return rc;
    }
    rc = e.code != ERR_OK ? -1 : print_run(&env, &p.r, &p.d, &ndocs, &e);
    fputs(warn.len > 0 ? warn.buf : "", stderr);
    sbuf_release(&warn);
    if (rc < 0) {
        free(ids);
        free(p.hh_nos);
        return cli_fail(&e);
    }
    if (p.d.path == NULL) {
        fprintf(stderr, _("Sent %zu document(s) to the printer.\n"), ndocs);
    } else if (strcmp(p.d.path, "-") != 0) {
        fprintf(stderr, _("Wrote %zu document(s) to %s.\n"), ndocs, p.d.path);
    }
    free(ids);
    free(p.hh_nos);
    return EXIT_OK;
}

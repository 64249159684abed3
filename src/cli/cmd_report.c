/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cmd_report.c - `zhenxing report assessment`: the results of an
 * assessment round for scripts and the bureau's spreadsheets, read only.
 * As text or PDF it is the printed summary (print/prints_assess.c, through
 * print_run, so it is recorded in the audit log like any print); as CSV
 * the export of the round (the kind assessment of print/export_funds.c:
 * one row per unit and indicator after a summary row per unit, Chinese
 * headers, a byte-order mark), recorded in the audit log as an export of
 * the round; --list lists the rounds.
 */
#include "config.h"
#include "cli/cli.h"
#include "cli/assess_cli.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "cli/opts.h"
#include "core/assess.h"
#include "db/db_assess.h"
#include "print/export.h"
#include "print/print.h"
#include "print/prints.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"

enum report_format { RF_TEXT = 0, RF_PDF, RF_CSV };

struct report_args {
    const char *round;          /* --round ID|latest */
    const char *unit;           /* --unit NAME|ID */
    int format;                 /* enum report_format */
    const char *path;           /* -o FILE|- (default -) */
    int overwrite;
    int list;
    const char *printer;        /* --printer NAME|- (NULL: a file) */
};

/* ---- the command ------------------------------------------------------------- */

static int list_rounds(struct app *a)
{
    struct assess_round *v = NULL;
    size_t n = 0, i;
    struct err e;

    err_clear(&e);
    if (db_round_list(a->db, &v, &n, &e) < 0) {
        return cli_fail(&e);
    }
    for (i = 0; i < n; i++) {
        printf("%" PRId64 "\t%d\t%s\t%s\n", v[i].id, v[i].year, v[i].title,
               v[i].final ? "final" : "open");
    }
    db_round_list_free(v, n);
    return EXIT_OK;
}

static const char *const formats[] = {"text", "pdf", "csv", NULL};

static const struct cli_opt report_opts[] = {
    {.name = "--list", .kind = OPT_FLAG, .off = offsetof(struct report_args, list)},
    {.name = "--force", .kind = OPT_FLAG, .off = offsetof(struct report_args, overwrite)},
    {.name = "--round", .kind = OPT_TEXT, .off = offsetof(struct report_args, round)},
    {.name = "--printer", .kind = OPT_TEXT, .off = offsetof(struct report_args, printer)},
    {.name = "--unit", .kind = OPT_TEXT, .off = offsetof(struct report_args, unit)},
    {.name = "--output", .alias = "-o", .kind = OPT_TEXT, .off = offsetof(struct report_args, path)},
    {.name = "--format", .kind = OPT_CHOICE, .off = offsetof(struct report_args, format),
     .choices = formats, .bad = N_("--format takes text, pdf or csv")},
    {.name = NULL},
};

static int parse(const struct cmd *c, struct report_args *p, int argc, char **argv)
{
    int rc;

    memset(p, 0, sizeof(*p));
    p->path = "-";
    if (argc < 2 || strcmp(argv[1], "assessment") != 0) {
        return cli_usage_error(c, "%s", _("say what to report: assessment"));
    }
    if ((rc = cli_opts_parse(c, report_opts, 0, argc, argv, 2, p, NULL)) != 0) {
        return rc;
    }
    if (!p->list && p->round == NULL) {
        return cli_usage_error(c, "%s", _("give the round with --round ID, or --round latest"));
    }
    if (p->printer != NULL && (strcmp(p->path, "-") != 0 || p->format == RF_CSV)) {
        return cli_usage_error(c, "%s", _("--printer prints the summary: give no -o and no --format csv with it"));
    }
    return 0;
}

static void dest_init(struct app *a, const struct report_args *p, struct print_dest *d)
{
    memset(d, 0, sizeof(*d));
    d->format = p->format == RF_PDF ? PF_PDF : PF_TEXT;
    d->path = p->path;
    d->overwrite = p->overwrite;
    d->text_lines = a->settings.print_text_lines;
    d->font = a->settings.print_font;
    d->title_font = a->settings.print_title_font;
    if (p->printer != NULL) {
        /* the printer gets the PDF (print_render) */
        d->path = NULL;
        d->command = a->settings.print_command;
        d->printer = strcmp(p->printer, "-") == 0 ? a->settings.printer : p->printer;
        d->copies = a->settings.copies;
    }
}

/* The round's results as the export of kind assessment. */
static int report_csv(const struct report_args *p, const struct print_env *env,
                      const struct print_request *r, struct err *e)
{
    struct export_filter f;
    struct export_dest d;
    struct export_result out;
    int rc;

    export_filter_init(&f);
    f.round = r->round;
    f.unit = r->unit;
    memset(&d, 0, sizeof(d));
    d.path = p->path;
    d.format = SHEET_CSV;
    d.encoding = SHEET_ENC_UTF8;
    d.overwrite = p->overwrite;
    rc = export_run(env, export_kind_find("assessment"), &f, &d, &out, e);
    export_result_clear(&out);
    return rc;
}

static int report(struct app *a, const struct report_args *p, struct err *e)
{
    struct print_request r;
    struct print_env env;
    struct print_dest d;

    print_request_init(&r, PK_ASSESSMENT);
    if (assess_cli_round(a, p->round, &r.round, e) < 0 ||
        (p->unit != NULL && assess_cli_unit(a, r.round, p->unit, &r.unit, e) < 0)) {
        return -1;
    }
    app_print_env(a, &env);
    dest_init(a, p, &d);
    if (p->format != RF_CSV) {
        return print_run(&env, &r, &d, NULL, e);
    }
    return report_csv(p, &env, &r, e);
}

int cmd_report(struct app *a, int argc, char **argv)
{
    const struct cmd *c = cli_find("report");
    struct report_args p;
    struct err e;
    int rc;

    err_clear(&e);
    if ((rc = parse(c, &p, argc, argv)) != 0) {
        return rc;
    }
    if (p.list) {
        return list_rounds(a);
    }
    if (report(a, &p, &e) < 0) {
        return cli_fail(&e);
    }
    if (p.printer != NULL) {
        fprintf(stderr, _("Sent %zu document(s) to the printer.\n"), (size_t)1);
    } else if (strcmp(p.path, "-") != 0) {
        fprintf(stderr, _("Wrote %s.\n"), p.path);
    }
    return EXIT_OK;
}

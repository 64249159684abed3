/*
 * cmd_report.c - `zhenxing report assessment`: the results of an
 * assessment round for scripts and the bureau's spreadsheets, read only.
 * As text or PDF it is the printed summary (print/prints_assess.c, through
 * print_run, so it is recorded in the audit log like any print); as CSV
 * one row per unit and indicator, after a summary row per unit (see
 * csv_cols below and the man page), recorded in the audit log as an
 * export of the round (with its number of rows) before it is written;
 * --list lists the rounds.
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
#include "print/print.h"
#include "print/prints.h"
#include "util/csv.h"
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
};

/* ---- CSV --------------------------------------------------------------------- */

/* The columns: the round, the unit with its rank, total and grade, then
 * the indicator.  A unit's first row is its summary: code empty, method
 * "total", max the template's total, points the unit's total. */
static const char *const csv_cols[] = {
    "round_id", "year", "template", "unit_id", "unit", "rank", "total", "grade",
    "code", "parent", "name", "method", "max", "points", "input", "why", "note", "evidence",
};

enum { C_ROUND, C_YEAR, C_TEMPLATE, C_UNIT_ID, C_UNIT, C_RANK, C_TOTAL, C_GRADE, C_CODE,
       C_PARENT, C_NAME, C_METHOD, C_MAX, C_POINTS, C_INPUT, C_WHY, C_NOTE, C_EVIDENCE,
       C_COUNT };

/* The text of the cells that are numbers. */
struct csv_nums {
    char round[24], year[8], unit[24], rank[12], total[32], max[32], points[32], input[32];
};

/* A computed line's input: a rate in percent ("98.11") or a count. */
static void input_text(const struct assess_input *in, char *buf, size_t n)
{
    if (in->is_rate) {
        snprintf(buf, n, "%" PRId64 ".%02" PRId64, in->value / 100, in->value % 100);
    } else {
        snprintf(buf, n, "%" PRId64, in->value);
    }
}

/* The cells of line L (NULL: the unit's summary row) into C. */
static void line_cells(const struct assess_template *t, const struct assess_sheet *s,
                       const struct sheet_line *l, struct csv_nums *x, const char **c)
{
    c[C_MAX] = x->max;
    c[C_POINTS] = x->points;
    if (l == NULL) {
        c[C_METHOD] = "total";
        assess_points_text(t->total_cp, x->max, sizeof(x->max));
        assess_points_text(s->total_cp, x->points, sizeof(x->points));
        return;
    }
    c[C_CODE] = l->ind->code;
    c[C_PARENT] = l->ind->parent;
    c[C_NAME] = l->ind->name;
    c[C_METHOD] = assess_method_name(l->ind->method);
    assess_points_text(l->ind->max_cp, x->max, sizeof(x->max));
    c[C_MAX] = l->ind->method == AM_BONUS ? "" : x->max;
    assess_points_text(l->s.points_cp, x->points, sizeof(x->points));
    c[C_POINTS] = l->computed || l->scored || l->ind->method == AM_GROUP ? x->points : "";
    if (l->computed) {
        input_text(&l->in, x->input, sizeof(x->input));
        c[C_INPUT] = x->input;
        c[C_WHY] = l->in.why;
        c[C_NOTE] = l->ind->note;
    } else {
        c[C_NOTE] = l->note;
        c[C_EVIDENCE] = l->evidence;
    }
}

/* One row of REP's unit sheet S: its summary when L is NULL. */
static void csv_line(struct sbuf *out, const struct assess_report *rep,
                     const struct assess_sheet *s, const struct sheet_line *l)
{
    const struct assess_rank *k = assess_report_rank(rep, s->unit);
    const char *c[C_COUNT] = {0};
    struct csv_nums x;

    snprintf(x.round, sizeof(x.round), "%" PRId64, rep->rt.r.id);
    snprintf(x.year, sizeof(x.year), "%d", rep->rt.r.year);
    snprintf(x.unit, sizeof(x.unit), "%" PRId64, s->unit);
    snprintf(x.rank, sizeof(x.rank), "%d", k != NULL ? k->rank : 0);
    assess_points_text(s->total_cp, x.total, sizeof(x.total));
    c[C_ROUND] = x.round;
    c[C_YEAR] = x.year;
    c[C_TEMPLATE] = rep->rt.r.template_id;
    c[C_UNIT_ID] = x.unit;
    c[C_UNIT] = s->unit_name;
    c[C_RANK] = x.rank;
    c[C_TOTAL] = x.total;
    c[C_GRADE] = s->grade;
    line_cells(&rep->rt.t, s, l, &x, c);
    csv_row(out, c, C_COUNT);
}

/* REP as CSV into OUT; returns the number of rows after the header. */
static int64_t report_csv(const struct assess_report *rep, struct sbuf *out)
{
    size_t i, k;
    int64_t n = 0;

    csv_row(out, csv_cols, C_COUNT);
    for (i = 0; i < rep->nsheets; i++) {
        const struct assess_sheet *s = &rep->sheets[i];

        csv_line(out, rep, s, NULL);
        for (k = 0; k < s->n; k++) {
            csv_line(out, rep, s, &s->v[k]);
        }
        n += 1 + (int64_t)s->n;
    }
    return n;
}

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
}

static int report(struct app *a, const struct report_args *p, struct err *e)
{
    struct print_request r;
    struct print_env env;
    struct print_dest d;
    struct assess_report rep;
    struct sbuf out = SBUF_INIT;
    int rc;

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
    rc = assess_report_load(a->db, &env.ctx, r.round, r.unit, &rep, e);
    if (rc == 0) {
        struct print_out o = {"export", "csv", rep.rt.r.title, &out, &rep.rt.r.id, 1, 0};

        o.nrows = report_csv(&rep, &out);
        rc = print_send(&env, &r, &d, &o, e);
    }
    assess_report_clear(&rep);
    sbuf_release(&out);
    return rc;
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
    if (strcmp(p.path, "-") != 0) {
        fprintf(stderr, _("Wrote %s.\n"), p.path);
    }
    return EXIT_OK;
}

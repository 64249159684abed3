/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cmd_import_dept.c - `zhenxing import dept --source DEPT FILE`: a
 * department's sheet (部门筛查预警, domain.md 4.3a) imported as warnings to
 * verify (the 预警核实 worklist on F2).  The work is print/import_dept.c's,
 * the same as the import screen's; this file reads the options, names
 * the department and prints the report (the problems to stderr).
 */
#include "config.h"
#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "cli/opts.h"
#include "core/date.h"
#include "core/dept.h"
#include "core/rules.h"
#include "print/import.h"
#include "print/import_dept.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"

struct dept_args {
    const char *source;
    const char *file;
    const char *encoding;
    const char *sheet;
    int date;
    int dry_run;
};

static const struct cli_opt dept_opts[] = {
    {.name = "--source", .kind = OPT_TEXT, .off = offsetof(struct dept_args, source)},
    {.name = "--date", .kind = OPT_DATE, .off = offsetof(struct dept_args, date)},
    {.name = "--dry-run", .kind = OPT_FLAG, .off = offsetof(struct dept_args, dry_run)},
    {.name = "--encoding", .kind = OPT_TEXT, .off = offsetof(struct dept_args, encoding)},
    {.name = "--sheet", .kind = OPT_TEXT, .off = offsetof(struct dept_args, sheet)},
    {.name = NULL},
};

static int
file_arg(const struct cmd *c, void *args, const char *arg)
{
    struct dept_args *o = args;

    if (o->file != NULL) {
        return cli_usage_error(c, _("unexpected argument '%s'"), arg);
    }
    o->file = arg;
    return 0;
}

/* Import O's file as D's sheet and print what became of it. */
static int
run(struct app *a, const struct dept *d, const struct dept_args *o)
{
    struct rule_ctx ctx = app_rule_ctx(a);
    struct import_env env = {a->db, &ctx, &a->actor, NULL};
    struct import_opts io;
    struct dept_import_result r;
    struct sbuf sb = SBUF_INIT;
    struct err e;
    int rc = EXIT_OK;

    err_clear(&e);
    memset(&io, 0, sizeof(io));
    io.path = o->file;
    io.sheet = o->sheet;
    io.date = o->date;
    io.dry_run = o->dry_run;
    if (o->encoding != NULL && sheet_encoding_parse(o->encoding, &io.encoding)) {
        err_set(&e, ERR_USAGE, _("unknown encoding '%s' (utf-8 or gb18030)"), o->encoding);
        return cli_fail(&e);
    }
    if (import_dept(&env, d, &io, &r, &e)) {
        rc = cli_fail(&e);
    } else if (r.nproblems > 0) {
        dept_import_problems(&r, &sb);
        fprintf(stderr, _("zhenxing: %s: %zu problems; nothing was imported:\n%s"), o->file,
                r.nproblems, sb.buf);
        rc = EXIT_USAGE;
    } else {
        dept_import_report(&r, d, o->file, o->dry_run, &sb);
        fputs(sb.buf, stdout);
        if (o->dry_run) {
            printf("%s\n", _("Dry run: nothing was written."));
        }
    }
    sbuf_release(&sb);
    dept_import_result_free(&r);
    return rc;
}

/* The departments dept.conf has, for a usage message. */
static void
dept_names(const struct app *a, struct sbuf *sb)
{
    size_t i;

    for (i = 0; i < a->policy.ndepts; i++) {
        if (strstr(sb->buf, a->policy.depts[i].name) == NULL) {
            sbuf_addf(sb, "%s%s", sb->len ? ", " : "", a->policy.depts[i].name);
        }
    }
}

int
cmd_import_dept(struct app *a, const struct cmd *c, int argc, char **argv)
{
    struct dept_args o = {NULL, NULL, NULL, NULL, DATE_NONE, 0};
    const struct dept *d;
    int rc;

    if ((rc = cli_opts_parse(c, dept_opts, 0, argc, argv, 2, &o, file_arg)) != 0) {
        return rc;
    }
    if (o.date == DATE_NONE) {
        o.date = app_today();
    }
    if (o.source == NULL || o.file == NULL) {
        return cli_usage_error(c, "%s", _("give the department (--source) and the file"));
    }
    d = policy_dept(&a->policy, o.source, a->province, date_year(o.date));
    if (d == NULL) {
        struct sbuf sb = SBUF_INIT;

        dept_names(a, &sb);
        rc = cli_usage_error(c, _("no department '%s' in dept.conf (there are: %s)"),
                             o.source, sb.buf);
        sbuf_release(&sb);
        return rc;
    }
    return run(a, d, &o);
}

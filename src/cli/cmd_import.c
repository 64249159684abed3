/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cmd_import.c - `zhenxing import KIND ...`: the kinds of import in a
 * table; `import national FILE` reads the national system's
 * person-grain sheet into the registry (print/import.c does the work).
 */
#include "config.h"
#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "cfg/exchange_load.h"
#include "cli/opts.h"
#include "core/date.h"
#include "core/rules.h"
#include "print/import.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"

struct national_args {
    const char *file;
    int dry_run, partial, date;
    const char *report;
    enum sheet_encoding encoding;
    const char *sheet;
};

static int
set_encoding(void *args, const char *v)
{
    return sheet_encoding_parse(v, &((struct national_args *)args)->encoding);
}

static const struct cli_opt national_opts[] = {
    {.name = "--dry-run", .kind = OPT_FLAG, .off = offsetof(struct national_args, dry_run)},
    {.name = "--partial", .kind = OPT_FLAG, .off = offsetof(struct national_args, partial)},
    {.name = "--date", .kind = OPT_DATE, .off = offsetof(struct national_args, date)},
    {.name = "--report", .kind = OPT_TEXT, .off = offsetof(struct national_args, report)},
    {.name = "--encoding", .kind = OPT_CALL, .call = set_encoding,
     .bad = N_("--encoding takes utf-8 or gb18030")},
    {.name = "--sheet", .kind = OPT_TEXT, .off = offsetof(struct national_args, sheet)},
    {.name = NULL},
};

static int
file_arg(const struct cmd *c, void *args, const char *a)
{
    struct national_args *o = args;

    if (o->file != NULL) {
        return cli_usage_error(c, _("unexpected argument '%s'"), a);
    }
    o->file = a;
    return 0;
}

static void
show_progress(void *arg, size_t done, size_t total)
{
    (void)arg;
    if (total > 0) {
        fprintf(stderr, "\r%3d%%", (int)(done * 100 / total));
    }
}

static int
outcome(const struct national_args *o, const struct import_result *r)
{
    struct sbuf sb = SBUF_INIT;

    import_result_text(r, o->dry_run, &sb);
    fputs(sb.buf != NULL ? sb.buf : "", stdout);
    sbuf_release(&sb);
    if (o->dry_run) {
        puts(_("Dry run: nothing was written."));
    } else if (!r->written) {
        puts(_("Nothing was written: correct the rows listed (or use --partial to import "
               "the households without problems) and import the file again."));
    } else if (r->bad_households > 0) {
        printf(_("The households listed were not imported (%ld).\n"), r->bad_households);
    }
    if (o->report != NULL && r->bad_rows > 0) {
        printf(_("The rows with problems are in %s: correct them there and import that "
                 "file.\n"), o->report);
    }
    return r->bad_households > 0 ? EXIT_FINDINGS : EXIT_OK;
}

static int
import_national_cmd(struct app *a, const struct cmd *c, int argc, char **argv)
{
    struct national_args o = {NULL, 0, 0, DATE_NONE, NULL, SHEET_ENC_AUTO, NULL};
    struct xlayout l;
    struct import_opts io;
    struct import_result r;
    struct import_env env;
    struct rule_ctx ctx = app_rule_ctx(a);
    struct err e;
    int rc;

    err_clear(&e);
    if ((rc = cli_opts_parse(c, national_opts, 0, argc, argv, 2, &o, file_arg)) != 0) {
        return rc;
    }
    if (o.file == NULL) {
        return cli_usage_error(c, "%s", _("give the sheet to import"));
    }
    if (exchange_load(a->datadir, "national", &a->policy.codes, &l, &e)) {
        return cli_fail(&e);
    }
    memset(&io, 0, sizeof(io));
    io.path = o.file;
    io.encoding = o.encoding;
    io.sheet = o.sheet;
    io.dry_run = o.dry_run;
    io.partial = o.partial;
    io.date = o.date;
    io.report = o.report;
    io.progress = isatty(2) ? show_progress : NULL;
    env.db = a->db;
    env.ctx = &ctx;
    env.a = &a->actor;
    env.layout = &l;
    rc = import_national(&env, &io, &r, &e);
    if (io.progress != NULL) {
        fputs("\r    \r", stderr);
    }
    rc = rc != 0 ? cli_fail(&e) : outcome(&o, &r);
    import_result_free(&r);
    xlayout_free(&l);
    return rc;
}

static const struct {
    const char *kind;
    int (*fn)(struct app *a, const struct cmd *c, int argc, char **argv);
} kinds[] = {
    {"national", import_national_cmd},
    {"dept", cmd_import_dept},
};

int
cmd_import(struct app *a, int argc, char **argv)
{
    const struct cmd *c = cli_find("import");
    size_t i;

    for (i = 0; argc >= 2 && i < ARRAY_SIZE(kinds); i++) {
        if (strcmp(argv[1], kinds[i].kind) == 0) {
            return kinds[i].fn(a, c, argc, argv);
        }
    }
    return cli_usage_error(c, "%s", _("say what to import: national or dept"));
}

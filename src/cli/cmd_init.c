/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cmd_init.c - `zhenxing init --province P --county NAME`: a new, empty
 * county database, with the caller as its administrator.
 */
#include "config.h"
#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "cli/county.h"
#include "cli/opts.h"
#include "core/codes.h"
#include "db/db.h"
#include "util/err.h"
#include "util/i18n.h"

struct init_opts {
    const char *province;
    const char *county;
    const char *code;
};

static const struct cli_opt init_opts[] = {
    {.name = "--province", .kind = OPT_TEXT, .off = offsetof(struct init_opts, province)},
    {.name = "--county", .kind = OPT_TEXT, .off = offsetof(struct init_opts, county)},
    {.name = "--county-code", .kind = OPT_TEXT, .off = offsetof(struct init_opts, code)},
    {.name = NULL},
};

static int
parse(int argc, char **argv, struct init_opts *o)
{
    const struct cmd *c = cli_find("init");
    int rc;

    memset(o, 0, sizeof(*o));
    if ((rc = cli_opts_parse(c, init_opts, 0, argc, argv, 1, o, NULL)) != 0) {
        return rc;
    }
    if (o->province == NULL || o->county == NULL) {
        return cli_usage_error(c, "%s", _("give both --province and --county"));
    }
    return 0;
}

int
cmd_init(struct app *a, int argc, char **argv)
{
    struct county_spec spec;
    struct init_opts o;
    struct err e;
    int rc;

    err_clear(&e);
    if ((rc = parse(argc, argv, &o)) != 0) {
        return rc;
    }
    if (county_spec_check(&a->policy, o.province, o.county, o.code, &spec, &e)) {
        return cli_fail(&e);
    }
    if (county_create(a, &spec, &e)) {
        return cli_fail(&e);
    }
    printf(_("Created the county database %s for %s %s.\n"), a->db_path,
           spec.province_label, spec.county);
    printf(_("Your login '%s' is its administrator; add staff with 'zhenxing user add'.\n"),
           a->login);
    county_report_line(a, stdout);
    return EXIT_OK;
}

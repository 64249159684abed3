/*
 * cmd_init.c - `zhenxing init --province P --county NAME`: a new, empty
 * county database, with the caller as its administrator.
 */
#include "config.h"
#include "cli/cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "cli/county.h"
#include "core/codes.h"
#include "db/db.h"
#include "util/err.h"
#include "util/i18n.h"

struct init_opts {
    const char *province;
    const char *county;
    const char *code;
};

static int
parse(int argc, char **argv, struct init_opts *o)
{
    static const struct option longopts[] = {
        {"province", required_argument, NULL, 'p'},
        {"county", required_argument, NULL, 'c'},
        {"county-code", required_argument, NULL, 'k'},
        {NULL, 0, NULL, 0},
    };
    const struct cmd *c = cli_find("init");
    int ch;

    memset(o, 0, sizeof(*o));
    optind = 0;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
        switch (ch) {
        case 'p':
            o->province = optarg;
            break;
        case 'c':
            o->county = optarg;
            break;
        case 'k':
            o->code = optarg;
            break;
        case ':':
            return cli_usage_error(c, _("option '%s' needs a value"), argv[optind - 1]);
        default:
            return cli_usage_error(c, _("unknown option '%s'"), argv[optind - 1]);
        }
    }
    if (optind < argc) {
        return cli_usage_error(c, _("unexpected argument '%s'"), argv[optind]);
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

/*
 * cmd_print.c - `zhenxing print KIND ...`: the prints of the screens for
 * cron and scripts, to the print command or to a file.
 */
#include "config.h"
#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/doc.h"
#include "core/role.h"
#include "db/db_division.h"
#include "db/db_household.h"
#include "db/db_print.h"
#include "print/print.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

struct print_args {
    struct print_request r;
    struct print_dest d;
    const char *village;
    const char *cadre;
    const char **hh_nos;
    size_t nhh;
};

/* The value of option ARGV[*I], or NULL after a usage message. */
static const char *value(const struct cmd *c, int argc, char **argv, int *i)
{
    if (*i + 1 >= argc) {
        cli_usage_error(c, _("option '%s' needs a value"), argv[*i]);
        return NULL;
    }
    return argv[++*i];
}

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

/* One option at ARGV[*I]; 0, or the exit status of a usage error. */
static int option(const struct cmd *c, struct print_args *p, int argc,
                  char **argv, int *i)
{
    const char *o = argv[*i], *v;

    if (strcmp(o, "--elimination") == 0 && p->r.kind == PK_PUBLICITY) {
        p->r.elimination = 1;
        return 0;
    }
    if (strcmp(o, "--force") == 0) {
        p->d.overwrite = 1;
        return 0;
    }
    if ((v = value(c, argc, argv, i)) == NULL) {
        return EXIT_USAGE;
    }
    if (strcmp(o, "--format") == 0 && (strcmp(v, "pdf") == 0 || strcmp(v, "text") == 0)) {
        p->d.format = strcmp(v, "pdf") == 0 ? PF_PDF : PF_TEXT;
    } else if (strcmp(o, "--format") == 0) {
        return cli_usage_error(c, "%s", _("--format takes pdf or text"));
    } else if (strcmp(o, "--output") == 0 || strcmp(o, "-o") == 0) {
        p->d.path = v;
    } else if (strcmp(o, "--printer") == 0) {
        p->d.printer = v;
    } else if (strcmp(o, "--copies") == 0) {
        if (whole(v, 1, 99, &p->d.copies) < 0) {
            return cli_usage_error(c, "%s", _("--copies takes a whole number from 1 to 99"));
        }
    } else if (strcmp(o, "--days") == 0 && p->r.kind == PK_VISITS) {
        if (whole(v, 0, 366, &p->r.days) < 0) {
            return cli_usage_error(c, "%s", _("--days takes a whole number from 0 to 366"));
        }
    } else if (strcmp(o, "--cadre") == 0 && p->r.kind == PK_VISITS) {
        p->cadre = v;
    } else {
        return cli_usage_error(c, _("unknown option '%s'"), o);
    }
    return 0;
}

static int parse(const struct cmd *c, struct print_args *p, int argc,
                 char **argv)
{
    int i, rc;

    if (argc < 2) {
        return cli_usage_error(c, "%s", _("say what to print: card, publicity or visits"));
    }
    if (print_kind_parse(argv[1], &p->r.kind) < 0) {
        return cli_usage_error(c, _("'%s' is not a print: card, publicity or visits"), argv[1]);
    }
    p->hh_nos = xcalloc((size_t)argc, sizeof(*p->hh_nos));
    for (i = 2; i < argc; i++) {
        if (argv[i][0] == '-' && argv[i][1] != '\0') {
            if ((rc = option(c, p, argc, argv, &i)) != 0) {
                return rc;
            }
        } else if (p->r.kind == PK_CARD) {
            p->hh_nos[p->nhh++] = argv[i];
        } else if (p->r.kind == PK_PUBLICITY && p->village == NULL) {
            p->village = argv[i];
        } else {
            return cli_usage_error(c, _("unexpected argument '%s'"), argv[i]);
        }
    }
    if (p->r.kind == PK_CARD && p->nhh == 0) {
        return cli_usage_error(c, "%s", _("give the numbers of the households to print"));
    }
    if (p->r.kind == PK_PUBLICITY && p->village == NULL) {
        return cli_usage_error(c, "%s", _("give the village, as 乡镇/村 or its code"));
    }
    return 0;
}

/* Turn the names given into ids. */
static int resolve(struct app *a, struct print_args *p, int64_t **ids,
                   struct err *e)
{
    size_t i;

    *ids = xcalloc(p->nhh ? p->nhh : 1, sizeof(**ids));
    for (i = 0; i < p->nhh; i++) {
        if (db_household_id(a->db, p->hh_nos[i], &(*ids)[i], e) < 0) {
            return -1;
        }
    }
    p->r.households = *ids;
    p->r.nhouseholds = p->nhh;
    if (p->village) {
        struct division v;

        if (db_division_resolve(a->db, p->village, &v, e) < 0) {
            return -1;
        }
        if (v.level != LEVEL_VILLAGE) {
            return err_set(e, ERR_INVALID, _("%s is not a village: give it as 乡镇/村"), v.name);
        }
        p->r.village = v.id;
    }
    if (p->cadre && db_cadre_find(a->db, p->cadre, &p->r.cadre, e) < 0) {
        return -1;
    }
    return 0;
}

int cmd_print(struct app *a, int argc, char **argv)
{
    const struct cmd *c = cli_find("print");
    struct print_args p;
    struct print_env env;
    int64_t *ids = NULL;
    size_t ndocs = 0;
    struct err e;
    int rc;

    err_clear(&e);
    memset(&p, 0, sizeof(p));
    p.r.days = 7;
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
    if (resolve(a, &p, &ids, &e) < 0 || print_run(&env, &p.r, &p.d, &ndocs, &e) < 0) {
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

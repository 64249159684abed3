/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * main.c - global options, then a subcommand (cli/) or the full-screen
 * program (tui/).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "app.h"
#include "cli/cli.h"
#include "db/db.h"
#include "tui/tui.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/lcio.h"
#include "util/priv.h"

/* Take "--opt VALUE" or "--opt=VALUE" at ARGV[*I]; NULL if not OPT. */
static const char *
take_value(int argc, char **argv, int *i, const char *opt, int *missing)
{
    size_t n = strlen(opt);

    if (strncmp(argv[*i], opt, n) != 0) {
        return NULL;
    }
    if (argv[*i][n] == '=') {
        return argv[*i] + n + 1;
    }
    if (argv[*i][n] != '\0') {
        return NULL;
    }
    if (*i + 1 >= argc) {
        *missing = 1;
        return NULL;
    }
    return argv[++*i];
}

int
main(int argc, char **argv)
{
    const char *db = NULL, *config = NULL, *v;
    struct app a;
    struct err e;
    int i, missing = 0, rc;

    /* Installed setgid: back to the user's own group before anything. */
    priv_init();
    db_library_init();
    for (i = 1; i < argc && argv[i][0] == '-'; i++) {
        if ((v = take_value(argc, argv, &i, "--db", &missing)) != NULL) {
            db = v;
        } else if ((v = take_value(argc, argv, &i, "--config", &missing)) != NULL) {
            config = v;
        } else if (!missing && (strcmp(argv[i], "--version") == 0 ||
                                strcmp(argv[i], "-V") == 0)) {
            printf("zhenxing %s\n", PACKAGE_VERSION);
            return EXIT_OK;
        } else if (!missing && (strcmp(argv[i], "--help") == 0 ||
                                strcmp(argv[i], "-h") == 0)) {
            app_init(&a, NULL, NULL, &e);
            lcio_wrap_std();
            cli_print_usage(stdout);
            app_release(&a);
            return EXIT_OK;
        } else {
            break;
        }
        if (missing) {
            break;
        }
    }
    err_clear(&e);
    if (app_init(&a, config, db, &e)) {
        lcio_wrap_std();
        rc = cli_fail(&e);
        app_release(&a);
        return rc;
    }
    /* A command speaks the terminal's character set; the full-screen
     * program's text goes through ncurses, which does so itself. */
    if (missing || i < argc) {
        lcio_wrap_std();
        lcio_args_in(argc - i, argv + i);
    }
    if (missing || (i < argc && argv[i][0] == '-')) {
        fprintf(stderr, missing ? _("zhenxing: option '%s' needs a value\n")
                                : _("zhenxing: unknown option '%s'; see zhenxing --help\n"),
                argv[i]);
        app_release(&a);
        return EXIT_USAGE;
    }
    /* The full-screen program shows settings warnings on its status
     * line; commands print them. */
    if (i < argc) {
        app_flush_warnings(&a);
        rc = cli_run(&a, argc - i, argv + i);
    } else {
        rc = tui_run(&a);
    }
    app_release(&a);
    return rc;
}

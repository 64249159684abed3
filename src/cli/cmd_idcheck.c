/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cmd_idcheck.c - `zhenxing idcheck NUMBER...`: validate resident ID
 * numbers the way every form does, for staff checking a list by hand.
 */
#include "config.h"
#include "cli/cli.h"

#include <stdio.h>

#include "app.h"
#include "core/date.h"
#include "core/idno.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/u8.h"

int
cmd_idcheck(struct app *a, int argc, char **argv)
{
    int i, bad = 0, today = app_today();

    (void)a;
    if (argc < 2) {
        return cli_usage_error(cli_find("idcheck"), "%s", _("give at least one ID number"));
    }
    for (i = 1; i < argc; i++) {
        struct idno id;
        enum idno_status st = idno_parse(argv[i], today, &id);
        char birth[DATE_BUF];

        if (st != IDNO_OK) {
            struct sbuf sb = SBUF_INIT;

            u8_sanitize(&sb, argv[i]);
            printf("%s\t%s\n", sb.buf, idno_status_message(st));
            sbuf_release(&sb);
            bad = 1;
            continue;
        }
        date_format(id.birth, birth);
        printf("%s\t%s\t%s\t%s%s\n", id.id, birth,
               id.sex == SEX_MALE ? _("male") : _("female"),
               _("valid"), id.upgraded ? _(" (upgraded from 15 digits)") : "");
    }
    return bad ? EXIT_FINDINGS : EXIT_OK;
}

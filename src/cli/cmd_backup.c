/*
 * cmd_backup.c - `zhenxing backup FILE`: an online copy of the database.
 */
#include "config.h"
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>

#include "app.h"
#include "db/db.h"
#include "db/db_audit.h"
#include "db/db_backup.h"
#include "util/err.h"
#include "util/i18n.h"

int
cmd_backup(struct app *a, int argc, char **argv)
{
    const struct cmd *c = cli_find("backup");
    const char *dest = NULL;
    int force = 0, i;
    struct err e;

    err_clear(&e);
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--force") == 0) {
            force = 1;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            return cli_usage_error(c, _("unknown option '%s'"), argv[i]);
        } else if (dest == NULL) {
            dest = argv[i];
        } else {
            return cli_usage_error(c, _("unexpected argument '%s'"), argv[i]);
        }
    }
    if (dest == NULL) {
        return cli_usage_error(c, "%s", _("give the file to write the copy to"));
    }
    if (strcmp(dest, a->db_path) == 0) {
        return cli_usage_error(c, "%s", _("the copy cannot replace the database itself"));
    }
    if (db_backup(a->db, dest, force, &e)) {
        return cli_fail(&e);
    }
    if (db_begin(a->db, &e) ||
        db_audit(a->db, a->login, "export", "database", 0, "backup", NULL, dest, &e) ||
        db_commit(a->db, &e)) {
        db_rollback(a->db);
        return cli_fail(&e);
    }
    printf(_("Copied %s to %s.\n"), a->db_path, dest);
    return EXIT_OK;
}

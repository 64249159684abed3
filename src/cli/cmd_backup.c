/*
 * cmd_backup.c - `zhenxing backup FILE`: an online copy of the database.
 */
#include "config.h"
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>

#include "app.h"
#include "cli/opts.h"
#include "db/db.h"
#include "db/db_audit.h"
#include "db/db_backup.h"
#include "util/err.h"
#include "util/i18n.h"

struct backup_args {
    const char *dest;
    int force;
};

static const struct cli_opt backup_opts[] = {
    {.name = "--force", .kind = OPT_FLAG, .off = offsetof(struct backup_args, force)},
    {.name = NULL},
};

static int
destination(const struct cmd *c, void *args, const char *a)
{
    struct backup_args *o = args;

    if (o->dest != NULL) {
        return cli_usage_error(c, _("unexpected argument '%s'"), a);
    }
    o->dest = a;
    return 0;
}

int
cmd_backup(struct app *a, int argc, char **argv)
{
    const struct cmd *c = cli_find("backup");
    struct backup_args o = {NULL, 0};
    struct err e;
    int rc;

    err_clear(&e);
    if ((rc = cli_opts_parse(c, backup_opts, 0, argc, argv, 1, &o, destination)) != 0) {
        return rc;
    }
    if (o.dest == NULL) {
        return cli_usage_error(c, "%s", _("give the file to write the copy to"));
    }
    if (strcmp(o.dest, a->db_path) == 0) {
        return cli_usage_error(c, "%s", _("the copy cannot replace the database itself"));
    }
    if (db_backup(a->db, o.dest, o.force, &e)) {
        return cli_fail(&e);
    }
    if (db_begin(a->db, &e) ||
        db_audit(a->db, a->login, "export", "database", 0, "backup", NULL, o.dest, &e) ||
        db_commit(a->db, &e)) {
        db_rollback(a->db);
        return cli_fail(&e);
    }
    printf(_("Copied %s to %s.\n"), a->db_path, o.dest);
    return EXIT_OK;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cmd_backup.c - `zhenxing backup`: an online copy of the database, for
 * administrators (and the roles the setting backup_roles adds) and root;
 * a copy readable by its maker alone (0600) or by a group it is given
 * (0640); the scheduled backup into a directory keeping N generations;
 * and the check of a copy (--verify).
 */
#include "config.h"
#include "cli/cli.h"

#include <dirent.h>
#include <errno.h>
#include <grp.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "cli/opts.h"
#include "core/role.h"
#include "db/db_backup.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/priv.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

struct backup_args {
    const char *dest;           /* the copy, the directory (--keep), the
                                   copy to check (--verify) */
    int force;
    const char *group;
    int64_t keep;
    int verify;
};

static const struct cli_opt backup_opts[] = {
    {.name = "--force", .kind = OPT_FLAG, .off = offsetof(struct backup_args, force)},
    {.name = "--group", .kind = OPT_TEXT, .off = offsetof(struct backup_args, group)},
    {.name = "--keep", .kind = OPT_I64, .off = offsetof(struct backup_args, keep),
     .lo = 1, .hi = 10000},
    {.name = "--verify", .kind = OPT_FLAG, .off = offsetof(struct backup_args, verify)},
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

/* ---- who may ------------------------------------------------------------ */

/* 1 when ROLE is among the comma-separated role names LIST; -1 with E
 * when LIST names a role that does not exist. */
static int
role_listed(const char *list, enum role role, struct err *e)
{
    char *copy = xstrdup(list), *save = NULL, *name;
    enum role r;
    int found = 0;

    for (name = strtok_r(copy, ", ", &save); name != NULL && found >= 0;
         name = strtok_r(NULL, ", ", &save)) {
        if (role_parse(name, &r) != 0) {
            found = err_set(e, ERR_CONFIG, _("the setting backup_roles names '%s', which is not a role (admin, county, township, village, viewer)"),
                            name);
        } else if (r == role) {
            found = 1;
        }
    }
    free(copy);
    return found;
}

/* Open the database and say whether the login may copy it: root, an
 * administrator, or a role the setting backup_roles lists. */
static int
may_backup(struct app *a, struct err *e)
{
    int listed;

    if (app_open_db(a, 0, e) < 0) {
        return -1;
    }
    if (app_login(a, e) < 0 && getuid() != 0) {
        return -1;
    }
    if (getuid() == 0) {
        /* root reads the file anyway: it acts as itself, account or not
         * (the scheduled backup) */
        snprintf(a->actor.login, sizeof(a->actor.login), "%s", a->login);
        return 0;
    }
    listed = role_listed(a->settings.backup_roles, a->actor.role, e);
    if (listed < 0) {
        return -1;
    }
    if (a->actor.role != ROLE_ADMIN && !listed) {
        return err_set(e, ERR_DENIED, _("a backup holds the whole county, so only administrators make one (and the roles named by the setting backup_roles: %s); your role is %s"),
                       a->settings.backup_roles, role_label(a->actor.role));
    }
    return 0;
}

/* The group NAME as the copy's: the user must belong to it (root may
 * give any). */
static int
group_of(const char *name, gid_t *gid, struct err *e)
{
    struct group *g = getgrnam(name);
    gid_t mine[256];
    int n, i;

    if (g == NULL) {
        return err_set(e, ERR_INVALID, _("there is no group '%s'"), name);
    }
    *gid = g->gr_gid;
    if (getuid() == 0 || getgid() == g->gr_gid) {
        return 0;
    }
    n = getgroups((int)(sizeof(mine) / sizeof(mine[0])), mine);
    for (i = 0; i < n; i++) {
        if (mine[i] == g->gr_gid) {
            return 0;
        }
    }
    return err_set(e, ERR_DENIED, _("you are not a member of the group '%s'; give the copy to a group of yours"),
                   name);
}

/* The copy must not be the database itself (by any name), nor a file in
 * the county's store: copies go there only through the scheduled backup
 * (--keep), into a directory of their own. */
static int
not_the_store(const struct app *a, const char *dest, struct err *e)
{
    struct stat s, d;

    if (priv_in_store(dest)) {
        return err_set(e, ERR_DENIED, _("'%s' is in the county's store %s: a copy is never put there by hand; the scheduled backup (backup --keep N DIR) keeps copies in the store's backup directory"),
                       dest, priv_store());
    }
    if (strcmp(dest, a->db_path) == 0 ||
        (stat(a->db_path, &s) == 0 && stat(dest, &d) == 0 && s.st_dev == d.st_dev &&
         s.st_ino == d.st_ino)) {
        return err_set(e, ERR_INVALID, "%s", _("the copy cannot replace the database itself"));
    }
    return 0;
}

/* ---- a copy --------------------------------------------------------------- */

static int
copy_one(struct app *a, const char *dest, int force, mode_t mode, gid_t gid,
         struct err *e)
{
    struct backup_opts b = {dest, force, mode, gid, a->actor.login};
    int64_t persons = 0;

    if (db_backup(a->db, &b, &persons, e) < 0) {
        return -1;
    }
    printf(_("Copied %s to %s (%" PRId64 " persons; the file is readable by %s).\n"),
           a->db_path, dest, persons,
           mode == 0600 ? _("you alone") : _("you and its group"));
    return 0;
}

/* ---- the scheduled backup ------------------------------------------------ */

/* The stem of the copies' names: the database's file name without ".db". */
static char *
stem_of(const char *db_path)
{
    const char *slash = strrchr(db_path, '/');
    const char *base = slash != NULL ? slash + 1 : db_path;
    size_t n = strlen(base);

    if (n > 3 && strcmp(base + n - 3, ".db") == 0) {
        n -= 3;
    }
    return xstrndup(base, n);
}

/* 1 when NAME is STEM-YYYY-MM-DD-HHMMSS.db, a copy the schedule made. */
static int
dated_copy(const char *name, const char *stem)
{
    static const char shape[] = "-9999-99-99-999999.db";
    size_t n = strlen(stem), i;

    if (strncmp(name, stem, n) != 0 || strlen(name + n) != sizeof(shape) - 1) {
        return 0;
    }
    for (i = 0; shape[i] != '\0'; i++) {
        char c = name[n + i];

        if (shape[i] == '9' ? (c < '0' || c > '9') : c != shape[i]) {
            return 0;
        }
    }
    return 1;
}

static int
by_name(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

/* Remove the oldest copies of STEM in DIR beyond KEEP; returns how many. */
static int
prune(const char *dir, const char *stem, int64_t keep)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    char **v = NULL;
    size_t n = 0, alloc = 0, i;
    int removed = 0;

    if (d == NULL) {
        return 0;
    }
    while ((de = readdir(d)) != NULL) {
        if (dated_copy(de->d_name, stem)) {
            v = xgrow(v, &alloc, n + 1, sizeof(*v));
            v[n++] = xstrdup(de->d_name);
        }
    }
    closedir(d);
    qsort(v, n, sizeof(*v), by_name);
    for (i = 0; i < n; i++) {
        if ((int64_t)(n - i) > keep) {
            char *p = path_join(dir, v[i]);

            removed += unlink(p) == 0;
            free(p);
        }
        free(v[i]);
    }
    free(v);
    return removed;
}

/* A dated copy into DIR (0640, DIR's group unless GROUP), then only the
 * newest KEEP copies are kept. */
static int
scheduled(struct app *a, const char *dir, int64_t keep, gid_t gid, struct err *e)
{
    struct sbuf name = SBUF_INIT;
    char *stem = stem_of(a->db_path);
    char now[32];
    struct stat st;
    size_t i;
    int rc = -1;

    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        free(stem);
        return err_set(e, ERR_IO, _("'%s' is not a directory; --keep writes dated copies into a directory"),
                       dir);
    }
    clock_now(now, sizeof(now));
    for (i = 0; now[i] != '\0'; i++) {
        now[i] = now[i] == ' ' ? '-' : now[i];
    }
    sbuf_addf(&name, "%s/%s-%.10s-%.2s%.2s%.2s.db", dir, stem, now, now + 11, now + 14,
              now + 17);
    if (copy_one(a, name.buf, 0, 0640, gid != (gid_t)-1 ? gid : st.st_gid, e) == 0) {
        printf(_("Kept the newest %" PRId64 " copies in %s; removed %d older ones.\n"), keep,
               dir, prune(dir, stem, keep));
        rc = 0;
    }
    sbuf_release(&name);
    free(stem);
    return rc;
}

/* ---- --verify ---------------------------------------------------------------- */

static int
verify(const char *path)
{
    struct backup_info in;
    struct err e;

    err_clear(&e);
    if (db_backup_verify(path, &in, &e) < 0) {
        return cli_fail(&e);
    }
    if (in.problems > 0) {
        printf(_("%s: DAMAGED: %s (%d problems found); do not restore from this copy.\n"), path,
               in.first_problem, in.problems);
        return EXIT_FINDINGS;
    }
    printf(_("%s: sound. A zhenxing database of %s (schema %d), created %s: %" PRId64
             " households, %" PRId64 " persons, %" PRId64 " monitoring cases, %" PRId64
             " audit rows, the newest of %s.\n"),
           path, in.county[0] != '\0' ? in.county : "-", in.schema,
           in.created_at[0] != '\0' ? in.created_at : "-", in.households, in.persons,
           in.cases, in.audit_rows, in.last_audit[0] != '\0' ? in.last_audit : "-");
    return EXIT_OK;
}

/* The store's backup directory (made 2770, the store's group, when it
 * is not there yet), where `backup --keep N` without a directory keeps
 * its copies; NULL with E when there is no store. */
static char *
store_backups(struct err *e)
{
    struct stat st;
    char *dir;

    if (priv_store()[0] == '\0' || stat(priv_store(), &st) != 0) {
        err_set(e, ERR_USAGE, "%s", _("there is no county store here: give the directory to keep the copies in (backup --keep N DIR)"));
        return NULL;
    }
    dir = path_join(priv_store(), "backup");
    if (!path_exists(dir) &&
        (path_mkdirs_mode(dir, 02770, e) < 0 || chown(dir, (uid_t)-1, st.st_gid) != 0 ||
         chmod(dir, 02770) != 0)) {
        if (e->code == 0) {
            err_set(e, ERR_IO, _("cannot create directory '%s': %s"), dir, strerror(errno));
        }
        free(dir);
        return NULL;
    }
    return dir;
}

static int backup_run(struct app *a, const struct backup_args *o);

/* backup --keep N: into the store's backup directory. */
static int
backup_kept(struct app *a, struct backup_args *o)
{
    struct err e;
    char *dir;
    int rc;

    err_clear(&e);
    dir = store_backups(&e);
    if (dir == NULL) {
        return cli_fail(&e);
    }
    o->dest = dir;
    rc = backup_run(a, o);
    free(dir);
    return rc;
}

int
cmd_backup(struct app *a, int argc, char **argv)
{
    const struct cmd *c = cli_find("backup");
    struct backup_args o;
    int rc;

    memset(&o, 0, sizeof(o));
    if ((rc = cli_opts_parse(c, backup_opts, 0, argc, argv, 1, &o, destination)) != 0) {
        return rc;
    }
    if (o.dest == NULL && o.keep && !o.verify) {
        return backup_kept(a, &o);
    }
    if (o.dest == NULL) {
        return cli_usage_error(c, "%s", o.keep ? _("give the directory to keep the copies in")
                                               : _("give the file to write the copy to"));
    }
    if (o.verify) {
        return o.keep || o.force || o.group ? cli_usage_error(c, "%s", _("--verify takes only the file to check"))
                                            : verify(o.dest);
    }
    return backup_run(a, &o);
}

/* A copy as O says, by a login that may make one. */
static int
backup_run(struct app *a, const struct backup_args *o)
{
    struct err e;
    gid_t gid = (gid_t)-1;
    int rc;

    err_clear(&e);
    if ((o->group != NULL && group_of(o->group, &gid, &e) < 0) || may_backup(a, &e) < 0) {
        return cli_fail(&e);
    }
    if (o->keep) {
        rc = scheduled(a, o->dest, o->keep, gid, &e);
    } else {
        rc = not_the_store(a, o->dest, &e) < 0
                 ? -1
                 : copy_one(a, o->dest, o->force, o->group != NULL ? 0640 : 0600, gid, &e);
    }
    return rc < 0 ? cli_fail(&e) : EXIT_OK;
}

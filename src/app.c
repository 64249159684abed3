/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * app.c - ordered set-up and tear-down of struct app.
 */
#include "config.h"
#include "app.h"
#include "print/print.h"

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cfg/policy_load.h"
#include "core/date.h"
#include "db/db.h"
#include "db/db_staff.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/priv.h"
#include "util/xalloc.h"

int
app_today(void)
{
    int y, m, d;

    clock_today(&y, &m, &d);
    return date_from_ymd(y, m, d);
}

void
app_print_env(struct app *a, struct print_env *env)
{
    env->db = a->db;
    env->actor = &a->actor;
    env->codes = &a->policy.codes;
    env->county = a->county;
    env->hotline = a->settings.print_hotline;
    env->today = app_today();
    env->ctx = app_rule_ctx(a);
    env->warn = NULL;
}

static void
find_login(struct app *a)
{
    /* The real uid: who ran us, whatever the program's set-id bits. */
    struct passwd *pw = getpwuid(getuid());

    snprintf(a->login, sizeof(a->login), "%s",
             pw != NULL ? pw->pw_name : "unknown");
}

int
app_db_yours(const char *path, struct err *e)
{
    struct stat st;
    int yours;

    if (priv_in_store(path)) {
        yours = 0;
    } else if (lstat(path, &st) != 0) {
        /* A new file: made with the user's own rights. */
        yours = errno == ENOENT;
    } else {
        yours = S_ISREG(st.st_mode) && st.st_uid == getuid();
    }
    if (!yours) {
        return err_set(e, ERR_DENIED, _("--db %s: on this server zhenxing opens the county's database itself; --db takes only a database file of your own (an ordinary file you own, outside %s)"),
                       path, priv_store());
    }
    return 0;
}

/* The store's directory: that of the system settings' database, else
 * the one `zhenxing setup` makes. */
static void
set_store(const struct app *a)
{
    char *dir;

    if (a->settings.store_db[0] == '\0') {
        priv_set_store(STOREDIR);
        return;
    }
    dir = path_dirname(a->settings.store_db);
    priv_set_store(dir);
    free(dir);
}

/* The database file: --db (when setgid, only a file of the user's own),
 * else the setting (the store when it is the system file's), else the
 * XDG default. */
static int
resolve_db(struct app *a, struct err *e)
{
    char *dir;

    if (a->db_override != NULL) {
        if (priv_setgid() && app_db_yours(a->db_override, e)) {
            return -1;
        }
        a->db_path = xstrdup(a->db_override);
    } else if (a->settings.database[0] != '\0') {
        a->db_path = xstrdup(a->settings.database);
        a->db_store = strcmp(a->settings.database, a->settings.store_db) == 0;
    } else {
        dir = path_data_home();
        a->db_path = path_join(dir, "county.db");
        free(dir);
    }
    return 0;
}

int
app_init(struct app *a, const char *config_file, const char *db_override,
         struct err *e)
{
    char *localedir = path_localedir();

    memset(a, 0, sizeof(*a));
    i18n_init(localedir);
    free(localedir);
    a->config_file = config_file;
    a->db_override = db_override;
    settings_init(&a->settings);
    find_login(a);
    a->datadir = path_datadir();
    if (settings_load(&a->settings, config_file, e)) {
        return -1;
    }
    i18n_set_language(a->settings.language);
    set_store(a);
    return resolve_db(a, e);
}

int
app_load_policy(struct app *a, struct err *e)
{
    char *county = settings_policy_dir(&a->settings);
    int rc = policy_load(&a->policy, a->datadir, county, &a->settings.warnings, e);

    free(county);
    a->policy_loaded = rc == 0;
    return rc;
}

int
app_may_create(const struct app *a, struct err *e)
{
    if (a->db_store && priv_setgid() && getuid() != 0) {
        return err_set(e, ERR_DENIED, _("the county's database in the store %s is made by 'zhenxing setup' (run by root), not by init or demo"),
                       priv_store());
    }
    return 0;
}

int
app_open_conn(struct app *a, int flags, struct db **out, struct err *e)
{
    int raise = a->db_store && !(flags & DB_CREATE);
    int rc;

    *out = NULL;
    if ((flags & DB_CREATE) && app_may_create(a, e)) {
        return -1;
    }
    if (raise && priv_raise(e)) {
        return -1;
    }
    /* db_open reads the file's header, a read transaction: SQLite opens
     * the WAL and maps the SHM for it, so all three are open before the
     * group is given back (later reads and writes use those files). */
    rc = db_open(out, a->db_path, flags, a->settings.busy_timeout, e);
    if (raise) {
        priv_drop();
    }
    return rc;
}

void
app_close_conn(struct app *a, struct db *db)
{
    struct err e;
    int raised;

    if (db == NULL) {
        return;
    }
    /* The last connection to close checkpoints and removes the WAL and
     * the SHM: in the store that takes its group. */
    raised = a->db_store && priv_raise(&e) == 0;
    db_close(db);
    if (raised) {
        priv_drop();
    }
}

void
app_close_db(struct app *a)
{
    app_close_conn(a, a->db);
    a->db = NULL;
}

int
app_open_db(struct app *a, int flags, struct err *e)
{
    if (app_open_conn(a, flags, &a->db, e)) {
        return -1;
    }
    if (db_meta_get(a->db, "province", a->province, sizeof(a->province), e) ||
        db_meta_get(a->db, "county", a->county, sizeof(a->county), e)) {
        return -1;
    }
    return 0;
}

int
app_login(struct app *a, struct err *e)
{
    return db_actor_load(a->db, a->login, &a->actor, e);
}

struct rule_ctx
app_rule_ctx(const struct app *a)
{
    struct rule_ctx ctx;

    ctx.policy = &a->policy;
    ctx.province = a->province;
    ctx.today = app_today();
    return ctx;
}

void
app_flush_warnings(struct app *a)
{
    size_t i;

    for (i = 0; i < a->settings.warnings.n; i++) {
        fprintf(stderr, "zhenxing: %s %s\n", _("warning:"), a->settings.warnings.v[i]);
    }
    notes_clear(&a->settings.warnings);
}

void
app_release(struct app *a)
{
    app_close_db(a);
    if (a->policy_loaded) {
        policy_free(&a->policy);
    }
    settings_release(&a->settings);
    free(a->db_path);
    free(a->datadir);
    memset(a, 0, sizeof(*a));
}

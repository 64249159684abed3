/*
 * app.c - ordered set-up and tear-down of struct app.
 */
#include "config.h"
#include "app.h"
#include "print/print.h"

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cfg/policy_load.h"
#include "core/date.h"
#include "db/db.h"
#include "db/db_staff.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"
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
}

static void
find_login(struct app *a)
{
    /* The real uid: who ran us, whatever the program's set-id bits. */
    struct passwd *pw = getpwuid(getuid());

    snprintf(a->login, sizeof(a->login), "%s",
             pw != NULL ? pw->pw_name : "unknown");
}

/* The database file: --db, else the setting, else the XDG default. */
static char *
resolve_db(const struct app *a)
{
    char *dir, *p;

    if (a->db_override != NULL) {
        return xstrdup(a->db_override);
    }
    if (a->settings.database[0] != '\0') {
        return xstrdup(a->settings.database);
    }
    dir = path_data_home();
    p = path_join(dir, "county.db");
    free(dir);
    return p;
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
    a->db_path = resolve_db(a);
    return 0;
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
app_open_db(struct app *a, int flags, struct err *e)
{
    if (db_open(&a->db, a->db_path, flags, a->settings.busy_timeout, e)) {
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
    db_close(a->db);
    if (a->policy_loaded) {
        policy_free(&a->policy);
    }
    settings_release(&a->settings);
    free(a->db_path);
    free(a->datadir);
    memset(a, 0, sizeof(*a));
}

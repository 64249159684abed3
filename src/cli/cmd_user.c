/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cmd_user.c - `zhenxing user add|list|set`: staff accounts bound to Unix
 * logins.  Only administrators change accounts.
 */
#include "config.h"
#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "cli/opts.h"
#include "db/db.h"
#include "db/db_division.h"
#include "db/db_staff.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/u8.h"

struct user_opts {
    const char *name;
    const char *role;
    const char *scope;
    int county;      /* --county: whole county */
    int active;      /* 0 unchanged, 1 --disable, 2 --enable (the last wins) */
};

static const struct cli_opt user_opts[] = {
    {.name = "--name", .kind = OPT_TEXT, .off = offsetof(struct user_opts, name)},
    {.name = "--role", .kind = OPT_TEXT, .off = offsetof(struct user_opts, role)},
    {.name = "--scope", .kind = OPT_TEXT, .off = offsetof(struct user_opts, scope)},
    {.name = "--county", .kind = OPT_FLAG, .off = offsetof(struct user_opts, county)},
    {.name = "--disable", .kind = OPT_FLAG, .off = offsetof(struct user_opts, active), .lo = 1},
    {.name = "--enable", .kind = OPT_FLAG, .off = offsetof(struct user_opts, active), .lo = 2},
    {.name = NULL},
};

static int
parse(int argc, char **argv, struct user_opts *o)
{
    const struct cmd *c = cli_find("user");
    int rc;

    memset(o, 0, sizeof(*o));
    if ((rc = cli_opts_parse(c, user_opts, 0, argc, argv, 1, o, NULL)) != 0) {
        return rc;
    }
    if (o->scope != NULL && o->county) {
        return cli_usage_error(c, "%s", _("give either --scope or --county, not both"));
    }
    return 0;
}

static int
need_admin(const struct app *a)
{
    if (a->actor.role != ROLE_ADMIN) {
        fprintf(stderr, "zhenxing: %s\n",
                _("only an administrator may change accounts"));
        return EXIT_ERROR;
    }
    return 0;
}

/* "township" or "township/village" of the account's scope. */
static void
scope_text(struct db *db, int64_t id, char *out, size_t n)
{
    struct division d, t;

    if (id == 0 || db_division_get(db, id, &d, NULL)) {
        snprintf(out, n, "%s", id == 0 ? _("whole county") : "?");
        return;
    }
    if (d.level == 3 && db_division_get(db, d.parent_id, &t, NULL) == 0) {
        snprintf(out, n, "%s/%s", t.name, d.name);
    } else {
        snprintf(out, n, "%s", d.name);
    }
}

static int
list(struct app *a)
{
    struct staff *v;
    struct sbuf sb = SBUF_INIT;
    struct err e;
    size_t i, n;
    char scope[420];

    err_clear(&e);
    if (db_staff_list(a->db, &v, &n, &e)) {
        return cli_fail(&e);
    }
    for (i = 0; i < n; i++) {
        sbuf_reset(&sb);
        u8_pad(&sb, v[i].login, 16, 0);
        u8_pad(&sb, v[i].name, 14, 0);
        u8_pad(&sb, role_label(v[i].role), 14, 0);
        scope_text(a->db, v[i].scope_id, scope, sizeof(scope));
        u8_pad(&sb, scope, 30, 0);
        sbuf_adds(&sb, v[i].active ? "" : _("disabled"));
        sbuf_rtrim(&sb);
        printf("%s\n", sb.buf);
    }
    sbuf_release(&sb);
    free(v);
    return EXIT_OK;
}

/* Apply the options to S; returns an exit status or 0. */
static int
apply_opts(struct app *a, const struct user_opts *o, struct staff *s)
{
    const struct cmd *c = cli_find("user");
    struct division d;
    struct err e;

    err_clear(&e);
    if (o->name != NULL) {
        snprintf(s->name, sizeof(s->name), "%s", o->name);
        if (strlen(o->name) >= sizeof(s->name)) {
            return cli_usage_error(c, "%s", account_status_message(ACCOUNT_NAME));
        }
    }
    if (o->role != NULL && role_parse(o->role, &s->role)) {
        return cli_usage_error(c, _("unknown role '%s'"), o->role);
    }
    if (o->county) {
        s->scope_id = 0;
    }
    if (o->scope != NULL) {
        if (db_division_resolve(a->db, o->scope, &d, &e)) {
            return cli_fail(&e);
        }
        s->scope_id = d.id;
    }
    if (o->active != 0) {
        s->active = o->active == 2;
    }
    return 0;
}

static int
add(struct app *a, const char *login, const struct user_opts *o)
{
    const struct cmd *c = cli_find("user");
    struct staff s;
    struct err e;
    int rc;

    err_clear(&e);
    if (o->name == NULL || o->role == NULL) {
        return cli_usage_error(c, "%s", _("'user add' needs --name and --role"));
    }
    memset(&s, 0, sizeof(s));
    s.active = 1;
    snprintf(s.login, sizeof(s.login), "%s", login);
    if (strlen(login) >= sizeof(s.login)) {
        return cli_usage_error(c, "%s", account_status_message(ACCOUNT_LOGIN));
    }
    if ((rc = apply_opts(a, o, &s)) != 0) {
        return rc;
    }
    if (db_begin(a->db, &e) || db_staff_add(a->db, a->login, &s, &e) ||
        db_commit(a->db, &e)) {
        db_rollback(a->db);
        return cli_fail(&e);
    }
    printf(_("Added the account '%s' (%s).\n"), s.login, role_label(s.role));
    return EXIT_OK;
}

static int
set(struct app *a, const char *login, const struct user_opts *o)
{
    struct staff old, s;
    struct err e;
    int rc;

    err_clear(&e);
    if (db_staff_find(a->db, login, &old, &e)) {
        return cli_fail(&e);
    }
    s = old;
    if ((rc = apply_opts(a, o, &s)) != 0) {
        return rc;
    }
    if (old.id == a->actor.staff_id && (s.role != ROLE_ADMIN || !s.active)) {
        fprintf(stderr, "zhenxing: %s\n",
                _("you cannot take away your own administrator rights; ask another administrator"));
        return EXIT_ERROR;
    }
    if (db_begin(a->db, &e) || db_staff_update(a->db, a->login, &old, &s, &e) ||
        db_commit(a->db, &e)) {
        db_rollback(a->db);
        return cli_fail(&e);
    }
    printf(_("Changed the account '%s'.\n"), login);
    return EXIT_OK;
}

int
cmd_user(struct app *a, int argc, char **argv)
{
    const struct cmd *c = cli_find("user");
    struct user_opts o;
    const char *verb = argc > 1 ? argv[1] : "";
    int rc;

    if (strcmp(verb, "list") == 0) {
        return argc > 2 ? cli_usage_error(c, _("unexpected argument '%s'"), argv[2])
                        : list(a);
    }
    if (strcmp(verb, "add") != 0 && strcmp(verb, "set") != 0) {
        return cli_usage_error(c, "%s", _("say 'user list', 'user add' or 'user set'"));
    }
    if (argc < 3 || argv[2][0] == '-') {
        return cli_usage_error(c, _("'user %s' needs a login name"), verb);
    }
    if ((rc = parse(argc - 2, argv + 2, &o)) != 0 || (rc = need_admin(a)) != 0) {
        return rc;
    }
    return strcmp(verb, "add") == 0 ? add(a, argv[2], &o) : set(a, argv[2], &o);
}

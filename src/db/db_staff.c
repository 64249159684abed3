/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_staff.c - staff accounts.
 */
#include "config.h"
#include "db/db_staff.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db_audit.h"
#include "db/db_division.h"
#include "db/db_priv.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#define COLS "id, login, name, role, coalesce(scope_id, 0), active, version"

/* One row of the queries below (COLS) into ROW. */
static void
read_row(sqlite3_stmt *st, void *row)
{
    struct staff *s = row;
    char role[16];

    s->id = db_col_int(st, 0);
    db_col_text(st, 1, s->login, sizeof(s->login));
    db_col_text(st, 2, s->name, sizeof(s->name));
    db_col_text(st, 3, role, sizeof(role));
    if (role_parse(role, &s->role)) {
        s->role = ROLE_VIEWER;
    }
    s->scope_id = db_col_int(st, 4);
    s->active = (int)db_col_int(st, 5);
    s->version = db_col_int(st, 6);
}

int
db_staff_find(struct db *db, const char *login, struct staff *out,
              struct err *e)
{
    static const char sql[] = "SELECT " COLS " FROM staff WHERE login = ?";
    sqlite3_stmt *st = db_prep(db, sql, e);
    int rc;

    if (st != NULL) {
        db_bind_text(st, 1, login);
    }
    rc = db_row(db, st, read_row, out, _("reading accounts"), e);
    return rc <= 0 ? rc : err_set(e, ERR_NOTFOUND, _("no account for the login '%s'"), login);
}

int
db_staff_list(struct db *db, struct staff **v, size_t *n, struct err *e)
{
    static const char sql[] = "SELECT " COLS " FROM staff ORDER BY login";

    return db_rows(db, db_prep(db, sql, e), sizeof(**v), read_row, NULL, (void **)v, n,
                   _("reading accounts"), e);
}

/* The level of division ID (LEVEL_COUNTY for 0). */
static int
scope_level(struct db *db, int64_t id, int *level, struct err *e)
{
    struct division d;

    if (id == 0) {
        *level = LEVEL_COUNTY;
        return 0;
    }
    if (db_division_get(db, id, &d, e)) {
        return -1;
    }
    *level = d.level;
    return 0;
}

static int
validate(struct db *db, const struct staff *s, struct err *e)
{
    enum account_status st;
    int level;

    if (scope_level(db, s->scope_id, &level, e)) {
        return -1;
    }
    st = account_check(s->login, s->name, s->role, level);
    if (st != ACCOUNT_OK) {
        return err_set(e, ERR_INVALID, "%s", account_status_message(st));
    }
    return 0;
}

int
db_staff_add(struct db *db, const char *actor, struct staff *s, struct err *e)
{
    static const char sql[] =
        "INSERT INTO staff(login, name, role, scope_id, active, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
    sqlite3_stmt *st;
    char now[32];

    if (validate(db, s, e) || (st = db_prep(db, sql, e)) == NULL) {
        return -1;
    }
    clock_now(now, sizeof(now));
    db_bind_text(st, 1, s->login);
    db_bind_text(st, 2, s->name);
    db_bind_text(st, 3, role_name(s->role));
    db_bind_id(st, 4, s->scope_id);
    db_bind_int(st, 5, s->active);
    db_bind_text(st, 6, now);
    db_bind_text(st, 7, now);
    if (sqlite3_step(st) != SQLITE_DONE) {
        int dup = sqlite3_extended_errcode(db->h) == SQLITE_CONSTRAINT_UNIQUE;

        sqlite3_reset(st);
        if (dup) {
            return err_set(e, ERR_INVALID, _("there is already an account for the login '%s'"),
                           s->login);
        }
        return db_fail(db, e, _("adding the account"));
    }
    sqlite3_reset(st);
    s->id = sqlite3_last_insert_rowid(db->h);
    s->version = 1;
    return db_audit(db, actor, "insert", "staff", s->id, "login", NULL,
                    s->login, e);
}

/* The audited fields of S as text, in a fixed order. */
static void
as_text(const struct staff *s, char scope[24], char active[4],
        const char *v[4])
{
    snprintf(scope, 24, "%lld", (long long)s->scope_id);
    snprintf(active, 4, "%d", s->active);
    v[0] = s->name;
    v[1] = role_name(s->role);
    v[2] = scope;
    v[3] = active;
}

int
db_staff_update(struct db *db, const char *actor, const struct staff *old,
                const struct staff *new_s, struct err *e)
{
    static const char sql[] =
        "UPDATE staff SET name = ?, role = ?, scope_id = ?, active = ?, "
        "updated_at = ?, version = version + 1 WHERE id = ? AND version = ?";
    static const char *const names[4] = {"name", "role", "scope_id", "active"};
    const char *ov[4], *nv[4];
    char os[24], oa[4], ns[24], na[4], now[32];
    sqlite3_stmt *st;

    if (validate(db, new_s, e) || (st = db_prep(db, sql, e)) == NULL) {
        return -1;
    }
    clock_now(now, sizeof(now));
    db_bind_text(st, 1, new_s->name);
    db_bind_text(st, 2, role_name(new_s->role));
    db_bind_id(st, 3, new_s->scope_id);
    db_bind_int(st, 4, new_s->active);
    db_bind_text(st, 5, now);
    db_bind_int(st, 6, old->id);
    db_bind_int(st, 7, old->version);
    if (db_done(db, st, e)) {
        return -1;
    }
    if (sqlite3_changes(db->h) == 0) {
        return err_set(e, ERR_CONFLICT,
                       _("the account '%s' was changed by someone else meanwhile; read it again and repeat the change"),
                       old->login);
    }
    as_text(old, os, oa, ov);
    as_text(new_s, ns, na, nv);
    return db_audit_diff(db, actor, "staff", old->id, names, ov, nv, 4, e);
}

int
db_actor_load(struct db *db, const char *login, struct actor *out,
              struct err *e)
{
    struct staff s;

    if (db_staff_find(db, login, &s, e)) {
        if (e != NULL && e->code == ERR_NOTFOUND) {
            err_set(e, ERR_DENIED,
                    _("the login '%s' has no zhenxing account; ask the administrator to run: zhenxing user add %s --name NAME --role ROLE"),
                    login, login);
        }
        return -1;
    }
    if (!s.active) {
        return err_set(e, ERR_DENIED, _("the account '%s' is disabled"), login);
    }
    memset(out, 0, sizeof(*out));
    out->staff_id = s.id;
    snprintf(out->login, sizeof(out->login), "%s", s.login);
    snprintf(out->name, sizeof(out->name), "%s", s.name);
    out->role = s.role;
    out->scope_id = s.scope_id;
    return scope_level(db, s.scope_id, &out->scope_level, e);
}

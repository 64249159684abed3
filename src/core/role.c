/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * role.c - role names and scope tests.
 */
#include "config.h"
#include "core/role.h"

#include <string.h>

#include "util/array.h"
#include "util/i18n.h"
#include "util/names.h"
#include "util/u8.h"

static const char *const names[ROLE_COUNT] = {
    "admin", "county", "township", "village", "viewer",
};

static const char *const labels[ROLE_COUNT] = {
    N_("administrator"), N_("county staff"), N_("township staff"),
    N_("village cadre"), N_("read only"),
};

static const struct enum_names roles = {names, labels, ROLE_COUNT};

const char *
role_name(enum role r)
{
    return enum_name(&roles, r);
}

const char *
role_label(enum role r)
{
    return enum_label(&roles, r);
}

int
role_parse(const char *name, enum role *out)
{
    int v;

    if (enum_parse(&roles, name, &v)) {
        return -1;
    }
    *out = (enum role)v;
    return 0;
}

int
actor_sees(const struct actor *a, int64_t township_id, int64_t village_id)
{
    switch (a->scope_level) {
    case LEVEL_TOWNSHIP:
        return township_id == a->scope_id;
    case LEVEL_VILLAGE:
        return village_id == a->scope_id;
    default:
        return 1;
    }
}

int
actor_writes(const struct actor *a)
{
    return a->role != ROLE_VIEWER;
}

int
actor_changes(const struct actor *a, int64_t township_id, int64_t village_id)
{
    return actor_writes(a) && actor_sees(a, township_id, village_id);
}

/* The roles that may see whole ID numbers. */
#define REVEAL_ROLES (ROLE_BIT(ROLE_ADMIN) | ROLE_BIT(ROLE_COUNTY) | ROLE_BIT(ROLE_TOWNSHIP))

int
actor_reveals(const struct actor *a)
{
    return (REVEAL_ROLES & ROLE_BIT(a->role)) != 0;
}

static int
login_ok(const char *s)
{
    size_t i, n = strlen(s);

    if (n == 0 || n > 32 || !((s[0] >= 'a' && s[0] <= 'z') || s[0] == '_')) {
        return 0;
    }
    for (i = 1; i < n; i++) {
        char c = s[i];

        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
              c == '-' || c == '.')) {
            return 0;
        }
    }
    return 1;
}

enum account_status
account_check(const char *login, const char *name, enum role role,
              int scope_level)
{
    size_t n = strlen(name);

    if (!login_ok(login)) {
        return ACCOUNT_LOGIN;
    }
    if (n == 0 || u8_chars(name) > 30 || !u8_valid(name, n)) {
        return ACCOUNT_NAME;
    }
    switch (role) {
    case ROLE_TOWNSHIP:
        return scope_level == LEVEL_TOWNSHIP ? ACCOUNT_OK : ACCOUNT_SCOPE;
    case ROLE_VILLAGE:
        return scope_level == LEVEL_VILLAGE ? ACCOUNT_OK : ACCOUNT_SCOPE;
    case ROLE_ADMIN:
    case ROLE_COUNTY:
        return scope_level == LEVEL_COUNTY ? ACCOUNT_OK : ACCOUNT_SCOPE;
    default:
        return scope_level == LEVEL_NATURAL_VILLAGE ? ACCOUNT_SCOPE : ACCOUNT_OK;
    }
}

static const char *const account_messages[] = {
    [ACCOUNT_LOGIN] = N_("the login must be a Unix user name: lower-case letters, digits, '_', '-' or '.', starting with a letter, at most 32"),
    [ACCOUNT_NAME] = N_("the display name must be 1 to 30 characters"),
    [ACCOUNT_SCOPE] = N_("the scope does not fit the role: township staff need a township, village cadres a village, county staff and administrators the whole county"),
};

const char *
account_status_message(enum account_status st)
{
    return i18n_pick(account_messages, ARRAY_SIZE(account_messages), st);
}

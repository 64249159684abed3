/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * role.h - staff roles and scopes.  An account is bound to a Unix login,
 * has one role, and a scope: the whole county, one township or one
 * village.  Every list, change and print is limited to the scope.
 */
#ifndef ZX_ROLE_H
#define ZX_ROLE_H

#include <stdint.h>

enum role {
    ROLE_ADMIN = 0,   /* county IT: accounts, plus county business */
    ROLE_COUNTY,      /* county bureau: approvals */
    ROLE_TOWNSHIP,    /* township staff: entry and review */
    ROLE_VILLAGE,     /* village cadres: entry */
    ROLE_VIEWER,      /* read only */
    ROLE_COUNT
};

#define ROLE_BIT(r) (1u << (r))

/* Levels of the division tree (also the scope levels). */
enum division_level {
    LEVEL_COUNTY = 1,
    LEVEL_TOWNSHIP = 2,
    LEVEL_VILLAGE = 3,        /* administrative village (行政村) */
    LEVEL_NATURAL_VILLAGE = 4 /* 自然村 / 村民小组 */
};

/* Who is acting: the staff account of the Unix login. */
struct actor {
    int64_t staff_id;
    char login[64];
    char name[96];
    enum role role;
    int64_t scope_id;     /* division id; 0 = whole county */
    int scope_level;      /* LEVEL_COUNTY, LEVEL_TOWNSHIP or LEVEL_VILLAGE */
};

/* "admin", "county", ... (stored in the database). */
const char *role_name(enum role r);
/* Translated label (系统管理员, 县级...). */
const char *role_label(enum role r);
/* Parse a stored name; -1 when unknown. */
int role_parse(const char *name, enum role *out);

/* 1 when ACTOR may see a household in TOWNSHIP_ID / VILLAGE_ID. */
int actor_sees(const struct actor *a, int64_t township_id,
               int64_t village_id);
/* 1 when ACTOR may change data (not a viewer). */
int actor_writes(const struct actor *a);
/* 1 when ACTOR may change a household in TOWNSHIP_ID / VILLAGE_ID: the
 * account writes and the household is in its scope. */
int actor_changes(const struct actor *a, int64_t township_id,
                  int64_t village_id);
/* 1 when ACTOR's role may see whole ID and phone numbers of the
 * households it sees (administrators, county and township staff; every
 * time is recorded in the audit log). */
int actor_reveals(const struct actor *a);



/* Why an account's fields are not acceptable. */
enum account_status {
    ACCOUNT_OK = 0,
    ACCOUNT_LOGIN,      /* not a Unix login name */
    ACCOUNT_NAME,       /* display name empty, too long or not UTF-8 */
    ACCOUNT_SCOPE,      /* scope level does not fit the role */
};

/* Check LOGIN (a Unix user name: lower-case letters, digits, '_', '-',
 * at most 32), NAME (1-30 characters) and that a scope of SCOPE_LEVEL
 * (LEVEL_COUNTY for the whole county) fits ROLE: township staff need a
 * township, village cadres a village, county staff and administrators
 * the whole county. */
enum account_status account_check(const char *login, const char *name,
                                  enum role role, int scope_level);
const char *account_status_message(enum account_status st);

#endif

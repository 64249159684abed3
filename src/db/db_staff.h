/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_staff.h - staff accounts bound to Unix logins, with role and scope.
 */
#ifndef ZX_DB_STAFF_H
#define ZX_DB_STAFF_H

#include <stddef.h>
#include <stdint.h>

#include "core/role.h"

struct db;
struct err;

struct staff {
    int64_t id;
    char login[64];
    char name[96];
    enum role role;
    int64_t scope_id;       /* 0 = whole county */
    int active;
    int64_t version;
};

/* The account of LOGIN; ERR_NOTFOUND when none. */
int db_staff_find(struct db *db, const char *login, struct staff *out,
                  struct err *e);

/* All accounts ordered by login; caller frees *V. */
int db_staff_list(struct db *db, struct staff **v, size_t *n, struct err *e);

/* Add S (checked with account_check); sets S->id. */
int db_staff_add(struct db *db, const char *actor, struct staff *s,
                 struct err *e);

/* Replace the account OLD (as read, with its version) by NEW_S.
 * ERR_CONFLICT when someone changed it since OLD was read. */
int db_staff_update(struct db *db, const char *actor,
                    const struct staff *old, const struct staff *new_s,
                    struct err *e);

/* The acting user for LOGIN: an active account, with its scope level.
 * ERR_DENIED when there is no such account or it is disabled. */
int db_actor_load(struct db *db, const char *login, struct actor *out,
                  struct err *e);

#endif

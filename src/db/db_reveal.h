/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_reveal.h - showing a household's whole ID and phone numbers: the
 * role and scope are checked and the look is recorded in the audit log,
 * in one transaction, before any screen shows them.
 */
#ifndef ZX_DB_REVEAL_H
#define ZX_DB_REVEAL_H

#include <stdint.h>

struct actor;
struct db;
struct err;

/* Record that ACTOR sees the whole ID numbers of household HH (an audit
 * row: reveal, household HH, id_no).  0, or -1 with E: ERR_DENIED when
 * the role may not (actor_reveals) or the household is outside the
 * scope, ERR_NOTFOUND when there is no such household. */
int db_reveal_household(struct db *db, const struct actor *a, int64_t hh, struct err *e);

#endif

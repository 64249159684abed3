/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_check.h - the database's own integrity: PRAGMA quick_check (or
 * integrity_check) and foreign_key_check.  They can run on a second
 * connection in a background thread while the caller reads the data, so
 * a check of a large county takes the time of the slower of the two.
 */
#ifndef ZX_DB_CHECK_H
#define ZX_DB_CHECK_H

#include <stddef.h>

struct db;
struct err;
struct integrity;

/* Collect the problems found (empty when sound) into *V (N entries; free
 * each and the array).  FULL: the slower integrity_check. */
int db_integrity(struct db *db, int full, char ***v, size_t *n,
                 struct err *e);

/* Start db_integrity() on the connection DB in a background thread: a
 * second connection to the file, opened by the caller (the store is
 * opened only with its group, which a thread does not take), used by
 * nothing else until db_integrity_finish, and closed by the caller
 * afterwards. */
struct integrity *db_integrity_start(struct db *db, int full);

/* Wait for it and take its results as db_integrity() gives them. */
int db_integrity_finish(struct integrity *it, char ***v, size_t *n,
                        struct err *e);

#endif

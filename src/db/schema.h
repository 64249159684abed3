/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * schema.h - the database schema as forward-only migrations keyed by
 * PRAGMA user_version.  Migration N turns a version N-1 database into
 * version N inside one transaction.
 */
#ifndef ZX_SCHEMA_H
#define ZX_SCHEMA_H

struct db;
struct err;

/* PRAGMA application_id of zhenxing databases ("ZX" + 1). */
#define SCHEMA_APPLICATION_ID 0x5A580001

/* Bring DB up to the latest version. */
int schema_migrate(struct db *db, struct err *e);

#endif

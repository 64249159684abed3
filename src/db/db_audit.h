/*
 * db_audit.h - the audit log: who changed what, when, old -> new.  Every
 * repository function that changes data calls it inside the same
 * transaction as the change.  The table refuses updates and deletes.
 */
#ifndef ZX_DB_AUDIT_H
#define ZX_DB_AUDIT_H

#include <stdint.h>

struct db;
struct err;

/* OP: insert, update, delete, step, reveal, print, export, bulk.
 * FIELD, OLD and NEW may be NULL. */
int db_audit(struct db *db, const char *actor, const char *op,
             const char *tbl, int64_t row, const char *field,
             const char *old_value, const char *new_value, struct err *e);

/* Audit rows for the fields whose values differ: NAMES[i] changed from
 * OLDV[i] to NEWV[i] (N entries). */
int db_audit_diff(struct db *db, const char *actor, const char *tbl,
                  int64_t row, const char *const *names,
                  const char *const *oldv, const char *const *newv, int n,
                  struct err *e);

/* Rows in the audit log (for tests and `zhenxing check`). */
int64_t db_audit_count(struct db *db, struct err *e);

#endif

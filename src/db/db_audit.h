/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_audit.h - the audit log: who changed what, when, old -> new.  Every
 * repository function that changes data calls it inside the same
 * transaction as the change.  The table refuses updates and deletes.
 */
#ifndef ZX_DB_AUDIT_H
#define ZX_DB_AUDIT_H

#include <stddef.h>
#include <stdint.h>

struct db;
struct err;

/* OP: insert, update, delete, step, reveal, print, export, bulk,
 * undelivered.
 * FIELD, OLD and NEW may be NULL. */
int db_audit(struct db *db, const char *actor, const char *op,
             const char *tbl, int64_t row, const char *field,
             const char *old_value, const char *new_value, struct err *e);

/* The reason every audit row written on DB from now on gives (an
 * import: "imported from FILE"), until set again; NULL or "" clears it.
 * Set around work that writes rows for a cause other than the actor's
 * own edit, so that its callers need not pass it row by row. */
void db_audit_reason_set(struct db *db, const char *reason);

/* Audit rows for the fields whose values differ: NAMES[i] changed from
 * OLDV[i] to NEWV[i] (N entries). */
int db_audit_diff(struct db *db, const char *actor, const char *tbl,
                  int64_t row, const char *const *names,
                  const char *const *oldv, const char *const *newv, int n,
                  struct err *e);

/* Data leaving the database: a print, an export or a backup.  Its
 * audit rows are written and committed before the data leaves (audit
 * first): when they cannot be, nothing may be delivered. */
struct audit_out {
    const char *actor;
    const char *op;             /* "print" or "export" */
    const char *tbl;            /* the table of the records it shows */
    const char *what;           /* the kind (card, csv, backup...): field */
    const char *dest;           /* where it goes: new */
    const int64_t *ids;         /* the records it shows, one row each; */
    size_t nids;                /* none: one row without a record */
    int64_t nrows;              /* how many records or rows it holds */
    int revealed;               /* it shows whole ID numbers */
    const char *detail;         /* what it was made of (an export's filters):
                                   old, or NULL */
};

/* The rows of O, in a transaction of their own (call outside one). */
int db_audit_out(struct db *db, const struct audit_out *o, struct err *e);

/* O was not delivered after all: the same rows with operation
 * "undelivered" and REASON as the new value. */
int db_audit_undelivered(struct db *db, const struct audit_out *o,
                         const char *reason, struct err *e);

struct audit_row {
    char at[20];
    char actor[64];
    char op[12];
    char tbl[24];
    int64_t row;
    char field[32];
    char *old_value;     /* owned, may be NULL */
    char *new_value;
    char *reason;        /* owned, NULL for none (db_audit_reason_set) */
};

/* The audit rows about household HH and its records (members, incomes,
 * guarantees, case, measures, visits), newest first, at most LIMIT;
 * free with audit_rows_free. */
int db_audit_household(struct db *db, int64_t hh, int limit,
                       struct audit_row **v, size_t *n, struct err *e);
void audit_rows_free(struct audit_row *v, size_t n);

/* Rows in the audit log (for tests and `zhenxing check`). */
int64_t db_audit_count(struct db *db, struct err *e);

#endif

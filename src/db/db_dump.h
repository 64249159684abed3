/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_dump.h - the county's tables row by row as text, every table read in
 * one read transaction (one state of the data whatever other connections
 * write meanwhile): what a county snapshot (print/snapshot.h) is made of.
 */
#ifndef ZX_DB_DUMP_H
#define ZX_DB_DUMP_H

#include <stddef.h>

struct db;
struct err;

/* How many tables a snapshot holds, and the name of the Ith (NULL past
 * the end), in the order it writes them. */
size_t db_dump_count(void);
const char *db_dump_name(size_t i);

/* The most columns a table may have. */
#define DB_DUMP_MAX_COLS 64

/* One row of a table: N columns named NAMES[i] of declared type TYPES[i]
 * (INTEGER, TEXT, REAL); V[i] the value as text, NULL for SQL NULL. */
struct db_row {
    int n;
    const char *const *names;
    const char *const *types;
    const char *const *v;
};

/* Called once with V NULL (the header) and then once per row; a
 * non-zero return stops the dump (with E set by the callback). */
typedef int (*db_row_fn)(void *ctx, const struct db_row *r, struct err *e);

/* Start the read transaction (and read, so that its state is fixed now). */
int db_dump_begin(struct db *db, struct err *e);
/* Every row of table I to FN, in the transaction. */
int db_dump_table(struct db *db, size_t i, db_row_fn fn, void *ctx, struct err *e);
/* End the read transaction. */
void db_dump_end(struct db *db);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_import.h - the writing side of an import of the national sheet:
 * places found or created, one household (the rows of its members, as
 * core/exchange.h reads them) created or updated field by field, inside
 * the caller's transaction, with savepoints so that a household that
 * cannot be stored leaves nothing behind (--partial).
 *
 * Matching: households by 户编号, persons by ID number.  A new household
 * is inserted with its members, the income of the import's year (the
 * sheet's 人均纯收入 times the members) and, when the sheet gives a
 * monitoring category, a case whose steps (county approval, and the
 * elimination approved when the risk is eliminated) are recorded as
 * imported history.  An existing household: its fields and its members'
 * changed fields are updated with one audit row each (old -> new), new
 * members added, members the sheet does not name left alone, a case it
 * already has left alone.  Every household written gets its list row.
 */
#ifndef ZX_DB_IMPORT_H
#define ZX_DB_IMPORT_H

#include <stddef.h>
#include <stdint.h>

#include "core/exchange.h"

struct actor;
struct db;
struct err;
struct rule_ctx;

struct ximport_stats {
    long hh_created, hh_updated, hh_same;
    long p_created, p_updated, p_same;
    long cases, cases_kept;
    long places;
};

struct ximport_ctx {
    const struct rule_ctx *ctx;
    const struct actor *a;
    const char *channel;        /* the channel code of an imported case */
    const char *elim_method;    /* the method when the sheet gives none */
    const char *note;           /* the steps' note: "导入 FILE" */
    int year;                   /* the income's year */
    int fresh;                  /* no household was stored before: nothing
                                 * to look for (the sheet's households and
                                 * persons were checked to be distinct) */
};

/* The division named NAME under PARENT (0: the county's level) at LEVEL
 * into *ID; when there is none it is added (audited) and *CREATED set. */
int db_import_place(struct db *db, const char *actor, int level, int64_t parent,
                    const char *name, int64_t *id, int *created, struct err *e);

/* Store the household of ROWS (N rows of one 户编号) at TOWN, VILL and
 * NAT (0: none).  ERR_DENIED for a household the actor may not change,
 * ERR_INVALID for a member registered in another household; the caller
 * undoes the household's savepoint. */
int db_import_household(struct db *db, const struct ximport_ctx *x,
                        const struct xrecord *rows, size_t n, int64_t town,
                        int64_t vill, int64_t nat, struct ximport_stats *st,
                        struct err *e);

/* The import's transaction: begun with a page cache large enough for a
 * county's import (256 MiB; the connection's 16 MiB otherwise spills
 * the transaction's pages to the WAL again and again), the cache given
 * back when it ends (db_import_end after the commit or rollback). */
int db_import_begin(struct db *db, struct err *e);
void db_import_end(struct db *db);

/* The households stored, into *N (before the import writes). */
int db_import_count(struct db *db, long *n, struct err *e);

/* An import into a county that has no household (EXISTING 0), or of
 * HOUSEHOLDS households or more (at least 1,000) into a county of
 * EXISTING, fewer than HOUSEHOLDS times 2: the list's indexes, the audit
 * log's and the search index are built once at the end
 * (db_import_reindex, before the commit) rather than kept current row by
 * row, as the demo's bulk load does; smaller imports into a county that
 * has households keep them current.  Once put off, they stay so (a later
 * call does nothing), so an import reading the sheet once may call it
 * with the households read so far: into an empty county it is put off
 * from the first household (the search index, once written to, would
 * be synced at every statement of the transaction after). */
int db_import_bulk(struct db *db, long households, long existing, struct err *e);
int db_import_reindex(struct db *db, struct err *e);

/* A savepoint before one household; kept or undone after it. */
int db_import_mark(struct db *db, struct err *e);
int db_import_keep(struct db *db, struct err *e);
void db_import_undo(struct db *db);

#endif

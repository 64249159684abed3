/*
 * db_registry.h - what the saves of the registry's records share (for
 * the files of db/ only).  A save is one transaction: the household the
 * record belongs to is read once, with the check that the actor may
 * change it;
 * then the record's own checks, the version check, the record with its
 * audit rows (db_rec.c), and the household's list row, summarized from
 * that household and its records (db_list_refresh_hh).  The record
 * definitions the snapshots read with are here too.
 */
#ifndef ZX_DB_REGISTRY_H
#define ZX_DB_REGISTRY_H

#include <stddef.h>
#include <stdint.h>

#include "core/household.h"
#include "db/db_rec.h"

struct actor;
struct rule_ctx;

/* The columns of the registry's records. */
extern const struct rec_def household_def, person_def, income_def,
    guarantee_def, measure_def, visit_def, case_def;

/* One save: who saves, and the household it changes as stored (read
 * once, by reg_load). */
struct reg_save {
    struct db *db;
    const struct rule_ctx *ctx;
    const struct actor *a;
    struct household hh;
    struct err *e;
};

/* Run STORE(S, ARG) in a transaction; when it succeeds, refresh the list
 * row of S->hh (which STORE loaded or stored).  On failure nothing is
 * written. */
int reg_tx(struct db *db, const struct rule_ctx *ctx, const struct actor *a,
           int (*store)(struct reg_save *s, void *arg), void *arg,
           struct err *e);

/* ERR_DENIED unless A may change the registry. */
int reg_may_write(const struct actor *a, struct err *e);
/* ERR_DENIED unless S->a may change household S->hh at TOWNSHIP, VILLAGE
 * (where it is, or where it goes). */
int reg_may_change(const struct reg_save *s, int64_t township, int64_t village);
/* Read household HH into S->hh and check that S->a may change it. */
int reg_load(struct reg_save *s, int64_t hh);

/* A kind of record of a household: a member, an income, a guarantee, a
 * measure or a visit. */
struct reg_kind {
    const struct rec_def *def;
    size_t size;                 /* sizeof the record */
    size_t hh_off;               /* its int64_t household_id */
    void (*init)(void *rec);     /* NULL: zeroed */
    void (*clear)(void *rec);    /* NULL: nothing owned */
    /* Before the transaction: computed fields, checks that need no
     * database (NULL: none). */
    int (*prepare)(const struct rule_ctx *ctx, void *rec, struct err *e);
    /* The kind's own checks of REC against the database (OLD: as stored,
     * NULL for a new record); may set fields of REC (NULL: none). */
    int (*check)(struct reg_save *s, const void *old, void *rec);
    /* ERR_CONFLICT: OLD was saved by someone else meanwhile. */
    int (*conflict)(const struct reg_save *s, const void *old);
    /* ERR_INVALID: REC would move OLD to another household (NULL: the
     * general message). */
    int (*moved)(const struct reg_save *s, const void *old);
};

/* Save REC of kind K: added when its id is 0, else updated from its
 * version as loaded.  On failure REC is as it was passed. */
int reg_save_record(struct db *db, const struct rule_ctx *ctx,
                    const struct actor *a, const struct reg_kind *k,
                    void *rec, struct err *e);

/* The record of DEF whose id SQL selects for household HH and YEAR into
 * REC: 0, 1 when there is none, -1 on error. */
int reg_get_year(struct db *db, const struct rec_def *def, const char *sql,
                 int64_t hh, int year, void *rec, struct err *e);

#endif

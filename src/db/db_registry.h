/* SPDX-License-Identifier: GPL-3.0-or-later */
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

/* The first column of a record of a household: the household it belongs
 * to, written when the record is added and never moved. */
#define REG_PARENT(type) REC_COLF(type, household_id, RC_ID, RF_NOTNULL | RF_INSERT)

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
    /* A yearly record (one a household a year: incomes, guarantees):
     * its int year; 0 for the others. */
    size_t year_off;
    void (*init)(void *rec);     /* NULL: zeroed */
    void (*clear)(void *rec);    /* NULL: nothing owned */
    /* Before the transaction: computed fields, checks that need no
     * database (NULL: none). */
    int (*prepare)(const struct rule_ctx *ctx, void *rec, struct err *e);
    /* The kind's own checks of REC against the database (OLD: as stored,
     * NULL for a new record); may set fields of REC (NULL: none). */
    int (*check)(struct reg_save *s, const void *old, void *rec);
    /* ERR_CONFLICT: OLD was saved by someone else meanwhile (NULL: the
     * record named by its table, and its year if yearly). */
    int (*conflict)(const struct reg_save *s, const void *old);
    /* ERR_INVALID: the save would move OLD to another household (NULL:
     * the general message). */
    int (*moved)(const struct reg_save *s, const void *old);
};

/* The fields of a kind of record of TYPE stored by COLS (a struct rec_def)
 * with a member household_id. */
#define REG_KIND(type, cols) \
    .def = &(cols), .size = sizeof(type), .hh_off = offsetof(type, household_id)

/* Save REC of kind K: added when its id is 0, else updated from its
 * version as loaded.  A yearly record's year must be free in its
 * household.  On failure REC is as it was passed. */
int reg_save_record(struct db *db, const struct rule_ctx *ctx,
                    const struct actor *a, const struct reg_kind *k,
                    void *rec, struct err *e);

/* The yearly record of kind K of household HH and YEAR into REC: 0, 1
 * when there is none, -1 on error. */
int reg_get_year(struct db *db, const struct reg_kind *k, int64_t hh,
                 int year, void *rec, struct err *e);

/* The functions of db_*.h that save and insert a kind of record (with
 * REC_GET, that read one): db_NAME_save (REC of kind KIND by
 * reg_save_record), db_NAME_insert (rec_insert by DEF, with its audit row
 * when AUDIT). */
#define REG_SAVE(name, type, kind)                                          \
    int db_##name##_save(struct db *db, const struct rule_ctx *ctx,         \
                         const struct actor *a, type *rec, struct err *e)   \
    {                                                                       \
        return reg_save_record(db, ctx, a, &(kind), rec, e);                \
    }
#define REG_INSERT(name, type, def)                                         \
    int db_##name##_insert(struct db *db, const char *actor, type *rec,     \
                           int audit, struct err *e)                        \
    {                                                                       \
        return rec_insert(db, &(def), audit ? actor : NULL, rec, e);        \
    }

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_household.h - households and their members in the database: read,
 * inserted, created and changed the way staff do through the forms, a
 * member leaving, household numbers, the search for similar households.
 *
 * Every save of the registry's records (here and db_record.h)
 * is one transaction that
 *   1. checks the actor may write (not a viewer) and sees the household
 *      (ERR_DENIED otherwise);
 *   2. for an existing record, checks that its stored version is the one
 *      the user loaded (the record's version field): when someone else
 *      saved meanwhile nothing is written and ERR_CONFLICT says so;
 *   3. stores the record (constraints refused with plain words,
 *      ERR_INVALID);
 *   4. writes the audit log: one "insert" row for a new record, one
 *      "update" row per changed field (old -> new as text) for a change;
 *   5. refreshes the household's list row (db_list_refresh).
 * On success the record's id and version are those stored; on failure the
 * database is as it was.  Reads (db_*_get) fill a record for editing, and
 * give "theirs" when a save conflicts.
 *
 * The inserts (db_*_insert) store a record alone, for bulk loads and
 * tests: callers wrap them in db_begin()/db_commit(); with AUDIT they
 * write an "insert" row to the audit log (bulk generators pass 0 and
 * write one "bulk" row for the whole batch).
 */
#ifndef ZX_DB_HOUSEHOLD_H
#define ZX_DB_HOUSEHOLD_H

#include <stddef.h>
#include <stdint.h>

#include "core/household.h"
#include "core/idno.h"
#include "core/role.h"

struct db;
struct err;
struct rule_ctx;

/* A new household and its members (at least one; one of them related
 * to the head by a relation code tagged "head") in one transaction.  An
 * empty H->hh_no gets the next free number of the village
 * (db_household_next_no).  A household number or a member's ID number
 * already registered (to a current member) is refused with words that
 * name the household holding it. */
int db_household_create(struct db *db, const struct rule_ctx *ctx,
                        const struct actor *a, struct household *h,
                        struct person *members, size_t n, struct err *e);

/* Update household H (H->id, H->version as loaded).  Moving it to
 * another village needs the actor to see both places. */
int db_household_update(struct db *db, const struct rule_ctx *ctx,
                        const struct actor *a, struct household *h,
                        struct err *e);

/* Add (P->id == 0) or update a member of P->household_id.  A new member
 * is current (in_household 1); an update never changes membership (see
 * db_person_remove) nor moves the member to another household.  The ID
 * number of a current member is refused when another current member holds
 * it, with the household named.  The head relation is not checked here
 * (to change the head, save the new head, then the old one). */
int db_person_save(struct db *db, const struct rule_ctx *ctx,
                   const struct actor *a, struct person *p, struct err *e);

/* Member ID leaves the household (in_household = 0) on DAY (DATE_NONE:
 * today; not after today) for REASON (required, at most 200 bytes),
 * VERSION as loaded.  The head cannot be removed while other members
 * remain (make another member the head first): ERR_RULE.  Audited as
 * an "update" of in_household, left_reason and left_on. */
int db_person_remove(struct db *db, const struct rule_ctx *ctx,
                     const struct actor *a, int64_t id, int64_t version,
                     const char *reason, int day, struct err *e);

/* One record; ERR_NOTFOUND when there is none. */
int db_household_get(struct db *db, int64_t id, struct household *h,
                     struct err *e);
int db_person_get(struct db *db, int64_t id, struct person *p,
                  struct err *e);

/* Insert a household, a member (sets its id). */
int db_household_insert(struct db *db, const char *actor,
                        struct household *h, int audit, struct err *e);
int db_person_insert(struct db *db, const char *actor, struct person *p,
                     int audit, struct err *e);
/* Store H over OLD (as stored) without audit rows: a bulk load's change
 * (audited with its batch's "bulk" row).  ERR_CONFLICT as db_household_update. */
int db_household_bulk_update(struct db *db, const struct household *old, struct household *h,
                             struct err *e);

/* Look a household up by its number; ERR_NOTFOUND when none. */
int db_household_id(struct db *db, const char *hh_no, int64_t *id,
                    struct err *e);
/* The number of household ID into OUT (N bytes); ERR_NOTFOUND when none. */
int db_household_no(struct db *db, int64_t id, char *out, size_t n,
                    struct err *e);

/* The next free household number of VILLAGE: the village's code (its
 * 12 digits) and a 4-digit sequence after the highest in use.  A village
 * without a 12-digit code, or whose sequence reached 9999: ERR_INVALID. */
int db_household_next_no(struct db *db, int64_t village, char out[HH_NO_BUF],
                         struct err *e);

/* Search before create: households that may already hold the person
 * being entered. */
enum similar_why {
    SIM_ID = 1 << 0,              /* same ID number (a current member) */
    SIM_NAME_VILLAGE = 1 << 1,    /* same name in the same village */
    SIM_INITIALS_BIRTH = 1 << 2,  /* same pinyin initials and birth date */
};

struct similar_hh {
    int64_t id;                   /* the household */
    int in_scope;                 /* 0: outside the actor's scope */
    unsigned why;                 /* enum similar_why bits */
    /* Shown only when IN_SCOPE ("" otherwise): */
    char hh_no[HH_NO_BUF];
    char head[NAME_BUF];
    char village[200];            /* "乡镇 行政村" */
    char person[NAME_BUF];        /* the member who matched */
    char id_masked[IDNO_BUF];     /* that member's ID, masked */
};

/* Up to LIMIT (0: no limit) households with a current member matching
 * NAME (may be "") in VILLAGE, ID_NO (normalized; may be ""), or NAME's
 * pinyin initials and BIRTH (DATE_NONE: not used), strongest match first
 * (ID, then name and village, then initials and birth; among equals,
 * more kinds of match first, then by household id).  EXCEPT_HH (0: none)
 * is left out (the household being edited).  HEAD is the head shown in
 * the list of households (hh_list).  Free *V. */
int db_household_similar(struct db *db, const struct actor *a,
                         const char *name, const char *id_no,
                         int64_t village, int birth, int64_t except_hh,
                         int limit, struct similar_hh **v, size_t *n,
                         struct err *e);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_case.h - monitoring cases and their steps in the database: moving a
 * case through its procedure (load the household, let core decide with
 * case_apply, store the case, the step and the audit rows in one
 * transaction), and the inserts of a bulk load.
 */
#ifndef ZX_DB_CASE_H
#define ZX_DB_CASE_H

#include <stdint.h>

#include "core/rules.h"

struct db;
struct err;

/* Apply IN to the case of household HH as ACTOR.  EXPECT_VERSION is the
 * version of the case the user saw (0 when the household had no open
 * case); when the stored case differs, nothing is stored and ERR_CONFLICT
 * says so.  Rule failures are listed in F.  On success *CASE_ID (may be
 * NULL) is the case's id. */
int db_case_act(struct db *db, const struct rule_ctx *ctx,
                const struct actor *actor, int64_t hh,
                int64_t expect_version, const struct step_input *in,
                struct findings *f, int64_t *case_id, struct err *e);

/* The same, running ALSO(DB, ACTOR, the case's id, ARG, E) in the same
 * transaction after the step is stored (a warning marked as made into
 * this clue): its failure undoes the step. */
int db_case_act_also(struct db *db, const struct rule_ctx *ctx,
                     const struct actor *actor, int64_t hh, int64_t expect_version,
                     const struct step_input *in, struct findings *f, int64_t *case_id,
                     int (*also)(struct db *db, const struct actor *actor,
                                 int64_t case_id, void *arg, struct err *e),
                     void *arg, struct err *e);

/* Add RISK (a code of table "risk") to the open case of household S (in
 * the identification procedure or monitored; ERR_RULE otherwise, and
 * when it has MCASE_MAX_RISKS already): the case updated with its audit
 * rows by ACTOR (its risks as one field, old -> new) and a step 新增风险
 * of DAY with NOTE in its history (the state unchanged, audited as a
 * step).  *ADDED is 0 when the case had the risk.  Never a second case.
 * Callers hold the transaction. */
struct hh_snapshot;
int db_case_add_risk(struct db *db, const char *actor, const struct hh_snapshot *s,
                     const char *risk, int day, const char *note, int *added,
                     struct err *e);

/* A new case with its risks (sets C->id), audited as an "insert" by
 * ACTOR when AUDIT; a step of it (sets S->id; S->at "" is now).  Callers
 * hold the transaction (see db_household.h on bulk loads). */
int db_case_insert(struct db *db, const char *actor, struct mcase *c,
                   int audit, struct err *e);
int db_step_insert(struct db *db, struct case_step *s, struct err *e);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * rules.h - the judgements of the monitoring registry: consistency rules
 * (domain.md 3.2, 4.6), the elimination criteria (4.6), and applying a
 * procedure action to a case (4.4).  Pure functions over a household
 * snapshot and the policy tables.
 */
#ifndef ZX_RULES_H
#define ZX_RULES_H

#include "core/findings.h"
#include "core/household.h"
#include "core/policy.h"
#include "core/role.h"

struct err;

struct rule_ctx {
    const struct policy *policy;
    const char *province;   /* the county's province code */
    int today;              /* day number */
};

/* The code tables of the context's policy. */
const struct codebook *rule_codes(const struct rule_ctx *ctx);

/* The rules in force for the context's province in YEAR; an empty set
 * (all zero) when the policy has none, never NULL. */
const struct rules *rules_in_force(const struct rule_ctx *ctx, int year);

/* The rules in force in YEAR, or NULL with E set (ERR_CONFIG) when the
 * policy files have none for it: what needs a number of the rules (a
 * form's publicity days) says so rather than making one up. */
const struct rules *rules_needed(const struct rule_ctx *ctx, int year, struct err *e);

/* 1 when some current member can work (labour code tagged "labour"). */
int hh_has_labour(const struct codebook *cb, const struct hh_snapshot *s);

/* 1 when a development measure (category tagged "development") of the
 * current identification was carried out by DAY: started on or after the
 * case's identification (any start when it has none) and on or before
 * DAY.  A measure of an earlier identification does not count for the
 * 1-month rule nor for 帮扶消除 (domain.md 4.4, 4.6). */
int hh_has_dev_measure(const struct codebook *cb,
                       const struct hh_snapshot *s, int day);

/* Append to F everything the consistency rules find in S. */
void rules_check_household(const struct rule_ctx *ctx,
                           const struct hh_snapshot *s, struct findings *f);

/* Append to F of those findings only the ones the assessment counts
 * (PR02, PR03, EL01, VS01; a few others come along), as
 * rules_check_household finds them, of a snapshot that may hold only what
 * they look at (snap_iter_open_counted). */
void rules_check_counted(const struct rule_ctx *ctx,
                         const struct hh_snapshot *s, struct findings *f);

/* Append to F every elimination criterion that an elimination on DAY with
 * METHOD (elim_method code) would break. */
void rules_check_elimination(const struct rule_ctx *ctx,
                             const struct hh_snapshot *s, int day,
                             const char *method, struct findings *f);

/* Apply IN to the household's case as ACTOR.  Checks, in order: the
 * actor may write and sees the household, the action is legal in the
 * case's state and allowed to the role, the inputs are complete and
 * valid, and the rules of the step hold.  On success returns 0 and fills
 * NEXT (the case after the action; owns its strings) and STEP (the
 * history record).  NEXT and STEP must be initialized (mcase_init,
 * case_step_init); whatever they held is freed.  On refusal returns -1
 * with E saying why; rule failures are also listed in F. */
int case_apply(const struct rule_ctx *ctx, const struct actor *actor,
               const struct hh_snapshot *s, const struct step_input *in,
               struct mcase *next, struct case_step *step,
               struct findings *f, struct err *e);

/* The procedure steps ACTOR may take on the household of S now, into OUT
 * (CA_COUNT entries): those of the case's state allowed to the role, none
 * when the actor may not change the household (read-only, outside the
 * scope).  Returns how many. */
size_t case_steps_for(const struct actor *actor, const struct hh_snapshot *s,
                      enum case_action *out);

/* Longest description or note accepted, in bytes. */
#define RULES_TEXT_MAX 4000

#endif

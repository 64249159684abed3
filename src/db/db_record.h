/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_record.h - the records kept for a household in the database: the
 * income of a year and the four guarantees checked in a year (one of
 * each a year), the assistance measures (帮扶措施) and the visits (走访).
 * Saved as db_household.h describes.
 */
#ifndef ZX_DB_RECORD_H
#define ZX_DB_RECORD_H

#include <stdint.h>

#include "core/household.h"
#include "core/role.h"

struct db;
struct err;
struct rule_ctx;

/* The income of INC->household_id for INC->year: added when INC->id is
 * 0 (ERR_CONFLICT when that year was added meanwhile), else updated.
 * Net and per-capita income are computed (income_compute); line_fen and
 * line_year are set to the monitoring line of the county's province for
 * that year (policy_line), 0 when none is known. */
int db_income_save(struct db *db, const struct rule_ctx *ctx,
                   const struct actor *a, struct income *inc, struct err *e);

/* The four guarantees of G->household_id for G->year; added or updated
 * like incomes. */
int db_guarantee_save(struct db *db, const struct rule_ctx *ctx,
                      const struct actor *a, struct guarantee *g,
                      struct err *e);

/* A measure or a visit: added (id 0) or updated.  A measure's case (0:
 * none) must be a case of its household. */
int db_measure_save(struct db *db, const struct rule_ctx *ctx,
                    const struct actor *a, struct measure *m, struct err *e);
int db_visit_save(struct db *db, const struct rule_ctx *ctx,
                  const struct actor *a, struct visit *v, struct err *e);

/* The yearly record of household HH for YEAR; ERR_NOTFOUND when there is
 * none. */
int db_income_get(struct db *db, int64_t hh, int year, struct income *inc,
                  struct err *e);
int db_guarantee_get(struct db *db, int64_t hh, int year,
                     struct guarantee *g, struct err *e);

/* One measure or visit; ERR_NOTFOUND when there is none.  The visit's
 * findings (owned) are replaced; free them as usual. */
int db_measure_get(struct db *db, int64_t id, struct measure *m,
                   struct err *e);
int db_visit_get(struct db *db, int64_t id, struct visit *v, struct err *e);

/* Insert a record alone (sets its id; see db_household.h).  The income's
 * net and per-capita figures are computed first. */
int db_income_insert(struct db *db, const char *actor, struct income *inc,
                     int audit, struct err *e);
int db_guarantee_insert(struct db *db, const char *actor,
                        struct guarantee *g, int audit, struct err *e);
int db_measure_insert(struct db *db, const char *actor, struct measure *m,
                      int audit, struct err *e);
int db_visit_insert(struct db *db, const char *actor, struct visit *v,
                    int audit, struct err *e);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_assess_src.h - the data sources of the computed assessment
 * indicators (core/assess.h assess_sources[]): for one unit (a township,
 * a village, a resident team, a partner) and one year, the input an
 * indicator scores - a rate in basis points or a count - with what it is
 * made of, in words, so that every point can be explained.
 *
 * The year is judged on its last day, or on CTX->today while it runs.
 * Registry sources (measures_coverage, dev_measure_labour, overdue_cases,
 * early_eliminations, visits_on_time, publicity_compliance) read the
 * households of the unit as they are now and apply the same rules as
 * `zhenxing check` (core/rules.c) on that day; funds sources read the
 * unit's projects, allocations and assets of the year; team sources the
 * team's members and attendance of the year; partner_target_rate the
 * partner's targets against actuals.
 */
#ifndef ZX_DB_ASSESS_SRC_H
#define ZX_DB_ASSESS_SRC_H

#include <stddef.h>
#include <stdint.h>

struct db;
struct err;
struct rule_ctx;

/* What is assessed. */
enum assess_unit_kind {
    AU_TOWNSHIP = 0,
    AU_VILLAGE,
    AU_TEAM,
    AU_PARTNER,
};

/* "township", "village", "team", "partner" and back. */
const char *assess_unit_name(enum assess_unit_kind k);
int assess_unit_parse(const char *name, enum assess_unit_kind *k);

#define ASSESS_WHY_BUF 400

struct assess_input {
    int64_t value;          /* a rate in basis points, or a count */
    int is_rate;
    int64_t num, den;       /* a rate's numerator and denominator (den 0: no
                               one to count, the rate is taken as 100%) */
    char why[ASSESS_WHY_BUF]; /* translated: "监测户53户，落实帮扶措施52户（98.11%）" */
};

/* The input of SOURCE for unit KIND/ID in YEAR; ERR_INVALID for a source
 * that does not apply to KIND (team_absences of a township) or is
 * unknown. */
int db_assess_input(struct db *db, const struct rule_ctx *ctx, const char *source,
                    enum assess_unit_kind kind, int64_t id, int year,
                    struct assess_input *out, struct err *e);

/* The inputs of the N sources SRCS for one unit into OUT[N]: the same as
 * N calls of db_assess_input, with one pass over the unit's households
 * for all the registry's sources. */
int db_assess_inputs(struct db *db, const struct rule_ctx *ctx, enum assess_unit_kind kind,
                     int64_t id, int year, const char *const *srcs, size_t n,
                     struct assess_input *out, struct err *e);

/* The inputs of the N sources SRCS for each of the NU units IDS into
 * OUT[NU * N] (unit by unit): the same as db_assess_inputs for each unit,
 * with one pass over the households with a case for all of them. */
int db_assess_inputs_units(struct db *db, const struct rule_ctx *ctx,
                           enum assess_unit_kind kind, const int64_t *ids, size_t nu,
                           int year, const char *const *srcs, size_t n,
                           struct assess_input *out, struct err *e);

#endif

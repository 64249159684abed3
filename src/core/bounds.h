/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bounds.h - the sanity bounds of amounts typed into forms, in fen, by
 * what the amount is.  They are not policy: no rule says a household may
 * not earn more or a receipt may not be larger.  They are far above any
 * real amount of the kind, to catch an extra digit, a number typed into
 * the wrong field or an amount typed in fen, when the field is left.  A
 * limit that is a policy number (the monitoring line, a share of the
 * funds) belongs to share/policy/rules.conf, not here.
 */
#ifndef ZX_BOUNDS_H
#define ZX_BOUNDS_H

#include <stdint.h>

#define BOUND_YUAN(yuan) ((int64_t)(yuan) * 100)

/* One item of a household's income or spending of a year (wages,
 * production, transfers...): 1,000,000 yuan. */
#define BOUND_HOUSEHOLD_YEAR BOUND_YUAN(1000000)
/* A fund receipt, an allocation to a project, a payment, a project's
 * planned investment or own funds: 1,000,000,000 yuan. */
#define BOUND_FUNDS BOUND_YUAN(1000000000)
/* An asset's value from one source, its proceeds when disposed of:
 * 1,000,000,000 yuan. */
#define BOUND_ASSET BOUND_YUAN(1000000000)
/* An asset's income, its distribution or its upkeep of a year:
 * 100,000,000 yuan. */
#define BOUND_ASSET_YEAR BOUND_YUAN(100000000)
/* A partner's target or what it brought in a year: 1,000,000,000 yuan. */
#define BOUND_PARTNER BOUND_YUAN(1000000000)

#endif

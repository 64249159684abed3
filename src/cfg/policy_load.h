/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * policy_load.h - read the policy data files (libconfig) into struct
 * policy: codes.conf and policy/{lines,rules,calendar}.conf from the data
 * directory, then the county's own copies from its policy directory,
 * whose entries replace shipped ones with the same key.
 */
#ifndef ZX_POLICY_LOAD_H
#define ZX_POLICY_LOAD_H

#include <stddef.h>

struct notes;
struct policy;
struct err;

/* Load DATADIR's files, then COUNTY_DIR's (may be NULL or missing).
 * A malformed file is refused with its name, line and reason; a key
 * nothing reads (misspelled?) is a warning in WARN (may be NULL) with its
 * file and line. */
int policy_load(struct policy *p, const char *datadir,
                const char *county_dir, struct notes *warn, struct err *e);

/* 0 when NAME is a percentage key of rules.conf ("industry_min_pct"),
 * with *OFFSET where struct rules keeps it (an int, basis points); -1
 * otherwise.  An assessment template names such a key for a threshold
 * that follows the rules of the round's year. */
int policy_rule_pct(const char *name, size_t *offset);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * helpers.h - fixtures shared by the unit tests: the shipped policy, a
 * temporary directory, dates, and a household snapshot that passes every
 * rule, for tests to break one thing at a time.
 */
#ifndef ZX_TEST_HELPERS_H
#define ZX_TEST_HELPERS_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "core/household.h"
#include "core/policy.h"
#include "core/role.h"
#include "core/rules.h"

/* The source tree's share/ (from $top_srcdir, else "."). */
const char *helpers_datadir(void);

/* Load the shipped policy files; fails the test when they do not load. */
void helpers_policy(struct policy *p);

/* A national rules entry from YEAR on, a copy of the one in force before
 * it, added to P (or P's own national entry of YEAR when it has one);
 * change its fields to make a new rule of YEAR. */
struct rules *helpers_rules_from(struct policy *p, int year);

/* A fresh empty directory under $TMPDIR (removed by helpers_rmdir). */
char *helpers_tmpdir(void);
void helpers_rmdir(char *dir);

/* Write TEXT to DIR/NAME; returns the path (caller frees). */
char *helpers_write(const char *dir, const char *name, const char *text);

/* Load the shipped policy files plus a county directory holding FILES
 * (pairs of name and text, NULL-terminated), warnings into WARN (may be
 * NULL); returns policy_load's result with E.  The directory goes to
 * *DIR_OUT (for helpers_rmdir), or is removed when DIR_OUT is NULL. */
struct notes;
int helpers_policy_with(struct policy *p, const char *const *files, struct notes *warn,
                        struct err *e, char **dir_out);

/* Day number of "YYYY-MM-DD"; fails the test on a bad date. */
int D(const char *iso);

/* A household that breaks no rule on TODAY: four members (two can work),
 * incomes well above the line, guarantees secured, no case. */
void helpers_household(struct hh_snapshot *s, int64_t id);

/* Give S a monitored case identified on IDENT with risk RISK ("01" ...),
 * with its history steps, a development measure 10 days after and visits
 * every 25 days up to TODAY. */
void helpers_monitored(struct hh_snapshot *s, int ident, const char *risk,
                       int today);

/* An actor with ROLE and the whole county as scope. */
struct actor helpers_actor(enum role role);

/* 1 when F has a finding with CODE. */
int helpers_has(const struct findings *f, const char *code);

#endif

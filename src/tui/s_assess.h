/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * s_assess.h - the assessment workspace (F5): what its screens
 * (s_assess.c) and its forms (f_assess.c) share.  A round is always used
 * with its own template, parsed from the text kept with it.
 */
#ifndef ZX_S_ASSESS_H
#define ZX_S_ASSESS_H

#include <stddef.h>
#include <stdint.h>

#include "core/assess.h"
#include "db/db_assess.h"
#include "print/prints.h"

struct app;
struct err;
struct tui;

/* Open the root of the workspace (the rounds). */
int assess_open(struct tui *t);

/* The forms (f_assess.c); they return dirty flags.  A new round (the
 * templates of <datadir>/assess; a template refused is said and left
 * out); the points of line L of UNIT in ROUND; reopening ROUND (VERSION
 * as loaded) for a reason. */
unsigned round_new_dialog(struct tui *t);
unsigned score_dialog(struct tui *t, int64_t round, int64_t unit, const struct sheet_line *l);
unsigned reopen_dialog(struct tui *t, int64_t round, int64_t version);

#endif

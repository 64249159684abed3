/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * need.h - the checks every record's fields share (core/funds.c,
 * core/pair.c): a code of a table, a text within its length, a year, a
 * date not in the future, an amount in fen, a count; and the dates of a
 * procedure's steps (core/rules.c for cases, core/project.c for
 * projects).  Each returns 0, or -1 with E (ERR_INVALID, or ERR_RULE
 * where it says) in plain words naming WHAT.
 */
#ifndef ZX_NEED_H
#define ZX_NEED_H

#include <stdint.h>

#include "core/codes.h"

struct err;

#define NEED_TEXT_MAX 4000

/* CODE of table TABLE of CB ("" allowed unless REQUIRED). */
int need_code(const struct codebook *cb, const char *table, const char *code,
              int required, const char *what, struct err *e);
/* Valid UTF-8 of at most NEED_TEXT_MAX bytes (NULL or "" allowed unless
 * REQUIRED). */
int need_text(const char *s, int required, const char *what, struct err *e);
/* A mobile or landline number as a phone field takes it ("" allowed
 * unless REQUIRED). */
int need_phone(const char *s, int required, struct err *e);
/* 2000 to 2100. */
int need_year(int year, struct err *e);
/* A day not after TODAY (DATE_NONE allowed unless REQUIRED). */
int need_date(int day, int today, int required, const char *what, struct err *e);
/* 0 to MONEY_MAX_FEN, above 0 when POSITIVE. */
int need_amount(int64_t fen, int positive, const char *what, struct err *e);
/* 0 to 10,000,000. */
int need_count(int n, const char *what, struct err *e);
/* A publicity from START to END (both given, not reversed) of at least
 * MIN_DAYS days (ERR_RULE otherwise), not starting after TODAY. */
int need_publicity(int start, int end, int min_days, int today, struct err *e);
/* The day of a step of a procedure (a case's, a project's): given, not
 * after TODAY, not before PREV, the day of the step before it (DATE_NONE:
 * none to keep to). */
int need_step_day(int day, int prev, int today, struct err *e);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * money.h - amounts as integer fen (1 yuan = 100 fen) in int64_t.
 * Parsing from and formatting to yuan with two decimals; rounding rules
 * for shares and per-capita figures.
 */
#ifndef ZX_MONEY_H
#define ZX_MONEY_H

#include <stddef.h>
#include <stdint.h>

/* Largest amount accepted from input: 999,999,999,999.99 yuan. */
#define MONEY_MAX_FEN INT64_C(99999999999999)
/* Room for "-999,999,999,999.99" and NUL. */
#define MONEY_BUF 24

enum money_status {
    MONEY_OK = 0,
    MONEY_EMPTY,
    MONEY_FORMAT,     /* not a number */
    MONEY_NEGATIVE,   /* a minus sign where amounts cannot be negative */
    MONEY_DECIMALS,   /* more than two decimals */
    MONEY_TOO_LARGE,
};

/* Parse yuan ("1234", "1234.5", "1,234.56", surrounding blanks allowed)
 * into fen.  Negative amounts are refused unless ALLOW_NEGATIVE. */
enum money_status money_parse(const char *s, int allow_negative,
                              int64_t *fen);
const char *money_status_message(enum money_status st);

/* "1234.56" (GROUPED: "1,234.56"). */
void money_format(int64_t fen, int grouped, char out[MONEY_BUF]);

/* A whole number with thousands separators: "1,234,567". */
void money_group_int(int64_t v, char out[MONEY_BUF]);

/* NUM / DEN rounded half away from zero; DEN > 0. */
int64_t money_div_round(int64_t num, int64_t den);

/* Share of PART in WHOLE in basis points (1/100 of a percent), rounded
 * half up; 0 when WHOLE is 0. */
int64_t money_share_bp(int64_t part, int64_t whole);

/* Basis points BP as a percentage with two decimals ("55.00%") into OUT. */
void money_bp_text(int64_t bp, char *out, size_t n);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * u8.h - UTF-8 text measured in terminal columns.  Every string that is
 * laid out for a terminal or a text print goes through these helpers:
 * they never cut a character in half, count a Chinese character as two
 * columns, and turn invalid bytes into U+FFFD (one column, drawn as '?').
 */
#ifndef ZX_U8_H
#define ZX_U8_H

#include <stddef.h>
#include <stdint.h>

struct sbuf;

#define U8_REPLACEMENT 0xFFFDu

/* Decode one code point from S (at most N bytes).  Sets *LEN to the bytes
 * used (>= 1 when n > 0).  Invalid or truncated sequences decode to
 * U8_REPLACEMENT with *len = 1. */
uint32_t u8_decode(const char *s, size_t n, size_t *len);

/* Encode CP into OUT (at least 4 bytes); returns the byte count. */
size_t u8_encode(uint32_t cp, char *out);

/* 1 when S is entirely well-formed UTF-8 (no overlongs, no surrogates). */
int u8_valid(const char *s, size_t n);

/* Columns one code point takes: 0 for combining marks, 2 for wide East
 * Asian characters, 1 otherwise (control and invalid characters count 1
 * because they are drawn as a substitute). */
int u8_cpwidth(uint32_t cp);

/* 1 for code points never written to a terminal as they are: invalid
 * bytes (U8_REPLACEMENT) and C0/C1 control characters. */
int u8_unsafe(uint32_t cp);

/* Display width of a NUL-terminated string. */
size_t u8_width(const char *s);

/* The longest prefix of S that fits in COLS columns, in bytes; the width
 * of that prefix goes to *WIDTH (may be NULL). */
size_t u8_clip(const char *s, size_t cols, size_t *width);

/* Append S to SB clipped and padded with spaces to exactly COLS columns.
 * RIGHT aligns to the right.  Invalid bytes and control characters
 * become '?'. */
void u8_pad(struct sbuf *sb, const char *s, size_t cols, int right);

/* What ends a cell cut short: ASCII, one column in every terminal. */
#define U8_CUT_MARK '~'

/* The same for a table's cell: when S does not fit, it is clipped one
 * column shorter and U8_CUT_MARK takes the last column, so the reader
 * sees that it was cut ("川发改振兴〔2026〕~"). */
void u8_pad_cut(struct sbuf *sb, const char *s, size_t cols, int right);

/* Append S to SB with invalid UTF-8 and control characters replaced by
 * '?' (for echoing untrusted input). */
void u8_sanitize(struct sbuf *sb, const char *s);

/* Copy SRC into DST (N bytes) without splitting a UTF-8 character;
 * returns -1 (after copying the longest prefix that fits) when it did not
 * fit. */
int u8_copy(char *dst, size_t n, const char *src);

/* 1 when CP is punctuation that must not begin a line (the Chinese
 * rule of 避头: ，。、；：？！）」』》】 and their ASCII kin). */
int u8_no_line_start(uint32_t cp);

/* Number of code points in S. */
size_t u8_chars(const char *s);

#endif

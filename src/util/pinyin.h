/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * pinyin.h - Chinese names in the order and by the initials Chinese users
 * expect: a binary sort key that orders Chinese characters (every one
 * Unihan gives a reading) by pinyin (ASCII first, characters without a
 * reading after by code point), and pinyin initials ("张三" -> "zs") for
 * search.  When SURNAME is set, a name's first one or two characters are
 * read as the surname when tools/pinyin-surnames.txt reads it otherwise
 * (单 shàn, 解 xiè, 曾 zēng, 万俟 mòqí...).
 */
#ifndef ZX_PINYIN_H
#define ZX_PINYIN_H

#include <stddef.h>
#include <stdint.h>

/* Three bytes per character. */
#define PINYIN_KEY_UNIT 3

/* Write the sort key of S into OUT (at most N bytes, whole characters
 * only); returns its length.  Compare keys with memcmp. */
size_t pinyin_key(const char *s, int surname, unsigned char *out, size_t n);

/* Write the initials of S into OUT (N bytes, NUL-terminated): one
 * lowercase letter per character with a known initial, ASCII letters and
 * digits lowercased, everything else left out. */
void pinyin_initials(const char *s, int surname, char *out, size_t n);

/* The initial of code point CP ('a'..'z'), or 0 when unknown. */
char pinyin_initial(uint32_t cp);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * pinyin.c - pinyin sort keys and initials from the GB2312 table.
 */
#include "config.h"
#include "util/array.h"
#include "util/pinyin.h"

#include <stdlib.h>
#include <string.h>

#include "util/pinyin_table.h"
#include "util/u8.h"

/* Surnames with a reading of their own, given as a character of the same
 * reading that GB2312 places there. */
static const struct {
    uint32_t surname, like;
} surnames[] = {
    {0x4E50, 0x6708},   /* 乐 yue, like 月 */
    {0x4EC7, 0x79CB},   /* 仇 qiu, like 秋 */
    {0x533A, 0x6B27},   /* 区 ou, like 欧 */
    {0x5355, 0x5584},   /* 单 shan, like 善 */
    {0x67E5, 0x624E},   /* 查 zha, like 扎 */
    {0x7FDF, 0x5B85},   /* 翟 zhai, like 宅 */
    {0x89E3, 0x8C22},   /* 解 xie, like 谢 */
    {0x6734, 0x98D8},   /* 朴 piao, like 飘 */
    {0x7F2A, 0x5999},   /* 缪 miao, like 妙 */
    {0x8983, 0x79E6},   /* 覃 qin, like 秦 */
    {0x66FE, 0x589E},   /* 曾 zeng, like 增 */
};

static int
cmp_entry(const void *key, const void *elem)
{
    uint32_t cp = *(const uint32_t *)key;
    const struct pinyin_entry *e = elem;

    return (cp > e->cp) - (cp < e->cp);
}

static const struct pinyin_entry *
lookup(uint32_t cp)
{
    if (cp < 0x4E00 || cp > 0x9FFF) {
        return NULL;
    }
    return bsearch(&cp, pinyin_table, PINYIN_TABLE_SIZE, sizeof(pinyin_table[0]),
                   cmp_entry);
}

static uint32_t
as_surname(uint32_t cp)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(surnames); i++) {
        if (surnames[i].surname == cp) {
            return surnames[i].like;
        }
    }
    return cp;
}

char
pinyin_initial(uint32_t cp)
{
    const struct pinyin_entry *e = lookup(cp);

    return e != NULL ? e->initial : 0;
}

static int
is_alnum(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
           (cp >= 'A' && cp <= 'Z');
}

static uint32_t
lower(uint32_t cp)
{
    return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
}

size_t
pinyin_key(const char *s, int surname, unsigned char *out, size_t n)
{
    size_t len = strlen(s), i = 0, o = 0, step;
    int first = 1;

    while (i < len && o + PINYIN_KEY_UNIT <= n) {
        uint32_t cp = u8_decode(s + i, len - i, &step);
        const struct pinyin_entry *e;

        i += step;
        if (first && surname) {
            cp = as_surname(cp);
        }
        first = 0;
        e = lookup(cp);
        if (cp < 0x80) {
            out[o] = 0;
            out[o + 1] = 0;
            out[o + 2] = (unsigned char)lower(cp);
        } else if (e != NULL) {
            out[o] = 1;
            out[o + 1] = (unsigned char)(e->rank >> 8);
            out[o + 2] = (unsigned char)(e->rank & 0xFF);
        } else {
            out[o] = (unsigned char)(2 + (cp >> 16));
            out[o + 1] = (unsigned char)((cp >> 8) & 0xFF);
            out[o + 2] = (unsigned char)(cp & 0xFF);
        }
        o += PINYIN_KEY_UNIT;
    }
    return o;
}

void
pinyin_initials(const char *s, int surname, char *out, size_t n)
{
    size_t len = strlen(s), i = 0, o = 0, step;
    int first = 1;

    while (i < len && o + 1 < n) {
        uint32_t cp = u8_decode(s + i, len - i, &step);
        char c;

        i += step;
        if (first && surname) {
            cp = as_surname(cp);
        }
        first = 0;
        c = is_alnum(cp) ? (char)lower(cp) : pinyin_initial(cp);
        if (c != 0) {
            out[o++] = c;
        }
    }
    out[o] = '\0';
}

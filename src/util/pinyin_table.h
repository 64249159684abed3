/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * pinyin_table.h - the GB2312 level-1 characters with their pinyin rank
 * and initial (generated data, see tools/gen_pinyin.py).
 */
#ifndef ZX_PINYIN_TABLE_H
#define ZX_PINYIN_TABLE_H

#include <stdint.h>

#define PINYIN_TABLE_SIZE 3755

struct pinyin_entry {
    uint16_t cp;        /* code point (all in the BMP) */
    uint16_t rank;      /* position in pinyin order */
    char initial;       /* 'a'..'z' */
};

/* Sorted by code point. */
extern const struct pinyin_entry pinyin_table[PINYIN_TABLE_SIZE];

#endif

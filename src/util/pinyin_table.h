/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * pinyin_table.h - pinyin ranks of Chinese characters, generated in the
 * build by tools/gen_pinyin.py from Unicode's Unihan readings (Debian's
 * unicode-data) and tools/pinyin-surnames.txt.  A rank is a position in
 * pinyin order (1 and up; 0 for a character without a reading).
 */
#ifndef ZX_PINYIN_TABLE_H
#define ZX_PINYIN_TABLE_H

#include <stddef.h>
#include <stdint.h>

/* Code points LO..HI have their ranks at pinyin_ranks[BASE...]. */
struct pinyin_run {
    uint32_t lo, hi, base;
};

/* Ranks from FIRST on read with initial LETTER (ascending FIRST). */
struct pinyin_letter {
    uint16_t first;
    char letter;
};

/* A surname read otherwise: its one or two characters (CP[1] is 0 for
 * one) and the rank of each as read in the surname. */
struct pinyin_surname {
    uint32_t cp[2];
    uint16_t rank[2];
};

extern const uint16_t pinyin_ranks[];
extern const struct pinyin_run pinyin_runs[];
extern const size_t pinyin_nruns;
extern const struct pinyin_letter pinyin_letters[];
extern const size_t pinyin_nletters;
extern const struct pinyin_surname pinyin_surnames[];
extern const size_t pinyin_nsurnames;

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * u8_width_table.h - the code points of no column and of two columns,
 * generated in the build by tools/gen_width.py from Debian's unicode-data
 * (EastAsianWidth.txt, UnicodeData.txt): sorted, merged ranges, and the
 * basic plane packed two bits a code point.
 */
#ifndef ZX_U8_WIDTH_TABLE_H
#define ZX_U8_WIDTH_TABLE_H

#include <stddef.h>
#include <stdint.h>

struct u8_range {
    uint32_t lo, hi;
};

extern const struct u8_range u8_zero[];
extern const size_t u8_zero_n;
extern const struct u8_range u8_wide[];
extern const size_t u8_wide_n;

/* The basic plane: the width of CP (0, 1 or 2) is bits (CP % 4) * 2 and
 * up of u8_bmp_width[CP / 4]. */
extern const uint8_t u8_bmp_width[0x10000 / 4];

#endif

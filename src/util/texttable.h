/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * texttable.h - plain-text tables laid out by display width (screens and,
 * later, text prints): a line of cells, each clipped and padded to its
 * column, and long text wrapped to a width without cutting a character.
 */
#ifndef ZX_TEXTTABLE_H
#define ZX_TEXTTABLE_H

#include <stddef.h>

struct sbuf;

struct tt_col {
    const char *title;    /* already translated */
    int width;
    int right;            /* right-aligned (numbers) */
};

/* Append one line of N cells (titles when CELLS is NULL) to SB, columns
 * separated by two spaces, trailing blanks removed; a cell cut short
 * ends in U8_CUT_MARK (u8_pad_cut). */
void tt_line(struct sbuf *sb, const struct tt_col *cols, int n,
             const char *const *cells);

/* The byte length of the first line of S when wrapped at COLS columns
 * (breaking after a space when there is one near the end); 0 when S is
 * empty. */
size_t tt_wrap(const char *s, size_t cols);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * draw.h - drawing text into curses windows by display columns: every
 * string is clipped before a character that would overflow and padded
 * with spaces to the exact width, so Chinese columns line up and no
 * character is cut in half; invalid bytes and control characters are
 * drawn as '?'.
 */
#ifndef ZX_DRAW_H
#define ZX_DRAW_H

#include <curses.h>

enum align {
    AL_LEFT = 0,
    AL_RIGHT,
};

/* Attributes of the theme. */
enum theme {
    TH_NORMAL = 0,
    TH_BAR,           /* workspace bar, key bar */
    TH_HEADER,        /* column headers */
    TH_CURSOR,        /* the selected row */
    TH_WARN,          /* overdue marks */
    TH_ERROR,         /* error messages, findings marks */
    TH_DIM,
    TH_COUNT
};

/* Set up colours when the terminal has them. */
void theme_init(void);
attr_t theme_attr(enum theme t);

/* Draw S at (Y, X) of W in exactly COLS columns with ATTR. */
void draw_text(WINDOW *w, int y, int x, int cols, const char *s, attr_t attr,
               enum align al);
/* The same for a table's cell: a cell cut short ends in U8_CUT_MARK
 * (util/u8.h), as every table on the screen shows it. */
void draw_cell(WINDOW *w, int y, int x, int cols, const char *s, attr_t attr,
               enum align al);

#endif

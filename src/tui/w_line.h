/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * w_line.h - a one-line editor on wide characters: insert, delete,
 * Home/End, left/right, word moves.  Chinese from an input method arrives
 * as whole characters (wget_wch); nothing typed is dropped.  The cursor is
 * a character index; columns are computed when drawing.
 */
#ifndef ZX_W_LINE_H
#define ZX_W_LINE_H

#include <stddef.h>
#include <wchar.h>

#include <curses.h>

struct sbuf;

struct w_line {
    wchar_t *buf;
    size_t len, alloc;
    size_t cur;            /* cursor, in characters */
    size_t max;            /* at most this many characters typed */
    size_t refused;        /* characters refused at the limit in a row,
                            * up to the last key (a paste too long) */
    size_t scroll;         /* first character shown */
    size_t vscroll;        /* wrapped drawing: first line shown */
};

void wline_init(struct w_line *l, size_t max);
void wline_release(struct w_line *l);
/* Replace the text by the UTF-8 string S (all of it, even past the
 * limit: a stored value is never cut). */
void wline_set(struct w_line *l, const char *s);
/* The text as UTF-8 into SB (reset first). */
void wline_get(const struct w_line *l, struct sbuf *sb);

/* 1 when the key (IS_KEY, CH as wget_wch gives them) is a character the
 * line would insert. */
int wline_is_char(int is_key, wint_t ch);

/* Feed one key.  Returns 1 when it changed the text, 0 when it only moved
 * the cursor or was a character refused at the limit (counted in
 * L->refused), -1 when the key is not an editing key (Enter, Esc,
 * Tab...).  Every key takes time independent of the text's length but
 * for the characters it moves (insertion at the end: none). */
int wline_key(struct w_line *l, int is_key, wint_t ch);

/* Draw in W at (Y, X), COLS wide, keeping the cursor in view; returns the
 * cursor's column (for the terminal cursor). */
int wline_draw(struct w_line *l, WINDOW *w, int y, int x, int cols, attr_t attr);

/* A prompt on a status line W of COLS columns: LABEL in bold (half the
 * width at most), then the line with the terminal cursor in it, room left
 * for the position on the right.  Returns 1 (a screen's prompt()). */
int wline_prompt(struct w_line *l, WINDOW *w, const char *label, int cols);

/* Draw wrapped over ROWS lines of COLS columns from (Y, X), the cursor's
 * line kept in view; sets *CY, *CX to the cursor's place. */
void wline_draw_wrapped(struct w_line *l, WINDOW *w, int y, int x, int cols,
                        int rows, attr_t attr, int *cy, int *cx);

#endif

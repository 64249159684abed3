/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * tui.h - the full-screen program: one main loop over a stack of screens.
 *
 * The terminal is divided into four regions: the workspace bar (top
 * line), the body (the current screen's), the status line and the key
 * bar (bottom line).  Handlers return which regions changed; the loop
 * draws only those, with one doupdate() per pass after all pending input
 * has been read, and writes nothing while nobody types.
 */
#ifndef ZX_TUI_H
#define ZX_TUI_H

#include <stddef.h>

#include <curses.h>

#include "tui/keys.h"

struct app;
struct screen;
struct workspace;

/* Regions to redraw, and what else a handler may ask for. */
enum tui_dirty {
    D_TOP = 1 << 0,
    D_BODY = 1 << 1,
    D_STATUS = 1 << 2,
    D_KEYS = 1 << 3,
    D_ALL = D_TOP | D_BODY | D_STATUS | D_KEYS,
    TR_POP = 1 << 4,      /* close the current screen */
    TR_QUIT = 1 << 5,     /* leave the program */
    TR_RELOAD = 1 << 6,   /* the data changed: read it again (the table
                           * and record screens; the loop ignores it) */
};

/* The smallest terminal the layout works in. */
#define TUI_MIN_COLS 80
#define TUI_MIN_LINES 24

enum cursor_style {
    CURSOR_BAR = 0,       /* the whole row in reverse video */
    CURSOR_MARKER,        /* a '>' in the first column: fewer bytes */
};

struct tui {
    struct app *app;
    struct screen *top;           /* the screen stack */
    const struct workspace *ws;   /* the workspace shown (tui/workspace.h) */
    WINDOW *wtop, *wbody, *wstatus, *wkeys;
    int lines, cols;
    int too_small;
    unsigned dirty;
    enum cursor_style cursor;
    char message[2048];           /* shown on the status line once */
    int message_is_error;
    char last_message[2048];      /* the last message, for F6 */
    int status_lines;             /* the status line's height: a long
                                   * message wraps over more lines */
    int running;
    int cursor_y, cursor_x;       /* the terminal cursor in the body; -1: hidden */
    int prompting;                /* the status line holds a prompt */
    int trace;                    /* $ZHENXING_TRACE: log input and draws */
    struct key_decoder dec;       /* bytes typed into characters */
    double cpu_at_key;            /* $ZHENXING_TRACE: clock_cpu_ms() at the last key */
    double esc_at;                /* clock_mono_ms() when a lone Escape was read */
};

/* Run the program on A's database; returns the exit status. */
int tui_run(struct app *a);

/* Restore the terminal (idempotent; safe from atexit and fatal paths). */
void tui_end(void);

/* Push S (its enter() runs) / pop the current screen. */
int tui_push(struct tui *t, struct screen *s);
void tui_pop(struct tui *t);

/* Replace the whole stack by the root screen of WS, when every screen
 * on it allows that (screen_ops.may_switch); returns dirty flags (a
 * message says why when it does not switch). */
unsigned tui_switch(struct tui *t, const struct workspace *ws);

/* 1 when the account may change data; else 0, and the status line
 * says the account is read-only. */
int tui_writable(struct tui *t);
/* The key rows the account does not see (KD_WRITE when read-only). */
unsigned tui_key_skip(const struct tui *t);

/* A one-time message on the status line (printf-formatted).  A long one
 * wraps over up to a third of the screen; one of several lines ("\n")
 * or cut there says that F6 shows it whole (view_open_text). */
void tui_message(struct tui *t, int error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Show on the status line now, during a long piece of work that holds
 * the loop (an import): WHAT, a bar and the share DONE of TOTAL. */
void tui_progress(struct tui *t, const char *what, size_t done, size_t total);

/* Put the terminal cursor at (Y, X) of the body (call from draw()). */
void tui_cursor(struct tui *t, int y, int x);

/* Body size. */
int tui_body_lines(const struct tui *t);

/* For db_set_stop while idle: 1 (and *(int *)STOPPED set) when a key is
 * waiting to be read. */
int tui_key_waiting(void *stopped);

#endif

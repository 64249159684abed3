/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * term_ok.h - whether the terminal database knows $TERM.
 */
#ifndef ZX_TERM_OK_H
#define ZX_TERM_OK_H

/* 1 when $TERM names a terminal the terminfo database describes; else 0,
 * after saying on stderr, in the user's language, what is wrong and what
 * to set. */
int tui_terminal_known(void);

#endif

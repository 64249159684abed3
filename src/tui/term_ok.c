/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * term_ok.c - whether the terminal database knows $TERM, before the
 * screen is taken (term.h stays here: its macros would clash elsewhere).
 */
#include "config.h"
#include "tui/term_ok.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <term.h>
#include <unistd.h>

#include "util/i18n.h"
#include "util/lcio.h"

/* Whether the terminal database knows $TERM: initscr() would otherwise
 * end the program with a message in English, and only in the log (stderr
 * is the log by then).  Says what to set, in the user's language. */
int
tui_terminal_known(void)
{
    const char *term = getenv("TERM");
    int err = 0;

    if (term != NULL && *term != '\0' && setupterm(NULL, STDOUT_FILENO, &err) == OK) {
        del_curterm(cur_term);
        return 1;
    }
    lcio_wrap_std();
    if (term == NULL || *term == '\0') {
        fputs(_("zhenxing: the terminal type is not set (TERM is empty).\n"), stderr);
    } else {
        fprintf(stderr, _("zhenxing: this server does not know the terminal type TERM=%s.\n"), term);
    }
    fputs(_("Set the terminal type to xterm-256color (or xterm, or vt100) in your SSH client\n"
            "(Xshell, PuTTY, SecureCRT: the session's terminal settings), or run\n"
            "  export TERM=xterm-256color\n"
            "before zhenxing; county IT can install the package ncurses-term for more types.\n"),
          stderr);
    return 0;
}


/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * f_similar.h - the households that may already hold a person being
 * typed into a form (a new household's member, the head of a clue), kept
 * for the form's panel, which lists them, and for F5, which opens the
 * first: so that a household is not registered twice.
 */
#ifndef ZX_F_SIMILAR_H
#define ZX_F_SIMILAR_H

#include <stddef.h>
#include <stdint.h>

#include <curses.h>

#include "util/err.h"

struct form;
struct tui;
struct similar_hh;

struct form_similar {
    struct similar_hh *v;          /* strongest match first */
    size_t n;
    char err[ERR_MSG_MAX];         /* why the search failed, or "" */
};

/* Search again for what was typed so far: NAME (when 3 bytes or more)
 * in VILLAGE (0: any), ID (normalized; "" for none), BIRTH (DATE_NONE
 * for none); nothing is searched without a name or an ID. */
void form_similar_find(struct form *fm, struct form_similar *s, const char *name,
                       const char *id, int64_t village, int birth);
void form_similar_release(struct form_similar *s);

/* The lines the panel needs: the heading and a line a household, two for
 * a failed search, none when nothing was found. */
int form_similar_lines(const struct form_similar *s);
/* Draw them into LINES lines of COLS from line Y under HEADING; WHY puts
 * each household's kind of match before it. */
void form_similar_draw(const struct form_similar *s, WINDOW *w, int y, int lines,
                       int cols, const char *heading, int why);
/* F5: open the first household found the user may see (dirty flags). */
unsigned form_similar_open(const struct form_similar *s, struct tui *t);

#endif

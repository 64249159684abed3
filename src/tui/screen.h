/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screen.h - screens as small vtables with private state (data), kept on
 * a stack: Esc pops back to the screen below.  Every screen has a key
 * table (tui/keys.h) that feeds its key bar and its help.
 */
#ifndef ZX_SCREEN_H
#define ZX_SCREEN_H

#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#include "tui/keys.h"
#include "tui/tui.h"

struct screen;

struct screen_ops {
    const char *name;             /* title (N_), shown in help */
    const struct keydef *keys;    /* this screen's keys, ended by {0} */
    const char *help;             /* more for its help screen (N_), or NULL */
    /* Allocate data; returns 0, or -1 with a message set. */
    int (*enter)(struct screen *s, struct tui *t);
    /* Free data. */
    void (*leave)(struct screen *s, struct tui *t);
    /* The body changed size. */
    void (*resize)(struct screen *s, struct tui *t);
    /* Draw the whole body (the loop has erased it). */
    void (*draw)(struct screen *s, struct tui *t, WINDOW *w);
    /* Typed text first (a prompt being edited); returns dirty flags,
     * or -1 when the key is not for text input. */
    int (*input)(struct screen *s, struct tui *t, int is_key, wint_t ch);
    /* One action of the key table; returns dirty flags (enum tui_dirty). */
    unsigned (*action)(struct screen *s, struct tui *t, int action);
    /* The status line's right part (e.g. "1,234/250,000"). */
    void (*status)(struct screen *s, struct tui *t, char *buf, size_t n);
    /* The status line's left part when no message is shown, or "". */
    void (*info)(struct screen *s, struct tui *t, char *buf, size_t n);
    /* Draw a prompt being edited on the status line W (with the terminal
     * cursor in it); returns 0 when there is none. */
    int (*prompt)(struct screen *s, struct tui *t, WINDOW *w);
    /* The screen is on top again (the one above was closed). */
    void (*resume)(struct screen *s, struct tui *t);
    /* The keys of this screen when they depend on its state (NULL: keys). */
    const struct keydef *(*keytable)(const struct screen *s);
    /* Every key typed so far has been handled; called before drawing
     * (e.g. to keep a draft of a form). */
    void (*settle)(struct screen *s, struct tui *t);
    /* The name (N_) and more help (N_, or NULL) when they depend on the
     * screen's data (the generic table and record screens); NULL: name
     * and help. */
    const char *(*title)(const struct screen *s);
    const char *(*more_help)(const struct screen *s);
    /* The year whose rules the help's numbers are taken from (a table
     * filtered to a year); NULL or 0: today's. */
    int (*help_year)(const struct screen *s);
    /* The workspace keys (F2, F3...) may close this screen: it holds
     * nothing typed that would be lost (lists, records, menus, help). */
    int may_switch;
    /* Work left for when no key is waiting (a search's count), after the
     * screen is drawn; returns dirty flags, 0 when there is none left or
     * a key came (tui_key_waiting stops it, to be done again later). */
    unsigned (*idle)(struct screen *s, struct tui *t);
};

struct screen {
    const struct screen_ops *ops;
    void *data;
    void *arg;                    /* what the opener passed */
    struct screen *below;
};

/* The key table of S now. */
const struct keydef *screen_keys(const struct screen *s);

/* The name of S for its help (N_ text, not yet translated). */
const char *screen_title(const struct screen *s);

/* The help text TEXT (N_, not yet translated) of S for the user: translated,
 * with the numbers of the rules (core/rules_text.h) of the year S shows
 * written in; appended to OUT. */
void screen_help_text(struct tui *t, const struct screen *s, const char *text,
                      struct sbuf *out);

/* A new screen of OPS with ARG (freed when popped). */
struct screen *screen_new(const struct screen_ops *ops, void *arg);

/* The record of household HH (s_household.c) over the current screen; 0,
 * or -1 with a message (outside the scope, not found). */
int household_view_open(struct tui *t, int64_t hh);

/* The import screen (s_import.c) over the current screen, on KIND (t
 * chooses another): the national sheet, or a department's sheet with
 * department DEPT (its id in dept.conf; NULL or "": to choose). */
enum import_kind { IMPORT_NATIONAL, IMPORT_DEPT };
int import_open(struct tui *t, enum import_kind kind, const char *dept);
/* The worklist 预警核实 (s_warning.c): the department warnings to verify. */
struct table_def;
extern const struct table_def warnings_table;

/* The screens. */
extern const struct screen_ops help_screen;      /* s_help.c: arg is the screen */
extern const struct screen_ops filter_screen;    /* s_filter.c: arg is struct filter_arg * */
extern const struct screen_ops menu_screen;      /* s_menu.c: arg is struct menu * */

#endif

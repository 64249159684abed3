/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * view.h - record screens as definitions.  A view definition (struct
 * view_def) builds the record as a list of items: section headings,
 * "label: value" pairs, paragraphs, and small tables; the one record
 * screen (s_view.c) lays them out for the terminal's width, scrolls them,
 * jumps to sections (1-8, Tab), and lets the cursor walk over the items
 * that stand for another record (a ref: a kind and an id), which Enter
 * opens and e edits: the definition's links say with which record view
 * or form, by the ref's kind.  A definition with many sections may show
 * them one at a time (paged): the items before its first section stay on
 * top, the sections' names below them, and the digits and Tab switch.
 *
 * Layout, by display width (Chinese counts two columns): the pairs of a
 * run are aligned on their labels, in two columns when every pair of the
 * run fits half the width (the first half of the run on the left), else
 * in one with long values wrapped under themselves; paragraphs wrap;
 * tables take their widest cell per column, leave out their spare columns
 * (view_table_spare) while they are too wide, then shrink the widest text
 * columns to fit, down to their width.  A right-aligned column (an
 * amount) is never cut.  Building and layout need no terminal (view.c);
 * the unit tests run them.
 */
#ifndef ZX_VIEW_H
#define ZX_VIEW_H

#include <stddef.h>
#include <stdint.h>

#include "tui/keys.h"

struct err;
struct sbuf;
struct table_col;
struct tui;
struct form_kind;

/* What an item stands for: KIND is the definition's own number (0: no
 * record), ID the record's. */
struct view_ref {
    int kind;
    int64_t id;
};

enum view_style {
    VS_NORMAL = 0,
    VS_HEADING,           /* a section's title */
    VS_HEADER,            /* a table's column titles */
    VS_WARN,              /* needs attention (late, overdrawn...) */
    VS_DIM,
};

/* A laid-out line is at most this many pieces (two pairs side by side). */
#define VIEW_SPANS 4

struct view_span {
    int x, w;             /* columns from the left, width */
    char *text;
    enum view_style style;
};

struct view_line {
    struct view_span span[VIEW_SPANS];
    int nspans;
    struct view_ref ref;  /* kind 0: not selectable */
};

enum view_item_type {
    VI_SECTION, VI_PAIR, VI_TEXT, VI_LINK, VI_BLANK, VI_TABLE, VI_ROW, VI_NOTE,
};

struct view_item {
    enum view_item_type type;
    char *a, *b;          /* label and value; a title; a text */
    char **cells;         /* a row's */
    size_t table;         /* a table's or a row's table */
    int warn;
    struct view_ref ref;
};

struct view_table {
    struct table_col *cols;   /* titles N_ */
    size_t ncols;
    size_t *spare;            /* columns that may be left out, first first */
    size_t nspare;
};

struct view {
    int64_t id;               /* the record shown (set by the screen) */
    char *title;              /* the first line, or NULL */
    struct view_item *items;
    size_t nitems, aitems;
    struct view_table *tables;
    size_t ntables, atables;
    /* After view_layout: */
    struct view_line *lines;
    size_t nlines, alines;
    size_t *sections;         /* the line of each section's heading */
    size_t nsections, asections;
    int cols;
};

/* Where the cursor is, for a definition's callbacks. */
struct view_at {
    int64_t id;                    /* the record shown */
    const struct view_ref *ref;    /* the item under the cursor, or NULL */
    int section;                   /* the section shown (paged) or under the
                                    * cursor, else at the top, from 0; -1:
                                    * none */
};

enum view_link_flags {
    VL_HH = 1 << 0,      /* the form's household is the record shown */
    VL_ARG = 1 << 1,     /* the ref's id is the form's arg (a year), not
                          * the id of the record it edits */
};

/* What Enter and e do on a ref of KIND (a view_def's links, ended by
 * {0}): Enter opens VIEW on the ref's id, or, without VIEW, does what e
 * does; e opens FORM on it (form_open(t, FORM, 0, id, 0), changed by
 * FLAGS), or, without FORM, edits the record shown.  A kind without a
 * link goes to the definition's open_ref / edit_ref. */
struct view_link {
    int kind;
    const struct view_def *view;
    const struct form_kind *form;
    unsigned flags;
};

struct view_def {
    const char *id;                /* "fund_receipt" */
    const char *title;             /* N_: the help's title, the status line */
    const char *help;              /* N_: more for the help, or NULL */
    /* One section at a time (see above), starting with the first. */
    int paged;
    /* Optional state, made when the screen opens with the record's ID. */
    void *(*ctx_new)(struct tui *t, int64_t id);
    void (*ctx_free)(void *ctx);
    /* Add the record's items to V (empty; v->id is the record) with the
     * view_* calls below; 0, or -1 with E.  Runs again whenever a screen
     * opened from here closes (a form may have changed the record). */
    int (*build)(struct tui *t, void *ctx, struct view *v, struct err *e);
    /* Enter and e on an item with a ref: LINKS by its kind, else
     * OPEN_REF / EDIT_REF (a link that needs code); e elsewhere edits the
     * record itself (EDIT, else FORM opened with the record's id); p
     * prints it.  Each optional (its key is left out without it); the
     * callbacks return dirty flags, TR_RELOAD to build again now. */
    const struct view_link *links;
    unsigned (*open_ref)(struct tui *t, void *ctx, const struct view_ref *ref);
    unsigned (*edit_ref)(struct tui *t, void *ctx, const struct view_ref *ref);
    unsigned (*edit)(struct tui *t, void *ctx, const struct view_at *at);
    const struct form_kind *form;
    unsigned (*print)(struct tui *t, void *ctx, int64_t id);
    /* More keys (ACT_FORM1.., KD_BAR to show them), ended by {0}, and what
     * they do; a key here hides a record screen's key of the same name
     * (r: read again). */
    const struct keydef *keys;
    unsigned (*action)(struct tui *t, void *ctx, int action, const struct view_at *at);
};

/* Open the record screen of DEF for record ID over the current screen;
 * 0, or -1 with a message (the record could not be read). */
int view_open(struct tui *t, const struct view_def *def, int64_t id);
/* The same with CTX made by the caller (ctx_new is not called; ctx_free
 * frees it, also when the screen cannot open): for a record named by more
 * than one id (a unit in an assessment round). */
int view_open_with(struct tui *t, const struct view_def *def, int64_t id, void *ctx);

/* A screen showing TEXT (translated; "\n" starts a line) under TITLE. */
int view_open_text(struct tui *t, const char *title, const char *text);

/* --- building (view.c); texts are already translated --------------------- */

void view_init(struct view *v);
/* Drop the items and the lines (the id stays). */
void view_clear(struct view *v);
void view_release(struct view *v);

void view_title(struct view *v, const char *title);
/* A section: headed "N TITLE", reached with the digit N. */
void view_section(struct view *v, const char *title);
/* "LABEL VALUE"; LABEL ends with its colon ("年度："). */
void view_pair(struct view *v, const char *label, const char *value);
void view_pairf(struct view *v, const char *label, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* A pair whose value needs attention when WARN. */
void view_pair_mark(struct view *v, const char *label, const char *value, int warn);
/* A pair standing for another record (selectable; laid out in one
 * column with the pairs around it). */
void view_pair_ref(struct view *v, const char *label, const char *value,
                   int kind, int64_t id);
/* A paragraph, wrapped; "\n" starts a new line. */
void view_text(struct view *v, const char *text);
/* A line standing for another record. */
void view_link(struct view *v, int kind, int64_t id, const char *text);
void view_blank(struct view *v);
/* A table with NCOLS columns (copied; titles N_); view_row adds its rows,
 * each NCOLS cells, standing for record (KIND, ID) when KIND is not 0. */
void view_table(struct view *v, const struct table_col *cols, size_t ncols);
void view_row(struct view *v, int kind, int64_t id, const char *const *cells);
void view_row_mark(struct view *v, int kind, int64_t id, const char *const *cells,
                   int warn);
/* A dimmed paragraph under the table's last row (how a line was scored),
 * wrapped from the start of its second column; the table goes on after
 * it. */
void view_row_note(struct view *v, const char *text);
/* The columns COLS[0..N) of the last table may be left out, COLS[0]
 * first, when the table is too wide for the screen, before any text is
 * cut (the parts of a sum, when the sum is shown too). */
void view_table_spare(struct view *v, const size_t *cols, size_t n);

/* --- layout ------------------------------------------------------------- */

/* Lay the items out for COLS display columns (again after a resize). */
void view_layout(struct view *v, int cols);

/* The next line after FROM (DIR 1) or before it (DIR -1) with a ref, or
 * -1; FROM may be -1 or nlines. */
long view_next_ref(const struct view *v, long from, int dir);
/* The first line with REF, or -1. */
long view_find_ref(const struct view *v, const struct view_ref *ref);
/* The section line LINE is in (from 0), or -1 before the first. */
long view_section_of(const struct view *v, long line);
/* The lines of section K without its heading and the blank lines at its
 * end: [*LO, *HI); K -1: the lines before the first section. */
void view_section_lines(const struct view *v, long k, size_t *lo, size_t *hi);
/* The link of KIND in LINKS (ended by {0}), or NULL. */
const struct view_link *view_link_find(const struct view_link *links, int kind);

#endif

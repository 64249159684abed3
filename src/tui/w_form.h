/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * w_form.h - the one form widget every form uses: a column of labelled
 * fields (core/field.h says what each holds), headings between groups,
 * one focused field edited with the line editor, scrolling when the form
 * is taller than the screen.  It keeps each field's text as typed and the
 * text it was loaded with, checks a field with field_parse, and draws
 * itself; the form screen (s_form.c) decides when to move and save.
 *
 * Items may belong to a group ("m2": the second member of a household
 * being entered) so that repeated blocks can be added and removed.
 *
 * A field's value is parsed once for the text it holds: a check keeps the
 * value, and reading it again (wform_value) takes the kept one until the
 * text changes.  A field entered and not edited yet is "fresh": the first
 * character typed into a field holding one value (a number, an amount, a
 * date, a code...) replaces its text, as in a spreadsheet; moving the
 * cursor or deleting first edits it instead.
 */
#ifndef ZX_W_FORM_H
#define ZX_W_FORM_H

#include <stddef.h>
#include <wchar.h>

#include <curses.h>

#include "core/field.h"
#include "tui/w_line.h"

struct err;
struct sbuf;

#define FORM_GROUP_BUF 16

struct form_item {
    const struct field_spec *spec;   /* NULL: a heading */
    char *heading;                   /* a heading's text (owned) */
    char group[FORM_GROUP_BUF];      /* "" or the group it belongs to */
    struct w_line line;              /* the text being edited */
    char *loaded;                    /* the text it was loaded with (owned) */
    char *entered;                   /* the text when the focus came in (owned) */
    int bad;                         /* its last check failed */
    int parsed;                      /* VALUE is the parse of the text */
    struct field_value value;
};

struct w_form {
    struct form_item *items;
    size_t n, alloc;
    size_t focus;                    /* the focused field */
    int fresh;                       /* the focused field is not edited yet */
    int top;                         /* first form line shown */
    int label_w;                     /* width of the label column */
    struct field_ctx ctx;
};

void wform_init(struct w_form *f, const struct field_ctx *ctx);
void wform_release(struct w_form *f);

/* Append a field of SPEC in GROUP ("" or NULL: none) holding TEXT (also
 * its loaded text); returns its index. */
size_t wform_add(struct w_form *f, const struct field_spec *spec,
                 const char *group, const char *text);
/* Append a heading line. */
size_t wform_heading(struct w_form *f, const char *text, const char *group);
/* Remove every item of GROUP. */
void wform_remove_group(struct w_form *f, const char *group);

/* The index of field NAME in GROUP ("" or NULL: none), or -1. */
int wform_find(const struct w_form *f, const char *group, const char *name);

/* The current text of item I into OUT (reset first). */
void wform_text(const struct w_form *f, size_t i, struct sbuf *out);
/* Replace the current text of item I. */
void wform_set(struct w_form *f, size_t i, const char *text);
/* Item I holds fields of SPEC from now on (same name; its text is kept
 * and checked as SPEC says). */
void wform_set_spec(struct w_form *f, size_t i, const struct field_spec *spec);
/* Replace the loaded text of item I (the base a conflict is judged on). */
void wform_set_loaded(struct w_form *f, size_t i, const char *text);
/* 1 when item I's text differs from its loaded text. */
int wform_item_changed(const struct w_form *f, size_t i);
/* 1 when any field's text differs from its loaded text. */
int wform_changed(const struct w_form *f);

/* 1 when item I can take the focus (a field, not read-only). */
int wform_focusable(const struct w_form *f, size_t i);
/* Focus the first focusable item at or after (DIR > 0) / before (DIR <
 * 0) FROM; returns 0, or -1 when there is none. */
int wform_focus_from(struct w_form *f, size_t from, int dir);
/* Focus item I: it is entered (fresh, its entered text is the current). */
void wform_focus(struct w_form *f, size_t i);
/* The text item I held when the focus last came in (its loaded text when
 * it never had the focus). */
const char *wform_entered(const struct w_form *f, size_t i);

/* Check item I: parse its text into V (may be NULL), mark it bad or
 * good.  0, or -1 with E saying what is wrong. */
int wform_check(struct w_form *f, size_t i, struct field_value *v,
                struct err *e);
/* Check every field; on the first failure sets *BAD to its index and
 * returns -1 with E; all fields' marks are updated. */
int wform_check_all(struct w_form *f, size_t *bad, struct err *e);

/* The value of field NAME in GROUP (the kept parse of its text, or parsed
 * now); V must be cleared by the caller.  0, or -1 when there is no such
 * field or its text does not parse. */
int wform_value(struct w_form *f, const char *group, const char *name,
                struct field_value *v);

/* An editing key for the focused field: 1 changed its text, 0 moved the
 * cursor, -1 not an editing key (or a read-only field).  A character typed
 * into a fresh field of one value replaces its text. */
int wform_key(struct w_form *f, int is_key, wint_t ch);

/* Lines the form takes in all. */
int wform_lines(const struct w_form *f);
/* Draw in LINES x COLS of W from line Y; scrolls to keep the focus in
 * view; sets *CY, *CX to the cursor's place (or -1). */
void wform_draw(struct w_form *f, WINDOW *w, int y, int lines, int cols,
                int *cy, int *cx);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * draft.h - what is typed into an open form, kept on disk after every
 * burst of typing, so that a dropped SSH connection (SIGHUP) or a killed
 * process loses nothing: the next time zhenxing starts on the same
 * database it offers the draft back.  One file per (database, form,
 * record) in $XDG_STATE_HOME/zhenxing/drafts, written to a temporary file
 * and renamed, so a draft is always whole.  A draft remembers each field's
 * text and the text it was loaded with, and the record's version, so that
 * saving a restored draft still detects changes made meanwhile.
 *
 * No curses here: tested as plain C.
 */
#ifndef ZX_DRAFT_H
#define ZX_DRAFT_H

#include <stddef.h>
#include <stdint.h>

struct err;

struct draft_field {
    char *group;
    char *name;
    char *text;
    char *loaded;
};

struct draft {
    char *db;              /* the database's path as opened */
    char *form;            /* form kind ("household", "member", ...) */
    char *key;             /* the record ("hh=12", "new") */
    char *title;           /* what the user saw as the form's title */
    char saved[20];        /* when it was last written (local time) */
    int64_t version;       /* of the record when the form was loaded */
    struct draft_field *f;
    size_t n, alloc;
};

void draft_init(struct draft *d, const char *db, const char *form,
                const char *key, const char *title, int64_t version);
void draft_clear(struct draft *d);
void draft_add(struct draft *d, const char *group, const char *name,
               const char *text, const char *loaded);

/* Where the draft of (DB, FORM, KEY) lives (in DIR, the drafts
 * directory, or the default one when NULL). */
char *draft_path(const char *dir, const char *db, const char *form,
                 const char *key);

/* Write D to its file in DIR (NULL: default), whole or not at all. */
int draft_write(const char *dir, struct draft *d, struct err *e);
/* Read the draft file PATH into D (initialized here). */
int draft_read(const char *path, struct draft *d, struct err *e);
/* Every readable draft for database DB in DIR (NULL: default), newest
 * first; free each with draft_clear and the array with free. */
int draft_list(const char *dir, const char *db, struct draft **v, size_t *n,
               struct err *e);
/* Forget the draft of (DB, FORM, KEY). */
void draft_remove(const char *dir, const char *db, const char *form,
                  const char *key);

#endif

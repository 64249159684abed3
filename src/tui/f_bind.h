/*
 * f_bind.h - binding a record's members to form fields, so that a form
 * kind lists each field once (spec, member, kind) and gets from the same
 * table: the fields filled from a record, the record filled from the
 * checked form, and the texts of a stored record for the conflict screen.
 */
#ifndef ZX_F_BIND_H
#define ZX_F_BIND_H

#include <stddef.h>

#include "core/field.h"

struct form;

enum bind_kind {
    B_STR = 0,      /* char member[size] */
    B_PSTR,         /* char *member, owned, NULL when empty */
    B_INT,          /* int */
    B_DATE,         /* int day number, DATE_NONE when empty */
    B_FLAG,         /* int 0/1 (yes/no) */
    B_FEN,          /* int64_t fen */
    B_ID,           /* int64_t id as a code (choices of the form's own) */
};

struct bind {
    const struct field_spec *spec;
    enum bind_kind kind;
    size_t off;         /* offsetof(record, member) */
    size_t size;        /* B_STR: sizeof the member */
    int brief;          /* also in brief forms (a member of a new household) */
};

#define BIND(spec, kind, type, member, brief) \
    {&(spec), (kind), offsetof(type, member), sizeof(((type *)0)->member), (brief)}

/* Add the fields of B (N of them; only the brief ones when BRIEF) in
 * GROUP, filled from REC (NULL: empty). */
void bind_add(struct form *fm, const struct bind *b, size_t n,
              const char *group, const void *rec, int brief);
/* Fill REC from the checked form (fields missing from it are left). */
void bind_read(struct form *fm, const struct bind *b, size_t n,
               const char *group, void *rec);
/* The texts of REC for the form's items of B in GROUP (THEIRS indexed by
 * item, owned). */
void bind_texts(struct form *fm, const struct bind *b, size_t n,
                const char *group, const void *rec, char **theirs);

#endif

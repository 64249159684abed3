/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * f_bind.h - binding a record's members to form fields, so that a form
 * kind lists each field once (spec, member, kind) and gets from the same
 * table: the fields filled from a record, the record filled from the
 * checked form, and the texts of a stored record for the conflict screen.
 *
 * A form that edits one record goes further: it states its record as a
 * struct form_record (the bind table, how the record is read and saved,
 * its title and "done" texts) and gets its open, save and theirs from
 * form_rec_open(), form_rec_save() and form_rec_theirs(), keeping a
 * callback only for what is its own (a choice table, a field that is not
 * a member, a check across fields).
 */
#ifndef ZX_F_BIND_H
#define ZX_F_BIND_H

#include <stddef.h>
#include <stdint.h>

#include "core/field.h"
#include "util/array.h"

struct err;
struct form;

enum bind_kind {
    B_STR = 0,      /* char member[size] */
    B_PSTR,         /* char *member, owned, NULL when empty */
    B_INT,          /* int: a number, a day (FT_DATE: DATE_NONE when
                       empty) or 0/1 (FT_YESNO) */
    B_I64,          /* int64_t: fen (FT_MONEY), else an id, empty when 0:
                       a code of a table of the form's own (FT_CODE) or a
                       number */
    B_PLACE,        /* int64_t township at OFF and village at OFF2, in one
                       field of division ids: the village, else the
                       township; empty when both are 0 */
    B_SLOT,         /* no member: the record's slot() adds fields of its
                       own here; OFF numbers the slot */
};

/* BRIEF: which forms show the field. */
enum bind_brief {
    BR_FULL = 0,    /* only full forms */
    BR_BOTH = 1,    /* full and brief ones (a member of a new household,
                       a new project) */
    BR_BRIEF = 2,   /* only brief ones */
};

struct bind {
    const struct field_spec *spec;
    enum bind_kind kind;
    size_t off;         /* offsetof(record, member) */
    size_t size;        /* B_STR: sizeof the member */
    int brief;          /* enum bind_brief */
    size_t off2;        /* B_PLACE: offsetof the village */
};

/* The kind of MEMBER of TYPE follows from its C type (a member of a type
 * other than char[], char *, int and int64_t must not be bound).  The
 * macros' parameters end in _ so as not to replace the designators. */
#define BIND_KIND(type_, member_) \
    _Generic(&((type_ *)0)->member_, char **: B_PSTR, int *: B_INT, int64_t *: B_I64, \
             default: B_STR)
#define BIND_AT(type_, member_) \
    BIND_KIND(type_, member_), offsetof(type_, member_), sizeof(((type_ *)0)->member_)

/* MEMBER of TYPE in a field of its own, named as the member and shown in
 * every form; the designated initialisers of its struct field_spec
 * follow (.label = N_("..."), .type = FT_..., .flags = ...). */
#define FIELD(type_, member_, ...) \
    FIELD_AS(#member_, BR_BOTH, type_, member_, __VA_ARGS__)
/* The same, the field named NAME and shown in the forms BRIEF says. */
#define FIELD_AS(name_, brief_, type_, member_, ...) \
    {&(const struct field_spec){.name = (name_), __VA_ARGS__}, BIND_AT(type_, member_), \
     (brief_), 0}
/* MEMBER of TYPE in the field SPEC (a spec declared apart: shared, or
 * used elsewhere too). */
#define BIND(spec_, type_, member_, brief_) \
    {&(spec_), BIND_AT(type_, member_), (brief_), 0}
#define BIND_PLACE(spec_, type_, township_, village_, brief_) \
    {&(spec_), B_PLACE, offsetof(type_, township_), 0, (brief_), \
     offsetof(type_, village_)}
#define BIND_SLOT(n_) {NULL, B_SLOT, (n_), 0, BR_BOTH, 0}

/* Add the fields of B (N of them; with BRIEF those for brief forms, else
 * those for full ones) in GROUP, filled from REC (NULL: empty).  Slots
 * are left out. */
void bind_add(struct form *fm, const struct bind *b, size_t n,
              const char *group, const void *rec, int brief);
/* Fill REC from the checked form (fields missing from it are left).
 * 0, or -1 with E (a place that is not there). */
int bind_read(struct form *fm, const struct bind *b, size_t n,
              const char *group, void *rec, struct err *e);
/* The texts of REC for the form's items of B in GROUP (THEIRS indexed by
 * item, owned). */
void bind_texts(struct form *fm, const struct bind *b, size_t n,
                const char *group, const void *rec, char **theirs);

/* --- a form that edits one record ----------------------------------- */

/* A text about a record: FMT (N_(), one %s for each name of ARG) with the
 * record's values of the bound fields ARG names, as the form shows them
 * (amounts with thousands separators). */
struct form_text {
    const char *fmt;
    const char *arg[2];
};

/* A record in and out of a form: its fields, its size, where its id and
 * version are, and its typed functions behind void pointers (made by
 * FORM_RECORD_IO, or with FORM_REC_* for the odd ones). */
struct form_record_io {
    const struct bind *binds;
    size_t nbinds;
    size_t size;
    size_t id_off, version_off;     /* int64_t members */
    void (*init)(void *rec);        /* an empty record (zeroed before) */
    void (*release)(void *rec);     /* free what it owns (its _clear) */
    /* The stored record (fm->id; fm->hh for FR_BY_HH). */
    int (*get)(struct form *fm, void *rec, struct err *e);
    /* Store REC: its id and version are set. */
    int (*put)(struct form *fm, void *rec, struct err *e);
};

enum form_record_flags {
    FR_BY_HH = 1 << 0,      /* the record is the household fm->hh */
    FR_FIND = 1 << 1,       /* looked up by the form's household and arg
                               (get's ERR_NOTFOUND: a new one) */
    FR_STORED = 1 << 2,     /* saving an edit starts from the stored
                               record: its members not on the form stay */
    FR_BRIEF_NEW = 1 << 3,  /* a new record shows the brief fields only */
};

/* A new record's values: the members at these offsets (0: none; offset 0
 * is the record's id) take fm->arg, fm->hh (int64_t), today, this year,
 * last year, last month (a month number) and fm->arg as an int (a year).
 * A stored record's household gives fm->hh. */
struct form_fresh {
    size_t arg, hh, today, year, last_year, last_month, arg_int;
};

struct form_record {
    const struct form_record_io *io;
    unsigned flags;                 /* enum form_record_flags */
    struct form_text title;         /* the form's title for a stored one */
    struct form_text title_new;     /* for a new one (none: title) */
    struct form_text done;          /* said after saving */
    const char *blank;              /* a new record shows this field empty
                                       (an amount rather than 0.00) */
    struct form_fresh fresh;        /* a new record's values */
    /* Optional: the other values of a new record (cheap: they also start
     * a record saved without reading it first). */
    void (*defaults)(struct form *fm, void *rec);
    /* Optional, on opening, before the fields: choice tables, fm->arg or
     * fm->hh from the record, fm->title when it is not a form_text. */
    int (*loaded)(struct form *fm, void *rec, struct err *e);
    /* Optional: the fields of slot WHICH (BIND_SLOT) for REC. */
    int (*slot)(struct form *fm, const void *rec, int which, struct err *e);
    /* Optional: after the binds are read, the rest of REC (fields of the
     * slots) and the checks across fields. */
    int (*read)(struct form *fm, void *rec, struct err *e);
    /* Optional: THEIRS of the fields of the slots. */
    void (*theirs)(struct form *fm, const void *rec, char **theirs);
    /* Optional: after saving (fm->done says more). */
    void (*saved)(struct form *fm, const void *rec);
};

/* open, save and theirs of a form kind whose rec is set. */
int form_rec_open(struct form *fm, struct err *e);
int form_rec_save(struct form *fm, struct err *e);
int form_rec_theirs(struct form *fm, char **theirs, int64_t *version,
                    struct err *e);
/* The key the record is read with: fm->hh for FR_BY_HH, else fm->id. */
int64_t form_rec_key(const struct form *fm);
/* An init or release for records that need none. */
void form_rec_nothing(void *rec);
/* The text of T for REC into BUF (also for the kinds' own texts). */
void form_rec_text(struct form *fm, const struct form_text *t,
                   const void *rec, char *buf, size_t n);

/*
 * The typed functions of a record type TYPE: NAME (a function) calling
 * FN with the record as a TYPE, so that the compiler checks FN takes
 * one.  FORM_REC_FN for init and release (void FN(TYPE *): the record's
 * _init and _clear), FORM_REC_GET
 * for FN(db, key, rec, e), FORM_REC_PUT for FN(db, ctx, actor, rec, e):
 * the signatures of the repositories.  The file using them includes
 * app.h and tui/f_common.h.
 */
#define FORM_REC_FN(name, type, fn) \
    static void name(void *rec) { type *r = rec; fn(r); }
#define FORM_REC_GET(name, type, fn) \
    static int name(struct form *fm, void *rec, struct err *e) \
    { type *r = rec; return fn(fm->app->db, form_rec_key(fm), r, e); }
#define FORM_REC_PUT(name, type, fn) \
    static int name(struct form *fm, void *rec, struct err *e) \
    { type *r = rec; struct rule_ctx c = form_rule_ctx(fm); \
      return fn(fm->app->db, &c, form_actor(fm), r, e); }
#define FORM_REC_IO(binds, type, init_fn, release_fn, get_fn, put_fn) \
    {(binds), ARRAY_SIZE(binds), sizeof(type), offsetof(type, id), \
     offsetof(type, version), (init_fn), (release_fn), (get_fn), (put_fn)}

/* A record of the form's household and year (fm->hh, fm->arg: FR_FIND),
 * read with GET_FN(db, hh, year, rec, e), that needs no init: the struct
 * form_record_io NAME of the fields BINDS (an array). */
#define FORM_RECORD_IO_YEAR(name, binds, type, get_fn, put_fn) \
    static int name##_get(struct form *fm, void *rec, struct err *e) \
    { type *r = rec; return get_fn(fm->app->db, fm->hh, (int)fm->arg, r, e); } \
    FORM_REC_PUT(name##_put, type, put_fn) \
    static const struct form_record_io name = \
        FORM_REC_IO(binds, type, form_rec_nothing, form_rec_nothing, name##_get, \
                    name##_put)

/* All of it for a record type with the usual signatures: the struct
 * form_record_io NAME of the fields BINDS (an array). */
#define FORM_RECORD_IO(name, binds, type, init_fn, clear_fn, get_fn, put_fn) \
    FORM_REC_FN(name##_init, type, init_fn) \
    FORM_REC_FN(name##_clear, type, clear_fn) \
    FORM_REC_GET(name##_get, type, get_fn) \
    FORM_REC_PUT(name##_put, type, put_fn) \
    static const struct form_record_io name = \
        FORM_REC_IO(binds, type, name##_init, name##_clear, name##_get, name##_put)

#endif

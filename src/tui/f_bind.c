/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * f_bind.c - records to form fields and back, and the forms that edit
 * one record (f_bind.h).
 */
#include "config.h"
#include "tui/f_bind.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/date.h"
#include "core/money.h"
#include "tui/f_common.h"
#include "tui/form.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/u8.h"
#include "util/xalloc.h"

static int64_t
i64_at(const void *rec, size_t off)
{
    return *(const int64_t *)(const void *)((const char *)rec + off);
}

static void
set_i64(void *rec, size_t off, int64_t v)
{
    *(int64_t *)(void *)((char *)rec + off) = v;
}

static void
set_int(void *rec, size_t off, int v)
{
    *(int *)(void *)((char *)rec + off) = v;
}

/* An id as the text of a code ("" for 0). */
static void
id_value(struct field_value *v, const struct field_spec *spec, int64_t id)
{
    char code[24];

    if (id == 0) {
        return;
    }
    if (spec->type != FT_CODE) {
        field_value_num(v, id);
        return;
    }
    snprintf(code, sizeof(code), "%lld", (long long)id);
    field_value_str(v, code);
}

/* The value of member B of REC. */
static void
value_of(const struct bind *b, const void *rec, struct field_value *v)
{
    const char *p = (const char *)rec + b->off;
    int n;

    memset(v, 0, sizeof(*v));
    v->empty = 1;
    if (rec == NULL) {
        return;
    }
    switch (b->kind) {
    case B_STR:
        field_value_str(v, p);
        break;
    case B_PSTR:
        field_value_str(v, *(char *const *)(const void *)p);
        break;
    case B_INT:
        n = *(const int *)(const void *)p;
        /* No date is DATE_NONE, no month 0 (a month of the year 0). */
        if ((b->spec->type != FT_DATE || n != DATE_NONE) &&
            (b->spec->type != FT_MONTH || n != 0)) {
            field_value_num(v, n);
        }
        break;
    case B_I64:
        if (b->spec->type == FT_MONEY) {
            field_value_num(v, i64_at(rec, b->off));
        } else {
            id_value(v, b->spec, i64_at(rec, b->off));
        }
        break;
    case B_PLACE:
        id_value(v, b->spec, i64_at(rec, b->off2) != 0 ? i64_at(rec, b->off2)
                                                       : i64_at(rec, b->off));
        break;
    case B_SLOT:
        break;
    }
}

/* Whether B is shown in a brief (BRIEF) or a full form. */
static int
shown(const struct bind *b, int brief)
{
    return b->kind != B_SLOT && (brief ? b->brief != BR_FULL : b->brief != BR_BRIEF);
}

void
bind_add(struct form *fm, const struct bind *b, size_t n, const char *group,
         const void *rec, int brief)
{
    struct field_value v;
    size_t i;

    for (i = 0; i < n; i++) {
        if (!shown(&b[i], brief)) {
            continue;
        }
        value_of(&b[i], rec, &v);
        form_add_value(fm, b[i].spec, group, &v);
        field_value_clear(&v);
    }
}

/* The id in field NAME of GROUP (a code's text or a number; 0: empty). */
static int64_t
id_read(struct form *fm, const struct field_spec *spec, const char *group)
{
    char id[24];

    if (spec->type != FT_CODE) {
        return form_num(fm, group, spec->name, 0);
    }
    form_str(fm, group, spec->name, id, sizeof(id));
    return strtoll(id, NULL, 10);
}

/* Member B of REC from its checked field in GROUP. */
static int
read_one(struct form *fm, const struct bind *b, const char *group, void *rec,
         struct err *e)
{
    char *p = (char *)rec + b->off;
    const char *name = b->spec->name;
    int64_t t, v;

    switch (b->kind) {
    case B_STR:
        form_str(fm, group, name, p, b->size);
        break;
    case B_PSTR:
        free(*(char **)(void *)p);
        *(char **)(void *)p = form_strdup(fm, group, name);
        break;
    case B_INT:
        *(int *)(void *)p = (int)form_num(fm, group, name,
                                          b->spec->type == FT_DATE ? DATE_NONE : 0);
        break;
    case B_I64:
        set_i64(rec, b->off, b->spec->type == FT_MONEY ? form_num(fm, group, name, 0)
                                                       : id_read(fm, b->spec, group));
        break;
    case B_PLACE:
        t = 0;
        v = id_read(fm, b->spec, group);
        if (v != 0 && form_place_split(fm, v, &t, &v, e) != 0) {
            return -1;
        }
        set_i64(rec, b->off, t);
        set_i64(rec, b->off2, v);
        break;
    case B_SLOT:
        break;
    }
    return 0;
}

int
bind_read(struct form *fm, const struct bind *b, size_t n, const char *group,
          void *rec, struct err *e)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (b[i].kind != B_SLOT && wform_find(&fm->w, group, b[i].spec->name) >= 0 &&
            read_one(fm, &b[i], group, rec, e) != 0) {
            return -1;
        }
    }
    return 0;
}

void
bind_texts(struct form *fm, const struct bind *b, size_t n, const char *group,
           const void *rec, char **theirs)
{
    struct field_value v;
    size_t i;
    int k;

    for (i = 0; i < n; i++) {
        k = b[i].kind == B_SLOT ? -1 : wform_find(&fm->w, group, b[i].spec->name);
        if (k < 0) {
            continue;
        }
        value_of(&b[i], rec, &v);
        free(theirs[k]);
        theirs[k] = form_format(fm, fm->w.items[k].spec, &v);
        field_value_clear(&v);
    }
}

/* --- forms that edit one record -------------------------------------------- */

static const struct form_record *
rec_def(const struct form *fm)
{
    return &fm->kind->rec;
}

int64_t
form_rec_key(const struct form *fm)
{
    return (rec_def(fm)->flags & FR_BY_HH) ? fm->hh : fm->id;
}

void
form_rec_nothing(void *rec)
{
    (void)rec;
}

static void *
rec_new(const struct form_record *r)
{
    void *rec = xcalloc(1, r->io->size);

    r->io->init(rec);
    return rec;
}

static void
rec_free(const struct form_record *r, void *rec)
{
    r->io->release(rec);
    free(rec);
}

/* The text of bound field NAME of REC, as a message shows it. */
static char *
arg_text(struct form *fm, const struct form_record *r, const char *name, const void *rec)
{
    struct field_value v;
    char money[MONEY_BUF];
    char *s = NULL;
    size_t i;

    for (i = 0; i < r->io->nbinds && s == NULL; i++) {
        const struct bind *b = &r->io->binds[i];

        if (b->kind == B_SLOT || strcmp(b->spec->name, name) != 0) {
            continue;
        }
        value_of(b, rec, &v);
        if (b->spec->type == FT_MONEY && !v.empty) {
            money_format(v.n, 1, money);
            s = xstrdup(money);
        } else {
            s = form_format(fm, b->spec, &v);
        }
        field_value_clear(&v);
    }
    return s != NULL ? s : xstrdup("");
}

void
form_rec_text(struct form *fm, const struct form_text *t, const void *rec, char *buf,
              size_t n)
{
    const struct form_record *r = rec_def(fm);
    struct sbuf sb = SBUF_INIT;
    const char *p;
    size_t k = 0;

    buf[0] = '\0';
    if (t->fmt == NULL) {
        return;
    }
    /* The %s filled by hand: a translation can never make it read what
     * is not there. */
    for (p = _(t->fmt); *p != '\0'; p++) {
        if (p[0] == '%' && p[1] == 's') {
            char *a = k < 2 && t->arg[k] != NULL ? arg_text(fm, r, t->arg[k], rec) : NULL;

            sbuf_adds(&sb, a != NULL ? a : "");
            free(a);
            k++;
            p++;
        } else if (p[0] == '%' && p[1] == '%') {
            sbuf_addch(&sb, '%');
            p++;
        } else {
            sbuf_addch(&sb, *p);
        }
    }
    u8_copy(buf, n, sb.buf);
    sbuf_release(&sb);
}

/* A new record's values into REC. */
static void
rec_fresh(struct form *fm, void *rec)
{
    const struct form_record *r = rec_def(fm);
    const struct form_fresh *f = &r->fresh;
    const int today = app_today();
    const struct {
        size_t at;
        int value;
    } ints[] = {
        {f->today, today},
        {f->year, date_year(today)},
        {f->last_year, date_year(today) - 1},
        {f->last_month, month_of(today) - 1},
        {f->arg_int, (int)fm->arg},
    };
    size_t i;

    if (f->arg != 0) {
        set_i64(rec, f->arg, fm->arg);
    }
    if (f->hh != 0) {
        set_i64(rec, f->hh, fm->hh);
    }
    for (i = 0; i < ARRAY_SIZE(ints); i++) {
        if (ints[i].at != 0) {
            set_int(rec, ints[i].at, ints[i].value);
        }
    }
    if (r->defaults != NULL) {
        r->defaults(fm, rec);
    }
}

/* The stored record into REC, when there is one (*FOUND). */
static int
rec_load(struct form *fm, void *rec, int *found, struct err *e)
{
    const struct form_record *r = rec_def(fm);

    *found = 0;
    if (form_rec_key(fm) == 0 && !(r->flags & FR_FIND)) {
        return 0;
    }
    if (r->io->get(fm, rec, e) == 0) {
        *found = 1;
        return 0;
    }
    if (!(r->flags & FR_FIND) || e->code != ERR_NOTFOUND) {
        return -1;
    }
    err_clear(e);
    r->io->release(rec);
    memset(rec, 0, r->io->size);
    r->io->init(rec);
    return 0;
}

/* FM's id and version (and household) from the stored REC. */
static void
take_ids(struct form *fm, const void *rec, int64_t *version)
{
    const struct form_record *r = rec_def(fm);

    if (!(r->flags & FR_BY_HH)) {
        fm->id = i64_at(rec, r->io->id_off);
    }
    if (r->fresh.hh != 0) {
        fm->hh = i64_at(rec, r->fresh.hh);
    }
    *version = i64_at(rec, r->io->version_off);
}

/* The fields of REC, with the slots' own. */
static int
rec_lay(struct form *fm, const void *rec, struct err *e)
{
    const struct form_record *r = rec_def(fm);
    int brief = (r->flags & FR_BRIEF_NEW) && fm->id == 0;
    size_t i;

    for (i = 0; i < r->io->nbinds; i++) {
        if (r->io->binds[i].kind != B_SLOT) {
            bind_add(fm, &r->io->binds[i], 1, "", rec, brief);
        } else if (r->slot != NULL &&
                   r->slot(fm, rec, (int)r->io->binds[i].off, e) != 0) {
            return -1;
        }
    }
    return 0;
}

int
form_rec_open(struct form *fm, struct err *e)
{
    const struct form_record *r = rec_def(fm);
    void *rec = rec_new(r);
    int found, rc;

    rc = rec_load(fm, rec, &found, e);
    if (rc == 0 && found) {
        take_ids(fm, rec, &fm->version);
    } else if (rc == 0) {
        rec_fresh(fm, rec);
    }
    if (rc == 0 && r->loaded != NULL) {
        rc = r->loaded(fm, rec, e);
    }
    if (rc == 0 && fm->title[0] == '\0') {
        const struct form_text *t = found || r->title_new.fmt == NULL ? &r->title
                                                                       : &r->title_new;

        form_rec_text(fm, t, rec, fm->title, sizeof(fm->title));
    }
    if (rc == 0) {
        rc = rec_lay(fm, rec, e);
    }
    if (rc == 0 && !found && r->blank != NULL) {
        form_blank(fm, r->blank);
    }
    rec_free(r, rec);
    return rc;
}

int
form_rec_save(struct form *fm, struct err *e)
{
    const struct form_record *r = rec_def(fm);
    void *rec = rec_new(r);
    int rc = 0;

    if (form_rec_key(fm) != 0 && (r->flags & FR_STORED)) {
        rc = r->io->get(fm, rec, e);
    } else {
        rec_fresh(fm, rec);
    }
    if (rc == 0 && !(r->flags & FR_BY_HH)) {
        set_i64(rec, r->io->id_off, fm->id);
    }
    set_i64(rec, r->io->version_off, fm->version);
    rc = rc || bind_read(fm, r->io->binds, r->io->nbinds, "", rec, e) ||
         (r->read != NULL && r->read(fm, rec, e)) || r->io->put(fm, rec, e);
    if (rc == 0) {
        take_ids(fm, rec, &fm->version);
        if (fm->hh != 0) {
            fm->saved_hh = fm->hh;
        }
        form_rec_text(fm, &r->done, rec, fm->done, sizeof(fm->done));
        if (r->saved != NULL) {
            r->saved(fm, rec);
        }
    }
    rec_free(r, rec);
    return rc ? -1 : 0;
}

int
form_rec_theirs(struct form *fm, char **theirs, int64_t *version, struct err *e)
{
    const struct form_record *r = rec_def(fm);
    void *rec = rec_new(r);
    int rc = r->io->get(fm, rec, e);

    if (rc == 0) {
        bind_texts(fm, r->io->binds, r->io->nbinds, "", rec, theirs);
        if (r->theirs != NULL) {
            r->theirs(fm, rec, theirs);
        }
        take_ids(fm, rec, version);
    }
    rec_free(r, rec);
    return rc;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * exchange.c - the national person-grain sheet's columns and values:
 * the names of the fields and kinds the layout file uses, one cell
 * parsed with core/field.c (plus what only sheets do: Excel's
 * scientific notation, a month written as a whole date), and the record
 * a row fills or is written from.
 */
#include "config.h"
#include "core/exchange.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/codes.h"
#include "core/date.h"
#include "core/money.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/names.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

static const char *const field_names[XF_COUNT] = {
    [XF_NONE] = "none",
    [XF_DATA_DATE] = "data_date",
    [XF_COUNTY] = "county",
    [XF_TOWNSHIP] = "township",
    [XF_VILLAGE] = "village",
    [XF_NATURAL] = "natural_village",
    [XF_HH_NO] = "hh_no",
    [XF_HH_TYPE] = "hh_type",
    [XF_HH_PHONE] = "hh_phone",
    [XF_MEMBERS] = "members",
    [XF_HOUSE_DANGER] = "house_danger",
    [XF_PER_CAPITA] = "per_capita",
    [XF_CATEGORY] = "category",
    [XF_RISK1] = "risk1",
    [XF_RISK2] = "risk2",
    [XF_RISK3] = "risk3",
    [XF_RISK4] = "risk4",
    [XF_RISK5] = "risk5",
    [XF_ELIMINATED] = "eliminated",
    [XF_IDENTIFIED] = "identified_on",
    [XF_ELIM_DATE] = "eliminated_on",
    [XF_ELIM_METHOD] = "elim_method",
    [XF_FIRST_IDENT] = "first_identified",
    [XF_WATER] = "water",
    [XF_WAGE] = "wage",
    [XF_PERSON_NO] = "person_no",
    [XF_NAME] = "name",
    [XF_ID_NO] = "id_no",
    [XF_RELATION] = "relation",
    [XF_ETHNICITY] = "ethnicity",
    [XF_EDUCATION] = "education",
    [XF_SCHOOLING] = "schooling",
    [XF_HEALTH] = "health",
    [XF_LABOUR] = "labour",
    [XF_WORK_MONTHS] = "work_months",
    [XF_INS_SERIOUS] = "ins_serious",
    [XF_PHONE] = "phone",
    [XF_PERSON_IDENT] = "person_identified",
};

static const struct enum_names fields = {field_names, NULL, XF_COUNT};

static const char *const kind_names[FT_COUNT] = {
    [FT_TEXT] = "text",
    [FT_NAME] = "name",
    [FT_IDNO] = "idno",
    [FT_PHONE] = "phone",
    [FT_DATE] = "date",
    [FT_MONTH] = "month",
    [FT_MONEY] = "amount",
    [FT_INT] = "int",
    [FT_CODE] = "code",
    [FT_CODES] = "codes",
    [FT_YESNO] = "yesno",
    [FT_LONGTEXT] = "longtext",
    [FT_DECIMAL] = "decimal",
};

static const struct enum_names kinds = {kind_names, NULL, FT_COUNT};

/* The longest text the database keeps for a field, in characters (0:
 * the kind's own limit). */
static const int field_max[XF_COUNT] = {
    [XF_COUNTY] = 64, [XF_TOWNSHIP] = 64, [XF_VILLAGE] = 64, [XF_NATURAL] = 64,
    [XF_HH_NO] = 30, [XF_PERSON_NO] = 30, [XF_NAME] = 30,
};

int
xfield_max_chars(enum xfield f)
{
    return (unsigned)f < XF_COUNT ? field_max[f] : 0;
}

int
xfield_household(enum xfield f)
{
    return f > XF_NONE && f < XF_PERSON_NO;
}

int
xfield_parse(const char *name, enum xfield *f)
{
    int v;

    if (enum_parse(&fields, name, &v) != 0) {
        return -1;
    }
    *f = (enum xfield)v;
    return 0;
}

const char *
xfield_name(enum xfield f)
{
    return enum_name(&fields, (int)f);
}

int
xkind_parse(const char *name, enum field_type *t)
{
    int v;

    if (enum_parse(&kinds, name, &v) != 0) {
        return -1;
    }
    *t = (enum field_type)v;
    return 0;
}

void
xlayout_free(struct xlayout *l)
{
    size_t i;

    for (i = 0; i < l->n; i++) {
        free(l->v[i].label);
        free(l->v[i].alias);
        free(l->v[i].table);
    }
    free(l->v);
    free(l->channel);
    free(l->elim_method);
    memset(l, 0, sizeof(*l));
}

const struct xcol *
xlayout_col(const struct xlayout *l, enum xfield f)
{
    size_t i;

    for (i = 0; i < l->n; i++) {
        if (l->v[i].field == f) {
            return &l->v[i];
        }
    }
    return NULL;
}

/* --- cells --------------------------------------------------------- */

#define IDEO_SPACE "\xE3\x80\x80"

static size_t
blank_at(const char *s)
{
    if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n') {
        return 1;
    }
    return strncmp(s, IDEO_SPACE, 3) == 0 ? 3 : 0;
}

const char *
xtrim(const char *s, size_t *len, int *trimmed)
{
    size_t n, k;

    *trimmed = 0;
    while ((k = blank_at(s)) > 0) {
        s += k;
        *trimmed = 1;
    }
    n = strlen(s);
    for (;;) {
        if (n > 0 && blank_at(s + n - 1) == 1) {
            n--;
        } else if (n >= 3 && strncmp(s + n - 3, IDEO_SPACE, 3) == 0) {
            n -= 3;
        } else {
            break;
        }
        *trimmed = 1;
    }
    *len = n;
    return s;
}

static int
is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* d[.d+]E[+]dd */
int
xmangled(const char *s)
{
    if (!is_digit(*s++)) {
        return 0;
    }
    if (*s == '.') {
        s++;
        if (!is_digit(*s)) {
            return 0;
        }
        while (is_digit(*s)) {
            s++;
        }
    }
    if (*s != 'E' && *s != 'e') {
        return 0;
    }
    s++;
    if (*s == '+') {
        s++;
    }
    if (!is_digit(*s)) {
        return 0;
    }
    while (is_digit(*s)) {
        s++;
    }
    return *s == '\0';
}

/* 18 digits ending in 000: an ID number Excel held as a number, whose
 * last three digits (past the 15 a number keeps) became zeros. */
static int
excel_rounded(const char *s)
{
    size_t i;

    for (i = 0; i < 18; i++) {
        if (!is_digit(s[i])) {
            return 0;
        }
    }
    return s[18] == '\0' && strcmp(s + 15, "000") == 0;
}

/* Kinds whose digits are an identifier Excel must keep as text. */
static int
kept_as_text(const struct xcol *c)
{
    return c->spec.type == FT_IDNO || c->spec.type == FT_PHONE ||
           c->spec.type == FT_TEXT;
}

/* The code TEXT of column C is not in its table: say so with the labels
 * the column may have (a sheet has no list to pick from), the first
 * CODE_LABELS_SHOWN of a long table. */
#define CODE_LABELS_SHOWN 12

static int
code_unknown(const struct xcol *c, const struct field_ctx *ctx, const char *text,
             struct err *e)
{
    const struct code_table *t = codebook_table(ctx->codes, c->spec.table);
    struct sbuf sb = SBUF_INIT;
    size_t i;
    int rc;

    for (i = 0; t != NULL && i < t->n && i < CODE_LABELS_SHOWN; i++) {
        sbuf_addf(&sb, "%s%s", i > 0 ? "、" : "", t->v[i].label);
    }
    if (t != NULL && t->n > CODE_LABELS_SHOWN) {
        sbuf_adds(&sb, "……");
    }
    rc = err_set(e, ERR_INVALID, _("%s: %s is not in the list; the sheet may have: %s"),
                 c->label, text, sb.len > 0 ? sb.buf : "");
    sbuf_release(&sb);
    return rc;
}

int
xcell_parse(const struct xcol *c, const struct field_ctx *ctx,
            const char *text, struct field_value *v, struct err *e)
{
    struct field_spec day;
    struct err ignored;

    if (kept_as_text(c) && xmangled(text)) {
        field_value_clear(v);
        return err_set(e, ERR_INVALID,
                       _("%s: %s is a number Excel turned into scientific notation, "
                         "and its last digits are lost; set the column's format to "
                         "text in Excel and type the numbers again."),
                       c->label, text);
    }
    if (field_parse(&c->spec, ctx, text, v, e) == 0) {
        return 0;
    }
    if (c->spec.type == FT_IDNO && strchr(text, '*') != NULL) {
        return err_set(e, ERR_INVALID,
                       _("%s: %s is masked (a sheet exported without revealing ID "
                         "numbers); import a sheet with the whole numbers."),
                       c->label, text);
    }
    if (c->spec.type == FT_CODE && text[0] != '\0') {
        return code_unknown(c, ctx, text, e);
    }
    if (c->spec.type == FT_PHONE && strchr(text, '*') != NULL) {
        return err_set(e, ERR_INVALID,
                       _("%s: %s is masked (a sheet exported without revealing phone "
                         "numbers); import a sheet with the whole numbers."),
                       c->label, text);
    }
    if (c->spec.type == FT_IDNO && excel_rounded(text)) {
        return err_set(e, ERR_INVALID,
                       _("%s: %s ends in zeros where its check digit should be: Excel kept "
                         "it as a number, and a number keeps only 15 digits; set the "
                         "column's format to text in Excel and type the numbers again."),
                       c->label, text);
    }
    if (c->spec.type != FT_MONTH) {
        return -1;
    }
    /* A month column holding a whole date keeps the day. */
    day = c->spec;
    day.type = FT_DATE;
    day.min = day.max = 0;
    if (field_parse(&day, ctx, text, v, &ignored) != 0) {
        return -1;
    }
    v->n = -v->n - 1;       /* marks a day: see month_day() */
    err_clear(e);
    return 0;
}

/* The day a month field's value stands for: its first day, or the day
 * itself when the cell held a whole date (stored as -day - 1). */
static int
month_day(const struct field_value *v)
{
    if (v->n < 0) {
        return (int)(-v->n - 1);
    }
    return month_first_day((int)v->n);
}

/* --- records ------------------------------------------------------- */

void
xrecord_init(struct xrecord *r)
{
    memset(r, 0, sizeof(*r));
    r->data_date = DATE_NONE;
    r->p.birth = DATE_NONE;
    r->p.in_household = 1;
    r->identified_on = DATE_NONE;
    r->eliminated_on = DATE_NONE;
}

/* Where field F's text lives in R, and its size; NULL for the others. */
static char *
text_of(struct xrecord *r, enum xfield f, size_t *n)
{
    static const struct {
        enum xfield f;
        size_t off, size;
    } map[] = {
#define T(field, member) {field, offsetof(struct xrecord, member), \
                          sizeof(((struct xrecord *)0)->member)}
        T(XF_COUNTY, county), T(XF_TOWNSHIP, township), T(XF_VILLAGE, village),
        T(XF_NATURAL, natural), T(XF_HH_NO, hh.hh_no), T(XF_HH_TYPE, hh.hh_type),
        T(XF_HH_PHONE, hh.phone), T(XF_WATER, hh.water), T(XF_CATEGORY, category),
        T(XF_RISK1, risks[0]), T(XF_RISK2, risks[1]), T(XF_RISK3, risks[2]),
        T(XF_RISK4, risks[3]), T(XF_RISK5, risks[4]),
        T(XF_ELIM_METHOD, elim_method), T(XF_PERSON_NO, p.person_no),
        T(XF_NAME, p.name), T(XF_ID_NO, p.id_no), T(XF_RELATION, p.relation),
        T(XF_ETHNICITY, p.ethnicity), T(XF_EDUCATION, p.education),
        T(XF_SCHOOLING, p.schooling), T(XF_HEALTH, p.health),
        T(XF_LABOUR, p.labour), T(XF_PHONE, p.phone),
#undef T
    };
    size_t i;

    for (i = 0; i < ARRAY_SIZE(map); i++) {
        if (map[i].f == f) {
            *n = map[i].size;
            return (char *)r + map[i].off;
        }
    }
    return NULL;
}

/* Where field F's number lives in R; NULL for the others. */
static int *
int_of(struct xrecord *r, enum xfield f)
{
    switch (f) {
    case XF_MEMBERS:
        return &r->members;
    case XF_HOUSE_DANGER:
        return &r->house_danger;
    case XF_ELIMINATED:
        return &r->eliminated;
    case XF_WORK_MONTHS:
        return &r->p.work_months;
    case XF_INS_SERIOUS:
        return &r->p.ins_serious;
    case XF_DATA_DATE:
        return &r->data_date;
    case XF_IDENTIFIED:
        return &r->identified_on;
    case XF_ELIM_DATE:
        return &r->eliminated_on;
    default:
        return NULL;
    }
}

/* Where field F's month (0: none) lives in R; NULL for the others. */
static int *
month_in(struct xrecord *r, enum xfield f)
{
    return f == XF_FIRST_IDENT ? &r->hh.first_identified
           : f == XF_PERSON_IDENT ? &r->p.identified : NULL;
}

/* Where field F's amount in fen lives in R; NULL for the others. */
static int64_t *
fen_in(struct xrecord *r, enum xfield f)
{
    return f == XF_PER_CAPITA ? &r->per_capita : f == XF_WAGE ? &r->wage : NULL;
}

void
xrecord_set(struct xrecord *r, enum xfield f, const struct field_value *v)
{
    size_t n;
    char *t;
    int *i;
    int64_t *fen;

    if (f == XF_NONE || v->empty) {
        return;
    }
    r->has |= UINT64_C(1) << f;
    if ((t = text_of(r, f, &n)) != NULL) {
        str_copy(t, n, v->s != NULL ? v->s : "");
    } else if ((fen = fen_in(r, f)) != NULL) {
        *fen = v->n;
    } else if ((i = month_in(r, f)) != NULL) {
        *i = month_of(month_day(v));
    } else if ((i = int_of(r, f)) != NULL) {
        *i = f == XF_IDENTIFIED || f == XF_ELIM_DATE ? month_day(v) : (int)v->n;
    }
}

/* The value of field F in R, for formatting: 0, or -1 when R has none.
 * A text is R's own, borrowed (not copied: this runs for every cell of an
 * export), so V is never to be cleared. */
static int
value_of(const struct xrecord *r, const struct xcol *c, struct field_value *v)
{
    struct xrecord *w = (struct xrecord *)r;
    size_t n;
    const char *t;
    const int *i;
    const int64_t *fen;

    if (c->field == XF_NONE) {
        return -1;
    }
    if ((t = text_of(w, c->field, &n)) != NULL) {
        if (t[0] == '\0') {
            return -1;
        }
        v->empty = 0;
        v->s = (char *)t;
        return 0;
    }
    if ((fen = fen_in(w, c->field)) != NULL) {
        field_value_num(v, *fen);
        return (r->has & (UINT64_C(1) << c->field)) ? 0 : -1;
    }
    if ((i = month_in(w, c->field)) != NULL) {
        field_value_num(v, c->spec.type == FT_MONTH ? *i : month_first_day(*i));
        return *i != 0 ? 0 : -1;
    }
    if ((i = int_of(w, c->field)) == NULL) {
        return -1;
    }
    if (c->spec.type == FT_DATE || c->spec.type == FT_MONTH) {
        if (*i == DATE_NONE) {
            return -1;
        }
        field_value_num(v, c->spec.type == FT_MONTH ? month_of(*i) : *i);
        return 0;
    }
    field_value_num(v, *i);
    return (r->has & (UINT64_C(1) << c->field)) ? 0 : -1;
}

void
xrecord_cell(const struct xrecord *r, const struct xcol *c,
             const struct field_ctx *ctx, struct sbuf *out)
{
    struct field_value v = {1, 0, NULL};
    size_t at = out->len;
    size_t i, k;

    if (value_of(r, c, &v) == 0) {
        field_format(&c->spec, ctx, &v, out);
    }
    if (c->spec.type != FT_MONTH) {
        return;
    }
    /* 2021-04 -> 202104, as the national system writes months. */
    for (i = k = at; i < out->len; i++) {
        if (out->buf[i] != '-') {
            out->buf[k++] = out->buf[i];
        }
    }
    out->len = k;
    out->buf[k] = '\0';
}

int
xrecord_hh_differs(const struct xrecord *a, const struct xrecord *b,
                   enum xfield *which)
{
    struct xrecord *wa = (struct xrecord *)a, *wb = (struct xrecord *)b;
    const char *ta, *tb;
    const int *ia;
    const int64_t *fa;
    int f;
    size_t n;

    for (f = XF_DATA_DATE; f < XF_PERSON_NO; f++) {
        if ((ta = text_of(wa, (enum xfield)f, &n)) != NULL) {
            tb = text_of(wb, (enum xfield)f, &n);
            if (strcmp(ta, tb) == 0) {
                continue;
            }
        } else if ((ia = int_of(wa, (enum xfield)f)) != NULL) {
            if (*ia == *int_of(wb, (enum xfield)f)) {
                continue;
            }
        } else if ((ia = month_in(wa, (enum xfield)f)) != NULL) {
            if (*ia == *month_in(wb, (enum xfield)f)) {
                continue;
            }
        } else if ((fa = fen_in(wa, (enum xfield)f)) == NULL ||
                   *fa == *fen_in(wb, (enum xfield)f)) {
            continue;
        }
        *which = (enum xfield)f;
        return 1;
    }
    return 0;
}

const char *
xhouse_grade(int danger, const char *old)
{
    int bad = strcmp(old, "C") == 0 || strcmp(old, "D") == 0;

    if (danger) {
        return bad ? old : "C";
    }
    return bad ? "" : old;
}

/* The case of S as the sheet has it: category, risks, dates. */
static void
case_from(const struct hh_snapshot *s, struct xrecord *r)
{
    const struct mcase *c = &s->mcase;
    int i;

    if (!s->has_case || (!case_state_monitored(c->state) && c->state != CS_ELIMINATED)) {
        return;
    }
    snprintf(r->category, sizeof(r->category), "%s", c->category);
    r->has |= UINT64_C(1) << XF_CATEGORY;
    for (i = 0; i < c->nrisks && i < MCASE_MAX_RISKS; i++) {
        snprintf(r->risks[i], sizeof(r->risks[i]), "%s", c->risks[i]);
    }
    r->identified_on = c->identified_on;
    r->eliminated = c->state == CS_ELIMINATED;
    r->has |= UINT64_C(1) << XF_ELIMINATED;
    if (r->eliminated) {
        r->eliminated_on = c->eliminated_on;
        snprintf(r->elim_method, sizeof(r->elim_method), "%s", c->elim_method);
    }
}

void
xrecord_from(const struct hh_snapshot *s, size_t i, const struct codebook *cb,
             struct xrecord *r)
{
    const struct income *inc = s->nincomes > 0 ? &s->incomes[s->nincomes - 1] : NULL;

    xrecord_init(r);
    r->hh = s->hh;
    r->hh.first_identified = snapshot_first_identified(s);
    snprintf(r->hh.water, sizeof(r->hh.water), "%s", snapshot_water(s, cb));
    r->p = s->members[i];
    r->members = (int)s->nmembers;
    r->house_danger = strcmp(xhouse_grade(1, s->hh.house_grade), s->hh.house_grade) == 0;
    r->has |= UINT64_C(1) << XF_MEMBERS | UINT64_C(1) << XF_HOUSE_DANGER |
              UINT64_C(1) << XF_WORK_MONTHS | UINT64_C(1) << XF_INS_SERIOUS;
    if (inc != NULL) {
        r->per_capita = inc->per_capita;
        r->wage = inc->wage;
        r->has |= UINT64_C(1) << XF_PER_CAPITA | UINT64_C(1) << XF_WAGE;
    }
    case_from(s, r);
}

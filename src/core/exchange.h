/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * exchange.h - the national system's person-grain sheet (domain.md
 * 10.2) as the program sees it: the columns of the layout file
 * (share/exchange/national.conf, read by cfg/exchange_load.c), the
 * fields they map to, one row's values parsed with the forms' own
 * parsers (core/field.c), and the record a row is read into or written
 * from.  Shared by `import national` and the `national` export kind.
 * Pure: no SQLite, no libconfig.
 */
#ifndef ZX_EXCHANGE_H
#define ZX_EXCHANGE_H

#include <stddef.h>
#include <stdint.h>

#include "core/field.h"
#include "core/household.h"

struct err;
struct sbuf;

/* What a column maps to.  XF_NONE: read and checked, not stored. */
enum xfield {
    XF_NONE = 0,
    XF_DATA_DATE,
    XF_COUNTY,
    XF_TOWNSHIP,
    XF_VILLAGE,
    XF_NATURAL,
    XF_HH_NO,
    XF_HH_TYPE,
    XF_HH_PHONE,
    XF_MEMBERS,
    XF_HOUSE_DANGER,
    XF_PER_CAPITA,
    XF_CATEGORY,
    XF_RISK1, XF_RISK2, XF_RISK3, XF_RISK4, XF_RISK5,
    XF_ELIMINATED,
    XF_IDENTIFIED,
    XF_ELIM_DATE,
    XF_ELIM_METHOD,
    XF_FIRST_IDENT,
    XF_WATER,
    XF_WAGE,
    /* the person's own fields from here on */
    XF_PERSON_NO,
    XF_NAME,
    XF_ID_NO,
    XF_RELATION,
    XF_ETHNICITY,
    XF_EDUCATION,
    XF_SCHOOLING,
    XF_HEALTH,
    XF_LABOUR,
    XF_WORK_MONTHS,
    XF_INS_SERIOUS,
    XF_PHONE,
    XF_PERSON_IDENT,
    XF_COUNT
};

/* The longest text the database keeps for field F, in characters; 0
 * when the kind's own limit holds. */
int xfield_max_chars(enum xfield f);

/* 1 for a household's field (the same on every member's row). */
int xfield_household(enum xfield f);

/* The field named NAME in the layout file ("hh_no", "none"...): 0, or -1. */
int xfield_parse(const char *name, enum xfield *f);
const char *xfield_name(enum xfield f);

/* The kind named NAME ("text", "idno", "code", "month"...): 0, or -1. */
int xkind_parse(const char *name, enum field_type *t);

/* One column of a layout.  SPEC's label, table and bounds point into
 * the strings the column owns. */
struct xcol {
    char *label;
    char *alias;            /* another header the column goes by, or "" */
    char *table;            /* "" unless a code */
    enum xfield field;
    struct field_spec spec;
};

struct xlayout {
    struct xcol *v;
    size_t n;
    char *channel;          /* the code of an imported case's channel */
    char *elim_method;      /* the code when the sheet names no method */
};

void xlayout_free(struct xlayout *l);

/* The column of L mapped to F, or NULL. */
const struct xcol *xlayout_col(const struct xlayout *l, enum xfield f);

/* Blanks (ASCII and the ideographic space) around S: *LEN gets the
 * length of what is left, the return value where it starts; *TRIMMED is
 * set to 1 when something was cut. */
const char *xtrim(const char *s, size_t *len, int *trimmed);

/* Parse one cell of column C (already trimmed) with the forms' parser
 * of its kind; E says what is wrong.  Before that, a number Excel wrote
 * in scientific notation (5.19999E+17) in a column of numbers kept as
 * text (ID, household, person and phone numbers) is refused with words
 * saying how it happened and how to fix it; a month column takes a
 * whole date too (its day kept). */
int xcell_parse(const struct xcol *c, const struct field_ctx *ctx,
                const char *text, struct field_value *v, struct err *e);

/* 1 when TEXT is a number in Excel's scientific notation. */
int xmangled(const char *text);

/* One row of the sheet as a record.  A month field parsed as a month is
 * kept as its first day. */
struct xrecord {
    uint64_t has;               /* 1 << field: the cell was not empty */
    int data_date;
    char county[SHORT_BUF], township[SHORT_BUF], village[SHORT_BUF];
    char natural[SHORT_BUF];
    struct household hh;        /* hh_no, hh_type, phone, house grade,
                                   first identified (a month), water */
    struct person p;            /* p.identified: a month */
    int members;                /* 人数 */
    int house_danger;           /* 危房户 */
    int64_t per_capita;         /* fen */
    int64_t wage;               /* 工资性收入 of the household, fen */
    char category[CODE_BUF];
    char risks[MCASE_MAX_RISKS][CODE_BUF];
    int eliminated;
    int identified_on, eliminated_on;
    char elim_method[CODE_BUF];
};

/* Empty R (every date DATE_NONE). */
void xrecord_init(struct xrecord *r);

/* Put value V of field F into R. */
void xrecord_set(struct xrecord *r, enum xfield f, const struct field_value *v);

/* Append to OUT the cell of column C for R as the national sheet writes
 * it (codes as labels, months YYYYMM, yes/no 是/否, amounts 1234.50). */
void xrecord_cell(const struct xrecord *r, const struct xcol *c,
                  const struct field_ctx *ctx, struct sbuf *out);

/* R for member I of household S as the registry has it: the household's
 * fields, its latest income, its case (a case not yet approved or
 * rejected is no monitoring category), the member's fields.  The first
 * identification is snapshot_first_identified's; the drinking water the
 * household's, else its latest check's (snapshot_water).  The place
 * names and the data date are the caller's. */
struct codebook;
void xrecord_from(const struct hh_snapshot *s, size_t i, const struct codebook *cb,
                  struct xrecord *r);

/* 1 when the household fields of A and B differ (the first one into
 * *WHICH). */
int xrecord_hh_differs(const struct xrecord *a, const struct xrecord *b,
                       enum xfield *which);

/* The house grade the sheet's 危房户 gives a household now graded OLD. */
const char *xhouse_grade(int danger, const char *old);

#endif

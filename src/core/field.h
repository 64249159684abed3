/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * field.h - the kinds of value a form field holds, and how typed text
 * becomes a value and back.  One parser per field type, each saying in
 * plain words what is wrong and how to fix it, so that every form in
 * every workspace checks the same way.  Pure: no curses, no SQLite.
 *
 * A form keeps what the user typed as text; field_parse() turns it into
 * a value when the field is left and when the form is saved;
 * field_format() turns a stored value into the text to edit.
 */
#ifndef ZX_FIELD_H
#define ZX_FIELD_H

#include <stddef.h>
#include <stdint.h>

struct codebook;
struct err;
struct sbuf;

enum field_type {
    FT_TEXT = 0,    /* one line of text */
    FT_NAME,        /* a person's name: Chinese characters and the middle dot */
    FT_IDNO,        /* resident ID number (GB 11643), normalized */
    FT_PHONE,       /* mobile (11 digits) or landline with area code */
    FT_DATE,        /* a day: 2024-03-05 */
    FT_MONTH,       /* a month: 2024-03 */
    FT_MONEY,       /* yuan with at most two decimals, held as fen */
    FT_INT,         /* a whole number */
    FT_CODE,        /* one code of a code table */
    FT_CODES,       /* up to max_codes codes of a code table */
    FT_YESNO,       /* 是 / 否 */
    FT_LONGTEXT,    /* free text, several sentences */
    FT_DECIMAL,     /* a number with at most two decimals (points), held
                       in hundredths */
    FT_COUNT
};

enum field_flags {
    FF_REQUIRED = 1 << 0,   /* may not be left empty */
    FF_READONLY = 1 << 1,   /* shown, never edited (the cursor skips it) */
    FF_AUTOSKIP = 1 << 2,   /* when full (max_chars typed), go to the next */
    FF_FUTURE = 1 << 3,     /* FT_DATE/FT_MONTH: may lie after today */
    FF_NEGATIVE = 1 << 4,   /* FT_MONEY/FT_INT: may be below zero */
};

struct field_spec {
    const char *name;       /* stable key: drafts, conflicts ("id_no") */
    const char *label;      /* N_(): shown before the field */
    enum field_type type;
    unsigned flags;
    int max_chars;          /* longest text in characters; 0: the type's */
    int64_t min, max;       /* bounds when min < max: FT_INT, FT_MONEY (fen),
                               FT_DECIMAL (hundredths), FT_DATE (day
                               numbers), FT_MONTH (months); an amount's
                               max is a sanity bound (core/bounds.h) */
    const char *table;      /* FT_CODE, FT_CODES: code table id */
    int max_codes;          /* FT_CODES: at most this many (0: 5) */
    const char *help;       /* N_(): one line for the focused field */
    const char *none;       /* N_(): what F4 says when FT_CODE's list is
                               empty (NULL: that there is nothing) */
};

/* A parsed value.  N holds FT_INT, FT_MONEY (fen), FT_DECIMAL
 * (hundredths), FT_DATE (day number),
 * FT_MONTH (year * 12 + month - 1) and FT_YESNO (1 = yes); S (owned)
 * holds the normalized text of the others: the ID number with upper-case
 * X, the phone's digits (and one '-' after a landline's area code), a
 * code, codes joined by ',' in the order given, trimmed text.  EMPTY is
 * 1 when nothing was typed. */
struct field_value {
    int empty;
    int64_t n;
    char *s;
};

struct field_ctx {
    const struct codebook *codes;   /* for FT_CODE and FT_CODES */
    int today;                      /* day number: dates after it refused */
};

/* The most characters any field accepts; longer text is refused (and
 * kept, so the user can shorten it). */
#define FIELD_TEXT_MAX 4000

/* The longest text of F in characters (max_chars or the type's). */
int field_max_chars(const struct field_spec *f);

/* Parse TEXT (UTF-8 as typed; full-width digits, letters and punctuation
 * from an input method are read as their ASCII forms) as F wants it.
 * Empty text (blanks only) gives V->empty = 1, refused when F is
 * FF_REQUIRED.  Returns 0, or -1 with E (ERR_INVALID) saying what is
 * wrong and how to fix it, naming the field's label.  V is cleared first
 * (field_value_clear: it must hold a value, zeroed or from an earlier
 * call) and is empty after an error; free it with field_value_clear.
 * Full-width forms are folded for every type but FT_TEXT, FT_LONGTEXT
 * and FT_NAME, whose text is kept as typed (Chinese punctuation stays);
 * FT_LONGTEXT's line breaks are stored as '\n'.  A code field takes any
 * text that names one entry of its table, however long its label: its
 * length limit is for what is typed. */
int field_parse(const struct field_spec *f, const struct field_ctx *ctx,
                const char *text, struct field_value *v, struct err *e);

/* Append to OUT the text to edit V with (nothing for an empty value):
 * dates YYYY-MM-DD, months YYYY-MM, money and decimals "1234.50" (no
 * grouping), codes
 * as their labels (several joined by "、"; an unknown code as itself),
 * yes/no as 是/否 (translated).  field_parse() of that text gives V. */
void field_format(const struct field_spec *f, const struct field_ctx *ctx,
                  const struct field_value *v, struct sbuf *out);

/* Free V's string and leave V empty (empty = 1, n = 0, s = NULL). */
void field_value_clear(struct field_value *v);

/* Set V from a number / a string (copied; NULL or "" is empty), for
 * filling a form from a stored record. */
void field_value_num(struct field_value *v, int64_t n);
void field_value_str(struct field_value *v, const char *s);

#endif

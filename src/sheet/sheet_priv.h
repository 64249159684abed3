/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * sheet_priv.h - what the readers and writers of each format share
 * inside src/sheet/: the reader and writer with their table of
 * operations, and the row being built (cells appended as text, padded
 * with empty cells up to a column).
 */
#ifndef ZX_SHEET_PRIV_H
#define ZX_SHEET_PRIV_H

#include <stddef.h>

#include "sheet/sheet.h"
#include "util/sbuf.h"

/* The row being read: cells as offsets into one buffer. */
struct sheet_rowbuf {
    struct sbuf text;
    size_t *off;
    size_t n, alloc;
    const char **ptr;
    size_t ptr_alloc;
};

struct sheet_reader;

struct sheet_rops {
    /* The next row into R->row with R->line set: 1, 0 at the end, -1. */
    int (*next)(struct sheet_reader *r, struct err *e);
    void (*close)(struct sheet_reader *r);
};

struct sheet_reader {
    const struct sheet_rops *ops;
    enum sheet_format format;
    enum sheet_encoding enc;
    size_t max_cell;
    size_t bytes, size;
    size_t line;
    struct sheet_rowbuf row;
    char *native_path;          /* the file's name in the locale's set (lcio) */
    void *impl;
};

struct sheet_writer;

struct sheet_wops {
    int (*add)(struct sheet_writer *w, const char *const *cells, struct err *e);
    int (*finish)(struct sheet_writer *w, struct err *e);
    void (*abort)(struct sheet_writer *w);
};

struct sheet_writer {
    const struct sheet_wops *ops;
    enum sheet_type *types;
    size_t ncols;
    size_t rows;                /* rows added, the header not counted */
    void *impl;
};

/* The format readers' and writers' openers. */
int sheet_csv_open(struct sheet_reader *r, const struct sheet_read_opts *o,
                   struct err *e);
int sheet_xlsx_open(struct sheet_reader *r, const struct sheet_read_opts *o,
                    struct err *e);
int sheet_xls_open(struct sheet_reader *r, const struct sheet_read_opts *o,
                   struct err *e);
int sheet_csv_create(struct sheet_writer *w, const struct sheet_write_opts *o,
                     struct err *e);
int sheet_xlsx_create(struct sheet_writer *w, const struct sheet_write_opts *o,
                      struct err *e);

/* Start a new row, empty. */
void sheet_row_reset(struct sheet_rowbuf *rb);
/* Put the cell S (LEN bytes) at column COL (0: A) of the row numbered
 * LINE, after empty cells up to it; a cell longer than MAX is an error
 * naming the row and column. */
int sheet_row_put(struct sheet_rowbuf *rb, size_t col, const char *s,
                  size_t len, size_t max, size_t line, struct err *e);
/* The error for a cell of LINE, COL longer than MAX bytes. */
int sheet_err_long(struct err *e, size_t line, size_t col, size_t max);
/* The error for a workbook PATH without the sheet WANT: it lists the
 * N sheets NAMES it has. */
int sheet_err_no_sheet(struct err *e, const char *path, const char *want,
                       const char *const *names, size_t n);
/* The format PATH's first bytes say: SHEET_XLSX (a ZIP package),
 * SHEET_XLS (a compound file), else SHEET_AUTO. */
enum sheet_format sheet_magic(const char *path);
/* Why an XLSX or XLS file cannot be read, as staff are told it. */
enum sheet_why {
    SHEET_NOT_XLSX,             /* not a ZIP package at all */
    SHEET_NOT_XLS,              /* not a compound file */
    SHEET_NO_WORKBOOK,          /* a compound file without a workbook: an XLSX
                                   protected with a password, another document */
    SHEET_DAMAGED,              /* cut short or spoilt */
    SHEET_ENCRYPTED,            /* protected with a password */
};
/* A library's error code and what it means for a sheet. */
struct sheet_code_why {
    int code;
    enum sheet_why why;
};
/* What CODE, a library's error reading PATH, means by TABLE (N
 * entries): OTHER when PATH does not begin as FORMAT (sheet_magic), -1
 * when TABLE does not know CODE (the library's words are all there is). */
int sheet_why_of(const char *path, enum sheet_format format, enum sheet_why other, int code,
                 const struct sheet_code_why *table, size_t n);
/* The error for PATH that cannot be read because of WHY (a Chinese
 * reason naming the file and what to do); PART, when not NULL, is the
 * part of the package found missing or spoilt (at LINE, when not 0). */
int sheet_err_why(struct err *e, const char *path, enum sheet_why why,
                  const char *part, unsigned long line);
/* Column COL (0: A) as Excel names it, into BUF of at least 8 bytes. */
const char *sheet_col_name(size_t col, char *buf);
/* The number of the column named by the letters at S ("AB3": 27), or
 * -1 when S does not start with letters. */
long sheet_col_parse(const char *s);

/* A number as Excel shows it in a general cell, but a whole number in
 * digits: 12.5, 0.3, 519999199001011 (at most 15 significant digits, as
 * Excel keeps them: 5.19999E+17 stored becomes 519999000000000000). */
void sheet_num_text(double d, struct sbuf *out);
/* The date of Excel's serial day number D (1900 or 1904 system) as
 * YYYY-MM-DD. */
void sheet_date_text(double d, int date1904, struct sbuf *out);

/* Validated and normalized cell text of type T ("1234.5" as an amount:
 * "1234.50") into OUT: 0, or -1 when S is not a value of the type. */
int sheet_cell_norm(enum sheet_type t, const char *s, struct sbuf *out);
/* 1 when the text S must be protected from Excel in a CSV: an ID-like
 * number (SHEET_CSV_ID) or a formula-like start (SHEET_CSV_FORMULA). */
enum { SHEET_CSV_PLAIN, SHEET_CSV_ID, SHEET_CSV_FORMULA };
int sheet_text_kind(const char *s);

#endif

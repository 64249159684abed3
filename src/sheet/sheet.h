/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * sheet.h - reading and writing the sheets staff exchange with Excel,
 * WPS and the national system: CSV (UTF-8 with or without a byte-order
 * mark, GB18030/GBK), XLSX and legacy XLS.  One module for every import
 * and export; both directions stream, so memory stays bounded whatever
 * the number of rows.  The formats are done by libraries packaged in
 * Debian (libxlsxwriter writes XLSX, libzip and expat read it, freexl
 * reads XLS, iconv converts encodings); this module only adapts them.
 *
 * The sheet layer sits beside util: it includes util/ and nothing above
 * it, and print, cli and tui use it (tests/lint/layering.sh).
 */
#ifndef ZX_SHEET_H
#define ZX_SHEET_H

#include <stddef.h>

struct err;

enum sheet_format {
    SHEET_AUTO = 0,             /* reading: by content, then by name */
    SHEET_CSV,
    SHEET_XLSX,
    SHEET_XLS,                  /* reading only */
};

enum sheet_encoding {
    SHEET_ENC_AUTO = 0,         /* reading CSV: detected; writing: UTF-8 */
    SHEET_ENC_UTF8,             /* written with a byte-order mark */
    SHEET_ENC_GB18030,          /* reads GBK and GB2312 too */
};

/* "csv", "xlsx", "xls" / "utf-8", "gb18030" (and "gbk") as the command
 * line names them: 0, or -1 for a name it does not know. */
int sheet_format_parse(const char *name, enum sheet_format *f);
int sheet_encoding_parse(const char *name, enum sheet_encoding *enc);

/* ---- Reading ---------------------------------------------------- */

struct sheet_read_opts {
    const char *path;
    enum sheet_format format;   /* SHEET_AUTO: detected */
    enum sheet_encoding encoding;       /* CSV only */
    const char *sheet;          /* XLSX/XLS: the sheet's name; NULL: the first */
    size_t max_cell;            /* bytes; a longer cell is an error naming its
                                   row and column; 0: SHEET_MAX_CELL */
};

#define SHEET_MAX_CELL 32767    /* Excel's own limit of a cell, in characters */

/* One row as read: every cell UTF-8, NUL-terminated, never NULL (an
 * empty cell is ""), not trimmed.  Valid until the next sheet_next or
 * sheet_close.  Numbers and dates of XLSX/XLS come as text the way
 * Excel shows them in a general cell: 12.5, 2021-04-01 for a date cell;
 * an ID number stored as a number comes as its digits, at most the 15
 * significant ones Excel keeps (519999199001011000: the import sees the
 * check digit fail).  Booleans are TRUE/FALSE (XLSX) or 1/0 (XLS).  A
 * CSV row has every field of its record; an XLSX or XLS row ends at its
 * last cell that is there.  A CSV cell ="0123" (how sheet_add writes an
 * ID-like text) reads as 0123; a leading apostrophe is kept, as Excel
 * keeps it when it opens a CSV. */
struct sheet_row {
    size_t line;                /* the row's number as Excel shows it (1: the first) */
    size_t ncells;
    const char *const *cells;
};

struct sheet_reader;

/* Open O->path: ERR_NOTFOUND, ERR_IO, or ERR_INVALID with a Chinese
 * message for a file that is not a sheet of the format (a damaged ZIP,
 * no such sheet: the message lists the sheets it has). */
int sheet_open(const struct sheet_read_opts *o, struct sheet_reader **r,
               struct err *e);

/* The next row that is not wholly empty: 1 with *ROW filled, 0 at the
 * end, -1 with E (a cell over max_cell, bytes that are not text in the
 * encoding: the message names the row and column). */
int sheet_next(struct sheet_reader *r, struct sheet_row *row, struct err *e);

/* What was read (for the report): the format and encoding found, and
 * how many bytes of the file have been read so far (a progress bar). */
enum sheet_format sheet_read_format(const struct sheet_reader *r);
enum sheet_encoding sheet_read_encoding(const struct sheet_reader *r);
size_t sheet_read_bytes(const struct sheet_reader *r);
size_t sheet_read_size(const struct sheet_reader *r);   /* the file's */

void sheet_close(struct sheet_reader *r);

/* Columns recognized by their exact labels, in any order.  LABELS are the
 * N labels wanted; HEADER the header row as read (each cell trimmed of
 * spaces before comparing).  IDX[i] gets the cell index of LABELS[i], or
 * -1 when the header lacks it.  Returns how many of LABELS were found;
 * *UNKNOWN (may be NULL) gets a malloc'd array of the header's cells that
 * match no label, *NUNKNOWN its length (caller frees the array only). */
size_t sheet_header_map(const struct sheet_row *header,
                        const char *const *labels, size_t n, int *idx,
                        const char ***unknown, size_t *nunknown);

/* ---- Writing ---------------------------------------------------- */

enum sheet_type {
    SHEET_TEXT = 0,             /* always text: ID, household, person and
                                   phone numbers never become 5.19999E+17 */
    SHEET_AMOUNT,               /* a number in yuan, two decimals ("1234.50") */
    SHEET_INT,                  /* a whole number */
    SHEET_DATE,                 /* YYYY-MM-DD as the national system writes it;
                                   a date cell in XLSX */
};

struct sheet_col {
    const char *label;          /* the header, in Chinese (already translated) */
    enum sheet_type type;
    int width;                  /* XLSX column width in characters; 0: by type */
};

struct sheet_write_opts {
    const char *path;           /* the file written (a temporary file of the
                                   caller's, put in place by the caller after
                                   the audit row: see print_send) */
    enum sheet_format format;   /* SHEET_CSV or SHEET_XLSX */
    enum sheet_encoding encoding;       /* CSV: UTF-8 (with BOM) or GB18030 */
    const char *sheet;          /* XLSX: the sheet's name; NULL: "Sheet1" */
    const struct sheet_col *cols;
    size_t ncols;
};

struct sheet_writer;

/* Create O->path and write the header row. */
int sheet_create(const struct sheet_write_opts *o, struct sheet_writer **w,
                 struct err *e);

/* Add a row of ncols cells (NULL: empty).  A text cell beginning with
 * = + - or @ is written so that Excel shows it and never runs it as a
 * formula; an AMOUNT, INT or DATE cell that is not one is an error. */
int sheet_add(struct sheet_writer *w, const char *const *cells, struct err *e);

/* Finish the file (the XLSX's ZIP is written here) and free W: 0 or -1
 * (the file is then incomplete; the caller removes it). */
int sheet_finish(struct sheet_writer *w, struct err *e);

/* Free W without finishing (after an error). */
void sheet_abort(struct sheet_writer *w);

#endif

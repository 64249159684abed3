/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * export.h - data leaving as a sheet (`zhenxing export KIND`, the x key
 * of every list): the kinds of export as one table (export_kinds.c),
 * each with its Chinese title, its columns (label, sheet type, how the
 * cell is got from a row) and its row source under the filters of the
 * screens; the rows are streamed into the sheet writer (src/sheet/), so
 * memory stays bounded at a million rows.  Scope and masking are as on
 * screen: the account's scope holds, ID and phone numbers are masked
 * unless the role reveals them and the user asks.  Audit first: the
 * export's audit row is committed before the file appears at its name.
 */
#ifndef ZX_EXPORT_H
#define ZX_EXPORT_H

#include <stddef.h>
#include <stdint.h>

#include "db/db_list.h"
#include "sheet/sheet.h"

struct err;
struct print_env;
struct export_run;

/* How a cell is got from a row (struct export_col). */
enum export_cell {
    EC_STR = 0,     /* char[] at OFF */
    EC_PSTR,        /* char * at OFF (NULL: empty) */
    EC_INT,         /* int at OFF */
    EC_I64,         /* int64_t at OFF */
    EC_FEN,         /* int64_t fen at OFF, written in yuan */
    EC_DATE,        /* int day number at OFF (DATE_NONE: empty) */
    EC_MONTH,       /* int month_of() at OFF: YYYY-MM */
    EC_CODE,        /* char[] code of TABLE at OFF: its label */
    EC_YESNO,       /* int flag at OFF: 是 or 否 */
    EC_IDNO,        /* char[] ID number: masked unless revealed */
    EC_PHONE,       /* char[] phone number: masked unless revealed */
    EC_PLACE,       /* int64_t division id at OFF: its name */
    EC_FN,          /* FN(run, row) */
};

struct export_col {
    const char *label;          /* N_: the header */
    enum sheet_type type;
    enum export_cell cell;
    size_t off;
    int parent;                 /* read from the row's parent (the household
                                   of a member...) rather than the row */
    const char *table;          /* EC_CODE: the code table */
    const char *(*fn)(struct export_run *x, const void *row, char *buf, size_t n);
};

/* The filters, as on screen.  Each kind reads those it takes. */
struct export_filter {
    struct list_filter hh;      /* township_id, village_id, category, states,
                                   search: the monitoring list's filter */
    int year;                   /* 0: every year */
    int month;                  /* attendance: month_of(), 0: any */
    char code[CODE_BUF];        /* the kind of row (fund type, partner kind...) */
    int flagged;                /* only rows with warnings */
    int64_t round;              /* assessment: the round (0: the latest) */
    int64_t unit;               /* assessment: one unit's sheet (0: every unit) */
    const int64_t *ids;         /* only these records (tagged or shown rows); */
    size_t nids;                /* NULL: every row of the filter */
    int all_columns;            /* households: every column, not those shown */
    int reveal;                 /* whole ID and phone numbers (audited) */
};

void export_filter_init(struct export_filter *f);

/* A kind of export: one row of the table. */
struct export_kind {
    const char *name;           /* "households": the command's KIND */
    const char *title;          /* N_: 监测对象, the sheet's and the file's name */
    const char *tbl;            /* the table the audit log names */
    const struct export_col *cols;
    size_t ncols;
    const struct export_col *more;      /* --all-columns adds these (or NULL) */
    size_t nmore;
    /* Emit every row of X's filter with export_emit (parent may be NULL). */
    int (*rows)(struct export_run *x, struct err *e);
    unsigned filters;           /* enum export_takes: what it is filtered by */
    /* Before anything is written, for a kind whose columns are data (the
     * national layout): fill cols and ncols (NULL: nothing to do). */
    int (*prepare)(const struct print_env *env, struct err *e);
};

enum export_takes {
    EF_PLACE = 1 << 0,          /* --township, --village */
    EF_CATEGORY = 1 << 1,       /* --category */
    EF_STATE = 1 << 2,          /* --state */
    EF_YEAR = 1 << 3,           /* --year */
    EF_MONTH = 1 << 4,          /* --month */
    EF_KIND = 1 << 5,           /* --type: the kind of row */
    EF_SEARCH = 1 << 6,         /* --search */
    EF_FLAGGED = 1 << 7,        /* --flagged */
    EF_ROUND = 1 << 8,          /* --round */
    EF_ALL = 1 << 9,            /* --all-columns */
};

/* 1 when K's sheet (with its more columns when ALL_COLUMNS) has cells
 * masked unless revealed (ID and phone numbers), or columns that are
 * data (which may hold them). */
int export_kind_masks(const struct export_kind *k, int all_columns);

/* The table of kinds, and one by name (NULL when unknown). */
extern const struct export_kind *const export_kinds[];
extern const size_t export_nkinds;
const struct export_kind *export_kind_find(const char *name);

/* Where and how an export is written. */
struct export_dest {
    const char *path;           /* the file ("-": the standard output); NULL:
                                   DIR/file name of the kind */
    const char *dir;            /* where a file without PATH goes */
    enum sheet_format format;   /* SHEET_AUTO: by PATH's ending, else XLSX */
    enum sheet_encoding encoding;       /* CSV: UTF-8 with BOM by default */
    int overwrite;
};

/* The outcome: the file written (owned) and how many rows. */
struct export_result {
    char *path;
    int64_t rows;
};

void export_result_clear(struct export_result *r);

/* Export K under F as ENV's account sees it to D: the rows streamed into
 * a private temporary file beside the destination, the audit row (who,
 * the kind, the filters, the rows, revealed or not, where) committed,
 * then the file put at its name.  ERR_DENIED when F->reveal and the role
 * may not reveal, or a place outside the scope; ERR_IO for a destination
 * that is not an ordinary file or exists without OVERWRITE. */
int export_run(const struct print_env *env, const struct export_kind *k,
               const struct export_filter *f, const struct export_dest *d,
               struct export_result *out, struct err *e);

/* The file name of K's export today: 监测对象_新西镇_20261207.xlsx
 * (the place of F, or the county), in the locale's codeset; caller frees. */
char *export_file_name(const struct print_env *env, const struct export_kind *k,
                       const struct export_filter *f, enum sheet_format fmt);

/* ---- for the row sources (export_kinds.c) ------------------------------- */

/* The environment and filter of the run. */
const struct print_env *export_env(const struct export_run *x);
const struct export_filter *export_filt(const struct export_run *x);

/* 1 when record ID is wanted: F has no ids, or ID is among them. */
int export_wants(const struct export_run *x, int64_t id);

/* The record the audit row names (an assessment's round); 0: none. */
void export_set_record(struct export_run *x, int64_t id);

/* Write ROW (with PARENT) as one line of the sheet. */
int export_emit(struct export_run *x, const void *row, const void *parent,
                struct err *e);

/* May a sheet be written at PATH ("-": the standard output)?  Not in the
 * county's store, an ordinary file only, an existing one only with
 * OVERWRITE; otherwise -1 with E saying why. */
int export_dest_check(const char *path, int overwrite, struct err *e);

#endif

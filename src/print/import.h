/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * import.h - `import national`: the national system's person-grain sheet
 * (layout in share/exchange/national.conf) read into the registry, for
 * the command line and the F2 import screen alike.
 *
 * Two passes over the file, so memory stays bounded by the households,
 * never the rows.  The first checks every row with the forms' parsers
 * (core/exchange.c) and the sheet's own rules: the county, the
 * account's scope, the same person twice, the rows of a household
 * together and agreeing on its fields, 人数 and one head.  The second
 * writes, in one transaction, household by household (a savepoint
 * each): places created, households and members created or updated field
 * by field with their audit rows, cases with their steps, list rows.
 * All or nothing by default: any problem and nothing is written.
 * PARTIAL writes the households without problems; DRY_RUN runs the
 * second pass and rolls it back, so its counts are what an import would
 * do.
 */
#ifndef ZX_IMPORT_H
#define ZX_IMPORT_H

#include <stddef.h>

#include "db/db_import.h"
#include "sheet/sheet.h"

struct actor;
struct db;
struct err;
struct rule_ctx;
struct sbuf;
struct xlayout;

struct import_opts {
    const char *path;
    enum sheet_format format;       /* SHEET_AUTO: by content */
    enum sheet_encoding encoding;
    const char *sheet;              /* XLSX: the sheet's name; NULL: first */
    int dry_run, partial;
    int date;                       /* the data's day (the income's year);
                                       DATE_NONE: 数据日期, else today */
    const char *report;             /* a sheet of the rows with problems,
                                       or NULL */
    /* Called now and then with the bytes read of the two passes. */
    void (*progress)(void *arg, size_t done, size_t total);
    void *arg;
};

struct import_env {
    struct db *db;
    const struct rule_ctx *ctx;
    const struct actor *a;
    const struct xlayout *layout;
};

/* One problem: the row as Excel numbers it (0: the file), the column's
 * label ("" for the row as a whole) and what is wrong. */
struct import_problem {
    size_t line;
    char *label;
    char *msg;
};

#define IMPORT_MAX_PROBLEMS 100000

struct import_result {
    long rows, households;
    long bad_rows, bad_households;  /* refused */
    long trimmed;                   /* cells with blanks cut */
    struct ximport_stats st;        /* what was (or would be) written */
    char **unknown;                 /* columns read as no field */
    size_t nunknown;
    char **places;                  /* places created ("乡 / 村") */
    size_t nplaces;
    struct import_problem *v;
    size_t n;
    long more;                      /* problems beyond IMPORT_MAX_PROBLEMS */
    int written;                    /* 1: committed */
    enum sheet_format format;
    enum sheet_encoding encoding;
};

/* Import O->path.  0 when the file was read through (R says what was
 * found and whether anything was written); -1 with E when it could not
 * be: not readable, a required column missing (named), the account may
 * not write, the database failed. */
/* 0 when DATE (DATE_NONE: none given) is not after ENV's today; else -1
 * with E saying so under LABEL (the date field's label, translated). */
int import_date_check(const struct import_env *env, int date, const char *label,
                      struct err *e);

int import_national(const struct import_env *env, const struct import_opts *o,
                    struct import_result *r, struct err *e);

void import_result_free(struct import_result *r);

/* R as the terminal and the import screen show it: the counts, the new
 * places, the unknown columns, and each problem "第 N 行 列: why". */
void import_result_text(const struct import_result *r, int dry_run, struct sbuf *out);

#endif

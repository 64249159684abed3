/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * import_dept.c - `import dept` (see import_dept.h): the department's
 * sheet read by its layout's labels, every row checked, then matched
 * against the registry and stored as warnings; the report.
 */
#include "config.h"
#include "print/import_dept.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/dept.h"
#include "core/idno.h"
#include "core/money.h"
#include "core/role.h"
#include "core/rules.h"
#include "db/db.h"
#include "db/db_warning.h"
#include "print/import.h"
#include "sheet/sheet.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"

/* One row of the sheet, checked. */
struct in_row {
    size_t line;
    char id[IDNO_BUF];
    char name[64];
    char value[WARN_VALUE_BUF];
    int64_t fen;
    int date;
};

/* One import: what it reads with, the pass (1 checks, 2 stores) and its
 * reader (for the progress), and what it found. */
struct dept_import {
    const struct import_env *env;
    const struct dept *d;
    const struct import_opts *o;
    int date;                   /* the import's */
    int pass;
    struct sheet_reader *rd;
    struct dept_import_result *r;
};

/* --- reading and checking --------------------------------------------- */

static void
problem(struct dept_import *im, size_t line, const char *label, const char *what)
{
    if (im->r->nproblems++ < DEPT_PROBLEMS_SHOWN) {
        sbuf_addf(&im->r->problems, _("  row %zu, column %s: %s\n"), line, label, what);
    }
}

/* CELL without the blanks around it, into OUT (N bytes); 0, or -1 when
 * it does not fit. */
static int
trimmed(const char *cell, char *out, size_t n)
{
    size_t len;

    while (*cell == ' ' || *cell == '\t') {
        cell++;
    }
    len = strlen(cell);
    while (len > 0 && (cell[len - 1] == ' ' || cell[len - 1] == '\t' ||
                       cell[len - 1] == '\r' || cell[len - 1] == '\n')) {
        len--;
    }
    if (len >= n) {
        return -1;
    }
    memcpy(out, cell, len);
    out[len] = '\0';
    return 0;
}

/* The cell of column K (enum dept_col) of ROW, "" when the column is
 * absent or the row short. */
static const char *
cell_of(const struct sheet_row *row, const int *idx, int k)
{
    return idx[k] >= 0 && (size_t)idx[k] < row->ncells ? row->cells[idx[k]] : "";
}

static void
check_id(struct dept_import *im, const char *cell, size_t line, struct in_row *r)
{
    const char *label = im->d->cols[DEPT_COL_ID];
    struct idno id;
    enum idno_status st;

    if (trimmed(cell, r->id, sizeof(r->id)) || r->id[0] == '\0') {
        problem(im, line, label, r->id[0] == '\0' ? _("the ID number is missing")
                                                  : _("this is not an ID number"));
        return;
    }
    st = idno_parse(r->id, im->env->ctx->today, &id);
    /* Excel keeps 15 digits of a number: 5.19999E+17, or 18 digits ending
     * in zeros that fail the check */
    if (strchr(r->id, 'E') != NULL || strchr(r->id, 'e') != NULL ||
        (st == IDNO_CHECK && strlen(r->id) == 18 && strcmp(r->id + 15, "000") == 0)) {
        problem(im, line, label, _("Excel turned this ID number into a number (like 5.19999E+17) and lost its digits: format the column as text and type the numbers again"));
        return;
    }
    if (st != IDNO_OK) {
        problem(im, line, label, idno_status_message(st));
        return;
    }
    snprintf(r->id, sizeof(r->id), "%s", id.id);
}

static void
check_value(struct dept_import *im, const char *cell, size_t line, struct in_row *r)
{
    const char *label = im->d->cols[DEPT_COL_VALUE];
    enum money_status ms;

    if (trimmed(cell, r->value, sizeof(r->value))) {
        problem(im, line, label, _("the text is too long"));
        return;
    }
    if (r->value[0] == '\0') {
        problem(im, line, label, _("the cell is empty"));
        return;
    }
    if (!dept_is_amount(im->d)) {
        return;
    }
    ms = money_parse(r->value, 0, &r->fen);
    if (ms != MONEY_OK) {
        problem(im, line, label, money_status_message(ms));
        return;
    }
    money_format(r->fen, 0, r->value);
}

static void
check_date(struct dept_import *im, const char *cell, size_t line, struct in_row *r)
{
    const char *label = im->d->cols[DEPT_COL_DATE];
    char buf[32];
    enum date_status st;

    r->date = DATE_NONE;
    if (trimmed(cell, buf, sizeof(buf))) {
        problem(im, line, label, date_status_message(DATE_FORMAT));
        return;
    }
    if (buf[0] == '\0') {
        return;
    }
    st = date_parse(buf, &r->date);
    if (st != DATE_OK) {
        problem(im, line, label, date_status_message(st));
    } else if (r->date > im->date) {
        problem(im, line, label, _("the date is after the date of the import"));
    }
}

/* Check ROW into R. */
static void
check_row(struct dept_import *im, const struct sheet_row *row, const int *idx,
          struct in_row *r)
{
    memset(r, 0, sizeof(*r));
    r->line = row->line;
    check_id(im, cell_of(row, idx, DEPT_COL_ID), row->line, r);
    if (trimmed(cell_of(row, idx, DEPT_COL_NAME), r->name, sizeof(r->name))) {
        problem(im, row->line, im->d->cols[DEPT_COL_NAME], _("the text is too long"));
    }
    check_value(im, cell_of(row, idx, DEPT_COL_VALUE), row->line, r);
    check_date(im, cell_of(row, idx, DEPT_COL_DATE), row->line, r);
}

/* Rows a sheet may have above its header (a title, the unit, the date). */
#define HEADER_SCAN 10

/* The columns of the layout's labels in ROW into IDX; how many of them
 * (the date's too when the layout names one) ROW lacks, listed in
 * MISSING. */
static size_t
header_missing(const struct dept_import *im, const struct sheet_row *row, int *idx,
               struct sbuf *missing)
{
    const char *labels[DEPT_NCOLS];
    size_t i, n = 0;

    for (i = 0; i < DEPT_NCOLS; i++) {
        labels[i] = im->d->cols[i];
    }
    sheet_header_map(row, labels, DEPT_NCOLS, idx, NULL, NULL);
    sbuf_reset(missing);
    for (i = 0; i < DEPT_NCOLS; i++) {
        if (idx[i] < 0 && labels[i][0] != '\0') {
            sbuf_addf(missing, "%s%s", n++ ? ", " : "", labels[i]);
        }
    }
    return n;
}

/* The header: the first of the first HEADER_SCAN rows with every label
 * of the layout; otherwise what the closest one lacks. */
static int
find_header(struct dept_import *im, int *idx, struct err *e)
{
    struct sbuf missing = SBUF_INIT, best = SBUF_INIT;
    struct sheet_row row;
    size_t tries, least = DEPT_NCOLS + 1, line = 0, n = DEPT_NCOLS;
    int rc = 0;

    for (tries = 0; tries < HEADER_SCAN && (rc = sheet_next(im->rd, &row, e)) == 1;
         tries++) {
        n = header_missing(im, &row, idx, &missing);
        if (n == 0) {
            break;
        }
        if (n < least) {
            least = n;
            line = row.line;
            sbuf_reset(&best);
            sbuf_adds(&best, missing.buf);
        }
    }
    if (rc == 0 && tries == 0) {
        rc = err_set(e, ERR_INVALID, _("%s: the sheet is empty"), im->o->path);
    } else if (rc >= 0 && (rc == 0 || n != 0)) {
        rc = err_set(e, ERR_INVALID, _("%s: row %zu lacks the column(s) %s of the %s layout (dept.conf); nothing was imported"),
                     im->o->path, line, best.buf, im->d->name);
    }
    sbuf_release(&missing);
    sbuf_release(&best);
    return rc < 0 ? -1 : 0;
}

/* The bytes of both passes read so far. */
static void
progress(const struct dept_import *im)
{
    size_t size = sheet_read_size(im->rd);

    if (im->o->progress != NULL) {
        im->o->progress(im->o->arg, (size_t)(im->pass - 1) * size + sheet_read_bytes(im->rd),
                        2 * size);
    }
}

/* Read the sheet (pass PASS), checking each row and handing it to EACH
 * (NULL: only check). */
static int
read_sheet(struct dept_import *im, int pass,
           int (*each)(struct dept_import *im, const struct in_row *r, struct err *e),
           struct err *e)
{
    struct sheet_read_opts ro = {im->o->path, im->o->format, im->o->encoding, im->o->sheet,
                                 0};
    struct sheet_row row;
    struct in_row in;
    int idx[DEPT_NCOLS];
    int rc;

    if (sheet_open(&ro, &im->rd, e)) {
        return -1;
    }
    im->pass = pass;
    im->r->rows = 0;
    rc = find_header(im, idx, e);
    while (rc == 0 && (rc = sheet_next(im->rd, &row, e)) == 1) {
        check_row(im, &row, idx, &in);
        im->r->rows++;
        rc = each != NULL && im->r->nproblems == 0 ? each(im, &in, e) : 0;
        if (rc == 0 && im->r->rows % 4096 == 0) {
            progress(im);
        }
    }
    if (rc == 0) {
        progress(im);
    }
    sheet_close(im->rd);
    im->rd = NULL;
    return rc < 0 ? -1 : 0;
}

/* --- matching ------------------------------------------------------------ */

static void
list_row(struct sbuf *sb, const struct in_row *r, const char *more)
{
    char masked[IDNO_BUF];

    idno_mask(r->id, masked);
    sbuf_addf(sb, _("  row %zu: %s %s%s\n"), r->line, masked, r->name, more);
}

/* The warning of row R, matched as M, into W. */
static void
fill_warning(const struct dept_import *im, const struct in_row *r,
             const struct warn_match *m, const struct dept_verdict *v,
             struct dept_warning *w)
{
    const char *base = strrchr(im->o->path, '/');

    w->person_id = m->person_id;
    w->household_id = m->household_id;
    snprintf(w->dept, sizeof(w->dept), "%s", im->d->id);
    snprintf(w->id_no, sizeof(w->id_no), "%s", r->id);
    snprintf(w->name, sizeof(w->name), "%s", r->name[0] ? r->name : m->name);
    snprintf(w->value, sizeof(w->value), "%s", r->value);
    w->value_fen = r->fen;
    w->event_date = r->date;
    dept_rule_text(im->d, v, w->rule, sizeof(w->rule));
    snprintf(w->source_file, sizeof(w->source_file), "%s",
             base != NULL ? base + 1 : im->o->path);
    w->import_date = im->date;
}

/* What becomes of row R: a warning filled into W (1), or listed (0). */
static int
judge_row(struct dept_import *im, const struct in_row *r, struct dept_warning *w,
          struct err *e)
{
    const struct rule_ctx *ctx = im->env->ctx;
    const struct codebook *cb = rule_codes(ctx);
    struct dept_import_result *res = im->r;
    struct warn_match m;
    struct dept_verdict v;
    struct dept_subject s;
    int rc = db_warning_match(im->env->db, r->id, &m, e);

    if (rc <= 0) {
        if (rc == 0) {
            list_row(&res->unmatched, r, "");
            res->nunmatched++;
        }
        return rc;
    }
    if (!actor_sees(im->env->a, m.township_id, m.village_id)) {
        char more[96];

        snprintf(more, sizeof(more), " (%s)", m.township);
        list_row(&res->elsewhere, r, more);
        res->nelsewhere++;
        return 0;
    }
    if (dept_already_followed(cb, im->d, m.state, (const char (*)[12])m.risks,
                              m.nrisks)) {
        res->followed++;
        return 0;
    }
    s.pops = dept_pops(cb, m.hh_type, m.state);
    s.labour = m.labour;
    s.value = r->value;
    s.fen = r->fen;
    if (dept_judge(ctx->policy, im->d, ctx->province, date_year(im->date), &s, &v, e)) {
        return -1;
    }
    if (!v.warn) {
        res->below++;
        return 0;
    }
    fill_warning(im, r, &m, &v, w);
    return 1;
}

/* Match row R and store its warning (transaction open). */
static int
store_row(struct dept_import *im, const struct in_row *r, struct err *e)
{
    struct dept_warning w;
    int rc;

    dept_warning_init(&w);
    rc = judge_row(im, r, &w, e);
    if (rc == 1) {
        rc = db_warning_add(im->env->db, im->env->a->login, &w, e);
        if (rc >= 0) {
            *(rc == 1 ? &im->r->duplicates : &im->r->created) += 1;
            rc = 0;
        }
    }
    dept_warning_clear(&w);
    return rc < 0 ? -1 : 0;
}

/* The second reading, in one transaction, rolled back for a dry run or
 * when the file changed since the first (a row bad now). */
static int
match_all(struct dept_import *im, struct err *e)
{
    struct db *db = im->env->db;
    int rc;

    if (db_begin(db, e)) {
        return -1;
    }
    rc = read_sheet(im, 2, store_row, e);
    if (rc == 0 && im->r->nproblems > 0) {
        rc = err_set(e, ERR_INVALID, _("%s changed while it was read; nothing was imported"),
                     im->o->path);
    }
    if (rc != 0 || im->o->dry_run) {
        db_rollback(db);
        return rc;
    }
    if (db_commit(db, e)) {
        return -1;
    }
    im->r->written = 1;
    return 0;
}

int
import_dept(const struct import_env *env, const struct dept *d, const struct import_opts *o,
            struct dept_import_result *r, struct err *e)
{
    struct dept_import im = {env, d, o, o->date, 0, NULL, r};

    memset(r, 0, sizeof(*r));
    if (import_date_check(env, o->date, _("Date of the import"), e)) {
        return -1;
    }
    if (im.date == DATE_NONE) {
        im.date = env->ctx->today;
    }
    if (!o->dry_run && !actor_writes(env->a)) {
        return err_set(e, ERR_DENIED, "%s", _("your account is read-only"));
    }
    if (read_sheet(&im, 1, NULL, e)) {
        return -1;
    }
    return r->nproblems > 0 ? 0 : match_all(&im, e);
}

void
dept_import_result_free(struct dept_import_result *r)
{
    sbuf_release(&r->problems);
    sbuf_release(&r->unmatched);
    sbuf_release(&r->elsewhere);
}

/* --- the report ----------------------------------------------------------- */

void
dept_import_report(const struct dept_import_result *r, const struct dept *d,
                   const char *path, int dry_run, struct sbuf *out)
{
    sbuf_addf(out, _("%s (%s): %zu rows read from %s.\n"), d->name, d->id, r->rows, path);
    sbuf_addf(out, dry_run ? _("Would store %zu new warnings (%zu stored already).\n")
                           : _("Stored %zu new warnings (%zu stored already).\n"),
              r->created, r->duplicates);
    sbuf_addf(out, _("Rule not met: %zu; household already followed for this risk: %zu.\n"),
              r->below, r->followed);
    if (r->nunmatched > 0) {
        sbuf_addf(out, _("ID numbers not in the registry (%zu):\n%s"), r->nunmatched,
                  r->unmatched.buf);
    }
    if (r->nelsewhere > 0) {
        sbuf_addf(out, _("Households outside your scope, not imported (%zu):\n%s"),
                  r->nelsewhere, r->elsewhere.buf);
    }
}

void
dept_import_problems(const struct dept_import_result *r, struct sbuf *out)
{
    sbuf_adds(out, r->problems.buf != NULL ? r->problems.buf : "");
    if (r->nproblems > DEPT_PROBLEMS_SHOWN) {
        sbuf_addf(out, _("  ... and %zu more\n"), r->nproblems - DEPT_PROBLEMS_SHOWN);
    }
}

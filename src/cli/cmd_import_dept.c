/*
 * cmd_import_dept.c - `zhenxing import dept --source DEPT FILE`: a
 * department's sheet (部门筛查预警, domain.md 4.3a) read by the labels of
 * its layout (share/policy/dept.conf), every row checked, each ID number
 * matched against the registry, and the rows that meet the department's
 * rule stored as warnings to verify (the 预警核实 worklist on F2).
 *
 * All or nothing: one bad row and nothing is written; the report names
 * each problem by the row as Excel numbers it and the column's label.
 * IDs the registry does not have, households of other townships (for a
 * township account) and households already followed for the risk are
 * listed, not stored.
 */
#include "config.h"
#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "cli/opts.h"
#include "core/date.h"
#include "core/dept.h"
#include "core/idno.h"
#include "core/money.h"
#include "db/db.h"
#include "db/db_warning.h"
#include "sheet/sheet.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/u8.h"
#include "util/xalloc.h"

struct dept_args {
    const char *source;
    const char *file;
    const char *encoding;
    const char *sheet;
    int date;
    int dry_run;
};

static const struct cli_opt dept_opts[] = {
    {.name = "--source", .kind = OPT_TEXT, .off = offsetof(struct dept_args, source)},
    {.name = "--date", .kind = OPT_DATE, .off = offsetof(struct dept_args, date)},
    {.name = "--dry-run", .kind = OPT_FLAG, .off = offsetof(struct dept_args, dry_run)},
    {.name = "--encoding", .kind = OPT_TEXT, .off = offsetof(struct dept_args, encoding)},
    {.name = "--sheet", .kind = OPT_TEXT, .off = offsetof(struct dept_args, sheet)},
    {.name = NULL},
};

/* One row of the sheet, checked. */
struct in_row {
    size_t line;
    char id[IDNO_BUF];
    char name[64];
    char value[WARN_VALUE_BUF];
    int64_t fen;
    int date;
};

/* The problems listed; the others are counted. */
#define PROBLEMS_SHOWN 500

/* What one import found: the rows read, the problems, and the rows sorted
 * by what became of them.  The sheet is read twice, a row at a time: to
 * check every row, then, when none is bad, to store the warnings; memory
 * stays bounded whatever its length. */
struct dept_import {
    struct app *a;
    const struct dept *d;
    const struct dept_args *o;
    const struct cmd *c;
    size_t nrows;
    struct sbuf problems;       /* one line each, PROBLEMS_SHOWN at most */
    size_t nproblems;
    struct sbuf unmatched;      /* IDs the registry does not have */
    size_t nunmatched;
    struct sbuf elsewhere;      /* households outside the account's scope */
    size_t nelsewhere;
    size_t nfollowed;           /* already followed for the risk */
    size_t nbelow;              /* the rule not met */
    size_t nnew, ndup;
};

static int
file_arg(const struct cmd *c, void *args, const char *arg)
{
    struct dept_args *o = args;

    if (o->file != NULL) {
        return cli_usage_error(c, _("unexpected argument '%s'"), arg);
    }
    o->file = arg;
    return 0;
}

/* --- reading and checking --------------------------------------------- */

static void
problem(struct dept_import *im, size_t line, const char *label, const char *what)
{
    if (im->nproblems++ < PROBLEMS_SHOWN) {
        sbuf_addf(&im->problems, _("  row %zu, column %s: %s\n"), line, label, what);
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
    st = idno_parse(r->id, app_today(), &id);
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
    } else if (r->date > im->o->date) {
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
find_header(struct dept_import *im, struct sheet_reader *r, int *idx, struct err *e)
{
    struct sbuf missing = SBUF_INIT, best = SBUF_INIT;
    struct sheet_row row;
    size_t tries, least = DEPT_NCOLS + 1, line = 0, n = DEPT_NCOLS;
    int rc = 0;

    for (tries = 0; tries < HEADER_SCAN && (rc = sheet_next(r, &row, e)) == 1; tries++) {
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
        rc = err_set(e, ERR_INVALID, _("%s: the sheet is empty"), im->o->file);
    } else if (rc >= 0 && (rc == 0 || n != 0)) {
        rc = err_set(e, ERR_INVALID, _("%s: row %zu lacks the column(s) %s of the %s layout (dept.conf); nothing was imported"),
                     im->o->file, line, best.buf, im->d->name);
    }
    sbuf_release(&missing);
    sbuf_release(&best);
    return rc < 0 ? -1 : 0;
}

/* Read the sheet, checking each row and handing it to EACH (NULL: only
 * check). */
static int
read_sheet(struct dept_import *im,
           int (*each)(struct dept_import *im, const struct in_row *r, struct err *e),
           struct err *e)
{
    struct sheet_read_opts ro = {im->o->file, SHEET_AUTO, SHEET_ENC_AUTO, im->o->sheet,
                                 0};
    struct sheet_reader *r = NULL;
    struct sheet_row row;
    struct in_row in;
    int idx[DEPT_NCOLS];
    int rc;

    if (im->o->encoding != NULL && sheet_encoding_parse(im->o->encoding, &ro.encoding)) {
        return err_set(e, ERR_USAGE, _("unknown encoding '%s' (utf-8 or gb18030)"),
                       im->o->encoding);
    }
    if (sheet_open(&ro, &r, e)) {
        return -1;
    }
    im->nrows = 0;
    rc = find_header(im, r, idx, e);
    while (rc == 0 && (rc = sheet_next(r, &row, e)) == 1) {
        check_row(im, &row, idx, &in);
        im->nrows++;
        rc = each != NULL && im->nproblems == 0 ? each(im, &in, e) : 0;
    }
    sheet_close(r);
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

/* What becomes of row R: a warning filled into W (1), or listed (0). */
static int
judge_row(struct dept_import *im, const struct in_row *r, struct dept_warning *w,
          struct err *e)
{
    const struct codebook *cb = &im->a->policy.codes;
    struct warn_match m;
    struct dept_verdict v;
    const char *base;
    int rc = db_warning_match(im->a->db, r->id, &m, e);

    if (rc <= 0) {
        if (rc == 0) {
            list_row(&im->unmatched, r, "");
            im->nunmatched++;
        }
        return rc;
    }
    if (!actor_sees(&im->a->actor, m.township_id, m.village_id)) {
        char more[96];

        snprintf(more, sizeof(more), " (%s)", m.township);
        list_row(&im->elsewhere, r, more);
        im->nelsewhere++;
        return 0;
    }
    if (dept_already_followed(cb, im->d, m.state, (const char (*)[12])m.risks,
                              m.nrisks)) {
        im->nfollowed++;
        return 0;
    }
    if (dept_judge(&im->a->policy, im->d, im->a->province, date_year(im->o->date),
                   dept_pops(cb, m.hh_type, m.state), r->fen, &v, e)) {
        return -1;
    }
    if (!v.warn) {
        im->nbelow++;
        return 0;
    }
    w->person_id = m.person_id;
    w->household_id = m.household_id;
    snprintf(w->dept, sizeof(w->dept), "%s", im->d->id);
    snprintf(w->id_no, sizeof(w->id_no), "%s", r->id);
    snprintf(w->name, sizeof(w->name), "%s", r->name[0] ? r->name : m.name);
    snprintf(w->value, sizeof(w->value), "%s", r->value);
    w->value_fen = r->fen;
    w->event_date = r->date;
    dept_rule_text(im->d, &v, w->rule, sizeof(w->rule));
    base = strrchr(im->o->file, '/');
    snprintf(w->source_file, sizeof(w->source_file), "%s",
             base != NULL ? base + 1 : im->o->file);
    w->import_date = im->o->date;
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
        rc = db_warning_add(im->a->db, im->a->actor.login, &w, e);
        if (rc >= 0) {
            *(rc == 1 ? &im->ndup : &im->nnew) += 1;
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
    int rc;

    if (db_begin(im->a->db, e)) {
        return -1;
    }
    rc = read_sheet(im, store_row, e);
    if (rc == 0 && im->nproblems > 0) {
        rc = err_set(e, ERR_INVALID, _("%s changed while it was read; nothing was imported"),
                     im->o->file);
    }
    if (rc != 0 || im->o->dry_run) {
        db_rollback(im->a->db);
        return rc;
    }
    return db_commit(im->a->db, e);
}

/* --- the report ----------------------------------------------------------- */

static void
report(const struct dept_import *im)
{
    printf(_("%s (%s): %zu rows read from %s.\n"), im->d->name, im->d->id, im->nrows,
           im->o->file);
    printf(im->o->dry_run ? _("Would store %zu new warnings (%zu stored already).\n")
                          : _("Stored %zu new warnings (%zu stored already).\n"),
           im->nnew, im->ndup);
    printf(_("Rule not met: %zu; household already followed for this risk: %zu.\n"),
           im->nbelow, im->nfollowed);
    if (im->nunmatched > 0) {
        printf(_("ID numbers not in the registry (%zu):\n%s"), im->nunmatched,
               im->unmatched.buf);
    }
    if (im->nelsewhere > 0) {
        printf(_("Households outside your scope, not imported (%zu):\n%s"), im->nelsewhere,
               im->elsewhere.buf);
    }
    if (im->o->dry_run) {
        printf("%s\n", _("Dry run: nothing was written."));
    }
}

static void
import_release(struct dept_import *im)
{
    sbuf_release(&im->problems);
    sbuf_release(&im->unmatched);
    sbuf_release(&im->elsewhere);
}

static int
run(struct dept_import *im)
{
    struct err e;
    int rc;

    err_clear(&e);
    if (!im->o->dry_run && !actor_writes(&im->a->actor)) {
        err_set(&e, ERR_DENIED, "%s", _("your account is read-only"));
        return cli_fail(&e);
    }
    if (read_sheet(im, NULL, &e)) {
        return cli_fail(&e);
    }
    if (im->nproblems > 0) {
        fprintf(stderr, _("zhenxing: %s: %zu problems; nothing was imported:\n%s"),
                im->o->file, im->nproblems, im->problems.buf);
        if (im->nproblems > PROBLEMS_SHOWN) {
            fprintf(stderr, _("  ... and %zu more\n"), im->nproblems - PROBLEMS_SHOWN);
        }
        return EXIT_USAGE;
    }
    rc = match_all(im, &e);
    if (rc != 0) {
        return cli_fail(&e);
    }
    report(im);
    return EXIT_OK;
}

/* The departments dept.conf has, for a usage message. */
static void
dept_names(const struct app *a, struct sbuf *sb)
{
    size_t i;

    for (i = 0; i < a->policy.ndepts; i++) {
        if (strstr(sb->buf, a->policy.depts[i].name) == NULL) {
            sbuf_addf(sb, "%s%s", sb->len ? ", " : "", a->policy.depts[i].name);
        }
    }
}

int
cmd_import_dept(struct app *a, const struct cmd *c, int argc, char **argv)
{
    struct dept_args o = {NULL, NULL, NULL, NULL, DATE_NONE, 0};
    struct dept_import im;
    int rc;

    if ((rc = cli_opts_parse(c, dept_opts, 0, argc, argv, 2, &o, file_arg)) != 0) {
        return rc;
    }
    if (o.date == DATE_NONE) {
        o.date = app_today();
    }
    memset(&im, 0, sizeof(im));
    im.a = a;
    im.o = &o;
    im.c = c;
    if (o.source == NULL || o.file == NULL) {
        return cli_usage_error(c, "%s", _("give the department (--source) and the file"));
    }
    im.d = policy_dept(&a->policy, o.source, a->province, date_year(o.date));
    if (im.d == NULL) {
        struct sbuf sb = SBUF_INIT;

        dept_names(a, &sb);
        rc = cli_usage_error(c, _("no department '%s' in dept.conf (there are: %s)"),
                             o.source, sb.buf);
        sbuf_release(&sb);
        return rc;
    }
    rc = run(&im);
    import_release(&im);
    return rc;
}

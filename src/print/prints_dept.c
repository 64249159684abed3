/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * prints_dept.c - the verification feedback sheet (核实反馈表) of a
 * township for a department: every warning the department pushed about
 * the township's households, with what its verification found (made a
 * monitoring clue, not eligible and why, still pending), to send back to
 * the department (domain.md 4.3a).  Built from db_warning_rows; the same
 * rows make the sheet's CSV or XLSX (dept_feedback_sheet).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/date.h"
#include "core/dept.h"
#include "core/doc.h"
#include "core/idno.h"
#include "core/policy.h"
#include "core/role.h"
#include "db/db.h"
#include "db/db_audit.h"
#include "db/db_warning.h"
#include "print/print.h"
#include "print/export.h"
#include "print/prints.h"
#include "sheet/sheet.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/tempfile.h"
#include "util/xalloc.h"

/* The department R names, in force today. */
static const struct dept *
feedback_dept(const struct print_env *env, const struct print_request *r, struct err *e)
{
    const struct dept *d = NULL;

    if (r->dept != NULL && r->dept[0] != '\0') {
        d = policy_dept(env->ctx.policy, r->dept, env->ctx.province,
                        date_year(env->today));
    }
    if (d == NULL) {
        err_set(e, ERR_INVALID, _("give the department of the feedback sheet (dept.conf: %s)"),
                r->dept != NULL ? r->dept : "");
    }
    return d;
}

int
feedback_rows(const struct print_env *env, const struct print_request *r,
              const struct dept **d, struct warn_row **v, size_t *n, struct err *e)
{
    struct warn_filter f = {-1, NULL, r->township};

    *v = NULL;
    *n = 0;
    if ((*d = feedback_dept(env, r, e)) == NULL) {
        return -1;
    }
    if (r->township == 0) {
        return err_set(e, ERR_INVALID, "%s", _("give the township of the feedback sheet"));
    }
    /* a village account: its village's rows of the township (the rows' own
     * scope) */
    if (env->actor->scope_level != LEVEL_VILLAGE &&
        !actor_sees(env->actor, r->township, 0)) {
        return err_set(e, ERR_DENIED, "%s", _("this place is outside your scope"));
    }
    f.dept = (*d)->id;
    return db_warning_rows(env->db, env->actor, &f, v, n, e);
}

void
feedback_result(const struct warn_row *w, char *out, size_t n)
{
    if (w->w.status == WS_REJECTED) {
        snprintf(out, n, "%s", w->w.reason != NULL ? w->w.reason : "");
    } else if (w->w.status == WS_CLUE) {
        snprintf(out, n, "%s", _("registered as a monitoring clue"));
    } else {
        out[0] = '\0';
    }
}

static void
feedback_table(struct doc *d, const struct dept *dp, const struct warn_row *v, size_t n)
{
    const struct doc_col cols[] = {
        {_("Name"), 6, DOC_LEFT},
        {_("ID number"), 18, DOC_LEFT},
        {dp->cols[DEPT_COL_VALUE], 10, DOC_RIGHT},
        {C_("feedback", "Result"), 8, DOC_LEFT},
        {_("Explanation"), 14, DOC_LEFT},
        {_("Verified on"), 10, DOC_LEFT},
    };
    char masked[IDNO_BUF], why[1200], day[DATE_BUF];
    size_t i;

    doc_table(d, cols, ARRAY_SIZE(cols), _("none"));
    for (i = 0; i < n; i++) {
        idno_mask(v[i].w.id_no, masked);
        feedback_result(&v[i], why, sizeof(why));
        date_format(v[i].w.decided_on, day);
        doc_cell(d, v[i].w.name);
        doc_cell(d, masked);
        doc_cell(d, v[i].w.value);
        doc_cell(d, warn_status_label(v[i].w.status));
        doc_cell(d, why);
        doc_cell(d, day);
    }
}

static struct doc *
feedback_doc(const struct print_env *env, const struct dept *dp, const char *town,
             const struct warn_row *v, size_t n)
{
    struct doc *d = doc_new(_("Verification feedback on department warnings"));
    const char *sign[2];
    size_t i, done = 0;
    char buf[64];

    doc_subtitle(d, env->county);
    doc_fields(d, 2);
    doc_field(d, _("Department: "), dp->name);
    doc_field(d, _("Township: "), town);
    for (i = 0; i < n; i++) {
        done += v[i].w.status != WS_PENDING;
    }
    snprintf(buf, sizeof(buf), "%zu", n);
    doc_field(d, _("Warnings: "), buf);
    snprintf(buf, sizeof(buf), "%zu", done);
    doc_field(d, _("Verified: "), buf);
    feedback_table(d, dp, v, n);
    sign[0] = _("Verified by (signature): ");
    sign[1] = _("Township (seal): ");
    doc_sign(d, sign, 2, 1);
    return d;
}

int
prints_feedback(const struct print_env *env, const struct print_request *r,
                struct doc **out, int64_t **ids, size_t *nids, struct err *e)
{
    const struct dept *dp;
    struct warn_row *v;
    size_t n, i;
    char town[128];

    if (feedback_rows(env, r, &dp, &v, &n, e)) {
        return -1;
    }
    print_division_name(env->db, r->township, town, sizeof(town));
    *out = feedback_doc(env, dp, town, v, n);
    *ids = xcalloc(n ? n : 1, sizeof(**ids));
    for (i = 0; i < n; i++) {
        (*ids)[i] = v[i].w.id;
    }
    *nids = n;
    warn_rows_free(v, n);
    return 0;
}

/* --- the same as a sheet ------------------------------------------------ */

enum { FB_DEPT, FB_TOWN, FB_PLACE, FB_HH, FB_NAME, FB_ID, FB_VALUE, FB_DATE, FB_RULE,
       FB_RESULT, FB_WHY, FB_WHO, FB_ON, FB_NCOLS };

static void
feedback_cells(const struct dept *dp, const struct warn_row *w, char bufs[][1200],
               const char *cells[FB_NCOLS])
{
    idno_mask(w->w.id_no, bufs[0]);
    date_format(w->w.event_date, bufs[1]);
    date_format(w->w.decided_on, bufs[2]);
    feedback_result(w, bufs[3], sizeof(bufs[3]));
    cells[FB_DEPT] = dp->name;
    cells[FB_TOWN] = w->township;
    cells[FB_PLACE] = w->place;
    cells[FB_HH] = w->hh_no;
    cells[FB_NAME] = w->w.name;
    cells[FB_ID] = bufs[0];
    cells[FB_VALUE] = w->w.value;
    cells[FB_DATE] = bufs[1][0] ? bufs[1] : NULL;
    cells[FB_RULE] = w->w.rule;
    cells[FB_RESULT] = warn_status_label(w->w.status);
    cells[FB_WHY] = bufs[3];
    cells[FB_WHO] = w->w.decided_by;
    cells[FB_ON] = bufs[2][0] ? bufs[2] : NULL;
}

/* Write the rows V (N) of department DP into the sheet O->path. */
static int
feedback_write(const struct dept *dp, const struct warn_row *v, size_t n,
               struct sheet_write_opts *o, struct err *e)
{
    struct sheet_col cols[FB_NCOLS] = {
        [FB_DEPT] = {_("Department"), SHEET_TEXT, 6},
        [FB_TOWN] = {_("Township"), SHEET_TEXT, 10},
        [FB_PLACE] = {_("Township/village"), SHEET_TEXT, 16},
        [FB_HH] = {_("Household number"), SHEET_TEXT, 18},
        [FB_NAME] = {_("Name"), SHEET_TEXT, 8},
        [FB_ID] = {_("ID number"), SHEET_TEXT, 20},
        [FB_VALUE] = {dp->cols[DEPT_COL_VALUE],
                      dept_is_amount(dp) ? SHEET_AMOUNT : SHEET_TEXT, 12},
        [FB_DATE] = {dp->cols[DEPT_COL_DATE][0] ? dp->cols[DEPT_COL_DATE] : _("Date"), SHEET_DATE, 12},
        [FB_RULE] = {_("Rule"), SHEET_TEXT, 40},
        [FB_RESULT] = {C_("feedback", "Result"), SHEET_TEXT, 10},
        [FB_WHY] = {_("Explanation"), SHEET_TEXT, 30},
        [FB_WHO] = {_("Verified by"), SHEET_TEXT, 10},
        [FB_ON] = {_("Verified on"), SHEET_DATE, 12},
    };
    struct sheet_writer *w = NULL;
    char bufs[4][1200];
    const char *cells[FB_NCOLS];
    size_t i;

    o->cols = cols;
    o->ncols = FB_NCOLS;
    o->sheet = _("Feedback");
    if (sheet_create(o, &w, e)) {
        return -1;
    }
    for (i = 0; i < n; i++) {
        feedback_cells(dp, &v[i], bufs, cells);
        if (sheet_add(w, cells, e)) {
            sheet_abort(w);
            return -1;
        }
    }
    return sheet_finish(w, e);
}

/* Write the sheet to a private temporary file beside D->path, record it
 * in the audit log (audit first: nothing is put in place without its
 * row), then put it there. */
int
feedback_sheet(const struct print_env *env, const struct print_request *r,
               const struct feedback_dest *d, size_t *nrows, struct err *e)
{
    struct sheet_write_opts o;
    struct tempfile t;
    struct audit_out out;
    const struct dept *dp;
    struct warn_row *v;
    size_t n;
    int fd, rc;

    if (export_dest_check(d->path, d->overwrite, e) || feedback_rows(env, r, &dp, &v, &n, e)) {
        return -1;
    }
    *nrows = n;
    fd = tempfile_create(&t, d->path, NULL, 0, e);
    if (fd < 0) {
        warn_rows_free(v, n);
        return -1;
    }
    close(fd);
    memset(&o, 0, sizeof(o));
    o.path = t.path;
    o.format = d->format;
    o.encoding = d->encoding;
    memset(&out, 0, sizeof(out));
    out.actor = env->actor->login;
    out.op = "export";
    out.tbl = "dept_warning";
    out.what = "feedback";
    out.dest = d->path;
    out.nrows = (int64_t)n;
    rc = feedback_write(dp, v, n, &o, e) || db_audit_out(env->db, &out, e) ||
         tempfile_place(&t, d->path, d->overwrite, e);
    if (rc != 0) {
        tempfile_remove(&t);
    }
    warn_rows_free(v, n);
    return rc ? -1 : 0;
}

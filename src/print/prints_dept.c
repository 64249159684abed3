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

#include "core/date.h"
#include "core/dept.h"
#include "core/doc.h"
#include "core/idno.h"
#include "core/policy.h"
#include "core/role.h"
#include "db/db_warning.h"
#include "print/print.h"
#include "print/prints.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* The department R names, in force today. */
static const struct dept *
feedback_dept(const struct print_env *env, const struct print_request *r, struct err *e)
{
    const struct dept *d = NULL;

    if (r->dept != NULL && r->dept[0] != '\0') {
        d = policy_dept(env->ctx.policy, r->dept, env->ctx.province, date_year(env->today));
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
    if (!actor_sees(env->actor, r->township, 0) && env->actor->scope_level != LEVEL_VILLAGE) {
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
        {_("Result"), 8, DOC_LEFT},
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

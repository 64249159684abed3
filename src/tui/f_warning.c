/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * f_warning.c - the two outcomes of verifying a department warning
 * (预警核实): a monitoring clue made from it, through the clue step's own
 * form (f_step.c: 登记线索, or 重新识别 for a household whose risk was
 * eliminated) filled with the channel 部门筛查预警, the department's risk
 * and what was pushed, the warning marked in the same transaction;
 * or the warning closed as not eligible, with the reason.  Both are
 * opened with the warning's id and the version the list showed.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "app.h"
#include "core/date.h"
#include "core/dept.h"
#include "core/mcase.h"
#include "db/db_warning.h"
#include "tui/f_common.h"
#include "tui/form.h"
#include "util/err.h"
#include "util/i18n.h"

static const struct field_spec s_reason = {
    .name = "reason", .label = N_("Reason"), .type = FT_LONGTEXT, .flags = FF_REQUIRED,
    .max_chars = 500,
    .help = N_("Why the household is not eligible (income above the line, costs covered by aid...): it goes back to the department in the feedback sheet.")};

/* Read the warning FM->id, still pending, into W. */
static int
load_warning(struct form *fm, struct dept_warning *w, struct err *e)
{
    dept_warning_init(w);
    if (db_warning_get(fm->app->db, fm->id, w, e)) {
        return -1;
    }
    if (w->status != WS_PENDING) {
        return err_set(e, ERR_RULE, _("this warning was verified already (%s)"),
                       warn_status_label(w->status));
    }
    return 0;
}

/* The department's name for W ("医保"), or its stored id. */
static const char *
dept_name(const struct form *fm, const struct dept_warning *w)
{
    return policy_dept_name(&fm->app->policy, w->dept, fm->app->province,
                            date_year(w->import_date));
}

/* The step that opens a clue for a household whose case is in FROM: 登记
 * 线索 without a case, 重新识别 after an elimination (the first
 * transition of FROM that asks for the clue's fields); CA_CLUE when none
 * does (the step's form then says why it cannot be taken). */
static enum case_action
clue_step(enum case_state from)
{
    const struct case_transition *t;
    size_t n, i;

    t = case_transitions(&n);
    for (i = 0; i < n; i++) {
        if (t[i].from == from && (t[i].needs & NEED_CLUE) != 0) {
            return t[i].action;
        }
    }
    return CA_CLUE;
}

/* The state of the case of warning W's household now. */
static enum case_state
case_now(struct form *fm, const struct dept_warning *w)
{
    struct warn_match m;
    struct err e;

    err_clear(&e);
    return db_warning_match(fm->app->db, w->id_no, &m, &e) == 1 ? (enum case_state)m.state
                                                                : CS_NONE;
}

/* --- a new risk of a household whose case is open -------------------------- */

static const struct field_spec s_new_risk = {
    .name = "new_risk", .label = N_("New risk"), .type = FT_CODE, .flags = FF_REQUIRED,
    .table = "risk",
    .help = N_("The risk the department's warning shows.  The household's open case keeps its risks and gets this one (at most five): it is not eliminated while any is not.  F4 shows the list.")};

/* The household of W has an open case (another risk's, or one in the
 * identification procedure): the dialog that adds the warning's risk
 * RISK to it, rather than a second case. */
static int
risk_open(struct form *fm, const struct dept_warning *w, const char *risk)
{
    fm->version = fm->arg;
    snprintf(fm->title, sizeof(fm->title), _("New risk for the open case: %s, warning of %s (%s)"),
             w->name, dept_name(fm, w), w->value);
    form_add_str(fm, &s_new_risk, "", risk);
    return 0;
}

static int
risk_save(struct form *fm, struct err *e)
{
    struct rule_ctx ctx = form_rule_ctx(fm);
    char risk[CODE_BUF];
    int added;

    form_str(fm, "", "new_risk", risk, sizeof(risk));
    if (db_warning_to_case(fm->app->db, &ctx, form_actor(fm), fm->id, fm->version, risk,
                           app_today(), &added, e)) {
        return -1;
    }
    snprintf(fm->done, sizeof(fm->done), added
                 ? _("Risk %s is added to the household's open case; the warning is linked to it.")
                 : _("The household's open case has risk %s already; the warning is linked to it."),
             code_label(&fm->app->policy.codes, "risk", risk));
    fm->saved_hh = fm->hh;
    return 0;
}

/* --- a clue --------------------------------------------------------------- */

static int
clue_open(struct form *fm, struct err *e)
{
    struct dept_warning w;
    const struct dept *d;
    struct step_defaults dv = {"", "", NULL};
    char desc[800], when[DATE_BUF];
    enum case_state now;
    int rc;

    if (load_warning(fm, &w, e)) {
        dept_warning_clear(&w);
        return -1;
    }
    d = policy_dept(&fm->app->policy, w.dept, fm->app->province,
                    date_year(w.import_date));
    dv.channel = code_with_tag(&fm->app->policy.codes, "channel", "dept");
    if (d != NULL && d->risk[0] != '\0') {
        dv.risks = code_with_tag(&fm->app->policy.codes, "risk", d->risk);
    }
    dv.channel = dv.channel != NULL ? dv.channel : "";
    dv.risks = dv.risks != NULL ? dv.risks : "";
    now = case_now(fm, &w);
    if (case_state_in_procedure(now) || case_state_monitored(now)) {
        rc = risk_open(fm, &w, dv.risks);
        dept_warning_clear(&w);
        return rc;
    }
    date_format(w.import_date, when);
    snprintf(desc, sizeof(desc), _("Department warning of %s (%s, imported %s from %s): %s %s; %s"),
             dept_name(fm, &w), w.name, when, w.source_file,
             d != NULL ? d->cols[DEPT_COL_VALUE] : "", w.value, w.rule);
    dv.description = desc;
    rc = step_prepare(fm, clue_step(case_now(fm, &w)), &dv, e);
    dept_warning_clear(&w);
    return rc;
}

/* In the clue's transaction: the warning FM->id (seen at FM->arg) is
 * now this clue's. */
static int
link_warning(struct db *db, const struct actor *a, int64_t case_id, void *arg,
             struct err *e)
{
    struct form *fm = arg;

    return db_warning_to_clue(db, a, fm->id, fm->arg, case_id, app_today(), e);
}

static int
clue_save(struct form *fm, struct err *e)
{
    if (wform_find(&fm->w, "", "new_risk") >= 0) {
        return risk_save(fm, e);
    }
    return step_store(fm, link_warning, e);
}

const struct form_kind warning_clue_form = {
    .id = "warning-clue",
    .no_draft = 1,
    .open = clue_open,
    .save = clue_save,
    .free_data = free,
};

/* --- not eligible --------------------------------------------------------- */

static int
close_open(struct form *fm, struct err *e)
{
    struct dept_warning w;

    if (load_warning(fm, &w, e)) {
        dept_warning_clear(&w);
        return -1;
    }
    fm->version = fm->arg;
    snprintf(fm->title, sizeof(fm->title), _("Not eligible: %s, warning of %s (%s)"), w.name,
             dept_name(fm, &w), w.value);
    form_add_str(fm, &s_reason, "", "");
    dept_warning_clear(&w);
    return 0;
}

static int
close_save(struct form *fm, struct err *e)
{
    char reason[1200];

    form_str(fm, "", "reason", reason, sizeof(reason));
    if (db_warning_close(fm->app->db, form_actor(fm), fm->id, fm->version, reason,
                         app_today(), e)) {
        return -1;
    }
    snprintf(fm->done, sizeof(fm->done), "%s", _("The warning is closed as not eligible."));
    return 0;
}

const struct form_kind warning_close_form = {
    .id = "warning-close",
    .no_draft = 1,
    .open = close_open,
    .save = close_save,
};

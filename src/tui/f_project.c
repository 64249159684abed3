/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * f_project.c - the project pool's forms: a new project (proposed on a
 * date, its first step), editing a project's fields, and one small form
 * per lifecycle step whose fields come from what the step needs
 * (core/project.c: a date or the publicity dates, a document number, a
 * reason).  core decides whether the step is allowed (proj_apply);
 * db_project_act stores it with its history and audit rows.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/bounds.h"
#include "core/date.h"
#include "core/funds.h"
#include "core/policy.h"
#include "db/db_fund.h"
#include "tui/f_common.h"
#include "tui/form.h"
#include "tui/screen.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

static const struct field_spec p_place = {
    .name = "place", .label = N_("Township or village"), .type = FT_CODE, .flags = FF_REQUIRED,
    .table = "place",
    .help = N_("The village, or the township for a project across villages.  F4 shows the list.")};
static const struct field_spec p_proposed = {
    .name = "proposed_on", .label = N_("Proposed on"), .type = FT_DATE, .flags = FF_REQUIRED,
    .help = N_("The day of the 村两委 meeting or 村民代表大会 that proposed it.")};

static const struct bind project_binds[] = {
    FIELD_AS("proj_no", BR_BRIEF, struct project, proj_no, .label = N_("Project number"),
             .type = FT_TEXT, .max_chars = 30,
             .help = N_("Leave empty and the next number of the year is given (2025-0001).")),
    BIND_PLACE(p_place, struct project, township_id, village_id, 1),
    FIELD(struct project, name, .label = N_("Project name"), .type = FT_TEXT,
          .flags = FF_REQUIRED, .max_chars = 60,
          .help = N_("For example 白马村肉牛养殖基地建设项目.")),
    FIELD(struct project, year, .label = N_("Year"), .type = FT_INT,
          .flags = FF_REQUIRED, .min = 2000, .max = 2100,
          .help = N_("The year of the plan the project is meant for.")),
    FIELD(struct project, ptype, .label = N_("Project type"), .type = FT_CODE,
          .flags = FF_REQUIRED, .table = "project_type",
          .help = N_("产业发展 counts for the industry share.  F4 shows the list.")),
    FIELD(struct project, implementer, .label = N_("Implementer"), .type = FT_TEXT,
          .max_chars = 60, .help = N_("The unit carrying the project out.")),
    FIELD(struct project, proposer, .label = N_("Proposed by"), .type = FT_CODE,
          .table = "proposer_level", .help = N_("村, 乡镇 or 县级部门.")),
    FIELD(struct project, budget, .label = N_("Planned investment (yuan)"),
          .type = FT_MONEY, .max = BOUND_FUNDS, .help = N_("The total planned, from all sources.")),
    FIELD(struct project, self_funds, .label = N_("Own and other funds (yuan)"),
          .type = FT_MONEY, .max = BOUND_FUNDS,
          .help = N_("自筹 and other money not recorded as fund receipts.")),
    FIELD(struct project, content, .label = N_("Content and scale"), .type = FT_LONGTEXT,
          .max_chars = 1000, .help = N_("What is built or done, and how much of it.")),
    FIELD(struct project, linking, .label = N_("Farmer-linking mechanism"),
          .type = FT_LONGTEXT, .max_chars = 1000,
          .help = N_("联农带农: how the project benefits households (jobs, dividends, purchases).")),
    FIELD(struct project, targets, .label = N_("Performance targets"),
          .type = FT_LONGTEXT, .max_chars = 1000,
          .help = N_("绩效目标: needed before the project goes into the plan.")),
    FIELD(struct project, hh_benefit, .label = N_("Households benefiting"),
          .type = FT_INT, .max = 1000000),
    FIELD(struct project, persons_benefit, .label = N_("Persons benefiting"),
          .type = FT_INT, .max = 10000000),
    FIELD(struct project, hh_poor, .label = N_("of which former poor households"),
          .type = FT_INT, .max = 1000000),
    FIELD(struct project, persons_poor, .label = N_("of which former poor persons"),
          .type = FT_INT, .max = 10000000),
    FIELD(struct project, hh_monitored, .label = N_("of which monitored households"),
          .type = FT_INT, .max = 1000000),
    FIELD(struct project, persons_monitored, .label = N_("of which monitored persons"),
          .type = FT_INT, .max = 10000000),
    FIELD(struct project, period_start, .label = N_("Construction from"),
          .type = FT_DATE, .flags = FF_FUTURE),
    FIELD(struct project, period_end, .label = N_("Construction until"), .type = FT_DATE,
          .flags = FF_FUTURE),
    FIELD_AS("workers", BR_FULL, struct project, workers, .label = N_("Workers hired"),
             .type = FT_INT, .max = 1000000,
             .help = N_("以工代赈: how many local people worked on the project.")),
    FIELD_AS("workers_poor", BR_FULL, struct project, workers_poor, .label = N_("of which former poor or monitored"),
             .type = FT_INT, .max = 1000000),
    FIELD_AS("person_days", BR_FULL, struct project, person_days, .label = N_("Person-days"),
             .type = FT_INT, .max = 100000000),
    FIELD_AS("targets_published_on", BR_FULL, struct project, targets_published_on, .label = N_("Targets published on"),
             .type = FT_DATE,
             .help = N_("When the performance targets were made public (within {targets_publish} of the plan).")),
    BIND(form_note, struct project, note, BR_BOTH),
    BIND_SLOT(0),                       /* a new one: the day it was proposed */
};

static int
proposed_add(struct form *fm, const void *rec, int which, struct err *e)
{
    (void)rec;
    (void)which;
    (void)e;
    if (fm->id == 0) {
        form_add_num(fm, &p_proposed, "", app_today(), 0);
    }
    return 0;
}

/* A new project is proposed (its first step) on the day given. */
static int
project_put(struct form *fm, void *rec, struct err *e)
{
    struct rule_ctx ctx = form_rule_ctx(fm);
    struct project *p = rec;

    int day = (int)form_num(fm, "", "proposed_on", app_today());

    if (fm->id == 0) {
        return db_project_create(fm->app->db, &ctx, form_actor(fm), p, day, NULL, e);
    }
    return db_project_update(fm->app->db, &ctx, form_actor(fm), p, e);
}

FORM_REC_FN(project_io_init, struct project, project_init)
FORM_REC_FN(project_io_clear, struct project, project_clear)
FORM_REC_GET(project_io_get, struct project, db_project_get)

static const struct form_record_io project_io =
    FORM_REC_IO(project_binds, struct project, project_io_init, project_io_clear,
                project_io_get, project_put);

const struct form_kind project_form = {
    .id = "project",
    .rec = {
        .io = &project_io,
        .flags = FR_STORED | FR_BRIEF_NEW,
        .title = {N_("Project %s %s"), {"proj_no", "name"}},
        .title_new = {N_("New project (proposal)")},
        .done = {N_("Project %s saved."), {"proj_no"}},
        .fresh = {.year = offsetof(struct project, year)},
        .loaded = form_rec_places,
        .slot = proposed_add,
    },
};

/* --- steps ------------------------------------------------------------------ */

static const struct field_spec s_doc = {
    .name = "doc_no", .label = N_("Document number"), .type = FT_TEXT, .flags = FF_REQUIRED,
    .max_chars = 60,
    .help = N_("The 文号 of the approval, the plan, the acceptance or the adjustment.")};
static const struct field_spec s_reason = {
    .name = "note", .label = N_("Reason"), .type = FT_LONGTEXT, .flags = FF_REQUIRED,
    .max_chars = 2000,
    .help = N_("Why: it is recorded with the step.")};

static int
pstep_open(struct form *fm, struct err *e)
{
    enum proj_action act = (enum proj_action)fm->arg;
    const struct rules *r;
    struct rule_ctx ctx;
    const struct proj_transition *t;
    struct project p;

    project_init(&p);
    if (db_project_get(fm->app->db, fm->id, &p, e) != 0) {
        project_clear(&p);
        return -1;
    }
    fm->version = p.version;
    t = proj_transition(p.state, act);
    if (t == NULL) {
        err_set(e, ERR_RULE, _("'%s' is not possible while the project is '%s'"),
                proj_action_label(act), proj_state_label(p.state));
        project_clear(&p);
        return -1;
    }
    form_project_title(fm, proj_action_label(act), p.proj_no, p.name);
    ctx = form_rule_ctx(fm);
    if ((r = rules_needed(&ctx, p.year, e)) == NULL) {
        project_clear(&p);
        return -1;
    }
    form_step_days(fm, (t->needs & PN_PUBLICITY) != 0, r->project_publicity_min_days);
    if (t->needs & PN_DOC) {
        form_add_str(fm, &s_doc, "", "");
    }
    form_add_str(fm, (t->needs & PN_REASON) ? &s_reason : &form_step_note, "", "");
    project_clear(&p);
    return 0;
}

static int
pstep_save(struct form *fm, struct err *e)
{
    struct rule_ctx ctx = form_rule_ctx(fm);
    struct proj_input in;
    char doc[FUND_DOC_BUF] = "";
    char *note = form_strdup(fm, "", "note");
    int rc;

    memset(&in, 0, sizeof(in));
    in.action = (enum proj_action)fm->arg;
    form_step_days_read(fm, &in.step_date, &in.pub_start, &in.pub_end);
    form_str(fm, "", "doc_no", doc, sizeof(doc));
    in.doc_no = doc;
    in.note = note;
    rc = db_project_act(fm->app->db, &ctx, form_actor(fm), fm->id, fm->version, &in, e);
    if (rc == 0) {
        snprintf(fm->done, sizeof(fm->done), _("Done: %s."), proj_action_label(in.action));
    }
    free(note);
    return rc;
}

/* A project's publicity lasts the days of the rules of the project's year
 * (as pstep_open's default), whatever its first day. */
static int
pstep_pub_days(struct form *fm, int day)
{
    struct rule_ctx ctx = form_rule_ctx(fm);
    struct project p;
    int days = 0;

    (void)day;
    project_init(&p);
    if (db_project_get(fm->app->db, fm->id, &p, NULL) == 0) {
        days = rules_in_force(&ctx, p.year)->project_publicity_min_days;
    }
    project_clear(&p);
    return days;
}

static void
pstep_left(struct form *fm, size_t i)
{
    form_step_days_follow(fm, i, pstep_pub_days);
}

const struct form_kind project_step_form = {
    .id = "project_step",
    .open = pstep_open,
    .left = pstep_left,
    .save = pstep_save,
};

/* --- beneficiary households ------------------------------------------------ */

static const struct field_spec l_hh = {
    .name = "hh_no", .label = N_("Household number"), .type = FT_TEXT, .flags = FF_REQUIRED,
    .max_chars = 30,
    .help = N_("The number of a household of the registry (户编号) that benefits from the project.")};
static const struct field_spec l_unlink = {
    .name = "unlink", .label = N_("Remove the link"), .type = FT_YESNO,
    .help = N_("是 takes the household off the project's beneficiaries.")};

static int
link_open(struct form *fm, struct err *e)
{
    (void)e;
    snprintf(fm->title, sizeof(fm->title), "%s", _("Beneficiary household"));
    form_add_str(fm, &l_hh, "", "");
    form_add_num(fm, &l_unlink, "", 0, 0);
    return 0;
}

static int
link_save(struct form *fm, struct err *e)
{
    const int64_t *project = fm->data;
    char no[64];
    int unlink = form_num(fm, "", "unlink", 0) != 0;

    form_str(fm, "", "hh_no", no, sizeof(no));
    if (db_project_link(fm->app->db, form_actor(fm), *project, no, !unlink, e) != 0) {
        return -1;
    }
    snprintf(fm->done, sizeof(fm->done),
             unlink ? _("Household %s is no longer linked to the project.")
                    : _("Household %s is linked to the project."),
             no);
    return 0;
}

static const struct form_kind project_link_form = {
    .id = "project_link",
    .no_draft = 1,
    .open = link_open,
    .save = link_save,
    .free_data = free,
};

unsigned
project_link_dialog(struct tui *t, int64_t project)
{
    int64_t *p = xcalloc(1, sizeof(*p));

    *p = project;
    form_open_with(t, &project_link_form, p);
    return D_ALL;
}

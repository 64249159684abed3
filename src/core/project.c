/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * project.c - the project pool's lifecycle (domain.md 6.4) as one
 * transition table, and proj_apply(): whether a step may be taken now
 * and what the project and its history become.  村申报、乡审核、县审定
 * with 三公示一公告: the village, township and county publicity each last
 * at least the rules' project_publicity_min_days, and the step after a
 * publicity waits until it has ended.
 */
#include "config.h"
#include "core/project.h"

#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "core/need.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/names.h"
#include "util/xalloc.h"

static const char *const state_names[PS_COUNT] = {
    "none", "proposed", "village_publicized", "township_reviewed",
    "township_publicized", "county_argued", "approved", "planned",
    "implementing", "completed", "accepted", "settled",
    "assets_registered", "operating", "rejected", "rolled_over",
    "adjusted", "cancelled",
};

static const char *const state_labels[PS_COUNT] = {
    N_("no project"),
    N_("proposed by the village"),
    N_("village publicity"),
    N_("township reviewed"),
    N_("township publicity"),
    N_("county argued"),
    N_("in the pool"),
    N_("in the annual plan"),
    N_("under way"),
    N_("completed"),
    N_("accepted"),
    N_("settled"),
    N_("assets handed over"),
    N_("operating"),
    N_("not approved"),
    N_("rolled over"),
    N_("adjusted"),
    N_("cancelled"),
};

static const char *const action_names[PA_COUNT] = {
    "propose", "village_publicize", "township_review", "township_publicize",
    "county_argue", "approve", "plan", "start", "complete", "accept",
    "settle", "register_assets", "operate", "reject", "roll_over",
    "adjust", "cancel",
};

static const char *const action_labels[PA_COUNT] = {
    N_("propose"),
    N_("village publicity"),
    N_("township review"),
    N_("township publicity"),
    N_("county argument"),
    N_("approve into the pool (county publicity)"),
    N_("put into the annual plan (announcement)"),
    N_("start work"),
    N_("complete"),
    N_("accept"),
    N_("settle accounts"),
    N_("hand over the assets"),
    N_("start operation and upkeep"),
    N_("do not approve"),
    N_("roll over to next year"),
    N_("adjust"),
    N_("cancel"),
};

#define R(x) ROLE_BIT(ROLE_##x)
#define ENTRY (R(ADMIN) | R(COUNTY) | R(TOWNSHIP) | R(VILLAGE))
#define TOWN (R(ADMIN) | R(COUNTY) | R(TOWNSHIP))
#define COUNTY (R(ADMIN) | R(COUNTY))

static const struct proj_transition table[] = {
    /* into the pool: 村申报 -> 村公示 -> 乡审核 -> 乡公示 -> 县论证 -> 审定公示 */
    {PS_NONE, PA_PROPOSE, ENTRY, PS_PROPOSED, PN_DATE},
    {PS_PROPOSED, PA_VILLAGE_PUBLICIZE, ENTRY, PS_VILLAGE_PUBLICIZED, PN_PUBLICITY},
    {PS_VILLAGE_PUBLICIZED, PA_TOWNSHIP_REVIEW, TOWN, PS_TOWNSHIP_REVIEWED, PN_DATE},
    {PS_TOWNSHIP_REVIEWED, PA_TOWNSHIP_PUBLICIZE, TOWN, PS_TOWNSHIP_PUBLICIZED, PN_PUBLICITY},
    {PS_TOWNSHIP_PUBLICIZED, PA_COUNTY_ARGUE, COUNTY, PS_COUNTY_ARGUED, PN_DATE},
    {PS_COUNTY_ARGUED, PA_APPROVE, COUNTY, PS_APPROVED, PN_PUBLICITY | PN_DOC},
    /* the year's plan and its announcement (一公告) */
    {PS_APPROVED, PA_PLAN, COUNTY, PS_PLANNED, PN_DATE | PN_DOC},
    {PS_ROLLED_OVER, PA_PLAN, COUNTY, PS_PLANNED, PN_DATE | PN_DOC},
    {PS_PLANNED, PA_START, TOWN, PS_IMPLEMENTING, PN_DATE},
    {PS_ADJUSTED, PA_START, TOWN, PS_IMPLEMENTING, PN_DATE},
    {PS_IMPLEMENTING, PA_COMPLETE, TOWN, PS_COMPLETED, PN_DATE},
    {PS_COMPLETED, PA_ACCEPT, COUNTY, PS_ACCEPTED, PN_DATE | PN_DOC},
    {PS_ACCEPTED, PA_SETTLE, COUNTY, PS_SETTLED, PN_DATE},
    {PS_SETTLED, PA_REGISTER_ASSETS, COUNTY, PS_ASSETS_REGISTERED, PN_DATE},
    {PS_ASSETS_REGISTERED, PA_OPERATE, TOWN, PS_OPERATING, PN_DATE},
    /* refused on the way into the pool */
    {PS_PROPOSED, PA_REJECT, TOWN, PS_REJECTED, PN_DATE | PN_REASON},
    {PS_VILLAGE_PUBLICIZED, PA_REJECT, TOWN, PS_REJECTED, PN_DATE | PN_REASON},
    {PS_TOWNSHIP_REVIEWED, PA_REJECT, COUNTY, PS_REJECTED, PN_DATE | PN_REASON},
    {PS_TOWNSHIP_PUBLICIZED, PA_REJECT, COUNTY, PS_REJECTED, PN_DATE | PN_REASON},
    {PS_COUNTY_ARGUED, PA_REJECT, COUNTY, PS_REJECTED, PN_DATE | PN_REASON},
    /* not funded this year: stays in the pool for the next */
    {PS_APPROVED, PA_ROLL_OVER, COUNTY, PS_ROLLED_OVER, PN_DATE | PN_REASON},
    {PS_PLANNED, PA_ROLL_OVER, COUNTY, PS_ROLLED_OVER, PN_DATE | PN_REASON},
    /* 项目调整 with the county's approval */
    {PS_PLANNED, PA_ADJUST, COUNTY, PS_ADJUSTED, PN_DATE | PN_REASON | PN_DOC},
    {PS_IMPLEMENTING, PA_ADJUST, COUNTY, PS_ADJUSTED, PN_DATE | PN_REASON | PN_DOC},
    /* 撤销 (nothing paid) */
    {PS_APPROVED, PA_CANCEL, COUNTY, PS_CANCELLED, PN_DATE | PN_REASON},
    {PS_PLANNED, PA_CANCEL, COUNTY, PS_CANCELLED, PN_DATE | PN_REASON},
    {PS_ROLLED_OVER, PA_CANCEL, COUNTY, PS_CANCELLED, PN_DATE | PN_REASON},
    {PS_ADJUSTED, PA_CANCEL, COUNTY, PS_CANCELLED, PN_DATE | PN_REASON},
    {PS_IMPLEMENTING, PA_CANCEL, COUNTY, PS_CANCELLED, PN_DATE | PN_REASON},
};

#define NTABLE ARRAY_SIZE(table)

static const struct enum_names states = {state_names, state_labels, PS_COUNT};
static const struct enum_names actions = {action_names, action_labels, PA_COUNT};

const char *
proj_state_name(enum proj_state s)
{
    return enum_name(&states, s);
}

const char *
proj_state_label(enum proj_state s)
{
    return enum_label(&states, s);
}

int
proj_state_parse(const char *name, enum proj_state *out)
{
    int v;

    if (enum_parse(&states, name, &v)) {
        return -1;
    }
    *out = (enum proj_state)v;
    return 0;
}

const char *
proj_action_name(enum proj_action a)
{
    return enum_name(&actions, a);
}

const char *
proj_action_label(enum proj_action a)
{
    return enum_label(&actions, a);
}

int
proj_action_parse(const char *name, enum proj_action *out)
{
    int v;

    if (enum_parse(&actions, name, &v)) {
        return -1;
    }
    *out = (enum proj_action)v;
    return 0;
}

const struct proj_transition *
proj_transition(enum proj_state from, enum proj_action action)
{
    size_t i;

    for (i = 0; i < NTABLE; i++) {
        if (table[i].from == from && table[i].action == action) {
            return &table[i];
        }
    }
    return NULL;
}

const struct proj_transition *
proj_transitions(size_t *n)
{
    *n = NTABLE;
    return table;
}

size_t
proj_actions_for(enum proj_state s, int role, enum proj_action *out)
{
    size_t i, n = 0;

    for (i = 0; i < NTABLE; i++) {
        if (table[i].from == s && (table[i].roles & ROLE_BIT(role))) {
            out[n++] = table[i].action;
        }
    }
    return n;
}

int
proj_state_fundable(enum proj_state s)
{
    return s == PS_PLANNED || s == PS_ADJUSTED || s == PS_IMPLEMENTING ||
           s == PS_COMPLETED || s == PS_ACCEPTED;
}

int
proj_state_payable(enum proj_state s)
{
    return s == PS_IMPLEMENTING || s == PS_ADJUSTED || s == PS_COMPLETED ||
           s == PS_ACCEPTED || s == PS_SETTLED;
}

int
proj_state_proposal(enum proj_state s)
{
    return s >= PS_PROPOSED && s <= PS_COUNTY_ARGUED;
}

/* --- the publicities ---------------------------------------------- */

static const struct {
    const char *name;
    enum proj_action action;
} pubs[PP_COUNT] = {
    {"plan", PA_PLAN},
    {"village", PA_VILLAGE_PUBLICIZE},
    {"township", PA_TOWNSHIP_PUBLICIZE},
    {"county", PA_APPROVE},
};

const char *
proj_pub_name(enum proj_pub p)
{
    return (unsigned)p < PP_COUNT ? pubs[p].name : "?";
}

int
proj_pub_parse(const char *name, enum proj_pub *out)
{
    int i;

    for (i = 0; i < PP_COUNT; i++) {
        if (strcmp(pubs[i].name, name) == 0) {
            *out = (enum proj_pub)i;
            return 0;
        }
    }
    return -1;
}

enum proj_action
proj_pub_action(enum proj_pub p)
{
    return (unsigned)p < PP_COUNT ? pubs[p].action : PA_COUNT;
}

int
proj_pub_lists(enum proj_pub p, enum proj_state s)
{
    size_t i;

    if (p == PP_PLAN) {
        return (s >= PS_PLANNED && s <= PS_OPERATING) || s == PS_ADJUSTED;
    }
    /* The state the publicity's step leads to. */
    for (i = 0; (unsigned)p < PP_COUNT && i < NTABLE; i++) {
        if (table[i].action == pubs[p].action) {
            return s == table[i].to;
        }
    }
    return 0;
}

/* --- applying a step ---------------------------------------------- */

static int
check_permission(const struct actor *a, const struct project *p,
                 const struct proj_transition *t, const struct proj_input *in,
                 struct err *e)
{
    if (!actor_writes(a)) {
        return err_set(e, ERR_DENIED, _("your account is read-only"));
    }
    if (!actor_sees(a, p->township_id, p->village_id)) {
        return err_set(e, ERR_DENIED, _("this project is outside your scope"));
    }
    if (t == NULL) {
        return err_set(e, ERR_RULE, _("'%s' is not possible while the project is '%s'"),
                       proj_action_label(in->action), proj_state_label(p->state));
    }
    if (!(t->roles & ROLE_BIT(a->role))) {
        return err_set(e, ERR_DENIED, _("the role '%s' may not do '%s'"),
                       role_label(a->role), proj_action_label(in->action));
    }
    return 0;
}

static int
check_publicity(const struct proj_ctx *c, const struct proj_input *in,
                struct err *e)
{
    return need_publicity(in->pub_start, in->pub_end, c->rules->project_publicity_min_days,
                          c->today, e);
}

static int
check_dates(const struct proj_ctx *c, const struct proj_transition *t,
            const struct proj_input *in, struct err *e)
{
    int day = (t->needs & PN_PUBLICITY) ? in->pub_start : in->step_date;
    char d[DATE_BUF];

    if (((t->needs & PN_PUBLICITY) && check_publicity(c, in, e)) ||
        need_step_day(day, c->last_step_date, c->today, e)) {
        return -1;
    }
    /* The step after a publicity waits for its end. */
    if (c->last_pub_end != DATE_NONE && day <= c->last_pub_end) {
        date_format(c->last_pub_end, d);
        return err_set(e, ERR_RULE,
                       _("the publicity runs until %s; the next step can only be taken after it"), d);
    }
    return 0;
}

static int
check_text(const struct proj_transition *t, const struct proj_input *in,
           struct err *e)
{
    if ((t->needs & PN_REASON) && (in->note == NULL || in->note[0] == '\0')) {
        return err_set(e, ERR_INVALID, _("give the reason"));
    }
    if (in->note != NULL && strlen(in->note) > PROJ_TEXT_MAX) {
        return err_set(e, ERR_INVALID, _("the note is too long (at most %d bytes)"), PROJ_TEXT_MAX);
    }
    if ((t->needs & PN_DOC) && (in->doc_no == NULL || in->doc_no[0] == '\0')) {
        return err_set(e, ERR_INVALID, _("give the document number"));
    }
    if (in->doc_no != NULL && strlen(in->doc_no) >= FUND_DOC_BUF) {
        return err_set(e, ERR_INVALID, _("the document number is too long"));
    }
    return 0;
}

/* Rules of particular steps. */
static int
check_action(const struct proj_ctx *c, const struct project *p,
             const struct proj_input *in, struct err *e)
{
    char paid[MONEY_BUF];

    switch (in->action) {
    case PA_REGISTER_ASSETS:
        if (c->assets == 0) {
            return err_set(e, ERR_RULE,
                           _("no asset is registered from this project yet: add its assets to the ledger first"));
        }
        break;
    case PA_CANCEL:
        if (c->paid > 0) {
            money_format(c->paid, 1, paid);
            return err_set(e, ERR_RULE,
                           _("%s yuan has been paid for this project; a project with payments cannot be cancelled"),
                           paid);
        }
        break;
    case PA_PLAN:
        if (p->targets == NULL || p->targets[0] == '\0') {
            return err_set(e, ERR_RULE,
                           _("the project has no performance targets; enter them before it goes into the plan"));
        }
        break;
    case PA_TOWNSHIP_REVIEW:
        if (p->linking == NULL || p->linking[0] == '\0') {
            if (c->linking_required) {
                return err_set(e, ERR_RULE,
                               _("an industry project needs its farmer-linking mechanism before the township review"));
            }
        }
        break;
    default:
        break;
    }
    return 0;
}

int
proj_apply(const struct proj_ctx *c, const struct actor *a,
           const struct project *p, const struct proj_input *in,
           enum proj_state *next, int *next_year, struct proj_step *step,
           struct err *e)
{
    const struct proj_transition *t = proj_transition(p->state, in->action);

    if (check_permission(a, p, t, in, e) || check_dates(c, t, in, e) ||
        check_text(t, in, e) || check_action(c, p, in, e)) {
        return -1;
    }
    *next = t->to;
    *next_year = p->year + (in->action == PA_ROLL_OVER ? 1 : 0);
    proj_step_clear(step);
    step->project_id = p->id;
    step->action = in->action;
    step->from = p->state;
    step->to = t->to;
    snprintf(step->actor, sizeof(step->actor), "%s", a->login);
    step->step_date = (t->needs & PN_PUBLICITY) ? in->pub_start : in->step_date;
    if (t->needs & PN_PUBLICITY) {
        step->pub_start = in->pub_start;
        step->pub_end = in->pub_end;
    }
    snprintf(step->doc_no, sizeof(step->doc_no), "%s",
             in->doc_no != NULL ? in->doc_no : "");
    step->note = in->note != NULL && in->note[0] != '\0' ? xstrdup(in->note) : NULL;
    return 0;
}

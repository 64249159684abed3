/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * mcase.c - the case procedure as a transition table.  Adding a step is
 * adding a row here (and, if it needs new checks, a case in
 * core/rules.c); nothing else in the program hard-codes the order.
 */
#include "config.h"
#include "core/mcase.h"

#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "util/array.h"
#include "util/i18n.h"
#include "util/names.h"

static const char *const state_names[CS_COUNT] = {
    "none", "clue", "verified", "appraised", "publicizing",
    "township_reviewed", "monitored", "elim_verified", "elim_appraised",
    "elim_publicizing", "elim_township_reviewed", "eliminated", "rejected",
};

static const char *const state_labels[CS_COUNT] = {
    N_("no case"),
    N_("clue awaiting check"),
    N_("home check done"),
    N_("village appraisal done"),
    N_("under publicity"),
    N_("township reviewed"),
    N_("monitored"),
    N_("elimination checked"),
    N_("elimination appraised"),
    N_("under elimination publicity"),
    N_("elimination township reviewed"),
    N_("risk eliminated"),
    N_("not admitted"),
};

static const char *const state_short[CS_COUNT] = {
    NULL, N_("to check"), N_("checked"), N_("appraised"), N_("publicity"),
    N_("town ok"), N_("monitored"), N_("elim. check"), N_("elim. appr."),
    N_("elim. publ."), N_("elim. town"), N_("eliminated"), N_("refused"),
};

static const char *const action_names[CA_COUNT] = {
    "clue", "verify", "appraise", "publicize", "township_review",
    "county_approve", "reject", "elim_verify", "elim_appraise",
    "elim_publicize", "elim_township_review", "elim_approve",
    "elim_reject", "rollback", "reidentify", "reply", "add_risk",
};

static const char *const action_labels[CA_COUNT] = {
    N_("register clue"),
    N_("home check"),
    N_("village appraisal"),
    N_("village publicity"),
    N_("township review"),
    N_("county approval"),
    N_("reject"),
    N_("propose elimination (home check)"),
    N_("elimination appraisal"),
    N_("elimination publicity"),
    N_("elimination township review"),
    N_("approve elimination"),
    N_("refuse elimination"),
    N_("roll back elimination"),
    N_("re-identify"),
    N_("reply to the applicant"),
    N_("add a risk"),
};

#define R(x) ROLE_BIT(ROLE_##x)
#define ENTRY (R(ADMIN) | R(COUNTY) | R(TOWNSHIP) | R(VILLAGE))
#define TOWN (R(ADMIN) | R(COUNTY) | R(TOWNSHIP))
#define COUNTY (R(ADMIN) | R(COUNTY))

static const struct case_transition table[] = {
    /* identification (识别) */
    {CS_NONE, CA_CLUE, ENTRY, CS_CLUE, NEED_DATE | NEED_CLUE, DL_VERIFY},
    {CS_CLUE, CA_VERIFY, ENTRY, CS_VERIFIED, NEED_DATE | NEED_AUTH, DL_IDENTIFY},
    {CS_VERIFIED, CA_APPRAISE, ENTRY, CS_APPRAISED, NEED_DATE, DL_IDENTIFY},
    {CS_APPRAISED, CA_PUBLICIZE, ENTRY, CS_PUBLICIZING, NEED_PUBLICITY, DL_IDENTIFY},
    {CS_PUBLICIZING, CA_TOWNSHIP_REVIEW, TOWN, CS_TOWNSHIP_REVIEWED, NEED_DATE, DL_IDENTIFY},
    {CS_TOWNSHIP_REVIEWED, CA_COUNTY_APPROVE, COUNTY, CS_MONITORED, NEED_DATE, DL_NONE},
    /* rejection at any point before approval */
    {CS_CLUE, CA_REJECT, TOWN, CS_REJECTED, NEED_DATE | NEED_REASON, DL_REPLY},
    {CS_VERIFIED, CA_REJECT, TOWN, CS_REJECTED, NEED_DATE | NEED_REASON, DL_REPLY},
    {CS_APPRAISED, CA_REJECT, TOWN, CS_REJECTED, NEED_DATE | NEED_REASON, DL_REPLY},
    {CS_PUBLICIZING, CA_REJECT, TOWN, CS_REJECTED, NEED_DATE | NEED_REASON, DL_REPLY},
    {CS_TOWNSHIP_REVIEWED, CA_REJECT, COUNTY, CS_REJECTED, NEED_DATE | NEED_REASON, DL_REPLY},
    /* the reasoned reply to the rejected; a new clue starts a new case */
    {CS_REJECTED, CA_REPLY, TOWN, CS_REJECTED, NEED_DATE | NEED_HOW, DL_NONE},
    {CS_REJECTED, CA_CLUE, ENTRY, CS_CLUE, NEED_DATE | NEED_CLUE, DL_VERIFY},
    /* risk elimination (风险消除) */
    {CS_MONITORED, CA_ELIM_VERIFY, ENTRY, CS_ELIM_VERIFIED, NEED_DATE | NEED_METHOD, DL_IDENTIFY},
    {CS_ELIM_VERIFIED, CA_ELIM_APPRAISE, ENTRY, CS_ELIM_APPRAISED, NEED_DATE, DL_IDENTIFY},
    {CS_ELIM_APPRAISED, CA_ELIM_PUBLICIZE, ENTRY, CS_ELIM_PUBLICIZING, NEED_PUBLICITY, DL_IDENTIFY},
    {CS_ELIM_PUBLICIZING, CA_ELIM_TOWNSHIP_REVIEW, TOWN, CS_ELIM_TOWNSHIP_REVIEWED, NEED_DATE, DL_IDENTIFY},
    {CS_ELIM_TOWNSHIP_REVIEWED, CA_ELIM_APPROVE, COUNTY, CS_ELIMINATED, NEED_DATE, DL_NONE},
    {CS_ELIM_VERIFIED, CA_ELIM_REJECT, TOWN, CS_MONITORED, NEED_DATE | NEED_REASON, DL_NONE},
    {CS_ELIM_APPRAISED, CA_ELIM_REJECT, TOWN, CS_MONITORED, NEED_DATE | NEED_REASON, DL_NONE},
    {CS_ELIM_PUBLICIZING, CA_ELIM_REJECT, TOWN, CS_MONITORED, NEED_DATE | NEED_REASON, DL_NONE},
    {CS_ELIM_TOWNSHIP_REVIEWED, CA_ELIM_REJECT, COUNTY, CS_MONITORED, NEED_DATE | NEED_REASON, DL_NONE},
    /* after elimination */
    {CS_ELIMINATED, CA_ROLLBACK, COUNTY, CS_MONITORED, NEED_DATE | NEED_REASON, DL_NONE},
    {CS_ELIMINATED, CA_REIDENTIFY, ENTRY, CS_CLUE, NEED_DATE | NEED_CLUE, DL_VERIFY},
};

static const struct enum_names states = {state_names, state_labels, CS_COUNT};
static const struct enum_names actions = {action_names, action_labels, CA_COUNT};

const char *
case_state_name(enum case_state s)
{
    return enum_name(&states, s);
}

const char *
case_state_label(enum case_state s)
{
    return enum_label(&states, s);
}

const char *
case_state_short(enum case_state s)
{
    return i18n_pick(state_short, CS_COUNT, s);
}

int
case_state_parse(const char *name, enum case_state *out)
{
    int v;

    if (enum_parse(&states, name, &v)) {
        return -1;
    }
    *out = (enum case_state)v;
    return 0;
}

const char *
case_action_name(enum case_action a)
{
    return enum_name(&actions, a);
}

const char *
case_action_label(enum case_action a)
{
    return enum_label(&actions, a);
}

int
case_action_parse(const char *name, enum case_action *out)
{
    int v;

    if (enum_parse(&actions, name, &v)) {
        return -1;
    }
    *out = (enum case_action)v;
    return 0;
}

const struct case_transition *
case_transition(enum case_state from, enum case_action action)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(table); i++) {
        if (table[i].from == from && table[i].action == action) {
            return &table[i];
        }
    }
    return NULL;
}

const struct case_transition *
case_transitions(size_t *n)
{
    *n = ARRAY_SIZE(table);
    return table;
}

size_t
case_actions_for(enum case_state s, enum role role, enum case_action *out)
{
    size_t i, n = 0;

    for (i = 0; i < ARRAY_SIZE(table); i++) {
        if (table[i].from == s && (table[i].roles & ROLE_BIT(role))) {
            out[n++] = table[i].action;
        }
    }
    return n;
}

unsigned
case_states_waiting(enum role role)
{
    unsigned bits = 0;
    size_t i;

    for (i = 0; i < ARRAY_SIZE(table); i++) {
        if (case_state_in_procedure(table[i].from) && (table[i].roles & ROLE_BIT(role))) {
            bits |= 1u << table[i].from;
        }
    }
    return bits;
}

int
case_state_in_procedure(enum case_state s)
{
    return (s >= CS_CLUE && s <= CS_TOWNSHIP_REVIEWED) ||
           (s >= CS_ELIM_VERIFIED && s <= CS_ELIM_TOWNSHIP_REVIEWED);
}

int
case_state_monitored(enum case_state s)
{
    return s >= CS_MONITORED && s <= CS_ELIM_TOWNSHIP_REVIEWED;
}

void
mcase_init(struct mcase *c)
{
    memset(c, 0, sizeof(*c));
    c->clue_date = c->identified_on = DATE_NONE;
    c->elim_started = c->eliminated_on = c->deadline = DATE_NONE;
}

void
mcase_clear(struct mcase *c)
{
    free(c->description);
    mcase_init(c);
}

void
case_step_init(struct case_step *s)
{
    memset(s, 0, sizeof(*s));
    s->step_date = s->deadline = s->pub_start = s->pub_end = DATE_NONE;
}

void
case_step_clear(struct case_step *s)
{
    free(s->note);
    case_step_init(s);
}

void
visit_init(struct visit *v)
{
    memset(v, 0, sizeof(*v));
    v->visit_date = v->next_visit = DATE_NONE;
}

void
visit_clear(struct visit *v)
{
    free(v->findings);
    visit_init(v);
}

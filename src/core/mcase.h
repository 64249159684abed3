/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * mcase.h - the monitoring case (监测对象) and its procedure
 * (domain.md 4.3-4.6): states, actions, the transition table (state,
 * action, roles allowed, next state, inputs, checks, deadline), and the
 * records that hang off a case: steps, measures and visits.
 */
#ifndef ZX_MCASE_H
#define ZX_MCASE_H

#include <stddef.h>
#include <stdint.h>

#include "core/role.h"

#define MCASE_CODE_BUF 12
#define MCASE_MAX_RISKS 5

enum case_state {
    CS_NONE = 0,            /* no case yet */
    CS_CLUE,                /* 线索待核实 */
    CS_VERIFIED,            /* 已入户核实 */
    CS_APPRAISED,           /* 已民主评议 */
    CS_PUBLICIZING,         /* 公示中 */
    CS_TOWNSHIP_REVIEWED,   /* 乡镇已审核 */
    CS_MONITORED,           /* 已纳入监测, risk not eliminated */
    CS_ELIM_VERIFIED,       /* 风险消除已核实 */
    CS_ELIM_APPRAISED,      /* 风险消除已评议 */
    CS_ELIM_PUBLICIZING,    /* 风险消除公示中 */
    CS_ELIM_TOWNSHIP_REVIEWED, /* 风险消除乡镇已审核 */
    CS_ELIMINATED,          /* 风险已消除 (kept, followed up) */
    CS_REJECTED,            /* 不予纳入 */
    CS_COUNT
};

enum case_action {
    CA_CLUE = 0,            /* 登记线索 */
    CA_VERIFY,              /* 入户核实 */
    CA_APPRAISE,            /* 村级民主评议 */
    CA_PUBLICIZE,           /* 村内公示 */
    CA_TOWNSHIP_REVIEW,     /* 乡镇审核 */
    CA_COUNTY_APPROVE,      /* 县级审定 */
    CA_REJECT,              /* 不予纳入 */
    CA_ELIM_VERIFY,         /* 风险消除核实 (proposal) */
    CA_ELIM_APPRAISE,       /* 风险消除民主评议 */
    CA_ELIM_PUBLICIZE,      /* 风险消除公示 */
    CA_ELIM_TOWNSHIP_REVIEW,/* 风险消除乡镇审核 */
    CA_ELIM_APPROVE,        /* 县级批准消除 */
    CA_ELIM_REJECT,         /* 风险消除不通过 */
    CA_ROLLBACK,            /* 风险消除回退 */
    CA_REIDENTIFY,          /* 重新识别 (new risk) */
    CA_REPLY,               /* 答复不予纳入的申请人 */
    CA_ADD_RISK,            /* 新增风险 (a department warning's risk joins
                             * the open case; no transition of the form) */
    CA_COUNT
};

/* What an action needs from the user. */
enum step_needs {
    NEED_DATE = 1 << 0,      /* the date of the step */
    NEED_CLUE = 1 << 1,      /* channel, category, risks, description */
    NEED_AUTH = 1 << 2,      /* authorization signed */
    NEED_PUBLICITY = 1 << 3, /* publicity start and end */
    NEED_REASON = 1 << 4,    /* a reason (rejection, rollback) */
    NEED_METHOD = 1 << 5,    /* elimination method */
    NEED_HOW = 1 << 6,       /* how the household was told (a reply) */
};

/* How the deadline of the next step is set after an action. */
enum deadline_kind {
    DL_NONE = 0,
    DL_VERIFY,        /* step date + verify working days */
    DL_IDENTIFY,      /* start of the procedure + identify days */
    DL_REPLY,         /* home check + reply working days (rejection) */
};

struct mcase {
    int64_t id;
    int64_t household_id;
    enum case_state state;
    char category[MCASE_CODE_BUF];  /* 监测对象类别 */
    char channel[MCASE_CODE_BUF];   /* 发现渠道 */
    char risks[MCASE_MAX_RISKS][MCASE_CODE_BUF];
    int nrisks;
    char *description;              /* owned; may be NULL */
    int clue_date;                  /* start of the current procedure */
    int identified_on;              /* county approval (识别监测时间) */
    int elim_started;               /* start of the elimination procedure */
    int eliminated_on;              /* 消除监测时间 */
    char elim_method[MCASE_CODE_BUF];
    int deadline;                   /* of the next step; DATE_NONE */
    int64_t line_fen;               /* line judged against at approval */
    int line_year;
    int64_t version;
};

struct case_step {
    int64_t id;
    int64_t case_id;
    enum case_action action;
    enum case_state from, to;
    char actor[64];
    char at[20];          /* when it was recorded */
    int step_date;        /* when it happened */
    int deadline;         /* for the next step; DATE_NONE */
    int pub_start, pub_end;
    int objections;
    int authorized;
    char *note;           /* owned; reason for rejection/rollback */
};

struct measure {
    int64_t id;
    int64_t household_id;
    int64_t case_id;      /* 0 = none */
    int year;
    char category[MCASE_CODE_BUF];
    char item[64];
    int start, end;       /* DATE_NONE = open */
    int64_t project_id;   /* 0 = none */
    int64_t version;
};

struct visit {
    int64_t id;
    int64_t household_id;
    int visit_date;
    char visitor[96];
    char visitor_role[MCASE_CODE_BUF];
    int new_risk;
    int next_visit;       /* DATE_NONE */
    char *findings;       /* owned; may be NULL */
    int64_t version;
};

/* The user's input for one action. */
struct step_input {
    enum case_action action;
    int step_date;
    int pub_start, pub_end;
    int objections;
    int authorized;
    const char *note;           /* reason or remark */
    const char *channel;        /* NEED_CLUE */
    const char *category;
    const char *risks[MCASE_MAX_RISKS];
    int nrisks;
    const char *description;
    const char *method;         /* NEED_METHOD */
};

struct case_transition {
    enum case_state from;
    enum case_action action;
    unsigned roles;             /* ROLE_BIT()s allowed */
    enum case_state to;
    unsigned needs;             /* enum step_needs */
    enum deadline_kind deadline;
};

/* Stored names ("clue", "monitored", ...) and translated labels. */
const char *case_state_name(enum case_state s);
const char *case_state_label(enum case_state s);
int case_state_parse(const char *name, enum case_state *out);
/* A label of at most five Chinese characters for narrow columns ("" for
 * CS_NONE). */
const char *case_state_short(enum case_state s);
const char *case_action_name(enum case_action a);
const char *case_action_label(enum case_action a);
int case_action_parse(const char *name, enum case_action *out);

/* The transition for ACTION from STATE, or NULL when not legal. */
const struct case_transition *case_transition(enum case_state from,
                                              enum case_action action);
/* All transitions (for documentation and tests). */
const struct case_transition *case_transitions(size_t *n);

/* The actions ROLE may take in STATE, into OUT (CA_COUNT entries);
 * returns how many. */
size_t case_actions_for(enum case_state s, enum role role,
                        enum case_action *out);

/* The states (as bits 1 << state) in which a case waits for ROLE: a
 * step of the identification or elimination procedure is open to it. */
unsigned case_states_waiting(enum role role);

/* 1 while the case is in the identification or elimination procedure
 * (its deadline matters). */
int case_state_in_procedure(enum case_state s);
/* 1 for the states of a monitoring object whose risk is not eliminated
 * (MONITORED and the elimination procedure). */
int case_state_monitored(enum case_state s);

/* Empty records (dates DATE_NONE).  _init on fresh memory; _clear also
 * frees the owned strings of an initialized record. */
void mcase_init(struct mcase *c);
void mcase_clear(struct mcase *c);
void case_step_init(struct case_step *s);
void case_step_clear(struct case_step *s);
void visit_init(struct visit *v);
void visit_clear(struct visit *v);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * project.h - the project pool's lifecycle (domain.md 6.4): which step
 * may be taken in which state by whom, and proj_apply() which checks a
 * step against the rules of the province and year (publicity of at
 * least project_publicity_min_days, the next step only after a
 * publicity has ended, reasons and document numbers, no cancellation
 * after payments, no hand-over without assets in the ledger).
 */
#ifndef ZX_PROJECT_H
#define ZX_PROJECT_H

#include <stdint.h>

#include "core/funds.h"
#include "core/money.h"
#include "core/policy.h"
#include "core/role.h"

#define PROJ_TEXT_MAX 4000

/* The four publicities of the pool (三公示一公告, domain.md 6.4) and the
 * projects each list shows.  The village, township and county lists show
 * the projects in that publicity now: its step taken (which recorded its
 * dates), the next one not yet.  The announcement of the year's plan shows
 * every project of the plan however far it has come (planned to
 * operating, and adjusted); it has no publicity period of its own. */
enum proj_pub {
    PP_PLAN = 0,            /* 年度项目计划公告 */
    PP_VILLAGE,             /* 村级公示 */
    PP_TOWNSHIP,            /* 乡镇公示 */
    PP_COUNTY,              /* 县级审定公示 */
    PP_COUNT
};

/* Stored names: "plan", "village", "township", "county". */
const char *proj_pub_name(enum proj_pub p);
int proj_pub_parse(const char *name, enum proj_pub *out);
/* The step that opens publicity P: its dates (pub_start, pub_end) and
 * document number are the publicity's. */
enum proj_action proj_pub_action(enum proj_pub p);
/* 1 when a project in state S is on the list of publicity P. */
int proj_pub_lists(enum proj_pub p, enum proj_state s);

/* What proj_apply needs to know besides the project. */
struct proj_ctx {
    const struct rules *rules;   /* in force for the project's year */
    int today;
    int last_step_date;          /* of the project's history; DATE_NONE */
    int last_pub_end;            /* when the last step was a publicity */
    int64_t paid;                /* payments made for the project */
    int assets;                  /* assets registered from the project */
    int linking_required;        /* an industry project: 联农带农 needed */
};

/* Check step IN on project P by actor A; on success *NEXT is the state
 * after it, *NEXT_YEAR the project's year after it (rolled over: the
 * next) and STEP (cleared first) the history row.  0, or -1 with E:
 * ERR_DENIED (read-only, out of scope, role), ERR_RULE (not legal now,
 * publicity too short or not over, a rule of the step), ERR_INVALID. */
int proj_apply(const struct proj_ctx *c, const struct actor *a,
               const struct project *p, const struct proj_input *in,
               enum proj_state *next, int *next_year, struct proj_step *step,
               struct err *e);

#endif

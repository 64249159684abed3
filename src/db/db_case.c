/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_case.c - monitoring cases and their steps (see db_case.h): the
 * case's columns, its risks, the history of steps, and the procedure:
 * load the household, let core decide (case_apply), store the case, the
 * step and the audit rows in one transaction.
 */
#include "config.h"
#include "db/db_case.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit_text.h"
#include "core/date.h"
#include "db/db_audit.h"
#include "db/db_list.h"
#include "db/db_registry.h"
#include "db/db_snapshot.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* --- the case's columns ------------------------------------------------ */

static const char *
state_name(int v)
{
    return case_state_name((enum case_state)v);
}

static int
state_parse(const char *name, int *v)
{
    enum case_state s;

    if (case_state_parse(name, &s)) {
        return -1;
    }
    *v = (int)s;
    return 0;
}

static const struct rec_enum states = {state_name, state_parse};

/* The description, the start of an elimination and the line are stored
 * with the step that sets them, not audited as fields. */
static const struct rec_col case_cols[] = {
    REG_PARENT(struct mcase),
    REC_ENUM(struct mcase, state, states),
    REC_COLF(struct mcase, category, RC_TEXT, RF_NOTNULL),
    REC_COLF(struct mcase, channel, RC_TEXT, RF_NOTNULL),
    REC_COLF(struct mcase, description, RC_PTEXT, RF_QUIET),
    REC_COL(struct mcase, clue_date, RC_DATE),
    REC_COL(struct mcase, identified_on, RC_DATE),
    REC_COLF(struct mcase, elim_started, RC_DATE, RF_QUIET),
    REC_COL(struct mcase, eliminated_on, RC_DATE),
    REC_COL(struct mcase, elim_method, RC_TEXT),
    REC_COL(struct mcase, deadline, RC_DATE),
    REC_COLF(struct mcase, line_fen, RC_FEN, RF_OPTIONAL | RF_QUIET),
    REC_COLF(struct mcase, line_year, RC_INT, RF_OPTIONAL | RF_QUIET),
};

const struct rec_def case_def = REC_DEF(struct mcase, "monitor_case", case_cols, 1);

/* --- risks ------------------------------------------------------------- */

/* The risks of C as the audit log shows them: "01,03". */
static void
risks_text(const struct mcase *c, char *out, size_t n)
{
    int i;

    out[0] = '\0';
    for (i = 0; i < c->nrisks; i++) {
        size_t len = strlen(out);

        snprintf(out + len, n - len, "%s%s", i ? "," : "", c->risks[i]);
    }
}

static void
bind_risk(sqlite3_stmt *st, int i, const void *arg)
{
    db_bind_text(st, 3, ((const struct mcase *)arg)->risks[i]);
}

/* Replace the stored risks of case C by C's. */
static int
store_risks(struct db *db, const struct mcase *c, struct err *e)
{
    return rec_replace_rows(db, "DELETE FROM case_risk WHERE case_id = ?",
                            "INSERT INTO case_risk(case_id, pos, risk) VALUES (?, ?, ?)",
                            c->id, c->nrisks, bind_risk, c, e);
}

/* Store C's risks, auditing them as one field when they changed from
 * OLD's. */
static int
update_risks(struct db *db, const char *actor, const struct mcase *old,
             const struct mcase *c, struct err *e)
{
    char ov[64], nv[64];
    const char *name = "risks", *o = ov, *n = nv;

    risks_text(old, ov, sizeof(ov));
    risks_text(c, nv, sizeof(nv));
    return store_risks(db, c, e) ||
           db_audit_diff(db, actor, "monitor_case", c->id, &name, &o, &n, 1, e) ? -1 : 0;
}

/* --- storing ------------------------------------------------------------- */

int
db_case_insert(struct db *db, const char *actor, struct mcase *c, int audit,
               struct err *e)
{
    if (rec_insert(db, &case_def, audit ? actor : NULL, c, e)) {
        return -1;
    }
    return store_risks(db, c, e);
}

int
db_step_insert(struct db *db, struct case_step *s, struct err *e)
{
    static const char sql[] =
        "INSERT INTO case_step(case_id, action, from_state, to_state, actor, "
        "at, step_date, deadline, pub_start, pub_end, objections, authorized, "
        "note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    sqlite3_stmt *st = db_prep(db, sql, e);

    if (st == NULL) {
        return -1;
    }
    if (s->at[0] == '\0') {
        clock_now(s->at, sizeof(s->at));
    }
    db_bind_int(st, 1, s->case_id);
    db_bind_text(st, 2, case_action_name(s->action));
    db_bind_text(st, 3, case_state_name(s->from));
    db_bind_text(st, 4, case_state_name(s->to));
    db_bind_text(st, 5, s->actor);
    db_bind_text(st, 6, s->at);
    db_bind_date(st, 7, s->step_date);
    db_bind_date(st, 8, s->deadline);
    db_bind_date(st, 9, s->pub_start);
    db_bind_date(st, 10, s->pub_end);
    db_bind_int(st, 11, s->objections);
    db_bind_int(st, 12, s->authorized);
    db_bind_text_or_null(st, 13, s->note);
    if (db_done(db, st, e)) {
        return -1;
    }
    s->id = sqlite3_last_insert_rowid(db->h);
    return 0;
}

/* Store NEXT (S's case after the step) and STEP by LOGIN (transaction
 * open). */
static int
store(struct db *db, const char *login, const struct hh_snapshot *s,
      struct mcase *next, struct case_step *step, struct err *e)
{
    if (next->id == 0) {
        if (db_case_insert(db, login, next, 1, e)) {
            return -1;
        }
    } else if (rec_update(db, &case_def, login, &s->mcase, next,
                          audit_table_label("monitor_case"), e) ||
               update_risks(db, login, &s->mcase, next, e)) {
        return -1;
    }
    step->case_id = next->id;
    if (db_step_insert(db, step, e)) {
        return -1;
    }
    return db_audit(db, login, "step", "monitor_case", next->id,
                    case_action_name(step->action), case_state_name(step->from),
                    case_state_name(step->to), e);
}

/* The household's first identification (首次识别时间), when it has none,
 * set at a county approval STEP: the first approval of its case's history
 * (an imported case) or else this one; kept through later ones. */
static int
first_identified(struct db *db, const struct actor *actor, struct hh_snapshot *s,
                 const struct case_step *step, struct err *e)
{
    struct household h;
    int first = snapshot_first_identified_at(s, step);

    if (first == 0) {
        return 0;
    }
    h = s->hh;
    h.first_identified = first;
    if (rec_update(db, &household_def, actor->login, &s->hh, &h, s->hh.hh_no, e)) {
        return -1;
    }
    s->hh = h;
    return 0;
}

int
db_case_add_risk(struct db *db, const char *actor, const struct hh_snapshot *s,
                 const char *risk, int day, const char *note, int *added,
                 struct err *e)
{
    struct mcase next;
    struct case_step step;
    int i, rc;

    *added = 0;
    if (!s->has_case || !(case_state_in_procedure(s->mcase.state) ||
                          case_state_monitored(s->mcase.state))) {
        return err_set(e, ERR_RULE, _("household %s has no open case to add a risk to"),
                       s->hh.hh_no);
    }
    for (i = 0; i < s->mcase.nrisks; i++) {
        if (strcmp(s->mcase.risks[i], risk) == 0) {
            return 0;
        }
    }
    if (s->mcase.nrisks >= MCASE_MAX_RISKS) {
        return err_set(e, ERR_RULE,
                       _("the case of household %s has %d risks already, the most it may have"),
                       s->hh.hh_no, MCASE_MAX_RISKS);
    }
    next = s->mcase;
    next.description = s->mcase.description != NULL ? xstrdup(s->mcase.description) : NULL;
    snprintf(next.risks[next.nrisks++], sizeof(next.risks[0]), "%s", risk);
    /* in the case's history as a step that leaves its state */
    case_step_init(&step);
    step.action = CA_ADD_RISK;
    step.from = step.to = s->mcase.state;
    snprintf(step.actor, sizeof(step.actor), "%s", actor);
    step.step_date = day;
    step.deadline = s->mcase.deadline;
    step.note = note != NULL ? xstrdup(note) : NULL;
    rc = store(db, actor, s, &next, &step, e);
    case_step_clear(&step);
    free(next.description);
    *added = rc == 0;
    return rc ? -1 : 0;
}

static int
version_matches(const struct hh_snapshot *s, int64_t expect, struct err *e)
{
    int64_t have = s->has_case ? s->mcase.version : 0;

    if (have != expect) {
        return err_set(e, ERR_CONFLICT,
                       _("the case of household %s was changed by someone else meanwhile (now '%s'); look at it again before acting"),
                       s->hh.hh_no, s->has_case ? case_state_label(s->mcase.state)
                                                : case_state_label(CS_NONE));
    }
    return 0;
}

int
db_case_act(struct db *db, const struct rule_ctx *ctx,
            const struct actor *actor, int64_t hh, int64_t expect_version,
            const struct step_input *in, struct findings *f,
            int64_t *case_id, struct err *e)
{
    return db_case_act_also(db, ctx, actor, hh, expect_version, in, f, case_id, NULL,
                            NULL, e);
}

int
db_case_act_also(struct db *db, const struct rule_ctx *ctx,
                 const struct actor *actor, int64_t hh, int64_t expect_version,
                 const struct step_input *in, struct findings *f, int64_t *case_id,
                 int (*also)(struct db *db, const struct actor *actor, int64_t case_id,
                             void *arg, struct err *e),
                 void *arg, struct err *e)
{
    struct hh_snapshot s;
    struct mcase next;
    struct case_step step;
    int rc;

    memset(&s, 0, sizeof(s));
    mcase_init(&next);
    case_step_init(&step);
    if (db_begin(db, e)) {
        return -1;
    }
    rc = db_snapshot_load(db, hh, &s, e) || version_matches(&s, expect_version, e) ||
         case_apply(ctx, actor, &s, in, &next, &step, f, e) ||
         store(db, actor->login, &s, &next, &step, e) ||
         first_identified(db, actor, &s, &step, e) ||
         (also != NULL && also(db, actor, next.id, arg, e)) ||
         db_list_refresh_hh(db, ctx, &s.hh, e);
    rc = rec_end_tx(db, rc, e);
    if (rc == 0 && case_id != NULL) {
        *case_id = next.id;
    }
    mcase_clear(&next);
    case_step_clear(&step);
    snapshot_free(&s);
    return rc;
}

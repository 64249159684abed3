/*
 * db_case.c - storing procedure steps.
 */
#include "config.h"
#include "db/db_case.h"

#include <stdio.h>
#include <string.h>

#include "db/db.h"
#include "db/db_audit.h"
#include "db/db_household.h"
#include "db/db_list.h"
#include "db/db_snapshot.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/i18n.h"

#define NFIELDS 9

/* The audited fields of C as text; BUF holds the formatted ones. */
static void
case_fields(const struct mcase *c, char buf[][64], const char *v[NFIELDS])
{
    int i;

    date_format(c->clue_date, buf[0]);
    date_format(c->identified_on, buf[1]);
    date_format(c->eliminated_on, buf[2]);
    date_format(c->deadline, buf[3]);
    buf[4][0] = '\0';
    for (i = 0; i < c->nrisks; i++) {
        size_t len = strlen(buf[4]);

        snprintf(buf[4] + len, 64 - len, "%s%s", i ? "," : "", c->risks[i]);
    }
    v[0] = case_state_name(c->state);
    v[1] = c->category;
    v[2] = c->channel;
    v[3] = buf[0];
    v[4] = buf[1];
    v[5] = buf[2];
    v[6] = c->elim_method;
    v[7] = buf[3];
    v[8] = buf[4];
}

static int
case_update(struct db *db, const char *actor, const struct mcase *old,
            const struct mcase *c, struct err *e)
{
    static const char sql[] =
        "UPDATE monitor_case SET state = ?, category = ?, channel = ?, "
        "description = ?, clue_date = ?, identified_on = ?, elim_started = ?, "
        "eliminated_on = ?, elim_method = ?, deadline = ?, line_fen = ?, "
        "line_year = ?, updated_at = ?, version = version + 1 "
        "WHERE id = ? AND version = ?";
    static const char *const names[NFIELDS] = {
        "state", "category", "channel", "clue_date", "identified_on",
        "eliminated_on", "elim_method", "deadline", "risks"};
    char ob[5][64], nb[5][64], now[32];
    const char *ov[NFIELDS], *nv[NFIELDS];
    sqlite3_stmt *st = db_prep(db, sql, e);

    if (st == NULL) {
        return -1;
    }
    clock_now(now, sizeof(now));
    db_bind_text(st, 1, case_state_name(c->state));
    db_bind_text(st, 2, c->category);
    db_bind_text(st, 3, c->channel);
    db_bind_text_or_null(st, 4, c->description);
    db_bind_date(st, 5, c->clue_date);
    db_bind_date(st, 6, c->identified_on);
    db_bind_date(st, 7, c->elim_started);
    db_bind_date(st, 8, c->eliminated_on);
    db_bind_text_or_null(st, 9, c->elim_method);
    db_bind_date(st, 10, c->deadline);
    db_bind_id(st, 11, c->line_fen);
    db_bind_id(st, 12, c->line_year);
    db_bind_text(st, 13, now);
    db_bind_int(st, 14, old->id);
    db_bind_int(st, 15, old->version);
    if (db_done(db, st, e)) {
        return -1;
    }
    if (sqlite3_changes(db->h) != 1) {
        return err_set(e, ERR_CONFLICT, _("the case was changed by someone else meanwhile"));
    }
    case_fields(old, ob, ov);
    case_fields(c, nb, nv);
    if (db_case_store_risks(db, c, e)) {
        return -1;
    }
    return db_audit_diff(db, actor, "monitor_case", old->id, names, ov, nv,
                         NFIELDS, e);
}

/* Store NEXT and STEP (transaction open). */
static int
store(struct db *db, const struct actor *actor, const struct hh_snapshot *s,
      struct mcase *next, struct case_step *step, struct err *e)
{
    if (next->id == 0) {
        if (db_case_insert(db, actor->login, next, 1, e)) {
            return -1;
        }
    } else if (case_update(db, actor->login, &s->mcase, next, e)) {
        return -1;
    }
    step->case_id = next->id;
    if (db_step_insert(db, step, e)) {
        return -1;
    }
    return db_audit(db, actor->login, "step", "monitor_case", next->id,
                    case_action_name(step->action), case_state_name(step->from),
                    case_state_name(step->to), e);
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
    struct hh_snapshot s;
    struct mcase next;
    struct case_step step;
    int rc = -1;

    memset(&s, 0, sizeof(s));
    mcase_init(&next);
    case_step_init(&step);
    if (db_begin(db, e)) {
        return -1;
    }
    if (db_snapshot_load(db, hh, &s, e) || version_matches(&s, expect_version, e) ||
        case_apply(ctx, actor, &s, in, &next, &step, f, e) ||
        store(db, actor, &s, &next, &step, e) ||
        db_list_refresh(db, ctx, hh, e)) {
        db_rollback(db);
        goto out;
    }
    rc = db_commit(db, e);
    if (rc == 0 && case_id != NULL) {
        *case_id = next.id;
    }
out:
    mcase_clear(&next);
    case_step_clear(&step);
    snapshot_free(&s);
    return rc;
}

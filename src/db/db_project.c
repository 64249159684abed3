/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_project.c - the project pool in the database (see db_fund.h): a
 * project's record (stored through db_rec.c), its lifecycle of steps
 * (core/project.c decides, this file stores the step, the state and the
 * audit rows), the lists with their warning flags, and the households a
 * project benefits.
 */
#include "config.h"
#include "db/db_fund.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/money.h"
#include "core/project.h"
#include "core/rules.h"
#include "db/db_audit.h"
#include "db/db_rec.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* --- the record's columns --------------------------------------------- */

/* The state is changed by steps only (not a column here). */
static const struct rec_col project_cols[] = {
    REC_COL(struct project, proj_no, RC_TEXT),
    REC_COL(struct project, name, RC_TEXT),
    REC_COL(struct project, year, RC_INT),
    REC_COL(struct project, ptype, RC_TEXT),
    REC_COL(struct project, township_id, RC_ID),
    REC_COL(struct project, village_id, RC_ID),
    REC_COL(struct project, implementer, RC_TEXT),
    REC_COL(struct project, proposer, RC_TEXT),
    REC_COL(struct project, budget, RC_FEN),
    REC_COL(struct project, self_funds, RC_FEN),
    REC_COL(struct project, hh_benefit, RC_INT),
    REC_COL(struct project, persons_benefit, RC_INT),
    REC_COL(struct project, hh_poor, RC_INT),
    REC_COL(struct project, persons_poor, RC_INT),
    REC_COL(struct project, hh_monitored, RC_INT),
    REC_COL(struct project, persons_monitored, RC_INT),
    REC_COL(struct project, period_start, RC_DATE),
    REC_COL(struct project, period_end, RC_DATE),
    REC_COL(struct project, workers, RC_INT),
    REC_COL(struct project, workers_poor, RC_INT),
    REC_COL(struct project, person_days, RC_INT),
    REC_COL(struct project, targets_published_on, RC_DATE),
    REC_COL(struct project, content, RC_PTEXT),
    REC_COL(struct project, linking, RC_PTEXT),
    REC_COL(struct project, targets, RC_PTEXT),
    REC_COL(struct project, note, RC_PTEXT),
};

static const struct rec_def project_def = REC_DEF(struct project, "project", project_cols, 1);

/* --- projects --------------------------------------------------------- */

int
db_project_get(struct db *db, int64_t id, struct project *p, struct err *e)
{
    char state[32] = "";
    sqlite3_stmt *st;

    if (rec_get(db, &project_def, id, p, e)) {
        return -1;
    }
    st = db_prep(db, "SELECT state FROM project WHERE id = ?", e);
    if (st == NULL) {
        return -1;
    }
    db_bind_int(st, 1, id);
    if (sqlite3_step(st) == SQLITE_ROW) {
        db_col_text(st, 0, state, sizeof(state));
    }
    sqlite3_reset(st);
    if (proj_state_parse(state, &p->state)) {
        return err_set(e, ERR_DB, _("project #%lld has an unknown state '%s'"),
                       (long long)id, state);
    }
    return 0;
}

static int
project_fields_ok(struct db *db, const struct rule_ctx *ctx,
                  const struct actor *a, const struct project *p,
                  struct err *e)
{
    if (project_check(p, rule_codes(ctx), e) ||
        rec_check_place(db, p->township_id, p->village_id, e) ||
        rec_may_change_place(a, p->township_id, p->village_id, e)) {
        return -1;
    }
    return 0;
}

static int
set_state(struct db *db, int64_t id, enum proj_state s, int year,
          struct err *e)
{
    static const char sql[] =
        "UPDATE project SET state = ?, year = ?, updated_at = ?, "
        "version = version + 1 WHERE id = ?";
    sqlite3_stmt *st = db_prep(db, sql, e);
    char now[32];

    if (st == NULL) {
        return -1;
    }
    clock_now(now, sizeof(now));
    db_bind_text(st, 1, proj_state_name(s));
    db_bind_int(st, 2, year);
    db_bind_text(st, 3, now);
    db_bind_int(st, 4, id);
    return db_done(db, st, e);
}

static int
step_insert(struct db *db, const struct proj_step *s, struct err *e)
{
    static const char sql[] =
        "INSERT INTO project_step(project_id, action, from_state, to_state, "
        "actor, at, step_date, pub_start, pub_end, doc_no, note) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    sqlite3_stmt *st = db_prep(db, sql, e);
    char now[32];

    if (st == NULL) {
        return -1;
    }
    clock_now(now, sizeof(now));
    db_bind_int(st, 1, s->project_id);
    db_bind_text(st, 2, proj_action_name(s->action));
    db_bind_text(st, 3, proj_state_name(s->from));
    db_bind_text(st, 4, proj_state_name(s->to));
    db_bind_text(st, 5, s->actor);
    db_bind_text(st, 6, now);
    db_bind_date(st, 7, s->step_date);
    db_bind_date(st, 8, s->pub_start);
    db_bind_date(st, 9, s->pub_end);
    db_bind_text_or_null(st, 10, s->doc_no);
    db_bind_text_or_null(st, 11, s->note);
    return db_done(db, st, e);
}

static int
audit_step(struct db *db, const struct actor *a, const struct proj_step *s,
           struct err *e)
{
    return db_audit(db, a->login, "step", "project", s->project_id,
                    proj_action_name(s->action), proj_state_name(s->from),
                    proj_state_name(s->to), e);
}

/* The context of a step on P: its history, payments and assets. */
static int
step_ctx(struct db *db, const struct rule_ctx *ctx, const struct project *p,
         struct proj_ctx *c, struct err *e)
{
    static const char last_sql[] =
        "SELECT step_date, pub_end FROM project_step WHERE project_id = ? "
        "ORDER BY id DESC LIMIT 1";
    static const char paid_sql[] =
        "SELECT coalesce(sum(y.amount), 0) FROM payment y "
        "JOIN allocation a ON a.id = y.allocation_id WHERE a.project_id = ?";
    sqlite3_stmt *st;
    int64_t n;

    memset(c, 0, sizeof(*c));
    c->rules = rules_in_force(ctx, p->year);
    c->today = ctx->today;
    c->last_step_date = c->last_pub_end = DATE_NONE;
    c->linking_required = code_is(rule_codes(ctx), "project_type", p->ptype, "industry");
    if ((st = db_prep(db, last_sql, e)) == NULL) {
        return -1;
    }
    db_bind_int(st, 1, p->id);
    if (sqlite3_step(st) == SQLITE_ROW) {
        c->last_step_date = db_col_date(st, 0);
        c->last_pub_end = db_col_date(st, 1);
    }
    sqlite3_reset(st);
    if (rec_scalar(db, paid_sql, p->id, 0, &c->paid, e) ||
        rec_scalar(db, "SELECT count(*) FROM asset WHERE project_id = ?", p->id, 0, &n, e)) {
        return -1;
    }
    c->assets = (int)n;
    return 0;
}

static int
project_add(struct db *db, const struct rule_ctx *ctx, const struct actor *a,
            struct project *p, int day, const char *note, struct err *e)
{
    static const char next_sql[] =
        "SELECT coalesce(max(CAST(substr(proj_no, ?2) AS INTEGER)), 0) "
        "FROM project WHERE proj_no LIKE ?1 || '%'";
    struct proj_input in = {PA_PROPOSE, day, DATE_NONE, DATE_NONE, NULL, note};
    struct proj_ctx c;
    struct proj_step step;
    enum proj_state next;
    int year, rc;

    p->state = PS_NONE;
    if (project_fields_ok(db, ctx, a, p, e) || step_ctx(db, ctx, p, &c, e)) {
        return -1;
    }
    if (p->proj_no[0] == '\0' &&
        rec_next_no(db, next_sql, "", p->year, p->proj_no, sizeof(p->proj_no), e)) {
        return -1;
    }
    proj_step_init(&step);
    rc = proj_apply(&c, a, p, &in, &next, &year, &step, e);
    if (rc == 0) {
        rc = rec_insert(db, &project_def, a->login, p, e);
    }
    if (rc == 0) {
        step.project_id = p->id;
        rc = set_state(db, p->id, next, p->year, e) || step_insert(db, &step, e) ||
             audit_step(db, a, &step, e);
    }
    proj_step_clear(&step);
    if (rc == 0) {
        p->state = next;
        p->version = 2;
    }
    return rc;
}

int
db_project_create(struct db *db, const struct rule_ctx *ctx,
                  const struct actor *a, struct project *p, int day,
                  const char *note, struct err *e)
{
    char no[PROJ_NO_BUF];

    memcpy(no, p->proj_no, sizeof(no));
    if (db_begin(db, e)) {
        return -1;
    }
    if (rec_end_tx(db, project_add(db, ctx, a, p, day, note, e), e)) {
        memcpy(p->proj_no, no, sizeof(no));
        p->id = 0;
        p->version = 0;
        p->state = PS_NONE;
        return -1;
    }
    return 0;
}

static int
project_store(const struct rec_job *j)
{
    struct project *p = j->rec, old;
    int rc;

    project_init(&old);
    rc = db_project_get(j->db, p->id, &old, j->e);
    if (rc == 0 && !actor_sees(j->a, old.township_id, old.village_id)) {
        rc = err_set(j->e, ERR_DENIED, _("this project is outside your scope"));
    }
    if (rc == 0) {
        p->state = old.state;
        rc = project_fields_ok(j->db, j->ctx, j->a, p, j->e);
    }
    if (rc == 0 && p->year != old.year && !proj_state_proposal(old.state)) {
        rc = err_set(j->e, ERR_RULE,
                     _("the year of a project in the pool changes only by rolling it over"));
    }
    if (rc == 0) {
        rc = rec_update(j->db, &project_def, j->a->login, &old, p, _("this project"), j->e);
    }
    project_clear(&old);
    return rc;
}

int
db_project_update(struct db *db, const struct rule_ctx *ctx,
                  const struct actor *a, struct project *p, struct err *e)
{
    const struct rec_job j = {db, ctx, a, p, e};

    return rec_save_tx(&project_def, p, project_store, &j);
}

static int
project_step(struct db *db, const struct rule_ctx *ctx, const struct actor *a,
             int64_t id, int64_t version, const struct proj_input *in,
             struct err *e)
{
    struct project p;
    struct proj_ctx c;
    struct proj_step step;
    enum proj_state next;
    int year, rc;

    project_init(&p);
    proj_step_init(&step);
    rc = db_project_get(db, id, &p, e);
    if (rc == 0 && p.version != version) {
        rc = err_set(e, ERR_CONFLICT,
                     _("someone else saved %s meanwhile; nothing was written"),
                     _("this project"));
    }
    if (rc == 0) {
        rc = step_ctx(db, ctx, &p, &c, e) ||
             proj_apply(&c, a, &p, in, &next, &year, &step, e);
    }
    if (rc == 0) {
        rc = set_state(db, id, next, year, e) || step_insert(db, &step, e) ||
             audit_step(db, a, &step, e);
    }
    if (rc == 0 && year != p.year) {
        char y0[16], y1[16];
        const char *name = "year", *o = y0, *nw = y1;

        snprintf(y0, sizeof(y0), "%d", p.year);
        snprintf(y1, sizeof(y1), "%d", year);
        rc = db_audit_diff(db, a->login, "project", id, &name, &o, &nw, 1, e);
    }
    proj_step_clear(&step);
    project_clear(&p);
    return rc;
}

int
db_project_act(struct db *db, const struct rule_ctx *ctx,
               const struct actor *a, int64_t id, int64_t version,
               const struct proj_input *in, struct err *e)
{
    if (db_begin(db, e)) {
        return -1;
    }
    return rec_end_tx(db, project_step(db, ctx, a, id, version, in, e), e);
}

static void
step_fill(sqlite3_stmt *st, void *row)
{
    struct proj_step *s = row;
    char name[32];

    proj_step_init(s);
    s->id = db_col_int(st, 0);
    s->project_id = db_col_int(st, 1);
    db_col_text(st, 2, name, sizeof(name));
    if (proj_action_parse(name, &s->action)) {
        s->action = PA_COUNT;
    }
    db_col_text(st, 3, name, sizeof(name));
    if (proj_state_parse(name, &s->from)) {
        s->from = PS_NONE;
    }
    db_col_text(st, 4, name, sizeof(name));
    if (proj_state_parse(name, &s->to)) {
        s->to = PS_NONE;
    }
    db_col_text(st, 5, s->actor, sizeof(s->actor));
    db_col_text(st, 6, s->at, sizeof(s->at));
    s->step_date = db_col_date(st, 7);
    s->pub_start = db_col_date(st, 8);
    s->pub_end = db_col_date(st, 9);
    db_col_text(st, 10, s->doc_no, sizeof(s->doc_no));
    s->note = db_col_strdup(st, 11);
}

static void
step_free(void *row)
{
    proj_step_clear(row);
}

int
db_project_steps(struct db *db, int64_t id, struct proj_step **v, size_t *n,
                 struct err *e)
{
    static const char sql[] =
        "SELECT id, project_id, action, from_state, to_state, actor, at, "
        "step_date, pub_start, pub_end, doc_no, note FROM project_step "
        "WHERE project_id = ? ORDER BY id";

    return db_rows_of(db, sql, id, sizeof(**v), step_fill, step_free, (void **)v, n,
                      _("reading the project history"), e);
}

void
proj_steps_free(struct proj_step *v, size_t n)
{
    free_each(v, n, sizeof(*v), step_free);
}

/* The columns of a project row (with what lists need to flag it). */
#define PROJECT_ROW_SQL \
    "SELECT p.id, p.proj_no, p.name, p.year, p.ptype, p.township_id, " \
    "coalesce(p.village_id, 0), t.name, v.name, p.state, p.budget, " \
    "p.self_funds, " \
    "(SELECT coalesce(sum(amount), 0) FROM allocation WHERE project_id = p.id), " \
    "(SELECT coalesce(sum(y.amount), 0) FROM payment y JOIN allocation a " \
    "   ON a.id = y.allocation_id WHERE a.project_id = p.id), " \
    "(SELECT coalesce(sum(y.amount), 0) FROM payment y JOIN allocation a " \
    "   ON a.id = y.allocation_id WHERE a.project_id = p.id AND y.is_wage = 1), " \
    "(SELECT coalesce(sum(a.amount), 0) FROM allocation a JOIN fund f " \
    "   ON f.id = a.fund_id WHERE a.project_id = p.id AND f.fund_type = ?1), " \
    "(SELECT max(step_date) FROM project_step WHERE project_id = p.id), " \
    "(SELECT step_date FROM project_step WHERE project_id = p.id " \
    "   AND action = 'plan' ORDER BY id DESC LIMIT 1), " \
    "p.targets_published_on, coalesce(p.linking, ''), " \
    "(SELECT group_concat(substr(pub_start, 1, 4) || ' ' || " \
    "   CAST(julianday(pub_end) - julianday(pub_start) + 1 AS INTEGER), ',') " \
    "   FROM project_step WHERE project_id = p.id AND pub_start IS NOT NULL) " \
    "FROM project p JOIN division t ON t.id = p.township_id " \
    "LEFT JOIN division v ON v.id = p.village_id "

/* Read one project row; PLAN, PUBLISHED, LINKING and PUBS for flags. */
struct proj_extra {
    int plan, published, linking;
    char pubs[512];   /* its publicities: "YEAR DAYS,YEAR DAYS" */
};

static void
project_row_read(sqlite3_stmt *st, struct project_row *r, struct proj_extra *x)
{
    char state[32];

    memset(r, 0, sizeof(*r));
    r->id = db_col_int(st, 0);
    db_col_text(st, 1, r->proj_no, sizeof(r->proj_no));
    db_col_text(st, 2, r->name, sizeof(r->name));
    r->year = (int)db_col_int(st, 3);
    db_col_text(st, 4, r->ptype, sizeof(r->ptype));
    r->township_id = db_col_int(st, 5);
    r->village_id = db_col_int(st, 6);
    rec_col_place(st, 7, r->place, sizeof(r->place));
    db_col_text(st, 9, state, sizeof(state));
    if (proj_state_parse(state, &r->state)) {
        r->state = PS_NONE;
    }
    r->budget = db_col_int(st, 10);
    r->self_funds = db_col_int(st, 11);
    r->allocated = db_col_int(st, 12);
    r->paid = db_col_int(st, 13);
    r->wages = db_col_int(st, 14);
    r->workrelief = db_col_int(st, 15);
    r->last_step = db_col_date(st, 16);
    x->plan = db_col_date(st, 17);
    x->published = db_col_date(st, 18);
    x->linking = sqlite3_column_bytes(st, 19) > 0;
    db_col_text(st, 20, x->pubs, sizeof(x->pubs));
}

/* Allocation results not published in time, by project. */
struct late_alloc {
    int64_t *v;
    size_t n, alloc;
};

static int
late_allocations(struct db *db, const struct rule_ctx *ctx,
                 struct late_alloc *out, struct err *e)
{
    static const char sql[] =
        "SELECT a.project_id, a.alloc_date, a.published_on, f.year "
        "FROM allocation a JOIN fund f ON f.id = a.fund_id";
    sqlite3_stmt *st = db_prep(db, sql, e);
    int rc;

    if (st == NULL) {
        return -1;
    }
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const struct rules *r = rules_in_force(ctx, (int)db_col_int(st, 3));
        enum pub_status s = pub_status(&ctx->policy->cal, db_col_date(st, 1),
                                       r->alloc_publish_workdays, r->alloc_publish_unit,
                                       db_col_date(st, 2), ctx->today, NULL);

        if (s == PUB_LATE || s == PUB_OVERDUE) {
            out->v = xgrow(out->v, &out->alloc, out->n + 1, sizeof(int64_t));
            out->v[out->n++] = db_col_int(st, 0);
        }
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : db_fail(db, e, _("reading the allocations"));
}

static int
in_list(const struct late_alloc *l, int64_t id)
{
    size_t i;

    for (i = 0; i < l->n; i++) {
        if (l->v[i] == id) {
            return 1;
        }
    }
    return 0;
}

/* 1 when a publicity of PUBS is shorter than the rule in force in the
 * year it started (not today's rule: a rule of 2026 does not judge a
 * publicity of 2024). */
static int
publicity_short(const struct rule_ctx *ctx, const char *pubs)
{
    const char *p = pubs;
    int year, days;

    while (p != NULL && sscanf(p, "%d %d", &year, &days) == 2) {
        if (days < rules_in_force(ctx, year)->project_publicity_min_days) {
            return 1;
        }
        p = strchr(p, ',');
        p = p != NULL ? p + 1 : NULL;
    }
    return 0;
}

static unsigned
project_flags(const struct rule_ctx *ctx, const struct project_row *r,
              const struct proj_extra *x, const struct late_alloc *late)
{
    const struct rules *ru = rules_in_force(ctx, r->year);
    enum pub_status ps = pub_status(&ctx->policy->cal, x->plan,
                                    ru->targets_publish_workdays, ru->targets_publish_unit,
                                    x->published,
                                    ctx->today, NULL);
    unsigned f = 0;

    if (publicity_short(ctx, x->pubs)) {
        f |= PF_PUBLICITY_SHORT;
    }
    if (ps == PUB_LATE || ps == PUB_OVERDUE) {
        f |= PF_TARGETS_LATE;
    }
    if (in_list(late, r->id)) {
        f |= PF_ALLOC_LATE;
    }
    if (r->workrelief > 0 && r->state >= PS_COMPLETED && r->state <= PS_OPERATING &&
        r->wages < money_bp_ceil(r->workrelief, ru->wage_min_bp)) {
        f |= PF_WAGE_SHORT;
    }
    if (!x->linking && code_is(rule_codes(ctx), "project_type", r->ptype, "industry") &&
        r->state != PS_REJECTED && r->state != PS_CANCELLED) {
        f |= PF_NO_LINKING;
    }
    if (proj_over_plan(r->budget, r->self_funds, r->allocated) > 0) {
        f |= PF_OVER_PLAN;
    }
    return f;
}

/* Rows collected for a list: V (N of them, room for ALLOC). */
struct project_rows {
    struct project_row *v;
    size_t n, alloc;
};

/* Append the rows of ST the actor sees (only flagged ones when FLAGGED),
 * flagged with LATE; ST is reset. */
static int
project_rows(struct db *db, const struct rule_ctx *ctx, const struct actor *a,
             sqlite3_stmt *st, int flagged, const struct late_alloc *late,
             struct project_rows *out, struct err *e)
{
    int rc;

    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct project_row r;
        struct proj_extra x;

        project_row_read(st, &r, &x);
        if (!actor_sees(a, r.township_id, r.village_id)) {
            continue;
        }
        r.flags = project_flags(ctx, &r, &x, late);
        if (flagged && r.flags == 0) {
            continue;
        }
        out->v = xgrow(out->v, &out->alloc, out->n + 1, sizeof(*out->v));
        out->v[out->n++] = r;
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : db_fail(db, e, _("reading the projects"));
}

/* Hand OUT's rows to *V and *N, or free them when RC is not 0. */
static int
rows_done(int rc, struct project_rows *out, struct project_row **v, size_t *n)
{
    if (rc != 0) {
        free(out->v);
        out->v = NULL;
        out->n = 0;
    }
    *v = out->v;
    *n = out->n;
    return rc;
}

static void
bind_row_params(const struct rule_ctx *ctx, sqlite3_stmt *st)
{
    const char *wr = code_with_tag(rule_codes(ctx), "fund_type", "workrelief");

    db_bind_text(st, 1, wr != NULL ? wr : "");
}

int
db_project_list(struct db *db, const struct rule_ctx *ctx,
                const struct actor *a, const struct funds_filter *flt,
                struct project_row **v, size_t *n, struct err *e)
{
    static const char sql[] = PROJECT_ROW_SQL
        "WHERE (?3 = 0 OR p.year = ?3) AND (?4 = 0 OR p.township_id = ?4) "
        "AND (?5 = 0 OR p.village_id = ?5) AND (?6 = '' OR p.ptype = ?6) "
        "AND (?7 = '' OR p.state = ?7) "
        "ORDER BY p.year DESC, p.proj_no";
    sqlite3_stmt *st = db_prep(db, sql, e);
    struct late_alloc late = {NULL, 0, 0};
    struct project_rows out = {NULL, 0, 0};
    int rc;

    if (st == NULL) {
        return -1;
    }
    bind_row_params(ctx, st);
    db_bind_int(st, 3, flt->year);
    db_bind_int(st, 4, flt->township_id);
    db_bind_int(st, 5, flt->village_id);
    db_bind_text(st, 6, flt->code);
    db_bind_text(st, 7, flt->state >= 0 ? proj_state_name((enum proj_state)flt->state) : "");
    rc = late_allocations(db, ctx, &late, e) ||
         project_rows(db, ctx, a, st, flt->flagged, &late, &out, e);
    free(late.v);
    return rows_done(rc, &out, v, n);
}

int
db_project_rows(struct db *db, const struct rule_ctx *ctx,
                const struct actor *a, const int64_t *ids, size_t n,
                struct project_row **v, size_t *got, struct err *e)
{
    static const char sql[] = PROJECT_ROW_SQL "WHERE p.id = ?3";
    struct late_alloc late = {NULL, 0, 0};
    struct project_rows out = {NULL, 0, 0};
    size_t i;
    int rc = late_allocations(db, ctx, &late, e);

    for (i = 0; rc == 0 && i < n; i++) {
        sqlite3_stmt *st = db_prep(db, sql, e);

        if (st == NULL) {
            rc = -1;
            break;
        }
        bind_row_params(ctx, st);
        db_bind_int(st, 3, ids[i]);
        rc = project_rows(db, ctx, a, st, 0, &late, &out, e);
    }
    free(late.v);
    return rows_done(rc, &out, v, got);
}

int
db_project_link(struct db *db, const struct actor *a, int64_t id,
                const char *hh_no, int link, struct err *e)
{
    static const char find[] =
        "SELECT id, township_id, village_id FROM household WHERE hh_no = ?";
    static const char add[] =
        "INSERT OR IGNORE INTO project_household(project_id, household_id) VALUES (?, ?)";
    static const char del[] =
        "DELETE FROM project_household WHERE project_id = ? AND household_id = ?";
    sqlite3_stmt *st;
    int64_t hh = 0, t = 0, v = 0, pt, pv;
    int rc;

    if (rec_may_write(a, e) || db_begin(db, e)) {
        return -1;
    }
    rc = rec_scalar(db, "SELECT township_id FROM project WHERE id = ?", id, 0, &pt, e) ||
         rec_scalar(db, "SELECT coalesce(village_id, 0) FROM project WHERE id = ?", id, 0, &pv, e);
    if (rc == 0 && !actor_sees(a, pt, pv)) {
        rc = err_set(e, ERR_DENIED, _("this project is outside your scope"));
    }
    if (rc == 0 && (st = db_prep(db, find, e)) != NULL) {
        db_bind_text(st, 1, hh_no);
        if (sqlite3_step(st) == SQLITE_ROW) {
            hh = db_col_int(st, 0);
            t = db_col_int(st, 1);
            v = db_col_int(st, 2);
        }
        sqlite3_reset(st);
    } else if (rc == 0) {
        rc = -1;
    }
    if (rc == 0 && (hh == 0 || !actor_sees(a, t, v))) {
        rc = err_set(e, ERR_NOTFOUND, _("there is no household %s in your scope"), hh_no);
    }
    if (rc == 0 && (st = db_prep(db, link ? add : del, e)) != NULL) {
        db_bind_int(st, 1, id);
        db_bind_int(st, 2, hh);
        rc = db_done(db, st, e);
        if (rc == 0 && sqlite3_changes(db->h) > 0) {
            rc = db_audit(db, a->login, link ? "insert" : "delete",
                          "project_household", id, "household", NULL, hh_no, e);
        }
    } else if (rc == 0) {
        rc = -1;
    }
    return rec_end_tx(db, rc, e);
}

int
db_project_linked(struct db *db, const struct codebook *cb, int64_t id,
                  int *households, int *former_poor, int *monitored,
                  struct err *e)
{
    static const char sql[] =
        "SELECT count(*), coalesce(sum(h.hh_type = ?2), 0), "
        "coalesce(sum(l.state IN ('monitored','elim_verified','elim_appraised',"
        "'elim_publicizing','elim_township_reviewed')), 0) "
        "FROM project_household ph JOIN household h ON h.id = ph.household_id "
        "LEFT JOIN hh_list l ON l.id = h.id WHERE ph.project_id = ?1";
    const char *poor = code_with_tag(cb, "hh_type", "former_poor");
    sqlite3_stmt *st = db_prep(db, sql, e);

    if (st == NULL) {
        return -1;
    }
    db_bind_int(st, 1, id);
    db_bind_text(st, 2, poor != NULL ? poor : "");
    if (sqlite3_step(st) != SQLITE_ROW) {
        sqlite3_reset(st);
        return db_fail(db, e, _("reading the beneficiaries"));
    }
    *households = (int)db_col_int(st, 0);
    *former_poor = (int)db_col_int(st, 1);
    *monitored = (int)db_col_int(st, 2);
    sqlite3_reset(st);
    return 0;
}

static void
linked_fill(sqlite3_stmt *st, void *row)
{
    struct linked_row *r = row;

    r->household_id = db_col_int(st, 0);
    db_col_text(st, 1, r->hh_no, sizeof(r->hh_no));
    db_col_text(st, 2, r->head, sizeof(r->head));
    rec_col_place(st, 3, r->place, sizeof(r->place));
    db_col_text(st, 5, r->hh_type, sizeof(r->hh_type));
    r->monitored = (int)db_col_int(st, 6);
}

int
db_project_households(struct db *db, int64_t id, struct linked_row **v, size_t *n,
                      struct err *e)
{
    static const char sql[] =
        "SELECT h.id, h.hh_no, coalesce(l.head, ''), t.name, vi.name, h.hh_type, "
        "coalesce(l.state IN ('monitored','elim_verified','elim_appraised',"
        "'elim_publicizing','elim_township_reviewed'), 0) "
        "FROM project_household ph JOIN household h ON h.id = ph.household_id "
        "JOIN division t ON t.id = h.township_id JOIN division vi ON vi.id = h.village_id "
        "LEFT JOIN hh_list l ON l.id = h.id WHERE ph.project_id = ? ORDER BY h.hh_no";

    return db_rows_of(db, sql, id, sizeof(**v), linked_fill, NULL, (void **)v, n,
                      _("reading the beneficiaries"), e);
}

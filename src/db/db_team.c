/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_team.c - resident work teams, their members, monthly attendance and
 * yearly grades in the database (see db_pair.h).  Stored through
 * db_rec.c; this file adds the place (a team's village), a member's
 * service within the team's term and one 第一书记 at a time, attendance
 * within the service and once a month, grades within what the absences
 * allow, and the lists with their warnings.
 */
#include "config.h"
#include "db/db_pair.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/policy.h"
#include "core/rules.h"
#include "db/db_rec.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

static const struct rec_col team_cols[] = {
    REC_COL(struct team, township_id, RC_ID),
    REC_COL(struct team, village_id, RC_ID),
    REC_COL(struct team, name, RC_TEXT),
    REC_COL(struct team, sent_by, RC_TEXT),
    REC_COL(struct team, term_start, RC_DATE),
    REC_COL(struct team, term_end, RC_DATE),
    REC_COL(struct team, note, RC_PTEXT),
};
static const struct rec_def team_def = REC_DEF(struct team, "team", team_cols, 2);

static const struct rec_col member_cols[] = {
    REC_COL(struct team_member, team_id, RC_ID),
    REC_COL(struct team_member, name, RC_TEXT),
    REC_COL(struct team_member, role, RC_TEXT),
    REC_COL(struct team_member, unit, RC_TEXT),
    REC_COL(struct team_member, unit_level, RC_TEXT),
    REC_COL(struct team_member, phone, RC_TEXT),
    REC_COL_AS(struct team_member, start, "start_on", RC_DATE),
    REC_COL_AS(struct team_member, end, "end_on", RC_DATE),
    REC_COL(struct team_member, end_reason, RC_TEXT),
    REC_COL(struct team_member, note, RC_PTEXT),
};
static const struct rec_def member_def = REC_DEF(struct team_member, "team_member", member_cols, 1);

static const struct rec_col attendance_cols[] = {
    REC_COL(struct attendance, member_id, RC_ID),
    REC_COL(struct attendance, month, RC_MONTH),
    REC_COL(struct attendance, present, RC_INT),
    REC_COL(struct attendance, leave, RC_INT),
    REC_COL(struct attendance, approver, RC_TEXT),
    REC_COL(struct attendance, approver_level, RC_TEXT),
    REC_COL(struct attendance, absent, RC_INT),
    REC_COL(struct attendance, note, RC_PTEXT),
};
static const struct rec_def attendance_def = REC_DEF(struct attendance, "attendance", attendance_cols, 1);

static const struct rec_col grade_cols[] = {
    REC_COL(struct team_grade, member_id, RC_ID),
    REC_COL(struct team_grade, year, RC_INT),
    REC_COL(struct team_grade, grade, RC_TEXT),
    REC_COL(struct team_grade, note, RC_PTEXT),
};
static const struct rec_def grade_def = REC_DEF(struct team_grade, "team_grade", grade_cols, 3);

static void clear_team(void *p) { team_clear(p); }
static void clear_member(void *p) { team_member_clear(p); }
static void clear_attendance(void *p) { attendance_clear(p); }
static void clear_grade(void *p) { team_grade_clear(p); }

/* --- resident teams ----------------------------------------------------------- */

REC_GET(team, struct team, team_def)

/* The team of a record: TEAM_ID into T, and that A may change it. */
static int
team_of(struct db *db, const struct actor *a, int64_t team_id, struct team *t,
        struct err *e)
{
    team_init(t);
    return rec_get(db, &team_def, team_id, t, e) ||
                   rec_may_change_place(a, t->township_id, t->village_id, e)
               ? -1
               : 0;
}

/* The members of team T serve within its term. */
static int
members_within(const struct rec_job *j, const struct team *t)
{
    sqlite3_stmt *st = db_prep(j->db,
                               "SELECT count(*) FROM team_member WHERE team_id = ?1 AND (start_on < ?2"
                               " OR (?3 IS NOT NULL AND (end_on IS NULL OR end_on > ?3)))",
                               j->e);
    char from[DATE_BUF], to[DATE_BUF];
    int64_t outside;

    if (st != NULL) {
        date_format(t->term_start, from);
        date_format(t->term_end, to);
        db_bind_int(st, 1, t->id);
        db_bind_text(st, 2, from);
        db_bind_text_or_null(st, 3, to);
    }
    if (db_scalar(j->db, st, &outside, _("reading the members"), j->e)) {
        return -1;
    }
    if (outside > 0) {
        return err_set(j->e, ERR_RULE,
                       _("%lld members served outside that term; change their dates first"),
                       (long long)outside);
    }
    return 0;
}

static int
team_store(const struct rec_job *j)
{
    const struct team *t = j->rec;
    struct team old;
    int rc;

    if (rec_check_place(j->db, t->township_id, t->village_id, j->e)) {
        return -1;
    }
    if (t->id != 0) {
        rc = team_of(j->db, j->a, t->id, &old, j->e);
        team_clear(&old);
        if (rc || members_within(j, t)) {
            return -1;
        }
    }
    team_init(&old);
    return rec_store(j, &team_def, &old, clear_team, _("this team"));
}

int
db_team_save(struct db *db, const struct rule_ctx *ctx,
             const struct actor *a, struct team *t, struct err *e)
{
    const struct rec_job j = {db, ctx, a, t, e};

    if (rec_may_change_place(a, t->township_id, t->village_id, e) || team_check(t, e)) {
        return -1;
    }
    return rec_save_tx(&team_def, t, team_store, &j);
}

int
db_team_delete(struct db *db, const struct actor *a, int64_t id,
               int64_t version, struct err *e)
{
    struct team old;
    int64_t used = 0;
    int rc;

    if (rec_may_write(a, e) || db_begin(db, e)) {
        return -1;
    }
    rc = team_of(db, a, id, &old, e) ||
         rec_scalar(db, "SELECT count(*) FROM team_member WHERE team_id = ?", id, 0, &used, e);
    if (rc == 0 && used > 0) {
        rc = err_set(e, ERR_RULE, "%s", _("the team has members; delete them first"));
    }
    if (rc == 0) {
        rc = rec_delete(db, a, "DELETE FROM team WHERE id = ? AND version = ?", "team", id,
                        version, _("this team"), e);
    }
    team_clear(&old);
    return rec_end_tx(db, rc, e);
}

static void
team_row_fill(sqlite3_stmt *st, void *row)
{
    struct team_row *r = row;
    int at = rec_read(st, 0, &team_def, &r->t);
    char m[MONTH_BUF];

    rec_col_place(st, at, r->place, sizeof(r->place));
    r->members = (int)db_col_int(st, at + 2);
    db_col_text(st, at + 3, r->secretary, sizeof(r->secretary));
    db_col_text(st, at + 4, m, sizeof(m));
    if (month_parse(m, &r->month) != DATE_OK) {
        r->month = 0;
    }
}

/* How many members of team row R broke the attendance rules in its
 * month. */
static int
attendance_broken(struct db *db, const struct rule_ctx *ctx, const struct actor *a,
                  struct team_row *r, struct err *e)
{
    struct pair_filter af;
    struct attendance_row *ar;
    size_t na, k;

    pair_filter_init(&af);
    af.month = r->month;
    if (db_attendance_list(db, ctx, a, &af, r->t.id, &ar, &na, e)) {
        return -1;
    }
    for (k = 0; k < na; k++) {
        r->att_broken += ar[k].j.flags != 0;
    }
    free(ar);
    return 0;
}

/* The warnings of team row R. */
static int
team_flags(struct db *db, const struct rule_ctx *ctx, const struct actor *a,
           struct team_row *r, struct err *e)
{
    const struct rules *rl = rules_in_force(ctx, date_year(team_day(&r->t, ctx->today)));
    const struct rules *term = rules_in_force(ctx, date_year(r->t.term_start));

    if (r->members < rl->team_min_members) {
        r->flags |= TF_SMALL;
    }
    if (r->secretary[0] == '\0') {
        r->flags |= TF_NO_SECRETARY;
    }
    if (r->t.term_end != DATE_NONE &&
        date_add_months(r->t.term_start, 12 * term->team_min_term_years) > r->t.term_end + 1) {
        r->flags |= TF_SHORT_TERM;
    }
    if (r->month != 0 && attendance_broken(db, ctx, a, r, e)) {
        return -1;
    }
    if (r->att_broken > 0) {
        r->flags |= TF_ATTENDANCE;
    }
    return 0;
}

/* The day team m is judged on (core/pair.h team_day): today (?1) within
 * its term, else the nearer end of it. */
#define TEAM_DAY "max(m.term_start, min(?1, coalesce(m.term_end, ?1)))"

int
db_team_list(struct db *db, const struct rule_ctx *ctx,
             const struct actor *a, const struct pair_filter *f,
             struct team_row **v, size_t *n, struct err *e)
{
    sqlite3_stmt *st = rec_prep_select(db, &team_def, "m",
        ", t.name, v.name,"
        " (SELECT count(*) FROM team_member x WHERE x.team_id = m.id AND x.start_on <= " TEAM_DAY
        "   AND (x.end_on IS NULL OR x.end_on >= " TEAM_DAY ")),"
        " (SELECT x.name FROM team_member x WHERE x.team_id = m.id AND x.start_on <= " TEAM_DAY
        "   AND (x.end_on IS NULL OR x.end_on >= " TEAM_DAY ") AND x.role = ?5 LIMIT 1),"
        " CASE WHEN ?4 <> '' THEN ?4 ELSE (SELECT max(d.month) FROM attendance d"
        "   JOIN team_member x ON x.id = d.member_id WHERE x.team_id = m.id) END"
        " FROM team m JOIN division t ON t.id = m.township_id"
        " JOIN division v ON v.id = m.village_id"
        " WHERE (?2 = 0 OR m.township_id = ?2) AND (?3 = 0 OR m.village_id = ?3)"
        " ORDER BY t.code, v.code, m.term_start DESC", e);
    const char *sec = code_with_tag(rule_codes(ctx), "team_role", "secretary");
    char today[DATE_BUF], month[MONTH_BUF] = "";
    size_t i, keep = 0;

    if (st != NULL) {
        date_format(ctx->today, today);
        if (f->month != 0) {
            month_format(f->month, month);
        }
        db_bind_text(st, 1, today);
        db_bind_int(st, 2, f->township_id);
        db_bind_int(st, 3, f->village_id);
        db_bind_text(st, 4, month);
        db_bind_text(st, 5, sec != NULL ? sec : "");
    }
    if (db_rows(db, st, sizeof(**v), team_row_fill, NULL, (void **)v, n,
                _("reading the teams"), e)) {
        return -1;
    }
    for (i = 0; i < *n; i++) {
        struct team_row *r = &(*v)[i];

        if (!actor_sees(a, r->t.township_id, r->t.village_id)) {
            continue;
        }
        if (team_flags(db, ctx, a, r, e)) {
            free(*v);
            *v = NULL;
            return -1;
        }
        if (!f->flagged || r->flags != 0) {
            (*v)[keep++] = *r;
        }
    }
    *n = keep;
    return 0;
}

/* --- members ------------------------------------------------------------------ */

REC_GET(member, struct team_member, member_def)

/* Member M serves within the term of team T. */
static int
within_term(const struct team_member *m, const struct team *t, struct err *e)
{
    char s[DATE_BUF], en[DATE_BUF];

    if (m->start >= t->term_start &&
        (t->term_end == DATE_NONE ||
         (m->start <= t->term_end && (m->end == DATE_NONE || m->end <= t->term_end)))) {
        return 0;
    }
    date_format(t->term_start, s);
    date_format(t->term_end, en);
    return err_set(e, ERR_RULE, _("a member serves within the team's term (%s to %s)"), s,
                   en[0] ? en : _("no end date"));
}

/* No other 第一书记 (the role SEC) of M's team serves while M does. */
static int
one_secretary(const struct rec_job *j, const struct team_member *m, const char *sec)
{
    sqlite3_stmt *st = db_prep(j->db,
                               "SELECT count(*) FROM team_member WHERE team_id = ?1 AND role = ?2"
                               " AND id <> ?3 AND start_on <= coalesce(?5, '9999-12-31')"
                               " AND coalesce(end_on, '9999-12-31') >= ?4",
                               j->e);
    char s[DATE_BUF], en[DATE_BUF];
    int64_t others;

    if (st != NULL) {
        date_format(m->start, s);
        date_format(m->end, en);
        db_bind_int(st, 1, m->team_id);
        db_bind_text(st, 2, sec);
        db_bind_int(st, 3, m->id);
        db_bind_text(st, 4, s);
        db_bind_text_or_null(st, 5, en);
    }
    if (db_scalar(j->db, st, &others, _("reading the members"), j->e)) {
        return -1;
    }
    if (others > 0) {
        return err_set(j->e, ERR_RULE, "%s",
                       _("the team has another 第一书记 serving then; give the date the other one left first"));
    }
    return 0;
}

static int
member_store(const struct rec_job *j)
{
    const struct team_member *m = j->rec;
    struct team_member old;
    struct team t;
    const char *sec = code_with_tag(rule_codes(j->ctx), "team_role", "secretary");
    int rc;

    rc = team_of(j->db, j->a, m->team_id, &t, j->e) || within_term(m, &t, j->e);
    team_clear(&t);
    if (rc || (sec != NULL && strcmp(m->role, sec) == 0 && one_secretary(j, m, sec))) {
        return -1;
    }
    team_member_init(&old);
    return rec_store(j, &member_def, &old, clear_member, _("this member"));
}

int
db_member_save(struct db *db, const struct rule_ctx *ctx,
               const struct actor *a, struct team_member *m,
               struct err *e)
{
    const struct rec_job j = {db, ctx, a, m, e};

    if (rec_may_write(a, e) || team_member_check(m, rule_codes(ctx), ctx->today, e)) {
        return -1;
    }
    return rec_save_tx(&member_def, m, member_store, &j);
}

int
db_member_delete(struct db *db, const struct actor *a, int64_t id,
                 int64_t version, struct err *e)
{
    struct team_member old;
    struct team t;
    int64_t used = 0;
    int rc;

    if (rec_may_write(a, e) || db_begin(db, e)) {
        return -1;
    }
    team_member_init(&old);
    team_init(&t);
    rc = rec_get(db, &member_def, id, &old, e) || team_of(db, a, old.team_id, &t, e) ||
         rec_scalar(db,
                    "SELECT (SELECT count(*) FROM attendance WHERE member_id = ?1) +"
                    " (SELECT count(*) FROM team_grade WHERE member_id = ?1)",
                    id, 0, &used, e);
    if (rc == 0 && used > 0) {
        rc = err_set(e, ERR_RULE, "%s",
                     _("the member has attendance or grades recorded; give the date the member left instead"));
    }
    if (rc == 0) {
        rc = rec_delete(db, a, "DELETE FROM team_member WHERE id = ? AND version = ?",
                        "team_member", id, version, _("this member"), e);
    }
    team_member_clear(&old);
    team_clear(&t);
    return rec_end_tx(db, rc, e);
}

int
db_member_list(struct db *db, int64_t team, struct team_member **v,
               size_t *n, struct err *e)
{
    return rec_list(db, &member_def, "x",
                    " FROM team_member x WHERE x.team_id = ?"
                    " ORDER BY x.end_on IS NOT NULL, x.role, x.start_on, x.id",
                    team, sizeof(**v), (void **)v, n, _("reading the members"), e);
}

/* --- attendance ------------------------------------------------------------- */

REC_GET(attendance, struct attendance, attendance_def)

/* The member of attendance AT served in its month, which has begun, and
 * A may change the member's team. */
static int
served(const struct rec_job *j, const struct attendance *at)
{
    struct team_member m;
    struct team t;
    char mon[MONTH_BUF];
    int rc;

    team_member_init(&m);
    team_init(&t);
    rc = rec_get(j->db, &member_def, at->member_id, &m, j->e) ||
         team_of(j->db, j->a, m.team_id, &t, j->e);
    team_clear(&t);
    if (rc == 0 && (month_last_day(at->month) < m.start ||
                    (m.end != DATE_NONE && month_first_day(at->month) > m.end))) {
        month_format(at->month, mon);
        rc = err_set(j->e, ERR_RULE, _("%s did not serve in the village in %s"), m.name, mon);
    }
    if (rc == 0 && month_first_day(at->month) > j->ctx->today) {
        rc = err_set(j->e, ERR_INVALID, "%s", _("the month has not begun yet"));
    }
    team_member_clear(&m);
    return rc ? -1 : 0;
}

static int
attendance_store(const struct rec_job *j)
{
    const struct attendance *at = j->rec;
    struct attendance old;
    sqlite3_stmt *st;
    char mon[MONTH_BUF];
    int64_t same;

    if (served(j, at)) {
        return -1;
    }
    st = db_prep(j->db, "SELECT count(*) FROM attendance WHERE member_id = ? AND month = ? AND id <> ?",
                 j->e);
    month_format(at->month, mon);
    if (st != NULL) {
        db_bind_int(st, 1, at->member_id);
        db_bind_text(st, 2, mon);
        db_bind_int(st, 3, at->id);
    }
    if (db_scalar(j->db, st, &same, _("reading the attendance"), j->e)) {
        return -1;
    }
    if (same > 0) {
        return err_set(j->e, ERR_RULE, _("the attendance of %s is already recorded; edit that one"),
                       mon);
    }
    attendance_init(&old);
    return rec_store(j, &attendance_def, &old, clear_attendance, _("this attendance record"));
}

int
db_attendance_save(struct db *db, const struct rule_ctx *ctx,
                   const struct actor *a, struct attendance *at,
                   struct err *e)
{
    const struct rec_job j = {db, ctx, a, at, e};
    const struct rules *r = rules_in_force(ctx, at->month / 12);

    if (rec_may_write(a, e) || attendance_check(at, rule_codes(ctx), r, ctx->today, e)) {
        return -1;
    }
    return rec_save_tx(&attendance_def, at, attendance_store, &j);
}

int
db_attendance_delete(struct db *db, const struct actor *a, int64_t id,
                     int64_t version, struct err *e)
{
    struct attendance old;
    struct team_member m;
    struct team t;
    int rc;

    if (rec_may_write(a, e) || db_begin(db, e)) {
        return -1;
    }
    attendance_init(&old);
    team_member_init(&m);
    team_init(&t);
    rc = rec_get(db, &attendance_def, id, &old, e) ||
         rec_get(db, &member_def, old.member_id, &m, e) ||
         team_of(db, a, m.team_id, &t, e) ||
         rec_delete(db, a, "DELETE FROM attendance WHERE id = ? AND version = ?", "attendance",
                    id, version, _("this attendance record"), e);
    attendance_clear(&old);
    team_member_clear(&m);
    team_clear(&t);
    return rec_end_tx(db, rc, e);
}

/* An attendance row with what att_judge needs of the member. */
struct att_fill {
    struct attendance_row r;
    struct team_member m;
    int64_t township, village;
};

static void
attendance_row_fill(sqlite3_stmt *st, void *row)
{
    struct att_fill *f = row;
    int at = rec_read(st, 0, &attendance_def, &f->r.a);

    db_col_text(st, at, f->r.member, sizeof(f->r.member));
    db_col_text(st, at + 1, f->r.role, sizeof(f->r.role));
    f->r.team_id = db_col_int(st, at + 2);
    db_col_text(st, at + 3, f->r.team, sizeof(f->r.team));
    rec_col_place(st, at + 4, f->r.place, sizeof(f->r.place));
    f->m.start = db_col_date(st, at + 6);
    f->m.end = db_col_date(st, at + 7);
    f->township = db_col_int(st, at + 8);
    f->village = db_col_int(st, at + 9);
}

int
db_attendance_list(struct db *db, const struct rule_ctx *ctx,
                   const struct actor *a, const struct pair_filter *f,
                   int64_t team, struct attendance_row **v, size_t *n,
                   struct err *e)
{
    sqlite3_stmt *st = rec_prep_select(db, &attendance_def, "d",
        ", x.name, x.role, m.id, m.name, t.name, v.name, x.start_on, x.end_on,"
        " m.township_id, m.village_id"
        " FROM attendance d JOIN team_member x ON x.id = d.member_id"
        " JOIN team m ON m.id = x.team_id JOIN division t ON t.id = m.township_id"
        " JOIN division v ON v.id = m.village_id"
        " WHERE (?1 = '' OR d.month = ?1) AND (?2 = 0 OR m.id = ?2)"
        " AND (?3 = 0 OR m.township_id = ?3) AND (?4 = 0 OR m.village_id = ?4)"
        " ORDER BY t.code, v.code, m.id, d.month DESC, x.role, x.name", e);
    struct att_fill *rows = NULL;
    size_t nrows = 0, i, keep = 0;
    char month[MONTH_BUF] = "";

    *v = NULL;
    *n = 0;
    if (st != NULL) {
        if (f->month != 0) {
            month_format(f->month, month);
        }
        db_bind_text(st, 1, month);
        db_bind_int(st, 2, team);
        db_bind_int(st, 3, f->township_id);
        db_bind_int(st, 4, f->village_id);
    }
    if (db_rows(db, st, sizeof(*rows), attendance_row_fill, NULL, (void **)&rows, &nrows,
                _("reading the attendance"), e)) {
        return -1;
    }
    *v = xcalloc(nrows + 1, sizeof(**v));
    for (i = 0; i < nrows; i++) {
        struct att_fill *r = &rows[i];

        if (!actor_sees(a, r->township, r->village)) {
            continue;
        }
        att_judge(&r->r.a, &r->m, rules_in_force(ctx, r->r.a.month / 12), &r->r.j);
        if (!f->flagged || r->r.j.flags != 0) {
            (*v)[keep++] = r->r;
        }
    }
    *n = keep;
    free(rows);
    return 0;
}

int
db_member_absences(struct db *db, int64_t member, int year, int *days,
                   struct err *e)
{
    sqlite3_stmt *st = db_prep(db,
                               "SELECT coalesce(sum(absent), 0) FROM attendance"
                               " WHERE member_id = ? AND month BETWEEN ? AND ?",
                               e);
    char from[MONTH_BUF], to[MONTH_BUF];
    int64_t sum;

    if (st != NULL) {
        month_format(year * 12, from);
        month_format(year * 12 + 11, to);
        db_bind_int(st, 1, member);
        db_bind_text(st, 2, from);
        db_bind_text(st, 3, to);
    }
    if (db_scalar(db, st, &sum, _("reading the attendance"), e)) {
        return -1;
    }
    *days = (int)sum;
    return 0;
}

/* --- grades --------------------------------------------------------------- */

REC_GET(grade, struct team_grade, grade_def)

/* The grade G is within what its member's absences of its year allow. */
static int
grade_allowed(const struct rec_job *j, const struct team_grade *g)
{
    struct team_member m;
    const char *cap;
    int absent, rc;

    team_member_init(&m);
    rc = rec_get(j->db, &member_def, g->member_id, &m, j->e) ||
         db_member_absences(j->db, g->member_id, g->year, &absent, j->e);
    team_member_clear(&m);
    if (rc) {
        return -1;
    }
    cap = grade_ceiling(rules_in_force(j->ctx, g->year), absent);
    if (!grade_within(rule_codes(j->ctx), g->grade, cap)) {
        return err_set(j->e, ERR_RULE,
                       _("%d days absent without leave in %d: the grade can be at best %s"),
                       absent, g->year,
                       code_label(rule_codes(j->ctx), "team_grade",
                                  code_with_tag(rule_codes(j->ctx), "team_grade", cap)));
    }
    return 0;
}

static int
grade_store(const struct rec_job *j)
{
    const struct team_grade *g = j->rec;
    struct team_grade old;
    int64_t same;

    if (grade_allowed(j, g) ||
        rec_scalar(j->db, "SELECT count(*) FROM team_grade WHERE member_id = ? AND year = ?",
                   g->member_id, g->year, &same, j->e)) {
        return -1;
    }
    if (g->id == 0 && same > 0) {
        return err_set(j->e, ERR_RULE, _("the grade of %d is already recorded; edit that one"),
                       g->year);
    }
    team_grade_init(&old);
    return rec_store(j, &grade_def, &old, clear_grade, _("this grade"));
}

int
db_grade_save(struct db *db, const struct rule_ctx *ctx,
              const struct actor *a, struct team_grade *g, struct err *e)
{
    const struct rec_job j = {db, ctx, a, g, e};

    if (rec_county_only(a, _("partners, pairings, agreements and grades are kept by county staff"),
                        e) ||
        team_grade_check(g, rule_codes(ctx), e)) {
        return -1;
    }
    return rec_save_tx(&grade_def, g, grade_store, &j);
}

int
db_grade_list(struct db *db, int64_t member, struct team_grade **v,
              size_t *n, struct err *e)
{
    return rec_list(db, &grade_def, "g",
                    " FROM team_grade g WHERE g.member_id = ? ORDER BY g.year DESC",
                    member, sizeof(**v), (void **)v, n, _("reading the grades"), e);
}

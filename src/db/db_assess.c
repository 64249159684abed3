/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_assess.c - assessment rounds, their units, scores, sheets, ranking,
 * finalizing and reopening (see db_assess.h).
 */
#include "config.h"
#include "db/db_assess.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/policy.h"
#include "core/role.h"
#include "core/rules.h"
#include "db/db_audit.h"
#include "db/db_priv.h"
#include "db/db_rec.h"
#include "util/array.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/names.h"
#include "util/sbuf.h"
#include "util/u8.h"
#include "util/xalloc.h"

void
assess_round_clear(struct assess_round *r)
{
    free(r->template_text);
    memset(r, 0, sizeof(*r));
}

void
assess_sheet_clear(struct assess_sheet *s)
{
    free(s->v);
    free(s->ind);
    memset(s, 0, sizeof(*s));
}

/* Rounds are the county's. */
static int
county_only(const struct actor *a, struct err *e)
{
    if (rec_may_write(a, e)) {
        return -1;
    }
    if (a->role != ROLE_ADMIN && a->role != ROLE_COUNTY) {
        return err_set(e, ERR_DENIED, "%s", _("assessment rounds are kept by county staff"));
    }
    return 0;
}

/* --- units ------------------------------------------------------------------ */

static const char *const unit_names[] = {"township", "village", "team", "partner"};

static const struct enum_names units = {unit_names, NULL, ARRAY_SIZE(unit_names)};

const char *
assess_unit_name(enum assess_unit_kind k)
{
    return enum_name(&units, k);
}

int
assess_unit_parse(const char *name, enum assess_unit_kind *k)
{
    int v;

    if (enum_parse(&units, name, &v)) {
        return -1;
    }
    *k = (enum assess_unit_kind)v;
    return 0;
}

/* --- making a round --------------------------------------------------- */

/* Every unit of KIND the actor sees, by code: townships and villages from
 * the divisions, teams and partners from their tables. */
static int
all_units(struct db *db, const struct actor *a, enum assess_unit_kind kind,
          struct assess_unit_row **v, size_t *n, struct err *e);

static int
add_unit(struct db *db, int64_t round, int64_t unit, const char *name, int pos,
         struct err *e)
{
    sqlite3_stmt *st = db_prep(db,
                               "INSERT INTO assess_unit (round_id, unit_id, name, pos)"
                               " VALUES (?, ?, ?, ?)",
                               e);

    if (st == NULL) {
        return -1;
    }
    db_bind_int(st, 1, round);
    db_bind_int(st, 2, unit);
    db_bind_text(st, 3, name);
    db_bind_int(st, 4, pos);
    return db_done(db, st, e);
}

static int
round_insert(struct db *db, const struct actor *a, const struct assess_template *t,
             const char *text, int year, const char *title, int64_t *id, struct err *e)
{
    sqlite3_stmt *st = db_prep(db,
                               "INSERT INTO assess_round (template_id, template_text, unit_kind,"
                               " year, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                               e);
    char now[32];

    if (st == NULL) {
        return -1;
    }
    clock_now(now, sizeof(now));
    db_bind_text(st, 1, t->id);
    db_bind_text(st, 2, text);
    db_bind_text(st, 3, t->unit);
    db_bind_int(st, 4, year);
    db_bind_text(st, 5, title);
    db_bind_text(st, 6, now);
    db_bind_text(st, 7, now);
    if (db_done(db, st, e)) {
        return -1;
    }
    *id = sqlite3_last_insert_rowid(db->h);
    return db_audit(db, a->login, "insert", "assess_round", *id, NULL, NULL, title, e);
}

/* The units IDS (N) among ALL (the actor's), or every one of ALL. */
static int
round_units(struct db *db, int64_t round, const struct assess_unit_row *all, size_t nall,
            const int64_t *ids, size_t n, struct err *e)
{
    size_t i, k;
    int pos = 0;

    for (i = 0; i < (n > 0 ? n : nall); i++) {
        const struct assess_unit_row *u = NULL;

        for (k = 0; k < nall; k++) {
            if (n == 0 ? k == i : all[k].id == ids[i]) {
                u = &all[k];
                break;
            }
        }
        if (u == NULL) {
            return err_set(e, ERR_DENIED, "%s", _("a unit chosen does not exist or is outside your scope"));
        }
        if (add_unit(db, round, u->id, u->name, ++pos, e)) {
            return -1;
        }
    }
    return pos > 0 ? 0 : err_set(e, ERR_INVALID, "%s", _("there is no unit to assess"));
}

int
db_round_create(struct db *db, const struct rule_ctx *ctx, const struct actor *a,
                const struct assess_template *t, int year, const char *title,
                const int64_t *ids, size_t n, int64_t *id, struct err *e)
{
    enum assess_unit_kind kind;
    struct assess_unit_row *all = NULL;
    size_t nall = 0;
    char deftitle[200];
    int rc;

    (void)ctx;
    if (county_only(a, e)) {
        return -1;
    }
    if (year < 2000 || year > 2100) {
        return err_set(e, ERR_INVALID, "%s", _("the year must be from 2000 to 2100"));
    }
    if (assess_unit_parse(t->unit, &kind) != 0) {
        return err_set(e, ERR_INVALID, _("unknown unit '%s'"), t->unit);
    }
    if (title == NULL || title[0] == '\0') {
        snprintf(deftitle, sizeof(deftitle), _("%d %s"), year, t->title);
        title = deftitle;
    }
    if (t->text == NULL) {
        return err_set(e, ERR_INVALID, "%s", _("the template was not read from its file"));
    }
    if (all_units(db, a, kind, &all, &nall, e) || db_begin(db, e)) {
        free(all);
        return -1;
    }
    rc = round_insert(db, a, t, t->text, year, title, id, e) ||
         round_units(db, *id, all, nall, ids, n, e);
    free(all);
    return rec_end_tx(db, rc, e);
}

/* --- reading rounds -------------------------------------------------------- */

#define ROUND_COLS \
    "SELECT id, template_id, unit_kind, year, title, state, coalesce(finalized_by, ''), " \
    "coalesce(finalized_at, ''), version, "

static void
round_fill(sqlite3_stmt *st, void *row)
{
    struct assess_round *r = row;
    char kind[16], state[8];

    memset(r, 0, sizeof(*r));
    r->id = db_col_int(st, 0);
    db_col_text(st, 1, r->template_id, sizeof(r->template_id));
    db_col_text(st, 2, kind, sizeof(kind));
    if (assess_unit_parse(kind, &r->kind) != 0) {
        r->kind = AU_TOWNSHIP;
    }
    r->year = (int)db_col_int(st, 3);
    db_col_text(st, 4, r->title, sizeof(r->title));
    db_col_text(st, 5, state, sizeof(state));
    r->final = strcmp(state, "final") == 0;
    db_col_text(st, 6, r->finalized_by, sizeof(r->finalized_by));
    db_col_text(st, 7, r->finalized_at, sizeof(r->finalized_at));
    r->version = db_col_int(st, 8);
    r->template_text = db_col_strdup(st, 9);
}

static void
round_free(void *row)
{
    assess_round_clear(row);
}

int
db_round_get(struct db *db, int64_t id, struct assess_round *r, struct err *e)
{
    sqlite3_stmt *st = db_prep(db, ROUND_COLS "template_text FROM assess_round WHERE id = ?", e);
    int rc;

    assess_round_clear(r);
    if (st == NULL) {
        return -1;
    }
    db_bind_int(st, 1, id);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        round_fill(st, r);
    }
    sqlite3_reset(st);
    if (rc == SQLITE_ROW) {
        return 0;
    }
    return rc == SQLITE_DONE
               ? err_set(e, ERR_NOTFOUND, _("there is no assessment round #%lld"), (long long)id)
               : db_fail(db, e, _("reading the assessment rounds"));
}

int
db_round_list(struct db *db, struct assess_round **v, size_t *n, struct err *e)
{
    sqlite3_stmt *st = db_prep(db, ROUND_COLS "NULL FROM assess_round ORDER BY year DESC, id DESC",
                               e);

    return db_rows(db, st, sizeof(**v), round_fill, round_free, (void **)v, n,
                   _("reading the assessment rounds"), e);
}

void
db_round_list_free(struct assess_round *v, size_t n)
{
    free_each(v, n, sizeof(*v), round_free);
}

static void
unit_fill(sqlite3_stmt *st, void *row)
{
    struct assess_unit_row *u = row;

    u->id = db_col_int(st, 0);
    db_col_text(st, 1, u->name, sizeof(u->name));
}

int
db_round_units(struct db *db, int64_t round, struct assess_unit_row **v, size_t *n,
               struct err *e)
{
    return db_rows_of(db, "SELECT unit_id, name FROM assess_unit WHERE round_id = ? ORDER BY pos",
                      round, sizeof(**v), unit_fill, NULL, (void **)v, n,
                      _("reading the units of the round"), e);
}

static int
all_units(struct db *db, const struct actor *a, enum assess_unit_kind kind,
          struct assess_unit_row **v, size_t *n, struct err *e)
{
    static const char *const sql[] = {
        /* townships */
        "SELECT id, name, id, 0 FROM division WHERE level = 2 ORDER BY code",
        /* villages, "乡镇/村" */
        "SELECT v.id, t.name || '/' || v.name, t.id, v.id FROM division v"
        " JOIN division t ON t.id = v.parent_id WHERE v.level = 3 ORDER BY v.code",
        /* teams, "乡镇/村 队名" */
        "SELECT m.id, t.name || '/' || v.name || ' ' || m.name, m.township_id, m.village_id"
        " FROM team m JOIN division t ON t.id = m.township_id"
        " JOIN division v ON v.id = m.village_id ORDER BY t.code, v.code, m.term_start DESC",
        /* partners */
        "SELECT id, name, 0, 0 FROM partner ORDER BY kind, name",
    };
    sqlite3_stmt *st = db_prep(db, sql[kind], e);
    size_t alloc = 0;
    int rc;

    *v = NULL;
    *n = 0;
    if (st == NULL) {
        return -1;
    }
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (kind != AU_PARTNER && !actor_sees(a, db_col_int(st, 2), db_col_int(st, 3))) {
            continue;
        }
        if (*n == alloc) {
            alloc = alloc ? alloc * 2 : 16;
            *v = xrealloc(*v, alloc * sizeof(**v));
        }
        unit_fill(st, &(*v)[(*n)++]);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        free(*v);
        *v = NULL;
        *n = 0;
        return db_fail(db, e, _("reading the units"));
    }
    return 0;
}

/* --- sheets ------------------------------------------------------------------ */

/* The stored score of each line of S (given points, note...; the frozen
 * input and points when FINAL). */
static int
load_scores(struct db *db, int64_t round, struct assess_sheet *s, int final, struct err *e)
{
    sqlite3_stmt *st = db_prep(db,
                               "SELECT indicator, given, coalesce(note, ''), coalesce(evidence, ''),"
                               " coalesce(scorer, ''), coalesce(scored_at, ''), input, input_num,"
                               " input_den, is_rate, coalesce(why, ''), points, id, version"
                               " FROM assess_score WHERE round_id = ? AND unit_id = ?",
                               e);
    int rc;

    if (st == NULL) {
        return -1;
    }
    db_bind_int(st, 1, round);
    db_bind_int(st, 2, s->unit);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *code = (const char *)sqlite3_column_text(st, 0);
        size_t i;

        for (i = 0; code != NULL && i < s->n; i++) {
            struct sheet_line *l = &s->v[i];

            if (strcmp(l->ind->code, code) != 0) {
                continue;
            }
            l->score_id = db_col_int(st, 12);
            l->version = db_col_int(st, 13);
            if (sqlite3_column_type(st, 1) != SQLITE_NULL) {
                l->scored = 1;
                l->s.points_cp = db_col_int(st, 1);
            }
            db_col_text(st, 2, l->note, sizeof(l->note));
            db_col_text(st, 3, l->evidence, sizeof(l->evidence));
            db_col_text(st, 4, l->scorer, sizeof(l->scorer));
            db_col_text(st, 5, l->scored_at, sizeof(l->scored_at));
            if (final && l->computed) {
                l->in.value = db_col_int(st, 6);
                l->in.num = db_col_int(st, 7);
                l->in.den = db_col_int(st, 8);
                l->in.is_rate = (int)db_col_int(st, 9);
                db_col_text(st, 10, l->in.why, sizeof(l->in.why));
                l->s.points_cp = db_col_int(st, 11);
                l->scored = 1;
            }
        }
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : db_fail(db, e, _("reading the scores"));
}

/* The depth of indicator I of T (0 at the top). */
static int
depth_of(const struct assess_template *t, const struct assess_indicator *in)
{
    int d = 0;

    while (in != NULL && in->parent[0] != '\0' && d < 16) {
        in = assess_find(t, in->parent);
        d++;
    }
    return d;
}

/* Points of every line: computed from the input, manual as given, groups
 * the sum of their children (children come after their heading, so the
 * sums are made from the end). */
static void
sheet_points(struct assess_sheet *s)
{
    size_t i, k;

    s->total_cp = 0;
    s->deduct_cp = 0;
    s->unscored = 0;
    for (i = 0; i < s->n; i++) {
        struct sheet_line *l = &s->v[i];

        if (l->computed && !l->scored) {
            assess_compute(l->ind, l->in.value, &l->s);
        } else if (l->computed) {
            l->s.deduct_cp = l->ind->max_cp - l->s.points_cp;
        } else if (l->ind->method == AM_MANUAL || l->ind->method == AM_BONUS) {
            int64_t given = l->scored ? l->s.points_cp : 0;

            if (assess_manual(l->ind, given, &l->s) != 0) {
                memset(&l->s, 0, sizeof(l->s));
            }
            s->unscored += !l->scored && l->ind->method == AM_MANUAL;
        }
    }
    for (i = s->n; i-- > 0;) {
        struct sheet_line *l = &s->v[i];

        if (l->ind->method != AM_GROUP) {
            continue;
        }
        memset(&l->s, 0, sizeof(l->s));
        for (k = i + 1; k < s->n; k++) {
            if (strcmp(s->v[k].ind->parent, l->ind->code) == 0) {
                l->s.points_cp += s->v[k].s.points_cp;
            }
        }
        l->s.deduct_cp = l->ind->max_cp - l->s.points_cp;
    }
    for (i = 0; i < s->n; i++) {
        const struct sheet_line *l = &s->v[i];

        if (l->ind->parent[0] == '\0') {
            s->total_cp += l->s.points_cp;
        }
        if (l->ind->method != AM_GROUP && l->ind->method != AM_BONUS) {
            s->deduct_cp += l->s.deduct_cp;
        }
    }
    s->grade = assess_grade(s->t, s->total_cp);
}

static int
unit_name(struct db *db, int64_t round, int64_t unit, char *out, size_t n, struct err *e)
{
    sqlite3_stmt *st = db_prep(db, "SELECT name FROM assess_unit WHERE round_id = ? AND unit_id = ?",
                               e);
    int rc;

    if (st == NULL) {
        return -1;
    }
    db_bind_int(st, 1, round);
    db_bind_int(st, 2, unit);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        db_col_text(st, 0, out, n);
    }
    sqlite3_reset(st);
    if (rc == SQLITE_ROW) {
        return 0;
    }
    return rc == SQLITE_DONE ? err_set(e, ERR_NOTFOUND, "%s", _("the unit is not in this round"))
                             : db_fail(db, e, _("reading the units of the round"));
}

/* --- the inputs of a round ------------------------------------------------- */

/* The inputs of every unit of a round, computed in one pass and kept
 * while what they are made of stays as it was: the round, the day judged
 * and the policy, and the data's version (db_data_version), so that the
 * ranking, each sheet, the way back from a sheet and every page of a
 * report read the same inputs, computed once. */
struct round_inputs {
    int64_t round;
    int today;
    const void *policy;
    char province[16];
    struct db_version ver;
    int64_t *units;
    size_t nu;
    size_t n;                /* computed lines a unit */
    struct assess_input *in; /* nu * n, unit by unit */
    unsigned long used;
};

/* Rounds kept: the one shown and those compared with it. */
#define ROUNDS_KEPT 4

struct assess_cache {
    struct round_inputs r[ROUNDS_KEPT];
    unsigned long clock;
};

static void
round_inputs_clear(struct round_inputs *ri)
{
    free(ri->units);
    free(ri->in);
    memset(ri, 0, sizeof(*ri));
}

void
db_assess_cache_free(struct db *db)
{
    size_t i;

    if (db->assess == NULL) {
        return;
    }
    for (i = 0; i < ROUNDS_KEPT; i++) {
        round_inputs_clear(&db->assess->r[i]);
    }
    free(db->assess);
    db->assess = NULL;
}

static int
computed(const struct assess_indicator *in)
{
    return in->source[0] != '\0';
}

static size_t
ncomputed(const struct assess_template *t)
{
    size_t i, n = 0;

    for (i = 0; i < t->nind; i++) {
        n += computed(&t->ind[i]);
    }
    return n;
}

/* 1 when RI holds the inputs of round R (template T) judged in CTX on
 * data VER. */
static int
round_inputs_fresh(const struct round_inputs *ri, const struct rule_ctx *ctx,
                   const struct assess_round *r, const struct assess_template *t,
                   const struct db_version *ver)
{
    return ri->in != NULL && ri->round == r->id && ri->n == ncomputed(t) &&
           ri->today == ctx->today && ri->policy == (const void *)ctx->policy &&
           strcmp(ri->province, ctx->province != NULL ? ctx->province : "") == 0 &&
           ri->ver.others == ver->others && ri->ver.mine == ver->mine;
}

/* The stamp the inputs of round R (sources SRCS[N]) judged in CTX on the
 * data as it is now are kept under in assess_cache: every thing they are
 * made of but the data itself, and data_version's counter, which every
 * change of the data moves (schema.c, m_assess_cache). */
static int
cache_stamp(struct db *db, const struct rule_ctx *ctx, const struct assess_round *r,
            const char *const *srcs, size_t n, struct sbuf *out, struct err *e)
{
    static const char sql[] = "SELECT n FROM data_version WHERE id = 1";
    int64_t ver;
    size_t i;

    if (db_scalar(db, db_prep(db, sql, e), &ver, _("reading the data's version"), e)) {
        return -1;
    }
    sbuf_addf(out, "1 %lld %d %d %d %s %016llx %lld", (long long)r->id, r->year, (int)r->kind,
              ctx->today, ctx->province != NULL ? ctx->province : "",
              (unsigned long long)(ctx->policy != NULL ? ctx->policy->digest : 0),
              (long long)ver);
    for (i = 0; i < n; i++) {
        sbuf_addf(out, " %s", srcs[i]);
    }
    return 0;
}

/* The inputs of RI (its units and lines set) kept under STAMP: 1 when
 * all of them were, 0 when not (RI->in as it was), -1 on an error. */
static int
cache_load(struct db *db, const struct assess_round *r, const char *stamp,
           struct round_inputs *ri, struct err *e)
{
    static const char sql[] =
        "SELECT i, unit_id, is_rate, num, den, value, why FROM assess_cache"
        " WHERE round_id = ? AND stamp = ? ORDER BY i";
    sqlite3_stmt *st = db_prep(db, sql, e);
    size_t k = 0, total = ri->nu * ri->n;
    int rc;

    if (st == NULL) {
        return -1;
    }
    db_bind_int(st, 1, r->id);
    db_bind_text(st, 2, stamp);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && k < total &&
           db_col_int(st, 0) == (int64_t)k && db_col_int(st, 1) == ri->units[k / ri->n]) {
        struct assess_input *in = &ri->in[k++];

        in->is_rate = (int)db_col_int(st, 2);
        in->num = db_col_int(st, 3);
        in->den = db_col_int(st, 4);
        in->value = db_col_int(st, 5);
        db_col_text(st, 6, in->why, sizeof(in->why));
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        return db_fail(db, e, _("reading the assessment's inputs"));
    }
    return rc == SQLITE_DONE && k == total;
}

/* Keep the inputs of RI under STAMP, in place of the round's others. */
static int
cache_write(struct db *db, const struct assess_round *r, const char *stamp,
            const struct round_inputs *ri, struct err *e)
{
    static const char del[] = "DELETE FROM assess_cache WHERE round_id = ?";
    static const char ins[] =
        "INSERT INTO assess_cache (round_id, i, stamp, unit_id, is_rate, num, den, value, why)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    sqlite3_stmt *st = db_prep(db, del, e);
    size_t k;

    if (st == NULL) {
        return -1;
    }
    db_bind_int(st, 1, r->id);
    if (db_done(db, st, e)) {
        return -1;
    }
    for (k = 0; k < ri->nu * ri->n; k++) {
        const struct assess_input *in = &ri->in[k];

        if ((st = db_prep(db, ins, e)) == NULL) {
            return -1;
        }
        db_bind_int(st, 1, r->id);
        db_bind_int(st, 2, (int64_t)k);
        db_bind_text(st, 3, stamp);
        db_bind_int(st, 4, ri->units[k / ri->n]);
        db_bind_int(st, 5, in->is_rate);
        db_bind_int(st, 6, in->num);
        db_bind_int(st, 7, in->den);
        db_bind_int(st, 8, in->value);
        db_bind_text(st, 9, in->why);
        if (db_done(db, st, e)) {
            return -1;
        }
    }
    return 0;
}

/* Keep RI under STAMP when the database can be written: in the caller's
 * transaction, else in one of its own.  What is kept only saves time: a
 * failure (busy, read-only) is no error. */
static void
cache_keep(struct db *db, const struct assess_round *r, const char *stamp,
           const struct round_inputs *ri)
{
    struct err e;
    int own = !db->in_tx;

    err_clear(&e);
    if (sqlite3_db_readonly(db->h, "main") != 0 || (own && db_begin(db, &e))) {
        return;
    }
    if (cache_write(db, r, stamp, ri, &e)) {
        if (own) {
            db_rollback(db);
        }
        return;
    }
    if (own) {
        db_commit(db, &e);
    }
}

/* Compute into RI the inputs of every unit of round R (template T), or
 * read them from assess_cache when they were kept for the data as it
 * is; kept there when computed. */
static int
round_inputs_fill(struct db *db, const struct rule_ctx *ctx, const struct assess_round *r,
                  const struct assess_template *t, const struct db_version *ver,
                  struct round_inputs *ri, struct err *e)
{
    const char **srcs = xcalloc(t->nind + 1, sizeof(*srcs));
    struct assess_unit_row *u = NULL;
    struct sbuf stamp = SBUF_INIT;
    size_t i, nu = 0;
    int rc;

    round_inputs_clear(ri);
    for (i = 0; i < t->nind; i++) {
        if (computed(&t->ind[i])) {
            srcs[ri->n++] = t->ind[i].source;
        }
    }
    rc = db_round_units(db, r->id, &u, &nu, e);
    if (rc == 0) {
        ri->units = xcalloc(nu + 1, sizeof(*ri->units));
        for (i = 0; i < nu; i++) {
            ri->units[i] = u[i].id;
        }
        ri->in = xcalloc(nu * ri->n + 1, sizeof(*ri->in));
        ri->nu = nu;
        rc = cache_stamp(db, ctx, r, srcs, ri->n, &stamp, e);
    }
    if (rc == 0 && (rc = cache_load(db, r, stamp.buf, ri, e)) == 0) {
        rc = db_assess_inputs_units(db, ctx, r->kind, ri->units, nu, r->year, srcs, ri->n,
                                    ri->in, e);
        if (rc == 0) {
            cache_keep(db, r, stamp.buf, ri);
        }
    }
    free(u);
    free(srcs);
    sbuf_release(&stamp);
    if (rc < 0) {
        round_inputs_clear(ri);
        return -1;
    }
    ri->round = r->id;
    ri->today = ctx->today;
    ri->policy = ctx->policy;
    snprintf(ri->province, sizeof(ri->province), "%s",
             ctx->province != NULL ? ctx->province : "");
    ri->ver = *ver;
    return 0;
}

/* The kept inputs of round R, computed again when the data changed. */
static struct round_inputs *
round_inputs(struct db *db, const struct rule_ctx *ctx, const struct assess_round *r,
             const struct assess_template *t, struct err *e)
{
    struct db_version ver;
    struct round_inputs *ri, *oldest;
    size_t i;

    if (db_data_version(db, &ver, e)) {
        return NULL;
    }
    if (db->assess == NULL) {
        db->assess = xcalloc(1, sizeof(*db->assess));
    }
    oldest = &db->assess->r[0];
    for (i = 0; i < ROUNDS_KEPT; i++) {
        ri = &db->assess->r[i];
        if (round_inputs_fresh(ri, ctx, r, t, &ver)) {
            ri->used = ++db->assess->clock;
            return ri;
        }
        if (ri->used < oldest->used) {
            oldest = ri;
        }
    }
    if (round_inputs_fill(db, ctx, r, t, &ver, oldest, e)) {
        return NULL;
    }
    oldest->used = ++db->assess->clock;
    return oldest;
}

/* The inputs of S's computed lines: the round's, kept. */
static int
sheet_inputs(struct db *db, const struct rule_ctx *ctx, const struct assess_round *r,
             struct assess_sheet *s, struct err *e)
{
    const struct round_inputs *ri = round_inputs(db, ctx, r, s->t, e);
    size_t i, u, k = 0;

    if (ri == NULL) {
        return -1;
    }
    for (u = 0; u < ri->nu && ri->units[u] != s->unit; u++) {
    }
    if (u == ri->nu) {
        return err_set(e, ERR_NOTFOUND, "%s", _("the unit is not in this round"));
    }
    for (i = 0; i < s->n; i++) {
        if (s->v[i].computed) {
            s->v[i].in = ri->in[u * ri->n + k++];
        }
    }
    return 0;
}

/* The sheet of UNIT in round R of template T; CTX NULL: its computed
 * lines without their inputs (scoring by hand reads only its own line). */
static int
sheet_build(struct db *db, const struct rule_ctx *ctx, const struct assess_round *r,
            const struct assess_template *t, int64_t unit, struct assess_sheet *s,
            struct err *e)
{
    size_t i;

    memset(s, 0, sizeof(*s));
    s->unit = unit;
    s->t = t;
    if (unit_name(db, r->id, unit, s->unit_name, sizeof(s->unit_name), e)) {
        return -1;
    }
    s->v = xcalloc(t->nind + 1, sizeof(*s->v));
    s->ind = xcalloc(t->nind + 1, sizeof(*s->ind));
    s->n = t->nind;
    for (i = 0; i < s->n; i++) {
        struct sheet_line *l = &s->v[i];

        /* a threshold the template takes from rules.conf: the rules of
         * the round's year (55% industry share in 2022, 60% from 2023);
         * scoring by hand (no CTX: no inputs) does not judge thresholds */
        s->ind[i] = t->ind[i];
        s->ind[i].threshold_bp =
            assess_threshold(&t->ind[i], ctx != NULL ? rules_in_force(ctx, r->year) : NULL);
        l->ind = &s->ind[i];
        l->depth = depth_of(t, l->ind);
        l->computed = computed(l->ind);
    }
    if (load_scores(db, r->id, s, r->final, e)) {
        assess_sheet_clear(s);
        return -1;
    }
    if (!r->final && ctx != NULL && sheet_inputs(db, ctx, r, s, e)) {
        assess_sheet_clear(s);
        return -1;
    }
    sheet_points(s);
    return 0;
}

int
db_round_sheet(struct db *db, const struct rule_ctx *ctx, const struct assess_round *r,
               const struct assess_template *t, int64_t unit, struct assess_sheet *s,
               struct err *e)
{
    return sheet_build(db, ctx, r, t, unit, s, e);
}

/* --- scoring by hand ---------------------------------------------------------- */

static int
score_write(struct db *db, const struct actor *a, int64_t round, int64_t unit,
            const struct sheet_line *l, int64_t given_cp, const char *note,
            const char *evidence, struct err *e)
{
    sqlite3_stmt *st;
    char now[32], old[32], nw[32];

    clock_now(now, sizeof(now));
    if (l->score_id == 0) {
        st = db_prep(db,
                     "INSERT INTO assess_score (round_id, unit_id, indicator, given, note, evidence,"
                     " scorer, scored_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     e);
        if (st == NULL) {
            return -1;
        }
        db_bind_int(st, 1, round);
        db_bind_int(st, 2, unit);
        db_bind_text(st, 3, l->ind->code);
        db_bind_int(st, 4, given_cp);
        db_bind_text_or_null(st, 5, note);
        db_bind_text_or_null(st, 6, evidence);
        db_bind_text(st, 7, a->login);
        db_bind_text(st, 8, now);
        db_bind_text(st, 9, now);
        db_bind_text(st, 10, now);
    } else {
        st = db_prep(db,
                     "UPDATE assess_score SET given = ?, note = ?, evidence = ?, scorer = ?,"
                     " scored_at = ?, updated_at = ?, version = version + 1"
                     " WHERE id = ? AND version = ?",
                     e);
        if (st == NULL) {
            return -1;
        }
        db_bind_int(st, 1, given_cp);
        db_bind_text_or_null(st, 2, note);
        db_bind_text_or_null(st, 3, evidence);
        db_bind_text(st, 4, a->login);
        db_bind_text(st, 5, now);
        db_bind_text(st, 6, now);
        db_bind_int(st, 7, l->score_id);
        db_bind_int(st, 8, l->version);
    }
    if (db_done(db, st, e)) {
        return -1;
    }
    if (sqlite3_changes(db->h) == 0) {
        return err_set(e, ERR_CONFLICT, "%s",
                       _("someone else scored this indicator meanwhile; nothing was written"));
    }
    assess_points_text(l->scored ? l->s.points_cp : 0, old, sizeof(old));
    assess_points_text(given_cp, nw, sizeof(nw));
    return db_audit(db, a->login, "update", "assess_score",
                    l->score_id != 0 ? l->score_id : sqlite3_last_insert_rowid(db->h),
                    l->ind->code, l->scored ? old : NULL, nw, e);
}

static int
score_check(const struct assess_round *r, const struct sheet_line *l, int64_t given_cp,
            const char *note, const char *evidence, int64_t version, struct err *e)
{
    struct assess_score sc;
    char max[32];

    if (r->final) {
        return err_set(e, ERR_RULE, "%s",
                       _("the round is final; reopen it (with a reason) to change a score"));
    }
    if (l->ind->method != AM_MANUAL && l->ind->method != AM_BONUS) {
        return err_set(e, ERR_INVALID, _("%s is computed from the data, not scored by hand"),
                       l->ind->code);
    }
    if (assess_manual(l->ind, given_cp, &sc) != 0) {
        assess_points_text(l->ind->method == AM_BONUS ? l->ind->cap_cp : l->ind->max_cp, max,
                           sizeof(max));
        return err_set(e, ERR_INVALID,
                       l->ind->method == AM_BONUS ? _("the points of %s must be from -%s to %s")
                                                  : _("the points of %s must be from 0 to %s"),
                       l->ind->code, max, max);
    }
    if ((note == NULL || note[0] == '\0') && (sc.deduct_cp > 0 || given_cp != 0) &&
        !(l->ind->method == AM_MANUAL && sc.deduct_cp == 0)) {
        return err_set(e, ERR_INVALID, "%s",
                       _("say why in the note: points taken off or a bonus need a reason"));
    }
    if ((note != NULL && (strlen(note) > 4000 || !u8_valid(note, strlen(note)))) ||
        (evidence != NULL && (strlen(evidence) > 200 || !u8_valid(evidence, strlen(evidence))))) {
        return err_set(e, ERR_INVALID, "%s", _("the note or the evidence is too long or not text"));
    }
    if (version != l->version) {
        return err_set(e, ERR_CONFLICT, "%s",
                       _("someone else scored this indicator meanwhile; nothing was written"));
    }
    return 0;
}

int
db_score_set(struct db *db, const struct rule_ctx *ctx, const struct actor *a,
             int64_t round, const struct assess_template *t, int64_t unit,
             const char *code, int64_t given_cp,
             const char *note, const char *evidence, int64_t version,
             struct err *e)
{
    struct assess_round r;
    struct assess_sheet s;
    size_t i;
    int rc;

    memset(&r, 0, sizeof(r));
    memset(&s, 0, sizeof(s));
    if (county_only(a, e) || db_begin(db, e)) {
        return -1;
    }
    /* inside the write lock: the round's inputs are neither needed nor computed */
    (void)ctx;
    rc = db_round_get(db, round, &r, e) || sheet_build(db, NULL, &r, t, unit, &s, e);
    for (i = 0; rc == 0 && i < s.n && strcmp(s.v[i].ind->code, code) != 0; i++) {
    }
    if (rc == 0 && i == s.n) {
        rc = err_set(e, ERR_NOTFOUND, _("the template has no indicator %s"), code);
    }
    if (rc == 0) {
        rc = score_check(&r, &s.v[i], given_cp, note, evidence, version, e) ||
             score_write(db, a, round, unit, &s.v[i], given_cp, note, evidence, e);
    }
    assess_sheet_clear(&s);
    assess_round_clear(&r);
    return rec_end_tx(db, rc, e);
}

/* --- ranking ---------------------------------------------------------------------- */

static int
by_total(const void *a, const void *b)
{
    const struct assess_rank *x = a, *y = b;

    if (x->total_cp != y->total_cp) {
        return x->total_cp > y->total_cp ? -1 : 1;
    }
    return strcmp(x->name, y->name);
}

int
db_round_ranking(struct db *db, const struct rule_ctx *ctx, const struct assess_round *r,
                 const struct assess_template *t, struct assess_rank **v, size_t *n,
                 struct err *e)
{
    struct assess_unit_row *u = NULL;
    size_t nu = 0, i;
    int rc;

    *v = NULL;
    *n = 0;
    rc = db_round_units(db, r->id, &u, &nu, e);
    if (rc == 0) {
        *v = xcalloc(nu + 1, sizeof(**v));
    }
    for (i = 0; rc == 0 && i < nu; i++) {
        struct assess_sheet s;

        rc = sheet_build(db, ctx, r, t, u[i].id, &s, e);
        if (rc == 0) {
            struct assess_rank *k = &(*v)[(*n)++];

            k->unit = u[i].id;
            snprintf(k->name, sizeof(k->name), "%s", u[i].name);
            k->total_cp = s.total_cp;
            k->grade = assess_grade(t, s.total_cp);
            k->unscored = s.unscored;
            assess_sheet_clear(&s);
        }
    }
    free(u);
    if (rc != 0) {
        free(*v);
        *v = NULL;
        *n = 0;
        return -1;
    }
    qsort(*v, *n, sizeof(**v), by_total);
    for (i = 0; i < *n; i++) {
        (*v)[i].rank = i > 0 && (*v)[i].total_cp == (*v)[i - 1].total_cp ? (*v)[i - 1].rank
                                                                           : (int)i + 1;
    }
    return 0;
}

/* --- finalizing and reopening --------------------------------------------------- */

/* Store line L of UNIT as it stands (input, why, points). */
static int
freeze_line(struct db *db, int64_t round, int64_t unit, const struct sheet_line *l,
            struct err *e)
{
    sqlite3_stmt *st = db_prep(db,
                               "INSERT INTO assess_score (round_id, unit_id, indicator, input,"
                               " input_num, input_den, is_rate, why, points, created_at, updated_at)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)"
                               " ON CONFLICT (round_id, unit_id, indicator) DO UPDATE SET"
                               " input = ?4, input_num = ?5, input_den = ?6, is_rate = ?7, why = ?8,"
                               " points = ?9, updated_at = ?10",
                               e);
    char now[32];

    if (st == NULL) {
        return -1;
    }
    clock_now(now, sizeof(now));
    db_bind_int(st, 1, round);
    db_bind_int(st, 2, unit);
    db_bind_text(st, 3, l->ind->code);
    db_bind_int(st, 4, l->in.value);
    db_bind_int(st, 5, l->in.num);
    db_bind_int(st, 6, l->in.den);
    db_bind_int(st, 7, l->in.is_rate);
    db_bind_text(st, 8, l->in.why);
    db_bind_int(st, 9, l->s.points_cp);
    db_bind_text(st, 10, now);
    return db_done(db, st, e);
}

static int
set_state(struct db *db, const struct actor *a, int64_t round, int64_t version, int final,
          struct err *e)
{
    sqlite3_stmt *st = db_prep(db,
                               "UPDATE assess_round SET state = ?, finalized_by = ?, finalized_at = ?,"
                               " updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
                               e);
    char now[32];

    if (st == NULL) {
        return -1;
    }
    clock_now(now, sizeof(now));
    db_bind_text(st, 1, final ? "final" : "open");
    db_bind_text_or_null(st, 2, final ? a->login : NULL);
    db_bind_text_or_null(st, 3, final ? now : NULL);
    db_bind_text(st, 4, now);
    db_bind_int(st, 5, round);
    db_bind_int(st, 6, version);
    if (db_done(db, st, e)) {
        return -1;
    }
    return sqlite3_changes(db->h) > 0
               ? 0
               : err_set(e, ERR_CONFLICT, "%s",
                         _("someone else changed this round meanwhile; nothing was written"));
}

/* Freeze every unit's sheet; the unscored manual indicators named. */
static int
freeze_all(struct db *db, const struct rule_ctx *ctx, const struct assess_round *r,
           const struct assess_template *t, struct err *e)
{
    struct assess_unit_row *u = NULL;
    struct sbuf missing = SBUF_INIT;
    size_t nu = 0, i, k;
    int rc = db_round_units(db, r->id, &u, &nu, e), nmissing = 0;

    for (i = 0; rc == 0 && i < nu; i++) {
        struct assess_sheet s;

        if (sheet_build(db, ctx, r, t, u[i].id, &s, e)) {
            rc = -1;
            break;
        }
        for (k = 0; rc == 0 && k < s.n; k++) {
            const struct sheet_line *l = &s.v[k];

            if (l->ind->method == AM_MANUAL && !l->scored) {
                if (nmissing++ < 5) {
                    sbuf_addf(&missing, "%s%s %s", nmissing > 1 ? _(", ") : "", u[i].name,
                              l->ind->code);
                }
            } else if (l->computed) {
                rc = freeze_line(db, r->id, u[i].id, l, e);
            }
        }
        assess_sheet_clear(&s);
    }
    if (rc == 0 && nmissing > 0) {
        rc = err_set(e, ERR_RULE, _("%d indicators scored by hand have no points yet (%s%s)"),
                     nmissing, missing.buf, nmissing > 5 ? _(", ...") : "");
    }
    sbuf_release(&missing);
    free(u);
    return rc;
}

int
db_round_finalize(struct db *db, const struct rule_ctx *ctx, const struct actor *a,
                  int64_t round, const struct assess_template *t, int64_t version,
                  struct err *e)
{
    struct assess_round r;
    int rc;

    memset(&r, 0, sizeof(r));
    if (county_only(a, e) || db_begin(db, e)) {
        return -1;
    }
    rc = db_round_get(db, round, &r, e);
    if (rc == 0 && r.final) {
        rc = err_set(e, ERR_RULE, "%s", _("the round is final already"));
    }
    rc = rc || freeze_all(db, ctx, &r, t, e) || set_state(db, a, round, version, 1, e) ||
         db_audit(db, a->login, "step", "assess_round", round, "finalize", "open", "final", e);
    assess_round_clear(&r);
    return rec_end_tx(db, rc, e);
}

/* The round's note becomes the reason it was reopened, audited. */
static int
set_note(struct db *db, const struct actor *a, const struct assess_round *r, const char *reason,
         struct err *e)
{
    sqlite3_stmt *st = db_prep(db, "UPDATE assess_round SET note = ? WHERE id = ?", e);

    if (st == NULL) {
        return -1;
    }
    db_bind_text(st, 1, reason);
    db_bind_int(st, 2, r->id);
    return db_done(db, st, e) ||
                   db_audit(db, a->login, "update", "assess_round", r->id, "note", NULL, reason, e)
               ? -1
               : 0;
}

int
db_round_reopen(struct db *db, const struct actor *a, int64_t round, int64_t version,
                const char *reason, struct err *e)
{
    struct assess_round r;
    int rc;

    memset(&r, 0, sizeof(r));
    if (county_only(a, e)) {
        return -1;
    }
    if (reason == NULL || reason[0] == '\0' || strlen(reason) > 4000 ||
        !u8_valid(reason, strlen(reason))) {
        return err_set(e, ERR_INVALID, "%s", _("give the reason for reopening the round"));
    }
    if (db_begin(db, e)) {
        return -1;
    }
    rc = db_round_get(db, round, &r, e);
    if (rc == 0 && !r.final) {
        rc = err_set(e, ERR_RULE, "%s", _("the round is open already"));
    }
    rc = rc || set_state(db, a, round, version, 0, e) ||
         db_audit(db, a->login, "step", "assess_round", round, "reopen", "final", "open", e) ||
         set_note(db, a, &r, reason, e);
    assess_round_clear(&r);
    return rec_end_tx(db, rc, e);
}

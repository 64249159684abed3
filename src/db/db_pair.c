/*
 * db_pair.c - partners, pairings, agreements with their targets, records
 * of arrivals, resident teams, members, attendance and grades in the
 * database (see db_pair.h).  The records' columns are described once
 * (struct rec_def) and stored through db_rec.c; this file adds roles and
 * scope, what depends on other rows (one agreement a partner a year, a
 * member's service within the team's term, attendance within the
 * service, grades within what the absences allow) and the lists.
 */
#include "config.h"
#include "db/db_pair.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/money.h"
#include "core/policy.h"
#include "core/rules.h"
#include "db/db_priv.h"
#include "db/db_rec.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

/* --- the records' columns -------------------------------------------- */

static const struct rec_col partner_cols[] = {
    REC_COL(struct partner, kind, RC_TEXT),
    REC_COL(struct partner, name, RC_TEXT),
    REC_COL(struct partner, level, RC_TEXT),
    REC_COL(struct partner, region, RC_TEXT),
    REC_COL(struct partner, contact, RC_TEXT),
    REC_COL(struct partner, phone, RC_TEXT),
    REC_COL(struct partner, note, RC_PTEXT),
};
static const struct rec_def partner_def = REC_DEF(struct partner, "partner", partner_cols, 1);

static const struct rec_col pairing_cols[] = {
    REC_COL(struct pairing, partner_id, RC_ID),
    REC_COL(struct pairing, township_id, RC_ID),
    REC_COL(struct pairing, village_id, RC_ID),
    REC_COL_AS(struct pairing, start, "start_on", RC_DATE),
    REC_COL_AS(struct pairing, end, "end_on", RC_DATE),
    REC_COL(struct pairing, note, RC_PTEXT),
};
static const struct rec_def pairing_def = REC_DEF(struct pairing, "pairing", pairing_cols, 3);

static const struct rec_col agreement_cols[] = {
    REC_COL(struct agreement, partner_id, RC_ID),
    REC_COL(struct agreement, year, RC_INT),
    REC_COL(struct agreement, doc_no, RC_TEXT),
    REC_COL(struct agreement, signed_on, RC_DATE),
    REC_COL(struct agreement, note, RC_PTEXT),
};
static const struct rec_def agreement_def = REC_DEF(struct agreement, "agreement", agreement_cols, 1);

static const struct rec_col target_cols[] = {
    REC_COL(struct agreement_target, agreement_id, RC_ID),
    REC_COL(struct agreement_target, indicator, RC_TEXT),
    REC_COL(struct agreement_target, value, RC_FEN),
};
static const struct rec_def target_def = REC_DEF(struct agreement_target, "agreement_target", target_cols, 1);

static const struct rec_col record_cols[] = {
    REC_COL(struct pair_record, partner_id, RC_ID),
    REC_COL(struct pair_record, indicator, RC_TEXT),
    REC_COL(struct pair_record, day, RC_DATE),
    REC_COL(struct pair_record, value, RC_FEN),
    REC_COL(struct pair_record, evidence, RC_TEXT),
    REC_COL(struct pair_record, township_id, RC_ID),
    REC_COL(struct pair_record, village_id, RC_ID),
    REC_COL(struct pair_record, note, RC_PTEXT),
};
static const struct rec_def record_def = REC_DEF(struct pair_record, "pair_record", record_cols, 4);

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

/* --- helpers ------------------------------------------------------------ */

void
pair_filter_init(struct pair_filter *f)
{
    memset(f, 0, sizeof(*f));
}

static const struct codebook *
book(const struct rule_ctx *ctx)
{
    return &ctx->policy->codes;
}

/* Partners, pairings, agreements and grades are the county's. */
static int
county_only(const struct actor *a, struct err *e)
{
    if (rec_may_write(a, e)) {
        return -1;
    }
    if (a->role != ROLE_ADMIN && a->role != ROLE_COUNTY) {
        return err_set(e, ERR_DENIED, "%s",
                       _("partners, pairings, agreements and grades are kept by county staff"));
    }
    return 0;
}

/* Insert REC, or update it from what is stored (OLD, initialized by the
 * caller, freed by CLEAR). */
static int
store(struct db *db, const struct rec_def *def, const char *login, void *rec,
      void *old, void (*clear)(void *), const char *what, struct err *e)
{
    int64_t id = *(int64_t *)(void *)((char *)rec + def->id_off);
    int rc;

    if (id == 0) {
        return rec_insert(db, def, login, rec, e);
    }
    rc = rec_get(db, def, id, old, e) || rec_update(db, def, login, old, rec, what, e);
    clear(old);
    return rc;
}

/* Run SAVE in a transaction; on failure REC keeps its id and version. */
static int
in_tx(struct db *db, const struct rec_def *def, void *rec, int rc_or_begin,
      int (*save)(void *arg), void *arg, struct err *e)
{
    int64_t *idp = (int64_t *)(void *)((char *)rec + def->id_off);
    int64_t *vp = (int64_t *)(void *)((char *)rec + def->version_off);
    int64_t id = *idp, version = *vp;

    if (rc_or_begin != 0 || db_begin(db, e)) {
        return -1;
    }
    if (rec_end_tx(db, save(arg), e)) {
        *idp = id;
        *vp = version;
        return -1;
    }
    return 0;
}

struct job {
    struct db *db;
    const struct rule_ctx *ctx;
    const struct actor *a;
    void *rec;
    struct err *e;
};

static void clear_partner(void *p) { partner_clear(p); }
static void clear_pairing(void *p) { pairing_clear(p); }
static void clear_agreement(void *p) { agreement_clear(p); }
static void clear_record(void *p) { pair_record_clear(p); }
static void clear_team(void *p) { team_clear(p); }
static void clear_member(void *p) { team_member_clear(p); }
static void clear_attendance(void *p) { attendance_clear(p); }
static void clear_grade(void *p) { team_grade_clear(p); }

/* --- partners ----------------------------------------------------------- */

int
db_partner_get(struct db *db, int64_t id, struct partner *p, struct err *e)
{
    return rec_get(db, &partner_def, id, p, e);
}

static int
partner_store(void *arg)
{
    struct job *j = arg;
    struct partner *p = j->rec, old;
    sqlite3_stmt *st = db_prep(j->db, "SELECT count(*) FROM partner WHERE name = ? AND id <> ?",
                               j->e);
    int64_t same;

    if (st == NULL) {
        return -1;
    }
    db_bind_text(st, 1, p->name);
    db_bind_int(st, 2, p->id);
    same = sqlite3_step(st) == SQLITE_ROW ? db_col_int(st, 0) : 0;
    sqlite3_reset(st);
    if (same > 0) {
        return err_set(j->e, ERR_RULE, _("a partner named %s is already recorded"), p->name);
    }
    partner_init(&old);
    return store(j->db, &partner_def, j->a->login, p, &old, clear_partner,
                 _("this partner"), j->e);
}

int
db_partner_save(struct db *db, const struct rule_ctx *ctx,
                const struct actor *a, struct partner *p, struct err *e)
{
    struct job j = {db, ctx, a, p, e};

    return in_tx(db, &partner_def, p,
                 county_only(a, e) || partner_check(p, book(ctx), e), partner_store, &j, e);
}

int
db_partner_delete(struct db *db, const struct actor *a, int64_t id,
                  int64_t version, struct err *e)
{
    int64_t used;
    int rc;

    if (county_only(a, e) || db_begin(db, e)) {
        return -1;
    }
    rc = rec_scalar(db,
                    "SELECT (SELECT count(*) FROM pairing WHERE partner_id = ?1) + "
                    "(SELECT count(*) FROM agreement WHERE partner_id = ?1) + "
                    "(SELECT count(*) FROM pair_record WHERE partner_id = ?1)",
                    id, 0, &used, e);
    if (rc == 0 && used > 0) {
        rc = err_set(e, ERR_RULE, "%s",
                     _("this partner has pairings, agreements or records; delete those first"));
    }
    if (rc == 0) {
        rc = rec_delete(db, a, "DELETE FROM partner WHERE id = ? AND version = ?", "partner", id,
                        version, _("this partner"), e);
    }
    return rec_end_tx(db, rc, e);
}

int
db_partner_find(struct db *db, const char *name, int64_t *id, struct err *e)
{
    sqlite3_stmt *st = db_prep(db, "SELECT id FROM partner WHERE name = ?", e);
    int rc;

    if (st == NULL) {
        return -1;
    }
    db_bind_text(st, 1, name);
    rc = sqlite3_step(st);
    *id = rc == SQLITE_ROW ? db_col_int(st, 0) : 0;
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        return db_fail(db, e, _("reading the partners"));
    }
    return *id != 0 ? 0 : err_set(e, ERR_NOTFOUND, _("there is no partner named %s"), name);
}

/* Sums of the records by partner and indicator in YEAR, and the targets
 * of YEAR: what the partner list and the agreement list judge. */
struct tally {
    int64_t partner;
    char indicator[CODE_BUF];
    int64_t target, actual;
};

static void
tally_fill(sqlite3_stmt *st, void *row)
{
    struct tally *t = row;

    t->partner = db_col_int(st, 0);
    db_col_text(st, 1, t->indicator, sizeof(t->indicator));
    t->target = db_col_int(st, 2);
    t->actual = db_col_int(st, 3);
}

static int
tallies(struct db *db, int year, int64_t partner, struct tally **v, size_t *n,
        struct err *e)
{
    static const char sql[] =
        "SELECT partner_id, indicator, sum(target), sum(actual) FROM ("
        " SELECT a.partner_id, t.indicator, t.value AS target, 0 AS actual"
        " FROM agreement_target t JOIN agreement a ON a.id = t.agreement_id"
        " WHERE a.year = ?1 AND (?2 = 0 OR a.partner_id = ?2)"
        " UNION ALL"
        " SELECT partner_id, indicator, 0, value FROM pair_record"
        " WHERE day BETWEEN ?3 AND ?4 AND (?2 = 0 OR partner_id = ?2))"
        " GROUP BY partner_id, indicator ORDER BY partner_id, indicator";
    sqlite3_stmt *st = db_prep(db, sql, e);
    char from[16], to[16];

    if (st != NULL) {
        snprintf(from, sizeof(from), "%04d-01-01", year);
        snprintf(to, sizeof(to), "%04d-12-31", year);
        db_bind_int(st, 1, year);
        db_bind_int(st, 2, partner);
        db_bind_text(st, 3, from);
        db_bind_text(st, 4, to);
    }
    return db_rows(db, st, sizeof(**v), tally_fill, NULL, (void **)v, n,
                   _("reading the targets and records"), e);
}

/* The year the lists judge: the filter's, else this year. */
static int
judged_year(const struct rule_ctx *ctx, const struct pair_filter *f)
{
    return f->year != 0 ? f->year : date_year(ctx->today);
}

static void
partner_row_fill(sqlite3_stmt *st, void *row)
{
    struct partner_row *r = row;
    int at;

    memset(r, 0, sizeof(*r));
    at = rec_read(st, 0, &partner_def, &r->p);
    r->agreements = (int)db_col_int(st, at);
    {
        int pairs = (int)db_col_int(st, at + 1);

        if (pairs == 1) {
            rec_col_place(st, at + 2, r->paired, sizeof(r->paired));
            if (r->paired[0] == '\0') {
                snprintf(r->paired, sizeof(r->paired), "%s", _("the county"));
            }
        } else if (pairs > 1) {
            snprintf(r->paired, sizeof(r->paired), _("%d places"), pairs);
        }
    }
}

int
db_partner_list(struct db *db, const struct rule_ctx *ctx,
                const struct pair_filter *f, struct partner_row **v,
                size_t *n, struct err *e)
{
    struct sbuf sql = SBUF_INIT;
    sqlite3_stmt *st;
    struct tally *t = NULL;
    size_t nt = 0, i, k, keep = 0;
    int year = judged_year(ctx, f);
    char today[DATE_BUF];

    sbuf_adds(&sql, "SELECT ");
    rec_select(&sql, &partner_def, "p");
    sbuf_adds(&sql,
              ", (SELECT count(*) FROM agreement WHERE partner_id = p.id),"
              " (SELECT count(*) FROM pairing WHERE partner_id = p.id AND start_on <= ?2"
              "   AND (end_on IS NULL OR end_on >= ?2)),"
              " (SELECT t.name FROM pairing g JOIN division t ON t.id = g.township_id"
              "   WHERE g.partner_id = p.id AND g.start_on <= ?2"
              "   AND (g.end_on IS NULL OR g.end_on >= ?2) LIMIT 1),"
              " (SELECT v.name FROM pairing g JOIN division v ON v.id = g.village_id"
              "   WHERE g.partner_id = p.id AND g.start_on <= ?2"
              "   AND (g.end_on IS NULL OR g.end_on >= ?2) LIMIT 1)"
              " FROM partner p WHERE (?1 = '' OR p.kind = ?1) ORDER BY p.kind, p.name");
    st = db_prep_text(db, sql.buf, e);
    sbuf_release(&sql);
    if (st != NULL) {
        date_format(ctx->today, today);
        db_bind_text(st, 1, f->kind);
        db_bind_text(st, 2, today);
    }
    if (db_rows(db, st, sizeof(**v), partner_row_fill, NULL, (void **)v, n,
                _("reading the partners"), e) ||
        tallies(db, year, 0, &t, &nt, e)) {
        free(*v);
        *v = NULL;
        return -1;
    }
    for (i = 0; i < *n; i++) {
        struct partner_row *r = &(*v)[i];

        for (k = 0; k < nt; k++) {
            struct pair_progress pp;

            if (t[k].partner != r->p.id) {
                continue;
            }
            if (code_is(book(ctx), "pair_indicator", t[k].indicator, "aid")) {
                r->aid_year += t[k].actual;
            }
            pair_progress(t[k].target, t[k].actual, year, ctx->today, &pp);
            r->short_targets += pp.status == PST_SHORT || pp.status == PST_BEHIND;
        }
        if (!f->flagged || r->short_targets > 0) {
            (*v)[keep++] = *r;
        }
    }
    *n = keep;
    free(t);
    return 0;
}

/* --- pairings ------------------------------------------------------------- */

int
db_pairing_get(struct db *db, int64_t id, struct pairing *p, struct err *e)
{
    return rec_get(db, &pairing_def, id, p, e);
}

static int
pairing_store(void *arg)
{
    struct job *j = arg;
    struct pairing *p = j->rec, old;

    pairing_init(&old);
    if (p->township_id != 0 && rec_check_place(j->db, p->township_id, p->village_id, j->e)) {
        return -1;
    }
    return store(j->db, &pairing_def, j->a->login, p, &old, clear_pairing, _("this pairing"),
                 j->e);
}

int
db_pairing_save(struct db *db, const struct rule_ctx *ctx,
                const struct actor *a, struct pairing *p, struct err *e)
{
    struct job j = {db, ctx, a, p, e};

    return in_tx(db, &pairing_def, p, county_only(a, e) || pairing_check(p, e),
                 pairing_store, &j, e);
}

int
db_pairing_delete(struct db *db, const struct actor *a, int64_t id,
                  int64_t version, struct err *e)
{
    if (county_only(a, e) || db_begin(db, e)) {
        return -1;
    }
    return rec_end_tx(db,
                      rec_delete(db, a, "DELETE FROM pairing WHERE id = ? AND version = ?",
                                 "pairing", id, version, _("this pairing"), e),
                      e);
}

static void
pairing_row_fill(sqlite3_stmt *st, void *row)
{
    struct pairing_row *r = row;
    int at;

    memset(r, 0, sizeof(*r));
    at = rec_read(st, 0, &pairing_def, &r->p);
    rec_col_place(st, at, r->place, sizeof(r->place));
}

int
db_pairing_list(struct db *db, int64_t partner, struct pairing_row **v,
                size_t *n, struct err *e)
{
    struct sbuf sql = SBUF_INIT;
    sqlite3_stmt *st;

    sbuf_adds(&sql, "SELECT ");
    rec_select(&sql, &pairing_def, "g");
    sbuf_adds(&sql, ", t.name, v.name FROM pairing g LEFT JOIN division t ON t.id = g.township_id"
                    " LEFT JOIN division v ON v.id = g.village_id WHERE g.partner_id = ?"
                    " ORDER BY g.start_on DESC, g.id");
    st = db_prep_text(db, sql.buf, e);
    sbuf_release(&sql);
    if (st != NULL) {
        db_bind_int(st, 1, partner);
    }
    return db_rows(db, st, sizeof(**v), pairing_row_fill, NULL, (void **)v, n,
                   _("reading the pairings"), e);
}

/* --- agreements and their targets -------------------------------------- */

void
agreement_full_clear(struct agreement_full *f)
{
    agreement_clear(&f->a);
    free(f->t);
    f->t = NULL;
    f->nt = 0;
}

static void
target_fill(sqlite3_stmt *st, void *row)
{
    memset(row, 0, sizeof(struct agreement_target));
    rec_read(st, 0, &target_def, row);
}

static int
targets_of(struct db *db, int64_t agreement, struct agreement_target **v, size_t *n,
           struct err *e)
{
    struct sbuf sql = SBUF_INIT;
    sqlite3_stmt *st;

    sbuf_adds(&sql, "SELECT ");
    rec_select(&sql, &target_def, "t");
    sbuf_adds(&sql, " FROM agreement_target t WHERE t.agreement_id = ? ORDER BY t.indicator");
    st = db_prep_text(db, sql.buf, e);
    sbuf_release(&sql);
    if (st != NULL) {
        db_bind_int(st, 1, agreement);
    }
    return db_rows(db, st, sizeof(**v), target_fill, NULL, (void **)v, n,
                   _("reading the targets"), e);
}

int
db_agreement_get(struct db *db, int64_t id, struct agreement_full *f,
                 struct err *e)
{
    agreement_full_clear(f);
    if (rec_get(db, &agreement_def, id, &f->a, e) || targets_of(db, id, &f->t, &f->nt, e)) {
        agreement_full_clear(f);
        return -1;
    }
    return 0;
}

int
db_agreement_find(struct db *db, int64_t partner, int year, int64_t *id,
                  struct err *e)
{
    if (rec_scalar(db, "SELECT id FROM agreement WHERE partner_id = ? AND year = ?", partner,
                   year, id, e)) {
        return -1;
    }
    return *id != 0 ? 0 : err_set(e, ERR_NOTFOUND, _("there is no agreement for %d"), year);
}

/* The stored target of INDICATOR among V (N), or NULL. */
static struct agreement_target *
target_find(struct agreement_target *v, size_t n, const char *indicator)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (strcmp(v[i].indicator, indicator) == 0) {
            return &v[i];
        }
    }
    return NULL;
}

/* Bring the stored targets to F's: insert, update, delete, each audited. */
static int
targets_store(struct db *db, const struct actor *a, struct agreement_full *f, struct err *e)
{
    struct agreement_target *old = NULL, *o;
    size_t nold = 0, i;
    int rc = targets_of(db, f->a.id, &old, &nold, e);

    for (i = 0; rc == 0 && i < f->nt; i++) {
        struct agreement_target *t = &f->t[i];

        t->agreement_id = f->a.id;
        o = target_find(old, nold, t->indicator);
        if (o == NULL && t->value > 0) {
            t->id = 0;
            rc = rec_insert(db, &target_def, a->login, t, e);
        } else if (o != NULL && t->value > 0 && o->value != t->value) {
            t->id = o->id;
            t->version = o->version;
            rc = rec_update(db, &target_def, a->login, o, t, _("this agreement"), e);
        } else if (o != NULL) {
            t->id = o->id;
            t->version = o->version;
        }
    }
    for (i = 0; rc == 0 && i < nold; i++) {
        struct agreement_target *t = target_find(f->t, f->nt, old[i].indicator);

        if (t == NULL || t->value == 0) {
            rc = rec_delete(db, a, "DELETE FROM agreement_target WHERE id = ? AND version = ?",
                            "agreement_target", old[i].id, old[i].version,
                            _("this agreement"), e);
        }
    }
    free(old);
    return rc;
}

static int
agreement_store(void *arg)
{
    struct job *j = arg;
    struct agreement_full *f = j->rec;
    struct agreement old;
    int64_t same;
    size_t i, k;

    for (i = 0; i < f->nt; i++) {
        if (target_check(&f->t[i], book(j->ctx), j->e)) {
            return -1;
        }
        for (k = 0; k < i; k++) {
            if (strcmp(f->t[k].indicator, f->t[i].indicator) == 0) {
                return err_set(j->e, ERR_INVALID, _("the target for %s is given twice"),
                               code_label(book(j->ctx), "pair_indicator", f->t[i].indicator));
            }
        }
    }
    if (rec_scalar(j->db, "SELECT count(*) FROM agreement WHERE partner_id = ? AND year = ?",
                   f->a.partner_id, f->a.year, &same, j->e)) {
        return -1;
    }
    if (f->a.id == 0 && same > 0) {
        return err_set(j->e, ERR_RULE,
                       _("the partner's agreement for %d is already recorded; edit that one"),
                       f->a.year);
    }
    agreement_init(&old);
    if (store(j->db, &agreement_def, j->a->login, &f->a, &old, clear_agreement,
              _("this agreement"), j->e)) {
        return -1;
    }
    return targets_store(j->db, j->a, f, j->e);
}

int
db_agreement_save(struct db *db, const struct rule_ctx *ctx,
                  const struct actor *a, struct agreement_full *f,
                  struct err *e)
{
    struct job j = {db, ctx, a, f, e};

    return in_tx(db, &agreement_def, &f->a,
                 county_only(a, e) || agreement_check(&f->a, ctx->today, e), agreement_store,
                 &j, e);
}

int
db_agreement_delete(struct db *db, const struct actor *a, int64_t id,
                    int64_t version, struct err *e)
{
    int rc;

    if (county_only(a, e) || db_begin(db, e)) {
        return -1;
    }
    rc = rec_delete(db, a, "DELETE FROM agreement WHERE id = ? AND version = ?", "agreement",
                    id, version, _("this agreement"), e);
    return rec_end_tx(db, rc, e);
}

static void
agreement_row_fill(sqlite3_stmt *st, void *row)
{
    struct agreement_row *r = row;
    int at;

    memset(r, 0, sizeof(*r));
    at = rec_read(st, 0, &agreement_def, &r->a);
    db_col_text(st, at, r->partner, sizeof(r->partner));
    db_col_text(st, at + 1, r->kind, sizeof(r->kind));
}

int
db_agreement_list(struct db *db, const struct rule_ctx *ctx,
                  const struct pair_filter *f, struct agreement_row **v,
                  size_t *n, struct err *e)
{
    struct sbuf sql = SBUF_INIT;
    sqlite3_stmt *st;
    size_t i, keep = 0;

    sbuf_adds(&sql, "SELECT ");
    rec_select(&sql, &agreement_def, "a");
    sbuf_adds(&sql, ", p.name, p.kind FROM agreement a JOIN partner p ON p.id = a.partner_id"
                    " WHERE (?1 = 0 OR a.year = ?1) AND (?2 = 0 OR a.partner_id = ?2)"
                    " AND (?3 = '' OR p.kind = ?3) ORDER BY a.year DESC, p.kind, p.name");
    st = db_prep_text(db, sql.buf, e);
    sbuf_release(&sql);
    if (st != NULL) {
        db_bind_int(st, 1, f->year);
        db_bind_int(st, 2, f->partner_id);
        db_bind_text(st, 3, f->kind);
    }
    if (db_rows(db, st, sizeof(**v), agreement_row_fill, NULL, (void **)v, n,
                _("reading the agreements"), e)) {
        return -1;
    }
    for (i = 0; i < *n; i++) {
        struct agreement_row *r = &(*v)[i];
        struct progress_row *p;
        size_t np, k;

        if (db_pair_progress(db, ctx, r->a.partner_id, r->a.year, &p, &np, e)) {
            free(*v);
            *v = NULL;
            return -1;
        }
        for (k = 0; k < np; k++) {
            r->targets += p[k].p.status != PST_NO_TARGET;
            r->met += p[k].p.status == PST_MET;
            r->short_ += p[k].p.status == PST_SHORT;
            r->behind += p[k].p.status == PST_BEHIND;
        }
        free(p);
        if (!f->flagged || r->short_ + r->behind > 0) {
            (*v)[keep++] = *r;
        }
    }
    *n = keep;
    return 0;
}

/* The position of CODE in the pair_indicator table (unknown codes last). */
static size_t
indicator_pos(const struct codebook *cb, const char *code)
{
    const struct code_table *t = codebook_table(cb, "pair_indicator");
    size_t i;

    for (i = 0; t != NULL && i < t->n; i++) {
        if (strcmp(t->v[i].code, code) == 0) {
            return i;
        }
    }
    return (size_t)-1;
}

int
db_pair_progress(struct db *db, const struct rule_ctx *ctx, int64_t partner,
                 int year, struct progress_row **v, size_t *n,
                 struct err *e)
{
    static const char count_sql[] =
        "SELECT count(*) FROM pair_record WHERE partner_id = ? AND indicator = ? "
        "AND day BETWEEN ? AND ?";
    const struct code_table *ct = codebook_table(book(ctx), "pair_indicator");
    struct tally *t = NULL;
    size_t nt = 0, i, k = 0, j;
    char from[16], to[16];

    *v = NULL;
    *n = 0;
    if (tallies(db, year, partner, &t, &nt, e)) {
        return -1;
    }
    *v = xcalloc(nt + 1, sizeof(**v));
    snprintf(from, sizeof(from), "%04d-01-01", year);
    snprintf(to, sizeof(to), "%04d-12-31", year);
    /* in the order of the code table, then the codes it does not know */
    for (j = 0; j <= (ct != NULL ? ct->n : 0); j++) {
        for (i = 0; i < nt; i++) {
            size_t pos = indicator_pos(book(ctx), t[i].indicator);
            sqlite3_stmt *st;
            struct progress_row *r;

            if (ct != NULL && j < ct->n ? pos != j : pos != (size_t)-1) {
                continue;
            }
            r = &(*v)[k++];
            snprintf(r->indicator, sizeof(r->indicator), "%s", t[i].indicator);
            pair_progress(t[i].target, t[i].actual, year, ctx->today, &r->p);
            st = db_prep(db, count_sql, e);
            if (st == NULL) {
                free(t);
                free(*v);
                *v = NULL;
                return -1;
            }
            db_bind_int(st, 1, partner);
            db_bind_text(st, 2, t[i].indicator);
            db_bind_text(st, 3, from);
            db_bind_text(st, 4, to);
            r->records = sqlite3_step(st) == SQLITE_ROW ? (int)db_col_int(st, 0) : 0;
            sqlite3_reset(st);
        }
    }
    *n = k;
    free(t);
    return 0;
}

/* --- records of arrivals --------------------------------------------------- */

int
db_pair_record_get(struct db *db, int64_t id, struct pair_record *r,
                   struct err *e)
{
    return rec_get(db, &record_def, id, r, e);
}

/* The county keeps every record; a township's staff those of their own
 * township (with the place given). */
static int
may_keep_record(const struct actor *a, int64_t township, int64_t village, struct err *e)
{
    if (rec_may_write(a, e)) {
        return -1;
    }
    if (a->role == ROLE_ADMIN || a->role == ROLE_COUNTY) {
        return 0;
    }
    if (township == 0) {
        return err_set(e, ERR_DENIED, "%s",
                       _("records for the county as a whole are kept by county staff; give your township"));
    }
    return rec_may_change_place(a, township, village, e);
}

static int
record_store(void *arg)
{
    struct job *j = arg;
    struct pair_record *r = j->rec, old;
    int rc;

    pair_record_init(&old);
    if (r->township_id != 0 && rec_check_place(j->db, r->township_id, r->village_id, j->e)) {
        return -1;
    }
    if (r->id != 0) {
        /* the record as stored must be the actor's to change, too */
        rc = rec_get(j->db, &record_def, r->id, &old, j->e) ||
             may_keep_record(j->a, old.township_id, old.village_id, j->e);
        pair_record_clear(&old);
        if (rc) {
            return -1;
        }
    }
    return store(j->db, &record_def, j->a->login, r, &old, clear_record, _("this record"),
                 j->e);
}

int
db_pair_record_save(struct db *db, const struct rule_ctx *ctx,
                    const struct actor *a, struct pair_record *r,
                    struct err *e)
{
    struct job j = {db, ctx, a, r, e};

    return in_tx(db, &record_def, r,
                 may_keep_record(a, r->township_id, r->village_id, e) ||
                     pair_record_check(r, book(ctx), ctx->today, e),
                 record_store, &j, e);
}

int
db_pair_record_delete(struct db *db, const struct actor *a, int64_t id,
                      int64_t version, struct err *e)
{
    struct pair_record old;
    int rc;

    if (rec_may_write(a, e) || db_begin(db, e)) {
        return -1;
    }
    pair_record_init(&old);
    rc = rec_get(db, &record_def, id, &old, e) ||
         may_keep_record(a, old.township_id, old.village_id, e) ||
         rec_delete(db, a, "DELETE FROM pair_record WHERE id = ? AND version = ?",
                    "pair_record", id, version, _("this record"), e);
    pair_record_clear(&old);
    return rec_end_tx(db, rc, e);
}

static void
record_row_fill(sqlite3_stmt *st, void *row)
{
    struct record_row *r = row;
    int at;

    memset(r, 0, sizeof(*r));
    at = rec_read(st, 0, &record_def, &r->r);
    db_col_text(st, at, r->partner, sizeof(r->partner));
    rec_col_place(st, at + 1, r->place, sizeof(r->place));
}

int
db_pair_record_list(struct db *db, const struct actor *a,
                    const struct pair_filter *f, struct record_row **v,
                    size_t *n, struct err *e)
{
    struct sbuf sql = SBUF_INIT;
    sqlite3_stmt *st;
    char from[16], to[16];

    (void)a;    /* what arrived is no one's personal data: everyone reads it all */
    sbuf_adds(&sql, "SELECT ");
    rec_select(&sql, &record_def, "r");
    sbuf_adds(&sql, ", p.name, t.name, v.name FROM pair_record r"
                    " JOIN partner p ON p.id = r.partner_id"
                    " LEFT JOIN division t ON t.id = r.township_id"
                    " LEFT JOIN division v ON v.id = r.village_id"
                    " WHERE (?1 = 0 OR r.day BETWEEN ?2 AND ?3) AND (?4 = 0 OR r.partner_id = ?4)"
                    " AND (?5 = '' OR r.indicator = ?5) AND (?6 = 0 OR r.township_id = ?6)"
                    " AND (?7 = 0 OR r.village_id = ?7) ORDER BY r.day DESC, r.id DESC");
    st = db_prep_text(db, sql.buf, e);
    sbuf_release(&sql);
    if (st != NULL) {
        snprintf(from, sizeof(from), "%04d-01-01", f->year);
        snprintf(to, sizeof(to), "%04d-12-31", f->year);
        db_bind_int(st, 1, f->year);
        db_bind_text(st, 2, from);
        db_bind_text(st, 3, to);
        db_bind_int(st, 4, f->partner_id);
        db_bind_text(st, 5, f->kind);
        db_bind_int(st, 6, f->township_id);
        db_bind_int(st, 7, f->village_id);
    }
    return db_rows(db, st, sizeof(**v), record_row_fill, NULL, (void **)v, n,
                   _("reading the records"), e);
}

/* --- resident teams ----------------------------------------------------------- */

int
db_team_get(struct db *db, int64_t id, struct team *t, struct err *e)
{
    return rec_get(db, &team_def, id, t, e);
}

static int
team_store(void *arg)
{
    struct job *j = arg;
    struct team *t = j->rec, old;
    int64_t outside;
    char from[DATE_BUF], to[DATE_BUF];
    sqlite3_stmt *st;
    int rc;

    if (rec_check_place(j->db, t->township_id, t->village_id, j->e)) {
        return -1;
    }
    team_init(&old);
    if (t->id != 0) {
        rc = rec_get(j->db, &team_def, t->id, &old, j->e) ||
             rec_may_change_place(j->a, old.township_id, old.village_id, j->e);
        team_clear(&old);
        if (rc) {
            return -1;
        }
        /* the members' service stays within the term */
        st = db_prep(j->db,
                     "SELECT count(*) FROM team_member WHERE team_id = ?1 AND (start_on < ?2"
                     " OR (?3 IS NOT NULL AND (end_on IS NULL OR end_on > ?3)))",
                     j->e);
        if (st == NULL) {
            return -1;
        }
        date_format(t->term_start, from);
        date_format(t->term_end, to);
        db_bind_int(st, 1, t->id);
        db_bind_text(st, 2, from);
        db_bind_text_or_null(st, 3, to);
        outside = sqlite3_step(st) == SQLITE_ROW ? db_col_int(st, 0) : 0;
        sqlite3_reset(st);
        if (outside > 0) {
            return err_set(j->e, ERR_RULE,
                           _("%lld members served outside that term; change their dates first"),
                           (long long)outside);
        }
    }
    return store(j->db, &team_def, j->a->login, t, &old, clear_team, _("this team"), j->e);
}

int
db_team_save(struct db *db, const struct rule_ctx *ctx,
             const struct actor *a, struct team *t, struct err *e)
{
    struct job j = {db, ctx, a, t, e};

    return in_tx(db, &team_def, t,
                 rec_may_change_place(a, t->township_id, t->village_id, e) || team_check(t, e),
                 team_store, &j, e);
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
    team_init(&old);
    rc = rec_get(db, &team_def, id, &old, e) ||
         rec_may_change_place(a, old.township_id, old.village_id, e) ||
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
    int at;

    memset(r, 0, sizeof(*r));
    at = rec_read(st, 0, &team_def, &r->t);
    rec_col_place(st, at, r->place, sizeof(r->place));
    r->members = (int)db_col_int(st, at + 2);
    db_col_text(st, at + 3, r->secretary, sizeof(r->secretary));
    {
        char m[MONTH_BUF];

        db_col_text(st, at + 4, m, sizeof(m));
        if (month_parse(m, &r->month) != DATE_OK) {
            r->month = 0;
        }
    }
}

int
db_team_list(struct db *db, const struct rule_ctx *ctx,
             const struct actor *a, const struct pair_filter *f,
             struct team_row **v, size_t *n, struct err *e)
{
    struct sbuf sql = SBUF_INIT;
    sqlite3_stmt *st;
    char today[DATE_BUF], month[MONTH_BUF] = "";
    size_t i, keep = 0;

    sbuf_adds(&sql, "SELECT ");
    rec_select(&sql, &team_def, "m");
    sbuf_adds(&sql,
              ", t.name, v.name,"
              " (SELECT count(*) FROM team_member x WHERE x.team_id = m.id AND x.start_on <= ?1"
              "   AND (x.end_on IS NULL OR x.end_on >= ?1)),"
              " (SELECT x.name FROM team_member x WHERE x.team_id = m.id AND x.start_on <= ?1"
              "   AND (x.end_on IS NULL OR x.end_on >= ?1) AND x.role = ?5 LIMIT 1),"
              " CASE WHEN ?4 <> '' THEN ?4 ELSE (SELECT max(d.month) FROM attendance d"
              "   JOIN team_member x ON x.id = d.member_id WHERE x.team_id = m.id) END"
              " FROM team m JOIN division t ON t.id = m.township_id"
              " JOIN division v ON v.id = m.village_id"
              " WHERE (?2 = 0 OR m.township_id = ?2) AND (?3 = 0 OR m.village_id = ?3)"
              " ORDER BY t.code, v.code, m.term_start DESC");
    st = db_prep_text(db, sql.buf, e);
    sbuf_release(&sql);
    if (st != NULL) {
        const char *sec = code_with_tag(book(ctx), "team_role", "secretary");

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
        const struct rules *rl = rules_in_force(ctx, date_year(ctx->today));

        if (!actor_sees(a, r->t.township_id, r->t.village_id)) {
            continue;
        }
        if (r->members < rl->team_min_members) {
            r->flags |= TF_SMALL;
        }
        if (r->secretary[0] == '\0') {
            r->flags |= TF_NO_SECRETARY;
        }
        if (r->t.term_end != DATE_NONE &&
            date_add_months(r->t.term_start, 12 * rl->team_min_term_years) > r->t.term_end + 1) {
            r->flags |= TF_SHORT_TERM;
        }
        if (r->month != 0) {
            struct pair_filter af;
            struct attendance_row *ar;
            size_t na, k;

            pair_filter_init(&af);
            af.month = r->month;
            if (db_attendance_list(db, ctx, a, &af, r->t.id, &ar, &na, e)) {
                free(*v);
                *v = NULL;
                return -1;
            }
            for (k = 0; k < na; k++) {
                r->att_broken += ar[k].j.flags != 0;
            }
            free(ar);
            if (r->att_broken > 0) {
                r->flags |= TF_ATTENDANCE;
            }
        }
        if (!f->flagged || r->flags != 0) {
            (*v)[keep++] = *r;
        }
    }
    *n = keep;
    return 0;
}

/* --- members ------------------------------------------------------------------ */

int
db_member_get(struct db *db, int64_t id, struct team_member *m,
              struct err *e)
{
    return rec_get(db, &member_def, id, m, e);
}

/* The team of member M, and that A may change it. */
static int
member_team(struct db *db, const struct actor *a, int64_t team_id, struct team *t,
            struct err *e)
{
    team_init(t);
    return rec_get(db, &team_def, team_id, t, e) ||
                   rec_may_change_place(a, t->township_id, t->village_id, e)
               ? -1
               : 0;
}

static int
member_store(void *arg)
{
    struct job *j = arg;
    struct team_member *m = j->rec, old;
    struct team t;
    const char *sec = code_with_tag(book(j->ctx), "team_role", "secretary");
    char s[DATE_BUF], en[DATE_BUF];
    sqlite3_stmt *st;
    int64_t others;
    int rc;

    if (member_team(j->db, j->a, m->team_id, &t, j->e)) {
        team_clear(&t);
        return -1;
    }
    rc = m->start < t.term_start ||
         (t.term_end != DATE_NONE && (m->start > t.term_end ||
                                      (m->end != DATE_NONE && m->end > t.term_end)));
    if (rc) {
        date_format(t.term_start, s);
        date_format(t.term_end, en);
        err_set(j->e, ERR_RULE, _("a member serves within the team's term (%s to %s)"), s,
                en[0] ? en : _("no end date"));
    }
    team_clear(&t);
    if (rc) {
        return -1;
    }
    if (sec != NULL && strcmp(m->role, sec) == 0) {
        st = db_prep(j->db,
                     "SELECT count(*) FROM team_member WHERE team_id = ?1 AND role = ?2"
                     " AND id <> ?3 AND start_on <= coalesce(?5, '9999-12-31')"
                     " AND coalesce(end_on, '9999-12-31') >= ?4",
                     j->e);
        if (st == NULL) {
            return -1;
        }
        date_format(m->start, s);
        date_format(m->end, en);
        db_bind_int(st, 1, m->team_id);
        db_bind_text(st, 2, sec);
        db_bind_int(st, 3, m->id);
        db_bind_text(st, 4, s);
        db_bind_text_or_null(st, 5, en);
        others = sqlite3_step(st) == SQLITE_ROW ? db_col_int(st, 0) : 0;
        sqlite3_reset(st);
        if (others > 0) {
            return err_set(j->e, ERR_RULE, "%s",
                           _("the team has another 第一书记 serving then; give the date the other one left first"));
        }
    }
    team_member_init(&old);
    return store(j->db, &member_def, j->a->login, m, &old, clear_member, _("this member"),
                 j->e);
}

int
db_member_save(struct db *db, const struct rule_ctx *ctx,
               const struct actor *a, struct team_member *m,
               struct err *e)
{
    struct job j = {db, ctx, a, m, e};

    return in_tx(db, &member_def, m,
                 rec_may_write(a, e) || team_member_check(m, book(ctx), ctx->today, e),
                 member_store, &j, e);
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
    rc = rec_get(db, &member_def, id, &old, e) || member_team(db, a, old.team_id, &t, e) ||
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

static void
member_fill(sqlite3_stmt *st, void *row)
{
    memset(row, 0, sizeof(struct team_member));
    rec_read(st, 0, &member_def, row);
}

int
db_member_list(struct db *db, int64_t team, struct team_member **v,
               size_t *n, struct err *e)
{
    struct sbuf sql = SBUF_INIT;
    sqlite3_stmt *st;

    sbuf_adds(&sql, "SELECT ");
    rec_select(&sql, &member_def, "x");
    sbuf_adds(&sql, " FROM team_member x WHERE x.team_id = ?"
                    " ORDER BY x.end_on IS NOT NULL, x.role, x.start_on, x.id");
    st = db_prep_text(db, sql.buf, e);
    sbuf_release(&sql);
    if (st != NULL) {
        db_bind_int(st, 1, team);
    }
    return db_rows(db, st, sizeof(**v), member_fill, NULL, (void **)v, n,
                   _("reading the members"), e);
}

/* --- attendance and grades --------------------------------------------------- */

int
db_attendance_get(struct db *db, int64_t id, struct attendance *a,
                  struct err *e)
{
    return rec_get(db, &attendance_def, id, a, e);
}

static int
attendance_store(void *arg)
{
    struct job *j = arg;
    struct attendance *at = j->rec, old;
    struct team_member m;
    struct team t;
    char mon[MONTH_BUF];
    sqlite3_stmt *st;
    int64_t same;
    int rc;

    team_member_init(&m);
    team_init(&t);
    rc = rec_get(j->db, &member_def, at->member_id, &m, j->e) ||
         member_team(j->db, j->a, m.team_id, &t, j->e);
    if (rc == 0 && (month_last_day(at->month) < m.start ||
                    (m.end != DATE_NONE && month_first_day(at->month) > m.end))) {
        month_format(at->month, mon);
        rc = err_set(j->e, ERR_RULE, _("%s did not serve in the village in %s"), m.name, mon);
    }
    if (rc == 0 && month_first_day(at->month) > j->ctx->today) {
        rc = err_set(j->e, ERR_INVALID, "%s", _("the month has not begun yet"));
    }
    team_member_clear(&m);
    team_clear(&t);
    if (rc) {
        return -1;
    }
    st = db_prep(j->db, "SELECT count(*) FROM attendance WHERE member_id = ? AND month = ? AND id <> ?",
                 j->e);
    if (st == NULL) {
        return -1;
    }
    month_format(at->month, mon);
    db_bind_int(st, 1, at->member_id);
    db_bind_text(st, 2, mon);
    db_bind_int(st, 3, at->id);
    same = sqlite3_step(st) == SQLITE_ROW ? db_col_int(st, 0) : 0;
    sqlite3_reset(st);
    if (same > 0) {
        return err_set(j->e, ERR_RULE, _("the attendance of %s is already recorded; edit that one"),
                       mon);
    }
    attendance_init(&old);
    return store(j->db, &attendance_def, j->a->login, at, &old, clear_attendance,
                 _("this attendance record"), j->e);
}

int
db_attendance_save(struct db *db, const struct rule_ctx *ctx,
                   const struct actor *a, struct attendance *at,
                   struct err *e)
{
    struct job j = {db, ctx, a, at, e};
    const struct rules *r = rules_in_force(ctx, at->month / 12);

    return in_tx(db, &attendance_def, at,
                 rec_may_write(a, e) || attendance_check(at, book(ctx), r, ctx->today, e),
                 attendance_store, &j, e);
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
         member_team(db, a, m.team_id, &t, e) ||
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
    int at;

    memset(f, 0, sizeof(*f));
    at = rec_read(st, 0, &attendance_def, &f->r.a);
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
    struct sbuf sql = SBUF_INIT;
    sqlite3_stmt *st;
    struct att_fill *rows = NULL;
    size_t nrows = 0, i, keep = 0;
    char month[MONTH_BUF] = "";

    *v = NULL;
    *n = 0;
    sbuf_adds(&sql, "SELECT ");
    rec_select(&sql, &attendance_def, "d");
    sbuf_adds(&sql, ", x.name, x.role, m.id, m.name, t.name, v.name, x.start_on, x.end_on,"
                    " m.township_id, m.village_id"
                    " FROM attendance d JOIN team_member x ON x.id = d.member_id"
                    " JOIN team m ON m.id = x.team_id JOIN division t ON t.id = m.township_id"
                    " JOIN division v ON v.id = m.village_id"
                    " WHERE (?1 = '' OR d.month = ?1) AND (?2 = 0 OR m.id = ?2)"
                    " AND (?3 = 0 OR m.township_id = ?3) AND (?4 = 0 OR m.village_id = ?4)"
                    " ORDER BY t.code, v.code, m.id, d.month DESC, x.role, x.name");
    st = db_prep_text(db, sql.buf, e);
    sbuf_release(&sql);
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
    int rc;

    if (st == NULL) {
        return -1;
    }
    month_format(year * 12, from);
    month_format(year * 12 + 11, to);
    db_bind_int(st, 1, member);
    db_bind_text(st, 2, from);
    db_bind_text(st, 3, to);
    rc = sqlite3_step(st);
    *days = rc == SQLITE_ROW ? (int)db_col_int(st, 0) : 0;
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? 0 : db_fail(db, e, _("reading the attendance"));
}

int
db_grade_get(struct db *db, int64_t id, struct team_grade *g, struct err *e)
{
    return rec_get(db, &grade_def, id, g, e);
}

static int
grade_store(void *arg)
{
    struct job *j = arg;
    struct team_grade *g = j->rec, old;
    struct team_member m;
    const char *cap;
    int64_t same;
    int absent;
    int rc;

    team_member_init(&m);
    rc = rec_get(j->db, &member_def, g->member_id, &m, j->e) ||
         db_member_absences(j->db, g->member_id, g->year, &absent, j->e);
    team_member_clear(&m);
    if (rc) {
        return -1;
    }
    cap = grade_ceiling(rules_in_force(j->ctx, g->year), absent);
    if (!grade_within(book(j->ctx), g->grade, cap)) {
        return err_set(j->e, ERR_RULE,
                       _("%d days absent without leave in %d: the grade can be at best %s"),
                       absent, g->year,
                       code_label(book(j->ctx), "team_grade",
                                  code_with_tag(book(j->ctx), "team_grade", cap)));
    }
    if (rec_scalar(j->db, "SELECT count(*) FROM team_grade WHERE member_id = ? AND year = ?",
                   g->member_id, g->year, &same, j->e)) {
        return -1;
    }
    if (g->id == 0 && same > 0) {
        return err_set(j->e, ERR_RULE, _("the grade of %d is already recorded; edit that one"),
                       g->year);
    }
    team_grade_init(&old);
    return store(j->db, &grade_def, j->a->login, g, &old, clear_grade, _("this grade"), j->e);
}

int
db_grade_save(struct db *db, const struct rule_ctx *ctx,
              const struct actor *a, struct team_grade *g, struct err *e)
{
    struct job j = {db, ctx, a, g, e};

    return in_tx(db, &grade_def, g, county_only(a, e) || team_grade_check(g, book(ctx), e),
                 grade_store, &j, e);
}

static void
grade_fill(sqlite3_stmt *st, void *row)
{
    memset(row, 0, sizeof(struct team_grade));
    rec_read(st, 0, &grade_def, row);
}

int
db_grade_list(struct db *db, int64_t member, struct team_grade **v,
              size_t *n, struct err *e)
{
    struct sbuf sql = SBUF_INIT;
    sqlite3_stmt *st;

    sbuf_adds(&sql, "SELECT ");
    rec_select(&sql, &grade_def, "g");
    sbuf_adds(&sql, " FROM team_grade g WHERE g.member_id = ? ORDER BY g.year DESC");
    st = db_prep_text(db, sql.buf, e);
    sbuf_release(&sql);
    if (st != NULL) {
        db_bind_int(st, 1, member);
    }
    return db_rows(db, st, sizeof(**v), grade_fill, NULL, (void **)v, n,
                   _("reading the grades"), e);
}

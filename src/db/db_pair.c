/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_pair.c - partners, their pairings, yearly agreements with their
 * targets and records of arrivals in the database (see db_pair.h; the
 * resident teams are db_team.c).  The records' columns are described
 * once (struct rec_def) and stored through db_rec.c; this file adds the
 * county's role, one agreement a partner a year, each target's change
 * audited, and the lists with their progress.
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

/* --- helpers ------------------------------------------------------------ */

void
pair_filter_init(struct pair_filter *f)
{
    memset(f, 0, sizeof(*f));
}

/* Partners, pairings and agreements are the county's. */
static int
county_only(const struct actor *a, struct err *e)
{
    return rec_county_only(a, _("partners, pairings, agreements and grades are kept by county staff"),
                           e);
}

/* Delete row ID of TBL by SQL at VERSION, when the county deletes it. */
static int
county_delete(struct db *db, const struct actor *a, const char *sql, const char *tbl,
              int64_t id, int64_t version, const char *what, struct err *e)
{
    if (county_only(a, e) || db_begin(db, e)) {
        return -1;
    }
    return rec_end_tx(db, rec_delete(db, a, sql, tbl, id, version, what, e), e);
}

/* "YYYY-01-01" and "YYYY-12-31" of YEAR. */
static void
year_days(int year, char from[16], char to[16])
{
    snprintf(from, 16, "%04d-01-01", year);
    snprintf(to, 16, "%04d-12-31", year);
}

static void clear_partner(void *p) { partner_clear(p); }
static void clear_pairing(void *p) { pairing_clear(p); }
static void clear_agreement(void *p) { agreement_clear(p); }
static void clear_record(void *p) { pair_record_clear(p); }

/* --- partners ----------------------------------------------------------- */

REC_GET(partner, struct partner, partner_def)

static int
partner_store(const struct rec_job *j)
{
    const struct partner *p = j->rec;
    struct partner old;
    sqlite3_stmt *st = db_prep(j->db, "SELECT count(*) FROM partner WHERE name = ? AND id <> ?",
                               j->e);
    int64_t same;

    if (st != NULL) {
        db_bind_text(st, 1, p->name);
        db_bind_int(st, 2, p->id);
    }
    if (db_scalar(j->db, st, &same, _("reading the partners"), j->e)) {
        return -1;
    }
    if (same > 0) {
        return err_set(j->e, ERR_RULE, _("a partner named %s is already recorded"), p->name);
    }
    partner_init(&old);
    return rec_store(j, &partner_def, &old, clear_partner, _("this partner"));
}

int
db_partner_save(struct db *db, const struct rule_ctx *ctx,
                const struct actor *a, struct partner *p, struct err *e)
{
    const struct rec_job j = {db, ctx, a, p, e};

    if (county_only(a, e) || partner_check(p, rule_codes(ctx), e)) {
        return -1;
    }
    return rec_save_tx(&partner_def, p, partner_store, &j);
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

    if (st != NULL) {
        db_bind_text(st, 1, name);
    }
    if (db_scalar(db, st, id, _("reading the partners"), e)) {
        return -1;
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
        year_days(year, from, to);
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

/* Where partner row R is paired, from its count of pairings and the place
 * of one of them at column AT of ST. */
static void
paired_place(sqlite3_stmt *st, int at, struct partner_row *r)
{
    int pairs = (int)db_col_int(st, at);

    if (pairs == 1) {
        rec_col_place(st, at + 1, r->paired, sizeof(r->paired));
        if (r->paired[0] == '\0') {
            snprintf(r->paired, sizeof(r->paired), "%s", _("the county"));
        }
    } else if (pairs > 1) {
        snprintf(r->paired, sizeof(r->paired), _("%d places"), pairs);
    }
}

static void
partner_row_fill(sqlite3_stmt *st, void *row)
{
    struct partner_row *r = row;
    int at = rec_read(st, 0, &partner_def, &r->p);

    r->agreements = (int)db_col_int(st, at);
    paired_place(st, at + 1, r);
}

/* Add to the rows V (N) the money arrived and the targets short in YEAR;
 * keep only those short when FLAGGED. */
static void
partner_tally(const struct rule_ctx *ctx, int year, const struct tally *t, size_t nt,
              int flagged, struct partner_row *v, size_t *n)
{
    size_t i, k, keep = 0;

    for (i = 0; i < *n; i++) {
        struct partner_row *r = &v[i];

        for (k = 0; k < nt; k++) {
            struct pair_progress pp;

            if (t[k].partner != r->p.id) {
                continue;
            }
            if (code_is(rule_codes(ctx), "pair_indicator", t[k].indicator, "aid")) {
                r->aid_year += t[k].actual;
            }
            pair_progress(t[k].target, t[k].actual, year, ctx->today, &pp);
            r->short_targets += pp.status == PST_SHORT || pp.status == PST_BEHIND;
        }
        if (!flagged || r->short_targets > 0) {
            v[keep++] = *r;
        }
    }
    *n = keep;
}

int
db_partner_list(struct db *db, const struct rule_ctx *ctx,
                const struct pair_filter *f, struct partner_row **v,
                size_t *n, struct err *e)
{
    sqlite3_stmt *st = rec_prep_select(db, &partner_def, "p",
        ", (SELECT count(*) FROM agreement WHERE partner_id = p.id),"
        " (SELECT count(*) FROM pairing WHERE partner_id = p.id AND start_on <= ?2"
        "   AND (end_on IS NULL OR end_on >= ?2)),"
        " (SELECT t.name FROM pairing g JOIN division t ON t.id = g.township_id"
        "   WHERE g.partner_id = p.id AND g.start_on <= ?2"
        "   AND (g.end_on IS NULL OR g.end_on >= ?2) LIMIT 1),"
        " (SELECT v.name FROM pairing g JOIN division v ON v.id = g.village_id"
        "   WHERE g.partner_id = p.id AND g.start_on <= ?2"
        "   AND (g.end_on IS NULL OR g.end_on >= ?2) LIMIT 1)"
        " FROM partner p WHERE (?1 = '' OR p.kind = ?1) ORDER BY p.kind, p.name", e);
    struct tally *t = NULL;
    size_t nt = 0;
    int year = judged_year(ctx, f);
    char today[DATE_BUF];

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
    partner_tally(ctx, year, t, nt, f->flagged, *v, n);
    free(t);
    return 0;
}

/* --- pairings ------------------------------------------------------------- */

REC_GET(pairing, struct pairing, pairing_def)

static int
pairing_store(const struct rec_job *j)
{
    const struct pairing *p = j->rec;
    struct pairing old;

    pairing_init(&old);
    if (p->township_id != 0 && rec_check_place(j->db, p->township_id, p->village_id, j->e)) {
        return -1;
    }
    return rec_store(j, &pairing_def, &old, clear_pairing, _("this pairing"));
}

int
db_pairing_save(struct db *db, const struct rule_ctx *ctx,
                const struct actor *a, struct pairing *p, struct err *e)
{
    const struct rec_job j = {db, ctx, a, p, e};

    if (county_only(a, e) || pairing_check(p, e)) {
        return -1;
    }
    return rec_save_tx(&pairing_def, p, pairing_store, &j);
}

int
db_pairing_delete(struct db *db, const struct actor *a, int64_t id,
                  int64_t version, struct err *e)
{
    return county_delete(db, a, "DELETE FROM pairing WHERE id = ? AND version = ?",
                         "pairing", id, version, _("this pairing"), e);
}

static void
pairing_row_fill(sqlite3_stmt *st, void *row)
{
    struct pairing_row *r = row;

    rec_col_place(st, rec_read(st, 0, &pairing_def, &r->p), r->place, sizeof(r->place));
}

int
db_pairing_list(struct db *db, int64_t partner, struct pairing_row **v,
                size_t *n, struct err *e)
{
    sqlite3_stmt *st = rec_prep_select(db, &pairing_def, "g",
        ", t.name, v.name FROM pairing g LEFT JOIN division t ON t.id = g.township_id"
        " LEFT JOIN division v ON v.id = g.village_id WHERE g.partner_id = ?"
        " ORDER BY g.start_on DESC, g.id", e);

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

static int
targets_of(struct db *db, int64_t agreement, struct agreement_target **v, size_t *n,
           struct err *e)
{
    return rec_list(db, &target_def, "t",
                    " FROM agreement_target t WHERE t.agreement_id = ? ORDER BY t.indicator",
                    agreement, sizeof(**v), (void **)v, n, _("reading the targets"), e);
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

/* Bring the stored target O (NULL: none) to T: insert, update, or keep. */
static int
target_store(const struct rec_job *j, const struct agreement_target *o,
             struct agreement_target *t)
{
    if (o == NULL && t->value > 0) {
        t->id = 0;
        return rec_insert(j->db, &target_def, j->a->login, t, j->e);
    }
    if (o == NULL) {
        return 0;
    }
    t->id = o->id;
    t->version = o->version;
    if (t->value > 0 && o->value != t->value) {
        return rec_update(j->db, &target_def, j->a->login, o, t, _("this agreement"), j->e);
    }
    return 0;
}

/* Bring the stored targets to F's: insert, update, delete, each audited. */
static int
targets_store(const struct rec_job *j, struct agreement_full *f)
{
    struct agreement_target *old = NULL;
    size_t nold = 0, i;
    int rc = targets_of(j->db, f->a.id, &old, &nold, j->e);

    for (i = 0; rc == 0 && i < f->nt; i++) {
        f->t[i].agreement_id = f->a.id;
        rc = target_store(j, target_find(old, nold, f->t[i].indicator), &f->t[i]);
    }
    for (i = 0; rc == 0 && i < nold; i++) {
        struct agreement_target *t = target_find(f->t, f->nt, old[i].indicator);

        if (t == NULL || t->value == 0) {
            rc = rec_delete(j->db, j->a, "DELETE FROM agreement_target WHERE id = ? AND version = ?",
                            "agreement_target", old[i].id, old[i].version,
                            _("this agreement"), j->e);
        }
    }
    free(old);
    return rc;
}

/* The targets of F are each valid and given once. */
static int
targets_ok(const struct rule_ctx *ctx, const struct agreement_full *f, struct err *e)
{
    size_t i, k;

    for (i = 0; i < f->nt; i++) {
        if (target_check(&f->t[i], rule_codes(ctx), e)) {
            return -1;
        }
        for (k = 0; k < i; k++) {
            if (strcmp(f->t[k].indicator, f->t[i].indicator) == 0) {
                return err_set(e, ERR_INVALID, _("the target for %s is given twice"),
                               code_label(rule_codes(ctx), "pair_indicator",
                                          f->t[i].indicator));
            }
        }
    }
    return 0;
}

static int
agreement_store(const struct rec_job *j)
{
    struct agreement_full *f = j->rec;
    struct rec_job aj = *j;
    struct agreement old;
    int64_t same;

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
    aj.rec = &f->a;
    if (rec_store(&aj, &agreement_def, &old, clear_agreement, _("this agreement"))) {
        return -1;
    }
    return targets_store(j, f);
}

int
db_agreement_save(struct db *db, const struct rule_ctx *ctx,
                  const struct actor *a, struct agreement_full *f,
                  struct err *e)
{
    const struct rec_job j = {db, ctx, a, f, e};

    if (county_only(a, e) || agreement_check(&f->a, ctx->today, e) || targets_ok(ctx, f, e)) {
        return -1;
    }
    return rec_save_tx(&agreement_def, &f->a, agreement_store, &j);
}

int
db_agreement_delete(struct db *db, const struct actor *a, int64_t id,
                    int64_t version, struct err *e)
{
    return county_delete(db, a, "DELETE FROM agreement WHERE id = ? AND version = ?",
                         "agreement", id, version, _("this agreement"), e);
}

static void
agreement_row_fill(sqlite3_stmt *st, void *row)
{
    struct agreement_row *r = row;
    int at = rec_read(st, 0, &agreement_def, &r->a);

    db_col_text(st, at, r->partner, sizeof(r->partner));
    db_col_text(st, at + 1, r->kind, sizeof(r->kind));
}

/* Count the targets of agreement row R by how they stand. */
static int
agreement_progress(struct db *db, const struct rule_ctx *ctx, struct agreement_row *r,
                   struct err *e)
{
    struct progress_row *p;
    size_t np, k;

    if (db_pair_progress(db, ctx, r->a.partner_id, r->a.year, &p, &np, e)) {
        return -1;
    }
    for (k = 0; k < np; k++) {
        r->targets += p[k].p.status != PST_NO_TARGET;
        r->met += p[k].p.status == PST_MET;
        r->short_ += p[k].p.status == PST_SHORT;
        r->behind += p[k].p.status == PST_BEHIND;
    }
    free(p);
    return 0;
}

int
db_agreement_list(struct db *db, const struct rule_ctx *ctx,
                  const struct pair_filter *f, struct agreement_row **v,
                  size_t *n, struct err *e)
{
    sqlite3_stmt *st = rec_prep_select(db, &agreement_def, "a",
        ", p.name, p.kind FROM agreement a JOIN partner p ON p.id = a.partner_id"
        " WHERE (?1 = 0 OR a.year = ?1) AND (?2 = 0 OR a.partner_id = ?2)"
        " AND (?3 = '' OR p.kind = ?3) ORDER BY a.year DESC, p.kind, p.name", e);
    size_t i, keep = 0;

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

        if (agreement_progress(db, ctx, r, e)) {
            free(*v);
            *v = NULL;
            return -1;
        }
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

/* The records of PARTNER for INDICATOR in the days FROM to TO. */
static int
records_of(struct db *db, int64_t partner, const char *indicator, const char *from,
           const char *to, int *n, struct err *e)
{
    static const char sql[] =
        "SELECT count(*) FROM pair_record WHERE partner_id = ? AND indicator = ? "
        "AND day BETWEEN ? AND ?";
    sqlite3_stmt *st = db_prep(db, sql, e);
    int64_t count;

    if (st != NULL) {
        db_bind_int(st, 1, partner);
        db_bind_text(st, 2, indicator);
        db_bind_text(st, 3, from);
        db_bind_text(st, 4, to);
    }
    if (db_scalar(db, st, &count, _("reading the records"), e)) {
        return -1;
    }
    *n = (int)count;
    return 0;
}

int
db_pair_progress(struct db *db, const struct rule_ctx *ctx, int64_t partner,
                 int year, struct progress_row **v, size_t *n,
                 struct err *e)
{
    const struct code_table *ct = codebook_table(rule_codes(ctx), "pair_indicator");
    struct tally *t = NULL;
    size_t nt = 0, i, k = 0, j;
    char from[16], to[16];
    int rc = 0;

    *v = NULL;
    *n = 0;
    if (tallies(db, year, partner, &t, &nt, e)) {
        return -1;
    }
    *v = xcalloc(nt + 1, sizeof(**v));
    year_days(year, from, to);
    /* in the order of the code table, then the codes it does not know */
    for (j = 0; rc == 0 && j <= (ct != NULL ? ct->n : 0); j++) {
        for (i = 0; rc == 0 && i < nt; i++) {
            size_t pos = indicator_pos(rule_codes(ctx), t[i].indicator);
            struct progress_row *r;

            if (ct != NULL && j < ct->n ? pos != j : pos != (size_t)-1) {
                continue;
            }
            r = &(*v)[k++];
            snprintf(r->indicator, sizeof(r->indicator), "%s", t[i].indicator);
            pair_progress(t[i].target, t[i].actual, year, ctx->today, &r->p);
            rc = records_of(db, partner, t[i].indicator, from, to, &r->records, e);
        }
    }
    free(t);
    if (rc != 0) {
        free(*v);
        *v = NULL;
        return -1;
    }
    *n = k;
    return 0;
}

/* --- records of arrivals --------------------------------------------------- */

REC_GET(pair_record, struct pair_record, record_def)

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

/* Record ID as stored is A's to change. */
static int
record_is_mine(struct db *db, const struct actor *a, int64_t id, struct err *e)
{
    struct pair_record old;
    int rc;

    pair_record_init(&old);
    rc = rec_get(db, &record_def, id, &old, e) ||
         may_keep_record(a, old.township_id, old.village_id, e);
    pair_record_clear(&old);
    return rc ? -1 : 0;
}

static int
record_store(const struct rec_job *j)
{
    const struct pair_record *r = j->rec;
    struct pair_record old;

    pair_record_init(&old);
    if ((r->township_id != 0 && rec_check_place(j->db, r->township_id, r->village_id, j->e)) ||
        (r->id != 0 && record_is_mine(j->db, j->a, r->id, j->e))) {
        return -1;
    }
    return rec_store(j, &record_def, &old, clear_record, _("this record"));
}

int
db_pair_record_save(struct db *db, const struct rule_ctx *ctx,
                    const struct actor *a, struct pair_record *r,
                    struct err *e)
{
    const struct rec_job j = {db, ctx, a, r, e};

    if (may_keep_record(a, r->township_id, r->village_id, e) ||
        pair_record_check(r, rule_codes(ctx), ctx->today, e)) {
        return -1;
    }
    return rec_save_tx(&record_def, r, record_store, &j);
}

int
db_pair_record_delete(struct db *db, const struct actor *a, int64_t id,
                      int64_t version, struct err *e)
{
    int rc;

    if (rec_may_write(a, e) || db_begin(db, e)) {
        return -1;
    }
    rc = record_is_mine(db, a, id, e) ||
         rec_delete(db, a, "DELETE FROM pair_record WHERE id = ? AND version = ?",
                    "pair_record", id, version, _("this record"), e);
    return rec_end_tx(db, rc, e);
}

static void
record_row_fill(sqlite3_stmt *st, void *row)
{
    struct record_row *r = row;
    int at = rec_read(st, 0, &record_def, &r->r);

    db_col_text(st, at, r->partner, sizeof(r->partner));
    rec_col_place(st, at + 1, r->place, sizeof(r->place));
}

int
db_pair_record_list(struct db *db, const struct actor *a,
                    const struct pair_filter *f, struct record_row **v,
                    size_t *n, struct err *e)
{
    sqlite3_stmt *st = rec_prep_select(db, &record_def, "r",
        ", p.name, t.name, v.name FROM pair_record r"
        " JOIN partner p ON p.id = r.partner_id"
        " LEFT JOIN division t ON t.id = r.township_id"
        " LEFT JOIN division v ON v.id = r.village_id"
        " WHERE (?1 = 0 OR r.day BETWEEN ?2 AND ?3) AND (?4 = 0 OR r.partner_id = ?4)"
        " AND (?5 = '' OR r.indicator = ?5) AND (?6 = 0 OR r.township_id = ?6)"
        " AND (?7 = 0 OR r.village_id = ?7) ORDER BY r.day DESC, r.id DESC", e);
    char from[16], to[16];

    (void)a;    /* what arrived is no one's personal data: everyone reads it all */
    if (st != NULL) {
        year_days(f->year, from, to);
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

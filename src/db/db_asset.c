/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_asset.c - the asset ledger in the database (see db_fund.h): assets
 * with up to four fund sources and their yearly income, stored through
 * db_rec.c, with the place, the project and the household they belong
 * to, numbering, and the lists.
 */
#include "config.h"
#include "db/db_fund.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/money.h"
#include "core/rules.h"
#include "db/db_audit.h"
#include "db/db_rec.h"
#include "util/err.h"
#include "util/i18n.h"

/* --- the records' columns -------------------------------------------- */

static const struct rec_col asset_cols[] = {
    REC_COL(struct asset, asset_no, RC_TEXT),
    REC_COL(struct asset, name, RC_TEXT),
    REC_COL(struct asset, aclass, RC_TEXT),
    REC_COL(struct asset, atype, RC_TEXT),
    REC_COL(struct asset, project_id, RC_ID),
    REC_COL(struct asset, year, RC_INT),
    REC_COL(struct asset, township_id, RC_ID),
    REC_COL(struct asset, village_id, RC_ID),
    REC_COL(struct asset, household_id, RC_ID),
    REC_COL(struct asset, scale, RC_TEXT),
    REC_COL(struct asset, completed_on, RC_DATE),
    REC_COL(struct asset, owner_level, RC_TEXT),
    REC_COL(struct asset, owner, RC_TEXT),
    REC_COL_AS(struct asset, operator_, "operator", RC_TEXT),
    REC_COL(struct asset, op_mode, RC_TEXT),
    REC_COL(struct asset, maintainer, RC_TEXT),
    REC_COL(struct asset, upkeep, RC_FEN),
    REC_COL(struct asset, hh_benefit, RC_INT),
    REC_COL(struct asset, hh_poor, RC_INT),
    REC_COL(struct asset, hh_monitored, RC_INT),
    REC_COL(struct asset, status, RC_TEXT),
    REC_COL(struct asset, disposal, RC_TEXT),
    REC_COL(struct asset, disposal_date, RC_DATE),
    REC_COL(struct asset, disposal_doc, RC_TEXT),
    REC_COL(struct asset, disposal_amount, RC_FEN),
    REC_COL(struct asset, disposal_reason, RC_PTEXT),
    REC_COL(struct asset, archive_no, RC_TEXT),
    REC_COL(struct asset, publicized_on, RC_DATE),
    REC_COL(struct asset, value, RC_FEN),
    REC_COL(struct asset, note, RC_PTEXT),
};

static const struct rec_def asset_def = REC_DEF(struct asset, "asset", asset_cols, 1);

static const struct rec_col income_cols[] = {
    REC_COL(struct asset_income, asset_id, RC_ID),
    REC_COL(struct asset_income, year, RC_INT),
    REC_COL(struct asset_income, income, RC_FEN),
    REC_COL(struct asset_income, to_households, RC_FEN),
    REC_COL(struct asset_income, households, RC_INT),
    REC_COL(struct asset_income, to_village, RC_FEN),
    REC_COL(struct asset_income, to_upkeep, RC_FEN),
    REC_COL(struct asset_income, dist_date, RC_DATE),
    REC_COL(struct asset_income, use_note, RC_PTEXT),
};

static const struct rec_def income_def = REC_DEF(struct asset_income, "asset_income", income_cols, 1);
static void clear_income(void *i) { asset_income_clear(i); }

/* --- assets ----------------------------------------------------------- */

static int
sources_load(struct db *db, struct asset *as, struct err *e)
{
    static const char sql[] =
        "SELECT fund_type, amount FROM asset_source WHERE asset_id = ? ORDER BY pos";
    sqlite3_stmt *st = db_prep(db, sql, e);
    int rc;

    if (st == NULL) {
        return -1;
    }
    db_bind_int(st, 1, as->id);
    as->nsrc = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && as->nsrc < ASSET_SOURCES) {
        db_col_text(st, 0, as->src[as->nsrc].fund_type, sizeof(as->src[0].fund_type));
        as->src[as->nsrc].amount = db_col_int(st, 1);
        as->nsrc++;
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : db_fail(db, e, _("reading the asset"));
}

int
db_asset_get(struct db *db, int64_t id, struct asset *as, struct err *e)
{
    if (rec_get(db, &asset_def, id, as, e)) {
        return -1;
    }
    return sources_load(db, as, e);
}

/* The fund sources of AS as the audit log shows them:
 * "type:amount,type:amount". */
static void
sources_text(const struct asset *as, char *out, size_t n)
{
    int i;

    out[0] = '\0';
    for (i = 0; i < as->nsrc; i++) {
        char m[MONEY_BUF];
        size_t len = strlen(out);

        money_format(as->src[i].amount, 0, m);
        snprintf(out + len, n - len, "%s%s:%s", i ? "," : "", as->src[i].fund_type, m);
    }
}

static void
bind_source(sqlite3_stmt *st, int i, const void *arg)
{
    const struct asset *as = arg;

    db_bind_text(st, 3, as->src[i].fund_type);
    db_bind_int(st, 4, as->src[i].amount);
}

/* Replace the sources of AS, auditing them as one field when they
 * changed from OLD (NULL: a new asset). */
static int
sources_store(struct db *db, const struct actor *a, const struct asset *as,
              const struct asset *old, struct err *e)
{
    static const char del[] = "DELETE FROM asset_source WHERE asset_id = ?";
    static const char ins[] =
        "INSERT INTO asset_source(asset_id, pos, fund_type, amount) VALUES (?, ?, ?, ?)";
    char ov[256], nv[256];
    const char *name = "sources", *o = ov, *n = nv;

    if (rec_replace_rows(db, del, ins, as->id, as->nsrc, bind_source, as, e)) {
        return -1;
    }
    if (old == NULL) {
        return 0;
    }
    sources_text(old, ov, sizeof(ov));
    sources_text(as, nv, sizeof(nv));
    return db_audit_diff(db, a->login, "asset", as->id, &name, &o, &n, 1, e);
}

/* The household of a household asset is in the asset's place. */
static int
asset_links_ok(struct db *db, const struct asset *as, struct err *e)
{
    static const char proj_sql[] = "SELECT count(*) FROM project WHERE id = ?";
    static const char hh_sql[] =
        "SELECT count(*) FROM household WHERE id = ? AND village_id = ?";

    if (as->project_id != 0 &&
        rec_must_find(db, proj_sql, as->project_id, 0, ERR_NOTFOUND,
                      _("the project chosen does not exist"), e)) {
        return -1;
    }
    if (as->household_id != 0 &&
        rec_must_find(db, hh_sql, as->household_id, as->village_id, ERR_INVALID,
                      _("the household is not in the asset's village"), e)) {
        return -1;
    }
    return 0;
}

static int
asset_store(const struct rec_job *j)
{
    static const char next_sql[] =
        "SELECT coalesce(max(CAST(substr(asset_no, ?2) AS INTEGER)), 0) "
        "FROM asset WHERE asset_no LIKE ?1 || '%'";
    struct asset *as = j->rec, old;
    int rc;

    if (rec_check_place(j->db, as->township_id, as->village_id, j->e) ||
        rec_may_change_place(j->a, as->township_id, as->village_id, j->e) ||
        asset_links_ok(j->db, as, j->e)) {
        return -1;
    }
    if (as->id == 0) {
        rc = (as->asset_no[0] == '\0' &&
              rec_next_no(j->db, next_sql, "ZC", as->year, as->asset_no, sizeof(as->asset_no),
                          j->e)) ||
             rec_insert(j->db, &asset_def, j->a->login, as, j->e) ||
             sources_store(j->db, j->a, as, NULL, j->e);
        return rc ? -1 : 0;
    }
    asset_init(&old);
    rc = db_asset_get(j->db, as->id, &old, j->e);
    if (rc == 0 && !actor_sees(j->a, old.township_id, old.village_id)) {
        rc = err_set(j->e, ERR_DENIED, _("this place is outside your scope"));
    }
    if (rc == 0) {
        rc = rec_update(j->db, &asset_def, j->a->login, &old, as, _("this asset"), j->e) ||
             sources_store(j->db, j->a, as, &old, j->e);
    }
    asset_clear(&old);
    return rc ? -1 : 0;
}

int
db_asset_save(struct db *db, const struct rule_ctx *ctx, const struct actor *a,
              struct asset *as, struct err *e)
{
    const struct rec_job j = {db, ctx, a, as, e};
    char no[PROJ_NO_BUF];

    if (asset_check(as, rule_codes(ctx), ctx->today, e)) {
        return -1;
    }
    memcpy(no, as->asset_no, sizeof(no));
    if (rec_save_tx(&asset_def, as, asset_store, &j)) {
        memcpy(as->asset_no, no, sizeof(no));
        return -1;
    }
    return 0;
}

#define ASSET_ROW_SQL \
    "SELECT a.id, a.asset_no, a.name, a.aclass, coalesce(a.atype, ''), a.year, " \
    "a.township_id, coalesce(a.village_id, 0), coalesce(a.project_id, 0), " \
    "t.name, v.name, a.owner_level, coalesce(a.maintainer, ''), a.status, a.value, " \
    "(SELECT income FROM asset_income WHERE asset_id = a.id ORDER BY year DESC LIMIT 1), " \
    "(SELECT year FROM asset_income WHERE asset_id = a.id ORDER BY year DESC LIMIT 1), " \
    "coalesce(p.name, '') " \
    "FROM asset a JOIN division t ON t.id = a.township_id " \
    "LEFT JOIN division v ON v.id = a.village_id " \
    "LEFT JOIN project p ON p.id = a.project_id "

static void
asset_row_fill(sqlite3_stmt *st, void *row)
{
    struct asset_row *r = row;

    r->id = db_col_int(st, 0);
    db_col_text(st, 1, r->asset_no, sizeof(r->asset_no));
    db_col_text(st, 2, r->name, sizeof(r->name));
    db_col_text(st, 3, r->aclass, sizeof(r->aclass));
    db_col_text(st, 4, r->atype, sizeof(r->atype));
    r->year = (int)db_col_int(st, 5);
    r->township_id = db_col_int(st, 6);
    r->village_id = db_col_int(st, 7);
    r->project_id = db_col_int(st, 8);
    rec_col_place(st, 9, r->place, sizeof(r->place));
    db_col_text(st, 11, r->owner_level, sizeof(r->owner_level));
    db_col_text(st, 12, r->maintainer, sizeof(r->maintainer));
    db_col_text(st, 13, r->status, sizeof(r->status));
    r->value = db_col_int(st, 14);
    r->last_income = db_col_int(st, 15);
    r->income_year = (int)db_col_int(st, 16);
    db_col_text(st, 17, r->proj_name, sizeof(r->proj_name));
}

/* Keep only the rows A sees. */
static void
asset_scope(const struct actor *a, struct asset_row *v, size_t *n)
{
    size_t i, k = 0;

    for (i = 0; i < *n; i++) {
        if (actor_sees(a, v[i].township_id, v[i].village_id)) {
            v[k++] = v[i];
        }
    }
    *n = k;
}

int
db_asset_list(struct db *db, const struct rule_ctx *ctx, const struct actor *a,
              const struct funds_filter *flt, struct asset_row **v, size_t *n,
              struct err *e)
{
    static const char sql[] = ASSET_ROW_SQL
        "WHERE (?1 = 0 OR a.year = ?1) AND (?2 = 0 OR a.township_id = ?2) "
        "AND (?3 = 0 OR a.village_id = ?3) AND (?4 = '' OR a.aclass = ?4) "
        "ORDER BY a.asset_no";
    sqlite3_stmt *st = db_prep(db, sql, e);
    size_t i, k = 0;

    (void)ctx;
    if (st != NULL) {
        db_bind_int(st, 1, flt->year);
        db_bind_int(st, 2, flt->township_id);
        db_bind_int(st, 3, flt->village_id);
        db_bind_text(st, 4, flt->code);
    }
    if (db_rows(db, st, sizeof(**v), asset_row_fill, NULL, (void **)v, n,
                _("reading the assets"), e)) {
        return -1;
    }
    asset_scope(a, *v, n);
    if (flt->flagged) {
        for (i = 0; i < *n; i++) {
            if (code_is(rule_codes(ctx), "asset_class", (*v)[i].aclass, "public") &&
                (*v)[i].maintainer[0] == '\0') {
                (*v)[k++] = (*v)[i];
            }
        }
        *n = k;
    }
    return 0;
}

int
db_asset_of_project(struct db *db, int64_t project, struct asset_row **v,
                    size_t *n, struct err *e)
{
    static const char sql[] = ASSET_ROW_SQL "WHERE a.project_id = ? ORDER BY a.asset_no";

    return db_rows_of(db, sql, project, sizeof(**v), asset_row_fill, NULL, (void **)v, n,
                      _("reading the assets"), e);
}

REC_GET(asset_income, struct asset_income, income_def)

static int
income_store(const struct rec_job *j)
{
    const struct asset_income *in = j->rec;
    struct asset as;
    struct asset_income old;
    int64_t taken = 0;
    int rc;

    asset_init(&as);
    rc = rec_get(j->db, &asset_def, in->asset_id, &as, j->e) ||
         rec_may_change_place(j->a, as.township_id, as.village_id, j->e) ||
         (in->id == 0 &&
          rec_scalar(j->db, "SELECT count(*) FROM asset_income WHERE asset_id = ? AND year = ?",
                     in->asset_id, in->year, &taken, j->e));
    asset_clear(&as);
    if (rc) {
        return -1;
    }
    if (taken > 0) {
        return err_set(j->e, ERR_RULE,
                       _("the income of %d is already recorded for this asset; edit that record"),
                       in->year);
    }
    asset_income_init(&old);
    return rec_store(j, &income_def, &old, clear_income, _("this income record"));
}

int
db_asset_income_save(struct db *db, const struct rule_ctx *ctx,
                     const struct actor *a, struct asset_income *i,
                     struct err *e)
{
    const struct rec_job j = {db, ctx, a, i, e};

    if (asset_income_check(i, e)) {
        return -1;
    }
    return rec_save_tx(&income_def, i, income_store, &j);
}

/* One row of the query below, which names the columns as rec_select_all
 * would. */
static void
income_fill(sqlite3_stmt *st, void *row)
{
    asset_income_init(row);
    rec_read_all(st, 0, &income_def, row);
}

static void
income_free(void *row)
{
    asset_income_clear(row);
}

int
db_asset_income_list(struct db *db, int64_t asset, struct asset_income **v,
                     size_t *n, struct err *e)
{
    static const char sql[] =
        "SELECT id, asset_id, year, income, to_households, households, "
        "to_village, to_upkeep, dist_date, use_note, version FROM asset_income "
        "WHERE asset_id = ? ORDER BY year DESC";

    return db_rows_of(db, sql, asset, sizeof(**v), income_fill, income_free, (void **)v, n,
                      _("reading the asset income"), e);
}

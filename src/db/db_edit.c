/*
 * db_edit.c - saving the records staff change through the forms: the
 * role and scope check, the optimistic version check, the record, its
 * audit rows and the household's list row, in one transaction per save.
 *
 * Audit values are text: dates ISO ("" for none), money in yuan with
 * two decimals and no grouping (money_format: "1234.50"), flags "0" or
 * "1", other numbers and ids in decimal ("" for no id), codes and text
 * as stored.  Only the fields whose text differs get a row.
 */
#include "config.h"
#include "db/db_edit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit_text.h"
#include "core/codes.h"
#include "core/date.h"
#include "core/money.h"
#include "core/rules.h"
#include "db/db.h"
#include "db/db_audit.h"
#include "db/db_household.h"
#include "db/db_list.h"
#include "db/db_snapshot.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/pinyin.h"
#include "util/xalloc.h"

/* Longest reason for a member leaving, in bytes (schema: left_reason). */
#define LEFT_REASON_MAX 200

/* ---- audit values --------------------------------------------------- */

#define VALS_MAX 24
#define VAL_BUF 32

/* The audited fields of one record as text, in the order of its names. */
struct vals {
    const char *v[VALS_MAX];
    char buf[VALS_MAX][VAL_BUF];
    int n;
};

/* S must live as long as X is used. */
static void
v_text(struct vals *x, const char *s)
{
    x->v[x->n++] = s != NULL ? s : "";
}

static void
v_int(struct vals *x, int64_t n)
{
    snprintf(x->buf[x->n], VAL_BUF, "%lld", (long long)n);
    v_text(x, x->buf[x->n]);
}

/* An id or an optional number: 0 is "". */
static void
v_id(struct vals *x, int64_t id)
{
    x->buf[x->n][0] = '\0';
    if (id != 0) {
        snprintf(x->buf[x->n], VAL_BUF, "%lld", (long long)id);
    }
    v_text(x, x->buf[x->n]);
}

static void
v_flag(struct vals *x, int flag)
{
    v_text(x, flag ? "1" : "0");
}

static void
v_date(struct vals *x, int day)
{
    date_format(day, x->buf[x->n]);
    v_text(x, x->buf[x->n]);
}

static void
v_money(struct vals *x, int64_t fen)
{
    money_format(fen, 0, x->buf[x->n]);
    v_text(x, x->buf[x->n]);
}

/* Audit rows for the fields of TBL row ROW that differ between OLD and
 * NEW (N names). */
static int
audit_changes(struct db *db, const struct actor *a, const char *tbl,
              int64_t row, const char *const *names, int n,
              const struct vals *old, const struct vals *new, struct err *e)
{
    if (old->n != n || new->n != n) {
        return err_set(e, ERR_DB, "BUG: %s: %d names, %d and %d values", tbl,
                       n, old->n, new->n);
    }
    return db_audit_diff(db, a->login, tbl, row, names, old->v, new->v, n, e);
}

/* ---- reading one row ------------------------------------------------ */

/* Step ST (NULL: db_prep failed) for one row: 1 when there is one (the
 * caller reads it, then resets ST), 0 when none, -1 on error. */
static int
one_row(struct db *db, sqlite3_stmt *st, struct err *e)
{
    int rc;

    if (st == NULL) {
        return -1;
    }
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        return 1;
    }
    if (rc != SQLITE_DONE) {
        db_fail(db, e, _("reading the registry"));
        sqlite3_reset(st);
        return -1;
    }
    sqlite3_reset(st);
    return 0;
}

static int
not_found(struct err *e, const char *tbl, int64_t id)
{
    return err_set(e, ERR_NOTFOUND,
                   _("the %s #%lld does not exist; someone may have deleted it"),
                   audit_table_label(tbl), (long long)id);
}

int
db_household_get(struct db *db, int64_t id, struct household *h,
                 struct err *e)
{
    static const char sql[] =
        "SELECT " SNAP_HOUSEHOLD_COLS " FROM household WHERE id = ?";
    sqlite3_stmt *st = db_prep(db, sql, e);
    int rc;

    if (st != NULL) {
        db_bind_int(st, 1, id);
    }
    if ((rc = one_row(db, st, e)) <= 0) {
        return rc < 0 ? -1 : not_found(e, "household", id);
    }
    snap_read_household(st, h);
    sqlite3_reset(st);
    return 0;
}

int
db_person_get(struct db *db, int64_t id, struct person *p, struct err *e)
{
    static const char sql[] =
        "SELECT " SNAP_PERSON_COLS " FROM person WHERE id = ?";
    sqlite3_stmt *st = db_prep(db, sql, e);
    int rc;

    if (st != NULL) {
        db_bind_int(st, 1, id);
    }
    if ((rc = one_row(db, st, e)) <= 0) {
        return rc < 0 ? -1 : not_found(e, "person", id);
    }
    snap_read_person(st, p);
    sqlite3_reset(st);
    return 0;
}

/* The income with id ID. */
static int
income_by_id(struct db *db, int64_t id, struct income *inc, struct err *e)
{
    static const char sql[] =
        "SELECT " SNAP_INCOME_COLS " FROM income WHERE id = ?";
    sqlite3_stmt *st = db_prep(db, sql, e);
    int rc;

    if (st != NULL) {
        db_bind_int(st, 1, id);
    }
    if ((rc = one_row(db, st, e)) <= 0) {
        return rc < 0 ? -1 : not_found(e, "income", id);
    }
    snap_read_income(st, inc);
    sqlite3_reset(st);
    return 0;
}

int
db_income_get(struct db *db, int64_t hh, int year, struct income *inc,
              struct err *e)
{
    static const char sql[] =
        "SELECT " SNAP_INCOME_COLS " FROM income "
        "WHERE household_id = ? AND year = ?";
    sqlite3_stmt *st = db_prep(db, sql, e);
    int rc;

    if (st != NULL) {
        db_bind_int(st, 1, hh);
        db_bind_int(st, 2, year);
    }
    if ((rc = one_row(db, st, e)) <= 0) {
        return rc < 0 ? -1 : err_set(e, ERR_NOTFOUND,
                                     _("household #%lld has no income for %d"),
                                     (long long)hh, year);
    }
    snap_read_income(st, inc);
    sqlite3_reset(st);
    return 0;
}

static int
guarantee_by_id(struct db *db, int64_t id, struct guarantee *g,
                struct err *e)
{
    static const char sql[] =
        "SELECT " SNAP_GUARANTEE_COLS " FROM guarantee WHERE id = ?";
    sqlite3_stmt *st = db_prep(db, sql, e);
    int rc;

    if (st != NULL) {
        db_bind_int(st, 1, id);
    }
    if ((rc = one_row(db, st, e)) <= 0) {
        return rc < 0 ? -1 : not_found(e, "guarantee", id);
    }
    snap_read_guarantee(st, g);
    sqlite3_reset(st);
    return 0;
}

int
db_guarantee_get(struct db *db, int64_t hh, int year, struct guarantee *g,
                 struct err *e)
{
    static const char sql[] =
        "SELECT " SNAP_GUARANTEE_COLS " FROM guarantee "
        "WHERE household_id = ? AND year = ?";
    sqlite3_stmt *st = db_prep(db, sql, e);
    int rc;

    if (st != NULL) {
        db_bind_int(st, 1, hh);
        db_bind_int(st, 2, year);
    }
    if ((rc = one_row(db, st, e)) <= 0) {
        return rc < 0 ? -1 : err_set(e, ERR_NOTFOUND,
                                     _("household #%lld has no guarantees recorded for %d"),
                                     (long long)hh, year);
    }
    snap_read_guarantee(st, g);
    sqlite3_reset(st);
    return 0;
}

int
db_measure_get(struct db *db, int64_t id, struct measure *m, struct err *e)
{
    static const char sql[] =
        "SELECT " SNAP_MEASURE_COLS " FROM measure WHERE id = ?";
    sqlite3_stmt *st = db_prep(db, sql, e);
    int rc;

    if (st != NULL) {
        db_bind_int(st, 1, id);
    }
    if ((rc = one_row(db, st, e)) <= 0) {
        return rc < 0 ? -1 : not_found(e, "measure", id);
    }
    snap_read_measure(st, m);
    sqlite3_reset(st);
    return 0;
}

int
db_visit_get(struct db *db, int64_t id, struct visit *v, struct err *e)
{
    static const char sql[] =
        "SELECT " SNAP_VISIT_COLS " FROM visit WHERE id = ?";
    sqlite3_stmt *st = db_prep(db, sql, e);
    int rc;

    if (st != NULL) {
        db_bind_int(st, 1, id);
    }
    if ((rc = one_row(db, st, e)) <= 0) {
        return rc < 0 ? -1 : not_found(e, "visit", id);
    }
    snap_read_visit(st, v);
    sqlite3_reset(st);
    return 0;
}

/* ---- scope ---------------------------------------------------------- */

/* Where a household is: what the scope check needs. */
struct place {
    int64_t id;
    char hh_no[HH_NO_BUF];
    int64_t township_id, village_id;
};

static int
place_load(struct db *db, int64_t hh, struct place *pl, struct err *e)
{
    static const char sql[] =
        "SELECT hh_no, township_id, village_id FROM household WHERE id = ?";
    sqlite3_stmt *st = db_prep(db, sql, e);
    int rc;

    if (st != NULL) {
        db_bind_int(st, 1, hh);
    }
    if ((rc = one_row(db, st, e)) <= 0) {
        return rc < 0 ? -1 : not_found(e, "household", hh);
    }
    pl->id = hh;
    db_col_text(st, 0, pl->hh_no, sizeof(pl->hh_no));
    pl->township_id = db_col_int(st, 1);
    pl->village_id = db_col_int(st, 2);
    sqlite3_reset(st);
    return 0;
}

static int
may_write(const struct actor *a, struct err *e)
{
    if (!actor_writes(a)) {
        return err_set(e, ERR_DENIED,
                       _("your account is read-only: it can look at the registry but not change it"));
    }
    return 0;
}

/* A may change the household at PL. */
static int
may_change(const struct actor *a, const struct place *pl, struct err *e)
{
    if (may_write(a, e)) {
        return -1;
    }
    if (!actor_sees(a, pl->township_id, pl->village_id)) {
        return err_set(e, ERR_DENIED,
                       _("household %s is outside your scope; you cannot change it"),
                       pl->hh_no);
    }
    return 0;
}

/* Load the household HH and check that A may change it. */
static int
writable(struct db *db, const struct actor *a, int64_t hh, struct place *pl,
         struct err *e)
{
    return may_write(a, e) || place_load(db, hh, pl, e) ||
           may_change(a, pl, e) ? -1 : 0;
}

/* Before changing a stored record of household OLD_HH: the actor may
 * change that household (PL is filled) and the record stays in it
 * (NEW_HH). */
static int
stays_in(struct db *db, const struct actor *a, int64_t old_hh, int64_t new_hh,
         struct place *pl, struct err *e)
{
    if (writable(db, a, old_hh, pl, e)) {
        return -1;
    }
    if (new_hh != old_hh) {
        return err_set(e, ERR_INVALID,
                       _("this record belongs to household %s; it cannot be moved to another household"),
                       pl->hh_no);
    }
    return 0;
}

/* VILLAGE is a village of TOWNSHIP and NATURAL (0: none) one of its
 * natural villages. */
static int
check_place(struct db *db, int64_t township, int64_t village,
            int64_t natural, struct err *e)
{
    static const char sql[] =
        "SELECT 1 FROM division v JOIN division t ON t.id = v.parent_id "
        "WHERE v.id = ? AND v.level = 3 AND t.id = ? AND t.level = 2";
    static const char nat[] =
        "SELECT 1 FROM division WHERE id = ? AND parent_id = ? AND level = 4";
    sqlite3_stmt *st = db_prep(db, sql, e);
    int rc;

    if (st != NULL) {
        db_bind_int(st, 1, village);
        db_bind_int(st, 2, township);
    }
    if ((rc = one_row(db, st, e)) < 0) {
        return -1;
    }
    sqlite3_reset(st);
    if (rc == 0) {
        return err_set(e, ERR_INVALID,
                       _("the village chosen is not a village of the township chosen; choose the township first, then one of its villages"));
    }
    if (natural == 0) {
        return 0;
    }
    st = db_prep(db, nat, e);
    if (st != NULL) {
        db_bind_int(st, 1, natural);
        db_bind_int(st, 2, village);
    }
    if ((rc = one_row(db, st, e)) < 0) {
        return -1;
    }
    sqlite3_reset(st);
    if (rc == 0) {
        return err_set(e, ERR_INVALID,
                       _("the natural village chosen does not belong to the village chosen"));
    }
    return 0;
}

/* ---- uniqueness, looked up first for a precise message -------------- */

/* HH_NO is not the number of a household other than EXCEPT. */
static int
hh_no_free(struct db *db, const char *hh_no, int64_t except, struct err *e)
{
    static const char sql[] = "SELECT id FROM household WHERE hh_no = ?";
    sqlite3_stmt *st = db_prep(db, sql, e);
    int64_t id;
    int rc;

    if (st != NULL) {
        db_bind_text(st, 1, hh_no);
    }
    if ((rc = one_row(db, st, e)) <= 0) {
        return rc;
    }
    id = db_col_int(st, 0);
    sqlite3_reset(st);
    if (id == except) {
        return 0;
    }
    return err_set(e, ERR_INVALID,
                   _("the household number %s is already used by another household; leave it empty to get the next free number"),
                   hh_no);
}

/* No current member other than person EXCEPT holds ID_NO ("": none). */
static int
id_no_free(struct db *db, const char *id_no, int64_t except, struct err *e)
{
    static const char sql[] =
        "SELECT h.hh_no FROM person p JOIN household h ON h.id = p.household_id "
        "WHERE p.id_no = ? AND p.in_household = 1 AND p.id <> ?";
    sqlite3_stmt *st;
    char hh_no[HH_NO_BUF];
    int rc;

    if (id_no == NULL || *id_no == '\0') {
        return 0;
    }
    if ((st = db_prep(db, sql, e)) != NULL) {
        db_bind_text(st, 1, id_no);
        db_bind_int(st, 2, except);
    }
    if ((rc = one_row(db, st, e)) <= 0) {
        return rc;
    }
    db_col_text(st, 0, hh_no, sizeof(hh_no));
    sqlite3_reset(st);
    return err_set(e, ERR_INVALID,
                   _("the ID number %s is already registered to a member of household %s; a person belongs to one household only (remove them there first)"),
                   id_no, hh_no);
}

/* ---- transactions --------------------------------------------------- */

/* End the transaction: commit when RC is 0, else roll back. */
static int
finish_tx(struct db *db, int rc, struct err *e)
{
    if (rc != 0) {
        db_rollback(db);
        return -1;
    }
    return db_commit(db, e);
}

/* ---- households ----------------------------------------------------- */

#define HH_NFIELDS 12

static const char *const hh_names[HH_NFIELDS] = {
    "hh_no", "township_id", "village_id", "natural_village_id", "hh_type",
    "address", "phone", "relocated", "relocation_site", "military",
    "no_labour_support", "house_grade",
};

static void
hh_vals(const struct household *h, struct vals *x)
{
    x->n = 0;
    v_text(x, h->hh_no);
    v_id(x, h->township_id);
    v_id(x, h->village_id);
    v_id(x, h->natural_village_id);
    v_text(x, h->hh_type);
    v_text(x, h->address);
    v_text(x, h->phone);
    v_flag(x, h->relocated);
    v_text(x, h->relocation_site);
    v_flag(x, h->military);
    v_flag(x, h->no_labour_support);
    v_text(x, h->house_grade);
}

static int
conflict_household(struct err *e, const char *hh_no)
{
    return err_set(e, ERR_CONFLICT,
                   _("household %s was changed by someone else meanwhile; look at their changes before saving yours"),
                   hh_no);
}

/* The next number of VILLAGE (transaction open or not). */
int
db_household_next_no(struct db *db, int64_t village, char out[HH_NO_BUF],
                     struct err *e)
{
    static const char div[] =
        "SELECT level, coalesce(code, ''), name FROM division WHERE id = ?";
    /* Numbers of the form CODE + 4 digits, highest first (the hh_no
     * index, read backwards from the top of the range). */
    static const char last[] =
        "SELECT hh_no FROM household WHERE hh_no BETWEEN ?1 || '0000' AND ?1 || '9999' "
        "AND length(hh_no) = 16 AND substr(hh_no, 13) GLOB '[0-9][0-9][0-9][0-9]' "
        "ORDER BY hh_no DESC LIMIT 1";
    sqlite3_stmt *st = db_prep(db, div, e);
    char code[16], name[200], top[HH_NO_BUF];
    int level, rc, seq = 0;

    if (st != NULL) {
        db_bind_int(st, 1, village);
    }
    if ((rc = one_row(db, st, e)) <= 0) {
        return rc < 0 ? -1 : not_found(e, "division", village);
    }
    level = (int)db_col_int(st, 0);
    db_col_text(st, 1, code, sizeof(code));
    db_col_text(st, 2, name, sizeof(name));
    sqlite3_reset(st);
    if (level != LEVEL_VILLAGE) {
        return err_set(e, ERR_INVALID,
                       _("%s is not an administrative village; household numbers are given by village"),
                       name);
    }
    if (strlen(code) != 12) {
        return err_set(e, ERR_INVALID,
                       _("village %s has no 12-digit division code, so no household number can be made for it; type the number, or ask county IT to record the village's code"),
                       name);
    }
    if ((st = db_prep(db, last, e)) != NULL) {
        db_bind_text(st, 1, code);
    }
    if ((rc = one_row(db, st, e)) < 0) {
        return -1;
    }
    if (rc == 1) {
        db_col_text(st, 0, top, sizeof(top));
        sqlite3_reset(st);
        seq = atoi(top + 12);
    }
    if (seq >= 9999) {
        return err_set(e, ERR_INVALID,
                       _("village %s has used every household number up to %s9999; type the number"),
                       name, code);
    }
    snprintf(out, HH_NO_BUF, "%.12s%04d", code, seq + 1);
    return 0;
}

static int
hh_update(struct db *db, const struct actor *a, const struct household *old,
          const struct household *h, struct err *e)
{
    static const char sql[] =
        "UPDATE household SET hh_no = ?, township_id = ?, village_id = ?, "
        "natural_village_id = ?, hh_type = ?, address = ?, phone = ?, "
        "relocated = ?, relocation_site = ?, military = ?, "
        "no_labour_support = ?, house_grade = ?, updated_at = ?, "
        "version = version + 1 WHERE id = ? AND version = ?";
    sqlite3_stmt *st = db_prep(db, sql, e);
    struct vals ov, nv;
    char now[32];

    if (st == NULL) {
        return -1;
    }
    clock_now(now, sizeof(now));
    db_bind_text(st, 1, h->hh_no);
    db_bind_int(st, 2, h->township_id);
    db_bind_int(st, 3, h->village_id);
    db_bind_id(st, 4, h->natural_village_id);
    db_bind_text(st, 5, h->hh_type);
    db_bind_text_or_null(st, 6, h->address);
    db_bind_text_or_null(st, 7, h->phone);
    db_bind_int(st, 8, h->relocated);
    db_bind_text_or_null(st, 9, h->relocation_site);
    db_bind_int(st, 10, h->military);
    db_bind_int(st, 11, h->no_labour_support);
    db_bind_text_or_null(st, 12, h->house_grade);
    db_bind_text(st, 13, now);
    db_bind_int(st, 14, old->id);
    db_bind_int(st, 15, h->version);
    if (db_done(db, st, e)) {
        return -1;
    }
    if (sqlite3_changes(db->h) != 1) {
        return conflict_household(e, old->hh_no);
    }
    hh_vals(old, &ov);
    hh_vals(h, &nv);
    return audit_changes(db, a, "household", old->id, hh_names, HH_NFIELDS,
                         &ov, &nv, e);
}

static int
household_store(struct db *db, const struct actor *a, struct household *h,
                struct err *e)
{
    struct household old;
    struct place pl;

    if (writable(db, a, h->id, &pl, e) || db_household_get(db, h->id, &old, e)) {
        return -1;
    }
    if (old.version != h->version) {
        return conflict_household(e, old.hh_no);
    }
    if (h->hh_no[0] == '\0') {
        return err_set(e, ERR_INVALID, _("the household number is required"));
    }
    /* Moving the household: the actor must see where it goes too. */
    pl.township_id = h->township_id;
    pl.village_id = h->village_id;
    if ((h->township_id != old.township_id || h->village_id != old.village_id ||
         h->natural_village_id != old.natural_village_id) &&
        (may_change(a, &pl, e) ||
         check_place(db, h->township_id, h->village_id, h->natural_village_id, e))) {
        return -1;
    }
    if (strcmp(h->hh_no, old.hh_no) != 0 && hh_no_free(db, h->hh_no, h->id, e)) {
        return -1;
    }
    return hh_update(db, a, &old, h, e);
}

int
db_household_update(struct db *db, const struct rule_ctx *ctx,
                    const struct actor *a, struct household *h,
                    struct err *e)
{
    int rc;

    if (db_begin(db, e)) {
        return -1;
    }
    rc = household_store(db, a, h, e) || db_list_refresh(db, ctx, h->id, e);
    if (finish_tx(db, rc, e)) {
        return -1;
    }
    h->version++;
    return 0;
}

/* The checks of db_household_create that need no database. */
static int
members_ok(const struct rule_ctx *ctx, const struct person *m, size_t n,
           struct err *e)
{
    const char *head = code_with_tag(&ctx->policy->codes, "relation", "head");
    size_t i, j, heads = 0;

    if (n == 0) {
        return err_set(e, ERR_INVALID, _("a household needs at least one member"));
    }
    for (i = 0; i < n; i++) {
        if (code_is(&ctx->policy->codes, "relation", m[i].relation, "head")) {
            heads++;
        }
        for (j = 0; j < i && m[i].id_no[0] != '\0'; j++) {
            if (strcmp(m[i].id_no, m[j].id_no) == 0) {
                return err_set(e, ERR_INVALID,
                               _("%s and %s have the same ID number %s; check both"),
                               m[j].name, m[i].name, m[i].id_no);
            }
        }
    }
    if (heads != 1) {
        return err_set(e, ERR_INVALID,
                       _("exactly one member must have the relation '%s' (now %zu do); choose the head of the household"),
                       code_label(&ctx->policy->codes, "relation", head != NULL ? head : ""),
                       heads);
    }
    return 0;
}

static int
household_add(struct db *db, const struct actor *a, struct household *h,
              struct person *m, size_t n, struct err *e)
{
    size_t i;

    if (may_write(a, e)) {
        return -1;
    }
    if (!actor_sees(a, h->township_id, h->village_id)) {
        return err_set(e, ERR_DENIED,
                       _("the village chosen is outside your scope; you can add households only where you work"));
    }
    if (check_place(db, h->township_id, h->village_id, h->natural_village_id, e)) {
        return -1;
    }
    if (h->hh_no[0] == '\0') {
        if (db_household_next_no(db, h->village_id, h->hh_no, e)) {
            return -1;
        }
    } else if (hh_no_free(db, h->hh_no, 0, e)) {
        return -1;
    }
    for (i = 0; i < n; i++) {
        if (id_no_free(db, m[i].id_no, 0, e)) {
            return -1;
        }
    }
    if (db_household_insert(db, a->login, h, 1, e)) {
        return -1;
    }
    for (i = 0; i < n; i++) {
        m[i].household_id = h->id;
        m[i].in_household = 1;
        m[i].left_reason[0] = '\0';
        if (db_person_insert(db, a->login, &m[i], 1, e)) {
            err_prefix(e, _("member %zu (%s)"), i + 1, m[i].name);
            return -1;
        }
    }
    return 0;
}

int
db_household_create(struct db *db, const struct rule_ctx *ctx,
                    const struct actor *a, struct household *h,
                    struct person *members, size_t n, struct err *e)
{
    struct household saved = *h;
    struct person *msaved;
    int rc;

    if (members_ok(ctx, members, n, e) || db_begin(db, e)) {
        return -1;
    }
    msaved = xmalloc(n * sizeof(*msaved));
    memcpy(msaved, members, n * sizeof(*msaved));
    rc = household_add(db, a, h, members, n, e) ||
         db_list_refresh(db, ctx, h->id, e);
    if (finish_tx(db, rc, e)) {
        /* As it was: no ids of rows that were never stored. */
        *h = saved;
        memcpy(members, msaved, n * sizeof(*msaved));
        free(msaved);
        return -1;
    }
    free(msaved);
    return 0;
}

/* ---- members -------------------------------------------------------- */

#define P_NFIELDS 23

static const char *const p_names[P_NFIELDS] = {
    "person_no", "name", "sex", "id_type", "id_no", "birth_date", "relation",
    "ethnicity", "political", "education", "schooling", "health", "labour",
    "work_place", "work_months", "ins_medical", "ins_serious", "medical_aid",
    "ins_pension", "dibao", "tekun", "public_job", "phone",
};

static void
p_vals(const struct person *p, struct vals *x)
{
    x->n = 0;
    v_text(x, p->person_no);
    v_text(x, p->name);
    v_text(x, p->sex);
    v_text(x, p->id_type);
    v_text(x, p->id_no);
    v_date(x, p->birth);
    v_text(x, p->relation);
    v_text(x, p->ethnicity);
    v_text(x, p->political);
    v_text(x, p->education);
    v_text(x, p->schooling);
    v_text(x, p->health);
    v_text(x, p->labour);
    v_text(x, p->work_place);
    v_int(x, p->work_months);
    v_flag(x, p->ins_medical);
    v_flag(x, p->ins_serious);
    v_flag(x, p->medical_aid);
    v_flag(x, p->ins_pension);
    v_flag(x, p->dibao);
    v_flag(x, p->tekun);
    v_text(x, p->public_job);
    v_text(x, p->phone);
}

static int
conflict_person(struct err *e, const struct person *old, const char *hh_no)
{
    return err_set(e, ERR_CONFLICT,
                   _("the member %s of household %s was changed by someone else meanwhile; look at their changes before saving yours"),
                   old->name, hh_no);
}

static int
person_update(struct db *db, const struct actor *a, const struct person *old,
              const struct person *p, const char *hh_no, struct err *e)
{
    static const char sql[] =
        "UPDATE person SET person_no = ?, name = ?, sex = ?, id_type = ?, "
        "id_no = ?, birth_date = ?, relation = ?, ethnicity = ?, "
        "political = ?, education = ?, schooling = ?, health = ?, labour = ?, "
        "work_place = ?, work_months = ?, ins_medical = ?, ins_serious = ?, "
        "medical_aid = ?, ins_pension = ?, dibao = ?, tekun = ?, "
        "public_job = ?, phone = ?, updated_at = ?, version = version + 1 "
        "WHERE id = ? AND version = ?";
    const char *codes[] = {p->relation, p->ethnicity, p->political,
                           p->education, p->schooling, p->health, p->labour};
    const int flags[] = {p->work_months, p->ins_medical, p->ins_serious,
                         p->medical_aid, p->ins_pension, p->dibao, p->tekun};
    sqlite3_stmt *st = db_prep(db, sql, e);
    struct vals ov, nv;
    char now[32];
    int i;

    if (st == NULL) {
        return -1;
    }
    clock_now(now, sizeof(now));
    db_bind_text_or_null(st, 1, p->person_no);
    db_bind_text(st, 2, p->name);
    db_bind_text_or_null(st, 3, p->sex);
    db_bind_text_or_null(st, 4, p->id_type);
    db_bind_text_or_null(st, 5, p->id_no);
    db_bind_date(st, 6, p->birth);
    for (i = 0; i < 7; i++) {
        db_bind_text_or_null(st, 7 + i, codes[i]);
    }
    db_bind_text_or_null(st, 14, p->work_place);
    for (i = 0; i < 7; i++) {
        db_bind_int(st, 15 + i, flags[i]);
    }
    db_bind_text_or_null(st, 22, p->public_job);
    db_bind_text_or_null(st, 23, p->phone);
    db_bind_text(st, 24, now);
    db_bind_int(st, 25, old->id);
    db_bind_int(st, 26, p->version);
    if (db_done(db, st, e)) {
        return -1;
    }
    if (sqlite3_changes(db->h) != 1) {
        return conflict_person(e, old, hh_no);
    }
    p_vals(old, &ov);
    p_vals(p, &nv);
    return audit_changes(db, a, "person", old->id, p_names, P_NFIELDS, &ov,
                         &nv, e);
}

/* Store P; *HH gets its household. */
static int
person_store(struct db *db, const struct actor *a, struct person *p,
             int64_t *hh, struct err *e)
{
    struct person old;
    struct place pl;

    if (p->id == 0) {
        *hh = p->household_id;
        if (writable(db, a, p->household_id, &pl, e) ||
            id_no_free(db, p->id_no, 0, e)) {
            return -1;
        }
        p->in_household = 1;
        p->left_reason[0] = '\0';
        return db_person_insert(db, a->login, p, 1, e);
    }
    if (may_write(a, e) || db_person_get(db, p->id, &old, e) ||
        writable(db, a, old.household_id, &pl, e)) {
        return -1;
    }
    *hh = old.household_id;
    if (p->household_id != old.household_id) {
        return err_set(e, ERR_INVALID,
                       _("%s is a member of household %s; a member cannot be moved to another household here"),
                       old.name, pl.hh_no);
    }
    if (old.version != p->version) {
        return conflict_person(e, &old, pl.hh_no);
    }
    /* Only a current member's ID number must be unique. */
    if (old.in_household && strcmp(old.id_no, p->id_no) != 0 &&
        id_no_free(db, p->id_no, p->id, e)) {
        return -1;
    }
    if (person_update(db, a, &old, p, pl.hh_no, e)) {
        return -1;
    }
    /* Membership changes only through db_person_remove. */
    p->in_household = old.in_household;
    memcpy(p->left_reason, old.left_reason, sizeof(p->left_reason));
    return 0;
}

int
db_person_save(struct db *db, const struct rule_ctx *ctx,
               const struct actor *a, struct person *p, struct err *e)
{
    struct person saved = *p;
    int64_t hh = 0;
    int rc;

    if (db_begin(db, e)) {
        return -1;
    }
    rc = person_store(db, a, p, &hh, e) || db_list_refresh(db, ctx, hh, e);
    if (finish_tx(db, rc, e)) {
        *p = saved;
        return -1;
    }
    if (saved.id != 0) {
        p->version++;
    }
    return 0;
}

/* Current members of HH other than person EXCEPT. */
static int
others_in(struct db *db, int64_t hh, int64_t except, int64_t *n,
          struct err *e)
{
    static const char sql[] =
        "SELECT count(*) FROM person "
        "WHERE household_id = ? AND in_household = 1 AND id <> ?";
    sqlite3_stmt *st = db_prep(db, sql, e);
    int rc;

    if (st != NULL) {
        db_bind_int(st, 1, hh);
        db_bind_int(st, 2, except);
    }
    if ((rc = one_row(db, st, e)) <= 0) {
        return rc < 0 ? -1 : 0;
    }
    *n = db_col_int(st, 0);
    sqlite3_reset(st);
    return 0;
}

static int
person_leave(struct db *db, const struct rule_ctx *ctx, const struct actor *a,
             int64_t id, int64_t version, const char *reason, int day,
             int64_t *hh, struct err *e)
{
    static const char left_on[] = "SELECT left_on FROM person WHERE id = ?";
    static const char sql[] =
        "UPDATE person SET in_household = 0, left_reason = ?, left_on = ?, "
        "updated_at = ?, version = version + 1 WHERE id = ? AND version = ?";
    static const char *const names[] = {"in_household", "left_reason", "left_on"};
    struct person old;
    struct place pl;
    struct vals ov, nv;
    sqlite3_stmt *st;
    int64_t others = 0;
    int old_left = DATE_NONE;
    char now[32];

    if (may_write(a, e) || db_person_get(db, id, &old, e) ||
        writable(db, a, old.household_id, &pl, e)) {
        return -1;
    }
    *hh = old.household_id;
    if (old.version != version) {
        return conflict_person(e, &old, pl.hh_no);
    }
    if (!old.in_household) {
        return err_set(e, ERR_INVALID, _("%s has already left household %s"),
                       old.name, pl.hh_no);
    }
    if (code_is(&ctx->policy->codes, "relation", old.relation, "head")) {
        if (others_in(db, old.household_id, id, &others, e)) {
            return -1;
        }
        if (others > 0) {
            return err_set(e, ERR_RULE,
                           _("%s is the head of household %s and %lld other members remain; make another member the head first, then remove %s"),
                           old.name, pl.hh_no, (long long)others, old.name);
        }
    }
    if ((st = db_prep(db, left_on, e)) != NULL) {
        db_bind_int(st, 1, id);
    }
    if (one_row(db, st, e) < 0) {
        return -1;
    }
    old_left = db_col_date(st, 0);
    sqlite3_reset(st);
    if ((st = db_prep(db, sql, e)) == NULL) {
        return -1;
    }
    clock_now(now, sizeof(now));
    db_bind_text(st, 1, reason);
    db_bind_date(st, 2, day);
    db_bind_text(st, 3, now);
    db_bind_int(st, 4, id);
    db_bind_int(st, 5, version);
    if (db_done(db, st, e)) {
        return -1;
    }
    if (sqlite3_changes(db->h) != 1) {
        return conflict_person(e, &old, pl.hh_no);
    }
    ov.n = nv.n = 0;
    v_flag(&ov, 1);
    v_text(&ov, old.left_reason);
    v_date(&ov, old_left);
    v_flag(&nv, 0);
    v_text(&nv, reason);
    v_date(&nv, day);
    return audit_changes(db, a, "person", id, names, 3, &ov, &nv, e);
}

int
db_person_remove(struct db *db, const struct rule_ctx *ctx,
                 const struct actor *a, int64_t id, int64_t version,
                 const char *reason, int day, struct err *e)
{
    int64_t hh = 0;
    int rc;

    if (reason == NULL || reason[strspn(reason, " \t")] == '\0') {
        return err_set(e, ERR_INVALID,
                       _("give the reason why the member leaves the household"));
    }
    if (strlen(reason) > LEFT_REASON_MAX) {
        return err_set(e, ERR_INVALID,
                       _("the reason is too long: at most %d bytes (about %d Chinese characters)"),
                       LEFT_REASON_MAX, LEFT_REASON_MAX / 3);
    }
    if (day == DATE_NONE) {
        day = ctx->today;
    }
    if (day > ctx->today) {
        return err_set(e, ERR_INVALID,
                       _("the day the member left cannot be after today"));
    }
    if (db_begin(db, e)) {
        return -1;
    }
    rc = person_leave(db, ctx, a, id, version, reason, day, &hh, e) ||
         db_list_refresh(db, ctx, hh, e);
    return finish_tx(db, rc, e);
}

/* ---- incomes and guarantees ----------------------------------------- */

/* Whether HH has a row in TBL's year-keyed table for YEAR: 0 no, 1 yes. */
static int
year_taken(struct db *db, const char *sql, int64_t hh, int year,
           int64_t except, struct err *e)
{
    sqlite3_stmt *st = db_prep(db, sql, e);
    int rc;

    if (st != NULL) {
        db_bind_int(st, 1, hh);
        db_bind_int(st, 2, year);
        db_bind_int(st, 3, except);
    }
    rc = one_row(db, st, e);
    if (rc == 1) {
        sqlite3_reset(st);
    }
    return rc;
}

static const char income_year_sql[] =
    "SELECT 1 FROM income WHERE household_id = ? AND year = ? AND id <> ?";
static const char guarantee_year_sql[] =
    "SELECT 1 FROM guarantee WHERE household_id = ? AND year = ? AND id <> ?";

/* The record TBL of YEAR of household PL was added (EXCEPT 0) by someone
 * else meanwhile, or (EXCEPT set) another record has that year. */
static int
year_check(struct db *db, const char *sql, const char *tbl,
           const struct place *pl, int year, int64_t except, struct err *e)
{
    int rc = year_taken(db, sql, pl->id, year, except, e);

    if (rc <= 0) {
        return rc;
    }
    if (except == 0) {
        return err_set(e, ERR_CONFLICT,
                       _("the %s of %d of household %s was added by someone else meanwhile; look at it before saving yours"),
                       audit_table_label(tbl), year, pl->hh_no);
    }
    return err_set(e, ERR_INVALID,
                   _("household %s already has the %s of %d; change that one instead"),
                   pl->hh_no, audit_table_label(tbl), year);
}

static int
conflict_year(struct err *e, const char *tbl, int year, const char *hh_no)
{
    return err_set(e, ERR_CONFLICT,
                   _("the %s of %d of household %s was changed by someone else meanwhile; look at their changes before saving yours"),
                   audit_table_label(tbl), year, hh_no);
}

#define INC_NFIELDS 13

static const char *const inc_names[INC_NFIELDS] = {
    "year", "wage", "business", "property", "transfer", "business_cost",
    "claims", "oop_rigid", "members", "net", "per_capita", "line_fen",
    "line_year",
};

static void
inc_vals(const struct income *inc, struct vals *x)
{
    x->n = 0;
    v_int(x, inc->year);
    v_money(x, inc->wage);
    v_money(x, inc->business);
    v_money(x, inc->property);
    v_money(x, inc->transfer);
    v_money(x, inc->business_cost);
    v_money(x, inc->claims);
    v_money(x, inc->oop_rigid);
    v_int(x, inc->members);
    v_money(x, inc->net);
    v_money(x, inc->per_capita);
    if (inc->line_fen != 0) {
        v_money(x, inc->line_fen);
    } else {
        v_text(x, "");
    }
    v_id(x, inc->line_year);
}

static int
income_update(struct db *db, const struct actor *a, const struct income *old,
              const struct income *inc, const char *hh_no, struct err *e)
{
    static const char sql[] =
        "UPDATE income SET year = ?, wage = ?, business = ?, property = ?, "
        "transfer = ?, business_cost = ?, claims = ?, oop_rigid = ?, "
        "members = ?, net = ?, per_capita = ?, line_fen = ?, line_year = ?, "
        "updated_at = ?, version = version + 1 WHERE id = ? AND version = ?";
    const int64_t parts[] = {inc->wage, inc->business, inc->property,
                             inc->transfer, inc->business_cost, inc->claims,
                             inc->oop_rigid};
    sqlite3_stmt *st = db_prep(db, sql, e);
    struct vals ov, nv;
    char now[32];
    int i;

    if (st == NULL) {
        return -1;
    }
    clock_now(now, sizeof(now));
    db_bind_int(st, 1, inc->year);
    for (i = 0; i < 7; i++) {
        db_bind_int(st, 2 + i, parts[i]);
    }
    db_bind_int(st, 9, inc->members);
    db_bind_int(st, 10, inc->net);
    db_bind_int(st, 11, inc->per_capita);
    db_bind_id(st, 12, inc->line_fen);
    db_bind_id(st, 13, inc->line_year);
    db_bind_text(st, 14, now);
    db_bind_int(st, 15, old->id);
    db_bind_int(st, 16, inc->version);
    if (db_done(db, st, e)) {
        return -1;
    }
    if (sqlite3_changes(db->h) != 1) {
        return conflict_year(e, "income", old->year, hh_no);
    }
    inc_vals(old, &ov);
    inc_vals(inc, &nv);
    return audit_changes(db, a, "income", old->id, inc_names, INC_NFIELDS,
                         &ov, &nv, e);
}

static int
income_store(struct db *db, const struct actor *a, struct income *inc,
             int64_t *hh, struct err *e)
{
    struct income old;
    struct place pl;

    if (inc->id == 0) {
        *hh = inc->household_id;
        if (writable(db, a, inc->household_id, &pl, e) ||
            year_check(db, income_year_sql, "income", &pl, inc->year, 0, e)) {
            return -1;
        }
        return db_income_insert(db, a->login, inc, 1, e);
    }
    if (may_write(a, e) || income_by_id(db, inc->id, &old, e)) {
        return -1;
    }
    *hh = old.household_id;
    if (stays_in(db, a, old.household_id, inc->household_id, &pl, e)) {
        return -1;
    }
    if (old.version != inc->version) {
        return conflict_year(e, "income", old.year, pl.hh_no);
    }
    if (inc->year != old.year &&
        year_check(db, income_year_sql, "income", &pl, inc->year, inc->id, e)) {
        return -1;
    }
    return income_update(db, a, &old, inc, pl.hh_no, e);
}

int
db_income_save(struct db *db, const struct rule_ctx *ctx,
               const struct actor *a, struct income *inc, struct err *e)
{
    const struct line_entry *line;
    struct income saved = *inc;
    int64_t hh = 0;
    int rc;

    if (income_compute(inc)) {
        return err_set(e, ERR_INVALID, _("the number of household members must be at least 1"));
    }
    line = policy_line(ctx->policy, ctx->province, inc->year);
    inc->line_fen = line != NULL ? line->fen : 0;
    inc->line_year = line != NULL ? line->year : 0;
    if (db_begin(db, e)) {
        *inc = saved;
        return -1;
    }
    rc = income_store(db, a, inc, &hh, e) || db_list_refresh(db, ctx, hh, e);
    if (finish_tx(db, rc, e)) {
        *inc = saved;
        return -1;
    }
    if (saved.id != 0) {
        inc->version++;
    }
    return 0;
}

#define G_NFIELDS 7

static const char *const g_names[G_NFIELDS] = {
    "year", "checked_on", "food_clothing", "education", "medical", "housing",
    "water",
};

static void
g_vals(const struct guarantee *g, struct vals *x)
{
    x->n = 0;
    v_int(x, g->year);
    v_date(x, g->checked_on);
    v_flag(x, g->food_clothing);
    v_flag(x, g->education);
    v_flag(x, g->medical);
    v_flag(x, g->housing);
    v_flag(x, g->water);
}

static int
guarantee_update(struct db *db, const struct actor *a,
                 const struct guarantee *old, const struct guarantee *g,
                 const char *hh_no, struct err *e)
{
    static const char sql[] =
        "UPDATE guarantee SET year = ?, checked_on = ?, food_clothing = ?, "
        "education = ?, medical = ?, housing = ?, water = ?, updated_at = ?, "
        "version = version + 1 WHERE id = ? AND version = ?";
    sqlite3_stmt *st = db_prep(db, sql, e);
    struct vals ov, nv;
    char now[32];

    if (st == NULL) {
        return -1;
    }
    clock_now(now, sizeof(now));
    db_bind_int(st, 1, g->year);
    db_bind_date(st, 2, g->checked_on);
    db_bind_int(st, 3, g->food_clothing);
    db_bind_int(st, 4, g->education);
    db_bind_int(st, 5, g->medical);
    db_bind_int(st, 6, g->housing);
    db_bind_int(st, 7, g->water);
    db_bind_text(st, 8, now);
    db_bind_int(st, 9, old->id);
    db_bind_int(st, 10, g->version);
    if (db_done(db, st, e)) {
        return -1;
    }
    if (sqlite3_changes(db->h) != 1) {
        return conflict_year(e, "guarantee", old->year, hh_no);
    }
    g_vals(old, &ov);
    g_vals(g, &nv);
    return audit_changes(db, a, "guarantee", old->id, g_names, G_NFIELDS,
                         &ov, &nv, e);
}

static int
guarantee_store(struct db *db, const struct actor *a, struct guarantee *g,
                int64_t *hh, struct err *e)
{
    struct guarantee old;
    struct place pl;

    if (g->id == 0) {
        *hh = g->household_id;
        if (writable(db, a, g->household_id, &pl, e) ||
            year_check(db, guarantee_year_sql, "guarantee", &pl, g->year, 0, e)) {
            return -1;
        }
        return db_guarantee_insert(db, a->login, g, 1, e);
    }
    if (may_write(a, e) || guarantee_by_id(db, g->id, &old, e)) {
        return -1;
    }
    *hh = old.household_id;
    if (stays_in(db, a, old.household_id, g->household_id, &pl, e)) {
        return -1;
    }
    if (old.version != g->version) {
        return conflict_year(e, "guarantee", old.year, pl.hh_no);
    }
    if (g->year != old.year &&
        year_check(db, guarantee_year_sql, "guarantee", &pl, g->year, g->id, e)) {
        return -1;
    }
    return guarantee_update(db, a, &old, g, pl.hh_no, e);
}

int
db_guarantee_save(struct db *db, const struct rule_ctx *ctx,
                  const struct actor *a, struct guarantee *g, struct err *e)
{
    struct guarantee saved = *g;
    int64_t hh = 0;
    int rc;

    if (g->checked_on == DATE_NONE) {
        return err_set(e, ERR_INVALID, _("give the day the guarantees were checked"));
    }
    if (db_begin(db, e)) {
        return -1;
    }
    rc = guarantee_store(db, a, g, &hh, e) || db_list_refresh(db, ctx, hh, e);
    if (finish_tx(db, rc, e)) {
        *g = saved;
        return -1;
    }
    if (saved.id != 0) {
        g->version++;
    }
    return 0;
}

/* ---- measures and visits -------------------------------------------- */

/* CASE_ID (0: none) is a case of household HH. */
static int
case_of(struct db *db, int64_t case_id, const struct place *pl, struct err *e)
{
    static const char sql[] =
        "SELECT 1 FROM monitor_case WHERE id = ? AND household_id = ?";
    sqlite3_stmt *st;
    int rc;

    if (case_id == 0) {
        return 0;
    }
    if ((st = db_prep(db, sql, e)) != NULL) {
        db_bind_int(st, 1, case_id);
        db_bind_int(st, 2, pl->id);
    }
    if ((rc = one_row(db, st, e)) < 0) {
        return -1;
    }
    sqlite3_reset(st);
    if (rc == 0) {
        return err_set(e, ERR_INVALID,
                       _("the measure names a monitoring case that is not one of household %s"),
                       pl->hh_no);
    }
    return 0;
}

static int
conflict_other(struct err *e, const char *tbl, const char *hh_no)
{
    return err_set(e, ERR_CONFLICT,
                   _("a %s of household %s was changed by someone else meanwhile; look at their changes before saving yours"),
                   audit_table_label(tbl), hh_no);
}

#define M_NFIELDS 7

static const char *const m_names[M_NFIELDS] = {
    "case_id", "year", "category", "item", "start_date", "end_date",
    "project_id",
};

static void
m_vals(const struct measure *m, struct vals *x)
{
    x->n = 0;
    v_id(x, m->case_id);
    v_int(x, m->year);
    v_text(x, m->category);
    v_text(x, m->item);
    v_date(x, m->start);
    v_date(x, m->end);
    v_id(x, m->project_id);
}

static int
measure_update(struct db *db, const struct actor *a, const struct measure *old,
               const struct measure *m, const char *hh_no, struct err *e)
{
    static const char sql[] =
        "UPDATE measure SET case_id = ?, year = ?, category = ?, item = ?, "
        "start_date = ?, end_date = ?, project_id = ?, updated_at = ?, "
        "version = version + 1 WHERE id = ? AND version = ?";
    sqlite3_stmt *st = db_prep(db, sql, e);
    struct vals ov, nv;
    char now[32];

    if (st == NULL) {
        return -1;
    }
    clock_now(now, sizeof(now));
    db_bind_id(st, 1, m->case_id);
    db_bind_int(st, 2, m->year);
    db_bind_text(st, 3, m->category);
    db_bind_text_or_null(st, 4, m->item);
    db_bind_date(st, 5, m->start);
    db_bind_date(st, 6, m->end);
    db_bind_id(st, 7, m->project_id);
    db_bind_text(st, 8, now);
    db_bind_int(st, 9, old->id);
    db_bind_int(st, 10, m->version);
    if (db_done(db, st, e)) {
        return -1;
    }
    if (sqlite3_changes(db->h) != 1) {
        return conflict_other(e, "measure", hh_no);
    }
    m_vals(old, &ov);
    m_vals(m, &nv);
    return audit_changes(db, a, "measure", old->id, m_names, M_NFIELDS, &ov,
                         &nv, e);
}

static int
measure_store(struct db *db, const struct actor *a, struct measure *m,
              int64_t *hh, struct err *e)
{
    struct measure old;
    struct place pl;

    if (m->id == 0) {
        *hh = m->household_id;
        if (writable(db, a, m->household_id, &pl, e) ||
            case_of(db, m->case_id, &pl, e)) {
            return -1;
        }
        return db_measure_insert(db, a->login, m, 1, e);
    }
    if (may_write(a, e) || db_measure_get(db, m->id, &old, e)) {
        return -1;
    }
    *hh = old.household_id;
    if (stays_in(db, a, old.household_id, m->household_id, &pl, e)) {
        return -1;
    }
    if (old.version != m->version) {
        return conflict_other(e, "measure", pl.hh_no);
    }
    if (m->case_id != old.case_id && case_of(db, m->case_id, &pl, e)) {
        return -1;
    }
    return measure_update(db, a, &old, m, pl.hh_no, e);
}

int
db_measure_save(struct db *db, const struct rule_ctx *ctx,
                const struct actor *a, struct measure *m, struct err *e)
{
    struct measure saved = *m;
    int64_t hh = 0;
    int rc;

    if (db_begin(db, e)) {
        return -1;
    }
    rc = measure_store(db, a, m, &hh, e) || db_list_refresh(db, ctx, hh, e);
    if (finish_tx(db, rc, e)) {
        *m = saved;
        return -1;
    }
    if (saved.id != 0) {
        m->version++;
    }
    return 0;
}

#define VI_NFIELDS 6

static const char *const vi_names[VI_NFIELDS] = {
    "visit_date", "visitor", "visitor_role", "findings", "new_risk",
    "next_visit",
};

static void
vi_vals(const struct visit *v, struct vals *x)
{
    x->n = 0;
    v_date(x, v->visit_date);
    v_text(x, v->visitor);
    v_text(x, v->visitor_role);
    v_text(x, v->findings);
    v_flag(x, v->new_risk);
    v_date(x, v->next_visit);
}

static int
visit_update(struct db *db, const struct actor *a, const struct visit *old,
             const struct visit *v, const char *hh_no, struct err *e)
{
    static const char sql[] =
        "UPDATE visit SET visit_date = ?, visitor = ?, visitor_role = ?, "
        "findings = ?, new_risk = ?, next_visit = ?, updated_at = ?, "
        "version = version + 1 WHERE id = ? AND version = ?";
    sqlite3_stmt *st = db_prep(db, sql, e);
    struct vals ov, nv;
    char now[32];

    if (st == NULL) {
        return -1;
    }
    clock_now(now, sizeof(now));
    db_bind_date(st, 1, v->visit_date);
    db_bind_text(st, 2, v->visitor);
    db_bind_text_or_null(st, 3, v->visitor_role);
    db_bind_text_or_null(st, 4, v->findings);
    db_bind_int(st, 5, v->new_risk);
    db_bind_date(st, 6, v->next_visit);
    db_bind_text(st, 7, now);
    db_bind_int(st, 8, old->id);
    db_bind_int(st, 9, v->version);
    if (db_done(db, st, e)) {
        return -1;
    }
    if (sqlite3_changes(db->h) != 1) {
        return conflict_other(e, "visit", hh_no);
    }
    vi_vals(old, &ov);
    vi_vals(v, &nv);
    return audit_changes(db, a, "visit", old->id, vi_names, VI_NFIELDS, &ov,
                         &nv, e);
}

static int
visit_store(struct db *db, const struct actor *a, struct visit *v,
            struct visit *old, int64_t *hh, struct err *e)
{
    struct place pl;

    if (v->id == 0) {
        *hh = v->household_id;
        if (writable(db, a, v->household_id, &pl, e)) {
            return -1;
        }
        return db_visit_insert(db, a->login, v, 1, e);
    }
    if (may_write(a, e) || db_visit_get(db, v->id, old, e)) {
        return -1;
    }
    *hh = old->household_id;
    if (stays_in(db, a, old->household_id, v->household_id, &pl, e)) {
        return -1;
    }
    if (old->version != v->version) {
        return conflict_other(e, "visit", pl.hh_no);
    }
    return visit_update(db, a, old, v, pl.hh_no, e);
}

int
db_visit_save(struct db *db, const struct rule_ctx *ctx,
              const struct actor *a, struct visit *v, struct err *e)
{
    struct visit old;
    int64_t id = v->id, version = v->version, hh = 0;
    int rc;

    visit_init(&old);
    if (db_begin(db, e)) {
        return -1;
    }
    rc = visit_store(db, a, v, &old, &hh, e) || db_list_refresh(db, ctx, hh, e);
    visit_clear(&old);
    if (finish_tx(db, rc, e)) {
        v->id = id;
        v->version = version;
        return -1;
    }
    if (id != 0) {
        v->version++;
    }
    return 0;
}

/* ---- similar households --------------------------------------------- */

/* A household found, with the member that matched first. */
struct cand {
    struct similar_hh s;
    char id_no[DOCNO_BUF];
};

struct cands {
    struct cand *v;
    size_t n, alloc;
};

static void
cand_add(struct cands *c, int64_t hh, unsigned why, const char *name,
         const char *id_no)
{
    struct cand *x;
    size_t i;

    for (i = 0; i < c->n; i++) {
        if (c->v[i].s.id == hh) {
            c->v[i].s.why |= why;
            return;
        }
    }
    c->v = xgrow(c->v, &c->alloc, c->n + 1, sizeof(*c->v));
    x = &c->v[c->n++];
    memset(x, 0, sizeof(*x));
    x->s.id = hh;
    x->s.why = why;
    snprintf(x->s.person, sizeof(x->s.person), "%s", name);
    snprintf(x->id_no, sizeof(x->id_no), "%s", id_no);
}

/* Add the matches of ST (household_id, name, id_no) as WHY; only names
 * whose initials are INITIALS when that is not NULL. */
static int
collect(struct db *db, sqlite3_stmt *st, unsigned why, const char *initials,
        int64_t except, struct cands *c, struct err *e)
{
    char name[NAME_BUF], id_no[DOCNO_BUF], ini[NAME_BUF];
    int rc;

    if (st == NULL) {
        return -1;
    }
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t hh = db_col_int(st, 0);

        if (hh == except) {
            continue;
        }
        db_col_text(st, 1, name, sizeof(name));
        db_col_text(st, 2, id_no, sizeof(id_no));
        if (initials != NULL) {
            pinyin_initials(name, 1, ini, sizeof(ini));
            if (strcmp(ini, initials) != 0) {
                continue;
            }
        }
        cand_add(c, hh, why, name, id_no);
    }
    if (rc != SQLITE_DONE) {
        db_fail(db, e, _("looking for similar households"));
        sqlite3_reset(st);
        return -1;
    }
    sqlite3_reset(st);
    return 0;
}

static int
popcount(unsigned v)
{
    int n = 0;

    for (; v != 0; v &= v - 1) {
        n++;
    }
    return n;
}

/* Strongest first: the best kind of match (lowest bit), then the number
 * of kinds, then the household id. */
static int
cand_cmp(const void *pa, const void *pb)
{
    const struct similar_hh *a = &((const struct cand *)pa)->s;
    const struct similar_hh *b = &((const struct cand *)pb)->s;
    unsigned la = a->why & -a->why, lb = b->why & -b->why;

    if (la != lb) {
        return la < lb ? -1 : 1;
    }
    if (popcount(a->why) != popcount(b->why)) {
        return popcount(a->why) > popcount(b->why) ? -1 : 1;
    }
    return a->id < b->id ? -1 : a->id > b->id;
}

/* Fill the shown fields of X when A sees its household. */
static int
cand_details(struct db *db, const struct actor *a, struct cand *x,
             struct err *e)
{
    static const char sql[] =
        "SELECT h.hh_no, h.township_id, h.village_id, coalesce(l.head, ''), "
        "t.name, v.name FROM household h "
        "JOIN division t ON t.id = h.township_id "
        "JOIN division v ON v.id = h.village_id "
        "LEFT JOIN hh_list l ON l.id = h.id WHERE h.id = ?";
    sqlite3_stmt *st = db_prep(db, sql, e);
    struct similar_hh *s = &x->s;
    char town[200], village[200];
    int rc;

    if (st != NULL) {
        db_bind_int(st, 1, s->id);
    }
    if ((rc = one_row(db, st, e)) < 0) {
        return -1;
    }
    s->in_scope = rc == 1 && actor_sees(a, db_col_int(st, 1), db_col_int(st, 2));
    if (!s->in_scope) {
        if (rc == 1) {
            sqlite3_reset(st);
        }
        s->hh_no[0] = s->head[0] = s->village[0] = s->person[0] = '\0';
        s->id_masked[0] = '\0';
        return 0;
    }
    db_col_text(st, 0, s->hh_no, sizeof(s->hh_no));
    db_col_text(st, 3, s->head, sizeof(s->head));
    db_col_text(st, 4, town, sizeof(town));
    db_col_text(st, 5, village, sizeof(village));
    sqlite3_reset(st);
    snprintf(s->village, sizeof(s->village), "%.98s %.98s", town, village);
    s->id_masked[0] = '\0';
    if (x->id_no[0] != '\0') {
        idno_mask(x->id_no, s->id_masked);
    }
    return 0;
}

int
db_household_similar(struct db *db, const struct actor *a, const char *name,
                     const char *id_no, int64_t village, int birth,
                     int64_t except_hh, int limit, struct similar_hh **v,
                     size_t *n, struct err *e)
{
    static const char by_id[] =
        "SELECT household_id, name, id_no FROM person "
        "WHERE id_no = ? AND in_household = 1";
    static const char by_name[] =
        "SELECT p.household_id, p.name, p.id_no FROM person p "
        "JOIN household h ON h.id = p.household_id "
        "WHERE p.name = ? AND p.in_household = 1 AND h.village_id = ? "
        "ORDER BY p.household_id";
    static const char by_birth[] =
        "SELECT household_id, name, id_no FROM person "
        "WHERE birth_date = ? AND in_household = 1 ORDER BY household_id";
    struct cands c = {NULL, 0, 0};
    char initials[NAME_BUF], day[DATE_BUF];
    sqlite3_stmt *st;
    size_t i;
    int rc = 0;

    *v = NULL;
    *n = 0;
    name = name != NULL ? name : "";
    if (id_no != NULL && *id_no != '\0') {
        if ((st = db_prep(db, by_id, e)) != NULL) {
            db_bind_text(st, 1, id_no);
        }
        rc = collect(db, st, SIM_ID, NULL, except_hh, &c, e);
    }
    if (rc == 0 && *name != '\0' && village != 0) {
        if ((st = db_prep(db, by_name, e)) != NULL) {
            db_bind_text(st, 1, name);
            db_bind_int(st, 2, village);
        }
        rc = collect(db, st, SIM_NAME_VILLAGE, NULL, except_hh, &c, e);
    }
    pinyin_initials(name, 1, initials, sizeof(initials));
    if (rc == 0 && initials[0] != '\0' && birth != DATE_NONE) {
        date_format(birth, day);
        if ((st = db_prep(db, by_birth, e)) != NULL) {
            db_bind_text(st, 1, day);
        }
        rc = collect(db, st, SIM_INITIALS_BIRTH, initials, except_hh, &c, e);
    }
    if (rc == 0 && c.n > 0) {
        qsort(c.v, c.n, sizeof(*c.v), cand_cmp);
        if (limit > 0 && c.n > (size_t)limit) {
            c.n = (size_t)limit;
        }
        for (i = 0; rc == 0 && i < c.n; i++) {
            rc = cand_details(db, a, &c.v[i], e);
        }
    }
    if (rc == 0 && c.n > 0) {
        *v = xmalloc(c.n * sizeof(**v));
        for (i = 0; i < c.n; i++) {
            (*v)[i] = c.v[i].s;
        }
        *n = c.n;
    }
    free(c.v);
    return rc;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_registry.c - the save path the registry's records share (see
 * db_registry.h): the household read once with the role and scope check,
 * and the save of a record of a household.
 */
#include "config.h"
#include "db/db_registry.h"

#include <stdlib.h>
#include <string.h>

#include "core/audit_text.h"
#include "core/role.h"
#include "db/db_list.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

int
reg_tx(struct db *db, const struct rule_ctx *ctx, const struct actor *a,
       int (*store)(struct reg_save *s, void *arg), void *arg, struct err *e)
{
    struct reg_save s;
    int rc;

    memset(&s, 0, sizeof(s));
    s.db = db;
    s.ctx = ctx;
    s.a = a;
    s.e = e;
    if (db_begin(db, e)) {
        return -1;
    }
    rc = store(&s, arg) || db_list_refresh_hh(db, ctx, &s.hh, e);
    return rec_end_tx(db, rc, e);
}

int
reg_may_write(const struct actor *a, struct err *e)
{
    if (!actor_writes(a)) {
        return err_set(e, ERR_DENIED,
                       _("your account is read-only: it can look at the registry but not change it"));
    }
    return 0;
}

int
reg_may_change(const struct reg_save *s, int64_t township, int64_t village)
{
    if (reg_may_write(s->a, s->e)) {
        return -1;
    }
    if (!actor_sees(s->a, township, village)) {
        return err_set(s->e, ERR_DENIED,
                       _("household %s is outside your scope; you cannot change it"),
                       s->hh.hh_no);
    }
    return 0;
}

int
reg_load(struct reg_save *s, int64_t hh)
{
    if (reg_may_write(s->a, s->e) || rec_get(s->db, &household_def, hh, &s->hh, s->e)) {
        return -1;
    }
    return reg_may_change(s, s->hh.township_id, s->hh.village_id);
}

/* --- a record of a household ------------------------------------------ */

struct job {
    const struct reg_kind *k;
    void *rec;
};

static int64_t
household_of(const struct reg_kind *k, const void *rec)
{
    return *(const int64_t *)(const void *)((const char *)rec + k->hh_off);
}

static int
year_of(const struct reg_kind *k, const void *rec)
{
    return *(const int *)(const void *)((const char *)rec + k->year_off);
}

/* "SELECT id FROM <table> WHERE household_id = ? AND <year> = ?" for the
 * kind ARG. */
static void
build_year_sql(struct sbuf *sb, const void *arg)
{
    const struct reg_kind *k = arg;
    const char *year = "year";
    size_t i;

    for (i = 0; i < k->def->ncols; i++) {
        if (k->def->cols[i].off == k->year_off) {
            year = k->def->cols[i].name;
        }
    }
    sbuf_addf(sb, "SELECT id FROM %s WHERE household_id = ? AND %s = ?",
              k->def->table, year);
}

/* The id of the record of kind K of household HH and YEAR (0: none). */
static int
year_id(struct db *db, const struct reg_kind *k, int64_t hh, int year,
        int64_t *id, struct err *e)
{
    sqlite3_stmt *st = db_prep_key(db, k, 0, build_year_sql, k, e);
    int rc;

    *id = 0;
    if (st != NULL) {
        db_bind_int(st, 1, hh);
        db_bind_int(st, 2, year);
    }
    if ((rc = db_one(db, st, _("reading the registry"), e)) == 1) {
        *id = db_col_int(st, 0);
        sqlite3_reset(st);
    }
    return rc < 0 ? -1 : 0;
}

/* The year of yearly record REC (OLD: as stored, NULL when new) is free
 * in household S->hh: when REC is new, someone else added that year
 * meanwhile. */
static int
year_free(struct reg_save *s, const struct reg_kind *k, const void *old,
          const void *rec)
{
    int64_t id = *rec_id(k->def, (void *)rec), other;
    int year = year_of(k, rec);

    if (k->year_off == 0 || (old != NULL && year_of(k, old) == year)) {
        return 0;
    }
    if (year_id(s->db, k, s->hh.id, year, &other, s->e)) {
        return -1;
    }
    if (other == 0 || other == id) {
        return 0;
    }
    if (id == 0) {
        return err_set(s->e, ERR_CONFLICT,
                       _("the %s of %d of household %s was added by someone else meanwhile; look at it before saving yours"),
                       audit_table_label(k->def->table), year, s->hh.hh_no);
    }
    return err_set(s->e, ERR_INVALID,
                   _("household %s already has the %s of %d; change that one instead"),
                   s->hh.hh_no, audit_table_label(k->def->table), year);
}

/* OLD was saved by someone else meanwhile. */
static int
conflict(const struct reg_save *s, const struct reg_kind *k, const void *old)
{
    const char *what = audit_table_label(k->def->table);

    if (k->conflict != NULL) {
        return k->conflict(s, old);
    }
    if (k->year_off != 0) {
        return err_set(s->e, ERR_CONFLICT,
                       _("the %s of %d of household %s was changed by someone else meanwhile; look at their changes before saving yours"),
                       what, year_of(k, old), s->hh.hh_no);
    }
    return err_set(s->e, ERR_CONFLICT,
                   _("a %s of household %s was changed by someone else meanwhile; look at their changes before saving yours"),
                   what, s->hh.hh_no);
}

static int
moved(const struct reg_save *s, const struct reg_kind *k, const void *old)
{
    if (k->moved != NULL) {
        return k->moved(s, old);
    }
    return err_set(s->e, ERR_INVALID,
                   _("this record belongs to household %s; it cannot be moved to another household"),
                   s->hh.hh_no);
}

/* The checks of REC (OLD: as stored, NULL when new): its year, then the
 * kind's own. */
static int
checks(struct reg_save *s, const struct reg_kind *k, const void *old, void *rec)
{
    if (year_free(s, k, old, rec)) {
        return -1;
    }
    return k->check != NULL ? k->check(s, old, rec) : 0;
}

/* Update REC from OLD (read by the caller): the household it belongs to,
 * which it stays in, the version the user loaded, the checks. */
static int
update(struct reg_save *s, const struct reg_kind *k, void *old, void *rec)
{
    const struct rec_def *def = k->def;

    if (reg_load(s, household_of(k, old))) {
        return -1;
    }
    if (household_of(k, rec) != household_of(k, old)) {
        return moved(s, k, old);
    }
    if (*rec_version(def, old) != *rec_version(def, rec)) {
        return conflict(s, k, old);
    }
    if (checks(s, k, old, rec)) {
        return -1;
    }
    return rec_update(s->db, def, s->a->login, old, rec,
                      audit_table_label(def->table), s->e);
}

static int
store_record(struct reg_save *s, void *arg)
{
    const struct job *j = arg;
    const struct reg_kind *k = j->k;
    void *old;
    int rc;

    if (*rec_id(k->def, j->rec) == 0) {
        rc = reg_load(s, household_of(k, j->rec)) || checks(s, k, NULL, j->rec) ||
             rec_insert(s->db, k->def, s->a->login, j->rec, s->e);
        return rc ? -1 : 0;
    }
    old = xcalloc(1, k->size);
    if (k->init != NULL) {
        k->init(old);
    }
    rc = reg_may_write(s->a, s->e) ||
         rec_get(s->db, k->def, *rec_id(k->def, j->rec), old, s->e) ||
         update(s, k, old, j->rec);
    if (k->clear != NULL) {
        k->clear(old);
    }
    free(old);
    return rc ? -1 : 0;
}

int
reg_save_record(struct db *db, const struct rule_ctx *ctx,
                const struct actor *a, const struct reg_kind *k, void *rec,
                struct err *e)
{
    struct job j = {k, rec};
    void *saved = xmalloc(k->size);
    int rc;

    memcpy(saved, rec, k->size);
    rc = (k->prepare != NULL && k->prepare(ctx, rec, e)) ||
         reg_tx(db, ctx, a, store_record, &j, e);
    if (rc) {
        memcpy(rec, saved, k->size);
    }
    free(saved);
    return rc ? -1 : 0;
}

int
reg_get_year(struct db *db, const struct reg_kind *k, int64_t hh, int year,
             void *rec, struct err *e)
{
    int64_t id;

    if (year_id(db, k, hh, year, &id, e)) {
        return -1;
    }
    if (id == 0) {
        return 1;
    }
    return rec_get(db, k->def, id, rec, e);
}

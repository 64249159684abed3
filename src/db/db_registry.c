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
moved(const struct reg_save *s, const void *old)
{
    (void)old;
    return err_set(s->e, ERR_INVALID,
                   _("this record belongs to household %s; it cannot be moved to another household"),
                   s->hh.hh_no);
}

/* Update REC from OLD (read by the caller): the household it belongs to,
 * which it stays in, the version the user loaded, the kind's checks. */
static int
update(struct reg_save *s, const struct reg_kind *k, void *old, void *rec)
{
    const struct rec_def *def = k->def;

    if (reg_load(s, household_of(k, old))) {
        return -1;
    }
    if (household_of(k, rec) != household_of(k, old)) {
        return (k->moved != NULL ? k->moved : moved)(s, old);
    }
    if (*rec_version(def, old) != *rec_version(def, rec)) {
        return k->conflict(s, old);
    }
    if (k->check != NULL && k->check(s, old, rec)) {
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
        rc = reg_load(s, household_of(k, j->rec)) ||
             (k->check != NULL && k->check(s, NULL, j->rec)) ||
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
reg_get_year(struct db *db, const struct rec_def *def, const char *sql,
             int64_t hh, int year, void *rec, struct err *e)
{
    int64_t id;

    if (rec_scalar(db, sql, hh, year, &id, e)) {
        return -1;
    }
    if (id == 0) {
        return 1;
    }
    return rec_get(db, def, id, rec, e);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * export_national.c - the national person-grain sheet's rows from the
 * registry (see export_national.h): households streamed in order
 * (db/db_snapshot.h), each member a row formatted by core/exchange.c.
 */
#include "config.h"
#include "print/export_national.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg/exchange_load.h"
#include "core/exchange.h"
#include "core/idno.h"
#include "core/role.h"
#include "db/db_division.h"
#include "db/db_snapshot.h"
#include "print/export_priv.h"
#include "print/print.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

/* The names of the divisions met so far, by id (direct-mapped: a
 * county has a few thousand, and households come in id order, not by
 * place), and the county. */
#define NAME_SLOTS 4096

struct names {
    struct division county;
    struct {
        int64_t id;
        char *name;
    } slot[NAME_SLOTS];
};

static int
name_of(struct db *db, struct names *nm, int64_t id, char *out, size_t n, struct err *e)
{
    size_t k = (size_t)id % NAME_SLOTS;
    struct division d;

    out[0] = '\0';
    if (id == 0) {
        return 0;
    }
    if (nm->slot[k].id != id || nm->slot[k].name == NULL) {
        if (db_division_get(db, id, &d, e)) {
            return -1;
        }
        free(nm->slot[k].name);
        nm->slot[k].name = xstrdup(d.name);
        nm->slot[k].id = id;
    }
    str_copy(out, n, nm->slot[k].name);
    return 0;
}

static void
names_free(struct names *nm)
{
    size_t k;

    for (k = 0; k < NAME_SLOTS; k++) {
        free(nm->slot[k].name);
    }
    free(nm);
}

static int
places_of(const struct national_src *src, struct names *nm, struct xrecord *r,
          struct err *e)
{
    const struct household *h = &r->hh;

    return name_of(src->db, nm, h->township_id, r->township, sizeof(r->township), e) ||
           name_of(src->db, nm, h->village_id, r->village, sizeof(r->village), e) ||
           name_of(src->db, nm, h->natural_village_id, r->natural, sizeof(r->natural), e);
}

/* Masked ID and phone numbers unless revealed. */
static void
mask(struct xrecord *r)
{
    char m[IDNO_BUF], p[PHONE_MASK_BUF];

    idno_mask(r->p.id_no, m);
    snprintf(r->p.id_no, sizeof(r->p.id_no), "%s", m);
    phone_mask(r->p.phone, p);
    snprintf(r->p.phone, sizeof(r->p.phone), "%s", p);
    phone_mask(r->hh.phone, p);
    snprintf(r->hh.phone, sizeof(r->hh.phone), "%s", p);
}

/* Each member of S as a row. */
static int
household_rows(const struct national_src *src, const struct hh_snapshot *s,
               struct names *nm, struct sbuf *cells, const char **v,
               int (*emit)(void *, const char *const *, struct err *), void *arg,
               int64_t *rows, struct err *e)
{
    const struct xlayout *l = src->layout;
    struct xrecord r;
    size_t i, j, *at = xcalloc(l->n + 1, sizeof(size_t));
    int rc = 0;

    for (i = 0; rc == 0 && i < s->nmembers; i++) {
        xrecord_from(s, i, src->fctx->codes, &r);
        str_copy(r.county, sizeof(r.county), nm->county.name);
        r.data_date = src->date;
        if ((rc = places_of(src, nm, &r, e)) != 0) {
            break;
        }
        if (!src->reveal) {
            mask(&r);
        }
        sbuf_reset(cells);
        for (j = 0; j < l->n; j++) {
            at[j] = cells->len;
            xrecord_cell(&r, &l->v[j], src->fctx, cells);
            sbuf_addch(cells, '\0');
        }
        for (j = 0; j < l->n; j++) {
            v[j] = cells->buf + at[j];
        }
        rc = emit(arg, v, e);
        ++*rows;
    }
    free(at);
    return rc;
}

/* The households of A's scope. */
static int
open_scope(struct db *db, const struct actor *a, struct snap_iter **it, struct err *e)
{
    struct division d;

    if (a->scope_id == 0) {
        return snap_iter_open(it, db, 1, INT64_MAX, e);
    }
    if (a->scope_level == LEVEL_TOWNSHIP) {
        return snap_iter_open_unit(it, db, a->scope_id, 0, e);
    }
    if (db_division_get(db, a->scope_id, &d, e)) {
        return -1;
    }
    return snap_iter_open_unit(it, db, d.parent_id, a->scope_id, e);
}

int
national_rows(const struct national_src *src,
              int (*emit)(void *arg, const char *const *cells, struct err *e),
              void *arg, int64_t *rows, struct err *e)
{
    const struct actor *a = src->a;
    struct names *nm = xcalloc(1, sizeof(*nm));
    struct hh_snapshot s;
    struct snap_iter *it;
    struct sbuf cells = SBUF_INIT;
    const char **v = xcalloc(src->layout->n + 1, sizeof(*v));
    int rc;

    memset(&s, 0, sizeof(s));
    *rows = 0;
    if (db_division_county(src->db, &nm->county, e) || open_scope(src->db, a, &it, e)) {
        names_free(nm);
        free(v);
        return -1;
    }
    while ((rc = snap_iter_next(it, &s, e)) == 1) {
        if (household_rows(src, &s, nm, &cells, v, emit, arg, rows, e)) {
            rc = -1;
            break;
        }
    }
    snap_iter_close(it);
    snapshot_free(&s);
    sbuf_release(&cells);
    names_free(nm);
    free(v);
    return rc < 0 ? -1 : 0;
}

/* --- the national export kind ----------------------------------------- */

#define NATIONAL_MAX_COLS 64

static struct xlayout layout;
static struct export_col national_cols[NATIONAL_MAX_COLS];

static enum sheet_type
sheet_type_of(const struct xcol *c)
{
    switch (c->spec.type) {
    case FT_MONEY:
        return SHEET_AMOUNT;
    case FT_INT:
        return SHEET_INT;
    case FT_DATE:
        return SHEET_DATE;
    default:
        return SHEET_TEXT;
    }
}

/* The columns of the layout file, once. */
static int
national_prepare(const struct print_env *env, struct err *e)
{
    char *datadir;
    size_t i;
    int rc;

    if (layout.n > 0) {
        return 0;
    }
    datadir = path_datadir();
    rc = exchange_load(datadir, "national", env->codes, &layout, e);
    free(datadir);
    if (rc == 0 && layout.n > NATIONAL_MAX_COLS) {
        xlayout_free(&layout);
        return err_set(e, ERR_CONFIG, _("the national layout has more than %d columns"),
                       NATIONAL_MAX_COLS);
    }
    for (i = 0; rc == 0 && i < layout.n; i++) {
        national_cols[i].label = layout.v[i].label;
        national_cols[i].type = sheet_type_of(&layout.v[i]);
        national_cols[i].cell = EC_PSTR;
        national_cols[i].off = i * sizeof(char *);
    }
    national_kind.ncols = layout.n;
    return rc;
}

static int
national_emit(void *arg, const char *const *cells, struct err *e)
{
    return export_emit(arg, cells, NULL, e);
}

static int
national_export_rows(struct export_run *x, struct err *e)
{
    const struct print_env *env = export_env(x);
    struct field_ctx fctx = {env->codes, env->today};
    struct national_src src = {env->db, env->actor, &layout, &fctx,
                               export_filt(x)->reveal, env->today};
    int64_t rows;

    return national_rows(&src, national_emit, x, &rows, e);
}

struct export_kind national_kind = {
    .name = "national",
    .title = N_("National monitoring sheet"),
    .tbl = "person",
    .cols = national_cols,
    .ncols = 0,
    .rows = national_export_rows,
    .prepare = national_prepare,
};

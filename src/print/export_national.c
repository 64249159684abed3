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

#include "core/exchange.h"
#include "core/idno.h"
#include "core/role.h"
#include "db/db_division.h"
#include "db/db_snapshot.h"
#include "util/err.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

/* The last division looked up at each level. */
struct names {
    struct division d[5];
};

static int
name_of(struct db *db, struct names *nm, int level, int64_t id, char *out, size_t n,
        struct err *e)
{
    out[0] = '\0';
    if (id == 0) {
        return 0;
    }
    if (nm->d[level].id != id && db_division_get(db, id, &nm->d[level], e)) {
        return -1;
    }
    snprintf(out, n, "%s", nm->d[level].name);
    return 0;
}

static int
places_of(const struct national_src *src, struct names *nm, struct xrecord *r,
          struct err *e)
{
    const struct household *h = &r->hh;

    return name_of(src->db, nm, LEVEL_TOWNSHIP, h->township_id, r->township,
                   sizeof(r->township), e) ||
           name_of(src->db, nm, LEVEL_VILLAGE, h->village_id, r->village,
                   sizeof(r->village), e) ||
           name_of(src->db, nm, LEVEL_NATURAL_VILLAGE, h->natural_village_id, r->natural,
                   sizeof(r->natural), e);
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
        xrecord_from(s, i, &r);
        snprintf(r.county, sizeof(r.county), "%s", nm->d[1].name);
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
    struct names nm;
    struct hh_snapshot s;
    struct snap_iter *it;
    struct sbuf cells = SBUF_INIT;
    const char **v = xcalloc(src->layout->n + 1, sizeof(*v));
    int rc;

    memset(&nm, 0, sizeof(nm));
    memset(&s, 0, sizeof(s));
    *rows = 0;
    if (db_division_county(src->db, &nm.d[1], e) || open_scope(src->db, a, &it, e)) {
        free(v);
        return -1;
    }
    while ((rc = snap_iter_next(it, &s, e)) == 1) {
        if (household_rows(src, &s, &nm, &cells, v, emit, arg, rows, e)) {
            rc = -1;
            break;
        }
    }
    snap_iter_close(it);
    snapshot_free(&s);
    sbuf_release(&cells);
    free(v);
    return rc < 0 ? -1 : 0;
}

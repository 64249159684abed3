/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * export.c - running an export (see export.h): the cells of a row from
 * the kind's columns, the sheet written to a private temporary file
 * beside the destination, the audit row committed, then the file put at
 * its name.  The kinds themselves are export_kinds.c.
 */
#include "config.h"
#include "print/export.h"

#include <errno.h>
#include <iconv.h>
#include <inttypes.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/codes.h"
#include "core/date.h"
#include "core/idno.h"
#include "core/money.h"
#include "core/role.h"
#include "db/db.h"
#include "db/db_audit.h"
#include "print/print.h"
#include "print/prints.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/lcio.h"
#include "util/priv.h"
#include "util/sbuf.h"
#include "util/tempfile.h"
#include "util/xalloc.h"

#define CELL_BUF 256
#define PLACE_CACHE 256

struct export_run {
    const struct print_env *env;
    const struct export_kind *k;
    const struct export_filter *f;
    int64_t *ids;               /* F's ids, sorted */
    size_t nids;
    struct sheet_writer *w;
    const struct export_col **cols;
    size_t ncols;
    const char **cells;
    char *bufs;                 /* CELL_BUF per column */
    int64_t rows;
    int64_t record;             /* the record the audit row names (0: none) */
    struct {
        int64_t id;
        char name[200];
    } places[PLACE_CACHE];
};

void export_filter_init(struct export_filter *f)
{
    memset(f, 0, sizeof(*f));
    list_filter_init(&f->hh);
}

void export_result_clear(struct export_result *r)
{
    free(r->path);
    memset(r, 0, sizeof(*r));
}

const struct export_kind *export_kind_find(const char *name)
{
    size_t i;

    for (i = 0; i < export_nkinds; i++) {
        if (strcmp(export_kinds[i]->name, name) == 0) {
            return export_kinds[i];
        }
    }
    return NULL;
}

static int masks_some(const struct export_col *c, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (c[i].cell == EC_IDNO || c[i].cell == EC_PHONE) {
            return 1;
        }
    }
    return 0;
}

int export_kind_masks(const struct export_kind *k, int all_columns)
{
    return k->prepare != NULL || masks_some(k->cols, k->ncols) ||
           (all_columns && masks_some(k->more, k->nmore));
}

const struct print_env *export_env(const struct export_run *x)
{
    return x->env;
}

const struct export_filter *export_filt(const struct export_run *x)
{
    return x->f;
}

static int cmp_id(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

    return (x > y) - (x < y);
}

void export_set_record(struct export_run *x, int64_t id)
{
    x->record = id;
}

int export_wants(const struct export_run *x, int64_t id)
{
    return x->ids == NULL || bsearch(&id, x->ids, x->nids, sizeof(id), cmp_id) != NULL;
}

/* ---- cells ------------------------------------------------------------ */

/* The name of division ID, remembered. */
static const char *place_name(struct export_run *x, int64_t id)
{
    size_t slot = (size_t)id % PLACE_CACHE;

    if (id == 0) {
        return "";
    }
    if (x->places[slot].id != id) {
        x->places[slot].id = id;
        print_division_name(x->env->db, id, x->places[slot].name, sizeof(x->places[slot].name));
    }
    return x->places[slot].name;
}

static const char *masked(const struct export_run *x, const struct export_col *c,
                          const char *s, char *buf)
{
    if (x->f->reveal || *s == '\0') {
        return s;
    }
    if (c->cell == EC_IDNO) {
        idno_mask(s, buf);
    } else {
        phone_mask(s, buf);
    }
    return buf;
}

/* The text of column C of ROW (P: its parent) into BUF (CELL_BUF). */
static const char *cell_text(struct export_run *x, const struct export_col *c,
                             const void *row, const void *p, char *buf)
{
    const void *src = c->parent ? p : row;
    const char *base;

    if (src == NULL) {
        return "";              /* no parent, or a case without steps */
    }
    base = (const char *)src + c->off;
    switch (c->cell) {
    case EC_STR:
        return base;
    case EC_PSTR:
        return *(char *const *)base != NULL ? *(char *const *)base : "";
    case EC_INT:
        snprintf(buf, CELL_BUF, "%d", *(const int *)base);
        return buf;
    case EC_I64:
        snprintf(buf, CELL_BUF, "%" PRId64, *(const int64_t *)base);
        return buf;
    case EC_FEN:
        money_format(*(const int64_t *)base, 0, buf);
        return buf;
    case EC_DATE:
        date_format(*(const int *)base, buf);
        return buf;
    case EC_MONTH:
        if (*(const int *)base == 0) {
            return "";
        }
        month_format(*(const int *)base, buf);
        return buf;
    case EC_CODE:
        return code_label(x->env->codes, c->table, base);
    case EC_YESNO:
        return *(const int *)base ? _("yes") : _("no");
    case EC_IDNO:
    case EC_PHONE:
        return masked(x, c, base, buf);
    case EC_PLACE:
        return place_name(x, *(const int64_t *)base);
    case EC_FN:
        return c->fn(x, c->parent ? p : row, buf, CELL_BUF);
    }
    return "";
}

int export_emit(struct export_run *x, const void *row, const void *parent, struct err *e)
{
    size_t i;

    for (i = 0; i < x->ncols; i++) {
        x->cells[i] = cell_text(x, x->cols[i], row, parent, x->bufs + i * CELL_BUF);
    }
    if (sheet_add(x->w, x->cells, e) < 0) {
        return -1;
    }
    x->rows++;
    return 0;
}

/* The columns of the run: the kind's, and its more with --all-columns. */
static void run_columns(struct export_run *x, struct sheet_col **sc)
{
    size_t n = x->k->ncols + (x->f->all_columns ? x->k->nmore : 0), i;

    x->cols = xcalloc(n, sizeof(*x->cols));
    *sc = xcalloc(n, sizeof(**sc));
    for (i = 0; i < n; i++) {
        x->cols[i] = i < x->k->ncols ? &x->k->cols[i] : &x->k->more[i - x->k->ncols];
        (*sc)[i].label = _(x->cols[i]->label);
        (*sc)[i].type = x->cols[i]->type;
    }
    x->ncols = n;
    x->cells = xcalloc(n, sizeof(*x->cells));
    x->bufs = xcalloc(n, CELL_BUF);
}

static void run_free(struct export_run *x)
{
    free(x->ids);
    free(x->cols);
    free(x->cells);
    free(x->bufs);
}

/* Stream K's rows under F into the sheet at TMP. */
static int write_sheet(struct export_run *x, const char *tmp, const struct export_dest *d,
                       struct err *e)
{
    struct sheet_write_opts o;
    struct sheet_col *sc = NULL;
    int rc;

    run_columns(x, &sc);
    memset(&o, 0, sizeof(o));
    o.path = tmp;
    o.format = d->format;
    o.encoding = d->encoding;
    o.sheet = _(x->k->title);
    o.cols = sc;
    o.ncols = x->ncols;
    rc = sheet_create(&o, &x->w, e);
    if (rc == 0 && x->k->rows(x, e) < 0) {
        sheet_abort(x->w);
        rc = -1;
    } else if (rc == 0) {
        rc = sheet_finish(x->w, e);
    }
    free(sc);
    return rc;
}

/* ---- the audit row ------------------------------------------------------ */

/* The filters of F in words for the audit log. */
static void filter_text(const struct export_filter *f, int64_t rows, struct sbuf *out)
{
    char hh[1024];

    list_filter_format(&f->hh, hh, sizeof(hh));
    sbuf_addf(out, "rows=%" PRId64 ";revealed=%d", rows, f->reveal ? 1 : 0);
    if (*hh != '\0') {
        sbuf_addf(out, ";%s", hh);
    }
    if (*f->hh.search != '\0') {
        sbuf_addf(out, ";search=%s", f->hh.search);
    }
    if (f->year != 0) {
        sbuf_addf(out, ";year=%d", f->year);
    }
    if (f->month != 0) {
        char m[MONTH_BUF];

        month_format(f->month, m);
        sbuf_addf(out, ";month=%s", m);
    }
    if (*f->code != '\0') {
        sbuf_addf(out, ";type=%s", f->code);
    }
    if (f->flagged) {
        sbuf_addf(out, ";flagged=1");
    }
    if (f->round != 0) {
        sbuf_addf(out, ";round=%" PRId64, f->round);
    }
    if (f->unit != 0) {
        sbuf_addf(out, ";unit=%" PRId64, f->unit);
    }
    if (f->ids != NULL) {
        sbuf_addf(out, ";chosen=%zu", f->nids);
    }
    if (f->all_columns) {
        sbuf_addf(out, ";all_columns=1");
    }
}

/* The export's audit row (and the reveal's), committed: db_audit_out,
 * with the filters as its old value.  *O is kept for "undelivered". */
static int audit(const struct export_run *x, const char *dest, struct sbuf *what,
                 struct audit_out *o, struct err *e)
{
    struct audit_out r;

    filter_text(x->f, x->rows, what);
    memset(o, 0, sizeof(*o));
    o->actor = x->env->actor->login;
    o->op = "export";
    o->tbl = x->k->tbl;
    o->what = x->k->name;
    o->dest = dest;
    o->ids = x->record != 0 ? &x->record : NULL;
    o->nids = x->record != 0 ? 1 : 0;
    o->nrows = x->rows;
    o->revealed = x->f->reveal;
    o->detail = what->buf;
    r = *o;
    r.op = "reveal";
    r.what = "id_no";
    if (db_audit_out(x->env->db, o, e) < 0 || (x->f->reveal && db_audit_out(x->env->db, &r, e) < 0)) {
        err_prefix(e, "%s", _("nothing was exported: the audit log could not record it"));
        e->code = ERR_DB;
        return -1;
    }
    return 0;
}

/* ---- delivery (util/tempfile.h) --------------------------------------- */

/* 1 for the standard output. */
static int is_stdout(const char *path)
{
    return strcmp(path, "-") == 0;
}

int
export_dest_check(const char *path, int overwrite, struct err *e)
{
    if (is_stdout(path)) {
        return 0;
    }
    if (priv_in_store(path)) {
        return err_set(e, ERR_DENIED, _("'%s' is in the county's store: exports are never written there; save them in a directory of your own"),
                       path);
    }
    return tempfile_dest_check(path, overwrite, NULL, e);
}

/* A new private file for PATH (beside it; for the standard output in the
 * temporary directory), registered for removal. */
static int temp_for(struct tempfile *t, const char *path, struct err *e)
{
    const char *tmpdir = getenv("TMPDIR");
    int fd;

    fd = is_stdout(path) ? tempfile_create(t, "export", tmpdir != NULL && *tmpdir ? tmpdir : "/tmp", 0, e)
                         : tempfile_create(t, path, NULL, 0, e);
    if (fd < 0) {
        return -1;
    }
    close(fd);
    return 0;
}

/* Copy the file TMP to the standard output. */
static int to_stdout(const char *tmp, struct err *e)
{
    char buf[65536];
    size_t n;
    FILE *f = fopen(tmp, "rb");
    int rc = 0;

    if (f == NULL) {
        return err_set(e, ERR_IO, _("cannot read %s: %s"), tmp, strerror(errno));
    }
    while (rc == 0 && (n = fread(buf, 1, sizeof(buf), f)) > 0) {
        if (fwrite(buf, 1, n, lcio_data_out()) != n) {
            rc = -1;
        }
    }
    fclose(f);
    if (rc < 0 || fflush(lcio_data_out()) != 0) {
        return err_set(e, ERR_IO, "%s", _("cannot write to standard output"));
    }
    return 0;
}

/* Put T at PATH (replacing only with OVERWRITE), or copy it out. */
static int place(struct tempfile *t, const char *path, int overwrite, struct err *e)
{
    int rc;

    if (!is_stdout(path)) {
        return tempfile_place(t, path, overwrite, e);
    }
    rc = to_stdout(t->path, e);
    tempfile_remove(t);
    return rc;
}

/* ---- the run ------------------------------------------------------------ */

static enum sheet_format format_of(const char *path, enum sheet_format f)
{
    size_t n = strlen(path);

    if (f != SHEET_AUTO) {
        return f;
    }
    if (n > 4 && strcasecmp(path + n - 4, ".csv") == 0) {
        return SHEET_CSV;
    }
    return SHEET_XLSX;
}

static int scope_check(const struct print_env *env, const struct export_filter *f,
                       struct err *e)
{
    const struct actor *a = env->actor;

    if (f->reveal && !actor_reveals(a)) {
        return err_set(e, ERR_DENIED, "%s", _("Your role may not see whole ID numbers."));
    }
    if ((f->hh.township_id != 0 || f->hh.village_id != 0) &&
        !actor_sees(a, f->hh.township_id, f->hh.village_id)) {
        return err_set(e, ERR_DENIED, "%s", _("that place is outside your scope"));
    }
    return 0;
}

static void run_init(struct export_run *x, const struct print_env *env,
                     const struct export_kind *k, const struct export_filter *f)
{
    memset(x, 0, sizeof(*x));
    x->env = env;
    x->k = k;
    x->f = f;
    if (f->ids != NULL) {
        x->nids = f->nids;
        x->ids = xcalloc(f->nids ? f->nids : 1, sizeof(*x->ids));
        memcpy(x->ids, f->ids, f->nids * sizeof(*x->ids));
        qsort(x->ids, x->nids, sizeof(*x->ids), cmp_id);
    }
}

/* The destination's path: D's, or the kind's file name in D's directory. */
static char *dest_path(const struct print_env *env, const struct export_kind *k,
                       const struct export_filter *f, const struct export_dest *d,
                       enum sheet_format fmt)
{
    struct sbuf sb = SBUF_INIT;
    char *name;

    if (d->path != NULL) {
        return xstrdup(d->path);
    }
    name = export_file_name(env, k, f, fmt);
    sbuf_addf(&sb, "%s/%s", d->dir != NULL && *d->dir ? d->dir : ".", name);
    free(name);
    return sbuf_detach(&sb);
}

/* The delivery failed after the audit row: record it, keeping E. */
static void undelivered(const struct export_run *x, const struct audit_out *o, struct err *e)
{
    struct err e2;

    err_clear(&e2);
    db_audit_undelivered(x->env->db, o, e->msg, &e2);
}

int export_run(const struct print_env *env, const struct export_kind *k,
               const struct export_filter *f, const struct export_dest *d,
               struct export_result *out, struct err *e)
{
    struct export_dest dd = *d;
    struct export_run x;
    struct tempfile t = {NULL, -1};
    struct audit_out o;
    struct sbuf what = SBUF_INIT;
    char *path;
    int rc;

    memset(out, 0, sizeof(*out));
    if (scope_check(env, f, e) < 0 || (k->prepare != NULL && k->prepare(env, e) < 0)) {
        return -1;
    }
    dd.format = format_of(d->path != NULL ? d->path : "", d->format);
    path = dest_path(env, k, f, &dd, dd.format);
    run_init(&x, env, k, f);
    rc = export_dest_check(path, d->overwrite, e) < 0 || temp_for(&t, path, e) < 0 ? -1 : 0;
    if (rc == 0) {
        rc = write_sheet(&x, t.path, &dd, e);
    }
    if (rc == 0) {
        rc = audit(&x, path, &what, &o, e);
        if (rc == 0 && (rc = place(&t, path, d->overwrite, e)) < 0) {
            undelivered(&x, &o, e);
        }
    }
    tempfile_remove(&t);
    out->rows = x.rows;
    out->path = path;
    sbuf_release(&what);
    run_free(&x);
    return rc;
}

/* ---- the file's name ---------------------------------------------------- */

/* S in the locale's codeset (a copy); NULL when it cannot be said there. */
static char *in_codeset(const char *s)
{
    const char *cs = nl_langinfo(CODESET);
    iconv_t cd;
    size_t inl = strlen(s), outl = inl * 4 + 1;
    char *out, *in = (char *)s, *o;

    if (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0) {
        return xstrdup(s);
    }
    if ((cd = iconv_open(cs, "UTF-8")) == (iconv_t)-1) {
        return NULL;
    }
    out = o = xcalloc(outl, 1);
    if (iconv(cd, &in, &inl, &o, &outl) == (size_t)-1) {
        free(out);
        out = NULL;
    }
    iconv_close(cd);
    return out;
}

char *export_file_name(const struct print_env *env, const struct export_kind *k,
                       const struct export_filter *f, enum sheet_format fmt)
{
    struct sbuf sb = SBUF_INIT;
    char place[200], *name;
    int y, m, dd;
    int64_t at = f->hh.village_id != 0 ? f->hh.village_id : f->hh.township_id;

    if (at == 0 && env->actor->scope_id != 0) {
        at = env->actor->scope_id;
    }
    date_to_ymd(env->today, &y, &m, &dd);
    if (at != 0) {
        print_division_name(env->db, at, place, sizeof(place));
    } else {
        snprintf(place, sizeof(place), "%s", env->county != NULL ? env->county : "");
    }
    sbuf_addf(&sb, "%s_%s_%04d%02d%02d.%s", _(k->title), place, y, m, dd,
              fmt == SHEET_CSV ? "csv" : "xlsx");
    name = in_codeset(sb.buf);
    if (name == NULL) {
        sbuf_reset(&sb);
        sbuf_addf(&sb, "zhenxing-%s-%04d%02d%02d.%s", k->name, y, m, dd,
                  fmt == SHEET_CSV ? "csv" : "xlsx");
        name = sbuf_detach(&sb);
    }
    sbuf_release(&sb);
    return name;
}

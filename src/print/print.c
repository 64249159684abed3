/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * print.c - a print from request to paper or file: build the documents
 * (prints.c, prints_funds.c, prints_pair.c, prints_assess.c), make them
 * as text or PDF, record who prints which households (or projects,
 * receipts, assets, rounds) where in the audit log, and only then
 * deliver them (spool.c): nothing leaves without its audit rows.  The
 * rows are committed before the print command runs, never while it runs
 * (it would hold the database's write lock); a delivery that fails is
 * recorded as undelivered.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/date.h"
#include "core/doc.h"
#include "core/role.h"
#include "db/db.h"
#include "db/db_audit.h"
#include "db/db_division.h"
#include "db/db_fund.h"
#include "db/db_household.h"
#include "print/pdf.h"
#include "print/print.h"
#include "print/prints.h"
#include "print/spool.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/lcio.h"
#include "util/priv.h"
#include "util/path.h"
#include "util/sbuf.h"
#include "util/tempfile.h"
#include "util/xalloc.h"

/* How long the print command may take. */
#define PRINT_TIMEOUT_S 60

void print_docs_free(struct doc **docs, size_t n)
{
    size_t i;

    for (i = 0; docs && i < n; i++) {
        doc_free(docs[i]);
    }
    free(docs);
}

void print_request_init(struct print_request *r, enum print_kind kind)
{
    memset(r, 0, sizeof(*r));
    r->kind = kind;
    r->days = 7;
    r->pub_start = DATE_NONE;
    r->pub_end = DATE_NONE;
}

/* How each kind of print is built and named.  A kind makes one document
 * (ONE) or several (MANY); NAME adds what names its file besides the kind
 * and the day.  The stored names and labels are core/doc.c's table. */
struct kind_ops {
    int (*one)(const struct print_env *env, const struct print_request *r,
               struct doc **d, int64_t **ids, size_t *nids, struct err *e);
    int (*many)(const struct print_env *env, const struct print_request *r,
                struct doc ***docs, size_t *n, int64_t **ids, size_t *nids,
                struct err *e);
    void (*name)(const struct print_env *env, const struct print_request *r,
                 struct sbuf *sb);
};

static void village_name(const struct print_env *env,
                         const struct print_request *r, struct sbuf *sb);
static void place_name(const struct print_env *env,
                       const struct print_request *r, struct sbuf *sb);
static void fund_name(const struct print_env *env,
                      const struct print_request *r, struct sbuf *sb);

static const struct kind_ops kind_ops[PK_COUNT] = {
    [PK_CARD] = {.many = prints_cards},
    [PK_PUBLICITY] = {.one = prints_publicity, .name = village_name},
    [PK_VISITS] = {.many = prints_visits},
    [PK_PROJECTS] = {.one = prints_projects, .name = place_name},
    [PK_ALLOCATION] = {.one = prints_allocation, .name = fund_name},
    [PK_ASSETS] = {.one = prints_assets, .name = place_name},
    [PK_PARTNER] = {.one = prints_partner, .name = pair_name_parts},
    [PK_ATTENDANCE] = {.many = prints_attendance, .name = pair_name_parts},
    [PK_ASSESSMENT] = {.one = prints_assessment, .name = assess_name_parts},
    [PK_FEEDBACK] = {.one = prints_feedback, .name = place_name},
    [PK_ELIMINATION] = {.one = prints_elimination, .name = place_name},
};

int print_build(const struct print_env *env, const struct print_request *r,
                struct doc ***docs, size_t *n, int64_t **ids, size_t *nids,
                struct err *e)
{
    const struct kind_ops *k = (unsigned)r->kind < PK_COUNT ? &kind_ops[r->kind] : NULL;
    struct doc *d = NULL;

    *docs = NULL;
    *n = 0;
    *ids = NULL;
    *nids = 0;
    if (k == NULL) {
        return err_set(e, ERR_INVALID, "%s", _("unknown kind of print"));
    }
    if (k->many != NULL) {
        return k->many(env, r, docs, n, ids, nids, e);
    }
    if (k->one(env, r, &d, ids, nids, e) < 0) {
        return -1;
    }
    *docs = xcalloc(1, sizeof(**docs));
    (*docs)[0] = d;
    *n = 1;
    return 0;
}

int print_render(struct doc *const *docs, size_t n,
                 const struct print_dest *d, struct sbuf *out,
                 struct err *e)
{
    struct pdf_fonts f;

    /* Text is for files and the screen: CUPS's text filter has no CJK
     * font, so what goes to a printer is always the PDF. */
    if (d->format == PF_TEXT && d->path != NULL) {
        doc_render_text(docs, n, d->text_lines, out);
        return 0;
    }
    f.body = d->font;
    f.title = d->title_font;
    return pdf_render(docs, n, &f, out, e);
}

/* Where the print went, as the audit log keeps it:
 * "printer:NAME:COPIES" (NAME empty for the default printer) or
 * "file:/absolute/path". */
static void dest_text(const struct print_dest *d, struct sbuf *sb)
{
    if (d->path == NULL) {
        sbuf_addf(sb, "printer:%s:%d", d->printer ? d->printer : "", d->copies);
    } else if (strcmp(d->path, "-") == 0) {
        sbuf_adds(sb, "stdout");
    } else {
        char *abs = path_absolute(d->path);

        sbuf_addf(sb, "file:%s", abs);
        free(abs);
    }
}

/* -1 with E when D is a file in the county's store (whoever runs it). */
static int file_refused(const struct print_dest *d, struct err *e)
{
    if (d->path != NULL && strcmp(d->path, "-") != 0 && priv_in_store(d->path)) {
        return err_set(e, ERR_DENIED, _("'%s' is in the county's store %s: prints and exports are never written there; save them in a directory of your own"),
                       d->path, priv_store());
    }
    return 0;
}

/* The audit rows of OUT, made from R, going to WHERE. */
static void audit_init(const struct print_env *env, const struct print_request *r,
                       const struct print_out *out, const char *where,
                       struct audit_out *o)
{
    memset(o, 0, sizeof(*o));
    o->actor = env->actor->login;
    o->op = out->op;
    o->tbl = print_shown_table(r->kind);
    o->what = out->what != NULL ? out->what : print_kind_name(r->kind);
    o->dest = where;
    o->ids = out->ids;
    o->nids = out->nids;
    o->nrows = out->nrows;
}

int print_send(const struct print_env *env, const struct print_request *r,
               const struct print_dest *d, const struct print_out *out, struct err *e)
{
    struct sbuf where = SBUF_INIT;
    struct audit_out o;
    struct err e2;
    int rc;

    /* A file that may not be written is refused before it is audited. */
    if (file_refused(d, e) || (d->path != NULL && strcmp(d->path, "-") != 0 &&
                               tempfile_dest_check(d->path, d->overwrite, NULL, e) < 0)) {
        return -1;
    }
    dest_text(d, &where);
    audit_init(env, r, out, where.buf, &o);
    rc = db_audit_out(env->db, &o, e);
    if (rc < 0) {
        err_prefix(e, "%s", _("nothing was delivered, because the audit log could not record it"));
        e->code = ERR_DB;
    } else if ((rc = print_deliver(d, out->title, out->data, e)) < 0) {
        err_clear(&e2);
        if (db_audit_undelivered(env->db, &o, e->msg, &e2) < 0) {
            size_t n = strlen(e->msg);

            snprintf(e->msg + n, sizeof(e->msg) - n,
                     _(" (and the audit log could not record that it was not delivered: %s)"),
                     e2.msg);
        }
    }
    sbuf_release(&where);
    return rc;
}

int print_deliver(const struct print_dest *d, const char *title,
                  const struct sbuf *data, struct err *e)
{
    struct spool_cmd c;

    if (d->path != NULL && strcmp(d->path, "-") == 0) {
        /* Text is for the terminal (its character set); a PDF is data. */
        FILE *out = d->format == PF_PDF ? lcio_data_out() : stdout;

        if (fwrite(data->buf, 1, data->len, out) != data->len || fflush(out) != 0) {
            return err_set(e, ERR_IO, "%s", _("cannot write to standard output"));
        }
        return 0;
    }
    if (file_refused(d, e)) {
        return -1;
    }
    if (d->path != NULL) {
        return spool_file(d->path, d->overwrite, data->buf, data->len, e);
    }
    c.command = d->command;
    c.printer = d->printer;
    c.copies = d->copies;
    c.title = title;
    return spool_command(&c, data->buf, data->len, PRINT_TIMEOUT_S, e);
}

int print_run(const struct print_env *env, const struct print_request *r,
              const struct print_dest *d, size_t *ndocs, struct err *e)
{
    struct doc **docs;
    struct sbuf data = SBUF_INIT;
    int64_t *ids;
    size_t n, nids;
    int rc;

    if (print_build(env, r, &docs, &n, &ids, &nids, e) < 0) {
        return -1;
    }
    rc = print_render(docs, n, d, &data, e);
    if (rc == 0) {
        struct print_out out = {"print", NULL, doc_title(docs[0]), &data, ids, nids,
                                (int64_t)nids};

        rc = print_send(env, r, d, &out, e);
    }
    if (rc == 0 && ndocs) {
        *ndocs = n;
    }
    sbuf_release(&data);
    print_docs_free(docs, n);
    free(ids);
    return rc;
}

/* "-NAME" of division ID, when there is one. */
static void add_division(const struct print_env *env, int64_t id,
                         struct sbuf *sb)
{
    struct division v;

    if (id != 0 && db_division_get(env->db, id, &v, NULL) == 0) {
        sbuf_addf(sb, "-%s", v.name);
    }
}

static void village_name(const struct print_env *env,
                         const struct print_request *r, struct sbuf *sb)
{
    add_division(env, r->village, sb);
}

/* A projects print of a year (not of chosen projects) names the year. */
static void place_name(const struct print_env *env,
                       const struct print_request *r, struct sbuf *sb)
{
    if (r->kind == PK_PROJECTS && r->year != 0 && r->nprojects == 0) {
        sbuf_addf(sb, "-%d", r->year);
    }
    add_division(env, r->village ? r->village : r->township, sb);
}

/* The receipt's document number ('/' made '-'), or the year. */
static void fund_name(const struct print_env *env,
                      const struct print_request *r, struct sbuf *sb)
{
    struct fund f;

    fund_init(&f);
    if (r->fund != 0 && db_fund_get(env->db, r->fund, &f, NULL) == 0) {
        size_t at = sb->len, i;

        sbuf_addf(sb, "-%s", f.doc_no);
        for (i = at; i < sb->len; i++) {
            sb->buf[i] = sb->buf[i] == '/' ? '-' : sb->buf[i];
        }
    } else if (r->fund == 0) {
        sbuf_addf(sb, "-%d", r->year);
    }
    fund_clear(&f);
}

char *print_file_name(const struct print_env *env,
                      const struct print_request *r, enum print_format f)
{
    struct sbuf sb = SBUF_INIT;
    char day[DATE_BUF];

    date_format(env->today, day);
    sbuf_adds(&sb, print_kind_label(r->kind));
    if (r->kind == PK_CARD && r->nhouseholds == 1) {
        struct household h;

        if (db_household_get(env->db, r->households[0], &h, NULL) == 0) {
            sbuf_addf(&sb, "-%s", h.hh_no);
        }
    } else {
        if ((unsigned)r->kind < PK_COUNT && kind_ops[r->kind].name != NULL) {
            kind_ops[r->kind].name(env, r, &sb);
        }
        sbuf_addf(&sb, "-%s", day);
    }
    sbuf_adds(&sb, f == PF_PDF ? ".pdf" : ".txt");
    return sbuf_detach(&sb);
}

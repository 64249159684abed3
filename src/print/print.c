/*
 * print.c - a print from request to paper or file: build the documents
 * (prints.c), make them as text or PDF, deliver them (spool.c), and
 * record who printed which households where in the audit log, after the
 * delivery has worked and never while the print command runs (it would
 * hold the database's write lock).
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
#include "db/db_edit.h"
#include "print/pdf.h"
#include "print/print.h"
#include "print/prints.h"
#include "print/spool.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"
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

int print_build(const struct print_env *env, const struct print_request *r,
                struct doc ***docs, size_t *n, int64_t **hh, size_t *nhh,
                struct err *e)
{
    *docs = NULL;
    *n = 0;
    *hh = NULL;
    *nhh = 0;
    switch (r->kind) {
    case PK_CARD:
        if (prints_cards(env, r->households, r->nhouseholds, docs, n, e) < 0) {
            return -1;
        }
        *hh = xcalloc(r->nhouseholds, sizeof(**hh));
        memcpy(*hh, r->households, r->nhouseholds * sizeof(**hh));
        *nhh = r->nhouseholds;
        return 0;
    case PK_PUBLICITY:
        *docs = xcalloc(1, sizeof(**docs));
        if (prints_publicity(env, r->village, r->elimination, &(*docs)[0], hh,
                             nhh, e) < 0) {
            free(*docs);
            *docs = NULL;
            return -1;
        }
        *n = 1;
        return 0;
    case PK_VISITS:
        return prints_visits(env, r->cadre, r->days, docs, n, hh, nhh, e);
    case PK_COUNT:
        break;
    }
    return err_set(e, ERR_INVALID, "%s", _("unknown kind of print"));
}

int print_render(struct doc *const *docs, size_t n,
                 const struct print_dest *d, struct sbuf *out,
                 struct err *e)
{
    struct pdf_fonts f;

    if (d->format == PF_TEXT) {
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
    char cwd[4096];

    if (d->path == NULL) {
        sbuf_addf(sb, "printer:%s:%d", d->printer ? d->printer : "", d->copies);
    } else if (strcmp(d->path, "-") == 0) {
        sbuf_adds(sb, "stdout");
    } else if (d->path[0] == '/' || getcwd(cwd, sizeof(cwd)) == NULL) {
        sbuf_addf(sb, "file:%s", d->path);
    } else {
        sbuf_addf(sb, "file:%s/%s", cwd, d->path);
    }
}

static int record(const struct print_env *env, const struct print_request *r,
                  const struct print_dest *d, const int64_t *hh, size_t nhh,
                  struct err *e)
{
    struct sbuf where = SBUF_INIT;
    size_t i;
    int rc = 0;

    dest_text(d, &where);
    if (db_begin(env->db, e) < 0) {
        sbuf_release(&where);
        return -1;
    }
    for (i = 0; i < nhh && rc == 0; i++) {
        rc = db_audit(env->db, env->actor->login, "print", "household", hh[i],
                      print_kind_name(r->kind), NULL, where.buf, e);
    }
    if (rc == 0) {
        rc = db_commit(env->db, e);
    }
    if (rc < 0) {
        db_rollback(env->db);
        err_prefix(e, "%s", _("printed, but the audit log could not record it"));
    }
    sbuf_release(&where);
    return rc;
}

static int deliver(const struct print_dest *d, const char *title,
                   const struct sbuf *data, struct err *e)
{
    struct spool_cmd c;

    if (d->path != NULL && strcmp(d->path, "-") == 0) {
        if (fwrite(data->buf, 1, data->len, stdout) != data->len || fflush(stdout) != 0) {
            return err_set(e, ERR_IO, "%s", _("cannot write to standard output"));
        }
        return 0;
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
    int64_t *hh;
    size_t n, nhh;
    int rc;

    if (print_build(env, r, &docs, &n, &hh, &nhh, e) < 0) {
        return -1;
    }
    rc = print_render(docs, n, d, &data, e);
    if (rc == 0) {
        rc = deliver(d, doc_title(docs[0]), &data, e);
    }
    if (rc == 0) {
        rc = record(env, r, d, hh, nhh, e);
    }
    if (rc == 0 && ndocs) {
        *ndocs = n;
    }
    sbuf_release(&data);
    print_docs_free(docs, n);
    free(hh);
    return rc;
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
    } else if (r->kind == PK_PUBLICITY) {
        struct division v;

        if (db_division_get(env->db, r->village, &v, NULL) == 0) {
            sbuf_addf(&sb, "-%s", v.name);
        }
        sbuf_addf(&sb, "-%s", day);
    } else {
        sbuf_addf(&sb, "-%s", day);
    }
    sbuf_adds(&sb, f == PF_PDF ? ".pdf" : ".txt");
    return sbuf_detach(&sb);
}

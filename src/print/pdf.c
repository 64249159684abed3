/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * pdf.c - documents drawn on A4 pages with cairo's PDF surface.  The
 * fonts are resolved with fontconfig for Simplified Chinese and checked
 * to hold Chinese characters, so a missing font package is reported
 * instead of printing empty boxes.
 *
 * The drawing happens in a child process: the fonts and caches it loads
 * (some 80 MB for the Noto CJK fonts) go away with it instead of staying
 * in a full-screen session for hours, and a crash in the font code
 * cannot take the session down.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cairo.h>
#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>

#include "core/doc.h"
#include "print/pdf.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

/* A4 in points, 20 mm margins. */
#define PAGE_W 595.28
#define PAGE_H 841.89
#define MARGIN 56.69

struct face {
    cairo_font_face_t *face;
    double size;
};

struct pdf {
    cairo_t *cr;
    struct face st[DS_COUNT];
};

/* The font for FAMILY (bold when BOLD) that fontconfig picks for
 * Simplified Chinese, or NULL when the pick cannot show Chinese. */
static cairo_font_face_t *find_face(const char *family, int bold)
{
    FcPattern *pat = FcPatternCreate(), *match;
    FcLangSet *ls = FcLangSetCreate();
    FcCharSet *cs = NULL;
    FcResult res;
    cairo_font_face_t *face = NULL;

    if (family && *family) {
        FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
    }
    FcLangSetAdd(ls, (const FcChar8 *)"zh-cn");
    FcPatternAddLangSet(pat, FC_LANG, ls);
    FcPatternAddInteger(pat, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcConfigSubstitute(NULL, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    match = FcFontMatch(NULL, pat, &res);
    if (match && FcPatternGetCharSet(match, FC_CHARSET, 0, &cs) == FcResultMatch &&
        FcCharSetHasChar(cs, 0x4E2D) && FcCharSetHasChar(cs, 0x9875)) {
        face = cairo_ft_font_face_create_for_pattern(match);
    }
    if (match) {
        FcPatternDestroy(match);
    }
    FcLangSetDestroy(ls);
    FcPatternDestroy(pat);
    return face;
}

static double pdf_measure(void *ctx, enum doc_style st, const char *s,
                          size_t len)
{
    struct pdf *p = ctx;
    cairo_text_extents_t ext;
    char buf[64], *t = len < sizeof(buf) ? buf : xmalloc(len + 1);

    memcpy(t, s, len);
    t[len] = '\0';
    cairo_set_font_face(p->cr, p->st[st].face);
    cairo_set_font_size(p->cr, p->st[st].size);
    cairo_text_extents(p->cr, t, &ext);
    if (t != buf) {
        free(t);
    }
    return ext.x_advance;
}

static void draw_text(struct pdf *p, const struct doc_piece *pc, double line)
{
    double w = pdf_measure(p, pc->style, pc->text, strlen(pc->text));
    double x = pc->x;
    cairo_font_extents_t fe;

    if (pc->align == DOC_RIGHT) {
        x = pc->x + pc->w - w;
    } else if (pc->align == DOC_CENTER) {
        x = pc->x + (pc->w - w) / 2;
    }
    cairo_font_extents(p->cr, &fe);
    /* The baseline sits so that the glyphs are centred in the line. */
    cairo_move_to(p->cr, MARGIN + x,
                  MARGIN + pc->y + (line + fe.ascent - fe.descent) / 2);
    cairo_show_text(p->cr, pc->text);
}

static void draw_page(struct pdf *p, const struct doc_page *pg,
                      const struct doc_metrics *m)
{
    size_t i;

    cairo_set_source_rgb(p->cr, 0, 0, 0);
    for (i = 0; i < pg->n; i++) {
        const struct doc_piece *pc = &pg->v[i];

        if (pc->kind == DP_TEXT) {
            draw_text(p, pc, m->line[pc->style]);
            continue;
        }
        cairo_set_line_width(p->cr, pc->kind == DP_RULE ? 0.8 : 0.5);
        cairo_move_to(p->cr, MARGIN + pc->x, MARGIN + pc->y);
        if (pc->kind == DP_VGRID) {
            cairo_line_to(p->cr, MARGIN + pc->x, MARGIN + pc->y + pc->h);
        } else {
            cairo_line_to(p->cr, MARGIN + pc->x + pc->w, MARGIN + pc->y);
        }
        cairo_stroke(p->cr);
    }
    cairo_show_page(p->cr);
}

static cairo_status_t to_sbuf(void *closure, const unsigned char *data,
                              unsigned int len)
{
    sbuf_add(closure, data, len);
    return CAIRO_STATUS_SUCCESS;
}

static void metrics(struct pdf *p, struct doc_metrics *m)
{
    memset(m, 0, sizeof(*m));
    m->width = PAGE_W - 2 * MARGIN;
    m->col = m->width / DOC_TEXT_WIDTH;
    m->line[DS_BODY] = m->line[DS_BOLD] = 16;
    m->line[DS_TITLE] = 30;
    m->line[DS_SMALL] = 14;
    m->gap = 10;
    m->pad = 3;
    m->grid = 1;
    m->height = PAGE_H - 2 * MARGIN - m->gap - m->line[DS_SMALL];
    m->measure = pdf_measure;
    m->ctx = p;
}

static int load_faces(struct pdf *p, const struct pdf_fonts *f, struct err *e)
{
    const char *body = f && f->body ? f->body : "Noto Serif CJK SC";
    const char *title = f && f->title ? f->title : "Noto Sans CJK SC";

    p->st[DS_BODY].face = find_face(body, 0);
    p->st[DS_BOLD].face = find_face(body, 1);
    p->st[DS_TITLE].face = find_face(title, 1);
    p->st[DS_SMALL].face = find_face(body, 0);
    if (!p->st[DS_BODY].face || !p->st[DS_BOLD].face ||
        !p->st[DS_TITLE].face || !p->st[DS_SMALL].face) {
        return err_set(e, ERR_CONFIG,
                       _("no installed font can show Chinese (looked for %s and %s): "
                         "install the package fonts-noto-cjk (apt-get install fonts-noto-cjk) "
                         "or name an installed Chinese font in the setting print_font"),
                       body, title);
    }
    p->st[DS_BODY].size = p->st[DS_BOLD].size = 10.5;
    p->st[DS_TITLE].size = 18;
    p->st[DS_SMALL].size = 9;
    return 0;
}

static void free_faces(struct pdf *p)
{
    int i;

    for (i = 0; i < DS_COUNT; i++) {
        if (p->st[i].face) {
            cairo_font_face_destroy(p->st[i].face);
        }
    }
}

static int render_here(struct doc *const *docs, size_t n,
                       const struct pdf_fonts *f, struct sbuf *out,
                       struct err *e)
{
    struct pdf p;
    struct doc_metrics m;
    cairo_surface_t *surf;
    cairo_status_t st;
    size_t i, k;
    int rc = 0;

    memset(&p, 0, sizeof(p));
    if (load_faces(&p, f, e) < 0) {
        free_faces(&p);
        return -1;
    }
    surf = cairo_pdf_surface_create_for_stream(to_sbuf, out, PAGE_W, PAGE_H);
#if CAIRO_VERSION >= CAIRO_VERSION_ENCODE(1, 16, 0)
    if (n > 0) {
        cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_TITLE,
                                       doc_title(docs[0]));
    }
    cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATOR,
                                   PACKAGE_NAME " " PACKAGE_VERSION);
#endif
    p.cr = cairo_create(surf);
    metrics(&p, &m);
    for (i = 0; i < n; i++) {
        struct doc_layout l;

        doc_layout(docs[i], &m, &l);
        for (k = 0; k < l.npages; k++) {
            draw_page(&p, &l.pages[k], &m);
        }
        doc_layout_free(&l);
    }
    st = cairo_status(p.cr);
    cairo_destroy(p.cr);
    cairo_surface_finish(surf);
    if (st == CAIRO_STATUS_SUCCESS) {
        st = cairo_surface_status(surf);
    }
    cairo_surface_destroy(surf);
    free_faces(&p);
    if (st != CAIRO_STATUS_SUCCESS) {
        rc = err_set(e, ERR_IO, _("cannot make the PDF: %s"),
                     cairo_status_to_string(st));
    }
    return rc;
}

/* Read FD to its end into OUT. */
static int read_all(int fd, struct sbuf *out)
{
    char buf[65536];

    for (;;) {
        ssize_t k = read(fd, buf, sizeof(buf));

        if (k > 0) {
            sbuf_add(out, buf, (size_t)k);
        } else if (k == 0) {
            return 0;
        } else if (errno != EINTR) {
            return -1;
        }
    }
}

static void write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t k = write(fd, p, n);

        if (k < 0 && errno == EINTR) {
            continue;
        }
        if (k <= 0) {
            return;
        }
        p += k;
        n -= (size_t)k;
    }
}

/* The child: the PDF on DATA, or the message on MSG and status 1. */
static void child(struct doc *const *docs, size_t n, const struct pdf_fonts *f,
                  int data, int msg)
{
    struct sbuf pdf = SBUF_INIT;
    struct err e;

    err_clear(&e);
    if (render_here(docs, n, f, &pdf, &e) < 0) {
        write_all(msg, e.msg, strlen(e.msg));
        _exit(1);
    }
    write_all(data, pdf.buf, pdf.len);
    _exit(0);
}

int pdf_render(struct doc *const *docs, size_t n, const struct pdf_fonts *f,
               struct sbuf *out, struct err *e)
{
    int data[2], msg[2], status = 0, rc = 0;
    struct sbuf why = SBUF_INIT;
    pid_t pid;

    if (pipe(data) < 0) {
        return err_set(e, ERR_IO, _("cannot make the PDF: %s"), strerror(errno));
    }
    if (pipe(msg) < 0) {
        close(data[0]);
        close(data[1]);
        return err_set(e, ERR_IO, _("cannot make the PDF: %s"), strerror(errno));
    }
    fflush(NULL);
    pid = fork();
    if (pid == 0) {
        close(data[0]);
        close(msg[0]);
        child(docs, n, f, data[1], msg[1]);
    }
    close(data[1]);
    close(msg[1]);
    if (pid < 0) {
        close(data[0]);
        close(msg[0]);
        return err_set(e, ERR_IO, _("cannot make the PDF: %s"), strerror(errno));
    }
    /* The message is short and written only when there is no PDF, so
     * reading the PDF to its end first cannot block the child. */
    if (read_all(data[0], out) < 0 || read_all(msg[0], &why) < 0) {
        rc = err_set(e, ERR_IO, _("cannot make the PDF: %s"), strerror(errno));
    }
    close(data[0]);
    close(msg[0]);
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (rc == 0 && why.len > 0) {
        rc = err_set(e, ERR_CONFIG, "%s", why.buf);
    } else if (rc == 0 && !(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
        rc = err_set(e, ERR_IO, "%s", _("cannot make the PDF: the process drawing it failed"));
    }
    sbuf_release(&why);
    return rc;
}

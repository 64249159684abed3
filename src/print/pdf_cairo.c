/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * pdf_cairo.c - the PDF writer's module (pdf_module.h): documents drawn
 * on A4 pages with cairo's PDF surface, the text laid out by Pango.  The
 * fonts are resolved with fontconfig for Simplified Chinese and checked
 * to hold Chinese characters, so that pdf.c can report a missing font
 * package instead of printing empty boxes.  Built as pdf.so: only the
 * process drawing a print loads it and what it brings (GLib, HarfBuzz,
 * FreeType, X11's libraries through cairo).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include "core/doc.h"
#include "print/pdf_module.h"
#include "util/xalloc.h"

/* A4 in points, 20 mm margins. */
#define PAGE_W 595.28
#define PAGE_H 841.89
#define MARGIN 56.69

/* A style's font and one layout kept for it: Pango shapes the text with
 * HarfBuzz, takes each character from the first font that has it
 * (fallback through fontconfig) and breaks lines where Unicode's line
 * breaking (UAX #14) allows, never inside a number such as 100.0% or
 * 5,123.45. */
struct face {
    PangoLayout *layout;
    double ascent, descent;     /* points */
};

/* A text Pango broke into lines: the layout asks for the first line of
 * a text, then of what is left of it, and counts a table cell's lines
 * before it places them, so each text is broken once and its lines are
 * kept (a copy of the text to check against, the line starts). */
struct wrapped {
    const char *end;        /* the end of the text in the caller's buffer */
    char *text;
    size_t len;
    int st, width;
    size_t *starts, n;
};

#define WRAP_CACHE 256

struct pdf_writer {
    cairo_surface_t *surf;
    struct sink_to *to;
    cairo_t *cr;
    PangoContext *ctx;
    struct face st[DS_COUNT];
    struct wrapped wraps[WRAP_CACHE];
};

/* Whether the font fontconfig picks for FAMILY (bold when BOLD) for
 * Simplified Chinese can show Chinese. */
static int shows_chinese(const char *family, int bold)
{
    FcPattern *pat = FcPatternCreate(), *match;
    FcLangSet *ls = FcLangSetCreate();
    FcCharSet *cs = NULL;
    FcResult res;
    int ok = 0;

    if (family && *family) {
        FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
    }
    FcLangSetAdd(ls, (const FcChar8 *)"zh-cn");
    FcPatternAddLangSet(pat, FC_LANG, ls);
    FcPatternAddInteger(pat, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcConfigSubstitute(NULL, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    match = FcFontMatch(NULL, pat, &res);
    ok = match && FcPatternGetCharSet(match, FC_CHARSET, 0, &cs) == FcResultMatch &&
         FcCharSetHasChar(cs, 0x4E2D) && FcCharSetHasChar(cs, 0x9875);
    if (match) {
        FcPatternDestroy(match);
    }
    FcLangSetDestroy(ls);
    FcPatternDestroy(pat);
    return ok;
}

/* The layout of style ST holding LEN bytes of S, on one line. */
static PangoLayout *set_text(struct pdf_writer *p, enum doc_style st, const char *s,
                             size_t len)
{
    PangoLayout *l = p->st[st].layout;

    pango_layout_set_width(l, -1);
    pango_layout_set_text(l, s, (int)len);
    return l;
}

static double pdf_measure(void *ctx, enum doc_style st, const char *s,
                          size_t len)
{
    PangoRectangle logical;

    pango_layout_get_extents(set_text(ctx, st, s, len), NULL, &logical);
    return pango_units_to_double(logical.width);
}

/* The length of the line of W that begins LEN bytes before its end, or
 * 0 when no line begins there. */
static size_t wrapped_line(const struct wrapped *w, size_t len)
{
    size_t off = w->len - len, i;

    for (i = 0; i < w->n; i++) {
        if (w->starts[i] == off) {
            return (i + 1 < w->n ? w->starts[i + 1] : w->len) - off;
        }
    }
    return 0;
}

/* Keep in W the lines of layout L, which holds LEN bytes of S. */
static void keep_lines(struct wrapped *w, PangoLayout *l, const char *s,
                       size_t len, int st, int width)
{
    GSList *it;
    size_t i = 0;

    free(w->text);
    free(w->starts);
    w->end = s + len;
    w->text = xmalloc(len + 1);
    memcpy(w->text, s, len);
    w->len = len;
    w->st = st;
    w->width = width;
    w->n = (size_t)pango_layout_get_line_count(l);
    w->starts = xcalloc(w->n ? w->n : 1, sizeof(*w->starts));
    for (it = pango_layout_get_lines_readonly(l); it && i < w->n; it = it->next) {
        w->starts[i++] = (size_t)((PangoLayoutLine *)it->data)->start_index;
    }
    w->n = i;
}

/* The first line of S (LEN bytes, no newline) as Pango breaks it at W. */
static size_t pdf_wrap(void *ctx, enum doc_style st, const char *s,
                       size_t len, double w)
{
    struct pdf_writer *p = ctx;
    int width = pango_units_from_double(w);
    struct wrapped *c = &p->wraps[((uintptr_t)(s + len) >> 2) % WRAP_CACHE];
    PangoLayout *l;
    size_t k;

    if (c->text && c->end == s + len && c->st == (int)st && c->width == width &&
        len <= c->len && memcmp(c->text + c->len - len, s, len) == 0 &&
        (k = wrapped_line(c, len)) > 0) {
        return k;
    }
    l = set_text(p, st, s, len);
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_width(l, width);
    keep_lines(c, l, s, len, (int)st, width);
    return (size_t)pango_layout_get_line_readonly(l, 0)->length;
}

static void draw_text(struct pdf_writer *p, const struct doc_piece *pc, double line)
{
    const struct face *f = &p->st[pc->style];
    double w = pdf_measure(p, pc->style, pc->text, strlen(pc->text));
    double x = pc->x;

    if (pc->align == DOC_RIGHT) {
        x = pc->x + pc->w - w;
    } else if (pc->align == DOC_CENTER) {
        x = pc->x + (pc->w - w) / 2;
    }
    /* The baseline sits so that the glyphs are centred in the line. */
    cairo_move_to(p->cr, MARGIN + x,
                  MARGIN + pc->y + (line + f->ascent - f->descent) / 2);
    pango_cairo_show_layout_line(p->cr, pango_layout_get_line_readonly(f->layout, 0));
}

static void draw_page(struct pdf_writer *p, const struct doc_page *pg,
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

static void metrics(struct pdf_writer *p, struct doc_metrics *m)
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
    m->wrap = pdf_wrap;
    m->ctx = p;
}

/* Each style's family (the title's or the body's), weight and size in
 * points. */
static const struct {
    int title, bold;
    double size;
} styles[DS_COUNT] = {
    [DS_BODY] = {0, 0, 10.5},
    [DS_BOLD] = {0, 1, 10.5},
    [DS_TITLE] = {1, 1, 18},
    [DS_SMALL] = {0, 0, 9},
};

/* Pango's context on P's cairo context, for Simplified Chinese, with
 * glyph positions as designed (a PDF is not a screen: no hinting, no
 * rounding), and a layout per style. */
static void load_faces(struct pdf_writer *p, const char *body, const char *title)
{
    cairo_font_options_t *fo = cairo_font_options_create();
    int i;

    p->ctx = pango_cairo_create_context(p->cr);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(p->ctx, fo);
    cairo_font_options_destroy(fo);
#if PANGO_VERSION_CHECK(1, 44, 0)
    pango_context_set_round_glyph_positions(p->ctx, FALSE);
#endif
    pango_context_set_language(p->ctx, pango_language_from_string("zh-cn"));
    for (i = 0; i < DS_COUNT; i++) {
        PangoFontDescription *fd = pango_font_description_new();
        PangoFontMetrics *fm;

        pango_font_description_set_family(fd, styles[i].title ? title : body);
        pango_font_description_set_weight(fd, styles[i].bold ? PANGO_WEIGHT_BOLD
                                                             : PANGO_WEIGHT_NORMAL);
        pango_font_description_set_absolute_size(fd, styles[i].size * PANGO_SCALE);
        p->st[i].layout = pango_layout_new(p->ctx);
        pango_layout_set_font_description(p->st[i].layout, fd);
        fm = pango_context_get_metrics(p->ctx, fd, NULL);
        p->st[i].ascent = pango_units_to_double(pango_font_metrics_get_ascent(fm));
        p->st[i].descent = pango_units_to_double(pango_font_metrics_get_descent(fm));
        pango_font_metrics_unref(fm);
        pango_font_description_free(fd);
    }
}

static void free_faces(struct pdf_writer *p)
{
    int i;

    for (i = 0; i < DS_COUNT; i++) {
        if (p->st[i].layout) {
            g_object_unref(p->st[i].layout);
        }
    }
    if (p->ctx) {
        g_object_unref(p->ctx);
    }
    for (i = 0; i < WRAP_CACHE; i++) {
        free(p->wraps[i].text);
        free(p->wraps[i].starts);
    }
}

/* Whether every style's font shows Chinese. */
static int fonts_ok(const char *body, const char *title)
{
    int i;

    for (i = 0; i < DS_COUNT; i++) {
        if (!shows_chinese(styles[i].title ? title : body, styles[i].bold)) {
            return 0;
        }
    }
    return 1;
}

struct sink_to {
    pdf_sink *sink;
    void *closure;
};

static cairo_status_t to_sink(void *closure, const unsigned char *data,
                              unsigned int len)
{
    const struct sink_to *s = closure;

    s->sink(s->closure, data, len);
    return CAIRO_STATUS_SUCCESS;
}

static struct pdf_writer *w_open(const char *body, const char *title,
                                 const char *doc_title, const char *creator,
                                 pdf_sink *sink, void *closure,
                                 struct doc_metrics *m)
{
    struct pdf_writer *p;
    struct sink_to *to;

    if (!fonts_ok(body, title)) {
        return NULL;
    }
    p = xcalloc(1, sizeof(*p));
    to = xmalloc(sizeof(*to));
    to->sink = sink;
    to->closure = closure;
    p->to = to;
    p->surf = cairo_pdf_surface_create_for_stream(to_sink, to, PAGE_W, PAGE_H);
#if CAIRO_VERSION >= CAIRO_VERSION_ENCODE(1, 16, 0)
    if (doc_title != NULL) {
        cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_TITLE, doc_title);
    }
    cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_CREATOR, creator);
#endif
    p->cr = cairo_create(p->surf);
    load_faces(p, body, title);
    metrics(p, m);
    return p;
}

static const char *w_close(struct pdf_writer *p)
{
    cairo_status_t st = cairo_status(p->cr);

    free_faces(p);
    cairo_destroy(p->cr);
    cairo_surface_finish(p->surf);
    if (st == CAIRO_STATUS_SUCCESS) {
        st = cairo_surface_status(p->surf);
    }
    cairo_surface_destroy(p->surf);
    free(p->to);
    free(p);
    return st == CAIRO_STATUS_SUCCESS ? NULL : cairo_status_to_string(st);
}

__attribute__((visibility("default")))
const struct pdf_module zx_pdf_module_v1 = {
    .open = w_open,
    .page = draw_page,
    .close = w_close,
};

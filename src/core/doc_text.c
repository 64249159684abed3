/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * doc_text.c - the text print: a document laid out in terminal columns
 * and lines, pages of a fixed number of lines separated by form feeds,
 * tables with dashed rules (no box-drawing characters: their width is
 * ambiguous in East Asian terminals).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "util/sbuf.h"
#include "util/u8.h"
#include "util/xalloc.h"

static size_t width_n(const char *s, size_t len)
{
    size_t i = 0, k, w = 0;

    while (i < len) {
        w += (size_t)u8_cpwidth(u8_decode(s + i, len - i, &k));
        i += k;
    }
    return w;
}

static double text_measure(void *ctx, enum doc_style st, const char *s,
                           size_t len)
{
    (void)ctx;
    (void)st;
    return (double)width_n(s, len);
}

static int cell(double v)
{
    return v < 0 ? 0 : (int)(v + 0.5);
}

/* One line of the page being drawn: its text and its width so far. */
struct tline {
    struct sbuf sb;
    size_t width;
};

static void put(struct tline *l, size_t col, const char *s, size_t len)
{
    if (l->width < col) {
        sbuf_addspaces(&l->sb, col - l->width);
        l->width = col;
    } else if (l->width > col && l->width > 0) {
        /* Never glue two pieces together. */
        sbuf_addch(&l->sb, ' ');
        l->width++;
    }
    sbuf_add(&l->sb, s, len);
    l->width += width_n(s, len);
}

static int by_x(const void *a, const void *b)
{
    const struct doc_piece *p = *(const struct doc_piece *const *)a;
    const struct doc_piece *q = *(const struct doc_piece *const *)b;

    if (cell(p->y) != cell(q->y)) {
        return cell(p->y) < cell(q->y) ? -1 : 1;
    }
    return p->x < q->x ? -1 : p->x > q->x;
}

static void draw_piece(struct tline *lines, int nlines,
                       const struct doc_piece *p)
{
    int y = cell(p->y);
    size_t w, col;

    if (y < 0 || y >= nlines) {
        return;
    }
    if (p->kind == DP_RULE) {
        int i, n = cell(p->w);

        col = (size_t)cell(p->x);
        put(&lines[y], col, "", 0);
        for (i = 0; i < n; i++) {
            sbuf_addch(&lines[y].sb, '-');
        }
        lines[y].width += (size_t)n;
        return;
    }
    if (p->kind != DP_TEXT) {
        return;
    }
    w = width_n(p->text, strlen(p->text));
    col = (size_t)cell(p->x);
    if (p->align == DOC_RIGHT && (size_t)cell(p->x + p->w) > w) {
        col = (size_t)cell(p->x + p->w) - w;
    } else if (p->align == DOC_CENTER && (size_t)cell(p->w) > w) {
        col += ((size_t)cell(p->w) - w) / 2;
    }
    put(&lines[y], col, p->text, strlen(p->text));
}

static void render_page(const struct doc_page *pg, int nlines,
                        struct sbuf *out)
{
    struct tline *lines = xcalloc((size_t)nlines, sizeof(*lines));
    const struct doc_piece **order = xcalloc(pg->n + 1, sizeof(*order));
    size_t i;
    int y;

    for (i = 0; i < pg->n; i++) {
        order[i] = &pg->v[i];
    }
    qsort(order, pg->n, sizeof(*order), by_x);
    for (y = 0; y < nlines; y++) {
        sbuf_init(&lines[y].sb);
    }
    for (i = 0; i < pg->n; i++) {
        draw_piece(lines, nlines, order[i]);
    }
    for (y = 0; y < nlines; y++) {
        sbuf_rtrim(&lines[y].sb);
        sbuf_add(out, lines[y].sb.buf, lines[y].sb.len);
        sbuf_addch(out, '\n');
        sbuf_release(&lines[y].sb);
    }
    free(order);
    free(lines);
}

void doc_render_text(struct doc *const *docs, size_t n, int lines,
                     struct sbuf *out)
{
    struct doc_metrics m;
    size_t i, p;
    int s, first = 1;

    if (lines < 10) {
        lines = 66;
    }
    memset(&m, 0, sizeof(m));
    m.width = DOC_TEXT_WIDTH;
    m.col = 1;
    for (s = 0; s < DS_COUNT; s++) {
        m.line[s] = 1;
    }
    m.gap = 1;
    m.height = lines - 2;
    m.measure = text_measure;
    for (i = 0; i < n; i++) {
        struct doc_layout l;

        doc_layout(docs[i], &m, &l);
        for (p = 0; p < l.npages; p++) {
            if (!first) {
                sbuf_addch(out, '\f');
            }
            first = 0;
            render_page(&l.pages[p], lines, out);
        }
        doc_layout_free(&l);
    }
}

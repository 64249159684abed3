/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * doc.c - the print model (blocks added in order) and its layout into
 * pages of pieces, the same for the text and the PDF output.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/u8.h"
#include "util/xalloc.h"

enum blk_kind { B_SUBTITLE, B_HEADING, B_PARA, B_FIELDS, B_TABLE, B_SIGN,
                B_BREAK };

struct blk {
    enum blk_kind kind;
    enum doc_align align;
    int indent;
    int per_row;            /* fields: pairs per line; sign: dated;
                               heading: repeated on the pages after */
    char *text;             /* subtitle, heading, paragraph, table "none" */
    struct doc_col *cols;   /* table */
    int ncols;
    char **cells;           /* table cells; fields label,value,...; sign */
    size_t ncells, acells;
};

struct doc {
    char *title;
    struct blk *b;
    size_t n, alloc;
};

/* A copy of S fit for any output: invalid bytes become U+FFFD, tabs
 * spaces, other control characters are dropped; newlines are kept when
 * KEEP_NL. */
static char *clean(const char *s, int keep_nl)
{
    struct sbuf sb = SBUF_INIT;
    size_t n = s ? strlen(s) : 0, i = 0, k;

    while (i < n) {
        uint32_t cp = u8_decode(s + i, n - i, &k);
        char enc[4];

        if (cp == '\t') {
            sbuf_addch(&sb, ' ');
        } else if (cp == '\n' && keep_nl) {
            sbuf_addch(&sb, '\n');
        } else if (cp == U8_REPLACEMENT || !u8_unsafe(cp)) {
            sbuf_add(&sb, enc, u8_encode(cp, enc));
        }
        i += k;
    }
    return sbuf_detach(&sb);
}

struct doc *doc_new(const char *title)
{
    struct doc *d = xcalloc(1, sizeof(*d));

    d->title = clean(title, 0);
    return d;
}

void doc_free(struct doc *d)
{
    size_t i, j;

    if (!d) {
        return;
    }
    for (i = 0; i < d->n; i++) {
        struct blk *b = &d->b[i];

        free(b->text);
        for (j = 0; b->cols && j < (size_t)b->ncols; j++) {
            free((char *)b->cols[j].title);
        }
        free(b->cols);
        for (j = 0; j < b->ncells; j++) {
            free(b->cells[j]);
        }
        free(b->cells);
    }
    free(d->b);
    free(d->title);
    free(d);
}

const char *doc_title(const struct doc *d)
{
    return d->title;
}

static struct blk *add_blk(struct doc *d, enum blk_kind kind)
{
    struct blk *b = xappend((void **)&d->b, &d->n, &d->alloc, sizeof(*d->b));

    b->kind = kind;
    return b;
}

static void add_cell(struct blk *b, char *s)
{
    b->cells = xgrow(b->cells, &b->acells, b->ncells + 1, sizeof(*b->cells));
    b->cells[b->ncells++] = s;
}

/* The last block when it is of KIND, else a new one. */
static struct blk *last_blk(struct doc *d, enum blk_kind kind)
{
    if (d->n && d->b[d->n - 1].kind == kind) {
        return &d->b[d->n - 1];
    }
    return NULL;
}

void doc_subtitle(struct doc *d, const char *s)
{
    struct blk *b = add_blk(d, B_SUBTITLE);

    b->text = clean(s, 0);
    b->align = DOC_CENTER;
}

void doc_heading(struct doc *d, const char *s)
{
    add_blk(d, B_HEADING)->text = clean(s, 0);
}

void doc_heading_running(struct doc *d, const char *s)
{
    doc_heading(d, s);
    d->b[d->n - 1].per_row = 1;
}

void doc_para(struct doc *d, enum doc_align a, int indent, const char *s)
{
    struct blk *b = add_blk(d, B_PARA);

    b->text = clean(s, 1);
    b->align = a;
    b->indent = indent;
}

void doc_paraf(struct doc *d, enum doc_align a, int indent,
               const char *fmt, ...)
{
    struct sbuf sb = SBUF_INIT;
    va_list ap;

    va_start(ap, fmt);
    sbuf_vaddf(&sb, fmt, ap);
    va_end(ap);
    doc_para(d, a, indent, sb.buf);
    sbuf_release(&sb);
}

void doc_fields(struct doc *d, int per_row)
{
    /* lay_fields measures at most 16 labels of a line. */
    add_blk(d, B_FIELDS)->per_row = per_row < 1 ? 1 : per_row > 16 ? 16 : per_row;
}

void doc_field(struct doc *d, const char *label, const char *value)
{
    struct blk *b = last_blk(d, B_FIELDS);

    if (!b) {
        doc_fields(d, 1);
        b = &d->b[d->n - 1];
    }
    add_cell(b, clean(label, 0));
    add_cell(b, clean(value, 1));
}

void doc_table(struct doc *d, const struct doc_col *cols, int ncols,
               const char *none)
{
    struct blk *b = add_blk(d, B_TABLE);
    int i;

    /* The layout places at most 64 columns (far more than a page holds). */
    ncols = ncols > 64 ? 64 : ncols;
    b->ncols = ncols;
    b->cols = xcalloc((size_t)ncols, sizeof(*b->cols));
    for (i = 0; i < ncols; i++) {
        b->cols[i] = cols[i];
        b->cols[i].title = clean(cols[i].title, 1);
        if (b->cols[i].width < 1) {
            b->cols[i].width = 1;
        }
    }
    b->text = none ? clean(none, 0) : NULL;
}

void doc_cell(struct doc *d, const char *s)
{
    struct blk *b = last_blk(d, B_TABLE);

    if (b) {
        add_cell(b, clean(s, 1));
    }
}

void doc_cellf(struct doc *d, const char *fmt, ...)
{
    struct sbuf sb = SBUF_INIT;
    va_list ap;

    va_start(ap, fmt);
    sbuf_vaddf(&sb, fmt, ap);
    va_end(ap);
    doc_cell(d, sb.buf);
    sbuf_release(&sb);
}

size_t doc_table_rows(const struct doc *d)
{
    const struct blk *b = last_blk((struct doc *)d, B_TABLE);

    return b ? (b->ncells + (size_t)b->ncols - 1) / (size_t)b->ncols : 0;
}

void doc_sign(struct doc *d, const char *const *labels, int n, int dated)
{
    struct blk *b = add_blk(d, B_SIGN);
    int i;

    b->per_row = dated;
    for (i = 0; i < n; i++) {
        add_cell(b, clean(labels[i], 0));
    }
}

void doc_break(struct doc *d)
{
    add_blk(d, B_BREAK);
}

/* ---- layout ----------------------------------------------------------- */

/* The start of the character before byte I of S. */
static size_t char_before(const char *s, size_t i)
{
    do {
        i--;
    } while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80);
    return i;
}

/* The first line by M's own breaking (the PDF's, Pango's), up to the
 * first newline and at least one character. */
static size_t output_wrap(const struct doc_metrics *m, enum doc_style st,
                          const char *s, size_t len, double w)
{
    const char *nl = memchr(s, '\n', len);
    size_t end = nl ? (size_t)(nl - s) : len, k;

    if (end == 0) {
        return 0;
    }
    k = m->wrap(m->ctx, st, s, end, w);
    if (k == 0 || k > end) {
        u8_decode(s, end, &k);
    }
    return k;
}

/* 1 when byte C is part of a word not to be cut: ASCII, not a space. */
static int in_word(char c)
{
    return (unsigned char)c < 0x80 && c != ' ' && c != '\n';
}

size_t doc_wrap(const struct doc_metrics *m, enum doc_style st,
                const char *s, size_t len, double w)
{
    size_t i = 0, k;
    double used = 0;

    if (m->wrap) {
        return output_wrap(m, st, s, len, w);
    }
    while (i < len) {
        double cw;

        if (s[i] == '\n') {
            return i;
        }
        u8_decode(s + i, len - i, &k);
        cw = m->measure(m->ctx, st, s + i, k);
        if (used + cw > w + 1e-6 && i > 0) {
            break;
        }
        used += cw;
        i += k;
    }
    /* A space where the line ends stays on it (and is trimmed). */
    if (i < len && s[i] == ' ') {
        return i + 1;
    }
    /* Cutting a word of Latin letters or a number (20户, 5,123.45): the
     * line ends before the word instead, after a space or a Chinese
     * character, unless the word began the line. */
    if (i < len && in_word(s[i]) && in_word(s[i - 1])) {
        size_t r = i - 1;

        while (r > 0 && in_word(s[r - 1])) {
            r--;
        }
        if (r > 0) {
            return r;
        }
    }
    /* A comma or a closing bracket goes down with the character before
     * it rather than begin the next line. */
    if (i < len && i > 0 && u8_no_line_start(u8_decode(s + i, len - i, &k))) {
        size_t j = char_before(s, i);

        if (j > 0) {
            return j;
        }
    }
    return i;
}

struct lay {
    const struct doc_metrics *m;
    struct doc_layout *out;
    struct doc_page *pg;
    double y;
    const char *running;    /* the heading the pages after repeat */
};

static int wrap_at(struct lay *L, enum doc_style st, enum doc_align a,
                   double x, double y, double w, const char *s, int max_lines);

static struct doc_piece *add_piece(struct lay *L, enum doc_piece_kind kind)
{
    struct doc_page *p = L->pg;
    struct doc_piece *pc = xappend((void **)&p->v, &p->n, &p->alloc, sizeof(*p->v));

    pc->kind = kind;
    return pc;
}

static void new_page(struct lay *L)
{
    struct doc_layout *o = L->out;

    o->pages = xrealloc(o->pages, (o->npages + 1) * sizeof(*o->pages));
    L->pg = &o->pages[o->npages++];
    memset(L->pg, 0, sizeof(*L->pg));
    L->y = 0;
}

/* A page the body runs on to: the running heading, continued, first. */
static void next_page(struct lay *L)
{
    new_page(L);
    if (L->running != NULL) {
        char buf[600];

        snprintf(buf, sizeof(buf), _("%s (continued)"), L->running);
        wrap_at(L, DS_BOLD, DOC_LEFT, 0, 0, L->m->width, buf, 1);
        L->y = L->m->line[DS_BOLD];
    }
}

/* Room for H more below the current position (a fresh page always has
 * room, so that nothing is pushed from page to page for ever). */
static void need(struct lay *L, double h)
{
    if (L->y > 0 && L->y + h > L->m->height + 1e-6) {
        next_page(L);
    }
}

static void text_at(struct lay *L, enum doc_style st, enum doc_align a,
                    double x, double y, double w, const char *s, size_t len)
{
    struct doc_piece *pc;

    while (len > 0 && s[len - 1] == ' ') {
        len--;
    }
    if (len == 0) {
        return;
    }
    pc = add_piece(L, DP_TEXT);
    pc->style = st;
    pc->align = a;
    pc->x = x;
    pc->y = y;
    pc->w = w;
    pc->text = xstrndup(s, len);
}

static void line_at(struct lay *L, enum doc_piece_kind kind, double x,
                    double y, double w, double h)
{
    struct doc_piece *pc = add_piece(L, kind);

    pc->x = x;
    pc->y = y;
    pc->w = w;
    pc->h = h;
}

/* The first line of *S (*LEN bytes) wrapped at W: its length in bytes;
 * *S and *LEN move past it and the line break that ends it. */
static size_t take_line(const struct doc_metrics *m, enum doc_style st,
                        const char **s, size_t *len, double w)
{
    size_t k = doc_wrap(m, st, *s, *len, w);

    *s += k;
    *len -= k;
    if (*len && **s == '\n') {
        (*s)++;
        (*len)--;
    }
    return k;
}

/* Lines S takes wrapped at W (at least 1). */
static int count_lines(const struct doc_metrics *m, enum doc_style st,
                       const char *s, double w)
{
    size_t len = strlen(s);
    int n = 0;

    do {
        take_line(m, st, &s, &len, w);
        n++;
    } while (len > 0);
    return n;
}

/* Emit S wrapped in the box X..X+W from Y, at most MAX lines; returns the
 * lines used. */
static int wrap_at(struct lay *L, enum doc_style st, enum doc_align a,
                   double x, double y, double w, const char *s, int max)
{
    size_t len = strlen(s);
    int n = 0;

    do {
        const char *line = s;
        size_t k = take_line(L->m, st, &s, &len, w);

        text_at(L, st, a, x, y + n * L->m->line[st], w, line, k);
        n++;
    } while (len > 0 && n < max);
    return n;
}

/* Paragraph lines flow from page to page, the first indented. */
static void lay_para(struct lay *L, const struct blk *b, enum doc_style st)
{
    const struct doc_metrics *m = L->m;
    const char *s = b->text;
    size_t len = strlen(s), k;
    double indent = b->indent * m->col;

    do {
        need(L, m->line[st]);
        k = doc_wrap(m, st, s, len, m->width - indent);
        text_at(L, st, b->align, indent, L->y, m->width - indent, s, k);
        L->y += m->line[st];
        s += k;
        len -= k;
        if (len && *s == '\n') {
            s++;
            len--;
            indent = b->indent * m->col;
        } else {
            indent = 0;
        }
    } while (len > 0);
}

static void lay_fields(struct lay *L, const struct blk *b)
{
    const struct doc_metrics *m = L->m;
    size_t npairs = b->ncells / 2, i, j;
    double pw = m->width / b->per_row;

    for (i = 0; i < npairs; i += (size_t)b->per_row) {
        int lines = 1;
        double lw[16];

        for (j = i; j < npairs && j < i + (size_t)b->per_row && j - i < 16; j++) {
            const char *label = b->cells[2 * j];
            double vw;
            int k;

            lw[j - i] = m->measure(m->ctx, DS_BOLD, label, strlen(label));
            vw = pw - lw[j - i] - m->col;
            k = count_lines(m, DS_BODY, b->cells[2 * j + 1], vw > m->col ? vw : m->col);
            if (k > lines) {
                lines = k;
            }
        }
        need(L, lines * m->line[DS_BODY]);
        for (j = i; j < npairs && j < i + (size_t)b->per_row && j - i < 16; j++) {
            double x = (j - i) * pw, vw = pw - lw[j - i] - m->col;

            text_at(L, DS_BOLD, DOC_LEFT, x, L->y, lw[j - i], b->cells[2 * j],
                    strlen(b->cells[2 * j]));
            wrap_at(L, DS_BODY, DOC_LEFT, x + lw[j - i], L->y,
                    vw > m->col ? vw : m->col, b->cells[2 * j + 1], lines);
        }
        L->y += lines * m->line[DS_BODY];
    }
}

/* Where a table's columns go: XS[i] the left edge of column i's text,
 * WS[i] its width; returns the table's width.  Two text columns between
 * columns; a table wider than the page is narrowed to fit. */
static double table_geometry(const struct doc_metrics *m, const struct blk *b,
                             double *xs, double *ws)
{
    double total = 0, scale = 1, x = m->col;
    int i;

    for (i = 0; i < b->ncols; i++) {
        total += b->cols[i].width * m->col;
    }
    total += 2 * m->col * b->ncols;
    if (total > m->width) {
        scale = m->width / total;
    }
    for (i = 0; i < b->ncols; i++) {
        xs[i] = x * scale - (m->grid ? 0 : m->col * scale);
        ws[i] = b->cols[i].width * m->col * scale;
        x += (b->cols[i].width + 2) * m->col;
    }
    return total * scale - (m->grid ? 0 : 2 * m->col * scale);
}

/* The height of a table row of cells CELLS in style ST. */
static int row_lines(const struct doc_metrics *m, const struct blk *b,
                     char *const *cells, size_t ncells, const double *ws,
                     enum doc_style st)
{
    int i, lines = 1;

    for (i = 0; i < b->ncols && (size_t)i < ncells; i++) {
        int k = count_lines(m, st, cells[i], ws[i]);

        if (k > lines) {
            lines = k;
        }
    }
    return lines;
}

struct tbl {
    const struct blk *b;
    double xs[64], ws[64], total;
    double top;            /* where the table's part on this page begins */
};

static void table_verticals(struct lay *L, const struct tbl *t)
{
    double x = 0;
    int i;

    if (!L->m->grid) {
        return;
    }
    line_at(L, DP_VGRID, 0, t->top, 0, L->y - t->top);
    for (i = 0; i < t->b->ncols; i++) {
        x = t->xs[i] + t->ws[i] + L->m->col;
        line_at(L, DP_VGRID, x, t->top, 0, L->y - t->top);
    }
}

static void table_row(struct lay *L, const struct tbl *t, char *const *cells,
                      size_t ncells, enum doc_style st, int max_lines)
{
    const struct doc_metrics *m = L->m;
    int i, lines = row_lines(m, t->b, cells, ncells, t->ws, st);

    if (lines > max_lines) {
        lines = max_lines;
    }
    for (i = 0; i < t->b->ncols && (size_t)i < ncells; i++) {
        wrap_at(L, st, t->b->cols[i].align, t->xs[i], L->y + m->pad, t->ws[i],
                cells[i], lines);
    }
    L->y += lines * m->line[st] + 2 * m->pad;
}

static void table_header(struct lay *L, struct tbl *t)
{
    char *titles[64];
    int i;

    for (i = 0; i < t->b->ncols; i++) {
        titles[i] = (char *)t->b->cols[i].title;
    }
    t->top = L->y;
    line_at(L, DP_HGRID, 0, L->y, t->total, 0);
    table_row(L, t, titles, (size_t)t->b->ncols, DS_BOLD, 1000);
    line_at(L, DP_RULE, 0, L->y, t->total, 0);
    L->y += L->m->grid ? 0 : L->m->line[DS_BODY];
}

/* Lay table B out in *T (its geometry) and *MAX_LINES (the most lines a
 * row may take on a page); returns the height of what must stay
 * together on a page: the header, its rule and the first row. */
static double table_measure(const struct doc_metrics *m, const struct blk *b,
                            struct tbl *t, int *max_lines)
{
    double rule = m->grid ? 0 : m->line[DS_BODY];
    char *titles[64];
    int i, header_lines, first;

    memset(t, 0, sizeof(*t));
    t->b = b;
    t->total = table_geometry(m, b, t->xs, t->ws);
    for (i = 0; i < b->ncols; i++) {
        titles[i] = (char *)b->cols[i].title;
    }
    header_lines = row_lines(m, b, titles, (size_t)b->ncols, t->ws, DS_BOLD);
    *max_lines = (int)((m->height - (header_lines * m->line[DS_BOLD] + 4 * m->pad + 2 * rule)) /
                       m->line[DS_BODY]);
    if (*max_lines < 1) {
        *max_lines = 1;
    }
    first = b->ncells ? row_lines(m, b, b->cells, b->ncells, t->ws, DS_BODY) : 1;
    if (first > *max_lines) {
        first = *max_lines;
    }
    return header_lines * m->line[DS_BOLD] + 2 * m->pad + rule +
           first * m->line[DS_BODY] + 2 * m->pad + rule;
}

static void lay_table(struct lay *L, const struct blk *b)
{
    const struct doc_metrics *m = L->m;
    struct tbl t;
    size_t r, nrows = (b->ncells + (size_t)b->ncols - 1) / (size_t)b->ncols;
    double rule = m->grid ? 0 : m->line[DS_BODY];
    char *none[1];
    int max_lines;

    need(L, table_measure(m, b, &t, &max_lines));
    table_header(L, &t);
    if (nrows == 0 && b->text) {
        none[0] = b->text;
        table_row(L, &t, none, 1, DS_BODY, max_lines);
    }
    for (r = 0; r < nrows; r++) {
        char *const *cells = b->cells + r * (size_t)b->ncols;
        size_t nc = b->ncells - r * (size_t)b->ncols;
        int lines = row_lines(m, b, cells, nc, t.ws, DS_BODY);
        double h;

        if (lines > max_lines) {
            lines = max_lines;
        }
        h = lines * m->line[DS_BODY] + 2 * m->pad;
        if (L->y + h + rule > m->height + 1e-6) {
            table_verticals(L, &t);
            line_at(L, DP_RULE, 0, L->y, t.total, 0);
            next_page(L);
            table_header(L, &t);
        } else if (r > 0) {
            line_at(L, DP_HGRID, 0, L->y, t.total, 0);
        }
        table_row(L, &t, cells, nc, DS_BODY, lines);
    }
    table_verticals(L, &t);
    line_at(L, DP_RULE, 0, L->y, t.total, 0);
    L->y += rule;
}

static void lay_sign(struct lay *L, const struct blk *b)
{
    const struct doc_metrics *m = L->m;
    size_t i, n = b->ncells ? b->ncells : 1;
    double w = m->width / (double)n;
    double h = 2 * m->line[DS_BODY] + (b->per_row ? 2 * m->line[DS_BODY] : 0);
    const char *date = _("year    month    day");

    need(L, h);
    L->y += m->line[DS_BODY];
    for (i = 0; i < b->ncells; i++) {
        text_at(L, DS_BODY, DOC_LEFT, i * w, L->y, w, b->cells[i],
                strlen(b->cells[i]));
        if (b->per_row) {
            text_at(L, DS_BODY, DOC_LEFT, i * w + 8 * m->col,
                    L->y + 2 * m->line[DS_BODY], w - 8 * m->col, date,
                    strlen(date));
        }
    }
    L->y += h - m->line[DS_BODY];
}

static void lay_block(struct lay *L, const struct doc *d, size_t i)
{
    const struct doc_metrics *m = L->m;
    const struct blk *b = &d->b[i];

    switch (b->kind) {
    case B_SUBTITLE:
        lay_para(L, b, DS_BODY);
        break;
    case B_HEADING:
        if (b->per_row) {
            L->running = NULL;  /* a page it starts is its own */
        }
        if (L->y > 0) {
            L->y += m->gap;
        }
        /* A heading stays with the first line after it, or with the
         * header and first row of a table. */
        if (i + 1 < d->n && d->b[i + 1].kind == B_TABLE) {
            struct tbl t;
            int max_lines;

            need(L, m->line[DS_BOLD] + table_measure(m, &d->b[i + 1], &t, &max_lines));
        } else {
            need(L, m->line[DS_BOLD] + 2 * m->line[DS_BODY] + 2 * m->pad);
        }
        wrap_at(L, DS_BOLD, DOC_LEFT, 0, L->y, m->width, b->text, 1);
        L->y += m->line[DS_BOLD];
        if (b->per_row) {
            L->running = b->text;
        }
        break;
    case B_PARA:
        lay_para(L, b, DS_BODY);
        break;
    case B_FIELDS:
        lay_fields(L, b);
        break;
    case B_TABLE:
        lay_table(L, b);
        if (i + 1 < d->n && d->b[i + 1].kind != B_HEADING) {
            L->y += m->gap;
        }
        break;
    case B_SIGN:
        L->y += m->gap;
        lay_sign(L, b);
        break;
    case B_BREAK:
        L->running = NULL;
        if (L->y > 0) {
            new_page(L);
        }
        break;
    }
    /* Space after the title block (title and subtitles). */
    if (b->kind == B_SUBTITLE && (i + 1 == d->n || d->b[i + 1].kind != B_SUBTITLE)) {
        L->y += m->gap;
    }
}

static void page_numbers(struct lay *L)
{
    const struct doc_metrics *m = L->m;
    size_t i, n = L->out->npages;

    for (i = 0; i < n; i++) {
        char buf[128];

        L->pg = &L->out->pages[i];
        snprintf(buf, sizeof(buf), _("page %zu of %zu"), i + 1, n);
        text_at(L, DS_SMALL, DOC_CENTER, 0, m->height + m->gap, m->width, buf,
                strlen(buf));
    }
}

void doc_layout(const struct doc *d, const struct doc_metrics *m,
                struct doc_layout *out)
{
    struct lay L;
    size_t i;

    memset(out, 0, sizeof(*out));
    memset(&L, 0, sizeof(L));
    L.m = m;
    L.out = out;
    new_page(&L);
    if (d->title && *d->title) {
        L.y = wrap_at(&L, DS_TITLE, DOC_CENTER, 0, 0, m->width, d->title, 3) *
              m->line[DS_TITLE];
        if (d->n == 0 || d->b[0].kind != B_SUBTITLE) {
            L.y += m->gap;
        }
    }
    for (i = 0; i < d->n; i++) {
        lay_block(&L, d, i);
    }
    page_numbers(&L);
}

void doc_layout_free(struct doc_layout *l)
{
    size_t i, j;

    for (i = 0; i < l->npages; i++) {
        for (j = 0; j < l->pages[i].n; j++) {
            free(l->pages[i].v[j].text);
        }
        free(l->pages[i].v);
    }
    free(l->pages);
    memset(l, 0, sizeof(*l));
}

/* ---- the prints there are ---------------------------------------------- */

/* The stored name, the label, and the table of the records a print shows
 * as the audit log names it.  How each is built is print/print.c's table
 * of the same kinds. */
static const struct {
    const char *name;
    const char *label;
    const char *shown;
} kinds[PK_COUNT] = {
    [PK_CARD] = {"card", N_("household card"), "household"},
    [PK_PUBLICITY] = {"publicity", N_("publicity list"), "household"},
    [PK_VISITS] = {"visits", N_("visit worklist"), "household"},
    [PK_PROJECTS] = {"projects", N_("project publicity"), "project"},
    [PK_ALLOCATION] = {"allocation", N_("fund allocation announcement"), "fund"},
    [PK_ASSETS] = {"assets", N_("asset ledger"), "asset"},
    [PK_PARTNER] = {"partner", N_("partner's targets and actuals"), "partner"},
    [PK_ATTENDANCE] = {"attendance", N_("resident team attendance"), "team_member"},
    [PK_ASSESSMENT] = {"assessment", N_("assessment summary"), "assess_round"},
    [PK_FEEDBACK] = {"feedback", N_("department warning feedback"), "dept_warning"},
    [PK_ELIMINATION] = {"elimination", N_("risk elimination announcement"), "household"},
};

const char *print_kind_name(enum print_kind k)
{
    return (unsigned)k < PK_COUNT ? kinds[k].name : "";
}

const char *print_kind_label(enum print_kind k)
{
    return (unsigned)k < PK_COUNT ? _(kinds[k].label) : "";
}

const char *print_shown_table(enum print_kind kind)
{
    return (unsigned)kind < PK_COUNT ? kinds[kind].shown : "household";
}

int print_kind_parse(const char *name, enum print_kind *out)
{
    int i;

    for (i = 0; i < PK_COUNT; i++) {
        if (strcmp(name, kinds[i].name) == 0) {
            *out = (enum print_kind)i;
            return 0;
        }
    }
    return -1;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * view.c - the items of a record screen and their layout by display
 * width.  Nothing here draws, so the unit tests run it without a
 * terminal.
 */
#include "config.h"
#include "tui/view.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "tui/table.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/texttable.h"
#include "util/u8.h"
#include "util/xalloc.h"

/* Columns between the two halves of a run of pairs. */
#define PAIR_GAP 3

void
view_init(struct view *v)
{
    memset(v, 0, sizeof(*v));
}

static void
clear_lines(struct view *v)
{
    size_t i;
    int k;

    for (i = 0; i < v->nlines; i++) {
        for (k = 0; k < v->lines[i].nspans; k++) {
            free(v->lines[i].span[k].text);
        }
    }
    v->nlines = 0;
    v->nsections = 0;
}

static void
free_item(struct view_item *it)
{
    size_t i;

    free(it->a);
    free(it->b);
    for (i = 0; it->cells != NULL && it->cells[i] != NULL; i++) {
        free(it->cells[i]);
    }
    free(it->cells);
}

void
view_clear(struct view *v)
{
    size_t i;

    clear_lines(v);
    for (i = 0; i < v->nitems; i++) {
        free_item(&v->items[i]);
    }
    v->nitems = 0;
    for (i = 0; i < v->ntables; i++) {
        free(v->tables[i].cols);
        free(v->tables[i].spare);
    }
    v->ntables = 0;
    free(v->title);
    v->title = NULL;
}

void
view_release(struct view *v)
{
    view_clear(v);
    free(v->items);
    free(v->tables);
    free(v->lines);
    free(v->sections);
    view_init(v);
}

/* --- building ------------------------------------------------------------- */

static struct view_item *
add_item(struct view *v, enum view_item_type type, const char *a, const char *b)
{
    struct view_item *it;

    v->items = xgrow(v->items, &v->aitems, v->nitems + 1, sizeof(*v->items));
    it = &v->items[v->nitems++];
    memset(it, 0, sizeof(*it));
    it->type = type;
    it->a = a != NULL ? xstrdup(a) : NULL;
    it->b = b != NULL ? xstrdup(b) : NULL;
    return it;
}

void
view_title(struct view *v, const char *title)
{
    free(v->title);
    v->title = xstrdup(title);
}

void
view_section(struct view *v, const char *title)
{
    add_item(v, VI_SECTION, title, NULL);
}

void
view_pair(struct view *v, const char *label, const char *value)
{
    add_item(v, VI_PAIR, label, value != NULL ? value : "");
}

void
view_pairf(struct view *v, const char *label, const char *fmt, ...)
{
    struct sbuf sb = SBUF_INIT;
    va_list ap;

    va_start(ap, fmt);
    sbuf_vaddf(&sb, fmt, ap);
    va_end(ap);
    view_pair(v, label, sb.buf);
    sbuf_release(&sb);
}

void
view_pair_mark(struct view *v, const char *label, const char *value, int warn)
{
    add_item(v, VI_PAIR, label, value != NULL ? value : "")->warn = warn;
}

void
view_pair_ref(struct view *v, const char *label, const char *value, int kind, int64_t id)
{
    struct view_item *it = add_item(v, VI_PAIR, label, value != NULL ? value : "");

    it->ref.kind = kind;
    it->ref.id = id;
}

void
view_text(struct view *v, const char *text)
{
    add_item(v, VI_TEXT, text != NULL ? text : "", NULL);
}

void
view_link(struct view *v, int kind, int64_t id, const char *text)
{
    struct view_item *it = add_item(v, VI_LINK, text != NULL ? text : "", NULL);

    it->ref.kind = kind;
    it->ref.id = id;
}

void
view_blank(struct view *v)
{
    add_item(v, VI_BLANK, NULL, NULL);
}

void
view_table(struct view *v, const struct table_col *cols, size_t ncols)
{
    struct view_table *tb;

    v->tables = xgrow(v->tables, &v->atables, v->ntables + 1, sizeof(*v->tables));
    tb = &v->tables[v->ntables];
    tb->cols = xcalloc(ncols + 1, sizeof(*tb->cols));
    memcpy(tb->cols, cols, ncols * sizeof(*cols));
    tb->ncols = ncols;
    tb->spare = NULL;
    tb->nspare = 0;
    add_item(v, VI_TABLE, NULL, NULL)->table = v->ntables++;
}

void
view_table_spare(struct view *v, const size_t *cols, size_t n)
{
    struct view_table *tb;
    size_t i;

    if (v->ntables == 0) {
        return;
    }
    tb = &v->tables[v->ntables - 1];
    free(tb->spare);
    tb->spare = xcalloc(n + 1, sizeof(size_t));
    tb->nspare = 0;
    for (i = 0; i < n; i++) {
        if (cols[i] < tb->ncols) {
            tb->spare[tb->nspare++] = cols[i];
        }
    }
}

void
view_row_mark(struct view *v, int kind, int64_t id, const char *const *cells, int warn)
{
    struct view_item *it;
    size_t i, n;

    if (v->ntables == 0) {
        return;
    }
    n = v->tables[v->ntables - 1].ncols;
    it = add_item(v, VI_ROW, NULL, NULL);
    it->table = v->ntables - 1;
    it->warn = warn;
    it->ref.kind = kind;
    it->ref.id = id;
    it->cells = xcalloc(n + 1, sizeof(char *));
    for (i = 0; i < n; i++) {
        it->cells[i] = xstrdup(cells[i] != NULL ? cells[i] : "");
    }
}

void
view_row(struct view *v, int kind, int64_t id, const char *const *cells)
{
    view_row_mark(v, kind, id, cells, 0);
}

void
view_row_note(struct view *v, const char *text)
{
    if (v->ntables > 0) {
        add_item(v, VI_NOTE, text != NULL ? text : "", NULL)->table = v->ntables - 1;
    }
}

/* --- lines ---------------------------------------------------------------- */

static struct view_line *
new_line(struct view *v)
{
    struct view_line *l;

    v->lines = xgrow(v->lines, &v->alines, v->nlines + 1, sizeof(*v->lines));
    l = &v->lines[v->nlines++];
    memset(l, 0, sizeof(*l));
    return l;
}

static void
add_span(struct view_line *l, int x, int w, const char *text, enum view_style style)
{
    struct view_span *s;

    if (l->nspans >= VIEW_SPANS) {
        return;
    }
    s = &l->span[l->nspans++];
    s->x = x;
    s->w = w > 0 ? w : 0;
    s->text = xstrdup(text);
    s->style = style;
}

/* One line holding TEXT at X, W wide. */
static struct view_line *
text_line(struct view *v, int x, int w, const char *text, enum view_style style)
{
    struct view_line *l = new_line(v);

    add_span(l, x, w, text, style);
    return l;
}

/* TEXT wrapped to W columns, the lines at X; the first line's text goes
 * to FIRST (which holds other spans) when not NULL. */
static void
wrap(struct view *v, struct view_line *first, int x, int w, const char *text,
     enum view_style style)
{
    struct sbuf sb = SBUF_INIT;
    size_t n;

    do {
        n = tt_wrap(text, (size_t)(w > 1 ? w : 1));
        sbuf_reset(&sb);
        sbuf_add(&sb, text, n);
        if (first != NULL) {
            add_span(first, x, w, sb.buf, style);
            first = NULL;
        } else {
            text_line(v, x, w, sb.buf, style);
        }
        text += n;
        while (*text == ' ') {
            text++;
        }
    } while (*text != '\0');
    sbuf_release(&sb);
}

static void
lay_text(struct view *v, const char *text, int cols)
{
    struct sbuf para = SBUF_INIT;
    size_t n;

    do {
        n = strcspn(text, "\n");
        sbuf_reset(&para);
        sbuf_add(&para, text, n);
        wrap(v, NULL, 0, cols, para.buf, VS_NORMAL);
        text += n + (text[n] == '\n');
    } while (*text != '\0');
    sbuf_release(&para);
}

static void
lay_section(struct view *v, const char *title, int cols)
{
    struct sbuf sb = SBUF_INIT;

    if (v->nlines > 0 && v->lines[v->nlines - 1].nspans > 0) {
        new_line(v);
    }
    v->sections = xgrow(v->sections, &v->asections, v->nsections + 1, sizeof(size_t));
    v->sections[v->nsections++] = v->nlines;
    if (v->nsections <= 8) {
        sbuf_addf(&sb, "%zu ", v->nsections);
    }
    sbuf_adds(&sb, title);
    text_line(v, 0, cols, sb.buf, VS_HEADING);
    sbuf_release(&sb);
}

/* --- pairs ---------------------------------------------------------------- */

static int
max_width(const struct view_item *it, size_t n, int value)
{
    int w = 0, x;
    size_t i;

    for (i = 0; i < n; i++) {
        x = (int)u8_width(value ? it[i].b : it[i].a);
        w = x > w ? x : w;
    }
    return w;
}

static enum view_style
value_style(const struct view_item *it)
{
    return it->warn ? VS_WARN : VS_NORMAL;
}

/* Pairs IT[0..N) in one column: labels padded to the widest (a third of
 * the width at most), values wrapped under themselves. */
static void
pairs_one(struct view *v, const struct view_item *it, size_t n, int cols)
{
    int lw = max_width(it, n, 0), vx;
    size_t i;

    if (lw > cols / 3) {
        lw = cols / 3;
    }
    vx = lw + 1;
    for (i = 0; i < n; i++) {
        struct view_line *l = new_line(v);

        l->ref = it[i].ref;
        add_span(l, 0, lw, it[i].a, VS_NORMAL);
        wrap(v, l, vx, cols - vx, it[i].b, value_style(&it[i]));
    }
}

/* Pairs in two columns, the first half of them on the left. */
static void
pairs_two(struct view *v, const struct view_item *it, size_t n, int half, int x2)
{
    size_t left = (n + 1) / 2, i;
    int lw1 = max_width(it, left, 0), lw2 = max_width(it + left, n - left, 0);

    for (i = 0; i < left; i++) {
        struct view_line *l = new_line(v);

        add_span(l, 0, lw1, it[i].a, VS_NORMAL);
        add_span(l, lw1 + 1, half - lw1 - 1, it[i].b, value_style(&it[i]));
        if (left + i < n) {
            const struct view_item *r = &it[left + i];

            add_span(l, x2, lw2, r->a, VS_NORMAL);
            add_span(l, x2 + lw2 + 1, half - lw2 - 1, r->b, value_style(r));
        }
    }
}

/* 1 when every pair of a half fits in HALF columns unwrapped. */
static int
half_fits(const struct view_item *it, size_t n, int half)
{
    return max_width(it, n, 0) + 1 + max_width(it, n, 1) <= half;
}

static void
lay_pairs(struct view *v, const struct view_item *it, size_t n, int cols)
{
    int half = (cols - PAIR_GAP) / 2;
    size_t left = (n + 1) / 2, i;
    int refs = 0;

    for (i = 0; i < n; i++) {
        refs |= it[i].ref.kind != 0;
    }
    if (n >= 2 && !refs && half_fits(it, left, half) && half_fits(it + left, n - left, half)) {
        pairs_two(v, it, n, half, half + PAIR_GAP);
    } else {
        pairs_one(v, it, n, cols);
    }
}

/* --- tables --------------------------------------------------------------- */

/* 1 when item I is a row or a note of TABLE. */
static int
in_table(const struct view *v, size_t i, size_t table)
{
    return i < v->nitems && (v->items[i].type == VI_ROW || v->items[i].type == VI_NOTE) &&
           v->items[i].table == table;
}

/* Each column as wide as its widest title or cell (its width at least). */
static int
natural_width(const struct view *v, size_t table, size_t from, size_t c)
{
    const struct view_table *tb = &v->tables[table];
    int w = tb->cols[c].width > 0 ? tb->cols[c].width : 1, x;
    size_t i;

    x = (int)u8_width(_(tb->cols[c].title));
    w = x > w ? x : w;
    for (i = from; in_table(v, i, table); i++) {
        if (v->items[i].type == VI_ROW) {
            x = (int)u8_width(v->items[i].cells[c]);
            w = x > w ? x : w;
        }
    }
    return w;
}

/* The width of the shown columns (W[c] < 0: left out). */
static int
table_width(const struct view_table *tb, const int *w)
{
    int total = 0;
    size_t c;

    for (c = 0; c < tb->ncols; c++) {
        if (w[c] >= 0) {
            total += w[c] + (total > 0 ? 2 : 0);
        }
    }
    return total;
}

/* Each column at its natural width; then, while the table is wider than
 * COLS, the spare columns are left out (W[c] = -1) in their order; then
 * the widest text columns give way, down to their width.  Right-aligned
 * columns (amounts) never do: a line still too wide is cut at the edge of
 * the screen rather than in a number. */
static void
fit_table(const struct view *v, size_t table, size_t from, int cols, int *w)
{
    const struct view_table *tb = &v->tables[table];
    size_t c, k;
    int total;

    for (c = 0; c < tb->ncols; c++) {
        w[c] = natural_width(v, table, from, c);
    }
    for (k = 0; k < tb->nspare && table_width(tb, w) > cols; k++) {
        w[tb->spare[k]] = -1;
    }
    total = table_width(tb, w);
    while (total > cols) {
        size_t widest = tb->ncols;

        for (c = 0; c < tb->ncols; c++) {
            if (!tb->cols[c].right && w[c] > tb->cols[c].width &&
                (widest == tb->ncols || w[c] > w[widest])) {
                widest = c;
            }
        }
        if (widest == tb->ncols) {
            break;
        }
        w[widest]--;
        total--;
    }
}

/* The cells of ROW in the shown columns into OUT. */
static void
shown_cells(const struct view_table *tb, const int *w, char *const *row, const char **out)
{
    size_t c, n = 0;

    for (c = 0; c < tb->ncols; c++) {
        if (w[c] >= 0) {
            out[n++] = row[c];
        }
    }
}

/* The table at item I and its rows; returns the item after them. */
static size_t
lay_table(struct view *v, size_t i, int cols)
{
    const struct view_table *tb = &v->tables[v->items[i].table];
    struct tt_col *tc = xcalloc(tb->ncols + 1, sizeof(*tc));
    const char **cells = xcalloc(tb->ncols + 1, sizeof(char *));
    int *w = xcalloc(tb->ncols + 1, sizeof(int));
    struct sbuf sb = SBUF_INIT;
    size_t c, n = 0, table = v->items[i].table;
    int note_x = -1;

    fit_table(v, table, i + 1, cols, w);
    for (c = 0; c < tb->ncols; c++) {
        if (w[c] < 0) {
            continue;
        }
        note_x = note_x < 0 ? w[c] + 2 : note_x;
        tc[n].title = _(tb->cols[c].title);
        tc[n].width = w[c];
        tc[n++].right = tb->cols[c].right;
    }
    note_x = note_x >= 0 && note_x < cols / 2 ? note_x : 0;
    tt_line(&sb, tc, (int)n, NULL);
    text_line(v, 0, cols, sb.buf, VS_HEADER);
    for (i++; in_table(v, i, table); i++) {
        if (v->items[i].type == VI_NOTE) {
            wrap(v, NULL, note_x, cols - note_x, v->items[i].a, VS_DIM);
            continue;
        }
        shown_cells(tb, w, v->items[i].cells, cells);
        sbuf_reset(&sb);
        tt_line(&sb, tc, (int)n, cells);
        text_line(v, 0, cols, sb.buf, v->items[i].warn ? VS_WARN : VS_NORMAL)->ref =
            v->items[i].ref;
    }
    sbuf_release(&sb);
    free(cells);
    free(tc);
    free(w);
    return i;
}

/* --- layout ------------------------------------------------------------- */

void
view_layout(struct view *v, int cols)
{
    size_t i = 0, j;

    clear_lines(v);
    v->cols = cols = cols > 10 ? cols : 10;
    while (i < v->nitems) {
        const struct view_item *it = &v->items[i];

        switch (it->type) {
        case VI_PAIR:
            for (j = i; j < v->nitems && v->items[j].type == VI_PAIR; j++) {
            }
            lay_pairs(v, it, j - i, cols);
            i = j;
            continue;
        case VI_TABLE:
            i = lay_table(v, i, cols);
            continue;
        case VI_SECTION:
            lay_section(v, it->a, cols);
            break;
        case VI_TEXT:
            lay_text(v, it->a, cols);
            break;
        case VI_LINK:
            text_line(v, 0, cols, it->a, it->warn ? VS_WARN : VS_NORMAL)->ref = it->ref;
            break;
        case VI_BLANK:
            new_line(v);
            break;
        case VI_ROW:      /* not right after its table: left out */
        case VI_NOTE:
            break;
        }
        i++;
    }
}

long
view_next_ref(const struct view *v, long from, int dir)
{
    long i;

    for (i = from + dir; i >= 0 && i < (long)v->nlines; i += dir) {
        if (v->lines[i].ref.kind != 0) {
            return i;
        }
    }
    return -1;
}

long
view_find_ref(const struct view *v, const struct view_ref *ref)
{
    size_t i;

    for (i = 0; ref->kind != 0 && i < v->nlines; i++) {
        if (v->lines[i].ref.kind == ref->kind && v->lines[i].ref.id == ref->id) {
            return (long)i;
        }
    }
    return -1;
}

long
view_section_of(const struct view *v, long line)
{
    long k;

    for (k = (long)v->nsections - 1; k >= 0; k--) {
        if ((long)v->sections[k] <= line) {
            return k;
        }
    }
    return -1;
}

/* 1 when line I shows nothing. */
static int
empty_line(const struct view *v, size_t i)
{
    return v->lines[i].nspans == 0;
}

void
view_section_lines(const struct view *v, long k, size_t *lo, size_t *hi)
{
    if (k < 0 || (size_t)k >= v->nsections) {
        *lo = 0;
        *hi = v->nsections > 0 ? v->sections[0] : v->nlines;
    } else {
        *lo = v->sections[k] + 1;
        *hi = (size_t)k + 1 < v->nsections ? v->sections[k + 1] : v->nlines;
    }
    while (*hi > *lo && empty_line(v, *hi - 1)) {
        (*hi)--;
    }
}

const struct view_link *
view_link_find(const struct view_link *links, int kind)
{
    size_t i;

    for (i = 0; links != NULL && links[i].kind != 0; i++) {
        if (links[i].kind == kind) {
            return &links[i];
        }
    }
    return NULL;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * table_rows.c - the rows of a table screen in memory: building them,
 * search, sorting, the column layout and a w_list source over them.
 * Nothing here draws, so the unit tests run it without a terminal.
 */
#include "config.h"
#include "tui/table.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/money.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/pinyin.h"
#include "util/sbuf.h"
#include "util/u8.h"
#include "util/xalloc.h"

/* Sort keys are cut here: rows equal in their first 64 characters keep
 * their order. */
#define SORT_KEY_MAX (64 * PINYIN_KEY_UNIT)

void
table_rows_init(struct table_rows *rs, size_t ncols)
{
    memset(rs, 0, sizeof(*rs));
    rs->ncols = ncols;
}

static void
row_free(struct table_row *r, size_t ncols)
{
    size_t i;

    for (i = 0; i < ncols; i++) {
        free(r->cells[i]);
    }
    free(r->cells);
    free(r->num);
    free(r->hay);
}

void
table_rows_clear(struct table_rows *rs)
{
    size_t i;

    for (i = 0; i < rs->n; i++) {
        row_free(&rs->v[i], rs->ncols);
    }
    rs->n = 0;
}

void
table_rows_release(struct table_rows *rs)
{
    table_rows_clear(rs);
    free(rs->v);
    table_rows_init(rs, rs->ncols);
}

struct table_row *
table_add(struct table_rows *rs, int64_t id)
{
    struct table_row *r;
    size_t i;

    rs->v = xgrow(rs->v, &rs->alloc, rs->n + 1, sizeof(*rs->v));
    r = &rs->v[rs->n++];
    memset(r, 0, sizeof(*r));
    r->id = id;
    r->cells = xcalloc(rs->ncols + 1, sizeof(char *));
    r->num = xcalloc(rs->ncols + 1, sizeof(int64_t));
    for (i = 0; i < rs->ncols; i++) {
        r->cells[i] = xstrdup("");
    }
    return r;
}

/* The last row, when COL is one of its cells. */
static struct table_row *
last(struct table_rows *rs, size_t col)
{
    return rs->n > 0 && col < rs->ncols ? &rs->v[rs->n - 1] : NULL;
}

void
table_set(struct table_rows *rs, size_t col, const char *text)
{
    struct table_row *r = last(rs, col);

    if (r != NULL) {
        free(r->cells[col]);
        r->cells[col] = xstrdup(text != NULL ? text : "");
    }
}

void
table_setf(struct table_rows *rs, size_t col, const char *fmt, ...)
{
    struct sbuf sb = SBUF_INIT;
    va_list ap;

    va_start(ap, fmt);
    sbuf_vaddf(&sb, fmt, ap);
    va_end(ap);
    table_set(rs, col, sb.buf);
    sbuf_release(&sb);
}

static void
set_num(struct table_rows *rs, size_t col, int64_t n, const char *text)
{
    struct table_row *r = last(rs, col);

    table_set(rs, col, text);
    if (r != NULL) {
        r->num[col] = n;
    }
}

void
table_set_int(struct table_rows *rs, size_t col, int64_t n)
{
    char buf[MONEY_BUF];

    money_group_int(n, buf);
    set_num(rs, col, n, buf);
}

void
table_set_money(struct table_rows *rs, size_t col, int64_t fen)
{
    char buf[MONEY_BUF];

    money_format(fen, 1, buf);
    set_num(rs, col, fen, buf);
}

void
table_set_date(struct table_rows *rs, size_t col, int day)
{
    char buf[DATE_BUF] = "";

    if (day != DATE_NONE) {
        date_format(day, buf);
    }
    set_num(rs, col, day, buf);
}

void
table_set_mark(struct table_rows *rs, unsigned mark)
{
    if (rs->n > 0) {
        rs->v[rs->n - 1].mark = mark;
    }
}

void
table_set_mark2(struct table_rows *rs, unsigned mark)
{
    if (rs->n > 0) {
        rs->v[rs->n - 1].mark2 = mark;
    }
}

long
table_find(const struct table_rows *rs, int64_t id)
{
    size_t i;

    for (i = 0; i < rs->n; i++) {
        if (rs->v[i].id == id) {
            return (long)i;
        }
    }
    return -1;
}

/* --- sorting ------------------------------------------------------------- */

struct sort_item {
    struct table_row row;
    unsigned char key[SORT_KEY_MAX];
    size_t klen;
    int64_t num;
    size_t pos;           /* the place before sorting: equal rows keep it */
    int desc;
};

static int
cmp_items(const void *pa, const void *pb)
{
    const struct sort_item *a = pa, *b = pb;
    int c;

    if (a->num != b->num) {
        c = a->num < b->num ? -1 : 1;
    } else {
        size_t n = a->klen < b->klen ? a->klen : b->klen;

        c = memcmp(a->key, b->key, n);
        if (c == 0) {
            c = (a->klen > b->klen) - (a->klen < b->klen);
        }
    }
    if (c == 0) {
        return (a->pos > b->pos) - (a->pos < b->pos);
    }
    return a->desc ? -c : c;
}

void
table_sort(struct table_rows *rs, size_t col, int numeric, int desc)
{
    struct sort_item *items;
    size_t i;

    if (col >= rs->ncols || rs->n < 2) {
        return;
    }
    items = xcalloc(rs->n, sizeof(*items));
    for (i = 0; i < rs->n; i++) {
        items[i].row = rs->v[i];
        items[i].pos = i;
        items[i].desc = desc;
        if (numeric) {
            items[i].num = rs->v[i].num[col];
        } else {
            items[i].klen = pinyin_key(rs->v[i].cells[col], 0, items[i].key, SORT_KEY_MAX);
        }
    }
    qsort(items, rs->n, sizeof(*items), cmp_items);
    for (i = 0; i < rs->n; i++) {
        rs->v[i] = items[i].row;
    }
    free(items);
}

/* --- search ------------------------------------------------------------- */

static void
add_lower(struct sbuf *sb, const char *s)
{
    for (; *s != '\0'; s++) {
        sbuf_addch(sb, *s >= 'A' && *s <= 'Z' ? *s - 'A' + 'a' : *s);
    }
}

/* The cells, then their pinyin initials, one a line, Latin lowercased. */
static void
make_hay(const struct table_rows *rs, struct table_row *r)
{
    struct sbuf sb = SBUF_INIT;
    char initials[256];
    size_t i;

    for (i = 0; i < rs->ncols; i++) {
        add_lower(&sb, r->cells[i]);
        sbuf_addch(&sb, '\n');
    }
    for (i = 0; i < rs->ncols; i++) {
        pinyin_initials(r->cells[i], 0, initials, sizeof(initials));
        sbuf_adds(&sb, initials);
        sbuf_addch(&sb, '\n');
    }
    r->hay = sbuf_detach(&sb);
}

int
table_row_matches(const struct table_rows *rs, struct table_row *r, const char *search)
{
    struct sbuf low = SBUF_INIT;
    char *p, *word, *save = NULL;
    int ok = 1;

    add_lower(&low, search);
    for (p = low.buf; ok && (word = strtok_r(p, " ", &save)) != NULL; p = NULL) {
        if (r->hay == NULL) {
            make_hay(rs, r);
        }
        ok = strstr(r->hay, word) != NULL;
    }
    sbuf_release(&low);
    return ok;
}

size_t
table_select(const struct table_rows *rs, const char *search, size_t *out)
{
    size_t i, n = 0;

    for (i = 0; i < rs->n; i++) {
        if (table_row_matches(rs, &rs->v[i], search)) {
            out[n++] = i;
        }
    }
    return n;
}

/* --- layout ------------------------------------------------------------- */

/* The widest cell of column C, and its title when TITLE. */
static int
widest(const struct table_col *col, size_t c, const struct table_rows *rs, int title)
{
    int w = title ? (int)u8_width(_(col->title)) : 0, cw;
    size_t i;

    for (i = 0; rs != NULL && i < rs->n; i++) {
        cw = (int)u8_width(rs->v[i].cells[c]);
        w = cw > w ? cw : w;
    }
    return w;
}

/* Give SPARE columns to the flex columns shown, in turns, each up to its
 * FIT max or its widest content; returns what is left. */
static int
share_spare(const struct table_col *cols, const struct table_fit *fit, size_t ncols,
            const struct table_rows *rs, int spare, int *out)
{
    int *want = xcalloc(ncols + 1, sizeof(int)), more = 1;
    size_t i;

    for (i = 0; i < ncols; i++) {
        if (out[i] > 0 && cols[i].flex) {
            want[i] = fit != NULL && fit[i].max > 0 ? fit[i].max : widest(&cols[i], i, rs, 1);
        }
    }
    while (spare > 0 && more) {
        more = 0;
        for (i = 0; i < ncols && spare > 0; i++) {
            if (out[i] > 0 && out[i] < want[i]) {
                out[i]++;
                spare--;
                more = 1;
            }
        }
    }
    free(want);
    return spare;
}

/* The prio of column I (0 without a FIT). */
static int
prio(const struct table_fit *fit, long i)
{
    return fit != NULL ? fit[i].prio : 0;
}

/* The next column to give room to after column AFTER (-1: the first)
 * in the order of prio, then of the columns; -1 after the last. */
static long
next_by_prio(const struct table_fit *fit, size_t ncols, long after)
{
    long best = -1, i;

    for (i = 0; i < (long)ncols; i++) {
        int later = after < 0 || prio(fit, i) > prio(fit, after) ||
                    (prio(fit, i) == prio(fit, after) && i > after);

        if (later && (best < 0 || prio(fit, i) < prio(fit, best))) {
            best = i;
        }
    }
    return best;
}

int
table_layout(const struct table_col *cols, size_t ncols, const struct table_rows *rs,
             int width, int *out)
{
    return table_layout_fit(cols, NULL, ncols, rs, width, out);
}

int
table_layout_fit(const struct table_col *cols, const struct table_fit *fit, size_t ncols,
                 const struct table_rows *rs, int width, int *out)
{
    int used = 0, w;
    long i;

    memset(out, 0, ncols * sizeof(*out));
    for (i = next_by_prio(fit, ncols, -1); i >= 0; i = next_by_prio(fit, ncols, i)) {
        w = cols[i].width > 0 ? cols[i].width : 1;
        /* An amount is never cut: its column grows to the widest. */
        if (cols[i].right && widest(&cols[i], (size_t)i, rs, 0) > w) {
            w = widest(&cols[i], (size_t)i, rs, 0);
        }
        if (used + (used > 0) + w <= width) {
            out[i] = w;
            used += (used > 0) + w;
        }
    }
    return width - share_spare(cols, fit, ncols, rs, width - used, out);
}

/* --- a w_list source over positions -------------------------------------- */

static int
pos_fetch(void *ctx, const void *from, int dir, int include, int n, void *out,
          int *got, struct err *e)
{
    const struct table_shown *sh = ctx;
    size_t *rows = out, start, end, i;

    (void)e;
    if (dir > 0) {
        start = from == NULL ? 0 : *(const size_t *)from + (include ? 0 : 1);
        end = start + (size_t)n < sh->n ? start + (size_t)n : sh->n;
    } else {
        end = from == NULL ? sh->n : *(const size_t *)from + (include ? 1 : 0);
        end = end < sh->n ? end : sh->n;
        start = end > (size_t)n ? end - (size_t)n : 0;
    }
    *got = 0;
    for (i = start; i < end; i++) {
        rows[(*got)++] = i;
    }
    return 0;
}

static int
pos_count(void *ctx, int64_t *n, struct err *e)
{
    const struct table_shown *sh = ctx;

    (void)e;
    *n = (int64_t)sh->n;
    return 0;
}

static int
pos_nth(void *ctx, int64_t pos, void *out, struct err *e)
{
    const struct table_shown *sh = ctx;

    /* w_list asks only for positions it counted. */
    (void)e;
    *(size_t *)out = pos < 0 || sh->n == 0 ? 0 : (size_t)pos < sh->n ? (size_t)pos : sh->n - 1;
    return 0;
}

static void
pos_clear(void *row)
{
    (void)row;
}

const struct list_source table_source = {
    sizeof(size_t), pos_fetch, pos_count, pos_nth, pos_clear, NULL,
};

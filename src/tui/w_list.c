/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * w_list.c - the keyset list browser.
 */
#include "config.h"
#include "tui/w_list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/money.h"
#include "tui/keys.h"
#include "util/err.h"
#include "util/xalloc.h"

void
wl_init(struct w_list *l, const struct list_source *src, void *ctx)
{
    memset(l, 0, sizeof(*l));
    l->src = src;
    l->ctx = ctx;
}

void *
wl_row(const struct w_list *l, int i)
{
    return l->rows + (size_t)i * l->src->row_size;
}

void *
wl_current(const struct w_list *l)
{
    return l->n > 0 ? wl_row(l, l->cur) : NULL;
}

int64_t
wl_pos(const struct w_list *l)
{
    return l->n > 0 ? l->first + l->cur : -1;
}

void
wl_position(const struct w_list *l, char *buf, size_t n)
{
    char pos[MONEY_BUF], total[MONEY_BUF];

    money_group_int(wl_pos(l) + 1, pos);
    if (l->total >= 0) {
        money_group_int(l->total, total);
    } else {
        snprintf(total, sizeof(total), "?");
    }
    snprintf(buf, n, "%s/%s", pos, total);
}

/* Drop rows [FROM, FROM + N). */
static void
drop(struct w_list *l, int from, int n)
{
    int i;

    for (i = from; i < from + n; i++) {
        l->src->clear(wl_row(l, i));
    }
    memmove(wl_row(l, from), wl_row(l, from + n),
            (size_t)(l->n - from - n) * l->src->row_size);
    l->n -= n;
    memset(wl_row(l, l->n), 0, (size_t)n * l->src->row_size);
}

static void
clear_all(struct w_list *l)
{
    drop(l, 0, l->n);
}

void
wl_release(struct w_list *l)
{
    if (l->rows != NULL) {
        clear_all(l);
    }
    free(l->rows);
    memset(l, 0, sizeof(*l));
}

static void
alloc_rows(struct w_list *l, int height)
{
    if (l->rows != NULL) {
        clear_all(l);
    }
    free(l->rows);
    l->height = height < 1 ? 1 : height;
    l->rows = xcalloc((size_t)l->height + 1, l->src->row_size);
    l->n = 0;
}

/* Fill the window with the rows after FROM (inclusive with INCLUDE). */
static int
fill_from(struct w_list *l, const void *from, int include, struct err *e)
{
    clear_all(l);
    return l->src->fetch(l->ctx, from, 1, include, l->height, l->rows, &l->n, e);
}

/* Count now, or leave it for later when the source says so. */
static int
recount(struct w_list *l, struct err *e)
{
    if (l->src->count_later != NULL && l->src->count_later(l->ctx)) {
        l->total = -1;
        return 0;
    }
    return l->src->count(l->ctx, &l->total, e);
}

int
wl_counted(const struct w_list *l)
{
    return l->total >= 0;
}

int
wl_count(struct w_list *l, struct err *e)
{
    int64_t n;

    if (l->total >= 0) {
        return 1;
    }
    if (l->src->count(l->ctx, &n, e)) {
        return -1;
    }
    l->total = n;
    return 1;
}

int
wl_reload(struct w_list *l, struct err *e)
{
    if (l->rows == NULL) {
        alloc_rows(l, l->height);
    }
    l->first = 0;
    l->cur = 0;
    if (recount(l, e) || fill_from(l, NULL, 0, e)) {
        return -1;
    }
    return 0;
}

int
wl_refresh(struct w_list *l, struct err *e)
{
    char *anchor;
    int cur = l->cur, rc;

    if (l->n == 0) {
        return wl_reload(l, e);
    }
    anchor = xcalloc(1, l->src->row_size);
    memcpy(anchor, wl_row(l, 0), l->src->row_size);
    /* The anchor now owns the first row's resources. */
    memset(wl_row(l, 0), 0, l->src->row_size);
    rc = recount(l, e);
    if (rc == 0) {
        rc = fill_from(l, anchor, 1, e);
    }
    l->src->clear(anchor);
    free(anchor);
    l->cur = cur < l->n ? cur : (l->n > 0 ? l->n - 1 : 0);
    return rc;
}

static int more_before(struct w_list *l, int n, struct err *e);

int
wl_set_height(struct w_list *l, int height, struct err *e)
{
    char *anchor;
    int top, rc;

    if (l->n == 0) {
        alloc_rows(l, height);
        return wl_reload(l, e);
    }
    height = height < 1 ? 1 : height;
    /* The first row shown stays first unless the cursor would fall out
     * of view: then the cursor's row is the last. */
    top = l->cur >= height ? l->cur - height + 1 : 0;
    anchor = xcalloc(1, l->src->row_size);
    memcpy(anchor, wl_row(l, top), l->src->row_size);
    memset(wl_row(l, top), 0, l->src->row_size);
    l->first += top;
    l->cur -= top;
    alloc_rows(l, height);
    rc = fill_from(l, anchor, 1, e);
    l->src->clear(anchor);
    free(anchor);
    /* Taller at the end of the list: the rows before fill the window. */
    if (rc == 0 && l->n < l->height && l->first > 0 && more_before(l, l->height - l->n, e) < 0) {
        rc = -1;
    }
    if (l->cur >= l->n) {
        l->cur = l->n > 0 ? l->n - 1 : 0;
    }
    return rc;
}

/* Append up to N rows after the last one; returns how many came. */
static int
more_after(struct w_list *l, int n, struct err *e)
{
    char *tmp = xcalloc((size_t)n, l->src->row_size);
    int got = 0, keep;

    if (l->n == 0 ||
        l->src->fetch(l->ctx, wl_row(l, l->n - 1), 1, 0, n, tmp, &got, e)) {
        free(tmp);
        return l->n == 0 ? 0 : -1;
    }
    /* Scroll: drop from the top what no longer fits. */
    keep = l->height - got;
    if (l->n > keep) {
        int gone = l->n - keep;

        drop(l, 0, gone);
        l->first += gone;
        l->cur -= gone;
    }
    memcpy(wl_row(l, l->n), tmp, (size_t)got * l->src->row_size);
    l->n += got;
    free(tmp);
    return got;
}

/* Prepend up to N rows before the first one; returns how many came. */
static int
more_before(struct w_list *l, int n, struct err *e)
{
    char *tmp = xcalloc((size_t)n, l->src->row_size);
    int got = 0, over;

    if (l->n == 0 || l->src->fetch(l->ctx, wl_row(l, 0), -1, 0, n, tmp, &got, e)) {
        free(tmp);
        return l->n == 0 ? 0 : -1;
    }
    over = l->n + got - l->height;
    if (over > 0) {
        drop(l, l->n - over, over);
    }
    memmove(wl_row(l, got), wl_row(l, 0), (size_t)l->n * l->src->row_size);
    memcpy(wl_row(l, 0), tmp, (size_t)got * l->src->row_size);
    l->n += got;
    l->first -= got;
    l->cur += got;
    free(tmp);
    return got;
}

int
wl_down(struct w_list *l, int n, struct err *e)
{
    while (n-- > 0) {
        if (l->cur + 1 < l->n) {
            l->cur++;
        } else {
            int got = more_after(l, 1, e);

            if (got < 0) {
                return -1;
            }
            if (got == 0) {
                break;
            }
            l->cur++;
        }
    }
    return 0;
}

int
wl_up(struct w_list *l, int n, struct err *e)
{
    while (n-- > 0) {
        if (l->cur > 0) {
            l->cur--;
        } else {
            int got = more_before(l, 1, e);

            if (got < 0) {
                return -1;
            }
            if (got == 0) {
                break;
            }
            l->cur--;
        }
    }
    return 0;
}

int
wl_page_down(struct w_list *l, struct err *e)
{
    int cur = l->cur, got;

    if (l->n < l->height) {
        l->cur = l->n > 0 ? l->n - 1 : 0;
        return 0;
    }
    got = more_after(l, l->height, e);
    if (got < 0) {
        return -1;
    }
    /* The cursor keeps its place on the screen; at the end it goes to
     * the last row. */
    l->cur = got == 0 ? l->n - 1 : cur;
    if (l->cur >= l->n) {
        l->cur = l->n - 1;
    }
    return 0;
}

int
wl_page_up(struct w_list *l, struct err *e)
{
    int cur = l->cur, got;

    got = more_before(l, l->height, e);
    if (got < 0) {
        return -1;
    }
    l->cur = got == 0 ? 0 : cur;
    return 0;
}

int
wl_home(struct w_list *l, struct err *e)
{
    l->first = 0;
    l->cur = 0;
    return fill_from(l, NULL, 0, e);
}

int
wl_end(struct w_list *l, struct err *e)
{
    if (wl_count(l, e) < 0) {
        return -1;
    }
    clear_all(l);
    if (l->src->fetch(l->ctx, NULL, -1, 0, l->height, l->rows, &l->n, e)) {
        return -1;
    }
    l->first = l->total - l->n;
    l->cur = l->n > 0 ? l->n - 1 : 0;
    return 0;
}

int
wl_goto(struct w_list *l, int64_t pos, struct err *e)
{
    char *anchor;
    int rc;

    if (wl_count(l, e) < 0) {
        return -1;
    }
    if (l->total == 0) {
        return wl_home(l, e);
    }
    if (pos >= l->total) {
        pos = l->total - 1;
    }
    if (pos < 0) {
        pos = 0;
    }
    if (pos > l->total - l->height) {
        /* Near the end: show the last page with the cursor on POS. */
        if (wl_end(l, e)) {
            return -1;
        }
        l->cur = (int)(pos - l->first);
        return 0;
    }
    anchor = xcalloc(1, l->src->row_size);
    rc = l->src->nth(l->ctx, pos, anchor, e);
    if (rc == 0) {
        rc = fill_from(l, anchor, 1, e);
        l->first = pos;
        l->cur = 0;
    }
    l->src->clear(anchor);
    free(anchor);
    return rc;
}

int
wl_goto_at(struct w_list *l, int64_t pos, int row, struct err *e)
{
    int64_t first = pos - (row > 0 ? row : 0);

    if (first < 0) {
        first = 0;
    }
    if (wl_goto(l, first, e)) {
        return -1;
    }
    return wl_down(l, (int)(pos - wl_pos(l)), e);
}

/* --- a cursor over rows held whole ---------------------------------------- */

/* Where ACTION moves line FROM of N, a page being PAGE lines, into *TO
 * (0 when there are none); 0 when ACTION is not a move. */
static int
move_line(int action, size_t from, size_t n, size_t page, size_t *to)
{
    static const struct {
        int action;
        int pages, step, edge;  /* from + pages * PAGE + step, or an edge */
    } moves[] = {
        {ACT_UP, 0, -1, 0}, {ACT_DOWN, 0, 1, 0}, {ACT_PGUP, -1, 0, 0},
        {ACT_PGDN, 1, 0, 0}, {ACT_HOME, 0, 0, -1}, {ACT_END, 0, 0, 1},
    };
    size_t i;
    long last = (long)n - 1, at;

    for (i = 0; i < sizeof(moves) / sizeof(moves[0]); i++) {
        if (moves[i].action == action) {
            at = moves[i].edge < 0 ? 0 : moves[i].edge > 0 ? last
                 : (long)from + moves[i].pages * (long)(page > 0 ? page : 1) + moves[i].step;
            at = at > last ? last : at;
            *to = at > 0 ? (size_t)at : 0;
            return 1;
        }
    }
    return 0;
}

void
wc_show(struct w_cursor *c, size_t n, size_t page)
{
    if (page < 1) {
        page = 1;
    }
    if (c->cur >= n) {
        c->cur = n > 0 ? n - 1 : 0;
    }
    if (c->cur < c->top) {
        c->top = c->cur;
    } else if (c->cur >= c->top + page) {
        c->top = c->cur - page + 1;
    }
}

int
wc_move(struct w_cursor *c, int action, size_t n, size_t page)
{
    if (!move_line(action, c->cur, n, page, &c->cur)) {
        return 0;
    }
    wc_show(c, n, page);
    return 1;
}

int
wc_scroll(size_t *top, int action, size_t n, size_t page)
{
    /* The first line shown goes from 0 to the first of the last page. */
    return move_line(action, *top, n > page ? n - page + 1 : 1, page, top);
}

void
wc_position(const struct w_cursor *c, size_t n, char *buf, size_t size)
{
    snprintf(buf, size, "%zu/%zu", n > 0 ? c->cur + 1 : 0, n);
}

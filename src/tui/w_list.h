/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * w_list.h - the one list browser every workspace uses: it keeps only
 * the visible rows, pages through any number of rows by asking its data
 * source for the rows after or before the ones it holds (keyset, never
 * OFFSET), and knows the cursor's position for the "1,234/250,000"
 * indicator.  The data source supplies rows; the screen draws them.
 *
 * And the cursor of the short lists held whole (menus, the help, the
 * filter and conflict screens): w_cursor moves over N rows a page at a
 * time the same way.
 */
#ifndef ZX_W_LIST_H
#define ZX_W_LIST_H

#include <stddef.h>
#include <stdint.h>

struct err;

struct list_source {
    size_t row_size;
    /* Up to N rows after (DIR > 0) / before (DIR < 0) FROM (NULL: from
     * the start / the end), INCLUDE also FROM; display order. */
    int (*fetch)(void *ctx, const void *from, int dir, int include, int n,
                 void *out, int *got, struct err *e);
    int (*count)(void *ctx, int64_t *n, struct err *e);
    int (*nth)(void *ctx, int64_t pos, void *out, struct err *e);
    void (*clear)(void *row);
    /* Optional: 1 when counting may wait until the keys stop (a search,
     * whose count may read every match): the rows come first. */
    int (*count_later)(void *ctx);
};

struct w_list {
    const struct list_source *src;
    void *ctx;
    char *rows;            /* HEIGHT rows at most */
    int n;                 /* rows held */
    int height;
    int cur;               /* cursor: index into rows */
    int64_t first;         /* position of rows[0] */
    int64_t total;         /* -1: not counted yet (wl_count) */
};

void wl_init(struct w_list *l, const struct list_source *src, void *ctx);
void wl_release(struct w_list *l);

/* The row I (0 <= I < n) and the row under the cursor (NULL when empty). */
void *wl_row(const struct w_list *l, int i);
void *wl_current(const struct w_list *l);

/* Fetch from the first row (count again). */
int wl_reload(struct w_list *l, struct err *e);
/* Fetch the rows in view again (they may have changed), keeping the
 * position; count again. */
int wl_refresh(struct w_list *l, struct err *e);
/* A new height (the terminal was resized): the rows from the first shown
 * (by its key), the cursor kept in view. */
int wl_set_height(struct w_list *l, int height, struct err *e);
/* Count the rows when the count was left for later (see count_later);
 * 1 when they are counted. */
int wl_count(struct w_list *l, struct err *e);
int wl_counted(const struct w_list *l);

/* Movements; they fetch only what comes into view. */
int wl_down(struct w_list *l, int n, struct err *e);
int wl_up(struct w_list *l, int n, struct err *e);
int wl_page_down(struct w_list *l, struct err *e);
int wl_page_up(struct w_list *l, struct err *e);
int wl_home(struct w_list *l, struct err *e);
int wl_end(struct w_list *l, struct err *e);
/* To position POS (0-based). */
int wl_goto(struct w_list *l, int64_t pos, struct err *e);
/* To position POS with the cursor on row ROW of the window when the rows
 * around allow it (the list read again keeps its place on the screen). */
int wl_goto_at(struct w_list *l, int64_t pos, int row, struct err *e);

/* The cursor's position (0-based), or -1 when the list is empty. */
int64_t wl_pos(const struct w_list *l);

/* "1,234/250,000": the cursor's position and the count, for the status
 * line ("1/?" until counted). */
void wl_position(const struct w_list *l, char *buf, size_t n);

/* --- a cursor over rows held whole ---------------------------------------- */

struct w_cursor {
    size_t cur;            /* the row under the cursor */
    size_t top;            /* the first row shown */
};

/* Move C by ACTION (ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_HOME or
 * ACT_END of tui/keys.h) over N rows shown PAGE at a time, keeping the
 * cursor in view; returns 1 when ACTION is one of those. */
int wc_move(struct w_cursor *c, int action, size_t n, size_t page);
/* Keep the cursor within N rows and in view of PAGE lines (when N or
 * PAGE changed). */
void wc_show(struct w_cursor *c, size_t n, size_t page);
/* A text without a cursor: ACTION scrolls its first line shown, TOP,
 * over N lines shown PAGE at a time, never past the last page; returns
 * 1 when ACTION is a move. */
int wc_scroll(size_t *top, int action, size_t n, size_t page);
/* "3/12": the cursor's row of N for the status line ("0/0" for none). */
void wc_position(const struct w_cursor *c, size_t n, char *buf, size_t size);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * s_table.c - the table screen: one screen for every list defined as a
 * struct table_def (tui/table.h), the monitoring list of households among
 * them.  A table holds the rows of its filter in memory and narrows them
 * as the user types a search; a list with a pager (the households) holds
 * only the rows in view and hands the search and the sort to the pager's
 * query.  Both move through w_list, lay out their columns, sort by any
 * shown column, tag rows, go to a row, say their filter, search and
 * position on the status line, and hand Enter, a, e, p, f and the
 * definition's own keys to the definition.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "db/db.h"
#include "print/export.h"
#include "tui/draw.h"
#include "tui/s_menu.h"
#include "tui/screen.h"
#include "tui/form.h"
#include "tui/table.h"
#include "tui/view.h"
#include "tui/w_line.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/idset.h"
#include "util/sbuf.h"
#include "util/u8.h"
#include "util/xalloc.h"

#define SEARCH_MAX 128
#define HISTORY 8          /* searches recalled with Up */

struct table_arg {
    const struct table_def *def;
    int64_t parent;
};

/* What each tab keeps while another one is shown. */
struct tab {
    const struct table_def *def;
    void *ctx;
    int made;                  /* ctx_new ran */
    int sort;                  /* the column sorted by, -1: as loaded */
    int desc;
    char search[SEARCH_MAX];
    struct idset tags;
    int64_t cur_id;            /* the row under the cursor, 0: the first */
    int cur_row;               /* its line in the window */
};

enum prompt { P_NONE, P_SEARCH, P_GOTO, P_ASK };

struct table_screen {
    struct tui *t;
    struct tab *tabs;
    size_t ntabs, cur;
    int64_t parent;
    /* In memory every row of the filter; with a pager the rows in view. */
    struct table_rows rows;
    struct table_rows one;     /* with a pager: the row under the cursor */
    size_t *idx;               /* in memory: the rows matching the search */
    struct table_shown shown;
    struct w_list wl;
    int *width;                /* per column; 0: left out */
    struct keydef *keys;       /* the generic keys and the definition's */
    int reload;                /* read the rows again, keeping the place */
    int reselect;              /* search or sort changed: from the first row */
    int count_failed;          /* the count left for later failed: not again */
    enum prompt prompt;
    struct w_line line;
    int edited;                /* the search typed differs from SAVED */
    char saved_search[SEARCH_MAX];
    char *history[HISTORY];    /* the searches kept, the last one last */
    int nhistory, recalled;
    char ask_label[160];
    unsigned (*ask_done)(struct tui *t, void *ctx, const char *text);
};

/* Keys shown on the bar first; a row is left out when the definition has
 * no callback for it. */
static const struct keydef main_keys[] = {
    {'\n', 0, ACT_OPEN, "Enter", N_("open"), KD_BAR},
    {'\r', 0, ACT_OPEN, "Enter", N_("open"), 0},
    {KEY_ENTER, 1, ACT_OPEN, "Enter", N_("open"), 0},
    {'/', 0, ACT_SEARCH, "/", N_("search"), KD_BAR},
    {'f', 0, ACT_FILTER, "f", N_("filter"), KD_BAR},
    {'s', 0, ACT_SORT, "s", N_("sort"), KD_BAR},
    {'a', 0, ACT_NEW, "a", N_("new"), KD_BAR | KD_WRITE},
    {'e', 0, ACT_EDIT, "e", N_("edit"), KD_BAR | KD_WRITE},
    {'p', 0, ACT_PRINT, "p", N_("print"), KD_BAR},
    {'x', 0, ACT_EXPORT, "x", N_("export"), KD_BAR},
    {0, 0, ACT_NONE, NULL, NULL, 0},
};

/* After the definition's keys on the bar of a paged list (in the help
 * only for the others, below). */
static const struct keydef goto_keys[] = {
    {'g', 0, ACT_GOTO, "g", N_("go to row"), KD_BAR},
    {0, 0, ACT_NONE, NULL, NULL, 0},
};

/* The definition's keys come between these and the rest. */
static const struct keydef tab_keys[] = {
    {'\t', 0, ACT_TAB, "Tab", N_("next table"), KD_BAR},
    {KEY_BTAB, 1, ACT_BTAB, "Shift-Tab", N_("previous table"), 0},
    {0, 0, ACT_NONE, NULL, NULL, 0},
};

static const char *const digit_names[8] = {"1", "2", "3", "4", "5", "6", "7", "8"};

static const struct keydef rest_keys[] = {
    {'g', 0, ACT_GOTO, "g", N_("go to row"), 0},
    {'t', 0, ACT_TAG, "t", N_("tag"), 0},
    {'T', 0, ACT_UNTAG_ALL, "T", N_("untag all"), 0},
    {'c', 0, ACT_CLEAR, "c", N_("clear filter and search"), 0},
    {'r', 0, ACT_RELOAD, "r", N_("read the rows again"), 0},
    {'n', 0, ACT_NEXT, "n", N_("next match"), 0},
    {'N', 0, ACT_PREV, "N", N_("previous match"), 0},
    {KEY_DOWN, 1, ACT_DOWN, "Down", N_("next row"), 0},
    {'j', 0, ACT_DOWN, "j", N_("next row"), 0},
    {KEY_UP, 1, ACT_UP, "Up", N_("previous row"), 0},
    {'k', 0, ACT_UP, "k", N_("previous row"), 0},
    {KEY_NPAGE, 1, ACT_PGDN, "PgDn", N_("next page"), 0},
    {' ', 0, ACT_PGDN, "Space", N_("next page"), 0},
    {KEY_PPAGE, 1, ACT_PGUP, "PgUp", N_("previous page"), 0},
    {KEY_HOME, 1, ACT_HOME, "Home", N_("first row"), 0},
    {KEY_END, 1, ACT_END, "End", N_("last row"), 0},
    {27, 0, ACT_BACK, "Esc", N_("clear the search, or back"), 0},
    /* The label is "back" when another screen is below (keytable). */
    {'q', 0, ACT_QUIT, "q", N_("quit"), KD_BAR},
    {0, 0, ACT_NONE, NULL, NULL, 0},
};

static struct tab *
tab(const struct table_screen *ts)
{
    return &ts->tabs[ts->cur];
}

static const struct table_def *
def(const struct table_screen *ts)
{
    return ts->tabs[ts->cur].def;
}

static const struct table_pager *
pager(const struct table_screen *ts)
{
    return def(ts)->pager;
}

/* Columns before the first cell: the cursor marker, the tag, the flags
 * and a space. */
static int
lead(const struct table_screen *ts)
{
    return 3 + (def(ts)->marks > 1 ? 2 : 1);
}

/* Lines above the rows: the tabs or the title (unless untitled), the
 * column titles. */
static int
head(const struct table_screen *ts)
{
    return def(ts)->untitled ? 1 : 2;
}

/* --- keys ----------------------------------------------------------------- */

/* Whether the definition (CTX) does what ACTION asks. */
static int
offered(const void *ctx, enum action a)
{
    const struct table_def *d = ctx;

    switch (a) {
    case ACT_OPEN:
        return d->open != NULL || d->view != NULL;
    case ACT_FILTER:
        return d->filter != NULL || d->filter_by != NULL;
    case ACT_NEW:
        return d->create != NULL || d->form != NULL;
    case ACT_EDIT:
        return d->edit != NULL || d->form != NULL;
    case ACT_PRINT:
        return d->print != NULL;
    case ACT_EXPORT:
        return d->export != NULL;
    case ACT_TAG:
    case ACT_UNTAG_ALL:
        return d->print != NULL || d->export != NULL;
    default:
        return 1;
    }
}

/* The same for the rest, where going to a row is for the tables in
 * memory. */
static int
offered_rest(const void *ctx, enum action a)
{
    const struct table_def *d = ctx;

    return a == ACT_GOTO ? d->pager == NULL : offered(ctx, a);
}

/* x exports, unless the definition's own keys have x (the projects'
 * next step): then X does; off the key bar when the definition says. */
static void
export_key(struct keydef *keys, size_t n, const struct table_def *d)
{
    const struct keydef *own = d->keys;
    size_t i, k;

    for (i = 0; i < n; i++) {
        if (keys[i].action != ACT_EXPORT) {
            continue;
        }
        if (d->export_off_bar) {
            keys[i].flags &= ~KD_BAR;
        }
        for (k = 0; own != NULL && own[k].name != NULL; k++) {
            if (!own[k].is_key && own[k].key == 'x') {
                keys[i].key = 'X';
                keys[i].name = "X";
            }
        }
    }
}

/* The key table of the tab shown: the generic keys the definition
 * offers, its own keys, the tabs (digits named by the tables' titles)
 * and the rest. */
static void
build_keys(struct table_screen *ts)
{
    const struct table_def *d = def(ts);
    size_t n = 0, i, ndig = ts->ntabs > 1 ? (ts->ntabs < 8 ? ts->ntabs : 8) : 0;

    free(ts->keys);
    ts->keys = xcalloc(keys_count(main_keys) + keys_count(d->keys) + keys_count(goto_keys) +
                       keys_count(tab_keys) + ndig + keys_count(rest_keys) + 1, sizeof(*ts->keys));
    n = keys_append(ts->keys, n, main_keys, offered, d);
    export_key(ts->keys, n, d);
    n = keys_append(ts->keys, n, d->keys, NULL, NULL);
    if (d->pager != NULL) {
        n = keys_append(ts->keys, n, goto_keys, NULL, NULL);
    }
    if (ndig > 0) {
        n = keys_append(ts->keys, n, tab_keys, NULL, NULL);
    }
    for (i = 0; i < ndig; i++) {
        struct keydef k = {'1' + (int)i, 0, (enum action)(ACT_SEC1 + (int)i),
                           digit_names[i], ts->tabs[i].def->title, 0};

        ts->keys[n++] = k;
    }
    n = keys_append(ts->keys, n, rest_keys, offered_rest, d);
    memset(&ts->keys[n], 0, sizeof(ts->keys[n]));
}

/* --- rows --------------------------------------------------------------- */

static struct table_row *
current(struct table_screen *ts)
{
    const void *row = wl_current(&ts->wl);
    const size_t *pos = row;

    if (row == NULL) {
        return NULL;
    }
    if (pager(ts) == NULL) {
        return *pos < ts->shown.n ? &ts->rows.v[ts->idx[*pos]] : NULL;
    }
    table_rows_clear(&ts->one);
    pager(ts)->cells(ts->t, tab(ts)->ctx, row, &ts->one);
    return ts->one.n > 0 ? &ts->one.v[0] : NULL;
}

/* Remember where the cursor is, to come back to it. */
static void
keep_place(struct table_screen *ts)
{
    const struct table_row *r = current(ts);

    tab(ts)->cur_id = r != NULL ? r->id : 0;
    tab(ts)->cur_row = ts->wl.cur;
}

/* The columns for the width: in memory by what the rows hold, with a
 * pager by the definition alone (the layout never jumps while paging). */
static void
layout(struct table_screen *ts, struct tui *t)
{
    table_layout_fit(def(ts)->cols, def(ts)->fit, def(ts)->ncols,
                     pager(ts) != NULL ? NULL : &ts->rows, t->cols - lead(ts), ts->width);
}

static int
load(struct table_screen *ts, struct tui *t, struct err *e)
{
    struct tab *tb = tab(ts);

    table_rows_clear(&ts->rows);
    if (def(ts)->load(t, tb->ctx, &ts->rows, e)) {
        table_rows_clear(&ts->rows);
        return -1;
    }
    if (tb->sort >= 0) {
        table_sort(&ts->rows, (size_t)tb->sort, def(ts)->cols[tb->sort].numeric, tb->desc);
    }
    layout(ts, t);
    return 0;
}

/* The rows matching the search into the list, the cursor on the row it
 * was on (or the first). */
static int
select_rows(struct table_screen *ts, struct err *e)
{
    struct tab *tb = tab(ts);
    long i;
    size_t k;

    ts->idx = xrealloc(ts->idx, (ts->rows.n + 1) * sizeof(size_t));
    ts->shown.idx = ts->idx;
    ts->shown.n = table_select(&ts->rows, tb->search, ts->idx);
    if (wl_reload(&ts->wl, e)) {
        return -1;
    }
    i = tb->cur_id != 0 ? table_find(&ts->rows, tb->cur_id) : -1;
    for (k = 0; i >= 0 && k < ts->shown.n; k++) {
        if (ts->idx[k] == (size_t)i) {
            return wl_goto_at(&ts->wl, (int64_t)k, tb->cur_row, e);
        }
    }
    return 0;
}

/* With a pager: from the first row when the query changed, else the rows
 * in view again (another screen may have changed them). */
static int
fetch_rows(struct table_screen *ts, struct err *e)
{
    const struct table_pager *p = pager(ts);

    if (p->changed != NULL && p->changed(tab(ts)->ctx)) {
        ts->reselect = 1;
    }
    if (ts->reselect) {
        return wl_reload(&ts->wl, e);
    }
    if (p->stale != NULL) {
        p->stale(tab(ts)->ctx);
    }
    return wl_refresh(&ts->wl, e);
}

/* Read or select again what changed, before drawing. */
static void
sync_rows(struct table_screen *ts, struct tui *t)
{
    struct err e;

    err_clear(&e);
    if (pager(ts) != NULL) {
        if (fetch_rows(ts, &e)) {
            tui_message(t, 1, "%s", e.msg);
        }
    } else {
        /* Rows that could not be read are none: the list must still match. */
        if (ts->reload && load(ts, t, &e)) {
            tui_message(t, 1, "%s", e.msg);
        }
        if (select_rows(ts, &e)) {
            tui_message(t, 1, "%s", e.msg);
        }
    }
    ts->reload = ts->reselect = ts->count_failed = 0;
    t->dirty |= D_STATUS;
}

/* The count a search left for later, once the keys stop; a key coming
 * stops it (it is made again at the next pause). */
static unsigned
table_idle(struct screen *s, struct tui *t)
{
    struct table_screen *ts = s->data;
    struct err e;
    int stopped = 0, rc;

    if (pager(ts) == NULL || wl_counted(&ts->wl) || ts->count_failed) {
        return 0;
    }
    if (t->trace) {
        fprintf(stderr, "idle count\n");
    }
    err_clear(&e);
    db_set_stop(t->app->db, tui_key_waiting, &stopped);
    rc = wl_count(&ts->wl, &e);
    db_set_stop(t->app->db, NULL, NULL);
    if (rc < 0 && stopped) {
        return 0;
    }
    if (rc < 0) {
        ts->count_failed = 1;
        tui_message(t, 1, "%s", e.msg);
    }
    return D_STATUS;
}

/* Read the rows again, keeping the cursor on its row. */
static unsigned
ask_reload(struct table_screen *ts)
{
    keep_place(ts);
    ts->reload = 1;
    return D_BODY | D_STATUS;
}

/* The search or the sort changed: from the first row. */
static unsigned
ask_reselect(struct table_screen *ts)
{
    tab(ts)->cur_id = 0;
    tab(ts)->cur_row = 0;
    ts->reselect = 1;
    return D_BODY | D_STATUS;
}

/* The filter changed: a table in memory keeps its place, a paged list
 * starts again. */
static unsigned
ask_filtered(struct table_screen *ts)
{
    return pager(ts) != NULL ? ask_reselect(ts) : ask_reload(ts);
}

/* --- drawing ------------------------------------------------------------- */

/* The tabs ("1 资金下达  2 项目库 ..."), or the title. */
static void
draw_tabs(struct table_screen *ts, struct tui *t, WINDOW *w)
{
    struct sbuf sb = SBUF_INIT;
    size_t i;
    int x = 1, tw;

    if (ts->ntabs < 2) {
        draw_text(w, 0, 1, t->cols - 2, _(def(ts)->title), theme_attr(TH_HEADER), AL_LEFT);
        return;
    }
    for (i = 0; i < ts->ntabs; i++) {
        sbuf_reset(&sb);
        if (i < 8) {
            sbuf_addf(&sb, "%zu ", i + 1);
        }
        sbuf_adds(&sb, _(ts->tabs[i].def->title));
        tw = (int)u8_width(sb.buf);
        if (x + tw >= t->cols) {
            break;
        }
        draw_text(w, 0, x, tw, sb.buf,
                  i == ts->cur ? theme_attr(TH_CURSOR) : theme_attr(TH_HEADER), AL_LEFT);
        x += tw + 2;
    }
    sbuf_release(&sb);
}

static void
draw_header(struct table_screen *ts, WINDOW *w)
{
    const struct table_def *d = def(ts);
    struct sbuf sb = SBUF_INIT;
    size_t i;
    int x = lead(ts);

    for (i = 0; i < d->ncols; i++) {
        attr_t a = theme_attr(TH_HEADER);

        if (ts->width[i] == 0) {
            continue;
        }
        sbuf_reset(&sb);
        sbuf_adds(&sb, _(d->cols[i].title));
        if ((int)i == tab(ts)->sort) {
            a |= A_UNDERLINE;
            if ((int)u8_width(sb.buf) < ts->width[i]) {
                sbuf_addch(&sb, tab(ts)->desc ? 'v' : '^');
            }
        }
        draw_text(w, head(ts) - 1, x, ts->width[i], sb.buf, a,
                  d->cols[i].right ? AL_RIGHT : AL_LEFT);
        x += ts->width[i] + 1;
    }
    sbuf_release(&sb);
}

/* A flag after the tag: '?' a problem in the data, others a warning. */
static void
draw_mark(WINDOW *w, int y, int x, unsigned mark, attr_t base)
{
    char text[2] = {(char)(mark >= 0x20 && mark < 0x7F ? mark : ' '), '\0'};

    draw_text(w, y, x, 1, text,
              base | (mark == 0 ? 0 : theme_attr(mark == '?' ? TH_ERROR : TH_WARN)), AL_LEFT);
}

static void
draw_row(struct table_screen *ts, struct tui *t, WINDOW *w, int y,
         const struct table_row *r, int selected)
{
    const struct table_def *d = def(ts);
    attr_t base = selected && t->cursor == CURSOR_BAR ? theme_attr(TH_CURSOR) : A_NORMAL;
    size_t i;
    int x = lead(ts), tagged;

    if (selected && t->cursor == CURSOR_BAR) {
        draw_text(w, y, 0, t->cols, "", base, AL_LEFT);
    }
    draw_text(w, y, 0, 1, selected && t->cursor == CURSOR_MARKER ? ">" : " ", base, AL_LEFT);
    /* Bold only under a tag: a bold blank would cost two attribute
     * changes on every row drawn (bench/tui.py's bytes per move). */
    tagged = idset_has(&tab(ts)->tags, r->id);
    draw_text(w, y, 1, 1, tagged ? "*" : " ", base | (tagged ? A_BOLD : 0), AL_LEFT);
    draw_mark(w, y, 2, r->mark, base);
    if (d->marks > 1) {
        draw_mark(w, y, 3, r->mark2, base);
    }
    for (i = 0; i < d->ncols; i++) {
        if (ts->width[i] == 0) {
            continue;
        }
        draw_cell(w, y, x, ts->width[i], r->cells[i], base, d->cols[i].right ? AL_RIGHT : AL_LEFT);
        x += ts->width[i] + 1;
    }
}

/* The row on line I of the window. */
static const struct table_row *
row_at(struct table_screen *ts, int i)
{
    const size_t *pos = wl_row(&ts->wl, i);

    return pager(ts) != NULL ? &ts->rows.v[i] : &ts->rows.v[ts->idx[*pos]];
}

static void
table_draw(struct screen *s, struct tui *t, WINDOW *w)
{
    struct table_screen *ts = s->data;
    const char *empty;
    int i;

    if (ts->reload || ts->reselect) {
        sync_rows(ts, t);
    }
    if (pager(ts) != NULL) {
        /* The rows in view as cells. */
        table_rows_clear(&ts->rows);
        for (i = 0; i < ts->wl.n; i++) {
            pager(ts)->cells(t, tab(ts)->ctx, wl_row(&ts->wl, i), &ts->rows);
        }
    }
    if (!def(ts)->untitled) {
        draw_tabs(ts, t, w);
    }
    draw_header(ts, w);
    for (i = 0; i < ts->wl.n && (pager(ts) == NULL || (size_t)i < ts->rows.n); i++) {
        draw_row(ts, t, w, i + head(ts), row_at(ts, i), i == ts->wl.cur);
    }
    if (ts->wl.n == 0) {
        empty = tab(ts)->search[0] ? _(def(ts)->no_match != NULL ? def(ts)->no_match
                                                                 : N_("No row matches the search."))
              : def(ts)->empty != NULL ? _(def(ts)->empty) : _("Nothing to show.");
        draw_text(w, head(ts) + 1, 2, t->cols - 4, empty, theme_attr(TH_DIM), AL_LEFT);
    }
}

/* --- the status line --------------------------------------------------- */

static void
table_status(struct screen *s, struct tui *t, char *buf, size_t n)
{
    struct table_screen *ts = s->data;

    (void)t;
    wl_position(&ts->wl, buf, n);
}

/* The filter in words, the definition's or its table filter's. */
static void
filter_words(struct table_screen *ts, struct tui *t, struct sbuf *out)
{
    const struct table_def *d = def(ts);

    if (d->filter_by != NULL) {
        table_filter_info(t, tab(ts)->ctx, out);
    } else if (d->info != NULL) {
        d->info(t, tab(ts)->ctx, out);
    }
}

/* "筛选：2026年, 中央  搜索：道路", or "资金下达：全部", and what the
 * definition adds in the room left beside the position. */
static void
table_info(struct screen *s, struct tui *t, char *buf, size_t n)
{
    struct table_screen *ts = s->data;
    struct sbuf sb = SBUF_INIT, f = SBUF_INIT;
    char pos[64];
    int room;

    filter_words(ts, t, &f);
    if (f.len > 0) {
        sbuf_addf(&sb, _("Filter: %s"), f.buf);
    }
    if (tab(ts)->search[0]) {
        if (sb.len > 0) {
            sbuf_adds(&sb, "  ");
        }
        sbuf_addf(&sb, _("Search: %s"), tab(ts)->search);
    }
    if (sb.len == 0 && def(ts)->all != NULL) {
        sbuf_adds(&sb, _(def(ts)->all));
    } else if (sb.len == 0) {
        sbuf_addf(&sb, _("%s: all"), _(def(ts)->title));
    }
    if (def(ts)->status_more != NULL) {
        wl_position(&ts->wl, pos, sizeof(pos));
        room = t->cols - (int)u8_width(pos) - 1 - (int)u8_width(sb.buf) - 2;
        sbuf_reset(&f);
        def(ts)->status_more(t, tab(ts)->ctx, room, &f);
        if (f.len > 0) {
            sbuf_addf(&sb, "  %s", f.buf);
        }
    }
    snprintf(buf, n, "%s", sb.buf);
    sbuf_release(&sb);
    sbuf_release(&f);
}

static int
table_prompt(struct screen *s, struct tui *t, WINDOW *w)
{
    struct table_screen *ts = s->data;
    const char *label = ts->ask_label;

    if (ts->prompt == P_NONE) {
        return 0;
    }
    if (ts->prompt == P_SEARCH) {
        label = _(def(ts)->search_label != NULL ? def(ts)->search_label
                                                : N_("Search (text or pinyin initials): "));
    } else if (ts->prompt == P_GOTO) {
        label = _("Go to row: ");
    }
    return wline_prompt(&ts->line, w, label, t->cols);
}

/* --- the prompts ------------------------------------------------------------ */

/* The search of the tab, for the rows in memory or the pager's query. */
static void
set_search(struct table_screen *ts, const char *text)
{
    u8_copy(tab(ts)->search, sizeof(tab(ts)->search), text);
    if (pager(ts) != NULL) {
        pager(ts)->search(tab(ts)->ctx, tab(ts)->search);
    }
}

/* / starts a new search (Up brings back the ones before); the rows stay
 * as they are until something is typed. */
static unsigned
start_prompt(struct table_screen *ts, enum prompt p)
{
    ts->prompt = p;
    ts->edited = 0;
    ts->recalled = ts->nhistory;
    wline_set(&ts->line, "");
    snprintf(ts->saved_search, sizeof(ts->saved_search), "%s", tab(ts)->search);
    return D_STATUS | D_KEYS;
}

/* Keep TEXT as the last search (once). */
static void
remember(struct table_screen *ts, const char *text)
{
    if (*text == '\0' || (ts->nhistory > 0 && strcmp(ts->history[ts->nhistory - 1], text) == 0)) {
        return;
    }
    if (ts->nhistory == HISTORY) {
        free(ts->history[0]);
        memmove(ts->history, ts->history + 1, (HISTORY - 1) * sizeof(char *));
        ts->nhistory--;
    }
    ts->history[ts->nhistory++] = xstrdup(text);
}

/* The search line as typed: the rows are selected (or fetched) once per
 * burst of typing, when drawn. */
static unsigned
search_typed(struct table_screen *ts)
{
    struct sbuf text = SBUF_INIT;

    wline_get(&ts->line, &text);
    set_search(ts, text.buf);
    ts->edited = 1;
    sbuf_release(&text);
    return ask_reselect(ts) | D_STATUS;
}

/* Up (DIR -1) and Down (1) in the search: the searches before. */
static unsigned
recall(struct table_screen *ts, int dir)
{
    int to = ts->recalled + dir;

    if (to < 0 || to > ts->nhistory) {
        return D_STATUS;
    }
    ts->recalled = to;
    wline_set(&ts->line, to < ts->nhistory ? ts->history[to] : "");
    return search_typed(ts);
}

static void
go_to_row(struct table_screen *ts, struct tui *t, const char *text)
{
    long row = strtol(text, NULL, 10);
    struct err e;

    err_clear(&e);
    if (row >= 1 && wl_goto(&ts->wl, row - 1, &e) != 0) {
        tui_message(t, 1, "%s", e.msg);
    }
}

/* Enter (ACCEPT) or Esc. */
static unsigned
finish_prompt(struct table_screen *ts, struct tui *t, int accept)
{
    struct sbuf text = SBUF_INIT;
    enum prompt p = ts->prompt;
    unsigned d = D_BODY | D_STATUS | D_KEYS;

    wline_get(&ts->line, &text);
    ts->prompt = P_NONE;
    if (p == P_SEARCH && accept) {
        remember(ts, tab(ts)->search);
    } else if (p == P_SEARCH && ts->edited) {
        /* Esc: back to the search there was before. */
        set_search(ts, ts->saved_search);
        d |= ask_reselect(ts);
    } else if (p == P_GOTO && accept) {
        go_to_row(ts, t, text.buf);
    } else if (p == P_ASK && accept && text.len > 0) {
        d |= ts->ask_done(t, tab(ts)->ctx, text.buf);
    }
    sbuf_release(&text);
    return d;
}

static int
table_input(struct screen *s, struct tui *t, int is_key, wint_t ch)
{
    struct table_screen *ts = s->data;

    if (ts->prompt == P_NONE) {
        return -1;
    }
    if ((!is_key && (ch == '\n' || ch == '\r')) || (is_key && ch == KEY_ENTER)) {
        return (int)finish_prompt(ts, t, 1);
    }
    if (!is_key && ch == 27) {
        return (int)finish_prompt(ts, t, 0);
    }
    if (ts->prompt == P_GOTO && !is_key && !(ch >= '0' && ch <= '9') &&
        ch != 0x7F && ch != CTRL('h')) {
        return D_STATUS;
    }
    if (ts->prompt == P_SEARCH && is_key && (ch == KEY_UP || ch == KEY_DOWN)) {
        return (int)recall(ts, ch == KEY_UP ? -1 : 1);
    }
    if (wline_key(&ts->line, is_key, ch) == 1 && ts->prompt == P_SEARCH) {
        return (int)search_typed(ts);
    }
    return D_STATUS;
}

/* --- actions ------------------------------------------------------------ */

static unsigned
moved(struct tui *t, int rc, struct err *e)
{
    if (rc != 0) {
        tui_message(t, 1, "%s", e->msg);
    }
    return D_BODY | D_STATUS;
}

/* What a definition's callback returned: a reload when it asks. */
static unsigned
after(struct table_screen *ts, unsigned d)
{
    if (d & TR_RELOAD) {
        d |= ask_reload(ts);
    }
    return d & ~(unsigned)TR_RELOAD;
}

static unsigned
sort_chosen(void *ctx, struct tui *t, size_t index)
{
    struct table_screen *ts = ctx;
    struct tab *tb = tab(ts);
    size_t i, k = 0;

    (void)t;
    for (i = 0; i < def(ts)->ncols; i++) {
        if (ts->width[i] > 0 && k++ == index) {
            tb->desc = tb->sort == (int)i ? !tb->desc : 0;
            tb->sort = (int)i;
            if (pager(ts) != NULL) {
                pager(ts)->sort(tb->ctx, i, tb->desc);
            } else {
                table_sort(&ts->rows, i, def(ts)->cols[i].numeric, tb->desc);
            }
        }
    }
    return ask_reselect(ts) | D_ALL;
}

/* s: a menu of the columns shown; the same column again reverses. */
static unsigned
open_sort(struct table_screen *ts, struct tui *t)
{
    struct menu *m = menu_new(_("Sort by (again: reverse order)"), sort_chosen, ts);
    size_t i;

    for (i = 0; i < def(ts)->ncols; i++) {
        if (ts->width[i] > 0) {
            if ((int)i == tab(ts)->sort) {
                m->initial = m->n;
            }
            menu_add(m, _(def(ts)->cols[i].title));
        }
    }
    menu_open(t, m);
    return D_ALL;
}

/* How the tagged rows may go on, as the tab offers it: p prints them,
 * the export key (x, or X) exports them. */
static void
tag_message(struct table_screen *ts, struct tui *t)
{
    const char *x = NULL;
    size_t i, n = tab(ts)->tags.n;

    for (i = 0; ts->keys[i].name != NULL; i++) {
        if (ts->keys[i].action == ACT_EXPORT) {
            x = ts->keys[i].name;
        }
    }
    if (x == NULL) {
        tui_message(t, 0, _("%zu row(s) tagged (p prints them together, T untags all)."), n);
    } else if (def(ts)->print == NULL) {
        tui_message(t, 0, _("%zu row(s) tagged (%s exports them, T untags all)."), n, x);
    } else {
        tui_message(t, 0, _("%zu row(s) tagged (p prints them together, %s exports them, "
                            "T untags all)."), n, x);
    }
}

static unsigned
tag_current(struct table_screen *ts, struct tui *t)
{
    struct table_row *r = current(ts);
    struct err e;

    if (r == NULL) {
        return 0;
    }
    idset_toggle(&tab(ts)->tags, r->id);
    tag_message(ts, t);
    err_clear(&e);
    return moved(t, wl_down(&ts->wl, 1, &e), &e);
}

static unsigned
untag_all(struct table_screen *ts, struct tui *t)
{
    idset_clear(&tab(ts)->tags);
    tui_message(t, 0, "%s", _("No row is tagged now."));
    return D_BODY | D_STATUS;
}

/* p: the tagged rows, or else the current one. */
static unsigned
print_rows(struct table_screen *ts, struct tui *t)
{
    const struct table_row *r = current(ts);

    if (tab(ts)->tags.n > 0) {
        return after(ts, def(ts)->print(t, tab(ts)->ctx, tab(ts)->tags.v, tab(ts)->tags.n));
    }
    if (r == NULL) {
        return 0;
    }
    return after(ts, def(ts)->print(t, tab(ts)->ctx, &r->id, 1));
}

/* x: the tagged rows, or else the rows shown, to a sheet. */
static unsigned
export_rows(struct table_screen *ts, struct tui *t)
{
    const struct table_def *d = def(ts);
    struct export_filter f;
    int64_t *ids = NULL;
    size_t n = 0, i;
    int tagged = tab(ts)->tags.n > 0, whole = 0;

    export_filter_init(&f);
    if (d->export_filter != NULL) {
        whole = d->export_filter(t, tab(ts)->ctx, &f);
    }
    if (whole) {
        tagged = 0;
    } else if (tagged) {
        ids = xcalloc(tab(ts)->tags.n, sizeof(*ids));
        memcpy(ids, tab(ts)->tags.v, tab(ts)->tags.n * sizeof(*ids));
        n = tab(ts)->tags.n;
    } else if (d->pager == NULL) {
        ids = xcalloc(ts->shown.n + 1, sizeof(*ids));
        for (i = 0; i < ts->shown.n; i++) {
            ids[n++] = ts->rows.v[ts->shown.idx[i]].id;
        }
    }
    f.ids = whole ? NULL : ids;
    f.nids = n;
    export_dialog(t, export_kind_find(d->export), &f, tagged);
    free(ids);
    return D_ALL;
}

static unsigned
clear_all(struct table_screen *ts, struct tui *t)
{
    unsigned d;

    set_search(ts, "");
    if (def(ts)->filter_by != NULL || def(ts)->clear_filter != NULL) {
        (def(ts)->filter_by != NULL ? table_filter_clear : def(ts)->clear_filter)(tab(ts)->ctx);
        d = ask_filtered(ts);
    } else {
        d = ask_reselect(ts);
    }
    tui_message(t, 0, "%s", _("Filter and search cleared."));
    return d;
}

/* f: the definition's filter, or the menu of what it is filtered by. */
static unsigned
open_filter(struct table_screen *ts, struct tui *t)
{
    int changed = def(ts)->filter_by != NULL ? table_filter_menu(t, tab(ts)->ctx)
                                             : def(ts)->filter(t, tab(ts)->ctx);

    return changed ? ask_filtered(ts) | D_ALL : D_ALL;
}

/* The w_list of the tab shown: positions of the rows in memory, or the
 * pager's source. */
static void
bind_list(struct table_screen *ts, struct tui *t)
{
    wl_release(&ts->wl);
    if (pager(ts) != NULL) {
        wl_init(&ts->wl, pager(ts)->source, tab(ts)->ctx);
    } else {
        ts->shown.idx = ts->idx;
        ts->shown.n = 0;
        wl_init(&ts->wl, &table_source, &ts->shown);
    }
    ts->wl.height = tui_body_lines(t) - head(ts);
}

static void
make_ctx(struct table_screen *ts, struct tui *t)
{
    struct tab *tb = tab(ts);

    if (!tb->made && tb->def->filter_by != NULL) {
        tb->ctx = table_filter_new(t, tb->def->filter_by);
    } else if (!tb->made && tb->def->ctx_new != NULL) {
        tb->ctx = tb->def->ctx_new(t, ts->parent);
    }
    tb->made = 1;
}

/* Show tab WHICH (the first time, its rows are read). */
static void
show_tab(struct table_screen *ts, struct tui *t, size_t which)
{
    ts->cur = which;
    ts->prompt = P_NONE;
    make_ctx(ts, t);
    build_keys(ts);
    ts->width = xrealloc(ts->width, (def(ts)->ncols + 1) * sizeof(int));
    table_rows_release(&ts->rows);
    table_rows_init(&ts->rows, def(ts)->ncols);
    table_rows_release(&ts->one);
    table_rows_init(&ts->one, def(ts)->ncols);
    bind_list(ts, t);
    layout(ts, t);
    ts->reload = 1;
}

static unsigned
go_tab(struct table_screen *ts, struct tui *t, long which)
{
    if (ts->ntabs < 2 || which < 0 || (size_t)which >= ts->ntabs) {
        return 0;
    }
    keep_place(ts);
    show_tab(ts, t, (size_t)which);
    return D_ALL;
}

/* Esc: the search first, then back (never out of a workspace's root). */
static unsigned
back(struct table_screen *ts, struct screen *s)
{
    if (tab(ts)->search[0]) {
        set_search(ts, "");
        return ask_reselect(ts);
    }
    return s->below != NULL ? TR_POP : 0;
}

/* Enter on row ID of a definition without OPEN: its VIEW. */
static unsigned
open_view(struct tui *t, const struct table_def *d, int64_t id)
{
    int64_t shown = d->view_id != NULL ? d->view_id(t, id) : id;

    if (shown == 0) {
        return D_STATUS;
    }
    view_open(t, d->view, shown);
    return D_ALL;
}

/* A generic action on the row under the cursor. */
static unsigned
row_action(struct table_screen *ts, struct tui *t, int action)
{
    const struct table_row *r = current(ts);
    const struct table_def *d = def(ts);
    void *ctx = tab(ts)->ctx;

    switch (action) {
    case ACT_OPEN:
        if (r == NULL) {
            return 0;
        }
        if (d->open == NULL) {
            return after(ts, open_view(t, d, r->id));
        }
        return after(ts, d->open(t, ctx, r->id));
    case ACT_EDIT:
        if (r == NULL || !tui_writable(t)) {
            return D_STATUS;
        }
        if (d->edit == NULL) {
            form_open(t, d->form, 0, r->id, 0);
            return after(ts, D_ALL);
        }
        return after(ts, d->edit(t, ctx, r->id));
    case ACT_NEW:
        if (!tui_writable(t)) {
            return D_STATUS;
        }
        if (d->create == NULL) {
            form_open(t, d->form, 0, 0, 0);
            return after(ts, D_ALL);
        }
        return after(ts, d->create(t, ctx));
    default:
        return d->action != NULL ? after(ts, d->action(t, ctx, action, r != NULL ? r->id : 0)) : 0;
    }
}

/* The moves, through w_list; 0 when ACTION is none. */
static unsigned
move_rows(struct table_screen *ts, struct tui *t, int action)
{
    struct err e;

    err_clear(&e);
    switch (action) {
    case ACT_DOWN:
    case ACT_NEXT:
        return moved(t, wl_down(&ts->wl, 1, &e), &e);
    case ACT_UP:
    case ACT_PREV:
        return moved(t, wl_up(&ts->wl, 1, &e), &e);
    case ACT_PGDN:
        return moved(t, wl_page_down(&ts->wl, &e), &e);
    case ACT_PGUP:
        return moved(t, wl_page_up(&ts->wl, &e), &e);
    case ACT_HOME:
        return moved(t, wl_home(&ts->wl, &e), &e);
    case ACT_END:
        return moved(t, wl_end(&ts->wl, &e), &e);
    default:
        return 0;
    }
}

static unsigned
table_action(struct screen *s, struct tui *t, int action)
{
    struct table_screen *ts = s->data;
    unsigned d = move_rows(ts, t, action);

    if (d != 0) {
        return d;
    }
    if (action >= ACT_SEC1 && action <= ACT_SEC8) {
        return go_tab(ts, t, action - ACT_SEC1);
    }
    switch (action) {
    case ACT_TAB:
        return go_tab(ts, t, (long)((ts->cur + 1) % ts->ntabs));
    case ACT_BTAB:
        return go_tab(ts, t, (long)((ts->cur + ts->ntabs - 1) % ts->ntabs));
    case ACT_SEARCH:
        return start_prompt(ts, P_SEARCH);
    case ACT_GOTO:
        return start_prompt(ts, P_GOTO);
    case ACT_SORT:
        return open_sort(ts, t);
    case ACT_FILTER:
        return open_filter(ts, t);
    case ACT_TAG:
        return tag_current(ts, t);
    case ACT_UNTAG_ALL:
        return untag_all(ts, t);
    case ACT_PRINT:
        return print_rows(ts, t);
    case ACT_EXPORT:
        return export_rows(ts, t);
    case ACT_CLEAR:
        return clear_all(ts, t);
    case ACT_RELOAD:
        return ask_reload(ts);
    case ACT_BACK:
        return back(ts, s);
    case ACT_QUIT:
        return s->below != NULL ? TR_POP : TR_QUIT;
    default:
        return row_action(ts, t, action);
    }
}

/* --- life cycle ----------------------------------------------------------- */

/* One tab per sibling table, DEF's shown. */
static void
make_tabs(struct table_screen *ts, struct tui *t, const struct table_def *d)
{
    size_t i, n = 0, first = 0;

    while (d->tabs != NULL && d->tabs[n] != NULL) {
        n++;
    }
    ts->ntabs = n > 0 ? n : 1;
    ts->tabs = xcalloc(ts->ntabs, sizeof(*ts->tabs));
    for (i = 0; i < ts->ntabs; i++) {
        struct tab *tb = &ts->tabs[i];

        tb->def = n > 0 ? d->tabs[i] : d;
        tb->sort = tb->def->pager != NULL ? tb->def->pager->sort0 : -1;
        if (tb->def == d) {
            first = i;
        }
    }
    table_rows_init(&ts->rows, 0);
    table_rows_init(&ts->one, 0);
    show_tab(ts, t, first);
}

static int
table_enter(struct screen *s, struct tui *t)
{
    const struct table_arg *arg = s->arg;
    struct table_screen *ts = xcalloc(1, sizeof(*ts));

    ts->t = t;
    ts->parent = arg->parent;
    wline_init(&ts->line, 40);
    make_tabs(ts, t, arg->def);
    s->data = ts;
    return 0;
}

static void
table_leave(struct screen *s, struct tui *t)
{
    struct table_screen *ts = s->data;
    size_t i;
    int k;

    (void)t;
    for (i = 0; i < ts->ntabs; i++) {
        const struct table_def *d = ts->tabs[i].def;

        if (ts->tabs[i].ctx != NULL && (d->filter_by != NULL || d->ctx_free != NULL)) {
            (d->filter_by != NULL ? table_filter_free : d->ctx_free)(ts->tabs[i].ctx);
        }
        idset_release(&ts->tabs[i].tags);
    }
    for (k = 0; k < ts->nhistory; k++) {
        free(ts->history[k]);
    }
    free(ts->tabs);
    wl_release(&ts->wl);
    table_rows_release(&ts->rows);
    table_rows_release(&ts->one);
    free(ts->idx);
    free(ts->width);
    free(ts->keys);
    wline_release(&ts->line);
    free(ts);
}

static void
table_resize(struct screen *s, struct tui *t)
{
    struct table_screen *ts = s->data;
    struct err e;

    err_clear(&e);
    layout(ts, t);
    if (wl_set_height(&ts->wl, tui_body_lines(t) - head(ts), &e)) {
        tui_message(t, 1, "%s", e.msg);
    }
}

/* Back from a record, a form or a menu: what they saved may change the
 * rows. */
static void
table_resume(struct screen *s, struct tui *t)
{
    ask_reload(s->data);
    t->dirty |= D_ALL;
}

static const struct keydef *
table_keytable(const struct screen *s)
{
    struct table_screen *ts = s->data;
    size_t i;

    for (i = 0; ts->keys[i].name != NULL; i++) {
        if (ts->keys[i].action == ACT_QUIT) {
            ts->keys[i].label = s->below != NULL ? N_("back") : N_("quit");
        }
    }
    return ts->keys;
}

static const char *
table_title(const struct screen *s)
{
    return def(s->data)->title;
}

static const char *
table_more_help(const struct screen *s)
{
    return def(s->data)->help;
}

/* The year a table filtered by year shows: its help's numbers are that
 * year's rules (0: today's). */
static int
table_help_year(const struct screen *s)
{
    const struct table_screen *ts = s->data;
    const struct table_filter *f = tab(ts)->ctx;

    return def(ts)->filter_by != NULL && f != NULL ? f->year : 0;
}

/* The callbacks of both screens below. */
#define TABLE_SCREEN_OPS \
    .keys = rest_keys, .enter = table_enter, .leave = table_leave, .resize = table_resize, \
    .draw = table_draw, .input = table_input, .action = table_action, \
    .status = table_status, .info = table_info, .prompt = table_prompt, \
    .resume = table_resume, .keytable = table_keytable, .title = table_title, \
    .more_help = table_more_help, .help_year = table_help_year, .may_switch = 1

/* The tables in memory share a help; a paged list's definition says all
 * of its own. */
static const struct screen_ops table_screen = {
    .name = N_("table"),
    .help = N_("Marks before the first column: * a tagged row; ! what the table says below (late, overdrawn...).\n"
               "Search (/) narrows the rows with each key: any text of a row, or pinyin initials (zs finds 张三); several words must all match.  Each / starts a new search; Up recalls the ones before.  Enter keeps the result, Esc goes back to what was there before.\n"
               "Sort (s) by any column shown; choosing the same column again reverses the order.  Text sorts in pinyin order.\n"
               "Tabs (Tab, or the digits) switch between the tables of a workspace; each keeps its filter, search, order, tags and place."),
    TABLE_SCREEN_OPS,
};

static const struct screen_ops paged_screen = {
    .name = N_("list"),
    TABLE_SCREEN_OPS,
    .idle = table_idle,
};

int
table_open(struct tui *t, const struct table_def *d, int64_t parent)
{
    struct table_arg *arg = xcalloc(1, sizeof(*arg));

    arg->def = d;
    arg->parent = parent;
    return tui_push(t, screen_new(d->pager != NULL ? &paged_screen : &table_screen, arg));
}

/* The table screen on top of T, or NULL. */
static struct table_screen *
top_table(struct tui *t)
{
    const struct screen *s = t->top;

    return s != NULL && (s->ops == &table_screen || s->ops == &paged_screen) ? s->data : NULL;
}

const void *
table_current(struct tui *t)
{
    struct table_screen *ts = top_table(t);

    if (ts == NULL) {
        return NULL;
    }
    return pager(ts) != NULL ? wl_current(&ts->wl) : current(ts);
}

const struct idset *
table_tagged(struct tui *t)
{
    struct table_screen *ts = top_table(t);

    return ts != NULL ? &tab(ts)->tags : NULL;
}

int
table_ask(struct tui *t, const char *label,
          unsigned (*done)(struct tui *t, void *ctx, const char *text))
{
    struct table_screen *ts = top_table(t);

    if (ts == NULL) {
        return -1;
    }
    start_prompt(ts, P_ASK);
    snprintf(ts->ask_label, sizeof(ts->ask_label), "%s", label);
    ts->ask_done = done;
    t->dirty |= D_STATUS | D_KEYS;
    return 0;
}

/*
 * s_table.c - the table screen: one screen for every list defined as a
 * struct table_def (tui/table.h).  It holds the rows of the current
 * filter in memory, narrows them as the user types a search, sorts them
 * by any shown column, tags them, and hands Enter, a, e, p, f and the
 * definition's own keys to the definition.  It looks and moves like the
 * monitoring list (s_list.c), through the same w_list widget.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* Columns before the first cell: the cursor marker, the tag, the flag
 * and a space. */
#define LEAD 4
/* Lines above the rows: the tabs or the title, the column titles. */
#define HEAD 2
#define SEARCH_MAX 128

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

struct table_screen {
    struct tab *tabs;
    size_t ntabs, cur;
    int64_t parent;
    struct table_rows rows;
    size_t *idx;               /* the rows matching the search */
    struct table_shown shown;
    struct w_list wl;
    int *width;                /* per column; 0: left out */
    struct keydef *keys;       /* the generic keys and the definition's */
    int reload;                /* read the rows before drawing */
    int reselect;              /* search or sort changed: select again */
    int prompting;
    struct w_line line;
    char saved_search[SEARCH_MAX];
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
        return d->filter != NULL;
    case ACT_NEW:
        return d->create != NULL || d->form != NULL;
    case ACT_EDIT:
        return d->edit != NULL || d->form != NULL;
    case ACT_PRINT:
    case ACT_TAG:
    case ACT_UNTAG_ALL:
        return d->print != NULL;
    default:
        return 1;
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
    ts->keys = xcalloc(keys_count(main_keys) + keys_count(d->keys) + keys_count(tab_keys) +
                       ndig + keys_count(rest_keys) + 1, sizeof(*ts->keys));
    n = keys_append(ts->keys, n, main_keys, offered, d);
    n = keys_append(ts->keys, n, d->keys, NULL, NULL);
    if (ndig > 0) {
        n = keys_append(ts->keys, n, tab_keys, NULL, NULL);
    }
    for (i = 0; i < ndig; i++) {
        struct keydef k = {'1' + (int)i, 0, (enum action)(ACT_SEC1 + (int)i),
                           digit_names[i], ts->tabs[i].def->title, 0};

        ts->keys[n++] = k;
    }
    n = keys_append(ts->keys, n, rest_keys, offered, d);
    memset(&ts->keys[n], 0, sizeof(ts->keys[n]));
}

/* --- rows --------------------------------------------------------------- */

static struct table_row *
current(const struct table_screen *ts)
{
    const size_t *pos = wl_current(&ts->wl);

    return pos != NULL && *pos < ts->shown.n ? &ts->rows.v[ts->idx[*pos]] : NULL;
}

/* Remember where the cursor is, to come back to it. */
static void
keep_place(struct table_screen *ts)
{
    const struct table_row *r = current(ts);

    tab(ts)->cur_id = r != NULL ? r->id : 0;
    tab(ts)->cur_row = ts->wl.cur;
}

static void
layout(struct table_screen *ts, struct tui *t)
{
    table_layout(def(ts)->cols, def(ts)->ncols, &ts->rows, t->cols - LEAD, ts->width);
}

static int
load(struct table_screen *ts, struct tui *t, struct err *e)
{
    struct tab *tb = tab(ts);
    size_t i;

    table_rows_clear(&ts->rows);
    if (def(ts)->load(t, tb->ctx, &ts->rows, e)) {
        table_rows_clear(&ts->rows);
        return -1;
    }
    for (i = 0; i < ts->rows.n; i++) {
        ts->rows.v[i].tagged = idset_has(&tb->tags, ts->rows.v[i].id);
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

/* Read or select again what changed, before drawing. */
static void
sync_rows(struct table_screen *ts, struct tui *t)
{
    struct err e;

    err_clear(&e);
    /* Rows that could not be read are none: the list must still match. */
    if (ts->reload && load(ts, t, &e)) {
        tui_message(t, 1, "%s", e.msg);
    }
    if (select_rows(ts, &e)) {
        tui_message(t, 1, "%s", e.msg);
    }
    ts->reload = ts->reselect = 0;
    t->dirty |= D_STATUS;
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
    int x = LEAD;

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
        draw_text(w, 1, x, ts->width[i], sb.buf, a, d->cols[i].right ? AL_RIGHT : AL_LEFT);
        x += ts->width[i] + 1;
    }
    sbuf_release(&sb);
}

static void
draw_row(struct table_screen *ts, struct tui *t, WINDOW *w, int y,
         const struct table_row *r, int selected)
{
    const struct table_def *d = def(ts);
    attr_t base = selected && t->cursor == CURSOR_BAR ? theme_attr(TH_CURSOR) : A_NORMAL;
    char mark[2] = {(char)(r->mark >= 0x20 && r->mark < 0x7F ? r->mark : ' '), '\0'};
    size_t i;
    int x = LEAD;

    if (selected && t->cursor == CURSOR_BAR) {
        draw_text(w, y, 0, t->cols, "", base, AL_LEFT);
    }
    draw_text(w, y, 0, 1, selected && t->cursor == CURSOR_MARKER ? ">" : " ", base, AL_LEFT);
    draw_text(w, y, 1, 1, r->tagged ? "*" : " ", base | A_BOLD, AL_LEFT);
    draw_text(w, y, 2, 1, mark, base | (r->mark ? theme_attr(TH_WARN) : 0), AL_LEFT);
    for (i = 0; i < d->ncols; i++) {
        if (ts->width[i] == 0) {
            continue;
        }
        draw_text(w, y, x, ts->width[i], r->cells[i], base, d->cols[i].right ? AL_RIGHT : AL_LEFT);
        x += ts->width[i] + 1;
    }
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
    draw_tabs(ts, t, w);
    draw_header(ts, w);
    for (i = 0; i < ts->wl.n; i++) {
        const size_t *pos = wl_row(&ts->wl, i);

        draw_row(ts, t, w, i + HEAD, &ts->rows.v[ts->idx[*pos]], i == ts->wl.cur);
    }
    if (ts->wl.n == 0) {
        empty = tab(ts)->search[0] ? _("No row matches the search.")
              : def(ts)->empty != NULL ? _(def(ts)->empty) : _("Nothing to show.");
        draw_text(w, HEAD + 1, 2, t->cols - 4, empty, theme_attr(TH_DIM), AL_LEFT);
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

/* "筛选：2026年, 中央  搜索：道路", or "资金下达：全部". */
static void
table_info(struct screen *s, struct tui *t, char *buf, size_t n)
{
    struct table_screen *ts = s->data;
    struct sbuf sb = SBUF_INIT, f = SBUF_INIT;

    if (def(ts)->info != NULL) {
        def(ts)->info(t, tab(ts)->ctx, &f);
    }
    if (f.len > 0) {
        sbuf_addf(&sb, _("Filter: %s"), f.buf);
    }
    if (tab(ts)->search[0]) {
        if (sb.len > 0) {
            sbuf_adds(&sb, "  ");
        }
        sbuf_addf(&sb, _("Search: %s"), tab(ts)->search);
    }
    if (sb.len == 0) {
        sbuf_addf(&sb, _("%s: all"), _(def(ts)->title));
    }
    snprintf(buf, n, "%s", sb.buf);
    sbuf_release(&sb);
    sbuf_release(&f);
}

static int
table_prompt(struct screen *s, struct tui *t, WINDOW *w)
{
    struct table_screen *ts = s->data;

    if (!ts->prompting) {
        return 0;
    }
    return wline_prompt(&ts->line, w, _("Search (text or pinyin initials): "), t->cols);
}

/* --- the search prompt ------------------------------------------------------ */

static unsigned
start_search(struct table_screen *ts)
{
    ts->prompting = 1;
    wline_set(&ts->line, tab(ts)->search);
    snprintf(ts->saved_search, sizeof(ts->saved_search), "%s", tab(ts)->search);
    return D_STATUS | D_KEYS;
}

static void
set_search(struct table_screen *ts, const char *text)
{
    u8_copy(tab(ts)->search, sizeof(tab(ts)->search), text);
}

/* Enter keeps what the rows were narrowed to; Esc goes back to the
 * search there was before. */
static int
table_input(struct screen *s, struct tui *t, int is_key, wint_t ch)
{
    struct table_screen *ts = s->data;
    struct sbuf text = SBUF_INIT;
    unsigned d = D_STATUS;

    (void)t;
    if (!ts->prompting) {
        return -1;
    }
    if ((!is_key && (ch == '\n' || ch == '\r')) || (is_key && ch == KEY_ENTER)) {
        ts->prompting = 0;
        return D_STATUS | D_KEYS;
    }
    if (!is_key && ch == 27) {
        ts->prompting = 0;
        set_search(ts, ts->saved_search);
        return (int)(ask_reselect(ts) | D_KEYS);
    }
    if (wline_key(&ts->line, is_key, ch) == 1) {
        /* The rows are selected once per burst of typing, when drawn. */
        wline_get(&ts->line, &text);
        set_search(ts, text.buf);
        d |= ask_reselect(ts);
    }
    sbuf_release(&text);
    return (int)d;
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
            table_sort(&ts->rows, i, def(ts)->cols[i].numeric, tb->desc);
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

static unsigned
tag_current(struct table_screen *ts, struct tui *t)
{
    struct table_row *r = current(ts);
    struct err e;

    if (r == NULL) {
        return 0;
    }
    r->tagged = idset_toggle(&tab(ts)->tags, r->id);
    tui_message(t, 0, _("%zu row(s) tagged (p prints them together, T untags all)."),
                tab(ts)->tags.n);
    err_clear(&e);
    return moved(t, wl_down(&ts->wl, 1, &e), &e);
}

static unsigned
untag_all(struct table_screen *ts, struct tui *t)
{
    size_t i;

    idset_clear(&tab(ts)->tags);
    for (i = 0; i < ts->rows.n; i++) {
        ts->rows.v[i].tagged = 0;
    }
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

static unsigned
clear_all(struct table_screen *ts, struct tui *t)
{
    unsigned d;

    set_search(ts, "");
    if (def(ts)->clear_filter != NULL) {
        def(ts)->clear_filter(tab(ts)->ctx);
        d = ask_reload(ts);
    } else {
        d = ask_reselect(ts);
    }
    tui_message(t, 0, "%s", _("Filter and search cleared."));
    return d;
}

static void
make_ctx(struct table_screen *ts, struct tui *t)
{
    struct tab *tb = tab(ts);

    if (!tb->made && tb->def->ctx_new != NULL) {
        tb->ctx = tb->def->ctx_new(t, ts->parent);
    }
    tb->made = 1;
}

static unsigned
go_tab(struct table_screen *ts, struct tui *t, long which)
{
    if (ts->ntabs < 2 || which < 0 || (size_t)which >= ts->ntabs) {
        return 0;
    }
    keep_place(ts);
    ts->cur = (size_t)which;
    ts->prompting = 0;
    make_ctx(ts, t);
    build_keys(ts);
    ts->width = xrealloc(ts->width, (def(ts)->ncols + 1) * sizeof(int));
    table_rows_release(&ts->rows);
    table_rows_init(&ts->rows, def(ts)->ncols);
    layout(ts, t);
    ts->reload = 1;
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
            view_open(t, d->view, r->id);
            return after(ts, D_ALL);
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
    case ACT_FILTER:
        return d->filter(t, ctx) ? ask_reload(ts) | D_ALL : D_ALL;
    default:
        return d->action != NULL ? after(ts, d->action(t, ctx, action, r != NULL ? r->id : 0)) : 0;
    }
}

static unsigned
table_action(struct screen *s, struct tui *t, int action)
{
    struct table_screen *ts = s->data;
    struct err e;

    err_clear(&e);
    if (action >= ACT_SEC1 && action <= ACT_SEC8) {
        return go_tab(ts, t, action - ACT_SEC1);
    }
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
    case ACT_TAB:
        return go_tab(ts, t, (long)((ts->cur + 1) % ts->ntabs));
    case ACT_BTAB:
        return go_tab(ts, t, (long)((ts->cur + ts->ntabs - 1) % ts->ntabs));
    case ACT_SEARCH:
        return start_search(ts);
    case ACT_SORT:
        return open_sort(ts, t);
    case ACT_TAG:
        return tag_current(ts, t);
    case ACT_UNTAG_ALL:
        return untag_all(ts, t);
    case ACT_PRINT:
        return print_rows(ts, t);
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

/* One tab per sibling table, the cursor on DEF's. */
static void
make_tabs(struct table_screen *ts, const struct table_def *d)
{
    size_t i, n = 0;

    while (d->tabs != NULL && d->tabs[n] != NULL) {
        n++;
    }
    ts->ntabs = n > 0 ? n : 1;
    ts->tabs = xcalloc(ts->ntabs, sizeof(*ts->tabs));
    for (i = 0; i < ts->ntabs; i++) {
        ts->tabs[i].def = n > 0 ? d->tabs[i] : d;
        ts->tabs[i].sort = -1;
        if (ts->tabs[i].def == d) {
            ts->cur = i;
        }
    }
}

static int
table_enter(struct screen *s, struct tui *t)
{
    const struct table_arg *arg = s->arg;
    struct table_screen *ts = xcalloc(1, sizeof(*ts));

    ts->parent = arg->parent;
    make_tabs(ts, arg->def);
    make_ctx(ts, t);
    build_keys(ts);
    table_rows_init(&ts->rows, def(ts)->ncols);
    ts->width = xcalloc(def(ts)->ncols + 1, sizeof(int));
    wline_init(&ts->line, 40);
    ts->shown.idx = ts->idx;
    wl_init(&ts->wl, &table_source, &ts->shown);
    ts->wl.height = tui_body_lines(t) - HEAD;
    layout(ts, t);
    ts->reload = 1;
    s->data = ts;
    return 0;
}

static void
table_leave(struct screen *s, struct tui *t)
{
    struct table_screen *ts = s->data;
    size_t i;

    (void)t;
    for (i = 0; i < ts->ntabs; i++) {
        if (ts->tabs[i].ctx != NULL && ts->tabs[i].def->ctx_free != NULL) {
            ts->tabs[i].def->ctx_free(ts->tabs[i].ctx);
        }
        idset_release(&ts->tabs[i].tags);
    }
    free(ts->tabs);
    wl_release(&ts->wl);
    table_rows_release(&ts->rows);
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
    if (wl_set_height(&ts->wl, tui_body_lines(t) - HEAD, &e)) {
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

static const struct screen_ops table_screen = {
    .name = N_("table"),
    .keys = rest_keys,
    .help = N_("Marks before the first column: * a tagged row; ! what the table says below (late, overdrawn...).\n"
               "Search (/) narrows the rows with each key: any text of a row, or pinyin initials (zs finds 张三); several words must all match.  Enter keeps the result, Esc goes back to what was there before.\n"
               "Sort (s) by any column shown; choosing the same column again reverses the order.  Text sorts in pinyin order.\n"
               "Tabs (Tab, or the digits) switch between the tables of a workspace; each keeps its filter, search, order, tags and place."),
    .enter = table_enter,
    .leave = table_leave,
    .resize = table_resize,
    .draw = table_draw,
    .input = table_input,
    .action = table_action,
    .status = table_status,
    .info = table_info,
    .prompt = table_prompt,
    .resume = table_resume,
    .keytable = table_keytable,
    .title = table_title,
    .more_help = table_more_help,
    .may_switch = 1,
};

int
table_open(struct tui *t, const struct table_def *d, int64_t parent)
{
    struct table_arg *arg = xcalloc(1, sizeof(*arg));

    arg->def = d;
    arg->parent = parent;
    return tui_push(t, screen_new(&table_screen, arg));
}

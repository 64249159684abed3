/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * s_menu.c - the menu screen.
 */
#include "config.h"
#include "tui/s_menu.h"

#include <stdlib.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/screen.h"
#include "tui/w_line.h"
#include "tui/w_list.h"
#include "util/i18n.h"
#include "util/pinyin.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

struct menu_state {
    struct menu *m;
    size_t *shown;           /* indexes of items matching the typed text */
    size_t nshown;
    struct w_cursor c;       /* over the shown items */
    unsigned char *marked;   /* a menu of several choices: per item */
    struct w_line filter;
};

/* The first row is for menus of several choices only. */
static const struct keydef menu_keys[] = {
    {' ', 0, ACT_TAG, "Space", N_("mark or unmark"), KD_BAR},
    {'\n', 0, ACT_OPEN, "Enter", N_("choose"), KD_BAR},
    {'\r', 0, ACT_OPEN, "Enter", N_("choose"), 0},
    {KEY_ENTER, 1, ACT_OPEN, "Enter", N_("choose"), 0},
    {27, 0, ACT_BACK, "Esc", N_("back"), KD_BAR},
    {KEY_UP, 1, ACT_UP, "Up", N_("previous"), 0},
    {KEY_DOWN, 1, ACT_DOWN, "Down", N_("next"), 0},
    {KEY_PPAGE, 1, ACT_PGUP, "PgUp", N_("page up"), 0},
    {KEY_NPAGE, 1, ACT_PGDN, "PgDn", N_("page down"), 0},
    {KEY_HOME, 1, ACT_HOME, "Home", N_("first"), 0},
    {KEY_END, 1, ACT_END, "End", N_("last"), 0},
    {0, 0, ACT_NONE, "abc", N_("type to narrow the list"), KD_BAR},
    {0, 0, ACT_NONE, NULL, NULL, 0},
};

struct menu *
menu_new(const char *title, unsigned (*chosen)(void *, struct tui *, size_t),
         void *ctx)
{
    struct menu *m = xcalloc(1, sizeof(*m));

    m->title = xstrdup(title);
    m->chosen = chosen;
    m->ctx = ctx;
    return m;
}

struct menu *
menu_several(const char *title,
             unsigned (*chosen)(void *, struct tui *, const unsigned char *, size_t), void *ctx)
{
    struct menu *m = menu_new(title, NULL, ctx);

    m->chosen_set = chosen;
    return m;
}

void
menu_add(struct menu *m, const char *item)
{
    m->items = xrealloc(m->items, (m->n + 1) * sizeof(char *));
    m->items[m->n++] = xstrdup(item);
}

void
menu_narrow(struct menu *m, const char *typed)
{
    free(m->typed);
    m->typed = xstrdup(typed);
}

void
menu_free(struct menu *m)
{
    size_t i;

    for (i = 0; m != NULL && i < m->n; i++) {
        free(m->items[i]);
    }
    if (m != NULL && m->free_ctx != NULL && m->ctx != NULL) {
        m->free_ctx(m->ctx);
    }
    if (m != NULL) {
        free(m->typed);
        free(m->items);
        free(m->title);
        free(m);
    }
}

int
menu_open(struct tui *t, struct menu *m)
{
    return tui_push(t, screen_new(&menu_screen, m));
}

/* 1 when ITEM matches the typed text (substring, or pinyin initials). */
static int
matches(const char *item, const char *typed)
{
    char initials[128];

    if (*typed == '\0' || strstr(item, typed) != NULL) {
        return 1;
    }
    pinyin_initials(item, 0, initials, sizeof(initials));
    return strstr(initials, typed) != NULL;
}

static void
narrow(struct menu_state *st)
{
    struct sbuf typed = SBUF_INIT;
    size_t i;

    wline_get(&st->filter, &typed);
    st->nshown = 0;
    for (i = 0; i < st->m->n; i++) {
        if (matches(st->m->items[i], typed.buf)) {
            st->shown[st->nshown++] = i;
        }
    }
    st->c.cur = st->c.top = 0;
    sbuf_release(&typed);
}

static int
menu_enter(struct screen *s, struct tui *t)
{
    struct menu_state *st = xcalloc(1, sizeof(*st));
    size_t i;

    (void)t;
    st->m = s->arg;
    st->shown = xcalloc(st->m->n + 1, sizeof(size_t));
    if (st->m->chosen_set != NULL) {
        st->marked = xcalloc(st->m->n + 1, 1);
    }
    wline_init(&st->filter, 40);
    if (st->m->typed != NULL) {
        wline_set(&st->filter, st->m->typed);
    }
    narrow(st);
    for (i = 0; i < st->nshown; i++) {
        if (st->shown[i] == st->m->initial) {
            st->c.cur = i;
        }
    }
    s->data = st;
    return 0;
}

static void
menu_leave(struct screen *s, struct tui *t)
{
    struct menu_state *st = s->data;

    (void)t;
    wline_release(&st->filter);
    free(st->shown);
    free(st->marked);
    menu_free(st->m);
    free(st);
    s->arg = NULL;
}

static void
menu_draw(struct screen *s, struct tui *t, WINDOW *w)
{
    struct menu_state *st = s->data;
    int h = tui_body_lines(t), rows = h - 2, i;
    struct sbuf sb = SBUF_INIT;

    sbuf_addf(&sb, "%s", st->m->title);
    draw_text(w, 0, 1, t->cols - 2, sb.buf, theme_attr(TH_HEADER), AL_LEFT);
    if (st->filter.len > 0) {
        draw_text(w, 1, 1, 2, "/", A_NORMAL, AL_LEFT);
        wline_draw(&st->filter, w, 1, 3, t->cols - 4, A_NORMAL);
    }
    wc_show(&st->c, st->nshown, rows > 0 ? (size_t)rows : 1);
    for (i = 0; i < rows && st->c.top + (size_t)i < st->nshown; i++) {
        size_t k = st->c.top + (size_t)i;
        int sel = k == st->c.cur;
        attr_t a = sel && t->cursor == CURSOR_BAR ? theme_attr(TH_CURSOR) : A_NORMAL;

        sbuf_reset(&sb);
        if (st->marked != NULL) {
            sbuf_adds(&sb, st->marked[st->shown[k]] ? "[x] " : "[ ] ");
        }
        sbuf_adds(&sb, st->m->items[st->shown[k]]);
        draw_text(w, i + 2, 0, 1, sel && t->cursor == CURSOR_MARKER ? ">" : " ", A_NORMAL, AL_LEFT);
        draw_text(w, i + 2, 1, t->cols - 2, sb.buf, a, AL_LEFT);
    }
    if (st->nshown == 0) {
        draw_text(w, 2, 1, t->cols - 2, _("(nothing matches what you typed)"), theme_attr(TH_DIM), AL_LEFT);
    }
    sbuf_release(&sb);
}

static int
menu_input(struct screen *s, struct tui *t, int is_key, wint_t ch)
{
    struct menu_state *st = s->data;
    int rc;

    (void)t;
    /* Only printable text and deleting edit the filter; moves move. */
    if (is_key && ch != KEY_BACKSPACE) {
        return -1;
    }
    if (!is_key && (ch == '\n' || ch == '\r' || ch == 27 || ch == '?' ||
                    (ch == ' ' && st->marked != NULL))) {
        return -1;
    }
    rc = wline_key(&st->filter, is_key, ch);
    if (rc < 0) {
        return -1;
    }
    narrow(st);
    return D_BODY;
}

/* Enter: close the menu first (the choice may open another screen; the
 * callback owns the context from here on), then the choice. */
static unsigned
choose(struct menu_state *st, struct tui *t)
{
    unsigned (*fn)(void *, struct tui *, size_t) = st->m->chosen;
    unsigned (*set)(void *, struct tui *, const unsigned char *, size_t) = st->m->chosen_set;
    void *ctx = st->m->ctx;
    size_t index, n = st->m->n, i, any = 0;
    unsigned char *marked = st->marked;
    unsigned d;

    if (st->nshown == 0) {
        return 0;
    }
    index = st->shown[st->c.cur];
    st->m->ctx = NULL;
    st->marked = NULL;
    tui_pop(t);
    if (set == NULL) {
        return fn(ctx, t, index) | D_ALL;
    }
    for (i = 0; i < n; i++) {
        any |= marked[i];
    }
    if (!any) {
        marked[index] = 1;
    }
    d = set(ctx, t, marked, n);
    free(marked);
    return d | D_ALL;
}

static unsigned
menu_action(struct screen *s, struct tui *t, int action)
{
    struct menu_state *st = s->data;
    size_t page = (size_t)(tui_body_lines(t) > 3 ? tui_body_lines(t) - 2 : 1);

    if (wc_move(&st->c, action, st->nshown, page)) {
        return D_BODY;
    }
    switch (action) {
    case ACT_TAG:
        if (st->marked != NULL && st->nshown > 0) {
            st->marked[st->shown[st->c.cur]] ^= 1;
            wc_move(&st->c, ACT_DOWN, st->nshown, page);
        }
        return D_BODY;
    case ACT_OPEN:
        return choose(st, t);
    case ACT_BACK:
        return TR_POP;
    default:
        return 0;
    }
}

static void
menu_status(struct screen *s, struct tui *t, char *buf, size_t n)
{
    struct menu_state *st = s->data;

    (void)t;
    wc_position(&st->c, st->nshown, buf, n);
}

/* A menu of several choices has the Space key too. */
static const struct keydef *
menu_keytable(const struct screen *s)
{
    const struct menu_state *st = s->data;

    return st != NULL && st->marked != NULL ? menu_keys : menu_keys + 1;
}

const struct screen_ops menu_screen = {
    .name = N_("menu"),
    .keys = menu_keys + 1,
    .keytable = menu_keytable,
    .enter = menu_enter,
    .leave = menu_leave,
    .draw = menu_draw,
    .input = menu_input,
    .action = menu_action,
    .status = menu_status,
    .may_switch = 1,
};

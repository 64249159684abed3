/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * s_view.c - the record screen: one screen for every record defined as a
 * struct view_def (tui/view.h).  It shows the record's title, then its
 * items laid out for the width; the movement keys scroll, or walk over
 * the items that stand for other records when there are some in view;
 * 1-8 and Tab jump to sections (or, for a paged definition, show one
 * section at a time under the lines kept on top and a line of the
 * sections' names); Enter and e act on the item under the cursor through
 * the definition's links (e on none edits the record itself).  Back from
 * a screen it opened, it builds the record again and keeps its place.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/form.h"
#include "tui/screen.h"
#include "tui/view.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/u8.h"
#include "util/xalloc.h"

struct view_arg {
    const struct view_def *def;
    int64_t id;
    void *ctx;                 /* made by the opener, or NULL */
};

struct view_screen {
    const struct view_def *def;
    void *ctx;
    struct view v;
    size_t top;                /* first line shown */
    long sel;                  /* the line under the cursor, -1: none */
    long sec;                  /* paged: the section shown */
    size_t lo, hi;             /* the lines that scroll: all, or the section's */
    size_t nhead;              /* paged: the lines kept on top */
    struct keydef *keys;
};

static const struct keydef main_keys[] = {
    {'\n', 0, ACT_OPEN, "Enter", N_("open"), KD_BAR},
    {'\r', 0, ACT_OPEN, "Enter", N_("open"), 0},
    {KEY_ENTER, 1, ACT_OPEN, "Enter", N_("open"), 0},
    {'e', 0, ACT_EDIT, "e", N_("edit"), KD_BAR | KD_WRITE},
    {'p', 0, ACT_PRINT, "p", N_("print"), KD_BAR},
    {0, 0, ACT_NONE, NULL, NULL, 0},
};

/* The definition's keys come between these. */
static const struct keydef rest_keys[] = {
    {'1', 0, ACT_SEC1, "1-8", N_("go to a section"), KD_BAR},
    {'2', 0, ACT_SEC2, "2", N_("go to a section"), KD_HIDE},
    {'3', 0, ACT_SEC3, "3", N_("go to a section"), KD_HIDE},
    {'4', 0, ACT_SEC4, "4", N_("go to a section"), KD_HIDE},
    {'5', 0, ACT_SEC5, "5", N_("go to a section"), KD_HIDE},
    {'6', 0, ACT_SEC6, "6", N_("go to a section"), KD_HIDE},
    {'7', 0, ACT_SEC7, "7", N_("go to a section"), KD_HIDE},
    {'8', 0, ACT_SEC8, "8", N_("go to a section"), KD_HIDE},
    {'\t', 0, ACT_TAB, "Tab", N_("next section"), 0},
    {KEY_BTAB, 1, ACT_BTAB, "Shift-Tab", N_("previous section"), 0},
    {KEY_RIGHT, 1, ACT_TAB, "Right", N_("next section"), 0},
    {KEY_LEFT, 1, ACT_BTAB, "Left", N_("previous section"), 0},
    {KEY_DOWN, 1, ACT_DOWN, "Down", N_("next item, or scroll down"), 0},
    {'j', 0, ACT_DOWN, "j", N_("next item, or scroll down"), 0},
    {KEY_UP, 1, ACT_UP, "Up", N_("previous item, or scroll up"), 0},
    {'k', 0, ACT_UP, "k", N_("previous item, or scroll up"), 0},
    {KEY_NPAGE, 1, ACT_PGDN, "PgDn", N_("page down"), 0},
    {' ', 0, ACT_PGDN, "Space", N_("page down"), 0},
    {KEY_PPAGE, 1, ACT_PGUP, "PgUp", N_("page up"), 0},
    {KEY_HOME, 1, ACT_HOME, "Home", N_("top"), 0},
    {KEY_END, 1, ACT_END, "End", N_("bottom"), 0},
    {'r', 0, ACT_RELOAD, "r", N_("read the record again"), 0},
    {27, 0, ACT_BACK, "Esc", N_("back"), KD_BAR},
    {'q', 0, ACT_BACK, "q", N_("back"), 0},
    {0, 0, ACT_NONE, NULL, NULL, 0},
};

/* 1 when one of LINKS has a view (WANT_VIEW) or a form. */
static int
links_have(const struct view_link *links, int want_view)
{
    size_t i;

    for (i = 0; links != NULL && links[i].kind != 0; i++) {
        if (want_view ? links[i].view != NULL : links[i].form != NULL) {
            return 1;
        }
    }
    return 0;
}

/* Whether the record screen VS does what ACTION asks: its definition
 * may not open, edit or print; a record without sections has none to go
 * to. */
static int
offered(const struct view_screen *vs, enum action a)
{
    const struct view_def *d = vs->def;

    if ((a >= ACT_SEC1 && a <= ACT_SEC8) || a == ACT_TAB || a == ACT_BTAB) {
        return vs->v.nsections > 0;
    }
    switch (a) {
    case ACT_OPEN:
        return d->open_ref != NULL || d->links != NULL;
    case ACT_EDIT:
        return d->edit != NULL || d->form != NULL || d->edit_ref != NULL ||
               links_have(d->links, 0);
    case ACT_PRINT:
        return d->print != NULL;
    default:
        return 1;
    }
}

/* 1 when none of the definition's own keys OWN is K's key. */
static int
not_taken(const struct keydef *own, const struct keydef *k)
{
    size_t i;

    for (i = 0; own != NULL && own[i].name != NULL; i++) {
        if (own[i].key == k->key && own[i].is_key == k->is_key) {
            return 0;
        }
    }
    return 1;
}

/* Append to OUT the rows of TABLE the screen VS offers and whose key its
 * definition's own keys do not take. */
static size_t
append_free(struct keydef *out, size_t n, const struct keydef *table,
            const struct view_screen *vs)
{
    size_t i;

    for (i = 0; table[i].name != NULL; i++) {
        if (offered(vs, table[i].action) && not_taken(vs->def->keys, &table[i])) {
            out[n] = table[i];
            /* Enter where every link is a form only edits. */
            if (out[n].action == ACT_OPEN && vs->def->open_ref == NULL &&
                !links_have(vs->def->links, 1)) {
                out[n].flags |= KD_WRITE;
            }
            n++;
        }
    }
    return n;
}

static void
build_keys(struct view_screen *vs)
{
    const struct view_def *d = vs->def;
    size_t n;

    vs->keys = xcalloc(keys_count(main_keys) + keys_count(d->keys) + keys_count(rest_keys) + 1,
                       sizeof(*vs->keys));
    n = append_free(vs->keys, 0, main_keys, vs);
    n = keys_append(vs->keys, n, d->keys, NULL, NULL);
    append_free(vs->keys, n, rest_keys, vs);
}

/* --- the place and the cursor ------------------------------------------- */

static int
paged(const struct view_screen *vs)
{
    return vs->def->paged && vs->v.nsections > 0;
}

/* The lines that scroll and those kept on top, for the section shown. */
static void
set_range(struct view_screen *vs)
{
    size_t lo;

    if (!paged(vs)) {
        vs->lo = 0;
        vs->hi = vs->v.nlines;
        vs->nhead = 0;
        return;
    }
    if (vs->sec >= (long)vs->v.nsections) {
        vs->sec = (long)vs->v.nsections - 1;
    }
    view_section_lines(&vs->v, -1, &lo, &vs->nhead);
    view_section_lines(&vs->v, vs->sec, &vs->lo, &vs->hi);
}

/* Rows above the lines that scroll: the title; paged, also the lines
 * kept on top, the sections' names and a blank line. */
static int
head_rows(const struct view_screen *vs)
{
    return paged(vs) ? 1 + (int)vs->nhead + 2 : 1;
}

static long
page(const struct view_screen *vs, const struct tui *t)
{
    long n = tui_body_lines(t) - head_rows(vs);

    return n > 1 ? n : 1;
}

static void
clamp_top(struct view_screen *vs, struct tui *t)
{
    long max = (long)vs->hi - page(vs, t);

    if ((long)vs->top > max) {
        vs->top = max > (long)vs->lo ? (size_t)max : vs->lo;
    }
    if (vs->top < vs->lo) {
        vs->top = vs->lo;
    }
}

/* The next line after FROM (DIR 1) or before it (DIR -1) with a ref among
 * those that scroll, or -1. */
static long
next_ref(const struct view_screen *vs, long from, int dir)
{
    long i;

    if (from < (long)vs->lo - 1) {
        from = (long)vs->lo - 1;
    } else if (from > (long)vs->hi) {
        from = (long)vs->hi;
    }
    for (i = from + dir; i >= (long)vs->lo && i < (long)vs->hi; i += dir) {
        if (vs->v.lines[i].ref.kind != 0) {
            return i;
        }
    }
    return -1;
}

/* Scroll so that the cursor's line shows. */
static void
show_sel(struct view_screen *vs, struct tui *t)
{
    if (vs->sel < 0) {
        return;
    }
    if ((size_t)vs->sel < vs->top) {
        vs->top = (size_t)vs->sel;
    } else if (vs->sel >= (long)vs->top + page(vs, t)) {
        vs->top = (size_t)(vs->sel - page(vs, t) + 1);
    }
}

/* The cursor on the first (DIR 1) or last (DIR -1) item in view, or on
 * none. */
static void
sel_in_view(struct view_screen *vs, struct tui *t, int dir)
{
    long first = (long)vs->top, end = first + page(vs, t);
    long i = next_ref(vs, dir > 0 ? first - 1 : end, dir);

    vs->sel = i >= first && i < end ? i : -1;
}

static unsigned
scroll_to(struct view_screen *vs, struct tui *t, long top, int dir)
{
    vs->top = top > 0 ? (size_t)top : 0;
    clamp_top(vs, t);
    sel_in_view(vs, t, dir);
    return D_BODY | D_STATUS;
}

/* Down (DIR 1) or up: to the next item when it is in view or just past
 * its edge, else a line of scrolling. */
static unsigned
step(struct view_screen *vs, struct tui *t, int dir)
{
    long top = (long)vs->top, end = top + page(vs, t);
    long from = vs->sel >= 0 ? vs->sel : dir > 0 ? top - 1 : end;
    long next = next_ref(vs, from, dir);

    if (next >= 0 && next >= top - 1 && next <= end) {
        vs->sel = next;
        show_sel(vs, t);
        return D_BODY | D_STATUS;
    }
    vs->top = top + dir > 0 ? (size_t)(top + dir) : 0;
    clamp_top(vs, t);
    if (vs->sel >= 0 && (vs->sel < (long)vs->top || vs->sel >= (long)vs->top + page(vs, t))) {
        sel_in_view(vs, t, dir);
    }
    return D_BODY | D_STATUS;
}

/* Paged: show section K, no item under the cursor until one moves. */
static unsigned
show_section(struct view_screen *vs, long k)
{
    long n = (long)vs->v.nsections;

    vs->sec = ((k % n) + n) % n;
    set_range(vs);
    vs->top = vs->lo;
    vs->sel = -1;
    return D_BODY | D_STATUS;
}

static unsigned
go_section(struct view_screen *vs, struct tui *t, long k)
{
    if (k < 0 || (size_t)k >= vs->v.nsections) {
        return 0;
    }
    if (paged(vs)) {
        return show_section(vs, k);
    }
    return scroll_to(vs, t, (long)vs->v.sections[k], 1);
}

/* Tab (DIR 1) / Shift-Tab: the section after / before the first line in
 * view; paged, the next / previous one, round. */
static unsigned
next_section(struct view_screen *vs, struct tui *t, int dir)
{
    long k, found = -1;

    if (paged(vs)) {
        return show_section(vs, vs->sec + dir);
    }
    for (k = 0; k < (long)vs->v.nsections; k++) {
        long line = (long)vs->v.sections[k];

        if ((dir > 0 && line > (long)vs->top && found < 0) ||
            (dir < 0 && line < (long)vs->top)) {
            found = k;
        }
    }
    return found >= 0 ? go_section(vs, t, found) : 0;
}

/* After a new layout: the cursor back on REF when it is still there
 * (else, unless paged, on the first item in view), the place kept. */
static void
replace(struct view_screen *vs, struct tui *t, const struct view_ref *ref)
{
    set_range(vs);
    clamp_top(vs, t);
    vs->sel = view_find_ref(&vs->v, ref);
    if (vs->sel >= 0 && ((size_t)vs->sel < vs->lo || (size_t)vs->sel >= vs->hi)) {
        vs->sel = -1;
    }
    if (vs->sel < 0 && !paged(vs)) {
        sel_in_view(vs, t, 1);
    }
    show_sel(vs, t);
}

/* --- building --------------------------------------------------------------- */

/* Build the record again and lay it out; the cursor stays on its item
 * and the place is kept.  0, or -1 with E (the old lines stay). */
static int
rebuild(struct view_screen *vs, struct tui *t, struct err *e)
{
    struct view fresh;
    struct view_ref ref = {0, 0};

    view_init(&fresh);
    fresh.id = vs->v.id;
    if (vs->def->build(t, vs->ctx, &fresh, e)) {
        view_release(&fresh);
        return -1;
    }
    if (vs->sel >= 0 && (size_t)vs->sel < vs->v.nlines) {
        ref = vs->v.lines[vs->sel].ref;
    }
    view_release(&vs->v);
    vs->v = fresh;
    view_layout(&vs->v, t->cols - 2);
    replace(vs, t, &ref);
    return 0;
}

static unsigned
reload(struct view_screen *vs, struct tui *t)
{
    struct err e;

    err_clear(&e);
    if (rebuild(vs, t, &e)) {
        tui_message(t, 1, "%s", e.msg);
    }
    return D_BODY | D_STATUS;
}

/* What a definition's callback returned: build again when it asks. */
static unsigned
after(struct view_screen *vs, struct tui *t, unsigned d)
{
    if (d & TR_RELOAD) {
        d |= reload(vs, t);
    }
    return d & ~(unsigned)TR_RELOAD;
}

/* --- drawing ----------------------------------------------------------------- */

static attr_t
style_attr(enum view_style st)
{
    switch (st) {
    case VS_HEADING:
        return theme_attr(TH_HEADER) | A_UNDERLINE;
    case VS_HEADER:
        return theme_attr(TH_HEADER);
    case VS_WARN:
        return theme_attr(TH_WARN);
    case VS_DIM:
        return theme_attr(TH_DIM);
    default:
        return A_NORMAL;
    }
}

static void
draw_line(struct tui *t, WINDOW *w, int y, const struct view_line *l, int selected)
{
    attr_t base = selected && t->cursor == CURSOR_BAR ? theme_attr(TH_CURSOR) : A_NORMAL;
    int k;

    if (selected) {
        draw_text(w, y, 0, t->cols, t->cursor == CURSOR_MARKER ? ">" : "", base, AL_LEFT);
    }
    for (k = 0; k < l->nspans; k++) {
        const struct view_span *s = &l->span[k];
        int width = s->x + s->w <= t->cols - 2 ? s->w : t->cols - 2 - s->x;

        draw_cell(w, y, 1 + s->x, width, s->text, base | style_attr(s->style), AL_LEFT);
    }
}

/* The sections' names on row Y, the one shown marked. */
static void
draw_sections(struct view_screen *vs, struct tui *t, WINDOW *w, int y)
{
    size_t k;
    int x = 1, width;

    for (k = 0; k < vs->v.nsections; k++) {
        const struct view_line *l = &vs->v.lines[vs->v.sections[k]];
        const char *name = l->nspans > 0 ? l->span[0].text : "";

        width = (int)u8_width(name);
        if (x + width >= t->cols) {
            break;
        }
        draw_text(w, y, x, width, name,
                  (long)k == vs->sec ? theme_attr(TH_CURSOR) : theme_attr(TH_HEADER), AL_LEFT);
        x += width + 2;
    }
}

static void
view_draw(struct screen *s, struct tui *t, WINDOW *w)
{
    struct view_screen *vs = s->data;
    long i, rows = page(vs, t);
    int y = 1;

    draw_text(w, 0, 1, t->cols - 2, vs->v.title != NULL ? vs->v.title : _(vs->def->title),
              A_BOLD, AL_LEFT);
    if (paged(vs)) {
        for (i = 0; i < (long)vs->nhead; i++) {
            draw_line(t, w, y++, &vs->v.lines[i], 0);
        }
        draw_sections(vs, t, w, y);
        y += 2;
    }
    for (i = 0; i < rows && vs->top + (size_t)i < vs->hi; i++) {
        long k = (long)vs->top + i;

        draw_line(t, w, y + (int)i, &vs->v.lines[k], k == vs->sel);
    }
}

static void
view_status(struct screen *s, struct tui *t, char *buf, size_t n)
{
    struct view_screen *vs = s->data;
    size_t last = vs->top + (size_t)page(vs, t), all = vs->hi - vs->lo;

    snprintf(buf, n, "%zu-%zu/%zu", all ? vs->top - vs->lo + 1 : 0,
             (last < vs->hi ? last : vs->hi) - vs->lo, all);
}

static void
view_info(struct screen *s, struct tui *t, char *buf, size_t n)
{
    struct view_screen *vs = s->data;

    (void)t;
    snprintf(buf, n, "%s", _(vs->def->title));
}

/* --- actions --------------------------------------------------------------- */

static const struct view_ref *
selected(const struct view_screen *vs)
{
    return vs->sel >= 0 && (size_t)vs->sel < vs->v.nlines ? &vs->v.lines[vs->sel].ref : NULL;
}

/* Where the cursor is, for the definition. */
static struct view_at
where(const struct view_screen *vs)
{
    struct view_at at;

    at.id = vs->v.id;
    at.ref = selected(vs);
    at.section = paged(vs) ? (int)vs->sec
                           : (int)view_section_of(&vs->v, vs->sel >= 0 ? vs->sel : (long)vs->top);
    return at;
}

/* LINK's form on REF (the account may write). */
static unsigned
follow_form(struct view_screen *vs, struct tui *t, const struct view_link *link,
            const struct view_ref *ref)
{
    int64_t hh = (link->flags & VL_HH) ? vs->v.id : 0;

    if (!tui_writable(t)) {
        return D_STATUS;
    }
    if (link->flags & VL_ARG) {
        form_open(t, link->form, hh, 0, ref->id);
    } else {
        form_open(t, link->form, hh, ref->id, 0);
    }
    return after(vs, t, D_ALL);
}

/* Enter: the link's record view, else what e does on it. */
static unsigned
open_ref(struct view_screen *vs, struct tui *t, const struct view_ref *ref)
{
    const struct view_link *link = view_link_find(vs->def->links, ref->kind);

    if (link != NULL && link->view != NULL) {
        view_open(t, link->view, ref->id);
        return after(vs, t, D_ALL);
    }
    if (link != NULL && link->form != NULL) {
        return follow_form(vs, t, link, ref);
    }
    return vs->def->open_ref != NULL ? after(vs, t, vs->def->open_ref(t, vs->ctx, ref)) : 0;
}

/* e: the item under the cursor, else the record itself. */
static unsigned
edit(struct view_screen *vs, struct tui *t)
{
    const struct view_ref *ref = selected(vs);
    const struct view_link *link = ref != NULL ? view_link_find(vs->def->links, ref->kind) : NULL;
    struct view_at at = where(vs);

    if (!tui_writable(t)) {
        return D_STATUS;
    }
    if (link != NULL && link->form != NULL) {
        return follow_form(vs, t, link, ref);
    }
    if (link == NULL && ref != NULL && vs->def->edit_ref != NULL) {
        return after(vs, t, vs->def->edit_ref(t, vs->ctx, ref));
    }
    if (vs->def->edit != NULL) {
        return after(vs, t, vs->def->edit(t, vs->ctx, &at));
    }
    if (vs->def->form != NULL) {
        form_open(t, vs->def->form, 0, vs->v.id, 0);
        return after(vs, t, D_ALL);
    }
    tui_message(t, 0, "%s", _("Move to a line to edit first."));
    return D_STATUS;
}

static unsigned
view_action(struct screen *s, struct tui *t, int action)
{
    struct view_screen *vs = s->data;
    const struct view_ref *ref = selected(vs);
    struct view_at at = where(vs);

    if (action >= ACT_SEC1 && action <= ACT_SEC8) {
        return go_section(vs, t, action - ACT_SEC1);
    }
    switch (action) {
    case ACT_DOWN:
        return step(vs, t, 1);
    case ACT_UP:
        return step(vs, t, -1);
    case ACT_PGDN:
        return scroll_to(vs, t, (long)vs->top + page(vs, t), 1);
    case ACT_PGUP:
        return scroll_to(vs, t, (long)vs->top - page(vs, t), 1);
    case ACT_HOME:
        return scroll_to(vs, t, 0, 1);
    case ACT_END:
        return scroll_to(vs, t, (long)vs->v.nlines, -1);
    case ACT_TAB:
        return next_section(vs, t, 1);
    case ACT_BTAB:
        return next_section(vs, t, -1);
    case ACT_OPEN:
        return ref != NULL ? open_ref(vs, t, ref) : 0;
    case ACT_EDIT:
        return edit(vs, t);
    case ACT_PRINT:
        return after(vs, t, vs->def->print(t, vs->ctx, vs->v.id));
    case ACT_RELOAD:
        return reload(vs, t);
    case ACT_BACK:
        return TR_POP;
    default:
        return vs->def->action != NULL ? after(vs, t, vs->def->action(t, vs->ctx, action, &at))
                                       : 0;
    }
}

/* --- life cycle --------------------------------------------------------------- */

static void
free_screen(struct view_screen *vs)
{
    if (vs->ctx != NULL && vs->def->ctx_free != NULL) {
        vs->def->ctx_free(vs->ctx);
    }
    view_release(&vs->v);
    free(vs->keys);
    free(vs);
}

static int
view_enter(struct screen *s, struct tui *t)
{
    struct view_arg *arg = s->arg;
    struct view_screen *vs = xcalloc(1, sizeof(*vs));
    struct err e;

    err_clear(&e);
    vs->def = arg->def;
    vs->sel = -1;
    vs->sec = 0;
    view_init(&vs->v);
    vs->v.id = arg->id;
    if (arg->ctx != NULL) {
        vs->ctx = arg->ctx;
        arg->ctx = NULL;
    } else if (vs->def->ctx_new != NULL) {
        vs->ctx = vs->def->ctx_new(t, arg->id);
    }
    if (rebuild(vs, t, &e)) {
        tui_message(t, 1, "%s", e.msg);
        free_screen(vs);
        return -1;
    }
    build_keys(vs);
    s->data = vs;
    return 0;
}

static void
view_leave(struct screen *s, struct tui *t)
{
    (void)t;
    free_screen(s->data);
}

static void
view_resize(struct screen *s, struct tui *t)
{
    struct view_screen *vs = s->data;
    struct view_ref ref = {0, 0};

    if (selected(vs) != NULL) {
        ref = *selected(vs);
    }
    view_layout(&vs->v, t->cols - 2);
    replace(vs, t, &ref);
}

/* Back from a form or another record: build the record again. */
static void
view_resume(struct screen *s, struct tui *t)
{
    reload(s->data, t);
    t->dirty |= D_ALL;
}

static const struct keydef *
view_keytable(const struct screen *s)
{
    return ((const struct view_screen *)s->data)->keys;
}

static const char *
screen_view_title(const struct screen *s)
{
    return ((const struct view_screen *)s->data)->def->title;
}

static const char *
screen_view_help(const struct screen *s)
{
    return ((const struct view_screen *)s->data)->def->help;
}

static const struct screen_ops view_screen = {
    .name = NC_("screen", "record"),
    .keys = rest_keys,
    .help = N_("Up and Down walk over the lines that stand for another record (the cursor shows which) and scroll where there is none; Enter opens the one under the cursor, e edits it, and e with no line under the cursor edits the record itself.\n"
               "The digits jump to the numbered sections; Tab and Shift-Tab (or Right and Left) to the next and previous one."),
    .enter = view_enter,
    .leave = view_leave,
    .resize = view_resize,
    .draw = view_draw,
    .action = view_action,
    .status = view_status,
    .info = view_info,
    .resume = view_resume,
    .keytable = view_keytable,
    .title = screen_view_title,
    .more_help = screen_view_help,
    .may_switch = 1,
};

int
view_open(struct tui *t, const struct view_def *def, int64_t id)
{
    return view_open_with(t, def, id, NULL);
}

int
view_open_with(struct tui *t, const struct view_def *def, int64_t id, void *ctx)
{
    struct view_arg *arg = xcalloc(1, sizeof(*arg));

    arg->def = def;
    arg->id = id;
    arg->ctx = ctx;
    return tui_push(t, screen_new(&view_screen, arg));
}

/* --- a text: the last message ------------------------------------------------- */

struct text_ctx {
    char *title, *text;
};

static int
text_build(struct tui *t, void *ctx, struct view *v, struct err *e)
{
    const struct text_ctx *c = ctx;

    (void)t;
    (void)e;
    view_title(v, c->title);
    view_text(v, c->text);
    return 0;
}

static void
text_free(void *ctx)
{
    struct text_ctx *c = ctx;

    free(c->title);
    free(c->text);
    free(c);
}

static const struct view_def text_view = {
    .id = "text",
    .title = N_("message"),
    .ctx_free = text_free,
    .build = text_build,
};

int
view_open_text(struct tui *t, const char *title, const char *text)
{
    struct text_ctx *c = xcalloc(1, sizeof(*c));

    c->title = xstrdup(title);
    c->text = xstrdup(text);
    return view_open_with(t, &text_view, 0, c);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * s_conflict.c - someone else saved the record while this user was
 * editing it.  Nothing is overwritten silently: every field that differs
 * between what was loaded (original), what this user typed (mine) and
 * what is stored now (theirs) is listed, and the user chooses field by
 * field.  A field only one side changed starts with that side's value;
 * a field both changed starts with "mine" and is marked.  Ctrl-S takes the
 * choices into the form (the stored record becomes its new base) and
 * saves; Esc goes back to the form as it was.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/form.h"
#include "tui/screen.h"
#include "tui/tui.h"
#include "tui/w_list.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

enum pick { P_MINE = 0, P_THEIRS, P_ORIG };

struct crow {
    size_t item;            /* index in the form */
    char *orig, *mine, *theirs;
    enum pick pick;
    int both;               /* both sides changed it */
};

struct conflict {
    struct form *fm;
    char why[512];
    char **theirs;          /* per form item */
    int64_t version;
    struct crow *rows;
    size_t n;
    struct w_cursor c;      /* over the rows */
};

/* Lines above the rows: why, what to do, a blank, the column titles. */
#define CONFLICT_HEAD 4

static const struct keydef conflict_keys[] = {
    {'m', 0, ACT_MINE, "m", N_("keep mine"), KD_BAR},
    {'t', 0, ACT_THEIRS, "t", N_("take theirs"), KD_BAR},
    {'o', 0, ACT_ORIG, "o", N_("back to the original"), 0},
    {KEY_UP, 1, ACT_UP, "Up", N_("previous field"), 0},
    {KEY_DOWN, 1, ACT_DOWN, "Down", N_("next field"), 0},
    {'k', 0, ACT_UP, "k", N_("previous field"), 0},
    {'j', 0, ACT_DOWN, "j", N_("next field"), 0},
    {KEY_NPAGE, 1, ACT_PGDN, "PgDn", N_("next page"), 0},
    {KEY_PPAGE, 1, ACT_PGUP, "PgUp", N_("previous page"), 0},
    {KEY_HOME, 1, ACT_HOME, "Home", N_("first"), 0},
    {KEY_END, 1, ACT_END, "End", N_("last"), 0},
    {CTRL('s'), 0, ACT_SAVE, "Ctrl-S", N_("save with these choices"), KD_BAR},
    {KEY_F(10), 1, ACT_SAVE, "F10", N_("save with these choices"), 0},
    {27, 0, ACT_BACK, "Esc", N_("back to the form"), KD_BAR},
    {0, 0, ACT_NONE, NULL, NULL, 0},
};

static void
conflict_free(struct conflict *c)
{
    size_t i;

    for (i = 0; i < c->n; i++) {
        free(c->rows[i].orig);
        free(c->rows[i].mine);
        free(c->rows[i].theirs);
    }
    for (i = 0; c->theirs != NULL && i < c->fm->w.n; i++) {
        free(c->theirs[i]);
    }
    free(c->theirs);
    free(c->rows);
    free(c);
}

/* The rows: fields where mine, theirs and the original are not all the
 * same. */
static void
build_rows(struct conflict *c)
{
    struct form *fm = c->fm;
    struct sbuf mine = SBUF_INIT;
    size_t i, alloc = 0;

    for (i = 0; i < fm->w.n; i++) {
        const struct form_item *it = &fm->w.items[i];
        const char *theirs = c->theirs[i];
        struct crow *r;
        int mine_changed, theirs_changed;

        if (it->spec == NULL || theirs == NULL) {
            continue;
        }
        wform_text(&fm->w, i, &mine);
        mine_changed = strcmp(mine.buf, it->loaded) != 0;
        theirs_changed = strcmp(theirs, it->loaded) != 0;
        if (!theirs_changed && !mine_changed) {
            continue;
        }
        if (theirs_changed && mine_changed && strcmp(theirs, mine.buf) == 0) {
            continue;       /* both made the same change */
        }
        c->rows = xgrow(c->rows, &alloc, c->n + 1, sizeof(*c->rows));
        r = &c->rows[c->n++];
        r->item = i;
        r->orig = xstrdup(it->loaded);
        r->mine = xstrdup(mine.buf);
        r->theirs = xstrdup(theirs);
        r->both = mine_changed && theirs_changed;
        r->pick = theirs_changed && !mine_changed ? P_THEIRS : P_MINE;
    }
    sbuf_release(&mine);
}

static int
conflict_enter(struct screen *s, struct tui *t)
{
    (void)t;
    s->data = s->arg;
    s->arg = NULL;
    return 0;
}

static void
conflict_leave(struct screen *s, struct tui *t)
{
    (void)t;
    if (s->data != NULL) {
        conflict_free(s->data);
    }
}

static const char *
chosen(const struct crow *r)
{
    return r->pick == P_MINE ? r->mine : r->pick == P_THEIRS ? r->theirs : r->orig;
}

/* The rows shown at once. */
static size_t
page(struct tui *t)
{
    int rows = tui_body_lines(t) - CONFLICT_HEAD;

    return rows > 1 ? (size_t)rows : 1;
}

static void
conflict_draw(struct screen *s, struct tui *t, WINDOW *w)
{
    struct conflict *c = s->data;
    int lines = tui_body_lines(t), lw = 12, cw = (t->cols - lw - 6) / 3, y, i;
    attr_t hd = theme_attr(TH_HEADER);

    draw_text(w, 0, 1, t->cols - 2, c->why, theme_attr(TH_WARN), AL_LEFT);
    draw_text(w, 1, 1, t->cols - 2,
              _("Choose for each field: m keeps yours, t takes theirs, o the original; then Ctrl-S saves."),
              A_NORMAL, AL_LEFT);
    y = CONFLICT_HEAD - 1;
    draw_text(w, y, 2, lw, _("field"), hd, AL_LEFT);
    draw_text(w, y, 3 + lw, cw, _("original"), hd, AL_LEFT);
    draw_text(w, y, 4 + lw + cw, cw, _("mine"), hd, AL_LEFT);
    draw_text(w, y, 5 + lw + 2 * cw, cw, _("theirs"), hd, AL_LEFT);
    y++;
    wc_show(&c->c, c->n, page(t));
    for (i = 0; y < lines && c->c.top + (size_t)i < c->n; i++, y++) {
        const struct crow *r = &c->rows[c->c.top + (size_t)i];
        const struct form_item *it = &c->fm->w.items[r->item];
        int sel = c->c.top + (size_t)i == c->c.cur;
        attr_t on = theme_attr(TH_CURSOR);

        draw_text(w, y, 0, 1, sel ? ">" : " ", A_NORMAL, AL_LEFT);
        draw_text(w, y, 1, 1, r->both ? "!" : " ", theme_attr(TH_WARN), AL_LEFT);
        draw_text(w, y, 2, lw, _(it->spec->label), A_NORMAL, AL_LEFT);
        draw_cell(w, y, 3 + lw, cw, r->orig, r->pick == P_ORIG ? on : A_NORMAL, AL_LEFT);
        draw_cell(w, y, 4 + lw + cw, cw, r->mine, r->pick == P_MINE ? on : A_NORMAL, AL_LEFT);
        draw_cell(w, y, 5 + lw + 2 * cw, cw, r->theirs, r->pick == P_THEIRS ? on : A_NORMAL,
                  AL_LEFT);
    }
    if (c->n == 0) {
        draw_text(w, y, 2, t->cols - 4,
                  _("The other save changed nothing you see here: Ctrl-S saves your changes on top of it."),
                  A_NORMAL, AL_LEFT);
    }
}

/* Take the choices into the form: the stored record is the new base. */
static void
apply(struct conflict *c)
{
    struct form *fm = c->fm;
    size_t i;

    for (i = 0; i < fm->w.n; i++) {
        if (fm->w.items[i].spec != NULL && c->theirs[i] != NULL) {
            struct sbuf mine = SBUF_INIT;

            wform_text(&fm->w, i, &mine);
            wform_set_loaded(&fm->w, i, c->theirs[i]);
            /* Fields not listed were changed by nobody or by me only. */
            wform_set(&fm->w, i, mine.buf);
            sbuf_release(&mine);
        }
    }
    for (i = 0; i < c->n; i++) {
        wform_set(&fm->w, c->rows[i].item, chosen(&c->rows[i]));
    }
    fm->version = c->version;
    if (fm->kind->changed != NULL) {
        fm->kind->changed(fm);
    }
}

static unsigned
conflict_action(struct screen *s, struct tui *t, int action)
{
    struct conflict *c = s->data;
    struct form *fm = c->fm;
    unsigned d;

    if (wc_move(&c->c, action, c->n, page(t))) {
        return D_BODY;
    }
    switch (action) {
    case ACT_MINE:
    case ACT_THEIRS:
    case ACT_ORIG:
        if (c->n > 0) {
            c->rows[c->c.cur].pick = action == ACT_MINE ? P_MINE
                                     : action == ACT_THEIRS ? P_THEIRS : P_ORIG;
            wc_move(&c->c, ACT_DOWN, c->n, page(t));
        }
        return D_BODY;
    case ACT_SAVE:
        apply(c);
        /* Close this screen, then save the form below it (which may open
         * a new conflict screen if yet another save came in between). */
        tui_pop(t);
        d = form_save(fm, t);
        if (d & TR_POP) {
            tui_pop(t);
            d &= ~(unsigned)TR_POP;
        }
        return d | D_ALL;
    case ACT_BACK:
        return TR_POP;
    default:
        return 0;
    }
}

static void
conflict_status(struct screen *s, struct tui *t, char *buf, size_t n)
{
    struct conflict *c = s->data;

    (void)t;
    wc_position(&c->c, c->n, buf, n);
}

static const struct screen_ops conflict_screen = {
    .name = N_("conflicting changes"),
    .keys = conflict_keys,
    .help = N_("Someone else saved this record after you opened it.  Each line is a field that differs: the original value (when you opened the form), yours, and theirs.  A field only one side changed starts with that side's value; a field both changed (marked !) starts with yours.\n"
               "m keeps your value, t takes theirs, o goes back to the original.  Ctrl-S saves with these choices; Esc returns to the form without saving."),
    .enter = conflict_enter,
    .leave = conflict_leave,
    .draw = conflict_draw,
    .action = conflict_action,
    .status = conflict_status,
};

unsigned
conflict_open(struct form *fm, struct tui *t, const char *why)
{
    struct conflict *c = xcalloc(1, sizeof(*c));
    struct err e;

    c->fm = fm;
    snprintf(c->why, sizeof(c->why), "%s", why);
    c->theirs = xcalloc(fm->w.n + 1, sizeof(char *));
    err_clear(&e);
    if (form_theirs(fm, c->theirs, &c->version, &e) != 0) {
        conflict_free(c);
        tui_message(t, 1, "%s", e.msg);
        return D_STATUS;
    }
    build_rows(c);
    tui_push(t, screen_new(&conflict_screen, c));
    return D_ALL;
}

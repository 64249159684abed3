/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * w_form.c - the form widget: items, checks and drawing.
 *
 * Layout of a field line (one line; long text takes LONG_ROWS):
 *
 *    *户主姓名      [张三            ] !
 *    ^ required     ^ box, reverse video when focused; ! after a bad one
 */
#include "config.h"
#include "tui/w_form.h"

#include <stdlib.h>
#include <string.h>

#include "core/field.h"
#include "tui/draw.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/u8.h"
#include "util/xalloc.h"

#define LONG_ROWS 3
#define LABEL_MAX 16

void
wform_init(struct w_form *f, const struct field_ctx *ctx)
{
    memset(f, 0, sizeof(*f));
    f->ctx = *ctx;
}

/* The types whose text is one value: typing into such a field just
 * entered replaces what it holds. */
static const int one_value[FT_COUNT] = {
    [FT_IDNO] = 1, [FT_PHONE] = 1, [FT_DATE] = 1, [FT_MONTH] = 1,
    [FT_MONEY] = 1, [FT_INT] = 1, [FT_CODE] = 1, [FT_YESNO] = 1,
    [FT_DECIMAL] = 1,
};

/* The kept value no longer holds: the text changed. */
static void
forget(struct form_item *it)
{
    it->parsed = 0;
    field_value_clear(&it->value);
}

static void
item_release(struct form_item *it)
{
    if (it->spec != NULL) {
        wline_release(&it->line);
    }
    free(it->heading);
    free(it->loaded);
    free(it->entered);
    field_value_clear(&it->value);
}

void
wform_release(struct w_form *f)
{
    size_t i;

    for (i = 0; i < f->n; i++) {
        item_release(&f->items[i]);
    }
    free(f->items);
    memset(f, 0, sizeof(*f));
}

static struct form_item *
append(struct w_form *f, const char *group)
{
    struct form_item *it;

    f->items = xgrow(f->items, &f->alloc, f->n + 1, sizeof(*f->items));
    it = &f->items[f->n++];
    memset(it, 0, sizeof(*it));
    snprintf(it->group, sizeof(it->group), "%s", group != NULL ? group : "");
    return it;
}

static void
measure_labels(struct w_form *f)
{
    size_t i, w;

    f->label_w = 4;
    for (i = 0; i < f->n; i++) {
        if (f->items[i].spec != NULL) {
            w = u8_width(_(f->items[i].spec->label));
            if ((int)w > f->label_w) {
                f->label_w = w > LABEL_MAX ? LABEL_MAX : (int)w;
            }
        }
    }
}

size_t
wform_add(struct w_form *f, const struct field_spec *spec, const char *group,
          const char *text)
{
    struct form_item *it = append(f, group);

    it->spec = spec;
    /* Typing stops at the field's length (a paste past it is refused
     * and said so: s_form.c); a stored value is shown whole. */
    wline_init(&it->line, (size_t)field_max_chars(spec));
    wline_set(&it->line, text != NULL ? text : "");
    it->loaded = xstrdup(text != NULL ? text : "");
    measure_labels(f);
    return f->n - 1;
}

size_t
wform_heading(struct w_form *f, const char *text, const char *group)
{
    struct form_item *it = append(f, group);

    it->heading = xstrdup(text);
    return f->n - 1;
}

void
wform_remove_group(struct w_form *f, const char *group)
{
    size_t i, j = 0, focus = f->focus;

    for (i = 0; i < f->n; i++) {
        if (strcmp(f->items[i].group, group) == 0) {
            item_release(&f->items[i]);
            if (i < f->focus) {
                focus--;
            }
            continue;
        }
        f->items[j++] = f->items[i];
    }
    f->n = j;
    f->focus = focus < f->n ? focus : (f->n ? f->n - 1 : 0);
    if (f->n > 0 &&
        (wform_focusable(f, f->focus) || wform_focus_from(f, f->focus, -1) != 0)) {
        wform_focus_from(f, f->focus, 1);
    }
    measure_labels(f);
}

int
wform_find(const struct w_form *f, const char *group, const char *name)
{
    size_t i;

    for (i = 0; i < f->n; i++) {
        const struct form_item *it = &f->items[i];

        if (it->spec != NULL && strcmp(it->spec->name, name) == 0 &&
            strcmp(it->group, group != NULL ? group : "") == 0) {
            return (int)i;
        }
    }
    return -1;
}

void
wform_text(const struct w_form *f, size_t i, struct sbuf *out)
{
    sbuf_reset(out);
    if (i < f->n && f->items[i].spec != NULL) {
        wline_get(&f->items[i].line, out);
    }
}

void
wform_set(struct w_form *f, size_t i, const char *text)
{
    if (i < f->n && f->items[i].spec != NULL) {
        wline_set(&f->items[i].line, text != NULL ? text : "");
        f->items[i].line.cur = f->items[i].line.len;
        f->items[i].bad = 0;
        forget(&f->items[i]);
    }
}

void
wform_set_spec(struct w_form *f, size_t i, const struct field_spec *spec)
{
    if (i < f->n && f->items[i].spec != NULL && spec != NULL) {
        f->items[i].spec = spec;
        f->items[i].bad = 0;
        forget(&f->items[i]);
    }
}

void
wform_set_loaded(struct w_form *f, size_t i, const char *text)
{
    if (i < f->n && f->items[i].spec != NULL) {
        free(f->items[i].loaded);
        f->items[i].loaded = xstrdup(text != NULL ? text : "");
    }
}

int
wform_item_changed(const struct w_form *f, size_t i)
{
    struct sbuf sb = SBUF_INIT;
    int changed;

    if (i >= f->n || f->items[i].spec == NULL) {
        return 0;
    }
    wform_text(f, i, &sb);
    changed = strcmp(sb.buf, f->items[i].loaded) != 0;
    sbuf_release(&sb);
    return changed;
}

int
wform_changed(const struct w_form *f)
{
    size_t i;

    for (i = 0; i < f->n; i++) {
        if (wform_item_changed(f, i)) {
            return 1;
        }
    }
    return 0;
}

int
wform_focusable(const struct w_form *f, size_t i)
{
    return i < f->n && f->items[i].spec != NULL &&
           !(f->items[i].spec->flags & FF_READONLY);
}

int
wform_focus_from(struct w_form *f, size_t from, int dir)
{
    size_t i = from;

    while (i < f->n) {
        if (wform_focusable(f, i)) {
            wform_focus(f, i);
            return 0;
        }
        if (dir < 0 && i == 0) {
            break;
        }
        i = dir < 0 ? i - 1 : i + 1;
    }
    return -1;
}

void
wform_focus(struct w_form *f, size_t i)
{
    struct sbuf sb = SBUF_INIT;

    if (i >= f->n || f->items[i].spec == NULL) {
        return;
    }
    f->focus = i;
    f->fresh = 1;
    wline_get(&f->items[i].line, &sb);
    free(f->items[i].entered);
    f->items[i].entered = sbuf_detach(&sb);
}

const char *
wform_entered(const struct w_form *f, size_t i)
{
    if (i >= f->n || f->items[i].spec == NULL) {
        return "";
    }
    return f->items[i].entered != NULL ? f->items[i].entered : f->items[i].loaded;
}

/* The line editor turns bytes that are not UTF-8 into U+FFFD: a field
 * holding one has something the user did not mean to type. */
static int
has_replacement(const struct w_line *l)
{
    size_t i;

    for (i = 0; i < l->len; i++) {
        if ((uint32_t)l->buf[i] == U8_REPLACEMENT) {
            return 1;
        }
    }
    return 0;
}

/* V: a copy of the value kept in IT. */
static void
copy_value(const struct form_item *it, struct field_value *v)
{
    field_value_clear(v);
    v->empty = it->value.empty;
    v->n = it->value.n;
    v->s = it->value.s != NULL ? xstrdup(it->value.s) : NULL;
}

/* Parse item I (unless its value is kept) into V; with MARK, remember
 * whether it failed. */
static int
check(struct w_form *f, size_t i, struct field_value *v, struct err *e, int mark)
{
    struct form_item *it;
    struct sbuf sb = SBUF_INIT;
    int rc = 0;

    if (i >= f->n || f->items[i].spec == NULL) {
        return 0;
    }
    it = &f->items[i];
    if (!it->parsed && has_replacement(&it->line)) {
        rc = err_set(e, ERR_INVALID,
                     _("%s: it holds characters that could not be read (shown as ?); delete them and type again"),
                     _(it->spec->label));
    } else if (!it->parsed) {
        wline_get(&it->line, &sb);
        rc = field_parse(it->spec, &f->ctx, sb.buf, &it->value, e);
        it->parsed = rc == 0;
        sbuf_release(&sb);
    }
    if (mark) {
        it->bad = rc != 0;
    }
    if (rc == 0 && v != NULL) {
        copy_value(it, v);
    }
    return rc;
}

int
wform_check(struct w_form *f, size_t i, struct field_value *v, struct err *e)
{
    return check(f, i, v, e, 1);
}

int
wform_check_all(struct w_form *f, size_t *bad, struct err *e)
{
    struct err mine;
    size_t i;
    int rc = 0;

    for (i = 0; i < f->n; i++) {
        if (f->items[i].spec == NULL || (f->items[i].spec->flags & FF_READONLY)) {
            continue;
        }
        err_clear(&mine);
        if (wform_check(f, i, NULL, &mine) != 0 && rc == 0) {
            rc = -1;
            *bad = i;
            if (e != NULL) {
                *e = mine;
            }
        }
    }
    return rc;
}

int
wform_value(struct w_form *f, const char *group, const char *name,
            struct field_value *v)
{
    int i = wform_find(f, group, name);

    memset(v, 0, sizeof(*v));
    v->empty = 1;
    if (i < 0) {
        return -1;
    }
    return check(f, (size_t)i, v, NULL, 0);
}

int
wform_key(struct w_form *f, int is_key, wint_t ch)
{
    struct form_item *it;
    int rc;

    if (!wform_focusable(f, f->focus)) {
        return -1;
    }
    it = &f->items[f->focus];
    if (f->fresh && wline_is_char(is_key, ch) && (unsigned)it->spec->type < FT_COUNT &&
        one_value[it->spec->type]) {
        wline_set(&it->line, "");
    }
    rc = wline_key(&it->line, is_key, ch);
    if (rc >= 0) {
        f->fresh = 0;
    }
    if (rc == 1) {
        forget(it);
    }
    return rc;
}

/* --- drawing ---------------------------------------------------------------- */

static int
item_rows(const struct form_item *it)
{
    return it->spec != NULL && it->spec->type == FT_LONGTEXT ? LONG_ROWS : 1;
}

int
wform_lines(const struct w_form *f)
{
    size_t i;
    int n = 0;

    for (i = 0; i < f->n; i++) {
        n += item_rows(&f->items[i]);
    }
    return n;
}

/* The width of the box's inside by type (0: as wide as there is room;
 * text: by its length). */
static const int box_widths[FT_COUNT] = {
    [FT_NAME] = 14,
    [FT_IDNO] = 19,
    [FT_PHONE] = 14,
    [FT_DATE] = 11,
    [FT_MONTH] = 8,
    [FT_MONEY] = 16,
    [FT_DECIMAL] = 10,
    [FT_INT] = 8,
    [FT_CODE] = 24,
    [FT_YESNO] = 5,
};

/* The width of the box's inside for SPEC, at most AVAIL. */
static int
box_width(const struct field_spec *spec, int avail)
{
    int w = box_widths[spec->type];

    if (spec->type == FT_TEXT) {
        w = field_max_chars(spec) <= 20 ? field_max_chars(spec) * 2 + 1 : 48;
    }
    if (w == 0) {
        w = avail;
    }
    return w < avail ? w : avail;
}

static void
draw_item(struct w_form *f, size_t i, WINDOW *w, int y, int cols, int *cy, int *cx)
{
    struct form_item *it = &f->items[i];
    const struct field_spec *sp = it->spec;
    int focused = i == f->focus, x = 2 + f->label_w + 1, bw;
    attr_t attr;

    if (sp == NULL) {
        draw_text(w, y, 1, cols - 2, it->heading, theme_attr(TH_HEADER), AL_LEFT);
        return;
    }
    if (sp->flags & FF_REQUIRED) {
        mvwaddch(w, y, 1, '*');
    }
    draw_text(w, y, 2, f->label_w, _(sp->label), A_NORMAL, AL_LEFT);
    bw = box_width(sp, cols - x - 4);
    if (bw < 2) {
        return;
    }
    if (sp->flags & FF_READONLY) {
        struct sbuf sb = SBUF_INIT;

        wline_get(&it->line, &sb);
        draw_text(w, y, x + 1, bw, sb.buf, theme_attr(TH_DIM), AL_LEFT);
        sbuf_release(&sb);
        return;
    }
    attr = focused ? theme_attr(TH_CURSOR) : it->bad ? theme_attr(TH_ERROR) : A_NORMAL;
    if (sp->type == FT_LONGTEXT) {
        int r, ly, lx;

        for (r = 0; r < LONG_ROWS; r++) {
            mvwaddch(w, y + r, x, '[');
            mvwaddch(w, y + r, x + 1 + bw, ']');
        }
        wline_draw_wrapped(&it->line, w, y, x + 1, bw, LONG_ROWS, attr, &ly, &lx);
        if (focused) {
            *cy = ly;
            *cx = lx;
        }
    } else {
        int col;

        mvwaddch(w, y, x, '[');
        col = wline_draw(&it->line, w, y, x + 1, bw, attr);
        mvwaddch(w, y, x + 1 + bw, ']');
        if (focused) {
            *cy = y;
            *cx = col;
        }
    }
    if (it->bad) {
        wattr_set(w, theme_attr(TH_ERROR), 0, NULL);
        mvwaddch(w, y, x + bw + 3, '!');
        wattr_set(w, A_NORMAL, 0, NULL);
    }
}

void
wform_draw(struct w_form *f, WINDOW *w, int y, int lines, int cols, int *cy,
           int *cx)
{
    size_t i;
    int line = 0, focus_line = 0, focus_rows = 1;

    *cy = *cx = -1;
    for (i = 0; i < f->n; i++) {
        if (i == f->focus) {
            focus_line = line;
            focus_rows = item_rows(&f->items[i]);
        }
        line += item_rows(&f->items[i]);
    }
    /* Keep the focus in view, with the heading above it when it fits. */
    if (focus_line < f->top) {
        f->top = focus_line > 0 && f->focus > 0 && f->items[f->focus - 1].spec == NULL
                     ? focus_line - 1 : focus_line;
    }
    if (focus_line + focus_rows > f->top + lines) {
        f->top = focus_line + focus_rows - lines;
    }
    if (f->top < 0) {
        f->top = 0;
    }
    line = 0;
    for (i = 0; i < f->n; i++) {
        int rows = item_rows(&f->items[i]);

        if (line >= f->top && line + rows <= f->top + lines) {
            draw_item(f, i, w, y + line - f->top, cols, cy, cx);
        }
        line += rows;
    }
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * w_line.c - the line editor.
 */
#include "config.h"
#include "tui/w_line.h"

#include <stdlib.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/keys.h"
#include "util/array.h"
#include "util/sbuf.h"
#include "util/u8.h"
#include "util/xalloc.h"

void
wline_init(struct w_line *l, size_t max)
{
    memset(l, 0, sizeof(*l));
    l->max = max;
    l->buf = xcalloc(1, sizeof(wchar_t));
    l->alloc = 1;
}

void
wline_release(struct w_line *l)
{
    free(l->buf);
    memset(l, 0, sizeof(*l));
}

static void
insert(struct w_line *l, wchar_t c)
{
    l->buf = xgrow(l->buf, &l->alloc, l->len + 2, sizeof(wchar_t));
    memmove(l->buf + l->cur + 1, l->buf + l->cur, (l->len - l->cur + 1) * sizeof(wchar_t));
    l->buf[l->cur++] = c;
    l->len++;
}

/* A typed character: taken (1), or refused at the limit (0), the run of
 * refused characters before it being RUN. */
static int
type_char(struct w_line *l, wchar_t c, size_t run)
{
    if (l->len >= l->max) {
        l->refused = run + 1;
        return 0;
    }
    insert(l, c);
    return 1;
}

void
wline_set(struct w_line *l, const char *s)
{
    size_t n = strlen(s), i = 0, len;

    l->len = l->cur = l->scroll = l->refused = 0;
    l->buf[0] = L'\0';
    while (i < n) {
        insert(l, (wchar_t)u8_decode(s + i, n - i, &len));
        i += len;
    }
}

void
wline_get(const struct w_line *l, struct sbuf *sb)
{
    char tmp[4];
    size_t i;

    sbuf_reset(sb);
    for (i = 0; i < l->len; i++) {
        sbuf_add(sb, tmp, u8_encode((uint32_t)l->buf[i], tmp));
    }
}

static void
delete_at(struct w_line *l, size_t at)
{
    if (at >= l->len) {
        return;
    }
    memmove(l->buf + at, l->buf + at + 1, (l->len - at) * sizeof(wchar_t));
    l->len--;
}

static int
is_space(wchar_t c)
{
    return c == L' ' || c == 0x3000;
}

/* Word classes: blanks, letters and digits, wide (Chinese) characters,
 * punctuation.  A word is a run of one class. */
static int
word_class(wchar_t c)
{
    if (is_space(c)) {
        return 0;
    }
    if ((c >= L'0' && c <= L'9') || (c >= L'a' && c <= L'z') || (c >= L'A' && c <= L'Z') ||
        c == L'_') {
        return 1;
    }
    if (u8_cpwidth((uint32_t)c) == 2) {
        return 2;
    }
    return 3;
}

/* Word moves: skip blanks, then the word. */
static void
word_left(struct w_line *l)
{
    int cls;

    while (l->cur > 0 && is_space(l->buf[l->cur - 1])) {
        l->cur--;
    }
    if (l->cur == 0) {
        return;
    }
    cls = word_class(l->buf[l->cur - 1]);
    while (l->cur > 0 && word_class(l->buf[l->cur - 1]) == cls) {
        l->cur--;
    }
}

static void
word_right(struct w_line *l)
{
    int cls = l->cur < l->len ? word_class(l->buf[l->cur]) : 0;

    while (cls != 0 && l->cur < l->len && word_class(l->buf[l->cur]) == cls) {
        l->cur++;
    }
    while (l->cur < l->len && is_space(l->buf[l->cur])) {
        l->cur++;
    }
}

static int
edit_key(struct w_line *l, wint_t ch)
{
    switch (ch) {
    case KEY_BACKSPACE:
        if (l->cur == 0) {
            return 0;
        }
        delete_at(l, --l->cur);
        return 1;
    case KEY_DC:
        if (l->cur >= l->len) {
            return 0;
        }
        delete_at(l, l->cur);
        return 1;
    case KEY_LEFT:
        l->cur -= l->cur > 0;
        return 0;
    case KEY_RIGHT:
        l->cur += l->cur < l->len;
        return 0;
    case KEY_HOME:
        l->cur = 0;
        return 0;
    case KEY_END:
        l->cur = l->len;
        return 0;
    case KEY_SLEFT:
        word_left(l);
        return 0;
    case KEY_SRIGHT:
        word_right(l);
        return 0;
    default:
        break;
    }
    if (ch != 0 && (int)ch == key_ctrl_left()) {
        word_left(l);
        return 0;
    }
    if (ch != 0 && (int)ch == key_ctrl_right()) {
        word_right(l);
        return 0;
    }
    return -1;
}

/* The control characters that stand for an editing key (Emacs style). */
static const struct {
    wint_t ch;
    int key;
} ctrl_keys[] = {
    {0x7F, KEY_BACKSPACE},
    {CTRL('h'), KEY_BACKSPACE},
    {CTRL('a'), KEY_HOME},
    {CTRL('e'), KEY_END},
    {CTRL('b'), KEY_LEFT},
    {CTRL('f'), KEY_RIGHT},
    {CTRL('d'), KEY_DC},
};

int
wline_key(struct w_line *l, int is_key, wint_t ch)
{
    size_t run = l->refused, i;

    l->refused = 0;
    if (is_key) {
        return edit_key(l, ch);
    }
    for (i = 0; i < ARRAY_SIZE(ctrl_keys); i++) {
        if (ctrl_keys[i].ch == ch) {
            return edit_key(l, (wint_t)ctrl_keys[i].key);
        }
    }
    switch (ch) {
    case CTRL('u'):
        l->len = l->cur = 0;
        l->buf[0] = L'\0';
        return 1;
    case CTRL('w'): {
        size_t end = l->cur;

        word_left(l);
        while (end-- > l->cur) {
            delete_at(l, l->cur);
        }
        return 1;
    }
    default:
        break;
    }
    if (!wline_is_char(0, ch)) {
        return -1;
    }
    return type_char(l, (wchar_t)ch, run);
}

int
wline_is_char(int is_key, wint_t ch)
{
    return !is_key && ch >= 0x20 && ch != 0x7F && !(ch >= 0x80 && ch < 0xA0);
}

/* What is drawn for C: '?' for what the terminal must not get as it is
 * (control characters, U+FFFD for bytes that were not text, which some
 * terminals draw two columns wide). */
static wchar_t
shown(wchar_t c)
{
    return u8_unsafe((uint32_t)c) ? L'?' : c;
}

static int
width_of(const wchar_t *s, size_t n)
{
    size_t i;
    int w = 0;

    for (i = 0; i < n; i++) {
        w += u8_cpwidth((uint32_t)s[i]);
    }
    return w;
}

int
wline_draw(struct w_line *l, WINDOW *w, int y, int x, int cols, attr_t attr)
{
    int used = 0, col;
    size_t i;

    if (cols <= 1) {
        return x;
    }
    /* Keep the cursor inside the field, one column free for it: walk
     * back from the cursor (a scroll far behind it, after a paste, must
     * not cost the square of the distance). */
    if (l->cur < l->scroll) {
        l->scroll = l->cur;
    }
    if (l->cur - l->scroll > (size_t)cols) {
        l->scroll = l->cur - (size_t)cols;
    }
    while (width_of(l->buf + l->scroll, l->cur - l->scroll) > cols - 1) {
        l->scroll++;
    }
    wattr_set(w, attr, 0, NULL);
    wmove(w, y, x);
    for (i = l->scroll; i < l->len; i++) {
        int cw = u8_cpwidth((uint32_t)l->buf[i]);
        wchar_t c = shown(l->buf[i]);

        if (used + cw > cols) {
            break;
        }
        waddnwstr(w, &c, 1);
        used += cw;
    }
    for (; used < cols; used++) {
        waddch(w, ' ');
    }
    wattr_set(w, A_NORMAL, 0, NULL);
    col = x + width_of(l->buf + l->scroll, l->cur - l->scroll);
    return col;
}

int
wline_prompt(struct w_line *l, WINDOW *w, const char *label, int cols)
{
    int lw = (int)u8_width(label);

    if (lw > cols / 2) {
        lw = cols / 2;
    }
    draw_text(w, 0, 0, lw, label, A_BOLD, AL_LEFT);
    wmove(w, 0, wline_draw(l, w, 0, lw, cols - lw - 16, A_NORMAL));
    return 1;
}

/* Where the wrapped line breaks are: BREAKS[k] is the first character of
 * line k; returns the number of lines (at least 1). */
static size_t
wrap_lines(const struct w_line *l, int cols, size_t **breaks)
{
    size_t n = 1, alloc = 0, i;
    int used = 0;

    *breaks = xgrow(NULL, &alloc, 1, sizeof(**breaks));
    (*breaks)[0] = 0;
    for (i = 0; i < l->len; i++) {
        int cw = u8_cpwidth((uint32_t)l->buf[i]);

        if (used + cw > cols) {
            *breaks = xgrow(*breaks, &alloc, n + 1, sizeof(**breaks));
            (*breaks)[n++] = i;
            used = 0;
        }
        used += cw;
    }
    return n;
}

void
wline_draw_wrapped(struct w_line *l, WINDOW *w, int y, int x, int cols,
                   int rows, attr_t attr, int *cy, int *cx)
{
    size_t *br, n, line = 0, k, i, end;
    int row;

    *cy = *cx = -1;
    if (cols <= 1 || rows < 1) {
        return;
    }
    /* One column stays free so the cursor fits after a full line. */
    n = wrap_lines(l, cols - 1, &br);
    while (line + 1 < n && br[line + 1] <= l->cur) {
        line++;
    }
    if (line < l->vscroll) {
        l->vscroll = line;
    }
    if (line >= l->vscroll + (size_t)rows) {
        l->vscroll = line - (size_t)rows + 1;
    }
    wattr_set(w, attr, 0, NULL);
    for (row = 0; row < rows; row++) {
        int used = 0;

        k = l->vscroll + (size_t)row;
        wmove(w, y + row, x);
        if (k < n) {
            end = k + 1 < n ? br[k + 1] : l->len;
            for (i = br[k]; i < end; i++) {
                wchar_t c = shown(l->buf[i]);

                waddnwstr(w, &c, 1);
                used += u8_cpwidth((uint32_t)l->buf[i]);
            }
            if (k == line) {
                *cy = y + row;
                *cx = x + width_of(l->buf + br[k], l->cur - br[k]);
            }
        }
        for (; used < cols; used++) {
            waddch(w, ' ');
        }
    }
    wattr_set(w, A_NORMAL, 0, NULL);
    free(br);
}

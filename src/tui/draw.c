/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * draw.c - width-aware drawing and the colour theme.
 */
#include "config.h"
#include "tui/draw.h"

#include <stdlib.h>
#include <wchar.h>

#include "util/array.h"
#include "util/sbuf.h"
#include "util/u8.h"
#include "util/xalloc.h"

static attr_t attrs[TH_COUNT];

void
theme_init(void)
{
    attrs[TH_NORMAL] = A_NORMAL;
    attrs[TH_BAR] = A_REVERSE;
    attrs[TH_HEADER] = A_BOLD;
    attrs[TH_CURSOR] = A_REVERSE;
    attrs[TH_WARN] = A_BOLD;
    attrs[TH_ERROR] = A_BOLD;
    attrs[TH_DIM] = A_DIM;
    if (has_colors() && start_color() == OK) {
        use_default_colors();
        init_pair(1, COLOR_RED, -1);
        init_pair(2, COLOR_YELLOW, -1);
        attrs[TH_ERROR] = (attr_t)COLOR_PAIR(1) | A_BOLD;
        attrs[TH_WARN] = (attr_t)COLOR_PAIR(2) | A_BOLD;
    }
}

attr_t
theme_attr(enum theme t)
{
    return (unsigned)t < TH_COUNT ? attrs[t] : A_NORMAL;
}

/* S at (Y, X) of W in exactly COLS columns with ATTR; CUT: a table's
 * cell (u8_pad_cut). */
static void
draw_padded(WINDOW *w, int y, int x, int cols, const char *s, attr_t attr,
            enum align al, int cut)
{
    struct sbuf sb = SBUF_INIT;
    wchar_t stack[256], *ws = stack;
    size_t i = 0, n = 0, len;

    if (cols <= 0) {
        return;
    }
    (cut ? u8_pad_cut : u8_pad)(&sb, s != NULL ? s : "", (size_t)cols, al == AL_RIGHT);
    if (sb.len + 1 > ARRAY_SIZE(stack)) {
        ws = xmalloc((sb.len + 1) * sizeof(wchar_t));
    }
    while (i < sb.len) {
        ws[n++] = (wchar_t)u8_decode(sb.buf + i, sb.len - i, &len);
        i += len;
    }
    ws[n] = L'\0';
    wattr_set(w, attr, 0, NULL);
    if (attr & A_COLOR) {
        wattr_set(w, attr & ~A_COLOR, (short)PAIR_NUMBER(attr), NULL);
    }
    mvwaddnwstr(w, y, x, ws, (int)n);
    wattr_set(w, A_NORMAL, 0, NULL);
    if (ws != stack) {
        free(ws);
    }
    sbuf_release(&sb);
}

void
draw_text(WINDOW *w, int y, int x, int cols, const char *s, attr_t attr,
          enum align al)
{
    draw_padded(w, y, x, cols, s, attr, al, 0);
}

void
draw_cell(WINDOW *w, int y, int x, int cols, const char *s, attr_t attr,
          enum align al)
{
    draw_padded(w, y, x, cols, s, attr, al, 1);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * s_help.c - help for the screen below, generated from its key table and
 * the global keys (so the help cannot drift from the keys), plus the
 * screen's own notes.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/screen.h"
#include "tui/w_list.h"
#include "tui/workspace.h"
#include "util/array.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/texttable.h"
#include "util/u8.h"
#include "util/xalloc.h"

struct help {
    char **lines;
    size_t n, alloc;
    size_t top;
};

static const struct keydef help_keys[] = {
    {KEY_DOWN, 1, ACT_DOWN, "Down", N_("scroll down"), 0},
    {'j', 0, ACT_DOWN, "j", N_("scroll down"), 0},
    {KEY_UP, 1, ACT_UP, "Up", N_("scroll up"), 0},
    {'k', 0, ACT_UP, "k", N_("scroll up"), 0},
    {KEY_NPAGE, 1, ACT_PGDN, "PgDn", N_("page down"), KD_BAR},
    {' ', 0, ACT_PGDN, "Space", N_("page down"), 0},
    {KEY_PPAGE, 1, ACT_PGUP, "PgUp", N_("page up"), KD_BAR},
    {KEY_HOME, 1, ACT_HOME, "Home", N_("top"), 0},
    {KEY_END, 1, ACT_END, "End", N_("bottom"), 0},
    {27, 0, ACT_BACK, "Esc", N_("back"), KD_BAR},
    {'q', 0, ACT_BACK, "q", N_("back"), 0},
    {0, 0, ACT_NONE, NULL, NULL, 0},
};

static void
add(struct help *h, const char *s)
{
    h->lines = xgrow(h->lines, &h->alloc, h->n + 1, sizeof(char *));
    h->lines[h->n++] = xstrdup(s);
}

/* One line per key; keys doing the same thing share a line. */
static void
add_keys(struct help *h, const struct keydef *k, unsigned skip)
{
    struct sbuf sb = SBUF_INIT, names = SBUF_INIT;
    size_t i, j;

    for (i = 0; k != NULL && k[i].name != NULL; i++) {
        int seen = 0;

        if ((k[i].action == ACT_NONE && k[i].key == 0 && !(k[i].flags & KD_BAR)) ||
            (k[i].flags & (KD_HIDE | skip))) {
            continue;
        }
        for (j = 0; j < i; j++) {
            seen |= k[j].action == k[i].action && k[i].action != ACT_NONE &&
                    strcmp(_(k[j].label), _(k[i].label)) == 0;
        }
        if (seen) {
            continue;
        }
        sbuf_reset(&names);
        for (j = i; k[j].name != NULL; j++) {
            if (j == i || (k[j].action == k[i].action && k[i].action != ACT_NONE &&
                           strcmp(_(k[j].label), _(k[i].label)) == 0 &&
                           strstr(names.buf, k[j].name) == NULL)) {
                sbuf_addf(&names, "%s%s", names.len ? " " : "", k[j].name);
            }
        }
        sbuf_reset(&sb);
        sbuf_adds(&sb, "  ");
        u8_pad(&sb, names.buf, 18, 0);
        sbuf_adds(&sb, _(k[i].label));
        add(h, sb.buf);
    }
    sbuf_release(&sb);
    sbuf_release(&names);
}

static void
add_text(struct help *h, const char *text, int cols)
{
    const char *p = text;
    char line[1024];

    while (*p != '\0') {
        size_t n = strcspn(p, "\n");
        size_t cut;
        const char *q = p;

        snprintf(line, sizeof(line), "%.*s", (int)n, p);
        p += n + (p[n] == '\n');
        q = line;
        while (*q != '\0') {
            char part[1024];

            cut = tt_wrap(q, (size_t)cols);
            snprintf(part, sizeof(part), "%.*s", (int)cut, q);
            add(h, part);
            q += cut;
            while (*q == ' ') {
                q++;
            }
        }
        add(h, "");
    }
}

static void
build(struct tui *t, struct help *h, const struct screen *below, int cols, unsigned skip)
{
    struct sbuf sb = SBUF_INIT;

    struct keydef ws[16];

    sbuf_addf(&sb, _("Help: %s"), _(screen_title(below)));
    add(h, sb.buf);
    add(h, "");
    add_keys(h, screen_keys(below), skip);
    add_keys(h, global_keys, 0);
    add(h, "");
    add(h, _("Workspaces (from lists and records; a form is saved or closed first):"));
    workspace_keydefs(ws, ARRAY_SIZE(ws));
    add_keys(h, ws, 0);
    add(h, "");
    if (below->ops->help != NULL) {
        sbuf_reset(&sb);
        screen_help_text(t, below, below->ops->help, &sb);
        add_text(h, sb.buf, cols);
    }
    if (below->ops->more_help != NULL && below->ops->more_help(below) != NULL) {
        sbuf_reset(&sb);
        screen_help_text(t, below, below->ops->more_help(below), &sb);
        add_text(h, sb.buf, cols);
    }
    sbuf_release(&sb);
}

static int
help_enter(struct screen *s, struct tui *t)
{
    struct help *h = xcalloc(1, sizeof(*h));

    /* Not linked yet: the screen below is still the top. */
    s->arg = NULL;
    build(t, h, t->top, t->cols - 4, tui_key_skip(t));
    s->data = h;
    return 0;
}

static void
help_leave(struct screen *s, struct tui *t)
{
    struct help *h = s->data;
    size_t i;

    (void)t;
    for (i = 0; i < h->n; i++) {
        free(h->lines[i]);
    }
    free(h->lines);
    free(h);
}

static void
help_draw(struct screen *s, struct tui *t, WINDOW *w)
{
    struct help *h = s->data;
    int rows = tui_body_lines(t), i;

    for (i = 0; i < rows && h->top + (size_t)i < h->n; i++) {
        draw_text(w, i, 2, t->cols - 4, h->lines[h->top + (size_t)i],
                  h->top + (size_t)i == 0 ? theme_attr(TH_HEADER) : A_NORMAL, AL_LEFT);
    }
}

static unsigned
help_action(struct screen *s, struct tui *t, int action)
{
    struct help *h = s->data;

    if (wc_scroll(&h->top, action, h->n, (size_t)tui_body_lines(t))) {
        return D_BODY;
    }
    return action == ACT_BACK || action == ACT_HELP ? TR_POP : 0;
}

const struct screen_ops help_screen = {
    .name = N_("help"),
    .keys = help_keys,
    .enter = help_enter,
    .leave = help_leave,
    .draw = help_draw,
    .action = help_action,
    .may_switch = 1,
};

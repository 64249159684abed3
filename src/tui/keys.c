/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * keys.c - key look-up and the key bar.
 */
#include "config.h"
#include "tui/keys.h"

#include <curses.h>
#include <term.h>
#include <stdio.h>
#include <string.h>

#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/u8.h"

const struct keydef global_keys[] = {
    {KEY_F(1), 1, ACT_HELP, "F1", N_("help"), 0},
    {'?', 0, ACT_HELP, "?", N_("help"), KD_BAR},
    {CTRL('l'), 0, ACT_REDRAW, "Ctrl-L", N_("redraw the screen"), 0},
    {KEY_F(6), 1, ACT_MESSAGE, "F6", N_("the last message in full"), 0},
    /* Read as F1 ... F10 (tui.c, alt_digit); listed for the help only. */
    {KEY_F0, 1, ACT_NONE, "Alt-1..Alt-0", N_("the same as F1 to F10, where function keys send nothing"), 0},
    {0, 0, ACT_NONE, NULL, NULL, 0},
};

void
key_decoder_init(struct key_decoder *d)
{
    memset(d, 0, sizeof(*d));
}

enum key_decode
key_decode(struct key_decoder *d, unsigned char byte, wchar_t *out, int *retry)
{
    char c = (char)byte;
    size_t n = mbrtowc(out, &c, 1, &d->st);

    *retry = 0;
    if (n == (size_t)-2) {
        d->pending = 1;
        return KD_MORE;
    }
    if (n == (size_t)-1) {
        /* A byte that ends an unfinished character may begin a good one. */
        *retry = d->pending;
        key_decoder_init(d);
        *out = (wchar_t)0xFFFD;
        return KD_BAD;
    }
    d->pending = 0;
    if (n == 0) {
        *out = L'\0';
    }
    return KD_CHAR;
}

/* Set once by keys_init(), read-only afterwards. */
static int ctrl_left, ctrl_right;
static unsigned char fkey_known[13];

static int
code_of(const char *capname)
{
    char *seq = tigetstr(capname);

    if (seq == NULL || seq == (char *)-1) {
        return 0;
    }
    return key_defined(seq) > 0 ? key_defined(seq) : 0;
}

void
keys_init(void)
{
    char cap[8];
    int n;

    ctrl_left = code_of("kLFT5");
    ctrl_right = code_of("kRIT5");
    for (n = 1; n < (int)sizeof(fkey_known); n++) {
        char *seq;

        snprintf(cap, sizeof(cap), "kf%d", n);
        seq = tigetstr(cap);
        fkey_known[n] = seq != NULL && seq != (char *)-1 && *seq != '\0';
    }
}

int
key_fkey_known(int n)
{
    return n > 0 && n < (int)sizeof(fkey_known) && fkey_known[n];
}

int
key_ctrl_left(void)
{
    return ctrl_left;
}

int
key_ctrl_right(void)
{
    return ctrl_right;
}

size_t
keys_count(const struct keydef *table)
{
    size_t n = 0;

    while (table != NULL && table[n].name != NULL) {
        n++;
    }
    return n;
}

size_t
keys_append(struct keydef *out, size_t n, const struct keydef *table,
            int (*keep)(const void *ctx, enum action a), const void *ctx)
{
    size_t i;

    for (i = 0; table != NULL && table[i].name != NULL; i++) {
        if (keep == NULL || keep(ctx, table[i].action)) {
            out[n++] = table[i];
        }
    }
    return n;
}

static const struct keydef *
find(const struct keydef *t, int is_key, wint_t ch)
{
    size_t i;

    for (i = 0; t != NULL && t[i].name != NULL; i++) {
        if (t[i].is_key == is_key && t[i].key == (int)ch && t[i].action != ACT_NONE) {
            return &t[i];
        }
    }
    return NULL;
}

const struct keydef *
keys_find(const struct keydef *table, int is_key, wint_t ch)
{
    const struct keydef *k = find(table, is_key, ch);

    return k != NULL ? k : find(global_keys, is_key, ch);
}

enum action
keys_lookup(const struct keydef *table, int is_key, wint_t ch)
{
    const struct keydef *k = keys_find(table, is_key, ch);

    return k != NULL ? k->action : ACT_NONE;
}

/* Append "NAME LABEL  " when it fits in COLS (RESERVE kept free). */
static int
add_item(struct sbuf *sb, const struct keydef *k, size_t cols, size_t reserve)
{
    struct sbuf item = SBUF_INIT;
    int fits;

    sbuf_addf(&item, "%s %s  ", k->name, _(k->label));
    fits = u8_width(sb->buf) + u8_width(item.buf) + reserve <= cols;
    if (fits) {
        sbuf_add(sb, item.buf, item.len);
    }
    sbuf_release(&item);
    return fits;
}

void
keys_bar(const struct keydef *table, size_t cols, unsigned skip, struct sbuf *sb)
{
    struct sbuf help = SBUF_INIT;
    size_t i;

    /* The help key is always there, so whatever does not fit is one
     * key away. */
    sbuf_addf(&help, "%s %s", global_keys[1].name, _(global_keys[1].label));
    for (i = 0; table != NULL && table[i].name != NULL; i++) {
        if ((table[i].flags & KD_BAR) && !(table[i].flags & skip) &&
            !add_item(sb, &table[i], cols, u8_width(help.buf))) {
            break;
        }
    }
    sbuf_add(sb, help.buf, help.len);
    sbuf_release(&help);
}

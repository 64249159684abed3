/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * texttable.c - text tables and wrapping.
 */
#include "config.h"
#include "util/texttable.h"

#include <string.h>

#include "util/sbuf.h"
#include "util/u8.h"

void
tt_line(struct sbuf *sb, const struct tt_col *cols, int n,
        const char *const *cells)
{
    int i;

    for (i = 0; i < n; i++) {
        if (i > 0) {
            sbuf_adds(sb, "  ");
        }
        u8_pad_cut(sb, cells != NULL ? cells[i] : cols[i].title, (size_t)cols[i].width,
               cols[i].right);
    }
    sbuf_rtrim(sb);
}

size_t
tt_wrap(const char *s, size_t cols)
{
    size_t n = strlen(s), cut, width, i;

    if (n == 0) {
        return 0;
    }
    cut = u8_clip(s, cols, &width);
    if (cut == 0) {
        /* Not even one character fits: take one anyway. */
        u8_decode(s, n, &cut);
        return cut;
    }
    if (cut < n) {
        for (i = cut; i > cut / 2; i--) {
            if (s[i - 1] == ' ') {
                return i;
            }
        }
        /* A comma or a colon goes down with the character before it
         * rather than begin the next line (避头). */
        if (u8_no_line_start(u8_decode(s + cut, n - cut, &i))) {
            for (i = cut - 1; i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80; i--) {
            }
            if (i > 0) {
                return i;
            }
        }
    }
    return cut;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * u8.c - UTF-8 decoding and column arithmetic.  The width table is
 * generated in the build from Debian's unicode-data (tools/gen_width.py,
 * util/u8_width_table.h) rather than taken from the C library's wcwidth()
 * so that layout does not depend on the server's locale: Unicode East
 * Asian Width W and F are two columns, marks and format characters none.
 * Ambiguous characters count one column, and the layout itself never
 * uses them.
 */
#include "config.h"
#include "util/array.h"
#include "util/u8.h"

#include <string.h>

#include "util/sbuf.h"
#include "util/u8_width_table.h"

uint32_t
u8_decode(const char *s, size_t n, size_t *len)
{
    const unsigned char *p = (const unsigned char *)s;
    uint32_t cp;
    size_t need, i;

    if (n == 0) {
        *len = 0;
        return 0;
    }
    if (p[0] < 0x80) {
        *len = 1;
        return p[0];
    }
    if (p[0] >= 0xC2 && p[0] <= 0xDF) {
        need = 1;
        cp = p[0] & 0x1F;
    } else if (p[0] >= 0xE0 && p[0] <= 0xEF) {
        need = 2;
        cp = p[0] & 0x0F;
    } else if (p[0] >= 0xF0 && p[0] <= 0xF4) {
        need = 3;
        cp = p[0] & 0x07;
    } else {
        goto bad;
    }
    if (need >= n) {
        goto bad;
    }
    for (i = 1; i <= need; i++) {
        if ((p[i] & 0xC0) != 0x80) {
            goto bad;
        }
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    /* Overlong forms, surrogates and values past U+10FFFF. */
    if ((need == 2 && cp < 0x800) || (need == 3 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
        goto bad;
    }
    *len = need + 1;
    return cp;
bad:
    *len = 1;
    return U8_REPLACEMENT;
}

size_t
u8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;

    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

int
u8_valid(const char *s, size_t n)
{
    size_t i = 0, len;

    while (i < n) {
        uint64_t w;

        /* ASCII, most of a sheet: eight bytes at a time, then one. */
        while (i + 8 <= n && (memcpy(&w, s + i, 8), (w & UINT64_C(0x8080808080808080)) == 0)) {
            i += 8;
        }
        if (i == n) {
            break;
        }
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        if (u8_decode(s + i, n - i, &len) == U8_REPLACEMENT &&
            !(len == 3 && memcmp(s + i, "\xEF\xBF\xBD", 3) == 0)) {
            return 0;
        }
        i += len;
    }
    return 1;
}

static int
in_table(uint32_t cp, const struct u8_range *t, size_t n)
{
    size_t lo = 0, hi = n;

    while (lo < hi) {
        size_t mid = (lo + hi) / 2;

        if (cp < t[mid].lo) {
            hi = mid;
        } else if (cp > t[mid].hi) {
            lo = mid + 1;
        } else {
            return 1;
        }
    }
    return 0;
}

int
u8_cpwidth(uint32_t cp)
{
    if (cp < 0x300) {
        return 1;
    }
    if (cp <= 0xFFFF) {
        return (u8_bmp_width[cp >> 2] >> ((cp & 3) * 2)) & 3;
    }
    if (in_table(cp, u8_zero, u8_zero_n)) {
        return 0;
    }
    if (in_table(cp, u8_wide, u8_wide_n)) {
        return 2;
    }
    return 1;
}

int
u8_unsafe(uint32_t cp)
{
    return cp == U8_REPLACEMENT || cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

size_t
u8_width(const char *s)
{
    size_t n = strlen(s), i = 0, w = 0, len;

    while (i < n) {
        w += (size_t)u8_cpwidth(u8_decode(s + i, n - i, &len));
        i += len;
    }
    return w;
}

size_t
u8_clip(const char *s, size_t cols, size_t *width)
{
    size_t n = strlen(s), i = 0, w = 0, len;

    while (i < n) {
        int cw = u8_cpwidth(u8_decode(s + i, n - i, &len));

        if (w + (size_t)cw > cols) {
            break;
        }
        w += (size_t)cw;
        i += len;
    }
    if (width != NULL) {
        *width = w;
    }
    return i;
}

/* S clipped and padded to COLS columns into SB; MARK: when S does not
 * fit, its last column is U8_CUT_MARK. */
static void
pad_to(struct sbuf *sb, const char *s, size_t cols, int right, int mark)
{
    size_t n = strlen(s), i = 0, w = 0, len, room = cols;
    struct sbuf tmp = SBUF_INIT;

    mark = mark && cols > 0 && u8_width(s) > cols;
    room -= mark ? 1 : 0;
    while (i < n) {
        uint32_t cp = u8_decode(s + i, n - i, &len);
        int cw = u8_cpwidth(cp);

        if (w + (size_t)cw > room) {
            break;
        }
        if (u8_unsafe(cp)) {
            sbuf_addch(&tmp, '?');
        } else {
            sbuf_add(&tmp, s + i, len);
        }
        w += (size_t)cw;
        i += len;
    }
    if (mark) {
        sbuf_addch(&tmp, U8_CUT_MARK);
        w++;
    }
    if (right) {
        sbuf_addspaces(sb, cols - w);
    }
    sbuf_add(sb, tmp.buf, tmp.len);
    if (!right) {
        sbuf_addspaces(sb, cols - w);
    }
    sbuf_release(&tmp);
}

void
u8_pad(struct sbuf *sb, const char *s, size_t cols, int right)
{
    pad_to(sb, s, cols, right, 0);
}

void
u8_pad_cut(struct sbuf *sb, const char *s, size_t cols, int right)
{
    pad_to(sb, s, cols, right, 1);
}

void
u8_sanitize(struct sbuf *sb, const char *s)
{
    size_t n = strlen(s), i = 0, len;

    while (i < n) {
        uint32_t cp = u8_decode(s + i, n - i, &len);

        if (u8_unsafe(cp)) {
            sbuf_addch(sb, '?');
        } else {
            sbuf_add(sb, s + i, len);
        }
        i += len;
    }
}

int
u8_copy(char *dst, size_t n, const char *src)
{
    size_t len = strlen(src);

    if (n == 0) {
        return -1;
    }
    if (len < n) {
        memcpy(dst, src, len + 1);
        return 0;
    }
    len = n - 1;
    /* Back off over continuation bytes so no character is split. */
    while (len > 0 && ((unsigned char)src[len] & 0xC0) == 0x80) {
        len--;
    }
    memcpy(dst, src, len);
    dst[len] = '\0';
    return -1;
}

size_t
u8_chars(const char *s)
{
    size_t n = strlen(s), i = 0, c = 0, len;

    while (i < n) {
        u8_decode(s + i, n - i, &len);
        i += len;
        c++;
    }
    return c;
}

/* Punctuation that must not begin a line (the Chinese rule of 避头). */
int
u8_no_line_start(uint32_t cp)
{
    static const uint32_t v[] = {
        0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01, 0xFF09,
        0x300D, 0x300F, 0x300B, 0x3011, 0x3009, 0x201D, 0x2019, 0xFF05,
        ',', '.', ';', ':', '!', '?', ')', ']', '%',
    };
    size_t i;

    for (i = 0; i < ARRAY_SIZE(v); i++) {
        if (v[i] == cp) {
            return 1;
        }
    }
    return 0;
}

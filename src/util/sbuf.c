/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * sbuf.c - growable strings.
 */
#include "config.h"
#include "util/sbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

char sbuf_empty[1];

void
sbuf_init(struct sbuf *sb)
{
    sb->buf = sbuf_empty;
    sb->len = 0;
    sb->alloc = 0;
}

void
sbuf_release(struct sbuf *sb)
{
    if (sb->alloc) {
        free(sb->buf);
    }
    sbuf_init(sb);
}

void
sbuf_reset(struct sbuf *sb)
{
    sb->len = 0;
    if (sb->alloc) {
        sb->buf[0] = '\0';
    }
}

char *
sbuf_detach(struct sbuf *sb)
{
    char *s = sb->alloc ? sb->buf : xstrdup("");

    sbuf_init(sb);
    return s;
}

void
sbuf_grow(struct sbuf *sb, size_t extra)
{
    size_t want = sb->len + extra + 1;
    size_t n;

    if (want <= sb->alloc) {
        return;
    }
    n = sb->alloc ? sb->alloc : 32;
    while (n < want) {
        n *= 2;
    }
    if (sb->alloc) {
        sb->buf = xrealloc(sb->buf, n);
    } else {
        sb->buf = xmalloc(n);
        sb->buf[0] = '\0';
    }
    sb->alloc = n;
}

void
sbuf_add(struct sbuf *sb, const void *data, size_t len)
{
    sbuf_grow(sb, len);
    memcpy(sb->buf + sb->len, data, len);
    sb->len += len;
    sb->buf[sb->len] = '\0';
}

void
sbuf_adds(struct sbuf *sb, const char *s)
{
    sbuf_add(sb, s, strlen(s));
}

void
sbuf_addch(struct sbuf *sb, int c)
{
    char ch = (char)c;

    sbuf_add(sb, &ch, 1);
}

void
sbuf_vaddf(struct sbuf *sb, const char *fmt, va_list ap)
{
    va_list cp;
    int n;

    va_copy(cp, ap);
    n = vsnprintf(NULL, 0, fmt, cp);
    va_end(cp);
    if (n < 0) {
        return;
    }
    sbuf_grow(sb, (size_t)n);
    vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
    sb->len += (size_t)n;
}

void
sbuf_addf(struct sbuf *sb, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    sbuf_vaddf(sb, fmt, ap);
    va_end(ap);
}

void
sbuf_addspaces(struct sbuf *sb, size_t n)
{
    sbuf_grow(sb, n);
    memset(sb->buf + sb->len, ' ', n);
    sb->len += n;
    sb->buf[sb->len] = '\0';
}

void
sbuf_rtrim(struct sbuf *sb)
{
    while (sb->len > 0 && (sb->buf[sb->len - 1] == ' ' ||
                           sb->buf[sb->len - 1] == '\t' ||
                           sb->buf[sb->len - 1] == '\n' ||
                           sb->buf[sb->len - 1] == '\r')) {
        sb->len--;
    }
    if (sb->alloc) {
        sb->buf[sb->len] = '\0';
    }
}

size_t
str_u64(char out[STR_U64_BUF], uint64_t v)
{
    char rev[STR_U64_BUF];
    size_t n = 0, i;

    do {
        rev[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    for (i = 0; i < n; i++) {
        out[i] = rev[n - 1 - i];
    }
    out[n] = '\0';
    return n;
}

void
sbuf_add_i64(struct sbuf *sb, int64_t v)
{
    char d[STR_U64_BUF];

    if (v < 0) {
        sbuf_addch(sb, '-');
    }
    sbuf_add(sb, d, str_u64(d, v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v));
}

void
str_copy(char *dst, size_t n, const char *src)
{
    size_t len;

    if (n == 0) {
        return;
    }
    len = strnlen(src, n - 1);
    memmove(dst, src, len);
    dst[len] = '\0';
}

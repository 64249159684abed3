/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * sbuf.h - a growable, always NUL-terminated byte string (git style).
 * SBUF_INIT or sbuf_init() before use, sbuf_release() after.
 */
#ifndef ZX_SBUF_H
#define ZX_SBUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#define STR_U64_BUF 24

struct sbuf {
    char *buf;
    size_t len;
    size_t alloc;
};

extern char sbuf_empty[];
#define SBUF_INIT { sbuf_empty, 0, 0 }

void sbuf_init(struct sbuf *sb);
void sbuf_release(struct sbuf *sb);
/* Empty the string, keeping its memory. */
void sbuf_reset(struct sbuf *sb);
/* Take the string; the sbuf is left empty.  Caller frees. */
char *sbuf_detach(struct sbuf *sb);
void sbuf_grow(struct sbuf *sb, size_t extra);
void sbuf_add(struct sbuf *sb, const void *data, size_t len);
void sbuf_adds(struct sbuf *sb, const char *s);
void sbuf_addch(struct sbuf *sb, int c);
void sbuf_addf(struct sbuf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void sbuf_vaddf(struct sbuf *sb, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
/* Append N spaces. */
void sbuf_addspaces(struct sbuf *sb, size_t n);
/* Drop trailing white space. */
void sbuf_rtrim(struct sbuf *sb);
/* SRC into DST of N bytes, cut at N - 1 bytes: snprintf(DST, N, "%s",
 * SRC) without the formatting, for copies made per cell or per row. */
void str_copy(char *dst, size_t n, const char *src);
/* The decimal digits of V into OUT, as "%" PRIu64 writes them; their
 * number (at most 20). */
size_t str_u64(char out[STR_U64_BUF], uint64_t v);
/* V in decimal, as sbuf_addf(SB, "%" PRId64, V) adds it. */
void sbuf_add_i64(struct sbuf *sb, int64_t v);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lcio.c - the command line in the locale's character set (see lcio.h).
 * The conversion is iconv's; stdout and stderr are replaced by glibc
 * cookie streams (fopencookie) that convert what they are given and
 * write it to the same file descriptors.
 */
#define _GNU_SOURCE
#include "config.h"
#include "util/lcio.h"

#include <errno.h>
#include <iconv.h>
#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/xalloc.h"

/* A UTF-8 character is at most 4 bytes: an unfinished one waits here
 * for the rest of it, which the next write brings. */
struct lc_stream {
    int fd;
    iconv_t cd;
    char pending[4];
    size_t npending;
};

static FILE *data_out, *plain_err;

int
lcio_legacy(void)
{
    const char *cs = nl_langinfo(CODESET);

    return cs != NULL && *cs != '\0' && strcmp(cs, "UTF-8") != 0 &&
           strcmp(cs, "ANSI_X3.4-1968") != 0;
}

static int
write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);

        if (w < 0 && errno == EINTR) {
            continue;
        }
        if (w <= 0) {
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Convert IN (LEN bytes) and write it; an incomplete character at the
 * end is kept for the next call, an invalid byte is written as '?'. */
static int
convert_out(struct lc_stream *s, const char *in, size_t len)
{
    char out[1024];
    char *ip = (char *)in;
    size_t il = len;

    while (il > 0) {
        char *op = out;
        size_t ol = sizeof(out);
        size_t r = iconv(s->cd, &ip, &il, &op, &ol);
        int err = r == (size_t)-1 ? errno : 0;

        if (write_all(s->fd, out, sizeof(out) - ol) != 0) {
            return -1;
        }
        if (err == EINVAL) {
            memcpy(s->pending, ip, il);
            s->npending = il;
            return 0;
        }
        if (err == EILSEQ) {
            if (write_all(s->fd, "?", 1) != 0) {
                return -1;
            }
            ip++;
            il--;
        }
    }
    return 0;
}

static ssize_t
lc_write(void *cookie, const char *buf, size_t size)
{
    struct lc_stream *s = cookie;
    size_t take = 0;

    /* Complete the character left over from the last write first. */
    while (s->npending > 0 && take < size && s->npending < sizeof(s->pending)) {
        char joined[4];
        size_t n;

        s->pending[s->npending++] = buf[take++];
        memcpy(joined, s->pending, s->npending);
        n = s->npending;
        s->npending = 0;
        if (convert_out(s, joined, n) != 0) {
            return -1;
        }
    }
    if (s->npending == sizeof(s->pending)) {
        s->npending = 0;
        if (write_all(s->fd, "?", 1) != 0) {
            return -1;
        }
    }
    if (take < size && convert_out(s, buf + take, size - take) != 0) {
        return -1;
    }
    return (ssize_t)size;
}

static int
lc_close(void *cookie)
{
    struct lc_stream *s = cookie;

    if (s->npending > 0) {
        write_all(s->fd, "?", 1);
    }
    iconv_close(s->cd);
    free(s);
    return 0;
}

static FILE *
wrap(int fd, int unbuffered)
{
    cookie_io_functions_t io = {NULL, lc_write, NULL, lc_close};
    struct lc_stream *s;
    iconv_t cd = iconv_open(nl_langinfo(CODESET), "UTF-8");
    FILE *f;

    if (cd == (iconv_t)-1) {
        return NULL;
    }
    s = xcalloc(1, sizeof(*s));
    s->fd = fd;
    s->cd = cd;
    f = fopencookie(s, "w", io);
    if (f == NULL) {
        iconv_close(cd);
        free(s);
        return NULL;
    }
    if (unbuffered) {
        setvbuf(f, NULL, _IONBF, 0);
    } else if (isatty(fd)) {
        setvbuf(f, NULL, _IOLBF, 0);
    }
    return f;
}

/* At exit: the converting streams flushed, closed and freed; whatever
 * prints after (an exit handler registered before) goes to the plain
 * streams again. */
static void
unwrap_std(void)
{
    FILE *o = stdout, *e = stderr;

    fflush(o);
    fflush(e);
    stdout = data_out;
    stderr = plain_err;
    fclose(o);
    fclose(e);
}

void
lcio_wrap_std(void)
{
    FILE *o, *e;

    if (!lcio_legacy() || data_out != NULL) {
        return;
    }
    fflush(stdout);
    fflush(stderr);
    o = wrap(STDOUT_FILENO, 0);
    e = wrap(STDERR_FILENO, 1);
    if (o == NULL || e == NULL) {
        if (o != NULL) {
            fclose(o);
        }
        return;
    }
    data_out = stdout;
    plain_err = stderr;
    stdout = o;
    stderr = e;
    atexit(unwrap_std);
}

FILE *
lcio_data_out(void)
{
    return data_out != NULL ? data_out : stdout;
}

/* S converted from FROM to TO (a new string), or NULL when S is not
 * valid in FROM or iconv cannot convert between the two. */
static char *
convert(const char *s, const char *to, const char *from)
{
    iconv_t cd = iconv_open(to, from);
    size_t il = strlen(s), ol = il * 4 + 1;
    char *out, *ip = (char *)s, *op;

    if (cd == (iconv_t)-1) {
        return NULL;
    }
    out = xmalloc(ol);
    op = out;
    if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 ||
        iconv(cd, NULL, NULL, &op, &ol) == (size_t)-1 || ol == 0) {
        free(out);
        out = NULL;
    } else {
        *op = '\0';
    }
    iconv_close(cd);
    return out;
}

void
lcio_args_in(int argc, char **argv)
{
    /* The converted arguments live as long as the program (and are
     * found from here by the leak checker). */
    static char **kept;
    int i;

    if (!lcio_legacy() || kept != NULL || argc <= 0) {
        return;
    }
    kept = xcalloc((size_t)argc, sizeof(*kept));
    for (i = 0; i < argc; i++) {
        char *u = convert(argv[i], "UTF-8", nl_langinfo(CODESET));

        if (u != NULL) {
            kept[i] = u;
            argv[i] = u;
        }
    }
}

char *
lcio_path(const char *utf8)
{
    char *p = lcio_legacy() ? convert(utf8, nl_langinfo(CODESET), "UTF-8") : NULL;

    return p != NULL ? p : xstrdup(utf8);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * xalloc.c - checked allocation and the single fatal exit.
 */
#include "config.h"
#include "util/xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void (*fatal_hook)(void);

void
xalloc_set_fatal_hook(void (*hook)(void))
{
    fatal_hook = hook;
}

void
die(const char *fmt, ...)
{
    va_list ap;

    if (fatal_hook != NULL) {
        fatal_hook();
    }
    fputs("zhenxing: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(2);
}

void *
xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);

    if (p == NULL) {
        die("out of memory (%zu bytes)", n);
    }
    return p;
}

void *
xcalloc(size_t nmemb, size_t size)
{
    void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);

    if (p == NULL) {
        die("out of memory (%zu x %zu bytes)", nmemb, size);
    }
    return p;
}

void *
xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);

    if (q == NULL) {
        die("out of memory (%zu bytes)", n);
    }
    return q;
}

void *
xgrow(void *p, size_t *nmemb, size_t want, size_t size)
{
    size_t n = *nmemb;

    if (want <= n) {
        return p;
    }
    n = n ? n : 8;
    while (n < want) {
        if (n > ((size_t)-1) / 2 / size) {
            die("out of memory (array of %zu)", want);
        }
        n *= 2;
    }
    p = xrealloc(p, n * size);
    *nmemb = n;
    return p;
}

void *
xappend(void **arr, size_t *n, size_t *alloc, size_t size)
{
    char *p;

    *arr = xgrow(*arr, alloc, *n + 1, size);
    p = (char *)*arr + *n * size;
    memset(p, 0, size);
    (*n)++;
    return p;
}

void
free_each(void *v, size_t n, size_t size, void (*clear)(void *))
{
    size_t i;

    for (i = 0; clear != NULL && i < n; i++) {
        clear((char *)v + i * size);
    }
    free(v);
}

char *
xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);

    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

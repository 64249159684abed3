/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * xalloc.h - allocation that never returns NULL.  On exhaustion the
 * registered fatal hook runs (the screen restores the terminal) and the
 * program exits with status 2.
 */
#ifndef ZX_XALLOC_H
#define ZX_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow an array of NMEMB elements of SIZE to at least WANT elements. */
void *xgrow(void *p, size_t *nmemb, size_t want, size_t size);
/* Add one zeroed element of SIZE bytes to the array *ARR (*N in use,
 * *ALLOC allocated, grown with xgrow) and return it; *N counts it.  ARR
 * is the address of the array's pointer: (void **)&v. */
void *xappend(void **arr, size_t *n, size_t *alloc, size_t size);
/* Free the array V of N elements of SIZE bytes, each cleared with CLEAR
 * first (NULL: nothing to clear). */
void free_each(void *v, size_t n, size_t size, void (*clear)(void *));
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Print "zhenxing: MSG" to stderr after running the fatal hook; exit 2. */
void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

/* Called before die() prints: the TUI registers tui_end here. */
void xalloc_set_fatal_hook(void (*hook)(void));

#endif

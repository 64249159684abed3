/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * notes.c - a list of messages to show later (see notes.h).
 */
#include "config.h"
#include "util/notes.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "util/err.h"
#include "util/xalloc.h"

void
notes_add(struct notes *n, const char *fmt, ...)
{
    char buf[ERR_MSG_MAX];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    n->v = xrealloc(n->v, (n->n + 1) * sizeof(*n->v));
    n->v[n->n++] = xstrdup(buf);
}

void
notes_clear(struct notes *n)
{
    size_t i;

    for (i = 0; i < n->n; i++) {
        free(n->v[i]);
    }
    free(n->v);
    n->v = NULL;
    n->n = 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * choices.c - a table of choices built from rows (choices.h).
 */
#include "config.h"
#include "tui/choices.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "util/sbuf.h"
#include "util/xalloc.h"

void
choices_init(struct choices *c)
{
    memset(c, 0, sizeof(*c));
}

static void
add_v(struct choices *c, const char *code, const char *fmt, va_list ap)
{
    struct sbuf label = SBUF_INIT;
    struct code *k;

    sbuf_vaddf(&label, fmt, ap);
    c->t.v = xgrow(c->t.v, &c->alloc, c->t.n + 1, sizeof(*c->t.v));
    k = &c->t.v[c->t.n++];
    memset(k, 0, sizeof(*k));
    k->code = xstrdup(code);
    k->short_label = xstrdup(label.buf);
    k->label = sbuf_detach(&label);
}

void
choices_add(struct choices *c, const char *code, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    add_v(c, code, fmt, ap);
    va_end(ap);
}

void
choices_add_id(struct choices *c, int64_t id, const char *fmt, ...)
{
    char code[24];
    va_list ap;

    snprintf(code, sizeof(code), "%lld", (long long)id);
    va_start(ap, fmt);
    add_v(c, code, fmt, ap);
    va_end(ap);
}

struct code_table *
choices_table(struct choices *c, const char *id, const char *title)
{
    c->t.id = xstrdup(id);
    c->t.title = xstrdup(title);
    c->t.national = xstrdup("");
    c->t.source = xstrdup("");
    return &c->t;
}

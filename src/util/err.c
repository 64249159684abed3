/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * err.c - filling struct err.
 */
#include "config.h"
#include "util/err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/u8.h"

int
err_set(struct err *e, enum err_code code, const char *fmt, ...)
{
    struct sbuf sb = SBUF_INIT;
    va_list ap;

    if (e == NULL) {
        return -1;
    }

    e->code = code;
    va_start(ap, fmt);
    sbuf_vaddf(&sb, fmt, ap);
    va_end(ap);
    u8_copy(e->msg, sizeof(e->msg), sb.buf);
    sbuf_release(&sb);
    return -1;
}

void
err_clear(struct err *e)
{
    if (e != NULL) {
        e->code = ERR_OK;
        e->msg[0] = '\0';
    }
}

void
err_prefix(struct err *e, const char *fmt, ...)
{
    char old[ERR_MSG_MAX];
    struct sbuf sb = SBUF_INIT;
    va_list ap;

    if (e == NULL) {
        return;
    }
    memcpy(old, e->msg, sizeof(old));
    va_start(ap, fmt);
    sbuf_vaddf(&sb, fmt, ap);
    va_end(ap);
    err_set(e, e->code, _("%s: %s"), sb.buf, old);
    sbuf_release(&sb);
}

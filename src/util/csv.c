/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * csv.c - RFC 4180 rows (see csv.h).
 */
#include "config.h"
#include "util/csv.h"

#include <string.h>

#include "util/sbuf.h"

void
csv_field(struct sbuf *sb, const char *s)
{
    if (s == NULL || s[strcspn(s, ",\"\r\n")] == '\0') {
        sbuf_adds(sb, s != NULL ? s : "");
        return;
    }
    sbuf_addch(sb, '"');
    for (; *s != '\0'; s++) {
        if (*s == '"') {
            sbuf_addch(sb, '"');
        }
        sbuf_addch(sb, *s);
    }
    sbuf_addch(sb, '"');
}

void csv_row(struct sbuf *sb, const char *const *v, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (i > 0) {
            sbuf_addch(sb, ',');
        }
        csv_field(sb, v[i]);
    }
    sbuf_adds(sb, "\r\n");
}

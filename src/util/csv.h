/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * csv.h - comma-separated values as RFC 4180 writes them: a field with a
 * comma, a double quote, a carriage return or a line feed is quoted, its
 * quotes doubled; rows end with CRLF.  UTF-8 passes through.
 */
#ifndef ZX_CSV_H
#define ZX_CSV_H

#include <stddef.h>

struct sbuf;

/* Add the field S (NULL: empty) to SB, quoted when it must be. */
void csv_field(struct sbuf *sb, const char *s);

/* Add the row of the N fields V (NULL: empty) to SB. */
void csv_row(struct sbuf *sb, const char *const *v, size_t n);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * export_national.h - the registry as the national system's
 * person-grain sheet (share/exchange/national.conf): one row per current
 * member, the household's fields on each, in the layout's column order.
 * The rows of the `national` export kind and of the round-trip test.
 */
#ifndef ZX_EXPORT_NATIONAL_H
#define ZX_EXPORT_NATIONAL_H

#include <stdint.h>

struct actor;
struct db;
struct err;
struct field_ctx;
struct xlayout;

struct national_src {
    struct db *db;
    const struct actor *a;          /* its scope is exported */
    const struct xlayout *layout;
    const struct field_ctx *fctx;
    int reveal;                     /* whole ID and phone numbers */
    int date;                       /* 数据日期 */
};

/* Call EMIT with the cells of each row (layout->n of them), household by
 * household; *ROWS gets how many.  Stops at EMIT's first -1. */
int national_rows(const struct national_src *src,
                  int (*emit)(void *arg, const char *const *cells, struct err *e),
                  void *arg, int64_t *rows, struct err *e);

#endif

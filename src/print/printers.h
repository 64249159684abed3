/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * printers.h - the printers there are: the CUPS queues this machine (or
 * the server $CUPS_SERVER and ~/.cups/client.conf name) knows, read
 * with libcups (loaded when first needed), for the print dialog's
 * choice list and `zhenxing print --list-printers`.
 */
#ifndef ZX_PRINTERS_H
#define ZX_PRINTERS_H

#include <stddef.h>

struct err;

struct printer_list {
    char **names;           /* queue names, as CUPS orders them */
    size_t n;
    size_t def;             /* the default queue's index; n when none */
};

/* The queues; none (N 0) when no CUPS server answers.  -1 with E (and
 * no queue in OUT, which is still freed) when libcups cannot be loaded. */
int printers_list(struct printer_list *out, struct err *e);
void printers_free(struct printer_list *l);

#endif

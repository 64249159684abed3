/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * printers.c - the CUPS queues, from libcups's cupsGetDests2: one call
 * that also says which queue is the default, where `lpstat -e` and
 * `lpstat -d` would be two programs run and their (translated) output
 * parsed.  Instances (NAME/INSTANCE) are left out: lp takes the queue.
 */
#include "config.h"

#include <cups/cups.h>
#include <stdlib.h>
#include <string.h>

#include "print/printers.h"
#include "util/xalloc.h"

void printers_list(struct printer_list *out)
{
    cups_dest_t *dests = NULL;
    int n = cupsGetDests2(CUPS_HTTP_DEFAULT, &dests), i;

    memset(out, 0, sizeof(*out));
    out->def = (size_t)-1;
    out->names = xcalloc(n > 0 ? (size_t)n : 1, sizeof(*out->names));
    for (i = 0; i < n; i++) {
        if (dests[i].instance != NULL) {
            continue;
        }
        if (dests[i].is_default) {
            out->def = out->n;
        }
        out->names[out->n++] = xstrdup(dests[i].name);
    }
    if (out->def == (size_t)-1) {
        out->def = out->n;
    }
    cupsFreeDests(n, dests);
}

void printers_free(struct printer_list *l)
{
    size_t i;

    for (i = 0; i < l->n; i++) {
        free(l->names[i]);
    }
    free(l->names);
    memset(l, 0, sizeof(*l));
}

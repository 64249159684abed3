/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * printers.c - the CUPS queues, from libcups's cupsGetDests2: one call
 * that also says which queue is the default, where `lpstat -e` and
 * `lpstat -d` would be two programs run and their (translated) output
 * parsed.  Instances (NAME/INSTANCE) are left out: lp takes the queue.
 *
 * libcups is loaded here, when the printers are first asked for, not
 * linked: it brings GnuTLS, Kerberos, Avahi and p11-kit (some 30
 * libraries, two thirds of the start-up time of every command); only
 * its header is needed to build.
 */
#include "config.h"

#include <cups/cups.h>
#include <stdlib.h>
#include <string.h>

#include "print/printers.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/module.h"
#include "util/xalloc.h"

/* The library as Debian's libcups2 installs it. */
#define CUPS_SONAME "libcups.so.2"

/* The functions used, loaded once. */
static struct {
    int (*get_dests)(http_t *http, cups_dest_t **dests);
    void (*free_dests)(int n, cups_dest_t *dests);
} cups;

static int load_cups(struct err *e)
{
    const struct module_sym syms[] = {
        {"cupsGetDests2", (void **)&cups.get_dests},
        {"cupsFreeDests", (void **)&cups.free_dests},
    };

    if (cups.get_dests != NULL) {
        return 0;
    }
    if (module_load(CUPS_SONAME, syms, ARRAY_SIZE(syms), e) < 0) {
        cups.get_dests = NULL;
        err_prefix(e, "%s", _("cannot list the printers: libcups is not installed "
                              "(apt-get install libcups2)"));
        return -1;
    }
    return 0;
}

int printers_list(struct printer_list *out, struct err *e)
{
    cups_dest_t *dests = NULL;
    int n, i;

    memset(out, 0, sizeof(*out));
    if (load_cups(e) < 0) {
        return -1;
    }
    n = cups.get_dests(CUPS_HTTP_DEFAULT, &dests);
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
    cups.free_dests(n, dests);
    return 0;
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

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * module.c - shared objects loaded when first needed (module.h), with
 * dlopen: RTLD_LOCAL, so that what one brings in (GLib, GnuTLS...) never
 * stands in for a symbol of the program or of another.
 */
#include "config.h"
#include "util/module.h"

#include <dlfcn.h>
#include <stdlib.h>

#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"

int module_load(const char *file, const struct module_sym *s, size_t n, struct err *e)
{
    void *h = dlopen(file, RTLD_NOW | RTLD_LOCAL);
    const char *why;
    size_t i;

    if (h == NULL) {
        why = dlerror();
        return err_set(e, ERR_CONFIG, _("cannot load %s: %s"), file, why ? why : "");
    }
    for (i = 0; i < n; i++) {
        dlerror();
        *s[i].addr = dlsym(h, s[i].name);
        if (*s[i].addr == NULL) {
            why = dlerror();
            err_set(e, ERR_CONFIG, _("cannot load %s: %s"), file, why ? why : s[i].name);
            dlclose(h);
            return -1;
        }
    }
    return 0;
}

const void *module_ours(const char *name, const char *sym, struct err *e)
{
    char *dir = path_moduledir(name), *path = path_join(dir, name);
    void *v = NULL;
    const struct module_sym s = {sym, &v};

    if (module_load(path, &s, 1, e) < 0) {
        err_prefix(e, "%s", _("a part of zhenxing is missing (install it again)"));
        v = NULL;
    }
    free(path);
    free(dir);
    return v;
}

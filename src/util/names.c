/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * names.c - the names of an enum's values (see names.h).
 */
#include "config.h"
#include "util/names.h"

#include <string.h>

#include "util/i18n.h"

static int
is_value(const struct enum_names *en, int v)
{
    return v >= 0 && (size_t)v < en->n;
}

const char *
enum_name(const struct enum_names *en, int v)
{
    return is_value(en, v) ? en->names[v] : "?";
}

const char *
enum_label(const struct enum_names *en, int v)
{
    return is_value(en, v) && en->labels != NULL ? _(en->labels[v]) : "?";
}

int
enum_parse(const struct enum_names *en, const char *name, int *v)
{
    size_t i;

    for (i = 0; name != NULL && i < en->n; i++) {
        if (strcmp(en->names[i], name) == 0) {
            *v = (int)i;
            return 0;
        }
    }
    return -1;
}

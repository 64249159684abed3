/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * names.h - the names of an enum's values: the stored name of each value
 * (ASCII, as the database and the command line write it) and, where the
 * values are shown, a label marked N_() (translated when asked for), both
 * tables indexed by the value.  A module keeps one struct enum_names per
 * enum and answers its own name, label and parse functions from it.
 */
#ifndef ZX_NAMES_H
#define ZX_NAMES_H

#include <stddef.h>

struct enum_names {
    const char *const *names;    /* the stored names, by value */
    const char *const *labels;   /* the labels, by value; NULL: none */
    size_t n;                    /* the number of values */
};

/* The stored name of V, or "?" when V is not a value of EN. */
const char *enum_name(const struct enum_names *en, int v);

/* The translated label of V, or "?" when V is not a value of EN (or EN
 * has no labels). */
const char *enum_label(const struct enum_names *en, int v);

/* The value whose stored name is NAME into *V: 0, or -1 (*V untouched)
 * when NAME (which may be NULL) is none of them. */
int enum_parse(const struct enum_names *en, const char *name, int *v);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * idset.h - a set of record ids kept sorted (the tagged rows of a list):
 * look-up by binary search, toggling, and the ids in ascending order for
 * whoever acts on them.
 */
#ifndef ZX_IDSET_H
#define ZX_IDSET_H

#include <stddef.h>
#include <stdint.h>

struct idset {
    int64_t *v;           /* ascending */
    size_t n, alloc;
};

#define IDSET_INIT { NULL, 0, 0 }

void idset_release(struct idset *s);
/* 1 when ID is in S. */
int idset_has(const struct idset *s, int64_t id);
/* Add ID when it is not in S, else remove it; returns 1 when added. */
int idset_toggle(struct idset *s, int64_t id);
/* Empty S (keeping its memory). */
void idset_clear(struct idset *s);

#endif

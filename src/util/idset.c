/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * idset.c - sorted sets of ids.
 */
#include "config.h"
#include "util/idset.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

void
idset_release(struct idset *s)
{
    free(s->v);
    memset(s, 0, sizeof(*s));
}

void
idset_clear(struct idset *s)
{
    s->n = 0;
}

/* Where ID is or would go. */
static size_t
pos(const struct idset *s, int64_t id)
{
    size_t lo = 0, hi = s->n;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;

        if (s->v[mid] < id) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

int
idset_has(const struct idset *s, int64_t id)
{
    size_t i = pos(s, id);

    return i < s->n && s->v[i] == id;
}

int
idset_toggle(struct idset *s, int64_t id)
{
    size_t i = pos(s, id);

    if (i < s->n && s->v[i] == id) {
        memmove(s->v + i, s->v + i + 1, (s->n - i - 1) * sizeof(*s->v));
        s->n--;
        return 0;
    }
    s->v = xgrow(s->v, &s->alloc, s->n + 1, sizeof(*s->v));
    memmove(s->v + i + 1, s->v + i, (s->n - i) * sizeof(*s->v));
    s->v[i] = id;
    s->n++;
    return 1;
}

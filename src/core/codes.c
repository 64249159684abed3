/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * codes.c - look-ups in code tables.  Tables are small (tens of entries),
 * so a linear scan is the simplest thing that is fast enough.
 */
#include "config.h"
#include "core/codes.h"

#include <stdlib.h>
#include <string.h>

const struct code_table *
codebook_table(const struct codebook *cb, const char *id)
{
    size_t i;

    for (i = 0; cb != NULL && i < cb->n; i++) {
        if (strcmp(cb->t[i].id, id) == 0) {
            return &cb->t[i];
        }
    }
    return NULL;
}

const struct code *
code_find(const struct code_table *t, const char *code)
{
    size_t i;

    for (i = 0; t != NULL && code != NULL && i < t->n; i++) {
        if (strcmp(t->v[i].code, code) == 0) {
            return &t->v[i];
        }
    }
    return NULL;
}

const struct code *
code_find_label(const struct code_table *t, const char *label)
{
    size_t i;

    for (i = 0; t != NULL && label != NULL && i < t->n; i++) {
        if (strcmp(t->v[i].label, label) == 0) {
            return &t->v[i];
        }
    }
    return NULL;
}

const struct code *
code_find_loose(const struct code_table *t, const char *spec)
{
    const struct code *c = code_find(t, spec), *hit = NULL;
    size_t i, n = strlen(spec);

    if (c == NULL) {
        c = code_find_label(t, spec);
    }
    if (c != NULL || n == 0) {
        return c;
    }
    for (i = 0; t != NULL && i < t->n; i++) {
        if (strncmp(t->v[i].label, spec, n) == 0) {
            if (hit != NULL) {
                return NULL;
            }
            hit = &t->v[i];
        }
    }
    return hit;
}

const char *
code_label(const struct codebook *cb, const char *id, const char *code)
{
    const struct code *c = code_find(codebook_table(cb, id), code);

    if (c != NULL) {
        return c->label;
    }
    return code != NULL ? code : "";
}

const char *
code_short(const struct codebook *cb, const char *id, const char *code)
{
    const struct code *c = code_find(codebook_table(cb, id), code);

    if (c != NULL) {
        return c->short_label != NULL ? c->short_label : c->label;
    }
    return code != NULL ? code : "";
}

int
code_has_tag(const struct code *c, const char *tag)
{
    size_t i;

    for (i = 0; c != NULL && i < c->ntags; i++) {
        if (strcmp(c->tags[i], tag) == 0) {
            return 1;
        }
    }
    return 0;
}

int
code_is(const struct codebook *cb, const char *id, const char *code,
        const char *tag)
{
    return code_has_tag(code_find(codebook_table(cb, id), code), tag);
}

const char *
code_with_tag(const struct codebook *cb, const char *id, const char *tag)
{
    const struct code_table *t = codebook_table(cb, id);
    size_t i;

    for (i = 0; t != NULL && i < t->n; i++) {
        if (code_has_tag(&t->v[i], tag)) {
            return t->v[i].code;
        }
    }
    return NULL;
}

void
code_table_free(struct code_table *t)
{
    size_t j, k;

    for (j = 0; j < t->n; j++) {
        free(t->v[j].code);
        free(t->v[j].label);
        free(t->v[j].short_label);
        for (k = 0; k < t->v[j].ntags; k++) {
            free(t->v[j].tags[k]);
        }
        free(t->v[j].tags);
    }
    free(t->v);
    free(t->id);
    free(t->title);
    free(t->national);
    free(t->source);
    memset(t, 0, sizeof(*t));
}

void
codebook_free(struct codebook *cb)
{
    size_t i;

    for (i = 0; i < cb->n; i++) {
        code_table_free(&cb->t[i]);
    }
    free(cb->t);
    cb->t = NULL;
    cb->n = 0;
}

/*
 * f_bind.c - records to form fields and back.
 */
#include "config.h"
#include "tui/f_bind.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "tui/form.h"
#include "util/xalloc.h"

/* The value of member B of REC. */
static void
value_of(const struct bind *b, const void *rec, struct field_value *v)
{
    const char *p = (const char *)rec + b->off;

    memset(v, 0, sizeof(*v));
    v->empty = 1;
    if (rec == NULL) {
        return;
    }
    switch (b->kind) {
    case B_STR:
        field_value_str(v, p);
        break;
    case B_PSTR:
        field_value_str(v, *(char *const *)(const void *)p);
        break;
    case B_INT:
    case B_FLAG:
        field_value_num(v, *(const int *)(const void *)p);
        break;
    case B_DATE:
        if (*(const int *)(const void *)p != DATE_NONE) {
            field_value_num(v, *(const int *)(const void *)p);
        }
        break;
    case B_FEN:
        field_value_num(v, *(const int64_t *)(const void *)p);
        break;
    case B_ID: {
        char id[24];

        if (*(const int64_t *)(const void *)p != 0) {
            snprintf(id, sizeof(id), "%lld", (long long)*(const int64_t *)(const void *)p);
            field_value_str(v, id);
        }
        break;
    }
    }
}

void
bind_add(struct form *fm, const struct bind *b, size_t n, const char *group,
         const void *rec, int brief)
{
    struct field_value v;
    size_t i;

    for (i = 0; i < n; i++) {
        if (brief && !b[i].brief) {
            continue;
        }
        value_of(&b[i], rec, &v);
        form_add_value(fm, b[i].spec, group, &v);
        field_value_clear(&v);
    }
}

void
bind_read(struct form *fm, const struct bind *b, size_t n, const char *group,
          void *rec)
{
    size_t i;

    for (i = 0; i < n; i++) {
        char *p = (char *)rec + b[i].off;
        const char *name = b[i].spec->name;

        if (wform_find(&fm->w, group, name) < 0) {
            continue;
        }
        switch (b[i].kind) {
        case B_STR:
            form_str(fm, group, name, p, b[i].size);
            break;
        case B_PSTR:
            free(*(char **)(void *)p);
            *(char **)(void *)p = form_strdup(fm, group, name);
            break;
        case B_INT:
        case B_FLAG:
            *(int *)(void *)p = (int)form_num(fm, group, name, 0);
            break;
        case B_DATE:
            *(int *)(void *)p = (int)form_num(fm, group, name, DATE_NONE);
            break;
        case B_FEN:
            *(int64_t *)(void *)p = form_num(fm, group, name, 0);
            break;
        case B_ID: {
            char id[24];

            form_str(fm, group, name, id, sizeof(id));
            *(int64_t *)(void *)p = strtoll(id, NULL, 10);
            break;
        }
        }
    }
}

void
bind_texts(struct form *fm, const struct bind *b, size_t n, const char *group,
           const void *rec, char **theirs)
{
    struct field_value v;
    size_t i;
    int k;

    for (i = 0; i < n; i++) {
        k = wform_find(&fm->w, group, b[i].spec->name);
        if (k < 0) {
            continue;
        }
        value_of(&b[i], rec, &v);
        free(theirs[k]);
        theirs[k] = form_format(fm, b[i].spec, &v);
        field_value_clear(&v);
    }
}

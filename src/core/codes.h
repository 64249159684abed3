/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * codes.h - code tables (categories, risks, labour ability, relation...)
 * loaded from share/codes.conf.  Codes are what the database stores;
 * labels are exactly those of the national exports.  Rules never name a
 * code: they ask for a tag ("labour", "development", "risk.water"), and
 * the data file says which codes carry it.
 */
#ifndef ZX_CODES_H
#define ZX_CODES_H

#include <stddef.h>

struct code {
    char *code;
    char *label;
    char *short_label;   /* for narrow columns; the label when not given */
    char **tags;
    size_t ntags;
};

struct code_table {
    char *id;       /* e.g. "risk" */
    char *title;    /* e.g. "致贫/返贫风险" */
    char *national; /* national table id, e.g. "100A27", or "" */
    char *source;   /* the file it was read from (for messages) */
    struct code *v;
    size_t n;
};

struct codebook {
    struct code_table *t;
    size_t n;
};

/* Table ID, or NULL. */
const struct code_table *codebook_table(const struct codebook *cb,
                                        const char *id);
/* The entry for CODE in TABLE, or NULL (TABLE may be NULL). */
const struct code *code_find(const struct code_table *t, const char *code);
/* The entry whose label is LABEL, or NULL. */
const struct code *code_find_label(const struct code_table *t,
                                   const char *label);
/* The entry of table T whose code or label is SPEC, or whose label starts
 * with SPEC when only one does ("四川" finds "四川省"); NULL otherwise. */
const struct code *code_find_loose(const struct code_table *t,
                                   const char *spec);
/* The label of CODE in table ID; CODE itself when unknown, "" for "". */
const char *code_label(const struct codebook *cb, const char *id,
                       const char *code);
/* The short label of CODE in table ID (the label when it has none). */
const char *code_short(const struct codebook *cb, const char *id,
                       const char *code);
/* 1 when C carries TAG. */
int code_has_tag(const struct code *c, const char *tag);
/* 1 when CODE of table ID carries TAG. */
int code_is(const struct codebook *cb, const char *id, const char *code,
            const char *tag);
/* The first code of table ID carrying TAG, or NULL. */
const char *code_with_tag(const struct codebook *cb, const char *id,
                          const char *tag);

/* Free one table's contents (not T itself). */
void code_table_free(struct code_table *t);
void codebook_free(struct codebook *cb);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_division.h - the division tree of the county: county, townships,
 * administrative villages, natural villages.
 */
#ifndef ZX_DB_DIVISION_H
#define ZX_DB_DIVISION_H

#include <stddef.h>
#include <stdint.h>

struct db;
struct err;

struct division {
    int64_t id;
    int level;          /* enum division_level */
    int64_t parent_id;  /* 0 for the county */
    char code[16];      /* GB/T 2260 or 统计用区划代码, "" unknown */
    char name[200];
};

/* Add a division; sets *ID.  AUDIT: write an audit row. */
int db_division_add(struct db *db, const char *actor, int level,
                    int64_t parent, const char *code, const char *name,
                    int audit, int64_t *id, struct err *e);

int db_division_get(struct db *db, int64_t id, struct division *out,
                    struct err *e);

/* The county (level 1); ERR_NOTFOUND in an empty database. */
int db_division_county(struct db *db, struct division *out, struct err *e);

/* Find a township or village by name: "乡镇", "乡镇/村" or a code.
 * ERR_NOTFOUND when nothing matches, ERR_INVALID when a village name is
 * ambiguous without its township. */
int db_division_resolve(struct db *db, const char *spec,
                        struct division *out, struct err *e);

/* Children of PARENT ordered by code then name; caller frees *V. */
int db_division_children(struct db *db, int64_t parent, struct division **v,
                         size_t *n, struct err *e);

#endif

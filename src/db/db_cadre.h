/*
 * db_cadre.h - the responsible cadres (帮扶责任人) and the households
 * they are responsible for.
 */
#ifndef ZX_DB_CADRE_H
#define ZX_DB_CADRE_H

#include <stddef.h>
#include <stdint.h>

struct db;
struct err;

/* A new cadre (sets *ID) and the link of a cadre to a household from
 * START, audited as "insert" rows by ACTOR when AUDIT.  Callers hold the
 * transaction (see db_household.h on bulk loads). */
int db_cadre_insert(struct db *db, const char *actor, const char *name,
                    const char *sex, const char *unit, const char *phone,
                    int audit, int64_t *id, struct err *e);
int db_household_cadre_insert(struct db *db, const char *actor,
                              int64_t household, int64_t cadre, int start,
                              int audit, struct err *e);

struct cadre_row {
    char name[96];
    char unit[128];
    char phone[24];
    int start;
};

/* The responsible cadres of household HH now (no end date). */
int db_household_cadres(struct db *db, int64_t hh, struct cadre_row **v,
                        size_t *n, struct err *e);

#endif

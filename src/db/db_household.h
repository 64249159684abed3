/*
 * db_household.h - storing the registry's records: households, members,
 * incomes, the four guarantees, measures, visits, responsible cadres,
 * monitoring cases and their steps.  Each insert sets the record's id;
 * with AUDIT it also writes an "insert" row to the audit log (bulk
 * generators pass 0 and write one "bulk" row for the whole batch).
 * Callers wrap them in db_begin()/db_commit().
 */
#ifndef ZX_DB_HOUSEHOLD_H
#define ZX_DB_HOUSEHOLD_H

#include <stdint.h>

#include "core/household.h"

struct db;
struct err;

int db_household_insert(struct db *db, const char *actor,
                        struct household *h, int audit, struct err *e);
int db_person_insert(struct db *db, const char *actor, struct person *p,
                     int audit, struct err *e);
/* Computes the income's net and per-capita figures before storing. */
int db_income_insert(struct db *db, const char *actor, struct income *inc,
                     int audit, struct err *e);
int db_guarantee_insert(struct db *db, const char *actor,
                        struct guarantee *g, int audit, struct err *e);
int db_measure_insert(struct db *db, const char *actor, struct measure *m,
                      int audit, struct err *e);
int db_visit_insert(struct db *db, const char *actor, struct visit *v,
                    int audit, struct err *e);

/* A responsible cadre (帮扶责任人) and the link to a household. */
int db_cadre_insert(struct db *db, const char *actor, const char *name,
                    const char *sex, const char *unit, const char *phone,
                    int audit, int64_t *id, struct err *e);
int db_household_cadre_insert(struct db *db, const char *actor,
                              int64_t household, int64_t cadre, int start,
                              int audit, struct err *e);

/* A new case with its risks (sets C->id); a step of it (sets S->id). */
int db_case_insert(struct db *db, const char *actor, struct mcase *c,
                   int audit, struct err *e);
int db_step_insert(struct db *db, struct case_step *s, struct err *e);
/* Replace the stored risks of case C by C's. */
int db_case_store_risks(struct db *db, const struct mcase *c, struct err *e);

struct cadre_row {
    char name[96];
    char unit[128];
    char phone[24];
    int start;
};

/* The responsible cadres of household HH now (no end date). */
int db_household_cadres(struct db *db, int64_t hh, struct cadre_row **v,
                        size_t *n, struct err *e);

/* Look a household up by its number; ERR_NOTFOUND when none. */
int db_household_id(struct db *db, const char *hh_no, int64_t *id,
                    struct err *e);
/* The number of household ID into OUT (N bytes); ERR_NOTFOUND when none. */
int db_household_no(struct db *db, int64_t id, char *out, size_t n,
                    struct err *e);

#endif

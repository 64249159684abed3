/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_warning.h - department warnings in the database (部门筛查预警,
 * domain.md 4.3a): the person an ID number of a department's sheet
 * names, storing a warning once, the warnings to verify, and their
 * outcomes (made a clue, closed as not eligible), each with its audit
 * rows.
 */
#ifndef ZX_DB_WARNING_H
#define ZX_DB_WARNING_H

#include <stddef.h>
#include <stdint.h>

#include "core/dept.h"

struct actor;
struct db;
struct err;

/* The person of the registry an ID number names, with what the rules ask
 * of the household. */
struct warn_match {
    int64_t person_id;
    int64_t household_id;
    int64_t township_id;
    int64_t village_id;
    char township[64];
    char hh_no[32];
    char name[64];
    char hh_type[12];
    int state;                  /* enum case_state of the case; 0: none */
    char risks[5][12];
    int nrisks;
    char labour[12];            /* the member's 劳动技能 code; "" none */
};

/* The current member whose ID number is ID_NO: 1 with M, 0 when the
 * registry has none, -1 with E. */
int db_warning_match(struct db *db, const char *id_no, struct warn_match *m,
                     struct err *e);

/* Store W (its id and version set) with its "insert" audit row by ACTOR,
 * unless the same warning (department, person, value, date) is stored
 * already: then 1 and nothing is written.  The caller holds the
 * transaction (an import stores a sheet's warnings all or none). */
int db_warning_add(struct db *db, const char *actor, struct dept_warning *w,
                   struct err *e);

/* A warning with what a list shows of its household. */
struct warn_row {
    struct dept_warning w;
    char hh_no[32];
    char place[160];            /* 乡镇/村 */
    int64_t township_id;
    char township[64];
};

/* Which warnings: STATUS (-1: all), DEPT ("" or NULL: all), TOWNSHIP (0:
 * all the actor sees). */
struct warn_filter {
    int status;
    const char *dept;
    int64_t township;
};

/* The warnings FILTER picks among those actor A sees, by township, date
 * of import and id, into *V (free with warn_rows_free). */
int db_warning_rows(struct db *db, const struct actor *a, const struct warn_filter *f,
                    struct warn_row **v, size_t *n, struct err *e);
void warn_rows_free(struct warn_row *v, size_t n);

/* Read warning ID into W (dept_warning_init'ed by the caller). */
int db_warning_get(struct db *db, int64_t id, struct dept_warning *w, struct err *e);

/* Close warning ID, seen at VERSION, as not eligible (不符合) because of
 * REASON, decided by A on DAY: one transaction with its audit rows;
 * ERR_CONFLICT when it was changed meanwhile, ERR_RULE when it is no
 * longer pending, ERR_DENIED outside A's scope. */
int db_warning_close(struct db *db, const struct actor *a, int64_t id,
                     int64_t version, const char *reason, int day, struct err *e);

/* Mark warning ID, seen at VERSION, as made into the clue of case CASE_ID
 * by A on DAY.  The caller holds the transaction (the one storing the
 * clue: db_case_act_also). */
int db_warning_to_clue(struct db *db, const struct actor *a, int64_t id,
                       int64_t version, int64_t case_id, int day, struct err *e);

/* Warning ID, seen at VERSION, of a household whose case is open (in
 * the identification procedure or monitored for another risk), made a
 * clue by A on DAY the way the policy treats a new risk of such a
 * household (domain.md 4.4, 4.6: the case keeps its risks, up to five,
 * and is not eliminated while one is not): RISK is added to that case
 * (*ADDED 0 when it had it already) and the warning linked to it, its
 * reason saying so; one transaction with the audit rows and the list
 * row, never a second case.  ERR_RULE when the household has no open
 * case, ERR_CONFLICT, ERR_DENIED as db_warning_close. */
struct rule_ctx;
int db_warning_to_case(struct db *db, const struct rule_ctx *ctx, const struct actor *a,
                       int64_t id, int64_t version, const char *risk, int day, int *added,
                       struct err *e);

#endif

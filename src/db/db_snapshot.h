/*
 * db_snapshot.h - reading households whole, as struct hh_snapshot, either
 * one at a time or streamed over the whole county in household order.
 * Streaming runs one ordered query per table and merges them, so the
 * cost is one pass over each table whatever the number of households.
 */
#ifndef ZX_DB_SNAPSHOT_H
#define ZX_DB_SNAPSHOT_H

#include <stdint.h>

#include <sqlite3.h>

#include "core/household.h"

struct db;
struct err;

enum snap_query {
    SNAP_HOUSEHOLD = 0,
    SNAP_PERSON,
    SNAP_INCOME,
    SNAP_GUARANTEE,
    SNAP_CASE,
    SNAP_RISK,
    SNAP_STEP,
    SNAP_MEASURE,
    SNAP_VISIT,
    SNAP_COUNT
};

struct snap_iter {
    struct db *db;
    sqlite3_stmt *st[SNAP_COUNT];
    int pending[SNAP_COUNT];     /* the statement holds an unread row */
    int done;
};

/* Start streaming households with ids in [LO, HI]. */
int snap_iter_open(struct snap_iter *it, struct db *db, int64_t lo,
                   int64_t hi, struct err *e);
/* Start streaming the households of TOWNSHIP, or of its village VILLAGE
 * (0: all its villages), in household order. */
int snap_iter_open_unit(struct snap_iter *it, struct db *db, int64_t township,
                        int64_t village, struct err *e);
/* The next household into S (reset first).  Returns 1 when one was read,
 * 0 at the end, -1 on error. */
int snap_iter_next(struct snap_iter *it, struct hh_snapshot *s,
                   struct err *e);
void snap_iter_close(struct snap_iter *it);

/* The columns the row readers below expect, in order, for a SELECT on
 * the table alone ("SELECT " SNAP_PERSON_COLS " FROM person WHERE ...").
 * Every child list starts with household_id. */
#define SNAP_HOUSEHOLD_COLS \
    "id, hh_no, township_id, village_id, coalesce(natural_village_id, 0), " \
    "hh_type, address, phone, relocated, relocation_site, military, " \
    "no_labour_support, house_grade, version"
#define SNAP_PERSON_COLS \
    "household_id, id, person_no, name, sex, id_type, id_no, birth_date, " \
    "relation, ethnicity, political, education, schooling, health, labour, " \
    "work_place, work_months, ins_medical, ins_serious, medical_aid, " \
    "ins_pension, dibao, tekun, public_job, phone, in_household, " \
    "left_reason, version"
#define SNAP_INCOME_COLS \
    "household_id, id, year, wage, business, property, transfer, " \
    "business_cost, claims, oop_rigid, members, net, per_capita, " \
    "coalesce(line_fen, 0), coalesce(line_year, 0), version"
#define SNAP_GUARANTEE_COLS \
    "household_id, id, year, checked_on, food_clothing, education, " \
    "medical, housing, water, version"
#define SNAP_MEASURE_COLS \
    "household_id, id, coalesce(case_id, 0), year, category, item, " \
    "start_date, end_date, coalesce(project_id, 0), version"
#define SNAP_VISIT_COLS \
    "household_id, id, visit_date, visitor, visitor_role, new_risk, " \
    "next_visit, findings, version"

/* The current row of ST (selected with the columns above) into the
 * record.  snap_read_visit frees the visit's findings first, so V must
 * be initialized (visit_init). */
void snap_read_household(sqlite3_stmt *st, struct household *h);
void snap_read_person(sqlite3_stmt *st, struct person *p);
void snap_read_income(sqlite3_stmt *st, struct income *inc);
void snap_read_guarantee(sqlite3_stmt *st, struct guarantee *g);
void snap_read_measure(sqlite3_stmt *st, struct measure *m);
void snap_read_visit(sqlite3_stmt *st, struct visit *v);

/* One household; ERR_NOTFOUND when there is none with that id. */
int db_snapshot_load(struct db *db, int64_t id, struct hh_snapshot *s,
                     struct err *e);

#endif

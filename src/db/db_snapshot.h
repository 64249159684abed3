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
/* The next household into S (reset first).  Returns 1 when one was read,
 * 0 at the end, -1 on error. */
int snap_iter_next(struct snap_iter *it, struct hh_snapshot *s,
                   struct err *e);
void snap_iter_close(struct snap_iter *it);

/* One household; ERR_NOTFOUND when there is none with that id. */
int db_snapshot_load(struct db *db, int64_t id, struct hh_snapshot *s,
                     struct err *e);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_snapshot.h - reading what the rules judge about households whole,
 * as struct hh_snapshot, either one at a time or streamed over the whole
 * county in household order.  Streaming runs one ordered query per table
 * and merges them, so the cost is one pass over each table whatever the
 * number of households.
 */
#ifndef ZX_DB_SNAPSHOT_H
#define ZX_DB_SNAPSHOT_H

#include <stdint.h>

#include "core/household.h"

struct db;
struct err;

/* A stream of households (opaque). */
struct snap_iter;

/* Start streaming households with ids in [LO, HI] into *IT. */
int snap_iter_open(struct snap_iter **it, struct db *db, int64_t lo,
                   int64_t hi, struct err *e);
/* Start streaming the households of TOWNSHIP, or of its village VILLAGE
 * (0: all its villages), in household order. */
int snap_iter_open_unit(struct snap_iter **it, struct db *db,
                        int64_t township, int64_t village, struct err *e);
/* Start streaming the households of the county with a monitoring case
 * (open or not), in household order: the few the assessment's registry
 * sources count, read without the rest. */
int snap_iter_open_cases(struct snap_iter **it, struct db *db, struct err *e);
/* The same households with only what the assessment's registry counts
 * reads (the findings PR02, PR03, EL01 and VS01, the case, its steps,
 * the members' labour, the measures): no incomes, guarantees, risks nor
 * cadres, and of the visits the latest alone. */
int snap_iter_open_counted(struct snap_iter **it, struct db *db, struct err *e);
/* The next household into S (reset first).  Returns 1 when one was read,
 * 0 at the end, -1 on error. */
int snap_iter_next(struct snap_iter *it, struct hh_snapshot *s,
                   struct err *e);
/* End the stream and free IT (NULL is ignored). */
void snap_iter_close(struct snap_iter *it);

/* One household; ERR_NOTFOUND when there is none with that id. */
int db_snapshot_load(struct db *db, int64_t id, struct hh_snapshot *s,
                     struct err *e);
/* The records of household H (as the caller read it) into S, with H. */
int db_snapshot_load_hh(struct db *db, const struct household *h,
                        struct hh_snapshot *s, struct err *e);

#endif

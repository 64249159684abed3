/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_print.h - the rows the prints need that no screen reads whole: the
 * households of a village in publicity, and the visits falling due per
 * responsible cadre.
 */
#ifndef ZX_DB_PRINT_H
#define ZX_DB_PRINT_H

#include <stddef.h>
#include <stdint.h>

#include "core/household.h"

struct db;
struct err;

struct publicity_row {
    int64_t household_id;
    char group[200];            /* natural village, "" when none */
    char head[NAME_BUF];
    int members;
    char category[CODE_BUF];
    char elim_method[CODE_BUF];
    int pub_start, pub_end;     /* of the case's latest publicity step */
};

/* The cases of village VILLAGE now in publicity (of identification, or
 * of elimination when ELIMINATION), by group then head; caller frees. */
int db_publicity_rows(struct db *db, int64_t village, int elimination,
                      struct publicity_row **v, size_t *n, struct err *e);

/* A household whose risk was eliminated, for the county's announcement. */
struct elimination_row {
    int64_t household_id;
    int64_t township_id, village_id;
    char township[200];
    char village[200];
    char head[NAME_BUF];
    int members;
    char category[CODE_BUF];
    char elim_method[CODE_BUF];
    int eliminated_on;
};

/* The households whose case is eliminated with its elimination from FROM
 * to TO, of TOWNSHIP (0: every township) and VILLAGE (0: every village),
 * by township, village, day and head; caller frees. */
int db_elimination_rows(struct db *db, int from, int to, int64_t township,
                        int64_t village, struct elimination_row **v, size_t *n,
                        struct err *e);

struct visit_due_row {
    int64_t household_id;
    int64_t township_id, village_id;
    int64_t cadre_id;
    char cadre[96];
    char unit[128];
    char village[200];
    char head[NAME_BUF];
    char address[SHORT_BUF];
    int last_visit;             /* DATE_NONE when never visited */
    int due;
};

/* The households whose next visit falls on or before UNTIL, per current
 * responsible cadre (only CADRE when not 0), by cadre then due date;
 * caller frees. */
int db_visits_due(struct db *db, int64_t cadre, int until,
                  struct visit_due_row **v, size_t *n, struct err *e);

/* The cadre named NAME (or numbered, "#12"); ERR_NOTFOUND, or
 * ERR_INVALID when several cadres have that name. */
int db_cadre_find(struct db *db, const char *name, int64_t *id,
                  struct err *e);

#endif

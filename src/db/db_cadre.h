/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_cadre.h - the responsible cadres (帮扶责任人) and the households
 * they are responsible for: the cadres as records (scoped by the township
 * and village they serve), their list, and the assignment of a cadre to
 * households, which ends the assignment before it and so keeps the
 * history (start and end dates, who assigned and who ended it).
 */
#ifndef ZX_DB_CADRE_H
#define ZX_DB_CADRE_H

#include <stddef.h>
#include <stdint.h>

#include "core/household.h"

struct actor;
struct db;
struct err;
struct rule_ctx;

/* A new cadre C (sets its id) and the link of a cadre to a household
 * from START, audited as "insert" rows by ACTOR when AUDIT.  Callers hold
 * the transaction (see db_household.h on bulk loads): the demo. */
int db_cadre_insert(struct db *db, const char *actor, struct cadre *c, int audit,
                    struct err *e);
int db_household_cadre_insert(struct db *db, const char *actor,
                              int64_t household, int64_t cadre, int start,
                              int audit, struct err *e);

/* Cadre ID into C. */
int db_cadre_get(struct db *db, int64_t id, struct cadre *c, struct err *e);
/* Insert or update C (cadre_check, the place a township and its village,
 * seen and written by A; an update with C's version, ERR_CONFLICT when
 * it moved), with its audit rows, in one transaction. */
int db_cadre_save(struct db *db, const struct rule_ctx *ctx, const struct actor *a,
                  struct cadre *c, struct err *e);

/* A cadre with its place and how many households it has now. */
struct cadre_list_row {
    struct cadre c;
    char place[200];              /* "乡镇" or "乡镇/村" */
    int households;
};
/* The cadres A sees, of TOWNSHIP (0: any), by place then name. */
int db_cadre_list(struct db *db, const struct actor *a, int64_t township,
                  struct cadre_list_row **v, size_t *n, struct err *e);

/* An assignment of a household to a cadre, with the cadre's data. */
struct cadre_row {
    int64_t link;                 /* the household_cadre row */
    int64_t cadre_id;
    char name[96];
    char unit[128];
    char phone[24];
    char post[128];
    char kind[12];
    int start, end;               /* end DATE_NONE: still */
    char assigned_by[64], ended_by[64];
};

/* The responsible cadres of household HH now (no end date). */
int db_household_cadres(struct db *db, int64_t hh, struct cadre_row **v,
                        size_t *n, struct err *e);
/* Every assignment of household HH, the current first, then the latest
 * ended. */
int db_household_cadre_history(struct db *db, int64_t hh, struct cadre_row **v,
                               size_t *n, struct err *e);
/* A household a cadre is responsible for now. */
struct cadre_hh {
    int64_t id;
    char hh_no[32];
    char head[96];
    char village[200];
    int start;
};
/* The households cadre ID is responsible for now, by number. */
int db_cadre_households(struct db *db, int64_t id, struct cadre_hh **v, size_t *n,
                        struct err *e);

/* Make CADRE the responsible cadre of the N households HH from DAY, as A,
 * in one transaction: each household seen and written by A and of the
 * cadre's township; the cadres it had end on DAY (ended_by A), the new
 * link says who assigned it; a household that already has this cadre is
 * left as it is.  EXPECT, when not -1, is the current link the user saw
 * of a single household (0: none): ERR_CONFLICT when another has been
 * made meanwhile.  *CHANGED (may be NULL) counts the households
 * assigned. */
int db_cadre_assign(struct db *db, const struct rule_ctx *ctx, const struct actor *a,
                    int64_t cadre, const int64_t *hh, size_t n, int day,
                    int64_t expect, size_t *changed, struct err *e);

#endif

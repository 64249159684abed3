/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_pair.h - the paired-assistance records in the database: partners,
 * pairings, yearly agreements and their targets, records of what
 * arrived; resident work teams, members, monthly attendance and yearly
 * grades (db_pair.c, db_team.c).  Built on db_rec.c: each save is one
 * transaction that checks role and scope, the record's own rules
 * (core/pair.c) and what depends on other records, the version loaded
 * (ERR_CONFLICT when someone saved meanwhile), and writes the audit rows;
 * on failure nothing is written and the record passed in keeps its id
 * and version.
 *
 * Who writes what: partners, pairings, agreements, targets and grades
 * are the county's (county staff and administrators); records of arrivals
 * the county's, or a township's for its own township; teams, members and
 * attendance anyone who writes, within the team's village.
 */
#ifndef ZX_DB_PAIR_H
#define ZX_DB_PAIR_H

#include <stddef.h>
#include <stdint.h>

#include "core/pair.h"
#include "core/role.h"
#include "db/db_fund.h"     /* PLACE_BUF */

struct db;
struct err;
struct rule_ctx;

/* What the lists are narrowed to (0 / "": any). */
struct pair_filter {
    int year;               /* agreements, records: of that year */
    int64_t partner_id;
    char kind[CODE_BUF];    /* partner_kind / pair_indicator */
    int64_t township_id, village_id;
    int month;              /* attendance: month_of(), 0: any */
    int flagged;            /* only rows with a warning */
};

void pair_filter_init(struct pair_filter *f);

/* --- partners ----------------------------------------------------------- */

struct partner_row {
    struct partner p;       /* without the note */
    char paired[PLACE_BUF]; /* where it is paired now: 县, 乡镇, 乡镇/村, "3 处" */
    int agreements;         /* how many yearly agreements */
    int64_t aid_year;       /* money arrived in the filter's year (fen) */
    int short_targets;      /* targets of past years missed, or behind pace this year */
};

int db_partner_get(struct db *db, int64_t id, struct partner *p, struct err *e);
int db_partner_save(struct db *db, const struct rule_ctx *ctx,
                    const struct actor *a, struct partner *p, struct err *e);
/* Refused while it has pairings, agreements or records. */
int db_partner_delete(struct db *db, const struct actor *a, int64_t id,
                      int64_t version, struct err *e);
int db_partner_list(struct db *db, const struct rule_ctx *ctx,
                    const struct pair_filter *f, struct partner_row **v,
                    size_t *n, struct err *e);
/* The partner named NAME exactly, or ERR_NOT_FOUND. */
int db_partner_find(struct db *db, const char *name, int64_t *id, struct err *e);

/* --- pairings ------------------------------------------------------------- */

struct pairing_row {
    struct pairing p;
    char place[PLACE_BUF];  /* "" for the county */
};

int db_pairing_get(struct db *db, int64_t id, struct pairing *p, struct err *e);
int db_pairing_save(struct db *db, const struct rule_ctx *ctx,
                    const struct actor *a, struct pairing *p, struct err *e);
int db_pairing_delete(struct db *db, const struct actor *a, int64_t id,
                      int64_t version, struct err *e);
int db_pairing_list(struct db *db, int64_t partner, struct pairing_row **v,
                    size_t *n, struct err *e);

/* --- agreements and their targets -------------------------------------- */

/* An agreement with its targets (held in memory; saved together). */
struct agreement_full {
    struct agreement a;
    struct agreement_target *t;
    size_t nt;
};

void agreement_full_clear(struct agreement_full *f);
int db_agreement_get(struct db *db, int64_t id, struct agreement_full *f,
                     struct err *e);
/* The agreement of PARTNER for YEAR, or ERR_NOT_FOUND. */
int db_agreement_find(struct db *db, int64_t partner, int year, int64_t *id,
                      struct err *e);
/* Save the agreement and its targets: one partner, one agreement a year;
 * a target of value 0 is dropped, each indicator once; each target
 * changed, added or dropped is audited. */
int db_agreement_save(struct db *db, const struct rule_ctx *ctx,
                      const struct actor *a, struct agreement_full *f,
                      struct err *e);
int db_agreement_delete(struct db *db, const struct actor *a, int64_t id,
                        int64_t version, struct err *e);

struct agreement_row {
    struct agreement a;     /* without the note */
    char partner[PAIR_NAME_BUF];
    char kind[CODE_BUF];    /* the partner's */
    int targets;            /* how many indicators */
    int met, short_, behind;/* of them: met, missed (year over), behind pace */
};

int db_agreement_list(struct db *db, const struct rule_ctx *ctx,
                      const struct pair_filter *f, struct agreement_row **v,
                      size_t *n, struct err *e);

/* Targets against actuals of PARTNER in YEAR judged on CTX->today: one
 * row per indicator with a target or an arrival, in the order of the
 * pair_indicator code table. */
struct progress_row {
    char indicator[CODE_BUF];
    struct pair_progress p;
    int records;            /* how many records make the actual */
};

int db_pair_progress(struct db *db, const struct rule_ctx *ctx, int64_t partner,
                     int year, struct progress_row **v, size_t *n,
                     struct err *e);

/* --- records of arrivals --------------------------------------------------- */

struct record_row {
    struct pair_record r;   /* without the note */
    char partner[PAIR_NAME_BUF];
    char place[PLACE_BUF];
};

int db_pair_record_get(struct db *db, int64_t id, struct pair_record *r,
                       struct err *e);
int db_pair_record_save(struct db *db, const struct rule_ctx *ctx,
                        const struct actor *a, struct pair_record *r,
                        struct err *e);
int db_pair_record_delete(struct db *db, const struct actor *a, int64_t id,
                          int64_t version, struct err *e);
/* By filter (year, partner, kind = indicator, place), newest first. */
int db_pair_record_list(struct db *db, const struct actor *a,
                        const struct pair_filter *f, struct record_row **v,
                        size_t *n, struct err *e);

/* --- resident teams ----------------------------------------------------------- */

/* Warnings on a team. */
enum team_flag {
    TF_SMALL = 1 << 0,          /* fewer members serving than the minimum (3) */
    TF_NO_SECRETARY = 1 << 1,   /* no 第一书记 serving */
    TF_SHORT_TERM = 1 << 2,     /* a term shorter than the minimum (2 years) */
    TF_ATTENDANCE = 1 << 3,     /* a member broke the attendance rule in the filter's month
                                   (or, without one, in the last month recorded) */
};

struct team_row {
    struct team t;          /* without the note */
    char place[PLACE_BUF];
    int members;            /* serving on CTX->today */
    char secretary[PAIR_PERSON_BUF]; /* the 第一书记 serving, "" none */
    int month;              /* the month the attendance columns are of */
    int att_broken;         /* members breaking the rule that month */
    unsigned flags;         /* enum team_flag */
};

int db_team_get(struct db *db, int64_t id, struct team *t, struct err *e);
int db_team_save(struct db *db, const struct rule_ctx *ctx,
                 const struct actor *a, struct team *t, struct err *e);
int db_team_delete(struct db *db, const struct actor *a, int64_t id,
                   int64_t version, struct err *e);
int db_team_list(struct db *db, const struct rule_ctx *ctx,
                 const struct actor *a, const struct pair_filter *f,
                 struct team_row **v, size_t *n, struct err *e);

int db_member_get(struct db *db, int64_t id, struct team_member *m,
                  struct err *e);
/* Within the team's term; one 第一书记 serving at a time. */
int db_member_save(struct db *db, const struct rule_ctx *ctx,
                   const struct actor *a, struct team_member *m,
                   struct err *e);
int db_member_delete(struct db *db, const struct actor *a, int64_t id,
                     int64_t version, struct err *e);
/* The members of TEAM, serving first, by role then start. */
int db_member_list(struct db *db, int64_t team, struct team_member **v,
                   size_t *n, struct err *e);

/* --- attendance and grades --------------------------------------------------- */

struct attendance_row {
    struct attendance a;    /* without the note */
    char member[PAIR_PERSON_BUF];
    char role[CODE_BUF];
    int64_t team_id;
    char team[PAIR_NAME_BUF];
    char place[PLACE_BUF];
    struct att_judgement j;
};

int db_attendance_get(struct db *db, int64_t id, struct attendance *a,
                      struct err *e);
/* One record per member and month, within the member's service and not
 * after this month. */
int db_attendance_save(struct db *db, const struct rule_ctx *ctx,
                       const struct actor *a, struct attendance *at,
                       struct err *e);
int db_attendance_delete(struct db *db, const struct actor *a, int64_t id,
                         int64_t version, struct err *e);
/* By filter: month, team (partner_id unused; township/village), flagged;
 * TEAM (0: any) narrows to one team.  By team, then role, then name. */
int db_attendance_list(struct db *db, const struct rule_ctx *ctx,
                       const struct actor *a, const struct pair_filter *f,
                       int64_t team, struct attendance_row **v, size_t *n,
                       struct err *e);
/* Days absent without leave of MEMBER in YEAR. */
int db_member_absences(struct db *db, int64_t member, int year, int *days,
                       struct err *e);

int db_grade_get(struct db *db, int64_t id, struct team_grade *g, struct err *e);
/* One grade per member and year, no better than grade_ceiling() of the
 * member's absences that year (ERR_RULE naming them). */
int db_grade_save(struct db *db, const struct rule_ctx *ctx,
                  const struct actor *a, struct team_grade *g, struct err *e);
/* The grades of MEMBER, newest year first. */
int db_grade_list(struct db *db, int64_t member, struct team_grade **v,
                  size_t *n, struct err *e);

#endif

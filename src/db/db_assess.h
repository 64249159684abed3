/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_assess.h - assessment rounds: a template applied to a set of units
 * (townships, villages, teams, partners) for a year.  The round keeps the
 * template's text as it was when the round was made.  While the round is
 * open, computed indicators are computed from the data as it is now
 * (db_assess_src.h) and manual ones take the points given with a note and
 * an evidence reference; finalizing stores every input, explanation and
 * point, so later changes of the data move nothing, and records who
 * finalized it; reopening is a logged action with its reason.  Rounds are
 * the county's: county staff and administrators make, score, finalize and
 * reopen them; everyone reads them.
 */
#ifndef ZX_DB_ASSESS_H
#define ZX_DB_ASSESS_H

#include <stddef.h>
#include <stdint.h>

#include "core/assess.h"
#include "db/db_assess_src.h"

struct actor;
struct db;
struct err;
struct rule_ctx;

struct assess_round {
    int64_t id;
    char template_id[64];
    char *template_text;         /* owned */
    enum assess_unit_kind kind;
    int year;
    char title[128];
    int final;
    char finalized_by[64];
    char finalized_at[24];
    int64_t version;
};

void assess_round_clear(struct assess_round *r);

/* Every function below that takes a template T takes the round's own,
 * parsed from the text kept with it (cfg/assess_load.h
 * assess_kept). */

/* A new round of template T (its text T->text kept with it) for
 * YEAR over the units IDS (N; 0: every unit of the template's kind the
 * actor sees, in the registry's order), titled TITLE ("" : the
 * template's title and the year); *ID the new round. */
int db_round_create(struct db *db, const struct rule_ctx *ctx, const struct actor *a,
                    const struct assess_template *t, int year, const char *title,
                    const int64_t *ids, size_t n, int64_t *id, struct err *e);
int db_round_get(struct db *db, int64_t id, struct assess_round *r, struct err *e);
/* Every round, newest first (template_text left NULL). */
int db_round_list(struct db *db, struct assess_round **v, size_t *n, struct err *e);
void db_round_list_free(struct assess_round *v, size_t n);

struct assess_unit_row {
    int64_t id;
    char name[200];
};

int db_round_units(struct db *db, int64_t round, struct assess_unit_row **v, size_t *n,
                   struct err *e);

/* One indicator of a unit's sheet, in the template's order. */
struct sheet_line {
    const struct assess_indicator *ind;   /* into the sheet's template */
    int depth;                  /* 0 at the top */
    int computed;               /* from a data source */
    int scored;                 /* manual or bonus: points given */
    struct assess_input in;     /* computed: the input and its explanation */
    struct assess_score s;      /* points (groups: the sum of their children) */
    char note[400];             /* manual: the note, evidence, who and when */
    char evidence[200];
    char scorer[64];
    char scored_at[24];
    int64_t score_id, version;  /* the stored score (0: none yet) */
};

struct assess_sheet {
    const struct assess_template *t;  /* the round's, not owned */
    struct assess_indicator *ind;     /* t's indicators as the round's year
                                         judges them (thresholds from its
                                         rules), owned; the lines point here */
    int64_t unit;
    char unit_name[200];
    struct sheet_line *v;
    size_t n;
    int64_t total_cp;           /* the top lines and the bonus */
    int64_t deduct_cp;          /* all taken off the maxima */
    const char *grade;          /* into *t */
    int unscored;               /* manual indicators without points yet */
};

void assess_sheet_clear(struct assess_sheet *s);
/* The sheet of UNIT in round R: frozen when the round is final, computed
 * now otherwise. */
int db_round_sheet(struct db *db, const struct rule_ctx *ctx, const struct assess_round *r,
                   const struct assess_template *t, int64_t unit, struct assess_sheet *s,
                   struct err *e);

/* Give manual or bonus indicator CODE of UNIT GIVEN_CP points with a
 * NOTE (required when points are taken off or given as a bonus) and
 * EVIDENCE; VERSION the score as loaded (0 when there was none).
 * Refused in a final round, outside the indicator's range, for a
 * computed indicator. */
int db_score_set(struct db *db, const struct rule_ctx *ctx, const struct actor *a,
                 int64_t round, const struct assess_template *t, int64_t unit,
                 const char *code, int64_t given_cp,
                 const char *note, const char *evidence, int64_t version,
                 struct err *e);

struct assess_rank {
    int64_t unit;
    char name[200];
    int64_t total_cp;
    const char *grade;          /* into T */
    int rank;                   /* 1.., equal totals share a rank */
    int unscored;
};

/* Every unit of round R with its total and grade, best first. */
int db_round_ranking(struct db *db, const struct rule_ctx *ctx, const struct assess_round *r,
                     const struct assess_template *t, struct assess_rank **v, size_t *n,
                     struct err *e);

/* Freeze ROUND (VERSION as loaded): every input, explanation and point
 * stored, who and when recorded, audited.  Refused while a manual
 * indicator of some unit has no points (the message names them). */
int db_round_finalize(struct db *db, const struct rule_ctx *ctx, const struct actor *a,
                      int64_t round, const struct assess_template *t, int64_t version,
                      struct err *e);
/* Open a final round again for REASON (required): audited as a step
 * (field "reopen", as finalizing is "finalize") and the reason as the
 * round's note. */
int db_round_reopen(struct db *db, const struct actor *a, int64_t round, int64_t version,
                    const char *reason, struct err *e);

#endif

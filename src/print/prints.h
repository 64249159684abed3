/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * prints.h - the builders of each print (prints.c), used by print.c.
 */
#ifndef ZX_PRINTS_H
#define ZX_PRINTS_H

#include <stddef.h>
#include <stdint.h>

#include "db/db_assess.h"

struct db;
struct doc;
struct err;
struct print_env;
struct print_request;
struct rule_ctx;
struct sbuf;

/* A date as printed: "2026年11月22日". */
void print_date(int day, char *buf, size_t n);
/* An amount as printed: "1,234.50元". */
void print_yuan(int64_t fen, char *buf, size_t n);
/* A table cell of an amount in yuan: "1,234.50". */
void print_cell_yuan(struct doc *d, int64_t fen);
/* A period as printed: "2026年3月1日至2026年10月31日". */
void print_period(int from, int to, char *buf, size_t n);
/* S, or "-" when S is empty or NULL. */
const char *print_or_dash(const char *s);
/* The last lines of a notice: BODY, who publishes it, and today's date,
 * right-aligned. */
void print_closing(const struct print_env *env, struct doc *d,
                   const char *body);
/* The name of division ID into BUF ("" when unknown); returns BUF. */
const char *print_division_name(struct db *db, int64_t id, char *buf,
                                size_t n);

/* One household card per household of R->households (in order); *HH
 * those households. */
int prints_cards(const struct print_env *env, const struct print_request *r,
                 struct doc ***docs, size_t *ndocs, int64_t **hh, size_t *nhh,
                 struct err *e);

/* The publicity list of R->village (of eliminations when
 * R->elimination); *HH the households on it. */
int prints_publicity(const struct print_env *env, const struct print_request *r,
                     struct doc **out, int64_t **hh, size_t *nhh, struct err *e);

/* The county's announcement of risk elimination (prints_elim.c): the
 * households of R->township (or R->village; 0: all the account sees)
 * whose risk was eliminated from R->pub_start to R->pub_end (DATE_NONE:
 * the quarter of today up to today); *HH those households. */
int prints_elimination(const struct print_env *env, const struct print_request *r,
                       struct doc **out, int64_t **hh, size_t *nhh, struct err *e);

/* One visit worklist per cadre (only R->cadre when not 0) of the visits
 * due within R->days; *HH the households on them. */
int prints_visits(const struct print_env *env, const struct print_request *r,
                  struct doc ***docs, size_t *ndocs, int64_t **hh,
                  size_t *nhh, struct err *e);

/* ---- the funds prints (prints_funds.c) ------------------------------- */

/* The publicity list of R's projects (R->projects, or the projects of
 * R->year and place on the list of publicity R->stage), or the plan's
 * announcement; *IDS the projects on it. */
int prints_projects(const struct print_env *env, const struct print_request *r,
                    struct doc **out, int64_t **ids, size_t *nids,
                    struct err *e);

/* The announcement of the allocation of receipt R->fund, or of every
 * receipt of R->year; *IDS the receipts on it. */
int prints_allocation(const struct print_env *env,
                      const struct print_request *r, struct doc **out,
                      int64_t **ids, size_t *nids, struct err *e);

/* The asset ledger of R's place in its three ledgers; *IDS the assets. */
int prints_assets(const struct print_env *env, const struct print_request *r,
                  struct doc **out, int64_t **ids, size_t *nids,
                  struct err *e);

/* ---- the pairing prints (prints_pair.c) ------------------------------ */

/* The targets against actuals of partner R->partner in R->year, with the
 * year's records; *IDS the partner. */
int prints_partner(const struct print_env *env, const struct print_request *r,
                   struct doc **out, int64_t **ids, size_t *nids,
                   struct err *e);

/* The attendance sheet of month R->month: of team R->team, or one per
 * team of R->village (or R->township) serving that month; *IDS the
 * members shown. */
int prints_attendance(const struct print_env *env,
                      const struct print_request *r, struct doc ***docs,
                      size_t *ndocs, int64_t **ids, size_t *nids,
                      struct err *e);

/* What names a pairing print's file: "-PARTNER-YEAR", "-TEAM-YYYY-MM". */
void pair_name_parts(const struct print_env *env,
                     const struct print_request *r, struct sbuf *sb);

/* ---- the assessment summary (prints_assess.c) ----------------------- */

/* A round and its own template, parsed from the text kept with it: a
 * round is always used with it. */
struct round_tpl {
    struct assess_round r;
    struct assess_template t;
};

/* Read round ID with its template into RT (cleared first; clear it after,
 * also on failure).  0, or -1 with E. */
int round_tpl_read(struct db *db, int64_t id, struct round_tpl *rt, struct err *e);
void round_tpl_clear(struct round_tpl *rt);

/* What a round's results are made of: the round with its own template,
 * the ranking of every unit, and the sheets of every unit (or of the one
 * asked), best first.  The command line's CSV reads it too. */
struct assess_report {
    struct round_tpl rt;
    struct assess_rank *rank;       /* every unit, best first */
    size_t nrank;
    struct assess_sheet *sheets;    /* in the ranking's order */
    size_t nsheets;
};

/* Load round ROUND with the sheet of UNIT (0: of every unit) into REP
 * (cleared by the caller with assess_report_clear, also after a failure).
 * ERR_NOTFOUND for a round or a unit not in it. */
int assess_report_load(struct db *db, const struct rule_ctx *ctx, int64_t round,
                       int64_t unit, struct assess_report *rep, struct err *e);
void assess_report_clear(struct assess_report *rep);
/* The ranking's row of UNIT (NULL when it is not in the round). */
const struct assess_rank *assess_report_rank(const struct assess_report *rep,
                                             int64_t unit);
/* 1 when a line lost points: a deduction off its maximum, or a bonus
 * line given less than nothing; *LOST (may be NULL) how many. */
int assess_line_lost(const struct sheet_line *l, int64_t *lost);

/* The summary of round R->round (the sheet of R->unit only, when not 0):
 * the ranking, each unit's indicators with their explanation, its
 * deductions, total, grade and signatures; *IDS the round. */
int prints_assessment(const struct print_env *env, const struct print_request *r,
                      struct doc **out, int64_t **ids, size_t *nids,
                      struct err *e);

/* What names the summary's file: "-ROUND TITLE". */
void assess_name_parts(const struct print_env *env,
                       const struct print_request *r, struct sbuf *sb);

/* --- department warnings (prints_dept.c) ---------------------------------- */

struct dept;
struct warn_row;

/* The verification feedback sheet (核实反馈表) of township R->township for
 * department R->dept: every warning with its result; *IDS the warnings. */
int prints_feedback(const struct print_env *env, const struct print_request *r,
                    struct doc **out, int64_t **ids, size_t *nids, struct err *e);
/* Its rows (the department found into *D), for the sheet too; and the
 * explanation of row W's result (the reason, or that it became a clue). */
int feedback_rows(const struct print_env *env, const struct print_request *r,
                  const struct dept **d, struct warn_row **v, size_t *n, struct err *e);
void feedback_result(const struct warn_row *w, char *out, size_t n);

/* The same rows as a sheet (CSV or XLSX through the sheet module), for
 * the department: written beside PATH, the export's audit row committed,
 * then put at PATH; *NROWS the warnings. */
struct feedback_dest {
    const char *path;
    int format;                 /* enum sheet_format: SHEET_CSV or SHEET_XLSX */
    int encoding;               /* enum sheet_encoding */
    int overwrite;
};
int feedback_sheet(const struct print_env *env, const struct print_request *r,
                   const struct feedback_dest *d, size_t *nrows, struct err *e);

#endif

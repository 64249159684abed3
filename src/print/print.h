/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * print.h - the prints of the monitoring workspace, built from the
 * database as the user's account sees it (its scope holds), made as text
 * or PDF, and sent to the print command or saved to a file; every print
 * of personal data is recorded in the audit log.  The command line
 * (`zhenxing print`) and the screens (`p`) both come through here.
 */
#ifndef ZX_PRINT_H
#define ZX_PRINT_H

#include <stddef.h>
#include <stdint.h>

#include "core/doc.h"
#include "core/rules.h"

struct actor;
struct codebook;
struct db;
struct doc;
struct err;
struct sbuf;

enum print_format { PF_PDF = 0, PF_TEXT };

struct print_request {
    enum print_kind kind;
    const int64_t *households;  /* PK_CARD: the households, in order */
    size_t nhouseholds;
    int64_t village;            /* PK_PUBLICITY; PK_PROJECTS, PK_ASSETS: the
                                   village (0: all of TOWNSHIP) */
    int elimination;            /* PK_PUBLICITY of eliminations */
    int64_t cadre;              /* PK_VISITS: one cadre, 0 = every cadre */
    int days;                   /* PK_VISITS: visits due within DAYS */
    /* the funds prints */
    int year;                   /* PK_PROJECTS: the plan year; PK_ALLOCATION:
                                   the receipts of YEAR when FUND is 0 */
    int64_t township;           /* PK_PROJECTS, PK_ASSETS, PK_ELIMINATION:
                                   the township (0
                                   and VILLAGE 0: what the account sees) */
    int stage;                  /* PK_PROJECTS: enum proj_pub (0: the plan) */
    const int64_t *projects;    /* PK_PROJECTS: these projects, in order,
                                   instead of the year's at STAGE */
    size_t nprojects;
    int pub_start, pub_end;     /* PK_PROJECTS: the publicity period when
                                   both are real days after 1970 (0 or
                                   DATE_NONE: each project's own, from its
                                   history); PK_ELIMINATION: the period
                                   (DATE_NONE: this quarter to today) */
    int64_t fund;               /* PK_ALLOCATION: one receipt */
    /* the pairing prints (YEAR: PK_PARTNER's year) */
    int64_t partner;            /* PK_PARTNER: the partner */
    int64_t team;               /* PK_ATTENDANCE: one team (0: every team
                                   of VILLAGE, or of TOWNSHIP) */
    int month;                  /* PK_ATTENDANCE: month_of() */
    /* the assessment summary */
    int64_t round;              /* PK_ASSESSMENT: the round */
    int64_t unit;               /* PK_ASSESSMENT: one unit's sheet (0: every
                                   unit of the round) */
    const char *dept;           /* PK_FEEDBACK: the department (dept.conf),
                                   of the township TOWNSHIP */
};

/* The title of the project publicity PUB (an enum proj_pub), translated:
 * 村级公示... for the menus that offer it. */
const char *prints_projects_title(int pub);

/* R for a print of KIND: nothing chosen, no period, visits due in 7 days. */
void print_request_init(struct print_request *r, enum print_kind kind);

/* What the prints are made from besides the database. */
struct print_env {
    struct db *db;
    const struct actor *actor;
    const struct codebook *codes;
    const char *county;         /* the county's name */
    const char *hotline;        /* 监督电话 */
    int today;
    struct rule_ctx ctx;        /* the funds lists' rules (publication days) */
    struct sbuf *warn;          /* NULL, or where a print says what the user
                                   should know before it is handed out (a
                                   publicity already ended), a line each */
};

struct print_dest {
    enum print_format format;
    const char *path;           /* a file; NULL = the print command */
    int overwrite;
    const char *command;        /* print command, printer and copies */
    const char *printer;
    int copies;
    int text_lines;             /* lines on a page of a text print */
    const char *font;           /* PDF fonts */
    const char *title_font;
};

/* The documents of R (*DOCS, *N; free with print_docs_free) and the
 * records they show (*IDS, *NIDS; caller frees): households, or the
 * projects, receipts or assets of a funds print, the partner or the
 * team members of a pairing print, the round of the assessment summary
 * (print_shown_table).
 * ERR_NOTFOUND when there is nothing to print, ERR_DENIED for a
 * household or place outside the account's scope. */
int print_build(const struct print_env *env, const struct print_request *r,
                struct doc ***docs, size_t *n, int64_t **ids, size_t *nids,
                struct err *e);
void print_docs_free(struct doc **docs, size_t n);

/* DOCS made in D's format into OUT; for a printer (no path) always the
 * PDF, whatever the format. */
int print_render(struct doc *const *docs, size_t n,
                 const struct print_dest *d, struct sbuf *out,
                 struct err *e);

/* Deliver DATA as D says: to standard output (path "-"), to a file
 * written whole or not at all, or to the print command with TITLE.  A
 * file in the county's store (priv_in_store) is refused (ERR_DENIED). */
int print_deliver(const struct print_dest *d, const char *title,
                  const struct sbuf *data, struct err *e);

/* Data made from R, and what its audit rows say. */
struct print_out {
    const char *op;             /* "print", or "export" for data written out */
    const char *what;           /* the kind's name in the audit log (NULL:
                                   R's kind; "csv"...) */
    const char *title;          /* the print command's job title */
    const struct sbuf *data;
    const int64_t *ids;         /* the records shown (print_build) */
    size_t nids;
    int64_t nrows;              /* how many records or rows it holds */
};

/* Deliver OUT to D, audit first: its rows (one per record shown: who,
 * what, where, how many rows, no whole ID numbers) are committed before
 * the data leaves; when they cannot be (a read-only database file, a
 * full disk, a lock held too long) nothing is delivered and E says why.
 * A delivery that fails after them is recorded as "undelivered" with
 * its reason. */
int print_send(const struct print_env *env, const struct print_request *r,
               const struct print_dest *d, const struct print_out *out,
               struct err *e);

/* Build R, make it, record it in the audit log and deliver it to D
 * (print_send).  *PAGES (may be NULL)
 * receives the number of documents printed. */
int print_run(const struct print_env *env, const struct print_request *r,
              const struct print_dest *d, size_t *ndocs, struct err *e);

/* A file name for R's print in FORMAT, e.g. "明白卡-3307....pdf",
 * "项目公示-2026-金茶镇-2026-11-22.pdf" (caller frees). */
char *print_file_name(const struct print_env *env,
                      const struct print_request *r, enum print_format f);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_rec.h - storing a record whose columns are described once: a table
 * of (column, kind, member offset, flags) gives the SELECT, INSERT and
 * UPDATE of the record (assembled once from those fixed names and
 * cached, values bound), the optimistic version check, and the audit
 * rows (one "insert" row with a summary, one "update" row per changed
 * column, old -> new as text).  The registry's records (db_household.c,
 * db_yearly.c, db_measure.c, db_case.c, db_cadre.c), the funds
 * (db_fund.c, db_project.c, db_asset.c) and the paired assistance
 * (db_pair.c, db_team.c) are built on it; callers hold the transaction.
 * For the files of db/ only.
 *
 * Audit values are text: dates ISO ("" for none), months "YYYY-MM",
 * money in yuan with two decimals and no grouping ("1234.50"), flags
 * "0" or "1", other numbers in decimal, ids and optional numbers "" for
 * 0, codes and texts as stored.
 */
#ifndef ZX_DB_REC_H
#define ZX_DB_REC_H

#include <stddef.h>
#include <stdint.h>

#include "db/db_priv.h"
#include "util/array.h"
#include "util/err.h"

struct actor;
struct rule_ctx;
struct sbuf;

enum rec_kind {
    RC_TEXT = 0,    /* char member[size]; "" stored as NULL */
    RC_PTEXT,       /* char *member (owned, NULL when empty) */
    RC_INT,         /* int */
    RC_DATE,        /* int day number, DATE_NONE as NULL */
    RC_MONTH,       /* int month number (core/date.h) as "YYYY-MM" */
    RC_FEN,         /* int64_t fen */
    RC_FLAG,        /* int 0/1 */
    RC_ID,          /* int64_t, 0 as NULL */
    RC_ENUM,        /* an enum (int-sized) stored by name (struct rec_enum) */
};

/* How a column differs from what its kind says. */
enum rec_flag {
    RF_NOTNULL = 1 << 0,  /* RC_TEXT, RC_ID: "" and 0 are stored as they
                           * are, never as NULL */
    RF_OPTIONAL = 1 << 1, /* RC_INT, RC_FEN, RC_MONTH: 0 means none: stored as NULL,
                           * audited as "" */
    RF_INSERT = 1 << 2,   /* written by an insert only: an update leaves
                           * it as stored and copies it back into the
                           * record (the household of a member, a
                           * member's membership) */
    RF_QUIET = 1 << 3,    /* stored, never audited */
};

/* The names of an RC_ENUM column's values. */
struct rec_enum {
    const char *(*name)(int v);
    int (*parse)(const char *name, int *v);   /* 0, or -1: read as 0 */
};

struct rec_col {
    const char *name;      /* the column */
    enum rec_kind kind;
    size_t off;
    size_t size;           /* sizeof the member */
    unsigned flags;        /* enum rec_flag */
    const struct rec_enum *en;  /* RC_ENUM */
};

#define REC_COL_ASF(type, member, col, kind, flags) \
    {(col), (kind), offsetof(type, member), sizeof(((type *)0)->member), (flags), NULL}
#define REC_COLF(type, member, kind, flags) REC_COL_ASF(type, member, #member, kind, flags)
#define REC_COL(type, member, kind) REC_COL_ASF(type, member, #member, kind, 0)
#define REC_COL_AS(type, member, col, kind) REC_COL_ASF(type, member, col, kind, 0)
#define REC_ENUM(type, member, names) \
    {#member, RC_ENUM, offsetof(type, member), sizeof(((type *)0)->member), 0, &(names)}

struct rec_def {
    const char *table;
    const struct rec_col *cols;
    size_t ncols;
    size_t id_off;         /* int64_t id */
    size_t version_off;    /* int64_t version */
    size_t summary_col;    /* the column whose value an insert's audit row shows */
};

/* The definition of TYPE (with members id and version) in TABLE. */
#define REC_DEF(type, table, cols, summary) \
    {(table), (cols), ARRAY_SIZE(cols), offsetof(type, id), \
     offsetof(type, version), (summary)}

/* db_NAME_get: read record ID of DEF into REC of TYPE (rec_get). */
#define REC_GET(name, type, def)                                            \
    int db_##name##_get(struct db *db, int64_t id, type *rec, struct err *e) \
    {                                                                       \
        return rec_get(db, &(def), id, rec, e);                             \
    }

/* The id and version of REC. */
int64_t *rec_id(const struct rec_def *def, void *rec);
int64_t *rec_version(const struct rec_def *def, void *rec);

/* Read row ID of DEF into REC (initialized by the caller; owned strings
 * it holds are freed first).  ERR_NOTFOUND when there is none. */
int rec_get(struct db *db, const struct rec_def *def, int64_t id, void *rec,
            struct err *e);

/* Insert REC (its id and version are set: version 1) with an audit row
 * by ACTOR; ACTOR NULL writes none (a bulk load, which audits its batch
 * with one "bulk" row). */
int rec_insert(struct db *db, const struct rec_def *def, const char *actor,
               void *rec, struct err *e);

/* Update the row of REC from OLD (as stored now): ERR_CONFLICT when the
 * stored version is not REC's (someone saved meanwhile; WHAT names the
 * record in the message); otherwise the changed columns with their audit
 * rows by ACTOR (NULL: none, a bulk load as for rec_insert), REC's
 * version is the new one and its RF_INSERT columns those stored. */
int rec_update(struct db *db, const struct rec_def *def, const char *actor,
               const void *old, void *rec, const char *what, struct err *e);

/* The audit text of column C of REC ("" for empty): a pointer to the
 * record's own text for texts, else written into BUF. */
#define REC_VAL_BUF 32
const char *rec_text(const struct rec_col *c, const void *rec, char buf[REC_VAL_BUF]);

/* --- rows of lists ------------------------------------------------------ */

/* Append "ALIAS.id, ALIAS.<column>..., ALIAS.version" to SB: the columns
 * of DEF but its owned texts (RC_PTEXT: notes), for a list's SELECT;
 * rec_select_all names the owned texts too. */
void rec_select(struct sbuf *sb, const struct rec_def *def, const char *alias);
void rec_select_all(struct sbuf *sb, const struct rec_def *def, const char *alias);
/* Read what rec_select (rec_read_all: rec_select_all) named, from column
 * FIRST of ST, into REC (rec_read leaves its owned texts alone;
 * rec_read_all frees them first); returns the next column. */
int rec_read(sqlite3_stmt *st, int first, const struct rec_def *def, void *rec);
int rec_read_all(sqlite3_stmt *st, int first, const struct rec_def *def, void *rec);

/* A cached statement "SELECT <the columns of DEF, as rec_select names
 * them with ALIAS><REST>", REST (", more columns FROM ..." or " FROM
 * ...") a string literal that names the statement: use each with one
 * definition only. */
sqlite3_stmt *rec_prep_select(struct db *db, const struct rec_def *def,
                              const char *alias, const char *rest,
                              struct err *e);
/* The records of DEF that rec_prep_select(DEF, ALIAS, REST) finds with
 * ?1 bound to ID, read by rec_read into a new array *V of N records of
 * SIZE bytes (zeroed first); WHAT names them when reading fails. */
int rec_list(struct db *db, const struct rec_def *def, const char *alias,
             const char *rest, int64_t id, size_t size, void **v, size_t *n,
             const char *what, struct err *e);

/* --- what the repositories built on records share ------------------ */

/* Replace a list kept beside record PARENT (a case's risks, an asset's
 * fund sources): DEL deletes its rows, then INS inserts N, binding
 * PARENT, the position from 1, and what BIND binds of item I of ARG from
 * parameter 3 on. */
int rec_replace_rows(struct db *db, const char *del, const char *ins,
                     int64_t parent, int n,
                     void (*bind)(sqlite3_stmt *st, int i, const void *arg),
                     const void *arg, struct err *e);

/* One save: the connection, the rules, who saves, and the record. */
struct rec_job {
    struct db *db;
    const struct rule_ctx *ctx;
    const struct actor *a;
    void *rec;
    struct err *e;
};

/* Run STORE(J) in a transaction; on failure REC (a record of DEF: J->rec
 * or a part of it) keeps the id and version it had. */
int rec_save_tx(const struct rec_def *def, void *rec,
                int (*store)(const struct rec_job *j), const struct rec_job *j);
/* Insert J->rec, or update it from what is stored, read into OLD
 * (initialized by the caller, released by CLEAR); WHAT names it in a
 * conflict. */
int rec_store(const struct rec_job *j, const struct rec_def *def, void *old,
              void (*clear)(void *), const char *what);
/* ERR_DENIED with WHY unless A writes and is county staff or an
 * administrator. */
int rec_county_only(const struct actor *a, const char *why, struct err *e);
/* The next number "PREFIXYYYY-NNNN" of YEAR into OUT (N bytes): SQL
 * gives the highest NNNN in use of the numbers starting with ?1 (NNNN
 * from character ?2). */
int rec_next_no(struct db *db, const char *sql, const char *prefix, int year,
                char *out, size_t n, struct err *e);

/* One integer from SQL with up to two parameters A and B (B bound only
 * when the SQL has two) into *OUT (0 when no row). */
int rec_scalar(struct db *db, const char *sql, int64_t a, int64_t b, int64_t *out,
               struct err *e);
/* 0 when SQL, a count with the parameters A and B as for rec_scalar,
 * counts something; else -1 with E: CODE and WHY (a chosen record that
 * does not exist or does not belong where it was put). */
int rec_must_find(struct db *db, const char *sql, int64_t a, int64_t b,
                  enum err_code code, const char *why, struct err *e);
/* End the transaction: roll back when RC is not 0 (and return -1),
 * commit otherwise. */
int rec_end_tx(struct db *db, int rc, struct err *e);
/* ERR_DENIED unless actor A may write. */
int rec_may_write(const struct actor *a, struct err *e);
/* ERR_DENIED unless A writes and sees the place (TOWNSHIP, VILLAGE). */
int rec_may_change_place(const struct actor *a, int64_t township, int64_t village,
                         struct err *e);
/* ERR_INVALID unless TOWNSHIP is a township and VILLAGE (0: none) one of
 * its villages. */
int rec_check_place(struct db *db, int64_t township, int64_t village, struct err *e);
/* "乡镇" or "乡镇/村" from the text columns I and I + 1 of ST. */
void rec_col_place(sqlite3_stmt *st, int i, char *out, size_t n);
/* Delete row ID of table TBL by SQL (binding ID and VERSION) with its
 * audit row; ERR_CONFLICT naming WHAT when the version has moved. */
int rec_delete(struct db *db, const struct actor *a, const char *sql,
               const char *tbl, int64_t id, int64_t version, const char *what,
               struct err *e);

#endif

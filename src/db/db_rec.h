/*
 * db_rec.h - storing a record whose columns are described once: a table
 * of (column, kind, member offset) gives the SELECT, INSERT and UPDATE
 * of the record (assembled from those fixed names, values bound), the
 * optimistic version check, and the audit rows (one "insert" row with a
 * summary, one "update" row per changed column, old -> new as text).
 * The funds repositories (db_fund.c) are built on it; callers hold the
 * transaction.
 */
#ifndef ZX_DB_REC_H
#define ZX_DB_REC_H

#include <stddef.h>
#include <stdint.h>

struct db;
struct err;

enum rec_kind {
    RC_TEXT = 0,    /* char member[size]; "" stored as NULL */
    RC_PTEXT,       /* char *member (owned, NULL when empty) */
    RC_INT,         /* int */
    RC_DATE,        /* int day number, DATE_NONE as NULL */
    RC_MONTH,       /* int month number (core/date.h) as "YYYY-MM" */
    RC_FEN,         /* int64_t fen */
    RC_FLAG,        /* int 0/1 */
    RC_ID,          /* int64_t, 0 as NULL */
};

struct rec_col {
    const char *name;      /* the column */
    enum rec_kind kind;
    size_t off;
    size_t size;           /* RC_TEXT: sizeof the member */
};

#define REC_COL(type, member, kind) \
    {#member, (kind), offsetof(type, member), sizeof(((type *)0)->member)}
#define REC_COL_AS(type, member, col, kind) \
    {(col), (kind), offsetof(type, member), sizeof(((type *)0)->member)}

struct rec_def {
    const char *table;
    const struct rec_col *cols;
    size_t ncols;
    size_t id_off;         /* int64_t id */
    size_t version_off;    /* int64_t version */
    size_t summary_col;    /* the column whose value an insert's audit row shows */
};

/* Read row ID of DEF into REC (initialized by the caller; owned strings
 * it holds are freed first).  ERR_NOT_FOUND when there is none. */
int rec_get(struct db *db, const struct rec_def *def, int64_t id, void *rec,
            struct err *e);

/* Insert REC (its id and version are set: version 1) with an audit row
 * by ACTOR. */
int rec_insert(struct db *db, const struct rec_def *def, const char *actor,
               void *rec, struct err *e);

/* Update the row of REC from OLD (as stored now): ERR_CONFLICT when the
 * stored version is not REC's (someone saved meanwhile; WHAT names the
 * record in the message); otherwise the changed columns with their audit
 * rows, and REC's version is the new one. */
int rec_update(struct db *db, const struct rec_def *def, const char *actor,
               const void *old, void *rec, const char *what, struct err *e);

/* The text of column C of REC as the audit log and the conflict screen
 * show it ("" for empty) into BUF (N >= 32). */
void rec_text(const struct rec_col *c, const void *rec, char *buf, size_t n);

/* Bind the values of REC's columns from position FIRST (1-based). */
void rec_bind(const struct rec_def *def, const void *rec, void *st, int first);

struct actor;
struct sbuf;
struct sqlite3_stmt;

/* --- rows of lists ------------------------------------------------------ */

/* Append "ALIAS.id, ALIAS.<column>..., ALIAS.version" to SB: the columns
 * of DEF but its owned texts (RC_PTEXT: notes), for a list's SELECT. */
void rec_select(struct sbuf *sb, const struct rec_def *def, const char *alias);
/* Read what rec_select named, from column FIRST of ST, into REC (its owned
 * texts left alone); returns the next column. */
int rec_read(struct sqlite3_stmt *st, int first, const struct rec_def *def, void *rec);

/* --- what the repositories built on records share ------------------ */

/* One integer from SQL with up to two parameters A and B (B bound only
 * when the SQL has two) into *OUT (0 when no row). */
int rec_scalar(struct db *db, const char *sql, int64_t a, int64_t b, int64_t *out,
               struct err *e);
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
void rec_col_place(struct sqlite3_stmt *st, int i, char *out, size_t n);
/* Delete row ID of table TBL by SQL (binding ID and VERSION) with its
 * audit row; ERR_CONFLICT naming WHAT when the version has moved. */
int rec_delete(struct db *db, const struct actor *a, const char *sql,
               const char *tbl, int64_t id, int64_t version, const char *what,
               struct err *e);

#endif

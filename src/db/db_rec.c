/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_rec.c - records described by a column table (see db_rec.h).  The
 * SQL is assembled from the table's fixed column names only; every value
 * is bound.
 */
#include "config.h"
#include "db/db_rec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit_text.h"
#include "core/date.h"
#include "core/money.h"
#include "core/role.h"
#include "db/db_audit.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

#define MEMBER(rec, c) ((char *)(rec) + (c)->off)
#define CMEMBER(rec, c) ((const char *)(rec) + (c)->off)
#define INT(rec, c) (*(const int *)(const void *)CMEMBER(rec, c))
#define I64(rec, c) (*(const int64_t *)(const void *)CMEMBER(rec, c))
#define PTEXT(rec, c) (*(char *const *)(const void *)CMEMBER(rec, c))

/* The statements of a definition, cached under its address. */
enum rec_stmt { RS_GET, RS_INSERT, RS_UPDATE };

int64_t *
rec_id(const struct rec_def *def, void *rec)
{
    return (int64_t *)(void *)((char *)rec + def->id_off);
}

int64_t *
rec_version(const struct rec_def *def, void *rec)
{
    return (int64_t *)(void *)((char *)rec + def->version_off);
}

static int64_t
cversion(const struct rec_def *def, const void *rec)
{
    return *(const int64_t *)(const void *)((const char *)rec + def->version_off);
}

/* 0 as "" for ids and optional numbers. */
static const char *
number_text(int64_t v, int optional, char buf[REC_VAL_BUF])
{
    buf[0] = '\0';
    if (v != 0 || !optional) {
        snprintf(buf, REC_VAL_BUF, "%lld", (long long)v);
    }
    return buf;
}

const char *
rec_text(const struct rec_col *c, const void *rec, char buf[REC_VAL_BUF])
{
    int optional = (c->flags & RF_OPTIONAL) != 0;

    switch (c->kind) {
    case RC_TEXT:
        return CMEMBER(rec, c);
    case RC_PTEXT:
        return PTEXT(rec, c) != NULL ? PTEXT(rec, c) : "";
    case RC_INT:
        return number_text(INT(rec, c), optional, buf);
    case RC_FLAG:
        return INT(rec, c) ? "1" : "0";
    case RC_DATE:
        date_format(INT(rec, c), buf);
        return buf;
    case RC_MONTH:
        buf[0] = '\0';
        if (INT(rec, c) != 0 || !optional) {
            month_format(INT(rec, c), buf);
        }
        return buf;
    case RC_FEN:
        buf[0] = '\0';
        if (I64(rec, c) != 0 || !optional) {
            money_format(I64(rec, c), 0, buf);
        }
        return buf;
    case RC_ID:
        return number_text(I64(rec, c), 1, buf);
    case RC_ENUM:
        return c->en->name(INT(rec, c));
    }
    return "";
}

/* Bind the text S at POS (NULL for "" unless KEEP): a text of the record
 * or a name of the program's is bound without a copy (the statement is
 * run before the record goes: rec_insert, rec_update), one written into
 * BUF with one. */
static void
bind_rec_text(sqlite3_stmt *st, int pos, const char *s, const char *buf, int keep)
{
    int in_buf = s != NULL && s >= buf && s < buf + REC_VAL_BUF;

    if (s == NULL) {
        s = "";
    }
    if (!keep && *s == '\0') {
        sqlite3_bind_null(st, pos);
    } else {
        sqlite3_bind_text(st, pos, s, -1, in_buf ? SQLITE_TRANSIENT : SQLITE_STATIC);
    }
}

/* Bind column C of REC at POS. */
static void
bind_col(sqlite3_stmt *st, int pos, const struct rec_col *c, const void *rec)
{
    int keep = (c->flags & RF_NOTNULL) != 0, optional = (c->flags & RF_OPTIONAL) != 0;
    char buf[REC_VAL_BUF];

    switch (c->kind) {
    case RC_TEXT:
    case RC_PTEXT:
        bind_rec_text(st, pos, rec_text(c, rec, buf), buf, keep);
        break;
    case RC_INT:
    case RC_FLAG:
        if (optional && INT(rec, c) == 0) {
            sqlite3_bind_null(st, pos);
        } else {
            db_bind_int(st, pos, INT(rec, c));
        }
        break;
    case RC_DATE:
        db_bind_date(st, pos, INT(rec, c));
        break;
    case RC_MONTH:
        db_bind_text_or_null(st, pos, rec_text(c, rec, buf));
        break;
    case RC_ENUM:
        bind_rec_text(st, pos, rec_text(c, rec, buf), buf, 1);
        break;
    case RC_FEN:
    case RC_ID:
        if ((optional || c->kind == RC_ID) && !keep) {
            db_bind_id(st, pos, I64(rec, c));
        } else {
            db_bind_int(st, pos, I64(rec, c));
        }
        break;
    }
}

/* Bind the columns of REC from position FIRST, but those with a flag of
 * SKIP; returns the next position. */
static int
bind_cols(sqlite3_stmt *st, int first, const struct rec_def *def,
          const void *rec, unsigned skip)
{
    size_t i;

    for (i = 0; i < def->ncols; i++) {
        if (!(def->cols[i].flags & skip)) {
            bind_col(st, first++, &def->cols[i], rec);
        }
    }
    return first;
}

/* A month as "YYYY-MM" (0 when it is not one). */
static int
col_month(sqlite3_stmt *st, int i)
{
    char m[MONTH_BUF];
    int v = 0;

    db_col_text(st, i, m, sizeof(m));
    return month_parse(m, &v) == DATE_OK ? v : 0;
}

/* An enumeration by the name of its value (0 when it has none). */
static int
col_enum(sqlite3_stmt *st, int i, const struct rec_enum *en)
{
    const char *name = (const char *)sqlite3_column_text(st, i);
    int v = 0;

    return name != NULL && en->parse(name, &v) == 0 ? v : 0;
}

static void
read_col(sqlite3_stmt *st, int i, const struct rec_col *c, void *rec)
{
    char *p = MEMBER(rec, c);

    switch (c->kind) {
    case RC_TEXT:
        db_col_text(st, i, p, c->size);
        break;
    case RC_PTEXT:
        free(*(char **)(void *)p);
        *(char **)(void *)p = db_col_strdup(st, i);
        break;
    case RC_INT:
    case RC_FLAG:
        *(int *)(void *)p = (int)db_col_int(st, i);
        break;
    case RC_DATE:
        *(int *)(void *)p = db_col_date(st, i);
        break;
    case RC_MONTH:
        *(int *)(void *)p = col_month(st, i);
        break;
    case RC_ENUM:
        *(int *)(void *)p = col_enum(st, i, c->en);
        break;
    case RC_FEN:
    case RC_ID:
        *(int64_t *)(void *)p = db_col_int(st, i);
        break;
    }
}

/* Append the names of DEF's columns but those with a flag of SKIP, each
 * followed by SUFFIX. */
static void
add_names(struct sbuf *sb, const struct rec_def *def, const char *suffix,
          unsigned skip)
{
    size_t i;
    int n = 0;

    for (i = 0; i < def->ncols; i++) {
        if (!(def->cols[i].flags & skip)) {
            sbuf_adds(sb, n++ ? ", " : "");
            sbuf_adds(sb, def->cols[i].name);
            sbuf_adds(sb, suffix);
        }
    }
}

static void
build_get(struct sbuf *sb, const void *arg)
{
    const struct rec_def *def = arg;

    sbuf_adds(sb, "SELECT ");
    rec_select_all(sb, def, "t");
    sbuf_addf(sb, " FROM %s t WHERE t.id = ?", def->table);
}

static void
build_insert(struct sbuf *sb, const void *arg)
{
    const struct rec_def *def = arg;
    size_t i;

    sbuf_addf(sb, "INSERT INTO %s(", def->table);
    add_names(sb, def, "", 0);
    sbuf_adds(sb, ", created_at, updated_at) VALUES (");
    for (i = 0; i < def->ncols + 2; i++) {
        sbuf_adds(sb, i ? ", ?" : "?");
    }
    sbuf_adds(sb, ")");
}

static void
build_update(struct sbuf *sb, const void *arg)
{
    const struct rec_def *def = arg;

    sbuf_addf(sb, "UPDATE %s SET ", def->table);
    add_names(sb, def, " = ?", RF_INSERT);
    sbuf_adds(sb, ", updated_at = ?, version = version + 1 WHERE id = ? AND version = ?");
}

static sqlite3_stmt *
prep(struct db *db, const struct rec_def *def, enum rec_stmt which, struct err *e)
{
    static void (*const build[])(struct sbuf *, const void *) = {
        build_get, build_insert, build_update,
    };

    return db_prep_key(db, def, (int)which, build[which], def, e);
}

int
rec_get(struct db *db, const struct rec_def *def, int64_t id, void *rec,
        struct err *e)
{
    sqlite3_stmt *st = prep(db, def, RS_GET, e);
    int rc;

    if (st == NULL) {
        return -1;
    }
    db_bind_int(st, 1, id);
    rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        sqlite3_reset(st);
        if (rc != SQLITE_DONE) {
            return db_fail(db, e, _("reading a record"));
        }
        return err_set(e, ERR_NOTFOUND,
                       _("the %s #%lld does not exist; someone may have deleted it"),
                       audit_table_label(def->table), (long long)id);
    }
    rec_read_all(st, 0, def, rec);
    sqlite3_reset(st);
    return 0;
}

int
rec_insert(struct db *db, const struct rec_def *def, const char *actor,
           void *rec, struct err *e)
{
    sqlite3_stmt *st = prep(db, def, RS_INSERT, e);
    char now[32], buf[REC_VAL_BUF];
    int at;

    if (st == NULL) {
        return -1;
    }
    clock_now(now, sizeof(now));
    at = bind_cols(st, 1, def, rec, 0);
    db_bind_text(st, at, now);
    db_bind_text(st, at + 1, now);
    if (db_done(db, st, e)) {
        return -1;
    }
    *rec_id(def, rec) = sqlite3_last_insert_rowid(db->h);
    *rec_version(def, rec) = 1;
    if (actor == NULL) {
        return 0;
    }
    return db_audit(db, actor, "insert", def->table, *rec_id(def, rec), NULL,
                    NULL, rec_text(&def->cols[def->summary_col], rec, buf), e);
}

/* One "update" row per audited column whose text differs. */
static int
audit_changes(struct db *db, const struct rec_def *def, const char *actor,
              int64_t id, const void *old, const void *rec, struct err *e)
{
    size_t i;

    if (actor == NULL) {
        return 0;       /* a bulk load: its batch has one "bulk" row */
    }
    for (i = 0; i < def->ncols; i++) {
        const struct rec_col *c = &def->cols[i];
        char a[REC_VAL_BUF], b[REC_VAL_BUF];
        const char *av, *bv;

        if (c->flags & (RF_INSERT | RF_QUIET)) {
            continue;
        }
        av = rec_text(c, old, a);
        bv = rec_text(c, rec, b);
        if (strcmp(av, bv) != 0 &&
            db_audit(db, actor, "update", def->table, id, c->name, av, bv, e)) {
            return -1;
        }
    }
    return 0;
}

/* What an update does not write is what is stored: copy it from OLD. */
static void
keep_insert_cols(const struct rec_def *def, const void *old, void *rec)
{
    size_t i;

    for (i = 0; i < def->ncols; i++) {
        const struct rec_col *c = &def->cols[i];

        if ((c->flags & RF_INSERT) && c->kind != RC_PTEXT) {
            memcpy(MEMBER(rec, c), CMEMBER(old, c), c->size);
        }
    }
}

int
rec_update(struct db *db, const struct rec_def *def, const char *actor,
           const void *old, void *rec, const char *what, struct err *e)
{
    int64_t id = *rec_id(def, rec), *version = rec_version(def, rec);
    sqlite3_stmt *st;
    char now[32];
    int at;

    if (cversion(def, old) != *version) {
        return err_set(e, ERR_CONFLICT,
                       _("someone else saved %s meanwhile; nothing was written"), what);
    }
    if ((st = prep(db, def, RS_UPDATE, e)) == NULL) {
        return -1;
    }
    clock_now(now, sizeof(now));
    at = bind_cols(st, 1, def, rec, RF_INSERT);
    db_bind_text(st, at, now);
    db_bind_int(st, at + 1, id);
    db_bind_int(st, at + 2, *version);
    if (db_done(db, st, e)) {
        return -1;
    }
    if (sqlite3_changes(db->h) == 0) {
        return err_set(e, ERR_CONFLICT,
                       _("someone else saved %s meanwhile; nothing was written"), what);
    }
    if (audit_changes(db, def, actor, id, old, rec, e)) {
        return -1;
    }
    keep_insert_cols(def, old, rec);
    (*version)++;
    return 0;
}

/* --- rows of lists ------------------------------------------------------ */

static void
select_cols(struct sbuf *sb, const struct rec_def *def, const char *alias,
            int owned)
{
    size_t i;

    sbuf_addf(sb, "%s.id", alias);
    for (i = 0; i < def->ncols; i++) {
        if (owned || def->cols[i].kind != RC_PTEXT) {
            sbuf_addf(sb, ", %s.%s", alias, def->cols[i].name);
        }
    }
    sbuf_addf(sb, ", %s.version", alias);
}

void
rec_select(struct sbuf *sb, const struct rec_def *def, const char *alias)
{
    select_cols(sb, def, alias, 0);
}

void
rec_select_all(struct sbuf *sb, const struct rec_def *def, const char *alias)
{
    select_cols(sb, def, alias, 1);
}

static int
read_cols(sqlite3_stmt *st, int first, const struct rec_def *def, void *rec,
          int owned)
{
    const struct rec_col *c = def->cols, *end = def->cols + def->ncols;
    int at = first + 1;

    *rec_id(def, rec) = db_col_int(st, first);
    for (; c < end; c++) {
        if (owned || c->kind != RC_PTEXT) {
            read_col(st, at++, c, rec);
        }
    }
    *rec_version(def, rec) = db_col_int(st, at);
    return at + 1;
}

int
rec_read(sqlite3_stmt *st, int first, const struct rec_def *def, void *rec)
{
    return read_cols(st, first, def, rec, 0);
}

int
rec_read_all(sqlite3_stmt *st, int first, const struct rec_def *def, void *rec)
{
    return read_cols(st, first, def, rec, 1);
}

struct select_sql {
    const struct rec_def *def;
    const char *alias, *rest;
};

static void
build_select(struct sbuf *sb, const void *arg)
{
    const struct select_sql *q = arg;

    sbuf_adds(sb, "SELECT ");
    rec_select(sb, q->def, q->alias);
    sbuf_adds(sb, q->rest);
}

sqlite3_stmt *
rec_prep_select(struct db *db, const struct rec_def *def, const char *alias,
                const char *rest, struct err *e)
{
    struct select_sql q = {def, alias, rest};

    return db_prep_key(db, rest, 0, build_select, &q, e);
}

int
rec_list(struct db *db, const struct rec_def *def, const char *alias,
         const char *rest, int64_t id, size_t size, void **v, size_t *n,
         const char *what, struct err *e)
{
    sqlite3_stmt *st = rec_prep_select(db, def, alias, rest, e);
    void *rows = NULL;
    size_t alloc = 0;
    int rc;

    *v = NULL;
    *n = 0;
    if (st == NULL) {
        return -1;
    }
    db_bind_int(st, 1, id);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        rec_read(st, 0, def, xappend(&rows, n, &alloc, size));
    }
    if (rc != SQLITE_DONE) {
        db_fail(db, e, what);
        sqlite3_reset(st);
        free(rows);
        *n = 0;
        return -1;
    }
    sqlite3_reset(st);
    *v = rows;
    return 0;
}

/* --- what the repositories built on records share ------------------ */

int
rec_replace_rows(struct db *db, const char *del, const char *ins, int64_t parent,
                 int n, void (*bind)(sqlite3_stmt *st, int i, const void *arg),
                 const void *arg, struct err *e)
{
    sqlite3_stmt *st = db_prep(db, del, e);
    int i;

    if (st == NULL) {
        return -1;
    }
    db_bind_int(st, 1, parent);
    if (db_done(db, st, e)) {
        return -1;
    }
    for (i = 0; i < n; i++) {
        if ((st = db_prep(db, ins, e)) == NULL) {
            return -1;
        }
        db_bind_int(st, 1, parent);
        db_bind_int(st, 2, i + 1);
        bind(st, i, arg);
        if (db_done(db, st, e)) {
            return -1;
        }
    }
    return 0;
}

int
rec_save_tx(const struct rec_def *def, void *rec,
            int (*store)(const struct rec_job *j), const struct rec_job *j)
{
    int64_t id = *rec_id(def, rec), version = *rec_version(def, rec);

    if (db_begin(j->db, j->e)) {
        return -1;
    }
    if (rec_end_tx(j->db, store(j), j->e)) {
        *rec_id(def, rec) = id;
        *rec_version(def, rec) = version;
        return -1;
    }
    return 0;
}

int
rec_store(const struct rec_job *j, const struct rec_def *def, void *old,
          void (*clear)(void *), const char *what)
{
    int64_t id = *rec_id(def, j->rec);
    int rc;

    if (id == 0) {
        return rec_insert(j->db, def, j->a->login, j->rec, j->e);
    }
    rc = rec_get(j->db, def, id, old, j->e) ||
         rec_update(j->db, def, j->a->login, old, j->rec, what, j->e);
    clear(old);
    return rc ? -1 : 0;
}

int
rec_county_only(const struct actor *a, const char *why, struct err *e)
{
    if (rec_may_write(a, e)) {
        return -1;
    }
    if (a->role != ROLE_ADMIN && a->role != ROLE_COUNTY) {
        return err_set(e, ERR_DENIED, "%s", why);
    }
    return 0;
}

int
rec_next_no(struct db *db, const char *sql, const char *prefix, int year,
            char *out, size_t n, struct err *e)
{
    sqlite3_stmt *st = db_prep(db, sql, e);
    char like[32];
    int64_t last = 0;

    snprintf(like, sizeof(like), "%s%04d-", prefix, year);
    if (st != NULL) {
        db_bind_text(st, 1, like);
        db_bind_int(st, 2, (int64_t)strlen(like) + 1);
    }
    if (db_scalar(db, st, &last, _("numbering a record"), e)) {
        return -1;
    }
    snprintf(out, n, "%s%04lld", like, (long long)(last + 1));
    return 0;
}

/* One integer from SQL with up to two id parameters (0: unbound). */
int
rec_scalar(struct db *db, const char *sql, int64_t a, int64_t b, int64_t *out,
       struct err *e)
{
    sqlite3_stmt *st = db_prep(db, sql, e);
    int rc;

    if (st == NULL) {
        return -1;
    }
    db_bind_int(st, 1, a);
    if (sqlite3_bind_parameter_count(st) > 1) {
        db_bind_int(st, 2, b);
    }
    rc = sqlite3_step(st);
    *out = rc == SQLITE_ROW ? db_col_int(st, 0) : 0;
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        return db_fail(db, e, _("reading the database"));
    }
    return 0;
}

int
rec_must_find(struct db *db, const char *sql, int64_t a, int64_t b,
              enum err_code code, const char *why, struct err *e)
{
    int64_t n;

    if (rec_scalar(db, sql, a, b, &n, e)) {
        return -1;
    }
    return n > 0 ? 0 : err_set(e, code, "%s", why);
}

int
rec_end_tx(struct db *db, int rc, struct err *e)
{
    if (rc != 0) {
        db_rollback(db);
        return -1;
    }
    return db_commit(db, e);
}

int
rec_may_write(const struct actor *a, struct err *e)
{
    if (!actor_writes(a)) {
        return err_set(e, ERR_DENIED, _("your account is read-only"));
    }
    return 0;
}

int
rec_may_change_place(const struct actor *a, int64_t township, int64_t village,
                 struct err *e)
{
    if (rec_may_write(a, e)) {
        return -1;
    }
    if (!actor_sees(a, township, village)) {
        return err_set(e, ERR_DENIED, _("this place is outside your scope"));
    }
    return 0;
}

/* TOWNSHIP is a township and VILLAGE (0: none) one of its villages. */
int
rec_check_place(struct db *db, int64_t township, int64_t village, struct err *e)
{
    static const char town_sql[] = "SELECT count(*) FROM division WHERE id = ? AND level = 2";
    static const char vill_sql[] =
        "SELECT count(*) FROM division WHERE id = ? AND parent_id = ? AND level = 3";

    if (rec_must_find(db, town_sql, township, 0, ERR_INVALID,
                      _("choose the township"), e)) {
        return -1;
    }
    if (village == 0) {
        return 0;
    }
    return rec_must_find(db, vill_sql, village, township, ERR_INVALID,
                         _("the village chosen is not a village of the township chosen; choose the township first, then one of its villages"),
                         e);
}

/* "乡镇" or "乡镇/村" from columns I and I + 1. */
void
rec_col_place(sqlite3_stmt *st, int i, char *out, size_t n)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    const unsigned char *v = sqlite3_column_text(st, i + 1);

    if (v != NULL && v[0] != '\0') {
        snprintf(out, n, "%s/%s", t != NULL ? (const char *)t : "", (const char *)v);
    } else {
        snprintf(out, n, "%s", t != NULL ? (const char *)t : "");
    }
}

/* Delete row ID of TBL at VERSION with its audit row (SUMMARY). */
int
rec_delete(struct db *db, const struct actor *a, const char *sql,
           const char *tbl, int64_t id, int64_t version, const char *what,
           struct err *e)
{
    sqlite3_stmt *st = db_prep(db, sql, e);

    if (st == NULL) {
        return -1;
    }
    db_bind_int(st, 1, id);
    db_bind_int(st, 2, version);
    if (db_done(db, st, e)) {
        return -1;
    }
    if (sqlite3_changes(db->h) == 0) {
        return err_set(e, ERR_CONFLICT,
                       _("someone else saved %s meanwhile; nothing was written"), what);
    }
    return db_audit(db, a->login, "delete", tbl, id, NULL, NULL, NULL, e);
}

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
#include "db/db.h"
#include "db/db_audit.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

/* Long enough for the longest text column (4000 bytes). */
#define REC_TEXT_BUF 4104

#define MEMBER(rec, c) ((char *)(rec) + (c)->off)
#define CMEMBER(rec, c) ((const char *)(rec) + (c)->off)

void
rec_text(const struct rec_col *c, const void *rec, char *buf, size_t n)
{
    const char *p = CMEMBER(rec, c);
    int64_t v;

    buf[0] = '\0';
    switch (c->kind) {
    case RC_TEXT:
        snprintf(buf, n, "%s", p);
        break;
    case RC_PTEXT:
        snprintf(buf, n, "%s", *(char *const *)(const void *)p != NULL
                                   ? *(char *const *)(const void *)p : "");
        break;
    case RC_INT:
    case RC_FLAG:
        snprintf(buf, n, "%d", *(const int *)(const void *)p);
        break;
    case RC_DATE:
        if (n >= DATE_BUF) {
            date_format(*(const int *)(const void *)p, buf);
        }
        break;
    case RC_MONTH:
        if (n >= MONTH_BUF) {
            month_format(*(const int *)(const void *)p, buf);
        }
        break;
    case RC_FEN:
        if (n >= MONEY_BUF) {
            money_format(*(const int64_t *)(const void *)p, 0, buf);
        }
        break;
    case RC_ID:
        v = *(const int64_t *)(const void *)p;
        if (v != 0) {
            snprintf(buf, n, "%lld", (long long)v);
        }
        break;
    }
}

void
rec_bind(const struct rec_def *def, const void *rec, void *stmt, int first)
{
    sqlite3_stmt *st = stmt;
    size_t i;

    for (i = 0; i < def->ncols; i++) {
        const struct rec_col *c = &def->cols[i];
        const char *p = CMEMBER(rec, c);
        int pos = first + (int)i;

        switch (c->kind) {
        case RC_TEXT:
            db_bind_text_or_null(st, pos, p);
            break;
        case RC_PTEXT:
            db_bind_text_or_null(st, pos, *(char *const *)(const void *)p);
            break;
        case RC_INT:
        case RC_FLAG:
            db_bind_int(st, pos, *(const int *)(const void *)p);
            break;
        case RC_DATE:
            db_bind_date(st, pos, *(const int *)(const void *)p);
            break;
        case RC_MONTH: {
            char m[MONTH_BUF];

            month_format(*(const int *)(const void *)p, m);
            db_bind_text(st, pos, m);
            break;
        }
        case RC_FEN:
            db_bind_int(st, pos, *(const int64_t *)(const void *)p);
            break;
        case RC_ID:
            db_bind_id(st, pos, *(const int64_t *)(const void *)p);
            break;
        }
    }
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
    case RC_MONTH: {
        char m[MONTH_BUF];
        int v = 0;

        db_col_text(st, i, m, sizeof(m));
        *(int *)(void *)p = month_parse(m, &v) == DATE_OK ? v : 0;
        break;
    }
    case RC_FEN:
    case RC_ID:
        *(int64_t *)(void *)p = db_col_int(st, i);
        break;
    }
}

static void
add_names(struct sbuf *sb, const struct rec_def *def, const char *suffix)
{
    size_t i;

    for (i = 0; i < def->ncols; i++) {
        sbuf_adds(sb, i ? ", " : "");
        sbuf_adds(sb, def->cols[i].name);
        sbuf_adds(sb, suffix);
    }
}

int
rec_get(struct db *db, const struct rec_def *def, int64_t id, void *rec,
        struct err *e)
{
    struct sbuf sql;
    sqlite3_stmt *st;
    size_t i;
    int rc;

    sbuf_init(&sql);
    sbuf_adds(&sql, "SELECT ");
    add_names(&sql, def, "");
    sbuf_addf(&sql, ", version FROM %s WHERE id = ?", def->table);
    st = db_prep_text(db, sql.buf, e);
    sbuf_release(&sql);
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
    for (i = 0; i < def->ncols; i++) {
        read_col(st, (int)i, &def->cols[i], rec);
    }
    *(int64_t *)(void *)((char *)rec + def->id_off) = id;
    *(int64_t *)(void *)((char *)rec + def->version_off) =
        db_col_int(st, (int)def->ncols);
    sqlite3_reset(st);
    return 0;
}

int
rec_insert(struct db *db, const struct rec_def *def, const char *actor,
           void *rec, struct err *e)
{
    struct sbuf sql;
    sqlite3_stmt *st;
    char now[32], summary[REC_TEXT_BUF];
    int64_t id;
    size_t i;

    sbuf_init(&sql);
    sbuf_addf(&sql, "INSERT INTO %s(", def->table);
    add_names(&sql, def, "");
    sbuf_adds(&sql, ", created_at, updated_at) VALUES (");
    for (i = 0; i < def->ncols + 2; i++) {
        sbuf_adds(&sql, i ? ", ?" : "?");
    }
    sbuf_adds(&sql, ")");
    st = db_prep_text(db, sql.buf, e);
    sbuf_release(&sql);
    if (st == NULL) {
        return -1;
    }
    clock_now(now, sizeof(now));
    rec_bind(def, rec, st, 1);
    db_bind_text(st, (int)def->ncols + 1, now);
    db_bind_text(st, (int)def->ncols + 2, now);
    if (db_done(db, st, e)) {
        return -1;
    }
    id = sqlite3_last_insert_rowid(db->h);
    *(int64_t *)(void *)((char *)rec + def->id_off) = id;
    *(int64_t *)(void *)((char *)rec + def->version_off) = 1;
    rec_text(&def->cols[def->summary_col], rec, summary, sizeof(summary));
    return db_audit(db, actor, "insert", def->table, id, NULL, NULL, summary, e);
}

int
rec_update(struct db *db, const struct rec_def *def, const char *actor,
           const void *old, void *rec, const char *what, struct err *e)
{
    int64_t id = *(const int64_t *)(const void *)((const char *)rec + def->id_off);
    int64_t *version = (int64_t *)(void *)((char *)rec + def->version_off);
    int64_t stored = *(const int64_t *)(const void *)((const char *)old + def->version_off);
    struct sbuf sql;
    sqlite3_stmt *st;
    char now[32];
    size_t i;

    if (stored != *version) {
        return err_set(e, ERR_CONFLICT,
                       _("someone else saved %s meanwhile; nothing was written"), what);
    }
    sbuf_init(&sql);
    sbuf_addf(&sql, "UPDATE %s SET ", def->table);
    add_names(&sql, def, " = ?");
    sbuf_adds(&sql, ", updated_at = ?, version = version + 1 WHERE id = ? AND version = ?");
    st = db_prep_text(db, sql.buf, e);
    sbuf_release(&sql);
    if (st == NULL) {
        return -1;
    }
    clock_now(now, sizeof(now));
    rec_bind(def, rec, st, 1);
    db_bind_text(st, (int)def->ncols + 1, now);
    db_bind_int(st, (int)def->ncols + 2, id);
    db_bind_int(st, (int)def->ncols + 3, *version);
    if (db_done(db, st, e)) {
        return -1;
    }
    if (sqlite3_changes(db->h) == 0) {
        return err_set(e, ERR_CONFLICT,
                       _("someone else saved %s meanwhile; nothing was written"), what);
    }
    for (i = 0; i < def->ncols; i++) {
        char a[REC_TEXT_BUF], b[REC_TEXT_BUF];
        const char *name = def->cols[i].name, *av = a, *bv = b;

        rec_text(&def->cols[i], old, a, sizeof(a));
        rec_text(&def->cols[i], rec, b, sizeof(b));
        if (strcmp(a, b) != 0 &&
            db_audit_diff(db, actor, def->table, id, &name, &av, &bv, 1, e)) {
            return -1;
        }
    }
    (*version)++;
    return 0;
}

/* --- rows of lists ------------------------------------------------------ */

void
rec_select(struct sbuf *sb, const struct rec_def *def, const char *alias)
{
    size_t i;

    sbuf_addf(sb, "%s.id", alias);
    for (i = 0; i < def->ncols; i++) {
        if (def->cols[i].kind != RC_PTEXT) {
            sbuf_addf(sb, ", %s.%s", alias, def->cols[i].name);
        }
    }
    sbuf_addf(sb, ", %s.version", alias);
}

int
rec_read(sqlite3_stmt *st, int first, const struct rec_def *def, void *rec)
{
    int at = first;
    size_t i;

    *(int64_t *)(void *)((char *)rec + def->id_off) = db_col_int(st, at++);
    for (i = 0; i < def->ncols; i++) {
        if (def->cols[i].kind != RC_PTEXT) {
            read_col(st, at++, &def->cols[i], rec);
        }
    }
    *(int64_t *)(void *)((char *)rec + def->version_off) = db_col_int(st, at++);
    return at;
}

/* --- what the repositories built on records share ------------------ */

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
    int64_t n;

    if (rec_scalar(db, town_sql, township, 0, &n, e)) {
        return -1;
    }
    if (n == 0) {
        return err_set(e, ERR_INVALID, _("choose the township"));
    }
    if (village == 0) {
        return 0;
    }
    if (rec_scalar(db, vill_sql, village, township, &n, e)) {
        return -1;
    }
    if (n == 0) {
        return err_set(e, ERR_INVALID,
                       _("the village chosen is not a village of the township chosen; choose the township first, then one of its villages"));
    }
    return 0;
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

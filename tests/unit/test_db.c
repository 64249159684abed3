/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_db.c - the county database on temporary files: migrations, files
 * that are refused untouched, constraints, optimistic version checks,
 * audit rows, storing procedure steps, streaming snapshots, and a backup
 * taken while another process writes.
 */
#include "config.h"
#include "helpers.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/date.h"
#include "db/db_audit.h"
#include "db/db_backup.h"
#include "db/db_cadre.h"
#include "db/db_case.h"
#include "db/db_check.h"
#include "db/db_division.h"
#include "db/db_household.h"
#include "db/db_list.h"
#include "db/db_pages.h"
#include "db/db_priv.h"
#include "db/db_record.h"
#include "db/db_snapshot.h"
#include "db/db_staff.h"
#include "db/schema.h"
#include "core/exchange.h"
#include "print/export_national.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/xalloc.h"

struct fixture {
    char *dir;
    char *path;
    struct db *db;
    struct policy p;
    struct rule_ctx ctx;
    int64_t county, town, village;
    struct err e;
};

/* A raw SQL statement on the fixture's connection; returns the SQLite
 * result code. */
static int
raw(struct fixture *x, const char *sql)
{
    return sqlite3_exec(x->db->h, sql, NULL, NULL, NULL);
}

/* The first column of the first row of SQL on the fixture's
 * connection (-1 when none). */
static int64_t
scalar(struct fixture *x, const char *sql)
{
    sqlite3_stmt *st;
    int64_t v = -1;

    if (sqlite3_prepare_v2(x->db->h, sql, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
        v = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    return v;
}

static int64_t
count(struct fixture *x, const char *table)
{
    char sql[512];

    snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s", table);
    return scalar(x, sql);
}

static int
setup(void **state)
{
    struct fixture *x = calloc(1, sizeof(*x));

    x->dir = helpers_tmpdir();
    x->path = path_join(x->dir, "county.db");
    helpers_policy(&x->p);
    x->ctx.policy = &x->p;
    x->ctx.province = "51";
    x->ctx.today = D("2026-11-22");
    err_clear(&x->e);
    if (db_open(&x->db, x->path, DB_CREATE, 1000, &x->e) ||
        db_division_add(x->db, "t", 1, 0, "519901", "青山县", 1, &x->county, &x->e) ||
        db_division_add(x->db, "t", 2, x->county, "519901001", "红岩镇", 1, &x->town, &x->e) ||
        db_division_add(x->db, "t", 3, x->town, "519901001001", "白马村", 1, &x->village, &x->e)) {
        fail_msg("setup: %s", x->e.msg);
    }
    *state = x;
    return 0;
}

static int
teardown(void **state)
{
    struct fixture *x = *state;

    db_close(x->db);
    policy_free(&x->p);
    free(x->path);
    helpers_rmdir(x->dir);
    free(x);
    return 0;
}

/* Store household ID NO with the members, incomes and guarantees of the
 * fixture household; returns its id. */
static int64_t
store_household(struct fixture *x, const char *no)
{
    struct hh_snapshot s;
    int64_t id;
    size_t i;

    memset(&s, 0, sizeof(s));
    helpers_household(&s, 0);
    snprintf(s.hh.hh_no, sizeof(s.hh.hh_no), "%s", no);
    s.hh.township_id = x->town;
    s.hh.village_id = x->village;
    if (db_household_insert(x->db, "t", &s.hh, 1, &x->e)) {
        fail_msg("household: %s", x->e.msg);
    }
    for (i = 0; i < s.nmembers; i++) {
        s.members[i].household_id = s.hh.id;
        /* Unique IDs per household: vary the sequence digits. */
        snprintf(s.members[i].id_no + 14, 4, "%03u",
                 (unsigned)((s.hh.id * 4 + (int64_t)i) % 1000));
        s.members[i].id_no[17] = idno_check_char(s.members[i].id_no);
        s.members[i].id_no[18] = '\0';
        if (db_person_insert(x->db, "t", &s.members[i], 1, &x->e)) {
            fail_msg("person: %s", x->e.msg);
        }
    }
    for (i = 0; i < s.nincomes; i++) {
        s.incomes[i].household_id = s.hh.id;
        s.guarantees[i].household_id = s.hh.id;
        if (db_income_insert(x->db, "t", &s.incomes[i], 0, &x->e) ||
            db_guarantee_insert(x->db, "t", &s.guarantees[i], 0, &x->e)) {
            fail_msg("income: %s", x->e.msg);
        }
    }
    id = s.hh.id;
    snapshot_free(&s);
    return id;
}

static void
test_migrations(void **state)
{
    struct fixture *x = *state;
    sqlite3_stmt *st;
    struct db *again;

    assert_int_equal(sqlite3_prepare_v2(x->db->h, "PRAGMA user_version", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), db_schema_latest());
    sqlite3_finalize(st);
    assert_int_equal(sqlite3_prepare_v2(x->db->h, "PRAGMA journal_mode", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "wal");
    sqlite3_finalize(st);
    assert_int_equal(sqlite3_prepare_v2(x->db->h, "PRAGMA foreign_keys", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 1);
    sqlite3_finalize(st);
    /* Reopening an up-to-date database changes nothing. */
    assert_int_equal(db_open(&again, x->path, 0, 1000, &x->e), 0);
    db_close(again);
    assert_int_equal(count(x, "division"), 3);
}

/* The fixture's database as it was BACK migrations ago, opened again:
 * those migrations run. */
static void
reopen_before(struct fixture *x, int back)
{
    char sql[64];

    snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", db_schema_latest() - back);
    assert_int_equal(raw(x, sql), SQLITE_OK);
    db_close(x->db);
    assert_int_equal(db_open(&x->db, x->path, 0, 1000, &x->e), 0);
}

/* m_audit_check: a database whose audit log has the operation checked by
 * IN (as m008 made it) keeps its rows when opened, and the log still
 * refuses an operation it does not know, a change and a removal. */
static void
test_audit_check_migration(void **state)
{
    struct fixture *x = *state;
    int64_t rows;

    assert_int_equal(raw(x, "DROP TABLE audit;"
                            "CREATE TABLE audit (id INTEGER PRIMARY KEY, at TEXT NOT NULL,"
                            " actor TEXT NOT NULL, op TEXT NOT NULL CHECK (op IN ('insert',"
                            " 'update','delete','step','reveal','print','export','bulk',"
                            " 'undelivered')), tbl TEXT NOT NULL, row_id INTEGER, field TEXT,"
                            " old TEXT, new TEXT, nrows INTEGER, revealed INTEGER);"
                            "INSERT INTO audit VALUES (7, '2026-01-02 03:04:05', 'a', 'export',"
                            " 'person', NULL, NULL, NULL, 'x.csv', 12, 1);"
                            "INSERT INTO audit(at, actor, op, tbl, row_id) VALUES"
                            " ('2026-01-03 00:00:00', 'b', 'undelivered', 'household', 3);"),
                     SQLITE_OK);
    /* Before m_audit_check (m_check_compare, m_case_step_add_risk and
     * m_audit_reason, after it, find their edits made). */
    reopen_before(x, 4);
    assert_int_equal(count(x, "audit"), 2);
    assert_int_equal(count(x, "audit WHERE id = 7 AND at = '2026-01-02 03:04:05' AND actor = 'a'"
                              " AND op = 'export' AND tbl = 'person' AND new = 'x.csv'"
                              " AND nrows = 12 AND revealed = 1"), 1);
    assert_int_equal(count(x, "sqlite_schema WHERE name = 'audit' AND sql LIKE '%op IN%'"), 0);
    assert_int_equal(count(x, "sqlite_schema WHERE tbl_name = 'audit' AND name IN"
                              " ('audit_row', 'audit_no_update', 'audit_no_delete')"), 3);
    rows = count(x, "audit");
    assert_int_not_equal(raw(x, "INSERT INTO audit(at, actor, op, tbl) VALUES"
                                " ('2026-01-04 00:00:00', 'c', 'erase', 'person')"), SQLITE_OK);
    assert_int_not_equal(raw(x, "INSERT INTO audit(at, actor, op, tbl, revealed) VALUES"
                                " ('2026-01-04 00:00:00', 'c', 'print', 'person', 2)"), SQLITE_OK);
    assert_int_not_equal(raw(x, "UPDATE audit SET actor = 'z' WHERE id = 7"), SQLITE_OK);
    assert_int_not_equal(raw(x, "DELETE FROM audit WHERE id = 7"), SQLITE_OK);
    assert_int_equal(raw(x, "INSERT INTO audit(at, actor, op, tbl) VALUES"
                            " ('2026-01-04 00:00:00', 'c', 'bulk', 'person')"), SQLITE_OK);
    assert_int_equal(count(x, "audit"), rows + 1);
}

/* m_audit_reason: a database whose audit log has no reason (as
 * m_audit_check made it) keeps its rows, without a reason, and the log
 * takes a reason set on the connection until it is cleared, still
 * refusing changes. */
static void
test_audit_reason_migration(void **state)
{
    struct fixture *x = *state;

    assert_int_equal(raw(x, "DROP TABLE audit;"
                            "CREATE TABLE audit (id INTEGER PRIMARY KEY, at TEXT NOT NULL,"
                            " actor TEXT NOT NULL, op TEXT NOT NULL CHECK (op = 'insert' OR"
                            " op = 'update'), tbl TEXT NOT NULL, row_id INTEGER, field TEXT,"
                            " old TEXT, new TEXT, nrows INTEGER, revealed INTEGER);"
                            "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
                            " BEGIN SELECT RAISE(ABORT, 'no'); END;"
                            "INSERT INTO audit VALUES (7, '2026-01-02 03:04:05', 'a', 'update',"
                            " 'person', 3, 'name', 'x', 'y', NULL, NULL);"),
                     SQLITE_OK);
    reopen_before(x, 1);
    assert_int_equal(count(x, "audit WHERE id = 7 AND old = 'x' AND new = 'y'"
                              " AND reason IS NULL"), 1);
    db_audit_reason_set(x->db, "导入 a.xlsx");
    assert_int_equal(db_audit(x->db, "t", "update", "person", 3, "name", "y", "z", &x->e), 0);
    db_audit_reason_set(x->db, NULL);
    assert_int_equal(db_audit(x->db, "t", "update", "person", 3, "name", "z", "w", &x->e), 0);
    assert_int_equal(count(x, "audit WHERE new = 'z' AND reason = '导入 a.xlsx'"), 1);
    assert_int_equal(count(x, "audit WHERE new = 'w' AND reason IS NULL"), 1);
    assert_int_not_equal(raw(x, "UPDATE audit SET reason = 'z' WHERE id = 7"), SQLITE_OK);
}

/* A cadre NAME of the fixture's township (its id). */
static int64_t
new_cadre(struct fixture *x, const struct actor *a, const char *name, const char *phone)
{
    struct cadre c;

    memset(&c, 0, sizeof(c));
    snprintf(c.name, sizeof(c.name), "%s", name);
    snprintf(c.unit, sizeof(c.unit), "乡人民政府");
    snprintf(c.phone, sizeof(c.phone), "%s", phone);
    snprintf(c.kind, sizeof(c.kind), "2");
    c.township_id = x->town;
    if (db_cadre_save(x->db, &x->ctx, a, &c, &x->e)) {
        fail_msg("cadre: %s", x->e.msg);
    }
    return c.id;
}

/* Issue 17 1: a reassignment on the household's record ends the cadre it
 * replaces on the day and keeps it in the history with who assigned and
 * who ended it; a record shown before someone else reassigned the
 * household is refused as a conflict, changing nothing. */
static void
test_cadre_reassign(void **state)
{
    struct fixture *x = *state;
    struct actor a = helpers_actor(ROLE_TOWNSHIP);
    int64_t hh = store_household(x, "A005"), wang, li, zhao;
    struct cadre_row *v;
    size_t n, changed;

    a.scope_id = x->town;
    wang = new_cadre(x, &a, "王明", "13800001111");
    li = new_cadre(x, &a, "李强", "13800002222");
    zhao = new_cadre(x, &a, "赵刚", "13800003333");
    assert_int_equal(db_cadre_assign(x->db, &x->ctx, &a, wang, &hh, 1, D("2026-11-01"), 0,
                                     &changed, &x->e), 0);
    assert_int_equal(changed, 1);
    assert_int_equal(db_household_cadres(x->db, hh, &v, &n, &x->e), 0);
    assert_int_equal(n, 1);
    {
        int64_t seen = v[0].link;

        free(v);
        /* someone else reassigns it meanwhile */
        assert_int_equal(db_cadre_assign(x->db, &x->ctx, &a, li, &hh, 1, D("2026-11-10"), seen,
                                         &changed, &x->e), 0);
        /* the record shown before is stale: refused, nothing changed */
        assert_int_equal(db_cadre_assign(x->db, &x->ctx, &a, zhao, &hh, 1, D("2026-11-20"), seen,
                                         &changed, &x->e), -1);
        assert_int_equal(x->e.code, ERR_CONFLICT);
    }
    assert_int_equal(db_household_cadre_history(x->db, hh, &v, &n, &x->e), 0);
    assert_int_equal(n, 2);
    assert_string_equal(v[0].name, "李强");
    assert_int_equal(v[0].start, D("2026-11-10"));
    assert_int_equal(v[0].end, DATE_NONE);
    assert_string_equal(v[0].assigned_by, a.login);
    assert_string_equal(v[1].name, "王明");
    assert_int_equal(v[1].start, D("2026-11-01"));
    assert_int_equal(v[1].end, D("2026-11-10"));
    assert_string_equal(v[1].ended_by, a.login);
    free(v);
    /* a start before the current cadre's is refused */
    assert_int_equal(db_cadre_assign(x->db, &x->ctx, &a, zhao, &hh, 1, D("2026-11-05"), -1,
                                     &changed, &x->e), -1);
    assert_int_equal(count(x, "household_cadre"), 2);
}

/* The whole content of PATH (caller frees), size in *N. */
static char *
slurp(const char *path, size_t *n)
{
    FILE *fp = fopen(path, "rb");
    char *buf;
    long len;

    assert_non_null(fp);
    fseek(fp, 0, SEEK_END);
    len = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    buf = xmalloc((size_t)len + 1);
    *n = fread(buf, 1, (size_t)len, fp);
    fclose(fp);
    return buf;
}

/* db_open(PATH) must fail with CODE and WHAT, leaving the file as it was. */
static void
refused_untouched(const char *path, enum err_code code, const char *what)
{
    struct db *db = NULL;
    struct err e;
    size_t n0, n1;
    char *before = slurp(path, &n0), *after;

    err_clear(&e);
    assert_int_equal(db_open(&db, path, 0, 100, &e), -1);
    assert_null(db);
    assert_int_equal(e.code, code);
    if (strstr(e.msg, what) == NULL) {
        fail_msg("'%s' lacks '%s'", e.msg, what);
    }
    after = slurp(path, &n1);
    assert_int_equal(n0, n1);
    assert_memory_equal(before, after, n0);
    free(before);
    free(after);
}

static void
test_refused_files(void **state)
{
    struct fixture *x = *state;
    char *p;
    sqlite3 *h;
    char sql[64];

    i18n_set_language("en");
    /* Newer schema: written by a future zhenxing. */
    db_close(x->db);
    x->db = NULL;
    assert_int_equal(sqlite3_open(x->path, &h), SQLITE_OK);
    snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", db_schema_latest() + 1);
    assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_exec(h, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(h);
    refused_untouched(x->path, ERR_SCHEMA, "newer zhenxing");
    /* Not an SQLite file at all. */
    p = helpers_write(x->dir, "notes.txt", "这不是数据库 just some text, long enough to look like a header.....\n");
    refused_untouched(p, ERR_SCHEMA, "not a zhenxing database");
    free(p);
    /* Some other program's SQLite database. */
    p = path_join(x->dir, "other.db");
    assert_int_equal(sqlite3_open(p, &h), SQLITE_OK);
    assert_int_equal(sqlite3_exec(h, "CREATE TABLE t(x); INSERT INTO t VALUES (1);", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(h);
    refused_untouched(p, ERR_SCHEMA, "another program");
    free(p);
    /* Missing, without permission to create. */
    p = path_join(x->dir, "missing.db");
    err_clear(&x->e);
    assert_int_equal(db_open(&x->db, p, 0, 100, &x->e), -1);
    assert_int_equal(x->e.code, ERR_NOTFOUND);
    assert_false(path_exists(p));
    free(p);
    assert_int_equal(db_open(&x->db, x->path == NULL ? "" : x->dir, 0, 100, &x->e), -1);
    i18n_set_language("zh_CN");
}

static void
test_constraints(void **state)
{
    struct fixture *x = *state;
    int64_t hh = store_household(x, "A001");
    struct income inc;
    char sql[512];

    /* Each bad row is refused by the database itself. */
    snprintf(sql, sizeof(sql),
             "INSERT INTO income(household_id, year, wage, members, net, per_capita, "
             "created_at, updated_at) VALUES (%lld, 2020, -1, 1, 0, 0, 'x', 'x')", (long long)hh);
    assert_int_equal(raw(x, sql) & 0xff, SQLITE_CONSTRAINT);
    snprintf(sql, sizeof(sql),
             "INSERT INTO guarantee(household_id, year, checked_on, food_clothing, education, "
             "medical, housing, water, created_at, updated_at) "
             "VALUES (%lld, 2020, '2023-02-30', 1, 1, 1, 1, 1, 'x', 'x')", (long long)hh);
    assert_int_equal(raw(x, sql) & 0xff, SQLITE_CONSTRAINT);
    snprintf(sql, sizeof(sql),
             "INSERT INTO monitor_case(household_id, state, category, channel, clue_date, "
             "created_at, updated_at) VALUES (%lld, 'flying', '1', '1', '2026-01-01', 'x', 'x')",
             (long long)hh);
    assert_int_equal(raw(x, sql) & 0xff, SQLITE_CONSTRAINT);
    /* A monitored case needs its identification date. */
    snprintf(sql, sizeof(sql),
             "INSERT INTO monitor_case(household_id, state, category, channel, clue_date, "
             "created_at, updated_at) VALUES (%lld, 'monitored', '1', '1', '2026-01-01', 'x', 'x')",
             (long long)hh);
    assert_int_equal(raw(x, sql) & 0xff, SQLITE_CONSTRAINT);
    assert_int_equal(raw(x, "INSERT INTO division(level, parent_id, name) VALUES (4, 2, '组')") & 0xff,
                     SQLITE_CONSTRAINT);
    assert_int_equal(raw(x, "INSERT INTO division(level, parent_id, name) VALUES (3, 999, '无')") & 0xff,
                     SQLITE_CONSTRAINT);
    assert_int_equal(raw(x, "UPDATE audit SET actor = 'x'") & 0xff, SQLITE_CONSTRAINT);
    assert_int_equal(raw(x, "DELETE FROM audit") & 0xff, SQLITE_CONSTRAINT);
    /* Through the repository: a negative amount, a person already in
     * another household. */
    memset(&inc, 0, sizeof(inc));
    inc.household_id = hh;
    inc.year = 2020;
    inc.members = 1;
    inc.transfer = -100;
    assert_int_equal(db_income_insert(x->db, "t", &inc, 0, &x->e), -1);
    assert_int_equal(x->e.code, ERR_INVALID);
    inc.transfer = 0;
    inc.members = 0;
    assert_int_equal(db_income_insert(x->db, "t", &inc, 0, &x->e), -1);
    assert_int_equal(count(x, "income"), 4);
    assert_int_equal(raw(x, "INSERT INTO person(household_id, name, id_no, created_at, updated_at) "
                            "SELECT household_id, name, id_no, 'x', 'x' FROM person LIMIT 1") & 0xff,
                     SQLITE_CONSTRAINT);
}

/* Every state and action name of core is accepted by the schema. */
static void
test_schema_knows_core_names(void **state)
{
    struct fixture *x = *state;
    int64_t hh = store_household(x, "A002");
    char sql[512];
    int i;

    for (i = CS_CLUE; i < CS_COUNT; i++) {
        snprintf(sql, sizeof(sql),
                 "INSERT INTO monitor_case(household_id, state, category, channel, clue_date, "
                 "identified_on, eliminated_on, elim_method, created_at, updated_at) "
                 "VALUES (%lld, '%s', '1', '1', '2026-01-01', '2026-01-20', '2026-08-01', '1', 'x', 'x')",
                 (long long)hh, case_state_name((enum case_state)i));
        assert_int_equal(raw(x, "BEGIN"), SQLITE_OK);
        if (raw(x, sql) != SQLITE_OK) {
            fail_msg("state %s: %s", case_state_name((enum case_state)i), sqlite3_errmsg(x->db->h));
        }
        assert_int_equal(raw(x, "ROLLBACK"), SQLITE_OK);
    }
    assert_int_equal(raw(x, "INSERT INTO monitor_case(id, household_id, state, category, channel, "
                            "clue_date, created_at, updated_at) VALUES (77, 1, 'clue', '1', '1', "
                            "'2026-01-01', 'x', 'x')"), SQLITE_OK);
    for (i = 0; i < CA_COUNT; i++) {
        snprintf(sql, sizeof(sql),
                 "INSERT INTO case_step(case_id, action, from_state, to_state, actor, at, step_date) "
                 "VALUES (77, '%s', 'none', 'clue', 't', 'x', '2026-01-01')",
                 case_action_name((enum case_action)i));
        if (raw(x, sql) != SQLITE_OK) {
            fail_msg("action %s: %s", case_action_name((enum case_action)i), sqlite3_errmsg(x->db->h));
        }
    }
    assert_int_equal(raw(x, "UPDATE case_step SET note = 'x'") & 0xff, SQLITE_CONSTRAINT);
}

/* m_check_compare: the households', cases' and steps' closed lists are
 * comparisons (no IN list left to build a B-tree per row), the edited
 * schema passes the integrity check and still refuses what it refused. */
static void
test_check_compare(void **state)
{
    struct fixture *x = *state;
    int64_t hh = store_household(x, "A003");
    sqlite3_stmt *st;
    char sql[320];

    assert_int_equal(count(x, "sqlite_schema WHERE name IN ('household', 'monitor_case',"
                              " 'case_step') AND sql LIKE '% IN (''%'"), 0);
    assert_int_equal(sqlite3_prepare_v2(x->db->h, "PRAGMA integrity_check", -1, &st, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "ok");
    sqlite3_finalize(st);
    snprintf(sql, sizeof(sql), "UPDATE household SET house_grade = 'E' WHERE id = %lld",
             (long long)hh);
    assert_int_equal(raw(x, sql) & 0xff, SQLITE_CONSTRAINT);
    snprintf(sql, sizeof(sql), "UPDATE household SET house_grade = 'D' WHERE id = %lld",
             (long long)hh);
    assert_int_equal(raw(x, sql), SQLITE_OK);
    snprintf(sql, sizeof(sql), "UPDATE household SET house_grade = NULL WHERE id = %lld",
             (long long)hh);
    assert_int_equal(raw(x, sql), SQLITE_OK);
    snprintf(sql, sizeof(sql),
             "INSERT INTO monitor_case(id, household_id, state, category, channel, clue_date, "
             "created_at, updated_at) VALUES (88, %lld, 'clue', '1', '1', '2026-01-01', 'x', 'x')",
             (long long)hh);
    assert_int_equal(raw(x, sql), SQLITE_OK);
    assert_int_equal(raw(x, "UPDATE monitor_case SET state = 'bogus' WHERE id = 88") & 0xff,
                     SQLITE_CONSTRAINT);
    assert_int_equal(raw(x, "UPDATE monitor_case SET category = '4' WHERE id = 88") & 0xff,
                     SQLITE_CONSTRAINT);
    /* Identified without a date of identification. */
    assert_int_equal(raw(x, "UPDATE monitor_case SET state = 'monitored' WHERE id = 88") & 0xff,
                     SQLITE_CONSTRAINT);
    assert_int_equal(raw(x, "UPDATE monitor_case SET state = 'monitored',"
                            " identified_on = '2026-02-01' WHERE id = 88"), SQLITE_OK);
    assert_int_equal(raw(x, "INSERT INTO case_step(case_id, action, from_state, to_state, actor,"
                            " at, step_date) VALUES (88, 'bogus', 'none', 'clue', 't', 'x',"
                            " '2026-01-01')") & 0xff, SQLITE_CONSTRAINT);
    assert_int_equal(raw(x, "INSERT INTO case_step(case_id, action, from_state, to_state, actor,"
                            " at, step_date) VALUES (88, 'clue', 'bogus', 'clue', 't', 'x',"
                            " '2026-01-01')") & 0xff, SQLITE_CONSTRAINT);
    assert_int_equal(raw(x, "INSERT INTO case_step(case_id, action, from_state, to_state, actor,"
                            " at, step_date) VALUES (88, 'clue', 'none', 'none', 't', 'x',"
                            " '2026-01-01')") & 0xff, SQLITE_CONSTRAINT);
    assert_int_equal(raw(x, "INSERT INTO case_step(case_id, action, from_state, to_state, actor,"
                            " at, step_date) VALUES (88, 'reply', 'none', 'clue', 't', 'x',"
                            " '2026-01-01')"), SQLITE_OK);
}

static void
test_staff_versions_and_audit(void **state)
{
    struct fixture *x = *state;
    struct staff s, mine, theirs, fresh;
    struct actor a;
    int64_t audit0;

    memset(&s, 0, sizeof(s));
    snprintf(s.login, sizeof(s.login), "zhang");
    snprintf(s.name, sizeof(s.name), "张三");
    s.role = ROLE_TOWNSHIP;
    s.scope_id = x->town;
    s.active = 1;
    audit0 = count(x, "audit");
    assert_int_equal(db_staff_add(x->db, "admin", &s, &x->e), 0);
    assert_int_equal(count(x, "audit"), audit0 + 1);
    /* A township account needs a township scope. */
    s.scope_id = 0;
    snprintf(s.login, sizeof(s.login), "li");
    assert_int_equal(db_staff_add(x->db, "admin", &s, &x->e), -1);
    assert_int_equal(x->e.code, ERR_INVALID);
    snprintf(s.login, sizeof(s.login), "Bad Login");
    s.scope_id = x->town;
    assert_int_equal(db_staff_add(x->db, "admin", &s, &x->e), -1);
    /* Two staff edit the same account: the second one is told. */
    assert_int_equal(db_staff_find(x->db, "zhang", &mine, &x->e), 0);
    theirs = mine;
    fresh = mine;
    snprintf(mine.name, sizeof(mine.name), "张三丰");
    mine.role = ROLE_VILLAGE;
    mine.scope_id = x->village;
    assert_int_equal(db_staff_update(x->db, "admin", &fresh, &mine, &x->e), 0);
    assert_int_equal(count(x, "audit"), audit0 + 4);
    snprintf(theirs.name, sizeof(theirs.name), "张叁");
    assert_int_equal(db_staff_update(x->db, "admin2", &fresh, &theirs, &x->e), -1);
    assert_int_equal(x->e.code, ERR_CONFLICT);
    assert_int_equal(count(x, "audit"), audit0 + 4);
    assert_int_equal(db_staff_find(x->db, "zhang", &fresh, &x->e), 0);
    assert_string_equal(fresh.name, "张三丰");
    assert_int_equal(fresh.version, 2);
    /* The audit rows say old -> new per field. */
    assert_int_equal(raw(x, "SELECT 1"), SQLITE_OK);
    {
        sqlite3_stmt *st;

        assert_int_equal(sqlite3_prepare_v2(x->db->h,
            "SELECT field, old, new FROM audit WHERE op = 'update' AND field = 'role'", -1, &st, NULL), SQLITE_OK);
        assert_int_equal(sqlite3_step(st), SQLITE_ROW);
        assert_string_equal((const char *)sqlite3_column_text(st, 1), "township");
        assert_string_equal((const char *)sqlite3_column_text(st, 2), "village");
        sqlite3_finalize(st);
    }
    /* The acting user's scope level comes from the division. */
    assert_int_equal(db_actor_load(x->db, "zhang", &a, &x->e), 0);
    assert_int_equal(a.scope_level, LEVEL_VILLAGE);
    assert_int_equal(a.role, ROLE_VILLAGE);
    assert_int_equal(db_actor_load(x->db, "nobody", &a, &x->e), -1);
    assert_int_equal(x->e.code, ERR_DENIED);
}

static struct step_input
clue_input(const char *day)
{
    struct step_input in;

    memset(&in, 0, sizeof(in));
    in.action = CA_CLUE;
    in.step_date = D(day);
    in.pub_start = in.pub_end = DATE_NONE;
    in.channel = "2";
    in.category = "1";
    in.risks[0] = "01";
    in.risks[1] = "03";
    in.nrisks = 2;
    in.description = "因病因残";
    return in;
}

static void
test_case_act(void **state)
{
    struct fixture *x = *state;
    int64_t hh = store_household(x, "A003"), id, audit0;
    struct actor village = helpers_actor(ROLE_VILLAGE), county = helpers_actor(ROLE_COUNTY);
    struct step_input in = clue_input("2026-11-02");
    struct findings f;
    struct hh_snapshot s;

    memset(&f, 0, sizeof(f));
    memset(&s, 0, sizeof(s));
    village.scope_id = x->village;
    audit0 = count(x, "audit");
    assert_int_equal(db_case_act(x->db, &x->ctx, &village, hh, 0, &in, &f, &id, &x->e), 0);
    assert_int_equal(count(x, "monitor_case"), 1);
    assert_int_equal(count(x, "case_step"), 1);
    assert_int_equal(count(x, "case_risk"), 2);
    assert_int_equal(count(x, "audit"), audit0 + 2);
    /* A second clue from a stale screen (version 0) conflicts. */
    assert_int_equal(db_case_act(x->db, &x->ctx, &village, hh, 0, &in, &f, NULL, &x->e), -1);
    assert_int_equal(x->e.code, ERR_CONFLICT);
    assert_int_equal(count(x, "case_step"), 1);
    /* The home check moves it on; the stored case is what core said. */
    memset(&in, 0, sizeof(in));
    in.action = CA_VERIFY;
    in.step_date = D("2026-11-03");
    in.pub_start = in.pub_end = DATE_NONE;
    in.authorized = 1;
    assert_int_equal(db_case_act(x->db, &x->ctx, &village, hh, 1, &in, &f, NULL, &x->e), 0);
    assert_int_equal(db_snapshot_load(x->db, hh, &s, &x->e), 0);
    assert_true(s.has_case);
    assert_int_equal(s.mcase.id, id);
    assert_int_equal(s.mcase.state, CS_VERIFIED);
    assert_int_equal(s.mcase.version, 2);
    assert_int_equal(s.mcase.nrisks, 2);
    assert_string_equal(s.mcase.risks[1], "03");
    assert_string_equal(s.mcase.description, "因病因残");
    assert_int_equal(s.nsteps, 2);
    assert_int_equal(s.steps[1].action, CA_VERIFY);
    assert_int_equal(s.steps[1].authorized, 1);
    assert_int_equal(s.mcase.deadline, D("2026-11-17"));
    /* A refused action stores nothing. */
    audit0 = count(x, "audit");
    in.action = CA_COUNTY_APPROVE;
    in.step_date = D("2026-11-04");
    assert_int_equal(db_case_act(x->db, &x->ctx, &county, hh, 2, &in, &f, NULL, &x->e), -1);
    assert_int_equal(x->e.code, ERR_RULE);
    assert_int_equal(count(x, "case_step"), 2);
    assert_int_equal(count(x, "audit"), audit0);
    /* The update wrote one audit row per changed field and the step. */
    {
        sqlite3_stmt *st;

        assert_int_equal(sqlite3_prepare_v2(x->db->h,
            "SELECT count(*) FROM audit WHERE tbl = 'monitor_case' AND op = 'update' AND field = 'state' "
            "AND old = 'clue' AND new = 'verified'", -1, &st, NULL), SQLITE_OK);
        assert_int_equal(sqlite3_step(st), SQLITE_ROW);
        assert_int_equal(sqlite3_column_int(st, 0), 1);
        sqlite3_finalize(st);
    }
    findings_free(&f);
    snapshot_free(&s);
}

/* IN as ACTOR on household HH at VERSION; the new case's id in *ID. */
static int
act(struct fixture *x, const struct actor *actor, int64_t hh, int64_t version,
    const struct step_input *in, int64_t *id)
{
    struct findings f;
    int rc;

    memset(&f, 0, sizeof(f));
    rc = db_case_act(x->db, &x->ctx, actor, hh, version, in, &f, id, &x->e);
    findings_free(&f);
    return rc;
}

/* Issue 17 2.8: the reply to a rejected applicant is stored as a step of
 * the rejected case, which the household's snapshot keeps until a new
 * clue opens a new case. */
static void
test_case_reply(void **state)
{
    struct fixture *x = *state;
    struct actor village = helpers_actor(ROLE_VILLAGE), town = helpers_actor(ROLE_TOWNSHIP);
    int64_t hh = store_household(x, "A004"), first, second;
    struct step_input in = clue_input("2026-11-02");
    struct hh_snapshot s = {0};

    village.scope_id = x->village;
    assert_int_equal(act(x, &village, hh, 0, &in, &first), 0);
    memset(&in, 0, sizeof(in));
    in.action = CA_REJECT;
    in.step_date = D("2026-11-04");
    in.pub_start = in.pub_end = DATE_NONE;
    in.note = "不符合条件";
    assert_int_equal(act(x, &town, hh, 1, &in, NULL), 0);
    assert_int_equal(db_snapshot_load(x->db, hh, &s, &x->e), 0);
    assert_true(s.has_case);
    assert_int_equal(s.mcase.state, CS_REJECTED);
    assert_int_equal(s.mcase.deadline, D("2026-11-11"));
    in.action = CA_REPLY;
    in.step_date = D("2026-11-06");
    in.note = "书面告知";
    assert_int_equal(act(x, &town, hh, 2, &in, NULL), 0);
    assert_int_equal(db_snapshot_load(x->db, hh, &s, &x->e), 0);
    assert_int_equal(s.nsteps, 3);
    assert_int_equal(s.steps[2].action, CA_REPLY);
    assert_string_equal(s.steps[2].note, "书面告知");
    assert_int_equal(s.mcase.deadline, DATE_NONE);
    /* A new clue: a new case, the rejected one kept. */
    in = clue_input("2026-11-20");
    assert_int_equal(act(x, &village, hh, 3, &in, &second), 0);
    assert_int_not_equal(second, first);
    assert_int_equal(count(x, "monitor_case"), 2);
    assert_int_equal(db_snapshot_load(x->db, hh, &s, &x->e), 0);
    assert_int_equal(s.mcase.id, second);
    assert_int_equal(s.nsteps, 1);
    snapshot_free(&s);
}

/* Take household HH (its case at *VERSION) from CLUE_ACTION on DAY to
 * county approval ten days later; *VERSION follows the case. */
static void
identify(struct fixture *x, int64_t hh, int64_t *version, enum case_action clue_action,
         int day)
{
    struct actor village = helpers_actor(ROLE_VILLAGE), town = helpers_actor(ROLE_TOWNSHIP),
                 county = helpers_actor(ROLE_COUNTY);
    static const struct {
        enum case_action a;
        int at, who;        /* days after DAY; 0 village, 1 township, 2 county */
    } steps[] = {
        {CA_VERIFY, 1, 0}, {CA_APPRAISE, 2, 0}, {CA_PUBLICIZE, 3, 0},
        {CA_TOWNSHIP_REVIEW, 9, 1}, {CA_COUNTY_APPROVE, 10, 2},
    };
    const struct actor *who[] = {&village, &town, &county};
    char iso[DATE_BUF];
    struct step_input in;
    size_t i;

    village.scope_id = x->village;
    date_format(day, iso);
    in = clue_input(iso);
    in.action = clue_action;
    if (act(x, &village, hh, (*version)++, &in, NULL)) {
        fail_msg("clue: %s", x->e.msg);
    }
    for (i = 0; i < ARRAY_SIZE(steps); i++) {
        memset(&in, 0, sizeof(in));
        in.action = steps[i].a;
        in.step_date = day + steps[i].at;
        in.pub_start = in.pub_end = DATE_NONE;
        in.authorized = 1;
        if (steps[i].a == CA_PUBLICIZE) {
            in.pub_start = in.step_date;
            in.pub_end = in.step_date + 5;
        }
        if (act(x, who[steps[i].who], hh, (*version)++, &in, NULL)) {
            fail_msg("%s: %s", case_action_name(steps[i].a), x->e.msg);
        }
    }
}

static int
first_cell(void *arg, const char *const *cells, struct err *e)
{
    (void)e;
    snprintf(arg, MONTH_BUF, "%s", cells[0]);
    return 0;
}

/* Issue 17 section 3: the household's first identification (首次识别时间)
 * is set by its first county approval and kept when, its risk
 * eliminated, it is identified again; export national says so. */
static void
test_first_identified_kept(void **state)
{
    struct fixture *x = *state;
    struct actor county = helpers_actor(ROLE_COUNTY);
    int64_t hh = store_household(x, "A005"), version = 0;
    struct hh_snapshot s = {0};
    struct xlayout l = {0};
    struct xcol first;
    struct field_ctx fctx = {&x->p.codes, x->ctx.today};
    struct national_src src = {x->db, &county, &l, &fctx, 1, x->ctx.today};
    char cell[MONTH_BUF] = "";
    int64_t rows;

    identify(x, hh, &version, CA_CLUE, D("2025-01-06"));
    assert_int_equal(db_snapshot_load(x->db, hh, &s, &x->e), 0);
    assert_int_equal(s.hh.first_identified, month_of(D("2025-01-16")));
    /* Its risk eliminated (as an elimination approved would leave it). */
    assert_int_equal(raw(x, "UPDATE monitor_case SET state = 'eliminated', "
                            "elim_started = '2025-09-01', eliminated_on = '2025-09-20', "
                            "elim_method = '1', version = version + 1"), SQLITE_OK);
    version++;
    identify(x, hh, &version, CA_REIDENTIFY, D("2026-10-05"));
    assert_int_equal(db_snapshot_load(x->db, hh, &s, &x->e), 0);
    assert_int_equal(s.mcase.state, CS_MONITORED);
    assert_int_equal(s.mcase.identified_on, D("2026-10-15"));
    assert_int_equal(s.hh.first_identified, month_of(D("2025-01-16")));
    assert_int_equal(snapshot_first_identified(&s), month_of(D("2025-01-16")));
    /* The export's 首次识别时间 is the first, the new one its 风险识别时间. */
    memset(&first, 0, sizeof(first));
    first.label = "首次识别时间";
    first.table = "";
    first.field = XF_FIRST_IDENT;
    first.spec.type = FT_MONTH;
    l.v = &first;
    l.n = 1;
    assert_int_equal(national_rows(&src, first_cell, cell, &rows, &x->e), 0);
    assert_string_equal(cell, "202501");
    snapshot_free(&s);
}

static void
test_snapshot_stream(void **state)
{
    struct fixture *x = *state;
    int64_t a = store_household(x, "B001"), b, c;
    struct household empty;
    struct snap_iter *it;
    struct hh_snapshot s;
    struct measure m;
    int n = 0;

    memset(&empty, 0, sizeof(empty));
    snprintf(empty.hh_no, sizeof(empty.hh_no), "B002");
    empty.township_id = x->town;
    empty.village_id = x->village;
    snprintf(empty.hh_type, sizeof(empty.hh_type), "2");
    assert_int_equal(db_household_insert(x->db, "t", &empty, 0, &x->e), 0);
    b = empty.id;
    c = store_household(x, "B003");
    memset(&m, 0, sizeof(m));
    m.household_id = c;
    m.year = 2026;
    m.start = D("2026-03-01");
    m.end = DATE_NONE;
    snprintf(m.category, sizeof(m.category), "100A39");
    assert_int_equal(db_measure_insert(x->db, "t", &m, 1, &x->e), 0);
    memset(&s, 0, sizeof(s));
    assert_int_equal(snap_iter_open(&it, x->db, 1, INT64_MAX, &x->e), 0);
    while (snap_iter_next(it, &s, &x->e) == 1) {
        n++;
        if (s.hh.id == a) {
            assert_int_equal(s.nmembers, 4);
            assert_int_equal(s.nincomes, 4);
            assert_int_equal(s.nmeasures, 0);
            assert_string_equal(s.members[0].name, "张三");
            assert_int_equal(s.incomes[0].year, 2023);
        } else if (s.hh.id == b) {
            assert_int_equal(s.nmembers, 0);
            assert_int_equal(s.nincomes, 0);
            assert_string_equal(s.hh.hh_no, "B002");
        } else {
            assert_int_equal(s.hh.id, c);
            assert_int_equal(s.nmembers, 4);
            assert_int_equal(s.nmeasures, 1);
            assert_int_equal(s.measures[0].start, D("2026-03-01"));
            assert_int_equal(s.measures[0].end, DATE_NONE);
        }
    }
    snap_iter_close(it);
    assert_int_equal(n, 3);
    assert_int_equal(db_snapshot_load(x->db, 9999, &s, &x->e), -1);
    assert_int_equal(x->e.code, ERR_NOTFOUND);
    snapshot_free(&s);
}

/* Keep inserting households into PATH until killed. */
static void
writer(const char *path)
{
    struct db *db;
    struct household h;
    struct err e;
    int i;

    if (db_open(&db, path, 0, 5000, &e)) {
        _exit(1);
    }
    for (i = 0;; i++) {
        memset(&h, 0, sizeof(h));
        snprintf(h.hh_no, sizeof(h.hh_no), "W%07d", i);
        h.township_id = 2;
        h.village_id = 3;
        snprintf(h.hh_type, sizeof(h.hh_type), "2");
        if (db_begin(db, &e) || db_household_insert(db, "w", &h, 1, &e) ||
            db_commit(db, &e)) {
            db_rollback(db);
        }
    }
}

/* The first integer of SQL on the connection H, or -1. */
static int64_t
file_int_on(sqlite3 *h, const char *sql)
{
    sqlite3_stmt *st;
    int64_t n = -1;

    if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
        n = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    return n;
}

static void
test_backup_while_writing(void **state)
{
    struct fixture *x = *state;
    char *copy = path_join(x->dir, "copy.db");
    struct backup_opts o = {copy, 0, 0600, (gid_t)-1, "test"};
    struct db *b;
    char **problems;
    size_t n;
    int64_t before;
    pid_t pid;
    int i;

    for (i = 0; i < 50; i++) {
        char no[16];

        snprintf(no, sizeof(no), "C%03d", i);
        store_household(x, no);
    }
    pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        writer(x->path);
    }
    usleep(200000);
    before = count(x, "household");
    assert_true(before > 50);
    assert_int_equal(db_backup(x->db, &o, NULL, &x->e), 0);
    /* The source was read through a memory map, which it no longer is. */
    assert_int_equal(file_int_on(x->db->h, "PRAGMA mmap_size"), 0);
    usleep(100000);
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    /* The writer kept going meanwhile. */
    assert_true(count(x, "household") > before);
    assert_int_equal(db_open(&b, copy, 0, 1000, &x->e), 0);
    assert_int_equal(db_integrity(b, 1, &problems, &n, &x->e), 0);
    assert_int_equal(n, 0);
    free(problems);
    db_close(b);
    /* The copy is there: no second copy on top of it without force. */
    assert_int_equal(db_backup(x->db, &o, NULL, &x->e), -1);
    assert_int_equal(x->e.code, ERR_IO);
    o.overwrite = 1;
    assert_int_equal(db_backup(x->db, &o, NULL, &x->e), 0);
    free(copy);
}

/* A database with pointer-map pages (auto_vacuum), which the page check
 * does not know: the backup checks its copy with quick_check instead,
 * and counts its persons. */
static void
test_backup_auto_vacuum(void **state)
{
    struct fixture *x = *state;
    char *copy = path_join(x->dir, "copy.db");
    struct backup_opts o = {copy, 0, 0600, (gid_t)-1, "test"};
    struct pages_roots r;
    const char *why = NULL;
    int64_t persons = -1, cells;
    sqlite3 *h;

    store_household(x, "A001");
    store_household(x, "A002");
    assert_int_equal(raw(x, "PRAGMA auto_vacuum = FULL"), SQLITE_OK);
    assert_int_equal(raw(x, "VACUUM"), SQLITE_OK);
    assert_int_equal(file_int_on(x->db->h, "PRAGMA auto_vacuum"), 1);
    assert_int_equal(db_backup(x->db, &o, &persons, &x->e), 0);
    assert_true(persons > 0);
    assert_int_equal(persons, count(x, "person"));
    assert_int_equal(sqlite3_open_v2(copy, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    assert_int_equal(db_pages_roots(h, "person", &r), 0);
    sqlite3_close(h);
    assert_int_equal(db_pages_check(copy, &r, &cells, &why), -1);
    assert_string_equal(why, "pointer-map pages (auto_vacuum)");
    db_pages_roots_free(&r);
    free(copy);
}

/* A plain SQLite file at PATH for the page check of a copy, with 1 KiB
 * pages so that a few thousand rows make deep trees: person's 5,000
 * rows of about 100 bytes and its index on name (three levels), rows
 * and index keys too big for their page (overflow chains from table
 * leaves, index leaves and index interior pages), and free pages. */
static void
pages_db(const char *path)
{
    static const char sql[] =
        "PRAGMA page_size = 1024;"
        "CREATE TABLE person(id INTEGER PRIMARY KEY, name TEXT);"
        "CREATE INDEX person_name ON person(name);"
        "CREATE TABLE note(id INTEGER PRIMARY KEY, body BLOB);"
        "CREATE TABLE tag(t TEXT); CREATE INDEX tag_t ON tag(t);"
        "CREATE TABLE gone(x);"
        "BEGIN;"
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)"
        " INSERT INTO person SELECT i, printf('%05d-', i * 7919 % 5000) || hex(randomblob(45))"
        " FROM n;"
        "INSERT INTO note(body) VALUES (zeroblob(5000)), (randomblob(30000));"
        "INSERT INTO tag SELECT printf('%04d', id) || hex(randomblob(400)) FROM person"
        " WHERE id <= 300;"
        "INSERT INTO gone SELECT randomblob(500) FROM person WHERE id <= 400;"
        "COMMIT;"
        "DELETE FROM gone;";
    sqlite3 *h;

    assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
    assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(h);
}

/* The first integer of SQL on the file PATH. */
static int64_t
file_int(const char *path, const char *sql)
{
    sqlite3 *h;
    int64_t n;

    assert_int_equal(sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    n = file_int_on(h, sql);
    sqlite3_close(h);
    return n;
}

/* The page check of the file PATH, with the roots the schema of the file
 * SCHEMA names (person's leaves counted) into *CELLS and *WHY. */
static int
pages_of(const char *schema, const char *path, int64_t *cells, const char **why)
{
    struct pages_roots r;
    sqlite3 *h;
    int rc;

    assert_int_equal(sqlite3_open_v2(schema, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    assert_int_equal(db_pages_roots(h, "person", &r), 0);
    sqlite3_close(h);
    *why = NULL;
    rc = db_pages_check(path, &r, cells, why);
    db_pages_roots_free(&r);
    return rc;
}

static void
test_pages_sound(void **state)
{
    struct fixture *x = *state;
    char *path = path_join(x->dir, "pages.db");
    struct pages_roots none = {NULL, 0, 0};
    const char *why;
    int64_t cells;

    pages_db(path);
    assert_true(file_int(path, "PRAGMA freelist_count") > 0);
    assert_true(file_int(path, "SELECT count(*) FROM dbstat WHERE pagetype = 'overflow'") > 30);
    assert_true(file_int(path, "SELECT max(length(path) - length(replace(path, '/', '')))"
                               " FROM dbstat WHERE name = 'person_name'") >= 3);
    assert_int_equal(pages_of(path, path, &cells, &why), 0);
    assert_null(why);
    assert_int_equal(cells, 5000);
    /* A file that is not there cannot be read. */
    memcpy(path + strlen(path) - 3, ".no", 3);
    assert_int_equal(db_pages_check(path, &none, &cells, &why), -2);
    free(path);
}

/* The damages a copy could carry, each done to the image F (*LEN bytes,
 * pages of PS bytes) at page PG, chosen on the sound file by SQL. */
static void
put4(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v >> 24);
    p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8);
    p[3] = (unsigned char)v;
}

static uint32_t
get4(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void
zero_page(unsigned char *f, size_t *len, size_t ps, uint32_t pg)
{
    (void)len;
    memset(f + (pg - 1) * ps, 0, ps);
}

static void
child_past_end(unsigned char *f, size_t *len, size_t ps, uint32_t pg)
{
    put4(f + (pg - 1) * ps + 8, (uint32_t)(*len / ps) + 1);
}

static void
child_twice(unsigned char *f, size_t *len, size_t ps, uint32_t pg)
{
    unsigned char *d = f + (pg - 1) * ps;

    (void)len;
    put4(d + 8, get4(d + ((size_t)d[12] << 8 | d[13])));
}

static void
cells_past_end(unsigned char *f, size_t *len, size_t ps, uint32_t pg)
{
    (void)len;
    f[(pg - 1) * ps + 3] = 0x7f;
}

static void
truncated(unsigned char *f, size_t *len, size_t ps, uint32_t pg)
{
    (void)f, (void)pg;
    *len -= ps;
}

static void
count_short(unsigned char *f, size_t *len, size_t ps, uint32_t pg)
{
    (void)len, (void)ps, (void)pg;
    put4(f + 28, get4(f + 28) - 1);
}

static void
page_added(unsigned char *f, size_t *len, size_t ps, uint32_t pg)
{
    (void)pg;
    memset(f + *len, 0, ps);
    *len += ps;
    put4(f + 28, get4(f + 28) + 1);
}

static void
free_count(unsigned char *f, size_t *len, size_t ps, uint32_t pg)
{
    (void)len, (void)ps, (void)pg;
    put4(f + 36, get4(f + 36) + 1);
}

static void
test_pages_damaged(void **state)
{
    static const struct {
        const char *what;
        const char *page;   /* SQL choosing the page, NULL: none */
        void (*damage)(unsigned char *f, size_t *len, size_t ps, uint32_t pg);
        const char *why;    /* what the check says first */
    } cases[] = {
        {"a page of zeros amid person's leaves",
         "SELECT pageno FROM dbstat WHERE name = 'person' AND pagetype = 'leaf' ORDER BY path"
         " LIMIT 1 OFFSET (SELECT count(*) / 2 FROM dbstat WHERE name = 'person'"
         " AND pagetype = 'leaf')",
         zero_page, "a page that is no page of its b-tree"},
        {"a page of zeros amid an index's interior pages",
         "SELECT pageno FROM dbstat WHERE name = 'person_name' AND pagetype = 'internal'"
         " AND path <> '/' ORDER BY path LIMIT 1 OFFSET 1",
         zero_page, "a page that is no page of its b-tree"},
        {"an interior page's child past the end of the file",
         "SELECT pageno FROM dbstat WHERE name = 'person' AND pagetype = 'internal'"
         " ORDER BY path DESC LIMIT 1",
         child_past_end, "a page number past the end of the file"},
        {"an interior page's child met twice",
         "SELECT pageno FROM dbstat WHERE name = 'person' AND pagetype = 'internal'"
         " ORDER BY path DESC LIMIT 1",
         child_twice, "a page met twice"},
        {"an interior page with more cells than it holds",
         "SELECT pageno FROM dbstat WHERE name = 'person' AND pagetype = 'internal'"
         " ORDER BY path DESC LIMIT 1",
         cells_past_end, "more cells than the page holds"},
        {"a page of zeros amid an overflow chain",
         "SELECT pageno FROM dbstat WHERE name = 'note' AND pagetype = 'overflow'"
         " ORDER BY path LIMIT 1 OFFSET 10",
         zero_page, "an overflow chain shorter than its payload"},
        {"a truncated copy", NULL, truncated, "a page count that does not fill the file"},
        {"a page count one short of the file", NULL, count_short,
         "a page count that does not fill the file"},
        {"a page no b-tree holds", NULL, page_added,
         "pages that no b-tree nor the free list holds"},
        {"a free list of another length", NULL, free_count,
         "a free list of another length than the header's"},
    };
    struct fixture *x = *state;
    char *sound = path_join(x->dir, "sound.db"), *bad = path_join(x->dir, "bad.db");
    unsigned char *f;
    size_t i, len, ps;
    FILE *fp;

    pages_db(sound);
    ps = (size_t)file_int(sound, "PRAGMA page_size");
    for (i = 0; i < ARRAY_SIZE(cases); i++) {
        uint32_t pg = cases[i].page ? (uint32_t)file_int(sound, cases[i].page) : 0;
        const char *why;
        int64_t cells;

        assert_non_null(fp = fopen(sound, "rb"));
        assert_int_equal(fseek(fp, 0, SEEK_END), 0);
        len = (size_t)ftell(fp);
        rewind(fp);
        f = xmalloc(len + ps);
        assert_int_equal(fread(f, 1, len, fp), len);
        fclose(fp);
        assert_true(cases[i].page == NULL || (pg > 1 && pg <= len / ps));
        cases[i].damage(f, &len, ps, pg);
        assert_non_null(fp = fopen(bad, "wb"));
        assert_int_equal(fwrite(f, 1, len, fp), len);
        fclose(fp);
        free(f);
        if (pages_of(sound, bad, &cells, &why) != -1 || why == NULL || strcmp(why, cases[i].why) != 0) {
            fail_msg("%s: passed, or not for the reason expected (%s)", cases[i].what,
                     why ? why : "none");
        }
    }
    free(sound);
    free(bad);
}

/* Rows each write adds, and the wait for the lock: a second, so that
 * 100 writers on two cores tell a handler that gives up after a fixed
 * time (SQLite's: 17 of 1,200 writes busy) from one that waits while
 * the others get through (none). */
#define ROWS_PER_WRITE 10
#define BUSY_MS 1000

/* One CLI write as a separate run makes it: open PATH, insert households
 * NOa, NOb... in a transaction of its own, close.  0, or 1 when the
 * database was busy past the wait. */
static int
one_write(const char *path, const char *no)
{
    struct household h;
    struct db *db;
    struct err e;
    int busy;

    err_clear(&e);
    memset(&h, 0, sizeof(h));
    snprintf(h.hh_no, sizeof(h.hh_no), "%s", no);
    h.township_id = 2;
    h.village_id = 3;
    snprintf(h.hh_type, sizeof(h.hh_type), "2");
    if (db_open(&db, path, 0, BUSY_MS, &e)) {
        return strstr(e.msg, "busy") != NULL;
    }
    if (db_begin(db, &e) == 0) {
        int j, rc = 0;

        for (j = 0; j < ROWS_PER_WRITE && rc == 0; j++) {
            snprintf(h.hh_no, sizeof(h.hh_no), "%s%c", no, 'a' + j);
            rc = db_household_insert(db, "w", &h, 1, &e);
        }
        if (rc != 0 || db_commit(db, &e) != 0) {
            db_rollback(db);
        }
    }
    busy = strstr(e.msg, "busy") != NULL;
    db_close(db);
    return busy;
}

/* 100 writers at once, each a run of 12 CLI writes (open, write,
 * close): none of the 1,200 writes is busy, every row is there. */
static void
test_many_writers(void **state)
{
    struct fixture *x = *state;
    enum { WRITERS = 100, WRITES = 12 };
    pid_t pids[WRITERS];
    int i, k, status, busy = 0;

    db_close(x->db);
    x->db = NULL;
    for (i = 0; i < WRITERS; i++) {
        pids[i] = fork();
        assert_true(pids[i] >= 0);
        if (pids[i] == 0) {
            int n = 0;
            char no[16];

            for (k = 0; k < WRITES; k++) {
                snprintf(no, sizeof(no), "P%02d%03d", i, k);
                n += one_write(x->path, no);
            }
            _exit(n);
        }
    }
    for (i = 0; i < WRITERS; i++) {
        assert_true(waitpid(pids[i], &status, 0) == pids[i]);
        assert_true(WIFEXITED(status));
        busy += WEXITSTATUS(status);
    }
    assert_int_equal(db_open(&x->db, x->path, 0, 5000, &x->e), 0);
    assert_int_equal(busy, 0);
    assert_int_equal(count(x, "household WHERE hh_no LIKE 'P%'"), WRITERS * WRITES * ROWS_PER_WRITE);
}

/* --- index builds that sort in runs ------------------------------ */

/* The default VFS with its xOpen counting the temporary files SQLite
 * opens (a sorter's runs among them). */
static sqlite3_vfs *real_vfs;
static sqlite3_vfs counting_vfs;
static int temp_opens;

static int
counting_open(sqlite3_vfs *v, const char *name, sqlite3_file *f, int flags, int *out)
{
    (void)v;
    temp_opens += (flags & SQLITE_OPEN_TEMP_JOURNAL) != 0;
    return real_vfs->xOpen(real_vfs, name, f, flags, out);
}

static void
count_temp_files(int on)
{
    if (on) {
        if (real_vfs == NULL) {         /* once: a failed test left it registered */
            real_vfs = sqlite3_vfs_find(NULL);
        }
        counting_vfs = *real_vfs;
        counting_vfs.zName = "counting";
        counting_vfs.xOpen = counting_open;
        assert_int_equal(sqlite3_vfs_register(&counting_vfs, 1), SQLITE_OK);
    } else {
        sqlite3_vfs_register(real_vfs, 1);
        sqlite3_vfs_unregister(&counting_vfs);
    }
    temp_opens = 0;
}

/* The fixture's connection opened again with the counting VFS (ON 1)
 * or the default one (ON 0). */
static void
reopen_counting(struct fixture *x, int on)
{
    db_close(x->db);
    x->db = NULL;
    count_temp_files(on);
    assert_int_equal(db_open(&x->db, x->path, 0, 1000, &x->e), 0);
}

/* An import's way (temp_store MEMORY, the bulk cache) of putting off
 * the index of a table of 200,000 keys (about 5 MiB to sort) and
 * building it again; OWN says every row is the user's own. */
static void
build_deferred(struct fixture *x, int own)
{
    assert_int_equal(raw(x, "PRAGMA temp_store = MEMORY"), SQLITE_OK);
    assert_int_equal(raw(x, "PRAGMA cache_size = " DB_BULK_CACHE), SQLITE_OK);
    assert_int_equal(db_begin(x->db, &x->e), 0);
    assert_int_equal(raw(x, "CREATE TABLE keys (k TEXT); CREATE INDEX keys_k ON keys(k)"),
                     SQLITE_OK);
    assert_int_equal(db_indexes_defer(x->db, "keys", NULL, &x->e), 0);
    assert_int_equal(raw(x, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                            "WHERE i < 200000) INSERT INTO keys SELECT hex(randomblob(10)) FROM n"),
                     SQLITE_OK);
    if (own) {
        db_indexes_own(x->db);
    }
    assert_int_equal(db_indexes_restore(x->db, 1, &x->e), 0);
    assert_int_equal(db_commit(x->db, &x->e), 0);
}

/* Rows all the user's own (an import into an empty county): the index
 * is sorted in runs through temporary files, and the connection's
 * temp_store and cache are as before. */
static void
test_indexes_own_sorted_in_runs(void **state)
{
    struct fixture *x = *state;

    reopen_counting(x, 1);
    build_deferred(x, 1);
    assert_true(temp_opens > 0);
    assert_int_equal(scalar(x, "PRAGMA temp_store"), 2);
    assert_int_equal(scalar(x, "PRAGMA cache_size"), -262144);
    assert_int_equal(scalar(x, "SELECT count(*) FROM sqlite_schema WHERE name = 'keys_k'"),
                     1);
    assert_int_equal(scalar(x, "SELECT count(*) FROM keys INDEXED BY keys_k WHERE k > ''"),
                     200000);
    assert_int_equal(scalar(x, "SELECT quick_check = 'ok' FROM pragma_quick_check"), 1);
    reopen_counting(x, 0);
}

/* Rows that are not all the user's own (an import into a county with
 * households rebuilds indexes over everyone's): no temporary file ever
 * holds them, the sort stays in memory. */
static void
test_indexes_not_own_in_memory(void **state)
{
    struct fixture *x = *state;

    reopen_counting(x, 1);
    build_deferred(x, 0);
    assert_int_equal(temp_opens, 0);
    assert_int_equal(scalar(x, "SELECT quick_check = 'ok' FROM pragma_quick_check"), 1);
    reopen_counting(x, 0);
}

/* --- places' keys kept by a bulk load ---------------------------- */

/* Household HH's list row put in bulk mode, as an import does, in
 * village VILL of the fixture's township; its place_key then. */
static void
bulk_put(struct fixture *x, int64_t hh, int64_t vill, char *key, size_t n)
{
    struct hh_summary sum;
    sqlite3_stmt *st;

    memset(&sum, 0, sizeof(sum));
    sum.id = hh;
    snprintf(sum.hh_no, sizeof(sum.hh_no), "K%03d", (int)hh);
    sum.township_id = x->town;
    sum.village_id = vill;
    assert_int_equal(db_list_put(x->db, &sum, "", &x->e), 0);
    assert_int_equal(sqlite3_prepare_v2(x->db->h, "SELECT hex(place_key) FROM hh_list WHERE id = ?",
                                        -1, &st, NULL), SQLITE_OK);
    sqlite3_bind_int64(st, 1, hh);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    snprintf(key, n, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
}

/* A bulk load keeps the last township's and village's sort keys: two
 * villages in turn each get their own, and a village renamed between
 * two transactions is read again. */
static void
test_bulk_place_keys(void **state)
{
    struct fixture *x = *state;
    char a1[200], b1[200], a2[200], a3[200];
    int64_t other, h1 = store_household(x, "K901"), h2 = store_household(x, "K902");

    assert_int_equal(db_division_add(x->db, "t", 3, x->town, "519901001002", "东山村", 1,
                                     &other, &x->e), 0);
    assert_int_equal(db_begin(x->db, &x->e), 0);
    x->db->bulk = 1;
    bulk_put(x, h1, x->village, a1, sizeof(a1));
    bulk_put(x, h2, other, b1, sizeof(b1));
    bulk_put(x, h1, x->village, a2, sizeof(a2));
    x->db->bulk = 0;
    assert_int_equal(db_commit(x->db, &x->e), 0);
    assert_string_not_equal(a1, b1);
    assert_string_equal(a1, a2);
    assert_int_equal(raw(x, "UPDATE division SET name = '西山村' WHERE code = '519901001001'"),
                     SQLITE_OK);
    assert_int_equal(db_begin(x->db, &x->e), 0);
    x->db->bulk = 1;
    bulk_put(x, h1, x->village, a3, sizeof(a3));
    x->db->bulk = 0;
    assert_int_equal(db_commit(x->db, &x->e), 0);
    assert_string_not_equal(a3, a1);
}

static void
test_integrity_in_background(void **state)
{
    struct fixture *x = *state;
    struct integrity *it;
    struct db *second;
    char **v;
    size_t n;

    store_household(x, "D001");
    assert_int_equal(db_open(&second, x->path, DB_READONLY, 1000, &x->e), 0);
    it = db_integrity_start(second, 0);
    assert_int_equal(db_integrity_finish(it, &v, &n, &x->e), 0);
    assert_int_equal(n, 0);
    free(v);
    db_close(second);
    /* A dangling reference is reported. */
    assert_int_equal(raw(x, "PRAGMA foreign_keys = OFF"), SQLITE_OK);
    assert_int_equal(raw(x, "INSERT INTO measure(household_id, year, category, start_date, "
                            "created_at, updated_at) VALUES (4242, 2026, '100A39', '2026-01-01', 'x', 'x')"),
                     SQLITE_OK);
    assert_int_equal(db_integrity(x->db, 0, &v, &n, &x->e), 0);
    assert_int_equal(n, 1);
    assert_non_null(strstr(v[0], "measure"));
    free(v[0]);
    free(v);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_migrations),
        T(test_audit_check_migration),
        T(test_audit_reason_migration),
        T(test_refused_files),
        T(test_constraints),
        T(test_schema_knows_core_names),
        T(test_check_compare),
        T(test_first_identified_kept),
        T(test_staff_versions_and_audit),
        T(test_case_act),
        T(test_case_reply),
        T(test_cadre_reassign),
        T(test_snapshot_stream),
        T(test_backup_while_writing),
        T(test_backup_auto_vacuum),
        T(test_pages_sound),
        T(test_pages_damaged),
        T(test_integrity_in_background),
        T(test_bulk_place_keys),
        T(test_indexes_own_sorted_in_runs),
        T(test_indexes_not_own_in_memory),
        T(test_many_writers),
    };

    i18n_set_language("en");
    return cmocka_run_group_tests_name("db", tests, NULL, NULL);
}

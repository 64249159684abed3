/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_rec.c - records described by a column table (db/db_rec.c) on a
 * table of their own: the audit text of every kind and flag, what is
 * stored for empty values, inserts with and without their audit row,
 * updates that audit exactly the changed columns (a long text whole,
 * quiet and insert-only columns not at all), the conflict message, the
 * rows of a list with and without owned texts, a save that fails leaving
 * nothing written, and the lists kept beside a record.
 */
#include "config.h"
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "db/db_audit.h"
#include "db/db_priv.h"
#include "db/db_rec.h"
#include "util/err.h"
#include "util/path.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

struct thing {
    int64_t id;
    int64_t parent_id;
    char code[12];
    char *note;
    char label[16];
    int n;
    int opt;
    int day;
    int month;
    int64_t fen;
    int64_t opt_fen;
    int flag;
    int64_t ref;
    int state;
    char quiet[16];
    int64_t version;
};

static const char *const state_names[] = {"none", "open", "closed"};

static const char *
state_name(int v)
{
    return v >= 0 && v < 3 ? state_names[v] : "?";
}

static int
state_parse(const char *name, int *v)
{
    int i;

    for (i = 0; i < 3; i++) {
        if (strcmp(name, state_names[i]) == 0) {
            *v = i;
            return 0;
        }
    }
    return -1;
}

static const struct rec_enum states = {state_name, state_parse};

static const struct rec_col thing_cols[] = {
    REC_COLF(struct thing, parent_id, RC_ID, RF_NOTNULL | RF_INSERT),
    REC_COL(struct thing, code, RC_TEXT),
    REC_COL(struct thing, note, RC_PTEXT),
    REC_COLF(struct thing, label, RC_TEXT, RF_NOTNULL),
    REC_COL(struct thing, n, RC_INT),
    REC_COLF(struct thing, opt, RC_INT, RF_OPTIONAL),
    REC_COL(struct thing, day, RC_DATE),
    REC_COL(struct thing, month, RC_MONTH),
    REC_COL(struct thing, fen, RC_FEN),
    REC_COLF(struct thing, opt_fen, RC_FEN, RF_OPTIONAL),
    REC_COL(struct thing, flag, RC_FLAG),
    REC_COL(struct thing, ref, RC_ID),
    REC_ENUM(struct thing, state, states),
    REC_COLF(struct thing, quiet, RC_TEXT, RF_QUIET),
};

static const struct rec_def thing_def = REC_DEF(struct thing, "thing", thing_cols, 3);

enum {
    C_PARENT, C_CODE, C_NOTE, C_LABEL, C_N, C_OPT, C_DAY, C_MONTH, C_FEN,
    C_OPT_FEN, C_FLAG, C_REF, C_STATE, C_QUIET,
};

struct fixture {
    char *dir;
    char *path;
    struct db *db;
    struct err e;
};

static int
setup(void **state)
{
    struct fixture *x = calloc(1, sizeof(*x));

    x->dir = helpers_tmpdir();
    x->path = path_join(x->dir, "county.db");
    err_clear(&x->e);
    if (db_open(&x->db, x->path, DB_CREATE, 1000, &x->e)) {
        fail_msg("setup: %s", x->e.msg);
    }
    assert_int_equal(sqlite3_exec(x->db->h,
        "CREATE TABLE thing (id INTEGER PRIMARY KEY, parent_id INTEGER, code TEXT, "
        "note TEXT, label TEXT NOT NULL, n INTEGER, opt INTEGER, day TEXT, month TEXT, "
        "fen INTEGER, opt_fen INTEGER, flag INTEGER, ref INTEGER, state TEXT, "
        "quiet TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, "
        "version INTEGER NOT NULL DEFAULT 1)", NULL, NULL, NULL), SQLITE_OK);
    *state = x;
    return 0;
}

static int
teardown(void **state)
{
    struct fixture *x = *state;

    db_close(x->db);
    free(x->path);
    helpers_rmdir(x->dir);
    free(x);
    return 0;
}

static void
thing_init(struct thing *t)
{
    memset(t, 0, sizeof(*t));
    t->day = DATE_NONE;
}

/* A thing with a value in every column. */
static void
thing_full(struct thing *t)
{
    thing_init(t);
    t->parent_id = 7;
    snprintf(t->code, sizeof(t->code), "A1");
    t->note = xstrdup("一条备注");
    snprintf(t->label, sizeof(t->label), "标签");
    t->n = -3;
    t->opt = 5;
    t->day = D("2026-03-01");
    t->month = month_of(D("2026-03-01"));
    t->fen = 123450;
    t->opt_fen = 99;
    t->flag = 1;
    t->ref = 42;
    t->state = 1;
    snprintf(t->quiet, sizeof(t->quiet), "静");
}

/* One text value of the row of thing ID ("NULL" for NULL). */
static const char *
stored(struct fixture *x, const char *col, int64_t id, char *buf, size_t n)
{
    char sql[128];
    sqlite3_stmt *st;

    snprintf(sql, sizeof(sql), "SELECT %s FROM thing WHERE id = %lld", col, (long long)id);
    assert_int_equal(sqlite3_prepare_v2(x->db->h, sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    snprintf(buf, n, "%s", sqlite3_column_type(st, 0) == SQLITE_NULL
                               ? "NULL" : (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return buf;
}

static int64_t
count(struct fixture *x, const char *sql)
{
    sqlite3_stmt *st;
    int64_t n = -1;

    assert_int_equal(sqlite3_prepare_v2(x->db->h, sql, -1, &st, NULL), SQLITE_OK);
    if (sqlite3_step(st) == SQLITE_ROW) {
        n = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    return n;
}

static void
test_audit_text(void **state)
{
    struct thing t;
    char buf[REC_VAL_BUF];
    const char *want[] = {
        [C_PARENT] = "7", [C_CODE] = "A1", [C_NOTE] = "一条备注", [C_LABEL] = "标签",
        [C_N] = "-3", [C_OPT] = "5", [C_DAY] = "2026-03-01", [C_MONTH] = "2026-03",
        [C_FEN] = "1234.50", [C_OPT_FEN] = "0.99", [C_FLAG] = "1", [C_REF] = "42",
        [C_STATE] = "open", [C_QUIET] = "静",
    };
    const char *empty[] = {
        [C_PARENT] = "", [C_CODE] = "", [C_NOTE] = "", [C_LABEL] = "",
        [C_N] = "0", [C_OPT] = "", [C_DAY] = "", [C_MONTH] = "",
        [C_FEN] = "0.00", [C_OPT_FEN] = "", [C_FLAG] = "0", [C_REF] = "",
        [C_STATE] = "none", [C_QUIET] = "",
    };
    size_t i;

    (void)state;
    thing_full(&t);
    for (i = 0; i < ARRAY_SIZE(thing_cols); i++) {
        assert_string_equal(rec_text(&thing_cols[i], &t, buf), want[i]);
    }
    /* A flag is "1" whatever true value it holds. */
    t.flag = 2;
    assert_string_equal(rec_text(&thing_cols[C_FLAG], &t, buf), "1");
    free(t.note);
    thing_init(&t);
    t.month = 0;
    for (i = 0; i < ARRAY_SIZE(thing_cols); i++) {
        if (i != C_MONTH) {
            assert_string_equal(rec_text(&thing_cols[i], &t, buf), empty[i]);
        }
    }
}

static void
test_stored_and_read(void **state)
{
    struct fixture *x = *state;
    struct thing t, back;
    char buf[64];

    thing_init(&t);
    t.month = month_of(D("2026-11-01"));
    assert_int_equal(rec_insert(x->db, &thing_def, "t", &t, &x->e), 0);
    assert_true(t.id > 0);
    assert_int_equal(t.version, 1);
    /* Empty texts and ids are NULL, but where the column says not. */
    assert_string_equal(stored(x, "code", t.id, buf, sizeof(buf)), "NULL");
    assert_string_equal(stored(x, "note", t.id, buf, sizeof(buf)), "NULL");
    assert_string_equal(stored(x, "label", t.id, buf, sizeof(buf)), "");
    assert_string_equal(stored(x, "parent_id", t.id, buf, sizeof(buf)), "0");
    assert_string_equal(stored(x, "ref", t.id, buf, sizeof(buf)), "NULL");
    assert_string_equal(stored(x, "n", t.id, buf, sizeof(buf)), "0");
    assert_string_equal(stored(x, "opt", t.id, buf, sizeof(buf)), "NULL");
    assert_string_equal(stored(x, "fen", t.id, buf, sizeof(buf)), "0");
    assert_string_equal(stored(x, "opt_fen", t.id, buf, sizeof(buf)), "NULL");
    assert_string_equal(stored(x, "day", t.id, buf, sizeof(buf)), "NULL");
    assert_string_equal(stored(x, "month", t.id, buf, sizeof(buf)), "2026-11");
    assert_string_equal(stored(x, "state", t.id, buf, sizeof(buf)), "none");
    /* A full one reads back as it was written. */
    thing_full(&t);
    assert_int_equal(rec_insert(x->db, &thing_def, "t", &t, &x->e), 0);
    assert_string_equal(stored(x, "fen", t.id, buf, sizeof(buf)), "123450");
    assert_string_equal(stored(x, "state", t.id, buf, sizeof(buf)), "open");
    thing_init(&back);
    assert_int_equal(rec_get(x->db, &thing_def, t.id, &back, &x->e), 0);
    assert_int_equal(back.id, t.id);
    assert_int_equal(back.version, 1);
    assert_int_equal(back.parent_id, 7);
    assert_string_equal(back.note, "一条备注");
    assert_int_equal(back.day, t.day);
    assert_int_equal(back.month, t.month);
    assert_int_equal(back.opt_fen, 99);
    assert_int_equal(back.state, 1);
    assert_string_equal(back.quiet, "静");
    /* An unknown name reads as the first value. */
    assert_int_equal(sqlite3_exec(x->db->h, "UPDATE thing SET state = 'bogus'",
                                  NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(rec_get(x->db, &thing_def, t.id, &back, &x->e), 0);
    assert_int_equal(back.state, 0);
    free(t.note);
    free(back.note);
    assert_int_equal(rec_get(x->db, &thing_def, 999, &back, &x->e), -1);
    assert_int_equal(x->e.code, ERR_NOTFOUND);
}

static void
test_insert_audit(void **state)
{
    struct fixture *x = *state;
    struct thing t;

    thing_full(&t);
    /* A bulk load writes no audit row of its own. */
    assert_int_equal(rec_insert(x->db, &thing_def, NULL, &t, &x->e), 0);
    assert_int_equal(db_audit_count(x->db, &x->e), 0);
    /* Otherwise one "insert" row showing the summary column. */
    assert_int_equal(rec_insert(x->db, &thing_def, "李四", &t, &x->e), 0);
    assert_int_equal(db_audit_count(x->db, &x->e), 1);
    assert_int_equal(count(x, "SELECT count(*) FROM audit WHERE op = 'insert' "
                              "AND tbl = 'thing' AND actor = '李四' AND new = '标签' "
                              "AND field IS NULL"), 1);
    free(t.note);
}

static void
test_update_audit(void **state)
{
    struct fixture *x = *state;
    struct thing old, t;
    char buf[64], *longer = malloc(5001);

    memset(longer, 'x', 5000);
    longer[5000] = '\0';
    thing_full(&t);
    assert_int_equal(rec_insert(x->db, &thing_def, NULL, &t, &x->e), 0);
    thing_init(&old);
    assert_int_equal(rec_get(x->db, &thing_def, t.id, &old, &x->e), 0);
    /* Changed: code, the note (longer than any buffer), opt_fen to none,
     * the state; quiet changes unaudited; parent_id is not written. */
    snprintf(t.code, sizeof(t.code), "B2");
    free(t.note);
    t.note = longer;
    t.opt_fen = 0;
    t.state = 2;
    snprintf(t.quiet, sizeof(t.quiet), "变");
    t.parent_id = 8;
    assert_int_equal(rec_update(x->db, &thing_def, "王五", &old, &t, "this thing", &x->e), 0);
    assert_int_equal(t.version, 2);
    assert_int_equal(t.parent_id, 7);
    assert_string_equal(stored(x, "parent_id", t.id, buf, sizeof(buf)), "7");
    assert_string_equal(stored(x, "quiet", t.id, buf, sizeof(buf)), "变");
    assert_string_equal(stored(x, "opt_fen", t.id, buf, sizeof(buf)), "NULL");
    assert_int_equal(count(x, "SELECT count(*) FROM audit WHERE op = 'update'"), 4);
    assert_int_equal(count(x, "SELECT count(*) FROM audit WHERE field = 'code' "
                              "AND old = 'A1' AND new = 'B2' AND actor = '王五'"), 1);
    assert_int_equal(count(x, "SELECT count(*) FROM audit WHERE field = 'note' "
                              "AND old = '一条备注' AND length(new) = 5000"), 1);
    assert_int_equal(count(x, "SELECT count(*) FROM audit WHERE field = 'opt_fen' "
                              "AND old = '0.99' AND new IS NULL"), 1);
    assert_int_equal(count(x, "SELECT count(*) FROM audit WHERE field = 'state' "
                              "AND old = 'open' AND new = 'closed'"), 1);
    /* Saving it unchanged writes no row but moves the version. */
    free(old.note);
    thing_init(&old);
    assert_int_equal(rec_get(x->db, &thing_def, t.id, &old, &x->e), 0);
    assert_int_equal(rec_update(x->db, &thing_def, "王五", &old, &t, "this thing", &x->e), 0);
    assert_int_equal(t.version, 3);
    assert_int_equal(count(x, "SELECT count(*) FROM audit WHERE op = 'update'"), 4);
    free(old.note);
    free(t.note);
}

static void
test_conflict(void **state)
{
    struct fixture *x = *state;
    struct thing old, mine;

    thing_full(&mine);
    assert_int_equal(rec_insert(x->db, &thing_def, NULL, &mine, &x->e), 0);
    /* Stored meanwhile: the version the user loaded is behind. */
    assert_int_equal(sqlite3_exec(x->db->h, "UPDATE thing SET version = 2",
                                  NULL, NULL, NULL), SQLITE_OK);
    thing_init(&old);
    assert_int_equal(rec_get(x->db, &thing_def, mine.id, &old, &x->e), 0);
    snprintf(mine.code, sizeof(mine.code), "C3");
    assert_int_equal(rec_update(x->db, &thing_def, "t", &old, &mine, "this thing", &x->e), -1);
    assert_int_equal(x->e.code, ERR_CONFLICT);
    assert_non_null(strstr(x->e.msg, "this thing"));
    assert_int_equal(mine.version, 1);
    assert_int_equal(db_audit_count(x->db, &x->e), 0);
    /* The row moved on after OLD was read: the update finds no row. */
    old.version = 1;
    mine.version = 1;
    assert_int_equal(rec_update(x->db, &thing_def, "t", &old, &mine, "this thing", &x->e), -1);
    assert_int_equal(x->e.code, ERR_CONFLICT);
    assert_int_equal(count(x, "SELECT count(*) FROM thing WHERE code = 'C3'"), 0);
    free(old.note);
    free(mine.note);
}

static void
test_list_rows(void **state)
{
    struct fixture *x = *state;
    struct sbuf sql = SBUF_INIT;
    struct thing t, row;
    sqlite3_stmt *st;

    thing_full(&t);
    assert_int_equal(rec_insert(x->db, &thing_def, NULL, &t, &x->e), 0);
    /* Without owned texts, then with them. */
    sbuf_adds(&sql, "SELECT ");
    rec_select(&sql, &thing_def, "t");
    sbuf_adds(&sql, ", 'after' FROM thing t");
    assert_null(strstr(sql.buf, "t.note"));
    assert_int_equal(sqlite3_prepare_v2(x->db->h, sql.buf, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    thing_init(&row);
    assert_string_equal((const char *)sqlite3_column_text(st, rec_read(st, 0, &thing_def, &row)),
                        "after");
    assert_null(row.note);
    assert_int_equal(row.id, t.id);
    assert_int_equal(row.fen, 123450);
    sqlite3_finalize(st);
    sbuf_release(&sql);
    sbuf_adds(&sql, "SELECT ");
    rec_select_all(&sql, &thing_def, "t");
    sbuf_adds(&sql, " FROM thing t");
    assert_int_equal(sqlite3_prepare_v2(x->db->h, sql.buf, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    rec_read_all(st, 0, &thing_def, &row);
    assert_string_equal(row.note, "一条备注");
    assert_int_equal(row.version, 1);
    sqlite3_finalize(st);
    sbuf_release(&sql);
    free(row.note);
    free(t.note);
}

/* Inserts the record, then fails. */
static int
insert_then_fail(const struct rec_job *j)
{
    if (rec_insert(j->db, &thing_def, "t", j->rec, j->e)) {
        return -1;
    }
    return err_set(j->e, ERR_RULE, "refused after the insert");
}

static void
test_save_tx(void **state)
{
    struct fixture *x = *state;
    struct thing t;
    const struct rec_job j = {x->db, NULL, NULL, &t, &x->e};

    thing_full(&t);
    t.version = 7;
    assert_int_equal(rec_save_tx(&thing_def, &t, insert_then_fail, &j), -1);
    assert_int_equal(x->e.code, ERR_RULE);
    /* Rolled back, and the record as it was. */
    assert_int_equal(t.id, 0);
    assert_int_equal(t.version, 7);
    assert_int_equal(count(x, "SELECT count(*) FROM thing"), 0);
    assert_int_equal(db_audit_count(x->db, &x->e), 0);
    free(t.note);
}

static void
bind_label(sqlite3_stmt *st, int i, const void *arg)
{
    db_bind_text(st, 3, ((const char *const *)arg)[i]);
}

static void
test_replace_rows(void **state)
{
    struct fixture *x = *state;
    static const char del[] = "DELETE FROM item WHERE thing_id = ?";
    static const char ins[] = "INSERT INTO item(thing_id, pos, label) VALUES (?, ?, ?)";
    const char *three[] = {"a", "b", "c"}, *one[] = {"z"};

    assert_int_equal(sqlite3_exec(x->db->h,
        "CREATE TABLE item (thing_id INTEGER, pos INTEGER, label TEXT)",
        NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(rec_replace_rows(x->db, del, ins, 5, 3, bind_label, three, &x->e), 0);
    assert_int_equal(count(x, "SELECT count(*) FROM item WHERE thing_id = 5"), 3);
    assert_int_equal(count(x, "SELECT pos FROM item WHERE label = 'c'"), 3);
    assert_int_equal(rec_replace_rows(x->db, del, ins, 5, 1, bind_label, one, &x->e), 0);
    assert_int_equal(count(x, "SELECT count(*) FROM item"), 1);
    assert_int_equal(count(x, "SELECT pos FROM item WHERE label = 'z'"), 1);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_audit_text),
        cmocka_unit_test_setup_teardown(test_stored_and_read, setup, teardown),
        cmocka_unit_test_setup_teardown(test_insert_audit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_update_audit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_conflict, setup, teardown),
        cmocka_unit_test_setup_teardown(test_list_rows, setup, teardown),
        cmocka_unit_test_setup_teardown(test_save_tx, setup, teardown),
        cmocka_unit_test_setup_teardown(test_replace_rows, setup, teardown),
    };

    return cmocka_run_group_tests_name("rec", tests, NULL, NULL);
}

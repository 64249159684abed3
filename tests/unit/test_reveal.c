/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_reveal.c - the household record's rules, without a screen: who may
 * see whole ID numbers (core/role.c) and the audited look
 * (db/db_reveal.c), who may change a household, and which procedure steps
 * an account is offered on it (core/rules.c: case_steps_for).
 */
#include "config.h"
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mcase.h"
#include "db/db.h"
#include "db/db_division.h"
#include "db/db_priv.h"
#include "db/db_reveal.h"
#include "util/err.h"
#include "util/path.h"

/* Administrators, county and township staff; never a village cadre or a
 * viewer. */
static void
test_who_reveals(void **state)
{
    static const int want[ROLE_COUNT] = {
        [ROLE_ADMIN] = 1, [ROLE_COUNTY] = 1, [ROLE_TOWNSHIP] = 1,
        [ROLE_VILLAGE] = 0, [ROLE_VIEWER] = 0,
    };
    int r;

    (void)state;
    for (r = 0; r < ROLE_COUNT; r++) {
        struct actor a = helpers_actor((enum role)r);

        assert_int_equal(actor_reveals(&a), want[r]);
    }
}

/* Changing a household: an account that writes, in its scope. */
static void
test_who_changes(void **state)
{
    struct actor town = helpers_actor(ROLE_TOWNSHIP), viewer = helpers_actor(ROLE_VIEWER);
    struct actor village = helpers_actor(ROLE_VILLAGE), county = helpers_actor(ROLE_COUNTY);

    (void)state;
    assert_true(actor_changes(&town, 2, 3));
    assert_false(actor_changes(&town, 4, 5));
    assert_true(actor_changes(&village, 2, 3));
    assert_false(actor_changes(&village, 2, 6));
    assert_true(actor_changes(&county, 4, 5));
    assert_false(actor_changes(&viewer, 2, 3));
}

/* The steps offered: those of the state allowed to the role; none to a
 * viewer or outside the scope. */
static void
test_steps_offered(void **state)
{
    struct hh_snapshot s;
    enum case_action acts[CA_COUNT];
    struct actor town = helpers_actor(ROLE_TOWNSHIP), village = helpers_actor(ROLE_VILLAGE);
    struct actor viewer = helpers_actor(ROLE_VIEWER), county = helpers_actor(ROLE_COUNTY);

    (void)state;
    memset(&s, 0, sizeof(s));
    helpers_household(&s, 1);
    /* No case: the clue, for anyone who enters data. */
    assert_int_equal(case_steps_for(&village, &s, acts), 1);
    assert_int_equal(acts[0], CA_CLUE);
    assert_int_equal(case_steps_for(&viewer, &s, acts), 0);
    /* Under publicity the township reviews or rejects; a village cadre
     * has nothing to do. */
    s.has_case = 1;
    s.mcase.state = CS_PUBLICIZING;
    assert_int_equal(case_steps_for(&village, &s, acts), 0);
    assert_int_equal(case_steps_for(&town, &s, acts), 2);
    assert_int_equal(acts[0], CA_TOWNSHIP_REVIEW);
    assert_int_equal(acts[1], CA_REJECT);
    /* Outside the scope: nothing, even for a role that could. */
    s.hh.township_id = 4;
    s.hh.village_id = 5;
    assert_int_equal(case_steps_for(&town, &s, acts), 0);
    assert_int_equal(case_steps_for(&county, &s, acts), 2);
    snapshot_free(&s);
}

/* --- the audited look ----------------------------------------------------------- */

struct fixture {
    char *dir, *path;
    struct db *db;
    int64_t hh, other;
    struct err e;
};

static void
exec(struct fixture *x, const char *sql)
{
    char *msg = NULL;

    if (sqlite3_exec(x->db->h, sql, NULL, NULL, &msg) != SQLITE_OK) {
        fail_msg("%s: %s", sql, msg);
    }
}

static int64_t
reveals(struct fixture *x, int64_t hh, const char *login)
{
    char sql[256];
    sqlite3_stmt *st;
    int64_t n = -1;

    snprintf(sql, sizeof(sql),
             "SELECT count(*) FROM audit WHERE op = 'reveal' AND tbl = 'household' AND row_id = %lld "
             "AND field = 'id_no' AND actor = '%s'", (long long)hh, login);
    if (sqlite3_prepare_v2(x->db->h, sql, -1, &st, NULL) != SQLITE_OK) {
        fail_msg("%s: %s", sql, sqlite3_errmsg(x->db->h));
    }
    if (sqlite3_step(st) == SQLITE_ROW) {
        n = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    return n;
}

static int
setup(void **state)
{
    struct fixture *x = calloc(1, sizeof(*x));
    int64_t county, town1, village1, town2, village2;

    x->dir = helpers_tmpdir();
    x->path = path_join(x->dir, "county.db");
    err_clear(&x->e);
    /* Ids 2 and 3 are the scopes of helpers_actor's township and
     * village actors. */
    if (db_open(&x->db, x->path, DB_CREATE, 1000, &x->e) ||
        db_division_add(x->db, "t", 1, 0, "519901", "青山县", 1, &county, &x->e) ||
        db_division_add(x->db, "t", 2, county, "519901001", "红岩镇", 1, &town1, &x->e) ||
        db_division_add(x->db, "t", 3, town1, "519901001001", "白马村", 1, &village1, &x->e) ||
        db_division_add(x->db, "t", 2, county, "519901002", "石门乡", 1, &town2, &x->e) ||
        db_division_add(x->db, "t", 3, town2, "519901002003", "柳树村", 1, &village2, &x->e)) {
        fail_msg("setup: %s", x->e.msg);
    }
    assert_int_equal(village1, 3);
    exec(x, "INSERT INTO household (id, hh_no, township_id, village_id, hh_type, created_at, "
            "updated_at) VALUES (10, '5199010010010001', 2, 3, '1', 'now', 'now'), "
            "(11, '5199010020030001', 4, 5, '1', 'now', 'now')");
    x->hh = 10;
    x->other = 11;
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

/* One audit row per look, by the account that looked. */
static void
test_reveal_audited(void **state)
{
    struct fixture *x = *state;
    struct actor county = helpers_actor(ROLE_COUNTY), town = helpers_actor(ROLE_TOWNSHIP);

    assert_int_equal(db_reveal_household(x->db, &county, x->hh, &x->e), 0);
    assert_int_equal(reveals(x, x->hh, county.login), 1);
    assert_int_equal(db_reveal_household(x->db, &town, x->hh, &x->e), 0);
    assert_int_equal(db_reveal_household(x->db, &county, x->other, &x->e), 0);
    assert_int_equal(reveals(x, x->hh, town.login), 1);
    assert_int_equal(reveals(x, x->other, county.login), 1);
}

/* Refused with words, and nothing recorded: a role that may not, a
 * household outside the scope, one that does not exist. */
static void
test_reveal_refused(void **state)
{
    struct fixture *x = *state;
    struct actor village = helpers_actor(ROLE_VILLAGE), viewer = helpers_actor(ROLE_VIEWER);
    struct actor town = helpers_actor(ROLE_TOWNSHIP), county = helpers_actor(ROLE_COUNTY);

    assert_int_equal(db_reveal_household(x->db, &village, x->hh, &x->e), -1);
    assert_int_equal(x->e.code, ERR_DENIED);
    assert_int_equal(db_reveal_household(x->db, &viewer, x->hh, &x->e), -1);
    assert_int_equal(x->e.code, ERR_DENIED);
    assert_int_equal(db_reveal_household(x->db, &town, x->other, &x->e), -1);
    assert_int_equal(x->e.code, ERR_DENIED);
    assert_int_equal(db_reveal_household(x->db, &county, 999, &x->e), -1);
    assert_int_equal(x->e.code, ERR_NOTFOUND);
    assert_int_equal(reveals(x, x->hh, village.login), 0);
    assert_int_equal(reveals(x, x->hh, viewer.login), 0);
    assert_int_equal(reveals(x, x->other, town.login), 0);
    assert_int_equal(reveals(x, 999, county.login), 0);
    /* The transaction is over: another look goes through. */
    assert_int_equal(db_reveal_household(x->db, &county, x->hh, &x->e), 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_who_reveals),
        cmocka_unit_test(test_who_changes),
        cmocka_unit_test(test_steps_offered),
        cmocka_unit_test_setup_teardown(test_reveal_audited, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reveal_refused, setup, teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_priv.c - the store of a server install: what counts as a file in
 * it (priv_in_store), prints and exports refused there (print_deliver),
 * and the databases --db may name on a setgid install (app_db_yours).
 */
#include "config.h"
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "print/print.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/priv.h"
#include "util/sbuf.h"

struct fixture {
    char *dir;      /* scratch */
    char *store;    /* dir/store, with a subdirectory sub */
    char *other;    /* dir/other */
};

static char *
at(const struct fixture *f, const char *rel)
{
    return path_join(f->dir, rel);
}

static int
setup(void **state)
{
    struct fixture *f = calloc(1, sizeof(*f));
    char *p;

    f->dir = helpers_tmpdir();
    f->store = at(f, "store");
    f->other = at(f, "other");
    assert_int_equal(mkdir(f->store, 0770), 0);
    assert_int_equal(mkdir(f->other, 0700), 0);
    p = at(f, "store/sub");
    assert_int_equal(mkdir(p, 0770), 0);
    free(p);
    p = at(f, "link");
    assert_int_equal(symlink(f->store, p), 0);
    free(p);
    priv_set_store(f->store);
    i18n_set_language("en");
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    struct fixture *f = *state;

    priv_set_store("/nonexistent");
    helpers_rmdir(f->dir);
    free(f->store);
    free(f->other);
    free(f);
    return 0;
}

/* priv_in_store of DIR/REL. */
static int
in_store(const struct fixture *f, const char *rel)
{
    char *p = at(f, rel);
    int r = priv_in_store(p);

    free(p);
    return r;
}

static void
test_in_store(void **state)
{
    struct fixture *f = *state;

    assert_true(in_store(f, "store/county.db"));
    assert_true(in_store(f, "store/sub/x.pdf"));
    assert_true(in_store(f, "store/"));
    assert_true(in_store(f, "link/county.db"));
    assert_true(in_store(f, "other/../store/x.txt"));
    assert_false(in_store(f, "other/x.txt"));
    assert_false(in_store(f, "store/../other/x.txt"));
    assert_false(in_store(f, "x.txt"));
    assert_false(in_store(f, "store"));
    assert_false(in_store(f, "nowhere/x.txt"));
    assert_false(priv_in_store("relative.txt"));
    assert_string_equal(priv_store(), f->store);
    /* No store yet (setup has not run): nothing is in it. */
    priv_set_store("/nonexistent/zhenxing");
    assert_false(in_store(f, "store/county.db"));
}

/* Deliver a small text to DIR/REL. */
static int
deliver(const struct fixture *f, const char *rel, int overwrite, struct err *e)
{
    struct print_dest d;
    struct sbuf data = SBUF_INIT;
    char *p = at(f, rel);
    int rc;

    memset(&d, 0, sizeof(d));
    d.format = PF_TEXT;
    d.path = p;
    d.overwrite = overwrite;
    sbuf_adds(&data, "明白卡\n");
    err_clear(e);
    rc = print_deliver(&d, "t", &data, e);
    sbuf_release(&data);
    free(p);
    return rc;
}

static void
test_no_print_in_store(void **state)
{
    struct fixture *f = *state;
    char *db = helpers_write(f->store, "county.db", "SQLite format 3");
    char *new1 = at(f, "store/new.txt"), *new2 = at(f, "store/sub/new.txt");
    struct err e;
    struct stat st;

    assert_int_equal(deliver(f, "store/county.db", 1, &e), -1);
    assert_int_equal(e.code, ERR_DENIED);
    assert_non_null(strstr(e.msg, f->store));
    assert_int_equal(stat(db, &st), 0);
    assert_int_equal(st.st_size, 15);
    assert_int_equal(deliver(f, "link/new.txt", 0, &e), -1);
    assert_int_equal(deliver(f, "store/sub/new.txt", 0, &e), -1);
    assert_false(path_exists(new1));
    assert_false(path_exists(new2));
    assert_int_equal(deliver(f, "other/card.txt", 0, &e), 0);
    free(db);
    free(new1);
    free(new2);
}

static void
test_db_yours(void **state)
{
    struct fixture *f = *state;
    char *mine = helpers_write(f->other, "mine.db", "");
    char *theirs = helpers_write(f->other, "theirs.db", "");
    char *link = at(f, "other/link.db");
    char *fresh = at(f, "other/new.db");
    char *in = helpers_write(f->store, "county.db", "");
    struct err e;

    assert_int_equal(app_db_yours(mine, &e), 0);
    assert_int_equal(app_db_yours(fresh, &e), 0);
    assert_int_equal(symlink(mine, link), 0);
    assert_int_equal(app_db_yours(link, &e), -1);
    assert_int_equal(e.code, ERR_DENIED);
    assert_non_null(strstr(e.msg, "--db"));
    assert_int_equal(app_db_yours(in, &e), -1);
    assert_int_equal(app_db_yours(f->other, &e), -1);
    /* Someone else's file. */
    if (getuid() == 0) {
        assert_int_equal(chown(theirs, 65534, 65534), 0);
        assert_int_equal(app_db_yours(theirs, &e), -1);
    } else {
        assert_int_equal(app_db_yours("/etc/passwd", &e), -1);
    }
    free(mine);
    free(theirs);
    free(link);
    free(fresh);
    free(in);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_in_store),
        T(test_no_print_in_store),
        T(test_db_yours),
    };

    return cmocka_run_group_tests_name("priv", tests, NULL, NULL);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_settings.c - reading settings files: defaults, overriding, and
 * every kind of mistake reported with file, line and what was expected.
 */
#include "config.h"
#include "helpers.h"

#include <stdlib.h>
#include <string.h>

#include "cfg/settings.h"
#include "util/err.h"
#include "util/i18n.h"

struct fixture {
    char *dir;
    struct settings s;
};

static int
setup(void **state)
{
    struct fixture *f = calloc(1, sizeof(*f));

    f->dir = helpers_tmpdir();
    settings_init(&f->s);
    i18n_set_language("en");
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    struct fixture *f = *state;

    settings_release(&f->s);
    helpers_rmdir(f->dir);
    free(f);
    return 0;
}

/* Load TEXT as a settings file; returns rc, fills E. */
static int
load(struct fixture *f, const char *text, struct err *e)
{
    char *path = helpers_write(f->dir, "zhenxing.conf", text);
    int rc;

    err_clear(e);
    rc = settings_load_file(&f->s, path, 1, e);
    free(path);
    return rc;
}

static void
expect_error(struct fixture *f, const char *text, const char *where, const char *what)
{
    struct err e;

    assert_int_equal(load(f, text, &e), -1);
    assert_int_equal(e.code, ERR_CONFIG);
    if (strstr(e.msg, where) == NULL || strstr(e.msg, what) == NULL) {
        fail_msg("'%s' lacks '%s' or '%s'", e.msg, where, what);
    }
}

static void
test_defaults(void **state)
{
    struct fixture *f = *state;

    assert_string_equal(f->s.language, "zh_CN");
    assert_string_equal(f->s.database, "");
    assert_string_equal(f->s.print_command, "lp");
    assert_int_equal(f->s.busy_timeout, 5000);
    assert_int_equal(f->s.copies, 1);
    assert_int_equal(f->s.warnings.n, 0);
}

static void
test_values_and_override(void **state)
{
    struct fixture *f = *state;
    struct err e;

    assert_int_equal(load(f, "database = \"/srv/县.db\";\nlanguage = \"en\";\ncopies = 3;\n", &e), 0);
    assert_string_equal(f->s.database, "/srv/县.db");
    assert_string_equal(f->s.language, "en");
    assert_int_equal(f->s.copies, 3);
    /* A later file changes only what it names. */
    assert_int_equal(load(f, "copies = 2;\n", &e), 0);
    assert_int_equal(f->s.copies, 2);
    assert_string_equal(f->s.database, "/srv/县.db");
}

static void
test_syntax_error(void **state)
{
    expect_error(*state, "language = \"en\";\n\ncopies = = 2;\nprinter = \"x\";\n",
                 "zhenxing.conf:3:", "syntax");
}

static void
test_wrong_type(void **state)
{
    expect_error(*state, "\n\nbusy_timeout = \"slow\";\n", "zhenxing.conf:3:", "busy_timeout");
    expect_error(*state, "copies = 0;\n", "zhenxing.conf:1:", "1 to 99");
    expect_error(*state, "language = \"fr\";\n", ":1:", "zh_CN");
    expect_error(*state, "database = 5;\n", ":1:", "database");
}

static void
test_not_utf8(void **state)
{
    expect_error(*state, "printer = \"\xff\xfe\";\n", ":1:", "printer");
}

static void
test_unknown_key_warns(void **state)
{
    struct fixture *f = *state;
    struct err e;

    assert_int_equal(load(f, "copies = 4;\ncolour = \"red\";\n", &e), 0);
    assert_int_equal(f->s.copies, 4);
    assert_int_equal(f->s.warnings.n, 1);
    assert_non_null(strstr(f->s.warnings.v[0], "zhenxing.conf:2:"));
    assert_non_null(strstr(f->s.warnings.v[0], "colour"));
}

static void
test_missing_file(void **state)
{
    struct fixture *f = *state;
    struct err e;

    err_clear(&e);
    assert_int_equal(settings_load_file(&f->s, "/nonexistent/zx.conf", 0, &e), 0);
    assert_int_equal(settings_load_file(&f->s, "/nonexistent/zx.conf", 1, &e), -1);
    assert_int_equal(e.code, ERR_CONFIG);
    assert_non_null(strstr(e.msg, "/nonexistent/zx.conf"));
}

static void
test_policy_dir(void **state)
{
    struct fixture *f = *state;
    struct err e;
    char *dir;

    setenv("ZHENXING_SYSCONFDIR", "/opt/zx/etc", 1);
    dir = settings_policy_dir(&f->s);
    assert_string_equal(dir, "/opt/zx/etc/policy");
    free(dir);
    dir = settings_system_path();
    assert_string_equal(dir, "/opt/zx/etc/zhenxing.conf");
    free(dir);
    assert_int_equal(load(f, "policy_dir = \"/srv/policy\";\n", &e), 0);
    dir = settings_policy_dir(&f->s);
    assert_string_equal(dir, "/srv/policy");
    free(dir);
}

/* A setgid install: the user's file and --config may not name the
 * county's database, policy files or hotline; presentation they may. */
static void
test_user_file_restricted(void **state)
{
    static const char *const county[] = {
        "database = \"/tmp/forged.db\";\n",
        "language = \"en\";\npolicy_dir = \"/tmp/rules\";\n",
        "print_hotline = \"110\";\n",
        "backup_roles = \"admin,county,township\";\n",
    };
    static const char *const key[] = {"database", "policy_dir", "print_hotline",
                                      "backup_roles"};
    static const char *const line[] = {"zhenxing.conf:1:", "zhenxing.conf:2:",
                                       "zhenxing.conf:1:", "zhenxing.conf:1:"};
    struct fixture *f = *state;
    struct err e;
    size_t i;

    f->s.restricted = 1;
    for (i = 0; i < 4; i++) {
        assert_int_equal(load(f, county[i], &e), -1);
        assert_int_equal(e.code, ERR_DENIED);
        if (strstr(e.msg, key[i]) == NULL || strstr(e.msg, line[i]) == NULL ||
            strstr(e.msg, "system settings") == NULL) {
            fail_msg("'%s' lacks '%s', '%s' or the system file", e.msg, key[i], line[i]);
        }
    }
    assert_string_equal(f->s.database, "");
    assert_string_equal(f->s.print_hotline, "12317");
    assert_string_equal(f->s.backup_roles, "admin");
    assert_int_equal(load(f, "language = \"en\";\ncursor_style = \"marker\";\n"
                             "printer = \"p2\";\nprint_format = \"text\";\n"
                             "print_font = \"X\";\nprint_dir = \"/tmp\";\n", &e), 0);
    assert_string_equal(f->s.cursor_style, "marker");
    /* Without setgid the same file may. */
    f->s.restricted = 0;
    assert_int_equal(load(f, county[0], &e), 0);
    assert_string_equal(f->s.database, "/tmp/forged.db");
}

/* The system file's database is the store, whatever the user's says. */
static void
test_store_is_the_system_files(void **state)
{
    struct fixture *f = *state;
    char *sys = helpers_write(f->dir, "zhenxing.conf", "database = \"/var/lib/zx/c.db\";\n");
    char *mine = helpers_write(f->dir, "mine.conf", "database = \"/home/x/mine.db\";\n");
    struct err e;

    setenv("ZHENXING_SYSCONFDIR", f->dir, 1);
    setenv("XDG_CONFIG_HOME", "/nonexistent", 1);
    assert_int_equal(settings_load(&f->s, mine, &e), 0);
    assert_string_equal(f->s.database, "/home/x/mine.db");
    assert_string_equal(f->s.store_db, "/var/lib/zx/c.db");
    /* Not setgid here: the user's file may choose another database. */
    assert_int_equal(f->s.restricted, 0);
    unsetenv("ZHENXING_SYSCONFDIR");
    free(sys);
    free(mine);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_defaults, setup, teardown),
        cmocka_unit_test_setup_teardown(test_values_and_override, setup, teardown),
        cmocka_unit_test_setup_teardown(test_syntax_error, setup, teardown),
        cmocka_unit_test_setup_teardown(test_wrong_type, setup, teardown),
        cmocka_unit_test_setup_teardown(test_not_utf8, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unknown_key_warns, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_policy_dir, setup, teardown),
        cmocka_unit_test_setup_teardown(test_user_file_restricted, setup, teardown),
        cmocka_unit_test_setup_teardown(test_store_is_the_system_files, setup, teardown),
    };

    return cmocka_run_group_tests_name("settings", tests, NULL, NULL);
}

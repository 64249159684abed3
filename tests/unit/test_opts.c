/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_opts.c - the subcommands' option tables (cli/opts.c): every kind
 * of value, "--name=value", aliases, modes, arguments, and each mistake
 * refused with the usage status and nothing stored.
 */
#include "config.h"
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/opts.h"
#include "core/date.h"
#include "util/array.h"
#include "util/i18n.h"

struct args {
    int flag, n, day, month, pick, both;
    int64_t big;
    const char *text;
    const char *pos[3];
    int npos;
    int calls;
};

static int
count_call(void *args, const char *v)
{
    struct args *a = args;

    if (strcmp(v, "ok") != 0) {
        return -1;
    }
    a->calls++;
    return 0;
}

static const char *const words[] = {"text", "pdf", "csv", NULL};

enum { M_ONE, M_TWO };

static const struct cli_opt opts[] = {
    {.name = "--flag", .kind = OPT_FLAG, .off = offsetof(struct args, flag)},
    {.name = "--seven", .kind = OPT_FLAG, .off = offsetof(struct args, flag), .lo = 7},
    {.name = "--n", .kind = OPT_INT, .off = offsetof(struct args, n), .lo = 1, .hi = 99},
    {.name = "--big", .kind = OPT_I64, .off = offsetof(struct args, big), .lo = 0,
     .hi = INT64_C(5000000000)},
    {.name = "--text", .alias = "-t", .kind = OPT_TEXT, .off = offsetof(struct args, text)},
    {.name = "--day", .kind = OPT_DATE, .off = offsetof(struct args, day)},
    {.name = "--month", .kind = OPT_MONTH, .off = offsetof(struct args, month)},
    {.name = "--pick", .kind = OPT_CHOICE, .off = offsetof(struct args, pick), .choices = words,
     .bad = N_("--pick takes text, pdf or csv")},
    {.name = "--call", .kind = OPT_CALL, .call = count_call},
    {.name = "--one", .kind = OPT_FLAG, .off = offsetof(struct args, both), .modes = 1u << M_ONE},
    {.name = NULL},
};

static const struct cmd cmd = {"test", NULL, "", "", "", 0};

static int
positional(const struct cmd *c, void *args, const char *a)
{
    struct args *p = args;

    if (p->npos == 3) {
        return cli_usage_error(c, "too many: '%s'", a);
    }
    p->pos[p->npos++] = a;
    return 0;
}

/* Parse the words of ARGV (NULL-ended) in MODE into *A (zeroed). */
static int
run(struct args *a, unsigned mode, char **argv)
{
    int argc = 0;

    memset(a, 0, sizeof(*a));
    while (argv[argc] != NULL) {
        argc++;
    }
    return cli_opts_parse(&cmd, opts, mode, argc, argv, 1, a, positional);
}

static void
test_values(void **state)
{
    char *argv[] = {"test", "--flag", "--n", "42", "--big=4000000000", "-t", "北京",
                    "--day", "2024-02-29", "--month=2026-10", "--pick", "pdf",
                    "--call", "ok", "--call=ok", NULL};
    struct args a;
    int day;

    (void)state;
    assert_int_equal(run(&a, 0, argv), 0);
    assert_int_equal(a.flag, 1);
    assert_int_equal(a.n, 42);
    assert_true(a.big == INT64_C(4000000000));
    assert_string_equal(a.text, "北京");
    assert_int_equal(date_parse("2024-02-29", &day), DATE_OK);
    assert_int_equal(a.day, day);
    assert_int_equal(a.month, month_of(date_from_ymd(2026, 10, 1)));
    assert_int_equal(a.pick, 1);
    assert_int_equal(a.calls, 2);
    assert_int_equal(a.npos, 0);
}

static void
test_flag_value(void **state)
{
    char *argv[] = {"test", "--seven", NULL};
    struct args a;

    (void)state;
    assert_int_equal(run(&a, 0, argv), 0);
    assert_int_equal(a.flag, 7);
}

static void
test_arguments(void **state)
{
    char *argv[] = {"test", "a", "--flag", "-2.5", "--", "--flag", NULL};
    struct args a;

    (void)state;
    assert_int_equal(run(&a, 0, argv), 0);
    assert_int_equal(a.npos, 3);
    assert_string_equal(a.pos[0], "a");
    assert_string_equal(a.pos[1], "-2.5");
    assert_string_equal(a.pos[2], "--flag");
    assert_int_equal(a.flag, 1);
}

static void
test_modes(void **state)
{
    char *argv[] = {"test", "--one", NULL};
    struct args a;

    (void)state;
    assert_int_equal(run(&a, 1u << M_ONE, argv), 0);
    assert_int_equal(a.both, 1);
    assert_int_equal(run(&a, 1u << M_TWO, argv), EXIT_USAGE);
    assert_int_equal(a.both, 0);
}

static void
test_mistakes(void **state)
{
    static const char *const bad[][3] = {
        {"--nope", NULL, NULL},       /* unknown */
        {"--n", NULL, NULL},          /* needs a value */
        {"--n", "0", NULL},           /* below the range */
        {"--n", "100", NULL},         /* above it */
        {"--n", "4x", NULL},          /* not a number */
        {"--n=", NULL, NULL},         /* empty */
        {"--big", "9999999999999999999999", NULL},
        {"--flag=1", NULL, NULL},     /* a flag takes no value */
        {"--day", "2023-02-29", NULL},
        {"--day", "29.2.2024", NULL},
        {"--month", "2026-13", NULL},
        {"--pick", "xlsx", NULL},
        {"--call", "no", NULL},
        {"--fla", NULL, NULL},        /* no abbreviations */
    };
    size_t i;

    (void)state;
    for (i = 0; i < ARRAY_SIZE(bad); i++) {
        char *argv[4] = {"test", (char *)bad[i][0], (char *)bad[i][1], NULL};
        struct args a;

        assert_int_equal(run(&a, 0, argv), EXIT_USAGE);
        assert_int_equal(a.n, 0);
        assert_int_equal(a.day, 0);
        assert_int_equal(a.pick, 0);
        assert_int_equal(a.calls, 0);
    }
}

static void
test_no_arguments(void **state)
{
    char *argv[] = {"test", "x", NULL};
    struct args a;

    (void)state;
    memset(&a, 0, sizeof(a));
    assert_int_equal(cli_opts_parse(&cmd, opts, 0, 2, argv, 1, &a, NULL), EXIT_USAGE);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_values),
        cmocka_unit_test(test_flag_value),
        cmocka_unit_test(test_arguments),
        cmocka_unit_test(test_modes),
        cmocka_unit_test(test_mistakes),
        cmocka_unit_test(test_no_arguments),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}

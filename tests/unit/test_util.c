/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_util.c - the small helpers of util/ that the modules above lean on
 * for things they would otherwise each write again: the names of an
 * enum's values, adding a zeroed element to a growing array, freeing an
 * array of records, copying a string into a fixed buffer.
 */
#include "config.h"
#include "helpers.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/array.h"
#include "util/i18n.h"
#include "util/names.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

enum colour { C_RED, C_GREEN, C_BLUE };

static const char *const colour_names[] = {"red", "green", "blue"};
static const char *const colour_labels[] = {
    N_("test: the red one"), N_("test: the green one"), N_("test: the blue one"),
};
static const struct enum_names colours = {colour_names, colour_labels,
                                          ARRAY_SIZE(colour_names)};
static const struct enum_names bare = {colour_names, NULL, ARRAY_SIZE(colour_names)};

static void
test_enum_name(void **state)
{
    (void)state;
    assert_string_equal(enum_name(&colours, C_RED), "red");
    assert_string_equal(enum_name(&colours, C_BLUE), "blue");
    /* Outside the enum: "?", never a read past the table. */
    assert_string_equal(enum_name(&colours, 3), "?");
    assert_string_equal(enum_name(&colours, -1), "?");
}

static void
test_enum_label(void **state)
{
    (void)state;
    /* The label translated (these test ids have no translation). */
    assert_string_equal(enum_label(&colours, C_GREEN), "test: the green one");
    assert_string_equal(enum_label(&colours, 3), "?");
    assert_string_equal(enum_label(&colours, -1), "?");
    /* Names without labels. */
    assert_string_equal(enum_label(&bare, C_GREEN), "?");
    assert_string_equal(enum_name(&bare, C_GREEN), "green");
}

static void
test_enum_parse(void **state)
{
    int v = 42;

    (void)state;
    assert_int_equal(enum_parse(&colours, "red", &v), 0);
    assert_int_equal(v, C_RED);
    assert_int_equal(enum_parse(&colours, "blue", &v), 0);
    assert_int_equal(v, C_BLUE);
    /* Not a name: -1 and the value untouched; names are matched whole
     * and by case. */
    v = 42;
    assert_int_equal(enum_parse(&colours, "purple", &v), -1);
    assert_int_equal(enum_parse(&colours, "Red", &v), -1);
    assert_int_equal(enum_parse(&colours, "re", &v), -1);
    assert_int_equal(enum_parse(&colours, "", &v), -1);
    assert_int_equal(enum_parse(&colours, NULL, &v), -1);
    assert_int_equal(v, 42);
    /* Every name parses back to its value. */
    for (v = 0; v < (int)ARRAY_SIZE(colour_names); v++) {
        int back = -1;

        assert_int_equal(enum_parse(&colours, enum_name(&colours, v), &back), 0);
        assert_int_equal(back, v);
    }
}

struct thing {
    int a;
    char s[5];
};

static void
test_xappend(void **state)
{
    struct thing *v = NULL, *t;
    size_t n = 0, alloc = 0, i;

    (void)state;
    for (i = 0; i < 100; i++) {
        t = xappend((void **)&v, &n, &alloc, sizeof(*v));
        /* the new element, zeroed, counted, the ones before kept */
        assert_ptr_equal(t, &v[i]);
        assert_int_equal(n, i + 1);
        assert_true(alloc >= n);
        assert_int_equal(t->a, 0);
        assert_string_equal(t->s, "");
        t->a = (int)i;
        memset(t->s, 'x', sizeof(t->s) - 1);
    }
    for (i = 0; i < n; i++) {
        assert_int_equal(v[i].a, (int)i);
        assert_string_equal(v[i].s, "xxxx");
    }
    free(v);
}

static int cleared;

static void
clear_thing(void *p)
{
    struct thing *t = p;

    cleared += t->a;
    t->a = 0;
}

static void
test_free_each(void **state)
{
    struct thing *v = calloc(4, sizeof(*v));
    size_t i;

    (void)state;
    for (i = 0; i < 4; i++) {
        v[i].a = 1 << i;
    }
    cleared = 0;
    free_each(v, 4, sizeof(*v), clear_thing);
    /* each element cleared once (1 + 2 + 4 + 8) */
    assert_int_equal(cleared, 15);
    /* none to clear, or none at all */
    free_each(calloc(2, sizeof(*v)), 2, sizeof(*v), NULL);
    free_each(NULL, 0, sizeof(*v), clear_thing);
    assert_int_equal(cleared, 15);
}

/* str_copy cuts where snprintf(dst, n, "%s", src) would and always ends
 * the string. */
static void
test_str_copy(void **state)
{
    char a[6], b[6];
    const char *cases[] = {"", "abc", "abcde", "abcdefgh", "\xe4\xb8\xad\xe6\x96\x87"};
    size_t i, n;

    (void)state;
    for (i = 0; i < ARRAY_SIZE(cases); i++) {
        for (n = 1; n <= sizeof(a); n++) {
            memset(a, 'x', sizeof(a));
            memset(b, 'x', sizeof(b));
            str_copy(a, n, cases[i]);
            snprintf(b, n, "%s", cases[i]);
            assert_memory_equal(a, b, n);
        }
    }
    memset(a, 'x', sizeof(a));
    str_copy(a, 0, "abc");
    assert_int_equal(a[0], 'x');
}

/* str_u64 and sbuf_add_i64 write what printf's %" PRIu64 "/%" PRId64 "
 * write, at the edges too. */
static void
test_u64_digits(void **state)
{
    const int64_t v[] = {0, 1, -1, 9, 10, -10, 99, 100, 12345678901234LL,
                         INT64_MAX, INT64_MIN, INT64_MIN + 1};
    struct sbuf sb = SBUF_INIT, want = SBUF_INIT;
    char d[STR_U64_BUF], w[STR_U64_BUF];
    size_t i;

    (void)state;
    for (i = 0; i < ARRAY_SIZE(v); i++) {
        sbuf_reset(&sb);
        sbuf_reset(&want);
        sbuf_adds(&sb, "x");
        sbuf_add_i64(&sb, v[i]);
        sbuf_addf(&want, "x%" PRId64, v[i]);
        assert_string_equal(sb.buf, want.buf);
        snprintf(w, sizeof(w), "%" PRIu64, (uint64_t)v[i]);
        assert_int_equal(str_u64(d, (uint64_t)v[i]), strlen(w));
        assert_string_equal(d, w);
    }
    assert_int_equal(str_u64(d, UINT64_MAX), 20);
    assert_string_equal(d, "18446744073709551615");
    sbuf_release(&sb);
    sbuf_release(&want);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_enum_name),
        cmocka_unit_test(test_enum_label),
        cmocka_unit_test(test_enum_parse),
        cmocka_unit_test(test_xappend),
        cmocka_unit_test(test_free_each),
        cmocka_unit_test(test_str_copy),
        cmocka_unit_test(test_u64_digits),
    };

    return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}

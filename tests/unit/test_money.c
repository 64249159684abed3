/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_money.c - yuan text <-> integer fen, and the rounding rules.
 */
#include "config.h"
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "core/money.h"

/* A value money_parse() must not touch when it refuses its input. */
#define UNTOUCHED INT64_C(-777777)

struct parse_ok {
    const char *in;
    int allow_negative;
    int64_t fen;
};

struct parse_bad {
    const char *in;
    int allow_negative;
    enum money_status want;
};

static void
test_parse_ok(void **state)
{
    static const struct parse_ok cases[] = {
        {"1234", 0, 123400},
        {"1234.5", 0, 123450},
        {"1234.56", 0, 123456},
        {"1,234.56", 0, 123456},
        {"1,234,567.89", 0, 123456789},
        {"  12.00 ", 0, 1200},
        {"\t12.00\t", 0, 1200},
        {"0.01", 0, 1},
        {"0.1", 0, 10},
        {"0.05", 0, 5},
        {"0", 0, 0},
        {"0.00", 0, 0},
        {"007", 0, 700},
        {"1.", 0, 100},
        {"+5", 0, 500},
        {"-0", 0, 0},
        {"-0.00", 0, 0},
        {"-0", 1, 0},
        {"-5", 1, -500},
        {"-1,234.56", 1, -123456},
        {" -0.01 ", 1, -1},
        {"999999999999.99", 0, MONEY_MAX_FEN},
        {"999,999,999,999.99", 0, MONEY_MAX_FEN},
        {"-999999999999.99", 1, -MONEY_MAX_FEN},
        {"999999999999", 0, MONEY_MAX_FEN - 99},
        {"100000000", 0, INT64_C(10000000000)},
    };
    size_t i;

    (void)state;
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        int64_t fen = UNTOUCHED;
        enum money_status st = money_parse(cases[i].in, cases[i].allow_negative,
                                           &fen);

        if (st != MONEY_OK || fen != cases[i].fen) {
            print_error("money_parse(\"%s\", %d) = %d, %lld fen\n",
                        cases[i].in, cases[i].allow_negative, (int)st,
                        (long long)fen);
        }
        assert_int_equal(st, MONEY_OK);
        assert_true(fen == cases[i].fen);
    }
}

static void
test_parse_errors(void **state)
{
    static const struct parse_bad cases[] = {
        {"", 0, MONEY_EMPTY},
        {"   ", 0, MONEY_EMPTY},
        {" \t ", 1, MONEY_EMPTY},
        {"-5", 0, MONEY_NEGATIVE},
        {"-0.01", 0, MONEY_NEGATIVE},
        {" -1,234.56", 0, MONEY_NEGATIVE},
        {"1.234", 0, MONEY_DECIMALS},
        {"0.001", 0, MONEY_DECIMALS},
        {"-1.234", 1, MONEY_DECIMALS},
        {"12a", 0, MONEY_FORMAT},
        {"a12", 0, MONEY_FORMAT},
        {"1.2.3", 0, MONEY_FORMAT},
        {".", 0, MONEY_FORMAT},
        {",5", 0, MONEY_FORMAT},
        {"1e5", 0, MONEY_FORMAT},
        {"-", 1, MONEY_FORMAT},
        {"+", 0, MONEY_FORMAT},
        {"--5", 1, MONEY_FORMAT},
        {"1 234", 0, MONEY_FORMAT},
        {"1.2,3", 0, MONEY_FORMAT},
        {"12 yuan", 0, MONEY_FORMAT},
        {"\xEF\xBF\xA5" "12", 0, MONEY_FORMAT},
        {"0x10", 0, MONEY_FORMAT},
        /* Commas only as thousands separators: a decimal comma typed by
         * mistake must not become an amount a hundred times larger. */
        {"12,34", 0, MONEY_FORMAT},
        {"1,,234", 0, MONEY_FORMAT},
        {"1234,567", 0, MONEY_FORMAT},
        {"1,234,56", 0, MONEY_FORMAT},
        {"1,2345", 0, MONEY_FORMAT},
        {"123,", 0, MONEY_FORMAT},
        {"1,234.5,6", 0, MONEY_FORMAT},
        {"1000000000000", 0, MONEY_TOO_LARGE},
        {"1,000,000,000,000", 0, MONEY_TOO_LARGE},
        {"1000000000000.00", 0, MONEY_TOO_LARGE},
        {"-1000000000000", 1, MONEY_TOO_LARGE},
        {"9999999999999", 0, MONEY_TOO_LARGE},
        /* Far beyond int64_t: must stop before overflowing. */
        {"99999999999999999999999999999999999999", 0, MONEY_TOO_LARGE},
        {"9223372036854775807", 0, MONEY_TOO_LARGE},
        {"92233720368547758.07", 0, MONEY_TOO_LARGE},
        {"-99999999999999999999999999999999999999", 1, MONEY_TOO_LARGE},
    };
    size_t i;

    (void)state;
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        int64_t fen = UNTOUCHED;
        enum money_status st = money_parse(cases[i].in, cases[i].allow_negative,
                                           &fen);

        if (st != cases[i].want) {
            print_error("money_parse(\"%s\", %d) = %d, want %d\n",
                        cases[i].in, cases[i].allow_negative, (int)st,
                        (int)cases[i].want);
        }
        assert_int_equal(st, cases[i].want);
        assert_true(fen == UNTOUCHED);
    }
    assert_int_equal(money_parse(NULL, 0, NULL), MONEY_EMPTY);
}

static void
test_parse_very_long(void **state)
{
    char big[4096];
    int64_t fen = UNTOUCHED;

    (void)state;
    /* 4000 digits, then with decimals; UBSan flags any overflow. */
    memset(big, '9', 4000);
    big[4000] = '\0';
    assert_int_equal(money_parse(big, 0, &fen), MONEY_TOO_LARGE);
    memcpy(big + 4000, ".99", 4);
    assert_int_equal(money_parse(big, 1, &fen), MONEY_TOO_LARGE);
    big[0] = '-';
    assert_int_equal(money_parse(big, 1, &fen), MONEY_TOO_LARGE);
    /* Leading zeros do not count as size. */
    memset(big, '0', 4000);
    memcpy(big + 4000, "12.34", 6);
    assert_int_equal(money_parse(big, 0, &fen), MONEY_OK);
    assert_true(fen == 1234);
}

static void
test_status_message(void **state)
{
    enum money_status st;

    (void)state;
    for (st = MONEY_EMPTY; st <= MONEY_TOO_LARGE; st++) {
        const char *msg = money_status_message(st);

        assert_non_null(msg);
        assert_true(strlen(msg) > 0);
    }
}

static void
check_format(int64_t fen, int grouped, const char *want)
{
    char out[MONEY_BUF];

    memset(out, 'Z', sizeof(out));
    money_format(fen, grouped, out);
    assert_string_equal(out, want);
}

static void
test_format(void **state)
{
    (void)state;
    check_format(0, 0, "0.00");
    check_format(0, 1, "0.00");
    check_format(5, 0, "0.05");
    check_format(5, 1, "0.05");
    check_format(50, 0, "0.50");
    check_format(100, 1, "1.00");
    check_format(-5, 0, "-0.05");
    check_format(-1, 1, "-0.01");
    check_format(99999, 1, "999.99");
    check_format(100000, 1, "1,000.00");
    check_format(123456, 0, "1234.56");
    check_format(123456, 1, "1,234.56");
    check_format(-123456, 1, "-1,234.56");
    check_format(-123456, 0, "-1234.56");
    check_format(12345678, 1, "123,456.78");
    check_format(123456789, 1, "1,234,567.89");
    check_format(INT64_C(10000000000), 1, "100,000,000.00");
    check_format(INT64_C(10000000000), 0, "100000000.00");
    check_format(MONEY_MAX_FEN, 1, "999,999,999,999.99");
    check_format(-MONEY_MAX_FEN, 1, "-999,999,999,999.99");
    check_format(-MONEY_MAX_FEN, 0, "-999999999999.99");
    /* The whole int64_t range ungrouped fits in MONEY_BUF. */
    check_format(INT64_MIN, 0, "-92233720368547758.08");
    check_format(INT64_MAX, 0, "92233720368547758.07");
}

static void
test_format_parse_round_trip(void **state)
{
    static const int64_t vals[] = {
        0, 1, 9, 10, 99, 100, 101, 999, 1000, 99999, 100000, 123456,
        1000000, 99999999, 100000000, INT64_C(123456789012),
        MONEY_MAX_FEN - 1, MONEY_MAX_FEN,
    };
    char out[MONEY_BUF];
    size_t i;
    int grouped, sign;

    (void)state;
    for (i = 0; i < sizeof(vals) / sizeof(vals[0]); i++) {
        for (grouped = 0; grouped <= 1; grouped++) {
            for (sign = 1; sign >= -1; sign -= 2) {
                int64_t v = vals[i] * sign, back = UNTOUCHED;

                money_format(v, grouped, out);
                assert_int_equal(money_parse(out, 1, &back), MONEY_OK);
                assert_true(back == v);
            }
        }
    }
}

static void
test_div_round(void **state)
{
    (void)state;
    assert_int_equal(money_div_round(5, 2), 3);
    assert_int_equal(money_div_round(-5, 2), -3);
    assert_int_equal(money_div_round(7, 3), 2);
    assert_int_equal(money_div_round(-7, 3), -2);
    assert_int_equal(money_div_round(8, 3), 3);
    assert_int_equal(money_div_round(-8, 3), -3);
    assert_int_equal(money_div_round(6, 3), 2);
    assert_int_equal(money_div_round(-6, 3), -2);
    assert_int_equal(money_div_round(0, 7), 0);
    assert_int_equal(money_div_round(1, 2), 1);
    assert_int_equal(money_div_round(-1, 2), -1);
    assert_int_equal(money_div_round(1, 3), 0);
    assert_int_equal(money_div_round(-1, 3), 0);
    assert_int_equal(money_div_round(2, 3), 1);
    assert_int_equal(money_div_round(-2, 3), -1);
    assert_int_equal(money_div_round(15, 10), 2);
    assert_int_equal(money_div_round(-15, 10), -2);
    assert_int_equal(money_div_round(14, 10), 1);
    assert_int_equal(money_div_round(-14, 10), -1);
    assert_int_equal(money_div_round(42, 1), 42);
    assert_int_equal(money_div_round(-42, 1), -42);
    /* A household of 3 with 1000.00 yuan: 333.33 each. */
    assert_int_equal(money_div_round(100000, 3), 33333);
    /* 1000.01 / 2 = 500.005 -> 500.01. */
    assert_int_equal(money_div_round(100001, 2), 50001);
    assert_int_equal(money_div_round(-100001, 2), -50001);
    assert_true(money_div_round(MONEY_MAX_FEN, 7) == INT64_C(14285714285714));
}

static void
test_div_round_symmetry(void **state)
{
    int64_t num, den;

    (void)state;
    /* Half away from zero is symmetric and never more than half off. */
    for (den = 1; den <= 40; den++) {
        for (num = -500; num <= 500; num++) {
            int64_t q = money_div_round(num, den);
            int64_t err = q * den - num;

            assert_true(money_div_round(-num, den) == -q);
            assert_true(2 * (err < 0 ? -err : err) <= den);
            if (2 * (err < 0 ? -err : err) == den) {
                /* A tie goes away from zero. */
                assert_true(num > 0 ? q * den > num : q * den < num);
            }
        }
    }
}

static void
test_share_bp(void **state)
{
    (void)state;
    assert_int_equal(money_share_bp(0, 0), 0);
    assert_int_equal(money_share_bp(12345, 0), 0);
    assert_int_equal(money_share_bp(0, 100), 0);
    assert_int_equal(money_share_bp(55, 100), 5500);
    assert_int_equal(money_share_bp(5500, 10000), 5500);
    assert_int_equal(money_share_bp(100, 100), 10000);
    assert_int_equal(money_share_bp(1, 3), 3333);
    assert_int_equal(money_share_bp(2, 3), 6667);
    assert_int_equal(money_share_bp(1, 8), 1250);
    assert_int_equal(money_share_bp(1, 6), 1667);
    /* 0.5 basis points rounds up; just under stays down. */
    assert_int_equal(money_share_bp(1, 20000), 1);
    assert_int_equal(money_share_bp(1, 20001), 0);
    assert_int_equal(money_share_bp(3, 20000), 2);
    /* More than the whole. */
    assert_int_equal(money_share_bp(150, 100), 15000);
    /* Large amounts: the largest input over itself, and half of it. */
    assert_int_equal(money_share_bp(MONEY_MAX_FEN, MONEY_MAX_FEN), 10000);
    assert_int_equal(money_share_bp(MONEY_MAX_FEN / 2, MONEY_MAX_FEN), 5000);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_ok),
        cmocka_unit_test(test_parse_errors),
        cmocka_unit_test(test_parse_very_long),
        cmocka_unit_test(test_status_message),
        cmocka_unit_test(test_format),
        cmocka_unit_test(test_format_parse_round_trip),
        cmocka_unit_test(test_div_round),
        cmocka_unit_test(test_div_round_symmetry),
        cmocka_unit_test(test_share_bp),
    };

    return cmocka_run_group_tests_name("money", tests, NULL, NULL);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_date.c - day numbers, ISO 8601 text, months and working days.
 */
#include "config.h"
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "core/date.h"

/* A value date_parse() must not touch when it refuses its input. */
#define UNTOUCHED 123456789

static int
ymd(int y, int m, int d)
{
    return date_from_ymd(y, m, d);
}

static void
test_valid(void **state)
{
    (void)state;
    assert_true(date_valid(2024, 1, 1));
    assert_true(date_valid(2024, 12, 31));
    assert_true(date_valid(2023, 4, 30));
    assert_false(date_valid(2023, 4, 31));
    assert_false(date_valid(2023, 0, 1));
    assert_false(date_valid(2023, 13, 1));
    assert_false(date_valid(2023, 1, 0));
    assert_false(date_valid(2023, 1, 32));
    assert_false(date_valid(2023, -1, 1));
    assert_false(date_valid(0, 1, 1));
    /* Leap years: every 4th, not every 100th, but every 400th. */
    assert_true(date_valid(2024, 2, 29));
    assert_false(date_valid(2023, 2, 29));
    assert_true(date_valid(2023, 2, 28));
    assert_false(date_valid(1900, 2, 29));
    assert_true(date_valid(2000, 2, 29));
    assert_false(date_valid(2100, 2, 29));
    assert_false(date_valid(2200, 2, 29));
    assert_true(date_valid(2400, 2, 29));
    assert_false(date_valid(2024, 2, 30));

    assert_int_equal(date_days_in_month(2024, 2), 29);
    assert_int_equal(date_days_in_month(2023, 2), 28);
    assert_int_equal(date_days_in_month(1900, 2), 28);
    assert_int_equal(date_days_in_month(2000, 2), 29);
    assert_int_equal(date_days_in_month(2100, 2), 28);
    assert_int_equal(date_days_in_month(2023, 1), 31);
    assert_int_equal(date_days_in_month(2023, 11), 30);
    assert_int_equal(date_days_in_month(2023, 0), 0);
    assert_int_equal(date_days_in_month(2023, 13), 0);
}

static void
test_known_day_numbers(void **state)
{
    (void)state;
    assert_int_equal(ymd(1970, 1, 1), 0);
    assert_int_equal(ymd(1970, 1, 2), 1);
    assert_int_equal(ymd(1969, 12, 31), -1);
    assert_int_equal(ymd(1900, 1, 1), -25567);
    assert_int_equal(ymd(1880, 1, 1), -32872);
    assert_int_equal(ymd(1800, 1, 1), -62091);
    assert_int_equal(ymd(1949, 12, 31), -7306);
    assert_int_equal(ymd(2000, 1, 1), 10957);
    assert_int_equal(ymd(2100, 1, 1), 47482);
    assert_int_equal(ymd(2199, 12, 31), 84005);
    assert_int_equal(ymd(2025, 9, 26), 20357);
    assert_int_equal(ymd(2026, 11, 22), 20779);
    /* Across February of the century years. */
    assert_int_equal(ymd(1900, 3, 1) - ymd(1900, 2, 28), 1);
    assert_int_equal(ymd(2000, 3, 1) - ymd(2000, 2, 28), 2);
    assert_int_equal(ymd(2100, 3, 1) - ymd(2100, 2, 28), 1);
    assert_int_equal(ymd(2024, 3, 1) - ymd(2024, 2, 28), 2);
    /* Year lengths. */
    assert_int_equal(ymd(1901, 1, 1) - ymd(1900, 1, 1), 365);
    assert_int_equal(ymd(2001, 1, 1) - ymd(2000, 1, 1), 366);
    assert_int_equal(ymd(2101, 1, 1) - ymd(2100, 1, 1), 365);
    assert_int_equal(ymd(2025, 1, 1) - ymd(2024, 1, 1), 366);
    /* 400 years are exactly 146097 days. */
    assert_int_equal(ymd(2000, 1, 1) - ymd(1600, 1, 1), 146097);
}

static void
test_ymd_round_trip(void **state)
{
    int day, y, m, d, py, pm, pd;

    (void)state;
    /* Every day from 1750 to 2250, negative day numbers included: each
     * is valid, the next day follows it, and it maps back. */
    date_to_ymd(ymd(1750, 1, 1) - 1, &py, &pm, &pd);
    assert_int_equal(py, 1749);
    assert_int_equal(pm, 12);
    assert_int_equal(pd, 31);
    for (day = ymd(1750, 1, 1); day <= ymd(2250, 12, 31); day++) {
        date_to_ymd(day, &y, &m, &d);
        assert_true(date_valid(y, m, d));
        assert_int_equal(date_from_ymd(y, m, d), day);
        if (d == 1) {
            if (m == 1) {
                assert_int_equal(y, py + 1);
                assert_int_equal(pm, 12);
                assert_int_equal(pd, 31);
            } else {
                assert_int_equal(y, py);
                assert_int_equal(m, pm + 1);
                assert_int_equal(pd, date_days_in_month(py, pm));
            }
        } else {
            assert_int_equal(y, py);
            assert_int_equal(m, pm);
            assert_int_equal(d, pd + 1);
        }
        py = y;
        pm = m;
        pd = d;
    }

    date_to_ymd(-1, &y, &m, &d);
    assert_int_equal(y, 1969);
    assert_int_equal(m, 12);
    assert_int_equal(d, 31);
    date_to_ymd(-25567, &y, &m, &d);
    assert_int_equal(y, 1900);
    assert_int_equal(m, 1);
    assert_int_equal(d, 1);
    date_to_ymd(ymd(2000, 2, 29), &y, &m, &d);
    assert_int_equal(y, 2000);
    assert_int_equal(m, 2);
    assert_int_equal(d, 29);
    date_to_ymd(ymd(2100, 2, 28) + 1, &y, &m, &d);
    assert_int_equal(y, 2100);
    assert_int_equal(m, 3);
    assert_int_equal(d, 1);
    date_to_ymd(ymd(1900, 2, 28) + 1, &y, &m, &d);
    assert_int_equal(y, 1900);
    assert_int_equal(m, 3);
    assert_int_equal(d, 1);
}

struct parse_case {
    const char *in;
    enum date_status want;
};

static void
test_parse_ok(void **state)
{
    int day = UNTOUCHED;

    (void)state;
    assert_int_equal(date_parse("2024-02-29", &day), DATE_OK);
    assert_int_equal(day, ymd(2024, 2, 29));
    assert_int_equal(date_parse("1970-01-01", &day), DATE_OK);
    assert_int_equal(day, 0);
    assert_int_equal(date_parse("1900-01-01", &day), DATE_OK);
    assert_int_equal(day, -25567);
    assert_int_equal(date_parse("2199-12-31", &day), DATE_OK);
    assert_int_equal(day, 84005);
    assert_int_equal(date_parse("2000-02-29", &day), DATE_OK);
    assert_int_equal(day, ymd(2000, 2, 29));
    assert_int_equal(date_parse("2023-01-01", &day), DATE_OK);
    assert_int_equal(day, ymd(2023, 1, 1));
}

static void
test_parse_errors(void **state)
{
    static const struct parse_case cases[] = {
        {"", DATE_EMPTY},
        {"2023-02-29", DATE_NOT_EXIST},
        {"2023-02-30", DATE_NOT_EXIST},
        {"2023-04-31", DATE_NOT_EXIST},
        {"2023-13-01", DATE_NOT_EXIST},
        {"2023-00-10", DATE_NOT_EXIST},
        {"2023-01-00", DATE_NOT_EXIST},
        {"2023-01-32", DATE_NOT_EXIST},
        {"1900-02-29", DATE_NOT_EXIST},
        {"2100-02-29", DATE_NOT_EXIST},
        {"2023-1-01", DATE_FORMAT},
        {"2023-01-1", DATE_FORMAT},
        {"23-01-01", DATE_FORMAT},
        {"2023/01/01", DATE_FORMAT},
        {"2023.01.01", DATE_FORMAT},
        {"20230101", DATE_FORMAT},
        {" 2023-01-01", DATE_FORMAT},
        {"2023-01-01 ", DATE_FORMAT},
        {"2023-01-01x", DATE_FORMAT},
        {"abcd-ef-gh", DATE_FORMAT},
        {"2023-0a-01", DATE_FORMAT},
        {"+023-01-01", DATE_FORMAT},
        {"2023-01--1", DATE_FORMAT},
        {"2023\xEF\xBC\x8D" "01-01", DATE_FORMAT},
        {"1899-12-31", DATE_RANGE},
        {"2200-01-01", DATE_RANGE},
        {"1000-06-15", DATE_RANGE},
        {"9999-12-31", DATE_RANGE},
    };
    size_t i;

    (void)state;
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        int day = UNTOUCHED;
        enum date_status st = date_parse(cases[i].in, &day);

        if (st != cases[i].want) {
            print_error("date_parse(\"%s\") = %d, want %d\n", cases[i].in,
                        (int)st, (int)cases[i].want);
        }
        assert_int_equal(st, cases[i].want);
        /* *DAY is set only on DATE_OK. */
        assert_int_equal(day, UNTOUCHED);
    }
    assert_int_equal(date_parse(NULL, NULL), DATE_EMPTY);
}

static void
test_status_message(void **state)
{
    enum date_status st;

    (void)state;
    for (st = DATE_EMPTY; st <= DATE_RANGE; st++) {
        const char *msg = date_status_message(st);

        assert_non_null(msg);
        assert_true(strlen(msg) > 0);
    }
}

static void
test_format(void **state)
{
    char out[DATE_BUF];
    int day;

    (void)state;
    memset(out, 'Z', sizeof(out));
    date_format(DATE_NONE, out);
    assert_string_equal(out, "");
    date_format(0, out);
    assert_string_equal(out, "1970-01-01");
    date_format(-1, out);
    assert_string_equal(out, "1969-12-31");
    date_format(ymd(1900, 1, 1), out);
    assert_string_equal(out, "1900-01-01");
    date_format(ymd(2199, 12, 31), out);
    assert_string_equal(out, "2199-12-31");
    date_format(ymd(2024, 2, 29), out);
    assert_string_equal(out, "2024-02-29");
    date_format(ymd(1880, 1, 1), out);
    assert_string_equal(out, "1880-01-01");
    assert_int_equal(strlen(out), DATE_BUF - 1);

    /* Format and parse are inverse over the accepted range. */
    for (day = ymd(1900, 1, 1); day <= ymd(2199, 12, 31); day += 37) {
        int back = UNTOUCHED;

        date_format(day, out);
        assert_int_equal(date_parse(out, &back), DATE_OK);
        assert_int_equal(back, day);
    }
}

static void
test_weekday(void **state)
{
    int day;

    (void)state;
    assert_int_equal(date_weekday(0), 4);           /* 1970-01-01 Thu */
    assert_int_equal(date_weekday(ymd(2026, 11, 22)), 7);
    assert_int_equal(date_weekday(ymd(2026, 11, 23)), 1);
    assert_int_equal(date_weekday(ymd(2025, 9, 26)), 5);
    assert_int_equal(date_weekday(ymd(2025, 9, 27)), 6);
    assert_int_equal(date_weekday(ymd(2000, 1, 1)), 6);
    assert_int_equal(date_weekday(ymd(1900, 1, 1)), 1);
    assert_int_equal(date_weekday(ymd(1949, 10, 1)), 6);
    assert_int_equal(date_weekday(-1), 3);          /* 1969-12-31 Wed */
    assert_int_equal(date_weekday(-3), 1);          /* 1969-12-29 Mon */
    assert_int_equal(date_weekday(-4), 7);          /* 1969-12-28 Sun */
    /* Always 1..7 and one more each day, wrapping after Sunday. */
    for (day = -30000; day < 30000; day++) {
        int w = date_weekday(day), next = date_weekday(day + 1);

        assert_in_range(w, 1, 7);
        assert_int_equal(next, w == 7 ? 1 : w + 1);
    }
}

static void
test_add_months(void **state)
{
    (void)state;
    /* Clamped to the end of a shorter month. */
    assert_int_equal(date_add_months(ymd(2024, 1, 31), 1), ymd(2024, 2, 29));
    assert_int_equal(date_add_months(ymd(2023, 1, 31), 1), ymd(2023, 2, 28));
    assert_int_equal(date_add_months(ymd(2024, 3, 31), 1), ymd(2024, 4, 30));
    assert_int_equal(date_add_months(ymd(2024, 1, 31), 2), ymd(2024, 3, 31));
    assert_int_equal(date_add_months(ymd(2100, 1, 31), 1), ymd(2100, 2, 28));
    assert_int_equal(date_add_months(ymd(2000, 1, 31), 1), ymd(2000, 2, 29));
    /* Plain cases and year changes. */
    assert_int_equal(date_add_months(ymd(2024, 1, 15), 0), ymd(2024, 1, 15));
    assert_int_equal(date_add_months(ymd(2024, 3, 15), 6), ymd(2024, 9, 15));
    assert_int_equal(date_add_months(ymd(2024, 11, 30), 3), ymd(2025, 2, 28));
    assert_int_equal(date_add_months(ymd(2024, 12, 1), 1), ymd(2025, 1, 1));
    assert_int_equal(date_add_months(ymd(2024, 2, 29), 12), ymd(2025, 2, 28));
    assert_int_equal(date_add_months(ymd(2024, 2, 29), 48), ymd(2028, 2, 29));
    assert_int_equal(date_add_months(ymd(1969, 12, 31), 2), ymd(1970, 2, 28));
    /* Negative months. */
    assert_int_equal(date_add_months(ymd(2024, 3, 31), -1), ymd(2024, 2, 29));
    assert_int_equal(date_add_months(ymd(2023, 3, 31), -1), ymd(2023, 2, 28));
    assert_int_equal(date_add_months(ymd(2024, 1, 15), -1), ymd(2023, 12, 15));
    assert_int_equal(date_add_months(ymd(2024, 1, 15), -12), ymd(2023, 1, 15));
    assert_int_equal(date_add_months(ymd(2024, 5, 31), -3), ymd(2024, 2, 29));
    assert_int_equal(date_add_months(ymd(2025, 1, 1), -25), ymd(2022, 12, 1));
    assert_int_equal(date_add_months(ymd(1970, 1, 31), -2), ymd(1969, 11, 30));
}

static void
test_months_between(void **state)
{
    int a, n;

    (void)state;
    assert_int_equal(date_months_between(ymd(2024, 1, 30), ymd(2024, 3, 1)), 1);
    assert_int_equal(date_months_between(ymd(2024, 3, 15), ymd(2024, 9, 15)), 6);
    assert_int_equal(date_months_between(ymd(2024, 3, 15), ymd(2024, 9, 14)), 5);
    assert_int_equal(date_months_between(ymd(2024, 3, 15), ymd(2024, 3, 15)), 0);
    assert_int_equal(date_months_between(ymd(2024, 3, 15), ymd(2024, 4, 14)), 0);
    assert_int_equal(date_months_between(ymd(2024, 3, 15), ymd(2024, 4, 15)), 1);
    assert_int_equal(date_months_between(ymd(2023, 12, 15), ymd(2025, 1, 15)), 13);
    assert_int_equal(date_months_between(ymd(2023, 12, 15), ymd(2025, 1, 14)), 12);
    /* Reversed order is negative. */
    assert_int_equal(date_months_between(ymd(2024, 3, 1), ymd(2024, 1, 30)), -1);
    assert_int_equal(date_months_between(ymd(2024, 9, 15), ymd(2024, 3, 15)), -6);
    assert_int_equal(date_months_between(ymd(2024, 9, 14), ymd(2024, 3, 15)), -5);
    assert_int_equal(date_months_between(ymd(2025, 1, 15), ymd(2023, 12, 15)), -13);

    /* Adding N months (day of month <= 28, so no clamping) is N months
     * later, and one day less is N - 1. */
    for (a = ymd(1990, 1, 1); a < ymd(1992, 1, 1); a += 3) {
        int y, m, d;

        date_to_ymd(a, &y, &m, &d);
        if (d > 27) {
            continue;
        }
        for (n = 1; n <= 30; n++) {
            int b = date_add_months(a, n);

            assert_int_equal(date_months_between(a, b), n);
            assert_int_equal(date_months_between(a, b - 1), n - 1);
            assert_int_equal(date_months_between(b, a), -n);
        }
    }
}

/* The documented edge (date.h): from a month's last day the months are
 * counted by the calendar, as the national system counts them; from any
 * other day a month is whole when the day comes round again. */
static void
test_months_between_month_end(void **state)
{
    (void)state;
    assert_int_equal(date_months_between(ymd(2023, 8, 31), ymd(2024, 2, 29)), 6);
    assert_int_equal(date_months_between(ymd(2025, 1, 31), ymd(2025, 7, 1)), 6);
    assert_int_equal(date_months_between(ymd(2025, 1, 31), ymd(2025, 6, 30)), 5);
    assert_int_equal(date_months_between(ymd(2024, 2, 29), ymd(2024, 8, 1)), 6);
    assert_int_equal(date_months_between(ymd(2024, 1, 31), ymd(2024, 2, 29)), 1);
    assert_int_equal(date_months_between(ymd(2024, 2, 29), ymd(2024, 1, 31)), -1);
    assert_int_equal(date_months_between(ymd(2024, 1, 31), ymd(2024, 1, 31)), 0);
    /* Not a month's last day: the day must come round again. */
    assert_int_equal(date_months_between(ymd(2024, 1, 30), ymd(2024, 2, 29)), 0);
    assert_int_equal(date_months_between(ymd(2023, 8, 30), ymd(2024, 2, 29)), 5);
}

static void
test_month_parse_format(void **state)
{
    static const struct parse_case bad[] = {
        {"", DATE_EMPTY},
        {"2024-3", DATE_FORMAT},
        {"2024/03", DATE_FORMAT},
        {"2024-03-01", DATE_FORMAT},
        {"202403", DATE_FORMAT},
        {" 2024-03", DATE_FORMAT},
        {"abcd-ef", DATE_FORMAT},
        {"2024-00", DATE_NOT_EXIST},
        {"2024-13", DATE_NOT_EXIST},
        {"1899-12", DATE_RANGE},
        {"2200-01", DATE_RANGE},
    };
    char out[MONTH_BUF];
    int month = UNTOUCHED;
    size_t i;

    (void)state;
    assert_int_equal(month_parse("2024-03", &month), DATE_OK);
    assert_int_equal(month, 2024 * 12 + 2);
    assert_int_equal(month_parse("1900-01", &month), DATE_OK);
    assert_int_equal(month, 1900 * 12);
    assert_int_equal(month_parse("2199-12", &month), DATE_OK);
    assert_int_equal(month, 2199 * 12 + 11);

    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        month = UNTOUCHED;
        assert_int_equal(month_parse(bad[i].in, &month), bad[i].want);
        assert_int_equal(month, UNTOUCHED);
    }
    assert_int_equal(month_parse(NULL, NULL), DATE_EMPTY);

    month_format(2024 * 12 + 2, out);
    assert_string_equal(out, "2024-03");
    month_format(2024 * 12 + 11, out);
    assert_string_equal(out, "2024-12");
    month_format(1900 * 12, out);
    assert_string_equal(out, "1900-01");

    assert_int_equal(month_of(ymd(2024, 3, 15)), 2024 * 12 + 2);
    assert_int_equal(month_of(ymd(2024, 3, 1)), 2024 * 12 + 2);
    assert_int_equal(month_of(ymd(2024, 3, 31)), 2024 * 12 + 2);
    assert_int_equal(month_of(ymd(2024, 1, 1)), 2024 * 12);
    assert_int_equal(month_of(-1), 1969 * 12 + 11);
    assert_int_equal(month_of(0), 1970 * 12);

    /* Round trip over the accepted range. */
    for (i = 1900 * 12; i <= 2199 * 12 + 11; i++) {
        month_format((int)i, out);
        month = UNTOUCHED;
        assert_int_equal(month_parse(out, &month), DATE_OK);
        assert_int_equal(month, (int)i);
        assert_int_equal(month_of(date_add_months(ymd(1900, 1, 31),
                                                  (int)i - 1900 * 12)),
                         (int)i);
    }
}

static void
test_workdays_plain(void **state)
{
    int fri = ymd(2025, 9, 26);

    (void)state;
    assert_true(date_is_workday(NULL, ymd(2026, 11, 23)));    /* Mon */
    assert_true(date_is_workday(NULL, ymd(2026, 11, 27)));    /* Fri */
    assert_false(date_is_workday(NULL, ymd(2026, 11, 21)));   /* Sat */
    assert_false(date_is_workday(NULL, ymd(2026, 11, 22)));   /* Sun */
    /* Without a calendar, holidays are ordinary weekdays. */
    assert_true(date_is_workday(NULL, ymd(2025, 10, 1)));

    assert_int_equal(date_add_workdays(NULL, fri, 0), fri);
    assert_int_equal(date_add_workdays(NULL, fri, 1), ymd(2025, 9, 29));
    assert_int_equal(date_add_workdays(NULL, fri, 5), ymd(2025, 10, 3));
    assert_int_equal(date_add_workdays(NULL, fri, 10), ymd(2025, 10, 10));
    /* From a weekend day. */
    assert_int_equal(date_add_workdays(NULL, ymd(2025, 9, 27), 1),
                     ymd(2025, 9, 29));
    assert_int_equal(date_add_workdays(NULL, ymd(2025, 9, 28), 0),
                     ymd(2025, 9, 28));

    assert_int_equal(date_workdays_between(NULL, fri, fri), 0);
    assert_int_equal(date_workdays_between(NULL, fri, fri - 10), 0);
    assert_int_equal(date_workdays_between(NULL, fri, fri + 2), 0);
    assert_int_equal(date_workdays_between(NULL, fri, fri + 3), 1);
    assert_int_equal(date_workdays_between(NULL, fri, fri + 7), 5);
    assert_int_equal(date_workdays_between(NULL, fri - 1, fri), 1);
    assert_int_equal(date_workdays_between(NULL, ymd(2025, 1, 1),
                                           ymd(2025, 12, 31)), 260);
}

static void
test_workdays_calendar(void **state)
{
    /* National Day 2025: 10-01..10-08 off; Sunday 09-28 and Saturday
     * 10-11 are make-up working days. */
    int holidays[8];
    int workdays[2];
    struct calendar cal;
    int fri = ymd(2025, 9, 26), i, n;

    (void)state;
    for (i = 0; i < 8; i++) {
        holidays[i] = ymd(2025, 10, 1) + i;
    }
    workdays[0] = ymd(2025, 9, 28);
    workdays[1] = ymd(2025, 10, 11);
    cal.holidays = holidays;
    cal.nholidays = 8;
    cal.workdays = workdays;
    cal.nworkdays = 2;

    assert_true(date_is_workday(&cal, fri));
    assert_false(date_is_workday(&cal, ymd(2025, 9, 27)));   /* Sat */
    assert_true(date_is_workday(&cal, ymd(2025, 9, 28)));    /* Sun, made up */
    assert_true(date_is_workday(&cal, ymd(2025, 9, 30)));
    assert_false(date_is_workday(&cal, ymd(2025, 10, 1)));   /* Wed, holiday */
    assert_false(date_is_workday(&cal, ymd(2025, 10, 4)));   /* Sat, holiday */
    assert_false(date_is_workday(&cal, ymd(2025, 10, 8)));   /* Wed, holiday */
    assert_true(date_is_workday(&cal, ymd(2025, 10, 9)));
    assert_true(date_is_workday(&cal, ymd(2025, 10, 11)));   /* Sat, made up */
    assert_false(date_is_workday(&cal, ymd(2025, 10, 12)));  /* Sun */

    /* 09-28 (1), 09-29 (2), 09-30 (3), 10-09 (4), 10-10 (5). */
    assert_int_equal(date_add_workdays(&cal, fri, 1), ymd(2025, 9, 28));
    assert_int_equal(date_add_workdays(&cal, fri, 3), ymd(2025, 9, 30));
    assert_int_equal(date_add_workdays(&cal, fri, 4), ymd(2025, 10, 9));
    assert_int_equal(date_add_workdays(&cal, fri, 5), ymd(2025, 10, 10));
    assert_int_equal(date_add_workdays(&cal, fri, 6), ymd(2025, 10, 11));
    assert_int_equal(date_add_workdays(&cal, fri, 7), ymd(2025, 10, 13));
    assert_int_equal(date_add_workdays(&cal, ymd(2025, 9, 30), 1),
                     ymd(2025, 10, 9));

    assert_int_equal(date_workdays_between(&cal, fri, ymd(2025, 10, 10)), 5);
    assert_int_equal(date_workdays_between(&cal, fri, ymd(2025, 10, 8)), 3);
    assert_int_equal(date_workdays_between(&cal, ymd(2025, 9, 30),
                                           ymd(2025, 10, 8)), 0);
    assert_int_equal(date_workdays_between(&cal, fri, ymd(2025, 10, 12)), 6);
    assert_int_equal(date_workdays_between(&cal, ymd(2025, 10, 10), fri), 0);

    /* The two functions agree with each other. */
    for (n = 0; n <= 20; n++) {
        int end = date_add_workdays(&cal, fri, n);

        assert_int_equal(date_workdays_between(&cal, fri, end), n);
        if (n > 0) {
            assert_true(date_is_workday(&cal, end));
        }
    }

    /* An empty calendar behaves like NULL. */
    cal.nholidays = 0;
    cal.nworkdays = 0;
    cal.holidays = NULL;
    cal.workdays = NULL;
    assert_true(date_is_workday(&cal, ymd(2025, 10, 1)));
    assert_false(date_is_workday(&cal, ymd(2025, 9, 28)));
    assert_int_equal(date_add_workdays(&cal, fri, 5),
                     date_add_workdays(NULL, fri, 5));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid),
        cmocka_unit_test(test_known_day_numbers),
        cmocka_unit_test(test_ymd_round_trip),
        cmocka_unit_test(test_parse_ok),
        cmocka_unit_test(test_parse_errors),
        cmocka_unit_test(test_status_message),
        cmocka_unit_test(test_format),
        cmocka_unit_test(test_weekday),
        cmocka_unit_test(test_add_months),
        cmocka_unit_test(test_months_between),
        cmocka_unit_test(test_months_between_month_end),
        cmocka_unit_test(test_month_parse_format),
        cmocka_unit_test(test_workdays_plain),
        cmocka_unit_test(test_workdays_calendar),
    };

    return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * date.c - calendar arithmetic on day numbers (proleptic Gregorian).
 */
#include "config.h"
#include "core/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/array.h"
#include "util/i18n.h"

static int
is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
date_days_in_month(int y, int m)
{
    static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    if (m < 1 || m > 12) {
        return 0;
    }
    return dim[m - 1] + (m == 2 && is_leap(y));
}

int
date_valid(int y, int m, int d)
{
    return y >= 1 && m >= 1 && m <= 12 && d >= 1 &&
           d <= date_days_in_month(y, m);
}

/* Howard Hinnant's days_from_civil. */
int
date_from_ymd(int y, int m, int d)
{
    int era, yoe, doy, doe;

    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void
date_to_ymd(int day, int *y, int *m, int *d)
{
    int z = day + 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;

    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp + (mp < 10 ? 3 : -9);
    *y = yoe + era * 400 + (*m <= 2);
}

/* Parse exactly N digits at S. */
static int
digits(const char *s, int n, int *out)
{
    int v = 0, i;

    for (i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return -1;
        }
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 0;
}

enum date_status
date_parse(const char *s, int *day)
{
    int y, m, d;

    if (s == NULL || *s == '\0') {
        return DATE_EMPTY;
    }
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
        digits(s, 4, &y) || digits(s + 5, 2, &m) || digits(s + 8, 2, &d)) {
        return DATE_FORMAT;
    }
    if (!date_valid(y, m, d)) {
        return DATE_NOT_EXIST;
    }
    if (y < 1900 || y > 2199) {
        return DATE_RANGE;
    }
    *day = date_from_ymd(y, m, d);
    return DATE_OK;
}

static const char *const date_messages[] = {
    [DATE_EMPTY] = N_("the date is empty; type it as YYYY-MM-DD, e.g. 2024-03-01"),
    [DATE_FORMAT] = N_("the date is not in the form YYYY-MM-DD (e.g. 2024-03-01)"),
    [DATE_NOT_EXIST] = N_("that day does not exist in the calendar; check the month and day"),
    [DATE_RANGE] = N_("the year must be between 1900 and 2199"),
};

const char *
date_status_message(enum date_status st)
{
    return i18n_pick(date_messages, ARRAY_SIZE(date_messages), st);
}

/* The N decimal digits of V (less than 10^N) at OUT, zeros before. */
static void
put_digits(char *out, unsigned v, int n)
{
    while (n-- > 0) {
        out[n] = (char)('0' + v % 10u);
        v /= 10u;
    }
}

/* YYYY-MM-DD written digit by digit: an import binds a date for most
 * rows it stores, and snprintf cost it more than the rest of the date. */
void
date_format(int day, char out[DATE_BUF])
{
    int y, m, d;

    if (day == DATE_NONE) {
        out[0] = '\0';
        return;
    }
    date_to_ymd(day, &y, &m, &d);
    put_digits(out, (unsigned)y % 10000u, 4);
    out[4] = '-';
    put_digits(out + 5, (unsigned)m % 100u, 2);
    out[7] = '-';
    put_digits(out + 8, (unsigned)d % 100u, 2);
    out[10] = '\0';
}

int
date_weekday(int day)
{
    /* 1970-01-01 was a Thursday (4). */
    int w = (day % 7 + 7) % 7;

    return (w + 3) % 7 + 1;
}

int
date_add_months(int day, int n)
{
    int y, m, d, total, dim;

    date_to_ymd(day, &y, &m, &d);
    total = y * 12 + (m - 1) + n;
    y = total / 12;
    m = total % 12 + 1;
    dim = date_days_in_month(y, m);
    return date_from_ymd(y, m, d > dim ? dim : d);
}

int
date_months_between(int a, int b)
{
    int ya, ma, da, yb, mb, db, n;

    if (b < a) {
        return -date_months_between(b, a);
    }
    date_to_ymd(a, &ya, &ma, &da);
    date_to_ymd(b, &yb, &mb, &db);
    n = (yb - ya) * 12 + (mb - ma);
    /* A month is whole when the day of the month is reached again; from
     * a month's last day, by the calendar (date.h). */
    if (n > 0 && db < da && da < date_days_in_month(ya, ma)) {
        n--;
    }
    return n;
}

int
month_of(int day)
{
    int y, m, d;

    date_to_ymd(day, &y, &m, &d);
    return y * 12 + (m - 1);
}

int
month_first_day(int month)
{
    return date_from_ymd(month / 12, month % 12 + 1, 1);
}

int
month_last_day(int month)
{
    int y = month / 12, m = month % 12 + 1;

    return date_from_ymd(y, m, date_days_in_month(y, m));
}

enum date_status
month_parse(const char *s, int *month)
{
    int y, m;

    if (s == NULL || *s == '\0') {
        return DATE_EMPTY;
    }
    if (strlen(s) != 7 || s[4] != '-' || digits(s, 4, &y) ||
        digits(s + 5, 2, &m)) {
        return DATE_FORMAT;
    }
    if (m < 1 || m > 12) {
        return DATE_NOT_EXIST;
    }
    if (y < 1900 || y > 2199) {
        return DATE_RANGE;
    }
    *month = y * 12 + (m - 1);
    return DATE_OK;
}

void
month_format(int month, char out[MONTH_BUF])
{
    snprintf(out, MONTH_BUF, "%04u-%02u", (unsigned)(month / 12) % 10000u,
             (unsigned)(month % 12 + 1) % 100u);
}

static int
cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;

    return (x > y) - (x < y);
}

static int
listed(const int *v, size_t n, int day)
{
    return n > 0 && bsearch(&day, v, n, sizeof(int), cmp_int) != NULL;
}

int
date_is_workday(const struct calendar *cal, int day)
{
    if (cal != NULL && listed(cal->workdays, cal->nworkdays, day)) {
        return 1;
    }
    if (cal != NULL && listed(cal->holidays, cal->nholidays, day)) {
        return 0;
    }
    return date_weekday(day) <= 5;
}

int
date_add_workdays(const struct calendar *cal, int day, int n)
{
    while (n > 0) {
        day++;
        if (date_is_workday(cal, day)) {
            n--;
        }
    }
    return day;
}

int
date_workdays_between(const struct calendar *cal, int a, int b)
{
    int n = 0;

    while (a < b) {
        a++;
        n += date_is_workday(cal, a);
    }
    return n;
}

int
date_add_in(const struct calendar *cal, int day, int n, enum day_unit unit)
{
    return unit == DU_WORKDAYS ? date_add_workdays(cal, day, n) : day + n;
}

/* 1 when one of the N sorted days V falls in YEAR. */
static int
any_in_year(const int *v, size_t n, int year)
{
    int first = date_from_ymd(year, 1, 1), last = date_from_ymd(year, 12, 31);
    size_t i;

    for (i = 0; i < n && v[i] <= last; i++) {
        if (v[i] >= first) {
            return 1;
        }
    }
    return 0;
}

int
calendar_has_year(const struct calendar *cal, int year)
{
    return cal != NULL && (any_in_year(cal->holidays, cal->nholidays, year) ||
                           any_in_year(cal->workdays, cal->nworkdays, year));
}

int
date_year(int day)
{
    int y, m, d;

    date_to_ymd(day, &y, &m, &d);
    return y;
}

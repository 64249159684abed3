/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * date.h - calendar days as day numbers (days since 1970-01-01), ISO 8601
 * text, months, and working days.  Pure arithmetic: no clock, no locale.
 */
#ifndef ZX_DATE_H
#define ZX_DATE_H

#include <stddef.h>

/* "YYYY-MM-DD" plus the terminating NUL. */
#define DATE_BUF 11
/* "YYYY-MM" plus NUL. */
#define MONTH_BUF 8

/* A day number that is never a real date: "no date". */
#define DATE_NONE (-2147483647 - 1)

enum date_status {
    DATE_OK = 0,
    DATE_EMPTY,       /* nothing typed */
    DATE_FORMAT,      /* not YYYY-MM-DD */
    DATE_NOT_EXIST,   /* e.g. 2023-02-30 */
    DATE_RANGE,       /* before 1900 or after 2199 */
};

/* Working-day calendar: weekends are rest days except the listed make-up
 * working days (调休); listed holidays are rest days.  Both sorted. */
struct calendar {
    int *holidays;
    size_t nholidays;
    int *workdays;
    size_t nworkdays;
};

int date_valid(int y, int m, int d);
int date_days_in_month(int y, int m);
/* Day number of a valid Y-M-D. */
int date_from_ymd(int y, int m, int d);
void date_to_ymd(int day, int *y, int *m, int *d);

/* Strict "YYYY-MM-DD" (years 1900-2199); *DAY is set on DATE_OK. */
enum date_status date_parse(const char *s, int *day);
/* A user-facing (translated) sentence for a status. */
const char *date_status_message(enum date_status st);
/* "YYYY-MM-DD", or "" for DATE_NONE. */
void date_format(int day, char out[DATE_BUF]);

/* The year of DAY. */
int date_year(int day);

/* 1 = Monday ... 7 = Sunday. */
int date_weekday(int day);

/* DAY plus N calendar months, clamped to the end of a shorter month. */
int date_add_months(int day, int n);
/* Whole months from A to B (negative when B is before A), counted as
 * the national monitoring system counts them (domain.md 4.6): a month is
 * whole when the day of the month comes round again (2024-03-15 to
 * 2024-09-14 is 5, to 2024-09-15 is 6); from the last day of a month
 * the months are counted by the calendar, the month of B less the month
 * of A (2023-08-31 to 2024-02-29 is 6, 2025-01-31 to 2025-07-01 is 6). */
int date_months_between(int a, int b);

/* Months as a single number: year * 12 + (month - 1). */
int month_of(int day);
/* The first and the last day of MONTH. */
int month_first_day(int month);
int month_last_day(int month);
/* Strict "YYYY-MM". */
enum date_status month_parse(const char *s, int *month);
void month_format(int month, char out[MONTH_BUF]);

/* 1 when DAY is a working day under CAL (CAL may be NULL: Mon-Fri). */
int date_is_workday(const struct calendar *cal, int day);
/* The day N working days after DAY (N >= 0). */
int date_add_workdays(const struct calendar *cal, int day, int n);
/* Working days after A up to and including B (0 when B <= A). */
int date_workdays_between(const struct calendar *cal, int a, int b);

/* What a deadline of the rules counts (rules.conf's *_unit keys). */
enum day_unit {
    DU_DAYS = 0,        /* calendar days */
    DU_WORKDAYS,        /* working days under the calendar */
};
/* The day N days of UNIT after DAY (N >= 0). */
int date_add_in(const struct calendar *cal, int day, int n, enum day_unit unit);
/* 1 when CAL lists a holiday or a make-up working day in YEAR: the
 * year's holiday notice is in the calendar. */
int calendar_has_year(const struct calendar *cal, int year);

#endif

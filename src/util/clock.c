/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * clock.c - the one place that reads the system clock.
 */
#include "config.h"
#include "util/clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "util/priv.h"
#include "util/sbuf.h"

/* $ZHENXING_TODAY as y/m/d, or 0 when unset or malformed. */
static int
pinned(int *y, int *m, int *d)
{
    const char *v = priv_getenv("ZHENXING_TODAY");

    return v != NULL && sscanf(v, "%4d-%2d-%2d", y, m, d) == 3;
}

void
clock_today(int *y, int *m, int *d)
{
    time_t t;
    struct tm tm;

    if (pinned(y, m, d)) {
        return;
    }
    t = time(NULL);
    localtime_r(&t, &tm);
    *y = tm.tm_year + 1900;
    *m = tm.tm_mon + 1;
    *d = tm.tm_mday;
}

void
clock_now(char *out, size_t n)
{
    /* Bulk inserts ask many times a second: format once per second. */
    static time_t cached_t = -1;
    static char cached[32];
    time_t t = time(NULL);
    struct tm tm;
    int y, m, d;

    if (t == cached_t) {
        str_copy(out, n, cached);
        return;
    }
    localtime_r(&t, &tm);
    if (!pinned(&y, &m, &d)) {
        y = tm.tm_year + 1900;
        m = tm.tm_mon + 1;
        d = tm.tm_mday;
    }
    snprintf(cached, sizeof(cached), "%04u-%02u-%02u %02u:%02u:%02u",
             (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)d % 100u,
             (unsigned)tm.tm_hour % 100u, (unsigned)tm.tm_min % 100u,
             (unsigned)tm.tm_sec % 100u);
    cached_t = t;
    snprintf(out, n, "%s", cached);
}

/* Clock ID's time in milliseconds (0 when it cannot be read). */
static double
clock_ms(clockid_t id)
{
    struct timespec ts;

    if (clock_gettime(id, &ts) != 0) {
        return 0;
    }
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

double
clock_cpu_ms(void)
{
    return clock_ms(CLOCK_PROCESS_CPUTIME_ID);
}

double
clock_mono_ms(void)
{
    return clock_ms(CLOCK_MONOTONIC);
}

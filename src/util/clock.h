/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * clock.h - today's date and the current time.  Tests pin them with
 * $ZHENXING_TODAY (YYYY-MM-DD); nothing else in the program reads the
 * clock.
 */
#ifndef ZX_CLOCK_H
#define ZX_CLOCK_H

#include <stddef.h>

/* Today's local date as year, month, day. */
void clock_today(int *y, int *m, int *d);

/* Current local time as "YYYY-MM-DD HH:MM:SS" into OUT (>= 20 bytes).
 * With $ZHENXING_TODAY set, the date is that day and the time is taken
 * from the real clock. */
void clock_now(char *out, size_t n);

/* The processor time this process has used, in milliseconds ($ZHENXING_TRACE
 * logs what each batch of keys cost, which a busy machine does not
 * inflate as it does the wall clock). */
double clock_cpu_ms(void);

/* A monotonic clock in milliseconds (the gaps between keys' bytes). */
double clock_mono_ms(void);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * u8width.c - how fast u8_width() measures the cells of a list screen
 * (names, places, numbers, states: what the list measures per cell),
 * against the C library's mbrtowc() and wcwidth() on the same cells in
 * the same run.  Not a test: run by `make bench-width`.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

#include "util/u8.h"

static const char *const cells[] = {
    "张三", "李昊然", "万俟卨", "欧阳娜娜", "青山县", "石桥镇", "红旗村",
    "5101**********1234", "12,345.67", "2026-11-22", "监测中", "脱贫不稳定户",
    "突发严重困难户", "因病", "A1-03", "\xF0\xA0\xAE\xB7田", "Zhang San",
    "100.0%", "已脱贫（2026）", "—", "★", "四口之家", "0",
};
#define NCELLS (sizeof(cells) / sizeof(cells[0]))
#define ROUNDS 400000

static double
now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static size_t
libc_width(const char *s)
{
    mbstate_t st;
    size_t n = strlen(s), w = 0, len;
    wchar_t wc;

    memset(&st, 0, sizeof(st));
    while (n > 0 && (len = mbrtowc(&wc, s, n, &st)) > 0 && len <= n) {
        int c = wcwidth(wc);

        w += c > 0 ? (size_t)c : 0;
        s += len;
        n -= len;
    }
    return w;
}

int
main(void)
{
    volatile size_t sink = 0;
    double t0, ours, libc;
    size_t r, i;

    if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
        fprintf(stderr, "u8width: no C.UTF-8 locale\n");
        return 1;
    }
    t0 = now();
    for (r = 0; r < ROUNDS; r++) {
        for (i = 0; i < NCELLS; i++) {
            sink += u8_width(cells[i]);
        }
    }
    ours = now() - t0;
    t0 = now();
    for (r = 0; r < ROUNDS; r++) {
        for (i = 0; i < NCELLS; i++) {
            sink += libc_width(cells[i]);
        }
    }
    libc = now() - t0;
    printf("cells measured: %zu\n", (size_t)(ROUNDS * NCELLS));
    printf("u8_width: %.1f ns a cell\n", ours * 1e9 / (ROUNDS * NCELLS));
    printf("mbrtowc+wcwidth: %.1f ns a cell\n", libc * 1e9 / (ROUNDS * NCELLS));
    printf("ratio u8_width / libc: %.2f\n", ours / libc);
    return sink == 0;
}

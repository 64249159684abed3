/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * money.c - yuan text <-> integer fen.
 */
#include "config.h"
#include "core/money.h"

#include <stdio.h>
#include <string.h>

#include "util/array.h"
#include "util/i18n.h"
#include "util/sbuf.h"

static int
is_blank(char c)
{
    return c == ' ' || c == '\t';
}

enum money_status
money_parse(const char *s, int allow_negative, int64_t *fen)
{
    int64_t yuan = 0, cents = 0;
    int neg = 0, ndigits = 0, ndec = -1;
    int group = 0, grouped = 0;   /* digits since the last comma */
    const char *end;

    if (s == NULL) {
        return MONEY_EMPTY;
    }
    while (is_blank(*s)) {
        s++;
    }
    end = s + strlen(s);
    while (end > s && is_blank(end[-1])) {
        end--;
    }
    if (s == end) {
        return MONEY_EMPTY;
    }
    if (*s == '-' || *s == '+') {
        neg = *s == '-';
        s++;
    }
    for (; s < end; s++) {
        if (*s >= '0' && *s <= '9') {
            if (ndec >= 0) {
                if (++ndec > 2) {
                    return MONEY_DECIMALS;
                }
                cents = cents * 10 + (*s - '0');
            } else {
                if (yuan > MONEY_MAX_FEN / 100) {
                    return MONEY_TOO_LARGE;
                }
                yuan = yuan * 10 + (*s - '0');
                ndigits++;
                group++;
            }
        } else if (*s == '.' && ndec < 0) {
            if (grouped && group != 3) {
                return MONEY_FORMAT;
            }
            ndec = 0;
        } else if (*s == ',' && ndec < 0 && group > 0 &&
                   (grouped ? group == 3 : group <= 3)) {
            /* Thousands separators only: "1,234,567", never "12,34". */
            grouped = 1;
            group = 0;
        } else {
            return MONEY_FORMAT;
        }
    }
    if (grouped && ndec < 0 && group != 3) {
        return MONEY_FORMAT;
    }
    if (ndigits == 0 && ndec <= 0) {
        return MONEY_FORMAT;
    }
    if (ndec == 1) {
        cents *= 10;
    }
    if (neg && !allow_negative && (yuan != 0 || cents != 0)) {
        return MONEY_NEGATIVE;
    }
    if (yuan * 100 + cents > MONEY_MAX_FEN) {
        return MONEY_TOO_LARGE;
    }
    *fen = (yuan * 100 + cents) * (neg ? -1 : 1);
    return MONEY_OK;
}

static const char *const money_messages[] = {
    [MONEY_EMPTY] = N_("the amount is empty; type it in yuan, e.g. 1234.50"),
    [MONEY_FORMAT] = N_("the amount is not a number; type yuan with at most two decimals, e.g. 1234.50"),
    [MONEY_NEGATIVE] = N_("the amount cannot be negative"),
    [MONEY_DECIMALS] = N_("an amount has at most two decimals (fen)"),
    [MONEY_TOO_LARGE] = N_("the amount is too large (at most 999,999,999,999.99 yuan)"),
};

const char *
money_status_message(enum money_status st)
{
    return i18n_pick(money_messages, ARRAY_SIZE(money_messages), st);
}

void
money_format(int64_t fen, int grouped, char out[MONEY_BUF])
{
    char digits[STR_U64_BUF];
    uint64_t v = fen < 0 ? (uint64_t)0 - (uint64_t)fen : (uint64_t)fen;
    size_t n, i, o = 0;

    n = str_u64(digits, v / 100);
    if (fen < 0) {
        out[o++] = '-';
    }
    for (i = 0; i < n; i++) {
        out[o++] = digits[i];
        if (grouped && (n - i - 1) % 3 == 0 && i + 1 < n) {
            out[o++] = ',';
        }
    }
    if (o + 4 > MONEY_BUF) {   /* beyond any amount: cut as before */
        snprintf(out + o, MONEY_BUF - o, ".%02u", (unsigned)(v % 100));
        return;
    }
    out[o++] = '.';
    out[o++] = (char)('0' + v % 100 / 10);
    out[o++] = (char)('0' + v % 10);
    out[o] = '\0';
}

void
money_group_int(int64_t v, char out[MONEY_BUF])
{
    char *dot;

    money_format(v * 100, 1, out);
    dot = strchr(out, '.');
    if (dot != NULL) {
        *dot = '\0';
    }
}

int64_t
money_div_round(int64_t num, int64_t den)
{
    int64_t q = num / den, r = num % den;

    if (r < 0) {
        r = -r;
    }
    if (2 * r >= den) {
        q += num < 0 ? -1 : 1;
    }
    return q;
}

int64_t
money_share_bp(int64_t part, int64_t whole)
{
    if (whole == 0) {
        return 0;
    }
    return money_div_round(part * 10000, whole);
}

void
money_bp_text(int64_t bp, char *out, size_t n)
{
    snprintf(out, n, "%lld.%02lld%%", (long long)(bp / 100), (long long)(bp % 100));
}

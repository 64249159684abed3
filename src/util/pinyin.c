/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * pinyin.c - pinyin sort keys and initials from the generated table
 * (util/pinyin_table.h): every CJK ideograph Unihan gives a reading, and
 * the surnames read otherwise (单 shàn, 万俟 mòqí...) at a name's start.
 */
#include "config.h"
#include "util/pinyin.h"

#include <string.h>

#include "util/pinyin_table.h"
#include "util/u8.h"

/* The rank of CP in pinyin order, 0 when it has no reading. */
static unsigned
rank_of(uint32_t cp)
{
    size_t lo = 0, hi = pinyin_nruns;

    if (cp < pinyin_runs[0].lo) {
        return 0;
    }
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const struct pinyin_run *r = &pinyin_runs[mid];

        if (cp < r->lo) {
            hi = mid;
        } else if (cp > r->hi) {
            lo = mid + 1;
        } else {
            return pinyin_ranks[r->base + (cp - r->lo)];
        }
    }
    return 0;
}

/* The initial of readings ranked RANK (> 0). */
static char
letter_of(unsigned rank)
{
    size_t lo = 0, hi = pinyin_nletters;

    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;

        if (pinyin_letters[mid].first <= rank) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    return pinyin_letters[lo].letter;
}

char
pinyin_initial(uint32_t cp)
{
    unsigned r = rank_of(cp);

    return r != 0 ? letter_of(r) : 0;
}

/* One character after another, with a surname's readings for the first
 * one or two when asked. */
struct walk {
    const char *s;
    size_t len, i;
    const struct pinyin_surname *sur;
    int k;                      /* characters read so far */
};

/* The surname S starts with: two characters before one (the first two
 * characters decoded once, not once for each surname of the table). */
static const struct pinyin_surname *
surname_of(const char *s, size_t len)
{
    const struct pinyin_surname *one = NULL;
    uint32_t cp[2] = {0, 0};
    size_t i, at = 0, step;
    int k;

    for (k = 0; k < 2 && at < len; k++) {
        cp[k] = u8_decode(s + at, len - at, &step);
        at += step;
    }
    for (i = 0; i < pinyin_nsurnames; i++) {
        const struct pinyin_surname *sn = &pinyin_surnames[i];

        if (k == 0 || sn->cp[0] != cp[0]) {
            continue;
        }
        if (sn->cp[1] == 0) {
            one = sn;
        } else if (k == 2 && sn->cp[1] == cp[1]) {
            return sn;
        }
    }
    return one;
}

static void
walk_init(struct walk *w, const char *s, int surname)
{
    w->s = s;
    w->len = strlen(s);
    w->i = 0;
    w->k = 0;
    w->sur = surname ? surname_of(s, w->len) : NULL;
}

/* The next character into *CP and its rank into *RANK; 0 at the end. */
static int
walk_next(struct walk *w, uint32_t *cp, unsigned *rank)
{
    size_t step;

    if (w->i >= w->len) {
        return 0;
    }
    *cp = u8_decode(w->s + w->i, w->len - w->i, &step);
    w->i += step;
    if (w->sur != NULL && w->k < 2 && w->sur->cp[w->k] == *cp) {
        *rank = w->sur->rank[w->k];
    } else {
        *rank = rank_of(*cp);
    }
    w->k++;
    return 1;
}

static int
is_alnum(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
           (cp >= 'A' && cp <= 'Z');
}

static uint32_t
lower(uint32_t cp)
{
    return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
}

size_t
pinyin_key(const char *s, int surname, unsigned char *out, size_t n)
{
    struct walk w;
    uint32_t cp;
    unsigned rank;
    size_t o = 0;

    walk_init(&w, s, surname);
    while (o + PINYIN_KEY_UNIT <= n && walk_next(&w, &cp, &rank)) {
        if (cp < 0x80) {
            out[o] = 0;
            out[o + 1] = 0;
            out[o + 2] = (unsigned char)lower(cp);
        } else if (rank != 0) {
            out[o] = 1;
            out[o + 1] = (unsigned char)(rank >> 8);
            out[o + 2] = (unsigned char)(rank & 0xFF);
        } else {
            out[o] = (unsigned char)(2 + (cp >> 16));
            out[o + 1] = (unsigned char)((cp >> 8) & 0xFF);
            out[o + 2] = (unsigned char)(cp & 0xFF);
        }
        o += PINYIN_KEY_UNIT;
    }
    return o;
}

void
pinyin_initials(const char *s, int surname, char *out, size_t n)
{
    struct walk w;
    uint32_t cp;
    unsigned rank;
    size_t o = 0;

    walk_init(&w, s, surname);
    while (o + 1 < n && walk_next(&w, &cp, &rank)) {
        char c = is_alnum(cp) ? (char)lower(cp) : rank != 0 ? letter_of(rank) : 0;

        if (c != 0) {
            out[o++] = c;
        }
    }
    out[o] = '\0';
}

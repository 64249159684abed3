/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * rng.c - xoshiro256** (Blackman and Vigna), seeded with splitmix64.
 */
#include "config.h"
#include "util/rng.h"

static uint64_t
splitmix(uint64_t *x)
{
    uint64_t z = (*x += UINT64_C(0x9E3779B97F4A7C15));

    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

void
rng_seed(struct rng *r, uint64_t seed)
{
    int i;

    for (i = 0; i < 4; i++) {
        r->s[i] = splitmix(&seed);
    }
}

static uint64_t
rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

uint64_t
rng_next(struct rng *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;

    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

uint32_t
rng_below(struct rng *r, uint32_t n)
{
    return (uint32_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

int
rng_range(struct rng *r, int lo, int hi)
{
    return lo + (int)rng_below(r, (uint32_t)(hi - lo + 1));
}

int
rng_chance(struct rng *r, int permille)
{
    return (int)rng_below(r, 1000) < permille;
}

size_t
rng_weighted(struct rng *r, const unsigned *weights, size_t n)
{
    uint64_t total = 0, pick;
    size_t i;

    for (i = 0; i < n; i++) {
        total += weights[i];
    }
    pick = rng_next(r) % total;
    for (i = 0; i < n; i++) {
        if (pick < weights[i]) {
            return i;
        }
        pick -= weights[i];
    }
    return n - 1;
}

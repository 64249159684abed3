/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * rng.h - a small deterministic random generator (splitmix64 seeding a
 * xoshiro256**): the same seed gives the same sequence on every machine.
 */
#ifndef ZX_RNG_H
#define ZX_RNG_H

#include <stddef.h>
#include <stdint.h>

struct rng {
    uint64_t s[4];
};

void rng_seed(struct rng *r, uint64_t seed);
uint64_t rng_next(struct rng *r);
/* Uniform in [0, n) (n > 0). */
uint32_t rng_below(struct rng *r, uint32_t n);
/* Uniform in [lo, hi]. */
int rng_range(struct rng *r, int lo, int hi);
/* 1 with probability PERMILLE / 1000. */
int rng_chance(struct rng *r, int permille);
/* An index into WEIGHTS (N entries, summing to more than 0). */
size_t rng_weighted(struct rng *r, const unsigned *weights, size_t n);

#endif

/*
 * The exercise's seeded random numbers: xoshiro256** seeded through
 * splitmix64.  Scenarios and bots draw from it; nothing else is random, so
 * a seed reproduces a run exactly.
 */
#ifndef TTX_RNG_H
#define TTX_RNG_H

#include <stdint.h>

struct rng {
	uint64_t	s[4];
};

void		rng_seed(struct rng *r, uint64_t seed);
uint64_t	rng_next(struct rng *r);
/* Uniform in [0, 1). */
double		rng_double(struct rng *r);
/* Uniform in [lo, hi], unbiased; lo <= hi. */
int64_t		rng_range(struct rng *r, int64_t lo, int64_t hi);

#endif

/*
 * engine/rng: a seed gives one sequence, ranges stay in range and cover it.
 */
#include <check.h>

#include "rng.h"

START_TEST(test_seeded)
{
	struct rng	a, b, c;
	int		i, same = 0;

	rng_seed(&a, 7);
	rng_seed(&b, 7);
	rng_seed(&c, 8);
	for (i = 0; i < 1000; i++) {
		uint64_t x = rng_next(&a);
		ck_assert_uint_eq(x, rng_next(&b));
		same += x == rng_next(&c);
	}
	ck_assert_int_eq(same, 0);
	/* the first output for seed 0 is fixed forever: journals depend on
	 * it */
	rng_seed(&a, 0);
	ck_assert_uint_eq(rng_next(&a), 0x99ec5f36cb75f2b4ULL);
}
END_TEST

START_TEST(test_ranges)
{
	struct rng	r;
	int		seen[6] = { 0 }, i;

	rng_seed(&r, 1);
	for (i = 0; i < 6000; i++) {
		int64_t v = rng_range(&r, -2, 3);
		ck_assert(v >= -2 && v <= 3);
		seen[v + 2]++;
		double d = rng_double(&r);
		ck_assert(d >= 0.0 && d < 1.0);
	}
	for (i = 0; i < 6; i++)
		ck_assert_int_gt(seen[i], 800);
	ck_assert_int_eq(rng_range(&r, 5, 5), 5);
	(void)rng_range(&r, INT64_MIN, INT64_MAX);
}
END_TEST

static void
add_tests(TCase *tc)
{
	tcase_add_test(tc, test_seeded);
	tcase_add_test(tc, test_ranges);
}

#define SUITE_NAME "rng"
#include "tcheck.h"

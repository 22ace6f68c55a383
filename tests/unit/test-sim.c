/*
 * engine/sim: ordering, FIFO ties, cancel, run-until, and a million random
 * operations checked against a sorted reference.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "rng.h"
#include "sim.h"

#define LOGMAX 64

static uint64_t	fired_log[LOGMAX];
static int	nfired;

static void
record(struct sim *sim, void *arg, uint64_t data)
{
	if (nfired < LOGMAX)
		fired_log[nfired] = data;
	nfired++;
}

static void
setup(void)
{
	nfired = 0;
}

START_TEST(test_order_and_fifo_ties)
{
	struct sim	*sim = sim_new();

	sim_at(sim, 30, record, NULL, 3);
	sim_at(sim, 10, record, NULL, 1);
	sim_at(sim, 20, record, NULL, 20);
	sim_at(sim, 20, record, NULL, 21);
	sim_at(sim, 20, record, NULL, 22);
	ck_assert_int_eq(sim_next(sim), 10);
	ck_assert_uint_eq(sim_count(sim), 5);
	while (sim_step(sim))
		;
	ck_assert_int_eq(nfired, 5);
	ck_assert_uint_eq(fired_log[0], 1);
	ck_assert_uint_eq(fired_log[1], 20);
	ck_assert_uint_eq(fired_log[2], 21);
	ck_assert_uint_eq(fired_log[3], 22);
	ck_assert_uint_eq(fired_log[4], 3);
	ck_assert_int_eq(sim_now(sim), 30);
	ck_assert_int_eq(sim_next(sim), SIM_NEVER);
	ck_assert_int_eq(sim_step(sim), 0);
	sim_free(sim);
}
END_TEST

START_TEST(test_cancel)
{
	struct sim	*sim = sim_new();
	sim_handle	 a, b, c;

	a = sim_at(sim, 10, record, NULL, 1);
	b = sim_at(sim, 10, record, NULL, 2);
	c = sim_at(sim, 5, record, NULL, 3);
	ck_assert(a != 0 && b != 0 && c != 0);
	ck_assert_int_eq(sim_pending(sim, b), 1);
	ck_assert_int_eq(sim_cancel(sim, b), 0);
	ck_assert_int_eq(sim_pending(sim, b), 0);
	ck_assert_int_eq(sim_cancel(sim, b), -1);	/* twice */
	ck_assert_int_eq(sim_cancel(sim, 0), -1);
	ck_assert_int_eq(sim_cancel(sim, c), 0);	/* the head */
	ck_assert_int_eq(sim_next(sim), 10);
	sim_run_until(sim, 100);
	ck_assert_int_eq(nfired, 1);
	ck_assert_uint_eq(fired_log[0], 1);
	ck_assert_int_eq(sim_cancel(sim, a), -1);	/* already fired */
	sim_free(sim);
}
END_TEST

START_TEST(test_stale_handle_not_reused)
{
	struct sim	*sim = sim_new();
	sim_handle	 a, b;

	a = sim_at(sim, 1, record, NULL, 1);
	ck_assert_int_eq(sim_cancel(sim, a), 0);
	b = sim_at(sim, 1, record, NULL, 2);	/* reuses the slot */
	ck_assert(a != b);
	ck_assert_int_eq(sim_cancel(sim, a), -1);
	ck_assert_int_eq(sim_pending(sim, b), 1);
	sim_free(sim);
}
END_TEST

static void
cancel_other(struct sim *sim, void *arg, uint64_t data)
{
	record(sim, arg, data);
	sim_cancel(sim, *(sim_handle *)arg);
}

START_TEST(test_cancel_from_handler)
{
	struct sim	*sim = sim_new();
	sim_handle	 victim;

	sim_at(sim, 1, cancel_other, &victim, 1);
	victim = sim_at(sim, 1, record, NULL, 2);
	sim_run_until(sim, SIM_NEVER);
	ck_assert_int_eq(nfired, 1);
	sim_free(sim);
}
END_TEST

static void
reschedule(struct sim *sim, void *arg, uint64_t data)
{
	record(sim, arg, data);
	if (data < 5)
		sim_at(sim, sim_now(sim) + 10, reschedule, arg, data + 1);
}

START_TEST(test_run_until)
{
	struct sim	*sim = sim_new();

	sim_at(sim, 0, reschedule, NULL, 0);
	ck_assert_uint_eq(sim_run_until(sim, 25), 3);	/* 0, 10, 20 */
	ck_assert_int_eq(sim_now(sim), 25);
	ck_assert_int_eq(sim_next(sim), 30);
	ck_assert_uint_eq(sim_run_until(sim, 30), 1);	/* inclusive */
	ck_assert_uint_eq(sim_run_until(sim, SIM_NEVER), 2);
	ck_assert_int_eq(sim_now(sim), 50);
	ck_assert_uint_eq(sim_fired(sim), 6);
	sim_free(sim);
}
END_TEST

static void
stopper(struct sim *sim, void *arg, uint64_t data)
{
	record(sim, arg, data);
	sim_stop(sim);
}

START_TEST(test_stop_and_reset)
{
	struct sim	*sim = sim_new();

	sim_at(sim, 5, stopper, NULL, 1);
	sim_at(sim, 6, record, NULL, 2);
	ck_assert_uint_eq(sim_run_until(sim, 100), 1);
	ck_assert_int_eq(sim_now(sim), 5);
	sim_reset(sim);
	ck_assert_uint_eq(sim_count(sim), 0);
	ck_assert_int_eq(sim_now(sim), 0);
	sim_free(sim);
	sim_free(NULL);
}
END_TEST

START_TEST(test_mass_cancel_sweeps)
{
	struct sim	*sim = sim_new();
	sim_handle	 h[1000];
	int		 i;

	for (i = 0; i < 1000; i++)
		h[i] = sim_at(sim, (i * 7919) % 1000, record, NULL,
		    (uint64_t)i);
	/* cancel all but every tenth: far more than half, so the heap is
	 * swept and rebuilt along the way */
	for (i = 0; i < 1000; i++) {
		if (i % 10 != 0)
			ck_assert_int_eq(sim_cancel(sim, h[i]), 0);
	}
	ck_assert_uint_eq(sim_count(sim), 100);
	for (i = 0; i < 1000; i++)
		ck_assert_int_eq(sim_pending(sim, h[i]), i % 10 == 0);
	/* new events reuse the freed slots; old handles stay stale */
	sim_at(sim, 5000, record, NULL, 5000);
	ck_assert_int_eq(sim_cancel(sim, h[1]), -1);
	nfired = 0;
	sim_run_until(sim, SIM_NEVER);
	ck_assert_int_eq(nfired, 101);
	ck_assert_uint_eq(sim_fired(sim), 101);
	ck_assert_int_eq(sim_now(sim), 5000);
	sim_free(sim);
}
END_TEST

/* The reference: pending (time, seq) pairs kept in an array. */
struct ref {
	sim_time	t;
	uint64_t	seq;
	sim_handle	h;
};

static int
ref_cmp(const void *a, const void *b)
{
	const struct ref *x = a, *y = b;

	if (x->t != y->t)
		return x->t < y->t ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static uint64_t	 popped_seq;

static void
note_seq(struct sim *sim, void *arg, uint64_t data)
{
	popped_seq = data;
}

START_TEST(test_random_against_reference)
{
	struct sim	*sim = sim_new();
	struct rng	 r;
	struct ref	*ref;
	size_t		 n = 0, cap = 1 << 16, i, k;
	uint64_t	 seq = 0;
	long		 ops;

	ref = malloc(cap * sizeof *ref);
	rng_seed(&r, 42);
	/* 1e6 random operations: schedule (half of them on whole-minute
	 * ties), cancel a random pending event, or pop and compare. */
	for (ops = 0; ops < 1000000; ops++) {
		int	op = (int)rng_range(&r, 0, 9);

		if (op < 5 || n == 0) {
			sim_time t = sim_now(sim) + (op & 1 ?
			    rng_range(&r, 0, 10) * SIM_MIN :
			    rng_range(&r, 0, 600000));
			if (n == cap)
				ref = realloc(ref, (cap *= 2) * sizeof *ref);
			ref[n].t = t;
			ref[n].seq = seq;
			ref[n].h = sim_at(sim, t, note_seq, NULL, seq);
			seq++;
			n++;
		} else if (op < 7) {
			k = (size_t)rng_range(&r, 0, (int64_t)n - 1);
			ck_assert_int_eq(sim_cancel(sim, ref[k].h), 0);
			ref[k] = ref[--n];
		} else {
			k = 0;
			for (i = 1; i < n; i++) {
				if (ref_cmp(&ref[i], &ref[k]) < 0)
					k = i;
			}
			ck_assert_int_eq(sim_next(sim), ref[k].t);
			ck_assert_int_eq(sim_step(sim), 1);
			ck_assert_uint_eq(popped_seq, ref[k].seq);
			ref[k] = ref[--n];
		}
		if (n > 2000) {
			/* keep the linear reference cheap: drain half */
			qsort(ref, n, sizeof *ref, ref_cmp);
			for (i = 0; i < n / 2; i++) {
				ck_assert_int_eq(sim_step(sim), 1);
				ck_assert_uint_eq(popped_seq, ref[i].seq);
			}
			memmove(ref, ref + n / 2, (n - n / 2) * sizeof *ref);
			n -= n / 2;
		}
		ck_assert_uint_eq(sim_count(sim), n);
	}
	qsort(ref, n, sizeof *ref, ref_cmp);
	for (i = 0; i < n; i++) {
		ck_assert_int_eq(sim_step(sim), 1);
		ck_assert_uint_eq(popped_seq, ref[i].seq);
	}
	ck_assert_int_eq(sim_step(sim), 0);
	free(ref);
	sim_free(sim);
}
END_TEST

/* Callbacks that schedule and cancel, as real events do, against the same
 * kind of reference: every event must be the earliest pending when it
 * fires. */
static struct {
	struct sim	*sim;
	struct rng	 r;
	struct ref	*v;
	size_t		 n, cap;
	uint64_t	 seq, fired;
} cb;

static void	cb_fire(struct sim *sim, void *arg, uint64_t data);

static void
cb_schedule(sim_time t)
{
	if (cb.n == cb.cap)
		cb.v = realloc(cb.v, (cb.cap = cb.cap ? cb.cap * 2 : 64) *
		    sizeof *cb.v);
	cb.v[cb.n].t = t;
	cb.v[cb.n].seq = cb.seq;
	cb.v[cb.n].h = sim_at(cb.sim, t, cb_fire, NULL, cb.seq);
	cb.seq++;
	cb.n++;
}

static void
cb_fire(struct sim *sim, void *arg, uint64_t data)
{
	size_t	i, k = 0;
	int	what;

	for (i = 1; i < cb.n; i++) {
		if (ref_cmp(&cb.v[i], &cb.v[k]) < 0)
			k = i;
	}
	ck_assert_uint_eq(data, cb.v[k].seq);
	ck_assert_int_eq(sim_now(sim), cb.v[k].t);
	cb.v[k] = cb.v[--cb.n];
	cb.fired++;
	ck_assert_uint_eq(sim_count(sim), cb.n);
	/* mostly one follow-up (the fused path), sometimes none or two,
	 * sometimes a cancel, sometimes a look at the queue */
	what = (int)rng_range(&cb.r, 0, 9);
	if (what != 0 && cb.fired < 200000)
		cb_schedule(sim_now(sim) + rng_range(&cb.r, 0, 3) * SIM_MIN);
	if (what == 1 && cb.fired < 200000) {
		cb_schedule(sim_now(sim) + rng_range(&cb.r, 0, 100000));
		cb_schedule(sim_now(sim));	/* a tie with now */
	}
	if (what == 2 && cb.n > 0) {
		k = (size_t)rng_range(&cb.r, 0, (int64_t)cb.n - 1);
		ck_assert_int_eq(sim_cancel(sim, cb.v[k].h), 0);
		cb.v[k] = cb.v[--cb.n];
	}
	if (what == 3)
		ck_assert_uint_eq(sim_count(sim), cb.n);
	if (what == 4 && cb.n > 0) {
		sim_time	min = SIM_NEVER;
		for (i = 0; i < cb.n; i++)
			if (cb.v[i].t < min)
				min = cb.v[i].t;
		ck_assert_int_eq(sim_next(sim), min);
	}
}

START_TEST(test_random_callbacks)
{
	int	i;

	memset(&cb, 0, sizeof cb);
	cb.sim = sim_new();
	rng_seed(&cb.r, 7);
	for (i = 0; i < 1000; i++)
		cb_schedule(rng_range(&cb.r, 0, 10) * SIM_MIN);
	sim_run_until(cb.sim, SIM_NEVER);
	ck_assert_uint_eq(cb.n, 0);
	ck_assert_uint_eq(sim_count(cb.sim), 0);
	ck_assert_uint_ge(cb.fired, 200000);
	ck_assert_uint_eq(sim_fired(cb.sim), cb.fired);
	free(cb.v);
	sim_free(cb.sim);
}
END_TEST

static void
add_tests(TCase *tc)
{
	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_order_and_fifo_ties);
	tcase_add_test(tc, test_cancel);
	tcase_add_test(tc, test_stale_handle_not_reused);
	tcase_add_test(tc, test_cancel_from_handler);
	tcase_add_test(tc, test_run_until);
	tcase_add_test(tc, test_stop_and_reset);
	tcase_add_test(tc, test_mass_cancel_sweeps);
	tcase_add_test(tc, test_random_against_reference);
	tcase_add_test(tc, test_random_callbacks);
}

#define SUITE_NAME "sim"
#include "tcheck.h"

/*
 * engine/pacer on a fake wall clock: speed, pause, resume, jump, and the
 * poll timeout to the next event.
 */
#include <check.h>

#include "pacer.h"

#define MS	1000000LL		/* wall nanoseconds per millisecond */
#define SEC	(1000 * MS)

START_TEST(test_starts_paused)
{
	struct pacer	p;

	pacer_init(&p, 5 * SEC, 0, 60.0);
	ck_assert_int_eq(pacer_virtual(&p, 100 * SEC), 0);
	ck_assert_int_eq(pacer_timeout(&p, 100 * SEC, SIM_MIN), -1);
	ck_assert(pacer_wall(&p, 100 * SEC, SIM_MIN) == PACER_NEVER);
}
END_TEST

START_TEST(test_speed)
{
	struct pacer	p;

	/* 1 minute of wall time = 1 hour of scenario time */
	pacer_init(&p, 0, 0, 60.0);
	pacer_resume(&p, 10 * SEC);
	ck_assert_int_eq(pacer_virtual(&p, 10 * SEC), 0);
	ck_assert_int_eq(pacer_virtual(&p, 70 * SEC), SIM_HOUR);
	ck_assert(pacer_wall(&p, 10 * SEC, 2 * SIM_HOUR) == 130 * SEC);
	/* an event 15 virtual minutes ahead is 15 wall seconds away */
	ck_assert_int_eq(pacer_timeout(&p, 10 * SEC, 15 * SIM_MIN), 15000);
	ck_assert_int_eq(pacer_timeout(&p, 70 * SEC, 15 * SIM_MIN), 0);
	ck_assert_int_eq(pacer_timeout(&p, 10 * SEC, SIM_NEVER), -1);
}
END_TEST

START_TEST(test_pause_resume)
{
	struct pacer	p;

	pacer_init(&p, 0, 0, 1.0);
	pacer_resume(&p, 0);
	pacer_pause(&p, 30 * SEC);
	ck_assert_int_eq(pacer_virtual(&p, 30 * SEC), 30 * SIM_SEC);
	ck_assert_int_eq(pacer_virtual(&p, 500 * SEC), 30 * SIM_SEC);
	pacer_pause(&p, 600 * SEC);		/* already paused: no-op */
	pacer_resume(&p, 1000 * SEC);
	ck_assert_int_eq(pacer_virtual(&p, 1010 * SEC), 40 * SIM_SEC);
	pacer_resume(&p, 1010 * SEC);		/* already running: no-op */
	ck_assert_int_eq(pacer_virtual(&p, 1020 * SEC), 50 * SIM_SEC);
}
END_TEST

START_TEST(test_set_speed_keeps_time)
{
	struct pacer	p;

	pacer_init(&p, 0, 0, 1.0);
	pacer_resume(&p, 0);
	pacer_set_speed(&p, 10 * SEC, 10.0);
	ck_assert_int_eq(pacer_virtual(&p, 10 * SEC), 10 * SIM_SEC);
	ck_assert_int_eq(pacer_virtual(&p, 11 * SEC), 20 * SIM_SEC);
	pacer_set_speed(&p, 11 * SEC, 0.5);
	ck_assert_int_eq(pacer_virtual(&p, 13 * SEC), 21 * SIM_SEC);
}
END_TEST

START_TEST(test_jump)
{
	struct pacer	p;

	pacer_init(&p, 0, 0, 2.0);
	pacer_resume(&p, 0);
	pacer_jump(&p, 1 * SEC, SIM_HOUR);
	ck_assert_int_eq(pacer_virtual(&p, 1 * SEC), SIM_HOUR);
	ck_assert_int_eq(pacer_virtual(&p, 2 * SEC), SIM_HOUR + 2 * SIM_SEC);
	/* a jump backwards does nothing */
	pacer_jump(&p, 2 * SEC, 0);
	ck_assert_int_eq(pacer_virtual(&p, 2 * SEC), SIM_HOUR + 2 * SIM_SEC);
	/* a jump while paused moves time and stays paused */
	pacer_pause(&p, 2 * SEC);
	pacer_jump(&p, 3 * SEC, 2 * SIM_HOUR);
	ck_assert_int_eq(pacer_virtual(&p, 9 * SEC), 2 * SIM_HOUR);
	ck_assert_int_eq(p.paused, 1);
}
END_TEST

START_TEST(test_never_backwards)
{
	struct pacer	p;

	pacer_init(&p, 100 * SEC, 5 * SIM_SEC, 1.0);
	pacer_resume(&p, 100 * SEC);
	/* a wall clock read before the anchor gives the anchor */
	ck_assert_int_eq(pacer_virtual(&p, 99 * SEC), 5 * SIM_SEC);
}
END_TEST

static void
add_tests(TCase *tc)
{
	tcase_add_test(tc, test_starts_paused);
	tcase_add_test(tc, test_speed);
	tcase_add_test(tc, test_pause_resume);
	tcase_add_test(tc, test_set_speed_keeps_time);
	tcase_add_test(tc, test_jump);
	tcase_add_test(tc, test_never_backwards);
}

#define SUITE_NAME "pacer"
#include "tcheck.h"

/*
 * The main() every unit test shares.  A test file defines
 *	static void add_tests(TCase *tc);
 * and includes this file last, after #define SUITE_NAME "module".
 * CK_FORK stays on (Check's default), so a crash fails one test, not all.
 */
#ifndef TTX_TCHECK_H
#define TTX_TCHECK_H

#include <check.h>

static void	add_tests(TCase *tc);

int
main(void)
{
	Suite	*s = suite_create(SUITE_NAME);
	TCase	*tc = tcase_create("core");
	SRunner	*sr;
	int	 failed;

	tcase_set_timeout(tc, 120);
	add_tests(tc);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? 0 : 1;
}

#endif

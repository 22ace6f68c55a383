/*
 * engine/vtime: durations, offsets and calendar times as planners write
 * them, and the messages for the ones they get wrong.
 */
#include <check.h>
#include <string.h>

#include "vtime.h"

static sim_time
ok(const char *s)
{
	struct error	e;
	sim_time	t = -1;

	ck_assert_msg(vtime_parse(s, &t, &e) == 0, "%s: %s", s, e.msg);
	return t;
}

static const char *
bad(const char *s)
{
	static struct error	e;
	sim_time		t;

	ck_assert_msg(vtime_parse(s, &t, &e) == -1, "%s parsed", s);
	return e.msg;
}

START_TEST(test_durations)
{
	ck_assert_int_eq(ok("45s"), 45 * SIM_SEC);
	ck_assert_int_eq(ok("90m"), 90 * SIM_MIN);
	ck_assert_int_eq(ok("1h30m"), 90 * SIM_MIN);
	ck_assert_int_eq(ok("2d"), 2 * SIM_DAY);
	ck_assert_int_eq(ok("1d2h3m4s"), SIM_DAY + 2 * SIM_HOUR + 3 * SIM_MIN +
	    4 * SIM_SEC);
	ck_assert_int_eq(ok("1h 30m"), 90 * SIM_MIN);
	ck_assert_int_eq(ok("T+1h"), SIM_HOUR);
	ck_assert_int_eq(ok("T+0m"), 0);
	ck_assert_int_eq(ok("72h"), 72 * SIM_HOUR);
	ck_assert_int_eq(ok("1:30"), 90 * SIM_MIN);
	ck_assert_int_eq(ok("01:30:15"), 90 * SIM_MIN + 15 * SIM_SEC);
	ck_assert_int_eq(ok("T+26:00"), 26 * SIM_HOUR);
}
END_TEST

START_TEST(test_bad_durations)
{
	const char *want = "expected a number of seconds or a string like "
	    "\"45s\", \"90m\", \"1h30m\", \"2d\" or \"T+1h\"";

	ck_assert_str_eq(bad("4 hrs"), want);
	ck_assert_str_eq(bad(""), want);
	ck_assert_str_eq(bad("T+"), want);
	ck_assert_str_eq(bad("30m1h"), want);	/* units out of order */
	ck_assert_str_eq(bad("1h1h"), want);
	ck_assert_str_eq(bad("-5m"), want);
	ck_assert_str_eq(bad("1.5h"), want);
	ck_assert_str_eq(bad("h"), want);
	ck_assert_str_eq(bad("1:7"), "expected H:MM or H:MM:SS");
	ck_assert_str_eq(bad("1:60"), "expected H:MM or H:MM:SS");
	ck_assert_str_eq(bad("99999999999999999999d"), want);
	ck_assert_str_eq(bad("36600d"), "too long");
}
END_TEST

START_TEST(test_format)
{
	char	buf[VTIME_BUFSZ];

	ck_assert_str_eq(vtime_format(0, buf, sizeof buf), "T+00:00:00");
	ck_assert_str_eq(vtime_format(72 * SIM_HOUR + 5 * SIM_SEC, buf,
	    sizeof buf), "T+72:00:05");
	ck_assert_str_eq(vtime_format(90 * SIM_MIN + 7, buf, sizeof buf),
	    "T+01:30:00.007");
	ck_assert_str_eq(vtime_format_short(90 * SIM_MIN, buf, sizeof buf),
	    "1h30m");
	ck_assert_str_eq(vtime_format_short(2 * SIM_DAY, buf, sizeof buf),
	    "2d");
	ck_assert_str_eq(vtime_format_short(0, buf, sizeof buf), "0s");
	ck_assert_str_eq(vtime_format_short(1500, buf, sizeof buf), "1s500ms");
}
END_TEST

START_TEST(test_iso)
{
	struct error	e;
	int64_t		t;
	char		buf[VTIME_BUFSZ];

	ck_assert_int_eq(vtime_parse_iso("1970-01-01T00:00:00Z", &t, &e), 0);
	ck_assert_int_eq(t, 0);
	ck_assert_int_eq(vtime_parse_iso("2026-03-14T08:00:00Z", &t, &e), 0);
	ck_assert_int_eq(t, 1773475200);
	ck_assert_str_eq(vtime_format_iso(t, buf, sizeof buf),
	    "2026-03-14 08:00Z");
	ck_assert_str_eq(vtime_format_iso(t + 72 * 3600 + 90 * 60, buf,
	    sizeof buf), "2026-03-17 09:30Z");
	ck_assert_int_eq(vtime_parse_iso("2026-03-14T09:00+01:00", &t, &e), 0);
	ck_assert_int_eq(t, 1773475200);
	ck_assert_int_eq(vtime_parse_iso("2024-02-29T00:00:00Z", &t, &e), 0);
	ck_assert_int_eq(vtime_parse_iso("2026-13-01T00:00:00Z", &t, &e), -1);
	ck_assert_str_eq(e.msg, "expected a UTC date and time like "
	    "\"2026-03-14T08:00:00Z\"");
	ck_assert_int_eq(vtime_parse_iso("2026-03-14", &t, &e), -1);
	ck_assert_int_eq(vtime_parse_iso("2026-03-14T08:00:00", &t, &e), -1);
	ck_assert_int_eq(vtime_parse_iso("2026-03-14T08:00:00Zjunk", &t, &e),
	    -1);
}
END_TEST

static void
add_tests(TCase *tc)
{
	tcase_add_test(tc, test_durations);
	tcase_add_test(tc, test_bad_durations);
	tcase_add_test(tc, test_format);
	tcase_add_test(tc, test_iso);
}

#define SUITE_NAME "vtime"
#include "tcheck.h"

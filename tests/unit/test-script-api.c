/*
 * The scenario API as planners use it: handlers and their arguments,
 * deadlines and late decisions, fire with overrides, timers and their
 * handles, processes with wait and await, finish.  Bots take the first
 * choice one minute after each step (role delay 60).
 */
#include <check.h>

#include "harness.h"

START_TEST(test_handlers)
{
	struct harness	h;

	h_run(&h,
	    "inject 'q' { at = '10m', to = 'r', title = 'Q', choices = "
	    "{ yes = 'Y', no = 'N' }, deadline = '90s' }\n"
	    "inject 'held' { to = 'r', title = 'Held' }\n"
	    "on('ack', 'q', function(e) log('ack', e.inject, e.role, "
	    "e.player, e.t) end)\n"
	    "on('timeout', 'q', function(e) log('timeout', e.inject, e.t) "
	    "end)\n"
	    "on('decision', 'q', function(d) log('first', d.choice, d.label, "
	    "d.role, d.player, d.t, d.late) end)\n"
	    "on('decision', nil, function(d) log('any', d.inject) "
	    "fire('held', { title = 'Override', to = 'r' }) end)\n", NULL);
	ck_assert_str_eq(h_norm(&h),
	    "T+00:10:00 inject q Q\n"
	    "T+00:11:00 log ack q r bot 660\n"
	    "T+00:11:30 timeout q\n"
	    "T+00:11:30 log timeout q 690\n"
	    "T+00:12:00 decision q no late\n"
	    "T+00:12:00 log first no N r bot 720 true\n"
	    "T+00:12:00 log any q\n"
	    "T+00:12:00 inject held Override\n"
	    "T+10:00:00 end\n");
	ck_assert_uint_eq(h.ex->injects[1].fired, 1);
	ck_assert_uint_eq(h.ex->nlate, 1);
	ck_assert_uint_eq(h.ex->ntimeouts, 1);
	h_free(&h);
}
END_TEST

START_TEST(test_processes)
{
	struct harness	h;

	h_run(&h,
	    "inject 'q' { at = '10m', to = 'r', title = 'Q', choices = "
	    "{ yes = 'Y', no = 'N' } }\n"
	    "process(function()\n"
	    "  log('start', now())\n"
	    "  wait('5m')\n"
	    "  log('waited', now())\n"
	    "  local d = await('q')\n"
	    "  log('got', d.choice, now())\n"
	    "  local again = await('q')\n"
	    "  log('already', again.choice, now())\n"
	    "end)\n"
	    "inject 'q2' { to = 'r', title = 'Q2', choices = { a = 'A' } }\n"
	    "process(function()\n"
	    "  local d = await('q2', '1h')\n"
	    "  log('timed out', d, now())\n"
	    "  finish('done early')\n"
	    "  log('after finish')\n"
	    "end)\n"
	    "at('3h', function() log('never') end)\n", NULL);
	ck_assert_str_eq(h_norm(&h),
	    "T+00:00:00 log start 0\n"
	    "T+00:05:00 log waited 300\n"
	    "T+00:10:00 inject q Q\n"
	    "T+00:12:00 decision q no\n"
	    "T+00:12:00 log got no 720\n"
	    "T+00:12:00 log already no 720\n"
	    "T+01:00:00 log timed out nil 3600\n"
	    "T+01:00:00 end done early\n");
	h_free(&h);
}
END_TEST

START_TEST(test_process_misuse)
{
	struct harness	h;

	h_run(&h,
	    "at('1m', function() wait('1m') end)\n"
	    "process(function() coroutine.wrap(function() wait(1) end)() "
	    "end)\n"
	    "process(function() coroutine.yield() end)\n", NULL);
	ck_assert_str_eq(h_norm(&h),
	    "T+00:00:00 error F:3: F:3: wait: call it from the process "
	    "itself, not from a coroutine inside it\n"
	    "T+00:00:00 error F:4: a process may only pause with wait() or "
	    "await(), not coroutine.yield()\n"
	    "T+00:01:00 error F:2: wait: only allowed inside "
	    "process(function() ... end)\n"
	    "T+10:00:00 end\n");
	h_free(&h);
}
END_TEST

START_TEST(test_timers)
{
	struct harness	h;

	h_run(&h,
	    "local n = 0\n"
	    "local h\n"
	    "h = every('15m', function() n = n + 1 log('tick', n, now()) "
	    "if n == 3 then log('cancel', h:cancel(), h:cancel()) end end)\n"
	    "local a = after('20m', function() log('never') end)\n"
	    "local ok = a:cancel()\n"
	    "at('T+2h', function() log('at 2h', ok, tostring(h)) "
	    "at('1h', function() end) end)\n"
	    "at(7200.5, function() log('half', now()) end)\n", NULL);
	ck_assert_str_eq(h_norm(&h),
	    "T+00:15:00 log tick 1 900\n"
	    "T+00:30:00 log tick 2 1800\n"
	    "T+00:45:00 log tick 3 2700\n"
	    "T+00:45:00 log cancel true false\n"
	    "T+02:00:00 log at 2h true ttxsim.timer: #1\n"
	    "T+02:00:00 error F:7: at: T+01:00:00 is in the past (it is now "
	    "T+02:00:00)\n"
	    "T+02:00:00.500 log half 7200.5\n"
	    "T+10:00:00 end\n");
	h_free(&h);
}
END_TEST

START_TEST(test_every_error_stops_repeating)
{
	struct harness	h;

	h_run(&h, "every('1h', function() error('boom') end)\n", NULL);
	ck_assert_str_eq(h_norm(&h),
	    "T+01:00:00 error F:2: boom\n"
	    "T+10:00:00 end\n");
	h_free(&h);
}
END_TEST

START_TEST(test_verdicts_and_runtime_checks)
{
	struct harness	h;

	h_run(&h,
	    "objective 'o' { text = 'Share early' }\n"
	    "at('1h', function() met('o', 'shared at T+1h') end)\n"
	    "at('2h', function() missed('o') end)\n"
	    "at('3h', function() met('nope') end)\n"
	    "at('4h', function() fire('nope') end)\n"
	    "at('5h', function() inject 'late' { to = 'r' } end)\n"
	    "at('6h', function() fire('x', { colour = 'red' }) end)\n"
	    "inject 'x' { to = 'r', title = 'X' }\n", NULL);
	ck_assert_str_eq(h_norm(&h),
	    "5: met: unknown objective 'nope'\n"
	    "6: fire: unknown inject 'nope'\n");
	h_free(&h);
	/* the same mistakes hidden from the scan are caught at run time */
	h_run(&h,
	    "objective 'o' { text = 'Share early' }\n"
	    "local id = 'nope'\n"
	    "at('1h', function() met('o', 'shared at T+1h') end)\n"
	    "at('2h', function() missed('o') end)\n"
	    "at('3h', function() met(id) end)\n"
	    "at('4h', function() fire(id) end)\n"
	    "at('5h', function() inject 'late' { to = 'r' } end)\n"
	    "at('6h', function() fire('x', { colour = 'red' }) end)\n"
	    "inject 'x' { to = 'r', title = 'X' }\n", NULL);
	ck_assert_str_eq(h_norm(&h),
	    "T+01:00:00 met o shared at T+1h\n"
	    "T+02:00:00 missed o\n"
	    "T+03:00:00 error F:6: met: unknown objective 'nope'\n"
	    "T+04:00:00 error F:7: fire: unknown inject 'nope'\n"
	    "T+05:00:00 error F:8: inject: declarations are only allowed "
	    "while the scenario loads, not in a handler\n"
	    "T+06:00:00 error F:9: fire: unknown field 'colour' (fire can "
	    "change title, body, from, to, tlp and deadline)\n"
	    "T+10:00:00 end\n");
	ck_assert_int_eq(h.ex->objectives[0].verdict, EX_MISSED);
	h_free(&h);
}
END_TEST

START_TEST(test_load_time_only_rules)
{
	struct harness	h;

	h_run(&h, "fire('x')\ninject 'x' { to = 'r', title = 'X' }\n", NULL);
	ck_assert_str_eq(h_norm(&h), "2: fire: only allowed once the exercise "
	    "runs (in a handler, timer or process)\n");
	h_free(&h);
}
END_TEST

START_TEST(test_phases_and_hotwash)
{
	struct harness	h;

	h_run(&h,
	    "phase 'a' { title = 'A' }\n"
	    "phase 'b' { title = 'B', at = '2h' }\n"
	    "inject 'x' { at = '1h', to = 'r', title = 'X' }\n"
	    "inject 'y' { at = '3h', to = 'r', title = 'Y' }\n"
	    "inject 'z' { at = '1h', to = 'r', title = 'Z', phase = 'b' }\n"
	    "hotwash { 'What went well?', 'What would you change?' }\n",
	    NULL);
	ck_assert_int_eq(h.ex->injects[0].phase, 0);
	ck_assert_int_eq(h.ex->injects[1].phase, 1);
	ck_assert_int_eq(h.ex->injects[2].phase, 1);
	ck_assert_uint_eq(h.ex->nhotwash, 2);
	ck_assert_str_eq(h.ex->hotwash[1], "What would you change?");
	h_free(&h);
}
END_TEST

START_TEST(test_open_ended_scenario)
{
	struct harness	h;

	/* no duration: it ends when nothing is left to happen */
	h_run(&h, "scenario { id = 'o', title = 'O' }\nrole 'r' { delay = 1 }\n"
	    "inject 'x' { at = '5m', to = 'r', title = 'X' }\n", NULL);
	ck_assert_str_eq(h_norm(&h), "T+00:05:00 inject x X\n"
	    "T+00:05:01 end\n");
	h_free(&h);
	/* but a repeating timer always leaves something to happen: the run
	 * stops at the horizon, with an error that says why */
	h_run(&h, "scenario { id = 'o', title = 'O' }\nrole 'r' { delay = 1 }\n"
	    "every('1d', function() end)\n", NULL);
	ck_assert_int_eq(h.ex->nerrors, 1);
	ck_assert_int_eq(h.ex->ended, 1);
	ck_assert_int_le(h.ex->end_t, EX_HORIZON);
	ck_assert_int_ge(h.ex->end_t, EX_HORIZON - SIM_DAY);
	h_free(&h);
}
END_TEST

static void
add_tests(TCase *tc)
{
	tcase_add_test(tc, test_handlers);
	tcase_add_test(tc, test_processes);
	tcase_add_test(tc, test_process_misuse);
	tcase_add_test(tc, test_timers);
	tcase_add_test(tc, test_every_error_stops_repeating);
	tcase_add_test(tc, test_verdicts_and_runtime_checks);
	tcase_add_test(tc, test_load_time_only_rules);
	tcase_add_test(tc, test_phases_and_hotwash);
	tcase_add_test(tc, test_open_ended_scenario);
}

#define SUITE_NAME "script-api"
#include "tcheck.h"

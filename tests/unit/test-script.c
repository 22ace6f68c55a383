/*
 * engine/script: the sandbox.  Forbidden globals, bytecode, load, the
 * string metatable, budgets (instructions, memory, string stalls), the
 * deterministic pairs/next/tostring, and error messages with file:line.
 */
#include <check.h>
#include <time.h>

#include "harness.h"

#define ERR3	"T+00:01:00 error F:3: "

/* Run `body' in a handler at T+1m (line 3 of the file). */
static const char *
in_handler(struct harness *h, const char *body)
{
	static char	lua[4096];

	snprintf(lua, sizeof lua, "at(\"1m\", function()\n%s\nend)\n",
	    body);
	h_run(h, lua, NULL);
	return h_norm(h);
}

START_TEST(test_forbidden_globals)
{
	static const char *names[] = { "io", "os", "debug", "package",
	    "require", "dofile", "loadfile", "collectgarbage", "rawset",
	    "rawget", "loadstring", "setfenv", "module", "print2" };
	struct harness	h;
	char		body[128], want[256];
	size_t		i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		snprintf(body, sizeof body, "local x = %s", names[i]);
		snprintf(want, sizeof want, ERR3 "undefined global '%s'\n"
		    "T+10:00:00 end\n", names[i]);
		ck_assert_str_eq(in_handler(&h, body), want);
		h_free(&h);
	}
}
END_TEST

START_TEST(test_string_dump_absent)
{
	struct harness	h;

	ck_assert_str_eq(in_handler(&h, "string.dump(print)"),
	    ERR3 "attempt to call a nil value (field 'dump')\n"
	    "T+10:00:00 end\n");
	h_free(&h);
	ck_assert_str_eq(in_handler(&h, "log(math.randomseed, "
	    "coroutine.running ~= nil)"),
	    "T+00:01:00 log nil true\nT+10:00:00 end\n");
	h_free(&h);
}
END_TEST

START_TEST(test_bytecode_refused)
{
	struct harness	h;

	ck_assert_str_eq(in_handler(&h, "log(load(\"\\27Lua\\84\\0\"))"),
	    "T+00:01:00 log nil attempt to load a binary chunk (mode is "
	    "'t')\nT+10:00:00 end\n");
	h_free(&h);
	ck_assert_str_eq(in_handler(&h, "load(\"return 1\", \"x\", \"b\")"),
	    ERR3 "load: only text chunks (mode \"t\") can be loaded in "
	    "scenarios\nT+10:00:00 end\n");
	h_free(&h);
	ck_assert_str_eq(in_handler(&h, "load(function() return nil end)"),
	    ERR3 "load: only a string can be loaded in scenarios\n"
	    "T+10:00:00 end\n");
	h_free(&h);
}
END_TEST

START_TEST(test_load_stays_in_sandbox)
{
	struct harness	h;

	ck_assert_str_eq(in_handler(&h, "load(\"x = 41\")() log(x + 1)"),
	    "T+00:01:00 log 42\nT+10:00:00 end\n");
	h_free(&h);
	ck_assert_str_eq(in_handler(&h, "local f = load(\"return io\") f()"),
	    "T+00:01:00 error [string \"return io\"]:1: undefined global "
	    "'io'\nT+10:00:00 end\n");
	h_free(&h);
	ck_assert_str_eq(in_handler(&h, "load(\"return 1\", \"c\", \"t\", "
	    "{})"), ERR3 "load: a chunk cannot be given its own environment "
	    "in scenarios\nT+10:00:00 end\n");
	h_free(&h);
	/* _G is the sandbox, and its metatable is locked */
	ck_assert_str_eq(in_handler(&h, "log(_G.fire == fire, "
	    "getmetatable(_G))"), "T+00:01:00 log true locked\n"
	    "T+10:00:00 end\n");
	h_free(&h);
}
END_TEST

START_TEST(test_string_metatable_locked)
{
	struct harness	h;

	ck_assert_str_eq(in_handler(&h, "log(getmetatable(''))"),
	    "T+00:01:00 log locked\nT+10:00:00 end\n");
	h_free(&h);
	ck_assert_str_eq(in_handler(&h, "getmetatable('').__index = {}"),
	    ERR3 "attempt to index a string value\nT+10:00:00 end\n");
	h_free(&h);
	ck_assert_str_eq(in_handler(&h, "string.upper = nil"),
	    ERR3 "attempt to change a read-only library table (field "
	    "'upper')\nT+10:00:00 end\n");
	h_free(&h);
	ck_assert_str_eq(in_handler(&h, "setmetatable(string, {})"),
	    ERR3 "cannot change a protected metatable\nT+10:00:00 end\n");
	h_free(&h);
	/* methods on strings still work */
	ck_assert_str_eq(in_handler(&h, "log(('abc'):upper(), "
	    "('%d'):format(7))"), "T+00:01:00 log ABC 7\nT+10:00:00 end\n");
	h_free(&h);
}
END_TEST

START_TEST(test_no_gc_no_weak)
{
	struct harness	h;

	ck_assert_str_eq(in_handler(&h,
	    "setmetatable({}, { __gc = function() end })"),
	    ERR3 "setmetatable: __gc metamethods are not allowed in "
	    "scenarios\nT+10:00:00 end\n");
	h_free(&h);
	ck_assert_str_eq(in_handler(&h, "setmetatable({}, { __mode = 'k' })"),
	    ERR3 "setmetatable: weak tables (__mode) are not allowed in "
	    "scenarios: their contents would depend on garbage collection\n"
	    "T+10:00:00 end\n");
	h_free(&h);
}
END_TEST

START_TEST(test_undefined_global_at_its_line)
{
	struct harness	h;

	h_run(&h, "local a = 1\nlocal b = nosuch + 1\n", NULL);
	ck_assert_str_eq(h_norm(&h), "3: undefined global 'nosuch'\n");
	h_free(&h);
}
END_TEST

/*
 * Each of loops, run at T+1m with a budget of a million instructions,
 * is stopped with the budget's error at its line, and the scenario goes
 * on (T+2m still logs); within limit (clock ticks) if limit > 0.
 */
static void
stopped_by_budget(const char *const *loops, size_t n, clock_t limit)
{
	struct script_limits	lim;
	struct harness		h;
	size_t			i;
	clock_t			start;

	script_limits_default(&lim);
	lim.instructions = 1000000;
	for (i = 0; i < n; i++) {
		char	lua[512];

		snprintf(lua, sizeof lua, "at(\"1m\", function()\n%s\nend)\n"
		    "at(\"2m\", function() log('still alive') end)\n",
		    loops[i]);
		start = clock();
		h_run(&h, lua, &lim);
		ck_assert_msg(strstr(h_norm(&h), "error F:3: instruction "
		    "budget exceeded (1000000 instructions in one callback)\n"
		    "T+00:02:00 log still alive\n") != NULL, "%s: %s",
		    loops[i], h_norm(&h));
		if (limit > 0)
			ck_assert_msg(clock() - start < limit,
			    "%s took too long", loops[i]);
		h_free(&h);
	}
}

START_TEST(test_infinite_loops_stopped)
{
	static const char *const loops[] = {
	    "while true do end",
	    "while true do pcall(function() while true do end end) end",
	    "local co = coroutine.create(function() while true do end end)"
	    " while true do coroutine.resume(co) end",
	    "local f f = function() pcall(f) end while true do f() end",
	};

	stopped_by_budget(loops, sizeof loops / sizeof loops[0],
	    10 * CLOCKS_PER_SEC);
}
END_TEST

START_TEST(test_infinite_loop_in_process)
{
	struct script_limits	lim;
	struct harness		h;

	script_limits_default(&lim);
	lim.instructions = 100000;
	h_run(&h, "process(function()\n  wait('1m')\n  while true do end\n"
	    "end)\n", &lim);
	ck_assert_str_eq(h_norm(&h), "T+00:01:00 error F:4: instruction "
	    "budget exceeded (100000 instructions in one callback)\n"
	    "T+10:00:00 end\n");
	h_free(&h);
}
END_TEST

START_TEST(test_memory_bomb_stopped)
{
	static const char *bombs[] = {
	    "local t = {} for i = 1, 1e9 do t[i] = { i } end",
	    "local s = 'x' for i = 1, 64 do s = s .. s end",
	    "local t = {} for i = 1, 1e9 do t[#t + 1] = ('y'):rep(1000) .. i "
	    "end",
	    "local t = {} for i = 1, 1e6 do t[i] = 'z' end "
	    "local s = table.concat(t):rep(1000)",
	};
	struct script_limits	lim;
	struct harness		h;
	size_t			i;

	script_limits_default(&lim);
	lim.memory = 16u << 20;
	for (i = 0; i < sizeof bombs / sizeof bombs[0]; i++) {
		char	lua[512];

		snprintf(lua, sizeof lua, "at(\"1m\", function()\n%s\nend)\n"
		    "at(\"2m\", function() log('still alive') end)\n",
		    bombs[i]);
		h_run(&h, lua, &lim);
		ck_assert_msg(strstr(h_norm(&h), "memory budget") != NULL &&
		    strstr(h_norm(&h), "(16 MiB)") != NULL &&
		    strstr(h_norm(&h), "T+00:02:00 log still alive\n") != NULL,
		    "%s: %s", bombs[i], h_norm(&h));
		ck_assert_uint_lt(script_memory(h.s), 24u << 20);
		h_free(&h);
	}
}
END_TEST

START_TEST(test_string_stalls)
{
	struct harness	h;
	clock_t		start = clock();

	ck_assert_str_eq(in_handler(&h, "log(#string.rep('', 1e15), "
	    "#('x'):rep(0), #('ab'):rep(3, ','))"),
	    "T+00:01:00 log 0 0 8\nT+10:00:00 end\n");
	h_free(&h);
	ck_assert_str_eq(in_handler(&h, "string.rep('ab', 1e12)"),
	    ERR3 "string.rep: the result would exceed the memory budget "
	    "(64 MiB)\nT+10:00:00 end\n");
	h_free(&h);
	ck_assert_str_eq(in_handler(&h,
	    "(\"a\"):rep(200):find(\".-.-.-.-b\")"),
	    ERR3 "pattern too complex (more than 10000000 steps)\n"
	    "T+10:00:00 end\n");
	h_free(&h);
	ck_assert_msg(clock() - start < 10 * CLOCKS_PER_SEC, "stalled");
}
END_TEST

START_TEST(test_no_addresses)
{
	struct harness	h;

	ck_assert_str_eq(in_handler(&h, "local a, b = {}, {} "
	    "log(tostring(a), tostring(b), tostring(a), print) "
	    "log(('%s'):format(b))"),
	    "T+00:01:00 log table: #1 table: #2 table: #1 function: #3\n"
	    "T+00:01:00 log table: #2\nT+10:00:00 end\n");
	h_free(&h);
	ck_assert_str_eq(in_handler(&h, "log(('%p'):format({}))"),
	    ERR3 "string.format: '%p' is not available in scenarios\n"
	    "T+10:00:00 end\n");
	h_free(&h);
}
END_TEST

START_TEST(test_pairs_sorted)
{
	struct harness	h;

	ck_assert_str_eq(in_handler(&h,
	    "local t = { zulu = 1, alpha = 2, [3] = 'c', mike = 3, [1] = 'a',"
	    " [2.5] = 'x', [true] = 't' } "
	    "local ks = {} for k in pairs(t) do ks[#ks + 1] = tostring(k) end "
	    "log(table.concat(ks, ' ')) "
	    "local k, n = nil, {} repeat k = next(t, k) n[#n + 1] = "
	    "tostring(k) until k == nil log(table.concat(n, ' ')) "
	    "local c = 0 for k in pairs(string) do c = c + 1 end "
	    "log(c > 10)"),
	    "T+00:01:00 log 1 2.5 3 alpha mike zulu true\n"
	    "T+00:01:00 log 1 2.5 3 alpha mike zulu true nil\n"
	    "T+00:01:00 log true\nT+10:00:00 end\n");
	h_free(&h);
	/* removing keys during the traversal is allowed */
	ck_assert_str_eq(in_handler(&h, "local t = { a = 1, b = 2, c = 3 } "
	    "for k in pairs(t) do t.b = nil log(k) end"),
	    "T+00:01:00 log a\nT+00:01:00 log c\nT+10:00:00 end\n");
	h_free(&h);
}
END_TEST

/* next() walks in pairs() order whatever the starting key: one sort a
 * walk, a fresh one for a key the walk did not give. */
START_TEST(test_next_walks)
{
	struct harness	h;

	ck_assert_str_eq(in_handler(&h,
	    "local t = { c = 3, a = 1, e = 5 } "
	    "log(next(t, 'b'), next(t, 'c'), next(t, 'e'), next({})) "
	    "t.d = 4 log(next(t, 'c')) "
	    "local n = 0 for k, v in next, t do n = n + v end log(n) "
	    "log(pcall(next, t, {}))"),
	    "T+00:01:00 log c e nil nil\n"
	    "T+00:01:00 log d 4\n"
	    "T+00:01:00 log 13\n"
	    "T+00:01:00 log true nil\n"
	    "T+10:00:00 end\n");
	h_free(&h);
	/* emptying a table with next(t) costs one sort, not one a key */
	ck_assert_str_eq(in_handler(&h,
	    "local t = {} for i = 1, 50000 do t['k' .. i] = i end "
	    "local n = 0 while next(t) do t[next(t)] = nil n = n + 1 end "
	    "t.b = 1 log(n, next(t))"),
	    "T+00:01:00 log 50000 b 1\nT+10:00:00 end\n");
	h_free(&h);
}
END_TEST

/* table.sort is stable (Lua's picks random pivots: ties came out in an
 * order that changed from run to run), with Lua's own errors. */
START_TEST(test_sort_stable)
{
	struct harness	h;

	ck_assert_str_eq(in_handler(&h,
	    "local r = {} for i = 1, 3000 do r[i] = { k = i % 3, id = i } end "
	    "table.sort(r, function(a, b) return a.k < b.k end) "
	    "log(r[1].id, r[2].id, r[1001].id, r[3000].id) "
	    "local t = { 3, 1, 2 } table.sort(t) log(t[1], t[2], t[3]) "
	    "log(pcall(table.sort, { 1, 'x' }))"),
	    "T+00:01:00 log 3 6 1 2999\n"
	    "T+00:01:00 log 1 2 3\n"
	    "T+00:01:00 log false attempt to compare string with number\n"
	    "T+10:00:00 end\n");
	h_free(&h);
}
END_TEST

/* A cancelled timer's slot is reused; its old handle cancels nothing. */
START_TEST(test_timer_handles)
{
	struct harness	h;

	h_run(&h, "local old = at('1m', function() log('first') end)\n"
	    "at('2m', function()\n"
	    "  local new = after('1m', function() log('second') end)\n"
	    "  log('old handle cancels:', old:cancel(), 'new one:', new ~= nil)\n"
	    "end)\n", NULL);
	ck_assert_str_eq(h_norm(&h), "T+00:01:00 log first\n"
	    "T+00:02:00 log old handle cancels: false new one: true\n"
	    "T+00:03:00 log second\nT+10:00:00 end\n");
	h_free(&h);
}
END_TEST

/* The callbacks of a run together have a budget: once it is spent, the
 * scenario's code stops and the exercise goes on. */
START_TEST(test_run_budget)
{
	struct script_limits	lim;
	struct harness		h;

	script_limits_default(&lim);
	lim.instructions = 100000;
	lim.run_instructions = 450000;
	h_run(&h, "for i = 1, 8 do\n"
	    "  at(i .. 'h', function() while true do end end)\n"
	    "end\n"
	    "at('9h', function() log('never') end)\n", &lim);
	ck_assert_str_eq(h_norm(&h),
	    "T+01:00:00 error F:3: instruction budget exceeded (100000 "
	    "instructions in one callback)\n"
	    "T+02:00:00 error F:3: instruction budget exceeded (100000 "
	    "instructions in one callback)\n"
	    "T+03:00:00 error F:3: instruction budget exceeded (100000 "
	    "instructions in one callback)\n"
	    "T+04:00:00 error F:3: instruction budget exceeded (100000 "
	    "instructions in one callback)\n"
	    "T+05:00:00 error F:3: instruction budget exceeded (100000 "
	    "instructions in one callback)\n"
	    "T+06:00:00 error F: run budget exceeded (450000 instructions in "
	    "all callbacks of the run): the scenario's code is stopped for "
	    "the rest of the exercise\n"
	    "T+10:00:00 end\n");
	h_free(&h);
	/* a charge as large as a range (saturating) must not wrap the
	 * count and disable the run's budget; nor may tiny callbacks go
	 * uncounted */
	h_run(&h, "at('1s', function() table.move({}, 1, math.maxinteger "
	    "// 2, 1, {}) end)\n"
	    "every('1m', function() local x = 0 for i = 1, 50 do x = x + i "
	    "end end)\n", &lim);
	ck_assert_str_eq(h_norm(&h),
	    "T+00:00:01 error F:2: instruction budget exceeded (100000 "
	    "instructions in one callback)\n"
	    "T+05:50:00 error F: run budget exceeded (450000 instructions in "
	    "all callbacks of the run): the scenario's code is stopped for "
	    "the rest of the exercise\n"
	    "T+10:00:00 end\n");
	h_free(&h);
}
END_TEST

/* Work inside one instruction (comparing long strings) is stopped by the
 * wall-time backstop. */
START_TEST(test_time_backstop)
{
	struct script_limits	lim;
	struct harness		h;

	script_limits_default(&lim);
	lim.seconds = 1;
	h_run(&h, "at('1m', function()\n"
	    "  local a, b = ('x'):rep(4e6), ('x'):rep(4e6)\n"
	    "  while true do local _ = a < b end\n"
	    "end)\n", &lim);
	ck_assert_str_eq(h_norm(&h), "T+00:01:00 error F:4: time limit "
	    "exceeded (1 s in one callback, in work the instruction count "
	    "does not see)\nT+10:00:00 end\n");
	h_free(&h);
}
END_TEST

/* Run the loaded script once more in the same state, seed 7; its output
 * replaces the last run's. */
static void
rerun(struct harness *h, struct diags *d)
{
	free(h->out);
	h->out = NULL;
	h->len = h->cap = 0;
	ck_assert_int_eq(script_begin(h->s, h->ex, 7, d), 0);
	exercise_set_sink(h->ex, h_sink, h);
	exercise_start(h->ex);
	exercise_run(h->ex, SIM_NEVER);
}

/* Work in library calls and coroutines counts like instructions, and a
 * spent budget cannot be caught. */
START_TEST(test_work_charged)
{
	static const char *const loops[] = {
	    "while true do coroutine.wrap(function() end)() end",
	    "local co = coroutine.create(function() while true do end end)"
	    " coroutine.resume(co) log('resumed')",
	    "xpcall(function() while true do end end, "
	    "function() while true do end end)",
	    "local t = {} for i = 1, 1e4 do t[i] = i end "
	    "while true do pcall(table.sort, t) end",
	    "local s = ('x'):rep(1e6) while true do local u = s:upper() end",
	    "table.move({}, 1, 1e12, 1, {})",
	};

	stopped_by_budget(loops, sizeof loops / sizeof loops[0], 0);
}
END_TEST

START_TEST(test_random_seeded)
{
	struct harness	h;
	static char	first[65536];

	in_handler(&h, "log(random(1, 1000000), math.random(6), "
	    "random() < 1)");
	snprintf(first, sizeof first, "%s", h_norm(&h));
	h_free(&h);
	ck_assert_str_eq(in_handler(&h, "log(random(1, 1000000), "
	    "math.random(6), random() < 1)"), first);
	h_free(&h);
	ck_assert_str_eq(in_handler(&h, "random(5, 1)"),
	    ERR3 "bad argument #2 to 'random' (interval is empty)\n"
	    "T+10:00:00 end\n");
	h_free(&h);
}
END_TEST

START_TEST(test_error_objects)
{
	struct harness	h;

	ck_assert_str_eq(in_handler(&h, "error(setmetatable({}, { __tostring ="
	    " function() while true do end end }))"),
	    "T+00:01:00 error (error object is a table value)\n"
	    "T+10:00:00 end\n");
	h_free(&h);
	ck_assert_str_eq(in_handler(&h, "error('plain', 0)"),
	    "T+00:01:00 error plain\nT+10:00:00 end\n");
	h_free(&h);
}
END_TEST

START_TEST(test_runs_are_independent)
{
	struct harness	h;
	struct diags	d;
	int		run;

	h_load(&h, "local ok = pcall(function() return leak end)\n"
	    "state.n = (state.n or 0) + 1\nleak = true\n"
	    "at('1m', function() log(state.n, ok) end)\n", NULL);
	diags_init(&d, h.path);
	for (run = 0; run < 3; run++) {
		rerun(&h, &d);
		ck_assert_str_eq(h.out, "T+00:01:00 log 1 false\n"
		    "T+10:00:00 end\n");
	}
	diags_free(&d);
	h_free(&h);
}
END_TEST

/* Each run has its own run budget (explore runs thousands in one state). */
START_TEST(test_run_budget_per_run)
{
	struct script_limits	lim;
	struct harness		h;
	struct diags		d;
	int			run;

	script_limits_default(&lim);
	lim.run_instructions = 30000;
	h_load(&h, "at('1m', function() for i = 1, 20000 do end end)\n"
	    "at('2m', function() log('ran') end)\n", &lim);
	diags_init(&d, h.path);
	for (run = 0; run < 5; run++) {
		rerun(&h, &d);
		ck_assert_str_eq(h.out, "T+00:02:00 log ran\n"
		    "T+10:00:00 end\n");
	}
	diags_free(&d);
	h_free(&h);
}
END_TEST

static void
add_tests(TCase *tc)
{
	tcase_add_test(tc, test_forbidden_globals);
	tcase_add_test(tc, test_string_dump_absent);
	tcase_add_test(tc, test_bytecode_refused);
	tcase_add_test(tc, test_load_stays_in_sandbox);
	tcase_add_test(tc, test_string_metatable_locked);
	tcase_add_test(tc, test_no_gc_no_weak);
	tcase_add_test(tc, test_undefined_global_at_its_line);
	tcase_add_test(tc, test_infinite_loops_stopped);
	tcase_add_test(tc, test_infinite_loop_in_process);
	tcase_add_test(tc, test_memory_bomb_stopped);
	tcase_add_test(tc, test_string_stalls);
	tcase_add_test(tc, test_no_addresses);
	tcase_add_test(tc, test_pairs_sorted);
	tcase_add_test(tc, test_next_walks);
	tcase_add_test(tc, test_sort_stable);
	tcase_add_test(tc, test_timer_handles);
	tcase_add_test(tc, test_run_budget);
	tcase_add_test(tc, test_time_backstop);
	tcase_add_test(tc, test_work_charged);
	tcase_add_test(tc, test_random_seeded);
	tcase_add_test(tc, test_error_objects);
	tcase_add_test(tc, test_runs_are_independent);
	tcase_add_test(tc, test_run_budget_per_run);
}

#define SUITE_NAME "script"
#include "tcheck.h"

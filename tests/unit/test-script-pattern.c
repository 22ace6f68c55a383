/*
 * engine/script-pattern: the step-counted find, match, gmatch and gsub
 * against Lua's own over a differential corpus; the budget on patterns that
 * stall Lua; the error messages; and speed on ordinary matches.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "script-pattern.h"

#define BUDGET		10000000L
#define BUDGET_MSG	"pattern too complex (more than 10000000 steps)"

/*
 * The corpus: each case calls one function of the string library under
 * pcall and records its arguments and every returned value (or the error)
 * as one line.  Run in a state with Lua's library and one with ours, the two
 * texts must be equal.  Written without double quotes or backslashes so it
 * reads as plain Lua here.
 */
static const char corpus[] =
	"local NUL, BS, Q =\n"
	"  string.char(0), string.char(92), string.char(39)\n"
	"local lines, n = {}, 0\n"
	"\n"
	"local function qs(s)\n"
	"  local out = {}\n"
	"  for i = 1, #s do\n"
	"    local b = string.byte(s, i)\n"
	"    if b >= 32 and b < 127 and b ~= 92 and b ~= 39 then\n"
	"      out[#out + 1] = string.char(b)\n"
	"    else\n"
	"      out[#out + 1] = BS .. b .. ';'\n"
	"    end\n"
	"  end\n"
	"  return Q .. table.concat(out) .. Q\n"
	"end\n"
	"\n"
	"local function ser(v)\n"
	"  local t = type(v)\n"
	"  if t == 'string' then\n"
	"    return qs(v)\n"
	"  elseif t == 'number' then\n"
	"    return math.type(v) .. ':' .. tostring(v)\n"
	"  elseif t == 'nil' or t == 'boolean' then\n"
	"    return tostring(v)\n"
	"  end\n"
	"  return t\n"
	"end\n"
	"\n"
	"local function serpack(t)\n"
	"  local o = {}\n"
	"  for i = 1, t.n do\n"
	"    o[i] = ser(t[i])\n"
	"  end\n"
	"  return table.concat(o, ',')\n"
	"end\n"
	"\n"
	"local function gmatch_all(...)\n"
	"  local it = string.gmatch(...)\n"
	"  local out = {}\n"
	"  for _ = 1, 300 do\n"
	"    local v = table.pack(it())\n"
	"    if v[1] == nil then\n"
	"      out[#out + 1] = '$' .. v.n\n"
	"      break\n"
	"    end\n"
	"    out[#out + 1] = '{' .. serpack(v) .. '}'\n"
	"  end\n"
	"  return table.concat(out, ' ')\n"
	"end\n"
	"\n"
	"local fns = {\n"
	"  find = string.find,\n"
	"  match = string.match,\n"
	"  gsub = string.gsub,\n"
	"  gmatch = gmatch_all,\n"
	"  -- Called from Lua, so errors carry the line.\n"
	"  wfind = function(...) return string.find(...) end,\n"
	"  wgsub = function(...) return string.gsub(...) end,\n"
	"  mfind = function(s, ...) return s:find(...) end,\n"
	"}\n"
	"\n"
	"local function case(name, ...)\n"
	"  local args = table.pack(...)\n"
	"  local res = table.pack(pcall(fns[name], ...))\n"
	"  n = n + 1\n"
	"  lines[n] = name .. '(' .. serpack(args) .. ') => ' ..\n"
	"    serpack(res)\n"
	"end\n"
	"\n"
	"local subjects = {\n"
	"  '', 'a', 'b', 'ab', 'aaa', 'abc', 'aaab', 'abab', 'hello world',\n"
	"  '  x = 10, y=20 ', '(foo(bar))baz)', 'THE (quick) fox',\n"
	"  'a.b-c+d*e?f', NUL .. 'a' .. NUL, 'x$y^z', 'key=val; k2=v2',\n"
	"  '[[]]', 'a%b', '123abc456',\n"
	"  string.char(9, 10) .. ' mixed ' .. string.char(13),\n"
	"  string.char(200, 65, 255, 10), '((a)', 'one two  three',\n"
	"  'THE END',\n"
	"}\n"
	"\n"
	"local patterns = {\n"
	"  '', 'a', 'b', '^a', 'a$', '^$', '^', '$', '.', '.-', '.*', '.+',\n"
	"  '.?', 'a*', 'a+', 'a-', 'a?', 'a-b', 'a*b', '^a*', 'a+$', '%a+',\n"
	"  '%A+', '%d+', '%D', '%s*', '%S+', '%w+', '%W', '%x+', '%X', '%l+',\n"
	"  '%L', '%u+', '%U', '%p', '%P+', '%c', '%C+', '%g+', '%G', '%z',\n"
	"  '[abc]+', '[^abc]+', '[a-f]+', '[%d%s]+', '[]]', '[^]]+', '[a-]',\n"
	"  '[-a]', '[%a_][%w_]*', '(%w+)=(%w+)', '(%w+)%s*=%s*(%w+)',\n"
	"  '()a()', '(a)(b)', '%b()', '%b((', '%b)(', '%bab', '%f[%w]%w+',\n"
	"  '%f[%W]', '%f[%a]', '%f[^' .. NUL .. ']', '%f[' .. NUL .. ']',\n"
	"  '%f[%s]', '(a*)%1', '(.)%1', '^(.-)%s*$', 'x*$', '$x', 'a^', '%.',\n"
	"  '%%', '[%]]', '.-b', '((a)(b))', '(h)(e)(l)(l)(o)', '%$', '[.]',\n"
	"  '^[^%s]+', '()', '(()a)', '(a)%1', '((a)%2)', '[a-c-e]', '[%a-z]',\n"
	"  '[' .. NUL .. ']', NUL, '%' .. NUL, '[%w%.]+', '(%a+) (%a+)',\n"
	"  '%s%s', 'o', 'l+', '^(%a)', '(x?)', '[^%s%d]', '.-$', '(.-)=(.*)',\n"
	"  '[' .. string.char(200) .. '-' .. string.char(255) .. ']',\n"
	"  '%f[%u]%u+', 'E$', '^T',\n"
	"}\n"
	"\n"
	"-- Malformed patterns, and patterns malformed only past where\n"
	"-- matching stops (Lua reports those only when it gets there).\n"
	"local bad = {\n"
	"  '[a', '[', '[^', '[%', '[a%', '%', 'a%', '(a', 'a)', ')', '%b',\n"
	"  '%ba', '%f', '%fa', '%f[a', '%1', '(a)%2', '%0', '%9', '(a%1)',\n"
	"  '(()', string.rep('()', 32), string.rep('()', 33),\n"
	"  string.rep('(a', 33),\n"
	"  'x[', 'x%', 'x%b', 'b[', 'b%', 'a(', '[]', '[^]', '%g%',\n"
	"  '(a)(b)%3', 'a*%1', '()%1', '(%1)', 'x*)',\n"
	"  string.rep('a-', 200) .. 'b', string.rep('a*', 201) .. '$',\n"
	"  string.rep('a?', 250), string.rep('(a?)', 32),\n"
	"  string.rep('a*', 300), string.rep('x-', 300),\n"
	"}\n"
	"\n"
	"for _, s in ipairs(subjects) do\n"
	"  for _, p in ipairs(patterns) do\n"
	"    case('find', s, p)\n"
	"    case('match', s, p)\n"
	"    case('gmatch', s, p)\n"
	"    case('gsub', s, p, '<%0>')\n"
	"  end\n"
	"  for _, p in ipairs(bad) do\n"
	"    case('find', s, p)\n"
	"    case('match', s, p)\n"
	"    case('gmatch', s, p)\n"
	"    case('gsub', s, p, '-')\n"
	"  end\n"
	"end\n"
	"\n"
	"-- Just under the depth limit (200 nested calls, as in Lua).\n"
	"for _, s in ipairs({ '', 'a', 'b', 'ab', 'ba', 'aab' }) do\n"
	"  for _, p in ipairs({ string.rep('a-', 199) .. 'b',\n"
	"      string.rep('a*', 199) .. '$', string.rep('a?', 198) .. 'b',\n"
	"      string.rep('a?', 199) .. 'b',\n"
	"      string.rep('a?', 200) .. 'b' }) do\n"
	"    case('find', s, p)\n"
	"    case('gsub', s, p, '-')\n"
	"  end\n"
	"end\n"
	"\n"
	"-- Long subjects against the depth limit (patterns that cannot\n"
	"-- backtrack much, so the real library answers quickly).\n"
	"for _, len in ipairs({ 3, 150, 199, 200, 250 }) do\n"
	"  local s = string.rep('a', len)\n"
	"  for _, p in ipairs({ string.rep('a?', 250),\n"
	"      string.rep('a-', 199), string.rep('a*', 300),\n"
	"      string.rep('(a?)', 32), '(a*)%1',\n"
	"      string.rep('a', 199) .. '-b', string.rep('(a)', 32) }) do\n"
	"    case('match', s, p)\n"
	"    case('gsub', s, p, '-')\n"
	"  end\n"
	"end\n"
	"\n"
	"-- Initial positions.\n"
	"local inits = { 0, 1, 2, 3, -1, -2, -3, -4, -100, 4, 5, 6, 100,\n"
	"  math.mininteger, math.maxinteger, 2.0, '2', 1.5, 'x' }\n"
	"for _, s in ipairs({ '', 'a', 'abc', 'abcabc', 'hello world' }) do\n"
	"  for _, p in ipairs({ '', 'a', 'b', '^a', '^b', '$', 'c$', '.-',\n"
	"      '()', '%w+', 'bc', 'x', 'o w' }) do\n"
	"    for _, i in ipairs(inits) do\n"
	"      case('find', s, p, i)\n"
	"      case('match', s, p, i)\n"
	"      case('gmatch', s, p, i)\n"
	"      case('find', s, p, i, true)\n"
	"    end\n"
	"  end\n"
	"end\n"
	"\n"
	"-- Plain find, and patterns with no special characters.\n"
	"for _, s in ipairs({ '', 'a.b', 'a+b', 'aaaaab', 'abababc', '%d',\n"
	"    'x' .. NUL .. 'y' }) do\n"
	"  for _, p in ipairs({ '', '.', '+', 'a+', 'aab', 'ababc', 'abc',\n"
	"      '%d', NUL, NUL .. 'y', 'y', 'b)', ']', 'a.b' }) do\n"
	"    case('find', s, p, 1, true)\n"
	"    case('find', s, p, 2, 1)\n"
	"    case('find', s, p, nil, false)\n"
	"    case('find', s, p, -2, true)\n"
	"  end\n"
	"end\n"
	"\n"
	"-- Replacements.\n"
	"local mt = setmetatable({}, { __index = function(_, k)\n"
	"  return type(k) == 'string' and k:upper() or nil\n"
	"end })\n"
	"local repls = {\n"
	"  '', 'x', '%0%0', '[%1]', '%1-%2', '%%', '%', '%x', '%2', '%9',\n"
	"  'a%', 12, 1.5,\n"
	"  { a = 'A', b = false, c = 1, hello = 'HI', x = 2.5 },\n"
	"  { a = {} }, { a = true }, mt, {},\n"
	"  function(...)\n"
	"    return select('#', ...) .. ':' .. table.concat({ ... }, '|')\n"
	"  end,\n"
	"  function() return nil end,\n"
	"  function() return false end,\n"
	"  function() return 42 end,\n"
	"  function() return {} end,\n"
	"  function() return true end,\n"
	"  function(c) return c .. c end,\n"
	"  function() error('boom') end,\n"
	"}\n"
	"local gsub_pats = { '', 'a', '%w', '%w+', '(%w)', '(%w)(%w)',\n"
	"  '()', '(a)()', '^a', '^', '$', 'a*', '.-', 'x*', '%s*', '(l)(l)' }\n"
	"local limits = { 0, 1, 2, -1, 100, 1.0, 1.5, '1' }\n"
	"for _, s in ipairs({ '', 'a', 'abc', 'hello world', 'aaa' }) do\n"
	"  for _, p in ipairs(gsub_pats) do\n"
	"    for _, r in ipairs(repls) do\n"
	"      case('gsub', s, p, r)\n"
	"    end\n"
	"    case('gsub', s, p, '<%0>')\n"
	"    for _, m in ipairs(limits) do\n"
	"      case('gsub', s, p, '<%0>', m)\n"
	"    end\n"
	"  end\n"
	"end\n"
	"\n"
	"-- Argument checking and coercion.\n"
	"case('find', 12345, 34)\n"
	"case('find', 12345, '3(4)')\n"
	"case('match', 12.5, '%.(%d)')\n"
	"case('gmatch', 1e15, '0+')\n"
	"case('gsub', 12345, 3, 9)\n"
	"case('gsub', 12345, '%d', { ['1'] = 'one' })\n"
	"case('gsub', 'abc', 'b')\n"
	"case('gsub', 'abc', 'b', nil)\n"
	"case('gsub', 'abc', 'b', true)\n"
	"case('find', nil, 'a')\n"
	"case('find', 'a', nil)\n"
	"case('find', {}, 'a')\n"
	"case('match', 'a')\n"
	"case('gmatch', 'a')\n"
	"case('gsub', 'abc', 'b', 'x', 'y')\n"
	"case('wfind', 'abc', '[a')\n"
	"case('wfind', 'abc', '%f')\n"
	"case('wfind', 'abc', 'a', 'x')\n"
	"case('wgsub', 'abc', 'b', '%')\n"
	"case('wgsub', 'abc', 'b', function() return {} end)\n"
	"case('mfind', 'abc', '(()')\n"
	"case('mfind', 'abc', {})\n"
	"case('mfind', 'abc', 'b', {})\n"
	"\n"
	"-- Random patterns over random subjects.\n"
	"math.randomseed(20240607)\n"
	"local toks = { 'a', 'b', 'c', '.', '%a', '%d', '%s', '[ab]',\n"
	"  '[^a]', '[a-c]', '%w', '(', ')', '()', '*', '+', '-', '?', '^',\n"
	"  '$', '%b()', '%f[%w]', '%f[%s]', '%1', '%2', ' ', '1', '%.', 'x' }\n"
	"local subj = { 'a', 'b', 'c', ' ', '1', '(', ')', '.', 'x' }\n"
	"for _ = 1, 3000 do\n"
	"  local pt, st = {}, {}\n"
	"  for i = 1, math.random(0, 6) do\n"
	"    pt[i] = toks[math.random(#toks)]\n"
	"  end\n"
	"  for i = 1, math.random(0, 10) do\n"
	"    st[i] = subj[math.random(#subj)]\n"
	"  end\n"
	"  local s, p = table.concat(st), table.concat(pt)\n"
	"  local which = math.random(4)\n"
	"  if which == 1 then\n"
	"    case('find', s, p, math.random(-3, 4))\n"
	"  elseif which == 2 then\n"
	"    case('match', s, p)\n"
	"  elseif which == 3 then\n"
	"    case('gmatch', s, p)\n"
	"  else\n"
	"    case('gsub', s, p, '<%0>', math.random(0, 4))\n"
	"  end\n"
	"end\n"
	"\n"
	"return table.concat(lines, string.char(10)), n\n";

/* A state with the standard libraries; budget >= 0 swaps in ours. */
static lua_State *
new_state(long budget)
{
	lua_State	*L = luaL_newstate();

	ck_assert_ptr_nonnull(L);
	luaL_openlibs(L);
	if (budget >= 0) {
		lua_getglobal(L, "string");
		script_pattern_register(L, -1, budget, NULL);
		lua_pop(L, 1);
	}
	return L;
}

/* Run code; on success leave nret results, on error the message. */
static int
run(lua_State *L, const char *name, const char *code, int nret)
{
	if (luaL_loadbuffer(L, code, strlen(code), name) != LUA_OK)
		ck_abort_msg("load %s: %s", name, lua_tostring(L, -1));
	return lua_pcall(L, 0, nret, 0);
}

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

START_TEST(test_register)
{
	lua_State	*L = new_state(-1);

	lua_getglobal(L, "string");
	lua_getfield(L, -1, "find");			/* string find */
	script_pattern_register(L, -2, BUDGET, NULL);
	ck_assert_int_eq(lua_gettop(L), 2);
	lua_getfield(L, -2, "find");			/* string old new */
	ck_assert(lua_iscfunction(L, -1));
	ck_assert(!lua_rawequal(L, -1, -2));
	ck_assert_int_eq(run(L, "=t", "return ('x'):find('x') == 1 and "
	    "getmetatable('').__index.gsub == string.gsub", 1), LUA_OK);
	ck_assert(lua_toboolean(L, -1));
	lua_close(L);
}
END_TEST

/* Move a and b to the first line where they differ; return its number
 * and set the two lines' lengths. */
static long
first_difference(const char **a, const char **b, int *alen, int *blen)
{
	const char	*ea, *eb;
	long		 line;

	for (line = 1;; line++) {
		ea = strchr(*a, '\n');
		eb = strchr(*b, '\n');
		*alen = ea ? (int)(ea - *a) : (int)strlen(*a);
		*blen = eb ? (int)(eb - *b) : (int)strlen(*b);
		if (*alen != *blen || memcmp(*a, *b, *alen) != 0 || !ea || !eb)
			return line;
		*a = ea + 1;
		*b = eb + 1;
	}
}

START_TEST(test_differential)
{
	lua_State	*ref = new_state(-1), *ours = new_state(BUDGET);
	const char	*a, *b;
	size_t		 la, lb;
	long		 line;
	int		 alen, blen;

	ck_assert_int_eq(run(ref, "=corpus", corpus, 2), LUA_OK);
	if (run(ours, "=corpus", corpus, 2) != LUA_OK)
		ck_abort_msg("corpus: %s", lua_tostring(ours, -1));
	ck_assert_int_ge(lua_tointeger(ref, -1), 300);
	ck_assert_int_eq(lua_tointeger(ref, -1), lua_tointeger(ours, -1));
	printf("script-pattern: %lld differential cases\n",
	    (long long)lua_tointeger(ref, -1));
	a = lua_tolstring(ref, -2, &la);
	b = lua_tolstring(ours, -2, &lb);
	if (la != lb || memcmp(a, b, la) != 0) {
		line = first_difference(&a, &b, &alen, &blen);
		ck_abort_msg("case %ld differs\nlua:  %.*s\nours: %.*s", line,
		    alen > 400 ? 400 : alen, a, blen > 400 ? 400 : blen, b);
	}
	lua_close(ref);
	lua_close(ours);
}
END_TEST

/* Each of these runs for minutes (or longer) in Lua's own library. */
static const char *const stalls[] = {
	"return ('a'):rep(200):find('.-.-.-.-b')",
	"return ('a'):rep(5000):match('(.-)%1(.-)%2b')",
	"return string.rep('a', 100000):gsub('.-.-.-x', '')",
};

START_TEST(test_stall)
{
	lua_State	*L = new_state(BUDGET);
	double		 t;

	t = now();
	ck_assert_int_eq(run(L, "=stall", stalls[_i], 0), LUA_ERRRUN);
	t = now() - t;
	printf("script-pattern: %s: %.3f s\n", stalls[_i], t);
	ck_assert_str_eq(lua_tostring(L, -1), "stall:1: " BUDGET_MSG);
	/* a hang guard, not a speed target: that is scripts/bench's job */
	ck_assert_msg(t < 10.0, "stall not stopped: %.1f s", t);
	lua_close(L);
}
END_TEST

START_TEST(test_budget)
{
	lua_State	*L = new_state(1000);

	/* Per gmatch iteration, not per loop; linear gsub fits. */
	ck_assert_int_eq(run(L, "=b", "local n = 0\n"
	    "for w in ('ab '):rep(10000):gmatch('%a+') do n = n + 1 end\n"
	    "return n", 1), LUA_OK);
	ck_assert_int_eq(lua_tointeger(L, -1), 10000);
	lua_pop(L, 1);
	ck_assert_int_eq(run(L, "=b", "return ('x'):rep(900):gsub('', '-')",
	    2), LUA_OK);
	ck_assert_int_eq(lua_tointeger(L, -1), 901);
	lua_pop(L, 2);
	/* Plain finds take no steps. */
	ck_assert_int_eq(run(L, "=b",
	    "return ('ab'):rep(10000):find('ba', 1000, true)", 1), LUA_OK);
	ck_assert_int_eq(lua_tointeger(L, -1), 1000);
	lua_pop(L, 1);
	ck_assert_int_eq(run(L, "=b", "\n"
	    "return ('ab '):rep(10000):find('%d')", 0), LUA_ERRRUN);
	ck_assert_str_eq(lua_tostring(L, -1),
	    "b:2: pattern too complex (more than 1000 steps)");
	lua_pop(L, 1);
	ck_assert_int_eq(run(L, "=b",
	    "return ('x'):rep(1000):gsub('x', 'y')", 0), LUA_ERRRUN);
	lua_pop(L, 1);
	/* %b and back-references pay per byte. */
	ck_assert_int_eq(run(L, "=b",
	    "return ('('):rep(2000):find('%b()')", 0), LUA_ERRRUN);
	lua_pop(L, 1);
	ck_assert_int_eq(run(L, "=b",
	    "return (('a'):rep(600) .. '='):rep(2):find('^(a+)=%1')", 0),
	    LUA_ERRRUN);
	lua_pop(L, 1);
	/* Each table gets its own budget. */
	lua_newtable(L);
	script_pattern_register(L, -1, 5, NULL);
	lua_setglobal(L, "small");
	ck_assert_int_eq(run(L, "=b", "return small.match('abc', '%a+')", 1),
	    LUA_OK);
	ck_assert_str_eq(lua_tostring(L, -1), "abc");
	lua_pop(L, 1);
	ck_assert_int_eq(run(L, "=b", "return small.match('abcdef', '%a+')",
	    0), LUA_ERRRUN);
	ck_assert_str_eq(lua_tostring(L, -1),
	    "b:1: pattern too complex (more than 5 steps)");
	lua_close(L);
}
END_TEST

struct bad_case {
	const char	*fn;
	const char	*s;
	const char	*p;
	const char	*repl;
	const char	*msg;
};

static const struct bad_case bad_cases[] = {
	{ "find", "abc", "%", NULL, "malformed pattern (ends with '%')" },
	{ "find", "abc", "[a", NULL, "malformed pattern (missing ']')" },
	{ "find", "abc", "[%", NULL, "malformed pattern (missing ']')" },
	{ "find", "abc", "%f", NULL, "missing '[' after '%f' in pattern" },
	{ "find", "abc", "%fa", NULL, "missing '[' after '%f' in pattern" },
	{ "find", "abc", "%1", NULL, "invalid capture index %1" },
	{ "find", "abc", "(a%1)", NULL, "invalid capture index %1" },
	{ "find", "abc", "%0", NULL, "invalid capture index %0" },
	{ "find", "abc", ".)", NULL, "invalid pattern capture" },
	{ "find", "abc", "(a", NULL, "unfinished capture" },
	{ "match", "abc", "a(", NULL, "unfinished capture" },
	{ "find", "abc", "()()()()()()()()()()()()()()()()"
	    "()()()()()()()()()()()()()()()()()", NULL,
	    "too many captures" },
	{ "find", "abc", "%b", NULL,
	    "malformed pattern (missing arguments to '%b')" },
	{ "find", "abc", "%ba", NULL,
	    "malformed pattern (missing arguments to '%b')" },
	{ "gsub", "abc", "b", "%", "invalid use of '%' in replacement string" },
	{ "gsub", "abc", "b", "%x",
	    "invalid use of '%' in replacement string" },
	{ "gsub", "abc", "(b)", "%2", "invalid capture index %2" },
	{ "gsub", "abc", "b", "%2", "invalid capture index %2" },
};

/* Call string[c->fn](c->s, c->p[, c->repl]): the error message. */
static const char *
bad_call(lua_State *L, const struct bad_case *c)
{
	lua_getglobal(L, "string");
	lua_getfield(L, -1, c->fn);
	lua_remove(L, -2);
	lua_pushstring(L, c->s);
	lua_pushstring(L, c->p);
	if (c->repl != NULL)
		lua_pushstring(L, c->repl);
	ck_assert_int_eq(lua_pcall(L, c->repl != NULL ? 3 : 2, 0, 0),
	    LUA_ERRRUN);
	return lua_tostring(L, -1);
}

START_TEST(test_messages)
{
	lua_State	*ref = new_state(-1), *ours = new_state(BUDGET);
	size_t		 i;

	for (i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
		ck_assert_str_eq(bad_call(ours, &bad_cases[i]),
		    bad_cases[i].msg);
		ck_assert_str_eq(bad_call(ref, &bad_cases[i]),
		    bad_cases[i].msg);
	}
	/* Too deep: Lua's own message. */
	ck_assert_int_eq(run(ours, "=d", "return ('aaa'):find(('a-'):rep(200)"
	    " .. 'b')", 0), LUA_ERRRUN);
	ck_assert_str_eq(lua_tostring(ours, -1), "d:1: pattern too complex");
	/* Replacement values, with the caller's line. */
	ck_assert_int_eq(run(ours, "=r", "local t = {}\n"
	    "return ('abc'):gsub('%w', {b = true})", 0), LUA_ERRRUN);
	ck_assert_str_eq(lua_tostring(ours, -1),
	    "r:2: invalid replacement value (a boolean)");
	ck_assert_int_eq(run(ours, "=r", "return ('abc'):gsub('%w', "
	    "function() return {} end)", 0), LUA_ERRRUN);
	ck_assert_str_eq(lua_tostring(ours, -1),
	    "r:1: invalid replacement value (a table)");
	lua_close(ref);
	lua_close(ours);
}
END_TEST

/* Ordinary work gives the same answer in both libraries (its speed is
 * measured by scripts/bench, not here). */
static const char workload[] =
	"local text = ('The quick brown fox jumps over the lazy dog; '\n"
	"  .. 'key=value, n=42 (see [1]). '):rep(500)\n"
	"local n = 0\n"
	"for _ = 1, 10 do\n"
	"  for w in text:gmatch('%a+') do n = n + #w end\n"
	"  n = n + select(2, text:gsub('(%w+)=(%w+)', '%2=%1'))\n"
	"  n = n + #text:gsub('%s+', ' ')\n"
	"  local i = 1\n"
	"  while true do\n"
	"    local s, e = text:find('[;,.]', i)\n"
	"    if not s then break end\n"
	"    n, i = n + 1, e + 1\n"
	"  end\n"
	"  n = n + #(text:match('^(.-)%.%s*$') or '')\n"
	"  n = n + (text:find('%f[%a]lazy%s+cat') or 0)\n"
	"  n = n + #text:gsub('%b()', '')\n"
	"  n = n + #text:gsub('%u', string.lower)\n"
	"  n = n + (text:find('lazy cat', 1, true) or 0)\n"
	"end\n"
	"return n\n";

START_TEST(test_workload)
{
	lua_State	*ref = new_state(-1), *ours = new_state(BUDGET);

	ck_assert_int_eq(run(ref, "=w", workload, 1), LUA_OK);
	ck_assert_int_eq(run(ours, "=w", workload, 1), LUA_OK);
	ck_assert_int_gt(lua_tointeger(ref, -1), 0);
	ck_assert_int_eq(lua_tointeger(ref, -1), lua_tointeger(ours, -1));
	lua_close(ref);
	lua_close(ours);
}
END_TEST

static void
add_tests(TCase *tc)
{
	tcase_add_test(tc, test_register);
	tcase_add_test(tc, test_differential);
	tcase_add_loop_test(tc, test_stall, 0,
	    (int)(sizeof stalls / sizeof stalls[0]));
	tcase_add_test(tc, test_budget);
	tcase_add_test(tc, test_messages);
	tcase_add_test(tc, test_workload);
}

#define SUITE_NAME "script-pattern"
#include "tcheck.h"

/*
 * Library functions as scenarios see them: the ones whose work the
 * instruction count does not see, each replaced by a version that charges
 * that work first (script_charge) and then calls Lua's own, kept as upvalue
 * 1; and the ones that can catch an error, which raise it again when the
 * callback has spent a budget (script_recheck).
 *
 * Costs are in instructions, roughly what the work takes next to one VM
 * instruction: LIB_SLOT a table slot read and written in C, one per
 * 2^LIB_SCAN_SHIFT bytes scanned, LIB_COROUTINE for a coroutine (which
 * starts with a fresh hook count of that many instructions, so charging it
 * up front makes the count an upper bound).  Bytes allocated are charged
 * by the allocator (script.c).
 *
 * Static helpers use the prefix lib_.
 */
#include <limits.h>
#include <string.h>

#include "script-internal.h"

#define LIB_SLOT	4
#define LIB_COMPARE	2	/* one comparison of a sort */
#define LIB_SCAN_SHIFT	3
#define LIB_COROUTINE	1000
#define LIB_STACK	1000000	/* LUAI_MAXSTACK: values a call can return */

/*
 * Call upvalue 1 (Lua's function) with the arguments and return its
 * results; if co is not NULL, scenario code runs in co meanwhile (the
 * thread the allocator stops at once when a budget is spent).  A spent
 * budget is raised again.  An error gets the scenario's line: Lua's
 * library names the line of its caller, which is the wrapper (no line).
 * Coroutine errors always get it, as Lua's coroutine.wrap adds it; others
 * only if they have no place yet.
 */
static int
lib_call(lua_State *L, lua_State *co)
{
	lua_State	*was = co != NULL ? script_running(L, co) : NULL;
	const char	*msg, *path;
	size_t		 len;
	int		 status;

	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	status = lua_pcall(L, lua_gettop(L) - 1, LUA_MULTRET, 0);
	if (co != NULL)
		script_running(L, was);
	script_recheck(L);
	if (status == LUA_OK)
		return lua_gettop(L);
	if (status != LUA_ERRMEM && lua_type(L, -1) == LUA_TSTRING) {
		msg = lua_tostring(L, -1);
		path = script_path(script_of(L));
		len = strlen(path);
		if (co != NULL || strncmp(msg, path, len) != 0 ||
		    msg[len] != ':') {
			luaL_where(L, 1);
			lua_insert(L, -2);
			lua_concat(L, 2);
		}
	}
	return lua_error(L);
}

static int
lib_original(lua_State *L)
{
	return lib_call(L, NULL);
}

/* cost * (hi - lo + 1), 0 for an empty range, saturating. */
static long
lib_span(lua_Integer lo, lua_Integer hi, long cost)
{
	lua_Unsigned	n;

	if (hi < lo)
		return 0;
	n = (lua_Unsigned)hi - (lua_Unsigned)lo + 1;
	if (n == 0 || n > (lua_Unsigned)(LONG_MAX / cost))
		return LONG_MAX;
	return (long)n * cost;
}

/* Argument idx as an integer, def when absent; 0 if it is neither (the
 * original then raises its own error). */
static int
lib_int(lua_State *L, int idx, lua_Integer def, lua_Integer *v)
{
	int	ok;

	if (lua_isnoneornil(L, idx)) {
		*v = def;
		return 1;
	}
	*v = lua_tointegerx(L, idx, &ok);
	return ok;
}

/* Make argument idx explicit: the length of argument 1 (its __len runs
 * here, once, and the original cannot be told another length). */
static void
lib_fix_len(lua_State *L, int idx)
{
	if (lua_type(L, 1) == LUA_TTABLE && lua_isnoneornil(L, idx)) {
		if (lua_gettop(L) < idx)
			lua_settop(L, idx);
		lua_pushinteger(L, luaL_len(L, 1));
		lua_replace(L, idx);
	}
}

/*
 * table.concat(list, sep, i, j), as Lua 5.4 has it, charging as it goes:
 * how many slots it reads depends on what is in them (it stops at the
 * first that is not a string), so nothing can be charged up front.
 */
static void
lib_concat_add(lua_State *L, luaL_Buffer *b, lua_Integer i)
{
	lua_geti(L, 1, i);
	if (!lua_isstring(L, -1))
		luaL_error(L, "invalid value (%s) at index %I in table for "
		    "'concat'", luaL_typename(L, -1), (lua_Integer)i);
	luaL_addvalue(b);
}

static int
lib_concat(lua_State *L)
{
	luaL_Buffer	 b;
	lua_Integer	 last, i;
	size_t		 lsep, n = 0;
	const char	*sep;

	luaL_checktype(L, 1, LUA_TTABLE);
	last = luaL_len(L, 1);
	sep = luaL_optlstring(L, 2, "", &lsep);
	i = luaL_optinteger(L, 3, 1);
	last = luaL_optinteger(L, 4, last);
	luaL_buffinit(L, &b);
	for (; i < last; i++) {
		if (++n % 256 == 0)
			script_charge(L, 256 * LIB_SLOT);
		lib_concat_add(L, &b, i);
		luaL_addlstring(&b, sep, lsep);
	}
	if (i == last)
		lib_concat_add(L, &b, i);
	luaL_pushresult(&b);
	return 1;
}

/* table.unpack(list, i, j): a value per slot; more than the stack takes
 * are refused by Lua before any work. */
static int
lib_unpack(lua_State *L)
{
	lua_Integer	i, j;

	lib_fix_len(L, 3);
	if (lib_int(L, 2, 1, &i) && lib_int(L, 3, 0, &j) &&
	    lib_span(i, j, 1) <= LIB_STACK)
		script_charge(L, lib_span(i, j, LIB_SLOT));
	return lib_original(L);
}

/* table.move(a1, f, e, t [,a2]) */
static int
lib_move(lua_State *L)
{
	lua_Integer	f, e, t;

	/* only a move Lua would make: it checks these first */
	if (lib_int(L, 2, 0, &f) && lib_int(L, 3, 0, &e) &&
	    lib_int(L, 4, 0, &t) && e >= f &&
	    (f > 0 || e < LUA_MAXINTEGER + f) && t <= LUA_MAXINTEGER - (e - f))
		script_charge(L, lib_span(f, e, LIB_SLOT));
	return lib_original(L);
}

/*
 * table.sort(list [,comp]) as a stable merge sort.  Lua's own is a
 * quicksort that picks a pivot from clock() and time() when a part is
 * lopsided, so elements that compare equal came out in an order that
 * changed from one run to the next.  The values are copied to a table
 * (stack index 3) and an array of their positions is sorted.
 */
static int
lib_sort_less(lua_State *L, int a, int b)	/* values at 3[a], 3[b] */
{
	int	r;

	if (lua_isnil(L, 2)) {
		lua_rawgeti(L, 3, a);
		lua_rawgeti(L, 3, b);
		r = lua_compare(L, -2, -1, LUA_OPLT);
		lua_pop(L, 2);
		return r;
	}
	lua_pushvalue(L, 2);
	lua_rawgeti(L, 3, a);
	lua_rawgeti(L, 3, b);
	lua_call(L, 2, 1);
	r = lua_toboolean(L, -1);
	lua_pop(L, 1);
	return r;
}

static int
lib_sort(lua_State *L)
{
	lua_Integer	 n, i;
	int		*src, *dst, *tmp, width, lo, mid, hi, a, b, k;
	long		 log2n = 1;

	luaL_checktype(L, 1, LUA_TTABLE);
	n = luaL_len(L, 1);
	if (n <= 1)
		return 0;
	luaL_argcheck(L, n < INT_MAX / 2, 1, "array too big");
	if (!lua_isnoneornil(L, 2))
		luaL_checktype(L, 2, LUA_TFUNCTION);
	lua_settop(L, 2);
	while (log2n < 62 && ((lua_Integer)1 << log2n) < n)
		log2n++;
	script_charge(L, lib_span(1, n, LIB_COMPARE * log2n + LIB_SLOT));
	lua_createtable(L, (int)n, 0);			/* t comp values */
	for (i = 1; i <= n; i++) {
		lua_geti(L, 1, i);
		lua_rawseti(L, 3, i);
	}
	src = lua_newuserdatauv(L, 2 * (size_t)n * sizeof *src, 0);
	dst = src + n;
	for (k = 0; k < n; k++)
		src[k] = k + 1;
	for (width = 1; width < n; width *= 2) {
		for (lo = 0; lo < n; lo += 2 * width) {
			mid = lo + width < n ? lo + width : (int)n;
			hi = lo + 2 * width < n ? lo + 2 * width : (int)n;
			for (a = lo, b = mid, k = lo; k < hi; k++) {
				/* the right one first only if strictly less */
				if (a < mid && (b >= hi ||
				    !lib_sort_less(L, src[b], src[a])))
					dst[k] = src[a++];
				else
					dst[k] = src[b++];
			}
		}
		tmp = src;
		src = dst;
		dst = tmp;
	}
	for (k = 0; k < n; k++) {
		lua_rawgeti(L, 3, src[k]);
		lua_seti(L, 1, k + 1);
	}
	return 0;
}

/* table.insert and table.remove, as Lua 5.4 has them, charging the slots
 * they shift: the length (__len may lie) is taken once, here. */
static int
lib_insert(lua_State *L)
{
	lua_Integer	e, pos, i;

	luaL_checktype(L, 1, LUA_TTABLE);
	e = luaL_len(L, 1);
	e = (lua_Integer)((lua_Unsigned)e + 1);		/* first empty */
	switch (lua_gettop(L)) {
	case 2:
		pos = e;
		break;
	case 3:
		pos = luaL_checkinteger(L, 2);
		luaL_argcheck(L, (lua_Unsigned)pos - 1u < (lua_Unsigned)e, 2,
		    "position out of bounds");
		/* e - pos slots move (in unsigned: no overflow at the ends) */
		script_charge(L, lib_span(0, (lua_Integer)((lua_Unsigned)e -
		    (lua_Unsigned)pos) - 1, LIB_SLOT));
		for (i = e; i > pos; i--) {
			lua_geti(L, 1, i - 1);
			lua_seti(L, 1, i);
		}
		break;
	default:
		return luaL_error(L, "wrong number of arguments to 'insert'");
	}
	lua_seti(L, 1, pos);
	return 0;
}

static int
lib_remove(lua_State *L)
{
	lua_Integer	size, pos;

	luaL_checktype(L, 1, LUA_TTABLE);
	size = luaL_len(L, 1);
	pos = luaL_optinteger(L, 2, size);
	if (pos != size)
		luaL_argcheck(L, (lua_Unsigned)pos - 1u <= (lua_Unsigned)size,
		    1, "position out of bounds");
	if (pos < size)		/* size - pos slots move */
		script_charge(L, lib_span(0, (lua_Integer)((lua_Unsigned)size -
		    (lua_Unsigned)pos) - 1, LIB_SLOT));
	lua_geti(L, 1, pos);
	for (; pos < size; pos++) {
		lua_geti(L, 1, pos + 1);
		lua_seti(L, 1, pos);
	}
	lua_pushnil(L);
	lua_seti(L, 1, pos);
	return 1;
}

/* string.byte(s, i, j) and utf8.codepoint(s, i, j): a value per byte. */
static int
lib_bytes(lua_State *L)
{
	size_t		l;
	lua_Integer	i, j;

	if (lua_type(L, 1) == LUA_TSTRING && lib_int(L, 2, 1, &i) &&
	    lib_int(L, 3, i, &j)) {
		lua_tolstring(L, 1, &l);
		if (i < 0)
			i = i < -(lua_Integer)l ? 1 : (lua_Integer)l + i + 1;
		if (j < 0)
			j = (lua_Integer)l + j + 1;
		if (j > (lua_Integer)l)
			j = (lua_Integer)l;
		script_charge(L, lib_span(i < 1 ? 1 : i, j, 1));
	}
	return lib_original(L);
}

/* A call that scans its first argument (utf8.len, utf8.offset, tonumber)
 * or interprets it (string.pack, packsize, unpack: a format). */
static int
lib_scan(lua_State *L)
{
	if (lua_type(L, 1) == LUA_TSTRING)
		script_charge(L, (long)(lua_rawlen(L, 1) >> LIB_SCAN_SHIFT));
	return lib_original(L);
}

/* coroutine.create(f) */
static int
lib_co_create(lua_State *L)
{
	script_charge(L, LIB_COROUTINE);
	return lib_original(L);
}

/* coroutine.resume(co, ...) and coroutine.close(co) */
static int
lib_co_run(lua_State *L)
{
	lua_State	*co = lua_tothread(L, 1);

	return lib_call(L, co != NULL ? co : L);
}

/* The function coroutine.wrap returns.  Upvalues: Lua's, its coroutine. */
static int
lib_co_wrapped(lua_State *L)
{
	return lib_call(L, lua_tothread(L, lua_upvalueindex(2)));
}

/* coroutine.wrap(f) */
static int
lib_co_wrap(lua_State *L)
{
	script_charge(L, LIB_COROUTINE);
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	lua_call(L, lua_gettop(L) - 1, 1);		/* fn */
	lua_getupvalue(L, -1, 1);			/* fn co */
	lua_pushcclosure(L, lib_co_wrapped, 2);
	return 1;
}

/* pcall and xpcall, as Lua 5.4 has them, but a spent budget is raised
 * again instead of returned. */
static int
lib_pcall_done(lua_State *L, int status, lua_KContext extra)
{
	script_recheck(L);
	if (status != LUA_OK && status != LUA_YIELD) {
		lua_pushboolean(L, 0);
		lua_pushvalue(L, -2);
		return 2;
	}
	return lua_gettop(L) - (int)extra;
}

static int
lib_pcall(lua_State *L)
{
	int	status;

	luaL_checkany(L, 1);
	lua_pushboolean(L, 1);
	lua_insert(L, 1);
	status = lua_pcallk(L, lua_gettop(L) - 2, LUA_MULTRET, 0, 0,
	    lib_pcall_done);
	return lib_pcall_done(L, status, 0);
}

/* xpcall's handler: the scenario's (upvalue 1), unless the error is a
 * spent budget, which no scenario code may see (the count hook raises it
 * where hooks are off: a handler that loops would never be stopped). */
static int
lib_xpcall_handler(lua_State *L)
{
	if (script_of(L)->over != OVER_NONE)
		return 1;
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	lua_call(L, lua_gettop(L) - 1, 1);
	return 1;
}

static int
lib_xpcall(lua_State *L)
{
	int	status, n = lua_gettop(L);

	luaL_checktype(L, 2, LUA_TFUNCTION);
	lua_pushvalue(L, 2);
	lua_pushcclosure(L, lib_xpcall_handler, 1);
	lua_replace(L, 2);
	lua_pushboolean(L, 1);
	lua_pushvalue(L, 1);
	lua_rotate(L, 3, 2);
	status = lua_pcallk(L, n - 2, LUA_MULTRET, 2, 2, lib_pcall_done);
	return lib_pcall_done(L, status, 2);
}

void
script_lib_wrap(lua_State *L, const char *name, int idx)
{
	static const struct {
		const char	*lib, *fn;
		lua_CFunction	 wrap;
		int		 own;	/* replaces Lua's: no upvalue */
	} wraps[] = {
		{ "_G", "pcall", lib_pcall, 1 },
		{ "_G", "xpcall", lib_xpcall, 1 },
		{ "_G", "tonumber", lib_scan, 0 },
		{ "string", "byte", lib_bytes, 0 },
		{ "string", "pack", lib_scan, 0 },
		{ "string", "packsize", lib_scan, 0 },
		{ "string", "unpack", lib_scan, 0 },
		{ "table", "concat", lib_concat, 1 },
		{ "table", "insert", lib_insert, 1 },
		{ "table", "move", lib_move, 0 },
		{ "table", "remove", lib_remove, 1 },
		{ "table", "sort", lib_sort, 1 },
		{ "table", "unpack", lib_unpack, 0 },
		{ "utf8", "codepoint", lib_bytes, 0 },
		{ "utf8", "len", lib_scan, 0 },
		{ "utf8", "offset", lib_scan, 0 },
		{ "coroutine", "close", lib_co_run, 0 },
		{ "coroutine", "create", lib_co_create, 0 },
		{ "coroutine", "resume", lib_co_run, 0 },
		{ "coroutine", "wrap", lib_co_wrap, 0 },
	};
	size_t	i;

	idx = lua_absindex(L, idx);
	for (i = 0; i < sizeof wraps / sizeof wraps[0]; i++) {
		if (strcmp(wraps[i].lib, name) != 0)
			continue;
		if (wraps[i].own)
			lua_pushcfunction(L, wraps[i].wrap);
		else {
			lua_getfield(L, idx, wraps[i].fn);
			lua_pushcclosure(L, wraps[i].wrap, 1);
		}
		lua_setfield(L, idx, wraps[i].fn);
		if (!wraps[i].own || strcmp(name, "_G") == 0)
			continue;
		/* errors name a function by where package.loaded has it */
		luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
		lua_getfield(L, -1, name);
		lua_getfield(L, idx, wraps[i].fn);
		lua_setfield(L, -2, wraps[i].fn);
		lua_pop(L, 2);
	}
}

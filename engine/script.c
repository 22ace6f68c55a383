/*
 * The Lua sandbox: state, budgets, environment, and the one way into Lua.
 *
 * Invariants.  Scenario code runs only inside script_call/script_resume,
 * with the memory budget enforced and the instruction counter reset; the
 * engine's own work between calls is never limited, so it never meets a
 * memory error outside a protected call.  Everything a run creates lives
 * in the run table (registry[run_ref]) and the C arrays of script-internal.h,
 * dropped whole by script_end.  The library tables scripts see are
 * read-only proxies shared by all runs, so one run cannot change the next.
 */
#include <assert.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <lualib.h>

#include "arena.h"
#include "script-internal.h"
#include "script-pattern.h"
#include "vtime.h"
#include "xmalloc.h"

#define SCRIPT_HOOK_EVERY	1000	/* instructions per count hook */
#define SCRIPT_MEM_SLACK	(8u * 1024 * 1024)	/* hard over soft */
#define SCRIPT_MAX_FILE		(16u * 1024 * 1024)

void
script_limits_default(struct script_limits *lim)
{
	lim->memory = SCRIPT_DEFAULT_MEMORY;
	lim->instructions = SCRIPT_DEFAULT_INSTRUCTIONS;
	lim->pattern_steps = SCRIPT_DEFAULT_PATTERN_STEPS;
	lim->run_instructions = SCRIPT_DEFAULT_RUN_INSTRUCTIONS;
	lim->instant_callbacks = SCRIPT_DEFAULT_INSTANT_CALLBACKS;
	lim->seconds = SCRIPT_DEFAULT_SECONDS;
}

struct script *
script_of(lua_State *L)
{
	return *(struct script **)lua_getextraspace(L);
}

int
script_line(lua_State *L)
{
	lua_Debug	ar;

	if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "l", &ar))
		return ar.currentline > 0 ? ar.currentline : 0;
	return 0;
}

/*
 * Budgets.  A callback's instructions are counted by the count hook, every
 * SCRIPT_HOOK_EVERY; library calls charge their work in the same unit
 * (script_charge), and so does every byte the state allocates.  Once a
 * budget is spent, the thread running is made to raise at its next
 * instruction, every protected call that catches the error raises it again
 * (script_recheck), and the engine reports it when the callback returns.
 *
 * The collector never runs on its own (LUA_GCSTOP): a full collection is
 * made at a callback's start when memory has grown past gc_next, and in
 * the hook when the soft memory limit is passed, so what a weak table
 * keeps, and when a budget is met, do not depend on a collector's phase.
 */
#define SCRIPT_BYTES_SHIFT	6	/* one instruction per 64 bytes */
#define SCRIPT_VARARG_COST	128	/* per extra argument, per hook */
#define SCRIPT_GC_MIN		(512u * 1024)

static long
script_now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void	script_hook(lua_State *, lua_Debug *);

/* Add n (>= 0) to the callback's count, saturating: a charge can be as
 * large as a range's length. */
static void
script_steps(struct script *s, long n)
{
	s->steps = n > LONG_MAX - s->steps ? LONG_MAX : s->steps + n;
}

/* The line the innermost Lua function of L is at, or 0.  (The allocator
 * may ask: reading debug information allocates nothing.) */
static int
script_lua_line(lua_State *L)
{
	lua_Debug	ar;
	int		level;

	for (level = 0; L != NULL && lua_getstack(L, level, &ar); level++)
		if (lua_getinfo(L, "l", &ar) && ar.currentline > 0)
			return ar.currentline;
	return 0;
}

/* Make the running thread raise at its next instruction. */
static void
script_trip(struct script *s)
{
	if (s->running != NULL)
		lua_sethook(s->running, script_hook,
		    LUA_MASKCOUNT | LUA_MASKLINE, 1);
}

/*
 * Memory budget.  Past the soft limit an allocation still succeeds and the
 * running thread is tripped (the hook collects garbage first, and raises
 * only if that did not help); past soft + slack the allocation fails, which
 * Lua reports as a memory error after its own emergency collection.
 */
static void *
script_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
	struct script	*s = ud;
	void		*p;

	if (ptr == NULL)
		osize = 0;
	if (nsize == 0) {
		free(ptr);
		s->mem -= osize;
		return NULL;
	}
	if (s->enforce && nsize > osize) {
		if (s->mem + (nsize - osize) > s->lim.memory + SCRIPT_MEM_SLACK) {
			/* refused after Lua's emergency collection too, this
			 * is the memory budget even if pcall catches it */
			s->refused = 1;
			s->refused_line = script_lua_line(s->running);
			return NULL;
		}
		s->refused = 0;
		script_steps(s, (long)((nsize - osize) >> SCRIPT_BYTES_SHIFT));
		if (s->mem + (nsize - osize) > s->lim.memory && !s->mem_over) {
			s->mem_over = 1;
			script_trip(s);
		} else if (s->steps > s->lim.instructions &&
		    s->over == OVER_NONE) {
			s->over = OVER_STEPS;
			script_trip(s);
		}
	}
	if (xmalloc_inject() || (p = realloc(ptr, nsize)) == NULL)
		return NULL;		/* Lua raises "not enough memory" */
	s->mem = s->mem - osize + nsize;
	return p;
}

/*
 * A full collection.  It is not charged: how much garbage a callback
 * starts with depends on the runs before it in the process, and charging
 * it would make the same seed stop at different lines.  Each collection
 * in a callback frees an eighth of the budget or stops it, so at most
 * about 80 can happen in one.
 */
void
script_collect(struct script *s)
{
	int	enforce = s->enforce;

	s->enforce = 0;
	lua_gc(s->L, LUA_GCCOLLECT);
	s->enforce = enforce;
	/* the next, at a callback's start, once garbage is as large as
	 * what lives (a collection costs what lives), and before the
	 * garbage alone could pass the memory budget */
	s->gc_next = s->mem < SCRIPT_GC_MIN ? 2 * SCRIPT_GC_MIN : 2 * s->mem;
	if (s->gc_next > s->lim.memory / 2 + s->mem / 2)
		s->gc_next = s->lim.memory / 2 + s->mem / 2;
	if (s->gc_next < s->mem)
		s->gc_next = s->mem;
}

/* What the callback has spent, settling the soft memory limit first. */
static enum script_over
script_spent(struct script *s)
{
	if (s->over != OVER_NONE)
		return s->over;
	if (s->refused)
		return s->over = OVER_MEMORY;
	if (s->mem_over) {
		/* a collection must leave an eighth free, or the next one
		 * would come at once, and the next */
		script_collect(s);
		if (s->mem > s->lim.memory - s->lim.memory / 8)
			return s->over = OVER_MEMORY;
		s->mem_over = 0;
	}
	if (s->steps > s->lim.instructions)
		return s->over = OVER_STEPS;
	if (script_now_ms() - s->t0 > s->lim.seconds * 1000)
		return s->over = OVER_TIME;
	return OVER_NONE;
}

static const char *
script_push_over(lua_State *L, struct script *s)
{
	switch (s->over) {
	case OVER_MEMORY:
		return lua_pushfstring(L, "memory budget exceeded (%d MiB)",
		    (int)(s->lim.memory >> 20));
	case OVER_TIME:
		return lua_pushfstring(L, "time limit exceeded (%I s in one "
		    "callback, in work the instruction count does not see)",
		    (lua_Integer)s->lim.seconds);
	default:
		return lua_pushfstring(L, "instruction budget exceeded (%I "
		    "instructions in one callback)",
		    (lua_Integer)s->lim.instructions);
	}
}

/* Raise the budget error at the line of stack level `level' of L; from
 * here on every instruction of L raises it again. */
static int
script_raise_over(lua_State *L, struct script *s, int level)
{
	lua_sethook(L, script_hook, LUA_MASKCOUNT | LUA_MASKLINE, 1);
	luaL_where(L, level);
	script_push_over(L, s);
	lua_concat(L, 2);
	return lua_error(L);
}

void
script_recheck(lua_State *L)
{
	struct script	*s = script_of(L);

	if (s->enforce && script_spent(s) != OVER_NONE)
		script_raise_over(L, s, 1);
}

void
script_charge(lua_State *L, long n)
{
	struct script	*s = script_of(L);

	if (!s->enforce)
		return;
	script_steps(s, n < 0 ? LONG_MAX : n);
	script_recheck(L);
}

/* A pattern step costs half an instruction. */
static void
script_charge_steps(lua_State *L, long steps)
{
	script_charge(L, steps / 2);
}

static const struct script_pattern_meter script_pattern_charge = {
	script_charge_steps
};

lua_State *
script_running(lua_State *L, lua_State *co)
{
	struct script	*s = script_of(L);
	lua_State	*was = s->running;

	s->running = co;
	return was;
}

/* The number of extra arguments of the vararg function ar describes. */
static long
script_nvarargs(lua_State *L, lua_Debug *ar)
{
	long	lo = 0, hi = 1, mid;

	while (lua_getlocal(L, ar, (int)-hi) != NULL) {	/* lo < n < hi? */
		lua_pop(L, 1);
		lo = hi;
		if (hi > INT_MAX / 2)
			return hi;
		hi *= 2;
	}
	while (hi - lo > 1) {		/* lo extras exist, hi do not */
		mid = lo + (hi - lo) / 2;
		if (lua_getlocal(L, ar, (int)-mid) != NULL) {
			lua_pop(L, 1);
			lo = mid;
		} else
			hi = mid;
	}
	return lo;
}

/*
 * The count hook.  Each firing charges SCRIPT_HOOK_EVERY instructions,
 * and, in a vararg function, the copying its extra arguments cost (a call
 * passing `...' on copies them all, in one instruction).
 */
static void
script_hook(lua_State *L, lua_Debug *ar)
{
	struct script	*s = script_of(L);

	if (!s->enforce)
		return;
	s->running = L;
	if (ar->event == LUA_HOOKCOUNT &&
	    lua_gethookcount(L) == SCRIPT_HOOK_EVERY) {
		script_steps(s, SCRIPT_HOOK_EVERY);
		if (lua_getinfo(L, "u", ar) && ar->isvararg)
			script_steps(s, script_nvarargs(L, ar) *
			    SCRIPT_VARARG_COST);
	}
	if (script_spent(s) == OVER_NONE) {
		if (lua_gethookcount(L) != SCRIPT_HOOK_EVERY)
			/* tripped for the memory limit, which a collection
			 * settled, or left so by an earlier callback */
			lua_sethook(L, script_hook, LUA_MASKCOUNT,
			    SCRIPT_HOOK_EVERY);
		return;
	}
	/* in a hook, level 0 is the Lua function that was running */
	script_raise_over(L, s, 0);
}

/* Message handler: "file:line: message" plus a traceback.  It never calls
 * a __tostring metamethod (the error object may be hostile). */
static int
script_msgh(lua_State *L)
{
	struct script	*s = script_of(L);
	const char	*msg;
	int		 enforce = s->enforce;

	s->enforce = 0;
	if ((msg = lua_tostring(L, 1)) == NULL)
		msg = lua_pushfstring(L, "(error object is a %s value)",
		    luaL_typename(L, 1));
	luaL_traceback(L, L, msg, 1);
	s->enforce = enforce;
	return 1;
}

/*
 * Is there room for one more callback at this instant of the scenario's
 * clock?  A handler or timer that keeps starting itself (after(0, f), a
 * handler firing the inject it handles to a role that answers at once)
 * would otherwise hold the clock at one instant for ever: past the limit
 * the rest are dropped, and the first dropped is reported with the line
 * of its function.
 */
static int
script_instant_ok(struct script *s, int line)
{
	sim_time	now;
	char		b[VTIME_BUFSZ];

	if (s->ex == NULL || s->loading)
		return 1;
	if ((now = sim_now(s->ex->sim)) != s->instant) {
		s->instant = now;
		s->instant_n = 0;
	}
	if (++s->instant_n <= s->lim.instant_callbacks)
		return 1;
	if (s->instant_n == s->lim.instant_callbacks + 1) {
		exercise_error(s->ex, lua_pushfstring(s->L, "%s:%d: more than "
		    "%d callbacks ran at %s, and the clock never moved on (a "
		    "timer, process or handler starting itself at once?): "
		    "the rest at this time are dropped", s->path, line,
		    (int)s->lim.instant_callbacks, vtime_format(now, b,
		    sizeof b)));
		lua_pop(s->L, 1);
	}
	return 0;
}

/* Arm the budgets for a callback (defined at line) run by thread L;
 * returns -1 if the run's budget is spent (reported once) or too many
 * callbacks ran at this instant. */
static int
script_arm(struct script *s, lua_State *L, int line)
{
	if (s->depth == 0) {
		if (!script_instant_ok(s, line))
			return -1;
		if (s->run_steps > s->lim.run_instructions) {
			if (!s->run_over && s->ex != NULL) {
				exercise_error(s->ex, lua_pushfstring(s->L,
				    "%s: run budget exceeded (%I instructions "
				    "in all callbacks of the run): the "
				    "scenario's code is stopped for the rest "
				    "of the exercise", s->path,
				    (lua_Integer)s->lim.run_instructions));
				lua_pop(s->L, 1);
			}
			s->run_over = 1;
			return -1;
		}
		if (s->mem > s->gc_next)
			script_collect(s);
		s->steps = 0;
		s->over = OVER_NONE;
		s->mem_over = 0;
		s->refused = 0;
		s->refused_line = 0;
		s->t0 = script_now_ms();
		s->enforce = 1;
		s->running = L;
		lua_sethook(L, script_hook, LUA_MASKCOUNT, SCRIPT_HOOK_EVERY);
	}
	s->depth++;
	return 0;
}

static void
script_disarm(struct script *s)
{
	if (--s->depth == 0) {
		s->enforce = 0;
		s->running = NULL;
		/* what it ran unseen since the last count, at most one
		 * count's worth; but a callback the time limit stopped ran
		 * what no count sees, and spent its whole budget */
		script_steps(s, SCRIPT_HOOK_EVERY);
		if (s->over == OVER_TIME || s->steps > s->lim.instructions)
			s->steps = s->lim.instructions;
		s->run_steps += s->steps;
	}
}

static void
script_report(struct script *s, const char *msg)
{
	const char	*tb;

	if (s->loading && s->diags != NULL) {
		/* check prints one line per problem: drop the traceback */
		if ((tb = strstr(msg, "\nstack traceback:")) != NULL)
			msg = lua_pushlstring(s->L, msg, (size_t)(tb - msg));
		diags_add_lua(s->diags, msg);
		if (tb != NULL)
			lua_pop(s->L, 1);
	}
	else if (s->ex != NULL)
		exercise_error(s->ex, msg);
}

/* The text of a failed call's error value at idx (a memory error carries
 * no position). */
static const char *
script_errtext(struct script *s, lua_State *L, int status, int idx)
{
	const char	*msg;

	if (status == LUA_ERRMEM && s->refused_line > 0)
		return lua_pushfstring(s->L, "%s:%d: memory budget exceeded "
		    "(%d MiB)", s->path, s->refused_line,
		    (int)(s->lim.memory >> 20));
	if (status == LUA_ERRMEM)
		return lua_pushfstring(s->L, "%s: memory budget exceeded "
		    "(%d MiB)", s->path, (int)(s->lim.memory >> 20));
	if ((msg = lua_tostring(L, idx)) == NULL)
		msg = "(error object is not a string)";
	return msg;
}

/* A callback that returned although it spent a budget (an error some
 * catcher swallowed before script_recheck could see it): report it. */
static int
script_check_spent(struct script *s)
{
	if (s->over == OVER_NONE)
		return 0;
	lua_pushfstring(s->L, "%s: ", s->path);
	script_push_over(s->L, s);
	lua_concat(s->L, 2);
	script_report(s, lua_tostring(s->L, -1));
	lua_pop(s->L, 1);
	return -1;
}

int
script_call(struct script *s, int nargs, int nres)
{
	lua_State	*L = s->L, *was = s->running;
	lua_Debug	 ar;
	int		 base = lua_gettop(L) - nargs, status;

	lua_pushvalue(L, base);
	if (!lua_getinfo(L, ">S", &ar))
		ar.linedefined = 0;
	if (script_arm(s, L, ar.linedefined) != 0) {
		lua_settop(L, base - 1);
		return -1;
	}
	lua_pushcfunction(L, script_msgh);
	lua_insert(L, base);			/* msgh fn args */
	status = lua_pcall(L, nargs, nres, base);
	s->running = was;
	if (status == LUA_OK && s->depth == 1 && script_check_spent(s) != 0)
		status = LUA_ERRRUN;
	else if (status != LUA_OK)
		script_report(s, script_errtext(s, L, status, -1));
	script_disarm(s);
	if (status != LUA_OK) {
		lua_settop(L, base - 1);
		return -1;
	}
	lua_remove(L, base);
	return 0;
}

int
script_resume(struct script *s, size_t pi, int nargs)
{
	lua_State	*L = s->L;
	lua_State	*co = s->procs[pi].co;
	int		 status, nres = 0, saved = s->cur_proc, spent;
	lua_State	*was = s->running;

	if (script_arm(s, co, s->procs[pi].line) != 0) {
		lua_pop(co, nargs);
		status = LUA_ERRRUN;
		goto dead;
	}
	s->cur_proc = (int)pi;
	s->procs[pi].waiting = 0;
	status = lua_resume(co, L, nargs, &nres);
	s->running = was;
	spent = (status == LUA_OK || status == LUA_YIELD) && s->depth == 1 &&
	    script_check_spent(s) != 0;
	script_disarm(s);
	s->cur_proc = saved;
	/* s->procs may have moved: the process may have started others */
	if (spent) {
		lua_pop(co, nres);
		status = LUA_ERRRUN;
	} else if (status == LUA_YIELD && !s->procs[pi].waiting) {
		lua_pop(co, nres);
		luaL_traceback(L, co, lua_pushfstring(L, "%s:%d: a process "
		    "may only pause with wait() or await(), not "
		    "coroutine.yield()", s->path, s->procs[pi].line), 0);
		script_report(s, lua_tostring(L, -1));
		lua_pop(L, 2);
		status = LUA_ERRRUN;
	} else if (status == LUA_YIELD) {
		lua_pop(co, nres);
	} else if (status != LUA_OK) {
		luaL_traceback(L, co, script_errtext(s, co, status, -1), 0);
		script_report(s, lua_tostring(L, -1));
		lua_pop(L, status == LUA_ERRMEM ? 2 : 1);
	}
dead:
	if (status != LUA_YIELD)
		script_clock_end_proc(s, pi);
	return status;
}

/* The run table. */

static void
script_push_run(lua_State *L)
{
	lua_rawgeti(L, LUA_REGISTRYINDEX, script_of(L)->run_ref);
}

int
script_keep(lua_State *L)
{
	int	key;

	script_push_run(L);			/* value run */
	lua_insert(L, -2);			/* run value */
	key = luaL_ref(L, -2);			/* run */
	lua_pop(L, 1);
	return key;
}

void
script_push_kept(lua_State *L, int key)
{
	script_push_run(L);
	lua_rawgeti(L, -1, key);
	lua_remove(L, -2);
}

/* The one place a kept value is released (luaL_unref's arguments are
 * easy to get wrong). */
void
script_drop_kept(lua_State *L, int key)
{
	script_push_run(L);
	luaL_unref(L, -1, key);
	lua_pop(L, 1);
}

/*
 * Deterministic iteration.  Plain next() walks the hash part in an order
 * set by string hashes (seeded at random per state) and addresses; ours
 * walks keys sorted: numbers ascending, then strings bytewise, then false,
 * true, then other values in the order tostring() numbers them.
 */
struct script_key {
	int		 rank;
	lua_Number	 num;
	lua_Integer	 ival;
	int		 isint;
	const char	*str;
	size_t		 len;
	int		 slot;	/* index in the snapshot table */
};

static int
script_key_cmp(const void *pa, const void *pb)
{
	const struct script_key	*a = pa, *b = pb;
	size_t			 n;
	int			 c;

	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	switch (a->rank) {
	case 0:
		if (a->isint && b->isint)
			return a->ival < b->ival ? -1 : a->ival > b->ival;
		return a->num < b->num ? -1 : a->num > b->num;
	case 1:
		n = a->len < b->len ? a->len : b->len;
		if ((c = memcmp(a->str, b->str, n)) != 0)
			return c;
		return a->len < b->len ? -1 : a->len > b->len;
	default:
		return a->ival < b->ival ? -1 : a->ival > b->ival;
	}
}

static int	script_object_id(lua_State *L, int idx);

/* Describe the key at idx; the key must stay on the stack meanwhile. */
static void
script_key_of(lua_State *L, int idx, struct script_key *k)
{
	memset(k, 0, sizeof *k);
	switch (lua_type(L, idx)) {
	case LUA_TNUMBER:
		k->rank = 0;
		k->isint = lua_isinteger(L, idx);
		k->ival = lua_tointeger(L, idx);
		k->num = lua_tonumber(L, idx);
		break;
	case LUA_TSTRING:
		k->rank = 1;
		k->str = lua_tolstring(L, idx, &k->len);
		break;
	case LUA_TBOOLEAN:
		k->rank = 2;
		k->ival = lua_toboolean(L, idx);
		break;
	default:
		k->rank = 3;
		k->ival = script_object_id(L, idx);
		break;
	}
}

/* Push the keys of the table at idx as a sequence, sorted as above;
 * charges the sort (the copies are charged as they are allocated). */
static void
script_push_sorted(lua_State *L, int idx)
{
	struct script_key	*keys;
	size_t			 n = 0, cap = 16, i, log2n = 1;
	int			 snap, ud;

	idx = lua_absindex(L, idx);
	lua_newtable(L);				/* snap */
	snap = lua_gettop(L);
	keys = lua_newuserdatauv(L, cap * sizeof *keys, 0); /* snap ud */
	ud = snap + 1;
	lua_pushnil(L);
	while (lua_next(L, idx) != 0) {			/* ... key value */
		lua_pop(L, 1);
		if (n == cap) {
			struct script_key *bigger;
			bigger = lua_newuserdatauv(L, 2 * cap * sizeof *keys,
			    0);				/* ... key ud2 */
			memcpy(bigger, keys, n * sizeof *keys);
			keys = bigger;
			cap *= 2;
			lua_replace(L, ud);		/* ... key */
		}
		lua_pushvalue(L, -1);
		lua_rawseti(L, snap, (lua_Integer)n + 1); /* anchored */
		keys[n].slot = (int)n + 1;
		n++;
	}
	while (log2n < 62 && ((size_t)1 << log2n) < n)
		log2n++;
	script_charge(L, (long)(n * log2n * 2));
	/* describe keys while the snapshot anchors them, then sort */
	for (i = 0; i < n; i++) {
		int slot = keys[i].slot;
		lua_rawgeti(L, snap, slot);
		script_key_of(L, -1, &keys[i]);
		keys[i].slot = slot;
		lua_pop(L, 1);
	}
	qsort(keys, n, sizeof *keys, script_key_cmp);
	lua_createtable(L, (int)n, 0);			/* snap ud sorted */
	for (i = 0; i < n; i++) {
		lua_rawgeti(L, snap, keys[i].slot);
		lua_rawseti(L, -2, (lua_Integer)i + 1);
	}
	lua_replace(L, snap);				/* sorted ud */
	lua_pop(L, 1);					/* sorted */
}

/* pairs iterator: upvalues (table, sorted keys, position). */
static int
script_pairs_step(lua_State *L)
{
	lua_Integer	i = lua_tointeger(L, lua_upvalueindex(3));

	for (;;) {
		i++;
		if (lua_rawgeti(L, lua_upvalueindex(2), i) == LUA_TNIL)
			return 0;			/* key */
		lua_pushvalue(L, -1);			/* key key */
		if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNIL) {
			lua_pushinteger(L, i);
			lua_replace(L, lua_upvalueindex(3));
			return 2;			/* key value */
		}
		lua_pop(L, 2);	/* removed during the traversal: skip */
	}
}

/* pairs(t) walking the table at idx (t itself, or what a read-only proxy
 * serves); returns t as the state, never the table behind a proxy. */
static int
script_pairs_of(lua_State *L, int idx)
{
	luaL_checktype(L, idx, LUA_TTABLE);
	lua_pushvalue(L, idx);				/* ... t */
	script_push_sorted(L, -1);			/* ... t sorted */
	lua_pushinteger(L, 0);
	lua_pushcclosure(L, script_pairs_step, 3);
	lua_pushvalue(L, 1);
	lua_pushnil(L);
	return 3;
}

static int
script_pairs(lua_State *L)
{
	luaL_checkany(L, 1);
	if (luaL_getmetafield(L, 1, "__pairs") != LUA_TNIL) {
		lua_pushvalue(L, 1);
		lua_call(L, 1, 3);
		return 3;
	}
	lua_settop(L, 1);
	return script_pairs_of(L, 1);
}

/* Compare the key at idx with the key at jdx (both on the stack). */
static int
script_key_cmp_at(lua_State *L, int idx, int jdx)
{
	struct script_key	a, b;

	script_key_of(L, idx, &a);
	script_key_of(L, jdx, &b);
	return script_key_cmp(&a, &b);
}

/* With t at 1 and the cached keys at 5: is there a key after position *i
 * still in t?  Then *i is the position before it; charges the keys it
 * passes. */
static int
script_next_live(lua_State *L, lua_Integer *i)
{
	lua_Integer	j = *i;

	for (;;) {
		if (lua_rawgeti(L, 5, ++j) == LUA_TNIL) {
			lua_pop(L, 1);
			script_charge(L, (long)(j - *i));
			return 0;
		}
		if (lua_rawget(L, 1) != LUA_TNIL) {
			lua_pop(L, 1);
			script_charge(L, (long)(j - *i));
			*i = j - 1;
			return 1;
		}
		lua_pop(L, 1);
	}
}

/*
 * next(t, k): the smallest key greater than k in the order above.  The run
 * table keeps the sorted keys of the table last walked and the position
 * reached, so a walk costs one sort; any other k searches them (after a
 * fresh sort, for keys added meanwhile).
 */
static int
script_next(lua_State *L)
{
	lua_Integer	lo, hi, mid, i;
	int		first = lua_isnoneornil(L, 2);

	luaL_checktype(L, 1, LUA_TTABLE);
	lua_settop(L, 2);
	script_push_run(L);				/* t k run */
	lua_getfield(L, 3, "next.table");		/* t k run nt */
	lua_getfield(L, 3, "next.keys");		/* t k run nt keys */
	lua_getfield(L, 3, "next.pos");			/* ... keys pos */
	i = lua_tointeger(L, 6);
	if (lua_rawequal(L, 1, 4) && !first &&
	    lua_rawgeti(L, 5, i) != LUA_TNIL && lua_rawequal(L, 2, -1))
		goto found;				/* the walk goes on */
	if (lua_rawequal(L, 1, 4) && first) {
		/* next(t) again, as a loop emptying t does: from the first
		 * key not known to be gone (a new sort if none is left) */
		lua_getfield(L, 3, "next.first");
		i = lua_tointeger(L, -1);
		if (script_next_live(L, &i)) {
			lua_pushinteger(L, i);
			lua_setfield(L, 3, "next.first");
			goto found;
		}
	}
	lua_settop(L, 3);
	script_push_sorted(L, 1);			/* t k run keys */
	lua_pushvalue(L, 1);
	lua_setfield(L, 3, "next.table");
	lua_pushvalue(L, 4);
	lua_setfield(L, 3, "next.keys");
	lua_pushinteger(L, 0);
	lua_setfield(L, 3, "next.first");
	lua_pushnil(L);					/* t k run keys nt */
	lua_pushnil(L);					/* ... nt pos */
	i = 0;
	if (!lua_isnil(L, 2)) {		/* i: the last key <= k, or 0 */
		lo = 0;
		hi = (lua_Integer)lua_rawlen(L, 4) + 1;
		while (hi - lo > 1) {
			mid = lo + (hi - lo) / 2;
			lua_rawgeti(L, 4, mid);
			if (script_key_cmp_at(L, -1, 2) <= 0)
				lo = mid;
			else
				hi = mid;
			lua_pop(L, 1);
		}
		i = lo;
	}
	lua_settop(L, 5);
	lua_pushvalue(L, 4);
	lua_replace(L, 5);				/* t k run _ keys */
found:
	lua_settop(L, 5);
	for (;;) {
		if (lua_rawgeti(L, 5, ++i) == LUA_TNIL) {
			lua_pushinteger(L, i - 1);
			lua_setfield(L, 3, "next.pos");
			lua_pushnil(L);
			return 1;
		}
		lua_pushvalue(L, -1);			/* ... key key */
		if (lua_rawget(L, 1) != LUA_TNIL)
			break;				/* ... key value */
		lua_pop(L, 2);		/* removed during the walk: skip */
	}
	lua_pushinteger(L, i);
	lua_setfield(L, 3, "next.pos");
	return 2;
}

/* A small number per table/function/thread/userdata, handed out in the
 * order tostring first meets them, so output never shows addresses. */
static int
script_object_id(lua_State *L, int idx)
{
	struct script	*s = script_of(L);
	int		 id;

	idx = lua_absindex(L, idx);
	script_push_run(L);
	lua_getfield(L, -1, SCRIPT_RUN_IDS);		/* run ids */
	lua_pushvalue(L, idx);
	if (lua_rawget(L, -2) == LUA_TNUMBER) {
		id = (int)lua_tointeger(L, -1);
		lua_pop(L, 3);
		return id;
	}
	lua_pop(L, 1);
	id = ++s->nids;
	lua_pushvalue(L, idx);
	lua_pushinteger(L, id);
	lua_rawset(L, -3);
	lua_pop(L, 2);
	return id;
}

const char *
script_tostring(lua_State *L, int idx, size_t *len)
{
	int	t = lua_type(L, idx);

	idx = lua_absindex(L, idx);
	if (t == LUA_TTABLE || t == LUA_TFUNCTION || t == LUA_TTHREAD ||
	    t == LUA_TUSERDATA || t == LUA_TLIGHTUSERDATA) {
		if (luaL_getmetafield(L, idx, "__tostring") == LUA_TNIL) {
			const char *name = luaL_typename(L, idx);
			if (luaL_getmetafield(L, idx, "__name") == LUA_TSTRING)
				name = lua_tostring(L, -1);
			lua_pushfstring(L, "%s: #%d", name,
			    script_object_id(L, idx));
			if (lua_type(L, -2) == LUA_TSTRING)
				lua_remove(L, -2);
			return lua_tolstring(L, -1, len);
		}
		lua_pop(L, 1);
	}
	return luaL_tolstring(L, idx, len);
}

static int
script_lua_tostring(lua_State *L)
{
	luaL_checkany(L, 1);
	script_tostring(L, 1, NULL);
	return 1;
}

/* setmetatable, refusing what would make runs differ or run code at
 * collection time. */
static int
script_setmetatable(lua_State *L)
{
	int	t = lua_type(L, 2);

	luaL_checktype(L, 1, LUA_TTABLE);
	luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table");
	if (t == LUA_TTABLE) {
		if (lua_getfield(L, 2, "__gc") != LUA_TNIL)
			return luaL_error(L, "setmetatable: __gc metamethods "
			    "are not allowed in scenarios");
		if (lua_getfield(L, 2, "__mode") != LUA_TNIL)
			return luaL_error(L, "setmetatable: weak tables "
			    "(__mode) are not allowed in scenarios: their "
			    "contents would depend on garbage collection");
		lua_pop(L, 2);
	}
	if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
		return luaL_error(L, "cannot change a protected metatable");
	lua_settop(L, 2);
	lua_setmetatable(L, 1);
	return 1;
}

/* load: text only, always into the run's environment. */
static int
script_load(lua_State *L)
{
	size_t		 len;
	const char	*chunk, *name;
	int		 status;

	if (lua_type(L, 1) != LUA_TSTRING)
		return luaL_error(L, "load: only a string can be loaded in "
		    "scenarios");
	chunk = lua_tolstring(L, 1, &len);
	script_charge(L, (long)len);		/* parsing: a byte each */
	name = luaL_optstring(L, 2, chunk);	/* as Lua names it */
	if (!lua_isnoneornil(L, 3) &&
	    strcmp(luaL_checkstring(L, 3), "t") != 0)
		return luaL_error(L, "load: only text chunks (mode \"t\") can "
		    "be loaded in scenarios");
	if (!lua_isnone(L, 4))
		return luaL_error(L, "load: a chunk cannot be given its own "
		    "environment in scenarios");
	status = luaL_loadbufferx(L, chunk, len, name, "t");
	if (status != LUA_OK) {
		luaL_pushfail(L);
		lua_insert(L, -2);
		return 2;
	}
	script_push_run(L);
	lua_getfield(L, -1, SCRIPT_RUN_ENV);		/* fn run env */
	lua_remove(L, -2);
	lua_setupvalue(L, -2, 1);
	return 1;
}

/* string.rep without the stalls: the result size is checked first (it is
 * built in a buffer, then copied: twice its size at once), and an
 * empty result is returned at once (Lua would loop n times for nothing). */
static int
script_rep(lua_State *L)
{
	struct script	*s = script_of(L);
	size_t		 l, lsep, room;
	lua_Integer	 n;

	luaL_checklstring(L, 1, &l);
	n = luaL_checkinteger(L, 2);
	luaL_optlstring(L, 3, "", &lsep);
	if (n <= 0 || (l == 0 && lsep == 0)) {
		lua_pushliteral(L, "");
		return 1;
	}
	room = s->lim.memory > s->mem ? s->lim.memory - s->mem : 0;
	if ((size_t)n > room / 2 / (l + lsep) && s->enforce) {
		script_collect(s);		/* garbage may be in the way */
		room = s->lim.memory > s->mem ? s->lim.memory - s->mem : 0;
	}
	if ((size_t)n > room / 2 / (l + lsep))
		return luaL_error(L, "string.rep: the result would exceed the "
		    "memory budget (%d MiB)", (int)(s->lim.memory >> 20));
	lua_getfield(L, lua_upvalueindex(1), "rep");
	lua_insert(L, 1);
	lua_call(L, lua_gettop(L) - 1, 1);
	return 1;
}

/* string.format without '%p' (an address) and with tostring() as ours for
 * '%s', so output never shows addresses. */
static int
script_format(lua_State *L)
{
	size_t		 len;
	const char	*f = luaL_checklstring(L, 1, &len), *end = f + len;
	int		 arg = 1;

	while (f < end) {
		if (*f++ != '%')
			continue;
		if (f < end && *f == '%') {
			f++;
			continue;
		}
		while (f < end && strchr("-+ #0123456789.", *f) != NULL)
			f++;
		if (f >= end)
			break;
		arg++;
		if (*f == 'p')
			return luaL_error(L, "string.format: '%%p' is not "
			    "available in scenarios");
		if (*f == 's' && arg <= lua_gettop(L) &&
		    lua_type(L, arg) != LUA_TSTRING &&
		    lua_type(L, arg) != LUA_TNUMBER) {
			script_tostring(L, arg, NULL);
			lua_replace(L, arg);
		}
		f++;
	}
	lua_getfield(L, lua_upvalueindex(1), "format");
	lua_insert(L, 1);
	lua_call(L, lua_gettop(L) - 1, 1);
	return 1;
}

static int
script_random(lua_State *L)
{
	struct script	*s = script_of(L);
	lua_Integer	 lo, hi;

	if (s->ex == NULL)
		return luaL_error(L, "random: no exercise");
	switch (lua_gettop(L)) {
	case 0:
		lua_pushnumber(L, rng_double(&s->ex->rng));
		return 1;
	case 1:
		lo = 1;
		hi = luaL_checkinteger(L, 1);
		break;
	case 2:
		lo = luaL_checkinteger(L, 1);
		hi = luaL_checkinteger(L, 2);
		break;
	default:
		return luaL_error(L, "random: wrong number of arguments");
	}
	luaL_argcheck(L, lo <= hi, lua_gettop(L), "interval is empty");
	lua_pushinteger(L, rng_range(&s->ex->rng, lo, hi));
	return 1;
}

/* Read-only proxy: an empty table whose metatable serves the real one. */
static int
script_proxy_newindex(lua_State *L)
{
	return luaL_error(L, "attempt to change a read-only library table "
	    "(field '%s')", lua_tostring(L, 2) != NULL ? lua_tostring(L, 2) :
	    "?");
}

static int
script_proxy_pairs(lua_State *L)
{
	/* walk the real table, deterministically; the state is the proxy */
	lua_settop(L, 1);
	lua_getmetatable(L, 1);
	lua_getfield(L, -1, "__index");			/* proxy mt real */
	return script_pairs_of(L, 3);
}

/* Replace the table on top of the stack with a read-only proxy of it. */
static void
script_freeze(lua_State *L)
{
	lua_newtable(L);				/* real proxy */
	lua_newtable(L);				/* real proxy mt */
	lua_pushvalue(L, -3);
	lua_setfield(L, -2, "__index");
	lua_pushcfunction(L, script_proxy_newindex);
	lua_setfield(L, -2, "__newindex");
	lua_pushcfunction(L, script_proxy_pairs);
	lua_setfield(L, -2, "__pairs");
	lua_pushliteral(L, "locked");
	lua_setfield(L, -2, "__metatable");
	lua_setmetatable(L, -2);			/* real proxy */
	lua_remove(L, -2);				/* proxy */
}

/* Copy the named fields of the table at src into a new table. */
static void
script_copy_fields(lua_State *L, int src, const char *const *names)
{
	src = lua_absindex(L, src);
	lua_newtable(L);
	for (; *names != NULL; names++) {
		lua_getfield(L, src, *names);
		lua_setfield(L, -2, *names);
	}
}

/*
 * The library tables scripts see, built once per state: registry[libs_ref]
 * maps names to read-only proxies.  The string metatable is pointed at the
 * sandbox's string table and locked.
 */
static void
script_build_libs(struct script *s)
{
	static const char *const string_names[] = { "byte", "char", "len",
	    "lower", "upper", "reverse", "sub", "pack", "packsize", "unpack",
	    NULL };
	static const char *const table_names[] = { "concat", "insert",
	    "move", "pack", "remove", "sort", "unpack", NULL };
	static const char *const math_names[] = { "abs", "ceil", "cos", "deg",
	    "exp", "floor", "fmod", "huge", "log", "max", "maxinteger", "min",
	    "mininteger", "modf", "pi", "rad", "sin", "sqrt", "tan",
	    "tointeger", "type", "ult", "acos", "asin", "atan", NULL };
	static const char *const utf8_names[] = { "char", "charpattern",
	    "codes", "codepoint", "len", "offset", NULL };
	static const char *const co_names[] = { "close", "create",
	    "isyieldable", "resume", "running", "status", "wrap", "yield",
	    NULL };
	static const struct {
		const char		*name;
		const char *const	*fields;
	} libs[] = {
		{ "table", table_names }, { "math", math_names },
		{ "utf8", utf8_names }, { "coroutine", co_names },
		{ NULL, NULL }
	}, *lib;
	lua_State	*L = s->L;

	lua_newtable(L);				/* libs */

	lua_getglobal(L, "string");			/* libs string */
	script_copy_fields(L, -1, string_names);	/* libs string mine */
	lua_pushvalue(L, -2);
	lua_pushcclosure(L, script_rep, 1);
	lua_setfield(L, -2, "rep");
	lua_pushvalue(L, -2);
	lua_pushcclosure(L, script_format, 1);
	lua_setfield(L, -2, "format");
	script_pattern_register(L, lua_gettop(L), s->lim.pattern_steps,
	    &script_pattern_charge);
	script_lib_wrap(L, "string", -1);
	lua_remove(L, -2);				/* libs mine */
	script_freeze(L);				/* libs proxy */
	lua_pushliteral(L, "");
	lua_getmetatable(L, -1);			/* libs proxy "" smt */
	lua_pushvalue(L, -3);
	lua_setfield(L, -2, "__index");
	lua_pushliteral(L, "locked");
	lua_setfield(L, -2, "__metatable");
	lua_pop(L, 2);
	lua_setfield(L, -2, "string");

	for (lib = libs; lib->name != NULL; lib++) {
		lua_getglobal(L, lib->name);
		script_copy_fields(L, -1, lib->fields);
		lua_remove(L, -2);
		if (strcmp(lib->name, "math") == 0) {
			lua_pushcfunction(L, script_random);
			lua_setfield(L, -2, "random");
		}
		script_lib_wrap(L, lib->name, -1);
		script_freeze(L);
		lua_setfield(L, -2, lib->name);
	}

	s->libs_ref = luaL_ref(L, LUA_REGISTRYINDEX);

	/* nothing else of the full globals is reachable from here on */
	lua_pushglobaltable(L);
	lua_pushnil(L);
	while (lua_next(L, -2) != 0) {
		lua_pop(L, 1);
		lua_pushvalue(L, -1);
		lua_pushnil(L);
		lua_rawset(L, -4);
	}
	lua_pop(L, 1);
}

static int
script_undefined(lua_State *L)
{
	if (lua_type(L, 2) == LUA_TSTRING)
		return luaL_error(L, "undefined global '%s'",
		    lua_tostring(L, 2));
	return luaL_error(L, "undefined global (a %s key)",
	    luaL_typename(L, 2));
}

/*
 * log(...) and print(...): the values as tostring() gives them, joined by
 * sep, to the exercise's log (print while loading goes nowhere).  A line
 * is at most SCRIPT_LOG_MAX bytes, as long as a protocol line, and costs
 * SCRIPT_LOG_COST instructions a byte: it is journaled and reported.
 */
#define SCRIPT_LOG_MAX		(64 * 1024)
#define SCRIPT_LOG_COST		8

int
script_log(lua_State *L, const char *fn, char sep)
{
	struct script	*s = script_of(L);
	luaL_Buffer	 b;
	size_t		 len;
	int		 i, n = lua_gettop(L);

	luaL_buffinit(L, &b);
	for (i = 1; i <= n; i++) {
		if (i > 1)
			luaL_addchar(&b, sep);
		script_tostring(L, i, &len);
		if (luaL_bufflen(&b) + len > SCRIPT_LOG_MAX)
			return luaL_error(L, "%s: the message is longer than "
			    "%d bytes", fn, SCRIPT_LOG_MAX);
		luaL_addvalue(&b);
	}
	luaL_pushresult(&b);
	script_charge(L, (long)luaL_len(L, -1) * SCRIPT_LOG_COST);
	if (s->ex != NULL && !s->loading)
		exercise_log(s->ex, lua_tostring(L, -1));
	return 0;
}

static int
script_print(lua_State *L)
{
	return script_log(L, "print", '\t');
}

/* Push a fresh environment for a run. */
static void
script_push_env(struct script *s)
{
	static const char *const base_names[] = { "assert", "error", "ipairs",
	    "pcall", "rawequal", "rawlen", "select", "tonumber", "type",
	    "xpcall", "getmetatable", "_VERSION", NULL };
	static const char *const lib_names[] = { "string", "table", "math",
	    "utf8", "coroutine", NULL };
	static const luaL_Reg own[] = {
		{ "pairs", script_pairs },
		{ "next", script_next },
		{ "tostring", script_lua_tostring },
		{ "setmetatable", script_setmetatable },
		{ "load", script_load },
		{ "print", script_print },
		{ "random", script_random },
		{ NULL, NULL }
	};
	lua_State		*L = s->L;
	const char *const	*n;

	lua_rawgeti(L, LUA_REGISTRYINDEX, s->libs_ref);	/* libs */
	lua_rawgeti(L, -1, 1);				/* libs base */
	script_copy_fields(L, -1, base_names);		/* libs base env */
	lua_remove(L, -2);
	for (n = lib_names; *n != NULL; n++) {
		lua_getfield(L, -2, *n);
		lua_setfield(L, -2, *n);
	}
	lua_remove(L, -2);				/* env */
	luaL_setfuncs(L, own, 0);
	script_decl_open(L);
	script_clock_open(L);
	script_play_open(L);
	lua_pushvalue(L, -1);
	lua_setfield(L, -2, "_G");

	lua_newtable(L);				/* env mt */
	lua_pushcfunction(L, script_undefined);
	lua_setfield(L, -2, "__index");
	lua_pushliteral(L, "locked");
	lua_setfield(L, -2, "__metatable");
	lua_setmetatable(L, -2);
}

static char *
script_read(const char *path, size_t *len, struct error *e)
{
	FILE	*f;
	char	*buf;
	size_t	 cap = 8192, n = 0, r;

	if ((f = fopen(path, "rb")) == NULL) {
		error_set(e, ERR_IO, "%s: %s", path, strerror(errno));
		return NULL;
	}
	buf = xmalloc(cap);
	while ((r = fread(buf + n, 1, cap - n - 1, f)) > 0) {
		n += r;
		if (n > SCRIPT_MAX_FILE) {
			error_set(e, ERR_INVALID, "%s: larger than %u MiB",
			    path, SCRIPT_MAX_FILE >> 20);
			goto fail;
		}
		if (n + 1 == cap)
			buf = xreallocarray(buf, cap *= 2, 1);
	}
	if (ferror(f)) {
		error_set(e, ERR_IO, "%s: %s", path, strerror(errno));
		goto fail;
	}
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
fail:
	fclose(f);
	free(buf);
	return NULL;
}

struct script *
script_new(const char *path, const struct script_limits *lim,
    struct diags *d, struct error *e)
{
	struct script	*s;
	lua_State	*L;
	char		*chunkname;
	int		 status;

	s = xcalloc(1, sizeof *s);
	if (lim != NULL)
		s->lim = *lim;
	else
		script_limits_default(&s->lim);
	s->path = xstrdup(path);
	s->run_ref = LUA_NOREF;
	s->cur_proc = -1;
	s->scan_arena = arena_new();
	if ((s->source = script_read(path, &s->source_len, e)) == NULL)
		goto fail;
	if ((L = lua_newstate(script_alloc, s)) == NULL) {
		error_set(e, ERR_IO, "cannot create a Lua state");
		goto fail;
	}
	s->L = L;
	*(struct script **)lua_getextraspace(L) = s;
	lua_atpanic(L, NULL);
	luaL_openlibs(L);
	lua_gc(L, LUA_GCSTOP);		/* collections: script_collect */
	s->gc_next = 2 * SCRIPT_GC_MIN;

	/* the base functions the environment copies, kept at libs[1] */
	lua_pushglobaltable(L);
	lua_newtable(L);
	lua_pushnil(L);
	while (lua_next(L, -3) != 0) {
		lua_pushvalue(L, -2);
		lua_insert(L, -2);
		lua_rawset(L, -4);
	}
	lua_remove(L, -2);				/* basecopy */
	script_lib_wrap(L, "_G", -1);
	script_build_libs(s);
	lua_rawgeti(L, LUA_REGISTRYINDEX, s->libs_ref);
	lua_insert(L, -2);
	lua_rawseti(L, -2, 1);				/* libs[1] = base */
	lua_pop(L, 1);

	chunkname = xasprintf("@%s", path);
	status = luaL_loadbufferx(L, s->source, s->source_len, chunkname, "t");
	free(chunkname);
	if (status != LUA_OK) {
		diags_add_lua(d, lua_tostring(L, -1));
		goto fail;
	}
	s->chunk_ref = luaL_ref(L, LUA_REGISTRYINDEX);
	script_scan(s);
	return s;
fail:
	script_free(s);
	return NULL;
}

void
script_free(struct script *s)
{
	if (s == NULL)
		return;
	if (s->L != NULL) {
		script_end(s);
		lua_close(s->L);
	}
	free(s->handlers);
	free(s->timers);
	free(s->procs);
	free(s->refs);
	free(s->fields);
	free(s->pending);
	arena_free(s->scan_arena);
	free(s->source);
	free(s->path);
	free(s);
}

int
script_begin(struct script *s, struct exercise *ex, uint64_t seed,
    struct diags *d)
{
	lua_State	*L = s->L;
	size_t		 before = d->n;

	script_end(s);
	/* start from the live heap only: a string an earlier run left
	 * interned would cost nothing to make again, and a callback that
	 * meets its budget would get further than in a fresh process (Lua's
	 * string table keeps some of its growth: docs/security.md) */
	script_collect(s);
	exercise_reset(ex, seed);
	s->ex = ex;
	s->diags = d;
	s->loading = 1;
	s->nids = 0;
	s->npending = 0;
	s->run_steps = 0;
	s->run_over = 0;
	s->instant = -1;
	s->instant_n = 0;
	s->nfired = 0;

	lua_newtable(L);				/* run */
	script_push_env(s);				/* run env */
	lua_newtable(L);				/* run env state */
	lua_pushvalue(L, -1);
	lua_setfield(L, -3, "state");
	lua_setfield(L, -3, SCRIPT_RUN_STATE);
	lua_setfield(L, -2, SCRIPT_RUN_ENV);
	lua_newtable(L);
	lua_setfield(L, -2, SCRIPT_RUN_IDS);
	s->run_ref = luaL_ref(L, LUA_REGISTRYINDEX);

	lua_rawgeti(L, LUA_REGISTRYINDEX, s->chunk_ref);	/* chunk */
	script_push_run(L);
	lua_getfield(L, -1, SCRIPT_RUN_ENV);
	lua_remove(L, -2);				/* chunk env */
	lua_setupvalue(L, -2, 1);
	if (script_call(s, 0, 0) == 0) {
		script_decl_finish(s);
		exercise_resolve(ex, d);
	}
	ex->scenario.file = arena_strdup(ex->arena, s->path);
	s->loading = 0;
	s->diags = NULL;
	if (d->n > before)
		return -1;
	exercise_listen(ex, script_play_listener, s);
	return 0;
}

void
script_end(struct script *s)
{
	if (s->run_ref != LUA_NOREF) {
		luaL_unref(s->L, LUA_REGISTRYINDEX, s->run_ref);
		s->run_ref = LUA_NOREF;
	}
	script_clock_reset(s);
	s->nhandlers = 0;
	s->ex = NULL;
	s->cur_proc = -1;
}

const char *
script_source(const struct script *s, size_t *len)
{
	*len = s->source_len;
	return s->source;
}

const char *
script_path(const struct script *s)
{
	return s->path;
}

size_t
script_memory(const struct script *s)
{
	return s->mem;
}

sim_time
script_check_duration(lua_State *L, int arg, const char *fn)
{
	struct error	e;
	sim_time	t;
	lua_Number	n;

	if (lua_type(L, arg) == LUA_TNUMBER) {
		n = lua_tonumber(L, arg);
		if (!(n >= 0 && n <= 1e11))
			luaL_error(L, "%s: bad duration %f: must be 0 or more "
			    "seconds", fn, n);
		return (sim_time)(n * 1000.0 + 0.5);
	}
	if (lua_type(L, arg) != LUA_TSTRING)
		luaL_error(L, "%s: bad duration: expected a string or a number "
		    "of seconds, got %s", fn, luaL_typename(L, arg));
	if (vtime_parse(lua_tostring(L, arg), &t, &e) != 0)
		luaL_error(L, "%s: bad duration \"%s\": %s", fn,
		    lua_tostring(L, arg), e.msg);
	return t;
}

int
script_misuse(lua_State *L, const char *fmt, ...)
{
	struct script	*s = script_of(L);
	va_list		 ap;

	va_start(ap, fmt);
	lua_pushvfstring(L, fmt, ap);
	va_end(ap);
	if (!s->loading || s->diags == NULL)
		return lua_error(L);
	diags_add(s->diags, script_line(L), "%s", lua_tostring(L, -1));
	lua_pop(L, 1);
	return 0;
}

void
script_check_running(lua_State *L, const char *fn)
{
	struct script	*s = script_of(L);

	if (s->loading || s->ex == NULL)
		luaL_error(L, "%s: only allowed once the exercise runs (in a "
		    "handler, timer or process)", fn);
}

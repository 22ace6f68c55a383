/*
 * The scenario's clock: now, at, after, every (each returns a handle with
 * :cancel()), and processes, coroutines that pause on the virtual clock
 * with wait(duration) and await(inject[, timeout]).
 *
 * Timers and processes are slots in arrays indexed by the sim events' data;
 * the Lua values they run are kept in the run table.  A handle holds only
 * its slot number: Lua never sees a C pointer.
 */
#include <stdlib.h>
#include <string.h>

#include "script-internal.h"
#include "vtime.h"
#include "xmalloc.h"

#define CLOCK_TIMER_MT	"ttxsim.timer"
#define CLOCK_NONE	((size_t)-1)

/* A timer's handle: its slot, and the slot's generation when it was made
 * (a slot is reused once its timer is gone). */
struct clock_handle {
	size_t		slot;
	unsigned	gen;
};

static void	clock_timer_fire(struct sim *sim, void *arg, uint64_t data);
static void	clock_proc_wake(struct sim *sim, void *arg, uint64_t data);

static sim_time
clock_now(struct script *s)
{
	return sim_now(s->ex->sim);
}

static int
clock_lua_now(lua_State *L)
{
	struct script	*s = script_of(L);
	sim_time	 t = s->ex != NULL ? clock_now(s) : 0;

	if (t % SIM_SEC == 0)
		lua_pushinteger(L, t / SIM_SEC);
	else
		lua_pushnumber(L, (lua_Number)t / 1000.0);
	return 1;
}

/* A free timer slot (a new one, or one whose timer is gone). */
static size_t
clock_timer_slot(struct script *s)
{
	size_t	i;

	if ((i = s->free_timer) != CLOCK_NONE) {
		s->free_timer = s->timers[i].next_free;
		return i;
	}
	if (s->ntimers == s->ctimers) {
		s->ctimers = s->ctimers ? s->ctimers * 2 : 16;
		s->timers = xreallocarray(s->timers, s->ctimers,
		    sizeof *s->timers);
	}
	s->timers[s->ntimers].gen = 0;
	return s->ntimers++;
}

static void
clock_timer_free(struct script *s, size_t i)
{
	s->timers[i].gen++;
	s->timers[i].next_free = s->free_timer;
	s->free_timer = i;
}

/* Start a timer for the function at stack index fn; pushes its handle. */
static void
clock_timer_new(lua_State *L, sim_time t, sim_time every, int fn)
{
	struct script		*s = script_of(L);
	struct script_timer	*tm;
	struct clock_handle	*ud;
	size_t			 i = clock_timer_slot(s);

	tm = &s->timers[i];
	lua_pushvalue(L, fn);
	tm->cb = script_keep(L);
	tm->every = every;
	tm->line = script_line(L);
	tm->alive = 1;
	tm->h = sim_at(s->ex->sim, t, clock_timer_fire, s, i);

	ud = lua_newuserdatauv(L, sizeof *ud, 0);
	ud->slot = i;
	ud->gen = tm->gen;
	luaL_setmetatable(L, CLOCK_TIMER_MT);
}

static int
clock_at(lua_State *L)
{
	struct script	*s = script_of(L);
	sim_time	 t = script_check_duration(L, 1, "at");
	char		 b1[VTIME_BUFSZ], b2[VTIME_BUFSZ];

	luaL_checktype(L, 2, LUA_TFUNCTION);
	if (t < clock_now(s))
		return luaL_error(L, "at: %s is in the past (it is now %s)",
		    vtime_format(t, b1, sizeof b1),
		    vtime_format(clock_now(s), b2, sizeof b2));
	clock_timer_new(L, t, 0, 2);
	return 1;
}

static int
clock_after(lua_State *L)
{
	struct script	*s = script_of(L);
	sim_time	 d = script_check_duration(L, 1, "after");

	luaL_checktype(L, 2, LUA_TFUNCTION);
	clock_timer_new(L, clock_now(s) + d, 0, 2);
	return 1;
}

static int
clock_every(lua_State *L)
{
	struct script	*s = script_of(L);
	sim_time	 d = script_check_duration(L, 1, "every");

	luaL_checktype(L, 2, LUA_TFUNCTION);
	if (d < SIM_SEC)
		return luaL_error(L, "every: the interval must be at least 1 "
		    "second");
	clock_timer_new(L, clock_now(s) + d, d, 2);
	return 1;
}

static void
clock_timer_kill(struct script *s, lua_State *L, size_t i)
{
	struct script_timer	*tm = &s->timers[i];

	if (!tm->alive)
		return;
	tm->alive = 0;
	sim_cancel(s->ex->sim, tm->h);
	script_drop_kept(L, tm->cb);
	clock_timer_free(s, i);
}

/* handle:cancel() -> true if it was still to fire */
static int
clock_cancel(lua_State *L)
{
	struct script		*s = script_of(L);
	struct clock_handle	*h = luaL_checkudata(L, 1, CLOCK_TIMER_MT);
	int			 was;

	if (h->slot >= s->ntimers || s->ex == NULL ||
	    s->timers[h->slot].gen != h->gen) {
		lua_pushboolean(L, 0);
		return 1;
	}
	was = s->timers[h->slot].alive;
	clock_timer_kill(s, L, h->slot);
	lua_pushboolean(L, was);
	return 1;
}

static void
clock_timer_fire(struct sim *sim, void *arg, uint64_t data)
{
	struct script		*s = arg;
	struct script_timer	*tm = &s->timers[data];
	unsigned		 gen = tm->gen;
	int			 cb = tm->cb, once = tm->every == 0, failed;

	if (!tm->alive || s->ex->ended)
		return;
	if (!once)
		tm->h = sim_at(sim, sim_now(sim) + tm->every,
		    clock_timer_fire, s, data);
	else
		tm->alive = 0;		/* cancel() in it returns false */
	script_push_kept(s->L, cb);
	failed = script_call(s, 0, 0) != 0;
	tm = &s->timers[data];		/* the array may have moved */
	if (tm->gen != gen)
		return;			/* it cancelled itself */
	if (once) {
		script_drop_kept(s->L, cb);
		clock_timer_free(s, data);
	} else if (failed)
		clock_timer_kill(s, s->L, data);	/* don't repeat */
}

/* process(fn): run fn as a coroutine on the virtual clock, from now. */
static int
clock_process(lua_State *L)
{
	struct script		*s = script_of(L);
	struct script_proc	*p;
	lua_State		*co;
	size_t			 i;

	luaL_checktype(L, 1, LUA_TFUNCTION);
	if ((i = s->free_proc) != CLOCK_NONE)
		s->free_proc = s->procs[i].next_free;
	else {
		if (s->nprocs == s->cprocs) {
			s->cprocs = s->cprocs ? s->cprocs * 2 : 8;
			s->procs = xreallocarray(s->procs, s->cprocs,
			    sizeof *s->procs);
		}
		i = s->nprocs++;
	}
	p = &s->procs[i];
	memset(p, 0, sizeof *p);
	co = lua_newthread(L);				/* fn co */
	lua_pushvalue(L, 1);
	lua_xmove(L, co, 1);
	p->co = co;
	p->cb = script_keep(L);				/* anchors co */
	p->line = script_line(L);
	p->alive = 1;
	p->await_inject = -1;
	p->wake = sim_at(s->ex->sim, clock_now(s), clock_proc_wake, s, i);
	return 0;
}

/* The process calling, or raise. */
static struct script_proc *
clock_self(lua_State *L, const char *fn)
{
	struct script	*s = script_of(L);

	if (s->cur_proc < 0)
		luaL_error(L, "%s: only allowed inside process(function() ... "
		    "end)", fn);
	if (s->procs[s->cur_proc].co != L)
		luaL_error(L, "%s: call it from the process itself, not from a "
		    "coroutine inside it", fn);
	/* before anything is scheduled: a pause that cannot happen must
	 * leave no wake-up behind (slots are reused) */
	if (!lua_isyieldable(L))
		luaL_error(L, "%s: the process cannot pause here (inside a "
		    "metamethod, an iterator or a function a library calls, "
		    "such as table.sort's comparison)", fn);
	return &s->procs[s->cur_proc];
}

static int
clock_wait(lua_State *L)
{
	struct script		*s = script_of(L);
	sim_time		 d = script_check_duration(L, 1, "wait");
	struct script_proc	*p = clock_self(L, "wait");

	p->wake = sim_at(s->ex->sim, clock_now(s) + d, clock_proc_wake, s,
	    (uint64_t)s->cur_proc);
	p->waiting = 1;
	return lua_yield(L, 0);
}

static int
clock_await(lua_State *L)
{
	struct script		*s = script_of(L);
	const char		*id = luaL_checkstring(L, 1);
	struct script_proc	*p;
	struct ex_inject	*in;
	sim_time		 d = 0;
	int			 i;

	if ((i = exercise_inject(s->ex, id)) == -1)
		return luaL_error(L, "await: unknown inject '%s'", id);
	in = &s->ex->injects[i];
	if (in->nchoices == 0)
		return luaL_error(L, "await: inject '%s' has no choices, so no "
		    "decision will ever come", id);
	if (!lua_isnoneornil(L, 2))
		d = script_check_duration(L, 2, "await");
	p = clock_self(L, "await");
	if (in->last != -1 && s->ex->deliveries[in->last].choice != -1) {
		script_play_push_decision(s, L, in->last);
		return 1;
	}
	p->await_inject = i;
	p->wake = 0;
	if (!lua_isnoneornil(L, 2))
		p->wake = sim_at(s->ex->sim, clock_now(s) + d, clock_proc_wake,
		    s, (uint64_t)s->cur_proc);
	p->waiting = 1;
	return lua_yield(L, 0);
}

static void
clock_proc_wake(struct sim *sim, void *arg, uint64_t data)
{
	struct script	*s = arg;
	int		 nargs = 0;

	if (!s->procs[data].alive || s->ex->ended)
		return;
	s->procs[data].wake = 0;
	if (s->procs[data].await_inject != -1) {
		/* await() timed out */
		s->procs[data].await_inject = -1;
		lua_pushnil(s->procs[data].co);
		nargs = 1;
	}
	script_resume(s, data, nargs);
}

void
script_clock_decided(struct script *s, int inject, int delivery)
{
	size_t	i, n = s->nprocs;

	for (i = 0; i < n; i++) {
		if (!s->procs[i].alive || s->procs[i].await_inject != inject)
			continue;
		if (s->procs[i].wake != 0)
			sim_cancel(s->ex->sim, s->procs[i].wake);
		s->procs[i].wake = 0;
		s->procs[i].await_inject = -1;
		script_play_push_decision(s, s->procs[i].co, delivery);
		script_resume(s, i, 1);
		if (s->ex->ended)
			break;
	}
}

void
script_clock_end_proc(struct script *s, size_t i)
{
	struct script_proc	*p = &s->procs[i];

	if (!p->alive)
		return;
	if (p->wake != 0)
		sim_cancel(s->ex->sim, p->wake);
	p->alive = 0;
	p->co = NULL;
	script_drop_kept(s->L, p->cb);
	p->next_free = s->free_proc;
	s->free_proc = i;
}

void
script_clock_reset(struct script *s)
{
	s->ntimers = 0;
	s->nprocs = 0;
	s->free_timer = CLOCK_NONE;
	s->free_proc = CLOCK_NONE;
}

void
script_clock_open(lua_State *L)
{
	static const luaL_Reg fns[] = {
		{ "now", clock_lua_now },
		{ "at", clock_at },
		{ "after", clock_after },
		{ "every", clock_every },
		{ "process", clock_process },
		{ "wait", clock_wait },
		{ "await", clock_await },
		{ NULL, NULL }
	};

	if (luaL_newmetatable(L, CLOCK_TIMER_MT)) {	/* env mt */
		lua_newtable(L);
		lua_pushcfunction(L, clock_cancel);
		lua_setfield(L, -2, "cancel");
		lua_setfield(L, -2, "__index");
		lua_pushliteral(L, "locked");
		lua_setfield(L, -2, "__metatable");
	}
	lua_pop(L, 1);
	luaL_setfuncs(L, fns, 0);
}

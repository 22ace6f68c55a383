/*
 * What the script-*.c files share and nothing else sees: the script's
 * struct and the helpers every binding uses.
 */
#ifndef TTX_SCRIPT_INTERNAL_H
#define TTX_SCRIPT_INTERNAL_H

#include <lua.h>
#include <lauxlib.h>

#include "diag.h"
#include "exercise.h"
#include "script.h"

/* Event kinds a handler can be registered for with on(). */
#define SCRIPT_ON_KINDS(X)	\
	X(ON_DECISION, "decision") \
	X(ON_ACK, "ack")	\
	X(ON_TIMEOUT, "timeout") \
	X(ON_SHARE, "share")	\
	X(ON_NOTE, "note")

enum script_on {
#define X(e, s) e,
	SCRIPT_ON_KINDS(X)
#undef X
	ON__COUNT
};

struct script_handler {
	enum script_on	 kind;
	int		 inject;	/* -1: every inject */
	const char	*inject_id;	/* as given, NULL for every inject */
	int		 cb;		/* key in the run table */
	int		 line;
	int		 ran;		/* in this run */
};

struct script_timer {
	sim_handle	 h;
	int		 cb;
	sim_time	 every;		/* 0 for one-shot */
	int		 line;
	int		 alive;
	unsigned	 gen;		/* bumped when the slot is freed */
	size_t		 next_free;	/* free list, while free */
};

struct script_proc {
	lua_State	*co;		/* anchored by the run table at cb */
	int		 cb;
	int		 line;
	int		 alive;
	int		 waiting;	/* yielded by wait() or await() */
	int		 await_inject;	/* -1 unless in await() */
	sim_handle	 wake;
	size_t		 next_free;	/* free list, while dead */
};

/* A reference the static scan or on() made to a declared id. */
struct script_ref {
	char		 kind;		/* 'i'nject, 'o'bjective, 'c'hoice */
	int		 line;
	const char	*id;
	const char	*inject;	/* for 'c': the inject's id */
	const char	*what;		/* "fire", "on", ... */
};

/* A declaration's field as found by the static scan. */
struct script_field {
	const char	*kind, *id, *field;
	int		 line;
};

/* A curried declaration `inject "id"` still waiting for its table. */
struct script_pending {
	const char	*kind, *id;
	int		 line;
	int		 done;
};

/* What stops a callback: a budget it spent. */
enum script_over {
	OVER_NONE,
	OVER_STEPS,		/* instructions (and counted work) */
	OVER_MEMORY,
	OVER_TIME		/* the wall-time backstop */
};

struct script {
	lua_State		*L;
	char			*path;		/* as the user named it */
	char			*source;
	size_t			 source_len;
	struct script_limits	 lim;

	/* budgets */
	size_t			 mem;
	size_t			 gc_next;	/* collect at a callback's start
						   when mem is past this */
	int			 enforce;	/* limits apply */
	int			 mem_over;	/* soft limit passed */
	int			 refused;	/* an allocation past the hard
						   limit failed */
	int			 refused_line;	/* where, or 0 */
	long			 steps;		/* this callback's */
	long			 run_steps;	/* the run's, before it */
	long			 t0;		/* callback's start (ms) */
	enum script_over	 over;		/* what this callback spent */
	int			 run_over;	/* the run's budget is spent */
	int			 depth;		/* nested script_call */
	lua_State		*running;	/* the thread running now */

	int			 chunk_ref;	/* the compiled scenario */
	int			 libs_ref;	/* frozen library proxies */
	int			 run_ref;	/* per-run table, or LUA_NOREF */
	int			 nids;		/* tostring ids handed out */

	struct exercise		*ex;
	struct diags		*diags;		/* while loading */
	int			 loading;

	struct script_handler	*handlers;
	size_t			 nhandlers, chandlers;
	struct script_timer	*timers;
	size_t			 ntimers, ctimers;
	struct script_proc	*procs;
	size_t			 nprocs, cprocs;
	size_t			 free_timer, free_proc; /* or (size_t)-1 */
	sim_time		 instant;	/* callbacks run at this time */
	long			 instant_n;	/* ... so far */
	long			 nfired;	/* fire() calls this run */
	int			 cur_proc;	/* -1 outside a process */

	/* from the static scan, kept for every run */
	struct script_ref	*refs;
	size_t			 nrefs, crefs;
	struct script_field	*fields;
	size_t			 nfields, cfields;
	struct script_pending	*pending;
	size_t			 npending, cpending;
	struct arena		*scan_arena;
};

/* Fields of the run table; its integer keys are luaL_ref's. */
#define SCRIPT_RUN_ENV		"env"
#define SCRIPT_RUN_STATE	"state"
#define SCRIPT_RUN_IDS		"ids"

/* script.c */
struct script	*script_of(lua_State *L);
/* The line being run in the calling Lua function (level 1), or 0. */
int		 script_line(lua_State *L);
/* Store the value on top of L's stack in the run table (pops it); returns
 * its key.  L is the running thread: the main one or a process's. */
int		 script_keep(lua_State *L);
/* Push the value kept under key onto L. */
void		 script_push_kept(lua_State *L, int key);
void		 script_drop_kept(lua_State *L, int key);
/* Call the function below nargs arguments with the budgets armed; on error
 * report it (a diagnostic while loading, else a scenario error) and
 * return -1.  `what' names the callback for messages about budgets. */
int		 script_call(struct script *s, int nargs, int nres);
/* Resume a process; reports errors like script_call.  Returns the
 * lua_resume status. */
int		 script_resume(struct script *s, size_t proc, int nargs);
/* Charge n instructions' worth of work to the running callback (nothing
 * outside one); raises the budget error at the caller's line once the
 * budget is spent.  A C function charges before it does the work. */
void		 script_charge(lua_State *L, long n);
/* Raise the budget error at the caller's line if the callback has spent a
 * budget: every function that can catch an error (pcall, xpcall,
 * coroutine.resume, wrap and close) calls it before it returns, so no
 * scenario code survives the error. */
void		 script_recheck(lua_State *L);
/* The thread that runs scenario code now (coroutine wrappers set it, so
 * the allocator can stop the right thread at once). */
lua_State	*script_running(lua_State *L, lua_State *co);
/* Collect all garbage now (at a point the run decides; see script.c). */
void		 script_collect(struct script *s);
/* script-lib.c: in the sandbox's copy (at stack index idx) of the
 * library `name' ("_G" for the base functions), replace each function
 * whose work no count sees with one that charges it. */
void		 script_lib_wrap(lua_State *L, const char *name, int idx);
/* log() and print(): the arguments joined by sep, to the exercise log;
 * fn names the function in errors. */
int		 script_log(lua_State *L, const char *fn, char sep);
/* Deterministic tostring of the value at idx (pushes the string). */
const char	*script_tostring(lua_State *L, int idx, size_t *len);
/* A duration argument (string or number of seconds): raises with the
 * function's name on a bad value. */
sim_time	 script_check_duration(lua_State *L, int arg, const char *fn);
/* A misused API call: while loading, a diagnostic at the caller's line
 * (loading goes on, so check reports everything); later, a Lua error.
 * Returns 0 (the number of results) when it does not raise. */
int		 script_misuse(lua_State *L, const char *fmt, ...);
/* Raise "fn: the exercise has not started" when called while loading. */
void		 script_check_running(lua_State *L, const char *fn);

/* script-scan.c: the static pass over the source. */
void		 script_scan(struct script *s);
/* script-scan.c: the range [*lo, *hi) of s->fields that belongs to the
 * declaration (kind, id); id is NULL for the scenario. */
void		 script_scan_fields(const struct script *s, const char *kind,
		     const char *id, size_t *lo, size_t *hi);

/* script-decl.c, script-clock.c, script-play.c: each adds its functions
 * to the environment table on top of the stack. */
void		 script_decl_open(lua_State *L);
void		 script_clock_open(lua_State *L);
void		 script_play_open(lua_State *L);
/* script-decl.c: after the chunk ran, report declarations never
 * completed and references the scan found to unknown ids. */
void		 script_decl_finish(struct script *s);
/* script-play.c: the exercise listener that runs on() handlers and wakes
 * processes in await(). */
void		 script_play_listener(struct exercise *ex,
		     const struct ex_record *r, void *arg);
/* script-clock.c: a process is over: free its slot. */
void		 script_clock_end_proc(struct script *s, size_t proc);
/* script-clock.c: forget every timer and process of the run. */
void		 script_clock_reset(struct script *s);
/* script-clock.c: resume the processes awaiting a decision on inject. */
void		 script_clock_decided(struct script *s, int inject,
		     int delivery);
/* script-play.c: push the table handlers and await() get for a decision
 * (onto L, which may be a process's thread). */
void		 script_play_push_decision(struct script *s, lua_State *L,
		     int delivery);

#endif

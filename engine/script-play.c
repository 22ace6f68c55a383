/*
 * The scenario acting on the exercise: fire, on, met, missed, log, finish,
 * state; and the exercise listener that runs on() handlers and wakes
 * processes waiting in await().
 */
#include <string.h>

#include "arena.h"
#include "script-internal.h"
#include "xmalloc.h"

#define PLAY_MAX_FIRES	10000	/* fire() calls in a run */

static const char *const play_on_names[] = {
#define X(e, s) s,
	SCRIPT_ON_KINDS(X)
#undef X
	NULL
};

static int
play_inject_arg(lua_State *L, int arg, const char *fn)
{
	struct script	*s = script_of(L);
	const char	*id = luaL_checkstring(L, arg);
	int		 i;

	if ((i = exercise_inject(s->ex, id)) == -1)
		luaL_error(L, "%s: unknown inject '%s'", fn, id);
	return i;
}

/* An override field: a string copied into the arena, or NULL. */
static const char *
play_opt_string(lua_State *L, int t, const char *name)
{
	struct script	*s = script_of(L);
	const char	*v = NULL;
	int		 type = lua_getfield(L, t, name);

	if (type == LUA_TSTRING)
		v = arena_strdup(s->ex->arena, lua_tostring(L, -1));
	else if (type != LUA_TNIL)
		luaL_error(L, "fire: field '%s': expected a string, got %s",
		    name, luaL_typename(L, -1));
	lua_pop(L, 1);
	return v;
}

/* fire(inject[, { title=, body=, from=, to=, tlp=, deadline= }]) */
static int
play_fire(lua_State *L)
{
	static const char *const allowed[] = { "title", "body", "from", "to",
	    "tlp", "deadline", NULL };
	struct script		*s = script_of(L);
	struct ex_fire		 o, *op = NULL;
	const char *const	*a;
	const char		*tlp;
	int			 inject, t;
	size_t			 n, i;

	script_check_running(L, "fire");
	inject = play_inject_arg(L, 1, "fire");
	/* each delivery is kept for the report, outside the Lua budget */
	if (++s->nfired > PLAY_MAX_FIRES)
		return luaL_error(L, "fire: more than %d injects fired in one "
		    "run", PLAY_MAX_FIRES);
	if (!lua_isnoneornil(L, 2)) {
		luaL_checktype(L, 2, LUA_TTABLE);
		lua_pushnil(L);
		while (lua_next(L, 2) != 0) {
			lua_pop(L, 1);
			for (a = allowed; *a != NULL; a++) {
				if (lua_type(L, -1) == LUA_TSTRING &&
				    strcmp(lua_tostring(L, -1), *a) == 0)
					break;
			}
			if (*a == NULL)
				return luaL_error(L, "fire: unknown field "
				    "'%s' (fire can change title, body, from, "
				    "to, tlp and deadline)",
				    lua_type(L, -1) == LUA_TSTRING ?
				    lua_tostring(L, -1) : "?");
		}
		memset(&o, 0, sizeof o);
		o.title = play_opt_string(L, 2, "title");
		o.body = play_opt_string(L, 2, "body");
		o.from = play_opt_string(L, 2, "from");
		o.tlp = -1;
		if ((tlp = play_opt_string(L, 2, "tlp")) != NULL &&
		    (o.tlp = tlp_parse(tlp)) == -1)
			return luaL_error(L, "fire: unknown TLP label \"%s\"",
			    tlp);
		o.deadline = -1;
		if (lua_getfield(L, 2, "deadline") != LUA_TNIL)
			o.deadline = script_check_duration(L, -1, "fire");
		lua_pop(L, 1);
		t = lua_getfield(L, 2, "to");
		if (t == LUA_TSTRING || t == LUA_TTABLE) {
			if (t == LUA_TSTRING) {
				lua_createtable(L, 1, 0);
				lua_insert(L, -2);
				lua_rawseti(L, -2, 1);
			}
			n = lua_rawlen(L, -1);
			if (n == 0)
				return luaL_error(L, "fire: field 'to' is "
				    "empty");
			o.to = arena_alloc(s->ex->arena, n * sizeof *o.to);
			for (i = 0; i < n; i++) {
				lua_rawgeti(L, -1, (lua_Integer)i + 1);
				if (!lua_isstring(L, -1) ||
				    (o.to[i] = exercise_role(s->ex,
				    lua_tostring(L, -1))) == -1)
					return luaL_error(L, "fire: field 'to': "
					    "unknown role '%s'",
					    lua_isstring(L, -1) ?
					    lua_tostring(L, -1) : "?");
				lua_pop(L, 1);
			}
			o.nto = n;
		} else if (t != LUA_TNIL)
			return luaL_error(L, "fire: field 'to': expected a "
			    "role id or a list of them");
		lua_pop(L, 1);
		op = &o;
	}
	exercise_fire(s->ex, inject, op);
	return 0;
}

/* on(kind, inject_or_nil, fn) */
static int
play_on(lua_State *L)
{
	struct script		*s = script_of(L);
	struct script_handler	*h;
	const char		*kind = luaL_checkstring(L, 1);
	int			 k;

	for (k = 0; play_on_names[k] != NULL; k++) {
		if (strcmp(play_on_names[k], kind) == 0)
			break;
	}
	if (play_on_names[k] == NULL)
		return script_misuse(L, "on: unknown event kind '%s' (expected "
		    "decision, ack, timeout, share or note)", kind);
	if (!lua_isnil(L, 2) && lua_type(L, 2) != LUA_TSTRING)
		return script_misuse(L, "on: the second argument is an inject "
		    "id or nil (for every inject), got %s",
		    luaL_typename(L, 2));
	if (lua_type(L, 3) != LUA_TFUNCTION)
		return script_misuse(L, "on: the third argument is the handler "
		    "function, got %s", luaL_typename(L, 3));
	if (s->nhandlers == s->chandlers) {
		s->chandlers = s->chandlers ? s->chandlers * 2 : 16;
		s->handlers = xreallocarray(s->handlers, s->chandlers,
		    sizeof *s->handlers);
	}
	h = &s->handlers[s->nhandlers];
	h->kind = (enum script_on)k;
	h->inject = -1;
	h->inject_id = NULL;
	h->line = script_line(L);
	h->ran = 0;
	if (lua_isstring(L, 2)) {
		h->inject_id = arena_strdup(s->ex->arena, lua_tostring(L, 2));
		if (!s->loading &&
		    (h->inject = exercise_inject(s->ex, h->inject_id)) == -1)
			return luaL_error(L, "on: unknown inject '%s'",
			    h->inject_id);
	}
	lua_pushvalue(L, 3);
	h->cb = script_keep(L);
	s->nhandlers++;
	return 0;
}

static int
play_verdict(lua_State *L, enum ex_verdict v, const char *fn)
{
	struct script	*s = script_of(L);
	const char	*id, *note;
	int		 o;

	script_check_running(L, fn);
	id = luaL_checkstring(L, 1);
	note = luaL_optstring(L, 2, NULL);
	if ((o = exercise_objective(s->ex, id)) == -1)
		return luaL_error(L, "%s: unknown objective '%s'", fn, id);
	exercise_verdict(s->ex, o, v, note);
	return 0;
}

static int
play_met(lua_State *L)
{
	return play_verdict(L, EX_MET, "met");
}

static int
play_missed(lua_State *L)
{
	return play_verdict(L, EX_MISSED, "missed");
}

static int
play_log(lua_State *L)
{
	script_check_running(L, "log");
	return script_log(L, "log", ' ');
}

static int
play_finish(lua_State *L)
{
	struct script	*s = script_of(L);

	script_check_running(L, "finish");
	exercise_finish(s->ex, luaL_optstring(L, 1, NULL));
	return 0;
}

void
script_play_push_decision(struct script *s, lua_State *L, int delivery)
{
	struct exercise		*ex = s->ex;
	struct ex_delivery	*dv = &ex->deliveries[delivery];
	struct ex_inject	*in = &ex->injects[dv->inject];

	lua_createtable(L, 0, 7);
	lua_pushstring(L, in->id);
	lua_setfield(L, -2, "inject");
	lua_pushstring(L, ex->roles[dv->decided_by].id);
	lua_setfield(L, -2, "role");
	lua_pushstring(L, in->choices[dv->choice].id);
	lua_setfield(L, -2, "choice");
	lua_pushstring(L, in->choices[dv->choice].label);
	lua_setfield(L, -2, "label");
	lua_pushinteger(L, dv->decided_t / SIM_SEC);
	lua_setfield(L, -2, "t");
	lua_pushboolean(L, dv->late);
	lua_setfield(L, -2, "late");
}

/* The table for a share handler: role, to (a list), tlp, title, text,
 * t, refused, reason. */
static void
play_push_share(struct script *s, const struct ex_record *r)
{
	lua_State		*L = s->L;
	const struct ex_share	*sh = &s->ex->shares[r->share];
	size_t			 i;

	lua_createtable(L, 0, 8);
	lua_pushstring(L, s->ex->roles[sh->from].id);
	lua_setfield(L, -2, "role");
	lua_createtable(L, (int)sh->nto, 0);
	for (i = 0; i < sh->nto; i++) {
		lua_pushstring(L, s->ex->roles[sh->to[i]].id);
		lua_rawseti(L, -2, (lua_Integer)i + 1);
	}
	lua_setfield(L, -2, "to");
	lua_pushstring(L, tlp_name(sh->tlp));
	lua_setfield(L, -2, "tlp");
	lua_pushstring(L, sh->title);
	lua_setfield(L, -2, "title");
	lua_pushstring(L, sh->text);
	lua_setfield(L, -2, "text");
	lua_pushinteger(L, sh->t / SIM_SEC);
	lua_setfield(L, -2, "t");
	lua_pushboolean(L, sh->refused);
	lua_setfield(L, -2, "refused");
	if (sh->reason != NULL) {
		lua_pushstring(L, sh->reason);
		lua_setfield(L, -2, "reason");
	}
}

/* The table for an ack, timeout or note handler. */
static void
play_push_event(struct script *s, const struct ex_record *r)
{
	lua_State	*L = s->L;

	lua_createtable(L, 0, 5);
	if (r->inject >= 0) {
		lua_pushstring(L, s->ex->injects[r->inject].id);
		lua_setfield(L, -2, "inject");
	}
	if (r->kind == REC_NOTE && r->text != NULL) {
		lua_pushstring(L, r->text);
		lua_setfield(L, -2, "text");
	}
	if (r->role != -1) {
		lua_pushstring(L, s->ex->roles[r->role].id);
		lua_setfield(L, -2, "role");
	}
	if (r->player != NULL) {
		lua_pushstring(L, r->player);
		lua_setfield(L, -2, "player");
	}
	lua_pushinteger(L, r->t / SIM_SEC);
	lua_setfield(L, -2, "t");
}

void
script_play_listener(struct exercise *ex, const struct ex_record *r,
    void *arg)
{
	struct script	*s = arg;
	enum script_on	 kind;
	size_t		 i, n = s->nhandlers;

	switch (r->kind) {
	case REC_DECISION:
		kind = ON_DECISION;
		break;
	case REC_ACK:
		kind = ON_ACK;
		break;
	case REC_TIMEOUT:
		kind = ON_TIMEOUT;
		break;
	case REC_SHARE:
		kind = ON_SHARE;
		break;
	case REC_NOTE:
		kind = ON_NOTE;
		break;
	default:
		return;
	}
	for (i = 0; i < n && !ex->ended; i++) {
		const struct script_handler *h = &s->handlers[i];
		int cb = h->cb;
		if (h->kind != kind || (h->inject_id != NULL &&
		    h->inject != r->inject))
			continue;
		if (kind == ON_SHARE && h->inject_id != NULL)
			continue;	/* a share is about no inject */
		s->handlers[i].ran = 1;
		script_push_kept(s->L, cb);
		if (kind == ON_DECISION) {
			script_play_push_decision(s, s->L, r->delivery);
			if (r->player != NULL) {
				lua_pushstring(s->L, r->player);
				lua_setfield(s->L, -2, "player");
			}
		} else if (kind == ON_SHARE)
			play_push_share(s, r);
		else
			play_push_event(s, r);
		script_call(s, 1, 0);
	}
	if (kind == ON_DECISION && !ex->ended)
		script_clock_decided(s, r->inject, r->delivery);
}

void
script_play_open(lua_State *L)
{
	static const luaL_Reg fns[] = {
		{ "fire", play_fire },
		{ "on", play_on },
		{ "met", play_met },
		{ "missed", play_missed },
		{ "log", play_log },
		{ "finish", play_finish },
		{ NULL, NULL }
	};

	luaL_setfuncs(L, fns, 0);
}

int
script_handler(const struct script *s, size_t i, const char **kind,
    const char **inject, int *line, int *ran)
{
	const struct script_handler	*h = &s->handlers[i];

	if (i >= s->nhandlers)
		return -1;
	*kind = play_on_names[h->kind];
	*inject = h->inject_id;
	*line = h->line;
	*ran = h->ran;
	return 0;
}

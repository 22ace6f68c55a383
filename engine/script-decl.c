/*
 * The scenario's declarations: scenario, org, role, objective, phase,
 * inject, hotwash.  They run while the file loads and never raise: each
 * problem becomes a diagnostic naming the declaration, the field and its
 * line, and loading goes on, so check reports every problem in one pass.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "script-internal.h"
#include "vtime.h"

#define DECL_ID_MAX	64

struct decl {
	lua_State		*L;
	struct script		*s;
	const char		*kind, *id;
	int			 line;
	int			 t;		/* stack index of the table */
	const char *const	*fields;	/* allowed, NULL-terminated */
	int			 bad;		/* problems found */
	size_t			 flo, fhi;	/* its lines in s->fields */
};

static void
decl_err(struct decl *d, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The line of a field of this declaration (the declaration's own line if
 * the scan did not see it). */
static int
decl_line(struct decl *d, const char *field)
{
	const struct script_field	*f = d->s->fields;
	size_t				 i;

	for (i = d->flo; i < d->fhi; i++) {
		if (strcmp(f[i].field, field) == 0)
			return f[i].line;
	}
	return d->line;
}

static void
decl_err(struct decl *d, const char *field, const char *fmt, ...)
{
	char	 msg[512], who[160];
	va_list	 ap;
	int	 line = d->line;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (d->id != NULL)
		snprintf(who, sizeof who, "%s '%s'", d->kind, d->id);
	else
		snprintf(who, sizeof who, "%s", d->kind);
	if (field != NULL) {
		line = decl_line(d, field);
		diags_add(d->s->diags, line, "%s: field '%s': %s", who, field,
		    msg);
	} else
		diags_add(d->s->diags, line, "%s: %s", who, msg);
	d->bad++;
}


/* Levenshtein distance, capped: for "did you mean". */
static size_t
decl_distance(const char *a, const char *b)
{
	size_t	la = strlen(a), lb = strlen(b), i, j, prev, cur, tmp;
	size_t	row[32];

	if (la >= 31 || lb >= 31)
		return 99;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			tmp = row[j];
			cur = prev + (a[i - 1] != b[j - 1]);
			if (row[j] + 1 < cur)
				cur = row[j] + 1;
			if (row[j - 1] + 1 < cur)
				cur = row[j - 1] + 1;
			row[j] = cur;
			prev = tmp;
		}
	}
	return row[lb];
}

static void
decl_check_fields(struct decl *d)
{
	const char *const	*f, *best;
	const char		*key;
	size_t			 dist, best_dist;

	lua_pushnil(d->L);
	while (lua_next(d->L, d->t) != 0) {
		lua_pop(d->L, 1);
		if (lua_type(d->L, -1) != LUA_TSTRING) {
			decl_err(d, NULL, "unexpected %s key: fields are "
			    "written name = value", luaL_typename(d->L, -1));
			continue;
		}
		key = lua_tostring(d->L, -1);
		for (f = d->fields; *f != NULL; f++) {
			if (strcmp(*f, key) == 0)
				break;
		}
		if (*f != NULL)
			continue;
		best = NULL;
		best_dist = 3;
		for (f = d->fields; *f != NULL; f++) {
			if ((dist = decl_distance(*f, key)) < best_dist) {
				best = *f;
				best_dist = dist;
			}
		}
		if (best != NULL)
			decl_err(d, key, "unknown field (did you mean '%s'?)",
			    best);
		else
			decl_err(d, key, "unknown field");
	}
}

/* Push field `name'; returns its type (LUA_TNIL if absent). */
static int
decl_get(struct decl *d, const char *name)
{
	return lua_getfield(d->L, d->t, name);
}

/* A string field copied into the exercise's arena, or NULL. */
static const char *
decl_string(struct decl *d, const char *name, int required)
{
	const char	*v = NULL;
	size_t		 len;
	int		 t = decl_get(d, name);

	if (t == LUA_TSTRING) {
		v = lua_tolstring(d->L, -1, &len);
		if (strlen(v) != len) {
			decl_err(d, name, "contains a NUL byte");
			v = NULL;
		} else
			v = arena_strndup(d->s->ex->arena, v, len);
	} else if (t == LUA_TNIL) {
		if (required)
			decl_err(d, NULL, "missing field '%s'", name);
	} else
		decl_err(d, name, "expected a string, got %s",
		    luaL_typename(d->L, -1));
	lua_pop(d->L, 1);
	return v;
}

/* Parse the duration at stack index idx, naming `name' in messages;
 * returns 1 if good. */
static int
decl_time_at(struct decl *d, const char *name, int idx, sim_time *out)
{
	struct error	e;
	lua_Number	n;

	switch (lua_type(d->L, idx)) {
	case LUA_TNUMBER:
		n = lua_tonumber(d->L, idx);
		if (n >= 0 && n <= 1e11) {
			*out = (sim_time)(n * 1000.0 + 0.5);
			return 1;
		}
		decl_err(d, name, "bad duration %g: must be 0 or more seconds",
		    n);
		return 0;
	case LUA_TSTRING:
		if (vtime_parse(lua_tostring(d->L, idx), out, &e) == 0)
			return 1;
		decl_err(d, name, "bad duration \"%s\": %s",
		    lua_tostring(d->L, idx), e.msg);
		return 0;
	default:
		decl_err(d, name, "expected a duration (a string like \"90m\" "
		    "or a number of seconds), got %s",
		    luaL_typename(d->L, idx));
		return 0;
	}
}

/* A duration or offset field; returns 1 if present and good. */
static int
decl_time(struct decl *d, const char *name, sim_time *out)
{
	int	ok = 0;

	if (decl_get(d, name) != LUA_TNIL)
		ok = decl_time_at(d, name, -1, out);
	lua_pop(d->L, 1);
	return ok;
}

static int
decl_bool(struct decl *d, const char *name)
{
	int	t = decl_get(d, name), v = 0;

	if (t == LUA_TBOOLEAN)
		v = lua_toboolean(d->L, -1);
	else if (t != LUA_TNIL)
		decl_err(d, name, "expected true or false, got %s",
		    luaL_typename(d->L, -1));
	lua_pop(d->L, 1);
	return v;
}

static int
decl_tlp(struct decl *d, const char *name, int dflt)
{
	int	t = decl_get(d, name), v = dflt;

	if (t == LUA_TSTRING) {
		if ((v = tlp_parse(lua_tostring(d->L, -1))) == -1) {
			decl_err(d, name, "unknown TLP label \"%s\" (expected "
			    "clear, green, amber, amber+strict or red)",
			    lua_tostring(d->L, -1));
			v = dflt;
		}
	} else if (t != LUA_TNIL)
		decl_err(d, name, "expected a TLP label, got %s",
		    luaL_typename(d->L, -1));
	lua_pop(d->L, 1);
	return v;
}

/* A string or a list of strings; returns the count (0 if absent). */
static size_t
decl_list(struct decl *d, const char *name, const char ***out)
{
	struct arena	*a = d->s->ex->arena;
	const char	**v;
	size_t		 n = 0, i;
	int		 t = decl_get(d, name);

	*out = NULL;
	if (t == LUA_TSTRING) {
		v = arena_alloc(a, sizeof *v);
		v[0] = arena_strdup(a, lua_tostring(d->L, -1));
		*out = v;
		n = 1;
	} else if (t == LUA_TTABLE) {
		n = lua_rawlen(d->L, -1);
		v = arena_alloc(a, (n + 1) * sizeof *v);
		for (i = 0; i < n; i++) {
			if (lua_rawgeti(d->L, -1, (lua_Integer)i + 1) !=
			    LUA_TSTRING) {
				decl_err(d, name, "item %zu: expected a string,"
				    " got %s", i + 1, luaL_typename(d->L, -1));
				v[i] = NULL;
			} else
				v[i] = arena_strdup(a, lua_tostring(d->L, -1));
			lua_pop(d->L, 1);
		}
		*out = v;
	} else if (t != LUA_TNIL)
		decl_err(d, name, "expected a string or a list of strings, got "
		    "%s", luaL_typename(d->L, -1));
	lua_pop(d->L, 1);
	return n;
}

static int
decl_id_ok(const char *id)
{
	size_t	n = 0;

	for (; *id != '\0'; id++, n++) {
		if (!isalnum((unsigned char)*id) && *id != '-' && *id != '_' &&
		    *id != '.')
			return 0;
	}
	return n > 0 && n <= DECL_ID_MAX;
}

/* Each declaration, given its table. */

static void
decl_scenario(struct decl *d)
{
	static const char *const fields[] = { "id", "title", "summary",
	    "start", "duration", "tlp", NULL };
	struct ex_scenario	*sc = &d->s->ex->scenario;
	struct error		 e;
	const char		*start;
	sim_time		 dur;

	d->fields = fields;
	if (sc->line != 0) {
		decl_err(d, NULL, "declared twice (first at line %d)",
		    sc->line);
		return;
	}
	sc->line = d->line;
	decl_check_fields(d);
	sc->id = decl_string(d, "id", 1);
	if (sc->id != NULL && !decl_id_ok(sc->id))
		decl_err(d, "id", "ids may contain only letters, digits, '-', "
		    "'_' and '.' (at most %d)", DECL_ID_MAX);
	sc->title = decl_string(d, "title", 1);
	sc->summary = decl_string(d, "summary", 0);
	if ((start = decl_string(d, "start", 0)) != NULL &&
	    vtime_parse_iso(start, &sc->start, &e) != 0)
		decl_err(d, "start", "bad start \"%s\": %s", start, e.msg);
	if (decl_time(d, "duration", &dur)) {
		if (dur == 0)
			decl_err(d, "duration", "must be more than 0");
		else
			sc->duration = dur;
	}
	sc->tlp = decl_tlp(d, "tlp", TLP_CLEAR);
}

static void
decl_org(struct decl *d)
{
	static const char *const fields[] = { "name", "team", "clients", NULL };
	struct ex_org	*o;

	d->fields = fields;
	if ((o = exercise_add_org(d->s->ex, d->id)) == NULL) {
		decl_err(d, NULL, "declared twice (first at line %d)",
		    d->s->ex->orgs[exercise_org(d->s->ex, d->id)].line);
		return;
	}
	o->line = d->line;
	decl_check_fields(d);
	o->name = decl_string(d, "name", 0);
	o->team = decl_string(d, "team", 0);
	o->nclients = decl_list(d, "clients", &o->clients);
	o->clients_line = decl_line(d, "clients");
}

static void
decl_role(struct decl *d)
{
	static const char *const fields[] = { "name", "org", "public", "delay",
	    NULL };
	struct ex_role	*r;
	int		 t;

	d->fields = fields;
	if ((r = exercise_add_role(d->s->ex, d->id)) == NULL) {
		decl_err(d, NULL, "declared twice (first at line %d)",
		    d->s->ex->roles[exercise_role(d->s->ex, d->id)].line);
		return;
	}
	r->line = d->line;
	decl_check_fields(d);
	r->name = decl_string(d, "name", 0);
	r->org = decl_string(d, "org", 0);
	r->org_line = decl_line(d, "org");
	r->is_public = decl_bool(d, "public");
	t = decl_get(d, "delay");
	if (t == LUA_TTABLE) {
		sim_time	lo, hi;

		if (lua_rawlen(d->L, -1) != 2)
			decl_err(d, "delay", "expected { min, max }, as in "
			    "{ \"2m\", \"20m\" }");
		else {
			lua_rawgeti(d->L, -1, 1);
			lua_rawgeti(d->L, -2, 2);
			if (decl_time_at(d, "delay", -2, &lo) &&
			    decl_time_at(d, "delay", -1, &hi)) {
				if (lo > hi)
					decl_err(d, "delay", "min is more than "
					    "max");
				else {
					r->delay_lo = lo;
					r->delay_hi = hi;
				}
			}
			lua_pop(d->L, 2);
		}
	} else if (t != LUA_TNIL &&
	    decl_time_at(d, "delay", -1, &r->delay_lo))
		r->delay_hi = r->delay_lo;
	lua_pop(d->L, 1);
}

static void
decl_objective(struct decl *d)
{
	static const char *const fields[] = { "text", "capability", NULL };
	struct ex_objective	*o;

	d->fields = fields;
	if ((o = exercise_add_objective(d->s->ex, d->id)) == NULL) {
		decl_err(d, NULL, "declared twice (first at line %d)",
		    d->s->ex->objectives[exercise_objective(d->s->ex,
		    d->id)].line);
		return;
	}
	o->line = d->line;
	decl_check_fields(d);
	o->text = decl_string(d, "text", 1);
	o->capability = decl_string(d, "capability", 0);
}

static void
decl_phase(struct decl *d)
{
	static const char *const fields[] = { "title", "at", NULL };
	struct ex_phase	*p;

	d->fields = fields;
	if ((p = exercise_add_phase(d->s->ex, d->id)) == NULL) {
		decl_err(d, NULL, "declared twice (first at line %d)",
		    d->s->ex->phases[exercise_phase(d->s->ex, d->id)].line);
		return;
	}
	p->line = d->line;
	decl_check_fields(d);
	p->title = decl_string(d, "title", 1);
	if (!decl_time(d, "at", &p->at))
		p->at = 0;
}

static int
decl_choice_cmp(const void *a, const void *b)
{
	return strcmp(((const struct ex_choice *)a)->id,
	    ((const struct ex_choice *)b)->id);
}

/* choices = { key = "Label", ... } (sorted by key) or
 * choices = { { "key", "Label" }, ... } (in the order given). */
static void
decl_choices(struct decl *d, struct ex_inject *in)
{
	struct arena	*a = d->s->ex->arena;
	lua_State	*L = d->L;
	size_t		 n = 0, i, k;
	int		 tc;

	if (lua_getfield(L, d->t, "choices") == LUA_TNIL) {
		lua_pop(L, 1);
		return;
	}
	tc = lua_gettop(L);
	if (!lua_istable(L, tc)) {
		decl_err(d, "choices", "expected a table, got %s",
		    luaL_typename(L, tc));
		lua_pop(L, 1);
		return;
	}
	lua_pushnil(L);
	while (lua_next(L, tc) != 0) {
		lua_pop(L, 1);
		n++;
	}
	if (n == 0) {
		decl_err(d, "choices", "is empty");
		lua_pop(L, 1);
		return;
	}
	in->choices = arena_alloc(a, n * sizeof *in->choices);
	memset(in->choices, 0, n * sizeof *in->choices);
	if (lua_rawlen(L, tc) == n) {
		for (i = 0; i < n; i++) {
			lua_rawgeti(L, tc, (lua_Integer)i + 1);
			if (!lua_istable(L, -1) || lua_rawgeti(L, -1, 1) !=
			    LUA_TSTRING || lua_rawgeti(L, -2, 2) !=
			    LUA_TSTRING) {
				decl_err(d, "choices", "item %zu: expected "
				    "{ \"key\", \"Label\" }", i + 1);
				lua_settop(L, tc);
				return;
			}
			in->choices[i].id = arena_strdup(a,
			    lua_tostring(L, -2));
			in->choices[i].label = arena_strdup(a,
			    lua_tostring(L, -1));
			lua_settop(L, tc);
		}
	} else {
		i = 0;
		lua_pushnil(L);
		while (lua_next(L, tc) != 0) {
			if (lua_type(L, -2) != LUA_TSTRING ||
			    lua_type(L, -1) != LUA_TSTRING) {
				decl_err(d, "choices", "expected key = "
				    "\"Label\" pairs, as in { escalate = "
				    "\"Report to NCSC\" }");
				lua_settop(L, tc - 1);
				return;
			}
			in->choices[i].id = arena_strdup(a,
			    lua_tostring(L, -2));
			in->choices[i].label = arena_strdup(a,
			    lua_tostring(L, -1));
			i++;
			lua_pop(L, 1);
		}
		qsort(in->choices, n, sizeof *in->choices, decl_choice_cmp);
	}
	lua_pop(L, 1);
	for (i = 0; i < n; i++) {
		if (!decl_id_ok(in->choices[i].id))
			decl_err(d, "choices", "bad choice key '%s': keys may "
			    "contain only letters, digits, '-', '_' and '.'",
			    in->choices[i].id);
		for (k = 0; k < i; k++) {
			if (strcmp(in->choices[k].id, in->choices[i].id) == 0)
				decl_err(d, "choices", "choice '%s' given "
				    "twice", in->choices[i].id);
		}
	}
	in->nchoices = n;
}

static void
decl_inject(struct decl *d)
{
	static const char *const fields[] = { "at", "to", "from", "title",
	    "body", "tlp", "choices", "deadline", "expect", "objective",
	    "phase", "contingency", "notes", NULL };
	struct ex_inject	*in;

	d->fields = fields;
	if ((in = exercise_add_inject(d->s->ex, d->id)) == NULL) {
		decl_err(d, NULL, "declared twice (first at line %d)",
		    d->s->ex->injects[exercise_inject(d->s->ex, d->id)].line);
		return;
	}
	in->line = d->line;
	decl_check_fields(d);
	if (!decl_time(d, "at", &in->at))
		in->at = EX_HELD;
	in->nto = decl_list(d, "to", &in->to_ids);
	in->to_line = decl_line(d, "to");
	if (in->nto == 0) {
		if (decl_get(d, "to") == LUA_TNIL)
			decl_err(d, NULL, "missing field 'to' (a role id or a "
			    "list of them)");
		else if (lua_istable(d->L, -1))
			decl_err(d, "to", "is empty");
		lua_pop(d->L, 1);
	}
	in->from = decl_string(d, "from", 0);
	in->title = decl_string(d, "title", 1);
	in->body = decl_string(d, "body", 0);
	in->expect = decl_string(d, "expect", 0);
	in->notes = decl_string(d, "notes", 0);
	in->tlp = decl_tlp(d, "tlp", d->s->ex->scenario.tlp);
	decl_choices(d, in);
	if (decl_time(d, "deadline", &in->deadline) && in->deadline == 0)
		decl_err(d, "deadline", "must be more than 0");
	if (in->deadline != 0 && in->nchoices == 0)
		decl_err(d, "deadline", "an inject with a deadline needs "
		    "choices to decide between");
	in->objective_id = decl_string(d, "objective", 0);
	in->objective_line = decl_line(d, "objective");
	in->phase_id = decl_string(d, "phase", 0);
	in->phase_line = decl_line(d, "phase");
	in->contingency = decl_bool(d, "contingency");
	if (in->contingency && in->at != EX_HELD)
		decl_err(d, "contingency", "a contingency inject is held: "
		    "remove 'at'");
	if (in->title == NULL)
		in->title = in->id;
}

struct decl_kind {
	const char	*name;
	void		(*fn)(struct decl *);
	int		 has_id;
};

static const struct decl_kind decl_kinds[] = {
	{ "scenario", decl_scenario, 0 },
	{ "org", decl_org, 1 },
	{ "role", decl_role, 1 },
	{ "objective", decl_objective, 1 },
	{ "phase", decl_phase, 1 },
	{ "inject", decl_inject, 1 },
};

static void
decl_loading(lua_State *L, const char *kind)
{
	struct script	*s = script_of(L);

	if (!s->loading)
		luaL_error(L, "%s: declarations are only allowed while the "
		    "scenario loads, not in a handler", kind);
}

static void
decl_run(lua_State *L, const struct decl_kind *k, const char *id, int line)
{
	struct decl	d;

	memset(&d, 0, sizeof d);
	d.L = L;
	d.s = script_of(L);
	d.kind = k->name;
	d.id = id;
	d.line = line;
	d.t = 1;
	script_scan_fields(d.s, k->name, id, &d.flo, &d.fhi);
	if (!lua_istable(L, 1)) {
		decl_err(&d, NULL, "expected a table of fields, got %s",
		    luaL_typename(L, 1));
		return;
	}
	lua_settop(L, 1);
	k->fn(&d);
	lua_settop(L, 1);
}

/* The second half of `kind "id" { ... }': upvalues kind index, id,
 * line, pending index. */
static int
decl_curried(lua_State *L)
{
	struct script	*s = script_of(L);
	const struct decl_kind *k = &decl_kinds[lua_tointeger(L,
	    lua_upvalueindex(1))];
	size_t		 p = (size_t)lua_tointeger(L, lua_upvalueindex(4));

	decl_loading(L, k->name);
	if (p < s->npending) {
		if (s->pending[p].done)
			return luaL_error(L, "%s '%s': declared twice",
			    k->name, lua_tostring(L, lua_upvalueindex(2)));
		s->pending[p].done = 1;
	}
	decl_run(L, k, lua_tostring(L, lua_upvalueindex(2)),
	    (int)lua_tointeger(L, lua_upvalueindex(3)));
	return 0;
}

static int
decl_entry(lua_State *L)
{
	struct script		*s = script_of(L);
	const struct decl_kind	*k = &decl_kinds[lua_tointeger(L,
	    lua_upvalueindex(1))];
	struct script_pending	*p;
	const char		*id;
	int			 line = script_line(L);

	decl_loading(L, k->name);
	if (!k->has_id) {
		decl_run(L, k, NULL, line);
		return 0;
	}
	if (lua_type(L, 1) != LUA_TSTRING) {
		diags_add(s->diags, line, "%s: expected an id string first, as "
		    "in %s \"id\" { ... }", k->name, k->name);
		return 0;
	}
	id = lua_tostring(L, 1);
	if (!decl_id_ok(id) || strlen(id) != lua_rawlen(L, 1)) {
		diags_add(s->diags, line, "%s '%s': ids may contain only "
		    "letters, digits, '-', '_' and '.' (at most %d)", k->name,
		    id, DECL_ID_MAX);
	}
	if (s->npending == s->cpending) {
		s->cpending = s->cpending ? s->cpending * 2 : 16;
		s->pending = realloc(s->pending, s->cpending *
		    sizeof *s->pending);
		if (s->pending == NULL)
			abort();
	}
	p = &s->pending[s->npending];
	p->kind = k->name;
	p->id = arena_strdup(s->ex->arena, id);
	p->line = line;
	p->done = 0;
	lua_pushinteger(L, k - decl_kinds);
	lua_pushvalue(L, 1);
	lua_pushinteger(L, line);
	lua_pushinteger(L, (lua_Integer)s->npending++);
	lua_pushcclosure(L, decl_curried, 4);
	return 1;
}

static int
decl_hotwash(lua_State *L)
{
	struct script	*s = script_of(L);
	size_t		 n, i;
	int		 line = script_line(L);

	decl_loading(L, "hotwash");
	if (!lua_istable(L, 1)) {
		diags_add(s->diags, line, "hotwash: expected a list of "
		    "questions, as in hotwash { \"What went well?\" }");
		return 0;
	}
	n = lua_rawlen(L, 1);
	for (i = 1; i <= n; i++) {
		if (lua_rawgeti(L, 1, (lua_Integer)i) != LUA_TSTRING)
			diags_add(s->diags, line, "hotwash: item %zu: expected "
			    "a string, got %s", i, luaL_typename(L, -1));
		else
			exercise_add_hotwash(s->ex, lua_tostring(L, -1));
		lua_pop(L, 1);
	}
	return 0;
}

void
script_decl_open(lua_State *L)
{
	size_t	i;

	for (i = 0; i < sizeof decl_kinds / sizeof decl_kinds[0]; i++) {
		lua_pushinteger(L, (lua_Integer)i);
		lua_pushcclosure(L, decl_entry, 1);
		lua_setfield(L, -2, decl_kinds[i].name);
	}
	lua_pushcfunction(L, decl_hotwash);
	lua_setfield(L, -2, "hotwash");
}

void
script_decl_finish(struct script *s)
{
	struct exercise	*ex = s->ex;
	size_t		 i;
	int		 in;

	for (i = 0; i < s->npending; i++) {
		if (!s->pending[i].done)
			diags_add(s->diags, s->pending[i].line, "%s '%s': no "
			    "{ ... } table of fields after the id",
			    s->pending[i].kind, s->pending[i].id);
	}
	for (i = 0; i < s->nrefs; i++) {
		const struct script_ref *r = &s->refs[i];
		switch (r->kind) {
		case 'i':
			if (exercise_inject(ex, r->id) == -1)
				diags_add(s->diags, r->line, "%s: unknown "
				    "inject '%s'", r->what, r->id);
			break;
		case 'o':
			if (exercise_objective(ex, r->id) == -1)
				diags_add(s->diags, r->line, "%s: unknown "
				    "objective '%s'", r->what, r->id);
			break;
		case 'c':
			if ((in = exercise_inject(ex, r->inject)) != -1 &&
			    ex->injects[in].nchoices > 0 &&
			    exercise_choice(ex, in, r->id) == -1)
				diags_add(s->diags, r->line, "inject '%s' has "
				    "no choice '%s'", r->inject, r->id);
			break;
		}
	}
	for (i = 0; i < s->nhandlers; i++) {
		struct script_handler *h = &s->handlers[i];
		if (h->inject_id == NULL)
			continue;
		if ((h->inject = exercise_inject(ex, h->inject_id)) == -1)
			diags_add(s->diags, h->line, "on: unknown inject '%s'",
			    h->inject_id);
		else if (h->kind == ON_DECISION &&
		    ex->injects[h->inject].nchoices == 0)
			diags_add(s->diags, h->line, "on: inject '%s' has no "
			    "choices, so no decision will ever come",
			    h->inject_id);
		else if (h->kind == ON_TIMEOUT &&
		    ex->injects[h->inject].deadline == 0)
			diags_add(s->diags, h->line, "on: inject '%s' has no "
			    "deadline, so it never times out", h->inject_id);
	}
}

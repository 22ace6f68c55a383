/*
 * Step-counted Lua 5.4 patterns: string.find, match, gmatch and gsub for
 * the scenario sandbox, written from the reference manual (section 6.4.1)
 * and checked against the real library by tests/unit/test-script-pattern.c.
 *
 * Invariants.  A pattern is interpreted as it is matched, never compiled
 * first, so a malformed tail is only reported when the matcher reaches it,
 * as Lua does.  Every attempt of a pattern item at a subject position costs
 * one step from a per-call budget (sp_state.left); %b and back-references
 * also pay per byte examined.  Running out, like a malformed pattern, is a
 * Lua error raised mid-match, so the matcher allocates nothing: captures
 * live in the C frame.  It recurses only where it must remember a choice (a
 * quantifier that matched, a capture), at most SP_MAXDEPTH deep, at the
 * same points as Lua, so the same patterns are "too complex".
 *
 * Static helpers use the short prefix sp_.
 */
#include <ctype.h>
#include <stddef.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

#include "script-pattern.h"

#define SP_MAXCAP	32	/* captures per pattern, as in Lua */
#define SP_MAXDEPTH	200	/* nested matcher calls, as in Lua */
#define SP_CAP_OPEN	(-1)	/* capture length: not closed yet */
#define SP_CAP_POS	(-2)	/* capture length: position capture */
#define SP_ESC		'%'
#define SP_SPECIALS	"^$*+?.([%-"
#define SP_KMP_STACK	128	/* plain-find needles this long use the stack */
#define SP_PLAIN_BYTES	16	/* subject bytes a plain find scans per step */

struct sp_cap {
	const char	*init;
	ptrdiff_t	 len;		/* or SP_CAP_OPEN, SP_CAP_POS */
};

struct sp_state {
	lua_State	*L;
	const char	*s_init;	/* the subject */
	const char	*s_end;
	const char	*p_end;		/* end of the pattern */
	long		 left;		/* steps left in this call */
	long		 max;		/* the budget, for the message */
	const struct script_pattern_meter *meter; /* or NULL */
	int		 depth;		/* nested sp_match calls */
	int		 ncap;
	struct sp_cap	 cap[SP_MAXCAP];
};

static const char	*sp_match(struct sp_state *, const char *,
			    const char *);

/* Charge the steps taken so far to the meter (which may raise). */
static void
sp_charge(struct sp_state *ms)
{
	long	used = ms->max - (ms->left < 0 ? 0 : ms->left);

	ms->left = ms->max;
	if (ms->meter != NULL && used > 0)
		ms->meter->charge(ms->L, used);
}

static void
sp_too_complex(struct sp_state *ms)
{
	sp_charge(ms);
	luaL_error(ms->L, "pattern too complex (more than %I steps)",
	    (lua_Integer)ms->max);
}

/* Take one step (n steps) from the budget; raise when it runs out. */
#define SP_STEP(ms) do {						\
	if (--(ms)->left < 0)						\
		sp_too_complex(ms);					\
} while (0)
#define SP_STEPS(ms, n) do {						\
	if (((ms)->left -= (long)(n)) < 0)				\
		sp_too_complex(ms);					\
} while (0)

static void
sp_init(struct sp_state *ms, lua_State *L, const char *s, size_t ls,
    const char *p, size_t lp)
{
	ms->L = L;
	ms->s_init = s;
	ms->s_end = s + ls;
	ms->p_end = p + lp;
	ms->max = (long)lua_tointeger(L, lua_upvalueindex(1));
	ms->left = ms->max;
	ms->meter = lua_touserdata(L, lua_upvalueindex(2));
	ms->depth = 0;
	ms->ncap = 0;
}

/* A relative initial position (negative counts from the end) as 1-based. */
static size_t
sp_posrelat(lua_Integer pos, size_t len)
{
	if (pos > 0)
		return (size_t)pos;
	if (pos == 0 || pos < -(lua_Integer)len)
		return 1;
	return len + (size_t)pos + 1;
}

/* Is c in the class named by letter cl (%a, %D...)?  Else cl itself. */
static int
sp_class(int c, int cl)
{
	int	in;

	switch (tolower(cl)) {
	case 'a':
		in = isalpha(c);
		break;
	case 'c':
		in = iscntrl(c);
		break;
	case 'd':
		in = isdigit(c);
		break;
	case 'g':
		in = isgraph(c);
		break;
	case 'l':
		in = islower(c);
		break;
	case 'p':
		in = ispunct(c);
		break;
	case 's':
		in = isspace(c);
		break;
	case 'u':
		in = isupper(c);
		break;
	case 'w':
		in = isalnum(c);
		break;
	case 'x':
		in = isxdigit(c);
		break;
	case 'z':			/* NUL: out of the manual, still in Lua */
		in = c == 0;
		break;
	default:
		return cl == c;
	}
	in = in != 0;
	return isupper(cl) ? !in : in;
}

/* Is c in the set from p (its '[') to close (its ']')? */
static int
sp_set(int c, const char *p, const char *close)
{
	int	yes = 1;

	p++;
	if (*p == '^') {
		yes = 0;
		p++;
	}
	for (; p < close; p++) {
		if (*p == SP_ESC) {
			p++;
			if (sp_class(c, (unsigned char)*p))
				return yes;
		} else if (p[1] == '-' && p + 2 < close) {
			if ((unsigned char)p[0] <= c &&
			    c <= (unsigned char)p[2])
				return yes;
			p += 2;
		} else if ((unsigned char)*p == c)
			return yes;
	}
	return !yes;
}

/* The end of the set whose '[' is at p: just past its ']'. */
static const char *
sp_set_end(struct sp_state *ms, const char *p)
{
	const char	*pe = ms->p_end;

	p++;
	if (p < pe && *p == '^')
		p++;
	do {				/* the first ']' is a member */
		if (p >= pe)
			luaL_error(ms->L, "malformed pattern (missing ']')");
		if (*p++ == SP_ESC && p < pe)
			p++;
	} while (p >= pe || *p != ']');
	return p + 1;
}

/* The end of the single-character class at p. */
static const char *
sp_item_end(struct sp_state *ms, const char *p)
{
	if (*p == SP_ESC) {
		if (p + 1 >= ms->p_end)
			luaL_error(ms->L, "malformed pattern (ends with '%%')");
		return p + 2;
	}
	if (*p == '[')
		return sp_set_end(ms, p);
	return p + 1;
}

/* Does the class from p to ep match the subject byte at s? */
static inline int
sp_single(struct sp_state *ms, const char *s, const char *p, const char *ep)
{
	int	c;

	if (s >= ms->s_end)
		return 0;
	c = (unsigned char)*s;
	switch (*p) {
	case '.':
		return 1;
	case SP_ESC:
		return sp_class(c, (unsigned char)p[1]);
	case '[':
		return sp_set(c, p, ep - 1);
	default:
		return (unsigned char)*p == c;
	}
}

/* Item p..ep matched just before s: take as many more as possible, then
 * back off one at a time, down to min, until the rest of the pattern
 * matches. */
static const char *
sp_greedy(struct sp_state *ms, const char *s, const char *min,
    const char *p, const char *ep)
{
	const char	*r;
	ptrdiff_t	 i;

	while (sp_single(ms, s, p, ep)) {
		SP_STEP(ms);
		s++;
	}
	for (i = s - min; i >= 0; i--)
		if ((r = sp_match(ms, min + i, ep + 1)) != NULL)
			return r;
	return NULL;
}

/* Item p..ep matched at s: take as few as possible. */
static const char *
sp_lazy(struct sp_state *ms, const char *s, const char *p, const char *ep)
{
	const char	*r;

	for (;;) {
		if ((r = sp_match(ms, s, ep + 1)) != NULL)
			return r;
		SP_STEP(ms);
		if (!sp_single(ms, s, p, ep))
			return NULL;
		s++;
	}
}

static const char *
sp_open(struct sp_state *ms, const char *s, const char *p, ptrdiff_t what)
{
	const char	*r;

	if (ms->ncap >= SP_MAXCAP)
		luaL_error(ms->L, "too many captures");
	ms->cap[ms->ncap].init = s;
	ms->cap[ms->ncap].len = what;
	ms->ncap++;
	if ((r = sp_match(ms, s, p)) == NULL)
		ms->ncap--;
	return r;
}

static const char *
sp_close(struct sp_state *ms, const char *s, const char *p)
{
	const char	*r;
	int		 i;

	for (i = ms->ncap - 1; i >= 0; i--)
		if (ms->cap[i].len == SP_CAP_OPEN)
			break;
	if (i < 0)
		luaL_error(ms->L, "invalid pattern capture");
	ms->cap[i].len = s - ms->cap[i].init;
	if ((r = sp_match(ms, s, p)) == NULL)
		ms->cap[i].len = SP_CAP_OPEN;
	return r;
}

/* %bxy at s, p pointing at x. */
static const char *
sp_balance(struct sp_state *ms, const char *s, const char *p)
{
	int	open, close, n = 1;

	if (p + 1 >= ms->p_end)
		luaL_error(ms->L,
		    "malformed pattern (missing arguments to '%%b')");
	open = (unsigned char)p[0];
	close = (unsigned char)p[1];
	if (s >= ms->s_end || (unsigned char)*s != open)
		return NULL;
	while (++s < ms->s_end) {
		SP_STEP(ms);
		if ((unsigned char)*s == close) {
			if (--n == 0)
				return s + 1;
		} else if ((unsigned char)*s == open)
			n++;
	}
	return NULL;
}

/* %1-%9 at s: the text of a closed capture again. */
static const char *
sp_backref(struct sp_state *ms, const char *s, int digit)
{
	int		i = digit - '1';
	ptrdiff_t	len;

	if (i < 0 || i >= ms->ncap || ms->cap[i].len == SP_CAP_OPEN)
		luaL_error(ms->L, "invalid capture index %%%d", i + 1);
	len = ms->cap[i].len;
	if (len < 0 || ms->s_end - s < len)	/* a position never matches */
		return NULL;
	SP_STEPS(ms, len);
	if (memcmp(s, ms->cap[i].init, (size_t)len) != 0)
		return NULL;
	return s + len;
}

/* Match the pattern from p at s: the end of the match, or NULL. */
static const char *
sp_match(struct sp_state *ms, const char *s, const char *p)
{
	const char	*pe = ms->p_end, *ep, *r = NULL;
	int		 prev, cur;

	if (++ms->depth > SP_MAXDEPTH)
		luaL_error(ms->L, "pattern too complex");
	while (p < pe) {
		SP_STEP(ms);
		switch (*p) {
		case '(':
			if (p + 1 < pe && p[1] == ')')
				r = sp_open(ms, s, p + 2, SP_CAP_POS);
			else
				r = sp_open(ms, s, p + 1, SP_CAP_OPEN);
			goto out;
		case ')':
			r = sp_close(ms, s, p + 1);
			goto out;
		case '$':
			if (p + 1 != pe)
				break;		/* a plain '$' */
			r = s == ms->s_end ? s : NULL;
			goto out;
		case SP_ESC:
			if (p + 1 >= pe)
				break;
			switch (p[1]) {
			case 'b':
				if ((s = sp_balance(ms, s, p + 2)) == NULL)
					goto out;
				p += 4;
				continue;
			case 'f':
				p += 2;
				if (p >= pe || *p != '[')
					luaL_error(ms->L, "missing '[' after "
					    "'%%f' in pattern");
				ep = sp_set_end(ms, p);
				prev = s == ms->s_init ? 0 :
				    (unsigned char)s[-1];
				cur = s < ms->s_end ? (unsigned char)*s : 0;
				if (sp_set(prev, p, ep - 1) ||
				    !sp_set(cur, p, ep - 1))
					goto out;
				p = ep;
				continue;
			case '0': case '1': case '2': case '3': case '4':
			case '5': case '6': case '7': case '8': case '9':
				if ((s = sp_backref(ms, s, p[1])) == NULL)
					goto out;
				p += 2;
				continue;
			}
			break;
		}

		/* A single-character class, maybe with a quantifier. */
		ep = sp_item_end(ms, p);
		if (!sp_single(ms, s, p, ep)) {
			if (ep < pe && (*ep == '*' || *ep == '?' ||
			    *ep == '-')) {
				p = ep + 1;	/* zero of them */
				continue;
			}
			goto out;
		}
		if (ep < pe) {
			switch (*ep) {
			case '?':
				if ((r = sp_match(ms, s + 1, ep + 1)) != NULL)
					goto out;
				p = ep + 1;
				continue;
			case '+':
				r = sp_greedy(ms, s + 1, s + 1, p, ep);
				goto out;
			case '*':
				r = sp_greedy(ms, s + 1, s, p, ep);
				goto out;
			case '-':
				r = sp_lazy(ms, s, p, ep);
				goto out;
			}
		}
		s++;
		p = ep;
	}
	r = s;
out:
	ms->depth--;
	return r;
}

/* Push capture i of a match from s to e (the whole match for i = 0 when
 * there are no captures). */
static void
sp_push_capture(struct sp_state *ms, int i, const char *s, const char *e)
{
	struct sp_cap	*cap;

	if (i >= ms->ncap) {
		if (i != 0)
			luaL_error(ms->L, "invalid capture index %%%d", i + 1);
		lua_pushlstring(ms->L, s, (size_t)(e - s));
		return;
	}
	cap = &ms->cap[i];
	if (cap->len == SP_CAP_OPEN)
		luaL_error(ms->L, "unfinished capture");
	if (cap->len == SP_CAP_POS)
		lua_pushinteger(ms->L, cap->init - ms->s_init + 1);
	else
		lua_pushlstring(ms->L, cap->init, (size_t)cap->len);
}

/* Push all captures, or the whole match if there are none and s is set;
 * return how many were pushed. */
static int
sp_push_captures(struct sp_state *ms, const char *s, const char *e)
{
	int	i, n;

	n = (ms->ncap == 0 && s != NULL) ? 1 : ms->ncap;
	luaL_checkstack(ms->L, n, "too many captures");
	for (i = 0; i < n; i++)
		sp_push_capture(ms, i, s, e);
	return n;
}

/* Does the pattern need the matcher, or is it a plain string? */
static int
sp_has_specials(const char *p, size_t lp)
{
	size_t	i;

	for (i = 0; i < lp; i++)
		if (p[i] != '\0' && strchr(SP_SPECIALS, p[i]) != NULL)
			return 1;
	return 0;
}

/*
 * Find needle p in s in linear time (Knuth-Morris-Pratt, skipping with
 * memchr while no prefix is matched).  A long needle's table lives in a
 * userdata left on the stack.
 */
static const char *
sp_plain_find(lua_State *L, const char *s, size_t ls, const char *p,
    size_t lp)
{
	size_t		 stack[SP_KMP_STACK], *fail = stack, i, j, k;
	const char	*q;

	if (lp == 0)
		return s;
	if (lp > ls)
		return NULL;
	if (lp == 1)
		return memchr(s, p[0], ls);
	if (lp > SP_KMP_STACK)
		fail = lua_newuserdatauv(L, lp * sizeof *fail, 0);
	fail[0] = 0;
	for (k = 0, i = 1; i < lp; i++) {
		while (k > 0 && p[i] != p[k])
			k = fail[k - 1];
		if (p[i] == p[k])
			k++;
		fail[i] = k;
	}
	for (i = j = 0; ls - i >= lp - j;) {
		if (j == 0) {
			if ((q = memchr(s + i, p[0], ls - i)) == NULL)
				return NULL;
			i = (size_t)(q - s) + 1;
			j = 1;
		} else if (s[i] == p[j]) {
			i++;
			if (++j == lp)
				return s + i - lp;
		} else
			j = fail[j - 1];
	}
	return NULL;
}

static int
sp_find_aux(lua_State *L, int find)
{
	struct sp_state	 ms;
	size_t		 ls, lp, init;
	const char	*s, *p, *s1, *e;
	int		 anchor;

	s = luaL_checklstring(L, 1, &ls);
	p = luaL_checklstring(L, 2, &lp);
	init = sp_posrelat(luaL_optinteger(L, 3, 1), ls) - 1;
	if (init > ls) {
		luaL_pushfail(L);
		return 1;
	}
	if (find && (lua_toboolean(L, 4) || !sp_has_specials(p, lp))) {
		sp_init(&ms, L, s, ls, p, lp);	/* a plain find: bytes */
		ms.left = ms.max - (long)((ls - init) / SP_PLAIN_BYTES);
		sp_charge(&ms);
		if ((e = sp_plain_find(L, s + init, ls - init, p, lp)) ==
		    NULL) {
			luaL_pushfail(L);
			return 1;
		}
		lua_pushinteger(L, e - s + 1);
		lua_pushinteger(L, (lua_Integer)(e - s + lp));
		return 2;
	}
	sp_init(&ms, L, s, ls, p, lp);
	if ((anchor = (lp > 0 && *p == '^')))
		p++;
	for (s1 = s + init;; s1++) {
		ms.ncap = 0;
		if ((e = sp_match(&ms, s1, p)) != NULL) {
			sp_charge(&ms);
			if (!find)
				return sp_push_captures(&ms, s1, e);
			lua_pushinteger(L, s1 - s + 1);
			lua_pushinteger(L, e - s);
			return sp_push_captures(&ms, NULL, NULL) + 2;
		}
		if (anchor || s1 >= ms.s_end)
			break;
	}
	sp_charge(&ms);
	luaL_pushfail(L);
	return 1;
}

static int
sp_find(lua_State *L)
{
	return sp_find_aux(L, 1);
}

static int
sp_match_fn(lua_State *L)
{
	return sp_find_aux(L, 0);
}

/* The gmatch iterator.  Upvalues: budget, meter, subject, pattern, offset
 * to resume from, end offset of the last match (-1 before the first). */
static int
sp_gmatch_next(lua_State *L)
{
	struct sp_state	 ms;
	size_t		 ls, lp;
	const char	*s, *p, *src, *e;
	lua_Integer	 pos, last;

	s = lua_tolstring(L, lua_upvalueindex(3), &ls);
	p = lua_tolstring(L, lua_upvalueindex(4), &lp);
	pos = lua_tointeger(L, lua_upvalueindex(5));
	last = lua_tointeger(L, lua_upvalueindex(6));
	if (pos > (lua_Integer)ls)
		return 0;
	sp_init(&ms, L, s, ls, p, lp);
	for (src = s + pos; src <= ms.s_end; src++) {
		ms.ncap = 0;
		e = sp_match(&ms, src, p);
		if (e != NULL && e - s != last) {
			sp_charge(&ms);
			lua_pushinteger(L, e - s);
			lua_pushvalue(L, -1);
			lua_replace(L, lua_upvalueindex(5));
			lua_replace(L, lua_upvalueindex(6));
			return sp_push_captures(&ms, src, e);
		}
	}
	sp_charge(&ms);
	lua_pushinteger(L, (lua_Integer)ls + 1);	/* exhausted */
	lua_replace(L, lua_upvalueindex(5));
	return 0;
}

static int
sp_gmatch(lua_State *L)
{
	size_t	ls, init;

	luaL_checklstring(L, 1, &ls);
	luaL_checkstring(L, 2);
	init = sp_posrelat(luaL_optinteger(L, 3, 1), ls) - 1;
	if (init > ls)
		init = ls + 1;
	lua_pushvalue(L, lua_upvalueindex(1));		/* budget */
	lua_pushvalue(L, lua_upvalueindex(2));		/* meter */
	lua_pushvalue(L, 1);				/* subject */
	lua_pushvalue(L, 2);				/* pattern */
	lua_pushinteger(L, (lua_Integer)init);		/* resume offset */
	lua_pushinteger(L, -1);				/* last match end */
	lua_pushcclosure(L, sp_gmatch_next, 6);
	return 1;
}

/* Append repl (a string) for the match s..e, expanding %0-%9 and %%. */
static void
sp_add_string(struct sp_state *ms, luaL_Buffer *b, const char *s,
    const char *e, const char *r, size_t lr)
{
	const char	*end = r + lr, *q;

	while ((q = memchr(r, SP_ESC, (size_t)(end - r))) != NULL) {
		luaL_addlstring(b, r, (size_t)(q - r));
		q++;
		if (q < end && *q == SP_ESC)
			luaL_addchar(b, SP_ESC);
		else if (q < end && isdigit((unsigned char)*q)) {
			if (*q == '0')
				luaL_addlstring(b, s, (size_t)(e - s));
			else {
				sp_push_capture(ms, *q - '1', s, e);
				luaL_addvalue(b);	/* positions too */
			}
		} else {
			sp_charge(ms);		/* the steps so far count */
			luaL_error(ms->L, "invalid use of '%c' in "
			    "replacement string", SP_ESC);
		}
		r = q + 1;
	}
	luaL_addlstring(b, r, (size_t)(end - r));
}

/* Append the replacement for the match s..e; repl is argument 3. */
static void
sp_add_value(struct sp_state *ms, luaL_Buffer *b, const char *s,
    const char *e, int type)
{
	lua_State	*L = ms->L;
	const char	*r;
	size_t		 lr;
	int		 n;

	/* the replacement may be scenario code, which may raise: the steps
	 * so far are charged first */
	if (type == LUA_TFUNCTION || type == LUA_TTABLE)
		sp_charge(ms);
	switch (type) {
	case LUA_TFUNCTION:
		lua_pushvalue(L, 3);
		n = sp_push_captures(ms, s, e);
		lua_call(L, n, 1);			/* result */
		break;
	case LUA_TTABLE:
		sp_push_capture(ms, 0, s, e);
		lua_gettable(L, 3);			/* result */
		break;
	default:
		r = lua_tolstring(L, 3, &lr);
		sp_add_string(ms, b, s, e, r, lr);
		return;
	}
	if (!lua_toboolean(L, -1)) {		/* false or nil: keep */
		lua_pop(L, 1);
		luaL_addlstring(b, s, (size_t)(e - s));
	} else if (!lua_isstring(L, -1)) {
		sp_charge(ms);
		luaL_error(L, "invalid replacement value (a %s)",
		    luaL_typename(L, -1));
	}
	else
		luaL_addvalue(b);
}

static int
sp_gsub(lua_State *L)
{
	struct sp_state	 ms;
	luaL_Buffer	 b;
	size_t		 ls, lp;
	const char	*s, *p, *src, *e, *last = NULL;
	lua_Integer	 max, n = 0;
	int		 type, anchor;

	s = luaL_checklstring(L, 1, &ls);
	p = luaL_checklstring(L, 2, &lp);
	type = lua_type(L, 3);
	max = luaL_optinteger(L, 4, (lua_Integer)ls + 1);
	luaL_argexpected(L, type == LUA_TNUMBER || type == LUA_TSTRING ||
	    type == LUA_TFUNCTION || type == LUA_TTABLE, 3,
	    "string/function/table");
	luaL_buffinit(L, &b);
	sp_init(&ms, L, s, ls, p, lp);
	if ((anchor = (lp > 0 && *p == '^')))
		p++;
	src = s;
	while (n < max) {
		ms.ncap = 0;
		if ((e = sp_match(&ms, src, p)) != NULL && e != last) {
			n++;
			sp_add_value(&ms, &b, src, e, type);
			src = last = e;
		} else if (src < ms.s_end)
			luaL_addchar(&b, *src++);
		else
			break;
		if (anchor)
			break;
	}
	sp_charge(&ms);
	luaL_addlstring(&b, src, (size_t)(ms.s_end - src));
	luaL_pushresult(&b);
	lua_pushinteger(L, n);
	return 2;
}

void
script_pattern_register(lua_State *L, int idx, long max_steps,
    const struct script_pattern_meter *meter)
{
	static const luaL_Reg	fns[] = {
		{ "find", sp_find },
		{ "match", sp_match_fn },
		{ "gmatch", sp_gmatch },
		{ "gsub", sp_gsub },
		{ NULL, NULL }
	};

	idx = lua_absindex(L, idx);
	lua_pushvalue(L, idx);				/* table */
	lua_pushinteger(L, (lua_Integer)max_steps);	/* table budget */
	lua_pushlightuserdata(L, (void *)meter);	/* table budget m */
	luaL_setfuncs(L, fns, 2);			/* table */
	lua_pop(L, 1);
}

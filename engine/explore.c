/*
 * Exploration tallies: see explore.h.  The tally's shape:
 *
 *	{"format":"ttxsim-explore","version":1,"scenario":ID,"runs":N,
 *	 "injects":{ID:{"held":b,"contingency":b,"deadline":b,
 *	     "runs":N,"deliveries":N,"in_time":N,"late":N,"timeouts":N,
 *	     "choices":{ID:N}}},
 *	 "objectives":{ID:{"met":N,"missed":N,"undecided":N}},
 *	 "errors":{TEXT:{"runs":N,"seed":S}},
 *	 "end":{REASON:N}, "minutes":{M:N},
 *	 "paths":{PATH:{"runs":N,"seed":S}},
 *	 "seeds":[{"seed":"S","runs":N,"shard":"I/N"}]}
 *
 * Every number is a count except "version", "seed" (the smallest seed
 * that showed it) and the booleans (the scenario's, the same in every
 * tally).  A delivery is decided "in_time" or "late", or not at all:
 * "timeouts" counts those whose deadline passed, and the rest were still
 * open when the exercise ended.
 *
 * "seeds" says which runs a tally counts: run k (from 0) of a sweep from
 * seed S uses seed S + k, and shard I/N plays the k below N's runs with
 * k % N == I - 1.  Merging appends the lists, so two tallies that count
 * one run twice can be refused; a complete set of shards of one sweep
 * becomes the sweep ("1/1"), as if it had been played in one go.  The
 * seed is a string: a JSON number would round it above 2^53.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exercise.h"
#include "explore.h"
#include "script.h"
#include "vis.h"
#include "xmalloc.h"

#define EXPLORE_TOP_PATHS	10

static cJSON *
obj(cJSON *o, const char *k)
{
	cJSON	*v = cJSON_GetObjectItemCaseSensitive(o, k);

	if (v == NULL)
		v = cJSON_AddObjectToObject(o, k);
	return v;
}

static void
count(cJSON *o, const char *k, double n)
{
	cJSON	*v = cJSON_GetObjectItemCaseSensitive(o, k);

	if (v == NULL)
		cJSON_AddNumberToObject(o, k, n);
	else
		cJSON_SetNumberValue(v, v->valuedouble + n);
}

static double
num(const cJSON *o, const char *k)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(o, k);

	return cJSON_IsNumber(v) ? v->valuedouble : 0;
}

/*
 * The tally's open-ended objects (paths, minutes, errors) get a key for
 * almost every new run: cJSON finds a key by walking a list, so each is
 * indexed too, by a hash table of its items (open addressing).
 */
struct explore_map {
	cJSON		 *o;
	cJSON		**slot;		/* NULL: empty */
	size_t		  cap, n;
};

struct explore {
	cJSON			*x;	/* the tally, as --json prints it */
	struct explore_map	 paths, minutes, errors;
};

static size_t
map_hash(const char *k)
{
	uint64_t	h = 14695981039346656037ull;	/* FNV-1a */

	for (; *k != '\0'; k++)
		h = (h ^ (unsigned char)*k) * 1099511628211ull;
	return (size_t)h;
}

/* The slot of key k: where it is, or the empty one where it would go. */
static cJSON **
map_slot(const struct explore_map *m, const char *k)
{
	size_t	i = map_hash(k) & (m->cap - 1);

	while (m->slot[i] != NULL && strcmp(m->slot[i]->string, k) != 0)
		i = (i + 1) & (m->cap - 1);
	return &m->slot[i];
}

static cJSON *
map_get(const struct explore_map *m, const char *k)
{
	return m->cap ? *map_slot(m, k) : NULL;
}

static void
map_put(struct explore_map *m, cJSON *item)
{
	cJSON	**old = m->slot;
	size_t	  i, cap = m->cap;

	if (2 * (m->n + 1) > m->cap) {
		m->cap = m->cap ? 2 * m->cap : 64;
		m->slot = xcalloc(m->cap, sizeof *m->slot);
		for (i = 0; i < cap; i++)
			if (old[i] != NULL)
				*map_slot(m, old[i]->string) = old[i];
		free(old);
	}
	*map_slot(m, item->string) = item;
	m->n++;
}

/* Index the object o's items (o is created in x if missing). */
static void
map_init(struct explore_map *m, cJSON *x, const char *name)
{
	cJSON	*it;

	m->o = cJSON_GetObjectItemCaseSensitive(x, name);
	if (!cJSON_IsObject(m->o)) {
		cJSON_DeleteItemFromObjectCaseSensitive(x, name);
		m->o = cJSON_AddObjectToObject(x, name);
	}
	cJSON_ArrayForEach(it, m->o)
		if (it->string != NULL && map_get(m, it->string) == NULL)
			map_put(m, it);
}

/* The item k of the indexed object: a copy of like (or an empty object
 * if like is NULL) if it is not there yet. */
static cJSON *
map_add(struct explore_map *m, const char *k, const cJSON *like)
{
	cJSON	*v = map_get(m, k);

	if (v == NULL) {
		v = like != NULL ? cJSON_Duplicate(like, 1) :
		    cJSON_CreateObject();
		cJSON_AddItemToObject(m->o, k, v);
		map_put(m, v);
	}
	return v;
}

/* A "seen" entry: how many runs, and the first seed. */
static void
seen(cJSON *e, uint64_t seed)
{
	cJSON	*s;

	count(e, "runs", 1);
	s = cJSON_GetObjectItemCaseSensitive(e, "seed");
	if (s == NULL)
		cJSON_AddNumberToObject(e, "seed", (double)seed);
	else if ((double)seed < s->valuedouble)
		cJSON_SetNumberValue(s, (double)seed);
}

/* One entry of "seeds": the runs k below runs, k % n == i. */
struct piece {
	uint64_t	seed, runs, i, n;
};

static int
piece_get(const cJSON *o, struct piece *p)
{
	const char	*s = cJSON_GetStringValue(
	    cJSON_GetObjectItemCaseSensitive(o, "seed"));
	const char	*sh = cJSON_GetStringValue(
	    cJSON_GetObjectItemCaseSensitive(o, "shard"));
	const cJSON	*r = cJSON_GetObjectItemCaseSensitive(o, "runs");
	char		*end;

	if (s == NULL || sh == NULL || !cJSON_IsNumber(r) || r->valuedouble <
	    0 || r->valuedouble > 9007199254740992.0 || r->valuedouble !=
	    (double)(uint64_t)r->valuedouble || *s < '0' || *s > '9')
		return -1;
	errno = 0;
	p->seed = strtoull(s, &end, 10);
	if (errno != 0 || *end != '\0')
		return -1;
	p->runs = (uint64_t)r->valuedouble;
	if (sscanf(sh, "%" SCNu64 "/%" SCNu64 "%c", &p->i, &p->n,
	    (char[1]){ 0 }) != 2 || *sh < '0' || *sh > '9' || p->i == 0 ||
	    p->i > p->n)
		return -1;
	p->i--;
	return 0;
}

static void
piece_add(cJSON *seeds, const struct piece *p)
{
	cJSON	*o = cJSON_CreateObject();
	char	 b[48];

	snprintf(b, sizeof b, "%" PRIu64, p->seed);
	cJSON_AddStringToObject(o, "seed", b);
	cJSON_AddNumberToObject(o, "runs", (double)p->runs);
	snprintf(b, sizeof b, "%" PRIu64 "/%" PRIu64, p->i + 1, p->n);
	cJSON_AddStringToObject(o, "shard", b);
	cJSON_AddItemToArray(seeds, o);
}

static uint64_t
add_sat(uint64_t a, uint64_t b)
{
	return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

/*
 * The first seed both pieces play, in *seed; -1 if none.  In a's terms
 * (k from a's seed), a plays i + n t and b plays d + i' + n' t: step
 * through a's from where b's begin until the residues agree (they cycle
 * within n' steps) or a run passes either's end.  A sweep that wraps past
 * seed 2^64 - 1 is not checked past the wrap.
 */
static int
piece_overlap(const struct piece *a, const struct piece *b, uint64_t *seed)
{
	const struct piece	*t;
	uint64_t		 d, lim, o, k, steps, n;

	if (a->seed > b->seed) {
		t = a;
		a = b;
		b = t;
	}
	d = b->seed - a->seed;
	lim = add_sat(d, b->runs);
	if (a->runs < lim)
		lim = a->runs;
	o = add_sat(d, b->i);
	if (a->i >= lim || o >= lim)
		return -1;
	k = a->i;
	if (o > k) {
		steps = (o - k) / a->n + ((o - k) % a->n != 0);
		if (steps > (lim - k) / a->n)
			return -1;
		k += steps * a->n;
	}
	for (n = 0; n < b->n && k < lim; n++) {
		if ((k - o) % b->n == 0) {
			*seed = a->seed + k;
			return 0;
		}
		if (lim - k <= a->n)
			break;
		k += a->n;
	}
	return -1;
}

static int
seeds_valid(const cJSON *seeds)
{
	const cJSON	*o;
	struct piece	 p;

	if (!cJSON_IsArray(seeds))
		return -1;
	cJSON_ArrayForEach(o, seeds)
		if (piece_get(o, &p) != 0)
			return -1;
	return 0;
}

static int
piece_same_sweep(const cJSON *o, const struct piece *p, struct piece *q)
{
	return piece_get(o, q) == 0 && q->seed == p->seed &&
	    q->runs == p->runs && q->n == p->n;
}

/* A complete set of shards of one sweep, the sweep: the pieces with one
 * seed, runs and N, when their I are all of 1 to N, become one "1/1". */
static void
seeds_collapse(cJSON *seeds)
{
	struct piece	 p, q, r;
	const cJSON	*e;
	cJSON		*o, *next;
	int		 i, j;
	uint64_t	 distinct;

	for (i = 0; i < cJSON_GetArraySize(seeds); i++) {
		piece_get(cJSON_GetArrayItem(seeds, i), &p);
		distinct = 0;
		cJSON_ArrayForEach(o, seeds) {
			if (!piece_same_sweep(o, &p, &q))
				continue;
			for (e = seeds->child; e != o; e = e->next)
				if (piece_same_sweep(e, &p, &r) && r.i == q.i)
					break;
			distinct += e == o;
		}
		if (p.n == 1 || distinct != p.n)
			continue;
		for (o = seeds->child, j = 0; o != NULL; o = next) {
			next = o->next;
			if (piece_same_sweep(o, &p, &q))
				cJSON_DeleteItemFromArray(seeds, j);
			else
				j++;
		}
		p.i = 0;
		p.n = 1;
		piece_add(seeds, &p);
		i = -1;		/* the list changed: from the start */
	}
}

struct explore *
explore_new(const struct exercise *ex)
{
	struct explore	*xp = xcalloc(1, sizeof *xp);
	cJSON		*x = cJSON_CreateObject(), *in, *o, *c;
	size_t		 i, k;

	cJSON_AddStringToObject(x, "format", "ttxsim-explore");
	cJSON_AddNumberToObject(x, "version", 1);
	cJSON_AddStringToObject(x, "scenario", ex->scenario.id ?
	    ex->scenario.id : "");
	cJSON_AddNumberToObject(x, "runs", 0);
	in = cJSON_AddObjectToObject(x, "injects");
	for (i = 0; i < ex->ninjects; i++) {
		o = cJSON_AddObjectToObject(in, ex->injects[i].id);
		cJSON_AddBoolToObject(o, "held", ex->injects[i].at == EX_HELD);
		cJSON_AddBoolToObject(o, "contingency",
		    ex->injects[i].contingency);
		cJSON_AddBoolToObject(o, "deadline",
		    ex->injects[i].deadline > 0);
		cJSON_AddNumberToObject(o, "runs", 0);
		cJSON_AddNumberToObject(o, "deliveries", 0);
		cJSON_AddNumberToObject(o, "in_time", 0);
		cJSON_AddNumberToObject(o, "late", 0);
		cJSON_AddNumberToObject(o, "timeouts", 0);
		c = cJSON_AddObjectToObject(o, "choices");
		for (k = 0; k < ex->injects[i].nchoices; k++)
			cJSON_AddNumberToObject(c,
			    ex->injects[i].choices[k].id, 0);
	}
	o = cJSON_AddObjectToObject(x, "objectives");
	for (i = 0; i < ex->nobjectives; i++) {
		c = cJSON_AddObjectToObject(o, ex->objectives[i].id);
		cJSON_AddNumberToObject(c, "met", 0);
		cJSON_AddNumberToObject(c, "missed", 0);
		cJSON_AddNumberToObject(c, "undecided", 0);
	}
	cJSON_AddObjectToObject(x, "end");
	xp->x = x;
	map_init(&xp->errors, x, "errors");
	map_init(&xp->minutes, x, "minutes");
	map_init(&xp->paths, x, "paths");
	return xp;
}

struct explore *
explore_from_json(cJSON *x, struct error *e)
{
	struct explore	*xp;

	static const char *const maps[] = { "errors", "minutes", "paths",
	    NULL };
	const char *const	*m;
	const cJSON		*v;

	if (explore_valid(x, e) != 0) {
		cJSON_Delete(x);
		return NULL;
	}
	for (m = maps; *m != NULL; m++) {
		v = cJSON_GetObjectItemCaseSensitive(x, *m);
		if (v != NULL && !cJSON_IsObject(v)) {
			error_set(e, ERR_INVALID, "field '%s' is not an object",
			    *m);
			cJSON_Delete(x);
			return NULL;
		}
	}
	v = cJSON_GetObjectItemCaseSensitive(x, "seeds");
	if (v != NULL && seeds_valid(v) != 0) {
		error_set(e, ERR_INVALID, "field 'seeds' is not a list of "
		    "{\"seed\", \"runs\", \"shard\"}");
		cJSON_Delete(x);
		return NULL;
	}
	xp = xcalloc(1, sizeof *xp);
	xp->x = x;
	map_init(&xp->errors, x, "errors");
	map_init(&xp->minutes, x, "minutes");
	map_init(&xp->paths, x, "paths");
	return xp;
}

void
explore_free(struct explore *xp)
{
	if (xp == NULL)
		return;
	cJSON_Delete(xp->x);
	free(xp->errors.slot);
	free(xp->minutes.slot);
	free(xp->paths.slot);
	free(xp);
}

const cJSON *
explore_json(const struct explore *xp)
{
	return xp->x;
}

void
explore_add(struct explore *xp, const struct exercise *ex, uint64_t seed)
{
	cJSON		*x = xp->x, *in = obj(x, "injects"), *o;
	const struct ex_delivery *dv;
	char		 key[32], *path = xstrdup(""), *p;
	size_t		 i;
	int		*fired = xcalloc(ex->ninjects + 1, sizeof *fired);

	count(x, "runs", 1);
	for (i = 0; i < ex->ndeliveries; i++) {
		dv = &ex->deliveries[i];
		o = obj(in, ex->injects[dv->inject].id);
		count(o, "deliveries", 1);
		fired[dv->inject] = 1;
		if (dv->timed_out && dv->choice == -1)
			count(o, "timeouts", 1);
		if (dv->choice == -1)
			continue;
		count(obj(o, "choices"),
		    ex->injects[dv->inject].choices[dv->choice].id, 1);
		count(o, dv->late ? "late" : "in_time", 1);
		p = xasprintf("%s%s%s=%s", path, *path ? " " : "",
		    ex->injects[dv->inject].id,
		    ex->injects[dv->inject].choices[dv->choice].id);
		free(path);
		path = p;
	}
	for (i = 0; i < ex->ninjects; i++)
		if (fired[i])
			count(obj(in, ex->injects[i].id), "runs", 1);
	free(fired);
	for (i = 0; i < ex->nobjectives; i++)
		count(obj(obj(x, "objectives"), ex->objectives[i].id),
		    ex->objectives[i].verdict == EX_MET ? "met" :
		    ex->objectives[i].verdict == EX_MISSED ? "missed" :
		    "undecided", 1);
	/* as the journal names them */
	count(obj(x, "end"), ex->end_reason != NULL ? "finish" :
	    ex->scenario.duration != SIM_NEVER && ex->end_t >=
	    ex->scenario.duration ? "duration" : "idle", 1);
	snprintf(key, sizeof key, "%" PRId64, (int64_t)(ex->end_t / SIM_MIN));
	o = map_get(&xp->minutes, key);
	if (o == NULL) {
		o = cJSON_AddNumberToObject(xp->minutes.o, key, 0);
		map_put(&xp->minutes, o);
	}
	cJSON_SetNumberValue(o, o->valuedouble + 1);
	seen(map_add(&xp->paths, *path ? path : "(no decisions)", NULL), seed);
	free(path);
}

void
explore_add_handlers(struct explore *xp, const struct script *s)
{
	const char	*kind, *inject;
	char		 key[256];
	size_t		 i;
	int		 line, ran;

	for (i = 0; script_handler(s, i, &kind, &inject, &line, &ran) == 0;
	    i++) {
		if (inject != NULL)
			snprintf(key, sizeof key, "on(\"%s\", \"%.160s\") at "
			    "line %d", kind, inject, line);
		else
			snprintf(key, sizeof key, "on(\"%s\", nil) at line %d",
			    kind, line);
		count(obj(obj(xp->x, "handlers"), key), "runs", ran);
	}
}

void
explore_error(struct explore *xp, const char *text, uint64_t seed)
{
	seen(map_add(&xp->errors, text, NULL), seed);
}

void
explore_cover(struct explore *xp, uint64_t seed, uint64_t runs,
    uint64_t shard_i, uint64_t shard_n)
{
	struct piece	p = { seed, runs, shard_i, shard_n };

	cJSON_DeleteItemFromObjectCaseSensitive(xp->x, "seeds");
	piece_add(cJSON_AddArrayToObject(xp->x, "seeds"), &p);
}

const cJSON *
explore_seeds(const struct explore *xp)
{
	return cJSON_GetObjectItemCaseSensitive(xp->x, "seeds");
}

int
explore_overlap(const cJSON *a, const cJSON *b, uint64_t *seed)
{
	const cJSON	*x, *y;
	struct piece	 p, q;

	cJSON_ArrayForEach(x, a) {
		if (piece_get(x, &p) != 0)
			continue;
		cJSON_ArrayForEach(y, b)
			if (piece_get(y, &q) == 0 &&
			    piece_overlap(&p, &q, seed) == 0)
				return 1;
	}
	return 0;
}

static void	merge(cJSON *, const cJSON *);

/* Add bv into av, its counterpart (both named bv->string): numbers add
 * ("seed" keeps the smaller, "version" stays), objects recurse. */
static void
merge_item(cJSON *av, const cJSON *bv)
{
	if (strcmp(bv->string, "version") == 0)
		return;			/* the format's, not a count */
	if (cJSON_IsNumber(av) && cJSON_IsNumber(bv)) {
		if (strcmp(bv->string, "seed") != 0)
			cJSON_SetNumberValue(av, av->valuedouble +
			    bv->valuedouble);
		else if (bv->valuedouble < av->valuedouble)
			cJSON_SetNumberValue(av, bv->valuedouble);
	} else if (cJSON_IsObject(av) && cJSON_IsObject(bv))
		merge(av, bv);
}

/* Add object b into object a, item by item. */
static void
merge(cJSON *a, const cJSON *b)
{
	const cJSON	*bv;
	cJSON		*av;

	cJSON_ArrayForEach(bv, b) {
		av = cJSON_GetObjectItemCaseSensitive(a, bv->string);
		if (av == NULL)
			cJSON_AddItemToObject(a, bv->string,
			    cJSON_Duplicate(bv, 1));
		else
			merge_item(av, bv);
	}
}

/* Add the indexed object b into m's, through the index. */
static void
merge_map(struct explore_map *m, const struct explore_map *b)
{
	const cJSON	*bv;
	cJSON		*av;

	cJSON_ArrayForEach(bv, b->o) {
		if ((av = map_get(m, bv->string)) == NULL)
			map_add(m, bv->string, bv);
		else
			merge_item(av, bv);
	}
}

int
explore_valid(const cJSON *x, struct error *e)
{
	const char	*f = cJSON_GetStringValue(
	    cJSON_GetObjectItemCaseSensitive(x, "format"));

	if (!cJSON_IsObject(x) || f == NULL || strcmp(f, "ttxsim-explore") !=
	    0 || num(x, "version") != 1 || !cJSON_IsString(
	    cJSON_GetObjectItemCaseSensitive(x, "scenario")))
		return error_set(e, ERR_INVALID, "not the output of ttxsim "
		    "explore --json (format ttxsim-explore, version 1)");
	return 0;
}

int
explore_same_scenario(const struct explore *a, const struct explore *b,
    struct error *e)
{
	const char	*sa = cJSON_GetStringValue(
	    cJSON_GetObjectItemCaseSensitive(a->x, "scenario"));
	const char	*sb = cJSON_GetStringValue(
	    cJSON_GetObjectItemCaseSensitive(b->x, "scenario"));

	if (sa != NULL && sb != NULL && strcmp(sa, sb) != 0)
		return error_set(e, ERR_INVALID, "scenario '%s', not '%s'", sb,
		    sa);
	return 0;
}

int
explore_merge(struct explore *a, const struct explore *b, struct error *e)
{
	const cJSON	*bv;
	cJSON		*av;

	if (explore_same_scenario(a, b, e) != 0)
		return -1;
	merge_map(&a->errors, &b->errors);
	merge_map(&a->minutes, &b->minutes);
	merge_map(&a->paths, &b->paths);
	/* the runs of both, or not known if either does not say */
	if ((av = cJSON_GetObjectItemCaseSensitive(a->x, "seeds")) != NULL &&
	    explore_seeds(b) != NULL) {
		cJSON_ArrayForEach(bv, explore_seeds(b))
			cJSON_AddItemToArray(av, cJSON_Duplicate(bv, 1));
		seeds_collapse(av);
	} else
		cJSON_DeleteItemFromObjectCaseSensitive(a->x, "seeds");
	cJSON_ArrayForEach(bv, b->x) {
		if (bv->string == NULL || strcmp(bv->string, "errors") == 0 ||
		    strcmp(bv->string, "minutes") == 0 ||
		    strcmp(bv->string, "paths") == 0 ||
		    strcmp(bv->string, "seeds") == 0)
			continue;
		if ((av = cJSON_GetObjectItemCaseSensitive(a->x, bv->string))
		    == NULL)
			cJSON_AddItemToObject(a->x, bv->string,
			    cJSON_Duplicate(bv, 1));
		else
			merge_item(av, bv);
	}
	return 0;
}

static int
cmp_count(const void *pa, const void *pb)
{
	const cJSON	*a = *(const cJSON *const *)pa;
	const cJSON	*b = *(const cJSON *const *)pb;
	double		 x = num(a, "runs"), y = num(b, "runs");

	if (x != y)
		return x < y ? 1 : -1;
	return strcmp(a->string, b->string);
}

static int
cmp_minute(const void *pa, const void *pb)
{
	long	x = atol((*(const cJSON *const *)pa)->string);
	long	y = atol((*(const cJSON *const *)pb)->string);

	return (x > y) - (x < y);
}

/* The minute below which fraction q of the runs ended. */
static long
quantile(const cJSON *minutes, double q, double runs)
{
	const cJSON	**v;
	const cJSON	*it;
	size_t		 n = (size_t)cJSON_GetArraySize(minutes), i = 0;
	double		 acc = 0;
	long		 m = 0;

	if (n == 0)
		return 0;
	v = xcalloc(n, sizeof *v);
	cJSON_ArrayForEach(it, minutes)
		v[i++] = it;
	qsort(v, n, sizeof *v, cmp_minute);
	for (i = 0; i < n; i++) {
		acc += v[i]->valuedouble;
		m = atol(v[i]->string);
		if (acc >= q * runs)
			break;
	}
	free(v);
	return m;
}

static const char *
hm(long minutes, char *buf, size_t len)
{
	if (minutes >= 1440)
		snprintf(buf, len, "%ldd%02ldh%02ld", minutes / 1440,
		    minutes / 60 % 24, minutes % 60);
	else
		snprintf(buf, len, "%ldh%02ld", minutes / 60, minutes % 60);
	return buf;
}

static double
pct(double a, double b)
{
	return b > 0 ? 100 * a / b : 0;
}

int
explore_problems(const struct explore *xp)
{
	const cJSON	*x = xp->x, *in, *c;
	int		 n = 0;

	cJSON_ArrayForEach(in, cJSON_GetObjectItemCaseSensitive(x,
	    "injects")) {
		if (num(in, "runs") == 0)
			n++;
		cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(in,
		    "choices"))
			n += num(in, "runs") > 0 && c->valuedouble == 0;
		if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(in,
		    "deadline")) && num(in, "deliveries") > 0 &&
		    num(in, "in_time") == 0)
			n++;
	}
	cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(x, "handlers"))
		n += num(c, "runs") == 0;
	return n + cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(x,
	    "errors"));
}

void
explore_print(const struct explore *xp, FILE *f)
{
	const cJSON	*x = xp->x, *in, *c, *it, **v;
	double		 runs = num(x, "runs"), dv;
	size_t		 n, i;
	int		 dead = 0;
	char		 b1[32], b2[32], b3[32], b4[32];

	vis_printf(f, "%s: %.0f runs\n\n", cJSON_GetStringValue(
	    cJSON_GetObjectItemCaseSensitive(x, "scenario")), runs);

	vis_printf(f, "Injects (runs in which each fired; choices taken):\n");
	cJSON_ArrayForEach(in, cJSON_GetObjectItemCaseSensitive(x,
	    "injects")) {
		vis_printf(f, "  %-28s %6.1f%%%s%s\n", in->string,
		    pct(num(in, "runs"), runs), cJSON_IsTrue(
		    cJSON_GetObjectItemCaseSensitive(in, "held")) ? "  held" :
		    "", cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(in,
		    "contingency")) ? " (contingency)" : "");
		cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(in,
		    "choices"))
			vis_printf(f, "    %-26s %6.1f%% of decisions\n",
			    c->string, pct(c->valuedouble, num(in, "in_time") +
			    num(in, "late")));
	}

	vis_printf(f, "\nDead content (never happened in %.0f runs):\n", runs);
	cJSON_ArrayForEach(in, cJSON_GetObjectItemCaseSensitive(x,
	    "injects")) {
		if (num(in, "runs") == 0) {
			vis_printf(f, "  inject %s never fired%s\n", in->string,
			    cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(in,
			    "held")) ? " (held: only a handler or the "
			    "facilitator fires it)" : "");
			dead++;
			continue;
		}
		cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(in,
		    "choices"))
			if (c->valuedouble == 0) {
				vis_printf(f, "  choice %s of %s never taken\n",
				    c->string, in->string);
				dead++;
			}
	}
	cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(x, "handlers"))
		if (num(c, "runs") == 0) {
			vis_printf(f, "  handler %s never ran%s\n", c->string,
			    strncmp(c->string, "on(\"timeout\"", 12) == 0 ?
			    " (no bot missed the deadline: the roles' delay "
			    "ranges are shorter)" : "");
			dead++;
		}
	if (dead == 0)
		vis_printf(f, "  none\n");

	/* "no decision" is every delivery not decided: timed out, or still
	 * open when the exercise ended (a deadline after ENDEX) */
	vis_printf(f, "\nDeadlines (decisions in time / late / no decision):\n");
	cJSON_ArrayForEach(in, cJSON_GetObjectItemCaseSensitive(x,
	    "injects")) {
		dv = num(in, "deliveries");
		if (!cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(in,
		    "deadline")) || dv == 0)
			continue;
		vis_printf(f, "  %-28s %5.1f%% / %5.1f%% / %5.1f%%%s\n",
		    in->string, pct(num(in, "in_time"), dv), pct(num(in,
		    "late"), dv), pct(dv - num(in, "in_time") - num(in,
		    "late"), dv), num(in, "in_time") == 0 ? "  NEVER MET" :
		    "");
	}

	vis_printf(f, "\nObjectives (met / missed / undecided):\n");
	cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(x,
	    "objectives"))
		vis_printf(f, "  %-28s %5.1f%% / %5.1f%% / %5.1f%%%s\n",
		    c->string, pct(num(c, "met"), runs), pct(num(c, "missed"),
		    runs), pct(num(c, "undecided"), runs), num(c, "met") ==
		    0 ? "  NEVER MET" : "");

	vis_printf(f, "\nScenario errors:\n");
	it = cJSON_GetObjectItemCaseSensitive(x, "errors");
	if (cJSON_GetArraySize(it) == 0)
		vis_printf(f, "  none\n");
	cJSON_ArrayForEach(c, it)
		vis_printf(f, "  %s\n    in %.0f runs; replay: ttxsim run "
		    "--headless --seed %.0f\n", c->string, num(c, "runs"),
		    num(c, "seed"));

	it = cJSON_GetObjectItemCaseSensitive(x, "minutes");
	vis_printf(f, "\nLength: shortest %s, median %s, 90%% within %s, "
	    "longest %s; ended by", hm(quantile(it, 0, runs), b1, sizeof b1),
	    hm(quantile(it, 0.5, runs), b2, sizeof b2), hm(quantile(it, 0.9,
	    runs), b3, sizeof b3), hm(quantile(it, 1, runs), b4, sizeof b4));
	cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(x, "end"))
		vis_printf(f, " %s %.1f%%", c->string, pct(c->valuedouble, runs));
	vis_printf(f, "\n");

	it = cJSON_GetObjectItemCaseSensitive(x, "paths");
	n = (size_t)cJSON_GetArraySize(it);
	vis_printf(f, "\nPaths through the decisions: %zu different; the most "
	    "common:\n", n);
	v = xcalloc(n + 1, sizeof *v);
	i = 0;
	cJSON_ArrayForEach(c, it)
		v[i++] = c;
	qsort(v, n, sizeof *v, cmp_count);
	for (i = 0; i < n && i < EXPLORE_TOP_PATHS; i++)
		vis_printf(f, "  %5.1f%%  %s  (seed %.0f)\n", pct(num(v[i],
		    "runs"), runs), v[i]->string, num(v[i], "seed"));
	free(v);
}

/*
 * Resume: see replay.h.  Records are compared as JSON objects without
 * their "seq" and "wall" fields, which differ between runs by design
 * (the records keep "seq": a resumed server sends the journal's numbers
 * to its consoles again).
 */
#include <stdlib.h>
#include <string.h>

#include "proto.h"
#include "replay.h"
#include "xmalloc.h"

struct replay {
	struct journal_info	 info;
	char			*file, *sha256, *seed, *bots;
	char			**choose;
	size_t			 nchoose;
	cJSON			**recs;		/* records after the header */
	size_t			 n, cap, next;
};

static char *
replay_str(const cJSON *o, const char *k)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(o, k);

	return cJSON_IsString(v) ? xstrdup(v->valuestring) : NULL;
}

static int
replay_collect(const cJSON *rec, size_t line, void *arg)
{
	struct replay	*r = arg;
	const cJSON	*sc, *a, *c;
	cJSON		*copy;

	if (line == 1) {
		sc = cJSON_GetObjectItemCaseSensitive(rec, "scenario");
		r->file = replay_str(sc, "file");
		r->sha256 = replay_str(sc, "sha256");
		r->seed = replay_str(rec, "seed");
		r->bots = replay_str(rec, "bots");
		a = cJSON_GetObjectItemCaseSensitive(rec, "choose");
		r->choose = xcalloc((size_t)cJSON_GetArraySize(a) + 1,
		    sizeof *r->choose);
		cJSON_ArrayForEach(c, a) {
			if (cJSON_IsString(c))
				r->choose[r->nchoose++] =
				    xstrdup(c->valuestring);
		}
		return 0;
	}
	copy = cJSON_Duplicate(rec, 1);
	cJSON_DeleteItemFromObjectCaseSensitive(copy, "wall");
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 256;
		r->recs = xreallocarray(r->recs, r->cap, sizeof *r->recs);
	}
	r->recs[r->n++] = copy;
	return 0;
}

struct replay *
replay_load(const char *path, struct error *e)
{
	struct replay	*r;

	r = xcalloc(1, sizeof *r);
	if (journal_read(path, replay_collect, r, &r->info, e) != 0) {
		replay_free(r);
		return NULL;
	}
	if (r->file == NULL || r->sha256 == NULL || r->seed == NULL) {
		error_set(e, ERR_INVALID, "line 1: the header names no "
		    "scenario file, hash or seed");
		replay_free(r);
		return NULL;
	}
	return r;
}

void
replay_free(struct replay *r)
{
	size_t	i;

	if (r == NULL)
		return;
	for (i = 0; i < r->n; i++)
		cJSON_Delete(r->recs[i]);
	for (i = 0; i < r->nchoose; i++)
		free(r->choose[i]);
	free(r->choose);
	free(r->recs);
	free(r->file);
	free(r->sha256);
	free(r->seed);
	free(r->bots);
	free(r);
}

const char *
replay_file(const struct replay *r)
{
	return r->file;
}

const char *
replay_seed(const struct replay *r)
{
	return r->seed;
}

const char *
replay_bots(const struct replay *r)
{
	return r->bots != NULL ? r->bots : "random";
}

const char *const *
replay_choose(const struct replay *r, size_t *n)
{
	*n = r->nchoose;
	return (const char *const *)r->choose;
}

const struct journal_info *
replay_info(const struct replay *r)
{
	return &r->info;
}

size_t
replay_matched(const struct replay *r)
{
	size_t	n = r->next;

	/* the server's own records after the last match are not the
	 * engine's to make: a journal may end with a chat */
	while (n < r->n && replay_is_server(r->recs[n]))
		n++;
	return n;
}

int
replay_check_source(const struct replay *r, const char *file,
    const char *src, size_t len, struct error *e)
{
	char	sha[65];

	journal_sha256(src, len, sha);
	if (strcmp(sha, r->sha256) == 0)
		return 0;
	return error_set(e, ERR_STATE, "%s has changed since the journal was "
	    "written (SHA-256 %.12s..., the journal recorded %.12s...): "
	    "resuming would not reproduce the exercise", file, sha,
	    r->sha256);
}

size_t
replay_count(const struct replay *r)
{
	return r->n;
}

const cJSON *
replay_record(const struct replay *r, size_t i)
{
	return i < r->n ? r->recs[i] : NULL;
}

int
replay_is_server(const cJSON *rec)
{
	static const char *const types[] = { "command", "chat", "request",
	    "observation", "rating", "adhoc", "hotwash", NULL };
	const cJSON		*t = cJSON_GetObjectItemCaseSensitive(rec,
	    "type");
	const char *const	*p;

	if (!cJSON_IsString(t))
		return 0;
	for (p = types; *p != NULL; p++)
		if (strcmp(t->valuestring, *p) == 0)
			return 1;
	return 0;
}

int
replay_verify(struct replay *r, const cJSON *rec, struct error *e)
{
	cJSON	*mine, *theirs;
	char	*a, *b;
	int	 same;

	while (r->next < r->n && replay_is_server(r->recs[r->next]))
		r->next++;
	if (r->next >= r->n)
		return 0;
	mine = cJSON_Duplicate(rec, 1);
	cJSON_DeleteItemFromObjectCaseSensitive(mine, "seq");
	cJSON_DeleteItemFromObjectCaseSensitive(mine, "wall");
	/* the journal has bytes that are not UTF-8 as U+FFFD: so must we */
	if ((a = cJSON_PrintUnformatted(mine)) != NULL) {
		size_t	n = strlen(a);
		if ((b = proto_utf8_fix(a, &n)) != NULL) {
			cJSON_Delete(mine);
			mine = cJSON_ParseWithLength(b, n);
			free(b);
		}
		cJSON_free(a);
	}
	/* its number, and the request that made it ("re", "by"), are the
	 * journal's and the server's, not the engine's to make again */
	theirs = cJSON_Duplicate(r->recs[r->next], 1);
	cJSON_DeleteItemFromObjectCaseSensitive(theirs, "seq");
	cJSON_DeleteItemFromObjectCaseSensitive(theirs, "re");
	cJSON_DeleteItemFromObjectCaseSensitive(theirs, "by");
	same = cJSON_Compare(mine, theirs, 1);
	cJSON_Delete(theirs);
	if (!same) {
		a = cJSON_PrintUnformatted(r->recs[r->next]);
		b = cJSON_PrintUnformatted(mine);
		error_set(e, ERR_STATE, "record %zu (line %zu) differs: the "
		    "journal has %.300s; the re-run gives %.300s", r->next + 1,
		    r->next + 2, a, b);
		cJSON_free(a);
		cJSON_free(b);
	}
	cJSON_Delete(mine);
	if (!same)
		return -1;
	r->next++;
	return 1;
}

int64_t
replay_seq(const struct replay *r)
{
	const cJSON	*seq;

	if (r->next == 0)
		return -1;
	seq = cJSON_GetObjectItemCaseSensitive(r->recs[r->next - 1], "seq");
	return cJSON_IsNumber(seq) ? (int64_t)seq->valuedouble : -1;
}

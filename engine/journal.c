/*
 * The journal: see journal.h.
 *
 * Invariant: j->size is the length of the file as last committed, always
 * on a record boundary; bytes past it exist only after a failed write, and
 * the failure path cuts them off before it reports.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sha2.h>

#include "config.h"
#include "exercise.h"
#include "journal.h"
#include "proto.h"
#include "tlp.h"
#include "xmalloc.h"

struct journal {
	char		*path;
	int		 fd;
	int		 failed;
	int64_t		 seq;		/* the last sequence number used */
	size_t		 size;		/* committed bytes */
	char		*buf;		/* appended, not yet committed */
	size_t		 len, cap;
	journal_clock	 clock;
	void		*clock_arg;
};

static int64_t
journal_realtime(void *arg)
{
	struct timespec	ts;

	(void)arg;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static struct journal *
journal_new(const char *path, int fd, journal_clock clock, void *clock_arg)
{
	struct journal	*j;

	j = xcalloc(1, sizeof *j);
	j->path = xstrdup(path);
	j->fd = fd;
	j->clock = clock != NULL ? clock : journal_realtime;
	j->clock_arg = clock_arg;
	j->seq = -1;
	return j;
}

struct journal *
journal_create(const char *path, journal_clock clock, void *clock_arg,
    struct error *e)
{
	int	fd;

	/* 0600: a journal holds every inject, TLP:RED ones included */
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC,
	    0600);
	if (fd == -1) {
		error_set(e, ERR_IO, "journal %s: %s%s", path, strerror(errno),
		    errno == EEXIST ? " (a journal is never overwritten: "
		    "choose another file)" : "");
		return NULL;
	}
	return journal_new(path, fd, clock, clock_arg);
}

struct journal *
journal_reopen(const char *path, size_t valid_bytes, int64_t next_seq,
    journal_clock clock, void *clock_arg, struct error *e)
{
	struct journal	*j;
	int		 fd;

	if ((fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)) == -1) {
		error_set(e, ERR_IO, "journal %s: %s", path, strerror(errno));
		return NULL;
	}
	if (ftruncate(fd, (off_t)valid_bytes) == -1 || fsync(fd) == -1) {
		error_set(e, ERR_IO, "journal %s: cannot cut the torn tail at "
		    "byte %zu: %s", path, valid_bytes, strerror(errno));
		close(fd);
		return NULL;
	}
	j = journal_new(path, fd, clock, clock_arg);
	j->size = valid_bytes;
	j->seq = next_seq - 1;
	return j;
}

int
journal_close(struct journal *j, struct error *e)
{
	int	rc = 0;

	if (j == NULL)
		return 0;
	if (!j->failed)
		rc = journal_commit(j, e);
	close(j->fd);
	free(j->buf);
	free(j->path);
	free(j);
	return rc;
}

int64_t
journal_seq(const struct journal *j)
{
	return j->seq;
}

int
journal_failed(const struct journal *j)
{
	return j->failed;
}

const char *
journal_path(const struct journal *j)
{
	return j->path;
}

/* A failure: cut the file back to its last record boundary, refuse all
 * that follows. */
static int
journal_fail(struct journal *j, struct error *e, const char *what, int err)
{
	j->failed = 1;
	j->len = 0;
	if (ftruncate(j->fd, (off_t)j->size) == 0)
		(void)fsync(j->fd);
	if (j->size == 0)
		return error_set(e, ERR_IO, "journal %s: %s failed: %s; nothing "
		    "was written", j->path, what, strerror(err));
	return error_set(e, ERR_IO, "journal %s: %s failed: %s; the exercise "
	    "stopped with its records up to the last commit on disk (it can "
	    "be resumed)", j->path, what, strerror(err));
}

int
journal_commit(struct journal *j, struct error *e)
{
	size_t	off = 0;
	ssize_t	n;

	if (j->failed)
		return error_set(e, ERR_IO, "journal %s: stopped by an earlier "
		    "failure", j->path);
	while (off < j->len) {
		n = write(j->fd, j->buf + off, j->len - off);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			return journal_fail(j, e, "write", n == 0 ? ENOSPC :
			    errno);
		off += (size_t)n;
	}
	if (j->len > 0 && fsync(j->fd) == -1)
		return journal_fail(j, e, "fsync", errno);
	j->size += j->len;
	j->len = 0;
	return 0;
}

static void
journal_wall(struct journal *j, char *buf, size_t len)
{
	int64_t		 ns = j->clock(j->clock_arg);
	time_t		 secs = (time_t)(ns / 1000000000);
	struct tm	 tm;

	gmtime_r(&secs, &tm);
	snprintf(buf, len, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec, (int)(ns / 1000000 % 1000));
}

int
journal_append(struct journal *j, cJSON *rec, struct error *e)
{
	cJSON	*seq;
	char	*text, *fixed, wall[80];
	size_t	 n;

	if (j->failed)
		return error_set(e, ERR_IO, "journal %s: stopped by an earlier "
		    "failure", j->path);
	if ((seq = cJSON_GetObjectItemCaseSensitive(rec, "seq")) != NULL)
		cJSON_SetNumberValue(seq, (double)++j->seq);
	else
		cJSON_AddNumberToObject(rec, "seq", (double)++j->seq);
	if (!cJSON_HasObjectItem(rec, "wall")) {
		journal_wall(j, wall, sizeof wall);
		cJSON_AddStringToObject(rec, "wall", wall);
	}
	if ((text = cJSON_PrintUnformatted(rec)) == NULL)
		abort();		/* out of memory */
	n = strlen(text);
	/* a scenario's text may hold any bytes: a journal line is UTF-8 */
	if ((fixed = proto_utf8_fix(text, &n)) != NULL) {
		cJSON_free(text);
		text = fixed;
	}
	if (j->len + n + 1 > j->cap) {
		j->cap = (j->len + n + 1) * 2;
		j->buf = xreallocarray(j->buf, j->cap, 1);
	}
	memcpy(j->buf + j->len, text, n);
	j->buf[j->len + n] = '\n';
	j->len += n + 1;
	cJSON_free(text);
	return 0;
}

void
journal_sha256(const char *data, size_t len, char *out)
{
	SHA2_CTX	ctx;
	uint8_t		digest[SHA256_DIGEST_LENGTH];
	size_t		i;

	SHA256Init(&ctx);
	SHA256Update(&ctx, (const uint8_t *)data, len);
	SHA256Final(digest, &ctx);
	for (i = 0; i < sizeof digest; i++)
		snprintf(out + 2 * i, 3, "%02x", digest[i]);
}

/* Helpers that add nothing for NULL, so optional fields stay absent. */
static void
journal_str(cJSON *o, const char *k, const char *v)
{
	if (v != NULL)
		cJSON_AddStringToObject(o, k, v);
}

static void
journal_ms(cJSON *o, const char *k, sim_time v)
{
	if (v == SIM_NEVER)
		cJSON_AddNullToObject(o, k);
	else
		cJSON_AddNumberToObject(o, k, (double)v);
}

static cJSON *
journal_roles(const struct exercise *ex, const int *to, size_t n)
{
	cJSON	*a = cJSON_CreateArray();
	size_t	 i;

	for (i = 0; i < n; i++)
		cJSON_AddItemToArray(a, cJSON_CreateString(ex->roles[to[i]].id));
	return a;
}

int
journal_header(struct journal *j, const struct exercise *ex, const char *file,
    const char *source, size_t len, const char *bots,
    const char *const *choose, size_t nchoose, struct error *e)
{
	const struct ex_scenario *sc = &ex->scenario;
	cJSON	*h, *o, *a, *x, *c;
	char	 sha[2 * SHA256_DIGEST_LENGTH + 1], start[40];
	size_t	 i, k;
	int	 rc;

	h = cJSON_CreateObject();
	cJSON_AddNumberToObject(h, "seq", 0);
	cJSON_AddStringToObject(h, "type", "header");
	cJSON_AddStringToObject(h, "format", JOURNAL_FORMAT);
	cJSON_AddNumberToObject(h, "version", JOURNAL_VERSION);
	cJSON_AddStringToObject(h, "engine", TTX_VERSION);
	o = cJSON_AddObjectToObject(h, "scenario");
	journal_str(o, "id", sc->id);
	journal_str(o, "title", sc->title);
	journal_str(o, "summary", sc->summary);
	journal_str(o, "file", file);
	journal_sha256(source, len, sha);
	cJSON_AddStringToObject(o, "sha256", sha);
	if (sc->start != 0) {
		time_t		t = (time_t)sc->start;
		struct tm	tm;

		gmtime_r(&t, &tm);
		strftime(start, sizeof start, "%Y-%m-%dT%H:%M:%SZ", &tm);
		cJSON_AddStringToObject(o, "start", start);
	}
	journal_ms(o, "duration", sc->duration);
	cJSON_AddStringToObject(o, "tlp", tlp_name(sc->tlp));
	/* as a string: a 64-bit seed does not survive a JSON double */
	snprintf(start, sizeof start, "%" PRIu64, ex->seed);
	cJSON_AddStringToObject(h, "seed", start);
	journal_str(h, "bots", bots);
	a = cJSON_AddArrayToObject(h, "choose");
	for (i = 0; i < nchoose; i++)
		cJSON_AddItemToArray(a, cJSON_CreateString(choose[i]));

	a = cJSON_AddArrayToObject(h, "orgs");
	for (i = 0; i < ex->norgs; i++) {
		x = cJSON_CreateObject();
		journal_str(x, "id", ex->orgs[i].id);
		journal_str(x, "name", ex->orgs[i].name);
		journal_str(x, "team", ex->orgs[i].team);
		c = cJSON_AddArrayToObject(x, "clients");
		for (k = 0; k < ex->orgs[i].nclients; k++)
			cJSON_AddItemToArray(c,
			    cJSON_CreateString(ex->orgs[i].clients[k]));
		cJSON_AddItemToArray(a, x);
	}
	a = cJSON_AddArrayToObject(h, "roles");
	for (i = 0; i < ex->nroles; i++) {
		x = cJSON_CreateObject();
		journal_str(x, "id", ex->roles[i].id);
		journal_str(x, "name", ex->roles[i].name);
		journal_str(x, "org", ex->roles[i].org);
		cJSON_AddBoolToObject(x, "public", ex->roles[i].is_public);
		cJSON_AddItemToArray(a, x);
	}
	a = cJSON_AddArrayToObject(h, "objectives");
	for (i = 0; i < ex->nobjectives; i++) {
		x = cJSON_CreateObject();
		journal_str(x, "id", ex->objectives[i].id);
		journal_str(x, "text", ex->objectives[i].text);
		journal_str(x, "capability", ex->objectives[i].capability);
		cJSON_AddItemToArray(a, x);
	}
	a = cJSON_AddArrayToObject(h, "phases");
	for (i = 0; i < ex->nphases; i++) {
		x = cJSON_CreateObject();
		journal_str(x, "id", ex->phases[i].id);
		journal_str(x, "title", ex->phases[i].title);
		cJSON_AddNumberToObject(x, "at", (double)ex->phases[i].at);
		cJSON_AddItemToArray(a, x);
	}
	a = cJSON_AddArrayToObject(h, "injects");
	for (i = 0; i < ex->ninjects; i++) {
		const struct ex_inject *in = &ex->injects[i];
		x = cJSON_CreateObject();
		journal_str(x, "id", in->id);
		journal_ms(x, "at", in->at);
		cJSON_AddItemToObject(x, "to", journal_roles(ex, in->to,
		    in->nto));
		journal_str(x, "from", in->from);
		journal_str(x, "title", in->title);
		journal_str(x, "expect", in->expect);
		cJSON_AddStringToObject(x, "tlp", tlp_name(in->tlp));
		c = cJSON_AddArrayToObject(x, "choices");
		for (k = 0; k < in->nchoices; k++) {
			cJSON *ch = cJSON_CreateObject();
			journal_str(ch, "id", in->choices[k].id);
			journal_str(ch, "label", in->choices[k].label);
			cJSON_AddItemToArray(c, ch);
		}
		if (in->deadline != 0)
			cJSON_AddNumberToObject(x, "deadline",
			    (double)in->deadline);
		if (in->objective != -1)
			journal_str(x, "objective",
			    ex->objectives[in->objective].id);
		if (in->phase != -1)
			journal_str(x, "phase", ex->phases[in->phase].id);
		cJSON_AddBoolToObject(x, "contingency", in->contingency);
		cJSON_AddItemToArray(a, x);
	}
	a = cJSON_AddArrayToObject(h, "hotwash");
	for (i = 0; i < ex->nhotwash; i++)
		cJSON_AddItemToArray(a, cJSON_CreateString(ex->hotwash[i]));

	rc = journal_append(j, h, e);
	cJSON_Delete(h);
	return rc;
}

static const char *const journal_kinds[] = {
	[REC_START] = "start", [REC_PHASE] = "phase", [REC_INJECT] = "inject",
	[REC_ACK] = "ack", [REC_DECISION] = "decision",
	[REC_TIMEOUT] = "timeout", [REC_OBJECTIVE] = "objective",
	[REC_LOG] = "log", [REC_ERROR] = "error", [REC_END] = "end",
	[REC_SHARE] = "share", [REC_NOTE] = "note",
};

cJSON *
journal_encode(const struct exercise *ex, const struct ex_record *r)
{
	const struct ex_delivery *dv = r->delivery >= 0 ?
	    &ex->deliveries[r->delivery] : NULL;
	cJSON	*o;

	o = cJSON_CreateObject();
	cJSON_AddNumberToObject(o, "seq", 0);	/* set by journal_append */
	cJSON_AddNumberToObject(o, "t", (double)r->t);
	cJSON_AddStringToObject(o, "type", journal_kinds[r->kind]);
	if (r->inject >= 0)
		cJSON_AddStringToObject(o, "inject", ex->injects[r->inject].id);
	if (dv != NULL)
		cJSON_AddNumberToObject(o, "delivery", r->delivery);
	switch (r->kind) {
	case REC_PHASE:
		cJSON_AddStringToObject(o, "phase", ex->phases[r->phase].id);
		break;
	case REC_INJECT:
		cJSON_AddItemToObject(o, "to", journal_roles(ex, dv->to,
		    dv->nto));
		journal_str(o, "from", dv->from);
		journal_str(o, "title", dv->title);
		journal_str(o, "body", dv->body);
		cJSON_AddStringToObject(o, "tlp", tlp_name(dv->tlp));
		journal_ms(o, "due", dv->due);
		break;
	case REC_ACK:
	case REC_DECISION:
		cJSON_AddStringToObject(o, "role", ex->roles[r->role].id);
		journal_str(o, "player", r->player);
		if (r->kind == REC_DECISION) {
			cJSON_AddStringToObject(o, "choice", ex->injects[
			    r->inject].choices[r->choice].id);
			cJSON_AddBoolToObject(o, "late", r->late);
		}
		break;
	case REC_OBJECTIVE:
		cJSON_AddStringToObject(o, "objective",
		    ex->objectives[r->objective].id);
		cJSON_AddStringToObject(o, "verdict",
		    exercise_verdict_name(r->verdict));
		journal_str(o, "note", r->text);
		break;
	case REC_LOG:
	case REC_ERROR:
		journal_str(o, "text", r->text);
		break;
	case REC_SHARE: {
		const struct ex_share *sh = &ex->shares[r->share];

		cJSON_AddNumberToObject(o, "share", r->share);
		cJSON_AddStringToObject(o, "role", ex->roles[sh->from].id);
		journal_str(o, "player", sh->player);
		cJSON_AddItemToObject(o, "to", journal_roles(ex, sh->to,
		    sh->nto));
		cJSON_AddStringToObject(o, "tlp", tlp_name(sh->tlp));
		journal_str(o, "title", sh->title);
		journal_str(o, "text", sh->text);
		if (sh->ref >= 0)
			cJSON_AddNumberToObject(o, "ref", sh->ref);
		cJSON_AddBoolToObject(o, "refused", sh->refused);
		journal_str(o, "reason", sh->reason);
		break;
	}
	case REC_NOTE:
		cJSON_AddStringToObject(o, "role", ex->roles[r->role].id);
		journal_str(o, "player", r->player);
		journal_str(o, "text", r->text);
		break;
	case REC_END:
		if (r->text != NULL) {
			cJSON_AddStringToObject(o, "reason", "finish");
			cJSON_AddStringToObject(o, "summary", r->text);
		} else if (ex->scenario.duration != SIM_NEVER &&
		    r->t >= ex->scenario.duration)
			cJSON_AddStringToObject(o, "reason", "duration");
		else
			cJSON_AddStringToObject(o, "reason", "idle");
		break;
	default:
		break;
	}
	return o;
}

int
journal_record(struct journal *j, const struct exercise *ex,
    const struct ex_record *r, struct error *e)
{
	cJSON	*o = journal_encode(ex, r);
	int	 rc;

	rc = journal_append(j, o, e);
	cJSON_Delete(o);
	return rc;
}

/* Reading. */

static char *
journal_slurp(const char *path, size_t *len, struct error *e)
{
	struct stat	 st;
	char		*buf;
	size_t		 off = 0;
	ssize_t		 n;
	int		 fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		error_set(e, ERR_IO, "%s: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		error_set(e, ERR_IO, "%s: %s", path, S_ISDIR(st.st_mode) ?
		    "is a directory" : "not a regular file");
		close(fd);
		return NULL;
	}
	buf = xmalloc((size_t)st.st_size + 1);
	while (off < (size_t)st.st_size) {
		n = read(fd, buf + off, (size_t)st.st_size - off);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		off += (size_t)n;
	}
	close(fd);
	buf[off] = '\0';
	*len = off;
	return buf;
}

static int
journal_check_header(const cJSON *h, struct error *e)
{
	const cJSON	*f = cJSON_GetObjectItemCaseSensitive(h, "format");
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(h, "version");

	if (!cJSON_IsString(f) || strcmp(f->valuestring, JOURNAL_FORMAT) != 0)
		return error_set(e, ERR_INVALID, "line 1: not a ttxsim journal "
		    "(no header with \"format\": \"%s\")", JOURNAL_FORMAT);
	if (!cJSON_IsNumber(v) || v->valueint != JOURNAL_VERSION)
		return error_set(e, ERR_INVALID, "line 1: journal format "
		    "version %d; this ttxsim reads version %d",
		    cJSON_IsNumber(v) ? v->valueint : -1, JOURNAL_VERSION);
	return 0;
}

/*
 * A number that converts to int64_t exactly: a whole number from 0 to
 * 2^53 (so a damaged journal's 1e400 or -3.5 is refused, not cast).
 */
static int
journal_is_int(const cJSON *v)
{
	return cJSON_IsNumber(v) && v->valuedouble >= 0 &&
	    v->valuedouble <= 9007199254740992.0 &&
	    v->valuedouble == (double)(int64_t)v->valuedouble;
}

int
journal_read(const char *path, journal_fn fn, void *arg,
    struct journal_info *info, struct error *e)
{
	const cJSON	*type, *seq, *t;
	cJSON		*rec;
	char		*buf, *p, *nl, *end;
	size_t		 len, line = 0;
	sim_time	 last_t = 0;
	int		 rc = 0;

	memset(info, 0, sizeof *info);
	info->last_seq = -1;
	if ((buf = journal_slurp(path, &len, e)) == NULL)
		return -1;
	info->file_bytes = len;
	end = buf + len;
	for (p = buf; p < end; p = nl + 1) {
		line++;
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL) {
			/* a last line with no newline: torn by a crash */
			info->torn = 1;
			info->torn_offset = (size_t)(p - buf);
			info->torn_len = (size_t)(end - p);
			break;
		}
		rec = cJSON_ParseWithLength(p, (size_t)(nl - p));
		if (rec == NULL || !cJSON_IsObject(rec)) {
			cJSON_Delete(rec);
			if (line == 1)
				rc = error_set(e, ERR_INVALID, "line 1: not a "
				    "ttxsim journal (not JSON)");
			else
				rc = error_set(e, ERR_INVALID, "line %zu: not a "
				    "JSON object (the journal is damaged before "
				    "its last line; it is not repaired)", line);
			break;
		}
		type = cJSON_GetObjectItemCaseSensitive(rec, "type");
		seq = cJSON_GetObjectItemCaseSensitive(rec, "seq");
		t = cJSON_GetObjectItemCaseSensitive(rec, "t");
		if (line == 1)
			rc = journal_check_header(rec, e);
		else if (!cJSON_IsString(type))
			rc = error_set(e, ERR_INVALID, "line %zu: no \"type\"",
			    line);
		else if (!journal_is_int(t) || t->valuedouble < (double)last_t)
			rc = error_set(e, ERR_INVALID, "line %zu: time \"t\" "
			    "missing or earlier than the record before", line);
		if (rc == 0 && !journal_is_int(seq))
			rc = error_set(e, ERR_INVALID, "line %zu: no sequence "
			    "number", line);
		else if (rc == 0 && (int64_t)seq->valuedouble !=
		    info->last_seq + 1)
			rc = error_set(e, ERR_INVALID, "line %zu: sequence "
			    "number %" PRId64 " where %" PRId64 " was expected "
			    "(records are missing or out of order)", line,
			    (int64_t)seq->valuedouble, info->last_seq + 1);
		if (rc == 0 && fn != NULL)
			rc = fn(rec, line, arg);
		if (rc != 0) {
			cJSON_Delete(rec);
			break;
		}
		info->last_seq++;
		if (line > 1) {
			info->records++;
			last_t = (sim_time)t->valuedouble;
			if (strcmp(type->valuestring, "end") == 0)
				info->ended = 1;
		}
		info->valid_bytes = (size_t)(nl + 1 - buf);
		cJSON_Delete(rec);
	}
	if (rc == 0 && line == 0)
		rc = error_set(e, ERR_INVALID, "empty: no header");
	if (rc == 0 && info->last_seq < 0)
		rc = error_set(e, ERR_INVALID, "line 1: the header itself is "
		    "torn");
	info->last_t = last_t;
	free(buf);
	return rc;
}

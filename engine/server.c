/*
 * The exercise server: see server.h.
 *
 * Invariants.  One pass of the loop: accept, read and handle requests,
 * run the engine up to the pacer's virtual time, commit the journal, and
 * only then write replies and events, so nothing is told to a client
 * before it is on disk.  Every event is kept (with who may see it) so a
 * console that joins or reconnects gets its backlog.  A client whose
 * output queue passes the limit is dropped, never waited for.
 */
#define _GNU_SOURCE		/* SO_PEERCRED's struct ucred, epoll_pwait2 */
#include <sys/types.h>
#include <sys/epoll.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <netdb.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "config.h"
#include "exercise.h"
#include "journal.h"
#include "pacer.h"
#include "proto.h"
#include "replay.h"
#include "server.h"
#include "tlp.h"
#include "vis.h"
#include "vtime.h"
#include "xmalloc.h"

#define SRV_TOKEN_LEN		32	/* hex digits */
#define SRV_MAX_LISTEN		8
#define SRV_REPLIES_KEPT	256	/* per identity, for resent requests */
#define SRV_AUTH_WINDOW		10	/* seconds */
#define SRV_AUTH_MAX		10	/* failures per window */
#define SRV_READ_MAX		(256 * 1024)	/* bytes per client per pass */
#define SRV_OUT_KEEP		4096	/* output buffer kept when empty */
#define SRV_ROSTER_EVERY	(500 * INT64_C(1000000))	/* ns */
#define SRV_EVENTS		1024	/* ready descriptors taken a wait */
#define SRV_LISTENER		(UINT64_C(1) << 63)	/* epoll data: lfd[i] */
#define NS_PER_MS		INT64_C(1000000)
#define NS_PER_SEC		INT64_C(1000000000)

enum srv_audience { AUD_ALL, AUD_STAFF, AUD_ROLES };
enum srv_state { ST_WAITING, ST_RUNNING, ST_PAUSED, ST_ENDED };
static const char *const srv_state_names[] = { "waiting", "running",
    "paused", "ended" };

struct srv_event {
	char			*line;
	size_t			 len;
	enum srv_audience	 aud;
	int			*roles;
	size_t			 nroles;
};

struct srv_reply {
	char		 key[PROTO_ID_MAX + 8];
	char		*line;
	size_t		 len;
};

struct srv_answers {		/* a player's hot wash, across reconnects */
	int		 ident;
	char		 name[PROTO_SHORT_MAX + 1];
	uint64_t	 answered;
};

struct srv_ident {		/* a role, control, or observers */
	char		 token[SRV_TOKEN_LEN + 1];
	struct srv_reply replies[SRV_REPLIES_KEPT];
	size_t		 next;
};

struct srv_client {
	int		 fd;
	int		 kind;		/* PK_*, 0 before hello */
	int		 ident;		/* index in srv->idents */
	int		 role;		/* -1 for control and observers */
	char		 name[PROTO_SHORT_MAX + 1];
	char		*in;
	size_t		 inlen, incap;
	int		 skipping;	/* discarding an overlong line */
	char		*out;
	size_t		 outlen, outcap;
	size_t		 welcome_left;	/* of it, the welcome's bytes */
	int		 bad;
	int		 dead;
	int		 polling_out;	/* EPOLLOUT asked for: a full socket */
	uint64_t	 answered;	/* hot-wash questions answered */
};

struct server {
	struct exercise		*ex;
	struct journal		*j;
	struct server_config	 cfg;
	struct pacer		 pacer;
	enum srv_state		 state;

	int			 lfd[SRV_MAX_LISTEN];
	char			*lname[SRV_MAX_LISTEN];
	char			*lpath[SRV_MAX_LISTEN];	/* unix: to unlink */
	size_t			 nlisten;
	int			 listening;	/* 0, 1 paused, 2 taking */
	char			*sockdir;
	int			 ep;		/* epoll: listeners, clients */

	struct srv_client	**clients;
	size_t			 nclients, cclients;
	struct srv_event	*events;
	size_t			 nevents, cevents;
	struct srv_ident	*idents;	/* roles..., control, observer */
	size_t			 nidents;
	time_t			 auth_window;
	int			 auth_failures;
	int			 journal_failed;
	struct error		 journal_err;
	int64_t			 accept_pause;	/* wall ns: out of fds */
	struct replay		*replay;	/* while resuming */
	int			 diverged;
	int64_t			 wake_due;	/* wall ns of the next event */
	int64_t			*late;		/* pacing lateness, ns */
	size_t			 nlate, clate;
	int			 roster_dirty;	/* someone joined or left */
	int64_t			 roster_next;	/* wall ns: not before */
	int64_t			 ended_at;	/* wall ns, for the hot wash */
	struct srv_answers	*answers;
	size_t			 nanswers, canswers;
	const cJSON		*req;		/* the request being handled */
	int			 req_ident;	/* and who sent it */
	char			 tokens_file[512];
};

static int64_t
srv_wall(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void
srv_log(struct server *srv, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
srv_log(struct server *srv, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	if (srv->cfg.log == NULL)
		return;
	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	vis_printf(srv->cfg.log, "%s\n", s);	/* names come from players */
	free(s);
	fflush(srv->cfg.log);
}

/* Tokens. */

static int
srv_token(char *out)
{
	unsigned char	raw[SRV_TOKEN_LEN / 2];
	size_t		i;

	if (getrandom(raw, sizeof raw, 0) != (ssize_t)sizeof raw)
		return -1;
	for (i = 0; i < sizeof raw; i++)
		snprintf(out + 2 * i, 3, "%02x", raw[i]);
	return 0;
}

/* Compare in time that does not depend on where they differ. */
static int
srv_token_eq(const char *a, const char *b)
{
	unsigned char	diff = 0;
	size_t		i;

	if (strlen(b) != SRV_TOKEN_LEN)
		return 0;
	for (i = 0; i < SRV_TOKEN_LEN; i++)
		diff |= (unsigned char)(a[i] ^ b[i]);
	return diff == 0;
}

/* Listening. */

static int
srv_nonblock(int fd)
{
	int	fl = fcntl(fd, F_GETFL);

	return fl == -1 ? -1 : fcntl(fd, F_SETFL, fl | O_NONBLOCK);
}

/*
 * A socket file left by a server that was killed (nothing accepts on it):
 * remove it, so a resumed server listens where its clients will look.  A
 * live server's socket, or anything that is not a socket, is left alone.
 */
static int
srv_stale_socket(const struct sockaddr_un *sun)
{
	struct stat	st;
	int		fd, rc;

	if (lstat(sun->sun_path, &st) == -1 || !S_ISSOCK(st.st_mode))
		return -1;
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) == -1)
		return -1;
	rc = connect(fd, (const struct sockaddr *)sun, sizeof *sun);
	close(fd);
	if (rc == 0 || errno != ECONNREFUSED)
		return -1;
	return unlink(sun->sun_path);
}

static int
srv_listen_unix(struct server *srv, const char *path, struct error *e)
{
	struct sockaddr_un	 sun;
	mode_t			 old;
	int			 fd;

	memset(&sun, 0, sizeof sun);
	sun.sun_family = AF_UNIX;
	if (strlen(path) >= sizeof sun.sun_path)
		return error_set(e, ERR_USAGE, "%s: socket path too long",
		    path);
	strcpy(sun.sun_path, path);
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) == -1)
		return error_set(e, ERR_IO, "socket: %s", strerror(errno));
	/* 0600 from the start: never a moment when others could connect */
	old = umask(0177);
	if (bind(fd, (struct sockaddr *)&sun, sizeof sun) == -1 &&
	    (errno != EADDRINUSE || srv_stale_socket(&sun) != 0 ||
	    bind(fd, (struct sockaddr *)&sun, sizeof sun) == -1)) {
		umask(old);
		close(fd);
		if (errno == EADDRINUSE || access(path, F_OK) == 0)
			return error_set(e, ERR_IO, "%s: in use (another "
			    "server is listening there, or it is not a "
			    "socket)", path);
		return error_set(e, ERR_IO, "%s: %s", path, strerror(errno));
	}
	umask(old);
	if (listen(fd, 128) == -1 || srv_nonblock(fd) == -1) {
		close(fd);
		return error_set(e, ERR_IO, "%s: %s", path, strerror(errno));
	}
	srv->lfd[srv->nlisten] = fd;
	srv->lname[srv->nlisten] = xasprintf("unix:%s", path);
	srv->lpath[srv->nlisten] = xstrdup(path);
	srv->nlisten++;
	return 0;
}

static int
srv_listen_tcp(struct server *srv, const char *spec, struct error *e)
{
	struct addrinfo	 hints, *res, *ai;
	char		*host, *port;
	int		 fd = -1, one = 1, rc;

	host = xstrdup(spec);
	if ((port = strrchr(host, ':')) == NULL) {
		free(host);
		return error_set(e, ERR_USAGE, "--listen %s: expected "
		    "unix:PATH or HOST:PORT", spec);
	}
	*port++ = '\0';
	memset(&hints, 0, sizeof hints);
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE;
	if ((rc = getaddrinfo(*host ? host : NULL, port, &hints, &res)) != 0) {
		free(host);
		return error_set(e, ERR_USAGE, "--listen %s: %s", spec,
		    gai_strerror(rc));
	}
	for (ai = res; ai != NULL; ai = ai->ai_next) {
		fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, 0);
		if (fd == -1)
			continue;
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
		if (bind(fd, ai->ai_addr, ai->ai_addrlen) == 0 &&
		    listen(fd, 512) == 0 && srv_nonblock(fd) == 0)
			break;
		close(fd);
		fd = -1;
	}
	freeaddrinfo(res);
	free(host);
	if (fd == -1)
		return error_set(e, ERR_IO, "--listen %s: %s", spec,
		    strerror(errno));
	srv->lfd[srv->nlisten] = fd;
	srv->lname[srv->nlisten] = xstrdup(spec);
	srv->lpath[srv->nlisten] = NULL;
	srv->nlisten++;
	return 0;
}

static struct srv_answers *srv_answers(struct server *,
		    const struct srv_client *, uint64_t);

/* Events and their audiences. */

static int
srv_may_see(const struct server *srv, const struct srv_client *c,
    const struct srv_event *ev)
{
	size_t	i;

	(void)srv;
	if (c->kind == 0)
		return 0;
	if (ev->aud == AUD_ALL || c->kind != PK_PLAYER)
		return 1;
	if (ev->aud == AUD_STAFF)
		return 0;
	for (i = 0; i < ev->nroles; i++)
		if (ev->roles[i] == c->role)
			return 1;
	return 0;
}

static void
srv_queue(struct server *srv, struct srv_client *c, const char *line,
    size_t len)
{
	if (c->dead)
		return;
	/* the welcome does not count: a facilitator joining a long
	 * exercise gets its whole backlog in one, and the events after it */
	if (c->outlen > 0 && c->outlen + len > srv->cfg.max_output +
	    c->welcome_left) {
		srv_log(srv, "dropping a slow reader (%s, %zu bytes queued)",
		    c->name[0] ? c->name : "?", c->outlen);
		c->dead = 1;
		return;
	}
	if (c->outlen + len > c->outcap) {
		c->outcap = (c->outlen + len) * 2;
		c->out = xreallocarray(c->out, c->outcap, 1);
	}
	memcpy(c->out + c->outlen, line, len);
	c->outlen += len;
}

/* Queue a message for one client.  Takes msg. */
static void
srv_send(struct server *srv, struct srv_client *c, cJSON *msg)
{
	size_t	 len;
	char	*line = proto_encode(msg, &len);

	srv_queue(srv, c, line, len);
	free(line);
	cJSON_Delete(msg);
}

/* Keep an event and send it to everyone who may see it.  Takes msg. */
static void
srv_event(struct server *srv, cJSON *msg, enum srv_audience aud,
    const int *roles, size_t nroles)
{
	struct srv_event	*ev;
	size_t			 i;

	if (srv->nevents == srv->cevents) {
		srv->cevents = srv->cevents ? srv->cevents * 2 : 256;
		srv->events = xreallocarray(srv->events, srv->cevents,
		    sizeof *srv->events);
	}
	ev = &srv->events[srv->nevents++];
	ev->line = proto_encode(msg, &ev->len);
	cJSON_Delete(msg);
	ev->aud = aud;
	ev->nroles = nroles;
	ev->roles = xcalloc(nroles + 1, sizeof *ev->roles);
	if (nroles > 0)
		memcpy(ev->roles, roles, nroles * sizeof *roles);
	for (i = 0; i < srv->nclients; i++)
		if (srv_may_see(srv, srv->clients[i], ev))
			srv_queue(srv, srv->clients[i], ev->line, ev->len);
}

static cJSON *
srv_clock(struct server *srv)
{
	cJSON	*c = cJSON_CreateObject();

	cJSON_AddStringToObject(c, "type", "clock");
	/* the pacer's time: after a jump the engine catches up only on the
	 * next pass, and consoles count on from this */
	cJSON_AddNumberToObject(c, "t", (double)(srv->state == ST_RUNNING ||
	    srv->state == ST_PAUSED ? pacer_virtual(&srv->pacer, srv_wall()) :
	    exercise_now(srv->ex)));
	cJSON_AddStringToObject(c, "state", srv_state_names[srv->state]);
	cJSON_AddNumberToObject(c, "speed", srv->pacer.speed);
	return c;
}

/* Journal a record the server makes itself (chat, command, ...), then
 * send it.  Takes rec. */
/* The name of identity i in the journal: a role id, control, observer. */
static const char *
srv_ident_name(const struct server *srv, size_t i)
{
	if (i < srv->ex->nroles)
		return srv->ex->roles[i].id;
	return i == srv->ex->nroles ? "control" : "observer";
}

/*
 * Journal rec, marked with the request that made it ("re", "by") so that
 * a resumed server still knows the request and does not apply it twice
 * when it is resent.  The mark is for the journal only: it is taken off
 * again before the record goes to the consoles.
 */
static int
srv_journal(struct server *srv, cJSON *rec, struct error *e)
{
	int	marked = 0, rc;

	if (srv->req != NULL) {
		cJSON_AddItemToObject(rec, "re", cJSON_Duplicate(srv->req, 1));
		cJSON_AddStringToObject(rec, "by", srv_ident_name(srv,
		    (size_t)srv->req_ident));
		srv->req = NULL;	/* the first record of a request */
		marked = 1;
	}
	rc = journal_append(srv->j, rec, e);
	if (marked) {
		cJSON_DeleteItemFromObjectCaseSensitive(rec, "re");
		cJSON_DeleteItemFromObjectCaseSensitive(rec, "by");
	}
	return rc;
}

static void
srv_record(struct server *srv, cJSON *rec, enum srv_audience aud,
    const int *roles, size_t nroles)
{
	struct error	e;

	cJSON_AddNumberToObject(rec, "t", (double)exercise_now(srv->ex));
	if (srv->replay == NULL && !srv->journal_failed &&
	    srv_journal(srv, rec, &e) != 0) {
		srv->journal_failed = 1;
		srv->journal_err = e;
	}
	srv_event(srv, rec, aud, roles, nroles);
}

/* The exercise's records: journal, then fan out by who may see them. */
static void
srv_sink(struct exercise *ex, const struct ex_record *r, void *arg)
{
	struct server		*srv = arg;
	const struct ex_delivery *dv = r->delivery >= 0 ?
	    &ex->deliveries[r->delivery] : NULL;
	struct error		 e;
	cJSON			*o, *a, *c;
	size_t			 i;
	int			*roles = NULL;
	size_t			 nroles = 0;
	enum srv_audience	 aud = AUD_STAFF;

	if (srv->journal_failed || srv->diverged)
		return;
	o = journal_encode(ex, r);
	if (srv->replay != NULL) {
		if (replay_verify(srv->replay, o, &srv->journal_err) < 0) {
			srv->diverged = 1;
			exercise_halt(ex);
			cJSON_Delete(o);
			return;
		}
		/* consoles know records by their journal number */
		cJSON_ReplaceItemInObjectCaseSensitive(o, "seq",
		    cJSON_CreateNumber((double)replay_seq(srv->replay)));
	} else if ((r->kind == REC_ACK || r->kind == REC_DECISION ||
	    r->kind == REC_NOTE || r->kind == REC_SHARE ? srv_journal(srv, o,
	    &e) : journal_append(srv->j, o, &e)) != 0) {
		srv->journal_failed = 1;
		srv->journal_err = e;
		exercise_halt(ex);
		cJSON_Delete(o);
		return;
	}
	switch (r->kind) {
	case REC_START:
	case REC_PHASE:
	case REC_END:
		aud = AUD_ALL;
		break;
	case REC_INJECT:
		a = cJSON_AddArrayToObject(o, "choices");
		for (i = 0; i < ex->injects[r->inject].nchoices; i++) {
			c = cJSON_CreateObject();
			cJSON_AddStringToObject(c, "id",
			    ex->injects[r->inject].choices[i].id);
			cJSON_AddStringToObject(c, "label",
			    ex->injects[r->inject].choices[i].label);
			cJSON_AddItemToArray(a, c);
		}
		/* FALLTHROUGH */
	case REC_ACK:
	case REC_DECISION:
	case REC_TIMEOUT:
		aud = AUD_ROLES;
		roles = dv->to;
		nroles = dv->nto;
		break;
	case REC_SHARE: {
		const struct ex_share *sh = &ex->shares[r->share];
		aud = AUD_ROLES;
		roles = xcalloc(sh->nto + 1, sizeof *roles);
		roles[0] = sh->from;
		nroles = 1;
		if (!sh->refused) {
			memcpy(roles + 1, sh->to, sh->nto * sizeof *roles);
			nroles += sh->nto;
		}
		srv_event(srv, o, aud, roles, nroles);
		free(roles);
		return;
	}
	case REC_NOTE:
		aud = AUD_ROLES;
		roles = (int *)&r->role;
		nroles = 1;
		break;
	default:
		break;
	}
	if (r->kind == REC_END) {
		srv->state = ST_ENDED;
		if (srv->cfg.report != NULL)	/* for consoles, not journal */
			cJSON_AddStringToObject(o, "report", srv->cfg.report);
		if (ex->nhotwash > 0 && srv->cfg.hotwash_secs > 0) {
			a = cJSON_AddArrayToObject(o, "hotwash");
			for (i = 0; i < ex->nhotwash; i++)
				cJSON_AddItemToArray(a, cJSON_CreateString(
				    ex->hotwash[i]));
		}
	}
	srv_event(srv, o, aud, roles, nroles);
}

/* Requests. */

struct srv_req {
	struct server		*srv;
	struct srv_client	*c;
	struct proto_request	*r;
	cJSON			*reply;		/* set by the handler */
};

static const char *
srv_str(const struct proto_request *r, const char *k)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(r->json, k);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* An integer field (proto has checked it is one, >= 0, <= 2^53); past
 * INT_MAX it names nothing, so -1. */
static int
srv_int(const struct proto_request *r, const char *k, int dflt)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(r->json, k);

	if (!cJSON_IsNumber(v))
		return dflt;
	return v->valuedouble > INT_MAX ? -1 : (int)v->valuedouble;
}

/* An optional index of what a share forwards: -1 if absent.  Past
 * INT_MAX, INT_MAX, which names nothing there is: srv_int's -1 would let
 * the forward through as a new item, unchecked. */
static int
srv_forwarded(const struct proto_request *r, const char *k)
{
	int	n = srv_int(r, k, -1);

	if (n == -1 && cJSON_GetObjectItemCaseSensitive(r->json, k) != NULL)
		return INT_MAX;
	return n;
}

static const char *
srv_str_of(const cJSON *o, const char *k)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(o, k);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static void
srv_fail(struct srv_req *q, enum proto_error code, const char *msg)
{
	q->reply = proto_error_reply(q->r->id, code, msg);
}

static enum proto_error
srv_code(const struct error *e)
{
	switch (e->code) {
	case ERR_NOT_FOUND:
		return PE_NOT_FOUND;
	case ERR_TLP_REFUSED:
		return PE_TLP_REFUSED;
	case ERR_STATE:
		return PE_STATE;
	default:
		return PE_BAD_FIELD;
	}
}

static const char *
srv_player(const struct srv_client *c)
{
	return c->name;
}

/* A command from control, journaled (with what resume needs to redo
 * it: the inject fired, the new speed). */
static void
srv_command(struct srv_req *q, const char *what)
{
	cJSON		*rec = cJSON_CreateObject();
	const cJSON	*x;

	cJSON_AddNumberToObject(rec, "seq", 0);
	cJSON_AddStringToObject(rec, "type", "command");
	cJSON_AddStringToObject(rec, "command", what);
	cJSON_AddStringToObject(rec, "player", srv_player(q->c));
	if ((x = cJSON_GetObjectItemCaseSensitive(q->r->json, "x")) != NULL)
		cJSON_AddNumberToObject(rec, "x", x->valuedouble);
	if ((x = cJSON_GetObjectItemCaseSensitive(q->r->json, "inject")) !=
	    NULL)
		cJSON_AddStringToObject(rec, "inject", x->valuestring);
	if ((x = cJSON_GetObjectItemCaseSensitive(q->r->json, "summary")) !=
	    NULL)
		cJSON_AddStringToObject(rec, "summary", x->valuestring);
	srv_record(q->srv, rec, AUD_STAFF, NULL, 0);
}

static void
srv_start(struct server *srv)
{
	int64_t	now = srv_wall();

	exercise_start(srv->ex);
	pacer_resume(&srv->pacer, now);
	srv->state = ST_RUNNING;
	/* T+0 now: a request read later in the same pass comes after its
	 * events, in the journal as when it is resumed */
	exercise_run(srv->ex, pacer_virtual(&srv->pacer, now));
}

static int
srv_roles_of(struct srv_req *q, const cJSON *list, int *out)
{
	const cJSON	*it;
	int		 n = 0, r;

	cJSON_ArrayForEach(it, list) {
		if ((r = exercise_role(q->srv->ex, it->valuestring)) == -1) {
			char msg[PROTO_SHORT_MAX + 32];
			snprintf(msg, sizeof msg, "no role '%s'",
			    it->valuestring);
			srv_fail(q, PE_NOT_FOUND, msg);
			return -1;
		}
		out[n++] = r;
	}
	return n;
}

/* Who a chat (or a request for information, which goes to control)
 * reaches besides control and observers: the sender's role and the
 * target's roles.  Returns the count, or -1 for an unknown role. */
static int
srv_chat_roles(struct server *srv, int sender, const cJSON *tgt,
    int to_control, int *to)
{
	const struct exercise	*ex = srv->ex;
	const char		*s, *org, *team, *ro;
	size_t			 i;
	int			 n = 0, k, o;

	if (sender >= 0)
		to[n++] = sender;
	if (to_control || cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(tgt,
	    "control")))
		return n;
	if ((s = srv_str_of(tgt, "role")) != NULL) {
		if ((k = exercise_role(ex, s)) == -1)
			return -1;
		to[n++] = k;
		return n;
	}
	org = srv_str_of(tgt, "org");
	team = srv_str_of(tgt, "team");
	for (i = 0; i < ex->nroles && n < PROTO_LIST_MAX; i++) {
		ro = ex->roles[i].org;
		o = ro != NULL ? exercise_org(ex, ro) : -1;
		if ((org != NULL && ro != NULL && strcmp(org, ro) == 0) ||
		    (team != NULL && o != -1 && ex->orgs[o].team != NULL &&
		    strcmp(team, ex->orgs[o].team) == 0))
			to[n++] = (int)i;
	}
	return n;
}

static void
srv_handle(struct srv_req *q)
{
	struct server		*srv = q->srv;
	struct exercise		*ex = srv->ex;
	struct error		 e;
	int			 to[PROTO_LIST_MAX], n, k;
	const char		*s;
	cJSON			*rec;
	int64_t			 now = srv_wall();

	switch (q->r->type) {
	case PR_PING:
		/* proto_ok echoes the id exactly; then rename it */
		q->reply = proto_ok(q->r->id);
		cJSON_ReplaceItemInObjectCaseSensitive(q->reply, "type",
		    cJSON_CreateString("pong"));
		return;
	case PR_ACK:
		if (exercise_ack(ex, srv_int(q->r, "delivery", -1), q->c->role,
		    srv_player(q->c), &e) != 0)
			return srv_fail(q, srv_code(&e), e.msg);
		break;
	case PR_DECIDE: {
		int	d = srv_int(q->r, "delivery", -1), ch;

		if (d < 0 || (size_t)d >= ex->ndeliveries)
			return srv_fail(q, PE_NOT_FOUND, "no such delivery");
		ch = exercise_choice(ex, ex->deliveries[d].inject,
		    srv_str(q->r, "choice"));
		if (ch == -1)
			return srv_fail(q, PE_NOT_FOUND, "no such choice");
		if (exercise_decide(ex, d, q->c->role, ch, srv_player(q->c),
		    &e) != 0)
			return srv_fail(q, srv_code(&e), e.msg);
		break;
	}
	case PR_NOTE:
		if (exercise_note(ex, q->c->role, srv_int(q->r, "delivery", -1),
		    srv_str(q->r, "text"), srv_player(q->c), &e) != 0)
			return srv_fail(q, srv_code(&e), e.msg);
		break;
	case PR_SHARE:
		if ((n = srv_roles_of(q, cJSON_GetObjectItemCaseSensitive(
		    q->r->json, "to"), to)) < 0)
			return;
		if (exercise_share(ex, q->c->role, to, (size_t)n,
		    tlp_parse(srv_str(q->r, "tlp")), srv_str(q->r, "title"),
		    srv_str(q->r, "text"), srv_forwarded(q->r, "ref"),
		    srv_forwarded(q->r, "delivery"), srv_player(q->c),
		    &e) < 0)
			return srv_fail(q, srv_code(&e), e.msg);
		break;
	case PR_CHAT:
	case PR_REQUEST_INFO: {
		const cJSON	*tgt = cJSON_GetObjectItemCaseSensitive(
		    q->r->json, "to");

		if ((n = srv_chat_roles(srv, q->c->role, tgt,
		    q->r->type == PR_REQUEST_INFO, to)) < 0)
			return srv_fail(q, PE_NOT_FOUND, "no such role");
		rec = cJSON_CreateObject();
		cJSON_AddNumberToObject(rec, "seq", 0);
		cJSON_AddStringToObject(rec, "type", q->r->type == PR_CHAT ?
		    "chat" : "request");
		if (q->c->role >= 0)
			cJSON_AddStringToObject(rec, "role",
			    ex->roles[q->c->role].id);
		else
			cJSON_AddStringToObject(rec, "role", "control");
		cJSON_AddStringToObject(rec, "player", srv_player(q->c));
		if (tgt != NULL)
			cJSON_AddItemToObject(rec, "to", cJSON_Duplicate(tgt,
			    1));
		cJSON_AddStringToObject(rec, "text", srv_str(q->r, "text"));
		srv_record(srv, rec, AUD_ROLES, to, (size_t)n);
		break;
	}
	case PR_START:
		if (srv->state != ST_WAITING)
			return srv_fail(q, PE_STATE, "the exercise has already "
			    "started");
		srv_command(q, "start");
		srv_start(srv);
		srv_event(srv, srv_clock(srv), AUD_ALL, NULL, 0);
		break;
	case PR_PAUSE:
	case PR_RESUME:
		if (srv->state != (q->r->type == PR_PAUSE ? ST_RUNNING :
		    ST_PAUSED))
			return srv_fail(q, PE_STATE, q->r->type == PR_PAUSE ?
			    "the exercise is not running" :
			    "the exercise is not paused");
		srv_command(q, proto_request_name(q->r->type));
		if (q->r->type == PR_PAUSE) {
			pacer_pause(&srv->pacer, now);
			srv->state = ST_PAUSED;
		} else {
			pacer_resume(&srv->pacer, now);
			srv->state = ST_RUNNING;
		}
		srv_event(srv, srv_clock(srv), AUD_ALL, NULL, 0);
		break;
	case PR_SPEED:
		srv_command(q, "speed");
		pacer_set_speed(&srv->pacer, now, cJSON_GetObjectItemCaseSensitive(
		    q->r->json, "x")->valuedouble);
		srv_event(srv, srv_clock(srv), AUD_ALL, NULL, 0);
		break;
	case PR_JUMP:
		if (srv->state == ST_WAITING || srv->state == ST_ENDED)
			return srv_fail(q, PE_STATE, "the exercise is not "
			    "under way");
		srv_command(q, "jump");
		/* what is already due first (a start in the same pass has not
		 * run its T+0 events yet), then on to the next event */
		exercise_run(ex, pacer_virtual(&srv->pacer, now));
		if (sim_next(ex->sim) != SIM_NEVER)
			pacer_jump(&srv->pacer, now, sim_next(ex->sim));
		srv_event(srv, srv_clock(srv), AUD_ALL, NULL, 0);
		break;
	case PR_FIRE:
		if ((k = exercise_inject(ex, srv_str(q->r, "inject"))) == -1)
			return srv_fail(q, PE_NOT_FOUND, "no such inject");
		if (srv->state == ST_WAITING || srv->state == ST_ENDED)
			return srv_fail(q, PE_STATE, "the exercise is not "
			    "under way");
		srv_command(q, "fire");
		exercise_fire(ex, k, NULL);
		break;
	case PR_ADHOC:
		if ((n = srv_roles_of(q, cJSON_GetObjectItemCaseSensitive(
		    q->r->json, "to"), to)) < 0)
			return;
		rec = cJSON_CreateObject();
		cJSON_AddNumberToObject(rec, "seq", 0);
		cJSON_AddStringToObject(rec, "type", "adhoc");
		cJSON_AddItemToObject(rec, "to", cJSON_Duplicate(
		    cJSON_GetObjectItemCaseSensitive(q->r->json, "to"), 1));
		cJSON_AddStringToObject(rec, "title", srv_str(q->r, "title"));
		cJSON_AddStringToObject(rec, "body", srv_str(q->r, "body"));
		cJSON_AddStringToObject(rec, "tlp", srv_str(q->r, "tlp"));
		srv_record(srv, rec, AUD_ROLES, to, (size_t)n);
		break;
	case PR_END:
		if (srv->state == ST_ENDED)
			return srv_fail(q, PE_STATE, "the exercise has ended");
		srv_command(q, "end");
		if (srv->state == ST_WAITING)
			srv_start(srv);
		exercise_finish(ex, srv_str(q->r, "summary") ?
		    srv_str(q->r, "summary") : "ended by the facilitator");
		srv->state = ST_ENDED;
		break;
	case PR_HOTWASH:
		k = srv_int(q->r, "question", -1);
		if (srv->state != ST_ENDED)
			return srv_fail(q, PE_STATE, "the hot wash is after "
			    "the end of the exercise");
		if (k < 0 || (size_t)k >= ex->nhotwash)
			return srv_fail(q, PE_NOT_FOUND, "no such hot-wash "
			    "question");
		if (k < 64)
			q->c->answered = srv_answers(srv, q->c, UINT64_C(1) <<
			    k)->answered;
		if (srv_str(q->r, "text") == NULL)
			break;		/* passed over: nothing to keep */
		rec = cJSON_CreateObject();
		cJSON_AddNumberToObject(rec, "seq", 0);
		cJSON_AddStringToObject(rec, "type", "hotwash");
		cJSON_AddStringToObject(rec, "role", ex->roles[q->c->role].id);
		cJSON_AddStringToObject(rec, "player", srv_player(q->c));
		cJSON_AddNumberToObject(rec, "question", k);
		cJSON_AddStringToObject(rec, "text", srv_str(q->r, "text"));
		srv_record(srv, rec, AUD_STAFF, NULL, 0);
		break;
	case PR_OBSERVE:
	case PR_RATE:
		s = srv_str(q->r, "objective");
		if (s != NULL && exercise_objective(ex, s) == -1)
			return srv_fail(q, PE_NOT_FOUND, "no such objective");
		rec = cJSON_CreateObject();
		cJSON_AddNumberToObject(rec, "seq", 0);
		cJSON_AddStringToObject(rec, "type", q->r->type == PR_RATE ?
		    "rating" : "observation");
		cJSON_AddStringToObject(rec, "player", srv_player(q->c));
		if (s != NULL)
			cJSON_AddStringToObject(rec, "objective", s);
		if (q->r->type == PR_RATE)
			cJSON_AddStringToObject(rec, "rating",
			    srv_str(q->r, "rating"));
		else {
			if (srv_str(q->r, "inject") != NULL) {
				if (exercise_inject(ex, srv_str(q->r,
				    "inject")) == -1) {
					cJSON_Delete(rec);
					return srv_fail(q, PE_NOT_FOUND,
					    "no such inject");
				}
				cJSON_AddStringToObject(rec, "inject",
				    srv_str(q->r, "inject"));
			}
			cJSON_AddStringToObject(rec, "text",
			    srv_str(q->r, "text"));
		}
		srv_record(srv, rec, AUD_STAFF, NULL, 0);
		break;
	default:
		return srv_fail(q, PE_UNKNOWN_TYPE, "not handled");
	}
	q->reply = proto_ok(q->r->id);
}

/* The handshake. */

static cJSON *
srv_welcome(struct server *srv, struct srv_client *c, const cJSON *re)
{
	const struct exercise	*ex = srv->ex;
	cJSON			*w, *you, *x, *a, *r;
	size_t			 i;

	w = proto_ok(re);		/* "re" echoed exactly */
	cJSON_ReplaceItemInObjectCaseSensitive(w, "type",
	    cJSON_CreateString("welcome"));
	cJSON_AddNumberToObject(w, "version", PROTO_VERSION);
	you = cJSON_AddObjectToObject(w, "you");
	cJSON_AddStringToObject(you, "kind", c->kind == PK_PLAYER ? "player" :
	    c->kind == PK_CONTROL ? "control" : "observer");
	if (c->role >= 0)
		cJSON_AddStringToObject(you, "role", ex->roles[c->role].id);
	cJSON_AddStringToObject(you, "name", c->name);
	x = cJSON_AddObjectToObject(w, "exercise");
	cJSON_AddStringToObject(x, "id", ex->scenario.id);
	cJSON_AddStringToObject(x, "title", ex->scenario.title);
	if (ex->scenario.summary)
		cJSON_AddStringToObject(x, "summary", ex->scenario.summary);
	cJSON_AddNumberToObject(x, "start", (double)ex->scenario.start);
	if (ex->scenario.duration != SIM_NEVER)
		cJSON_AddNumberToObject(x, "duration",
		    (double)ex->scenario.duration);
	a = cJSON_AddArrayToObject(x, "roles");
	for (i = 0; i < ex->nroles; i++) {
		r = cJSON_CreateObject();
		cJSON_AddStringToObject(r, "id", ex->roles[i].id);
		if (ex->roles[i].name)
			cJSON_AddStringToObject(r, "name", ex->roles[i].name);
		if (ex->roles[i].org)
			cJSON_AddStringToObject(r, "org", ex->roles[i].org);
		cJSON_AddBoolToObject(r, "public", ex->roles[i].is_public);
		cJSON_AddItemToArray(a, r);
	}
	a = cJSON_AddArrayToObject(x, "orgs");	/* for chat to an org, team */
	for (i = 0; i < ex->norgs; i++) {
		r = cJSON_CreateObject();
		cJSON_AddStringToObject(r, "id", ex->orgs[i].id);
		if (ex->orgs[i].name)
			cJSON_AddStringToObject(r, "name", ex->orgs[i].name);
		if (ex->orgs[i].team)
			cJSON_AddStringToObject(r, "team", ex->orgs[i].team);
		cJSON_AddItemToArray(a, r);
	}
	if (c->kind != PK_PLAYER) {
		/* staff: the script, to fire held injects and rate objectives */
		a = cJSON_AddArrayToObject(x, "injects");
		for (i = 0; i < ex->ninjects; i++) {
			const struct ex_inject *in = &ex->injects[i];
			r = cJSON_CreateObject();
			cJSON_AddStringToObject(r, "id", in->id);
			cJSON_AddStringToObject(r, "title", in->title ?
			    in->title : in->id);
			cJSON_AddBoolToObject(r, "held", in->at == EX_HELD);
			if (in->at != EX_HELD)
				cJSON_AddNumberToObject(r, "at",
				    (double)in->at);
			cJSON_AddBoolToObject(r, "contingency",
			    in->contingency);
			cJSON_AddNumberToObject(r, "fired", in->fired);
			if (in->notes != NULL)
				cJSON_AddStringToObject(r, "notes", in->notes);
			cJSON_AddItemToArray(a, r);
		}
		/* and when the phases begin, for what comes next */
		a = cJSON_AddArrayToObject(x, "phases");
		for (i = 0; i < ex->nphases; i++) {
			r = cJSON_CreateObject();
			cJSON_AddStringToObject(r, "id", ex->phases[i].id);
			cJSON_AddNumberToObject(r, "at",
			    (double)ex->phases[i].at);
			cJSON_AddItemToArray(a, r);
		}
		a = cJSON_AddArrayToObject(x, "objectives");
		for (i = 0; i < ex->nobjectives; i++) {
			r = cJSON_CreateObject();
			cJSON_AddStringToObject(r, "id", ex->objectives[i].id);
			cJSON_AddStringToObject(r, "text",
			    ex->objectives[i].text ? ex->objectives[i].text :
			    ex->objectives[i].id);
			cJSON_AddItemToArray(a, r);
		}
	}
	cJSON_AddItemToObject(w, "clock", srv_clock(srv));
	a = cJSON_AddArrayToObject(w, "backlog");
	for (i = 0; i < srv->nevents; i++) {
		if (!srv_may_see(srv, c, &srv->events[i]))
			continue;
		r = cJSON_ParseWithLength(srv->events[i].line,
		    srv->events[i].len);
		if (r != NULL)
			cJSON_AddItemToArray(a, r);
	}
	return w;
}

/*
 * The hot-wash questions a player (identity and name) has answered or
 * passed over, with bits added: a console that reconnects after the end
 * does not ask again, so the server must not wait for it to.
 */
static struct srv_answers *
srv_answers(struct server *srv, const struct srv_client *c, uint64_t add)
{
	struct srv_answers	*a;
	size_t			 i;

	for (i = 0; i < srv->nanswers; i++) {
		a = &srv->answers[i];
		if (a->ident == c->ident && strcmp(a->name, c->name) == 0) {
			a->answered |= add;
			return a;
		}
	}
	if (srv->nanswers == srv->canswers) {
		srv->canswers = srv->canswers ? srv->canswers * 2 : 16;
		srv->answers = xreallocarray(srv->answers, srv->canswers,
		    sizeof *srv->answers);
	}
	a = &srv->answers[srv->nanswers++];
	a->ident = c->ident;
	snprintf(a->name, sizeof a->name, "%s", c->name);
	a->answered = add;
	return a;
}

static int
srv_auth_limited(struct server *srv)
{
	time_t	now = time(NULL);

	if (now - srv->auth_window >= SRV_AUTH_WINDOW) {
		srv->auth_window = now;
		srv->auth_failures = 0;
	}
	return srv->auth_failures >= SRV_AUTH_MAX;
}

static void
srv_hello(struct server *srv, struct srv_client *c, struct proto_request *r)
{
	const char	*token = srv_str(r, "token");
	const char	*role = srv_str(r, "role");
	size_t		 i;
	cJSON		*msg;

	if (srv_auth_limited(srv)) {
		msg = proto_error_reply(r->id, PE_AUTH, "too many failed "
		    "attempts: wait a few seconds");
		goto fail;
	}
	for (i = 0; i < srv->nidents; i++)
		if (srv_token_eq(srv->idents[i].token, token))
			break;
	if (i == srv->nidents || cJSON_GetObjectItemCaseSensitive(r->json,
	    "version")->valuedouble != PROTO_VERSION) {
		srv->auth_failures++;
		msg = proto_error_reply(r->id, PE_AUTH, i == srv->nidents ?
		    "unknown token" : "this server speaks protocol version 1");
		goto fail;
	}
	c->ident = (int)i;
	if (i < srv->ex->nroles) {
		c->kind = PK_PLAYER;
		c->role = (int)i;
	} else {
		c->kind = i == srv->ex->nroles ? PK_CONTROL : PK_OBSERVER;
		c->role = -1;
	}
	if (role != NULL && (c->role < 0 ||
	    strcmp(role, srv->ex->roles[c->role].id) != 0)) {
		c->kind = 0;
		srv->auth_failures++;
		msg = proto_error_reply(r->id, PE_AUTH, "the token is not "
		    "for that role");
		goto fail;
	}
	snprintf(c->name, sizeof c->name, "%s", srv_str(r, "name"));
	if (c->kind == PK_PLAYER)
		c->answered = srv_answers(srv, c, 0)->answered;
	srv_send(srv, c, srv_welcome(srv, c, r->id));
	c->welcome_left = c->outlen;
	srv->roster_dirty = 1;
	srv_log(srv, "%s joined as %s", c->name, c->role >= 0 ?
	    srv->ex->roles[c->role].id : c->kind == PK_CONTROL ? "control" :
	    "observer");
	return;
fail:
	srv_send(srv, c, msg);
	c->dead = 1;
}

/* The key a request is remembered by: its id. */
static void
srv_key(const cJSON *id, char *key, size_t len)
{
	if (cJSON_IsString(id))
		snprintf(key, len, "s:%s", id->valuestring);
	else
		snprintf(key, len, "n:%.0f", id->valuedouble);
}

/* Remember the reply to request id, to answer it again.  Takes reply. */
static struct srv_reply *
srv_remember(struct srv_ident *id, const cJSON *re, cJSON *reply)
{
	struct srv_reply	*rp = &id->replies[id->next++ %
	    SRV_REPLIES_KEPT];

	free(rp->line);
	srv_key(re, rp->key, sizeof rp->key);
	rp->line = proto_encode(reply, &rp->len);
	cJSON_Delete(reply);
	return rp;
}

static void
srv_line(struct server *srv, struct srv_client *c, const char *line,
    size_t len)
{
	struct proto_request	 r;
	enum proto_error	 code;
	struct error		 e;
	struct srv_ident	*id;
	struct srv_req		 q;
	struct srv_reply	*rp;
	char			 key[sizeof rp->key];
	size_t			 i, n;
	cJSON			*msg;

	memset(&r, 0, sizeof r);
	if (proto_decode(line, len, c->kind ? PROTO_LINE_MAX :
	    PROTO_LINE_HELLO, &r, &code, &e) != 0) {
		msg = proto_error_reply(r.id, code, e.msg);
		srv_send(srv, c, msg);
		proto_request_free(&r);
		if (++c->bad >= PROTO_BAD_LINES_MAX || c->kind == 0)
			c->dead = 1;
		return;
	}
	c->bad = 0;
	if (c->kind == 0) {
		if (r.type != PR_HELLO) {
			msg = proto_error_reply(r.id, PE_AUTH, "say hello "
			    "first");
			srv_send(srv, c, msg);
			c->dead = 1;
		} else
			srv_hello(srv, c, &r);
		proto_request_free(&r);
		return;
	}
	if (r.type == PR_HELLO || !proto_allowed(r.type, c->kind)) {
		msg = proto_error_reply(r.id, PE_FORBIDDEN, r.type == PR_HELLO
		    ? "already joined" : "not allowed for this client");
		srv_send(srv, c, msg);
		proto_request_free(&r);
		return;
	}
	/* a request this identity already sent: answer it again */
	id = &srv->idents[c->ident];
	srv_key(r.id, key, sizeof key);
	n = id->next < SRV_REPLIES_KEPT ? id->next : SRV_REPLIES_KEPT;
	for (i = 0; i < n; i++) {
		rp = &id->replies[i];
		if (rp->line != NULL && strcmp(rp->key, key) == 0) {
			srv_queue(srv, c, rp->line, rp->len);
			proto_request_free(&r);
			return;
		}
	}
	memset(&q, 0, sizeof q);
	q.srv = srv;
	q.c = c;
	q.r = &r;
	srv->req = r.id;
	srv->req_ident = c->ident;
	srv_handle(&q);
	srv->req = NULL;
	rp = srv_remember(id, r.id, q.reply);
	srv_queue(srv, c, rp->line, rp->len);
	proto_request_free(&r);
}

/* Read what a client sent and handle each whole line. */
static void
srv_read(struct server *srv, struct srv_client *c)
{
	char	*nl, *p;
	ssize_t	 n;
	size_t	 limit, total;

	/* at most SRV_READ_MAX bytes a pass: a client that never stops
	 * writing must not keep the others waiting */
	for (total = 0; total < SRV_READ_MAX;) {
		if (c->incap - c->inlen < 4096) {
			c->incap = c->incap ? c->incap * 2 : 8192;
			c->in = xreallocarray(c->in, c->incap, 1);
		}
		n = read(c->fd, c->in + c->inlen, c->incap - c->inlen);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			/* an idle client keeps no buffer (most are idle) */
			if (c->inlen == 0) {
				free(c->in);
				c->in = NULL;
				c->incap = 0;
			}
			break;
		}
		if (n <= 0) {
			c->dead = 1;
			return;
		}
		c->inlen += (size_t)n;
		total += (size_t)n;
		p = c->in;
		while (!c->dead && (nl = memchr(p, '\n', c->inlen -
		    (size_t)(p - c->in))) != NULL) {
			if (c->skipping)
				c->skipping = 0;
			else
				srv_line(srv, c, p, (size_t)(nl - p));
			p = nl + 1;
		}
		memmove(c->in, p, c->inlen - (size_t)(p - c->in));
		c->inlen -= (size_t)(p - c->in);
		limit = c->kind ? PROTO_LINE_MAX : PROTO_LINE_HELLO;
		if (c->inlen > limit && !c->dead) {
			/* an overlong line: refuse it, skip to its end */
			srv_line(srv, c, c->in, c->inlen);
			c->inlen = 0;
			c->skipping = 1;
		}
		if (c->dead)
			return;
	}
}

static void
srv_flush(struct server *srv, struct srv_client *c)
{
	ssize_t	n;
	size_t	off = 0;

	(void)srv;
	while (off < c->outlen) {
		n = write(c->fd, c->out + off, c->outlen - off);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1 && (errno == EAGAIN || errno == EWOULDBLOCK))
			break;
		if (n <= 0) {
			c->dead = 1;
			break;
		}
		off += (size_t)n;
	}
	memmove(c->out, c->out + off, c->outlen - off);
	c->outlen -= off;
	c->welcome_left -= off < c->welcome_left ? off : c->welcome_left;
	/* what a burst or a welcome grew is given back once it is sent:
	 * a thousand idle consoles must not each keep their largest queue */
	if (c->outlen == 0 && c->outcap > SRV_OUT_KEEP) {
		free(c->out);
		c->out = NULL;
		c->outcap = 0;
	}
}

/*
 * Wait for the descriptors, at most ts: to the nanosecond with
 * epoll_pwait2, else (glibc before 2.35, Linux before 5.11, or a seccomp
 * filter that refuses it) in milliseconds, rounded up so an event is
 * never early.
 */
static int
srv_wait(struct server *srv, struct epoll_event *evs, int max,
    const struct timespec *ts)
{
	int64_t		ms = ((int64_t)ts->tv_sec * NS_PER_SEC + ts->tv_nsec +
	    NS_PER_MS - 1) / NS_PER_MS;
#if HAVE_EPOLL_PWAIT2
	static int	no_pwait2;
	int		k;

	if (!no_pwait2) {
		if ((k = epoll_pwait2(srv->ep, evs, max, ts, NULL)) != -1 ||
		    (errno != ENOSYS && errno != EPERM))
			return k;
		no_pwait2 = 1;
	}
#endif
	return epoll_wait(srv->ep, evs, max, (int)ms);
}

/*
 * Take new connections (on) or leave them waiting in the backlog (off:
 * out of descriptors, a listener would stay readable and the loop spin).
 */
static int
srv_listen(struct server *srv, int on, struct error *e)
{
	struct epoll_event	ev;
	size_t			i;

	for (i = 0; i < srv->nlisten; i++) {
		ev.events = on ? EPOLLIN : 0;
		ev.data.u64 = SRV_LISTENER | i;
		if (epoll_ctl(srv->ep, srv->listening ? EPOLL_CTL_MOD :
		    EPOLL_CTL_ADD, srv->lfd[i], &ev) == -1 && e != NULL) {
			error_set(e, ERR_IO, "epoll_ctl: %s", strerror(errno));
			return -1;
		}
	}
	srv->listening = 1 + on;	/* in the set; and taking */
	return 0;
}

/* Ask to hear when c's socket takes more, only while its queue is full
 * (a writable socket would otherwise wake every pass). */
static void
srv_poll_out(struct server *srv, struct srv_client *c)
{
	struct epoll_event	ev;
	int			want = c->outlen > 0;

	if (c->dead || want == c->polling_out)
		return;
	ev.events = EPOLLIN | (want ? EPOLLOUT : 0);
	ev.data.u64 = (uintptr_t)c;
	if (epoll_ctl(srv->ep, EPOLL_CTL_MOD, c->fd, &ev) == 0)
		c->polling_out = want;
	else
		c->dead = 1;
}

static void
srv_accept(struct server *srv, int lfd)
{
	struct srv_client	*c;
	struct epoll_event	 ev;
	struct ucred		 cred;
	socklen_t		 len = sizeof cred;
	int			 fd;

	while ((fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK |
	    SOCK_CLOEXEC)) != -1) {
		if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) == 0 &&
		    cred.pid != 0 && cred.uid != getuid() && cred.uid != 0) {
			/* a Unix peer that is someone else */
			close(fd);
			continue;
		}
		if (srv->nclients >= srv->cfg.max_clients) {
			static const char full[] = "{\"type\":\"error\",\"re\":"
			    "null,\"code\":\"limit\",\"message\":\"the server "
			    "is full\"}\n";
			(void)!write(fd, full, sizeof full - 1);
			close(fd);
			continue;
		}
		c = xcalloc(1, sizeof *c);
		c->fd = fd;
		c->role = -1;
		c->ident = -1;
		/* all 64 bits: the top one marks a listener */
		ev.events = EPOLLIN;
		ev.data.u64 = (uintptr_t)c;
		if (epoll_ctl(srv->ep, EPOLL_CTL_ADD, fd, &ev) == -1) {
			srv_log(srv, "epoll_ctl: %s; connection refused",
			    strerror(errno));
			free(c);
			close(fd);
			continue;
		}
		if (srv->nclients == srv->cclients) {
			srv->cclients = srv->cclients ? srv->cclients * 2 : 64;
			srv->clients = xreallocarray(srv->clients,
			    srv->cclients, sizeof *srv->clients);
		}
		srv->clients[srv->nclients++] = c;
	}
	if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS ||
	    errno == ENOMEM) {
		/* out of descriptors: stop listening for a moment rather
		 * than spin on a listener that stays readable */
		srv->accept_pause = srv_wall() + 100000000;
		srv_log(srv, "accept: %s; pausing accepts for 100 ms",
		    strerror(errno));
	}
}

static void
srv_client_free(struct srv_client *c)
{
	close(c->fd);		/* leaves the epoll set: never dup'd */
	free(c->in);
	free(c->out);
	free(c);
}

/* Sweep the clients marked dead (never freed during a pass). */
static void
srv_sweep(struct server *srv)
{
	size_t	i, j;

	for (i = j = 0; i < srv->nclients; i++) {
		struct srv_client *c = srv->clients[i];
		if (c->dead) {
			if (c->outlen > 0)
				srv_flush(srv, c);	/* a last error */
			srv->roster_dirty |= c->kind != 0;
			srv_client_free(c);
		} else
			srv->clients[j++] = c;
	}
	srv->nclients = j;
}

/* Who is connected, for control and observers (not kept: the next one
 * replaces it). */
static void
srv_roster(struct server *srv)
{
	cJSON		*m = cJSON_CreateObject(), *a, *r, *names;
	size_t		 i, k, len;
	int		 n, staff[2] = { 0, 0 };
	char		*line;

	cJSON_AddStringToObject(m, "type", "roster");
	a = cJSON_AddArrayToObject(m, "roles");
	for (i = 0; i < srv->ex->nroles; i++) {
		r = cJSON_CreateObject();
		cJSON_AddStringToObject(r, "role", srv->ex->roles[i].id);
		names = cJSON_AddArrayToObject(r, "players");
		for (k = n = 0; k < srv->nclients; k++) {
			if (srv->clients[k]->dead ||
			    srv->clients[k]->kind != PK_PLAYER ||
			    srv->clients[k]->role != (int)i)
				continue;
			cJSON_AddItemToArray(names, cJSON_CreateString(
			    srv->clients[k]->name));
			n++;
		}
		cJSON_AddNumberToObject(r, "connected", n);
		cJSON_AddItemToArray(a, r);
	}
	for (k = 0; k < srv->nclients; k++)
		if (!srv->clients[k]->dead &&
		    srv->clients[k]->kind & (PK_CONTROL | PK_OBSERVER))
			staff[srv->clients[k]->kind == PK_OBSERVER]++;
	cJSON_AddNumberToObject(m, "control", staff[0]);
	cJSON_AddNumberToObject(m, "observers", staff[1]);
	line = proto_encode(m, &len);
	cJSON_Delete(m);
	for (k = 0; k < srv->nclients; k++)
		if (srv->clients[k]->kind & (PK_CONTROL | PK_OBSERVER))
			srv_queue(srv, srv->clients[k], line, len);
	free(line);
	srv->roster_dirty = 0;
}

/* Resume: the tokens the players already hold, from the tokens file. */
static int
srv_read_tokens(struct server *srv, const char *path, struct error *e)
{
	char	 line[512], who[128], tok[64];
	size_t	 i, found = 0;
	FILE	*f;

	if ((f = fopen(path, "r")) == NULL)
		return error_set(e, ERR_IO, "%s: %s", path, strerror(errno));
	while (fgets(line, sizeof line, f) != NULL) {
		if (sscanf(line, " %127s %63s", who, tok) != 2 ||
		    strlen(tok) != SRV_TOKEN_LEN)
			continue;
		for (i = 0; i < srv->nidents; i++) {
			const char *name = i < srv->ex->nroles ?
			    srv->ex->roles[i].id : i == srv->ex->nroles ?
			    "control" : "observer";
			if (strcmp(name, who) == 0) {
				memcpy(srv->idents[i].token, tok,
				    SRV_TOKEN_LEN + 1);
				found++;
			}
		}
	}
	fclose(f);
	if (found != srv->nidents)
		return error_set(e, ERR_INVALID, "%s: %zu of %zu tokens found",
		    path, found, srv->nidents);
	return 0;
}

struct server *
server_new(struct exercise *ex, struct journal *j,
    const struct server_config *cfg, struct error *e)
{
	struct server	*srv;
	size_t		 i;
	FILE		*f;
	int		 fd;

#ifdef PR_SET_TIMERSLACK
	/* events are due to the microsecond: no 50 us of timer slack */
	prctl(PR_SET_TIMERSLACK, 1UL, 0UL, 0UL, 0UL);
#endif
	srv = xcalloc(1, sizeof *srv);
	srv->ex = ex;
	srv->j = j;
	srv->cfg = *cfg;
	if ((srv->ep = epoll_create1(EPOLL_CLOEXEC)) == -1) {
		error_set(e, ERR_IO, "epoll_create1: %s", strerror(errno));
		free(srv);
		return NULL;
	}
	if (srv->cfg.max_clients == 0)
		srv->cfg.max_clients = 10000;
	if (srv->cfg.max_output == 0)
		srv->cfg.max_output = 4u << 20;
	if (srv->cfg.speed <= 0)
		srv->cfg.speed = 1;
	pacer_init(&srv->pacer, srv_wall(), 0, srv->cfg.speed);
	srv->state = ST_WAITING;

	srv->nidents = ex->nroles + 2;
	srv->idents = xcalloc(srv->nidents, sizeof *srv->idents);
	for (i = 0; i < srv->nidents; i++) {
		if (srv_token(srv->idents[i].token) != 0) {
			error_set(e, ERR_IO, "getrandom: %s", strerror(errno));
			goto fail;
		}
	}
	if (cfg->tokens_in != NULL && srv_read_tokens(srv, cfg->tokens_in,
	    e) != 0)
		goto fail;
	for (i = 0; i < cfg->nlisten && i < SRV_MAX_LISTEN; i++) {
		if (strncmp(cfg->listen[i], "unix:", 5) == 0) {
			if (srv_listen_unix(srv, cfg->listen[i] + 5, e) != 0)
				goto fail;
		} else if (srv_listen_tcp(srv, cfg->listen[i], e) != 0)
			goto fail;
	}
	if (srv->nlisten == 0) {
		char	*dir = xasprintf("%s/ttxsim-XXXXXX", server_tmpdir()),
			*path;
		/* a private directory: 0700, made by mkdtemp */
		if (mkdtemp(dir) == NULL) {
			error_set(e, ERR_IO, "mkdtemp %s: %s", dir,
			    strerror(errno));
			free(dir);
			goto fail;
		}
		srv->sockdir = dir;
		path = xasprintf("%s/socket", dir);
		if (srv_listen_unix(srv, path, e) != 0) {
			free(path);
			goto fail;
		}
		free(path);
	}
	if (srv_listen(srv, 1, e) != 0)
		goto fail;
	if (cfg->tokens_path != NULL && cfg->tokens_in == NULL) {
		snprintf(srv->tokens_file, sizeof srv->tokens_file, "%s",
		    cfg->tokens_path);
		fd = open(cfg->tokens_path, O_WRONLY | O_CREAT | O_TRUNC |
		    O_CLOEXEC, 0600);
		if (fd == -1 || (f = fdopen(fd, "w")) == NULL) {
			error_set(e, ERR_IO, "%s: %s", cfg->tokens_path,
			    strerror(errno));
			if (fd != -1)
				close(fd);
			goto fail;
		}
		server_print_join(srv, f);
		fclose(f);
	}
	exercise_set_sink(ex, srv_sink, srv);
	return srv;
fail:
	server_free(srv);
	return NULL;
}

const char *
server_tmpdir(void)
{
	const char	*t = getenv("TMPDIR");

	return t != NULL && *t != '\0' ? t : "/tmp";
}

void
server_free(struct server *srv)
{
	size_t	i, k;

	if (srv == NULL)
		return;
	for (i = 0; i < srv->nclients; i++)
		srv_client_free(srv->clients[i]);
	free(srv->clients);
	for (i = 0; i < srv->nlisten; i++) {
		close(srv->lfd[i]);
		if (srv->lpath[i] != NULL)
			unlink(srv->lpath[i]);
		free(srv->lpath[i]);
		free(srv->lname[i]);
	}
	if (srv->sockdir != NULL) {
		rmdir(srv->sockdir);
		free(srv->sockdir);
	}
	close(srv->ep);
	for (i = 0; i < srv->nevents; i++) {
		free(srv->events[i].line);
		free(srv->events[i].roles);
	}
	free(srv->events);
	free(srv->late);
	free(srv->answers);
	for (i = 0; i < srv->nidents; i++)
		for (k = 0; k < SRV_REPLIES_KEPT; k++)
			free(srv->idents[i].replies[k].line);
	free(srv->idents);
	free(srv);
}

void
server_print_join(const struct server *srv, FILE *f)
{
	size_t	i;

	fprintf(f, "Exercise: %s (%s)\n", srv->ex->scenario.title,
	    srv->ex->scenario.id);
	for (i = 0; i < srv->nlisten; i++)
		fprintf(f, "Listening on %s\n", srv->lname[i]);
	fprintf(f, "Tokens (hand each to its role; the control token is the "
	    "facilitator's):\n");
	for (i = 0; i < srv->ex->nroles; i++)
		fprintf(f, "  %-20s %s\n", srv->ex->roles[i].id,
		    srv->idents[i].token);
	fprintf(f, "  %-20s %s\n", "control", srv->idents[i].token);
	fprintf(f, "  %-20s %s\n", "observer", srv->idents[i + 1].token);
}

static int
srv_draining(const struct server *srv)
{
	size_t	i;

	for (i = 0; i < srv->nclients; i++)
		if (srv->clients[i]->outlen > 0)
			return 1;
	return 0;
}

/*
 * After the end the players answer the scenario's hot-wash questions.
 * The server stays for them until every player still connected has
 * answered every question, or none is connected, or the time is up.
 */
static int
srv_hotwash_over(const struct server *srv)
{
	size_t		 i, n = srv->ex->nhotwash > 64 ? 64 :
	    srv->ex->nhotwash;
	uint64_t	 all = n == 64 ? UINT64_MAX : (UINT64_C(1) << n) - 1;

	if (n == 0 || srv->cfg.hotwash_secs <= 0 || srv_wall() -
	    srv->ended_at >= (int64_t)srv->cfg.hotwash_secs * NS_PER_SEC)
		return 1;
	for (i = 0; i < srv->nclients; i++)
		if (!srv->clients[i]->dead &&
		    srv->clients[i]->kind == PK_PLAYER &&
		    (srv->clients[i]->answered & all) != all)
			return 0;
	return 1;
}

static void
srv_late(struct server *srv, int64_t ns)
{
	if (srv->nlate == srv->clate) {
		srv->clate = srv->clate ? srv->clate * 2 : 1024;
		srv->late = xreallocarray(srv->late, srv->clate,
		    sizeof *srv->late);
	}
	srv->late[srv->nlate++] = ns;
}

static int
srv_cmp_ns(const void *a, const void *b)
{
	int64_t	x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

void
server_stats(const struct server *srv, struct server_stats *st)
{
	int64_t	*v;
	size_t	 n = srv->nlate;

	memset(st, 0, sizeof *st);
	st->events = n;
	if (n == 0)
		return;
	v = xreallocarray(NULL, n, sizeof *v);
	memcpy(v, srv->late, n * sizeof *v);
	qsort(v, n, sizeof *v, srv_cmp_ns);
	st->late_p50 = v[(n - 1) / 2];
	st->late_p99 = v[(size_t)((double)(n - 1) * 0.99 + 0.5)];
	st->late_max = v[n - 1];
	free(v);
}

int
server_run(struct server *srv, volatile int *stop, struct error *e)
{
	struct epoll_event	 evs[SRV_EVENTS];
	struct timespec		 ts;
	size_t			 i;
	int			 ended_passes = 0, k, n;
	sim_time		 next;
	int64_t			 now, at, timeout;

	while (!(stop != NULL && *stop)) {
		now = srv_wall();
		if (srv->state == ST_RUNNING) {
			if (srv->wake_due != 0 && now >= srv->wake_due &&
			    sim_next(srv->ex->sim) <= pacer_virtual(&srv->pacer,
			    now))
				srv_late(srv, now - srv->wake_due);
			srv->wake_due = 0;
			exercise_run(srv->ex, pacer_virtual(&srv->pacer, now));
		}
		if (!srv->journal_failed && journal_commit(srv->j,
		    &srv->journal_err) != 0)
			srv->journal_failed = 1;
		if (srv->journal_failed) {
			*e = srv->journal_err;
			return -1;
		}
		/* at most twice a second: thousands joining at once must not
		 * cost thousands of rosters to every observer; before the
		 * flush, so it goes out in this pass */
		if (srv->roster_dirty && srv_wall() >= srv->roster_next) {
			srv_roster(srv);
			srv->roster_next = srv_wall() + SRV_ROSTER_EVERY;
		}
		for (i = 0; i < srv->nclients; i++) {
			struct srv_client *c = srv->clients[i];
			if (c->outlen > 0)
				srv_flush(srv, c);
			srv_poll_out(srv, c);
		}
		srv_sweep(srv);	/* leavers: a roster in the next pass */
		if (srv->state == ST_ENDED || srv->ex->ended) {
			srv->state = ST_ENDED;
			if (srv->ended_at == 0)
				srv->ended_at = srv_wall();
			/* let the last events go out, then stop, once the
			 * players have had their hot wash */
			for (i = 0; i < srv->nclients; i++)
				if (srv->clients[i]->outlen > 0)
					break;
			if ((i == srv->nclients || ++ended_passes > 50) &&
			    srv_hotwash_over(srv))
				return 0;
		}

		/* sleep until the next event's wall time, to the ns (a
		 * timeout in ms would make every event up to 1 ms late), or
		 * a second at most */
		timeout = NS_PER_SEC;
		now = srv_wall();
		if (srv->state == ST_RUNNING &&
		    (next = sim_next(srv->ex->sim)) != SIM_NEVER &&
		    (at = pacer_wall(&srv->pacer, now, next)) != PACER_NEVER &&
		    at - now < timeout) {
			timeout = at > now ? at - now : 0;
			srv->wake_due = at;
		}
		if (srv->roster_dirty && srv->roster_next - now < timeout)
			timeout = srv->roster_next > now ? srv->roster_next -
			    now : 0;
		if (now < srv->accept_pause) {
			if (srv->listening == 2)
				srv_listen(srv, 0, NULL);
			if (srv->accept_pause - now < timeout)
				timeout = srv->accept_pause - now;
		} else if (srv->listening == 1)
			srv_listen(srv, 1, NULL);
		if (srv->state == ST_ENDED)	/* draining, or the hot wash */
			timeout = ended_passes <= 50 && srv_draining(srv) ?
			    20 * NS_PER_MS : 250 * NS_PER_MS;
		ts.tv_sec = timeout / NS_PER_SEC;
		ts.tv_nsec = timeout % NS_PER_SEC;
		k = srv_wait(srv, evs, SRV_EVENTS, &ts);
		if (k == -1 && errno != EINTR) {
			error_set(e, ERR_IO, "epoll_wait: %s", strerror(errno));
			return -1;
		}
		/* clients are freed only by the sweep: every pointer here is
		 * good, a client marked dead is passed over */
		for (n = 0; n < k; n++) {
			struct srv_client *c = (struct srv_client *)(uintptr_t)
			    evs[n].data.u64;
			if (evs[n].data.u64 & SRV_LISTENER)
				srv_accept(srv, srv->lfd[evs[n].data.u64 &
				    ~SRV_LISTENER]);
			else if (!c->dead && (evs[n].events & (EPOLLIN |
			    EPOLLHUP | EPOLLERR)))
				srv_read(srv, c);
		}
	}
	return 0;
}

/* Resume. */

static int
srv_diverge(struct server *srv, struct error *e, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
srv_diverge(struct server *srv, struct error *e, const char *fmt, ...)
{
	va_list	ap;

	if (srv->diverged)
		*e = srv->journal_err;	/* replay_verify's message */
	else {
		va_start(ap, fmt);
		vsnprintf(e->msg, sizeof e->msg, fmt, ap);
		va_end(ap);
		e->code = ERR_STATE;
	}
	srv->replay = NULL;
	return -1;
}

/* Re-apply one input record (a player's ack, decision, share or note). */
static int
srv_reapply(struct server *srv, const cJSON *rec, struct error *e)
{
	struct exercise	*ex = srv->ex;
	const char	*type = srv_str_of(rec, "type");
	const char	*player = srv_str_of(rec, "player");
	const cJSON	*d = cJSON_GetObjectItemCaseSensitive(rec, "delivery");
	const cJSON	*it;
	int		 role = exercise_role(ex, srv_str_of(rec, "role") ?
	    srv_str_of(rec, "role") : "");
	int		 dv = cJSON_IsNumber(d) ? (int)d->valuedouble : -1;
	int		 to[PROTO_LIST_MAX], n = 0, ch;
	struct error	 ignore;

	if (role == -1)
		return -1;
	if (strcmp(type, "ack") == 0)
		return exercise_ack(ex, dv, role, player, e);
	if (strcmp(type, "decision") == 0) {
		if (dv < 0 || (size_t)dv >= ex->ndeliveries ||
		    (ch = exercise_choice(ex, ex->deliveries[dv].inject,
		    srv_str_of(rec, "choice"))) == -1)
			return -1;
		return exercise_decide(ex, dv, role, ch, player, e);
	}
	if (strcmp(type, "note") == 0)
		return exercise_note(ex, role, dv, srv_str_of(rec, "text"),
		    player, e);
	/* a share, refused or not: it makes the same record either way */
	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(rec, "to")) {
		if (n == PROTO_LIST_MAX || !cJSON_IsString(it) ||
		    (to[n++] = exercise_role(ex, it->valuestring)) == -1)
			return -1;
	}
	/* a forward of an inject names its delivery, as a note does */
	it = cJSON_GetObjectItemCaseSensitive(rec, "ref");
	exercise_share(ex, role, to, (size_t)n, tlp_parse(srv_str_of(rec,
	    "tlp")), srv_str_of(rec, "title"), srv_str_of(rec, "text"),
	    cJSON_IsNumber(it) ? (int)it->valuedouble : -1, dv, player,
	    &ignore);
	return 0;
}

/* Put a server record back in the event log (no journal: it is there). */
static void
srv_replay_event(struct server *srv, const cJSON *rec)
{
	const char	*type = srv_str_of(rec, "type");
	int		 to[PROTO_LIST_MAX], n = 0, k;
	const cJSON	*it;
	cJSON		*copy = cJSON_Duplicate(rec, 1);

	if (strcmp(type, "chat") == 0 || strcmp(type, "request") == 0) {
		const char *role = srv_str_of(rec, "role");
		n = srv_chat_roles(srv, role != NULL ? exercise_role(srv->ex,
		    role) : -1, cJSON_GetObjectItemCaseSensitive(rec, "to"),
		    strcmp(type, "request") == 0, to);
		srv_event(srv, copy, AUD_ROLES, to, n < 0 ? 0 : (size_t)n);
	} else if (strcmp(type, "adhoc") == 0) {
		cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(rec,
		    "to")) {
			if (n < PROTO_LIST_MAX && cJSON_IsString(it) &&
			    (k = exercise_role(srv->ex, it->valuestring)) != -1)
				to[n++] = k;
		}
		srv_event(srv, copy, AUD_ROLES, to, (size_t)n);
	} else
		srv_event(srv, copy, AUD_STAFF, NULL, 0);
}

/* The reply a journaled request had, remembered again (see srv_journal). */
static void
srv_recall(struct server *srv, const cJSON *rec)
{
	const cJSON	*re = cJSON_GetObjectItemCaseSensitive(rec, "re");
	const char	*by = srv_str_of(rec, "by");
	size_t		 i;

	if (re == NULL || by == NULL)
		return;
	for (i = 0; i < srv->nidents; i++)
		if (strcmp(srv_ident_name(srv, i), by) == 0)
			break;
	if (i == srv->nidents)
		return;
	if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(rec, "refused")))
		srv_remember(&srv->idents[i], re, proto_error_reply(re,
		    PE_TLP_REFUSED, srv_str_of(rec, "reason") ?
		    srv_str_of(rec, "reason") : "refused"));
	else
		srv_remember(&srv->idents[i], re, proto_ok(re));
}

int
server_resume(struct server *srv, struct replay *rp, struct error *e)
{
	struct exercise	*ex = srv->ex;
	const cJSON	*rec;
	const char	*type, *player, *cmd;
	size_t		 i, count = replay_count(rp);
	sim_time	 t;
	double		 speed = srv->pacer.speed;
	int64_t		 now, t0;

	t0 = srv_wall();
	srv->replay = rp;
	for (i = 0; i < count && !srv->diverged; i++) {
		rec = replay_record(rp, i);
		type = srv_str_of(rec, "type");
		player = srv_str_of(rec, "player");
		t = (sim_time)cJSON_GetObjectItemCaseSensitive(rec,
		    "t")->valuedouble;
		srv_recall(srv, rec);
		if (replay_is_server(rec)) {
			cmd = srv_str_of(rec, "command");
			if (strcmp(type, "command") != 0 || cmd == NULL)
				;
			else if (strcmp(cmd, "start") == 0) {
				exercise_start(ex);
				srv->state = ST_RUNNING;
			} else if (strcmp(cmd, "pause") == 0)
				srv->state = ST_PAUSED;
			else if (strcmp(cmd, "resume") == 0)
				srv->state = ST_RUNNING;
			else if (strcmp(cmd, "speed") == 0)
				speed = cJSON_GetObjectItemCaseSensitive(rec,
				    "x") ? cJSON_GetObjectItemCaseSensitive(rec,
				    "x")->valuedouble : speed;
			else if (strcmp(cmd, "fire") == 0) {
				exercise_run(ex, t);
				exercise_fire(ex, exercise_inject(ex,
				    srv_str_of(rec, "inject")), NULL);
			} else if (strcmp(cmd, "end") == 0) {
				if (srv->state == ST_WAITING)
					exercise_start(ex);
				exercise_run(ex, t);
				exercise_finish(ex, srv_str_of(rec,
				    "summary") ? srv_str_of(rec, "summary") :
				    "ended by the facilitator");
			}
			srv_replay_event(srv, rec);
			continue;
		}
		if (player != NULL && strcmp(player, "bot") != 0 &&
		    (strcmp(type, "ack") == 0 || strcmp(type, "decision") ==
		    0 || strcmp(type, "share") == 0 || strcmp(type, "note") ==
		    0)) {
			/* an input: at its time, as it was applied */
			exercise_run(ex, t);
			if (srv_reapply(srv, rec, e) != 0 && !srv->diverged)
				return srv_diverge(srv, e, "record %zu (a %s by "
				    "%s) cannot be applied again", i + 1, type,
				    player);
			continue;
		}
		/* an output: run the engine until it has made it */
		while (!srv->diverged && replay_matched(rp) <= i) {
			if (sim_next(ex->sim) == SIM_NEVER || ex->ended)
				return srv_diverge(srv, e, "the re-run stops "
				    "before record %zu (%s)", i + 1, type);
			sim_step(ex->sim);
		}
	}
	if (srv->diverged)
		return srv_diverge(srv, e, "diverged");
	if (replay_matched(rp) < count)
		return srv_diverge(srv, e, "the re-run ends after %zu of %zu "
		    "records", replay_matched(rp), count);
	srv->replay = NULL;
	if (ex->ended)
		srv->state = ST_ENDED;
	now = srv_wall();
	pacer_init(&srv->pacer, now, exercise_now(ex), speed);
	if (srv->state == ST_RUNNING)
		pacer_resume(&srv->pacer, now);
	srv_log(srv, "resumed at %s after checking %zu records in %.1f ms",
	    vtime_format(exercise_now(ex), (char[VTIME_BUFSZ]){ 0 },
	    VTIME_BUFSZ), count, (double)(now - t0) / 1e6);
	return 0;
}

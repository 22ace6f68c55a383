/*
 * Load and fault driver for `ttxsim serve': many connections at once, in
 * one process and one poll loop, that keep going when the server is killed
 * and resumed.
 *
 *	-a N	active players (the roles in turn): each sends a note RATE
 *		times a second with a unique id and text, one at a time, and
 *		times the reply
 *	-i N	idle connections: players of the roles in turn, or observers
 *		with -O; they read everything and send nothing
 *	-S N	slow readers: observers that say hello and never read; the
 *		server should drop them (its --client-buffer) while the
 *		others are answered; at the end, how many it dropped
 *	-r HZ	notes per second per active player (default 1)
 *	-s	also join as the facilitator and start the exercise
 *	-e	stop when every connection has seen the exercise end
 *	-t S	stop after S seconds (with -e: give up after S seconds)
 *	-o FILE	write the id of every acknowledged note, one a line
 *	-R	a redis-server instead, as a peer for the benchmarks: no
 *		hello and no tokens (TOKENS is -); each note is a RESP
 *		`RPUSH load ID' and its `:N' reply is the acknowledgement;
 *		idle connections only connect (not with -s, -e or -O)
 *
 * A connection that is lost (the server died) is made again every 20 ms,
 * with the same token; a note that had no reply is then sent again with
 * the same id, as a console would.  At the end it prints one line:
 *
 *	load active=N idle=M sent=S acked=A p50_ms=.. p99_ms=.. max_ms=..
 *	    across=X reconnects=R ended=E/T
 *
 * where the latencies are of notes answered by the server they were sent
 * to, and `across' counts the notes answered only after a restart.  It
 * exits 1 if a note was refused, or with -e if not every connection saw
 * the end in time.
 *	usage: ttx-load [-a N] [-i N] [-r HZ] [-s] [-e] [-t S] [-o FILE]
 *	    [-O] [-R] ADDRESS TOKENS
 * ADDRESS is a Unix socket's path or tcp:HOST:PORT.
 */
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <netinet/in.h>
#include <netinet/tcp.h>

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAXROLES	64
#define RETRY_MS	20

enum kind { K_IDLE, K_ACTIVE, K_CONTROL, K_STALLED };

struct lc {
	enum kind	 kind;
	int		 fd;
	const char	*token;
	char		*in;
	size_t		 inlen, incap;
	int		 welcomed, ended;
	double		 retry_at;
	/* active players: the note in flight, if any */
	unsigned	 seq;
	int		 pending, across;
	double		 sent_at, next_at;
	/* the facilitator: has the start been answered */
	int		 started;
};

static const char	*addr;
static char		 role_tok[MAXROLES][64], control_tok[64], observer_tok[64];
static int		 nroles;
static struct lc	*lcs;
static int		 nlcs;
static double		*lat;
static size_t		 nlat, clat;
static unsigned long	 sent, acked, across, reconnects;
static int		 refused;
static int		 redis;		/* -R */
static FILE		*acked_out;

static double
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void
read_tokens(const char *file)
{
	char	 line[512], name[128], tok[64];
	FILE	*f = fopen(file, "r");

	if (f == NULL) {
		perror(file);
		exit(2);
	}
	while (fgets(line, sizeof line, f) != NULL) {
		if (sscanf(line, " %127s %63s", name, tok) != 2 ||
		    strlen(tok) != 32 || strspn(tok, "0123456789abcdef") != 32)
			continue;
		if (strcmp(name, "control") == 0)
			strcpy(control_tok, tok);
		else if (strcmp(name, "observer") == 0)
			strcpy(observer_tok, tok);
		else if (nroles < MAXROLES)
			strcpy(role_tok[nroles++], tok);
	}
	fclose(f);
	if (nroles == 0 || control_tok[0] == '\0') {
		fprintf(stderr, "ttx-load: %s: no tokens\n", file);
		exit(2);
	}
}

/* Connect; -1 while the server is not there. */
static int
dial(void)
{
	struct sockaddr_un	 sun;
	struct addrinfo		 hints, *ai;
	char			 host[256], *port;
	int			 fd, one = 1;

	if (strncmp(addr, "tcp:", 4) == 0) {
		snprintf(host, sizeof host, "%s", addr + 4);
		if ((port = strrchr(host, ':')) == NULL)
			return -1;
		*port++ = '\0';
		memset(&hints, 0, sizeof hints);
		hints.ai_socktype = SOCK_STREAM;
		if (getaddrinfo(host, port, &hints, &ai) != 0)
			return -1;
		fd = socket(ai->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
		if (fd != -1 && connect(fd, ai->ai_addr, ai->ai_addrlen) ==
		    -1) {
			close(fd);
			fd = -1;
		}
		freeaddrinfo(ai);
		if (fd != -1)
			setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one,
			    sizeof one);
		return fd;
	}
	memset(&sun, 0, sizeof sun);
	sun.sun_family = AF_UNIX;
	snprintf(sun.sun_path, sizeof sun.sun_path, "%s", addr);
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) == -1)
		return -1;
	if (connect(fd, (struct sockaddr *)&sun, sizeof sun) == -1) {
		close(fd);
		return -1;
	}
	return fd;
}

/* Write a whole line; a failure is a lost connection, found by poll. */
static void
say(struct lc *c, const char *s)
{
	size_t	n = strlen(s), off = 0;
	ssize_t	w;

	while (c->fd != -1 && off < n) {
		if ((w = send(c->fd, s + off, n - off, MSG_NOSIGNAL)) > 0)
			off += (size_t)w;
		else if (w == -1 && errno == EINTR)
			continue;
		else
			return;
	}
}

static void
send_note(struct lc *c, double now)
{
	char	line[256];
	char	id[32];
	int	i = (int)(c - lcs);

	if (redis) {
		snprintf(id, sizeof id, "c%d-%u", i, c->seq);
		snprintf(line, sizeof line, "*3\r\n$5\r\nRPUSH\r\n$4\r\nload\r\n"
		    "$%zu\r\n%s\r\n", strlen(id), id);
	} else
		snprintf(line, sizeof line, "{\"type\":\"note\",\"id\":"
		    "\"c%d-%u\",\"text\":\"load note c%d-%u\"}\n", i, c->seq,
		    i, c->seq);
	say(c, line);
	if (!c->pending) {
		c->pending = 1;
		c->sent_at = now;
		sent++;
	}
}

static void
lost(struct lc *c, double now)
{
	if (c->fd != -1)
		close(c->fd);
	c->fd = -1;
	c->inlen = 0;
	c->welcomed = 0;
	c->retry_at = now + RETRY_MS;
	if (c->pending)
		c->across = 1;
}

static void
join(struct lc *c, double now)
{
	char	line[256];
	int	fl;

	if ((c->fd = dial()) == -1) {
		c->retry_at = now + RETRY_MS;
		return;
	}
	if ((fl = fcntl(c->fd, F_GETFL)) != -1)
		fcntl(c->fd, F_SETFL, fl | O_NONBLOCK);
	if (redis) {		/* nothing to say first */
		c->welcomed = 1;
		if (c->pending)
			send_note(c, now);
		return;
	}
	snprintf(line, sizeof line, "{\"type\":\"hello\",\"version\":1,"
	    "\"token\":\"%s\",\"name\":\"load %d\"}\n", c->token,
	    (int)(c - lcs));
	say(c, line);
}

static void
keep_latency(double ms)
{
	if (nlat == clat) {
		clat = clat ? clat * 2 : 1024;
		if ((lat = realloc(lat, clat * sizeof *lat)) == NULL)
			exit(2);
	}
	lat[nlat++] = ms;
}

/* The note in flight is settled: the next one is a new note. */
static void
next_note(struct lc *c)
{
	c->pending = 0;
	c->across = 0;
	c->seq++;
}

/* The note in flight has its answer: ok, or refused. */
static void
answered(struct lc *c, int ok, const char *line, double now)
{
	int	i = (int)(c - lcs);

	if (ok) {
		acked++;
		if (c->across)
			across++;
		else
			keep_latency(now - c->sent_at);
		if (acked_out != NULL)
			fprintf(acked_out, "c%d-%u\n", i, c->seq);
	} else {
		fprintf(stderr, "ttx-load: refused: %s\n", line);
		refused++;
	}
	next_note(c);
}

/* A reply from redis-server: `:N' to an RPUSH, or an `-ERR'. */
static void
on_redis_line(struct lc *c, const char *line, double now)
{
	if (c->kind != K_ACTIVE || !c->pending)
		return;
	if (line[0] == ':')
		answered(c, 1, line, now);
	else if (line[0] == '-')
		answered(c, 0, line, now);
}

static void
on_line(struct lc *c, const char *line, double now)
{
	char	want[64];
	int	i = (int)(c - lcs);

	if (strncmp(line, "{\"type\":\"welcome\"", 17) == 0) {
		c->welcomed = 1;
		if (strstr(line, "\"state\":\"ended\"") != NULL)
			c->ended = 1;
		if (c->kind == K_CONTROL && !c->started)
			say(c, "{\"type\":\"start\",\"id\":\"load-start\"}\n");
		if (c->pending)		/* unsure: send it again */
			send_note(c, now);
		return;
	}
	/* the end record (its type is not its first field), or a clock */
	if (strstr(line, "\"type\":\"end\"") != NULL ||
	    (strncmp(line, "{\"type\":\"clock\"", 15) == 0 &&
	    strstr(line, "\"state\":\"ended\"") != NULL)) {
		c->ended = 1;
		return;
	}
	if (c->kind == K_CONTROL && strstr(line, "\"re\":\"load-start\"")) {
		c->started = 1;
		return;
	}
	if (c->kind != K_ACTIVE || !c->pending)
		return;
	snprintf(want, sizeof want, "\"re\":\"c%d-%u\"", i, c->seq);
	if (strstr(line, want) == NULL)
		return;
	if (strncmp(line, "{\"type\":\"ok\"", 12) == 0)
		answered(c, 1, line, now);
	else if (strstr(line, "the exercise has ended") != NULL) {
		c->ended = 1;
		next_note(c);
	} else
		answered(c, 0, line, now);
}

static void
on_readable(struct lc *c, double now)
{
	char	*nl, *p;
	ssize_t	 n;
	int	 gone = 0;

	for (;;) {
		if (c->incap - c->inlen < 65536) {
			c->incap = c->incap ? c->incap * 2 : 131072;
			if ((c->in = realloc(c->in, c->incap)) == NULL)
				exit(2);
		}
		n = recv(c->fd, c->in + c->inlen, c->incap - c->inlen - 1, 0);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1 && errno == EAGAIN)
			break;
		if (n <= 0) {	/* what came before the close counts */
			gone = 1;
			break;
		}
		c->inlen += (size_t)n;
	}
	c->in[c->inlen] = '\0';
	p = c->in;
	while ((nl = memchr(p, '\n', c->inlen - (size_t)(p - c->in))) !=
	    NULL) {
		*nl = '\0';
		if (redis)
			on_redis_line(c, p, now);
		else
			on_line(c, p, now);
		p = nl + 1;
	}
	c->inlen -= (size_t)(p - c->in);
	memmove(c->in, p, c->inlen);
	if (gone)
		lost(c, now);
}

static int
cmp_double(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double
pct(double p)
{
	size_t	i;

	if (nlat == 0)
		return 0;
	i = (size_t)(p * (double)(nlat - 1) + 0.5);
	return lat[i];
}

int
main(int argc, char **argv)
{
	struct rlimit	 rl;
	struct pollfd	*pfd;
	int		 active = 0, idle = 0, observers = 0, start = 0;
	int		 stalled = 0, dropped = 0;
	int		 until_end = 0, ch, i, n, nended, all_ended = 0;
	double		 rate = 1, seconds = 0, t0, now, stop_at, timeout;
	const char	*acked_file = NULL;

	while ((ch = getopt(argc, argv, "a:ei:o:ORr:S:st:")) != -1) {
		switch (ch) {
		case 'a': active = atoi(optarg); break;
		case 'e': until_end = 1; break;
		case 'i': idle = atoi(optarg); break;
		case 'o': acked_file = optarg; break;
		case 'O': observers = 1; break;
		case 'R': redis = 1; break;
		case 'r': rate = atof(optarg); break;
		case 's': start = 1; break;
		case 'S': stalled = atoi(optarg); break;
		case 't': seconds = atof(optarg); break;
		default: goto usage;
		}
	}
	if (argc - optind != 2 || active < 0 || idle < 0 || stalled < 0 ||
	    !(rate > 0) || (!until_end && !(seconds > 0)) ||
	    (redis && (start || until_end || observers || stalled)) ||
	    (stalled && until_end))
		goto usage;
	addr = argv[optind];
	if (!redis)
		read_tokens(argv[optind + 1]);
	else
		nroles = 1;	/* one empty token, never sent */
	if (acked_file != NULL && (acked_out = fopen(acked_file, "w")) ==
	    NULL) {
		perror(acked_file);
		return 2;
	}
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
	}

	nlcs = active + idle + start + stalled;
	lcs = calloc((size_t)nlcs + 1, sizeof *lcs);
	pfd = calloc((size_t)nlcs + 1, sizeof *pfd);
	t0 = now_ms();
	for (i = 0; i < nlcs; i++) {
		struct lc *c = &lcs[i];

		c->fd = -1;
		if (i < active) {
			c->kind = K_ACTIVE;
			c->token = role_tok[i % nroles];
			/* spread the first notes over the first period */
			c->next_at = t0 + 1e3 / rate * i / (active ? active : 1);
		} else if (i < active + idle) {
			c->kind = K_IDLE;
			c->token = observers ? observer_tok : role_tok[i % nroles];
		} else if (i < active + idle + stalled) {
			c->kind = K_STALLED;
			c->token = observer_tok;
		} else {
			c->kind = K_CONTROL;
			c->token = control_tok;
		}
		join(c, t0);
		if (c->kind == K_STALLED && c->fd != -1)
			/* a small window: the server's queue fills sooner */
			setsockopt(c->fd, SOL_SOCKET, SO_RCVBUF, &(int){ 4096 },
			    sizeof(int));
	}
	stop_at = seconds > 0 ? t0 + seconds * 1e3 : 0;

	for (;;) {
		now = now_ms();
		nended = 0;
		for (i = 0; i < nlcs; i++)
			nended += lcs[i].ended;
		if (until_end && nended == nlcs) {
			all_ended = 1;
			break;
		}
		if (stop_at && now >= stop_at)
			break;
		timeout = 100;
		for (i = 0; i < nlcs; i++) {
			struct lc *c = &lcs[i];

			pfd[i].fd = c->kind == K_STALLED ? -1 : c->fd;
			pfd[i].events = POLLIN;
			if (c->kind == K_STALLED)
				continue;	/* never read, never again */
			if (c->fd == -1 && !c->ended) {
				if (now >= c->retry_at) {
					if (c->retry_at > 0)
						reconnects++;
					join(c, now);
					pfd[i].fd = c->fd;
				}
				if (c->fd == -1 && c->retry_at - now < timeout)
					timeout = c->retry_at - now;
			}
			if (c->kind == K_ACTIVE && c->fd != -1 &&
			    c->welcomed && !c->pending && !c->ended) {
				if (now >= c->next_at) {
					send_note(c, now);
					c->next_at += 1e3 / rate;
					if (c->next_at < now)
						c->next_at = now + 1e3 / rate;
				} else if (c->next_at - now < timeout)
					timeout = c->next_at - now;
			}
		}
		if (timeout < 0)
			timeout = 0;
		n = poll(pfd, (nfds_t)nlcs, (int)timeout + 1);
		if (n == -1 && errno != EINTR) {
			perror("poll");
			return 2;
		}
		now = now_ms();
		for (i = 0; n > 0 && i < nlcs; i++)
			if (pfd[i].fd != -1 && pfd[i].revents != 0)
				on_readable(&lcs[i], now);
	}

	nended = 0;
	for (i = 0; i < nlcs; i++)
		nended += lcs[i].ended;
	/* a slow reader the server dropped reads to its end now */
	for (i = 0; i < nlcs; i++) {
		char	buf[65536];
		ssize_t	r;

		if (lcs[i].kind != K_STALLED || lcs[i].fd == -1)
			continue;
		while ((r = read(lcs[i].fd, buf, sizeof buf)) > 0)
			;
		dropped += r == 0;
	}
	if (nlat > 0)
		qsort(lat, nlat, sizeof *lat, cmp_double);
	printf("load active=%d idle=%d sent=%lu acked=%lu p50_ms=%.2f "
	    "p99_ms=%.2f max_ms=%.2f across=%lu reconnects=%lu ended=%d/%d",
	    active, idle, sent, acked, pct(0.50), pct(0.99),
	    nlat ? lat[nlat - 1] : 0.0, across, reconnects, nended, nlcs);
	if (stalled)
		printf(" stalled=%d dropped=%d", stalled, dropped);
	printf("\n");
	if (acked_out != NULL)
		fclose(acked_out);
	for (i = 0; i < nlcs; i++) {
		if (lcs[i].fd != -1)
			close(lcs[i].fd);
		free(lcs[i].in);
	}
	free(lcs);
	free(pfd);
	free(lat);
	return refused > 0 || (until_end && !all_ended) ? 1 : 0;
usage:
	fprintf(stderr, "usage: ttx-load [-a N] [-i N] [-S N] [-r HZ] [-s] "
	    "[-e] [-t S] [-o FILE] [-O] [-R] ADDRESS TOKENS\n");
	return 2;
}

/*
 * Broadcast latency: N clients connected to one server; one message is
 * sent to all of them, R times; for each round, how long until each
 * client has it.  Two servers, driven by the same harness:
 *	ttxsim	N observers joined to `ttxsim serve'; the facilitator's ad
 *		hoc inject is the message (journaled and fsync'd first)
 *	redis	N SUBSCRIBE connections to redis-server; PUBLISH is the
 *		message
 * Prints "NAME broadcast N p50_ms=.. p99_ms=.. last_ms=.." where p50 and
 * p99 are over every client of every round and last is the median over
 * rounds of the time until the last client had it.
 *
 * With `burst B', each round is B messages sent in one write (B ad hoc
 * injects, or B pipelined PUBLISHes) and the time is until every client
 * has all B; it prints "NAME burst N b=B msgs_per_s=.. ms=.. min_ms=..
 * max_ms=.. rounds=R" where msgs_per_s is N * B over the median round's
 * time.
 *	usage: bench-broadcast ttxsim|redis ADDRESS TOKENS|- N [ROUNDS]
 *	    [burst B]
 * ADDRESS is a Unix socket path or tcp:HOST:PORT.
 */
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct tail {			/* the end of a client's last read */
	char	b[64];
	size_t	len;
};

static const char		*addr, *kind;
static int			 nc, *cfd;	/* the N clients */
static int			 ctl, ep;	/* the sender, the clients' epoll */
static struct epoll_event	*evs;
static char			 rbuf[65536];

static double
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int
dial(void)
{
	struct sockaddr_un	 sun;
	struct addrinfo		 hints, *ai;
	char			 host[256], *port;
	int			 fd, one = 1;

	if (strncmp(addr, "tcp:", 4) == 0) {
		snprintf(host, sizeof host, "%s", addr + 4);
		port = strrchr(host, ':');
		*port++ = '\0';
		memset(&hints, 0, sizeof hints);
		hints.ai_socktype = SOCK_STREAM;
		if (getaddrinfo(host, port, &hints, &ai) != 0)
			exit(2);
		fd = socket(ai->ai_family, SOCK_STREAM, 0);
		if (connect(fd, ai->ai_addr, ai->ai_addrlen) == -1) {
			perror("connect");
			exit(1);
		}
		setsockopt(fd, IPPROTO_TCP, 1 /* TCP_NODELAY */, &one,
		    sizeof one);
		freeaddrinfo(ai);
		return fd;
	}
	memset(&sun, 0, sizeof sun);
	sun.sun_family = AF_UNIX;
	snprintf(sun.sun_path, sizeof sun.sun_path, "%s", addr);
	fd = socket(AF_UNIX, SOCK_STREAM, 0);
	if (connect(fd, (struct sockaddr *)&sun, sizeof sun) == -1) {
		perror("connect");
		exit(1);
	}
	return fd;
}

static void
say(int fd, const char *s)
{
	size_t	n = strlen(s), off = 0;
	ssize_t	w;

	while (off < n) {
		if ((w = write(fd, s + off, n - off)) <= 0) {
			perror("write");
			exit(1);
		}
		off += (size_t)w;
	}
}

/* Read from fd until `needle' has been seen (blocking). */
static void
await(int fd, const char *needle)
{
	static char	buf[1 << 20];
	size_t		len = 0;
	ssize_t		n;

	for (;;) {
		if ((n = read(fd, buf + len, sizeof buf - 1 - len)) <= 0) {
			fprintf(stderr, "bench-broadcast: connection closed\n");
			exit(1);
		}
		len += (size_t)n;
		buf[len] = '\0';
		if (strstr(buf, needle) != NULL)
			return;
		if (len > sizeof buf / 2) {
			memmove(buf, buf + len / 2, len - len / 2);
			len -= len / 2;
		}
	}
}

static const char *
token_of(const char *file, const char *who)
{
	static char	tok[64];
	char		line[512], name[128];
	FILE		*f = fopen(file, "r");

	while (f != NULL && fgets(line, sizeof line, f) != NULL)
		if (sscanf(line, " %127s %63s", name, tok) == 2 &&
		    strcmp(name, who) == 0) {
			fclose(f);
			return tok;
		}
	fprintf(stderr, "bench-broadcast: no %s token\n", who);
	exit(1);
}

static void
sleep_ms(long ms)
{
	struct timespec	ts = { ms / 1000, (ms % 1000) * 1000000 };

	nanosleep(&ts, NULL);
}

static int
dcmp(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static int
is_ttxsim(void)
{
	return strcmp(kind, "ttxsim") == 0;
}

/* Read and drop whatever the clients have until they are quiet. */
static void
drain_clients(void)
{
	int	k, i;

	while ((k = epoll_wait(ep, evs, nc, 50)) > 0)
		for (i = 0; i < k; i++)
			(void)!read(cfd[evs[i].data.u32], rbuf, sizeof rbuf);
}

/*
 * Connect the N clients (observers joined, or subscribers) and the
 * sender; with ttxsim, the sender joins as the facilitator and starts the
 * exercise, and what the start sent everyone is read and dropped.
 */
static void
join_all(const char *tokens)
{
	struct epoll_event	 ev;
	const char		*needle;
	char			 msg[512];
	int			 i;

	cfd = calloc((size_t)nc, sizeof *cfd);
	evs = calloc((size_t)nc, sizeof *evs);
	ep = epoll_create1(0);
	if (is_ttxsim()) {
		snprintf(msg, sizeof msg, "{\"type\":\"hello\",\"version\":1,"
		    "\"token\":\"%s\",\"name\":\"o\"}\n",
		    token_of(tokens, "observer"));
		needle = "\"type\":\"welcome\"";
	} else {
		snprintf(msg, sizeof msg, "SUBSCRIBE bench\r\n");
		needle = "subscribe";
	}
	for (i = 0; i < nc; i++) {
		cfd[i] = dial();
		say(cfd[i], msg);
		await(cfd[i], needle);
		ev.events = EPOLLIN;
		ev.data.u32 = (uint32_t)i;
		epoll_ctl(ep, EPOLL_CTL_ADD, cfd[i], &ev);
	}
	ctl = dial();
	if (is_ttxsim()) {
		snprintf(msg, sizeof msg, "{\"type\":\"hello\",\"version\":1,"
		    "\"token\":\"%s\",\"name\":\"c\"}\n{\"type\":\"start\","
		    "\"id\":0}\n", token_of(tokens, "control"));
		say(ctl, msg);
		await(ctl, "\"re\":0");
		/* let the start's events reach everyone, then drain */
		sleep_ms(300);
		drain_clients();
	}
}

/* One message to every client, ROUNDS times: print the latencies. */
static int
latency(int rounds)
{
	double	*lat, *last, t0;
	char	 msg[512], *seen;
	int	 r, i, k, got;

	seen = calloc((size_t)nc, 1);
	lat = calloc((size_t)nc * (size_t)rounds, sizeof *lat);
	last = calloc((size_t)rounds, sizeof *last);
	for (r = 0; r < rounds; r++) {
		memset(seen, 0, (size_t)nc);
		if (is_ttxsim())
			/* ids unique across runs: a server answers a
			 * repeated id from memory without applying it */
			snprintf(msg, sizeof msg, "{\"type\":\"adhoc\",\"id\":"
			    "\"%ld-%d\",\"to\":[\"control-room\"],\"title\":\"t\","
			    "\"body\":\"b\",\"tlp\":\"clear\"}\n", (long)getpid(),
			    r + 1);
		else
			snprintf(msg, sizeof msg, "PUBLISH bench round%d\r\n",
			    r);
		t0 = now_ms();
		say(ctl, msg);
		for (got = 0; got < nc;) {
			k = epoll_wait(ep, evs, nc, 10000);
			if (k <= 0) {
				fprintf(stderr, "bench-broadcast: %d of %d "
				    "clients got round %d\n", got, nc, r);
				return 1;
			}
			for (i = 0; i < k; i++) {
				int c = (int)evs[i].data.u32;
				if (read(cfd[c], rbuf, sizeof rbuf) <= 0)
					return 1;
				if (!seen[c]) {
					seen[c] = 1;
					lat[r * nc + got++] = now_ms() - t0;
				}
			}
		}
		last[r] = lat[r * nc + nc - 1];
		(void)!read(ctl, rbuf, sizeof rbuf);	/* the ok */
		sleep_ms(20);
	}
	qsort(lat, (size_t)nc * (size_t)rounds, sizeof *lat, dcmp);
	qsort(last, (size_t)rounds, sizeof *last, dcmp);
	printf("%s broadcast %d p50_ms=%.2f p99_ms=%.2f last_ms=%.2f "
	    "rounds=%d\n", kind, nc, lat[(size_t)nc * rounds / 2],
	    lat[(size_t)((double)nc * rounds * 0.99)], last[rounds / 2],
	    rounds);
	free(seen);
	free(lat);
	free(last);
	return 0;
}

/*
 * Read what is waiting on sfd and add to *count the times tag occurs in
 * it.  A tag may straddle two reads, so the last bytes of each read are
 * kept in t and read again in front of the next.  -1 if sfd is closed.
 */
static int
count_tags(int sfd, struct tail *t, const char *tag, size_t tlen,
    size_t *count)
{
	const char	*p, *end;
	ssize_t		 got;
	size_t		 len, keep;

	memcpy(rbuf, t->b, t->len);
	if ((got = read(sfd, rbuf + t->len, sizeof rbuf - t->len)) <= 0)
		return -1;
	len = t->len + (size_t)got;
	end = rbuf + len;
	for (p = rbuf; (p = memchr(p, tag[0], (size_t)(end - p))) != NULL;
	    p++)
		if ((size_t)(end - p) >= tlen && memcmp(p, tag, tlen) == 0)
			(*count)++;
	keep = len < tlen - 1 ? len : tlen - 1;
	memcpy(t->b, end - keep, keep);
	t->len = keep;
	return 0;
}

/*
 * The B messages of burst round r, in one buffer: each carries the
 * round's tag then its number.  *last is the last request's id (ttxsim)
 * so that its reply can be awaited.  Returns the buffer (the caller's).
 */
static char *
burst_request(int r, int b, const char *tag, char *last, size_t lastlen)
{
	char	*req, *p;
	size_t	 cap = (size_t)b * 256;
	int	 k;

	p = req = malloc(cap);
	for (k = 0; k < b; k++) {
		if (is_ttxsim()) {
			snprintf(last, lastlen, "\"re\":\"%ld-b%d-%d\"",
			    (long)getpid(), r, k);
			p += snprintf(p, cap - (size_t)(p - req),
			    "{\"type\":\"adhoc\",\"id\":\"%ld-b%d-%d\","
			    "\"to\":[\"control-room\"],\"title\":\"t\","
			    "\"body\":\"%s%d\",\"tlp\":\"clear\"}\n",
			    (long)getpid(), r, k, tag, k);
		} else
			p += snprintf(p, cap - (size_t)(p - req),
			    "PUBLISH bench %s%d\r\n", tag, k);
	}
	return req;
}

/* Read the sender's B replies, so that its queue does not grow. */
static void
drain_sender(int b, const char *last)
{
	struct tail	t = { .len = 0 };
	size_t		replies = 0;

	if (is_ttxsim()) {
		await(ctl, last);
		return;
	}
	while (replies < (size_t)b)	/* one ":N\r\n" each */
		if (count_tags(ctl, &t, "\r\n", 2, &replies) == -1)
			exit(1);
}

/* B messages in one write, ROUNDS times: print the throughput. */
static int
burst(int rounds, int b)
{
	struct tail	*tl;
	size_t		*got, tlen, before;
	double		*ms, t0, med;
	char		*req, tag[64], last[128];
	int		 r, i, k, c, done;

	tl = calloc((size_t)nc, sizeof *tl);
	got = calloc((size_t)nc, sizeof *got);
	ms = calloc((size_t)rounds, sizeof *ms);
	for (r = 0; r < rounds; r++) {
		tlen = (size_t)snprintf(tag, sizeof tag, "ttxburst%ldr%d.",
		    (long)getpid(), r);
		req = burst_request(r, b, tag, last, sizeof last);
		memset(tl, 0, (size_t)nc * sizeof *tl);
		memset(got, 0, (size_t)nc * sizeof *got);
		t0 = now_ms();
		say(ctl, req);
		for (done = 0; done < nc;) {
			if ((k = epoll_wait(ep, evs, nc, 10000)) <= 0) {
				fprintf(stderr, "bench-broadcast: %d of %d "
				    "clients had burst %d\n", done, nc, r);
				return 1;
			}
			for (i = 0; i < k; i++) {
				c = (int)evs[i].data.u32;
				before = got[c];
				if (count_tags(cfd[c], &tl[c], tag, tlen,
				    &got[c]) == -1)
					return 1;
				if (before < (size_t)b && got[c] >= (size_t)b)
					done++;
			}
		}
		ms[r] = now_ms() - t0;
		free(req);
		drain_sender(b, last);
		sleep_ms(20);
		drain_clients();
	}
	qsort(ms, (size_t)rounds, sizeof *ms, dcmp);
	med = ms[rounds / 2];
	printf("%s burst %d b=%d msgs_per_s=%.0f ms=%.2f min_ms=%.2f "
	    "max_ms=%.2f rounds=%d\n", kind, nc, b, (double)nc * b / med * 1e3,
	    med, ms[0], ms[rounds - 1], rounds);
	free(tl);
	free(got);
	free(ms);
	return 0;
}

int
main(int argc, char **argv)
{
	struct rlimit	rl;
	int		rounds = 20, b = 0, a = 5;

	if (argc < 5)
		return 2;
	kind = argv[1];
	addr = argv[2];
	nc = atoi(argv[4]);
	if (argc > a && strcmp(argv[a], "burst") != 0)
		rounds = atoi(argv[a++]);
	if (argc == a + 2 && strcmp(argv[a], "burst") == 0) {
		if ((b = atoi(argv[a + 1])) < 1)
			return 2;
	} else if (argc != a)
		return 2;
	if (nc < 1 || rounds < 1)
		return 2;
	getrlimit(RLIMIT_NOFILE, &rl);
	rl.rlim_cur = rl.rlim_max;
	setrlimit(RLIMIT_NOFILE, &rl);

	join_all(argv[3]);
	return b > 0 ? burst(rounds, b) : latency(rounds);
}

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
 *	usage: bench-broadcast ttxsim|redis ADDRESS TOKENS|- N [ROUNDS]
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

static const char	*addr;

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

int
main(int argc, char **argv)
{
	struct epoll_event	 ev, *evs;
	struct rlimit		 rl;
	const char		*kind, *needle;
	char			 msg[512], buf[65536];
	double			*lat, *last, t0;
	int			*fd, ctl, ep, n, rounds, r, i, k, got;
	char			*seen;

	if (argc < 5)
		return 2;
	kind = argv[1];
	addr = argv[2];
	n = atoi(argv[4]);
	rounds = argc > 5 ? atoi(argv[5]) : 20;
	getrlimit(RLIMIT_NOFILE, &rl);
	rl.rlim_cur = rl.rlim_max;
	setrlimit(RLIMIT_NOFILE, &rl);

	fd = calloc((size_t)n, sizeof *fd);
	seen = calloc((size_t)n, 1);
	lat = calloc((size_t)n * (size_t)rounds, sizeof *lat);
	last = calloc((size_t)rounds, sizeof *last);
	evs = calloc((size_t)n, sizeof *evs);
	ep = epoll_create1(0);
	if (strcmp(kind, "ttxsim") == 0) {
		snprintf(msg, sizeof msg, "{\"type\":\"hello\",\"version\":1,"
		    "\"token\":\"%s\",\"name\":\"o\"}\n",
		    token_of(argv[3], "observer"));
		needle = "\"type\":\"welcome\"";
	} else {
		snprintf(msg, sizeof msg, "SUBSCRIBE bench\r\n");
		needle = "subscribe";
	}
	for (i = 0; i < n; i++) {
		fd[i] = dial();
		say(fd[i], msg);
		await(fd[i], needle);
		ev.events = EPOLLIN;
		ev.data.u32 = (uint32_t)i;
		epoll_ctl(ep, EPOLL_CTL_ADD, fd[i], &ev);
	}
	ctl = dial();
	if (strcmp(kind, "ttxsim") == 0) {
		snprintf(msg, sizeof msg, "{\"type\":\"hello\",\"version\":1,"
		    "\"token\":\"%s\",\"name\":\"c\"}\n{\"type\":\"start\","
		    "\"id\":0}\n", token_of(argv[3], "control"));
		say(ctl, msg);
		await(ctl, "\"re\":0");
		/* let the start's events reach everyone, then drain */
		sleep_ms(300);
		while ((k = epoll_wait(ep, evs, n, 50)) > 0)
			for (i = 0; i < k; i++)
				(void)!read(fd[evs[i].data.u32], buf,
				    sizeof buf);
	}
	for (r = 0; r < rounds; r++) {
		memset(seen, 0, (size_t)n);
		if (strcmp(kind, "ttxsim") == 0)
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
		for (got = 0; got < n;) {
			k = epoll_wait(ep, evs, n, 10000);
			if (k <= 0) {
				fprintf(stderr, "bench-broadcast: %d of %d "
				    "clients got round %d\n", got, n, r);
				return 1;
			}
			for (i = 0; i < k; i++) {
				int c = (int)evs[i].data.u32;
				if (read(fd[c], buf, sizeof buf) <= 0)
					return 1;
				if (!seen[c]) {
					seen[c] = 1;
					lat[r * n + got++] = now_ms() - t0;
				}
			}
		}
		last[r] = lat[r * n + n - 1];
		(void)!read(ctl, buf, sizeof buf);	/* the ok */
		sleep_ms(20);
	}
	qsort(lat, (size_t)n * (size_t)rounds, sizeof *lat, dcmp);
	qsort(last, (size_t)rounds, sizeof *last, dcmp);
	printf("%s broadcast %d p50_ms=%.2f p99_ms=%.2f last_ms=%.2f "
	    "rounds=%d\n", kind, n, lat[(size_t)n * rounds / 2],
	    lat[(size_t)((double)n * rounds * 0.99)], last[rounds / 2],
	    rounds);
	return 0;
}

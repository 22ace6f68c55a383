/*
 * A scriptable protocol client for the server's integration tests.  It
 * reads a script on stdin, one command a line, driving any number of
 * named connections to one Unix socket:
 *
 *	conn NAME WHO NAME...	connect and say hello with WHO's token (a
 *				role id, "control" or "observer", read from
 *				the tokens file)
 *	hello NAME TOKEN	connect and say hello with a literal token
 *	send NAME JSON		send one line
 *	raw NAME TEXT		send TEXT and a newline; \xHH is a byte
 *	expect NAME TEXT	wait (up to 10 s) for a line containing TEXT
 *	never NAME TEXT		no line received so far contains TEXT
 *	closed NAME		wait for the server to close the connection
 *	drop NAME		close the connection
 *	# ...			a comment
 *
 * It prints what it does and sees, and exits 1 at the first failure.
 * SOCKET is a Unix socket's path, or tcp:HOST:PORT.
 *	usage: ttx-client SOCKET TOKENS-FILE < SCRIPT
 */
#include <sys/socket.h>
#include <sys/un.h>

#include <errno.h>
#include <netdb.h>
#include <stdarg.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAXCONN	16

struct conn {
	char	 name[32];
	int	 fd;
	char	*got;		/* every line received, joined */
	size_t	 len, cap;
	char	 part[1 << 16];
	size_t	 plen;
	int	 eof;
};

static struct conn	 conns[MAXCONN];
static int		 nconns;
static const char	*sockpath, *tokens;
static int		 lineno;

static void __attribute__((noreturn, format(printf, 1, 2)))
die(const char *fmt, ...)
{
	va_list	ap;

	fprintf(stdout, "FAIL (script line %d): ", lineno);
	va_start(ap, fmt);
	vfprintf(stdout, fmt, ap);
	va_end(ap);
	fputc('\n', stdout);
	exit(1);
}

static struct conn *
find(const char *name)
{
	int	i;

	for (i = 0; i < nconns; i++)
		if (strcmp(conns[i].name, name) == 0)
			return &conns[i];
	die("no connection %s", name);
}

static void
keep(struct conn *c, const char *s, size_t n)
{
	if (c->len + n + 1 > c->cap) {
		c->cap = (c->len + n + 1) * 2;
		if ((c->got = realloc(c->got, c->cap)) == NULL)
			abort();
	}
	memcpy(c->got + c->len, s, n);
	c->len += n;
	c->got[c->len] = '\0';
}

/* Read what is there, waiting up to ms: 1 if something came, 0 if
 * nothing did, -1 at end of file. */
static int
pump(struct conn *c, int ms)
{
	struct pollfd	p = { c->fd, POLLIN, 0 };
	char		buf[8192], *nl;
	ssize_t		n;

	if (c->eof)
		return -1;
	if (poll(&p, 1, ms) <= 0)
		return 0;
	if ((n = read(c->fd, buf, sizeof buf)) <= 0) {
		c->eof = 1;
		return -1;
	}
	keep(c, buf, (size_t)n);
	for (char *s = buf; s < buf + n; s = nl + 1) {
		if ((nl = memchr(s, '\n', (size_t)(buf + n - s))) == NULL)
			break;
		printf("  %s < %.*s\n", c->name, (int)(nl - s > 200 ? 200 :
		    nl - s), s);
	}
	return 1;
}

static void
sendline(struct conn *c, const char *s, size_t n)
{
	if (write(c->fd, s, n) != (ssize_t)n || write(c->fd, "\n", 1) != 1)
		die("%s: write: %s", c->name, strerror(errno));
}

static const char *
token_of(const char *who)
{
	static char	tok[64];
	char		line[512], name[128];
	FILE		*f = fopen(tokens, "r");

	if (f == NULL)
		die("%s: %s", tokens, strerror(errno));
	while (fgets(line, sizeof line, f) != NULL) {
		if (sscanf(line, " %127s %63s", name, tok) == 2 &&
		    strcmp(name, who) == 0 && strlen(tok) == 32) {
			fclose(f);
			return tok;
		}
	}
	fclose(f);
	die("no token for %s in %s", who, tokens);
}

static void
connect_as(const char *name, const char *token, const char *player)
{
	struct sockaddr_un	 sun;
	struct conn		*c;
	char			 hello[512];

	if (nconns == MAXCONN)
		die("too many connections");
	c = &conns[nconns++];
	memset(c, 0, sizeof *c);
	snprintf(c->name, sizeof c->name, "%s", name);
	if (strncmp(sockpath, "tcp:", 4) == 0) {
		struct addrinfo	 hints, *ai;
		char		 host[256], *port;

		snprintf(host, sizeof host, "%s", sockpath + 4);
		if ((port = strrchr(host, ':')) == NULL)
			die("tcp:HOST:PORT");
		*port++ = '\0';
		memset(&hints, 0, sizeof hints);
		hints.ai_socktype = SOCK_STREAM;
		if (getaddrinfo(host, port, &hints, &ai) != 0)
			die("%s: cannot resolve %s", name, sockpath);
		c->fd = socket(ai->ai_family, ai->ai_socktype, 0);
		if (c->fd == -1 || connect(c->fd, ai->ai_addr,
		    ai->ai_addrlen) == -1)
			die("%s: connect: %s", name, strerror(errno));
		freeaddrinfo(ai);
	} else {
		memset(&sun, 0, sizeof sun);
		sun.sun_family = AF_UNIX;
		snprintf(sun.sun_path, sizeof sun.sun_path, "%s", sockpath);
		if ((c->fd = socket(AF_UNIX, SOCK_STREAM, 0)) == -1 ||
		    connect(c->fd, (struct sockaddr *)&sun, sizeof sun) == -1)
			die("%s: connect: %s", name, strerror(errno));
	}
	snprintf(hello, sizeof hello, "{\"type\":\"hello\",\"version\":1,"
	    "\"token\":\"%s\",\"name\":\"%s\"}", token, player);
	sendline(c, hello, strlen(hello));
}

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	char	 line[1 << 16], *cmd, *name, *rest, *out;
	size_t	 n, i;
	double	 deadline;

	if (argc != 3) {
		fprintf(stderr, "usage: ttx-client SOCKET TOKENS < SCRIPT\n");
		return 2;
	}
	sockpath = argv[1];
	tokens = argv[2];
	setvbuf(stdout, NULL, _IOLBF, 0);
	while (fgets(line, sizeof line, stdin) != NULL) {
		lineno++;
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		printf("%s\n", line);
		cmd = strtok(line, " ");
		name = strtok(NULL, " ");
		rest = strtok(NULL, "");
		if (name == NULL)
			die("a command needs a connection name");
		if (strcmp(cmd, "conn") == 0 || strcmp(cmd, "hello") == 0) {
			char *who = rest ? strtok(rest, " ") : NULL;
			char *player = who ? strtok(NULL, "") : NULL;
			if (who == NULL)
				die("conn NAME WHO [PLAYER]");
			connect_as(name, strcmp(cmd, "conn") == 0 ?
			    token_of(who) : who, player ? player : name);
		} else if (strcmp(cmd, "send") == 0) {
			sendline(find(name), rest ? rest : "",
			    rest ? strlen(rest) : 0);
		} else if (strcmp(cmd, "raw") == 0) {
			out = malloc(strlen(rest ? rest : "") + 1);
			for (i = n = 0; rest && rest[i]; i++) {
				unsigned v;
				if (rest[i] == '\\' && rest[i + 1] == 'x' &&
				    sscanf(rest + i + 2, "%2x", &v) == 1) {
					out[n++] = (char)v;
					i += 3;
				} else
					out[n++] = rest[i];
			}
			sendline(find(name), out, n);
			free(out);
		} else if (strcmp(cmd, "expect") == 0) {
			struct conn *c = find(name);
			deadline = now() + 10;
			while ((c->got == NULL || strstr(c->got, rest) ==
			    NULL) && now() < deadline)
				if (pump(c, 100) < 0)
					break;
			if (c->got == NULL || strstr(c->got, rest) == NULL)
				die("%s never received: %s", name, rest);
		} else if (strcmp(cmd, "never") == 0) {
			struct conn *c = find(name);
			while (pump(c, 200) > 0)
				;	/* until it has been quiet a moment */
			if (c->got != NULL && strstr(c->got, rest) != NULL)
				die("%s received what it must not: %s", name,
				    rest);
		} else if (strcmp(cmd, "closed") == 0) {
			struct conn *c = find(name);
			deadline = now() + 10;
			while (pump(c, 100) >= 0 && now() < deadline)
				;
			if (!c->eof)
				die("%s: the server did not close it", name);
		} else if (strcmp(cmd, "drop") == 0) {
			close(find(name)->fd);
		} else
			die("unknown command %s", cmd);
	}
	printf("script passed\n");
	return 0;
}

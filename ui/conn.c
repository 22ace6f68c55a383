/*
 * The console's connection: see conn.h.  Writes are small (one request
 * a key) and go out with a blocking send; reads never block.
 */
#include <sys/socket.h>
#include <sys/un.h>

#include <netinet/in.h>
#include <netinet/tcp.h>

#include <errno.h>
#include <fcntl.h>
#include <time.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "conn.h"
#include "proto.h"
#include "xmalloc.h"

struct pending {
	char	*key;		/* the id, as JSON */
	char	*line;
};

struct conn {
	char		*addr, *token, *name, *role;
	int		 fd;
	int		 welcomed, refused, stopped;
	int64_t		 retry_at;
	char		*in;
	size_t		 inlen, incap;
	struct pending	*pend;
	size_t		 npend;
	char		 err[256];
};

struct conn *
conn_new(const char *addr, const char *token, const char *name,
    const char *role)
{
	struct conn	*c = xcalloc(1, sizeof *c);

	c->addr = xstrdup(strncmp(addr, "unix:", 5) == 0 ? addr + 5 : addr);
	c->token = xstrdup(token);
	c->name = xstrdup(name);
	c->role = role != NULL ? xstrdup(role) : NULL;
	c->fd = -1;
	return c;
}

void
conn_free(struct conn *c)
{
	size_t	i;

	if (c == NULL)
		return;
	if (c->fd != -1)
		close(c->fd);
	for (i = 0; i < c->npend; i++) {
		free(c->pend[i].key);
		free(c->pend[i].line);
	}
	free(c->pend);
	free(c->in);
	free(c->addr);
	free(c->token);
	free(c->name);
	free(c->role);
	free(c);
}

int
conn_fd(const struct conn *c)
{
	return c->fd;
}

int
conn_connected(const struct conn *c)
{
	return c->fd != -1 && c->welcomed;
}

const char *
conn_error(const struct conn *c)
{
	return c->err;
}

int
conn_refused(const struct conn *c)
{
	return c->refused;
}

void
conn_stop(struct conn *c)
{
	c->stopped = 1;
}

/* A TCP address is tcp:HOST:PORT or HOST:PORT with no slash in it. */
static int
conn_dial(struct conn *c)
{
	struct sockaddr_un	 sun;
	struct addrinfo		 hints, *res, *ai;
	char			*host, *port;
	const char		*a = c->addr;
	int			 fd = -1, one = 1;

	if (strncmp(a, "tcp:", 4) == 0 || (strchr(a, '/') == NULL &&
	    strchr(a, ':') != NULL)) {
		host = xstrdup(strncmp(a, "tcp:", 4) == 0 ? a + 4 : a);
		port = strrchr(host, ':');
		*port++ = '\0';
		memset(&hints, 0, sizeof hints);
		hints.ai_socktype = SOCK_STREAM;
		if (getaddrinfo(host, port, &hints, &res) != 0) {
			snprintf(c->err, sizeof c->err, "%s: unknown host",
			    c->addr);
			free(host);
			return -1;
		}
		for (ai = res; ai != NULL && fd == -1; ai = ai->ai_next) {
			fd = socket(ai->ai_family, SOCK_STREAM | SOCK_CLOEXEC,
			    0);
			if (fd != -1 && connect(fd, ai->ai_addr,
			    ai->ai_addrlen) == -1) {
				snprintf(c->err, sizeof c->err, "%s: %s",
				    c->addr, strerror(errno));
				close(fd);
				fd = -1;
			}
		}
		freeaddrinfo(res);
		free(host);
		if (fd != -1)
			setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one,
			    sizeof one);
		return fd;
	}
	memset(&sun, 0, sizeof sun);
	sun.sun_family = AF_UNIX;
	if (strlen(a) >= sizeof sun.sun_path) {
		snprintf(c->err, sizeof c->err, "socket path too long");
		return -1;
	}
	strcpy(sun.sun_path, a);
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) == -1)
		return -1;
	if (connect(fd, (struct sockaddr *)&sun, sizeof sun) == -1) {
		snprintf(c->err, sizeof c->err, "%s: %s", c->addr,
		    strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

static void
conn_write(struct conn *c, const char *s, size_t n)
{
	ssize_t	w;

	while (c->fd != -1 && n > 0) {
		w = send(c->fd, s, n, MSG_NOSIGNAL);
		if (w == -1 && errno == EINTR)
			continue;
		if (w == -1 && errno == EAGAIN) {
			/* the server reads every pass: wait for room */
			struct timespec ts = { 0, 1000000 };
			nanosleep(&ts, NULL);
			continue;
		}
		if (w <= 0)
			return;		/* lost: conn_read finds out */
		s += w;
		n -= (size_t)w;
	}
}

int
conn_tick(struct conn *c, int64_t now)
{
	cJSON	*h;
	char	*line;
	size_t	 len;
	int	 fl;

	if (c->fd != -1 || c->refused || c->stopped)
		return -1;
	if (now < c->retry_at)
		return (int)(c->retry_at - now);
	if ((c->fd = conn_dial(c)) == -1) {
		c->retry_at = now + CONN_RETRY_MS;
		return CONN_RETRY_MS;
	}
	if ((fl = fcntl(c->fd, F_GETFL)) != -1)
		fcntl(c->fd, F_SETFL, fl | O_NONBLOCK);
	h = cJSON_CreateObject();
	cJSON_AddStringToObject(h, "type", "hello");
	cJSON_AddNumberToObject(h, "version", PROTO_VERSION);
	cJSON_AddStringToObject(h, "token", c->token);
	cJSON_AddStringToObject(h, "name", c->name);
	if (c->role != NULL)
		cJSON_AddStringToObject(h, "role", c->role);
	line = proto_encode(h, &len);
	cJSON_Delete(h);
	conn_write(c, line, len);
	free(line);
	c->err[0] = '\0';
	return -1;
}

static void
conn_lost(struct conn *c, int64_t now)
{
	if (c->fd != -1)
		close(c->fd);
	c->fd = -1;
	c->welcomed = 0;
	c->inlen = 0;
	c->retry_at = now + CONN_RETRY_MS;
	if (c->err[0] == '\0')
		snprintf(c->err, sizeof c->err, "connection lost");
}

/* A reply: forget the request it answers. */
static void
conn_answered(struct conn *c, const cJSON *re)
{
	char	*key = cJSON_PrintUnformatted(re);
	size_t	 i;

	for (i = 0; key != NULL && i < c->npend; i++) {
		if (strcmp(c->pend[i].key, key) != 0)
			continue;
		free(c->pend[i].key);
		free(c->pend[i].line);
		c->pend[i] = c->pend[--c->npend];
		break;
	}
	free(key);
}

static void
conn_message(struct conn *c, const cJSON *m)
{
	const cJSON	*type = cJSON_GetObjectItemCaseSensitive(m, "type");
	const cJSON	*re = cJSON_GetObjectItemCaseSensitive(m, "re");
	const cJSON	*code, *msg;
	size_t		 i;

	if (!cJSON_IsString(type))
		return;
	if (strcmp(type->valuestring, "welcome") == 0) {
		c->welcomed = 1;
		for (i = 0; i < c->npend; i++)	/* unsure: again */
			conn_write(c, c->pend[i].line,
			    strlen(c->pend[i].line));
		return;
	}
	if (strcmp(type->valuestring, "error") == 0 && !c->welcomed) {
		code = cJSON_GetObjectItemCaseSensitive(m, "code");
		msg = cJSON_GetObjectItemCaseSensitive(m, "message");
		snprintf(c->err, sizeof c->err, "refused: %s",
		    cJSON_IsString(msg) ? msg->valuestring : "?");
		/* a wrong token stays wrong; too many attempts pass */
		if (cJSON_IsString(code) && strcmp(code->valuestring,
		    "auth") == 0 && (!cJSON_IsString(msg) ||
		    strstr(msg->valuestring, "wait") == NULL))
			c->refused = 1;
		return;
	}
	if (re != NULL && !cJSON_IsNull(re))
		conn_answered(c, re);
}

int
conn_read(struct conn *c, int64_t now, void (*fn)(const cJSON *, void *),
    void *arg)
{
	ssize_t	 n;
	char	*p, *nl;
	cJSON	*m;
	int	 gone = 0;

	if (c->fd == -1)
		return -1;
	for (;;) {
		if (c->incap - c->inlen < 65536) {
			c->incap = c->incap ? c->incap * 2 : 131072;
			c->in = xreallocarray(c->in, c->incap, 1);
		}
		n = recv(c->fd, c->in + c->inlen, c->incap - c->inlen - 1, 0);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1 && errno == EAGAIN)
			break;
		if (n <= 0) {		/* what came before the close counts */
			gone = 1;
			break;
		}
		c->inlen += (size_t)n;
	}
	p = c->in;
	while ((nl = memchr(p, '\n', c->inlen - (size_t)(p - c->in))) !=
	    NULL) {
		if ((m = cJSON_ParseWithLength(p, (size_t)(nl - p))) != NULL) {
			conn_message(c, m);
			fn(m, arg);
			cJSON_Delete(m);
		}
		p = nl + 1;
	}
	c->inlen -= (size_t)(p - c->in);
	memmove(c->in, p, c->inlen);
	if (gone) {
		conn_lost(c, now);
		return -1;
	}
	return 0;
}

void
conn_send(struct conn *c, cJSON *req)
{
	const cJSON	*id = cJSON_GetObjectItemCaseSensitive(req, "id");
	char		*line;
	size_t		 len;

	line = proto_encode(req, &len);
	if (id != NULL) {
		c->pend = xreallocarray(c->pend, c->npend + 1,
		    sizeof *c->pend);
		c->pend[c->npend].key = cJSON_PrintUnformatted(id);
		c->pend[c->npend].line = xstrdup(line);
		c->npend++;
	}
	if (c->welcomed)
		conn_write(c, line, len);
	free(line);
	cJSON_Delete(req);
}

/*
 * The console's side of the protocol: one connection to `ttxsim serve',
 * made again on its own when it is lost.  Lines in, requests out; a
 * request with no reply yet is sent again after a reconnect, with the
 * same id, so the server answers it without applying it twice.  No
 * curses here.
 */
#ifndef TTX_CONN_H
#define TTX_CONN_H

#include <stddef.h>
#include <stdint.h>

#include <cJSON.h>

#define CONN_RETRY_MS	1000

struct conn;

/* addr: a Unix socket's path ("unix:" optional) or tcp:HOST:PORT or
 * HOST:PORT.  Nothing is connected until conn_poll_fd/conn_tick. */
struct conn	*conn_new(const char *addr, const char *token,
		     const char *name, const char *role);
void		 conn_free(struct conn *c);
/* The fd to poll for input, or -1 while not connected. */
int		 conn_fd(const struct conn *c);
/* Connect if it is time to; ms until the next attempt (or -1). */
int		 conn_tick(struct conn *c, int64_t now);
/* Read what is there; each whole message is passed to fn.  Returns -1
 * when the connection was lost (it is made again later). */
int		 conn_read(struct conn *c, int64_t now,
		     void (*fn)(const cJSON *, void *), void *arg);
/* Send a request (taken); kept until its reply if it has an id. */
void		 conn_send(struct conn *c, cJSON *req);
int		 conn_connected(const struct conn *c);
/* The last reason the connection failed or was refused, or "". */
const char	*conn_error(const struct conn *c);
/* The server refused the token: do not try again. */
int		 conn_refused(const struct conn *c);
/* Stop reconnecting (the exercise is over). */
void		 conn_stop(struct conn *c);

#endif

/*
 * THE wire protocol between `ttxsim serve' and its consoles: newline-
 * delimited JSON, version PROTO_VERSION.  Every request type, who may send
 * it, and every field it takes are listed once, in the tables below;
 * docs/protocol.md describes them.  This header is the one the consoles
 * and the engine share.
 */
#ifndef TTX_PROTO_H
#define TTX_PROTO_H

#include <stddef.h>

#include <cJSON.h>

#include "error.h"

#define PROTO_VERSION		1
#define PROTO_LINE_HELLO	1024	/* bytes, before welcome */
#define PROTO_LINE_MAX		65536	/* bytes, after welcome */
#define PROTO_TEXT_MAX		16384	/* text, body */
#define PROTO_SHORT_MAX		256	/* titles, names, ids, tokens */
#define PROTO_ID_MAX		64	/* a request id string */
#define PROTO_LIST_MAX		64	/* items in a list field */
#define PROTO_BAD_LINES_MAX	10	/* bad lines in a row: disconnect */

/* X(enum, stable code) */
#define PROTO_ERRORS(X)				\
	X(PE_TOO_LONG, "too-long")		\
	X(PE_BAD_UTF8, "bad-utf8")		\
	X(PE_BAD_JSON, "bad-json")		\
	X(PE_UNKNOWN_TYPE, "unknown-type")	\
	X(PE_BAD_FIELD, "bad-field")		\
	X(PE_AUTH, "auth")			\
	X(PE_FORBIDDEN, "forbidden")		\
	X(PE_NOT_FOUND, "not-found")		\
	X(PE_STATE, "state")			\
	X(PE_TLP_REFUSED, "tlp-refused")	\
	X(PE_LIMIT, "limit")

enum proto_error {
#define X(e, s) e,
	PROTO_ERRORS(X)
#undef X
	PE__COUNT
};

/* Who a client is, from its token; a request lists who may send it. */
#define PK_PLAYER	1
#define PK_CONTROL	2
#define PK_OBSERVER	4
#define PK_ANY		(PK_PLAYER | PK_CONTROL | PK_OBSERVER)

/* X(enum, type name, senders) */
#define PROTO_REQUESTS(X)					\
	X(PR_HELLO, "hello", PK_ANY)				\
	X(PR_ACK, "ack", PK_PLAYER)				\
	X(PR_DECIDE, "decide", PK_PLAYER)			\
	X(PR_NOTE, "note", PK_PLAYER)				\
	X(PR_SHARE, "share", PK_PLAYER)				\
	X(PR_CHAT, "chat", PK_PLAYER | PK_CONTROL)		\
	X(PR_REQUEST_INFO, "request-info", PK_PLAYER)		\
	X(PR_START, "start", PK_CONTROL)			\
	X(PR_PAUSE, "pause", PK_CONTROL)			\
	X(PR_RESUME, "resume", PK_CONTROL)			\
	X(PR_SPEED, "speed", PK_CONTROL)			\
	X(PR_JUMP, "jump", PK_CONTROL)				\
	X(PR_FIRE, "fire", PK_CONTROL)				\
	X(PR_ADHOC, "adhoc", PK_CONTROL)			\
	X(PR_END, "end", PK_CONTROL)				\
	X(PR_OBSERVE, "observe", PK_CONTROL | PK_OBSERVER)	\
	X(PR_RATE, "rate", PK_CONTROL | PK_OBSERVER)		\
	X(PR_HOTWASH, "hotwash", PK_PLAYER)			\
	X(PR_PING, "ping", PK_ANY)

enum proto_request_type {
#define X(e, s, k) e,
	PROTO_REQUESTS(X)
#undef X
	PR__COUNT
};

/* What a field must hold. */
enum proto_field_kind {
	PF_ID,		/* a string of 1..PROTO_ID_MAX bytes, or an integer
			 * >= 0 */
	PF_SHORT,	/* a string of 1..PROTO_SHORT_MAX bytes */
	PF_TEXT,	/* a string of 1..PROTO_TEXT_MAX bytes */
	PF_INT,		/* an integer >= 0 (a JSON number with no fraction) */
	PF_POSITIVE,	/* a number > 0 */
	PF_SHORTS,	/* an array of 1..PROTO_LIST_MAX PF_SHORT strings */
	PF_TARGET,	/* an object with exactly one of "role", "org",
			 * "team" (PF_SHORT) or "control" (true) */
	PF_TLP,		/* "clear", "green", "amber", "amber+strict", "red" */
	PF_RATING,	/* "P", "S", "M" or "U" */
};

/* X(request, field name, kind, required) */
#define PROTO_FIELDS(X)						\
	X(PR_HELLO, "version", PF_INT, 1)			\
	X(PR_HELLO, "token", PF_SHORT, 1)			\
	X(PR_HELLO, "name", PF_SHORT, 1)			\
	X(PR_HELLO, "role", PF_SHORT, 0)			\
	X(PR_ACK, "id", PF_ID, 1)				\
	X(PR_ACK, "delivery", PF_INT, 1)			\
	X(PR_DECIDE, "id", PF_ID, 1)				\
	X(PR_DECIDE, "delivery", PF_INT, 1)			\
	X(PR_DECIDE, "choice", PF_SHORT, 1)			\
	X(PR_NOTE, "id", PF_ID, 1)				\
	X(PR_NOTE, "text", PF_TEXT, 1)				\
	X(PR_NOTE, "delivery", PF_INT, 0)			\
	X(PR_SHARE, "id", PF_ID, 1)				\
	X(PR_SHARE, "to", PF_SHORTS, 1)				\
	X(PR_SHARE, "tlp", PF_TLP, 1)				\
	X(PR_SHARE, "title", PF_SHORT, 1)			\
	X(PR_SHARE, "text", PF_TEXT, 1)				\
	X(PR_SHARE, "ref", PF_INT, 0)				\
	X(PR_SHARE, "delivery", PF_INT, 0)			\
	X(PR_CHAT, "id", PF_ID, 1)				\
	X(PR_CHAT, "to", PF_TARGET, 1)				\
	X(PR_CHAT, "text", PF_TEXT, 1)				\
	X(PR_REQUEST_INFO, "id", PF_ID, 1)			\
	X(PR_REQUEST_INFO, "text", PF_TEXT, 1)			\
	X(PR_START, "id", PF_ID, 1)				\
	X(PR_PAUSE, "id", PF_ID, 1)				\
	X(PR_RESUME, "id", PF_ID, 1)				\
	X(PR_SPEED, "id", PF_ID, 1)				\
	X(PR_SPEED, "x", PF_POSITIVE, 1)			\
	X(PR_JUMP, "id", PF_ID, 1)				\
	X(PR_FIRE, "id", PF_ID, 1)				\
	X(PR_FIRE, "inject", PF_SHORT, 1)			\
	X(PR_ADHOC, "id", PF_ID, 1)				\
	X(PR_ADHOC, "to", PF_SHORTS, 1)				\
	X(PR_ADHOC, "title", PF_SHORT, 1)			\
	X(PR_ADHOC, "body", PF_TEXT, 1)				\
	X(PR_ADHOC, "tlp", PF_TLP, 1)				\
	X(PR_END, "id", PF_ID, 1)				\
	X(PR_END, "summary", PF_TEXT, 0)			\
	X(PR_OBSERVE, "id", PF_ID, 1)				\
	X(PR_OBSERVE, "text", PF_TEXT, 1)			\
	X(PR_OBSERVE, "objective", PF_SHORT, 0)			\
	X(PR_OBSERVE, "inject", PF_SHORT, 0)			\
	X(PR_RATE, "id", PF_ID, 1)				\
	X(PR_RATE, "objective", PF_SHORT, 1)			\
	X(PR_RATE, "rating", PF_RATING, 1)			\
	X(PR_HOTWASH, "id", PF_ID, 1)				\
	X(PR_HOTWASH, "question", PF_INT, 1)			\
	X(PR_HOTWASH, "text", PF_TEXT, 0)	/* none: passed over */			\
	X(PR_PING, "id", PF_ID, 1)

/* A decoded request.  json is the parsed line (owned); id points into it
 * (NULL if absent). */
struct proto_request {
	enum proto_request_type	 type;
	cJSON			*json;
	const cJSON		*id;
};

/*
 * Decode one line: exactly len bytes, without its newline, not NUL-
 * terminated (as a server receives it).  limit is the line limit in force.
 * 0 on success.  On failure -1, *code the protocol error and e->msg a
 * message naming the problem (the field, for bad-field); r->json and r->id
 * may still be set if the line parsed, so the error reply can carry the
 * request's id.  Always call proto_request_free.
 */
int		 proto_decode(const char *line, size_t len, size_t limit,
		     struct proto_request *r, enum proto_error *code,
		     struct error *e);
void		 proto_request_free(struct proto_request *r);

/* 1 if a client of kind (PK_*) may send the request type. */
int		 proto_allowed(enum proto_request_type type, int kind);
const char	*proto_request_name(enum proto_request_type type);
const char	*proto_error_name(enum proto_error code);
/* The length of the valid UTF-8 sequence at s (at most len bytes, len >
 * 0), or 0: no overlong forms, no surrogates, nothing past U+10FFFF,
 * nothing cut short. */
size_t		 proto_utf8_seq(const unsigned char *s, size_t len);
/* 1 if s[0..len) is valid UTF-8 (no overlongs, surrogates or values past
 * U+10FFFF). */
int		 proto_utf8_valid(const char *s, size_t len);
/* NULL if s[0..*len) is valid UTF-8; else a copy (the caller frees it)
 * with each invalid byte replaced by U+FFFD, its length in *len. */
char		*proto_utf8_fix(const char *s, size_t *len);

/* Messages out.  Each returns a new object the caller owns. */
cJSON		*proto_ok(const cJSON *re);
cJSON		*proto_error_reply(const cJSON *re, enum proto_error code,
		     const char *message);
/* The message as one line, '\n' included; *len is set; the caller frees
 * with free(). */
char		*proto_encode(const cJSON *msg, size_t *len);

#endif

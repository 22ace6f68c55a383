/*
 * Errors that cross a module boundary: a stable code (also the protocol's
 * error code) and a fixed-size message, so reporting an error never
 * allocates.  Bugs are asserts, out-of-memory aborts (see xmalloc.h).
 */
#ifndef TTX_ERROR_H
#define TTX_ERROR_H

#include <stddef.h>

/* X(enum name, stable code string) */
#define ERROR_CODES(X)						\
	X(ERR_NONE, "ok")					\
	X(ERR_USAGE, "usage")					\
	X(ERR_IO, "io")						\
	X(ERR_SCENARIO, "scenario")				\
	X(ERR_BUDGET, "budget")					\
	X(ERR_NOT_FOUND, "not-found")				\
	X(ERR_STATE, "state")					\
	X(ERR_INVALID, "invalid")				\
	X(ERR_TLP_REFUSED, "tlp-refused")

enum error_code {
#define X(e, s) e,
	ERROR_CODES(X)
#undef X
	ERR__COUNT
};

#define ERROR_MSG_MAX 1024

struct error {
	enum error_code	code;
	char		msg[ERROR_MSG_MAX];
};

/* Set *e (if e is not NULL) and return -1, so callers can write
 * "return error_set(e, ...);". */
int		 error_set(struct error *e, enum error_code code,
		     const char *fmt, ...)
		     __attribute__((format(printf, 3, 4)));
void		 error_clear(struct error *e);
/* The stable name of a code, e.g. "scenario". */
const char	*error_code_name(enum error_code code);

#endif

/*
 * Error values: see error.h.
 */
#include <stdarg.h>
#include <stdio.h>

#include "error.h"

static const char *error_names[] = {
#define X(e, s) s,
	ERROR_CODES(X)
#undef X
};
_Static_assert(sizeof error_names / sizeof error_names[0] == ERR__COUNT,
    "one name per error code");

int
error_set(struct error *e, enum error_code code, const char *fmt, ...)
{
	va_list	ap;

	if (e == NULL)
		return -1;
	e->code = code;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	return -1;
}

void
error_clear(struct error *e)
{
	if (e != NULL) {
		e->code = ERR_NONE;
		e->msg[0] = '\0';
	}
}

const char *
error_code_name(enum error_code code)
{
	if ((unsigned)code >= ERR__COUNT)
		return "unknown";
	return error_names[code];
}

/*
 * The console's loop: poll the terminal and every connection together
 * (never busy: the timeout is the next clock tick or reconnect), feed
 * the views, draw.  Several sessions make a solo console: one terminal
 * plays every role, switching with a key.
 */
#ifndef TTX_CONSOLE_H
#define TTX_CONSOLE_H

#include <stddef.h>

#include "conn.h"
#include "view.h"

struct console_session {
	struct conn	*conn;
	struct view	 view;
	const char	*label;		/* "control", a role id */
};

/* Run until the user quits (or a signal).  The terminal is restored on
 * every way out, crashes included.  0, or 1 if a token was refused. */
int	console_run(struct console_session *s, size_t n);

#endif

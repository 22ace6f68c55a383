/*
 * Drawing a view on the terminal: the only code that includes curses.
 * Text from the exercise is never written raw: control characters and
 * bytes that are not UTF-8 are shown as U+FFFD, so a message cannot move
 * the cursor, change colours or retitle the terminal.
 */
#ifndef TTX_DRAW_H
#define TTX_DRAW_H

#include <stdint.h>

struct view;

/* Start curses (after setlocale); colours unless NO_COLOR is set. */
void	draw_init(void);
void	draw_end(void);
/* Draw everything.  conn_state is "connected", "reconnecting: ...";
 * switch_hint names the other roles in solo play, or NULL. */
void	draw_view(struct view *v, int64_t wall, const char *conn_state,
	    const char *switch_hint);
/* Read one key, mapped to the view's key codes; -1 if none is waiting.
 * Text arrives as UTF-8 bytes, one per call. */
int	draw_key(void);

#endif

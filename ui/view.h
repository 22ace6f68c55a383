/*
 * The console's model: what one connection (a player, the facilitator or
 * an observer) knows, built only from the server's messages, and what a
 * key does to it.  Plain data, no curses and no sockets, so it is tested
 * without a terminal; draw.c renders it and conn.c feeds it.
 */
#ifndef TTX_VIEW_H
#define TTX_VIEW_H

#include <stddef.h>
#include <stdint.h>

#include <cJSON.h>

enum view_kind { VK_PLAYER, VK_CONTROL, VK_OBSERVER };

/* What an inbox item is. */
enum vitem_kind { VI_INJECT, VI_SHARE, VI_CHAT, VI_NOTE, VI_INFO,
    VI_ADHOC };

/* A deadline's state, for its colour. */
enum vdeadline { VD_NONE, VD_OPEN, VD_URGENT, VD_OVERDUE, VD_DONE };

#define VIEW_URGENT_MS	(10 * 60 * 1000)	/* scenario time left */

struct vchoice {
	char		*id, *label;
};

struct vitem {
	enum vitem_kind	 kind;
	int64_t		 t;		/* scenario ms */
	char		*from, *title, *body, *tlp;
	int		 unread;
	/* injects */
	char		*inject;
	int		 delivery;	/* -1 for messages */
	int64_t		 due;		/* ms, or -1 */
	struct vchoice	*choices;
	size_t		 nchoices;
	int		 acked, timed_out;
	char		*acked_by;	/* staff: roles that did, " a b " */
	char		*decided;	/* the choice taken, by anyone */
	/* shares */
	int		 share;		/* its number, or -1 */
	char		*to;		/* recipients, " a b " */
};

struct vline {				/* a timeline entry (staff) */
	int64_t		 t;
	char		*text;
};

struct vrole {
	char		*id, *name, *org;
	int		 public;
	int		 connected;	/* staff: from the roster */
	char		*players;	/* their names, joined */
};

struct vorg {
	char		*id, *name, *team;
};

struct vinject {			/* staff: the script's injects */
	char		*id, *title;
	char		*notes;		/* for controllers, or NULL */
	int		 held, contingency, fired;
	int64_t		 at;		/* ms, or -1 when held */
};

struct vphase {				/* staff: when each begins */
	char		*id;
	int64_t		 at;		/* ms */
};

struct vobjective {
	char		*id, *text, *verdict;
};

/* An open prompt: a list to pick from, or text to edit. */
enum vprompt_kind { VP_NONE, VP_PICK, VP_MULTI, VP_TEXT, VP_CONFIRM };

struct vprompt {
	enum vprompt_kind kind;
	int		 action;	/* VA_* that opened it */
	int		 step;
	char		 title[512];
	char		**opts;		/* VP_PICK, VP_MULTI: labels */
	char		**keys;		/* and what each stands for */
	int		*marked;	/* VP_MULTI */
	size_t		 nopts, sel;
	char		*text;		/* VP_TEXT: UTF-8 */
	size_t		 len, cap;
	size_t		 cur;		/* the cursor: a byte offset */
	int		 multiline;
};

struct view {
	enum view_kind	 kind;
	char		*role, *name;		/* role: players only */
	char		*title, *summary;
	int64_t		 start;			/* calendar ms of T+0, or -1 */
	int64_t		 duration;		/* ms, or -1 */
	struct vrole	*roles;
	size_t		 nroles;
	struct vorg	*orgs;
	size_t		 norgs;
	struct vinject	*injects;
	size_t		 ninjects;
	struct vphase	*phases;
	size_t		 nphases;
	struct vobjective *objectives;
	size_t		 nobjectives;
	int		 control_n, observers_n;

	/* the clock as last told, and when (the console's wall ms) */
	int64_t		 clock_t, clock_wall;
	double		 speed;
	char		 state[16];		/* waiting running paused ended */

	struct vitem	*items;			/* newest last */
	size_t		 nitems, citems;
	size_t		 sel;			/* selected item */
	int		 scroll;		/* its text: rows scrolled */
	int		 page;			/* rows a page scrolls (drawn) */
	int		 pane;			/* staff: 0 timeline, 1 inbox */
	size_t		 tl_back;		/* timeline: entries back from
						 * the newest; 0 follows it */
	struct vline	*lines;
	size_t		 nlines, clines;

	int		 connected;
	int		 ended;
	char		*report;
	char		*join;			/* how players join, or NULL */
	char		**hotwash;		/* the questions, after the end */
	size_t		 nhotwash, hw_next;
	char		 status[256];		/* the last result or error */
	int		 help;			/* the ? overlay is open */
	struct vprompt	 prompt;
	cJSON		*pending;		/* a request being built */
	int		 next_id;		/* request ids */
	int64_t		 last_seq;		/* of the records seen */
	char		*current;		/* the last inject delivered */
};

/* Actions a key asks for; VA_REQUEST means view_key made a request. */
enum view_action { VA_NONE, VA_REDRAW, VA_QUIT, VA_REQUEST, VA_SWITCH,
    VA_ACK, VA_DECIDE, VA_NOTE, VA_SHARE, VA_CHAT, VA_INFO, VA_START,
    VA_JUMP, VA_FIRE, VA_ADHOC, VA_OBSERVE, VA_RATE, VA_END, VA_SPEED,
    VA_HOTWASH };

void		 view_init(struct view *v);
void		 view_free(struct view *v);
/* Take one message from the server (any type).  wall is the console's
 * monotonic time in ms, for the clock between the server's ticks. */
void		 view_apply(struct view *v, const cJSON *msg, int64_t wall);
/* Scenario time now, as the console should show it. */
int64_t		 view_now(const struct view *v, int64_t wall);
enum vdeadline	 view_deadline(const struct vitem *it, int64_t now);
size_t		 view_unread(const struct view *v);
/* Injects delivered to role that it has not acknowledged (staff). */
size_t		 view_waiting(const struct view *v, const char *role);
/* Deliveries to role that are past their deadline with no decision. */
size_t		 view_overdue(const struct view *v, const char *role,
		     int64_t now);
/* The key a player or the facilitator pressed (a curses key code or a
 * character, UTF-8 bytes one by one for text).  A request to send, if
 * the key made one, is put in *req (the caller sends and frees it). */
enum view_action view_key(struct view *v, int key, int64_t wall,
		     cJSON **req);
/* The key-help line for the current state. */
const char	*view_keyhelp(const struct view *v);
/* "T+1d 02:30" and, with a start date, "Sat 14 Mar 10:30Z" */
void		 view_clock_text(const struct view *v, int64_t now, char *buf,
		     size_t len);
const char	*view_kind_name(enum vitem_kind k);

#define VIEW_KEY_UP	0x1001
#define VIEW_KEY_DOWN	0x1002
#define VIEW_KEY_ENTER	0x1003
#define VIEW_KEY_ESC	0x1004
#define VIEW_KEY_BS	0x1005
#define VIEW_KEY_TAB	0x1006
#define VIEW_KEY_SEND	0x1007	/* ctrl-d: send the text */
#define VIEW_KEY_PGUP	0x1008
#define VIEW_KEY_PGDN	0x1009
#define VIEW_KEY_END	0x100a
#define VIEW_KEY_LEFT	0x100b
#define VIEW_KEY_RIGHT	0x100c
#define VIEW_KEY_HOME	0x100d
#define VIEW_KEY_DEL	0x100e

#endif

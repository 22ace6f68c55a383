/*
 * Drawing a view: see draw.h.  Layout, top to bottom: a header (exercise,
 * who, scenario clock, run state, connection), the body, a status line
 * and the key-help line.  A player's body is the inbox beside a reading
 * pane; staff see the timeline beside the roster and objectives, or (tab)
 * the inbox.  Every size from 20x6 up draws; below that, a one-line note.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "draw.h"
#include "view.h"

enum { C_RED = 1, C_AMBER, C_GREEN, C_CLEAR, C_URGENT, C_HEAD, C_DIM };

static int	colours;
static unsigned char	keybuf[8];
static int	keylen, keypos;

void
draw_init(void)
{
	initscr();
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	colours = has_colors() && getenv("NO_COLOR") == NULL;
	if (colours) {
		start_color();
		use_default_colors();
		init_pair(C_RED, COLOR_RED, -1);
		init_pair(C_AMBER, COLOR_YELLOW, -1);
		init_pair(C_GREEN, COLOR_GREEN, -1);
		init_pair(C_CLEAR, -1, -1);
		init_pair(C_URGENT, COLOR_WHITE, COLOR_RED);
		init_pair(C_HEAD, COLOR_WHITE, COLOR_BLUE);
		init_pair(C_DIM, COLOR_CYAN, -1);
	}
}

void
draw_end(void)
{
	endwin();
}

static attr_t
colour(int pair, attr_t mono)
{
	return colours ? (attr_t)COLOR_PAIR(pair) : mono;
}

static attr_t
tlp_attr(const char *tlp)
{
	if (tlp == NULL)
		return A_NORMAL;
	if (strcmp(tlp, "red") == 0)
		return colour(C_RED, A_BOLD) | A_BOLD;
	if (strncmp(tlp, "amber", 5) == 0)
		return colour(C_AMBER, A_BOLD) | A_BOLD;
	if (strcmp(tlp, "green") == 0)
		return colour(C_GREEN, A_NORMAL);
	return colour(C_CLEAR, A_NORMAL);
}

/* A TLP label as it is written, "TLP:AMBER+STRICT", with prefix. */
static const char *
tlp_label(const char *tlp, char *buf, size_t len, const char *prefix)
{
	char	*c;

	snprintf(buf, len, "%s%s", prefix, tlp);
	for (c = buf; *c; c++)
		*c = (char)(*c >= 'a' && *c <= 'z' ? *c - 32 : *c);
	return buf;
}

/*
 * Put UTF-8 text at (y, x), at most w columns, safely: each character is
 * decoded on its own; anything that is not a printable character is
 * shown as U+FFFD (a newline as a space).  Returns the columns used.
 */
static int
put(int y, int x, int w, const char *s, attr_t a)
{
	mbstate_t	 st;
	wchar_t		 wc;
	size_t		 n;
	int		 used = 0, cw;
	cchar_t		 cc;

	if (s == NULL || w <= 0)
		return 0;
	memset(&st, 0, sizeof st);
	move(y, x);
	while (*s != '\0' && used < w) {
		n = mbrtowc(&wc, s, MB_CUR_MAX, &st);
		if (n == (size_t)-1 || n == (size_t)-2) {
			memset(&st, 0, sizeof st);
			wc = 0xfffd;
			n = 1;
		}
		if (wc == L'\n' || wc == L'\t')
			wc = L' ';
		if (wc < 0x20 || (wc >= 0x7f && wc < 0xa0) ||
		    (cw = wcwidth(wc)) < 0) {
			wc = 0xfffd;
			cw = 1;
		}
		if (used + cw > w)
			break;
		setcchar(&cc, (wchar_t[]){ wc, 0 }, a, 0, NULL);
		add_wch(&cc);
		used += cw;
		s += n;
	}
	return used;
}

/* Fill the rest of row y from column x to x + w with spaces in a. */
static void
pad(int y, int x, int w, attr_t a)
{
	attrset(a);
	mvhline(y, x, ' ', w);
	attrset(A_NORMAL);
}

/*
 * Word-wrap UTF-8 text into rows [y0, y1) at columns [x, x + w); newlines
 * break lines.  Returns the next free row.
 */
static int
wrap(int y, int y1, int x, int w, const char *s, attr_t a)
{
	const char	*p, *brk;
	mbstate_t	 st;
	wchar_t		 wc;
	size_t		 n;
	int		 cols, cw;
	char		 line[1024];

	while (s != NULL && *s != '\0' && y < y1) {
		memset(&st, 0, sizeof st);
		cols = 0;
		brk = NULL;
		for (p = s; *p != '\0' && *p != '\n'; p += n) {
			n = mbrtowc(&wc, p, MB_CUR_MAX, &st);
			if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
				memset(&st, 0, sizeof st);
				n = 1;
				cw = 1;
			} else if ((cw = wcwidth(wc)) < 0)
				cw = 1;
			if (cols + cw > w)
				break;
			if (wc == L' ')
				brk = p;
			cols += cw;
		}
		if (*p != '\0' && *p != '\n' && brk != NULL && brk > s)
			p = brk;
		n = (size_t)(p - s) < sizeof line - 1 ? (size_t)(p - s) :
		    sizeof line - 1;
		memcpy(line, s, n);
		line[n] = '\0';
		put(y++, x, w, line, a);
		s = p;
		if (*s == '\n' || *s == ' ')
			s++;
		if (p == s && *s != '\0' && n == 0)
			s++;		/* a character wider than the pane */
	}
	return y;
}

/*
 * Scenario text is written wrapped at the author's width: join its lines
 * again, so it fills the pane, but keep blank lines (paragraphs) and the
 * lines of a list ("- ", "* ", "1. ").  Returns an allocated copy.
 */
static char *
reflow(const char *s)
{
	char	*out, *o;
	const char *n;

	if (s == NULL)
		return NULL;
	out = o = malloc(strlen(s) + 1);
	if (out == NULL)
		return NULL;
	for (; *s != '\0'; s++) {
		if (*s != '\n') {
			*o++ = *s;
			continue;
		}
		n = s + 1;
		if (*n == '\n' || *n == '-' || *n == '*' || *n == ' ' ||
		    (*n >= '0' && *n <= '9' && n[1] == '.') || o == out ||
		    o[-1] == '\n')
			*o++ = '\n';
		else if (o[-1] != ' ')
			*o++ = ' ';
	}
	*o = '\0';
	return out;
}

static void
clock_hm(int64_t ms, char *buf, size_t len)
{
	int64_t	m = ms / 60000;

	if (m >= 24 * 60)
		snprintf(buf, len, "%lldd%02lld:%02lld", (long long)(m /
		    1440), (long long)(m / 60 % 24), (long long)(m % 60));
	else
		snprintf(buf, len, "%02lld:%02lld", (long long)(m / 60),
		    (long long)(m % 60));
}

/* Time left: "45m", "1h05m", "2d03h". */
static void
left_text(int64_t ms, char *buf, size_t len)
{
	int64_t	m = (ms + 59999) / 60000;

	if (m >= 48 * 60)
		snprintf(buf, len, "%lldd%02lldh", (long long)(m / 1440),
		    (long long)(m / 60 % 24));
	else if (m >= 60)
		snprintf(buf, len, "%lldh%02lldm", (long long)(m / 60),
		    (long long)(m % 60));
	else
		snprintf(buf, len, "%lldm", (long long)m);
}

static void
header(const struct view *v, int64_t now, const char *conn_state)
{
	char	buf[512], clk[96], who[160];
	attr_t	a = colour(C_HEAD, A_REVERSE) | A_BOLD;

	char	*cal;

	view_clock_text(v, now, clk, sizeof clk);
	if (v->kind == VK_PLAYER)
		snprintf(who, sizeof who, "%s (%s)", v->role ? v->role : "?",
		    v->name ? v->name : "");
	else
		snprintf(who, sizeof who, "%s (%s)", v->kind == VK_CONTROL ?
		    "CONTROL" : "OBSERVER", v->name ? v->name : "");
	/* what matters under pressure stays: drop the title, then the
	 * calendar date, before the clock, the run state or the link */
	snprintf(buf, sizeof buf, " %s | %s | %s | %s x%g | %s ",
	    v->title ? v->title : "ttxsim", who, clk, v->state, v->speed,
	    conn_state);
	if ((int)strlen(buf) > COLS) {
		snprintf(buf, sizeof buf, " %s | %s | %s x%g | %s ", who, clk,
		    v->state, v->speed, conn_state);
		if ((int)strlen(buf) > COLS && (cal = strstr(clk, "  ")) !=
		    NULL) {
			*cal = '\0';
			snprintf(buf, sizeof buf, " %s | %s | %s x%g | %s ",
			    who, clk, v->state, v->speed, conn_state);
		}
	}
	pad(0, 0, COLS, a);
	put(0, 0, COLS, buf, a);
}

static void
deadline_text(const struct vitem *it, int64_t now, char *buf, size_t len,
    attr_t *a)
{
	char	hm[32];

	*a = A_NORMAL;
	buf[0] = '\0';
	switch (view_deadline(it, now)) {
	case VD_OPEN:
	case VD_URGENT:
		left_text(it->due - now, hm, sizeof hm);
		snprintf(buf, len, "%s%s left", it->acked ? "acked, " : "",
		    hm);
		if (view_deadline(it, now) == VD_URGENT)
			*a = colour(C_URGENT, A_REVERSE) | A_BOLD;
		break;
	case VD_OVERDUE:
		snprintf(buf, len, "OVERDUE");
		*a = colour(C_URGENT, A_REVERSE) | A_BOLD;
		break;
	case VD_DONE:
		snprintf(buf, len, "decided");
		break;
	default:
		if (it->kind == VI_INJECT && it->acked)
			snprintf(buf, len, "acked");
		break;
	}
}

static void
inbox(const struct view *v, int64_t now, int y0, int y1, int w)
{
	int	rows = y1 - y0, y, x;
	size_t	first = 0, i;
	char	t[32], tl[32], dl[48];
	attr_t	a, da;

	if (rows <= 0)
		return;
	if (v->sel >= (size_t)rows)
		first = v->sel - (size_t)rows + 1;
	for (i = first, y = y0; i < v->nitems && y < y1; i++, y++) {
		const struct vitem *it = &v->items[i];
		a = i == v->sel ? A_REVERSE : A_NORMAL;
		pad(y, 0, w, a);
		clock_hm(it->t, t, sizeof t);
		x = put(y, 0, w, it->unread ? "*" : " ", a | A_BOLD);
		x += put(y, x, w - x, t, a);
		x += put(y, x, w - x, " ", a);
		if (it->tlp != NULL) {
			x += put(y, x, w - x, tlp_label(it->tlp, tl, sizeof tl,
			    ""), a | tlp_attr(it->tlp));
			x += put(y, x, w - x, " ", a);
		}
		deadline_text(it, now, dl, sizeof dl, &da);
		x += put(y, x, w - x - (int)strlen(dl) - 2, it->title, a |
		    (it->unread ? A_BOLD : 0));
		if (dl[0] != '\0' && w - (int)strlen(dl) > x)
			put(y, w - (int)strlen(dl) - 1, (int)strlen(dl), dl,
			    da | (da == A_NORMAL ? a : 0));
	}
	if (v->nitems == 0)
		put(y0, 1, w - 1, "Nothing yet.", colour(C_DIM, A_DIM));
}

static void
reading(const struct view *v, int64_t now, int y0, int y1, int x, int w)
{
	const struct vitem	*it;
	char			*body;
	char			 buf[512], t[32], dl[48];
	attr_t			 da;
	int			 y = y0;
	size_t			 i;

	if (v->nitems == 0 || w < 4) {
		if (v->summary != NULL)
			wrap(y0, y1, x, w, v->summary, A_NORMAL);
		return;
	}
	it = &v->items[v->sel];
	clock_hm(it->t, t, sizeof t);
	y = wrap(y, y1, x, w, it->title, A_BOLD);
	snprintf(buf, sizeof buf, "From %s, T+%s, %s", it->from ? it->from :
	    "?", t, view_kind_name(it->kind));
	y = wrap(y, y1, x, w, buf, colour(C_DIM, A_DIM));
	if (it->tlp != NULL) {
		y = wrap(y, y1, x, w, tlp_label(it->tlp, buf, sizeof buf,
		    "TLP:"), tlp_attr(it->tlp));
	}
	deadline_text(it, now, dl, sizeof dl, &da);
	if (dl[0] != '\0')
		y = wrap(y, y1, x, w, dl, da);
	y++;
	body = reflow(it->body);
	y = wrap(y, y1, x, w, body, A_NORMAL);
	free(body);
	if (it->nchoices > 0 && y + 1 < y1) {
		y++;
		y = wrap(y, y1, x, w, it->decided ? "Decided:" :
		    "Choices (d to decide):", A_BOLD);
		for (i = 0; i < it->nchoices && y < y1; i++) {
			snprintf(buf, sizeof buf, " %zu  %s%s", i + 1,
			    it->choices[i].label, it->decided &&
			    strcmp(it->decided, it->choices[i].id) == 0 ?
			    "  <- taken" : "");
			y = wrap(y, y1, x, w, buf, A_NORMAL);
		}
	}
}

static void
timeline(const struct view *v, int y0, int y1, int w)
{
	int	rows = y1 - y0, y;
	size_t	first, i;
	char	t[32], buf[1024];

	first = v->nlines > (size_t)rows ? v->nlines - (size_t)rows : 0;
	for (i = first, y = y0; i < v->nlines && y < y1; i++, y++) {
		clock_hm(v->lines[i].t, t, sizeof t);
		snprintf(buf, sizeof buf, "%s  %s", t, v->lines[i].text);
		put(y, 0, w, buf, strncmp(v->lines[i].text, "SCENARIO ERROR",
		    14) == 0 ? colour(C_URGENT, A_REVERSE) : A_NORMAL);
	}
}

static size_t	nexts[3];

static int
next_shown(const struct view *v, size_t i, int shown)
{
	int	k;

	(void)v;
	for (k = 0; k < shown; k++)
		if (nexts[k] == i)
			return 1;
	return 0;
}

static void
side(const struct view *v, int64_t now, int y0, int y1, int x, int w)
{
	char	buf[512], t[32];
	int	y = y0, shown;
	size_t	i, k, late;

	y = wrap(y, y1, x, w, "Roles", A_BOLD);
	for (i = 0; i < v->nroles && y < y1; i++) {
		late = view_overdue(v, v->roles[i].id, now);
		snprintf(buf, sizeof buf, "%s %-14s %s", v->roles[i].connected ?
		    "+" : "-", v->roles[i].id, v->roles[i].players);
		put(y, x, w, buf, v->roles[i].connected ? A_NORMAL :
		    colour(C_DIM, A_DIM));
		if (late > 0) {	/* overdue decisions, at the right */
			snprintf(buf, sizeof buf, " %zu late", late);
			put(y, x + w - (int)strlen(buf), (int)strlen(buf), buf,
			    colour(C_URGENT, A_REVERSE) | A_BOLD);
		}
		y++;
	}
	snprintf(buf, sizeof buf, "control %d, observers %d", v->control_n,
	    v->observers_n);
	if (y < y1)
		put(y++, x, w, buf, colour(C_DIM, A_DIM));
	y++;
	/* the next timed injects, for the facilitator's `n' */
	if (v->kind == VK_CONTROL && y < y1) {
		y = wrap(y, y1, x, w, "Next", A_BOLD);
		for (shown = 0; shown < 3 && y < y1; shown++) {
			for (i = 0, k = v->ninjects; i < v->ninjects; i++)
				if (v->injects[i].at > now &&
				    !v->injects[i].fired && (k == v->ninjects ||
				    v->injects[i].at < v->injects[k].at ||
				    (v->injects[i].at == v->injects[k].at &&
				    i < k)) && !next_shown(v, i, shown))
					k = i;
			if (k == v->ninjects)
				break;
			nexts[shown] = k;
			clock_hm(v->injects[k].at, t, sizeof t);
			snprintf(buf, sizeof buf, "%s %s", t,
			    v->injects[k].id);
			put(y++, x, w, buf, A_NORMAL);
		}
		if (shown == 0 && y < y1)
			put(y++, x, w, "no timed injects left",
			    colour(C_DIM, A_DIM));
		y++;
	}
	if (y < y1)
		y = wrap(y, y1, x, w, "Objectives", A_BOLD);
	for (i = 0; i < v->nobjectives && y < y1; i++) {
		snprintf(buf, sizeof buf, "%-14s %s", v->objectives[i].id,
		    v->objectives[i].verdict ? v->objectives[i].verdict :
		    "open");
		put(y++, x, w, buf, A_NORMAL);
	}
}

static void
box_at(int y, int x, int h, int w)
{
	int	i;

	for (i = 0; i < h; i++)
		pad(y + i, x, w, A_NORMAL);
	attrset(A_BOLD);
	mvhline(y, x, ACS_HLINE, w);
	mvhline(y + h - 1, x, ACS_HLINE, w);
	mvvline(y, x, ACS_VLINE, h);
	mvvline(y, x + w - 1, ACS_VLINE, h);
	mvaddch(y, x, ACS_ULCORNER);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
	attrset(A_NORMAL);
}

static void
prompt(const struct view *v)
{
	const struct vprompt	*p = &v->prompt;
	int			 h, w, y, x, rows, i;
	size_t			 first = 0, k;
	char			 buf[512];

	w = COLS > 80 ? 76 : COLS - 2;
	h = LINES > 20 ? 16 : LINES - 2;
	if (w < 10 || h < 4)
		return;
	y = (LINES - h) / 2;
	x = (COLS - w) / 2;
	box_at(y, x, h, w);
	put(y, x + 2, w - 4, p->title, A_BOLD);
	rows = h - 2;
	if (p->kind == VP_TEXT) {
		wrap(y + 1, y + h - 1, x + 1, w - 2, p->len ? p->text : "",
		    A_NORMAL);
		return;
	}
	if (p->kind == VP_CONFIRM)
		return;
	if (p->sel >= (size_t)rows)
		first = p->sel - (size_t)rows + 1;
	for (k = first, i = 0; k < p->nopts && i < rows; k++, i++) {
		snprintf(buf, sizeof buf, "%s%s", p->kind == VP_MULTI ?
		    (p->marked[k] ? "[x] " : "[ ] ") : "", p->opts[k]);
		pad(y + 1 + i, x + 1, w - 2, k == p->sel ? A_REVERSE :
		    A_NORMAL);
		put(y + 1 + i, x + 1, w - 2, buf, k == p->sel ? A_REVERSE :
		    A_NORMAL);
	}
}

static void
help(const struct view *v)
{
	static const char *const player[] = {
	    "up/down, j/k   select an item (it is marked read)",
	    "a              acknowledge the selected inject",
	    "d              decide (the inject's choices)",
	    "n              write a situation report",
	    "s              share or forward the selected item (TLP)",
	    "c              chat to a role or to control",
	    "i              ask control for information",
	    "q              leave (the exercise goes on; join again later)",
	    NULL };
	static const char *const control[] = {
	    "space          start / pause / resume the clock",
	    "n              jump to the next scheduled event",
	    "+ / -          double / halve the speed",
	    "f              fire a held or contingency inject",
	    "a              send an ad hoc inject",
	    "o              record an observation (on an objective)",
	    "r              rate an objective P/S/M/U",
	    "c              chat to a role",
	    "e              end the exercise (the report is written)",
	    "tab            timeline / inbox",
	    NULL };
	static const char *const observer[] = {
	    "o              record an observation (on an objective)",
	    "r              rate an objective P/S/M/U",
	    "tab            timeline / inbox",
	    NULL };
	const char *const *l = v->kind == VK_PLAYER ? player :
	    v->kind == VK_CONTROL ? control : observer;
	int	h, w = COLS > 74 ? 70 : COLS - 2, y, x, i;

	for (h = 0; l[h] != NULL; h++)
		;
	h += 3;
	if (h > LINES - 2)
		h = LINES - 2;
	if (w < 10 || h < 4)
		return;
	y = (LINES - h) / 2;
	x = (COLS - w) / 2;
	box_at(y, x, h, w);
	put(y, x + 2, w - 4, "Keys (any key closes)", A_BOLD);
	for (i = 0; l[i] != NULL && i < h - 2; i++)
		put(y + 1 + i, x + 2, w - 4, l[i], A_NORMAL);
}

void
draw_view(const struct view *v, int64_t wall, const char *conn_state,
    const char *switch_hint)
{
	int64_t	now = view_now(v, wall);
	int	lw, body0 = 1, body1 = LINES - 2;
	char	buf[512];

	erase();
	if (LINES < 6 || COLS < 20) {
		put(0, 0, COLS, "ttxsim: window too small", A_BOLD);
		refresh();
		return;
	}
	header(v, now, conn_state);
	lw = COLS >= 60 ? COLS * 2 / 5 : COLS;
	if (v->kind != VK_PLAYER && v->pane == 0) {
		timeline(v, body0, body1, COLS >= 60 ? COLS - 32 : COLS);
		if (COLS >= 60) {
			attrset(colour(C_DIM, A_DIM));
			mvvline(body0, COLS - 31, ACS_VLINE, body1 - body0);
			attrset(A_NORMAL);
			side(v, now, body0, body1, COLS - 30, 30);
		}
	} else {
		inbox(v, now, body0, body1, lw);
		if (lw < COLS) {
			attrset(colour(C_DIM, A_DIM));
			mvvline(body0, lw, ACS_VLINE, body1 - body0);
			attrset(A_NORMAL);
			reading(v, now, body0, body1, lw + 2, COLS - lw - 3);
		}
	}
	if (v->ended)
		snprintf(buf, sizeof buf, "The exercise has ended.%s%s  "
		    "q leaves.", v->report ? " Report: " : "",
		    v->report ? v->report : "");
	else
		snprintf(buf, sizeof buf, "%zu unread  %s%s%s", view_unread(v),
		    v->status, switch_hint ? "  " : "", switch_hint ?
		    switch_hint : "");
	put(LINES - 2, 0, COLS, buf, v->ended ? A_BOLD : A_NORMAL);
	pad(LINES - 1, 0, COLS, colour(C_HEAD, A_REVERSE));
	put(LINES - 1, 0, COLS, view_keyhelp(v), colour(C_HEAD, A_REVERSE));
	if (v->prompt.kind != VP_NONE)
		prompt(v);
	else if (v->help)
		help(v);
	refresh();
}

int
draw_key(void)
{
	wint_t	 wc;
	int	 r;
	char	 mb[MB_LEN_MAX];
	size_t	 n;
	mbstate_t st;

	if (keypos < keylen)
		return keybuf[keypos++];
	keypos = keylen = 0;
	if ((r = get_wch(&wc)) == ERR)
		return -1;
	if (r == KEY_CODE_YES) {
		switch (wc) {
		case KEY_UP: return VIEW_KEY_UP;
		case KEY_DOWN: return VIEW_KEY_DOWN;
		case KEY_PPAGE: return VIEW_KEY_PGUP;
		case KEY_NPAGE: return VIEW_KEY_PGDN;
		case KEY_ENTER: return VIEW_KEY_ENTER;
		case KEY_BACKSPACE: return VIEW_KEY_BS;
		case KEY_RESIZE: return 0;	/* redraw */
		default: return -2;		/* ignored */
		}
	}
	switch (wc) {
	case '\r':
	case '\n': return VIEW_KEY_ENTER;
	case 27: return VIEW_KEY_ESC;
	case 127:
	case 8: return VIEW_KEY_BS;
	case '\t': return VIEW_KEY_TAB;
	case 4: return VIEW_KEY_SEND;
	}
	if (wc < 0x80)
		return (int)wc;
	memset(&st, 0, sizeof st);
	if ((n = wcrtomb(mb, (wchar_t)wc, &st)) == (size_t)-1 || n < 1)
		return -2;
	memcpy(keybuf, mb, n);
	keylen = (int)n;
	keypos = 1;
	return keybuf[0];
}

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
#include "xmalloc.h"

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
	/* no-color.org: set and not empty */
	colours = has_colors() && (getenv("NO_COLOR") == NULL ||
	    *getenv("NO_COLOR") == '\0');
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
 * Characters that print nothing but change how the terminal shows the
 * rest of the line: bidirectional overrides and isolates (text that reads
 * differently from what it is) and zero-width joiners and marks.
 */
static int
invisible(wchar_t wc)
{
	return (wc >= 0x200b && wc <= 0x200f) || (wc >= 0x202a &&
	    wc <= 0x202e) || (wc >= 0x2060 && wc <= 0x206f) ||
	    wc == 0x061c || wc == 0x180e || wc == 0xfeff;
}

/*
 * Put UTF-8 text at (y, x), at most w columns, safely: each character is
 * decoded on its own; anything that is not a printable character is
 * shown as U+FFFD (a newline as a space).  Returns the columns used.
 * Rows outside [clip_top, clip_bot) are measured but not drawn: a
 * scrolled pane.
 */
static int	clip_top, clip_bot = INT_MAX;

/* A character as put() shows it, and its columns: a newline or tab as
 * a space, what cannot be shown safely as one U+FFFD.  wrap() measures
 * with it too, so its lines fit. */
static int
cell(wchar_t *wc)
{
	int	cw;

	if (*wc == L'\n' || *wc == L'\t')
		*wc = L' ';
	if (*wc < 0x20 || (*wc >= 0x7f && *wc < 0xa0) || invisible(*wc) ||
	    (cw = wcwidth(*wc)) < 0) {
		*wc = 0xfffd;
		return 1;
	}
	return cw;
}

static int
put(int y, int x, int w, const char *s, attr_t a)
{
	mbstate_t	 st;
	wchar_t		 wc;
	size_t		 n;
	int		 used = 0, cw;
	cchar_t		 cc;

	if (s == NULL || w <= 0 || x < 0 || x >= COLS)
		return 0;	/* off the screen: curses would write at the
				 * cursor, wherever it was */
	memset(&st, 0, sizeof st);
	if (y >= clip_top && y < clip_bot)
		move(y, x);
	while (*s != '\0' && used < w) {
		n = mbrtowc(&wc, s, MB_CUR_MAX, &st);
		if (n == (size_t)-1 || n == (size_t)-2) {
			memset(&st, 0, sizeof st);
			wc = 0xfffd;
			n = 1;
		}
		cw = cell(&wc);
		if (used + cw > w)
			break;
		/* the colour pair goes apart: setcchar's pair argument
		 * overrides the one carried in the attributes */
		setcchar(&cc, (wchar_t[]){ wc, 0 }, a & ~A_COLOR,
		    (short)PAIR_NUMBER(a), NULL);
		if (y >= clip_top && y < clip_bot)
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
	if (y < clip_top || y >= clip_bot)
		return;
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
			} else
				cw = cell(&wc);
			if (cols + cw > w)
				break;
			if (*p == ' ')
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

/* Whether a line starts a list's item: "- ", "* ", "1. ". */
static int
list_item(const char *n)
{
	return ((*n == '-' || *n == '*') && n[1] == ' ') || (*n >= '0' &&
	    *n <= '9' && n[1] == '.');
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
	int	 item;	/* this line is a list's item: it ends where it ends */

	if (s == NULL)
		return NULL;
	out = o = malloc(strlen(s) + 1);
	if (out == NULL)
		return NULL;
	item = list_item(s);
	for (; *s != '\0'; s++) {
		if (*s != '\n') {
			*o++ = *s;
			continue;
		}
		n = s + 1;
		if (*n == '\n' || list_item(n) || *n == ' ' || item ||
		    o == out || o[-1] == '\n')
			*o++ = '\n';
		else if (o[-1] != ' ')
			*o++ = ' ';
		item = list_item(n);
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

/*
 * The inbox, one item a row, newest last, as a mail client's index:
 * unread mark, time, TLP label, sender, title, and the deadline at the
 * right.  The sender's column goes when the pane is narrow.
 */
static void
inbox(const struct view *v, int64_t now, int y0, int y1, int w)
{
	int	rows = y1 - y0, y, x, fw;
	size_t	first = 0, i;
	char	t[32], tl[32], dl[48];
	attr_t	a, da;

	if (rows <= 0)
		return;
	if (v->sel >= (size_t)rows)
		first = v->sel - (size_t)rows + 1;
	fw = w >= 70 ? 14 : 0;
	for (i = first, y = y0; i < v->nitems && y < y1; i++, y++) {
		const struct vitem *it = &v->items[i];
		a = i == v->sel ? A_REVERSE : A_NORMAL;
		pad(y, 0, w, a);
		clock_hm(it->t, t, sizeof t);
		x = put(y, 0, w, it->unread ? "*" : " ", a | A_BOLD);
		x += put(y, x, w - x, t, a) + 1;
		/* labels in a column: AMBER+STRICT is the longest */
		if (it->tlp != NULL)
			put(y, x, w - x, tlp_label(it->tlp, tl, sizeof tl, ""),
			    a | tlp_attr(it->tlp));
		x += w >= 60 ? 13 : it->tlp != NULL ? (int)strlen(tl) + 1 : 0;
		if (fw > 0) {
			put(y, x, fw, it->from ? it->from : "?", a);
			x += fw + 1;
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

/*
 * The selected item, scrolled by v->scroll rows.  Returns the rows its
 * text needs, so the caller can say there is more and keep the scroll in
 * bounds.
 */
static int
reading(const struct view *v, int64_t now, int y0, int y1, int x, int w)
{
	const struct vitem	*it;
	char			*body;
	char			 buf[512], t[32], dl[48];
	attr_t			 da;
	int			 y;
	size_t			 i;

	clip_top = y0;
	clip_bot = y1;
	y = y0 - v->scroll;
	y1 = INT_MAX / 2;	/* measure it all */
	if (v->nitems == 0 || w < 4) {
		if (v->summary != NULL)
			y = wrap(y, y1, x, w, v->summary, A_NORMAL);
		clip_top = 0;
		clip_bot = INT_MAX;
		return y - (y0 - v->scroll);
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
	clip_top = 0;
	clip_bot = INT_MAX;
	return y - (y0 - v->scroll);
}

/* Timeline entry i at row y: its time, then its text wrapped beside
 * it.  Returns the next row; with everything clipped, measures. */
static int
tl_entry(const struct view *v, size_t i, int y, int w)
{
	char	t[32];
	attr_t	a = strncmp(v->lines[i].text, "SCENARIO ERROR", 14) == 0 ?
	    colour(C_URGENT, A_REVERSE) : A_NORMAL;
	int	tx;

	clock_hm(v->lines[i].t, t, sizeof t);
	put(y, 0, w, t, colour(C_DIM, A_NORMAL));
	tx = (int)strlen(t) + 2;
	if (w - tx < 8)
		return y + 1;
	return wrap(y, INT_MAX / 2, tx, w - tx, v->lines[i].text, a);
}

/*
 * The facilitator's timeline, newest at the bottom, each entry wrapped
 * whole.  v->tl_back entries back from the newest when scrolled.
 */
static void
timeline(const struct view *v, int y0, int y1, int w)
{
	int	rows = y1 - y0, used = 0, top = clip_top, bot = clip_bot;
	size_t	i, last;
	char	buf[64];

	if (v->nlines == 0 || rows <= 0)
		return;
	last = v->nlines - 1 - (v->tl_back < v->nlines ? v->tl_back :
	    v->nlines - 1);
	/* from the last shown back, while the rows last */
	clip_top = clip_bot = INT_MAX;
	for (i = last + 1; i > 0 && used < rows; i--)
		used += tl_entry(v, i - 1, 0, w);
	clip_top = y0;
	clip_bot = y1;
	for (y0 = used < rows ? y0 : y1 - used; i <= last; i++)
		y0 = tl_entry(v, i, y0, w);
	clip_top = top;
	clip_bot = bot;
	if (last + 1 < v->nlines) {	/* scrolled back: say so */
		snprintf(buf, sizeof buf, " %zu newer: pgdn, end ",
		    v->nlines - 1 - last);
		put(y1 - 1, w - (int)strlen(buf), (int)strlen(buf), buf,
		    colour(C_HEAD, A_REVERSE));
	}
}

/*
 * What comes next, for the facilitator's `n': the timed injects not yet
 * fired, the phases, and the deadlines still open, soonest first.
 */
struct next {
	int64_t		 at;
	const char	*what, *id;
};

static int
next_cmp(const void *a, const void *b)
{
	const struct next *x = a, *y = b;

	return x->at < y->at ? -1 : x->at > y->at;
}

static size_t
next_events(const struct view *v, int64_t now, struct next *out,
    size_t max)
{
	struct next	*all;
	size_t		 n = 0, i;

	all = xcalloc(v->ninjects + v->nphases + v->nitems + 1, sizeof *all);
	for (i = 0; i < v->ninjects; i++)
		if (v->injects[i].at > now && !v->injects[i].fired)
			all[n++] = (struct next){ v->injects[i].at, "",
			    v->injects[i].id };
	for (i = 0; i < v->nphases; i++)
		if (v->phases[i].at > now)
			all[n++] = (struct next){ v->phases[i].at, "phase ",
			    v->phases[i].id };
	for (i = 0; i < v->nitems; i++)
		if (view_deadline(&v->items[i], now) == VD_OPEN ||
		    view_deadline(&v->items[i], now) == VD_URGENT)
			all[n++] = (struct next){ v->items[i].due, "due ",
			    v->items[i].inject ? v->items[i].inject : "?" };
	/* a stable order: same times keep the order above */
	for (i = 1; i < n; i++) {
		struct next k = all[i];
		size_t j = i;
		for (; j > 0 && next_cmp(&all[j - 1], &k) > 0; j--)
			all[j] = all[j - 1];
		all[j] = k;
	}
	if (n > max)
		n = max;
	memcpy(out, all, n * sizeof *out);
	free(all);
	return n;
}

/*
 * The staff's side panel: roles and who plays them (what each has not
 * acknowledged, and decisions overdue), what comes next, and the
 * objectives.  Blank lines between the parts only while there is room.
 */
static void
side(const struct view *v, int64_t now, int y0, int y1, int x, int w)
{
	struct next	nx[3];
	char		buf[512], t[32];
	int		y = y0, spare;
	size_t		i, k, late, waiting, nn = 0;

	if (v->kind == VK_CONTROL && !v->ended)
		nn = next_events(v, now, nx, 3);
	spare = (y1 - y0) - (int)(1 + v->nroles + (v->kind == VK_CONTROL &&
	    !v->ended ?
	    1 + (nn ? nn : 1) : 0) + 1 + v->nobjectives);
	snprintf(buf, sizeof buf, "Roles  %d control, %d observing",
	    v->control_n, v->observers_n);
	put(y, x, w, "Roles", A_BOLD);
	put(y++, x + 5, w - 5, buf + 5, colour(C_DIM, A_DIM));
	for (i = 0; i < v->nroles && y < y1; i++) {
		late = view_overdue(v, v->roles[i].id, now);
		waiting = view_waiting(v, v->roles[i].id);
		snprintf(buf, sizeof buf, "%s %-14s %s", v->roles[i].connected ?
		    "+" : "-", v->roles[i].id, v->roles[i].players);
		put(y, x, w, buf, v->roles[i].connected ? A_NORMAL :
		    colour(C_DIM, A_DIM));
		/* at the right: decisions overdue, else injects unread */
		if (late > 0 || waiting > 0) {
			if (late > 0)
				snprintf(buf, sizeof buf, " %zu late", late);
			else
				snprintf(buf, sizeof buf, " %zu new", waiting);
			put(y, x + w - (int)strlen(buf), (int)strlen(buf), buf,
			    late > 0 ? colour(C_URGENT, A_REVERSE) | A_BOLD :
			    A_BOLD);
		}
		y++;
	}
	if (spare-- > 0)
		y++;
	if (v->kind == VK_CONTROL && !v->ended && y < y1) {
		put(y++, x, w, "Next", A_BOLD);
		for (k = 0; k < nn && y < y1; k++) {
			clock_hm(nx[k].at, t, sizeof t);
			snprintf(buf, sizeof buf, "%s %s%s", t, nx[k].what,
			    nx[k].id);
			put(y++, x, w, buf, A_NORMAL);
		}
		if (nn == 0 && y < y1)
			put(y++, x, w, "nothing timed; f fires",
			    colour(C_DIM, A_DIM));
		if (spare-- > 0)
			y++;
	}
	if (y < y1)
		put(y++, x, w, "Objectives", A_BOLD);
	for (i = 0; i < v->nobjectives && y < y1; i++) {
		if (y == y1 - 1 && i + 1 < v->nobjectives) {
			snprintf(buf, sizeof buf, "... %zu more (r lists them)",
			    v->nobjectives - i);
			put(y++, x, w, buf, colour(C_DIM, A_DIM));
			break;
		}
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

/*
 * A text prompt: its title wrapped at the top (a hot-wash question is a
 * sentence or two), then the text, scrolled so the cursor stays in
 * sight.
 */
static void
text_prompt(const struct vprompt *p, int y, int x, int h, int w)
{
	int	ty, rows, need, top = clip_top, bot = clip_bot;
	char	*text;

	ty = wrap(y + 1, y + h - 4, x + 2, w - 4, p->title, A_BOLD);
	attrset(A_BOLD);
	mvhline(ty, x + 1, ACS_HLINE, w - 2);
	attrset(A_NORMAL);
	ty++;
	rows = y + h - 1 - ty;
	/* the rows up to the cursor (a bar before the character it is
	 * at), measured: scrolled so that row is in sight */
	text = xasprintf("%.*s\xe2\x96\x8f", (int)p->cur, p->text);
	clip_top = clip_bot = INT_MAX;
	need = wrap(0, INT_MAX / 2, x + 1, w - 2, text, A_NORMAL);
	free(text);
	text = xasprintf("%.*s\xe2\x96\x8f%s", (int)p->cur, p->text,
	    p->text + p->cur);
	clip_top = ty;
	clip_bot = ty + rows;
	wrap(need > rows ? ty - (need - rows) : ty, INT_MAX / 2, x + 1, w - 2,
	    text, A_NORMAL);
	clip_top = top;
	clip_bot = bot;
	free(text);
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
	rows = h - 2;
	if (p->kind == VP_TEXT) {
		text_prompt(p, y, x, h, w);
		return;
	}
	put(y, x + 2, w - 4, p->title, A_BOLD);
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
help(const struct view *v, const char *switch_hint)
{
	static const char *const player[] = {
	    "up/down, j/k   select an item (it is marked read)",
	    "pgdn/space     scroll the item's text; pgup/b back",
	    "a              acknowledge the selected inject",
	    "d              decide (the inject's choices)",
	    "n              write a situation report",
	    "s              share or forward the selected item (TLP)",
	    "c              chat to a role, an org, a team or control",
	    "i              ask control for information",
	    "?              this help; q leave (the exercise goes on)",
	    NULL };
	static const char *const control[] = {
	    "space          start / pause / resume the clock",
	    "n              jump to the next scheduled event",
	    "+ / -          double / halve the speed",
	    "f              fire a held or contingency inject",
	    "a              send an ad hoc inject",
	    "o              record an observation (on an objective)",
	    "r              rate an objective P/S/M/U",
	    "c              chat to a role, an org, a team",
	    "e              end the exercise (the report is written)",
	    "tab            timeline / inbox of everything",
	    "up/down, pgup/pgdn, end   scroll the timeline",
	    "?              this help; q leave (the exercise goes on)",
	    NULL };
	static const char *const observer[] = {
	    "o              record an observation (on an objective)",
	    "r              rate an objective P/S/M/U",
	    "tab            timeline / inbox of everything",
	    "up/down, pgup/pgdn, end   scroll the timeline",
	    "?              this help; q leave",
	    NULL };
	const char *const *l = v->kind == VK_PLAYER ? player :
	    v->kind == VK_CONTROL ? control : observer;
	int	h, w = COLS > 74 ? 70 : COLS - 2, y, x, i;

	for (h = 0; l[h] != NULL; h++)
		;
	h += 3 + (switch_hint != NULL) + (v->join != NULL ? 3 : 0);
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
	if (switch_hint != NULL && i < h - 2)
		put(y + 1 + i++, x + 2, w - 4, ">/<            the next / "
		    "previous role (one terminal, every role)", A_NORMAL);
	if (v->join != NULL && i + 1 < h - 2)
		wrap(y + 2 + i, y + h - 1, x + 2, w - 4, v->join, A_BOLD);
}

/* The key-help line; when it is too long for the terminal, what fits,
 * and "? help" always at the right. */
static void
keyline(const struct view *v)
{
	const char	*k = view_keyhelp(v);
	const char	*more = "  ? all keys ";
	attr_t		 a = colour(C_HEAD, A_REVERSE);

	pad(LINES - 1, 0, COLS, a);
	if ((int)strlen(k) <= COLS || v->prompt.kind != VP_NONE ||
	    COLS < 30) {
		put(LINES - 1, 0, COLS, k, a);
		return;
	}
	put(LINES - 1, 0, COLS - (int)strlen(more), k, a);
	put(LINES - 1, COLS - (int)strlen(more), (int)strlen(more), more,
	    a | A_BOLD);
}

/*
 * The status line: the last result, or the end.  A long one (a refusal
 * and its reason) takes two rows.  Returns the rows it took.
 */
static int
status(const struct view *v, const char *switch_hint)
{
	char	buf[1024];
	int	rows;

	if (v->ended && v->kind != VK_PLAYER && v->nhotwash > 0)
		snprintf(buf, sizeof buf, "The exercise has ended; the "
		    "players are in the hot wash.  The report follows%s%s.  "
		    "q leaves.", v->report ? " in " : "", v->report ?
		    v->report : "");
	else if (v->ended)
		snprintf(buf, sizeof buf, "The exercise has ended.%s%s  "
		    "q leaves.", v->report ? " Report: " : "",
		    v->report ? v->report : "");
	else
		snprintf(buf, sizeof buf, "%zu unread  %s%s%s", view_unread(v),
		    v->status, switch_hint ? "  " : "", switch_hint ?
		    switch_hint : "");
	rows = (int)strlen(buf) > COLS && LINES >= 12 ? 2 : 1;
	wrap(LINES - 1 - rows, LINES - 1, 0, COLS, buf, v->ended ? A_BOLD :
	    A_NORMAL);
	return rows;
}

/*
 * A player's body: the inbox and the selected item.  Side by side from
 * 150 columns; on a narrower terminal, as a mail client does, the inbox
 * above and the item below, each the full width.
 */
static void
mail(struct view *v, int64_t now, int y0, int y1)
{
	int	lw, iy1, ry0, rx, rw, rows, need;
	char	buf[64];

	if (COLS >= 150) {	/* room for the inbox's sender column */
		lw = COLS * 2 / 5 > 70 ? COLS * 2 / 5 : 70;
		iy1 = y1;
		ry0 = y0;
		rx = lw + 2;
		rw = COLS - lw - 3;
		attrset(colour(C_DIM, A_DIM));
		mvvline(y0, lw, ACS_VLINE, y1 - y0);
		attrset(A_NORMAL);
	} else {
		lw = COLS;
		iy1 = y0 + ((y1 - y0) / 3 > 3 ? (y1 - y0) / 3 : 3);
		if (iy1 > y1 - 3)
			iy1 = y0 + (y1 - y0) / 2;
		ry0 = iy1 + 1;
		rx = 1;
		rw = COLS - 2;
		attrset(colour(C_DIM, A_DIM));
		mvhline(iy1, 0, ACS_HLINE, COLS);
		attrset(A_NORMAL);
	}
	inbox(v, now, y0, iy1, lw);
	rows = y1 - ry0;
	if (rows <= 0 || rw < 4)
		return;
	need = reading(v, now, ry0, y1, rx, rw);
	/* keep the scroll in bounds, and say when there is more */
	v->page = rows > 2 ? rows - 2 : 1;
	if (v->scroll > 0 && v->scroll > need - rows) {
		/* scrolled past the end: the caller draws again */
		v->scroll = need - rows > 0 ? need - rows : 0;
		return;
	}
	if (need - v->scroll > rows) {
		snprintf(buf, sizeof buf, " more: pgdn/space ");
		put(COLS >= 150 ? y1 - 1 : iy1, COLS - (int)strlen(buf) - 1,
		    (int)strlen(buf), buf, colour(C_HEAD, A_REVERSE));
	} else if (v->scroll > 0) {
		snprintf(buf, sizeof buf, " end; pgup/b goes back ");
		put(COLS >= 150 ? y1 - 1 : iy1, COLS - (int)strlen(buf) - 1,
		    (int)strlen(buf), buf, colour(C_DIM, A_DIM));
	}
}

void
draw_view(struct view *v, int64_t wall, const char *conn_state,
    const char *switch_hint)
{
	int64_t	now = view_now(v, wall);
	int	body0 = 1, body1, again = 0;

	do {
		erase();
		if (LINES < 6 || COLS < 20) {
			put(0, 0, COLS, "ttxsim: window too small", A_BOLD);
			refresh();
			return;
		}
		header(v, now, conn_state);
		body1 = LINES - 1 - status(v, switch_hint);
		keyline(v);
		if (v->kind != VK_PLAYER && v->pane == 0) {
			v->page = body1 - body0 > 2 ? body1 - body0 - 2 : 1;
			timeline(v, body0, body1, COLS >= 60 ? COLS - 32 :
			    COLS);
			if (COLS >= 60) {
				attrset(colour(C_DIM, A_DIM));
				mvvline(body0, COLS - 31, ACS_VLINE, body1 -
				    body0);
				attrset(A_NORMAL);
				side(v, now, body0, body1, COLS - 30, 30);
			}
		} else {
			int scroll = v->scroll;
			mail(v, now, body0, body1);
			again = v->scroll != scroll && !again;
		}
	} while (again);
	if (v->prompt.kind != VP_NONE)
		prompt(v);
	else if (v->help)
		help(v, switch_hint);
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
		case KEY_END: return VIEW_KEY_END;
		case KEY_HOME: return VIEW_KEY_HOME;
		case KEY_LEFT: return VIEW_KEY_LEFT;
		case KEY_RIGHT: return VIEW_KEY_RIGHT;
		case KEY_DC: return VIEW_KEY_DEL;
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

/*
 * The console's loop: see console.h.
 *
 * The terminal is put back on every exit path: a normal quit and
 * SIGINT/SIGTERM/SIGHUP/SIGQUIT end the loop and call endwin; a crash (SIGSEGV,
 * SIGABRT, SIGBUS, SIGFPE, SIGILL) restores the saved termios and leaves
 * the alternate screen with async-signal-safe writes, then dies of the
 * same signal.
 */
#include <errno.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "console.h"
#include "draw.h"

static volatile sig_atomic_t	quit;
static struct termios		saved;
static int			have_saved;

static int64_t
wall_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void
on_quit(int sig)
{
	(void)sig;
	quit = 1;
}

static void
on_crash(int sig)
{
	static const char reset[] = "\033[0m\033[?25h\033[?1049l\r\n";
	ssize_t	w;

	if (have_saved)
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
	w = write(STDOUT_FILENO, reset, sizeof reset - 1);
	(void)w;
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
signals(void)
{
	static const int crash[] = { SIGSEGV, SIGABRT, SIGBUS, SIGFPE,
	    SIGILL };
	struct sigaction	sa;
	size_t			i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_quit;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL);
	sa.sa_handler = on_crash;
	sa.sa_flags = SA_RESETHAND;
	for (i = 0; i < sizeof crash / sizeof crash[0]; i++)
		sigaction(crash[i], &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

struct feed {
	struct view	*v;
	int64_t		 wall;
};

static void
feed(const cJSON *m, void *arg)
{
	struct feed	*f = arg;

	view_apply(f->v, m, f->wall);
}

static void
conn_state(struct console_session *s, char *buf, size_t len)
{
	if (conn_connected(s->conn))
		snprintf(buf, len, "connected");
	else if (conn_refused(s->conn))
		snprintf(buf, len, "%s", conn_error(s->conn));
	else if (s->view.ended)
		snprintf(buf, len, "closed");
	else
		snprintf(buf, len, "reconnecting%s%s", conn_error(s->conn)[0] ?
		    ": " : "", conn_error(s->conn));
}

/* One terminal, every role: which one this is, and which others have
 * something unread. */
static void
solo_hint(struct console_session *s, size_t n, size_t cur, char *buf,
    size_t len)
{
	size_t		 i, u, off;
	int		 k;
	const char	*sep = "; new: ";

	k = snprintf(buf, len, "[%s: >/< role", s[cur].label);
	off = k > 0 && (size_t)k < len ? (size_t)k : len - 1;
	for (i = 0; i < n; i++) {
		if (i == cur || (u = view_unread(&s[i].view)) == 0)
			continue;
		k = snprintf(buf + off, len - off, "%s%s %zu", sep,
		    s[i].label, u);
		off += k > 0 && (size_t)k < len - off ? (size_t)k : 0;
		sep = ", ";
	}
	snprintf(buf + off, len - off, "]");
}

int
console_run(struct console_session *s, size_t n)
{
	struct pollfd	 pfd[17];
	struct feed	 f;
	size_t		 cur = 0, i;
	int64_t		 now;
	int		 timeout, t, key, dirty = 1, refused = 0;
	char		 state[300], hint[300];
	enum view_action a;
	cJSON		*req;

	if (n == 0 || n > 16)
		return 1;
	setlocale(LC_ALL, "");
	if (tcgetattr(STDIN_FILENO, &saved) == 0)
		have_saved = 1;
	signals();
	draw_init();
	while (!quit) {
		now = wall_ms();
		timeout = 1000;
		for (i = 0; i < n; i++) {
			t = conn_tick(s[i].conn, now);
			if (t >= 0 && t < timeout)
				timeout = t;
			if (s[i].view.ended)
				conn_stop(s[i].conn);
		}
		if (strcmp(s[cur].view.state, "running") == 0)
			timeout = timeout < 250 ? timeout : 250;
		if (dirty) {
			conn_state(&s[cur], state, sizeof state);
			hint[0] = '\0';
			if (n > 1)
				solo_hint(s, n, cur, hint, sizeof hint);
			draw_view(&s[cur].view, now, state, n > 1 ? hint :
			    NULL);
			dirty = 0;
		}
		pfd[0].fd = STDIN_FILENO;
		pfd[0].events = POLLIN;
		for (i = 0; i < n; i++) {
			pfd[i + 1].fd = conn_fd(s[i].conn);
			pfd[i + 1].events = POLLIN;
		}
		if (poll(pfd, n + 1, timeout) == -1 && errno != EINTR)
			break;
		now = wall_ms();
		dirty = 1;	/* the clock moves on every wake-up */
		for (i = 0; i < n; i++) {
			if (pfd[i + 1].fd == -1 || pfd[i + 1].revents == 0)
				continue;
			f.v = &s[i].view;
			f.wall = now;
			conn_read(s[i].conn, now, feed, &f);
			s[i].view.connected = conn_connected(s[i].conn);
			if (conn_refused(s[i].conn))
				refused = 1;
		}
		while ((key = draw_key()) != -1) {
			if (key == -2 || key == 0)
				continue;
			if ((key == '>' || key == '<') && n > 1 &&
			    s[cur].view.prompt.kind == VP_NONE) {
				cur = (cur + (key == '>' ? 1 : n - 1)) % n;
				continue;
			}
			a = view_key(&s[cur].view, key, now, &req);
			if (req != NULL)
				conn_send(s[cur].conn, req);
			if (a == VA_QUIT)
				quit = 1;
		}
	}
	draw_end();
	return refused;
}

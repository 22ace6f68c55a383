/*
 * A live exercise in one command: see live.h.  The server is this same
 * program (`ttxsim serve'), started in its own session so a ^C in the
 * console does not reach it, writing what it says to a log beside the
 * journal; the console learns the socket and the tokens from that log.
 * Leaving the console leaves the exercise running, as detaching from
 * tmux does; it ends when the facilitator ends it (or its clock does).
 */
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "console.h"
#include "live.h"
#include "server.h"
#include "xmalloc.h"

#define LIVE_MAX_ROLES	15

struct started {
	pid_t	 pid;
	char	 log[600];
	char	 sock[600];
	char	 tokens[600];
	char	 journal[600];
	char	 dir[512];	/* a private one for the socket, or "" */
};

static void
sleep_ms(long ms)
{
	struct timespec	ts = { ms / 1000, (ms % 1000) * 1000000 };

	nanosleep(&ts, NULL);
}

/* The value after `key' on a line of the server's log, if it is there. */
static int
log_value(const char *log, const char *key, char *out, size_t len)
{
	char	 line[1024], *p;
	FILE	*f = fopen(log, "r");
	int	 found = 0;

	while (f != NULL && !found && fgets(line, sizeof line, f) != NULL) {
		if (strncmp(line, key, strlen(key)) != 0)
			continue;
		p = line + strlen(key);
		p[strcspn(p, " \n")] = '\0';
		if (strlen(p) >= len)
			break;		/* a path too long to use: not found */
		memcpy(out, p, strlen(p) + 1);
		found = 1;
	}
	if (f != NULL)
		fclose(f);
	return found;
}

static int
start_server(const struct live_opts *o, struct started *st)
{
	const char	*argv[16 + 2 * LIVE_MAX_LISTEN];
	char		 own[600];
	char		 self[1024];
	ssize_t		 n;
	int		 argc = 0, fd, status, i;

	if ((n = readlink("/proc/self/exe", self, sizeof self - 1)) < 0) {
		fprintf(stderr, "ttxsim run: cannot find myself: %s\n",
		    strerror(errno));
		return -1;
	}
	self[n] = '\0';
	snprintf(st->log, sizeof st->log, "%s/ttxsim-serve-%ld.log",
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (long)getpid());
	argv[argc++] = "ttxsim";
	argv[argc++] = "serve";
	if (o->journal) {
		argv[argc++] = "--journal";
		argv[argc++] = o->journal;
	}
	if (o->speed) {
		argv[argc++] = "--speed";
		argv[argc++] = o->speed;
	}
	if (o->seed) {
		argv[argc++] = "--seed";
		argv[argc++] = o->seed;
	}
	if (o->nlisten > 0) {
		/* TCP for the players, and a socket of our own for the
		 * consoles (serve makes one only when given no address) */
		if ((size_t)snprintf(st->dir, sizeof st->dir,
		    "%s/ttxsim-XXXXXX", server_tmpdir()) >= sizeof st->dir ||
		    mkdtemp(st->dir) == NULL) {
			fprintf(stderr, "ttxsim run: mkdtemp: %s\n",
			    strerror(errno));
			return -1;
		}
		if ((size_t)snprintf(own, sizeof own, "unix:%s/socket",
		    st->dir) >= sizeof own) {	/* sun_path is 108 bytes */
			fprintf(stderr, "ttxsim run: %s: too long for a "
			    "socket's path\n", st->dir);
			rmdir(st->dir);
			return -1;
		}
		argv[argc++] = "--listen";
		argv[argc++] = own;
		for (i = 0; i < o->nlisten; i++) {
			argv[argc++] = "--listen";
			argv[argc++] = o->listen[i];
		}
	}
	argv[argc++] = o->scenario;
	argv[argc] = NULL;
	if ((st->pid = fork()) == -1) {
		fprintf(stderr, "ttxsim run: fork: %s\n", strerror(errno));
		return -1;
	}
	if (st->pid == 0) {
		setsid();
		fd = open(st->log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
		    0600);
		if (fd != -1) {
			dup2(fd, STDOUT_FILENO);
			dup2(fd, STDERR_FILENO);
		}
		if ((fd = open("/dev/null", O_RDONLY)) != -1)
			dup2(fd, STDIN_FILENO);
		execv(self, (char *const *)argv);
		_exit(127);
	}
	/* until it says where it listens and where the tokens are */
	for (i = 0; i < 200; i++) {
		if (log_value(st->log, "Tokens written to ", st->tokens,
		    sizeof st->tokens) && log_value(st->log,
		    "Listening on unix:", st->sock, sizeof st->sock)) {
			log_value(st->log, "Journal: ", st->journal,
			    sizeof st->journal);
			return 0;
		}
		if (waitpid(st->pid, &status, WNOHANG) == st->pid)
			break;
		sleep_ms(50);
	}
	kill(st->pid, SIGTERM);
	waitpid(st->pid, &status, 0);	/* it unlinks its socket first */
	if (st->dir[0] != '\0')
		rmdir(st->dir);
	fprintf(stderr, "ttxsim run: the server did not start; it said:\n");
	{
		char	 line[1024];
		FILE	*f = fopen(st->log, "r");

		while (f != NULL && fgets(line, sizeof line, f) != NULL)
			fputs(line, stderr);
		if (f != NULL)
			fclose(f);
	}
	return -1;
}

/* The tokens file: "  NAME  TOKEN" lines, roles first, then control. */
static size_t
read_roles(const char *file, char names[][256], char toks[][64],
    size_t max)
{
	char	 line[512], name[256], tok[64];
	FILE	*f = fopen(file, "r");
	size_t	 n = 0;

	while (f != NULL && n < max && fgets(line, sizeof line, f) != NULL)
		if (sscanf(line, " %255s %63s", name, tok) == 2 &&
		    strlen(tok) == 32 && strcmp(name, "observer") != 0) {
			snprintf(names[n], 256, "%s", name);
			snprintf(toks[n], 64, "%s", tok);
			n++;
		}
	if (f != NULL)
		fclose(f);
	return n;
}

/* How players join, for the console and the terminal after it. */
static char *
join_text(const struct live_opts *o, const struct started *st)
{
	char	*s, *t;
	int	 i;

	s = xasprintf("Players join: ttxsim join --token TOKEN unix:%s",
	    st->sock);
	for (i = 0; i < o->nlisten; i++) {
		t = xasprintf("%s (or %s)", s, o->listen[i]);
		free(s);
		s = t;
	}
	/* or, on this machine, --tokens FILE --role ROLE */
	t = xasprintf("%s; their tokens: %s", s, st->tokens);
	free(s);
	return t;
}

int
live_run(const struct live_opts *o)
{
	static char		 names[LIVE_MAX_ROLES + 1][256];
	static char		 toks[LIVE_MAX_ROLES + 1][64];
	struct console_session	 s[LIVE_MAX_ROLES + 1];
	struct started		 st;
	size_t			 n, i, first, k = 0;
	int			 status, rc, ended;
	char			*report, *join;
	const char		*user = getenv("USER");

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "ttxsim run: a live exercise needs a terminal "
		    "(or use --headless)\n");
		return EXIT_USAGE;
	}
	memset(&st, 0, sizeof st);
	if (start_server(o, &st) != 0)
		return EXIT_PROBLEM;
	n = read_roles(st.tokens, names, toks, LIVE_MAX_ROLES + 1);
	/* control is listed after the roles; it goes first */
	memset(s, 0, sizeof s);
	for (i = 0; i < n; i++)
		if (strcmp(names[i], "control") == 0)
			break;
	if (i == n) {
		fprintf(stderr, "ttxsim run: %s: no control token\n",
		    st.tokens);
		kill(st.pid, SIGTERM);
		return EXIT_PROBLEM;
	}
	first = i;
	s[k].conn = conn_new(st.sock, toks[first], user && *user ? user :
	    "facilitator", NULL);
	s[k].label = "control";
	view_init(&s[k].view);
	/* in sight while the console has the terminal */
	s[k].view.join = join_text(o, &st);
	snprintf(s[k].view.status, sizeof s[k].view.status, "%s",
	    s[k].view.join);
	k++;
	for (i = 0; o->solo && i < n; i++) {
		if (i == first)
			continue;
		s[k].conn = conn_new(st.sock, toks[i], "solo", names[i]);
		s[k].label = names[i];
		view_init(&s[k].view);
		k++;
	}
	rc = console_run(s, k);
	ended = s[0].view.ended;
	report = s[0].view.report != NULL ? strdup(s[0].view.report) : NULL;
	/* hang up first: a server waiting for our hot-wash answers stops
	 * waiting when we have gone */
	for (i = 0; i < k; i++) {
		conn_free(s[i].conn);
		view_free(&s[i].view);
	}
	join = join_text(o, &st);
	printf("%s\n", join);
	free(join);
	if (ended) {
		waitpid(st.pid, &status, 0);
		if (st.dir[0] != '\0')
			rmdir(st.dir);
		printf("The exercise has ended.\njournal: %s\n", st.journal);
		if (report != NULL)
			printf("report: %s\n", report);
	} else if (waitpid(st.pid, &status, WNOHANG) == st.pid)
		printf("The server stopped; its log: %s\n", st.log);
	else
		printf("The exercise goes on in the background (server pid "
		    "%ld, log %s).\nCome back with: ttxsim facilitate "
		    "--tokens %s unix:%s\n", (long)st.pid, st.log, st.tokens,
		    st.sock);
	free(report);
	return rc ? EXIT_PROBLEM : 0;
}

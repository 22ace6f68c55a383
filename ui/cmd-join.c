/*
 * ttxsim join / facilitate: the consoles.  join takes any token (a
 * role's, the control token or the observer token; the server says which
 * console it is); facilitate is join with the control token read from
 * the tokens file.
 */
#include <sys/stat.h>

#include <getopt.h>
#include <glob.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "console.h"
#include "server.h"
#include "xmalloc.h"

static int	cmd_join_exec(int, char **);
static int	cmd_facilitate_exec(int, char **);

const struct cmd_entry cmd_join_entry = {
	.name = "join",
	.usage = "[--role R] [--token T | --tokens FILE] [--name N] [ADDRESS]",
	.summary = "join a served exercise from this terminal (the console)",
	.help =
	    "ADDRESS is what `ttxsim serve' printed: unix:PATH (or a path)\n"
	    "or HOST:PORT; without it, the one server of yours on this\n"
	    "machine with its own socket ($TMPDIR or /tmp, ttxsim-*/socket),\n"
	    "as tmux finds its server.  The token says who you are: a role's\n"
	    "join token,"
	    "the control token (the facilitator's console) or the observer\n"
	    "token (read-only, sees everything).\n\n"
	    "  --token T      the token (default: $TTXSIM_TOKEN)\n"
	    "  --tokens FILE  read the token of --role from the server's\n"
	    "                 tokens file\n"
	    "  --role R       the role you play (checked against the token)\n"
	    "  --name N       your name, as others see it (default: $USER)\n\n"
	    "The console reconnects on its own if the server goes away.\n"
	    "Press ? in it for the keys.\n",
	.exec = cmd_join_exec,
};

const struct cmd_entry cmd_facilitate_entry = {
	.name = "facilitate",
	.usage = "[--token T | --tokens FILE] [--name N] [ADDRESS]",
	.summary = "run a served exercise from the facilitator's console",
	.help =
	    "The control console: the clock (start, pause, speed, next\n"
	    "event), the roster, the timeline, held injects to fire, ad hoc\n"
	    "injects, observations, ratings and the end.\n\n"
	    "  --token T      the control token (default: $TTXSIM_TOKEN)\n"
	    "  --tokens FILE  read it from the server's tokens file\n"
	    "  --name N       your name (default: $USER)\n",
	.exec = cmd_facilitate_exec,
};

/*
 * With no ADDRESS: the socket of the one server of ours that made its
 * own (serve's default, ttxsim-XXXXXX/socket in $TMPDIR or /tmp), or
 * NULL, said why.
 */
static char *
own_server(const struct cmd_entry *ce)
{
	static char	 path[PATH_MAX];
	struct stat	 sb;
	glob_t		 g;
	size_t		 i, n = 0;
	char		*pattern;

	pattern = xasprintf("%s/ttxsim-*/socket", server_tmpdir());
	if (glob(pattern, 0, NULL, &g) == 0) {
		for (i = 0; i < g.gl_pathc; i++) {
			if (stat(g.gl_pathv[i], &sb) != 0 ||
			    !S_ISSOCK(sb.st_mode) || sb.st_uid != getuid())
				continue;
			if (n++ == 0)
				snprintf(path, sizeof path, "%s",
				    g.gl_pathv[i]);
		}
		globfree(&g);
	}
	free(pattern);
	if (n == 1)
		return path;
	fprintf(stderr, "ttxsim %s: %s server of yours has its own socket "
	    "in %s: give the ADDRESS `ttxsim serve' printed\n", ce->name,
	    n == 0 ? "no" : "more than one", server_tmpdir());
	return NULL;
}

/* The token of who (a role id, "control", "observer") in a tokens file:
 * lines "  NAME  TOKEN".  NULL if it is not there. */
static char *
token_from(const char *file, const char *who)
{
	char	 line[512], name[256], tok[128];
	FILE	*f = fopen(file, "r");

	if (f == NULL)
		return NULL;
	while (fgets(line, sizeof line, f) != NULL)
		if (sscanf(line, " %255s %127s", name, tok) == 2 &&
		    strcmp(name, who) == 0 && strlen(tok) == 32) {
			fclose(f);
			return strdup(tok);
		}
	fclose(f);
	return NULL;
}

static int
console_main(const struct cmd_entry *ce, int argc, char **argv,
    int facilitator)
{
	static const struct option longopts[] = {
		{ "role", required_argument, NULL, 'r' },
		{ "token", required_argument, NULL, 't' },
		{ "tokens", required_argument, NULL, 'T' },
		{ "name", required_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct console_session	 s;
	const char		*role = NULL, *name = getenv("USER"), *address = NULL;
	const char		*tokens = NULL;
	char			*token = NULL;
	int			 c, rc;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case 'r':
			if (facilitator)
				return cmd_usage_error(ce, "no --role: the "
				    "facilitator is control");
			role = optarg;
			break;
		case 't':
			free(token);
			token = strdup(optarg);
			break;
		case 'T':
			tokens = optarg;
			break;
		case 'n':
			name = optarg;
			break;
		case 'h':
			cmd_usage(ce, stdout);
			return 0;
		default:
			free(token);
			return cmd_option_error(ce, c, argv);
		}
	}
	if (argc - optind > 1) {
		free(token);
		return cmd_usage_error(ce, "expected one ADDRESS");
	}
	if (argc - optind == 0 && (address = own_server(ce)) == NULL) {
		free(token);
		return EXIT_USAGE;
	}
	if (address == NULL)
		address = argv[optind];
	if (token == NULL && tokens != NULL) {
		if (!facilitator && role == NULL)
			return cmd_usage_error(ce, "--tokens needs --role");
		if ((token = token_from(tokens, facilitator ? "control" :
		    role)) == NULL) {
			fprintf(stderr, "ttxsim %s: %s: no token for %s\n",
			    ce->name, tokens, facilitator ? "control" : role);
			return EXIT_USAGE;
		}
	}
	if (token == NULL && getenv("TTXSIM_TOKEN") != NULL)
		token = strdup(getenv("TTXSIM_TOKEN"));
	if (token == NULL)
		return cmd_usage_error(ce, "no token: give --token or "
		    "--tokens, or set TTXSIM_TOKEN");
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		free(token);
		fprintf(stderr, "ttxsim %s: the console needs a terminal\n",
		    ce->name);
		return EXIT_USAGE;
	}
	memset(&s, 0, sizeof s);
	view_init(&s.view);
	/* "observer" (or "control") names a token, not a role to claim:
	 * the token says who it is */
	s.conn = conn_new(address, token, name && *name ? name :
	    "player", role != NULL && strcmp(role, "observer") != 0 &&
	    strcmp(role, "control") != 0 ? role : NULL);
	s.label = role;
	rc = console_run(&s, 1);
	if (rc != 0)
		fprintf(stderr, "ttxsim %s: %s\n", ce->name,
		    conn_error(s.conn));
	else if (s.view.ended && s.view.report != NULL)
		printf("The exercise has ended; the report: %s\n",
		    s.view.report);
	conn_free(s.conn);
	view_free(&s.view);
	free(token);
	return rc ? EXIT_USAGE : 0;
}

static int
cmd_join_exec(int argc, char **argv)
{
	return console_main(&cmd_join_entry, argc, argv, 0);
}

static int
cmd_facilitate_exec(int argc, char **argv)
{
	return console_main(&cmd_facilitate_entry, argc, argv, 1);
}

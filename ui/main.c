/*
 * ttxsim: one program, many subcommands (as git and tmux are).  This file
 * holds the table of them and dispatches.
 */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>
#include <string.h>

#include "cmd.h"
#include "xmalloc.h"
#include "config.h"

static const struct cmd_entry *const cmd_table[] = {
	&cmd_check_entry,
	&cmd_explore_entry,
	&cmd_facilitate_entry,
	&cmd_join_entry,
	&cmd_journal_entry,
	&cmd_msel_entry,
	&cmd_report_entry,
	&cmd_run_entry,
	&cmd_serve_entry,
};
#define NCMDS (sizeof cmd_table / sizeof cmd_table[0])

void
cmd_usage(const struct cmd_entry *c, FILE *f)
{
	fprintf(f, "usage: ttxsim %s %s\n%s\n", c->name, c->usage, c->summary);
	if (c->help != NULL && *c->help != '\0')
		fprintf(f, "\n%s", c->help);
}

int
cmd_usage_error(const struct cmd_entry *c, const char *fmt, ...)
{
	va_list	ap;

	fprintf(stderr, "ttxsim %s: ", c->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nusage: ttxsim %s %s\n", c->name, c->usage);
	return EXIT_USAGE;
}

int
cmd_option_error(const struct cmd_entry *c, int ch, char **argv)
{
	/* getopt leaves the option it stopped at just before optind */
	if (ch == ':')
		return cmd_usage_error(c, "%s needs a value", argv[optind - 1]);
	return cmd_usage_error(c, "unknown option '%s'", argv[optind - 1]);
}

static void
main_usage(FILE *f)
{
	size_t	i;

	fprintf(f, "usage: ttxsim [--version] [--help] COMMAND [ARGS]\n\n"
	    "ttxsim runs tabletop cyber exercises written as Lua scenarios.\n\n"
	    "commands:\n");
	for (i = 0; i < NCMDS; i++)
		fprintf(f, "  %-8s %s\n", cmd_table[i]->name,
		    cmd_table[i]->summary);
	fprintf(f, "\n'ttxsim COMMAND --help' describes a command.\n");
}

int
main(int argc, char **argv)
{
	size_t	i;

	xmalloc_init();		/* cJSON too: out of memory is one clean exit */
	/* a full file system or RLIMIT_FSIZE must fail the journal's write
	 * with an error it can report, not kill the process */
	signal(SIGXFSZ, SIG_IGN);

	if (argc < 2) {
		main_usage(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("ttxsim %s\n", TTX_VERSION);
		return 0;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		if (argc > 2 && strcmp(argv[1], "help") == 0) {
			for (i = 0; i < NCMDS; i++) {
				if (strcmp(cmd_table[i]->name, argv[2]) == 0) {
					cmd_usage(cmd_table[i], stdout);
					return 0;
				}
			}
		}
		main_usage(stdout);
		return 0;
	}
	for (i = 0; i < NCMDS; i++) {
		if (strcmp(cmd_table[i]->name, argv[1]) == 0)
			return cmd_table[i]->exec(argc - 1, argv + 1);
	}
	fprintf(stderr, "ttxsim: unknown command '%s'\n", argv[1]);
	main_usage(stderr);
	return EXIT_USAGE;
}

/*
 * The subcommand table: each command lives in cmd-NAME.c (facilitate,
 * a kind of join, in cmd-join.c) and is listed once, in main.c.  A
 * command returns the process's exit status: 0 success, 1 a problem
 * found in the input (scenario errors, check failures), 2 a usage error
 * or a file that cannot be read.
 *
 * Options go before or after the files, as planners type them: the
 * option strings have no leading '+', so getopt_long permutes, and "--"
 * still ends the options.  No command hands its arguments on to another
 * program, so none needs to stop at the first file.
 */
#ifndef TTX_CMD_H
#define TTX_CMD_H

#include <stdio.h>

#define EXIT_PROBLEM	1
#define EXIT_USAGE	2

struct cmd_entry {
	const char	*name;
	const char	*usage;		/* after "ttxsim NAME " */
	const char	*summary;	/* one line for `ttxsim --help' */
	const char	*help;		/* the options, for `NAME --help' */
	int		(*exec)(int argc, char **argv);
};

extern const struct cmd_entry cmd_check_entry;
extern const struct cmd_entry cmd_explore_entry;
extern const struct cmd_entry cmd_facilitate_entry;
extern const struct cmd_entry cmd_join_entry;
extern const struct cmd_entry cmd_journal_entry;
extern const struct cmd_entry cmd_msel_entry;
extern const struct cmd_entry cmd_report_entry;
extern const struct cmd_entry cmd_run_entry;
extern const struct cmd_entry cmd_serve_entry;

/* A bad option, as getopt_long (opterr 0, the option string starting
 * with ':') reported it in ch: "needs a value" or "unknown option". */
int	cmd_option_error(const struct cmd_entry *c, int ch, char **argv);

/* Print "usage: ttxsim NAME USAGE" and the command's help to f. */
void	cmd_usage(const struct cmd_entry *c, FILE *f);
/* Report a usage error for c and return EXIT_USAGE. */
int	cmd_usage_error(const struct cmd_entry *c, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

#endif

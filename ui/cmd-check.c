/*
 * ttxsim check FILE...: load each scenario's declarations without running
 * it and report every problem as file:line: message.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "diag.h"
#include "exercise.h"
#include "script.h"
#include "vis.h"

static int	cmd_check_exec(int, char **);

const struct cmd_entry cmd_check_entry = {
	.name = "check",
	.usage = "[-q] FILE...",
	.summary = "check scenarios for mistakes without running them",
	.help =
	    "Every problem is printed as FILE:LINE: MESSAGE, all of them in one\n"
	    "pass: Lua syntax and runtime errors at load, bad fields and\n"
	    "durations, duplicate ids, unknown roles, orgs, objectives,\n"
	    "phases, injects and choices referenced anywhere in the file, and\n"
	    "times after the scenario's end.  Exit status 1 if any.\n\n"
	    "  -q, --quiet   print nothing for a scenario without problems\n",
	.exec = cmd_check_exec,
};

static size_t
cmd_check_held(const struct exercise *ex)
{
	size_t	i, n = 0;

	for (i = 0; i < ex->ninjects; i++)
		n += ex->injects[i].at == EX_HELD;
	return n;
}

/* Check one file; 0 if clean, EXIT_PROBLEM or EXIT_USAGE. */
static int
cmd_check_one(const char *path, int quiet)
{
	struct diags	 d;
	struct error	 e;
	struct script	*s;
	struct exercise	*ex;
	int		 rc = 0;

	diags_init(&d, path);
	if ((s = script_new(path, NULL, &d, &e)) == NULL) {
		if (d.n == 0) {
			vis_printf(stderr, "ttxsim check: %s\n", e.msg);
			diags_free(&d);
			return EXIT_USAGE;
		}
		diags_print(&d, stderr);
		diags_free(&d);
		return EXIT_PROBLEM;
	}
	ex = exercise_new();
	if (script_begin(s, ex, 0, &d) != 0) {
		diags_sort(&d);
		diags_print(&d, stderr);
		rc = EXIT_PROBLEM;
	} else if (!quiet)
		vis_printf(stdout, "%s: ok: %zu roles, %zu injects (%zu held), %zu "
		    "objectives, %zu phases\n", path, ex->nroles, ex->ninjects,
		    cmd_check_held(ex), ex->nobjectives, ex->nphases);
	script_free(s);
	exercise_free(ex);
	diags_free(&d);
	return rc;
}

static int
cmd_check_exec(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int	c, quiet = 0, rc = 0, r, i;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'q':
			quiet = 1;
			break;
		case 'h':
			cmd_usage(&cmd_check_entry, stdout);
			return 0;
		default:
			return cmd_option_error(&cmd_check_entry, c, argv);
		}
	}
	if (optind >= argc)
		return cmd_usage_error(&cmd_check_entry, "no scenario file");
	for (i = optind; i < argc; i++) {
		r = cmd_check_one(argv[i], quiet);
		if (r > rc)
			rc = r;
	}
	return rc;
}

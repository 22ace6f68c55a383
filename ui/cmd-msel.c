/*
 * ttxsim msel export SCENARIO: the scenario's injects as an HSEEP-style
 * Master Scenario Events List, a CSV (RFC 4180: CRLF, fields quoted when
 * they hold a comma, a quote or a line break, UTF-8 with no BOM) that
 * opens in any spreadsheet, one row per inject in time order, held
 * injects last.
 *
 * ttxsim msel import FILE.csv: the other way, from a planner's MSEL to a
 * runnable scenario skeleton: roles, phases, objectives and injects
 * declared, times converted, handlers left as marked TODOs.  The CSV is
 * read by libcsv (RFC 4180: quoted fields, embedded commas, quotes and
 * line breaks); a bad row is reported as FILE:LINE with its column.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "diag.h"
#include "exercise.h"
#include "msel.h"
#include "script.h"
#include "vis.h"

static int	cmd_msel_exec(int, char **);

const struct cmd_entry cmd_msel_entry = {
	.name = "msel",
	.usage = "export [-o FILE.csv] SCENARIO\n"
	    "       ttxsim msel import [-o SCENARIO.lua] FILE.csv",
	.summary = "a scenario's injects to and from an MSEL spreadsheet (CSV)",
	.help =
	    "Columns: Event #, Inject ID, Scenario time (T+H:MM, or HELD),\n"
	    "Phase, From, To, Delivery method, Message title, Message text,\n"
	    "Expected player action, Objective, Capability, TLP, Decision\n"
	    "(\"key = label\" a line, then \"deadline 45m\"), Held/Contingency,\n"
	    "Notes.\n\n"
	    "import reads the same columns (in any order; Scenario time,\n"
	    "To and Message title are needed) and writes a scenario that\n"
	    "`ttxsim check' accepts, with TODOs where a planner must write\n"
	    "handlers.  Times: T+1:30 or 01:30:00 (minutes and seconds\n"
	    "00-59), D+1 H+2 M+30 S+15 (in that order; after a larger unit,\n"
	    "hours to 23, minutes and seconds to 59), or HELD.  A phase\n"
	    "begins with its first timed inject.\n\n"
	    "  -o FILE       write there instead of standard output\n",
	.exec = cmd_msel_exec,
};

static int
cmd_msel_exec(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd_entry	*ce = &cmd_msel_entry;
	const char		*out = NULL;
	struct diags		 d;
	struct error		 e;
	struct script		*s;
	struct exercise		*ex;
	FILE			*f = stdout;
	int			 c, rc = 0, import;

	opterr = 0;
	if (argc < 2 || (strcmp(argv[1], "export") != 0 &&
	    strcmp(argv[1], "import") != 0)) {
		if (argc >= 2 && (strcmp(argv[1], "--help") == 0 ||
		    strcmp(argv[1], "-h") == 0)) {
			cmd_usage(ce, stdout);
			return 0;
		}
		return cmd_usage_error(ce, argc < 2 ? "export or import?" :
		    "expected export or import, got '%s'", argv[1]);
	}
	import = strcmp(argv[1], "import") == 0;
	argc--;
	argv++;
	while ((c = getopt_long(argc, argv, ":ho:", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			out = optarg;
			break;
		case 'h':
			cmd_usage(ce, stdout);
			return 0;
		default:
			return cmd_option_error(ce, c, argv);
		}
	}
	if (optind != argc - 1)
		return cmd_usage_error(ce, import ? "expected one FILE.csv" :
		    "expected one SCENARIO");
	if (import) {
		if (out != NULL && (f = fopen(out, "w")) == NULL) {
			vis_printf(stderr, "ttxsim msel: %s: %s\n", out,
			    strerror(errno));
			return EXIT_USAGE;
		}
		rc = msel_import(argv[optind], f, stderr);
		if (f != stdout && fclose(f) != 0 && rc == 0) {
			vis_printf(stderr, "ttxsim msel: %s: write failed\n",
			    out);
			rc = EXIT_USAGE;
		}
		if (rc != 0 && out != NULL)
			remove(out);	/* no half-written scenario */
		return rc;
	}
	diags_init(&d, argv[optind]);
	ex = exercise_new();
	if ((s = script_new(argv[optind], NULL, &d, &e)) == NULL ||
	    script_begin(s, ex, 0, &d) != 0) {
		if (d.n > 0) {
			diags_sort(&d);
			diags_print(&d, stderr);
			rc = EXIT_PROBLEM;
		} else {
			vis_printf(stderr, "ttxsim msel: %s\n", e.msg);
			rc = EXIT_USAGE;
		}
		goto out;
	}
	if (out != NULL && (f = fopen(out, "w")) == NULL) {
		vis_printf(stderr, "ttxsim msel: %s: cannot write\n", out);
		rc = EXIT_USAGE;
		goto out;
	}
	msel_export(ex, f);
	if (f != stdout && fclose(f) != 0) {
		vis_printf(stderr, "ttxsim msel: %s: write failed\n", out);
		rc = EXIT_USAGE;
	}
out:
	script_free(s);
	exercise_free(ex);
	diags_free(&d);
	return rc;
}

/*
 * ttxsim report JOURNAL: the after-action report, from the journal alone.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "report.h"
#include "vis.h"

static int	cmd_report_exec(int, char **);

const struct cmd_entry cmd_report_entry = {
	.name = "report",
	.usage = "[--format md|html|json] [-o FILE] JOURNAL",
	.summary = "write the after-action report of an exercise",
	.help =
	    "  --format md|html|json  Markdown (default), one self-contained\n"
	    "                         HTML file with a timeline, or JSON\n"
	    "  -o FILE                write to FILE instead of standard output\n\n"
	    "The report reads only the journal.  A torn last line is dropped\n"
	    "(and the report says so); a damaged journal is refused with the\n"
	    "line number.\n",
	.exec = cmd_report_exec,
};

static int
cmd_report_exec(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd_entry	*ce = &cmd_report_entry;
	const char		*out = NULL;
	struct report		*r;
	struct error		 e;
	FILE			*f = stdout;
	int			 c, fmt = REPORT_MD, rc = 0;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":f:o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if ((fmt = report_format_parse(optarg)) == -1)
				return cmd_usage_error(ce, "--format: expected "
				    "md, html or json, got '%s'", optarg);
			break;
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
		return cmd_usage_error(ce, optind >= argc ? "no journal" :
		    "one journal at a time");
	if ((r = report_load(argv[optind], &e)) == NULL) {
		if (e.code == ERR_IO) {
			vis_printf(stderr, "ttxsim report: %s\n", e.msg);
			return EXIT_USAGE;
		}
		vis_printf(stderr, "%s:%s\n", argv[optind],
		    strncmp(e.msg, "line ", 5) == 0 ? e.msg + 5 : e.msg);
		return EXIT_PROBLEM;
	}
	if (out != NULL && (f = fopen(out, "w")) == NULL) {
		perror(out);
		report_free(r);
		return EXIT_USAGE;
	}
	if (report_write(r, (enum report_format)fmt, f, &e) != 0) {
		vis_printf(stderr, "ttxsim report: %s\n", e.msg);
		rc = EXIT_PROBLEM;
	}
	if (out != NULL && fclose(f) != 0) {
		perror(out);
		rc = EXIT_PROBLEM;
	}
	report_free(r);
	return rc;
}

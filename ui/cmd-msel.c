/*
 * ttxsim msel export SCENARIO: the scenario's injects as an HSEEP-style
 * Master Scenario Events List, a CSV (RFC 4180: CRLF, fields quoted when
 * they hold a comma, a quote or a line break, UTF-8 with no BOM) that
 * opens in any spreadsheet, one row per inject in time order, held
 * injects last.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "diag.h"
#include "exercise.h"
#include "script.h"
#include "tlp.h"
#include "vtime.h"

static int	cmd_msel_exec(int, char **);

const struct cmd_entry cmd_msel_entry = {
	.name = "msel",
	.usage = "export [-o FILE.csv] SCENARIO",
	.summary = "a scenario's injects as an MSEL spreadsheet (CSV)",
	.help =
	    "Columns: Event #, Inject ID, Scenario time (T+H:MM, or HELD),\n"
	    "Phase, From, To, Delivery method, Message title, Message text,\n"
	    "Expected player action, Objective, Capability, TLP, Decision\n"
	    "(the choices and the deadline), Held/Contingency, Notes.\n\n"
	    "  -o FILE.csv   write there instead of standard output\n",
	.exec = cmd_msel_exec,
};

static const char *const msel_columns[] = {
	"Event #", "Inject ID", "Scenario time", "Phase", "From", "To",
	"Delivery method", "Message title", "Message text",
	"Expected player action", "Objective", "Capability", "TLP",
	"Decision", "Held/Contingency", "Notes", NULL
};

/* One field, quoted if it must be (RFC 4180). */
static void
field(FILE *f, const char *s, int last)
{
	const char	*p;

	if (s == NULL)
		s = "";
	if (strpbrk(s, ",\"\r\n") != NULL) {
		fputc('"', f);
		for (p = s; *p != '\0'; p++) {
			if (*p == '"')
				fputc('"', f);
			fputc(*p, f);
		}
		fputc('"', f);
	} else
		fputs(s, f);
	fputs(last ? "\r\n" : ",", f);
}

static const char *
msel_time(sim_time at, char *buf, size_t len)
{
	int64_t	m;

	if (at == EX_HELD)
		return "HELD";
	m = at / SIM_MIN;
	snprintf(buf, len, "T+%lld:%02lld", (long long)(m / 60),
	    (long long)(m % 60));
	return buf;
}

static int
cmp_inject(const int *a, const int *b, const struct exercise *ex)
{
	const struct ex_inject	*x = &ex->injects[*a];
	const struct ex_inject	*y = &ex->injects[*b];

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return x->line - y->line;
}

static void
msel_write(const struct exercise *ex, FILE *f)
{
	const struct ex_inject	*in;
	char			 n[24], t[32], dl[48], *to, *dec, *p;
	size_t			 i, k, len;
	int			*order;

	for (i = 0; msel_columns[i] != NULL; i++)
		field(f, msel_columns[i], msel_columns[i + 1] == NULL);
	order = calloc(ex->ninjects + 1, sizeof *order);
	for (i = 0; i < ex->ninjects; i++)
		order[i] = (int)i;
	/* insertion sort: a few dozen injects, and it keeps file order */
	for (i = 1; i < ex->ninjects; i++)
		for (k = i; k > 0 && cmp_inject(&order[k - 1], &order[k],
		    ex) > 0; k--) {
			int tmp = order[k];
			order[k] = order[k - 1];
			order[k - 1] = tmp;
		}
	for (i = 0; i < ex->ninjects; i++) {
		in = &ex->injects[order[i]];
		snprintf(n, sizeof n, "%zu", i + 1);
		field(f, n, 0);
		field(f, in->id, 0);
		field(f, msel_time(in->at, t, sizeof t), 0);
		field(f, in->phase >= 0 ? ex->phases[in->phase].id : "", 0);
		field(f, in->from, 0);
		for (k = len = 0; k < in->nto; k++)
			len += strlen(ex->roles[in->to[k]].id) + 2;
		to = calloc(len + 1, 1);
		for (k = 0; k < in->nto; k++) {
			if (k > 0)
				strcat(to, "; ");
			strcat(to, ex->roles[in->to[k]].id);
		}
		field(f, to, 0);
		free(to);
		field(f, "ttxsim console", 0);
		field(f, in->title, 0);
		field(f, in->body, 0);
		field(f, in->expect, 0);
		field(f, in->objective >= 0 ? ex->objectives[in->objective].id :
		    "", 0);
		field(f, in->objective >= 0 ?
		    ex->objectives[in->objective].capability : "", 0);
		for (p = strcpy(t, tlp_name(in->tlp)); *p; p++)
			*p = (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
		field(f, t, 0);
		for (k = len = 0; k < in->nchoices; k++)
			len += strlen(in->choices[k].id) +
			    strlen(in->choices[k].label) + 8;
		dec = calloc(len + 64, 1);
		for (k = 0; k < in->nchoices; k++) {
			strcat(dec, k ? "; " : "");
			strcat(dec, in->choices[k].id);
			strcat(dec, " = ");
			strcat(dec, in->choices[k].label);
		}
		if (in->deadline > 0) {
			snprintf(dl, sizeof dl, "%sdeadline %s", in->nchoices ?
			    "; " : "", vtime_format_short(in->deadline,
			    t, sizeof t));
			strcat(dec, dl);
		}
		field(f, dec, 0);
		free(dec);
		field(f, in->contingency ? "contingency" : in->at == EX_HELD ?
		    "held" : "", 0);
		field(f, "", 1);
	}
	free(order);
}

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
	int			 c, rc = 0;

	opterr = 0;
	if (argc < 2 || strcmp(argv[1], "export") != 0) {
		if (argc >= 2 && (strcmp(argv[1], "--help") == 0 ||
		    strcmp(argv[1], "-h") == 0)) {
			cmd_usage(ce, stdout);
			return 0;
		}
		return cmd_usage_error(ce, argc < 2 ? "export what?" :
		    "unknown: '%s' (msel export)", argv[1]);
	}
	argc--;
	argv++;
	while ((c = getopt_long(argc, argv, "+ho:", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			out = optarg;
			break;
		case 'h':
			cmd_usage(ce, stdout);
			return 0;
		default:
			return cmd_usage_error(ce, "unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	if (optind != argc - 1)
		return cmd_usage_error(ce, "expected one SCENARIO");
	diags_init(&d, argv[optind]);
	ex = exercise_new();
	if ((s = script_new(argv[optind], NULL, &d, &e)) == NULL ||
	    script_begin(s, ex, 0, &d) != 0) {
		if (d.n > 0) {
			diags_sort(&d);
			diags_print(&d, stderr);
			rc = EXIT_PROBLEM;
		} else {
			fprintf(stderr, "ttxsim msel: %s\n", e.msg);
			rc = EXIT_USAGE;
		}
		goto out;
	}
	if (out != NULL && (f = fopen(out, "w")) == NULL) {
		fprintf(stderr, "ttxsim msel: %s: cannot write\n", out);
		rc = EXIT_USAGE;
		goto out;
	}
	msel_write(ex, f);
	if (f != stdout && fclose(f) != 0) {
		fprintf(stderr, "ttxsim msel: %s: write failed\n", out);
		rc = EXIT_USAGE;
	}
out:
	script_free(s);
	exercise_free(ex);
	diags_free(&d);
	return rc;
}

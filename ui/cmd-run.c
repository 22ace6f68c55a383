/*
 * ttxsim run --headless FILE: run a whole exercise at full speed with bots
 * playing every role, and print what happened.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "bot.h"
#include "cmd.h"
#include "diag.h"
#include "exercise.h"
#include "journal.h"
#include "report.h"
#include "script.h"
#include "vtime.h"

static int	cmd_run_exec(int, char **);

const struct cmd_entry cmd_run_entry = {
	.name = "run",
	.usage = "--headless [-v] [--seed N] [--bots random|first] "
	    "[--choose INJECT=CHOICE]... [--journal FILE | --no-journal] FILE",
	.summary = "run an exercise (headless: bots play every role)",
	.help =
	    "  --headless            run at full speed with bots playing every\n"
	    "                        role, then print the outcome\n"
	    "  --seed N              the random seed (default: a fresh one,\n"
	    "                        printed so the run can be repeated)\n"
	    "  --bots random|first   how bots choose: at random (default) or\n"
	    "                        always the first choice listed\n"
	    "  --choose INJECT=CHOICE\n"
	    "                        bots always take CHOICE on INJECT (repeat\n"
	    "                        for several injects; forces a path)\n"
	    "  --journal FILE        where to write the journal (default:\n"
	    "                        runs/ID-YYYYMMDDTHHMMSSZ-SEED.jsonl; never\n"
	    "                        overwrites a file)\n"
	    "  --no-journal          keep no journal (for quick experiments)\n"
	    "  -v, --verbose         print the timeline as it happens\n\n"
	    "Exit status 0 if the exercise ran without scenario errors, 1 if\n"
	    "the scenario failed to load or raised errors, 2 on bad usage.\n",
	.exec = cmd_run_exec,
};

/* A headless run commits its journal in groups of this many records (and
 * at the end): nobody waits on an acknowledgement. */
#define RUN_COMMIT_EVERY	512

struct run_opts {
	int		 headless, verbose, no_journal;
	const char	*journal_path;
	char		 journal_buf[512];	/* the default path */
	struct journal	*journal;
	struct error	 journal_err;
	uint64_t	 seed;
	int		 seeded;
	enum bot_mode	 bots;
	char		**choose;
	size_t		 nchoose;
};

static const char *
run_role(const struct exercise *ex, int role)
{
	return role >= 0 ? ex->roles[role].id : "?";
}

/* Print the timeline (stdout, with -v) and scenario errors (stderr,
 * always). */
static void
run_sink(struct exercise *ex, const struct ex_record *r, void *arg)
{
	struct run_opts		*o = arg;
	const struct ex_inject	*in = r->inject >= 0 ?
	    &ex->injects[r->inject] : NULL;
	const struct ex_delivery *dv = r->delivery >= 0 ?
	    &ex->deliveries[r->delivery] : NULL;
	char			 t[VTIME_BUFSZ], b[VTIME_BUFSZ];
	size_t			 i;

	if (o->journal != NULL && !journal_failed(o->journal) &&
	    (journal_record(o->journal, ex, r, &o->journal_err) != 0 ||
	    (journal_seq(o->journal) % RUN_COMMIT_EVERY == 0 &&
	    journal_commit(o->journal, &o->journal_err) != 0))) {
		/* what cannot be kept must not happen: stop here */
		exercise_halt(ex);
		return;
	}
	vtime_format(r->t, t, sizeof t);
	if (r->kind == REC_ERROR) {
		fprintf(stderr, "%s scenario error: %s\n", t, r->text);
		if (!o->verbose)
			return;
	}
	if (!o->verbose)
		return;
	switch (r->kind) {
	case REC_START:
		printf("%s  start     %s\n", t, ex->scenario.title);
		break;
	case REC_PHASE:
		printf("%s  phase     %s: %s\n", t, ex->phases[r->phase].id,
		    ex->phases[r->phase].title);
		break;
	case REC_INJECT:
		printf("%s  inject    %s -> ", t, in->id);
		for (i = 0; i < dv->nto; i++)
			printf("%s%s", i ? "," : "", run_role(ex, dv->to[i]));
		printf(" [%s] %s", tlp_banner(dv->tlp), dv->title);
		if (in->nchoices > 0) {
			printf(" (choices:");
			for (i = 0; i < in->nchoices; i++)
				printf("%s %s", i ? "," : "",
				    in->choices[i].id);
			if (dv->due != SIM_NEVER)
				printf("; deadline %s", vtime_format_short(
				    dv->due - dv->t, b, sizeof b));
			printf(")");
		}
		printf("\n");
		break;
	case REC_ACK:
		printf("%s  ack       %s by %s\n", t, in->id,
		    run_role(ex, r->role));
		break;
	case REC_DECISION:
		printf("%s  decision  %s: %s by %s%s\n", t, in->id,
		    in->choices[r->choice].id, run_role(ex, r->role),
		    r->late ? " (late)" : "");
		break;
	case REC_TIMEOUT:
		printf("%s  timeout   %s: no decision by the deadline\n", t,
		    in->id);
		break;
	case REC_OBJECTIVE:
		printf("%s  objective %s %s%s%s\n", t,
		    ex->objectives[r->objective].id,
		    exercise_verdict_name(r->verdict), r->text ? ": " : "",
		    r->text ? r->text : "");
		break;
	case REC_LOG:
		printf("%s  log       %s\n", t, r->text);
		break;
	case REC_ERROR:
		printf("%s  error     %.*s\n", t,
		    (int)strcspn(r->text, "\n"), r->text);
		break;
	case REC_END:
		printf("%s  end%s%s\n", t, r->text ? "       " : "",
		    r->text ? r->text : "");
		break;
	}
}

static void
run_outcome(const struct exercise *ex, const struct run_opts *o)
{
	const struct ex_scenario *sc = &ex->scenario;
	char		 t[VTIME_BUFSZ], cal[VTIME_BUFSZ], d[VTIME_BUFSZ];
	size_t		 i, held = 0, heldfired = 0, timedfired = 0, timed = 0;
	unsigned	 met = 0, missed = 0, open = 0;
	int		 any;

	for (i = 0; i < ex->ninjects; i++) {
		if (ex->injects[i].at == EX_HELD) {
			held++;
			heldfired += ex->injects[i].fired > 0;
		} else {
			timed++;
			timedfired += ex->injects[i].fired > 0;
		}
	}
	for (i = 0; i < ex->nobjectives; i++) {
		switch (ex->objectives[i].verdict) {
		case EX_MET: met++; break;
		case EX_MISSED: missed++; break;
		default: open++; break;
		}
	}

	printf("%s (%s), seed %" PRIu64 ", bots %s\n", sc->title, sc->id,
	    ex->seed, o->bots == BOT_FIRST ? "first" : "random");
	vtime_format(ex->end_t, t, sizeof t);
	printf("ended %s", t);
	if (sc->start != 0)
		printf(" (%s)", vtime_format_iso(sc->start + ex->end_t /
		    SIM_SEC, cal, sizeof cal));
	if (ex->end_reason != NULL)
		printf(": finished: %s\n", ex->end_reason);
	else if (sc->duration != SIM_NEVER && ex->end_t == sc->duration)
		printf(": the scenario's %s ran out\n",
		    vtime_format_short(sc->duration, d, sizeof d));
	else
		printf(": nothing left to happen\n");
	printf("events %" PRIu64 ", injects delivered %zu (%zu of %zu timed, "
	    "%zu of %zu held), acknowledgements %u, decisions %u (%u late), "
	    "deadlines missed %u, scenario errors %u\n",
	    sim_fired(ex->sim), ex->ndeliveries, timedfired, timed, heldfired,
	    held, ex->nacks, ex->ndecisions, ex->nlate, ex->ntimeouts,
	    ex->nerrors);
	printf("objectives: %u met, %u missed, %u undecided\n", met, missed,
	    open);
	for (i = 0; i < ex->nobjectives; i++) {
		const struct ex_objective *ob = &ex->objectives[i];
		if (ob->verdict == EX_OPEN)
			printf("  %-9s %-24s %-11s %s\n", "undecided", ob->id,
			    "", ob->text);
		else
			printf("  %-9s %-24s %-11s %s%s%s\n",
			    exercise_verdict_name(ob->verdict), ob->id,
			    vtime_format(ob->verdict_t, t, sizeof t),
			    ob->text, ob->note ? " -- " : "",
			    ob->note ? ob->note : "");
	}
	printf("path:");
	any = 0;
	for (i = 0; i < ex->ndeliveries; i++) {
		const struct ex_delivery *dv = &ex->deliveries[i];
		if (dv->choice == -1)
			continue;
		printf(" %s=%s", ex->injects[dv->inject].id,
		    ex->injects[dv->inject].choices[dv->choice].id);
		any = 1;
	}
	printf("%s\n", any ? "" : " (no decisions)");
}

static uint64_t
run_fresh_seed(void)
{
	uint64_t	seed = 0;
	int		fd;

	if ((fd = open("/dev/urandom", O_RDONLY)) != -1) {
		if (read(fd, &seed, sizeof seed) != (ssize_t)sizeof seed)
			seed = 0;
		close(fd);
	}
	if (seed == 0)
		seed = (uint64_t)getpid() * 2654435761u;
	return seed % 1000000000;	/* short enough to type */
}

static int
run_parse(int argc, char **argv, struct run_opts *o)
{
	static const struct option longopts[] = {
		{ "headless", no_argument, NULL, 'H' },
		{ "seed", required_argument, NULL, 's' },
		{ "bots", required_argument, NULL, 'b' },
		{ "choose", required_argument, NULL, 'c' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "journal", required_argument, NULL, 'j' },
		{ "no-journal", no_argument, NULL, 'J' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd_entry	*ce = &cmd_run_entry;
	char			*end;
	int			 c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "+vh", longopts, NULL)) != -1) {
		switch (c) {
		case 'H':
			o->headless = 1;
			break;
		case 's':
			errno = 0;
			o->seed = strtoull(optarg, &end, 10);
			if (errno != 0 || end == optarg || *end != '\0' ||
			    optarg[0] == '-')
				return cmd_usage_error(ce, "--seed: expected a "
				    "number from 0 to 18446744073709551615, "
				    "got '%s'", optarg);
			o->seeded = 1;
			break;
		case 'b':
			if (strcmp(optarg, "random") == 0)
				o->bots = BOT_RANDOM;
			else if (strcmp(optarg, "first") == 0)
				o->bots = BOT_FIRST;
			else
				return cmd_usage_error(ce, "--bots: expected "
				    "random or first, got '%s'", optarg);
			break;
		case 'c':
			if (strchr(optarg, '=') == NULL)
				return cmd_usage_error(ce, "--choose: expected "
				    "INJECT=CHOICE, got '%s'", optarg);
			o->choose = realloc(o->choose, (o->nchoose + 1) *
			    sizeof *o->choose);
			if (o->choose == NULL)
				abort();
			o->choose[o->nchoose++] = optarg;
			break;
		case 'v':
			o->verbose = 1;
			break;
		case 'j':
			o->journal_path = optarg;
			break;
		case 'J':
			o->no_journal = 1;
			break;
		case 'h':
			cmd_usage(ce, stdout);
			return -1;
		case ':':
			return cmd_usage_error(ce, "%s needs a value",
			    argv[optind - 1]);
		default:
			return cmd_usage_error(ce, "unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	if (optind != argc - 1)
		return cmd_usage_error(ce, optind >= argc ? "no scenario file" :
		    "one scenario file at a time");
	if (o->journal_path != NULL && o->no_journal)
		return cmd_usage_error(ce, "--journal and --no-journal together");
	if (!o->headless)
		return cmd_usage_error(ce, "live exercises (consoles for "
		    "players) are not available yet: add --headless to run "
		    "with bots");
	return 0;
}

/* Create the journal (the default name under runs/) and write its
 * header. */
static int
run_open_journal(struct run_opts *o, struct script *s, struct exercise *ex,
    struct error *e)
{
	const char	*src;
	char		 stamp[32];
	size_t		 len;
	time_t		 now = time(NULL);
	struct tm	 tm;

	if (o->journal_path == NULL) {
		gmtime_r(&now, &tm);
		strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
		if (mkdir("runs", 0700) == -1 && errno != EEXIST)
			return error_set(e, ERR_IO, "runs: %s",
			    strerror(errno));
		snprintf(o->journal_buf, sizeof o->journal_buf,
		    "runs/%s-%s-%" PRIu64 ".jsonl", ex->scenario.id, stamp,
		    o->seed);
		o->journal_path = o->journal_buf;
	}
	if ((o->journal = journal_create(o->journal_path, NULL, NULL,
	    e)) == NULL)
		return -1;
	src = script_source(s, &len);
	if (journal_header(o->journal, ex, script_path(s), src, len,
	    o->bots == BOT_FIRST ? "first" : "random", e) != 0 ||
	    journal_commit(o->journal, e) != 0)
		return -1;
	return 0;
}

/* The after-action report next to the journal, in Markdown and HTML.  A
 * report that cannot be written is said, and loses nothing: the journal
 * stays, and `ttxsim report' can be run on it later. */
static void
run_reports(const char *journal)
{
	static const struct {
		const char		*ext;
		enum report_format	 fmt;
	} outs[] = { { ".md", REPORT_MD }, { ".html", REPORT_HTML } };
	struct report	*r;
	struct error	 e;
	char		 path[600];
	size_t		 i, len = strlen(journal);
	FILE		*f;

	if (len > 6 && strcmp(journal + len - 6, ".jsonl") == 0)
		len -= 6;
	if ((r = report_load(journal, &e)) == NULL) {
		fprintf(stderr, "ttxsim run: report: %s\n", e.msg);
		return;
	}
	for (i = 0; i < sizeof outs / sizeof outs[0]; i++) {
		snprintf(path, sizeof path, "%.*s-report%s", (int)len,
		    journal, outs[i].ext);
		if ((f = fopen(path, "w")) == NULL ||
		    report_write(r, outs[i].fmt, f, &e) != 0 ||
		    fclose(f) != 0) {
			fprintf(stderr, "ttxsim run: cannot write %s\n", path);
			continue;
		}
		printf("report: %s\n", path);
	}
	report_free(r);
}

static int
cmd_run_exec(int argc, char **argv)
{
	struct run_opts	 o;
	struct diags	 d;
	struct error	 e;
	struct script	*s = NULL;
	struct exercise	*ex = NULL;
	struct bot	*bots = NULL;
	const char	*path;
	size_t		 i;
	int		 rc;

	memset(&o, 0, sizeof o);
	if ((rc = run_parse(argc, argv, &o)) != 0) {
		free(o.choose);
		return rc == -1 ? 0 : rc;
	}
	path = argv[optind];
	if (!o.seeded)
		o.seed = run_fresh_seed();

	diags_init(&d, path);
	rc = EXIT_PROBLEM;
	if ((s = script_new(path, NULL, &d, &e)) == NULL) {
		if (d.n == 0) {
			fprintf(stderr, "ttxsim run: %s\n", e.msg);
			rc = EXIT_USAGE;
		} else
			diags_print(&d, stderr);
		goto out;
	}
	ex = exercise_new();
	if (script_begin(s, ex, o.seed, &d) != 0) {
		diags_sort(&d);
		diags_print(&d, stderr);
		goto out;
	}
	bots = bot_new(ex, o.bots, o.seed);
	for (i = 0; i < o.nchoose; i++) {
		char	*eq = strchr(o.choose[i], '=');

		*eq = '\0';
		if (bot_force(bots, o.choose[i], eq + 1, &e) != 0) {
			*eq = '=';
			rc = cmd_usage_error(&cmd_run_entry, "--choose %s: %s",
			    o.choose[i], e.msg);
			goto out;
		}
		*eq = '=';
	}
	if (!o.no_journal && run_open_journal(&o, s, ex, &e) != 0) {
		fprintf(stderr, "ttxsim run: %s\n", e.msg);
		rc = EXIT_USAGE;
		goto out;
	}
	exercise_set_sink(ex, run_sink, &o);
	exercise_start(ex);
	exercise_run(ex, SIM_NEVER);
	if (o.journal != NULL && !journal_failed(o.journal))
		journal_commit(o.journal, &o.journal_err);
	if (o.verbose)
		printf("\n");
	run_outcome(ex, &o);
	if (o.journal != NULL && journal_failed(o.journal)) {
		fprintf(stderr, "ttxsim run: %s\n", o.journal_err.msg);
		rc = EXIT_PROBLEM;
	} else if (o.journal != NULL) {
		printf("journal: %s\n", journal_path(o.journal));
		journal_close(o.journal, NULL);
		o.journal = NULL;
		run_reports(o.journal_path);
	}
	else
		rc = 0;
	if (rc != EXIT_PROBLEM)
		rc = ex->nerrors > 0 ? EXIT_PROBLEM : 0;
out:
	journal_close(o.journal, NULL);
	bot_free(bots);
	script_free(s);
	exercise_free(ex);
	diags_free(&d);
	free(o.choose);
	return rc;
}

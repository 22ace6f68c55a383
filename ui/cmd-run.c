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
#include "exfiles.h"
#include "diag.h"
#include "exercise.h"
#include "journal.h"
#include "live.h"
#include "pacer.h"
#include "replay.h"
#include "report.h"
#include "script.h"
#include "vis.h"
#include "vtime.h"

static int	cmd_run_exec(int, char **);

const struct cmd_entry cmd_run_entry = {
	.name = "run",
	.usage = "[--solo] [--listen HOST:PORT]... [--seed N] [--speed X] "
	    "[--journal FILE] FILE\n"
	    "       ttxsim run --headless [-v] [--seed N] [--bots random|first] "
	    "[--choose INJECT=CHOICE]... [--journal FILE | --no-journal] "
	    "[--speed X] FILE\n"
	    "       ttxsim run --headless --resume JOURNAL [-v] [--speed X] "
	    "[FILE]",
	.summary = "run an exercise: live from this terminal, or headless",
	.help =
	    "Without --headless: a live exercise.  `ttxsim serve' starts in the\n"
	    "background and this terminal becomes the facilitator's console;\n"
	    "players join from theirs (the command is printed).  Leaving the\n"
	    "console leaves the exercise running; `ttxsim facilitate' comes\n"
	    "back to it.\n\n"
	    "  --solo                one terminal plays every role as well:\n"
	    "                        > switches between control and the roles\n"
	    "  --listen HOST:PORT    players may also join over TCP here (the\n"
	    "                        console uses a private Unix socket)\n"
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
	    "  --speed X             pace the run: X seconds of scenario time per\n"
	    "                        second of wall time (default: as fast as\n"
	    "                        possible); the journal is committed at\n"
	    "                        every instant\n"
	    "  --resume JOURNAL      go on with a stopped or crashed exercise:\n"
	    "                        re-run its scenario (FILE, default the one\n"
	    "                        the journal names, which must be unchanged)\n"
	    "                        with its seed, check every record against\n"
	    "                        the journal, then continue, appending\n"
	    "  -v, --verbose         print the timeline as it happens\n\n"
	    "Exit status 0 if the exercise ran without scenario errors, 1 if\n"
	    "the scenario failed to load or raised errors, 2 on bad usage.\n",
	.exec = cmd_run_exec,
};

/* A headless run commits its journal in groups of this many records (and
 * at the end): nobody waits on an acknowledgement. */
#define RUN_COMMIT_EVERY	512

struct run_opts {
	int		 headless, verbose, no_journal, solo, bots_given;
	const char	*listen[LIVE_MAX_LISTEN];	/* live: TCP too */
	int		 nlisten;
	const char	*speed_arg, *seed_arg;	/* for a live exercise */
	double		 speed;			/* 0: unpaced */
	const char	*resume;
	struct replay	*replay;
	int		 replaying, diverged;
	struct error	 replay_err;
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

	if (o->replaying) {
		cJSON	*rec = journal_encode(ex, r);
		int	 v = replay_verify(o->replay, rec, &o->replay_err);

		cJSON_Delete(rec);
		if (v == 1)
			return;		/* already in the journal */
		if (v == -1) {
			o->diverged = 1;
			exercise_halt(ex);
			return;
		}
		o->replaying = 0;	/* caught up: from here on, new */
		vtime_format(r->t, t, sizeof t);
		vis_printf(stdout, "resumed at %s after checking %zu records against the "
		    "journal\n", t, replay_matched(o->replay));
	}
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
		vis_printf(stderr, "%s scenario error: %s\n", t, r->text);
		if (!o->verbose)
			return;
	}
	if (!o->verbose)
		return;
	switch (r->kind) {
	case REC_START:
		vis_printf(stdout, "%s  start     %s\n", t, ex->scenario.title);
		break;
	case REC_PHASE:
		vis_printf(stdout, "%s  phase     %s: %s\n", t, ex->phases[r->phase].id,
		    ex->phases[r->phase].title);
		break;
	case REC_INJECT:
		vis_printf(stdout, "%s  inject    %s -> ", t, in->id);
		for (i = 0; i < dv->nto; i++)
			vis_printf(stdout, "%s%s", i ? "," : "", run_role(ex, dv->to[i]));
		vis_printf(stdout, " [%s] %s", tlp_banner(dv->tlp), dv->title);
		if (in->nchoices > 0) {
			vis_printf(stdout, " (choices:");
			for (i = 0; i < in->nchoices; i++)
				vis_printf(stdout, "%s %s", i ? "," : "",
				    in->choices[i].id);
			if (dv->due != SIM_NEVER)
				vis_printf(stdout, "; deadline %s", vtime_format_short(
				    dv->due - dv->t, b, sizeof b));
			vis_printf(stdout, ")");
		}
		vis_printf(stdout, "\n");
		break;
	case REC_ACK:
		vis_printf(stdout, "%s  ack       %s by %s\n", t, in->id,
		    run_role(ex, r->role));
		break;
	case REC_DECISION:
		vis_printf(stdout, "%s  decision  %s: %s by %s%s\n", t, in->id,
		    in->choices[r->choice].id, run_role(ex, r->role),
		    r->late ? " (late)" : "");
		break;
	case REC_TIMEOUT:
		vis_printf(stdout, "%s  timeout   %s: no decision by the deadline\n", t,
		    in->id);
		break;
	case REC_OBJECTIVE:
		vis_printf(stdout, "%s  objective %s %s%s%s\n", t,
		    ex->objectives[r->objective].id,
		    exercise_verdict_name(r->verdict), r->text ? ": " : "",
		    r->text ? r->text : "");
		break;
	case REC_LOG:
		vis_printf(stdout, "%s  log       %s\n", t, r->text);
		break;
	case REC_ERROR:
		vis_printf(stdout, "%s  error     %.*s\n", t,
		    (int)strcspn(r->text, "\n"), r->text);
		break;
	case REC_END:
		vis_printf(stdout, "%s  end%s%s\n", t, r->text ? "       " : "",
		    r->text ? r->text : "");
		break;
	case REC_SHARE:
		vis_printf(stdout, "%s  share     %s -> %zu roles [%s] %s%s%s\n", t,
		    run_role(ex, r->role), ex->shares[r->share].nto,
		    tlp_banner(ex->shares[r->share].tlp),
		    ex->shares[r->share].title, ex->shares[r->share].refused ?
		    " REFUSED: " : "", ex->shares[r->share].refused ?
		    ex->shares[r->share].reason : "");
		break;
	case REC_NOTE:
		vis_printf(stdout, "%s  note      %s: %.60s\n", t, run_role(ex, r->role),
		    r->text);
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

	vis_printf(stdout, "%s (%s), seed %" PRIu64 ", bots %s\n", sc->title, sc->id,
	    ex->seed, o->bots == BOT_FIRST ? "first" : "random");
	vtime_format(ex->end_t, t, sizeof t);
	vis_printf(stdout, "ended %s", t);
	if (sc->start != 0)
		vis_printf(stdout, " (%s)", vtime_format_iso(sc->start + ex->end_t /
		    SIM_SEC, cal, sizeof cal));
	if (ex->end_reason != NULL)
		vis_printf(stdout, ": finished: %s\n", ex->end_reason);
	else if (sc->duration != SIM_NEVER && ex->end_t == sc->duration)
		vis_printf(stdout, ": the scenario's %s ran out\n",
		    vtime_format_short(sc->duration, d, sizeof d));
	else
		vis_printf(stdout, ": nothing left to happen\n");
	vis_printf(stdout, "events %" PRIu64 ", injects delivered %zu (%zu of %zu timed, "
	    "%zu of %zu held), acknowledgements %u, decisions %u (%u late), "
	    "deadlines missed %u, scenario errors %u\n",
	    sim_fired(ex->sim), ex->ndeliveries, timedfired, timed, heldfired,
	    held, ex->nacks, ex->ndecisions, ex->nlate, ex->ntimeouts,
	    ex->nerrors);
	vis_printf(stdout, "objectives: %u met, %u missed, %u undecided\n", met, missed,
	    open);
	for (i = 0; i < ex->nobjectives; i++) {
		const struct ex_objective *ob = &ex->objectives[i];
		if (ob->verdict == EX_OPEN)
			vis_printf(stdout, "  %-9s %-24s %-11s %s\n", "undecided", ob->id,
			    "", ob->text);
		else
			vis_printf(stdout, "  %-9s %-24s %-11s %s%s%s\n",
			    exercise_verdict_name(ob->verdict), ob->id,
			    vtime_format(ob->verdict_t, t, sizeof t),
			    ob->text, ob->note ? " -- " : "",
			    ob->note ? ob->note : "");
	}
	vis_printf(stdout, "path:");
	any = 0;
	for (i = 0; i < ex->ndeliveries; i++) {
		const struct ex_delivery *dv = &ex->deliveries[i];
		if (dv->choice == -1)
			continue;
		vis_printf(stdout, " %s=%s", ex->injects[dv->inject].id,
		    ex->injects[dv->inject].choices[dv->choice].id);
		any = 1;
	}
	vis_printf(stdout, "%s\n", any ? "" : " (no decisions)");
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
		{ "speed", required_argument, NULL, 'S' },
		{ "resume", required_argument, NULL, 'R' },
		{ "solo", no_argument, NULL, 'O' },
		{ "listen", required_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd_entry	*ce = &cmd_run_entry;
	char			*end;
	int			 c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":vh", longopts, NULL)) != -1) {
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
			o->seed_arg = optarg;
			break;
		case 'b':
			o->bots_given = 1;
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
		case 'S':
			o->speed_arg = optarg;
			o->speed = strtod(optarg, &end);
			if (end == optarg || *end != '\0' || !(o->speed > 0) ||
			    o->speed > 1e9)
				return cmd_usage_error(ce, "--speed: expected a "
				    "number of scenario seconds per second, "
				    "more than 0, got '%s'", optarg);
			break;
		case 'R':
			o->resume = optarg;
			break;
		case 'O':
			o->solo = 1;
			break;
		case 'L':
			if (o->nlisten == LIVE_MAX_LISTEN)
				return cmd_usage_error(ce, "--listen: at most "
				    "%d", LIVE_MAX_LISTEN);
			o->listen[o->nlisten++] = optarg;
			break;
		case 'h':
			cmd_usage(ce, stdout);
			return -1;
		default:
			return cmd_option_error(ce, c, argv);
		}
	}
	if (o->resume != NULL && (o->seeded || o->nchoose > 0 ||
	    o->journal_path != NULL || o->no_journal))
		return cmd_usage_error(ce, "--resume takes the seed, bots and "
		    "journal from the journal: --seed, --bots, --choose and "
		    "--journal do not go with it");
	if (o->resume == NULL ? optind != argc - 1 : optind < argc - 1)
		return cmd_usage_error(ce, optind >= argc ? "no scenario file" :
		    "one scenario file at a time");
	if (o->journal_path != NULL && o->no_journal)
		return cmd_usage_error(ce, "--journal and --no-journal together");
	if (!o->headless && (o->resume || o->nchoose || o->verbose ||
	    o->no_journal || o->bots_given))
		return cmd_usage_error(ce, "--resume, --choose, --bots, -v and "
		    "--no-journal go with --headless (a live exercise is "
		    "resumed with `ttxsim serve --resume')");
	if (o->headless && (o->solo || o->nlisten))
		return cmd_usage_error(ce, "--solo and --listen are for a live "
		    "exercise: not with --headless");
	return 0;
}

/* Read the journal to resume and take the run's settings from it. */
static int
run_resume_setup(struct run_opts *o)
{
	const struct journal_info	*info;
	const char *const		*choose;
	struct error			 e;
	size_t				 i, n;

	if ((o->replay = replay_load(o->resume, &e)) == NULL) {
		if (e.code == ERR_IO) {
			vis_printf(stderr, "ttxsim run: %s\n", e.msg);
			return EXIT_USAGE;
		}
		vis_printf(stderr, "%s:%s\n", o->resume, strncmp(e.msg, "line ",
		    5) == 0 ? e.msg + 5 : e.msg);
		return EXIT_PROBLEM;
	}
	info = replay_info(o->replay);
	if (info->ended) {
		vis_printf(stderr, "ttxsim run: %s: the exercise has already "
		    "ended; nothing to resume\n", o->resume);
		return EXIT_PROBLEM;
	}
	if (info->torn)
		vis_printf(stderr, "ttxsim run: %s: warning: dropping the torn "
		    "last record (%zu bytes at byte offset %zu)\n", o->resume,
		    info->torn_len, info->torn_offset);
	o->seed = strtoull(replay_seed(o->replay), NULL, 10);
	o->seeded = 1;
	o->bots = strcmp(replay_bots(o->replay), "first") == 0 ? BOT_FIRST :
	    BOT_RANDOM;
	choose = replay_choose(o->replay, &n);
	for (i = 0; i < n; i++) {
		o->choose = realloc(o->choose, (o->nchoose + 1) *
		    sizeof *o->choose);
		if (o->choose == NULL)
			abort();
		/* writable: the choice is split at '=' in place */
		o->choose[o->nchoose++] = (char *)choose[i];
	}
	return 0;
}

static int64_t
run_wall_ns(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/*
 * A paced run: virtual time follows the wall clock times the speed.  The
 * journal is committed after each instant, so a crash loses at most the
 * instant being written.  A resumed run first replays, at full speed, up
 * to where its journal ends.
 */
static void
run_paced(struct exercise *ex, struct run_opts *o)
{
	struct pacer	p;
	struct timespec	ts;
	sim_time	next;
	int64_t		at;

	if (o->replaying)
		exercise_run(ex, replay_info(o->replay)->last_t);
	pacer_init(&p, run_wall_ns(), exercise_now(ex), o->speed);
	pacer_resume(&p, run_wall_ns());
	while (!ex->ended) {
		if ((next = sim_next(ex->sim)) == SIM_NEVER) {
			exercise_run(ex, SIM_NEVER);	/* ends: idle */
			break;
		}
		at = pacer_wall(&p, run_wall_ns(), next);
		ts.tv_sec = at / 1000000000;
		ts.tv_nsec = at % 1000000000;
		while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts,
		    NULL) == EINTR)
			;
		exercise_run(ex, next);
		if (o->journal != NULL && !journal_failed(o->journal) &&
		    journal_commit(o->journal, &o->journal_err) != 0)
			exercise_halt(ex);
	}
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
	memset(&d, 0, sizeof d);
	if ((rc = run_parse(argc, argv, &o)) != 0) {
		free(o.choose);
		return rc == -1 ? 0 : rc;
	}
	if (!o.headless) {
		struct live_opts lo = { .scenario = argv[optind],
		    .journal = o.journal_path, .speed = o.speed_arg,
		    .seed = o.seed_arg, .solo = o.solo,
		    .nlisten = o.nlisten };
		memcpy(lo.listen, o.listen, sizeof lo.listen);
		free(o.choose);
		return live_run(&lo);
	}
	if (o.resume != NULL) {
		if ((rc = run_resume_setup(&o)) != 0)
			goto out_early;
		path = optind < argc ? argv[optind] : replay_file(o.replay);
	} else
		path = argv[optind];
	if (!o.seeded)
		o.seed = exfiles_fresh_seed();

	diags_init(&d, path);
	rc = EXIT_PROBLEM;
	if ((s = script_new(path, NULL, &d, &e)) == NULL) {
		if (d.n == 0) {
			vis_printf(stderr, "ttxsim run: %s\n", e.msg);
			rc = EXIT_USAGE;
		} else
			diags_print(&d, stderr);
		goto out;
	}
	if (o.replay != NULL) {
		size_t		 len;
		const char	*src = script_source(s, &len);

		if (replay_check_source(o.replay, path, src, len, &e) != 0) {
			vis_printf(stderr, "ttxsim run: cannot resume %s: %s\n",
			    o.resume, e.msg);
			goto out;
		}
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
	if (o.replay != NULL) {
		const struct journal_info *info = replay_info(o.replay);

		o.journal = journal_reopen(o.resume, info->valid_bytes,
		    info->last_seq + 1, NULL, NULL, &e);
		if (o.journal == NULL) {
			vis_printf(stderr, "ttxsim run: %s\n", e.msg);
			goto out;
		}
		o.journal_path = o.resume;
		o.replaying = 1;
	} else if (!o.no_journal && (o.journal = exfiles_journal(
	    o.journal_path, o.journal_buf, sizeof o.journal_buf, s, ex,
	    o.bots == BOT_FIRST ? "first" : "random",
	    (const char *const *)o.choose, o.nchoose, &e)) == NULL) {
		vis_printf(stderr, "ttxsim run: %s\n", e.msg);
		rc = EXIT_USAGE;
		goto out;
	} else if (o.journal != NULL)
		o.journal_path = o.journal_buf;
	exercise_set_sink(ex, run_sink, &o);
	exercise_start(ex);
	if (o.speed > 0)
		run_paced(ex, &o);
	else
		exercise_run(ex, SIM_NEVER);
	if (o.replaying && !o.diverged) {
		o.diverged = 1;
		error_set(&o.replay_err, ERR_STATE, "the re-run ended after "
		    "%zu records, but the journal has more", replay_matched(
		    o.replay));
	}
	if (o.diverged) {
		vis_printf(stderr, "ttxsim run: cannot resume %s: %s\n",
		    o.resume, o.replay_err.msg);
		goto out;
	}
	if (o.journal != NULL && !journal_failed(o.journal))
		journal_commit(o.journal, &o.journal_err);
	if (o.verbose)
		vis_printf(stdout, "\n");
	run_outcome(ex, &o);
	rc = ex->nerrors > 0 ? EXIT_PROBLEM : 0;
	if (o.journal != NULL && journal_failed(o.journal)) {
		vis_printf(stderr, "ttxsim run: %s\n", o.journal_err.msg);
		rc = EXIT_PROBLEM;
	} else if (o.journal != NULL) {
		vis_printf(stdout, "journal: %s\n", journal_path(o.journal));
		journal_close(o.journal, NULL);
		o.journal = NULL;
		exfiles_reports("ttxsim run", o.journal_path);
	}
out:
	journal_close(o.journal, NULL);
out_early:
	replay_free(o.replay);
	bot_free(bots);
	script_free(s);
	exercise_free(ex);
	diags_free(&d);
	free(o.choose);
	return rc;
}

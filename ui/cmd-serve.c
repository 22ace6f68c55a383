/*
 * ttxsim serve SCENARIO: a live exercise that consoles join.
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bot.h"
#include "cmd.h"
#include "diag.h"
#include "exercise.h"
#include "exfiles.h"
#include "journal.h"
#include "replay.h"
#include "script.h"
#include "server.h"

static int	cmd_serve_exec(int, char **);

const struct cmd_entry cmd_serve_entry = {
	.name = "serve",
	.usage = "[--listen unix:PATH|HOST:PORT]... [--speed X] [--seed N] "
	    "[--journal FILE] [--tokens FILE] [--bots ROLE,...] "
	    "[--client-buffer BYTES] [--hotwash SECONDS] [--stats] "
	    "SCENARIO\n"
	    "       ttxsim serve --resume JOURNAL [--listen ...]... [--speed X] "
	    "[--tokens FILE] [SCENARIO]",
	.summary = "serve a live exercise that players join from their "
	    "terminals",
	.help =
	    "  --listen unix:PATH    a Unix socket (default: a new private\n"
	    "                        directory in $TMPDIR or /tmp); repeatable\n"
	    "  --listen HOST:PORT    TCP as well, e.g. 127.0.0.1:7070\n"
	    "  --speed X             scenario seconds per wall second (default\n"
	    "                        1; 60 plays an hour a minute)\n"
	    "  --seed N              the random seed (default: fresh)\n"
	    "  --journal FILE        the journal (default runs/...jsonl)\n"
	    "  --tokens FILE         where to write the join tokens, mode 0600\n"
	    "                        (default: beside the journal)\n"
	    "  --bots ROLE,...       bots play these roles (no human in them);\n"
	    "                        all: every role (a demonstration)\n"
	    "  --client-buffer BYTES output queued for one client before it\n"
	    "                        is dropped as too slow (default 4 MiB)\n"
	    "  --hotwash SECONDS     after the end, wait at most this long for\n"
	    "                        players to answer the hot-wash questions\n"
	    "                        (default 600; 0: do not ask)\n"
	    "  --stats               at the end, print how punctually events\n"
	    "                        ran (pacing lateness)\n"
	    "  --resume JOURNAL      go on with a stopped or crashed exercise:\n"
	    "                        its inputs are re-applied and every record\n"
	    "                        checked, then it is served again with the\n"
	    "                        same tokens (read from --tokens, default\n"
	    "                        beside the journal); consoles reconnect\n\n"
	    "The exercise waits until the facilitator (control token) sends\n"
	    "start.  Protocol: docs/protocol.md.  SIGINT or SIGTERM stops the\n"
	    "server with its journal intact.\n",
	.exec = cmd_serve_exec,
};

static volatile int serve_stop;

static void
serve_signal(int sig)
{
	(void)sig;
	serve_stop = 1;
}

static int
cmd_serve_exec(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "listen", required_argument, NULL, 'l' },
		{ "speed", required_argument, NULL, 'S' },
		{ "seed", required_argument, NULL, 's' },
		{ "journal", required_argument, NULL, 'j' },
		{ "tokens", required_argument, NULL, 't' },
		{ "bots", required_argument, NULL, 'b' },
		{ "client-buffer", required_argument, NULL, 'B' },
		{ "resume", required_argument, NULL, 'R' },
		{ "stats", no_argument, NULL, 'T' },
		{ "hotwash", required_argument, NULL, 'W' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd_entry	*ce = &cmd_serve_entry;
	struct server_config	 cfg;
	struct diags		 d;
	struct error		 e;
	struct script		*s = NULL;
	struct exercise		*ex = NULL;
	struct server		*srv = NULL;
	struct journal		*j = NULL;
	struct bot		*bots = NULL;
	struct sigaction	 sa;
	const char		*journal = NULL, *botroles = NULL;
	const char		*resume = NULL, *path;
	struct replay		*rp = NULL;
	char			 jbuf[512], tbuf[600], rbuf[600], *end, *list;
	char			*tok;
	uint64_t		 seed = 0;
	int			 c, seeded = 0, stats = 0, rc = EXIT_PROBLEM;

	memset(&cfg, 0, sizeof cfg);
	memset(&d, 0, sizeof d);
	cfg.speed = 1;
	cfg.log = stderr;
	cfg.hotwash_secs = 600;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case 'T':
			stats = 1;
			break;
		case 'W':
			cfg.hotwash_secs = (int)strtol(optarg, &end, 10);
			if (end == optarg || *end != '\0' ||
			    cfg.hotwash_secs < 0 || cfg.hotwash_secs > 86400)
				return cmd_usage_error(ce, "--hotwash: expected "
				    "seconds from 0 to 86400, got '%s'", optarg);
			break;
		case 'l':
			if (cfg.nlisten == 8)
				return cmd_usage_error(ce, "at most 8 --listen");
			cfg.listen[cfg.nlisten++] = optarg;
			break;
		case 'S':
			cfg.speed = strtod(optarg, &end);
			if (end == optarg || *end != '\0' || !(cfg.speed > 0))
				return cmd_usage_error(ce, "--speed: expected a "
				    "number more than 0, got '%s'", optarg);
			break;
		case 's':
			errno = 0;
			seed = strtoull(optarg, &end, 10);
			if (errno || end == optarg || *end != '\0')
				return cmd_usage_error(ce, "--seed: expected a "
				    "number, got '%s'", optarg);
			seeded = 1;
			break;
		case 'j':
			journal = optarg;
			break;
		case 't':
			cfg.tokens_path = optarg;
			break;
		case 'b':
			botroles = optarg;
			break;
		case 'B':
			cfg.max_output = strtoul(optarg, &end, 10);
			if (end == optarg || *end != '\0' ||
			    cfg.max_output < 4096)
				return cmd_usage_error(ce, "--client-buffer: "
				    "expected bytes, at least 4096, got '%s'",
				    optarg);
			break;
		case 'R':
			resume = optarg;
			break;
		case 'h':
			cmd_usage(ce, stdout);
			return 0;
		default:
			return cmd_option_error(ce, c, argv);
		}
	}
	if (resume != NULL && (seeded || journal != NULL || botroles != NULL))
		return cmd_usage_error(ce, "--resume takes the seed, bots and "
		    "journal from the journal");
	if (resume == NULL ? optind != argc - 1 : optind < argc - 1)
		return cmd_usage_error(ce, optind >= argc ? "no scenario file" :
		    "one scenario file at a time");
	if (resume != NULL) {
		const struct journal_info *info;

		if ((rp = replay_load(resume, &e)) == NULL) {
			fprintf(stderr, "ttxsim serve: %s: %s\n", resume,
			    e.msg);
			return EXIT_PROBLEM;
		}
		info = replay_info(rp);
		if (info->ended) {
			fprintf(stderr, "ttxsim serve: %s: the exercise has "
			    "already ended; nothing to resume\n", resume);
			replay_free(rp);
			return EXIT_PROBLEM;
		}
		if (info->torn)
			fprintf(stderr, "ttxsim serve: %s: warning: dropping "
			    "the torn last record (%zu bytes at byte offset "
			    "%zu)\n", resume, info->torn_len, info->torn_offset);
		seed = strtoull(replay_seed(rp), NULL, 10);
		seeded = 1;
		if (strcmp(replay_bots(rp), "none") != 0 &&
		    strcmp(replay_bots(rp), "random") != 0)
			botroles = replay_bots(rp);
	}
	if (!seeded)
		seed = exfiles_fresh_seed();

	path = optind < argc ? argv[optind] : replay_file(rp);
	diags_init(&d, path);
	if ((s = script_new(path, NULL, &d, &e)) == NULL) {
		if (d.n == 0) {
			fprintf(stderr, "ttxsim serve: %s\n", e.msg);
			rc = EXIT_USAGE;
		} else
			diags_print(&d, stderr);
		goto out;
	}
	if (rp != NULL) {
		size_t		 len;
		const char	*src = script_source(s, &len);

		if (replay_check_source(rp, path, src, len, &e) != 0) {
			fprintf(stderr, "ttxsim serve: cannot resume %s: %s\n",
			    resume, e.msg);
			goto out;
		}
	}
	ex = exercise_new();
	if (script_begin(s, ex, seed, &d) != 0) {
		diags_sort(&d);
		diags_print(&d, stderr);
		goto out;
	}
	if (botroles != NULL) {
		bots = bot_new(ex, BOT_RANDOM, seed);
		/* "all": a bot with no roles named plays every role */
		list = strdup(strcmp(botroles, "all") == 0 ? "" : botroles);
		for (tok = strtok(list, ","); tok != NULL;
		    tok = strtok(NULL, ",")) {
			if (bot_play(bots, tok, &e) != 0) {
				free(list);
				rc = cmd_usage_error(ce, "--bots: %s", e.msg);
				goto out;
			}
		}
		free(list);
	}
	if (rp != NULL) {
		const struct journal_info *info = replay_info(rp);

		snprintf(jbuf, sizeof jbuf, "%s", resume);
		if ((j = journal_reopen(resume, info->valid_bytes,
		    info->last_seq + 1, NULL, NULL, &e)) == NULL) {
			fprintf(stderr, "ttxsim serve: %s\n", e.msg);
			goto out;
		}
	} else if ((j = exfiles_journal(journal, jbuf, sizeof jbuf, s, ex,
	    botroles != NULL ? botroles : "none", NULL, 0, &e)) == NULL) {
		fprintf(stderr, "ttxsim serve: %s\n", e.msg);
		rc = EXIT_USAGE;
		goto out;
	}
	if (cfg.tokens_path == NULL) {
		size_t	len = strlen(jbuf);
		if (len > 6 && strcmp(jbuf + len - 6, ".jsonl") == 0)
			len -= 6;
		snprintf(tbuf, sizeof tbuf, "%.*s-tokens.txt", (int)len, jbuf);
		cfg.tokens_path = tbuf;
	}
	if (rp != NULL)
		cfg.tokens_in = cfg.tokens_path;
	exfiles_report_path(jbuf, ".md", rbuf, sizeof rbuf);
	cfg.report = rbuf;
	if ((srv = server_new(ex, j, &cfg, &e)) == NULL) {
		fprintf(stderr, "ttxsim serve: %s\n", e.msg);
		rc = EXIT_USAGE;
		goto out;
	}
	if (rp != NULL && server_resume(srv, rp, &e) != 0) {
		fprintf(stderr, "ttxsim serve: cannot resume %s: %s\n", resume,
		    e.msg);
		goto out;
	}
	server_print_join(srv, stdout);
	printf("Journal: %s\nTokens %s %s (mode 0600)\n%s\n", jbuf,
	    rp != NULL ? "read from" : "written to", cfg.tokens_path,
	    rp != NULL ? "Resumed: consoles may reconnect." :
	    "Waiting for the facilitator to start the exercise.");
	fflush(stdout);

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = serve_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	if (server_run(srv, &serve_stop, &e) != 0) {
		fprintf(stderr, "ttxsim serve: %s\n", e.msg);
		goto out;
	}
	if (stats) {
		struct server_stats st;

		server_stats(srv, &st);
		printf("pacing: %zu wake-ups for events, late by p50 %.1f us, "
		    "p99 %.1f us, max %.1f us\n", st.events,
		    (double)st.late_p50 / 1e3, (double)st.late_p99 / 1e3,
		    (double)st.late_max / 1e3);
	}
	if (journal_close(j, &e) != 0) {
		j = NULL;
		fprintf(stderr, "ttxsim serve: %s\n", e.msg);
		goto out;
	}
	j = NULL;
	if (ex->ended) {
		printf("The exercise has ended.\njournal: %s\n", jbuf);
		exfiles_reports("ttxsim serve", jbuf);
	} else
		printf("Stopped before the end; the journal is intact: %s\n",
		    jbuf);
	rc = 0;
out:
	replay_free(rp);
	server_free(srv);
	journal_close(j, NULL);
	bot_free(bots);
	script_free(s);
	exercise_free(ex);
	diags_free(&d);
	return rc;
}

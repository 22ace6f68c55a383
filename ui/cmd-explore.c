/*
 * ttxsim explore SCENARIO: play it many times with bots choosing at
 * random, on several processes, and tell the planner what can and cannot
 * happen.  Run i uses seed S + i, exactly as `ttxsim run --headless --seed
 * S+i' does, so whatever is found replays.  --shard I/N takes every N-th
 * run from the I-th, so a sweep splits across machines; --json tallies
 * from the shards add up with --merge.
 */
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bot.h"
#include "cmd.h"
#include "diag.h"
#include "exercise.h"
#include "explore.h"
#include "script.h"
#include "vis.h"
#include "xmalloc.h"

#define EXPLORE_MAX_JOBS	64
#define EXPLORE_TICK		100	/* runs between progress marks */

static int	cmd_explore_exec(int, char **);

const struct cmd_entry cmd_explore_entry = {
	.name = "explore",
	.usage = "[--runs N] [--jobs J] [--seed S] [--shard I/N] [--json] "
	    "FILE\n"
	    "       ttxsim explore --merge [--json] FILE.json...",
	.summary = "play a scenario many times and report what can happen",
	.help =
	    "Bots play every role, choosing at random and answering after a\n"
	    "delay drawn from each role's range.  Reported: how often each\n"
	    "inject fired and each choice was taken, dead content (injects\n"
	    "never fired, choices never taken), deadlines never met,\n"
	    "objectives met / missed / undecided, scenario errors with the\n"
	    "seed that replays them, the exercise's length, and the most\n"
	    "common paths through the decisions.\n\n"
	    "  --runs N       playthroughs (default 1000)\n"
	    "  --jobs J       worker processes (default: the CPUs)\n"
	    "  --seed S       run i uses seed S + i (default 1); replay one\n"
	    "                 with ttxsim run --headless --seed S+i\n"
	    "  --shard I/N    only runs I-1, I-1+N, I-1+2N, ... (I from 1)\n"
	    "  --json         print the tally as JSON (for --merge)\n"
	    "  --merge        add up --json tallies of one scenario (refused\n"
	    "                 if two count one run: each lists its seeds)\n\n"
	    "Exit status 1 if anything dead, never met or in error was found.\n",
	.exec = cmd_explore_exec,
};

struct run_errors {		/* this run's errors, each once */
	struct explore	*x;
	uint64_t	 seed;
	char		*seen[16];
	size_t		 n;
};

static void
on_record(struct exercise *ex, const struct ex_record *r, void *arg)
{
	struct run_errors	*re = arg;
	char			*t;
	size_t			 i;

	(void)ex;
	if (r->kind != REC_ERROR || r->text == NULL)
		return;
	t = xstrdup(r->text);
	t[strcspn(t, "\n")] = '\0';	/* file:line: message */
	for (i = 0; i < re->n; i++)
		if (strcmp(re->seen[i], t) == 0) {
			free(t);
			return;
		}
	explore_error(re->x, t, re->seed);
	if (re->n < sizeof re->seen / sizeof re->seen[0])
		re->seen[re->n++] = t;
	else
		free(t);
}

/* Play runs first, first + step, ... below last; tally into x. */
static int
play(const char *path, uint64_t seed0, uint64_t first, uint64_t step,
    uint64_t last, struct explore **xp, int progress_fd)
{
	struct diags		 d;
	struct error		 e;
	struct script		*s;
	struct exercise		*ex = exercise_new();
	struct bot		*b;
	struct run_errors	 re;
	uint64_t		 i, done = 0;
	size_t			 k;
	ssize_t			 w;

	diags_init(&d, path);
	if ((s = script_new(path, NULL, &d, &e)) == NULL) {
		if (d.n > 0) {
			diags_sort(&d);
			diags_print(&d, stderr);
		} else
			vis_printf(stderr, "ttxsim explore: %s\n", e.msg);
		diags_free(&d);
		exercise_free(ex);
		return -1;
	}
	for (i = first; i < last; i += step) {
		if (script_begin(s, ex, seed0 + i, &d) != 0) {
			diags_sort(&d);
			diags_print(&d, stderr);
			break;
		}
		if (*xp == NULL)
			*xp = explore_new(ex);
		memset(&re, 0, sizeof re);
		re.x = *xp;
		re.seed = seed0 + i;
		exercise_listen(ex, on_record, &re);
		b = bot_new(ex, BOT_RANDOM, seed0 + i);
		exercise_start(ex);
		exercise_run(ex, SIM_NEVER);
		explore_add(*xp, ex, seed0 + i);
		explore_add_handlers(*xp, s);
		bot_free(b);
		for (k = 0; k < re.n; k++)
			free(re.seen[k]);
		if (progress_fd != -1 && ++done % EXPLORE_TICK == 0)
			w = write(progress_fd, ".", 1);
	}
	(void)w;
	script_free(s);
	exercise_free(ex);
	diags_free(&d);
	return i < last ? -1 : 0;
}

static void
progress(uint64_t done, uint64_t total)
{
	int	width = 40, k = total ? (int)(done * (uint64_t)width /
	    total) : width;

	fprintf(stderr, "\r[%.*s%*s] %" PRIu64 "/%" PRIu64, k,
	    "########################################", width - k, "", done,
	    total);
	fflush(stderr);
}

/*
 * J workers, each playing every J-th run of the shard and sending back its
 * tally as JSON; a '.' on the shared progress pipe every 100 runs.
 */
static struct explore *
play_parallel(const char *path, uint64_t seed0, uint64_t runs, uint64_t
    shard_i, uint64_t shard_n, int jobs, int show)
{
	struct pollfd	 pfd[EXPLORE_MAX_JOBS + 1];
	char		*buf[EXPLORE_MAX_JOBS] = { 0 }, tmp[65536];
	size_t		 len[EXPLORE_MAX_JOBS] = { 0 };
	pid_t		 pid[EXPLORE_MAX_JOBS];
	int		 out[2], prog[2], w, open_n, status, failed = 0;
	uint64_t	 done = 0, mine = runs > shard_i ? (runs - shard_i +
	    shard_n - 1) / shard_n : 0;
	ssize_t		 n;
	struct explore	*x = NULL, *part, *y;
	struct error	 e;

	if (pipe(prog) == -1)
		return NULL;
	for (w = 0; w < jobs; w++) {
		if (pipe(out) == -1 || (pid[w] = fork()) == -1) {
			vis_printf(stderr, "ttxsim explore: %s\n",
			    strerror(errno));
			return NULL;
		}
		if (pid[w] == 0) {
			close(out[0]);
			close(prog[0]);
			y = NULL;
			if (play(path, seed0, shard_i + (uint64_t)w * shard_n,
			    shard_n * (uint64_t)jobs, runs, &y, prog[1]) != 0)
				_exit(1);
			if (y != NULL) {
				char *j = cJSON_PrintUnformatted(
				    explore_json(y));
				size_t off = 0, l = strlen(j);
				while (off < l && (n = write(out[1], j + off,
				    l - off)) > 0)
					off += (size_t)n;
			}
			_exit(0);
		}
		close(out[1]);
		pfd[w].fd = out[0];
		pfd[w].events = POLLIN;
	}
	close(prog[1]);
	pfd[jobs].fd = prog[0];
	pfd[jobs].events = POLLIN;
	for (open_n = jobs + 1; open_n > 0;) {
		if (poll(pfd, (nfds_t)jobs + 1, -1) == -1 && errno != EINTR)
			break;
		for (w = 0; w <= jobs; w++) {
			if (pfd[w].fd == -1 || pfd[w].revents == 0)
				continue;
			n = read(pfd[w].fd, tmp, sizeof tmp);
			if (n <= 0) {
				close(pfd[w].fd);
				pfd[w].fd = -1;
				open_n--;
			} else if (w == jobs) {
				done += (uint64_t)n * EXPLORE_TICK;
				if (show)
					progress(done < mine ? done : mine,
					    mine);
			} else {
				buf[w] = xreallocarray(buf[w], len[w] +
				    (size_t)n + 1, 1);
				memcpy(buf[w] + len[w], tmp, (size_t)n);
				len[w] += (size_t)n;
				buf[w][len[w]] = '\0';
			}
		}
	}
	for (w = 0; w < jobs; w++) {
		waitpid(pid[w], &status, 0);
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			failed = 1;
		if (buf[w] == NULL)
			continue;
		/* a worker's tally that does not add up fails the whole */
		if ((part = explore_from_json(cJSON_Parse(buf[w]), &e)) ==
		    NULL || (x != NULL && explore_merge(x, part, &e) != 0)) {
			vis_printf(stderr, "ttxsim explore: worker %d: %s\n",
			    w + 1, e.msg);
			failed = 1;
		} else if (x == NULL) {
			x = part;
			part = NULL;
		}
		explore_free(part);
		free(buf[w]);
	}
	if (show) {
		progress(mine, mine);
		fputc('\n', stderr);
	}
	if (failed) {
		explore_free(x);
		return NULL;
	}
	return x;
}

static char *
slurp(const char *path)
{
	FILE	*f = fopen(path, "r");
	char	*b = NULL;
	size_t	 len = 0, n;
	char	 tmp[65536];

	if (f == NULL)
		return NULL;
	while ((n = fread(tmp, 1, sizeof tmp, f)) > 0) {
		b = xreallocarray(b, len + n + 1, 1);
		memcpy(b + len, tmp, n);
		len += n;
		b[len] = '\0';
	}
	fclose(f);
	return b != NULL ? b : xstrdup("");
}

static int
emit(struct explore *x, int json)
{
	char	*s;
	int	 problems = explore_problems(x);

	if (json) {
		s = cJSON_Print(explore_json(x));
		vis_printf(stdout, "%s\n", s);
		free(s);
	} else
		explore_print(x, stdout);
	explore_free(x);
	return problems > 0 ? EXIT_PROBLEM : 0;
}

/*
 * Whether part, file i, adds to x: the same scenario, and runs that the
 * files before it (their "seeds" in seen) do not count already (the same
 * shard twice would silently double every count).  -1 with a message if
 * not, or if part cannot say which runs it counts.
 */
static int
merge_check(const struct explore *x, const struct explore *part,
    cJSON **seen, char **argv, int i, struct error *e)
{
	const cJSON	*s = explore_seeds(part);
	uint64_t	 seed;
	int		 k;

	if (x != NULL && explore_same_scenario(x, part, e) != 0)
		return -1;
	if (s == NULL)
		return error_set(e, ERR_INVALID, "no field 'seeds': written "
		    "by an older ttxsim, it cannot say which runs it counts "
		    "(run it again)");
	for (k = 0; k < i; k++)
		if (explore_overlap(seen[k], s, &seed))
			return error_set(e, ERR_INVALID, "counts runs that "
			    "%.200s counts too (seed %" PRIu64 " in both)",
			    argv[k], seed);
	seen[i] = cJSON_Duplicate(s, 1);
	return 0;
}

static int
merge_files(const struct cmd_entry *ce, int argc, char **argv, int json)
{
	struct explore	*x = NULL, *part;
	struct error	 e;
	cJSON		*doc, **seen;
	char		*text;
	int		 i, rc = 0;

	if (argc == 0)
		return cmd_usage_error(ce, "--merge needs FILE.json...");
	seen = xcalloc((size_t)argc, sizeof *seen);
	for (i = 0; i < argc && rc == 0; i++) {
		if ((text = slurp(argv[i])) == NULL) {
			vis_printf(stderr, "ttxsim explore: %s: %s\n", argv[i],
			    strerror(errno));
			rc = EXIT_USAGE;
			break;
		}
		doc = cJSON_Parse(text);
		free(text);
		part = NULL;
		if (doc == NULL)
			rc = error_set(&e, ERR_INVALID, "not JSON");
		else if ((part = explore_from_json(doc, &e)) == NULL)
			rc = -1;
		else if ((rc = merge_check(x, part, seen, argv, i, &e)) == 0) {
			if (x == NULL) {
				x = part;
				continue;
			}
			rc = explore_merge(x, part, &e);
		}
		explore_free(part);
		if (rc != 0) {
			vis_printf(stderr, "ttxsim explore: %s: %s\n", argv[i],
			    e.msg);
			rc = EXIT_USAGE;
		}
	}
	for (i = 0; i < argc; i++)
		cJSON_Delete(seen[i]);
	free(seen);
	if (rc != 0) {
		explore_free(x);
		return rc;
	}
	return emit(x, json);
}

static int
cmd_explore_exec(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "runs", required_argument, NULL, 'n' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "seed", required_argument, NULL, 's' },
		{ "shard", required_argument, NULL, 'S' },
		{ "json", no_argument, NULL, 'J' },
		{ "merge", no_argument, NULL, 'M' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd_entry	*ce = &cmd_explore_entry;
	uint64_t		 runs = 1000, seed = 1, si = 1, sn = 1;
	long			 ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	int			 jobs = ncpu > 0 ? (int)ncpu : 1, json = 0;
	int			 merge = 0, c;
	char			*end;
	struct explore		*x;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case 'n':
			errno = 0;
			runs = strtoull(optarg, &end, 10);
			if (errno || *end || end == optarg || runs == 0 ||
			    optarg[0] == '-')
				return cmd_usage_error(ce, "--runs: expected a "
				    "positive number, got '%s'", optarg);
			break;
		case 'j':
			jobs = (int)strtol(optarg, &end, 10);
			if (*end || end == optarg || jobs < 1 ||
			    jobs > EXPLORE_MAX_JOBS)
				return cmd_usage_error(ce, "--jobs: expected 1 "
				    "to %d, got '%s'", EXPLORE_MAX_JOBS,
				    optarg);
			break;
		case 's':
			errno = 0;
			seed = strtoull(optarg, &end, 10);
			if (errno || *end || end == optarg || optarg[0] == '-')
				return cmd_usage_error(ce, "--seed: expected a "
				    "number, got '%s'", optarg);
			break;
		case 'S':
			if (sscanf(optarg, "%" SCNu64 "/%" SCNu64 "%c", &si,
			    &sn, (char[1]){ 0 }) != 2 || sn == 0 || si == 0 ||
			    si > sn)
				return cmd_usage_error(ce, "--shard: expected "
				    "I/N with 1 <= I <= N, got '%s'", optarg);
			break;
		case 'J':
			json = 1;
			break;
		case 'M':
			merge = 1;
			break;
		case 'h':
			cmd_usage(ce, stdout);
			return 0;
		default:
			return cmd_option_error(ce, c, argv);
		}
	}
	if (merge)
		return merge_files(ce, argc - optind, argv + optind, json);
	if (optind != argc - 1)
		return cmd_usage_error(ce, optind >= argc ? "no scenario file" :
		    "one scenario file at a time");
	if (access(argv[optind], R_OK) != 0) {
		vis_printf(stderr, "ttxsim explore: %s: %s\n", argv[optind],
		    strerror(errno));
		return EXIT_USAGE;
	}
	if ((uint64_t)jobs > runs)
		jobs = (int)runs;
	/* one load here: a broken file is reported once, not by each worker */
	{
		struct explore	*probe = NULL;

		if (play(argv[optind], seed, 0, 1, 1, &probe, -1) != 0)
			return EXIT_PROBLEM;
		explore_free(probe);
	}
	x = play_parallel(argv[optind], seed, runs, si - 1, sn, jobs,
	    isatty(STDERR_FILENO));
	if (x == NULL)
		return EXIT_PROBLEM;
	explore_cover(x, seed, runs, si - 1, sn);
	return emit(x, json);
}

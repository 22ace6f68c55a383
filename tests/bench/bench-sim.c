/*
 * Benchmarks of the engine (not tests: nothing here is checked, only
 * timed).  scripts/bench runs every workload listed in bench_workloads[]
 * at its sizes and turns the output into docs/performance.md.
 *
 * Usage:
 *	bench-sim --list [--quick]	one line per workload: NAME SIZE...
 *	bench-sim [-r REPS] [-o OPS] [-w WARMUP] WORKLOAD N
 *
 * A run prints one line, "engine WORKLOAD N key=value ...", whose first
 * key is the headline figure (ns_per_op, or a rate such as per_s).  The
 * peers in tests/bench print the same line with their own first word.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bot.h"
#include "diag.h"
#include "exercise.h"
#include "journal.h"
#include "report.h"
#include "script.h"
#include "sim.h"

#define BENCH_TAB_BITS	16
#define BENCH_TAB_SIZE	((size_t)1 << BENCH_TAB_BITS)
#define BENCH_TAB_MASK	(BENCH_TAB_SIZE - 1)
#define BENCH_SEED	42
#define BENCH_MEAN	((sim_time)1000000)	/* smooth: mean increment */
#define BENCH_MAXREPS	32

/* How the increments of the hold model are drawn. */
enum bench_dist {
	BENCH_NONE,
	BENCH_SMOOTH,	/* uniform integer ms in [0, 2 * BENCH_MEAN) */
	BENCH_TIES,	/* uniform whole minutes in 0..10 */
};

struct bench_opts {
	int		reps;		/* timed windows; the median is kept */
	uint64_t	ops;		/* operations per window; 0: default */
	uint64_t	warmup;		/* untimed operations; ~0: default */
};

struct bench_workload;
typedef int (*bench_fn)(const struct bench_workload *,
    const struct bench_opts *, uint64_t);

/* One workload: what N means is up to its function. */
struct bench_workload {
	const char	*name;
	const char	*help;
	bench_fn	 run;
	enum bench_dist	 dist;
	const uint64_t	*sizes;		/* zero-terminated */
	const uint64_t	*quick;		/* sizes for scripts/bench --quick */
};

/* The hold model's state: the increment table and where we are in it. */
struct bench_hold {
	const sim_time	*tab;
	size_t		 i;
	uint64_t	 fired;
};

static int	bench_hold(const struct bench_workload *,
		    const struct bench_opts *, uint64_t);
static int	bench_cancel(const struct bench_workload *,
		    const struct bench_opts *, uint64_t);

static const uint64_t bench_sizes_hold[] = {
	1000, 10000, 100000, 1000000, 0
};
static const uint64_t bench_sizes_quick[] = { 1000, 10000, 0 };

/*
 * Every workload, once.  To add one (a scripted event: C queue -> Lua
 * handler -> the handler schedules the next event in C; headless
 * playthroughs of the default scenario), write its function beside
 * bench_hold and add a line here: scripts/bench picks it up through
 * --list and reports every workload not named hold-* in a table of its own.
 */
static int	bench_lua_every(const struct bench_workload *,
		    const struct bench_opts *, uint64_t);
static int	bench_lua_after(const struct bench_workload *,
		    const struct bench_opts *, uint64_t);
static int	bench_playthrough(const struct bench_workload *,
		    const struct bench_opts *, uint64_t);
static int	bench_journal(const struct bench_workload *,
		    const struct bench_opts *, uint64_t);
static int	bench_aar(const struct bench_workload *,
		    const struct bench_opts *, uint64_t);
static const uint64_t bench_sizes_lua[] = { 1, 1000, 0 };
static const uint64_t bench_sizes_group[] = { 1, 16, 256, 0 };
static const uint64_t bench_sizes_report[] = { 100000, 0 };
static const uint64_t bench_sizes_report_quick[] = { 10000, 0 };
static const uint64_t bench_sizes_one[] = { 1, 0 };

static const struct bench_workload bench_workloads[] = {
	{ "hold-smooth", "pop the earliest, push at t + uniform [0, 2e6) ms",
	    bench_hold, BENCH_SMOOTH, bench_sizes_hold, bench_sizes_quick },
	{ "hold-ties", "pop the earliest, push at t + 0..10 whole minutes",
	    bench_hold, BENCH_TIES, bench_sizes_hold, bench_sizes_quick },
	{ "cancel-smooth", "cancel the oldest pending event, schedule one more",
	    bench_cancel, BENCH_SMOOTH, bench_sizes_hold, bench_sizes_quick },
	{ "lua-every", "n Lua timers (every): C queue -> Lua handler, "
	    "rescheduled in C", bench_lua_every, BENCH_NONE, bench_sizes_lua,
	    bench_sizes_lua },
	{ "lua-after", "n Lua chains: the handler calls after() to schedule "
	    "the next event back in C", bench_lua_after, BENCH_NONE,
	    bench_sizes_lua, bench_sizes_lua },
	{ "journal", "append records and commit (write + fsync) every n; "
	    "in the current directory", bench_journal, BENCH_NONE,
	    bench_sizes_group, bench_sizes_group },
	{ "report", "load an n-record journal and write its Markdown and HTML "
	    "reports", bench_aar, BENCH_NONE, bench_sizes_report,
	    bench_sizes_report_quick },
	{ "playthrough", "headless playthroughs of the default scenario "
	    "(scenarios/northern-lights.lua, or $BENCH_SCENARIO), bots random",
	    bench_playthrough, BENCH_NONE, bench_sizes_one, bench_sizes_one },
};
#define BENCH_NWORKLOADS (sizeof bench_workloads / sizeof bench_workloads[0])

static uint64_t
bench_splitmix64(uint64_t *x)
{
	uint64_t	z;

	z = (*x += UINT64_C(0x9e3779b97f4a7c15));
	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/*
 * Fill the increment table from splitmix64(BENCH_SEED).  The peers build
 * the same table (the sum is printed so that scripts/bench can compare),
 * and every implementation reads it cyclically, so that the cost of the
 * PRNG in Python does not count against the Python peers.
 */
static sim_time *
bench_table(enum bench_dist dist, uint64_t *sum)
{
	sim_time	*tab;
	uint64_t	 x = BENCH_SEED, r;
	size_t		 i;

	if ((tab = malloc(BENCH_TAB_SIZE * sizeof *tab)) == NULL) {
		fprintf(stderr, "bench-sim: out of memory\n");
		exit(1);
	}
	*sum = 0;
	for (i = 0; i < BENCH_TAB_SIZE; i++) {
		r = bench_splitmix64(&x);
		if (dist == BENCH_TIES)
			tab[i] = (sim_time)(r % 11) * SIM_MIN;
		else
			tab[i] = (sim_time)(r % (uint64_t)(2 * BENCH_MEAN));
		*sum += (uint64_t)tab[i];
	}
	return tab;
}

static uint64_t
bench_now_ns(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000 + (uint64_t)ts.tv_nsec;
}

static int
bench_cmp(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/*
 * Default operations per timed window: max(2e6, 2n), so that the default
 * five windows fire every pending event at least ten times.
 */
static uint64_t
bench_ops(const struct bench_opts *o, uint64_t n)
{
	if (o->ops != 0)
		return o->ops;
	return n * 2 > 2000000 ? n * 2 : 2000000;
}

static uint64_t
bench_warmup(const struct bench_opts *o, uint64_t n)
{
	if (o->warmup != UINT64_MAX)
		return o->warmup;
	return n > 100000 ? n : 100000;
}

/* Print the result line: the median first, then the spread. */
static void
bench_report(const char *name, uint64_t n, double *ns, int reps,
    uint64_t ops, uint64_t warmup, const char *extra)
{
	qsort(ns, (size_t)reps, sizeof *ns, bench_cmp);
	printf("engine %s %llu ns_per_op=%.2f min=%.2f max=%.2f ops=%llu "
	    "reps=%d warmup=%llu%s\n", name, (unsigned long long)n,
	    ns[reps / 2], ns[0], ns[reps - 1], (unsigned long long)ops, reps,
	    (unsigned long long)warmup, extra);
	fflush(stdout);
}

/* The event of the hold model: schedule the next one, as events do. */
static void
bench_hold_fire(struct sim *sim, void *arg, uint64_t data)
{
	struct bench_hold	*h = arg;

	h->fired++;
	sim_at(sim, sim_now(sim) + h->tab[h->i++ & BENCH_TAB_MASK],
	    bench_hold_fire, h, data);
}

/*
 * The hold model: n events pending; each sim_step fires the earliest, whose
 * callback schedules one more at its time plus an increment.  One
 * operation is one sim_step, callback included.
 */
static int
bench_hold(const struct bench_workload *w, const struct bench_opts *o,
    uint64_t n)
{
	struct bench_hold	 h;
	struct sim		*sim;
	double			 ns[BENCH_MAXREPS];
	uint64_t		 ops, warmup, sum, j, t0, fill;
	char			 extra[128];
	int			 r;

	ops = bench_ops(o, n);
	warmup = bench_warmup(o, n);
	memset(&h, 0, sizeof h);
	h.tab = bench_table(w->dist, &sum);
	sim = sim_new();

	t0 = bench_now_ns();
	for (j = 0; j < n; j++)
		sim_at(sim, h.tab[h.i++ & BENCH_TAB_MASK], bench_hold_fire, &h,
		    j);
	fill = bench_now_ns() - t0;

	for (j = 0; j < warmup; j++)
		sim_step(sim);
	for (r = 0; r < o->reps; r++) {
		t0 = bench_now_ns();
		for (j = 0; j < ops; j++)
			sim_step(sim);
		ns[r] = (double)(bench_now_ns() - t0) / (double)ops;
	}
	if (h.fired != warmup + ops * (uint64_t)o->reps ||
	    sim_count(sim) != n) {
		fprintf(stderr, "bench-sim: %s: lost events\n", w->name);
		return -1;
	}

	snprintf(extra, sizeof extra, " fill_ns_per_event=%.1f end_t=%lld "
	    "table_sum=%llu", n == 0 ? 0.0 : (double)fill / (double)n,
	    (long long)sim_now(sim), (unsigned long long)sum);
	bench_report(w->name, n, ns, o->reps, ops, warmup, extra);
	sim_free(sim);
	free((void *)h.tab);
	return 0;
}

static void
bench_never(struct sim *sim, void *arg, uint64_t data)
{
	abort();
}

/*
 * Cancel: n events pending at times drawn from the table; each operation
 * cancels the oldest one still pending (at a random place in the heap) and
 * schedules a new one: one sim_cancel and one sim_at.  The clock stays at 0.
 */
static int
bench_cancel(const struct bench_workload *w, const struct bench_opts *o,
    uint64_t n)
{
	struct sim	*sim;
	sim_handle	*ring;
	sim_time	*tab;
	double		 ns[BENCH_MAXREPS];
	uint64_t	 ops, warmup, sum, j, t0, k = 0, i = 0;
	char		 extra[64];
	int		 r, bad = 0;

	if (n == 0)
		return -1;
	ops = bench_ops(o, n);
	warmup = bench_warmup(o, n);
	tab = bench_table(w->dist, &sum);
	if ((ring = malloc(n * sizeof *ring)) == NULL) {
		fprintf(stderr, "bench-sim: out of memory\n");
		exit(1);
	}
	sim = sim_new();
	for (j = 0; j < n; j++)
		ring[j] = sim_at(sim, tab[i++ & BENCH_TAB_MASK], bench_never,
		    NULL, j);

#define BENCH_CANCEL_ONE() do {						\
	bad |= sim_cancel(sim, ring[k]);				\
	ring[k] = sim_at(sim, tab[i++ & BENCH_TAB_MASK], bench_never,	\
	    NULL, k);							\
	if (++k == n)							\
		k = 0;							\
} while (0)

	for (j = 0; j < warmup; j++)
		BENCH_CANCEL_ONE();
	for (r = 0; r < o->reps; r++) {
		t0 = bench_now_ns();
		for (j = 0; j < ops; j++)
			BENCH_CANCEL_ONE();
		ns[r] = (double)(bench_now_ns() - t0) / (double)ops;
	}
#undef BENCH_CANCEL_ONE
	if (bad != 0 || sim_count(sim) != n) {
		fprintf(stderr, "bench-sim: %s: cancel failed\n", w->name);
		return -1;
	}

	snprintf(extra, sizeof extra, " table_sum=%llu",
	    (unsigned long long)sum);
	bench_report(w->name, n, ns, o->reps, ops, warmup, extra);
	sim_free(sim);
	free(ring);
	free(tab);
	return 0;
}

/*
 * Load a scenario for the Lua workloads: `body' after a minimal header,
 * written to a temp file.  Exits on failure.
 */
static struct script *
bench_script(const char *body, uint64_t n)
{
	char		 path[] = "/tmp/bench-sim-XXXXXX";
	struct script_limits lim;
	struct diags	 d;
	struct error	 e;
	struct script	*s;
	FILE		*f;
	int		 fd;

	if ((fd = mkstemp(path)) == -1 || (f = fdopen(fd, "w")) == NULL) {
		perror("bench-sim: temp file");
		exit(1);
	}
	fprintf(f, "scenario { id = 'bench', title = 'Bench' }\n"
	    "role 'r' { }\nlocal N = %llu\n%s\n", (unsigned long long)n,
	    body);
	fclose(f);
	diags_init(&d, path);
	/* a million timers in one run, a hundred thousand at one instant:
	 * the dispatch is measured, not the limits that stop a real
	 * scenario doing this (docs/scenario-guide.md, "Budgets") */
	script_limits_default(&lim);
	lim.run_instructions = LONG_MAX;
	lim.instant_callbacks = LONG_MAX;
	s = script_new(path, &lim, &d, &e);
	unlink(path);
	if (s == NULL) {
		diags_print(&d, stderr);
		exit(1);
	}
	diags_free(&d);
	return s;
}

/* Time sim_step over scripted events: one operation is one event, its
 * Lua handler included. */
static int
bench_lua(const struct bench_workload *w, const struct bench_opts *o,
    uint64_t n, const char *body)
{
	struct script	*s = bench_script(body, n);
	struct exercise	*ex = exercise_new();
	struct diags	 d;
	double		 ns[BENCH_MAXREPS];
	uint64_t	 ops, warmup, j, t0;
	char		 extra[64];
	int		 r;

	diags_init(&d, "bench");
	if (n == 0 || script_begin(s, ex, 1, &d) != 0) {
		diags_print(&d, stderr);
		return -1;
	}
	exercise_start(ex);
	ops = o->ops != 0 ? o->ops : 1000000;
	warmup = bench_warmup(o, n);
	for (j = 0; j < warmup; j++)
		sim_step(ex->sim);
	for (r = 0; r < o->reps; r++) {
		t0 = bench_now_ns();
		for (j = 0; j < ops; j++)
			sim_step(ex->sim);
		ns[r] = (double)(bench_now_ns() - t0) / (double)ops;
	}
	if (ex->nerrors != 0 || sim_count(ex->sim) < n) {
		fprintf(stderr, "bench-sim: %s: scenario errors\n", w->name);
		return -1;
	}
	snprintf(extra, sizeof extra, " lua_kib=%zu",
	    script_memory(s) / 1024);
	bench_report(w->name, n, ns, o->reps, ops, warmup, extra);
	script_free(s);
	exercise_free(ex);
	diags_free(&d);
	return 0;
}

static int
bench_lua_every(const struct bench_workload *w, const struct bench_opts *o,
    uint64_t n)
{
	return bench_lua(w, o, n,
	    "local fired = 0\n"
	    "for i = 1, N do\n"
	    "  every(1 + i % 7, function() fired = fired + 1 end)\n"
	    "end\n");
}

static int
bench_lua_after(const struct bench_workload *w, const struct bench_opts *o,
    uint64_t n)
{
	return bench_lua(w, o, n,
	    "local fired = 0\n"
	    "local function step()\n"
	    "  fired = fired + 1\n"
	    "  after(1 + fired % 7, step)\n"
	    "end\n"
	    "for i = 1, N do after(1 + i % 7, step) end\n");
}

/* Whole headless playthroughs with bots, reusing one Lua state and the
 * compiled chunk; one operation is one playthrough. */
static int
bench_playthrough(const struct bench_workload *w, const struct bench_opts *o,
    uint64_t n)
{
	const char	*path = getenv("BENCH_SCENARIO");
	struct diags	 d;
	struct error	 e;
	struct script	*s;
	struct exercise	*ex = exercise_new();
	struct bot	*b;
	double		 ns[BENCH_MAXREPS];
	uint64_t	 ops, warmup, j, t0, seed = 0, events = 0, runs = 0;
	char		 extra[96];
	int		 r;

	if (path == NULL)
		path = "scenarios/northern-lights.lua";
	diags_init(&d, path);
	if ((s = script_new(path, NULL, &d, &e)) == NULL) {
		fprintf(stderr, "bench-sim: %s\n", d.n ? d.v[0].msg : e.msg);
		return -1;
	}
	ops = o->ops != 0 ? o->ops : 3000;
	warmup = o->warmup != UINT64_MAX ? o->warmup : 300;

#define BENCH_PLAY_ONE() do {						\
	if (script_begin(s, ex, seed++, &d) != 0)			\
		return -1;						\
	b = bot_new(ex, BOT_RANDOM, seed);				\
	exercise_start(ex);						\
	exercise_run(ex, SIM_NEVER);					\
	events += sim_fired(ex->sim);					\
	runs++;								\
	if (ex->nerrors != 0)						\
		return -1;						\
	bot_free(b);							\
} while (0)

	for (j = 0; j < warmup; j++)
		BENCH_PLAY_ONE();
	for (r = 0; r < o->reps; r++) {
		t0 = bench_now_ns();
		for (j = 0; j < ops; j++)
			BENCH_PLAY_ONE();
		ns[r] = (double)(bench_now_ns() - t0) / (double)ops;
	}
#undef BENCH_PLAY_ONE
	qsort(ns, (size_t)o->reps, sizeof *ns, bench_cmp);
	snprintf(extra, sizeof extra, " per_s=%.0f events_per_run=%.1f "
	    "lua_kib=%zu", 1e9 / ns[o->reps / 2], (double)events /
	    (double)runs, script_memory(s) / 1024);
	bench_report(w->name, n, ns, o->reps, ops, warmup, extra);
	script_free(s);
	exercise_free(ex);
	diags_free(&d);
	return 0;
}

static int
bench_dcmp(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* A typical record: a decision. */
static cJSON *
bench_record(uint64_t i)
{
	cJSON	*o = cJSON_CreateObject();

	cJSON_AddNumberToObject(o, "seq", 0);
	cJSON_AddNumberToObject(o, "t", (double)(i * 1000));
	cJSON_AddStringToObject(o, "type", "decision");
	cJSON_AddStringToObject(o, "inject", "grid-siem-alert");
	cJSON_AddNumberToObject(o, "delivery", (double)i);
	cJSON_AddStringToObject(o, "role", "grid-soc");
	cJSON_AddStringToObject(o, "player", "Alex Morgan");
	cJSON_AddStringToObject(o, "choice", "escalate");
	cJSON_AddBoolToObject(o, "late", 0);
	return o;
}

/*
 * Durable appends: records in groups of n, each group committed with
 * write + fsync before the next (group commit).  Reports records per
 * second and the p99 of a commit's latency.  The file lives in the
 * current directory (scripts/bench runs in build-bench: a real disk, not
 * a tmpfs).
 */
static int
bench_journal(const struct bench_workload *w, const struct bench_opts *o,
    uint64_t n)
{
	char		 path[] = "bench-journal-XXXXXX";
	struct journal	*j;
	struct error	 e;
	double		*lat, ns[BENCH_MAXREPS];
	uint64_t	 groups, g, k, t0, t1, total = 0;
	char		 extra[128];
	int		 fd, r;
	cJSON		*rec;

	if ((fd = mkstemp(path)) == -1)
		return -1;
	close(fd);
	unlink(path);
	if ((j = journal_create(path, NULL, NULL, &e)) == NULL) {
		fprintf(stderr, "bench-sim: %s\n", e.msg);
		return -1;
	}
	groups = o->ops != 0 ? o->ops : (n == 1 ? 2000 : 400);
	lat = malloc(groups * sizeof *lat);
	for (r = 0; r < o->reps; r++) {
		t0 = bench_now_ns();
		for (g = 0; g < groups; g++) {
			for (k = 0; k < n; k++) {
				rec = bench_record(total++);
				journal_append(j, rec, &e);
				cJSON_Delete(rec);
			}
			t1 = bench_now_ns();
			if (journal_commit(j, &e) != 0) {
				fprintf(stderr, "bench-sim: %s\n", e.msg);
				return -1;
			}
			lat[g] = (double)(bench_now_ns() - t1);
		}
		ns[r] = (double)(bench_now_ns() - t0) / (double)(groups * n);
	}
	qsort(lat, groups, sizeof *lat, bench_dcmp);
	qsort(ns, (size_t)o->reps, sizeof *ns, bench_cmp);
	snprintf(extra, sizeof extra, " records_per_s=%.0f commit_p99_us=%.0f "
	    "commit_p50_us=%.0f", 1e9 / ns[o->reps / 2],
	    lat[(size_t)((double)groups * 0.99)] / 1000.0,
	    lat[groups / 2] / 1000.0);
	bench_report(w->name, n, ns, o->reps, groups * n, 0, extra);
	journal_close(j, NULL);
	unlink(path);
	free(lat);
	return 0;
}

/* Report generation: an n-record journal (deliveries, acks, decisions,
 * logs in turn, over the roles of the default scenario), loaded and
 * written as Markdown and HTML; one operation is one whole report. */
static int
bench_aar(const struct bench_workload *w, const struct bench_opts *o,
    uint64_t n)
{
	char		 path[] = "bench-report-XXXXXX";
	struct journal	*j;
	struct report	*rep;
	struct error	 e;
	double		 ns[BENCH_MAXREPS];
	uint64_t	 i, t0;
	char		 extra[64];
	int		 fd, r;
	FILE		*devnull;
	cJSON		*h, *rec;

	if ((fd = mkstemp(path)) == -1)
		return -1;
	close(fd);
	unlink(path);
	j = journal_create(path, NULL, NULL, &e);
	h = cJSON_Parse("{\"type\":\"header\",\"format\":\"ttxsim-journal\","
	    "\"version\":1,\"scenario\":{\"id\":\"bench\",\"title\":"
	    "\"Bench\",\"duration\":null},\"seed\":\"1\",\"roles\":["
	    "{\"id\":\"grid-soc\"},{\"id\":\"uk-ncsc\"}],\"objectives\":"
	    "[{\"id\":\"o\",\"text\":\"O\"}],\"injects\":[{\"id\":"
	    "\"grid-siem-alert\",\"to\":[\"grid-soc\"],\"objective\":\"o\","
	    "\"choices\":[{\"id\":\"escalate\"}],\"deadline\":600000}],"
	    "\"hotwash\":[]}");
	journal_append(j, h, &e);
	cJSON_Delete(h);
	for (i = 0; i + 1 < n; i++) {
		uint64_t d = i / 4;
		rec = cJSON_CreateObject();
		cJSON_AddNumberToObject(rec, "seq", 0);
		cJSON_AddNumberToObject(rec, "t", (double)(i * 1000));
		switch (i % 4) {
		case 0:
			cJSON_AddStringToObject(rec, "type", "inject");
			cJSON_AddStringToObject(rec, "inject",
			    "grid-siem-alert");
			cJSON_AddNumberToObject(rec, "delivery", (double)d);
			cJSON_AddItemToObject(rec, "to", cJSON_CreateStringArray(
			    (const char *[]){ "grid-soc" }, 1));
			cJSON_AddStringToObject(rec, "title", "Service account "
			    "logged on interactively to the OT DMZ jump host");
			cJSON_AddStringToObject(rec, "tlp", "amber");
			cJSON_AddNumberToObject(rec, "due",
			    (double)(i * 1000 + 600000));
			break;
		case 1:
			cJSON_AddStringToObject(rec, "type", "ack");
			cJSON_AddStringToObject(rec, "inject",
			    "grid-siem-alert");
			cJSON_AddNumberToObject(rec, "delivery", (double)d);
			cJSON_AddStringToObject(rec, "role", "grid-soc");
			break;
		case 2:
			cJSON_Delete(rec);
			rec = bench_record(d);
			cJSON_SetNumberValue(cJSON_GetObjectItem(rec, "t"),
			    (double)(i * 1000));
			break;
		default:
			cJSON_AddStringToObject(rec, "type", "log");
			cJSON_AddStringToObject(rec, "text", "SOC reports to "
			    "NCSC; indicators shared at TLP:AMBER");
			break;
		}
		journal_append(j, rec, &e);
		cJSON_Delete(rec);
	}
	if (journal_close(j, &e) != 0)
		return -1;
	devnull = fopen("/dev/null", "w");
	for (r = 0; r < o->reps; r++) {
		t0 = bench_now_ns();
		if ((rep = report_load(path, &e)) == NULL) {
			fprintf(stderr, "bench-sim: %s\n", e.msg);
			return -1;
		}
		report_write(rep, REPORT_MD, devnull, &e);
		report_write(rep, REPORT_HTML, devnull, &e);
		report_free(rep);
		ns[r] = (double)(bench_now_ns() - t0);
	}
	fclose(devnull);
	unlink(path);
	qsort(ns, (size_t)o->reps, sizeof *ns, bench_cmp);
	snprintf(extra, sizeof extra, " ms=%.1f", ns[o->reps / 2] / 1e6);
	bench_report(w->name, n, ns, o->reps, 1, 0, extra);
	return 0;
}

static void
bench_usage(void)
{
	fprintf(stderr, "usage: bench-sim --list [--quick]\n"
	    "       bench-sim [-r reps] [-o ops] [-w warmup] workload n\n");
	exit(2);
}

static uint64_t
bench_number(const char *s)
{
	char	*end;
	double	 d;

	/* Accept 1e6 as well as 1000000. */
	d = strtod(s, &end);
	if (*s == '\0' || *end != '\0' || d < 0 || d > 1e15)
		bench_usage();
	return (uint64_t)d;
}

static void
bench_list(int quick)
{
	const struct bench_workload	*w;
	const uint64_t			*s;
	size_t				 i;

	for (i = 0; i < BENCH_NWORKLOADS; i++) {
		w = &bench_workloads[i];
		printf("%s", w->name);
		for (s = quick ? w->quick : w->sizes; *s != 0; s++)
			printf(" %llu", (unsigned long long)*s);
		printf("\t%s\n", w->help);
	}
}

int
main(int argc, char **argv)
{
	struct bench_opts	 o = { 5, 0, UINT64_MAX };
	const char		*name;
	size_t			 i;
	int			 a;

	if (argc >= 2 && strcmp(argv[1], "--list") == 0) {
		if (argc > 3 || (argc == 3 && strcmp(argv[2], "--quick") != 0))
			bench_usage();
		bench_list(argc == 3);
		return 0;
	}
	for (a = 1; a + 1 < argc && argv[a][0] == '-'; a += 2) {
		if (strcmp(argv[a], "-r") == 0)
			o.reps = (int)bench_number(argv[a + 1]);
		else if (strcmp(argv[a], "-o") == 0)
			o.ops = bench_number(argv[a + 1]);
		else if (strcmp(argv[a], "-w") == 0)
			o.warmup = bench_number(argv[a + 1]);
		else
			bench_usage();
	}
	if (argc - a != 2 || o.reps < 1 || o.reps > BENCH_MAXREPS)
		bench_usage();
	name = argv[a];
	for (i = 0; i < BENCH_NWORKLOADS; i++) {
		if (strcmp(bench_workloads[i].name, name) == 0)
			break;
	}
	if (i == BENCH_NWORKLOADS) {
		fprintf(stderr, "bench-sim: unknown workload: %s\n", name);
		return 2;
	}
	if (bench_workloads[i].run(&bench_workloads[i], &o,
	    bench_number(argv[a + 1])) != 0)
		return 1;
	return 0;
}

/*
 * Exploration: what many seeded playthroughs of one scenario did, counted
 * so that counts from any number of processes or machines add up.  The
 * state is one JSON object (what `ttxsim explore --json' prints), and
 * merging is adding: numbers add, except "seed" fields, which keep the
 * smallest (the first seed that shows a thing, to replay it), and the
 * "seeds" lists of the runs counted, which join.
 */
#ifndef TTX_EXPLORE_H
#define TTX_EXPLORE_H

#include <stdint.h>
#include <stdio.h>

#include <cJSON.h>

#include "error.h"

struct exercise;
struct script;

struct explore;

/* A fresh tally for ex's scenario (declarations loaded). */
struct explore	*explore_new(const struct exercise *ex);
/* The tally in x, the output of --json (taken over, and freed on error);
 * NULL with a message if x is not one (format and version). */
struct explore	*explore_from_json(cJSON *x, struct error *e);
void		 explore_free(struct explore *xp);	/* NULL: no-op */
/* The tally as --json prints it. */
const cJSON	*explore_json(const struct explore *xp);
/* Count one finished playthrough, run with seed. */
void		 explore_add(struct explore *xp, const struct exercise *ex,
		     uint64_t seed);
/* Count a scenario error (its first line) seen in the run with seed;
 * once per run. */
void		 explore_error(struct explore *xp, const char *text,
		     uint64_t seed);
/* Add which of the run's on() handlers ran (a handler that never runs is
 * dead content, as an inject never fired is). */
void		 explore_add_handlers(struct explore *xp,
		     const struct script *s);
/* Record which runs xp counts: run k below runs, with seed seed + k, for
 * every k with k % shard_n == shard_i (the whole sweep: 0 and 1). */
void		 explore_cover(struct explore *xp, uint64_t seed,
		     uint64_t runs, uint64_t shard_i, uint64_t shard_n);
/* The runs xp counts ("seeds" of the tally, borrowed while xp lives);
 * NULL if the tally does not say (one written before they were kept). */
const cJSON	*explore_seeds(const struct explore *xp);
/* Do the runs of seeds lists a and b overlap?  1 with the first seed
 * both count in *seed, else 0. */
int		 explore_overlap(const cJSON *a, const cJSON *b,
		     uint64_t *seed);
/* Is x a tally (format and version)?  -1 with a message if not. */
int		 explore_valid(const cJSON *x, struct error *e);
/* 0 if tallies a and b are of one scenario; -1 with a message if not. */
int		 explore_same_scenario(const struct explore *a,
		     const struct explore *b, struct error *e);
/* Add tally b into a; -1 if they are of different scenarios.  Their
 * "seeds" lists are joined, not checked (see explore_overlap); if either
 * has none, neither has the sum. */
int		 explore_merge(struct explore *a, const struct explore *b,
		     struct error *e);
/* The planner's summary: dead content, objectives, deadlines, errors,
 * lengths, common paths. */
void		 explore_print(const struct explore *xp, FILE *f);
/* Problems found (dead injects, choices or handlers, deadlines never met,
 * errors): the exit status of explore is 1 when there are any. */
int		 explore_problems(const struct explore *xp);

#endif

/*
 * Exploration: what many seeded playthroughs of one scenario did, counted
 * so that counts from any number of processes or machines add up.  The
 * state is one JSON object (what `ttxsim explore --json' prints), and
 * merging is adding: numbers add, except "seed" fields, which keep the
 * smallest (the first seed that shows a thing, to replay it).
 */
#ifndef TTX_EXPLORE_H
#define TTX_EXPLORE_H

#include <stdint.h>
#include <stdio.h>

#include <cJSON.h>

#include "error.h"

struct exercise;
struct script;

/* A fresh tally for ex's scenario (declarations loaded). */
cJSON	*explore_new(const struct exercise *ex);
/* Count one finished playthrough, run with seed. */
void	 explore_add(cJSON *x, const struct exercise *ex, uint64_t seed);
/* Count a scenario error (its first line) seen in the run with seed;
 * once per run. */
void	 explore_error(cJSON *x, const char *text, uint64_t seed);
/* Add which of the run's on() handlers ran (a handler that never runs is
 * dead content, as an inject never fired is). */
void	 explore_add_handlers(cJSON *x, const struct script *s);
/* Is x a tally (format and version)?  -1 with a message if not. */
int	 explore_valid(const cJSON *x, struct error *e);
/* Add tally b into a; -1 if they are of different scenarios. */
int	 explore_merge(cJSON *a, const cJSON *b, struct error *e);
/* The planner's summary: dead content, objectives, deadlines, errors,
 * lengths, common paths. */
void	 explore_print(const cJSON *x, FILE *f);
/* Problems found (dead injects or choices, deadlines never met, errors):
 * the exit status of explore is 1 when there are any. */
int	 explore_problems(const cJSON *x);

#endif

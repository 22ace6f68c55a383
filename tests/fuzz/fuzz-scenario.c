/*
 * The scenario loader and `check': any bytes as a scenario file, loaded,
 * its declarations run in the sandbox and resolved, then played a while
 * with bots.  Budgets keep a runaway script short.
 */
#define _GNU_SOURCE		/* memfd_create, in fuzz.h */
#include "bot.h"
#include "diag.h"
#include "exercise.h"
#include "fuzz.h"
#include "script.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t len);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct script_limits	 lim;
	struct diags		 d;
	struct error		 e;
	struct script		*s;
	struct exercise		*ex = exercise_new();
	struct bot		*b;

	script_limits_default(&lim);
	lim.instructions = 200000;	/* fast: many inputs a second */
	lim.memory = 16 << 20;
	lim.pattern_steps = 200000;
	diags_init(&d, "fuzz.lua");
	if ((s = script_new(fuzz_file(data, len), &lim, &d, &e)) != NULL &&
	    script_begin(s, ex, 1, &d) == 0) {
		b = bot_new(ex, BOT_RANDOM, 1);
		exercise_start(ex);
		exercise_run(ex, 72 * SIM_HOUR);
		bot_free(b);
	}
	script_free(s);
	exercise_free(ex);
	diags_free(&d);
	return 0;
}

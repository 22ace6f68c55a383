/*
 * Lua 5.4 string patterns for the scenario sandbox, with a step budget.
 * Lua's own string.find/match/gmatch/gsub backtrack in C, out of reach of
 * the instruction-count hook; these replacements count their matching
 * steps and raise a Lua error when a call takes too many.
 */
#ifndef TTX_SCRIPT_PATTERN_H
#define TTX_SCRIPT_PATTERN_H

#include <lua.h>

/*
 * Set find, match, gmatch and gsub in the table at stack index idx to
 * step-counted versions.  Each call (and each gmatch iteration) may take at
 * most max_steps matching steps; past that it raises the Lua error
 * "pattern too complex (more than N steps)" with N = max_steps, prefixed
 * with the caller's file:line like any library error.  A step is one
 * attempt of one pattern item at one subject position; %b and
 * back-references also pay one step per subject byte they examine.  Plain
 * finds are linear and count only toward the meter.  meter (NULL for none,
 * else it must outlive the state) is told the steps each call took, so a
 * caller can charge them to a wider budget.  The stack is left unchanged.
 */
struct script_pattern_meter {
	/* Called with the steps a call took (when it returns or runs out);
	 * may raise.  A plain find takes a step per 16 subject bytes. */
	void	(*charge)(lua_State *L, long steps);
};

void	script_pattern_register(lua_State *L, int idx, long max_steps,
	    const struct script_pattern_meter *meter);

#endif

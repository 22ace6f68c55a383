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
 * finds are linear and take no steps.  The stack is left unchanged.
 */
void	script_pattern_register(lua_State *L, int idx, long max_steps);

#endif

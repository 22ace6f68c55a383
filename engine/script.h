/*
 * The Lua 5.4 sandbox a scenario runs in.  One Lua state per script,
 * reused for every run of it: the file is compiled once and each run gets
 * a fresh environment, state table and seeded random generator, so runs
 * are independent and reproducible.
 */
#ifndef TTX_SCRIPT_H
#define TTX_SCRIPT_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "error.h"

struct exercise;
struct script;

/*
 * What scenario code may spend.  "Instructions" are Lua VM instructions
 * plus the work library calls do, counted in the same unit (about what one
 * instruction costs): bytes allocated, keys sorted, slots moved, pattern
 * steps, bytes parsed or logged (docs/security.md lists the rates).
 */
struct script_limits {
	size_t	memory;		/* bytes the Lua state may hold */
	long	instructions;	/* per callback (handler, timer, resume) */
	long	pattern_steps;	/* per string.find/match/gmatch/gsub call */
	long	run_instructions; /* all callbacks of one run together */
	long	instant_callbacks; /* callbacks at one instant of the
				      scenario's clock */
	long	seconds;	/* wall time per callback: the backstop for
				   work no count sees */
};

#define SCRIPT_DEFAULT_MEMORY		(64u * 1024 * 1024)
#define SCRIPT_DEFAULT_INSTRUCTIONS	10000000L
#define SCRIPT_DEFAULT_PATTERN_STEPS	10000000L
#define SCRIPT_DEFAULT_RUN_INSTRUCTIONS	1000000000L
#define SCRIPT_DEFAULT_INSTANT_CALLBACKS 100000L
#define SCRIPT_DEFAULT_SECONDS		5L

void		 script_limits_default(struct script_limits *lim);

/* Read and compile the scenario at path (named in messages as given).
 * Returns NULL with diagnostics in *d (a syntax error) or an error in *e
 * (the file cannot be read).  lim may be NULL for the defaults. */
struct script	*script_new(const char *path, const struct script_limits *lim,
		     struct diags *d, struct error *e);
void		 script_free(struct script *s);		/* NULL: no-op */

/* Start a run: reset ex with the seed, run the scenario's declarations
 * into it in a fresh environment and resolve them.  Every problem found
 * goes to *d; returns -1 if there was any (ex is then unusable until the
 * next script_begin).  The script stays bound to ex until script_end. */
int		 script_begin(struct script *s, struct exercise *ex,
		     uint64_t seed, struct diags *d);
/* Drop the run's timers, handlers and environment. */
void		 script_end(struct script *s);

/* The scenario file as read (for its hash), and its name as given. */
const char	*script_source(const struct script *s, size_t *len);
const char	*script_path(const struct script *s);

/* The run's on() handlers, in the order registered: the i-th one's event
 * kind ("decision"...), inject (NULL: every inject), line, and whether it
 * has run yet.  Returns -1 past the last. */
int		 script_handler(const struct script *s, size_t i,
		     const char **kind, const char **inject, int *line,
		     int *ran);

/* Bytes the Lua state holds now. */
size_t		 script_memory(const struct script *s);

#endif

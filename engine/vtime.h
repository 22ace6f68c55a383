/*
 * Reading and writing times as planners and players see them: durations
 * ("45s", "90m", "1h30m", "2d", "T+1h", "1:30", "01:30:00"), scenario
 * offsets ("T+01:30:00") and the scenario's wall-calendar start
 * ("2026-03-14T08:00:00Z").
 */
#ifndef TTX_VTIME_H
#define TTX_VTIME_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "sim.h"

/* Parse a duration string into milliseconds.  0 on success; -1 with a
 * message (that does not repeat the input) in *e. */
int	vtime_parse(const char *s, sim_time *out, struct error *e);
/* Format an offset as "T+HH:MM:SS" (hours not wrapped: "T+72:00:00"),
 * with ".mmm" if it has milliseconds.  Returns buf. */
char	*vtime_format(sim_time t, char *buf, size_t len);
/* Format a duration compactly: "45s", "1h30m", "2d". Returns buf. */
char	*vtime_format_short(sim_time t, char *buf, size_t len);
/* Parse "YYYY-MM-DDTHH:MM[:SS](Z|+HH:MM|-HH:MM)" to seconds since the
 * epoch, UTC. */
int	vtime_parse_iso(const char *s, int64_t *out, struct error *e);
/* Format seconds since the epoch as "YYYY-MM-DD HH:MMZ". Returns buf. */
char	*vtime_format_iso(int64_t epoch, char *buf, size_t len);

#define VTIME_BUFSZ 32

#endif

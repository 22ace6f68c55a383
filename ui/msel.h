/*
 * MSEL spreadsheets (HSEEP's Master Scenario Events List) to and from
 * scenarios: export writes a scenario's injects as RFC 4180 CSV; import
 * turns a planner's CSV into a scenario skeleton that `ttxsim check'
 * accepts.  Used by `ttxsim msel' and its fuzz harness.
 */
#ifndef TTX_MSEL_H
#define TTX_MSEL_H

#include <stdio.h>

struct exercise;

/* The injects of ex (declarations loaded) as CSV, in time order. */
void	msel_export(const struct exercise *ex, FILE *f);
/* The CSV at file as a Lua scenario on out.  0; 1 with "FILE:LINE:
 * column 'C': message" on err for a bad row or header (out then holds
 * part of a scenario: the caller discards it); 2 if it cannot be read. */
int	msel_import(const char *file, FILE *out, FILE *err);

#endif

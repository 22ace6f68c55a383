/*
 * The after-action report, a function of the journal alone: read it into
 * a model (report_load), then write the model as Markdown, self-contained
 * HTML with an inline SVG timeline, or JSON.  Shaped like the HSEEP
 * After-Action Report / Improvement Plan: overview, objectives rated
 * P/S/M/U with the reasons, strengths and areas for improvement with
 * evidence linked to the timeline, per-role metrics, information sharing,
 * the path taken, scenario errors, hot-wash answers, improvement plan.
 */
#ifndef TTX_REPORT_H
#define TTX_REPORT_H

#include <stdio.h>

#include "error.h"

struct report;

enum report_format { REPORT_MD, REPORT_HTML, REPORT_JSON };

/* Read the journal at path (a torn last line is dropped, with a warning
 * in the report; a damaged journal fails with "line N: ..."). */
struct report	*report_load(const char *path, struct error *e);
void		 report_free(struct report *r);		/* NULL: no-op */
/* Write the report; -1 with a message if f cannot be written. */
int		 report_write(struct report *r, enum report_format fmt,
		     FILE *f, struct error *e);
/* "md", "html", "json" -> format; -1 if unknown. */
int		 report_format_parse(const char *name);

#endif

/*
 * A scenario run for unit tests: write the Lua text to a temp file, load
 * it, run it headless with bots, and collect the timeline as text lines
 * ("T+00:01:00 log hello") so tests assert on exact behaviour.
 */
#ifndef TTX_HARNESS_H
#define TTX_HARNESS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* mkstemps is in glibc but not in POSIX */
int	mkstemps(char *, int);

#include "bot.h"
#include "exercise.h"
#include "script.h"
#include "vtime.h"

struct harness {
	char		 path[64];
	char		*out;		/* the timeline, one record a line */
	size_t		 len, cap;
	struct diags	 diags;
	struct script	*s;
	struct exercise	*ex;
	struct bot	*bots;
	int		 loaded;
};

static __attribute__((unused)) void
h_append(struct harness *h, const char *line)
{
	size_t	n = strlen(line);

	if (h->len + n + 2 > h->cap) {
		h->cap = (h->len + n + 2) * 2;
		h->out = realloc(h->out, h->cap);
	}
	memcpy(h->out + h->len, line, n);
	h->len += n;
	h->out[h->len++] = '\n';
	h->out[h->len] = '\0';
}

static __attribute__((unused)) void
h_sink(struct exercise *ex, const struct ex_record *r, void *arg)
{
	struct harness	*h = arg;
	char		 t[VTIME_BUFSZ], line[2048];
	const char	*what = NULL;

	vtime_format(r->t, t, sizeof t);
	switch (r->kind) {
	case REC_INJECT:
		snprintf(line, sizeof line, "%s inject %s %s", t,
		    ex->injects[r->inject].id,
		    ex->deliveries[r->delivery].title);
		break;
	case REC_DECISION:
		snprintf(line, sizeof line, "%s decision %s %s%s", t,
		    ex->injects[r->inject].id,
		    ex->injects[r->inject].choices[r->choice].id,
		    r->late ? " late" : "");
		break;
	case REC_TIMEOUT:
		snprintf(line, sizeof line, "%s timeout %s", t,
		    ex->injects[r->inject].id);
		break;
	case REC_OBJECTIVE:
		snprintf(line, sizeof line, "%s %s %s%s%s", t,
		    exercise_verdict_name(r->verdict),
		    ex->objectives[r->objective].id, r->text ? " " : "",
		    r->text ? r->text : "");
		break;
	case REC_LOG:
		what = "log";
		/* FALLTHROUGH */
	case REC_ERROR:
		snprintf(line, sizeof line, "%s %s %.*s", t,
		    what ? what : "error", (int)strcspn(r->text, "\n"),
		    r->text);
		break;
	case REC_END:
		snprintf(line, sizeof line, "%s end%s%s", t,
		    r->text ? " " : "", r->text ? r->text : "");
		break;
	default:
		return;		/* start, phase, ack: not asserted here */
	}
	h_append(h, line);
}

/* Load `lua' (scenario header added unless it declares its own). */
static __attribute__((unused)) int
h_load(struct harness *h, const char *lua, const struct script_limits *lim)
{
	struct error	 e;
	FILE		*f;
	int		 fd;

	memset(h, 0, sizeof *h);
	strcpy(h->path, "/tmp/ttx-test-XXXXXX.lua");
	fd = mkstemps(h->path, 4);
	f = fdopen(fd, "w");
	if (strstr(lua, "scenario {") == NULL)
		fputs("scenario { id = \"t\", title = \"T\", duration = "
		    "\"10h\" } role \"r\" { delay = 60 }\n", f);
	fputs(lua, f);
	fclose(f);
	diags_init(&h->diags, h->path);
	h->ex = exercise_new();
	h->s = script_new(h->path, lim, &h->diags, &e);
	unlink(h->path);	/* read into memory: nothing left behind */
	if (h->s == NULL)
		return -1;
	if (script_begin(h->s, h->ex, 1, &h->diags) != 0)
		return -1;
	h->loaded = 1;
	return 0;
}

/* Load and run to the end; returns the timeline (or the diagnostics,
 * "line: message" each, if it did not load). */
static __attribute__((unused)) const char *
h_run(struct harness *h, const char *lua, const struct script_limits *lim)
{
	char	line[2048];
	size_t	i;

	if (h_load(h, lua, lim) != 0) {
		diags_sort(&h->diags);
		for (i = 0; i < h->diags.n; i++) {
			snprintf(line, sizeof line, "%d: %s",
			    h->diags.v[i].line, h->diags.v[i].msg);
			h_append(h, line);
		}
		return h->out != NULL ? h->out : "";
	}
	h->bots = bot_new(h->ex, BOT_FIRST, 1);
	exercise_set_sink(h->ex, h_sink, h);
	exercise_start(h->ex);
	exercise_run(h->ex, SIM_NEVER);
	return h->out != NULL ? h->out : "";
}

static __attribute__((unused)) void
h_free(struct harness *h)
{
	bot_free(h->bots);
	script_free(h->s);
	exercise_free(h->ex);
	diags_free(&h->diags);
	free(h->out);
}

/* The timeline with the temp file's name replaced by "F". */
static __attribute__((unused)) const char *
h_norm(struct harness *h)
{
	static char	 buf[65536];
	const char	*p = h->out ? h->out : "";
	size_t		 plen = strlen(h->path), o = 0;

	while (*p && o < sizeof buf - 2) {
		if (strncmp(p, h->path, plen) == 0) {
			buf[o++] = 'F';
			p += plen;
		} else
			buf[o++] = *p++;
	}
	buf[o] = '\0';
	return buf;
}

#endif

/*
 * MSEL spreadsheets: see msel.h.
 *
 * Export writes RFC 4180 CSV by hand (quoting is a few lines); import
 * reads it with libcsv, byte by byte so that each row's first line is
 * known for its error messages.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <csv.h>

#include "exercise.h"
#include "msel.h"
#include "tlp.h"
#include "vtime.h"
#include "xmalloc.h"

#define EXIT_PROBLEM	1
#define EXIT_USAGE	2

static const char *const msel_columns[] = {
	"Event #", "Inject ID", "Scenario time", "Phase", "From", "To",
	"Delivery method", "Message title", "Message text",
	"Expected player action", "Objective", "Capability", "TLP",
	"Decision", "Held/Contingency", "Notes", NULL
};

/* One field, quoted if it must be (RFC 4180). */
static void
field(FILE *f, const char *s, int last)
{
	const char	*p;

	if (s == NULL)
		s = "";
	if (strpbrk(s, ",\"\r\n") != NULL) {
		fputc('"', f);
		for (p = s; *p != '\0'; p++) {
			if (*p == '"')
				fputc('"', f);
			fputc(*p, f);
		}
		fputc('"', f);
	} else
		fputs(s, f);
	fputs(last ? "\r\n" : ",", f);
}

static const char *
msel_time(sim_time at, char *buf, size_t len)
{
	int64_t	m;

	if (at == EX_HELD)
		return "HELD";
	m = at / SIM_MIN;
	snprintf(buf, len, "T+%lld:%02lld", (long long)(m / 60),
	    (long long)(m % 60));
	return buf;
}

static int
cmp_inject(const int *a, const int *b, const struct exercise *ex)
{
	const struct ex_inject	*x = &ex->injects[*a];
	const struct ex_inject	*y = &ex->injects[*b];

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return x->line - y->line;
}

void
msel_export(const struct exercise *ex, FILE *f)
{
	const struct ex_inject	*in;
	char			 n[24], t[32], dl[48], *to, *dec, *p;
	size_t			 i, k, len;
	int			*order;

	for (i = 0; msel_columns[i] != NULL; i++)
		field(f, msel_columns[i], msel_columns[i + 1] == NULL);
	order = xcalloc(ex->ninjects + 1, sizeof *order);
	for (i = 0; i < ex->ninjects; i++)
		order[i] = (int)i;
	/* insertion sort: a few dozen injects, and it keeps file order */
	for (i = 1; i < ex->ninjects; i++)
		for (k = i; k > 0 && cmp_inject(&order[k - 1], &order[k],
		    ex) > 0; k--) {
			int tmp = order[k];
			order[k] = order[k - 1];
			order[k - 1] = tmp;
		}
	for (i = 0; i < ex->ninjects; i++) {
		in = &ex->injects[order[i]];
		snprintf(n, sizeof n, "%zu", i + 1);
		field(f, n, 0);
		field(f, in->id, 0);
		field(f, msel_time(in->at, t, sizeof t), 0);
		field(f, in->phase >= 0 ? ex->phases[in->phase].id : "", 0);
		field(f, in->from, 0);
		for (k = len = 0; k < in->nto; k++)
			len += strlen(ex->roles[in->to[k]].id) + 2;
		to = xcalloc(len + 1, 1);
		for (k = 0; k < in->nto; k++) {
			if (k > 0)
				strcat(to, "; ");
			strcat(to, ex->roles[in->to[k]].id);
		}
		field(f, to, 0);
		free(to);
		field(f, "ttxsim console", 0);
		field(f, in->title, 0);
		field(f, in->body, 0);
		field(f, in->expect, 0);
		field(f, in->objective >= 0 ? ex->objectives[in->objective].id :
		    "", 0);
		field(f, in->objective >= 0 ?
		    ex->objectives[in->objective].capability : "", 0);
		for (p = strcpy(t, tlp_name(in->tlp)); *p; p++)
			*p = (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
		field(f, t, 0);
		for (k = len = 0; k < in->nchoices; k++)
			len += strlen(in->choices[k].id) +
			    strlen(in->choices[k].label) + 8;
		dec = xcalloc(len + 64, 1);
		/* one per line: a label may hold a semicolon */
		for (k = 0; k < in->nchoices; k++) {
			strcat(dec, k ? "\n" : "");
			strcat(dec, in->choices[k].id);
			strcat(dec, " = ");
			strcat(dec, in->choices[k].label);
		}
		if (in->deadline > 0) {
			snprintf(dl, sizeof dl, "%sdeadline %s", in->nchoices ?
			    "\n" : "", vtime_format_short(in->deadline,
			    t, sizeof t));
			strcat(dec, dl);
		}
		field(f, dec, 0);
		free(dec);
		field(f, in->contingency ? "contingency" : in->at == EX_HELD ?
		    "held" : "", 0);
		field(f, in->notes != NULL ? in->notes : "", 1);
	}
	free(order);
}


/* Import. */

enum { MC_NUM, MC_ID, MC_TIME, MC_PHASE, MC_FROM, MC_TO, MC_TITLE, MC_TEXT,
    MC_EXPECT, MC_OBJECTIVE, MC_CAPABILITY, MC_TLP, MC_DECISION, MC_HELD,
    MC_NOTES, MC__COUNT };

/* Column names as planners write them, squashed to [a-z0-9]. */
static const char *const msel_names[MC__COUNT][5] = {
	[MC_NUM] = { "event", "eventno", "eventnumber", NULL },
	[MC_ID] = { "injectid", "id", NULL },
	[MC_TIME] = { "scenariotime", "designatedscenariotime", "time",
	    "dst", NULL },
	[MC_PHASE] = { "phase", "module", NULL },
	[MC_FROM] = { "from", "sender", NULL },
	[MC_TO] = { "to", "recipient", "recipients", "player", NULL },
	[MC_TITLE] = { "messagetitle", "title", "subject", "eventtitle",
	    NULL },
	[MC_TEXT] = { "messagetext", "message", "text", "body",
	    "description" },
	[MC_EXPECT] = { "expectedplayeraction", "expectedaction",
	    "expectedoutcome", NULL },
	[MC_OBJECTIVE] = { "objective", "objectives", NULL },
	[MC_CAPABILITY] = { "capability", "corecapability", NULL },
	[MC_TLP] = { "tlp", NULL },
	[MC_DECISION] = { "decision", "choices", NULL },
	[MC_HELD] = { "heldcontingency", "held", "type", NULL },
	[MC_NOTES] = { "notes", "note", "remarks", "controllernotes", NULL },
};
static const char *const msel_shown[MC__COUNT] = { "Event #", "Inject ID",
    "Scenario time", "Phase", "From", "To", "Message title", "Message text",
    "Expected player action", "Objective", "Capability", "TLP", "Decision",
    "Held/Contingency", "Notes" };

struct msel_row {
	char		**f;
	size_t		 n;
	size_t		 line;
};

struct msel_read {
	struct msel_row	*rows;
	size_t		 nrows;
	char		**cur;		/* the row being read */
	size_t		 ncur;
	size_t		 line, row_line;
	int		 pending;	/* a row ended: note where the next starts */
};

static void
msel_field(void *s, size_t len, void *arg)
{
	struct msel_read	*r = arg;
	char			*v = xcalloc(len + 1, 1), *o;
	const char		*in = s;
	size_t			 i;

	/* a spreadsheet's CRLF inside a quoted cell is a line break */
	for (i = 0, o = v; i < len; i++)
		if (!(in[i] == '\r' && i + 1 < len && in[i + 1] == '\n'))
			*o++ = in[i];
	r->cur = xreallocarray(r->cur, r->ncur + 1, sizeof *r->cur);
	r->cur[r->ncur++] = v;
}

static void
msel_row_end(int c, void *arg)
{
	struct msel_read	*r = arg;

	(void)c;
	r->rows = xreallocarray(r->rows, r->nrows + 1, sizeof *r->rows);
	r->rows[r->nrows].f = r->cur;
	r->rows[r->nrows].n = r->ncur;
	r->rows[r->nrows].line = r->row_line;
	r->nrows++;
	r->cur = NULL;
	r->ncur = 0;
	r->pending = 1;
}

/* "Message title" -> "messagetitle" */
static void
squash(const char *s, char *out, size_t len)
{
	size_t	n = 0;

	for (; *s && n + 1 < len; s++)
		if (isalnum((unsigned char)*s))
			out[n++] = (char)tolower((unsigned char)*s);
	out[n] = '\0';
}

/* An id from free text: "Grid SOC" -> "grid-soc". */
static char *
slug(const char *s)
{
	char	*o = xcalloc(strlen(s) + 2, 1), *p = o;

	for (; *s; s++) {
		if (isalnum((unsigned char)*s))
			*p++ = (char)tolower((unsigned char)*s);
		else if (p > o && p[-1] != '-')
			*p++ = '-';
	}
	while (p > o && p[-1] == '-')
		p--;
	*p = '\0';
	if (*o == '\0') {
		free(o);
		o = xstrdup("x");
	}
	return o;
}

static char *
trim(char *s)
{
	char	*e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

/*
 * Digits at *s, moved past them; the number of digits, 0 if none.  The
 * value stops growing at 999999999: more is past every bound anyway.
 */
static int
msel_digits(const char **s, long *v)
{
	int	n = 0;

	for (*v = 0; isdigit((unsigned char)**s); (*s)++, n++)
		*v = *v > 99999999 ? 999999999 : *v * 10 + (**s - '0');
	return n;
}

/* "1:30" or "1:30:00" into v (days, hours, minutes, seconds). */
static int
msel_time_clock(const char *s, long *v, char *why, size_t len)
{
	int	n;

	if (msel_digits(&s, &v[1]) == 0 || *s++ != ':')
		return -1;
	if ((n = msel_digits(&s, &v[2])) == 0)
		return -1;
	if (n != 2 || v[2] > 59) {
		snprintf(why, len, "minutes must be 00-59");
		return -1;
	}
	if (*s == ':') {
		s++;
		if ((n = msel_digits(&s, &v[3])) == 0)
			return -1;
		if (n != 2 || v[3] > 59) {
			snprintf(why, len, "seconds must be 00-59");
			return -1;
		}
	}
	while (isspace((unsigned char)*s))
		s++;
	return *s == '\0' ? 0 : -1;
}

/*
 * "D+1 H+2 M+30 S+15" into v.  Each unit once and in that order; after a
 * larger unit, H+ is at most 23 and M+ and S+ at most 59, but the first
 * unit written may be any number: planners write "H+30" and "M+90".
 */
static int
msel_time_units(const char *s, long *v, char *why, size_t len)
{
	static const char		 units[] = "DHMS";
	static const char *const	 names[] = { "days", "hours",
					    "minutes", "seconds" };
	static const long		 max[] = { 0, 23, 59, 59 };
	const char			*u;
	int				 i, last = -1;

	while (*s != '\0') {
		u = strchr(units, toupper((unsigned char)*s));
		if (u == NULL || s[1] != '+')
			return -1;
		i = (int)(u - units);
		s += 2;
		if (msel_digits(&s, &v[i]) == 0)
			return -1;
		if (i == last) {
			snprintf(why, len, "%c+ written twice", *u);
			return -1;
		}
		if (i < last) {
			snprintf(why, len, "units must come in the order D+ "
			    "H+ M+ S+");
			return -1;
		}
		if (last != -1 && v[i] > max[i]) {
			snprintf(why, len, "%s must be 0-%ld after %c+",
			    names[i], max[i], units[last]);
			return -1;
		}
		last = i;
		while (isspace((unsigned char)*s))
			s++;
	}
	return last == -1 ? -1 : 0;
}

/*
 * A scenario time: "T+1:30", "T+1:30:00", "1:30", "01:30:00" (minutes
 * and seconds 00-59, hours any number), "D+1 H+2 M+30 S+15" (see
 * msel_time_units), or HELD / empty; at most 366 days.  Returns -1 when
 * it is not one of those, with what is wrong in why ("" when it is not a
 * time at all).
 */
static int
msel_time_parse(const char *s, sim_time *out, char *why, size_t len)
{
	long	v[4] = { 0, 0, 0, 0 };
	int	rc;

	*why = '\0';
	while (isspace((unsigned char)*s))
		s++;
	if (*s == '\0' || strcasecmp(s, "held") == 0) {
		*out = EX_HELD;
		return 0;
	}
	if ((s[0] == 'T' || s[0] == 't') && s[1] == '+')
		s += 2;
	if (isdigit((unsigned char)*s))
		rc = msel_time_clock(s, v, why, len);
	else
		rc = msel_time_units(s, v, why, len);
	if (rc != 0)
		return -1;
	/* a year at most: no overflow, no absurd exercise */
	*out = (((sim_time)v[0] * 24 + v[1]) * 60 + v[2]) * SIM_MIN +
	    (sim_time)v[3] * SIM_SEC;
	if (*out > 366 * SIM_DAY) {
		snprintf(why, len, "more than 366 days");
		return -1;
	}
	return 0;
}

/* A Lua string literal for s. */
static void
lua_str(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fprintf(f, "\\%c", *s);
		else if (*s == '\n')
			fputs("\\n", f);
		else if ((unsigned char)*s < 0x20)
			fprintf(f, "\\%03d", (unsigned char)*s);
		else
			fputc(*s, f);
	}
	fputc('"', f);
}

struct msel_list {		/* distinct ids, in order met */
	char	**v;
	char	**extra;	/* a title, a capability */
	sim_time *at;
	size_t	 n;
};

static size_t
list_add(struct msel_list *l, const char *id, const char *extra,
    sim_time at)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i], id) == 0) {
			if (at < l->at[i])
				l->at[i] = at;
			if (extra && *extra && (l->extra[i] == NULL ||
			    *l->extra[i] == '\0')) {
				free(l->extra[i]);
				l->extra[i] = xstrdup(extra);
			}
			return i;
		}
	l->v = xreallocarray(l->v, l->n + 1, sizeof *l->v);
	l->extra = xreallocarray(l->extra, l->n + 1, sizeof *l->extra);
	l->at = xreallocarray(l->at, l->n + 1, sizeof *l->at);
	l->v[l->n] = xstrdup(id);
	l->extra[l->n] = extra ? xstrdup(extra) : NULL;
	l->at[l->n] = at;
	return l->n++;
}

static void
list_free(struct msel_list *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i]);
		free(l->extra[i]);
	}
	free(l->v);
	free(l->extra);
	free(l->at);
}

/*
 * When each phase begins: with its first timed inject (its at, from
 * list_add), the first of them at T+0 (the exercise starts in it), and
 * one of held injects only with the phase met before it.
 */
static void
phases_begin(struct msel_list *l)
{
	size_t	i, first = 0;

	for (i = 0; i < l->n; i++)
		if (l->at[i] < l->at[first])
			first = i;
	if (l->n > 0)
		l->at[first] = 0;
	for (i = 0; i < l->n; i++)
		if (l->at[i] == EX_HELD)
			l->at[i] = i > 0 ? l->at[i - 1] : 0;
}

static FILE	*msel_err;		/* where import's messages go */

static int	msel_fail(const char *, size_t, const char *, const char *,
		    ...) __attribute__((format(printf, 4, 5)));

static int
msel_fail(const char *file, size_t line, const char *col, const char *fmt,
    ...)
{
	va_list	ap;

	fprintf(msel_err, "%s:%zu: ", file, line);
	if (col != NULL)
		fprintf(msel_err, "column '%s': ", col);
	va_start(ap, fmt);
	vfprintf(msel_err, fmt, ap);
	va_end(ap);
	fputc('\n', msel_err);
	return EXIT_PROBLEM;
}

static const char *
cell(const struct msel_row *r, const int *col, int c)
{
	return col[c] >= 0 && (size_t)col[c] < r->n ? r->f[col[c]] : "";
}

int
msel_import(const char *file, FILE *out, FILE *err)
{
	struct msel_read	 rd;
	struct csv_parser	 p;
	struct msel_list	 roles = { 0 }, phases = { 0 }, objs = { 0 };
	struct msel_list	 ids = { 0 };
	const struct msel_row	*r;
	char			*buf, name[64], *v, *tok, *save, *id, *tl;
	char			 dur[32], why[64];
	const char		*c;
	size_t			 len = 0, i, k, off = 0;
	int			 col[MC__COUNT], rc = 0, j;
	sim_time		 at, dl;
	FILE			*f;

	msel_err = err;
	if ((f = fopen(file, "rb")) == NULL) {
		fprintf(msel_err, "ttxsim msel: %s: %s\n", file,
		    strerror(errno));
		return EXIT_USAGE;
	}
	buf = NULL;
	{
		char	tmp[65536];
		size_t	n;
		while ((n = fread(tmp, 1, sizeof tmp, f)) > 0) {
			buf = xreallocarray(buf, len + n + 1, 1);
			memcpy(buf + len, tmp, n);
			len += n;
		}
	}
	fclose(f);
	if (buf == NULL)
		return msel_fail(file, 1, NULL, "empty: no header row%s", "");
	buf[len] = '\0';
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		off = 3;		/* a UTF-8 byte-order mark */

	/* byte by byte, to know the line each row starts on */
	memset(&rd, 0, sizeof rd);
	rd.line = rd.row_line = 1;
	csv_init(&p, CSV_STRICT | CSV_STRICT_FINI);
	for (i = off; i < len; i++) {
		if (rd.pending && buf[i] != '\r' && buf[i] != '\n') {
			rd.row_line = rd.line;
			rd.pending = 0;
		}
		if (csv_parse(&p, buf + i, 1, msel_field, msel_row_end,
		    &rd) != 1)
			break;
		if (buf[i] == '\n')
			rd.line++;
	}
	if (i < len || csv_fini(&p, msel_field, msel_row_end, &rd) != 0)
		rc = msel_fail(file, rd.row_line, NULL, "bad CSV: %s (a "
		    "quote not closed, or text after a closing quote)",
		    csv_strerror(csv_error(&p)));
	csv_free(&p);
	free(buf);
	for (i = 0; i < rd.ncur; i++)
		free(rd.cur[i]);
	free(rd.cur);
	if (rc != 0 || rd.nrows == 0) {
		if (rc == 0)
			rc = msel_fail(file, 1, NULL, "empty: no header "
			    "row%s", "");
		goto out;
	}

	/* the header: which column is which */
	for (j = 0; j < MC__COUNT; j++)
		col[j] = -1;
	for (k = 0; k < rd.rows[0].n; k++) {
		squash(rd.rows[0].f[k], name, sizeof name);
		for (j = 0; j < MC__COUNT; j++)
			for (i = 0; i < 5 && msel_names[j][i]; i++)
				if (col[j] == -1 && strcmp(name,
				    msel_names[j][i]) == 0)
					col[j] = (int)k;
	}
	if (col[MC_TIME] == -1 || col[MC_TO] == -1 || col[MC_TITLE] == -1) {
		rc = msel_fail(file, rd.rows[0].line, NULL, "the header row has "
		    "no %s column", col[MC_TIME] == -1 ? "'Scenario time'" :
		    col[MC_TO] == -1 ? "'To'" : "'Message title'");
		goto out;
	}

	/* first pass: check every row, collect roles, phases, objectives */
	for (k = 1; k < rd.nrows; k++) {
		r = &rd.rows[k];
		for (i = 0; i < r->n && *trim(r->f[i]) == '\0'; i++)
			;
		if (i == r->n)
			continue;	/* an empty row */
		if (msel_time_parse(cell(r, col, MC_TIME), &at, why,
		    sizeof why) != 0) {
			c = msel_shown[MC_TIME];
			if (*why != '\0')
				rc = msel_fail(file, r->line, c, "bad time "
				    "\"%s\": %s", cell(r, col, MC_TIME), why);
			else
				rc = msel_fail(file, r->line, c, "bad time "
				    "\"%s\" (T+1:30, D+1 H+2 M+30, 01:30:00 or "
				    "HELD)", cell(r, col, MC_TIME));
			goto out;
		}
		if (*trim((char *)cell(r, col, MC_TO)) == '\0') {
			rc = msel_fail(file, r->line, msel_shown[MC_TO],
			    "empty: who receives it?%s", "");
			goto out;
		}
		if (*trim((char *)cell(r, col, MC_TITLE)) == '\0') {
			rc = msel_fail(file, r->line, msel_shown[MC_TITLE],
			    "empty%s", "");
			goto out;
		}
		c = trim((char *)cell(r, col, MC_TLP));
		if (strncasecmp(c, "tlp:", 4) == 0)
			c += 4;
		if (*c != '\0') {
			tl = slug(c);
			if (strcmp(tl, "amber-strict") == 0)
				strcpy(tl, "amber+strict");
			if (tlp_parse(tl) < 0) {
				free(tl);
				rc = msel_fail(file, r->line, msel_shown[MC_TLP],
				    "\"%s\" is not a TLP label (CLEAR, GREEN, "
				    "AMBER, AMBER+STRICT, RED)",
				    cell(r, col, MC_TLP));
				goto out;
			}
			free(tl);
		}
		v = xstrdup(cell(r, col, MC_TO));
		for (tok = strtok_r(v, ";,", &save); tok != NULL;
		    tok = strtok_r(NULL, ";,", &save)) {
			if (*trim(tok) == '\0')
				continue;
			id = slug(tok);
			list_add(&roles, id, trim(tok), 0);
			free(id);
		}
		free(v);
		if (*trim((char *)cell(r, col, MC_PHASE)) != '\0') {
			id = slug(cell(r, col, MC_PHASE));
			/* a phase begins with its first timed inject: EX_HELD
			 * is later than any */
			list_add(&phases, id, cell(r, col, MC_PHASE), at);
			free(id);
		}
		if (*trim((char *)cell(r, col, MC_OBJECTIVE)) != '\0') {
			id = slug(cell(r, col, MC_OBJECTIVE));
			list_add(&objs, id, cell(r, col, MC_CAPABILITY), 0);
			free(id);
		}
	}

	/* write the skeleton */
	squash(file, name, sizeof name);
	c = strrchr(file, '/') ? strrchr(file, '/') + 1 : file;
	v = xstrdup(c);
	if (strrchr(v, '.') != NULL)
		*strrchr(v, '.') = '\0';
	id = slug(v);
	fprintf(out, "-- Imported from %s by `ttxsim msel import`.  A skeleton:\n"
	    "-- every inject is declared with its time, recipients and text;\n"
	    "-- the story's branches (on(\"decision\", ...) handlers), the\n"
	    "-- organisations and the objectives' texts are TODOs.\n\n", c);
	fprintf(out, "scenario {\n  id = ");
	lua_str(out, id);
	fprintf(out, ",\n  title = ");
	lua_str(out, v);
	fprintf(out, ",\n}\n\n");
	free(v);
	free(id);
	fprintf(out, "-- TODO: the real organisations, with teams and "
	    "clients (TLP:AMBER\n-- goes to an organisation and its "
	    "clients).\norg \"exercise\" { name = \"TODO\" }\n\n");
	for (i = 0; i < roles.n; i++) {
		fprintf(out, "role ");
		lua_str(out, roles.v[i]);
		fprintf(out, " { name = ");
		lua_str(out, roles.extra[i]);
		fprintf(out, ", org = \"exercise\" }\n");
	}
	fprintf(out, "\n");
	phases_begin(&phases);
	for (i = 0; i < phases.n; i++) {
		fprintf(out, "phase ");
		lua_str(out, phases.v[i]);
		fprintf(out, " { title = ");
		lua_str(out, phases.extra[i]);
		fprintf(out, ", at = \"%s\" }\n", vtime_format_short(
		    phases.at[i], dur, sizeof dur));
	}
	if (phases.n)
		fprintf(out, "\n");
	for (i = 0; i < objs.n; i++) {
		fprintf(out, "objective ");
		lua_str(out, objs.v[i]);
		fprintf(out, " {\n  text = \"TODO: what success looks like\",\n");
		if (objs.extra[i] != NULL && *objs.extra[i]) {
			fprintf(out, "  capability = ");
			lua_str(out, objs.extra[i]);
			fprintf(out, ",\n");
		}
		fprintf(out, "}\n");
	}
	if (objs.n)
		fprintf(out, "\n");
	for (k = 1; k < rd.nrows; k++) {
		r = &rd.rows[k];
		for (i = 0; i < r->n && *r->f[i] == '\0'; i++)
			;
		if (i == r->n)
			continue;
		msel_time_parse(cell(r, col, MC_TIME), &at, why, sizeof why);
		c = cell(r, col, MC_ID);
		if (*c == '\0')
			c = cell(r, col, MC_NUM);
		v = *c ? slug(c) : xasprintf("event-%zu", k);
		if (*c && isdigit((unsigned char)*v)) {
			id = xasprintf("event-%s", v);
			free(v);
			v = id;
		}
		/* a repeated id gets a suffix */
		for (j = 2, id = xstrdup(v); ; j++) {
			for (i = 0; i < ids.n && strcmp(ids.v[i], id) != 0;
			    i++)
				;
			if (i == ids.n)
				break;
			free(id);
			id = xasprintf("%s-%d", v, j);
		}
		free(v);
		list_add(&ids, id, NULL, 0);
		fprintf(out, "-- %s:%zu\ninject ", file, r->line);
		lua_str(out, id);
		fprintf(out, " {\n");
		if (at != EX_HELD)
			fprintf(out, "  at = \"%s\",\n", vtime_format_short(at,
			    dur, sizeof dur));
		fprintf(out, "  to = {");
		v = xstrdup(cell(r, col, MC_TO));
		for (tok = strtok_r(v, ";,", &save), j = 0; tok != NULL;
		    tok = strtok_r(NULL, ";,", &save)) {
			if (*trim(tok) == '\0')
				continue;
			tl = slug(tok);
			fprintf(out, "%s", j++ ? ", " : " ");
			lua_str(out, tl);
			free(tl);
		}
		free(v);
		fprintf(out, " },\n");
		if (*cell(r, col, MC_FROM)) {
			fprintf(out, "  from = ");
			lua_str(out, cell(r, col, MC_FROM));
			fprintf(out, ",\n");
		}
		fprintf(out, "  title = ");
		lua_str(out, cell(r, col, MC_TITLE));
		fprintf(out, ",\n  body = ");
		lua_str(out, *cell(r, col, MC_TEXT) ? cell(r, col, MC_TEXT) :
		    "TODO: the message");
		fprintf(out, ",\n");
		if (*cell(r, col, MC_EXPECT)) {
			fprintf(out, "  expect = ");
			lua_str(out, cell(r, col, MC_EXPECT));
			fprintf(out, ",\n");
		}
		if (*cell(r, col, MC_NOTES)) {
			fprintf(out, "  notes = ");
			lua_str(out, cell(r, col, MC_NOTES));
			fprintf(out, ",\n");
		}
		if (*cell(r, col, MC_OBJECTIVE)) {
			tl = slug(cell(r, col, MC_OBJECTIVE));
			fprintf(out, "  objective = ");
			lua_str(out, tl);
			fprintf(out, ",\n");
			free(tl);
		}
		if (*cell(r, col, MC_PHASE)) {
			tl = slug(cell(r, col, MC_PHASE));
			fprintf(out, "  phase = ");
			lua_str(out, tl);
			fprintf(out, ",\n");
			free(tl);
		}
		c = cell(r, col, MC_TLP);
		if (strncasecmp(c, "tlp:", 4) == 0)
			c += 4;
		if (*c) {
			tl = slug(c);
			if (strcmp(tl, "amber-strict") == 0)
				strcpy(tl, "amber+strict");
			fprintf(out, "  tlp = \"%s\",\n", tl);
			free(tl);
		}
		/* "key = Label" a line (or "; " between them), and
		 * "deadline 45m" */
		dl = 0;
		v = xstrdup(cell(r, col, MC_DECISION));
		j = 0;
		c = strchr(v, '\n') != NULL ? "\r\n" : ";";
		for (tok = strtok_r(v, c, &save); tok != NULL;
		    tok = strtok_r(NULL, c, &save)) {
			char *eq = strchr(tok, '=');
			tok = trim(tok);
			if (strncasecmp(tok, "deadline", 8) == 0) {
				struct error e2;
				if (vtime_parse(trim(tok + 8), &dl, &e2) != 0)
					dl = 0;
				continue;
			}
			if (eq == NULL)
				continue;
			*eq = '\0';
			fprintf(out, "%s", j++ ? ",\n    { " :
			    "  choices = {\n    { ");
			tl = slug(tok);
			lua_str(out, tl);
			free(tl);
			fprintf(out, ", ");
			lua_str(out, trim(eq + 1));
			fprintf(out, " }");
		}
		free(v);
		if (j > 0) {
			fprintf(out, ",\n  },\n");
			if (dl > 0)
				fprintf(out, "  deadline = \"%s\",\n",
				    vtime_format_short(dl, dur, sizeof dur));
		}
		squash(cell(r, col, MC_HELD), name, sizeof name);
		if (strstr(name, "contingency") != NULL)
			fprintf(out, "  contingency = true,\n");
		fprintf(out, "}\n");
		if (j > 0) {
			fprintf(out, "-- TODO: what each choice changes:\n"
			    "-- on(\"decision\", ");
			lua_str(out, id);
			fprintf(out, ", function(d) ... end)\n");
		}
		if (at == EX_HELD)
			fprintf(out, "-- TODO: held: fire(");
		if (at == EX_HELD) {
			lua_str(out, id);
			fprintf(out, ") from a handler, or the facilitator "
			    "fires it\n");
		}
		fprintf(out, "\n");
		free(id);
	}
	fprintf(out, "-- TODO: hotwash { \"What went well?\", \"What would you "
	    "change?\" }\n");
out:
	for (k = 0; k < rd.nrows; k++) {
		for (i = 0; i < rd.rows[k].n; i++)
			free(rd.rows[k].f[i]);
		free(rd.rows[k].f);
	}
	free(rd.rows);
	list_free(&roles);
	list_free(&phases);
	list_free(&objs);
	list_free(&ids);
	return rc;
}


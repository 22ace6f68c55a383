/*
 * Diagnostics for planners: see diag.h.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "vis.h"
#include "xmalloc.h"

void
diags_init(struct diags *d, const char *file)
{
	memset(d, 0, sizeof *d);
	d->file = xstrdup(file);
}

void
diags_clear(struct diags *d)
{
	size_t	i;

	for (i = 0; i < d->n; i++)
		free(d->v[i].msg);
	d->n = 0;
}

void
diags_free(struct diags *d)
{
	diags_clear(d);
	free(d->v);
	free(d->file);
	memset(d, 0, sizeof *d);
}

static void
diags_push(struct diags *d, int line, char *msg)
{
	if (d->n == d->cap) {
		d->cap = d->cap == 0 ? 8 : d->cap * 2;
		d->v = xreallocarray(d->v, d->cap, sizeof *d->v);
	}
	d->v[d->n].line = line;
	d->v[d->n].msg = msg;
	d->n++;
}

void
diags_add(struct diags *d, int line, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	diags_push(d, line, xvasprintf(fmt, ap));
	va_end(ap);
}

void
diags_add_lua(struct diags *d, const char *msg)
{
	size_t	 flen = strlen(d->file);
	char	*end;
	long	 line;

	if (strncmp(msg, d->file, flen) == 0 && msg[flen] == ':') {
		line = strtol(msg + flen + 1, &end, 10);
		if (end != msg + flen + 1 && *end == ':' && line > 0) {
			end++;
			if (*end == ' ')
				end++;
			diags_push(d, (int)line, xstrdup(end));
			return;
		}
	}
	if (strncmp(msg, d->file, flen) == 0 && msg[flen] == ':' &&
	    msg[flen + 1] == ' ')
		msg += flen + 2;
	diags_push(d, 0, xstrdup(msg));
}

static int
diags_cmp(const void *a, const void *b)
{
	const struct diag	*x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return strcmp(x->msg, y->msg);
}

void
diags_sort(struct diags *d)
{
	size_t	i, j;

	qsort(d->v, d->n, sizeof *d->v, diags_cmp);
	for (i = j = 0; i < d->n; i++) {
		if (j > 0 && diags_cmp(&d->v[j - 1], &d->v[i]) == 0) {
			free(d->v[i].msg);
			continue;
		}
		d->v[j++] = d->v[i];
	}
	d->n = j;
}

void
diags_print(const struct diags *d, FILE *f)
{
	size_t	i;

	for (i = 0; i < d->n; i++) {
		if (d->v[i].line > 0)
			vis_printf(f, "%s:%d: %s\n", d->file, d->v[i].line,
			    d->v[i].msg);
		else
			vis_printf(f, "%s: %s\n", d->file, d->v[i].msg);
	}
}

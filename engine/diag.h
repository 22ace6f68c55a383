/*
 * A list of planner-facing problems found in a scenario, each printed as
 * "file:line: message".  check collects them all in one pass; loading
 * fails if there is any.
 */
#ifndef TTX_DIAG_H
#define TTX_DIAG_H

#include <stdio.h>

struct diag {
	int	 line;		/* 0 if unknown */
	char	*msg;
};

struct diags {
	char		*file;	/* as the user named it */
	struct diag	*v;
	size_t		 n, cap;
};

void	diags_init(struct diags *d, const char *file);
void	diags_clear(struct diags *d);	/* frees every entry, keeps file */
void	diags_free(struct diags *d);
void	diags_add(struct diags *d, int line, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* Add a message that already carries its own "file:line: " prefix (a Lua
 * error); the line is read from it when it names this file. */
void	diags_add_lua(struct diags *d, const char *msg);
/* Sort by line (then text) and drop exact duplicates. */
void	diags_sort(struct diags *d);
/* Print each as "file:line: msg\n". */
void	diags_print(const struct diags *d, FILE *f);

#endif

/*
 * Text from scenarios, journals and players on its way to a terminal
 * (stdout, stderr), made inert, as vis(3) does for BSD tools: control
 * characters other than newline and tab (C0, DEL, C1: escape sequences
 * could move the cursor, retitle the window or worse) and bytes that are
 * not UTF-8 are written as U+FFFD, as the consoles show them.
 */
#ifndef TTX_VIS_H
#define TTX_VIS_H

#include <stdio.h>

/* Write s[0..len) to f, made inert. */
void	vis_write(FILE *f, const char *s, size_t len);
/* fprintf, with the whole result made inert (the format's own newlines
 * and tabs stay). */
void	vis_printf(FILE *f, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

#endif

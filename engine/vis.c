/*
 * Inert text for terminals: see vis.h.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proto.h"
#include "vis.h"
#include "xmalloc.h"

#define VIS_BAD	"\xef\xbf\xbd"		/* U+FFFD in UTF-8 */

void
vis_write(FILE *f, const char *s, size_t len)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i, n, run = 0;

	for (i = 0; i < len; i += n) {
		n = proto_utf8_seq(u + i, len - i);
		if (n == 1 && (u[i] >= 0x20 || u[i] == '\n' || u[i] == '\t') &&
		    u[i] != 0x7f)
			continue;
		/* C1 controls are U+0080-U+009F: 0xc2 0x80-0x9f */
		if (n > 1 && !(n == 2 && u[i] == 0xc2 && u[i + 1] < 0xa0))
			continue;
		fwrite(s + run, 1, i - run, f);
		fputs(VIS_BAD, f);
		if (n == 0)
			n = 1;
		run = i + n;
	}
	fwrite(s + run, 1, len - run, f);
}

void
vis_printf(FILE *f, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	vis_write(f, s, strlen(s));
	free(s);
}

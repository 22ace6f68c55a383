/*
 * Allocation wrappers that exit on failure: see xmalloc.h.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cJSON.h>

#include "xmalloc.h"

#ifdef TTX_ALLOC_FAIL
static long	xmalloc_fail_at = -2, xmalloc_count;

static void
xmalloc_report(void)
{
	fprintf(stderr, "allocations: %ld\n", xmalloc_count);
}

int
xmalloc_inject(void)
{
	const char	*s;

	if (xmalloc_fail_at == -2) {
		s = getenv("TTXSIM_FAIL_ALLOC");
		xmalloc_fail_at = s != NULL ? atol(s) : -1;
		if (getenv("TTXSIM_COUNT_ALLOC") != NULL)
			atexit(xmalloc_report);
	}
	return ++xmalloc_count == xmalloc_fail_at;
}
#else
int
xmalloc_inject(void)
{
	return 0;
}
#endif

static void __attribute__((noreturn))
xmalloc_fail(size_t n)
{
	static const char	msg[] = "ttxsim: out of memory\n";
	ssize_t			w;

	(void)n;
	/* no stdio, no atexit: nothing that might allocate again */
	w = write(STDERR_FILENO, msg, sizeof msg - 1);
	(void)w;
	_exit(XMALLOC_EXIT);
}

static void *
xmalloc_cjson(size_t size)
{
	return xmalloc(size);
}

void
xmalloc_init(void)
{
	cJSON_Hooks	h = { xmalloc_cjson, free };

	cJSON_InitHooks(&h);
}

void *
xmalloc(size_t size)
{
	void	*p;

	if (xmalloc_inject() || (p = malloc(size == 0 ? 1 : size)) == NULL)
		xmalloc_fail(size);
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void	*p;

	if (xmalloc_inject() || (p = calloc(n == 0 ? 1 : n, size == 0 ? 1 :
	    size)) == NULL)
		xmalloc_fail(n * size);
	return p;
}

void *
xreallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		xmalloc_fail(SIZE_MAX);
	if (xmalloc_inject() || (p = realloc(p, n * size == 0 ? 1 :
	    n * size)) == NULL)
		xmalloc_fail(n * size);
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char	*p;

	p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	va_list	 ap2;
	int	 n;
	char	*p, c;

	va_copy(ap2, ap);
	n = vsnprintf(&c, 1, fmt, ap2);	/* just its length */
	va_end(ap2);
	if (n < 0)
		abort();
	p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list	 ap;
	char	*p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

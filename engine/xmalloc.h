/*
 * Allocation that never returns NULL: out of memory prints a message and
 * exits with status XMALLOC_EXIT (no signal, no core: the journal is
 * whole up to its last committed record), so call sites never check.
 * Lua's own allocations go through the budgeted allocator in script.c,
 * which returns NULL to Lua instead (a scenario error).  cJSON is set to
 * allocate through xmalloc by xmalloc_init.
 *
 * Test builds (meson -Dalloc_fail=true) fail the k-th allocation when
 * TTXSIM_FAIL_ALLOC=k, counting these and Lua's; TTXSIM_COUNT_ALLOC=1
 * prints how many a run made.
 */
#ifndef TTX_XMALLOC_H
#define TTX_XMALLOC_H

#include <stdarg.h>
#include <stddef.h>

#define XMALLOC_EXIT	3

/* Route cJSON's allocations through xmalloc; call once, first thing. */
void	 xmalloc_init(void);
/* Whether this allocation is the one a test build was told to fail. */
int	 xmalloc_inject(void);

void	*xmalloc(size_t size);
void	*xcalloc(size_t n, size_t size);
void	*xreallocarray(void *p, size_t n, size_t size);
char	*xstrdup(const char *s);
char	*xstrndup(const char *s, size_t n);
/* printf into a new string; the caller frees it. */
char	*xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char	*xvasprintf(const char *fmt, va_list ap)
	    __attribute__((format(printf, 1, 0), nonnull(1)));

#endif
